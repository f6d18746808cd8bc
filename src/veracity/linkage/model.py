"""The Fellegi–Sunter model: how much each comparison level says, in bits, and the probability.

For each comparison k and level l, m[k][l] is the chance of that level when the two records
are one person and u[k][l] when they are two people. Assuming comparisons independent given
the class, the evidence of a pair is the sum of log2(m / u) over its comparisons (a missing
value adds nothing), and with the prior chance λ that two random records are one person,

    log2 odds(match) = log2(λ / (1 − λ)) + Σ_k log2(m[k][l_k] / u[k][l_k]).

A level marked `frequency` uses the agreeing value's frequency instead of u (Splink's
term-frequency adjustment): agreeing on a rare surname counts more than on a common one. Each
term is kept, so a score can be read line by line (`score.PairScore`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from veracity.linkage import defaults
from veracity.linkage.compare import Comparison, person_comparisons

FORMAT_VERSION = 1
FLOOR = 1e-12
"""The smallest probability a parameter or frequency is allowed, so no weight is infinite."""

Levels = npt.NDArray[np.int8]
"""Pairs × comparisons: the level of each comparison (-1 when it cannot be made)."""
Frequencies = npt.NDArray[np.float64]
"""Pairs × comparisons: the frequency of the agreeing value (NaN when none applies)."""


def log2_odds(probability: float) -> float:
    """log2(p / (1 − p)), clamped away from 0 and 1."""
    p = min(max(probability, FLOOR), 1 - FLOOR)
    return math.log2(p / (1 - p))


def probability(bits: float) -> float:
    """The probability whose log2 odds are `bits`."""
    return 1.0 / (1.0 + math.pow(2.0, min(-bits, 1000.0)))


@dataclass(frozen=True)
class LinkModel:
    """m and u for every level of every comparison, and the prior chance of a match."""

    extra_fields: tuple[str, ...]
    """The extra text fields compared, after the standard ones."""
    m: tuple[tuple[float, ...], ...]
    u: tuple[tuple[float, ...], ...]
    prior: float
    """The chance that two random records are one person."""

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        """The comparisons, in the order of m and u."""
        return person_comparisons(self.extra_fields)

    @classmethod
    def default(
        cls, extra_fields: tuple[str, ...] = (), prior: float = defaults.DEFAULT_PRIOR
    ) -> LinkModel:
        """The model of `defaults` (reasoned values, nothing estimated)."""
        comparisons = person_comparisons(extra_fields)
        return cls(
            extra_fields,
            tuple(defaults.M[c.kind] for c in comparisons),
            tuple(defaults.U[c.kind] for c in comparisons),
            prior,
        )

    def with_prior(self, prior: float) -> LinkModel:
        """The same model with another prior."""
        return replace(self, prior=prior)

    def weight(self, index: int, level: int, frequency: float | None = None) -> float:
        """The bits that level `level` of comparison `index` adds (0 for a missing value)."""
        if level < 0:
            return 0.0
        u = self.u[index][level]
        if frequency is not None and self.comparisons[index].levels[level].frequency:
            u = frequency
        return math.log2(max(self.m[index][level], FLOOR) / max(u, FLOOR))

    def weights(self, levels: Levels, frequencies: Frequencies) -> npt.NDArray[np.float64]:
        """The bits of every comparison of every pair (pairs × comparisons)."""
        out = np.zeros(levels.shape, dtype=np.float64)
        for index, comparison in enumerate(self.comparisons):
            # One slot more than the levels: index -1 (a missing value) weighs log2(1/1) = 0.
            m = np.log2(np.maximum(np.append(self.m[index], 1.0), FLOOR))
            u = np.log2(np.maximum(np.append(self.u[index], 1.0), FLOOR))
            uses = np.array([level.frequency for level in comparison.levels] + [False])
            column = levels[:, index]
            frequency = frequencies[:, index]
            weighted = uses[column] & np.isfinite(frequency)
            tf = np.log2(np.maximum(np.where(weighted, frequency, 1.0), FLOOR))
            out[:, index] = m[column] - np.where(weighted, tf, u[column])
        return out

    def probabilities(self, levels: Levels, frequencies: Frequencies) -> npt.NDArray[np.float64]:
        """The match probability of every pair."""
        bits = log2_odds(self.prior) + self.weights(levels, frequencies).sum(axis=1)
        out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp2(np.minimum(-bits, 1000.0)))
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (see `from_dict`)."""
        return {
            "version": FORMAT_VERSION,
            "extra_fields": list(self.extra_fields),
            "prior": self.prior,
            "comparisons": [
                {"name": c.name, "levels": [lv.name for lv in c.levels], "m": m, "u": u}
                for c, m, u in zip(self.comparisons, self.m, self.u, strict=True)
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinkModel:
        """Rebuild a model saved with `to_dict`."""
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported link model version {data.get('version')!r}")
        saved = list(data["comparisons"])
        extra = tuple(str(f) for f in data["extra_fields"])
        if [c["name"] for c in saved] != [c.name for c in person_comparisons(extra)]:
            raise ValueError("the saved comparisons differ from this version's")
        m = tuple(tuple(float(x) for x in c["m"]) for c in saved)
        u = tuple(tuple(float(x) for x in c["u"]) for c in saved)
        return cls(extra, m, u, float(data["prior"]))
