"""The ``greeting`` signal: the words right after a greeting or an introduction.

"Hoi Sanne", "Dear Mr O'Neill", "hoi, met sanne", "Good morning Tom"; and after phrases that announce a
name: strong ones ("mijn naam is", "Naam:", "t.n.v.") take any non-everyday word, weak ones ("ik ben",
"met", "collega") need a name-shaped word after them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import product

from scrubber.recognizers.base import may_contain
from scrubber.recognizers.names.candidates import SCORE_STRONG, Candidates
from scrubber.recognizers.names.chains import chain, context_chain, past_openers
from scrubber.recognizers.names.tokens import Token
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import GREETINGS, NameWords

_GREETING_PAIRS = frozenset(
    {
        ("good", "morning"), ("good", "afternoon"), ("good", "evening"), ("guten", "tag"), ("guten", "morgen"),
        ("guten", "abend"), ("sehr", "geehrte"), ("sehr", "geehrter"),
    }
)
_GREETING_PAIR_FIRST = frozenset(first for first, _ in _GREETING_PAIRS)
_GREETING_STARTS = GREETINGS | _GREETING_PAIR_FIRST
# Phrases after which a name follows. Strong ones ("mijn naam is", "Naam:") announce a name and take
# any non-everyday word; weak ones ("ik ben", "met", "collega") need a name-shaped word after them.
# The look-aheads after the look-behinds below list the first letters of the alternatives (a speed-up
# only: under IGNORECASE a class and a literal accept the same characters).
_INTRO_STRONG_RE = re.compile(
    r"(?<![^\s,.:;!(])(?=[mniujtacfvohgsprlzy])"
    r"(?:(?:mijn |my )?na(?:am|me) is|ik heet|my name's|u spreekt met|je spreekt met|"
    r"ik ben het,?|it['’]s me,?|c['’]est moi,?|ich bin['’]?s,?|"
    r"(?:the )?name on (?:the |my )?account is|naam op (?:de |mijn )?rekening is|"
    r"(?:achter|voor|familie|roep)na(?:am|men):|surname:|(?:given|first|last|family) names?:|"
    r"(?:nach|vor|familien)name[n]?:|pr[ée]noms?:|nom(?: de famille)?:|"
    r"t\.a\.v\.?|ter attentie van|attn:?|contactpersoon:?|contact person:?|naam:|name:|full name:|"
    r"volledige naam:|afzender:|name on the account:|account holder:|tenaamstelling:|t\.?n\.?v\.?|ten name van|"
    r"op naam van|naam op (?:de )?(?:factuur|rekening|pas|kaart):|heet|genaamd|"
    # a question for a name answered right after it, being called, a quote's speaker
    r"(?:(?:last|first|family|full|sur|given) ?)?name\?|(?:you can |people |they )?call me|"
    # a maiden name ("Sarah Brenner, née Atkinson", "Anna Keller, geborene Hofstetter", "Ingrid de Wit, geb. Mulder");
    # "nee" without its accent is Dutch for "no", and "geb." before a date takes no word
    r"née|geborene|geb\.)[ \t]*",
    re.IGNORECASE,
)
# one of these is in every _INTRO_STRONG_RE match ("t.n.v." in its four spellings; see ``may_contain``). "it's me"
# and "call me" are spelled out rather than tested as "me", which nearly every text holds ("met", "name", "zomer"):
# then the pattern (some 40 case-insensitive alternatives tried at every word start) ran on almost every message.
_INTRO_STRONG_STEMS = (
    "naam", "name", "heet", "spreekt", "t.a.v", "attentie", "attn", "contact", "afzender", "holder", "tenaamstelling",
    "tnv", "t.nv", "tn.v", "t.n.v", "genaamd", "ik ben het", "it's me", "it’s me", "call me", "moi", "ich bin",
    "surname", "nom", "née", "geborene", "geb.",
)
# a quote's speaker: "..., says Gerste." Products say things too ("zegt Plesk"), so the name after it must
# be two name parts or hold one the lexicon knows
_SAYS_RE = re.compile(r"(?<![^\s,.:;!(\"'”’])(?:says|said|zegt|zei|sagt)[ \t]+")
# Relatives and others named in passing: "mijn vrouw Ayse", "my son Daan", "onze oudste dochter Noor".
_RELATIVES = (
    r"vrouw|man|partner|vriend|vriendin|vriendje|zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|zuster"
    r"|vader|moeder|pa|ma|papa|mama|schoonvader|schoonmoeder|schoonzoon|schoondochter|zwager|schoonzus|opa|oma"
    r"|grootvader|grootmoeder|kleinzoon|kleindochter|oom|tante|neef|neefje|nicht|nichtje|echtgenoot|echtgenote"
    r"|verloofde|ex|buurman|buurvrouw|compagnon|stiefvader|stiefmoeder|stiefzoon|stiefdochter|baas"
    r"|leidinggevende|medewerker|medewerkster|stagiair|stagiaire|assistent|assistente|boekhouder|webbouwer"
    r"|wife|husband|boyfriend|girlfriend|fianc[ée]e?|son|daughter|kid|child|brother|sister|father|mother|dad"
    r"|mum|mom|grandfather|grandmother|grandson|granddaughter|grandpa|grandma|uncle|aunt|nephew|niece|cousin"
    r"|nan|nana|nanna|gran|granny|grandad|granddad"
    r"|stepson|stepdaughter|stepfather|stepmother|neighbour|neighbor|boss|employee|assistant|accountant"
    r"|bookkeeper|developer|designer|friend|collega|colleague|coworker|co-worker"
    r"|frau|mann|sohn|tochter|bruder|schwester|vater|mutter|freundin|kollege|kollegin"
    r"|femme|mari|fils|fille|fr[èe]re|s(?:oe|œ)ur|p[èe]re|m[èe]re|coll[èe]gue"
)
# (?<![^\s,.:;!(])(?:mijn|m['’]n|mn|my|onze|ons|our|haar|zijn|his|her|je|jouw|your|meine?|mon|ma)[ \t]+
# (?:[^\W\d_]+[ \t]+)?(?:RELATIVES)[ \t]*,?[ \t]+ case-insensitively: a possessive, an adjective perhaps
# ("mijn oudste zoon"), the relative, a comma perhaps, then the name. Written like _INTRO_WEAK_RE below to
# start with a plain class of first letters (none of them has another case form under re.IGNORECASE);
# tests/scrubber/recognizers/names/test_greetings.py checks both forms find the same matches.
_RELATIVE_RE = re.compile(
    r"[mohzjyMOHZJY](?<![^\s,.:;!(][mohzjyMOHZJY])"
    r"(?i:(?<=m)ijn|(?<=m)['’]n|(?<=m)n|(?<=m)y|(?<=o)nze|(?<=o)ns|(?<=o)ur|(?<=h)aar|(?<=z)ijn|(?<=h)is|(?<=h)er"
    r"|(?<=j)e|(?<=j)ouw|(?<=y)our|(?<=m)eine?|(?<=m)on|(?<=m)a)[ \t]+"
    r"(?i:(?:[^\W\d_]+[ \t]+)?(?:" + _RELATIVES + r")[ \t]*,?[ \t]+)"
)
# (?<![^\s,.:;!(])(?:ik ben|i am|i'm|it's|its|this is|dit is|namens|on behalf of|collega|colleague|met)[ \t]+
# case-insensitively, written to start with a plain character class: the first letter in every case form
# that re.IGNORECASE equates with it (İ and ı with i), then the look-behind for the character before it,
# then each alternative without its first letter behind a look-behind for that letter, in the original
# order. ``re`` then skips ahead to those letters instead of trying the pattern at every position;
# tests/scrubber/recognizers/names/test_greetings.py checks both forms find the same matches.
_INTRO_WEAK_RE = re.compile(
    r"[itdnomcITDNOMC\u0130\u0131](?<![^\s,.:;!(][itdnomcITDNOMC\u0130\u0131])"
    r"(?i:(?<=i)k ben|(?<=i) am|(?<=i)'m|(?<=i)t['’]?s|(?<=t)his is|(?<=d)it is|(?<=n)amens|(?<=o)n behalf of"
    r"|(?<=c)ollega|(?<=c)olleague|(?<=m)et)[ \t]+"
)
# "thijs hier, ...", "ricardo hier van de snackbar", "hey it's tom here": a name before "hier"/"here" at the
# start of a message; these words may stand between the greeting and the name
_HERE = frozenset({"hier", "here"})
_BEFORE_HERE = GREETINGS | {"it's", "its", "it’s", "this", "is", "met", "ik", "ben", "i", "am", "i'm", "dit", "en"}


def find_greeting_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """A name after a greeting at the start of a line or after ">", "," or "!" ("Hoi Sanne", "Hi, this is Tom")."""
    text, toks = view.text, view.toks
    n = len(toks)
    first_on_line = {line: idxs[0] for line, idxs in view.tok_by_line.items()}
    # only a greeting or the start of a two-word one matters
    for i in [idx for idx, t in enumerate(toks) if t.lower in _GREETING_STARTS and t.kind == "word"]:
        t = toks[i]
        nxt = i + 1
        is_greet = (t.lower in GREETINGS and i == first_on_line.get(t.line, -1)) or (
            t.lower in GREETINGS and i > 0 and toks[i - 1].text in {">", ",", "!"}
        )
        if i + 1 < n and (t.lower, toks[i + 1].lower) in _GREETING_PAIRS and i == first_on_line.get(t.line, -1):
            is_greet, nxt = True, i + 2
        if is_greet:
            if nxt < n and toks[nxt].text == "!" and toks[nxt].line == t.line:
                continue  # "Hoi! Pin van de kluis", "Salut ! Est-ce que": the greeting is a sentence of its own
            # "hoi, met sanne" / "Hi, this is Tom": greeting, comma, intro
            while nxt < n and toks[nxt].text in {",", "!"} and toks[nxt].line == t.line:
                nxt += 1
            context_chain(words, text, toks, nxt, cands.add, "greeting", same_line_as=t.line)


def _progressive(toks: Sequence[Token], k: int) -> bool:
    """Token k is an English verb's -ing form in lower case with a lower-case word after it on its line ("wanting to",
    "needing a"): the lexicon knows some such words as given names ("wanting"), so the next word decides."""
    word = toks[k].text
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        word.islower() and len(word) > 5 and word.endswith("ing")
        and nxt is not None and nxt.line == toks[k].line and nxt.kind == "word" and nxt.text.islower()
    )


def _opens_line(text: str, pos: int) -> bool:
    """``pos`` starts its line or a clause after punctuation or a greeting ("Hoi, met", "goeiemiddag, met", "hoi met
    kevin", "Met Jan"), not a word's object ("brief met Steuer-ID")."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos].rstrip()
    return not before or before[-1] in ",.!?:;>(" or before.rsplit(None, 1)[-1].lower() in GREETINGS


