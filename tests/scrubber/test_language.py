"""Language detection: the quick mode (stop once the dominant language is certain) picks the same one."""

from __future__ import annotations

import random


def test_dominant_only_detection_picks_the_same_dominant_language() -> None:
    from scrubber import language

    rng = random.Random(14)
    nl = ["Hallo, ik heb een vraag over mijn factuur van vorige maand en de kosten.",
          "Kunnen jullie de website weer online zetten? Hij doet het al twee dagen niet.",
          "Met vriendelijke groet en alvast bedankt voor de moeite."]
    en = ["Hello, I have a question about my invoice from last month and the costs.",
          "Could you please bring the website back online? It has been down for two days.",
          "Kind regards and thanks in advance for your help with this."]
    codes = ("nl", "en")
    for _ in range(150):
        paragraphs = [rng.choice(rng.choice((nl, en)))[: rng.randint(20, 80)] for _ in range(rng.randint(1, 6))]
        text = "\n\n".join(paragraphs)
        full = language.detect(text, codes, "nl")
        quick = language.detect(text, codes, "nl", complete=False)
        assert quick[0] == full[0]
        assert set(quick[1]) <= set(full[1])
