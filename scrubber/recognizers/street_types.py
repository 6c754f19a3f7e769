"""Street-type words and region codes from public postal standards, as data for the address recognizers.

Why this module exists: a rule that knows twenty US street suffixes misses "536 Jennifer Creek" and "6222
Escobar Greens", which the US Postal Service lists as street suffixes like "Street" and "Avenue". The lists
here are copied from the standards rather than from messages we have seen:

- ``USPS_SUFFIXES``: the primary street suffix names of USPS Publication 28, appendix C1 (with the standard
  abbreviations of the common ones); a number-first street ending in one counts only with a city, state and
  ZIP after it (``addresses_world``), since many are ordinary words ("Rest", "Point", "View");
- ``US_STATE_CODES``: USPS's two-letter codes of the states, DC, the territories and freely associated states
  (AS, GU, MP, PR, VI, FM, MH, PW) and the armed forces' codes (AA, AE, AP);
- ``CA_PROVINCE_CODES`` and ``CA_POSTAL_CODE``: Canada Post's province codes and postal code shape (A1A 1A1;
  no D, F, I, O, Q, U, and no W or Z first), the city line's format "City, ON K1A 0B1" being the US one;
- ``NORTHERN_ENDINGS``: street-name endings written as one word with the name in the Nordic and Baltic
  languages (sv -gatan/-vägen, no -veien/-gata, da -vej/-gade/-stræde, is -vegur/-braut/-stræti, fi -katu/-kuja,
  lv -iela), as they appear in those countries' address examples (UPU addressing guides).
"""

from __future__ import annotations

# (data: many words a line reads best)
# fmt: off
USPS_SUFFIXES: tuple[str, ...] = (
    "Alley", "Annex", "Arcade", "Avenue", "Bayou", "Beach", "Bend", "Bluff", "Bluffs", "Bottom", "Boulevard",
    "Branch", "Bridge", "Brook", "Brooks", "Burg", "Burgs", "Bypass", "Camp", "Canyon", "Cape", "Causeway",
    "Center", "Centers", "Circle", "Circles", "Cliff", "Cliffs", "Club", "Common", "Commons", "Corner", "Corners",
    "Course", "Court", "Courts", "Cove", "Coves", "Creek", "Crescent", "Crest", "Crossing", "Crossroad",
    "Crossroads", "Curve", "Dale", "Dam", "Divide", "Drive", "Drives", "Estate", "Estates", "Expressway",
    "Extension", "Extensions", "Fall", "Falls", "Ferry", "Field", "Fields", "Flat", "Flats", "Ford", "Fords",
    "Forest", "Forge", "Forges", "Fork", "Forks", "Fort", "Freeway", "Garden", "Gardens", "Gateway", "Glen",
    "Glens", "Green", "Greens", "Grove", "Groves", "Harbor", "Harbors", "Haven", "Heights", "Highway", "Hill",
    "Hills", "Hollow", "Inlet", "Island", "Islands", "Isle", "Junction", "Junctions", "Key", "Keys", "Knoll",
    "Knolls", "Lake", "Lakes", "Land", "Landing", "Lane", "Light", "Lights", "Loaf", "Lock", "Locks", "Lodge",
    "Loop", "Mall", "Manor", "Manors", "Meadow", "Meadows", "Mews", "Mill", "Mills", "Mission", "Motorway",
    "Mount", "Mountain", "Mountains", "Neck", "Orchard", "Oval", "Overpass", "Park", "Parks", "Parkway",
    "Parkways", "Pass", "Passage", "Path", "Pike", "Pine", "Pines", "Place", "Plain", "Plains", "Plaza", "Point",
    "Points", "Port", "Ports", "Prairie", "Radial", "Ramp", "Ranch", "Rapid", "Rapids", "Rest", "Ridge",
    "Ridges", "River", "Road", "Roads", "Route", "Row", "Rue", "Run", "Shoal", "Shoals", "Shore", "Shores",
    "Skyway", "Spring", "Springs", "Spur", "Spurs", "Square", "Squares", "Station", "Stravenue", "Stream",
    "Street", "Streets", "Summit", "Terrace", "Throughway", "Trace", "Track", "Trafficway", "Trail", "Trailer",
    "Tunnel", "Turnpike", "Underpass", "Union", "Unions", "Valley", "Valleys", "Viaduct", "View", "Views",
    "Village", "Villages", "Ville", "Vista", "Walk", "Walks", "Wall", "Way", "Ways", "Well", "Wells",
    # the standard abbreviations of the common ones (USPS C1), written with or without a dot
    "St", "Ave", "Av", "Rd", "Blvd", "Dr", "Ln", "Ct", "Pl", "Ter", "Cir", "Pkwy", "Hwy", "Sq", "Trl", "Plz",
    "Aly", "Xing", "Expy", "Tpke", "Cres", "Crk", "Ctr", "Hts", "Mnr", "Rdg", "Vly", "Vw", "Frwy", "Fwy", "Holw",
    "Lndg", "Mdws", "Pt", "Spgs", "Sta", "Tunl", "Vlg", "Vis", "Xrd",
)

US_STATE_CODES: tuple[str, ...] = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    "AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW", "AA", "AE", "AP",
)

CA_PROVINCE_CODES: tuple[str, ...] = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
CA_POSTAL_CODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d"

NORTHERN_ENDINGS: tuple[str, ...] = (
    "gatan", "gata", "vägen", "veien", "vegen", "vej", "gade", "stræde", "stræti", "vegur", "braut", "katu",
    "kuja", "iela",
)
# fmt: on


def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first (so "Streets" is tried before "Street")."""
    return "|".join(sorted(words, key=len, reverse=True))