def find_intro_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """Names right after "mijn naam is", "my name is", "Naam:", "t.n.v.", "hoi, met", "collega"."""
    text, toks, starts = view.text, view.toks, view.tok_starts
    strong_possible = may_contain(view.lowered, _INTRO_STRONG_STEMS)
    for pattern, relaxed in ((_INTRO_STRONG_RE, True), (_INTRO_WEAK_RE, False), (_RELATIVE_RE, False)):
        if pattern is _INTRO_STRONG_RE and not strong_possible:
            continue  # no match possible (speed-up only)
        for m in pattern.finditer(text):
            if pattern is _INTRO_WEAK_RE and m.group()[:3].lower() == "met" and not _opens_line(text, m.start()):
                continue  # "met" names the speaker only as a call's opening ("hoi, met sanne"); else it is "with"
            k = bisect_left(starts, m.end())
            if k >= len(toks) or toks[k].start != m.end():
                continue
            k = past_openers(text, toks, k)  # 'mijn naam is "Ilse Peeters"'
            if pattern is _INTRO_WEAK_RE and _progressive(toks, k):
                continue  # "i am wanting to buy": a verb after "i am", no name
            if toks[k].kind in ("word", "ini"):
                # after "mijn vrouw" a capitalised word is a name, even an everyday one ("Said", "Mei")
                head = pattern is _RELATIVE_RE and toks[k].text[0].isupper()
                context_chain(
                    words, text, toks, k, cands.add, "greeting", same_line_as=toks[k].line, relaxed=relaxed,
                    relaxed_head=head,
                )


