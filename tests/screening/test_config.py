"""Screening configuration from TOML: defaults round-trip, changes apply, mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.exc import ConfigError
from veracity.screening.config import default_toml, load_config
from veracity.screening.screen import ScreeningConfig


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "screening.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_printed_defaults_load_back_as_the_defaults(tmp_path: Path) -> None:
    assert load_config(_write(tmp_path, default_toml())) == ScreeningConfig()


def test_a_file_changes_only_what_it_names(tmp_path: Path) -> None:
    config = load_config(
        _write(
            tmp_path,
            "[weights]\ntransshipment = 4\n[decision]\nreview_at = 5.5\n"
            "[thresholds]\nprice_window_days = 31\n[parties]\nmatch_threshold = 0.7\n",
        )
    )
    assert config.rules.weights.transshipment == 4.0
    assert config.rules.weights.chpl_tier1 == 5.0
    assert config.decision.review_at == 5.5
    assert config.rules.thresholds.price_window_days == 31
    assert config.parties.match_threshold == 0.7


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[weights]\ntransshipmnet = 4\n", "transshipmnet"),
        ("[weigths]\ntransshipment = 4\n", "weigths"),
        ("[thresholds]\nprice_window_days = 'month'\n", "thresholds.price_window_days"),
        ("[thresholds]\nprice_window_days = 30.5\n", "thresholds.price_window_days"),
        ("[decision]\nreview_at = -1\n", "decision.review_at"),
        ("[decision\n", "not valid TOML"),
    ],
)
def test_mistakes_are_errors_naming_file_and_key(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named) as error:
        load_config(_write(tmp_path, text))
    assert "screening.toml" in error.value.message
