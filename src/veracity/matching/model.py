"""The calibrated name model: logistic regressions over the name features, one per kind of name.

People's names and organisations' names behave differently (an extra word in a person's name is
often a middle name; in a company's it is often another company), so each kind (`person`, and
`other` for organisations, vessels and aircraft) has its own coefficients. They are learned by
`veracity train-matcher` (matching/train.py) from pairs built out of the loaded lists themselves,
never from an evaluation set, and shipped as package data. A linear model keeps every score
explainable: each feature adds `coefficient × value` to the log-odds, which the explanation shows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from operator import mul
from pathlib import Path
from typing import Any

from veracity.exc import ConfigError
from veracity.matching.features import FEATURE_NAMES, FEATURES

DEFAULT_MODEL = "name_model.json"
KINDS = ("person", "other")
_EXPLAINED = tuple((f.__name__, " ".join((f.__doc__ or "").split())) for f in FEATURES)
"""Each feature's name and explanation (its docstring on one line)."""


def sigmoid(x: float) -> float:
    """Log-odds to probability."""
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


def model_kind(name_kind: str) -> str:
    """Which coefficients score a listed name prepared as `name_kind` (names.KINDS)."""
    return "person" if name_kind == "person" else "other"


@dataclass(frozen=True)
class Coefficients:
    """One logistic regression: a coefficient per feature and an intercept."""

    weights: dict[str, float]
    intercept: float

    def __post_init__(self) -> None:
        missing = set(FEATURE_NAMES) - set(self.weights)
        if missing:
            raise ConfigError(f"name model lacks coefficients for {sorted(missing)}; retrain it")
        object.__setattr__(self, "_ordered", tuple(self.weights[n] for n in FEATURE_NAMES))

    def logit(self, vector: Sequence[float]) -> float:
        """The log-odds that two names are the same."""
        ordered: tuple[float, ...] = self._ordered  # type: ignore[attr-defined]  # __post_init__
        if len(vector) != len(ordered):
            raise ValueError(f"{len(vector)} feature values for {len(ordered)} coefficients")
        products: float = sum(map(mul, ordered, vector))  # as sum(c * x ...), without a generator
        return self.intercept + products


@dataclass(frozen=True)
class NameModel:
    """Coefficients per kind of name, and the threshold chosen on held-out pairs."""

    kinds: dict[str, Coefficients]
    threshold: float
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.kinds) != set(KINDS):
            raise ConfigError(f"name model needs coefficients for {KINDS}; retrain it")

    def logit(self, vector: Sequence[float], kind: str) -> float:
        """The log-odds that two names are the same; `kind` is the listed name's (names.KINDS)."""
        return self.kinds[model_kind(kind)].logit(vector)

    def coefficients(self, kind: str) -> Coefficients:
        """The regression that scores a listed name of this kind (names.KINDS)."""
        return self.kinds[model_kind(kind)]

    def contributions(
        self, vector: Sequence[float], kind: str
    ) -> list[tuple[str, str, float, float]]:
        """(feature, explanation, value, log-odds added) for every feature that is not zero."""
        weights = self.kinds[model_kind(kind)].weights
        return [
            (name, doc, x, weights[name] * x)
            for (name, doc), x in zip(_EXPLAINED, vector, strict=True)
            if x
        ]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape saved by `save`."""
        kinds = {
            k: {"coefficients": c.weights, "intercept": c.intercept} for k, c in self.kinds.items()
        }
        return {"kinds": kinds, "threshold": self.threshold, "info": self.info}

    def save(self, path: Path) -> None:
        """Write the model as JSON."""
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | None = None) -> NameModel:
        """Read a model: `path`, or the one shipped with Veracity."""
        if path is None:
            text = resources.files("veracity.matching").joinpath("data", DEFAULT_MODEL).read_text()
        else:
            text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        kinds = {
            k: Coefficients(v["coefficients"], v["intercept"]) for k, v in data["kinds"].items()
        }
        return cls(kinds, data["threshold"], data.get("info", {}))