# a form label at a line's start or after "(": one to three words and a colon ("Eigenaar:", "(klant: ...")
_LABEL_RE = re.compile(
    r"(?:^|(?<=\())[ \t>*•-]*[^\W\d_]+(?:[ \t][^\W\d_]+){0,2}[ \t]*:[ \t]*(?=[^\W\d_])", re.MULTILINE
)


# labels of a place: the words after them are a street or a town ("address: levent mah.", "woonplaats: emmen")
_PLACE_LABELS = ("adres", "address", "anschrift", "straat", "street", "stra", "plaats", "city", "stad", "ort",
                 "ville", "rue", "town", "location", "locatie", "land", "country", "wijk", "gemeente")


def find_label_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """A full name in lower case after a form label ("Eigenaar: femke verhoeven", "(klant: joost van der meulen)"),
    as chats and form exports write names: two parts or more, the lexicon knowing the first as a first name (a
    capitalised name after a label is the lexicon signal's)."""
    if ":" not in view.text:
        return  # speed-up only: every label ends in a colon
    for m in _LABEL_RE.finditer(view.text):
        if may_contain(m.group().lower(), _PLACE_LABELS):
            continue  # "address: levent mah. ...": a street or place, however name-like its words
        _lower_full_name(view, words, cands, m.end())


