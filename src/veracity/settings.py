"""Settings read once from the environment (`VERACITY_*`); everything else is passed in."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path("veracity.duckdb")
DEFAULT_SHARED = Path("../shared/data")


@dataclass(frozen=True, slots=True)
class Settings:
    """Veracity's environment, read once at start-up."""

    db_path: Path
    """`VERACITY_DB`: the DuckDB file (default `veracity.duckdb` in the working directory)."""
    shared_data: Path
    """`VERACITY_SHARED_DATA`: the real public data for tests and benchmarks."""
    require_shared: bool
    """`VERACITY_REQUIRE_SHARED=1`: tests that need the shared data fail instead of skipping."""
    data_dir: Path
    """`VERACITY_DATA_DIR`: where `sources update` puts downloaded files (default `data/`)."""
    name_model: Path | None
    """`VERACITY_NAME_MODEL`: a name model from `train-matcher` (default: the shipped one)."""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the `VERACITY_*` variables from `environ` (default: the process environment)."""
    env = dict(os.environ) if environ is None else environ
    return Settings(
        db_path=Path(env.get("VERACITY_DB") or DEFAULT_DB),
        shared_data=Path(env.get("VERACITY_SHARED_DATA") or DEFAULT_SHARED),
        require_shared=_flag(env.get("VERACITY_REQUIRE_SHARED")),
        data_dir=Path(env.get("VERACITY_DATA_DIR") or "data"),
        name_model=Path(env["VERACITY_NAME_MODEL"]) if env.get("VERACITY_NAME_MODEL") else None,
    )
