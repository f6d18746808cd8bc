"""Tokens of a normalised name, and the joins of adjacent tokens that lists write as one word.

Watchman users met `JSC ARGUMENT` listed and `JSCARGUMENT` queried, with no match at all
(watchman#594); Watchman's answer, `GenerateWordCombinations`, joins short tokens with their
neighbours (sanctions.md §2.1). rigour treats a token split or merge as near-free in its
edit-distance DP (§1.1). We generate the joins once, at preparation, so that an index can hold
them and a comparison can look them up.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from veracity.names.scripts import CJK, token_script

SHORT_TOKEN = 3
"""Tokens this long or shorter are joined with a neighbour (`jsc`, `al`, `bin`, `de`)."""


_DIGIT = re.compile(r"\d")


def has_digit(token: str) -> bool:
    """Whether a token contains a digit (a number must agree: watchman#483, `11420 CORP`)."""
    return _DIGIT.search(token) is not None


def _boundary(previous: str | None, current: str | None) -> bool:
    # CJK scripts write no spaces, so a change of script is the only word boundary a name
    # like `CST有限会社` or `株式会社カラシニコフ` has. Latin, Cyrillic and Greek letters mixed
    # in one token are a homoglyph typo (a Latin `K` in a Cyrillic word), not a boundary.
    if previous is None or current is None or previous == current:
        return False
    return previous in CJK or current in CJK


@lru_cache(maxsize=65536)
def split_scripts(token: str) -> tuple[str, ...]:
    """Split one token where it changes between a CJK script and any other script."""
    if token.isascii():
        return (token,)
    parts: list[str] = []
    start, previous = 0, None
    for index, char in enumerate(token):
        script = token_script(char)
        if _boundary(previous, script):
            parts.append(token[start:index])
            start = index
        if script is not None:
            previous = script
    parts.append(token[start:])
    return tuple(parts)


def tokenize(normalized: str) -> tuple[str, ...]:
    """The tokens of a normalised name (space-separated, CJK script runs split apart)."""
    if normalized.isascii():
        return tuple(normalized.split())
    return tuple(part for token in normalized.split() for part in split_scripts(token))


def joined(tokens: tuple[str, ...]) -> str:
    """All tokens as one string (`jsc argument` → `jscargument`), for whole-name comparison."""
    return "".join(tokens)


def adjacent_joins(tokens: tuple[str, ...], short: int = SHORT_TOKEN) -> tuple[str, ...]:
    """Each pair of adjacent tokens joined, where one of the two is at most `short` long."""
    return tuple(
        left + right
        for left, right in itertools.pairwise(tokens)
        if min(len(left), len(right)) <= short
    )


def merged_variants(
    tokens: tuple[str, ...], short: int = SHORT_TOKEN
) -> tuple[tuple[str, ...], ...]:
    """Token sequences with one short adjacent pair merged (`jsc argument` → `jscargument`)."""
    out: list[tuple[str, ...]] = []
    for index in range(len(tokens) - 1):
        left, right = tokens[index], tokens[index + 1]
        if min(len(left), len(right)) <= short:
            out.append((*tokens[:index], left + right, *tokens[index + 2 :]))
    return tuple(out)