def _lower_full_name(view: TextView, words: NameWords, cands: Candidates, pos: int) -> None:
    """A full name in lower case starting at ``pos``: two parts or more, the first a known first name that is no
    everyday word ("femke verhoeven", "khadija bouazza")."""
    toks = view.toks
    k = bisect_left(view.tok_starts, pos)
    if k >= len(toks) or toks[k].start != pos or toks[k].kind != "word" or not toks[k].text.islower():
        return
    span = chain(words, view.text, toks, k, lowercase_ok=True)
    if span is None or len(words.parts(toks, span[0], span[1])) < 2:
        return
    head = toks[span[0]]
    if words.known_first(head.text) and not words.lex.is_common(head.text):
        cands.add(span[0], span[1], SCORE_STRONG, "greeting")


# Where chats name a person in lower case without a colon (issue 16, the fifth by-author round): a relative ("mijn
# moeder khadija bouazza", "my nan dorothy mensah"), somebody's child or partner ("de dochter van fatima el amrani"),
# a name label alone at a line's start ("name kofi asante", "naam op kaart sanne de boer").
_CHILD_OF_RE = re.compile(
    r"(?<![^\s,.:;!(])(?i:zoon|dochter|kind|kleinzoon|kleindochter|vrouw|man|son|daughter|child|grandson|"
    r"granddaughter|wife|husband|sohn|tochter|fils|fille)[ \t]+(?i:van|of|von|de)[ \t]+"
)
_BARE_NAME_LABEL_RE = re.compile(
    r"(?im)^[ \t>*•-]*(?:name on (?:the )?card|naam op (?:de )?(?:kaart|pas)|full name|volledige naam|name|naam|"
    r"card ?holder|kaarthouder)[ \t]+(?=[^\W\d_])"
    # a card's name field after a sentence in the same chat line ("03/27, 422. name on card CHEN XIAOLING.")
    r"|(?<=[.!?] )(?i:name on (?:the )?card|naam op (?:de )?kaart|card ?holder|kaarthouder)[ \t]+(?=[^\W\d_])"
)


def _spelled_out(alternation: str) -> frozenset[str]:
    """Every word an alternation of plain words matches, its character classes ("fianc[ée]"), groups ("s(?:oe|œ)ur")
    and optional letters ("e?") expanded: the words ``_RELATIVES`` names, for the gate below."""
    words: set[str] = set()
    for alternative in re.split(r"\|(?![^(]*\))", alternation):
        parts = re.findall(r"\[[^]]*\]|\(\?:[^)]*\)|.\?|.", alternative)
        options = [list(p[1:-1]) if p.startswith("[") else p[3:-1].split("|") if p.startswith("(?:")
                   else [p[0], ""] if len(p) == 2 and p[1] == "?" else [p] for p in parts]
        words |= {"".join(c) for c in product(*options)}
    return frozenset(words)


