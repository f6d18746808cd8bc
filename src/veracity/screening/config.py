"""A screening programme's own weights and thresholds, from a TOML file.

Every knob already has a documented default in the module that uses it (`RuleWeights`,
`RuleThresholds`, `DecisionConfig`, `PartyConfig`); a file changes only what it names:

    [weights]            # redflags_context.RuleWeights: what each red flag adds to the score
    transshipment = 4.0
    [thresholds]         # redflags_context.RuleThresholds: where numeric rules draw their lines
    price_window_days = 31
    [decision]           # decision.DecisionConfig: score -> tier
    review_at = 5.0
    [parties]            # parties.PartyConfig: party screening
    review_threshold = 0.4

An unknown section or key, or a value of the wrong type, is a `ConfigError` naming the file and
the key, so a misspelt weight never silently does nothing (yente#672). `default_toml()` writes
every knob with its default, as a starting point.
"""

from __future__ import annotations

import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from veracity.exc import ConfigError
from veracity.screening.decision import DecisionConfig
from veracity.screening.parties import PartyConfig
from veracity.screening.redflags_context import RuleThresholds, RuleWeights
from veracity.screening.screen import ScreeningConfig

_SECTIONS: dict[str, type[Any]] = {
    "weights": RuleWeights,
    "thresholds": RuleThresholds,
    "decision": DecisionConfig,
    "parties": PartyConfig,
}
_FIXED = {"role_weights"}
"""Fields a file cannot set (structured values kept in code)."""


def load_config(path: Path) -> ScreeningConfig:
    """The screening configuration: the defaults, changed by what `path` sets."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise ConfigError(f"{path}: unknown section [{unknown[0]}]; known: {', '.join(_SECTIONS)}")
    config = ScreeningConfig()
    parts = {name: _section(path, name, data.get(name, {})) for name in _SECTIONS}
    rules = replace(config.rules, weights=parts["weights"], thresholds=parts["thresholds"])
    return replace(config, rules=rules, decision=parts["decision"], parties=parts["parties"])


def _section(path: Path, name: str, values: object) -> Any:
    kind = _SECTIONS[name]
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: [{name}] must be a table of key = value")
    known = {f.name: f for f in fields(kind) if f.name not in _FIXED}
    changes = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{path}: [{name}] has no key {key!r}; known: {', '.join(known)}")
        changes[key] = _checked(path, f"{name}.{key}", value, getattr(kind(), key))
    return kind(**changes)


def _checked(path: Path, key: str, value: object, default: object) -> object:
    """`value` if it has the type of the default (an int is accepted for a float)."""
    if isinstance(value, bool) or (default is not None and isinstance(default, bool)):
        ok = isinstance(value, bool) and isinstance(default, bool)
    elif isinstance(default, float) or default is None:
        ok = isinstance(value, int | float)
        value = float(value) if ok else value  # type: ignore[arg-type]
    else:
        ok = isinstance(value, type(default))
    if not ok or (isinstance(value, int | float) and value < 0):
        raise ConfigError(f"{path}: {key} = {value!r} is not a valid value (default {default!r})")
    return value


def default_toml() -> str:
    """Every configurable knob with its default, as TOML."""
    lines = ["# Veracity screening configuration: every knob with its default value."]
    for name, kind in _SECTIONS.items():
        lines.append(f"\n[{name}]  # {kind.__module__}.{kind.__qualname__}")
        for field in fields(kind):
            default = getattr(kind(), field.name)
            if field.name in _FIXED:
                continue
            if default is None:
                lines.append(f"# {field.name} = (model default)")
            else:
                lines.append(f"{field.name} = {_toml_value(default)}")
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
