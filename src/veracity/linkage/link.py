"""Batch linkage: dedupe one list of person records, or link two, and explain every link.

The steps are Splink's, on our own comparisons: prepare every record; block (`blocking`);
compare the candidate pairs (`compare`); estimate u from random pairs and m and the prior by EM
(`em`), all without labels; score every candidate (`model`); keep the pairs at or above the
threshold as links and join them into clusters (`cluster`). Term frequencies come from the
input unless the caller passes others (the Census tables, for US court records).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from veracity.exc import ConfigError
from veracity.linkage.blocking import DEFAULT_RULES, MAX_BLOCK, BlockingRule, Pairs
from veracity.linkage.blocking import candidate_pairs as find_candidates
from veracity.linkage.blocking import random_pairs as draw_random_pairs
from veracity.linkage.cluster import connected_components
from veracity.linkage.compare import compare_vector
from veracity.linkage.em import Fit, estimate_u, expectation_maximisation
from veracity.linkage.frequencies import NameFrequencies
from veracity.linkage.model import Frequencies, Levels, LinkModel
from veracity.linkage.records import PersonRecord, Prepared, RecordId, prepare
from veracity.linkage.score import PairScore, score_prepared


@dataclass(frozen=True, slots=True)
class LinkConfig:
    """How a linkage job runs; every default is documented where it is used."""

    threshold: float = 0.5
    """A link is a pair at least this likely to be one person: 0.5, more likely than not."""
    keep: float = 0.05
    """Pairs at least this likely are returned (links and near misses, for review)."""
    rules: tuple[BlockingRule, ...] = DEFAULT_RULES
    max_block: int = MAX_BLOCK
    random_pairs: int = 200_000
    """How many random pairs estimate u."""
    seed: int = 0
    model: LinkModel | None = None
    """A model to start from (default: `defaults`)."""
    estimate: bool = True
    """Estimate u, m and the prior from the input; False scores with `model` as given."""


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records (left from the first list, right from the second or the same) and a score."""

    left: RecordId
    right: RecordId
    score: PairScore

    @property
    def probability(self) -> float:
        """The match probability."""
        return self.score.probability


