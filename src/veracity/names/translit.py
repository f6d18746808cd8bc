"""Transliteration of a normalised name to Latin, with alternative renderings.

One rendering is not enough across scripts (sanctions.md §5.3): `Дмитрий` is `Dmitriy` on the
lists (BGN/PCGN) and `Dmitrii` in passports (ICAO 9303); `김정은` is `Gim Jeong-eun` in South
Korean romanisation and `Kim Jong Un` on the UN list. So `latin_variants` returns up to
`MAX_VARIANTS` renderings, primary first, and the matcher compares all of them.

Engines, chosen by measurement (`benchmarks/translit_bench.py`): our own name-specific tables
for Cyrillic (`_cyrillic`), Arabic script (`_arabic`) and Hangul (`_hangul`), and `anyascii`
for every other script (Han as pinyin, kana, Greek, Hebrew, Thai, Indic...). All the work is
per token and cached, so a name costs a few dictionary look-ups once its tokens have been seen.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from anyascii import anyascii

from veracity.names import _arabic, _cyrillic, _hangul
from veracity.names.normalize import normalize
from veracity.names.scripts import ARABIC, CYRILLIC, HAN, HANGUL, LATIN, token_script
from veracity.names.tokens import tokenize

MAX_VARIANTS = 3
"""At most this many Latin renderings of one name (each costs the matcher a comparison)."""


def _han(token: str) -> tuple[str, ...]:
    # A personal name (2-3 characters) gets one syllable per character, as the lists print
    # Chinese names (`Xi Jin Ping`), then the given name joined (`Xi Jinping`, the pinyin
    # convention). A longer run is a word (`有限会社`): joined first, spaced second. The same
    # characters written by a Japanese name read differently (`山田太郎` is `Yamada Taro`, not
    # `Shan Tian Tai Lang`), so the Japanese reading is always a further rendering.
    syllables = [anyascii(char) for char in token]
    spaced = " ".join(syllables)
    if len(syllables) <= 2:
        return (spaced, _japanese(token))
    if len(syllables) == 3:
        return (spaced, syllables[0] + " " + "".join(syllables[1:]), _japanese(token))
    return ("".join(syllables), spaced, _japanese(token))


@lru_cache(maxsize=1)
def _cutlet() -> Any:
    import cutlet

    return cutlet.Cutlet()


def _japanese(token: str) -> str:
    """The Japanese reading of kanji, in Hepburn romaji (cutlet over the UniDic dictionary)."""
    return str(_cutlet().romaji(token)).lower()


@lru_cache(maxsize=65536)
def token_variants(token: str, ukrainian: bool = False) -> tuple[str, ...]:
    """Latin renderings of one normalised token (primary first; may contain spaces)."""
    script = token_script(token)
    if token.isascii() or script in (None, LATIN):
        return (normalize(anyascii(token)),) if not token.isascii() else (token,)
    if script == CYRILLIC:
        raw: tuple[str, ...] = (
            _cyrillic.bgn(token, ukrainian),
            _cyrillic.icao(token, ukrainian),
        )
    elif script == ARABIC:
        raw = (_arabic.romanize(token), _arabic.romanize(token, persian=True))
    elif script == HANGUL:
        raw = (_hangul.romanize(token), _hangul.romanize(token, mcr=True))
    elif script == HAN:
        raw = _han(token)
    else:
        raw = (anyascii(token),)
    # Mixed-script leftovers go through anyascii; normalise drops its punctuation (`m`mr`).
    out = (normalize(anyascii(text) if not text.isascii() else text) for text in raw)
    return tuple(dict.fromkeys(text for text in out if text))


@lru_cache(maxsize=65536)
def latin_variants(text: str) -> tuple[str, ...]:
    """Distinct Latin renderings of a normalised name, primary first (at most MAX_VARIANTS)."""
    if text.isascii():
        return (text,)
    ukrainian = _cyrillic.is_ukrainian(text)
    tokens = tokenize(text)
    per_token = [token_variants(token, ukrainian) or ("",) for token in tokens]
    variants: dict[str, None] = {}
    for index in range(MAX_VARIANTS):
        parts = (options[min(index, len(options) - 1)] for options in per_token)
        variant = " ".join(part for part in parts if part)
        if index == 1 and any(token_script(token) == ARABIC for token in tokens):
            variant = _arabic.join_compounds(variant)
        variants[variant] = None
    return tuple(variants)[:MAX_VARIANTS]


def to_latin(text: str) -> str:
    """The primary Latin rendering of a normalised name (lower-case ASCII for known scripts)."""
    return latin_variants(text)[0]
