"""A question about the writer's own privacy with us is a possible request, never a label (issue 18).

Round 14's retrained model scores "what happens to my privacy if I cancel?" just under the ``possible`` level;
such a question is what triage is for (an officer confirms or dismisses it with one click), so a rule says so
whatever the model's score. Questions about the writer's privacy *policy* or settings, or about their own
customers' privacy, are not about their data with us.
"""

from __future__ import annotations

import pytest

from privacy.recognition import recognize

OWN_PRIVACY_QUESTIONS = [
    "Wat gebeurt er eigenlijk met mijn privacy als ik mijn pakket stopzet?",
    "Hoe gaan jullie om met mijn privacy nu ik bij jullie weg ga?",
    "How is my privacy handled once I close the account?",
    "what about my privacy if i leave?",
    "Was passiert mit meiner Privatsphäre, wenn ich kündige?",
    "Et ma vie privée dans tout ça, si je résilie ?",
]

NOT_ABOUT_THEIR_DATA = [
    "Mijn privacyverklaring staat niet meer op de site, kunnen jullie kijken?",
    "Where do I put my privacy policy page in the new theme?",
    "Hoe regel ik de privacy van mijn klanten in de webshop?",
    "Ik ben mijn privacy-instellingen kwijt in het dashboard, waar staan die?",
    "Ma politique de confidentialité ne s'affiche plus ?",
    "The site is slow again today.",
]


@pytest.mark.parametrize("text", OWN_PRIVACY_QUESTIONS)
def test_a_question_about_ones_own_privacy_is_possible(text: str) -> None:
    result = recognize(text)
    assert result.possible or result.labels


@pytest.mark.parametrize("text", NOT_ABOUT_THEIR_DATA)
def test_no_label_and_no_rule_for_a_policy_or_someone_elses_privacy(text: str) -> None:
    from privacy.recognition.own_privacy import asks_about_own_privacy

    assert not asks_about_own_privacy(text)
    assert recognize(text).labels == ()
