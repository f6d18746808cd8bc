"""Tokens and joins of adjacent tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veracity.names import adjacent_joins, joined, merged_variants, normalize, tokenize


def test_tokenize_splits_on_spaces() -> None:
    assert tokenize("jsc argument") == ("jsc", "argument")
    assert tokenize("") == ()


def test_tokenize_splits_cjk_runs_from_other_scripts() -> None:
    # Japanese and Chinese names have no spaces: a change of script is the only boundary.
    assert tokenize(normalize("CST有限会社")) == ("cst", "有限会社")
    assert tokenize(normalize("株式会社カラシニコフ")) == ("株式会社", "カラシニコフ")


def test_tokenize_keeps_homoglyph_typos_in_one_token() -> None:
    assert tokenize("трансkомплект") == ("трансkомплект",)


def test_merged_token_meets_its_parts() -> None:
    # watchman#594: JSC ARGUMENT listed, JSCARGUMENT queried.
    listed = tokenize(normalize("JSC ARGUMENT"))
    assert ("jscargument",) in merged_variants(listed)
    assert "jscargument" in adjacent_joins(listed)
    assert joined(listed) == "jscargument"


def test_joins_only_with_short_tokens() -> None:
    assert adjacent_joins(("vladimir", "putin")) == ()
    assert adjacent_joins(("al", "qadhafi")) == ("alqadhafi",)
    assert merged_variants(("a", "b", "c")) == (("ab", "c"), ("a", "bc"))


@given(st.text())
def test_tokens_of_any_name_are_non_empty_and_stable(text: str) -> None:
    tokens = tokenize(normalize(text))
    assert all(token and " " not in token for token in tokens)
    assert tokenize(" ".join(tokens)) == tokens