# the words one of which each pattern needs (a speed-up only, issue 19: most texts hold none, and the three patterns
# each try their alternatives at every word of the text)
_RELATIVE_WORDS = _spelled_out(_RELATIVES)
_CHILD_OF_WORDS = frozenset({"zoon", "dochter", "kind", "kleinzoon", "kleindochter", "vrouw", "man", "son",
                             "daughter", "child", "grandson", "granddaughter", "wife", "husband", "sohn", "tochter",
                             "fils", "fille"})
_LABEL_WORDS = frozenset({"name", "naam", "card", "cardholder", "holder", "kaarthouder"})


def find_lower_cue_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """A name in lower case after a relative or a child-of phrase (its first part a known first name that is no
    everyday word), or after a bare name label (as after "naam:"); see above."""
    present = {t.lower for t in view.toks if t.kind == "word"}
    patterns = [(pattern, known_head) for pattern, known_head, needed in (
        (_RELATIVE_RE, True, _RELATIVE_WORDS), (_CHILD_OF_RE, True, _CHILD_OF_WORDS),
        (_BARE_NAME_LABEL_RE, False, _LABEL_WORDS)) if not needed.isdisjoint(present)]
    text, toks, starts = view.text, view.toks, view.tok_starts
    for pattern, known_head in patterns:
        for m in pattern.finditer(text):
            k = bisect_left(starts, m.end())
            if k >= len(toks) or toks[k].start != m.end() or toks[k].kind != "word":
                continue
            block_capitals = not known_head and toks[k].text.isupper() and len(toks[k].text) > 1  # "CHEN XIAOLING"
            if not (toks[k].text.islower() or block_capitals):
                continue  # (a capitalised name there is the lexicon's and the intro signal's)
            if known_head and not (words.known_first(toks[k].text) and not words.lex.is_common(toks[k].text)):
                continue
            line_end = text.find("\n", m.end())
            if not known_head and ":" in text[m.end() : None if line_end < 0 else line_end]:
                continue  # "Naam rekeninghouder: ...": a longer label, its value after the colon
            context_chain(words, text, toks, k, cands.add, "greeting", same_line_as=toks[k].line, relaxed=True)


def find_speaker_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """The speaker after "says"/"zegt" when the chain is a full name or holds a known name."""
    text, toks, starts = view.text, view.toks, view.tok_starts
    if not may_contain(view.lowered, ("says", "said", "zegt", "zei", "sagt")):
        return
    for m in _SAYS_RE.finditer(text):
        k = bisect_left(starts, m.end())
        if k >= len(toks) or toks[k].start != m.end() or not toks[k].text[:1].isupper():
            continue
        span = chain(words, text, toks, k, lowercase_ok=False, relaxed=True)
        if span is None:
            continue
        parts = words.parts(toks, span[0], span[1])
        if len(parts) >= 2 or any(p.kind == "word" and words.is_known_name(p.text) for p in parts):
            cands.add(span[0], span[1], SCORE_STRONG, "greeting")


def find_here_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """ "thijs hier, ik kan niet inloggen", "hey it's tom here": the words before "hier"/"here" on the first
    lines of a message, past a greeting, when they are a name and nothing else."""
    text, toks = view.text, view.toks
    for line in sorted(view.tok_by_line)[:2]:
        idxs = view.tok_by_line[line]
        here = next((pos for pos, x in enumerate(idxs[:8]) if toks[x].lower in _HERE), 0)
        if here == 0:
            continue
        start = 0
        while start < here and (
            toks[idxs[start]].lower in _BEFORE_HERE or toks[idxs[start]].kind == "sym"
        ):
            start += 1
        if start >= here or here - start > 3:
            continue
        span = chain(words, text, toks, idxs[start], lowercase_ok=True, relaxed=True)
        if span is None or span[1] != idxs[here - 1]:
            continue
        parts = words.parts(toks, span[0], span[1])
        if parts and any(p.text[0].isupper() or words.is_known_name(p.text) for p in parts):
            cands.add(span[0], span[1], SCORE_STRONG, "greeting")
