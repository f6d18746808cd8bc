"""Comparing two values of a text field: a place, a state, an e-mail address, a postcode.

Levels as in Splink's `JaroWinklerAtThresholds` with a one-edit level added, which is what a
mistyped postcode or identifier (`4011` / `4017`) looks like: EXACT; TYPO (one insertion,
deletion, substitution or transposition, Jaro-Winkler ≥ 0.92, or the same characters in
another order); SIMILAR (Jaro-Winkler ≥ 0.80); DIFFERENT. How often a level happens between
different people is learnt from the data (random pairs), so a one-digit typo in a street number
ends up weighing little and one in a ten-digit identifier a lot.
"""

from __future__ import annotations

from enum import IntEnum

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from veracity.linkage.compare_names import NULL, SIMILAR_SIMILARITY, TYPO_SIMILARITY, Outcome


class TextLevel(IntEnum):
    """How two text values agree, best first."""

    EXACT = 0
    TYPO = 1
    SIMILAR = 2
    DIFFERENT = 3


def compare_text(a: str, b: str) -> Outcome:
    """The level of two normalised text values, and the value whose frequency weighs it."""
    if not a or not b:
        return NULL, None
    if a == b:
        return TextLevel.EXACT, a
    if DamerauLevenshtein.distance(a, b, score_cutoff=1) <= 1:
        return TextLevel.TYPO, None
    similarity = JaroWinkler.similarity(a, b)
    if similarity >= TYPO_SIMILARITY or (len(a) == len(b) >= 3 and sorted(a) == sorted(b)):
        return TextLevel.TYPO, None
    return (TextLevel.SIMILAR if similarity >= SIMILAR_SIMILARITY else TextLevel.DIFFERENT), None