@dataclass(frozen=True)
class LinkResult:
    """The pairs found, the clusters they make, and the model that scored them."""

    pairs: tuple[ScoredPair, ...]
    """Pairs at or above `LinkConfig.keep`, most likely first."""
    clusters: tuple[tuple[RecordId, ...], ...]
    """Every record in exactly one cluster (a record with no link is a cluster of one)."""
    model: LinkModel
    fit: Fit | None
    candidates: int
    """How many pairs blocking proposed."""
    threshold: float
    _cluster_of: dict[RecordId, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def links(self) -> tuple[ScoredPair, ...]:
        """The pairs at or above the threshold."""
        return tuple(p for p in self.pairs if p.probability >= self.threshold)

    def cluster_of(self, record: RecordId) -> tuple[RecordId, ...]:
        """The cluster that holds `record`."""
        if not self._cluster_of:
            for index, members in enumerate(self.clusters):
                self._cluster_of.update(dict.fromkeys(members, index))
        return self.clusters[self._cluster_of[record]]


def _check_ids(records: Sequence[PersonRecord]) -> None:
    seen: set[RecordId] = set()
    for record in records:
        if record.id in seen:
            raise ConfigError(f"record id {record.id!r} occurs twice; ids must be unique")
        seen.add(record.id)


def compare_pairs(
    left: Sequence[Prepared],
    right: Sequence[Prepared],
    pairs: Pairs,
    model: LinkModel,
    frequencies: NameFrequencies,
) -> tuple[Levels, Frequencies]:
    """The level and value frequency of every comparison of every pair."""
    tables = [c.table for c in model.comparisons]
    levels = np.empty((len(pairs), len(tables)), dtype=np.int8)
    freqs = np.full((len(pairs), len(tables)), np.nan)
    for row, (i, j) in enumerate(pairs.tolist()):
        found, values, _ = compare_vector(left[i], right[j])
        levels[row] = found
        for k, value in enumerate(values):
            table = tables[k]
            if value is not None and table is not None:
                freq = frequencies.frequency(table, value)
                freqs[row, k] = np.nan if freq is None else freq
    return levels, freqs


@dataclass(frozen=True, slots=True)
class _Sides:
    """The two sides of a job: in a dedupe, the one list twice."""

    records: tuple[Sequence[PersonRecord], Sequence[PersonRecord]]
    prepared: tuple[list[Prepared], list[Prepared]]
    dedupe: bool

    @classmethod
    def of(
        cls, a: Sequence[PersonRecord], b: Sequence[PersonRecord] | None, extra: tuple[str, ...]
    ) -> _Sides:
        left = [prepare(r, extra) for r in a]
        if b is None:
            return cls((a, a), (left, left), True)
        return cls((a, b), (left, [prepare(r, extra) for r in b]), False)

    @property
    def right(self) -> int | None:
        """The size of the second list; None in a dedupe."""
        return None if self.dedupe else len(self.records[1])

    @property
    def total_pairs(self) -> int:
        """How many pairs there are to compare without blocking."""
        size = len(self.records[0])
        return size * (size - 1) // 2 if self.right is None else size * self.right


def _estimate(
    config: LinkConfig,
    sides: _Sides,
    candidates: tuple[Levels, Frequencies],
    frequencies: NameFrequencies,
    model: LinkModel,
) -> tuple[LinkModel, Fit]:
    left = len(sides.records[0])
    sample = draw_random_pairs(left, sides.right, config.random_pairs, config.seed)
    random_levels, _ = compare_pairs(*sides.prepared, sample, model, frequencies)
    model = estimate_u(model, random_levels)
    # Start from about one match a record (no labels say otherwise).
    smaller = left if sides.right is None else min(left, sides.right)
    model = model.with_prior(min(0.5, smaller / sides.total_pairs))
    fit = expectation_maximisation(model, *candidates, total_pairs=sides.total_pairs)
    return fit.model, fit


def link(
    records_a: Sequence[PersonRecord],
    records_b: Sequence[PersonRecord] | None = None,
    *,
    config: LinkConfig | None = None,
    frequencies: NameFrequencies | None = None,
) -> LinkResult:
    """Dedupe `records_a`, or link it to `records_b`; unsupervised unless given a model."""
    config = config or LinkConfig()
    everyone = [*records_a, *(records_b or ())]
    _check_ids(everyone)
    extra = tuple(sorted({key for record in everyone for key in record.extra}))
    if config.model is not None and config.model.extra_fields != extra:
        raise ConfigError(f"the model compares {config.model.extra_fields}, the records {extra}")
    frequencies = frequencies or NameFrequencies.from_records(everyone, extra)
    sides = _Sides.of(records_a, records_b, extra)
    right = None if sides.dedupe else sides.prepared[1]
    pairs = find_candidates(sides.prepared[0], right, config.rules, config.max_block)
    model = config.model or LinkModel.default(extra)
    compared = compare_pairs(*sides.prepared, pairs, model, frequencies)
    fit = None
    if config.estimate and len(pairs):
        model, fit = _estimate(config, sides, compared, frequencies, model)
    probabilities = model.probabilities(*compared)
    scored = _scored(config.keep, sides, pairs, probabilities, model, frequencies)
    clusters = _clusters(sides, pairs[probabilities >= config.threshold])
    return LinkResult(scored, clusters, model, fit, len(pairs), config.threshold)


def _scored(
    keep: float,
    sides: _Sides,
    pairs: Pairs,
    probabilities: npt.NDArray[np.float64],
    model: LinkModel,
    frequencies: NameFrequencies,
) -> tuple[ScoredPair, ...]:
    kept = np.flatnonzero(probabilities >= keep)
    kept = kept[np.argsort(-probabilities[kept], kind="stable")]
    (records_a, records_b), (left, right) = sides.records, sides.prepared
    out = []
    for i, j in pairs[kept].tolist():
        a, b = records_a[i], records_b[j]
        out.append(
            ScoredPair(a.id, b.id, score_prepared(model, (a, b), (left[i], right[j]), frequencies))
        )
    return tuple(out)


def _clusters(sides: _Sides, edges: Pairs) -> tuple[tuple[RecordId, ...], ...]:
    everyone = list(sides.records[0]) + ([] if sides.dedupe else list(sides.records[1]))
    if not sides.dedupe:
        edges = edges + np.array([0, len(sides.records[0])], dtype=np.int64)
    groups = connected_components(len(everyone), edges)
    return tuple(tuple(everyone[i].id for i in group) for group in groups)
