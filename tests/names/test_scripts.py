"""Script detection per character, token and name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veracity.names import char_script, is_latin, scripts, token_script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir", {"Latin"}),
        ("Pérez", {"Latin"}),
        ("Владимир", {"Cyrillic"}),
        ("معمر", {"Arabic"}),
        ("金正恩", {"Han"}),
        ("김정은", {"Hangul"}),
        ("ひらがな", {"Hiragana"}),
        ("カタカナー", {"Katakana"}),
        ("Αλέξανδρος", {"Greek"}),
        ("משה", {"Hebrew"}),
        ("ოთარ", {"Georgian"}),
        ("Արամ", {"Armenian"}),
        ("राम", {"Devanagari"}),
        ("สมชาย", {"Thai"}),
        ("ZALA Аэро", {"Latin", "Cyrillic"}),
        ("12345 - !", set()),
    ],
)
def test_scripts(text: str, expected: set[str]) -> None:
    assert scripts(text) == frozenset(expected)


def test_is_latin() -> None:
    assert is_latin("Nicolás Maduro")
    assert is_latin("11420")  # no letters: compatible with Latin
    assert not is_latin("Муаммар")
    assert not is_latin("Zala Аэро")


def test_char_and_token_script() -> None:
    assert char_script("a") == "Latin"
    assert char_script("1") is None
    assert char_script("\u0301") is None  # a combining mark takes its base's script
    assert token_script("ТрансKомплект") == "Cyrillic"  # a Latin K typed in a Cyrillic word
    assert token_script("123") is None


@given(st.text())
def test_scripts_never_crash(text: str) -> None:
    assert is_latin(text) == (scripts(text) <= {"Latin"})
