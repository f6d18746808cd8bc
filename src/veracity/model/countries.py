"""Country names as lists write them -> ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

# Names the lists use that pycountry's official/common names and fuzzy search do not resolve,
# or resolve wrongly. Keys are folded with `_key`.
_ALIASES = {
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "north korea": "KP",
    "korea north": "KP",
    "democratic peoples republic of korea": "KP",
    "korea dprk": "KP",
    "south korea": "KR",
    "korea south": "KR",
    "republic of korea": "KR",
    "burma": "MM",
    "turkey": "TR",
    "turkiye": "TR",
    "republic of turkiye": "TR",
    "west bank": "PS",
    "gaza": "PS",
    "palestinian": "PS",
    "palestine": "PS",
    "state of palestine": "PS",
    "occupied palestinian territory": "PS",
    "kosovo": "XK",
    "laos": "LA",
    "vietnam": "VN",
    "viet nam": "VN",
    "taiwan": "TW",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "cote divoire": "CI",
    "cote d ivoire": "CI",
    "congo democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo democratic republic": "CD",
    "drc": "CD",
    "prc": "CN",
    "peoples republic of china": "CN",
    "congo republic of the": "CG",
    "republic of the congo": "CG",
    "congo": "CG",
    "macau": "MO",
    "macao": "MO",
    "hong kong": "HK",
    "the gambia": "GM",
    "gambia the": "GM",
    "bahamas the": "BS",
    "the bahamas": "BS",
    "netherlands antilles": "AN",
    "brunei": "BN",
    "cape verde": "CV",
    "swaziland": "SZ",
    "micronesia": "FM",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "us": "US",
    "uae": "AE",
    "emirates": "AE",
    "vatican": "VA",
    "holy see": "VA",
    "region crimea": "UA",
    "crimea": "UA",
    "soviet union": "SU",
    "ussr": "SU",
    "yugoslavia": "YU",
    "serbia and montenegro": "CS",
    "czechoslovakia": "CS",
    "east timor": "TL",
    "st kitts and nevis": "KN",
    "st lucia": "LC",
    "st vincent and the grenadines": "VC",
    "sudan south": "SS",
}

_NOT_LETTER = re.compile(r"[^a-z ]+")


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ").replace("'", "")
    return " ".join(_NOT_LETTER.sub(" ", folded).split())


@cache
def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a country name or code, or None if it is not a country."""
    key = _key(name)
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    if len(key) == 2 and key.isalpha():
        hit = pycountry.countries.get(alpha_2=key.upper())
        return str(hit.alpha_2) if hit else None
    if len(key) == 3 and key.isalpha():
        hit = pycountry.countries.get(alpha_3=key.upper())
        if hit:
            return str(hit.alpha_2)
    return _lookup(key)


@cache
def _names() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table.setdefault(_key(value), str(country.alpha_2))
    for country in pycountry.historic_countries:
        table.setdefault(_key(country.name), str(country.alpha_2))
    return table


def _lookup(key: str) -> str | None:
    names = _names()
    if key in names:
        return names[key]
    # "Korea, Republic of" style: try the parts before and after the comma swapped.
    if key.startswith("the "):
        return names.get(key[4:])
    return None


def country_name(code: str) -> str:
    """The English short name of an ISO 3166-1 alpha-2 code (the code itself if unknown)."""
    hit = pycountry.countries.get(alpha_2=code.upper())
    return str(getattr(hit, "common_name", None) or hit.name) if hit else code
