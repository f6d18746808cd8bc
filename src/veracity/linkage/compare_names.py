"""Comparing the given names and the surnames of two person records, in levels.

The levels follow the tiering of screening systems (court_records.md §3.3: exact → standard
given-name map → initials → phonetic and edit distance) and of Splink's `NameComparison`
(exact, Jaro-Winkler ≥ 0.92, weaker similarity):

1. EXACT: the same name, particles aside (`de la Rosa` / `Rosa`: §3.2); for given names, the
   same first given name (`John Paul` / `John`).
2. PART: a variant of one given name (`Bob` / `Robert`, `Mohamed` / `Muhammad`: the given-name
   table of `names/`), a given or surname part in common (`Lopez-Cortez` / `Lopez`: §3.2
   double surnames; `Maria Jose` / `Jose`).
3. TYPO: a spelling variant or typo: Z and S read as one letter (`Cortez` / `Cortes`, §3.2),
   Jaro-Winkler ≥ 0.92 (Splink's default for a close spelling), or the same letters in another
   order (`Watosn`; transposed letters are a common keying error).
4. INITIAL: one name is the initial of the other (`J` / `John`).
5. SIMILAR: Jaro-Winkler ≥ 0.80.
6. DIFFERENT.

Given name and surname are compared as written and swapped (§3.3: the order of given and
family names may be swapped), and the order that agrees better is kept.
"""

from __future__ import annotations

from enum import IntEnum

from rapidfuzz.distance import JaroWinkler

from veracity.linkage.records import NamePart, Prepared
from veracity.names.person import same_given_name

NULL = -1
"""The level of a comparison that cannot be made: a value is missing on one side."""

TYPO_SIMILARITY = 0.92
"""Jaro-Winkler similarity at or above which two spellings count as one name with a typo."""
SIMILAR_SIMILARITY = 0.80
"""Jaro-Winkler similarity at or above which two names count as similar."""

Outcome = tuple[int, str | None]
"""A level, and the value whose frequency weighs it (None when no frequency applies)."""


class NameLevel(IntEnum):
    """How two names agree, best first."""

    EXACT = 0
    PART = 1
    TYPO = 2
    INITIAL = 3
    SIMILAR = 4
    DIFFERENT = 5


def _shared(a: NamePart, b: NamePart) -> str | None:
    """The first token of `a` (at least two letters) that `b` also has."""
    if len(a.tokens) == 1 and len(b.tokens) == 1:
        return None  # two single tokens share one only if they are equal, which is EXACT
    others = set(b.tokens)
    return next((t for t in a.tokens if len(t) > 1 and t in others), None)


def _initial(a: NamePart, b: NamePart) -> bool:
    first_a, first_b = a.tokens[0], b.tokens[0]
    if len(first_a) == 1:
        return first_b.startswith(first_a)
    return len(first_b) == 1 and first_a.startswith(first_b)


def compare_tokens(a: NamePart, b: NamePart, given: bool) -> Outcome:
    """The level of two name parts; `given` for given names (first name, name variants)."""
    if not a.key or not b.key:
        return NULL, None
    if a.key == b.key:
        return (NameLevel.INITIAL, None) if len(a.key) == 1 else (NameLevel.EXACT, a.key)
    if a.tokens == b.tokens:  # equal but for particles: `de la Rosa`, `Rosa`
        return NameLevel.EXACT, "".join(a.tokens)
    first_a, first_b = a.tokens[0], b.tokens[0]
    if given and first_a == first_b and len(first_a) > 1:
        return NameLevel.EXACT, first_a
    shared = _shared(a, b)
    if shared is not None:
        return NameLevel.PART, None if given else shared
    if given and same_given_name(first_a, first_b):
        return NameLevel.PART, None
    similarity = JaroWinkler.similarity(a.key, b.key)
    anagram = len(a.key) >= 3 and a.letters == b.letters
    if similarity >= TYPO_SIMILARITY or anagram or not a.folded.isdisjoint(b.folded):
        return NameLevel.TYPO, None
    if _initial(a, b):
        return NameLevel.INITIAL, None
    if len(a.tokens) > 1 or len(b.tokens) > 1:
        similarity = max(similarity, JaroWinkler.similarity(first_a, first_b))
    return (NameLevel.SIMILAR if similarity >= SIMILAR_SIMILARITY else NameLevel.DIFFERENT), None


def _quality(*outcomes: Outcome) -> int:
    return sum(NameLevel.DIFFERENT - level for level, _ in outcomes if level != NULL)


def compare_names(a: Prepared, b: Prepared) -> tuple[Outcome, Outcome, bool]:
    """(given-name outcome, surname outcome, whether the names agree better swapped)."""
    given = compare_tokens(a.given, b.given, given=True)
    surname = compare_tokens(a.surname, b.surname, given=False)
    if NULL < given[0] <= NameLevel.TYPO and NULL < surname[0] <= NameLevel.TYPO:
        # Both parts agree well as written: a swap is looked for only when one disagrees.
        return given, surname, False
    cross_given = compare_tokens(a.given, b.surname, given=True)
    cross_surname = compare_tokens(a.surname, b.given, given=False)
    if _quality(cross_given, cross_surname) > _quality(given, surname):
        return cross_given, cross_surname, True
    return given, surname, False
