"""Numbers in names, whichever way they are written: `3`, `three`, `3rd`, `third`, `44`,
`forty-four` (tokenised `forty four`, or joined `fortyfour`), `XII`."""

from __future__ import annotations

import re
from functools import lru_cache

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)}
# Roman numerals as names use them (ordinals of vessels, units, companies: `BICENTENARIO XII`),
# only from I to XXXIX; `xi` and `vi` are left alone, as they are far more often names (Xi).
_ROMAN = re.compile(r"x{0,3}(ix|iv|v?i{0,3})")
_ROMAN_VALUE = {"x": 10, "v": 5, "i": 1}
_NOT_ROMAN = frozenset({"xi", "vi"})
_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)?")


@lru_cache(maxsize=65536)
def numeric(token: str) -> str | None:
    """The number a token writes, as digits (`third` -> `3`, `101st` -> `101`), else None."""
    if m := _DIGITS.fullmatch(token):
        return str(int(m[1]))
    if token in _WORDS:
        return str(_WORDS[token])
    if token in _ORDINALS:
        return str(_ORDINALS[token])
    for word, tens in _TENS.items():
        if token == word:
            return str(tens)
        rest = token.removeprefix(word)
        if rest != token and rest in _UNITS[1:]:
            return str(tens + _UNITS.index(rest))
    return _roman(token)


def _roman(token: str) -> str | None:
    # Only numerals of two or more letters: a lone `i`, `v` or `x` is an initial.
    if len(token) < 2 or token in _NOT_ROMAN or not _ROMAN.fullmatch(token):
        return None
    values = [_ROMAN_VALUE[c] for c in token]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return str(total)
