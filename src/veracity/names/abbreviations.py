"""Common abbreviations of words in organisation names (`INTL` for `INTERNATIONAL`)."""

from __future__ import annotations

ABBREVIATIONS = {
    "intl": "international",
    "int": "international",
    "corp": "corporation",
    "co": "company",
    "comp": "company",
    "ltd": "limited",
    "inc": "incorporated",
    "ind": "industries",
    "inds": "industries",
    "indus": "industrial",
    "mfg": "manufacturing",
    "mfrs": "manufacturers",
    "tech": "technology",
    "techs": "technologies",
    "eng": "engineering",
    "engg": "engineering",
    "trdg": "trading",
    "imp": "import",
    "exp": "export",
    "bros": "brothers",
    "assn": "association",
    "assoc": "association",
    "dept": "department",
    "univ": "university",
    "inst": "institute",
    "natl": "national",
    "nat": "national",
    "govt": "government",
    "min": "ministry",
    "mgmt": "management",
    "svc": "services",
    "svcs": "services",
    "sys": "systems",
    "dev": "development",
    "grp": "group",
    "hldg": "holding",
    "hldgs": "holdings",
    "invest": "investment",
    "inv": "investment",
    "fin": "financial",
    "elec": "electronics",
    "electr": "electronics",
    "chem": "chemical",
    "pharm": "pharmaceutical",
    "petro": "petroleum",
    "res": "research",
    "sci": "scientific",
    "mach": "machinery",
    "equip": "equipment",
    "st": "saint",
    "ft": "fort",
    "mt": "mount",
    "&": "and",
}


def expands_to(short: str, word: str) -> bool:
    """Whether `short` is a known abbreviation of `word`, or a clear cut-off of it
    (at least four letters of a word at least three letters longer: `TECHNO` for `TECHNOLOGY`)."""
    if ABBREVIATIONS.get(short) == word:
        return True
    return len(short) >= 4 and len(word) >= len(short) + 3 and word.startswith(short)
