"""Hangul → Latin, one syllable per token, in the two systems Korean names appear in.

A Hangul syllable is computed, not looked up: code point = 0xAC00 + (initial × 21 + vowel) × 28
+ final (Unicode §3.12). Korean names are written without spaces (`김정은`) but lists print one
token per syllable (`KIM Jong Un`, `Kim Jong-un`), so each syllable becomes its own token.

- Revised Romanization (South Korea, 2000): `김정은` → `gim jeong eun`.
- McCune–Reischauer without breves, as North Korean names are printed on the UN and OFAC lists,
  with the conventional spelling of the commonest surnames (`Kim`, `Lee`, `Park`, `Choi`: the
  spellings most holders of those surnames use in passports, per the National Institute of
  Korean Language's 2009 survey): `김정은` → `kim jong un`.
"""

from __future__ import annotations

from functools import lru_cache

_FIRST, _LAST = 0xAC00, 0xD7A3

# fmt: off
_RR_INITIAL = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "_", "j", "jj", "ch", "k", "t",
    "p", "h",
)
_MR_INITIAL = (
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "_", "j", "jj", "ch", "kh", "th",
    "ph", "h",
)
_RR_VOWEL = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
    "we", "wi", "yu", "eu", "ui", "i",
)
_MR_VOWEL = (
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "u", "ui", "i",
)
_FINAL = (
    "_", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
    "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)
# fmt: on

# fmt: off
_SURNAMES = {
    "김": "kim", "이": "lee", "리": "ri", "박": "park", "최": "choi", "정": "jung", "강": "kang",
    "조": "cho", "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo",
    "신": "shin", "권": "kwon", "황": "hwang", "안": "ahn", "송": "song", "류": "ryu", "홍": "hong",
}
# fmt: on


def is_syllable(char: str) -> bool:
    """Whether `char` is a precomposed Hangul syllable."""
    return _FIRST <= ord(char) <= _LAST


def _syllable(char: str, mcr: bool) -> str:
    index = ord(char) - _FIRST
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    parts = (
        (_MR_INITIAL if mcr else _RR_INITIAL)[initial],
        (_MR_VOWEL if mcr else _RR_VOWEL)[vowel],
        _FINAL[final],
    )
    return "".join(part for part in parts if part != "_")


@lru_cache(maxsize=65536)
def romanize(token: str, mcr: bool = False) -> str:
    """Romanise a Hangul token, one output token per syllable (RR, or M–R if `mcr`)."""
    out: list[str] = []
    for index, char in enumerate(token):
        if not is_syllable(char):
            out.append(char)
        elif mcr and index == 0 and 2 <= len(token) <= 4 and char in _SURNAMES:
            out.append(_SURNAMES[char])  # a whole personal name: surname first
        else:
            out.append(_syllable(char, mcr))
    return " ".join(out)
