"""Cyrillic → Latin for names, in the two systems the lists and passports use.

- BGN/PCGN (Russian 1947, Ukrainian 1965) as the EU, UK and UN lists print it: `ye` only at
  the start of a word (`Ельцин` → `yeltsin`, but `Николаевна` → `nikolaevna`, not the strict
  `nikolayevna`, which scored lower on the lists' own names in `benchmarks/translit_bench.py`),
  `Захаров` → `zakharov`, `Дмитрий` → `dmitriy`.
- ICAO Doc 9303 (7th ed., 2015, table for machine-readable passports): what Russian and
  Ukrainian passports print since 2013, hence what KYC data holds (`Мария` → `mariia`,
  `Юрий` → `iurii`, `Евгений` → `evgenii`).

Input is normalised (lower case). Ukrainian, Belarusian, Kazakh and Serbian letters get their
own values; a name that contains a Ukrainian-only letter (і ї є ґ) is read as Ukrainian, where
`г` is `h` and `и` is `y` (`Володимир` → `volodymyr`), per the Ukrainian national system (2010).
"""

from __future__ import annotations

from functools import lru_cache

# fmt: off
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian / Belarusian
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    # Kazakh, Kyrgyz, Tatar, Bashkir, Mongolian (BGN/PCGN Kazakh 1979 values, ASCII-folded)
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    # Serbian / Macedonian
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz",
}
# fmt: on

# ICAO 9303 differs from BGN/PCGN in these letters.
_ICAO = _COMMON | {"й": "i", "ъ": "ie", "ю": "iu", "я": "ia", "ї": "i", "є": "ie", "ц": "ts"}
# The Ukrainian national system (2010) and ICAO agree on г→h, и→y for Ukrainian.
_UKRAINIAN = {"г": "h", "и": "y"}

_UKRAINIAN_LETTERS = frozenset("іїєґ")


_TABLES = {
    (system, ukrainian): str.maketrans(base | _UKRAINIAN if ukrainian else base)
    for system, base in (("bgn", _COMMON), ("icao", _ICAO))
    for ukrainian in (False, True)
}


def is_ukrainian(text: str) -> bool:
    """Whether a Cyrillic name contains a letter only Ukrainian uses."""
    return any(char in _UKRAINIAN_LETTERS for char in text)


@lru_cache(maxsize=65536)
def bgn(token: str, ukrainian: bool = False) -> str:
    """BGN/PCGN romanisation of one lower-case Cyrillic token."""
    # BGN/PCGN writes е/ё as ye at the start of a word (Ельцин → Yeltsin).
    if token[:1] in ("е", "ё"):
        return "ye" + token[1:].translate(_TABLES["bgn", ukrainian])
    return token.translate(_TABLES["bgn", ukrainian])


@lru_cache(maxsize=65536)
def icao(token: str, ukrainian: bool = False) -> str:
    """ICAO Doc 9303 (passport) romanisation of one lower-case Cyrillic token."""
    return token.translate(_TABLES["icao", ukrainian])
