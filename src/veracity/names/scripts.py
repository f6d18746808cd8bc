"""Which writing system a character, token or name is in.

Python's `unicodedata` has no Script property, so the script is read from the first word of
the character's Unicode name ("CYRILLIC SMALL LETTER A", "CJK UNIFIED IDEOGRAPH-4E00"), cached
per character. Only letters and marks have a script; digits, spaces and punctuation are common
to all scripts and return None (as Unicode's `Common`/`Inherited` would).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

LATIN = "Latin"
CYRILLIC = "Cyrillic"
ARABIC = "Arabic"
GREEK = "Greek"
HEBREW = "Hebrew"
HAN = "Han"
HANGUL = "Hangul"
HIRAGANA = "Hiragana"
KATAKANA = "Katakana"
GEORGIAN = "Georgian"
ARMENIAN = "Armenian"
DEVANAGARI = "Devanagari"
THAI = "Thai"
OTHER = "Other"
"""A letter of a script this module does not name (Tifinagh, Cherokee...)."""

# First word of the Unicode character name -> script. The Indic and South-East Asian scripts
# beyond those the brief names are listed because they occur on the UN and OFAC lists' sources.
_BY_NAME_PREFIX: dict[str, str] = {
    "LATIN": LATIN,
    "FULLWIDTH": LATIN,  # only FULLWIDTH LATIN letters are alphabetic; NFKC folds them anyway
    "CYRILLIC": CYRILLIC,
    "ARABIC": ARABIC,
    "GREEK": GREEK,
    "HEBREW": HEBREW,
    "CJK": HAN,
    "IDEOGRAPHIC": HAN,  # 々 IDEOGRAPHIC ITERATION MARK
    "HANGUL": HANGUL,
    "HIRAGANA": HIRAGANA,
    "KATAKANA": KATAKANA,
    "KATAKANA-HIRAGANA": KATAKANA,  # ー prolonged sound mark, mostly in katakana loanwords
    "HALFWIDTH": KATAKANA,
    "GEORGIAN": GEORGIAN,
    "ARMENIAN": ARMENIAN,
    "DEVANAGARI": DEVANAGARI,
    "THAI": THAI,
    "BENGALI": "Bengali",
    "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati",
    "ORIYA": "Oriya",
    "TAMIL": "Tamil",
    "TELUGU": "Telugu",
    "KANNADA": "Kannada",
    "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala",
    "TIBETAN": "Tibetan",
    "MYANMAR": "Myanmar",
    "KHMER": "Khmer",
    "LAO": "Lao",
    "ETHIOPIC": "Ethiopic",
    "MONGOLIAN": "Mongolian",
    "SYRIAC": "Syriac",
    "THAANA": "Thaana",
}

KANA = frozenset({HIRAGANA, KATAKANA})
CJK = frozenset({HAN, HANGUL, HIRAGANA, KATAKANA})
"""Scripts written without spaces between name parts (a name is often one 'token')."""


@lru_cache(maxsize=32768)
def char_script(char: str) -> str | None:
    """The script of one character, or None for digits, spaces, punctuation and symbols."""
    if char < "\x80":
        return LATIN if char.isalpha() else None
    category = unicodedata.category(char)
    if category[0] not in "LM":
        return None
    first = unicodedata.name(char, "").split(" ", 1)[0]
    if first == "HALFWIDTH" and "HANGUL" in unicodedata.name(char, ""):
        return HANGUL
    script = _BY_NAME_PREFIX.get(first)
    if script is not None:
        return script
    # Combining marks (COMBINING ACUTE ACCENT...) inherit the script of their base letter.
    return None if category[0] == "M" else OTHER


def scripts(text: str) -> frozenset[str]:
    """The set of scripts the letters of `text` are written in."""
    if text.isascii():
        return frozenset({LATIN}) if any(c.isalpha() for c in text) else frozenset()
    found = {char_script(c) for c in text}
    found.discard(None)
    return frozenset(s for s in found if s is not None)


def is_latin(text: str) -> bool:
    """Whether every letter of `text` is Latin (True for text without letters)."""
    if text.isascii():
        return True
    return all(char_script(c) in (LATIN, None) for c in text)


@lru_cache(maxsize=65536)
def token_script(token: str) -> str | None:
    """The script most letters of `token` are in (None if it has no letters)."""
    if token.isascii():
        return LATIN if any(c.isalpha() for c in token) else None
    found = set(map(char_script, token))
    found.discard(None)
    if len(found) <= 1:  # the usual case: one script (C-speed loop above)
        return found.pop() if found else None
    counts: dict[str, int] = {}
    for char in token:
        script = char_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)
