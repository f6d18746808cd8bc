"""Shared fixtures: the real public data in ../shared/data, and small fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.settings import load_settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public data folder; skips (or fails under VERACITY_REQUIRE_SHARED=1) if absent."""
    settings = load_settings()
    path = settings.shared_data
    if not (path / "sanctions").is_dir():
        reason = f"real data not found at {path.resolve()} (set VERACITY_SHARED_DATA)"
        if settings.require_shared:
            pytest.fail(reason + " and VERACITY_REQUIRE_SHARED=1 is set")
        pytest.skip(reason)
    return path


@pytest.fixture
def fixtures() -> Path:
    """The folder of small fixture files we wrote ourselves."""
    return FIXTURES
