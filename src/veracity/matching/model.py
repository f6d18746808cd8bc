"""The calibrated name model: a logistic regression over the name features.

Its coefficients are learned by `veracity train-matcher` (matching/train.py) from pairs built
out of the loaded lists themselves, never from an evaluation set, and shipped as package data.
A linear model keeps every score explainable: each feature adds `coefficient × value` to the
log-odds, and that contribution is what the explanation shows.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from veracity.exc import ConfigError
from veracity.matching.features import FEATURE_NAMES, FEATURES

DEFAULT_MODEL = "name_model.json"


def sigmoid(x: float) -> float:
    """Log-odds to probability."""
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


@dataclass(frozen=True)
class NameModel:
    """Coefficients per feature, an intercept, and the threshold chosen on held-out pairs."""

    coefficients: dict[str, float]
    intercept: float
    threshold: float
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = set(FEATURE_NAMES) - set(self.coefficients)
        if missing:
            raise ConfigError(f"name model lacks coefficients for {sorted(missing)}; retrain it")
        object.__setattr__(self, "_coef", tuple(self.coefficients[n] for n in FEATURE_NAMES))

    def logit(self, vector: list[float]) -> float:
        """The log-odds that two names are the same."""
        coef: tuple[float, ...] = self._coef  # type: ignore[attr-defined]  # set in __post_init__
        return self.intercept + sum(c * x for c, x in zip(coef, vector, strict=True))

    def contributions(self, vector: list[float]) -> list[tuple[str, str, float, float]]:
        """(feature, explanation, value, log-odds added) for every feature that is not zero."""
        return [
            (f.__name__, " ".join((f.__doc__ or "").split()), x, self.coefficients[f.__name__] * x)
            for f, x in zip(FEATURES, vector, strict=True)
            if x
        ]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape saved by `save`."""
        return {
            "coefficients": self.coefficients,
            "intercept": self.intercept,
            "threshold": self.threshold,
            "info": self.info,
        }

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
        return cls(data["coefficients"], data["intercept"], data["threshold"], data.get("info", {}))
