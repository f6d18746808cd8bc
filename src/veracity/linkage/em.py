"""Estimating the model from the records being linked, without any labels.

- u: from random pairs of records, which are almost all two different people (Splink's
  `estimate_u_using_random_sampling`).
- m and the prior: by expectation maximisation over the candidate pairs of blocking, with u held
  fixed. The candidates are not a random sample: blocking keeps a pair only if it shares some
  key. When blocking finds (nearly) every match, the matches among the candidates are all the
  matches, so their m is unbiased; the non-matches are a truncated sample whose likelihood
  ratio under random-pair u differs only by the constant P(blocked | non-match), which the
  prior absorbs. Working it through, the prior that makes the posterior right for a candidate
  is the expected number of matches among the candidates divided by the number of all pairs
  (matches found by blocking ÷ all pairs): the chance that two random records are one person,
  the same prior a single pair (`compare_persons`) needs. So the M step sets
  prior = Σ posterior / all pairs, not the mean posterior over candidates.
- Both m and u are smoothed towards `defaults` with a few pseudo-pairs (a Dirichlet prior), so a
  level never seen in the data keeps a reasoned value instead of 0 or 1.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from veracity.linkage.model import Frequencies, Levels, LinkModel, log2_odds

M_STRENGTH = 10.0
"""Pseudo-pairs pulling each comparison's m towards its default."""
U_STRENGTH = 10.0
"""Pseudo-pairs pulling each comparison's u towards its default."""


@dataclass(frozen=True, slots=True)
class Fit:
    """The estimated model and how the estimation went."""

    model: LinkModel
    iterations: int
    converged: bool
    expected_matches: float
    """Σ of the posterior match probability over the candidate pairs."""


def _smoothed(
    levels: Levels,
    weights: npt.NDArray[np.float64],
    count: int,
    prior: tuple[float, ...],
    strength: float,
) -> tuple[float, ...]:
    seen = levels >= 0
    tally = np.bincount(levels[seen], weights=weights[seen], minlength=count)[:count]
    total = float(weights[seen].sum())
    return tuple(float(x) for x in (tally + strength * np.array(prior)) / (total + strength))


def estimate_u(model: LinkModel, levels: Levels) -> LinkModel:
    """The model with u re-estimated from the levels of random pairs."""
    ones = np.ones(levels.shape[0], dtype=np.float64)
    u = tuple(
        _smoothed(levels[:, k], ones, len(c.levels), model.u[k], U_STRENGTH)
        for k, c in enumerate(model.comparisons)
    )
    return replace(model, u=u)


def _m_step(
    model: LinkModel, levels: Levels, posterior: npt.NDArray[np.float64], base: LinkModel
) -> LinkModel:
    m = tuple(
        _smoothed(levels[:, k], posterior, len(c.levels), base.m[k], M_STRENGTH)
        for k, c in enumerate(model.comparisons)
    )
    return replace(model, m=m)


def expectation_maximisation(
    model: LinkModel,
    levels: Levels,
    frequencies: Frequencies,
    total_pairs: int,
    max_iterations: int = 100,
    tolerance: float = 1e-5,
) -> Fit:
    """Estimate m and the prior from candidate pairs, u fixed (see the module docstring)."""
    base, weights, posterior = model, model.weights(levels, frequencies), np.zeros(0)
    for iteration in range(1, max_iterations + 1):
        odds = log2_odds(model.prior) + weights.sum(axis=1)
        posterior = 1.0 / (1.0 + np.exp2(np.minimum(-odds, 1000.0)))
        updated = _m_step(model, levels, posterior, base)
        updated = replace(updated, prior=min(float(posterior.sum()) / total_pairs, 0.5))
        change = max(
            abs(new - old)
            for new_m, old_m in zip(updated.m, model.m, strict=True)
            for new, old in zip(new_m, old_m, strict=True)
        )
        change = max(change, abs(updated.prior - model.prior) / max(model.prior, 1e-300))
        model = updated
        weights = model.weights(levels, frequencies)
        if change < tolerance:
            return Fit(model, iteration, True, float(posterior.sum()))
    return Fit(model, max_iterations, False, float(posterior.sum()))
