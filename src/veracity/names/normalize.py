"""Unicode normalisation of a name to one comparable, lower-case, space-separated form.

The steps follow what the field does before comparing names (sanctions.md §1.1, §2.1: rigour's
`normalize_name`/`tokenize_name`, yente's `asciifolding`, Watchman's `prepare` pipeline):

1. NFKC (full-width and compatibility forms to their plain letters: `ＡＢＣ` → `ABC`, `№` → `No`)
   and casefold (`ß` → `ss`, `Σ` → `σ`).
2. Diacritics are stripped from Latin and Greek letters (`Pérez` → `perez`) and vowel points
   from Arabic and Hebrew, but never from other scripts, where the mark is part of the letter
   (Cyrillic `й` is not `и`; Devanagari vowel signs are vowels).
3. Apostrophes are deleted, so `O'Brien` → `obrien` and `Qa'ida` → `qaida` (the Arabic ʿayn
   and hamza are written with apostrophe-like letters that lists drop as often as they keep).
4. Every other punctuation mark, symbol, hyphen and space becomes one space (`al-Qadhafi` →
   `al qadhafi`), except `&`, which is kept as its own token because it carries meaning in
   company names (`AT&T`, `Smith & Sons`) and the organisation module treats it as generic.
5. Digits in any script become ASCII digits (`٣` → `3`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from veracity.names.scripts import ARABIC, GREEK, HEBREW, LATIN, char_script

APOSTROPHES = frozenset("'’‘‛ʼʻʽʹʾʿ`´′")
"""Characters deleted (not turned into spaces): O'Brien, D’Angelo, Mu`ammar."""

# Latin letters that have no decomposition, so NFD cannot strip them.
_LATIN_LETTERS = {
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "ı": "i",
    "þ": "th",
    "ħ": "h",
    "ŧ": "t",
    "ŋ": "ng",
    "ſ": "s",
    "ƒ": "f",
}

# Scripts whose combining marks are dropped (see the module docstring, step 2).
_STRIP_MARKS = frozenset({LATIN, GREEK, ARABIC, HEBREW})

# ASCII fast path: one str.translate, then whitespace collapse.
_ASCII_TABLE: dict[int, str | None] = {}
for _code in range(128):
    _char = chr(_code)
    if _char in APOSTROPHES:
        _ASCII_TABLE[_code] = None
    elif _char == "&":
        _ASCII_TABLE[_code] = " & "
    elif not _char.isalnum():
        _ASCII_TABLE[_code] = " "


def _fold_char(char: str) -> str:
    """The replacement of one composed character (see the module docstring)."""
    if char in APOSTROPHES:
        return ""
    if char == "&":
        return " & "
    category = unicodedata.category(char)
    if category == "Nd":
        return str(unicodedata.digit(char))
    if category[0] == "M":
        # Arabic harakat and Hebrew points go; generic combining marks wait for _strip_marks,
        # which needs to see the letter they sit on.
        return "" if char_script(char) in (ARABIC, HEBREW) else char
    if category[0] in "LN":
        decomposed = unicodedata.normalize("NFD", char)
        if char_script(decomposed[0]) in _STRIP_MARKS:
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            return _LATIN_LETTERS.get(base, base)
        return char
    return " "  # punctuation, symbols, separators, control and format characters


class _FoldTable(dict[int, str]):
    """A `str.translate` table filled on first use of each character: C speed after that."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_FOLD = _FoldTable()
# Generic combining marks left uncomposed after NFKC (casefold turns İ into i + U+0307).
_LOOSE_MARKS = re.compile(
    r"(.)([\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+)"
)


def _strip_marks(match: re.Match[str]) -> str:
    base = match.group(1)
    return base if char_script(base) in _STRIP_MARKS else match.group(0)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return " ".join(_LOOSE_MARKS.sub(_strip_marks, text).split())


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower-case, diacritic-free (for Latin), punctuation-free, single-spaced form of a name."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).lower().split())
    # NFKC and casefold do not commute for a few characters, so repeat until stable (at most
    # a few rounds: each round only removes compatibility forms and case).
    previous = None
    while text != previous:
        previous, text = text, _fold(text)
    return text
