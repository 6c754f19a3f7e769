"""Organisation names (ORGANIZATION, kept) so that a company name is not stripped as a person.

pii-policy.md: "A name that is also a company or domain name ("Jansen Hosting B.V.", "jansen.nl") is
ORGANIZATION or DOMAIN, not PERSON". Many Dutch and Belgian small businesses carry the owner's surname
("Bakkerij Jansen", "Peeters Verhuur bv"), so the person finder must know where a company name is
before it decides about the surname inside it. Cues, strongest first:

- a legal-form suffix (B.V., V.O.F., N.V., CommV, vzw, Ltd, LLC, GmbH, SRL, ...; Dutch Handelsregisterwet
  and Belgian WVV forms, UK Companies Act 2006 s.59 "Ltd", German GmbHG);
- a sector word before or after capitalised words ("Fysiotherapie Hoogendoorn", "Demir Vertalingen"),
  including Dutch compounds that end in a sector word ("Transportbedrijf", "Filatelistenvereniging");
- "Name & Name" and "& Co", "& Zn." partnership names;
- a word that equals a domain label in the same message ("Dommelhost" next to dommelhost.nl);
- a short list of well-known brands, banks and telecoms that customers name;
- names the operator configures (its own company) via ``SCRUBDESK_ORGANIZATIONS`` (comma-separated).

``find_organizations`` tries these on every token in turn (``_OrgScan``, one method per cue) and
merges the spans found.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from scrubber.recognizers.base import runs_with
from scrubber.recognizers.names.tokens import DOT, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORG_SCORE = 0.9
ORG_ENV = "SCRUBDESK_ORGANIZATIONS"

# Legal forms, compared lower-cased without dots and spaces ("B.V." -> "bv").
LEGAL_FORMS = _words(
    """
    bv nv vof cv bvba bvbabv commv comm.v vzw asbl sprl srl sa sas sarl nv cvba scrl ltd limited llc llp
    lp plc inc incorporated corp corporation gmbh ag kg ohg ug ab as aps oy spa sl pty co stichting
    vereniging coöperatie cooperatie holding groep group aş sro kft doo ek ev gbr se pte bhd pvt snc sasu eurl
    lda ltda
    """
)
# Legal forms that are also everyday words or abbreviations ("as", "co", "ev"): a legal form only when not
# written in lower case ("Nordic Trade AS", "Jansen & Co").
_WORDLIKE_FORMS = _words("as ab co sa ag kg oy sl lp spa cv ev ek se sas group groep holding limited vereniging")

# Words that name a trade or kind of organisation (nl, en). Generic vocabulary.
SECTOR_WORDS = _words(
    """
    bakkerij slagerij brouwerij kapsalon kapper frituur snackbar cafetaria restaurant eetcafé café cafe
    hotel pension camping vakantiepark bungalowpark tuincentrum bloemisterij bloemen kwekerij hoveniers
    hovenier fysiotherapie fysio tandarts tandartspraktijk huisarts huisartsenpraktijk praktijk apotheek
    dierenarts dierenkliniek kliniek autobedrijf garage autoschade rijschool transport transportbedrijf
    verhuur verhuizingen montage installatietechniek installatie loodgieter elektro schilders
    schildersbedrijf bouwbedrijf aannemer aannemersbedrijf klusbedrijf klussenbedrijf schoonmaak
    schoonmaakdiensten makelaardij makelaars makelaar notarissen notaris advocaten advocatenkantoor
    accountants accountancy administratie administraties administratiekantoor belastingadvies advies
    adviesbureau consultancy vertalingen vertaalbureau catering wijnimport wijnhandel import export
    groothandel visgroothandel handel webdesign webwinkel webshop ict it software solutions hosting
    media design studio atelier fotografie photography architecten architect architects drukkerij
    reclame marketing fietsen fietsenmaker fietsenwinkel boekhandel juwelier opticien optiek schaakclub
    voetbalvereniging tennisclub sportschool club vereniging stichting jeugdhuis buurthuis school
    basisschool gemeente ziekenhuis zorg thuiszorg kinderopvang kinderdagverblijf ceramics pottery
    bakery butchers brewery joinery carpentry translations illustration digital analytics events
    consulting consultants services service systems technologies technology labs antiques knitwear
    candles garden gardens landscaping dental care clinic surgery pharmacy plumbing electrical builders
    construction roofing cleaning catering travel tours tea coffee shop store boutique gallery trading
    imports logistics removals motors autos salon spa partners associates group holdings agency
    foundation trust charity university college academy
    logistiek interieur interieurs interiors coaching trading immobilier immo vastgoed bäckerei metzgerei
    tekstil textiel textiles market supermarkt toko eethuis shoarma pizzeria grillroom bistro brasserie
    lunchroom barbershop barber nagelstudio schoonheidssalon beautysalon beauty wellness yoga pilates fitness
    gym dansschool taxi koeriers stukadoor stukadoors dakdekker dakdekkers glazenwasser glazenwassers
    tegelzetter loodgieters elektrotechniek zonnepanelen tweewielers rijwielhandel gastouder uitvaart
    uitvaartzorg notariaat advocatuur mediation hypotheken verzekeringen assurantiën finance financial
    investments properties realty projects projecten productions producties studios creative
    communications communicatie consult training trainingen institute instituut kitchen keukens
    evenementen weddings flowers apparel clothing jewellery jewelry sieraden tandartsen orthodontie
    osteopathie logopedie therapie therapy counselling trimsalon manege boerderij zorgboerderij
    appartementen apartments reizen bikes sports museum musea theater theatre bibliotheek library
    tuinbouw mode kleding schoenen meubels bloembinderij auto practice zonen zoon sons
    bouw bau gasthof gasthaus kanzlei praxis handwerk reinigung spices tiles foods crafts supplies wines plants
    cakes goods fabrics prints signs flooring budownictwo sprzątanie usługi piekarnia inşaat temizlik
    """
)

# Dutch compounds ending in a sector word: "Transportbedrijf", "Filatelistenvereniging".
_SECTOR_SUFFIXES = (
    "bedrijf",
    "vereniging",
    "handel",
    "techniek",
    "diensten",
    "centrum",
    "praktijk",
    "makelaardij",
    "import",
    "winkel",
    "kantoor",
    "bureau",
    "studio",
    "service",
    "advies",
    "club",
    "huis",
    "werk",
    "groep",
    "installaties",
    "tuinen",
    "fabriek",
    "kwekerij",
    "verhuur",
    "zorg",
    "school",
    "werken",
    "bouw",
    "services",
    "reparatie",
    "onderhoud",
    # trade nouns ("fietsenmakerij", "smederij", "kwekerijen"), teams and departments ("supportteam",
    # "systeembeheer"): a company or its department, never a person
    "erij",
    "erijen",
    "team",
    "beheer",
    "afdeling",
    # German and Dutch trade heads of compounds ("Naaiatelier", "Zahnarztpraxis", "Steuerkanzlei", "Holzbau")
    "atelier",
    "praxis",
    "kanzlei",
    "beratung",
    "agentur",
    "werkstatt",
)
# Brand names that are also everyday words: only capitalised ("Orange", "Base") they are the company.
_AMBIGUOUS_BRANDS = frozenset(
    {
        "base", "orange", "sky", "meta", "visa", "ups", "ing", "virgin", "bt", "asn", "sns", "jumbo", "action",
        "delta", "wise", "booking", "zoom", "slack", "wix",
    }
)

# Well-known organisations customers of a Dutch web host name in messages. General knowledge.
KNOWN_ORGANIZATIONS = _words(
    """
    microsoft google apple amazon meta facebook instagram whatsapp telegram linkedin paypal stripe
    mollie adyen revolut bunq ing rabobank abn amro sns asn triodos knab belfius kbc bnp paribas fortis
    argenta american express visa mastercard kpn ziggo vodafone odido t-mobile tele2 telenet proximus
    orange base bt virgin sky postnl dhl ups fedex bol.com coolblue belastingdienst kvk acm sidn eurid
    cloudflare wordpress woocommerce shopify wix godaddy transip hostnet strato ionos ovh hetzner
    digitalocean github gitlab mailchimp dropbox zoom slack outlook gmail hotmail
    jumbo lidl aldi hema action kruidvat etos blokker ikea mediamarkt zalando thuisbezorgd booking airbnb
    uber netflix spotify volksbank regiobank n26 wise klarna afterpay bancontact sparkasse commerzbank
    postbank barclays hsbc lloyds natwest monzo santander bbva bpost dpd gls delta youfone simyo lebara
    """
)
# every word the cue steps (``_OrgScan.cued``) look up (legal forms are compared without dots)
_ORG_WORDS = LEGAL_FORMS | SECTOR_WORDS | KNOWN_ORGANIZATIONS

_KNOWN_MULTI = (
    "american express", "abn amro", "bnp paribas", "tu delft", "tu eindhoven", "uu utrecht", "albert heijn",
    "deutsche bank", "credit agricole", "crédit agricole", "société générale", "la poste", "media markt",
    "de nederlandsche bank", "nederlandse spoorwegen",
)
_KNOWN_MULTI_RES = tuple((phrase, re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")) for phrase in _KNOWN_MULTI)


_AMP = frozenset({"&", "+"})
_ORG_PARTICLES = frozenset({"de", "het", "van", "der", "den", "the", "of", "'t", "du", "la", "le"})
# Words that put a name behind a trade word only when capitalised, as in an inn's or snack bar's name
# ("Frituur Chez Fernand", "Gasthof Zum Hirschen"); in lower case they are prepositions of the sentence.
_CAP_PARTICLES = frozenset({"chez", "zum", "zur", "au", "aux", "bij"})
_LOCAL_PART_RE = re.compile(r"[\w.+'-]+(?=@)")
_DOMAIN_RE = re.compile(r"(?<![\w.-])(?:[\w-]+\.)+[a-z]{2,24}\b", re.IGNORECASE)
# Second-level registries under a country code (RFC 1591 delegations such as co.uk, com.au).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "me"})


@dataclass(frozen=True, slots=True)
class OrgSpan:
    start: int
    end: int
    score: float
    signal: str


def _norm_legal(word: str) -> str:
    return word.lower().replace(".", "")


def _is_legal(tok: Token) -> bool:
    """A legal form as written: "B.V.", "bv", "Ltd"; "AS" and "Co" but not "as" and "co"."""
    legal = _norm_legal(tok.text)
    return legal in LEGAL_FORMS and not (legal in _WORDLIKE_FORMS and tok.text.islower())


def _is_cap(tok: Token) -> bool:
    text = tok.text
    # str.islower() is false as soon as any character is upper case: a cheap test that rules most words out
    return tok.kind == "word" and (
        text[0].isupper() or (not text.islower() and any(c.isupper() for c in text[1:]))
    )


_TRADE_ENDINGS = ("erij", "erijen")  # "smederij", "kwekerijen": a trade's workshop, also in shorter words


def is_sector_word(low: str) -> bool:
    """A trade word or a Dutch compound ending in one ("transportbedrijf")."""
    return low in SECTOR_WORDS or (len(low) > 8 and low.endswith(_SECTOR_SUFFIXES)) or (
        len(low) >= 7 and low.endswith(_TRADE_ENDINGS)
    )


# Word endings typical of (web) company and product names, and inner capitals ("PayPal"), except the
# name particles that put a capital inside a surname (McDonald, MacLeod, DeVries, LaFontaine, O'Neill).
_BRAND_SUFFIX_RE = re.compile(
    r"..{3,}(?:host|hosting|domains|web|soft|ware|tech|labs|cloud|works|werk|shop|media|data|mail|sites|systems)$",
    re.IGNORECASE,
)
_CAMEL_RE = re.compile(r"^(?!Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O')[A-Z][a-z]+[A-Z][a-z]{2,}")


_BRAND_ENDINGS = (
    "host", "hosting", "domains", "web", "soft", "ware", "tech", "labs", "cloud", "works", "werk", "shop", "media",
    "data", "mail", "sites", "systems",
)


# A hosting brand by its front: a host word with a coined word after it ("Hostvaart", "Cloudlantis"), or a
# capitalised word with a country code glued on ("HostNL", "MailBE"): how web hosts and resellers name themselves.
_BRAND_STARTS = ("host", "cloud")
_HOST_WORDS = frozenset({"hostname", "hostnames", "hosting", "hostings", "hostess", "hostage", "hostile", "cloudy"})
_BRAND_PREFIX_RE = re.compile(r"(?:Host|Cloud)[a-z]{4,}|[A-Z][a-z]{2,}(?:NL|BE|DE|EU|UK|FR|AT|CH|LU)")


def _brand_shaped(word: str) -> bool:
    # Necessary conditions of the patterns, tested first: 7+ characters and (for an ASCII word, where
    # IGNORECASE is plain ASCII case) a brand ending; an upper-case A-Z first letter and an inner capital.
    return bool(
        (
            len(word) >= 7
            and (not word.isascii() or word.lower().endswith(_BRAND_ENDINGS))
            and _BRAND_SUFFIX_RE.match(word)
        )
        or ("A" <= word[0] <= "Z" and not word[1:].islower() and _CAMEL_RE.match(word))
        or ("A" <= word[0] <= "Z" and _BRAND_PREFIX_RE.fullmatch(word) and word.lower() not in _HOST_WORDS)
    )


def _configured() -> frozenset[str]:
    raw = os.environ.get(ORG_ENV, "")
    return frozenset(part.strip().lower() for part in raw.split(",") if part.strip())


_AT = re.compile("@")


def _blank_local_parts(text: str) -> str:
    """``_LOCAL_PART_RE.sub`` with spaces of the same length, scanning only the runs holding an "@".

    Every match is a whitespace-free run of characters followed by "@", so it lies in such a run.
    """
    parts: list[str] = []
    pos = 0
    for start, end in runs_with(text, _AT):
        for m in _LOCAL_PART_RE.finditer(text, start, end):
            parts.append(text[pos : m.start()])
            parts.append(" " * (m.end() - m.start()))
            pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


def domain_labels(text: str) -> frozenset[str]:
    """The registrable labels of the domains and e-mail domains in the text ("dommelhost")."""
    labels = set()
    # Only the part after "@" of an e-mail address names a domain; the local part is a person's.
    hosts = _blank_local_parts(text) if "@" in text else text
    # every _DOMAIN_RE match is a run of non-space characters with a "."
    for m in (m for start, end in runs_with(hosts, DOT) for m in _DOMAIN_RE.finditer(hosts, start, end)):
        parts = m.group().lower().split(".")
        # the label left of the public suffix: "shop.greenleafceramics.co.uk" -> "greenleafceramics"
        label = parts[-3] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else parts[-2]
        if len(label) >= 4:
            labels.add(label)
            labels.add(label.replace("-", ""))
    return frozenset(labels)


def find_organizations(
    text: str,
    tokens: Sequence[Token],
    extra: Iterable[str] = (),
    function_words: frozenset[str] = frozenset(),
    is_name: Callable[[str], bool] = lambda _word: False,
) -> list[OrgSpan]:
    """Organisation spans over the word tokens (tokens inside e-mail addresses/URLs are already gone).

    ``is_name`` tells whether a word is a known personal name: such a word is not taken for a brand
    because of its shape ("McDonald"), nor for a domain label when it starts a chain ("marcodeluca").
    """
    scan = _OrgScan(text, tokens, extra, function_words, is_name)
    labels, label_starts, known_extra = scan.labels, scan.label_starts, scan.known_extra
    for i, tok in enumerate(tokens):
        low = tok.lower
        if not (
            tok.kind == "word"
            and low not in _ORG_WORDS
            and low not in known_extra
            and low not in labels
            and not (len(low) > 8 and low.endswith(_SECTOR_SUFFIXES))
            and not (len(low) >= 7 and low.endswith(_TRADE_ENDINGS))
        ):
            # The cue steps need a legal form, a sector word, "&"/"+" or a known word or label; a word token
            # (letters, apostrophes, hyphens: no "." and no "&") that is none of these goes to the shape steps.
            if tok.kind == "sym" and tok.text not in _AMP:
                continue
            if scan.cued(i, tok, low):
                continue
        word = tok.text
        if (
            tok.kind == "word"
            # the first tests of _brand_shaped, before the call (``low`` is ``word.lower()``)
            and (
                (len(word) >= 7 and (not word.isascii() or low.endswith(_BRAND_ENDINGS)))
                or ("A" <= word[0] <= "Z" and (not word[1:].islower() or low.startswith(_BRAND_STARTS)))
            )
            and scan.brand_shape(tok)
        ):
            continue
        # (``label_starts`` first: a cheap test that rules out almost every token)
        if low[:3] in label_starts and _is_cap(tok) and not is_name(tok.text):
            scan.spelled_label(i, tok)
    scan.spans.extend(_known_phrases(text))
    return merge_spans(scan.spans)


class _OrgScan:
    """The cues of ``find_organizations`` on one text, one method per cue; found spans go to ``spans``."""

    __slots__ = ("function_words", "is_name", "known_extra", "label_starts", "labels", "n", "spans", "text", "tokens")

    def __init__(
        self,
        text: str,
        tokens: Sequence[Token],
        extra: Iterable[str],
        function_words: frozenset[str],
        is_name: Callable[[str], bool],
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.n = len(tokens)
        self.function_words = function_words
        self.is_name = is_name
        self.spans: list[OrgSpan] = []
        self.labels = domain_labels(text)
        # ``spelled_label`` joins a word with the next one or two into a label, so the word starts a label:
        # its first three letters (all of it when shorter) are a label's
        self.label_starts = frozenset(label[:k] for label in self.labels for k in (1, 2, 3))
        self.known_extra = _configured() | {e.lower() for e in extra}

    def same_run(self, i: int, j: int) -> bool:
        """Tokens i and j are adjacent on one line, separated by spaces only."""
        a, b = self.tokens[i], self.tokens[j]
        return a.line == b.line and self.text[a.end : b.start].strip() == ""

    def grow_left(self, i: int, limit: int = 4) -> int:
        """Extend left over capitalised words, '&' and particles on the same line."""
        tokens = self.tokens
        start = i
        steps = 0
        while start > 0 and steps < limit and self.same_run(start - 1, start):
            prev = tokens[start - 1]
            if _is_cap(prev) and prev.lower not in self.function_words:
                start -= 1
            elif prev.text in _AMP and start - 2 >= 0 and _is_cap(tokens[start - 2]):
                start -= 2
            elif prev.lower in _ORG_PARTICLES and start != i and prev.text[0].isupper():
                start -= 1
            elif (
                _is_cap(prev)
                and start - 2 >= 0
                and tokens[start - 2].lower in _ORG_PARTICLES
                and tokens[start - 2].text[0].isupper()
                and self.same_run(start - 2, start - 1)
            ):
                start -= 2  # "De Laat Software": a surname that is also an everyday word, after its particle
            else:
                break
            steps += 1
        return start

    def grow_right(self, i: int, limit: int = 4) -> int:
        """Extend right over capitalised words, legal forms, '&' and particles before a capitalised word."""
        tokens, n = self.tokens, self.n
        end = i
        steps = 0
        while end + 1 < n and steps < limit and self.same_run(end, end + 1):
            nxt = tokens[end + 1]
            if nxt.lower in _ORG_PARTICLES or (nxt.lower in _CAP_PARTICLES and nxt.text[0].isupper()):
                # "Van den Heuvel", "De Boer": particles, then a capitalised word.
                k = end + 1
                while (
                    k < n
                    and (tokens[k].lower in _ORG_PARTICLES or tokens[k].lower in _CAP_PARTICLES)
                    and k - end <= 3
                    and self.same_run(k - 1, k)
                ):
                    k += 1
                if k < n and self.same_run(k - 1, k) and _is_cap(tokens[k]):
                    end = k
                else:
                    break
            elif (_is_cap(nxt) and nxt.lower not in self.function_words) or _is_legal(nxt):
                end += 1
            elif nxt.text in _AMP and end + 2 < n and _is_cap(tokens[end + 2]):
                end += 2
            else:
                break
            steps += 1
        return end

    def cued(self, i: int, tok: Token, low: str) -> bool:
        """The cue steps, strongest first; True when the token is decided (no shape step follows)."""
        if self.legal_form(i, tok, low):
            return True
        if tok.kind != "word" and tok.text not in _AMP:
            return True
        return self.sector(i, tok, low) or self.partnership(i, tok) or self.known_word(i, tok, low)

    def legal_form(self, i: int, tok: Token, low: str) -> bool:
        """A legal form after a capitalised name: "Greenleaf Ceramics Ltd", "Peeters Verhuur bv"."""
        tokens = self.tokens
        legal = low.replace(".", "")  # _norm_legal(tok.text)
        if not (
            legal in LEGAL_FORMS
            and not (legal in _WORDLIKE_FORMS and tok.text.islower())
            and i > 0
            and self.same_run(i - 1, i)
            and (_is_cap(tokens[i - 1]) or tokens[i - 1].text in _AMP or _is_legal(tokens[i - 1]))
        ):
            return False
        # "Stichting X" / "Vereniging X" put the form in front: handled as a sector word.
        start = self.grow_left(i)
        self.spans.append(OrgSpan(tokens[start].start, tok.end, ORG_SCORE, "legal_form"))
        return True

    def sector(self, i: int, tok: Token, low: str) -> bool:
        """A sector word with a capitalised name before or after it; True for every such sector word.

        A lower-case trade word counts only as a long compound ("klusbedrijf"), not "it" or "design".
        """
        sector = low in SECTOR_WORDS or (len(low) > 8 and low.endswith(_SECTOR_SUFFIXES)) or (
            len(low) >= 7 and low.endswith(_TRADE_ENDINGS)
        )  # is_sector_word(low), inlined
        if sector and tok.end < len(self.text) and self.text[tok.end].isalnum():
            return False  # the letters at the head of a code ("ID-kaart IT6PR3KH4"): no trade word (issue 16, round 4)
        if not (sector and (tok.text[0].isupper() or (len(low) >= 8 and i > 0 and self.same_run(i - 1, i)))):
            return False
        tokens = self.tokens
        if low not in SECTOR_WORDS and i > 0 and self.same_run(i - 1, i) and self._surname_after_given(i):
            return False  # "Egbert Oosterhuis", "E.F. Kloosterhuis": a surname ending in a trade word ("-huis")
        start = self.grow_left(i)
        end = self.grow_right(i)
        # chat style "nowak klusbedrijf": the word before a lower-case trade word.
        chat_style = tok.text[0].islower() and start == i and i > 0 and self.same_run(i - 1, i)
        if chat_style and tokens[i - 1].kind == "word" and tokens[i - 1].lower not in self.function_words:
            start = i - 1
        if start < i or end > i:
            self.spans.append(OrgSpan(tokens[start].start, tokens[end].end, ORG_SCORE, "sector"))
        return True

    def _surname_after_given(self, i: int) -> bool:
        """Token i is a known surname and a known given name or initials stand right before it."""
        prev = self.tokens[i - 1]
        return self.is_name(self.tokens[i].text) and (
            prev.kind == "ini" or (prev.kind == "word" and prev.text[0].isupper() and self.is_name(prev.text))
        )

    def partnership(self, i: int, tok: Token) -> bool:
        """A partnership: "Patel & Vermeulen", "Bosman & Zn."."""
        tokens = self.tokens
        if not (
            tok.text in _AMP
            and 0 < i < self.n - 1
            and _is_cap(tokens[i - 1])
            and (_is_cap(tokens[i + 1]) or _is_legal(tokens[i + 1]))
            and self.same_run(i - 1, i)
            and self.same_run(i, i + 1)
        ):
            return False
        start = self.grow_left(i - 1)
        end = self.grow_right(i + 1)
        self.spans.append(OrgSpan(tokens[start].start, tokens[end].end, ORG_SCORE, "partnership"))
        return True

    def known_word(self, i: int, tok: Token, low: str) -> bool:
        """A word that is the message's own domain label, a known brand or a configured name."""
        labels, is_name, tokens = self.labels, self.is_name, self.tokens
        if not (
            tok.kind == "word"
            and len(low) >= 3
            and (
                (low in KNOWN_ORGANIZATIONS and (tok.text[0].isupper() or low not in _AMBIGUOUS_BRANDS))
                or low in self.known_extra
                or (low in labels and not is_name(tok.text))
            )
            # "Chandni Mahabier-Sewdien" next to mahabier-sewdien.nl: a person's own domain
            and not (
                low in labels
                and low not in KNOWN_ORGANIZATIONS
                and i > 0
                and self.same_run(i - 1, i)
                and _is_cap(tokens[i - 1])
                and is_name(tokens[i - 1].text)
            )
        ):
            return False
        self.spans.append(OrgSpan(tok.start, tok.end, ORG_SCORE, "known" if low not in labels else "domain"))
        return True

    def brand_shape(self, tok: Token) -> bool:
        """A brand-shaped word that is no known name: "EuroDomains", "LingoBridge", "Dommelhost", "lumenlabs"."""
        if not (_brand_shaped(tok.text) and not self.is_name(tok.text)):
            return False
        self.spans.append(OrgSpan(tok.start, tok.end, ORG_SCORE, "brand_shape"))
        return True

    def spelled_label(self, i: int, tok: Token) -> None:
        """Two or three capitalised words that together spell a domain label ("Greenleaf Ceramics").

        (The caller has checked that they do not start with a first name: "marcodeluca.photo" is a
        person's own domain.)
        """
        tokens = self.tokens
        joined = tok.lower
        for j in range(i + 1, min(i + 3, self.n)):
            if not (_is_cap(tokens[j]) and self.same_run(j - 1, j)):
                break
            joined += tokens[j].lower
            if joined in self.labels:
                self.spans.append(OrgSpan(tok.start, tokens[j].end, ORG_SCORE, "domain"))
                break


def _known_phrases(text: str) -> list[OrgSpan]:
    """Well-known organisations of several words ("ABN AMRO", "American Express")."""
    lowered = text.lower()
    return [
        OrgSpan(m.start(), m.end(), ORG_SCORE, "known")
        for phrase, pattern in _KNOWN_MULTI_RES
        if phrase in lowered
        for m in pattern.finditer(lowered)
    ]


def merge_spans(spans: list[OrgSpan]) -> list[OrgSpan]:
    """Union of overlapping spans, so one company name is one result."""
    out: list[OrgSpan] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            last = out[-1]
            out[-1] = OrgSpan(last.start, max(last.end, s.end), max(last.score, s.score), last.signal)
        else:
            out.append(s)
    return out
