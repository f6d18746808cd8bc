"""How alike two name tokens are, in [0, 1], and why.

Rules, strongest first: equal tokens; numbers must be equal (watchman#483: `11420 CORP` is not
`BELLETECH CORP`); an initial stands for any name with that first letter (`L` ~ `Lafayette`);
known short forms of one given name (`Jon` ~ `John`, `Bill` ~ `William`); then spelling distance
(optimal string alignment, so a swap of two letters is one edit), lifted when the tokens sound
alike (metaphone) or share their consonant skeleton (transliterated Arabic drops vowels).
Numbers compare by value whichever way they are written (`3rd` ~ `third`, `XII` ~ `12`).
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from rapidfuzz.distance import OSA

from veracity.names import person, phonetic
from veracity.names.abbreviations import expands_to
from veracity.names.numbers import numeric


class Why(StrEnum):
    """Why two tokens were paired."""

    EXACT = "exact"
    NUMBER = "same_number"
    ABBREVIATION = "abbreviation"
    NUMBER_MISMATCH = "number_mismatch"
    INITIAL = "initial"
    SHORT_FORM = "short_form"
    PHONETIC = "phonetic"
    SKELETON = "skeleton"
    VARIANT = "transliteration_variant"
    SPELLING = "spelling"
    COMPOUND = "compound"


INITIAL_SIM = 0.6
SHORT_FORM_SIM = 0.9
PHONETIC_SIM = 0.8
SKELETON_SIM = 0.75
PHONETIC_MIN_LEN = 4
ABBREVIATION_SIM = 0.85
"""A known abbreviation (`INTL`) or a clear cut-off (`TECHNO`) of the other word."""
VARIANT_SIM = 0.9
"""Two romanisations of one name (`Nazeeh`/`Nazih`, `Makhlouf`/`Makhluf`, `Ehab`/`Ihab`)."""
VARIANT_FLOOR = 0.75

# Spellings that romanisations of Arabic, Persian, Russian... use for the same sound: doubled
# letters, ou/oo/u, ee/ie/i/y/e, o/u, ph/f, q/k, kh/h after a vowel is kept (it is a consonant).
_DIGRAPHS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ph", "f"), ("ck", "k"))
_SINGLE = str.maketrans({"y": "i", "e": "i", "o": "u", "q": "k", "w": "u"})


@lru_cache(maxsize=1 << 18)
def romanized(token: str) -> str:
    """A key that two romanisations of the same name usually share."""
    text = token
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = text.translate(_SINGLE)
    return "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str) -> tuple[float, Why]:
    """Similarity of two normalised Latin tokens and the rule that gave it."""
    if a == b:
        return 1.0, Why.EXACT
    na, nb = numeric(a), numeric(b)
    if na is not None and nb is not None:
        return (1.0, Why.NUMBER) if na == nb else (0.0, Why.NUMBER_MISMATCH)
    if expands_to(a, b) or expands_to(b, a):
        return ABBREVIATION_SIM, Why.ABBREVIATION
    if _has_digit(a) or _has_digit(b):
        if _letters(a) and _letters(b) and _unleet(a) == _unleet(b):
            return PHONETIC_SIM, Why.SPELLING  # `Sech1n` typed for `Sechin`
        return 0.0, Why.NUMBER_MISMATCH
    if len(a) == 1 or len(b) == 1:
        ok = a[0] == b[0]
        return (INITIAL_SIM if ok else 0.0), Why.INITIAL
    if person.same_given_name(a, b):
        return SHORT_FORM_SIM, Why.SHORT_FORM
    longest = max(len(a), len(b))
    spelling = 1.0 - OSA.distance(a, b) / longest
    if longest <= 3:
        spelling = min(spelling, 0.5)  # one edit in a 3-letter token is another name
    ra, rb = romanized(a), romanized(b)
    variant = 1.0 - OSA.distance(ra, rb) / max(len(ra), len(rb))
    if variant > spelling and variant >= VARIANT_FLOOR:
        return min(variant, VARIANT_SIM), Why.VARIANT
    # Metaphone keys of short tokens are too coarse (`qi` and `kuo` are both `K`).
    sounds = min(len(a), len(b)) >= PHONETIC_MIN_LEN
    if sounds and spelling < PHONETIC_SIM and phonetic.metaphone(a) == phonetic.metaphone(b):
        return PHONETIC_SIM, Why.PHONETIC
    if spelling < SKELETON_SIM and _skeletons_agree(a, b):
        return SKELETON_SIM, Why.SKELETON
    return spelling, Why.SPELLING


_LEET = str.maketrans("0134579", "oieastg")


def _letters(token: str) -> bool:
    return any(c.isalpha() for c in token)


def _unleet(token: str) -> str:
    return token.translate(_LEET)


def _has_digit(token: str) -> bool:
    return any("0" <= c <= "9" for c in token)


def _skeletons_agree(a: str, b: str, shortest: int = 3) -> bool:
    sa, sb = phonetic.skeleton(a), phonetic.skeleton(b)
    return len(sa) >= shortest and sa == sb


ABJAD_SIM = 0.85
ABJAD_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
"""Scripts that write few or no short vowels: their Latin renderings are consonant skeletons."""


@lru_cache(maxsize=1 << 18)
def abjad_similarity(a: str, b: str) -> tuple[float, Why]:
    """Similarity when one token was romanised from Arabic or Hebrew script, which does not
    write short vowels (`محمد` -> `mhmd`): equal consonant skeletons count as a close pair."""
    sim, why = token_similarity(a, b)
    if sim < ABJAD_SIM and _skeletons_agree(a, b, shortest=2):
        return ABJAD_SIM, Why.SKELETON
    return sim, why
