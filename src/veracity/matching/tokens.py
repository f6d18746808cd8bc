"""How alike two name tokens are, in [0, 1], and why.

Rules, strongest first: equal tokens; numbers must be equal (watchman#483: `11420 CORP` is not
`BELLETECH CORP`); an initial stands for any name with that first letter (`L` ~ `Lafayette`);
known short forms of one given name (`Jon` ~ `John`, `Bill` ~ `William`); then spelling distance
(optimal string alignment, so a swap of two letters is one edit), lifted when the tokens sound
alike (metaphone) or share their consonant skeleton (transliterated Arabic drops vowels).
Numbers compare by value whichever way they are written (`3rd` ~ `third`, `XII` ~ `12`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from veracity.names import person, phonetic
from veracity.names.abbreviations import ABBREVIATIONS, expands_to
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


_Facts = tuple[str | None, bool, bool, str, str, str, str, tuple[str, ...]]
"""What the rules read of a token, worked out once per token (a query meets the same listed
words again and again): the number it writes, whether it has digits and letters, its letters
for look-alike digits, its romanisation key, metaphone and consonant skeleton, and its
given-name groups. Plain values, which the garbage collector skips however many are kept."""


@lru_cache(maxsize=1 << 18)
def _facts(token: str) -> _Facts:
    return (
        numeric(token),
        _has_digit(token),
        any(c.isalpha() for c in token),
        token.translate(_LEET),
        romanized(token),
        phonetic.metaphone(token),
        phonetic.skeleton(token),
        tuple(sorted(person.given_name_keys(token))),
    )


def token_similarity(a: str, b: str) -> tuple[float, Why]:
    """Similarity of two normalised Latin tokens and the rule that gave it."""
    sim, why = plain_similarity(a, b)
    return sim, _WHY[why]


@lru_cache(maxsize=1 << 18)
def plain_similarity(a: str, b: str) -> tuple[float, str]:
    """`token_similarity` with the rule as its plain name, as the caches keep it."""
    if a == b:
        return 1.0, Why.EXACT.value
    number_a, digits_a, letters_a, unleet_a, roman_a, sound_a, skeleton_a, names_a = _facts(a)
    number_b, digits_b, letters_b, unleet_b, roman_b, sound_b, skeleton_b, names_b = _facts(b)
    if number_a is not None and number_b is not None:
        return (1.0, _NUMBER) if number_a == number_b else (0.0, _NUMBER_MISMATCH)
    if expands_to(a, b) or expands_to(b, a):
        return ABBREVIATION_SIM, Why.ABBREVIATION.value
    if digits_a or digits_b:
        if letters_a and letters_b and unleet_a == unleet_b:
            return PHONETIC_SIM, _SPELLING  # `Sech1n` typed for `Sechin`
        return 0.0, _NUMBER_MISMATCH
    if len(a) == 1 or len(b) == 1:
        return (INITIAL_SIM if a[0] == b[0] else 0.0), Why.INITIAL.value
    if names_a and names_b and not set(names_a).isdisjoint(names_b):
        return SHORT_FORM_SIM, Why.SHORT_FORM.value  # known short forms of one given name
    longest = max(len(a), len(b))
    spelling = 1.0 - OSA.distance(a, b) / longest
    if longest <= 3:
        spelling = min(spelling, 0.5)  # one edit in a 3-letter token is another name
    variant = 1.0 - OSA.distance(roman_a, roman_b) / max(len(roman_a), len(roman_b))
    if variant > spelling and variant >= VARIANT_FLOOR:
        return min(variant, VARIANT_SIM), Why.VARIANT.value
    # Metaphone keys of short tokens are too coarse (`qi` and `kuo` are both `K`).
    sounds = min(len(a), len(b)) >= PHONETIC_MIN_LEN
    if sounds and spelling < PHONETIC_SIM and sound_a == sound_b:
        return PHONETIC_SIM, Why.PHONETIC.value
    if spelling < SKELETON_SIM and len(skeleton_a) >= 3 and skeleton_a == skeleton_b:
        return SKELETON_SIM, Why.SKELETON.value
    return spelling, _SPELLING


def may_reach(a: str, b: str, floor: float) -> bool:
    """Whether `token_similarity(a, b)` may be `floor` or more, for a floor above the phonetic
    and skeleton rules (`PHONETIC_SIM`): cheaper than the rules, and never False where they
    reach it. Only equal words or numbers, a known abbreviation, one given name, or spellings
    or romanisations at most (1 - floor) edits a letter apart go that high."""
    if floor <= PHONETIC_SIM or a == b or expands_to(a, b) or expands_to(b, a):
        return True
    if numeric(a) is not None and numeric(b) is not None:
        return True
    if not person.given_name_keys(a).isdisjoint(person.given_name_keys(b)):
        return True
    edits = 1.0 - floor
    if OSA.distance(a, b) <= edits * max(len(a), len(b)) + _EPS:
        return True
    ra, rb = romanized(a), romanized(b)
    return bool(OSA.distance(ra, rb) <= edits * max(len(ra), len(rb)) + _EPS)


_EPS = 1e-9
_WHY = {why.value: why for why in Why}
_NUMBER, _NUMBER_MISMATCH, _SPELLING = (
    Why.NUMBER.value,
    Why.NUMBER_MISMATCH.value,
    Why.SPELLING.value,
)


_LEET = str.maketrans("0134579", "oieastg")
_DIGIT = re.compile("[0-9]")


def _has_digit(token: str) -> bool:
    return _DIGIT.search(token) is not None


ABJAD_SIM = 0.85
ABJAD_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
"""Scripts that write few or no short vowels: their Latin renderings are consonant skeletons."""


def abjad_similarity(a: str, b: str) -> tuple[float, Why]:
    """Similarity when one token was romanised from Arabic or Hebrew script, which does not
    write short vowels (`محمد` -> `mhmd`): equal consonant skeletons count as a close pair."""
    sim, why = plain_abjad_similarity(a, b)
    return sim, _WHY[why]


@lru_cache(maxsize=1 << 18)
def plain_abjad_similarity(a: str, b: str) -> tuple[float, str]:
    """`abjad_similarity` with the rule as its plain name, as the caches keep it."""
    sim, why = plain_similarity(a, b)
    skeleton = _facts(a)[6]
    if sim < ABJAD_SIM and len(skeleton) >= 2 and skeleton == _facts(b)[6]:
        return ABJAD_SIM, Why.SKELETON.value
    return sim, why


def screen(a: list[str], b: list[str], floor: float, abjad: bool = False) -> list[tuple[int, int]]:
    """The pairs (i, j), in order, whose similarity may reach `floor` (`token_similarity`, or
    `abjad_similarity` when `abjad`): all that do and few that do not, found at C speed.

    A pair reaches `floor` only through a rule that can give that much, and each leaves a mark
    looked for here: close spelling or romanisation (edit distance), the same metaphone or
    consonant skeleton, the same given name, or a number, digit, initial, known abbreviation or
    four-letter prefix (a cut-off) on a side.
    """
    fa, fb = [_facts(t) for t in a], [_facts(t) for t in b]
    longest = np.maximum.outer([len(t) for t in a], [len(t) for t in b])
    ok = cdist(a, b, scorer=OSA.distance) <= (1.0 - floor) * longest + _EPS
    ra, rb = [f[4] for f in fa], [f[4] for f in fb]
    longest = np.maximum.outer([len(r) for r in ra], [len(r) for r in rb])
    ok |= cdist(ra, rb, scorer=OSA.distance) <= (1.0 - max(floor, VARIANT_FLOOR)) * longest + _EPS
    ok |= np.equal.outer([f[5] for f in fa], [f[5] for f in fb])
    shortest = 2 if abjad else 3
    skeletons = [f[6] for f in fa]
    long_enough = np.array([len(k) >= shortest for k in skeletons])
    ok |= np.equal.outer(skeletons, [f[6] for f in fb]) & long_enough[:, None]
    ok |= np.equal.outer(
        [t[:4] if len(t) >= 4 else "<" for t in a], [t[:4] if len(t) >= 4 else ">" for t in b]
    )
    ok[[_special(t, f) for t, f in zip(a, fa, strict=True)], :] = True
    ok[:, [_special(t, f) for t, f in zip(b, fb, strict=True)]] = True
    for i, f in enumerate(fa):
        if f[7]:
            ok[i] |= [bool(g[7]) and not set(f[7]).isdisjoint(g[7]) for g in fb]
    rows, cols = np.nonzero(ok)
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def _special(token: str, facts: _Facts) -> bool:
    """A number, digits, an initial or a known abbreviation: rules not by spelling."""
    return facts[0] is not None or facts[1] or len(token) == 1 or token in ABBREVIATIONS
