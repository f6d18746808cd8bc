"""The matcher: candidates from the index, names scored by the calibrated model, qualified.

The score of a listed party is the probability that it is the one the query names:
log-odds from its best-matching name (model.py), plus the qualifiers (birth date, country,
identifiers: qualifiers.py), turned into a probability.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from veracity.matching.align import Alignment, align
from veracity.matching.features import feature_vector
from veracity.matching.index import CandidateIndex, Entry, name_kind, renderings
from veracity.matching.model import NameModel, sigmoid
from veracity.matching.qualifiers import qualify
from veracity.matching.query import Evidence, MatchQuery, MatchResult
from veracity.model import Name, NameKind, Party, Provenance, Schema
from veracity.names import PreparedName, prepare

WEAK_ALIAS = -1.0
"""A weak alias (a nickname or generic name, OFAC FAQ 123) is weaker evidence: about ×0.37."""
QUALIFY_FROM = 0.2
"""Birth dates and countries lift a party only when its name already scores this much
(yente#245: the same birth date must not rank unrelated names high)."""

_COMPATIBLE = {
    Schema.PERSON: {Schema.PERSON},
    Schema.ORGANIZATION: {Schema.ORGANIZATION, Schema.COMPANY},
    Schema.COMPANY: {Schema.ORGANIZATION, Schema.COMPANY},
    Schema.VESSEL: {Schema.VESSEL},
    Schema.AIRCRAFT: {Schema.AIRCRAFT},
}


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """Knobs of the matcher, each with a documented default."""

    threshold: float | None = None
    """Probability from which a result is a match (default: the model's, chosen on held-out
    training pairs)."""
    limit: int = 10
    max_candidates: int = 40
    """Names scored in full per query, best supported first."""
    min_share: float = 0.3
    """A candidate must share this much of the query's rare-word weight (index.py)."""


@dataclass(frozen=True, slots=True)
class _Scored:
    logit: float
    alignment: Alignment
    vector: list[float]
    entry: Entry
    query_name: str


class Matcher:
    """Screens queries against the parties of one candidate index."""

    NAME = "veracity-v1"

    def __init__(self, index: CandidateIndex, model: NameModel, cache_size: int = 20000) -> None:
        self.index = index
        self.model = model
        self.cache_size = cache_size
        """Names whose candidate scores are kept: a batch repeats its counterparties with other
        countries and dates, and only the qualifiers depend on those."""
        self._names: OrderedDict[tuple[object, ...], dict[int, _Scored]] = OrderedDict()

    def match(self, query: MatchQuery, config: MatchConfig | None = None) -> list[MatchResult]:
        """The listed parties that may be the query, most probable first."""
        config = config or MatchConfig()
        threshold = self.model.threshold if config.threshold is None else config.threshold
        best = self._best_by_party(query.names, query.schema, config)
        # Qualify every candidate (cheap), but explain only the ones that will be shown.
        qualified = [self._qualified(query, s) for s in best.values()]
        qualified.sort(key=lambda q: (-q[0], self.index.parties[q[1].entry.party].id))
        results = [
            self._result(s, logit, found, threshold)
            for logit, s, found in qualified[: config.limit]
        ]
        results += self._identifier_only(query, set(best), threshold)
        results.sort(key=lambda r: (-r.score, r.party.id))
        return results[: config.limit]

    def _best_by_party(
        self, names: tuple[str, ...], schema: Schema | None, config: MatchConfig
    ) -> dict[int, _Scored]:
        """Each candidate party's best-scoring name (cached per names, schema and cut-offs)."""
        key = (names, schema, config.min_share, config.max_candidates)
        if (cached := self._names.get(key)) is not None:
            self._names.move_to_end(key)
            return cached
        best: dict[int, _Scored] = {}
        merged = (self.index.split_merged(name) for name in names)
        for name in dict.fromkeys([*names, *(m for m in merged if m)]):
            for scored in self._score_name(name, schema, config):
                held = best.get(scored.entry.party)
                if held is None or self._adjusted(scored) > self._adjusted(held):
                    best[scored.entry.party] = scored
        self._names[key] = best
        if len(self._names) > self.cache_size:
            self._names.popitem(last=False)
        return best

    def _qualified(
        self, query: MatchQuery, scored: _Scored
    ) -> tuple[float, _Scored, list[Evidence]]:
        """The party's final log-odds and the qualifiers that made it."""
        logit = self._adjusted(scored)
        kept = []
        for found in qualify(query, self.index.parties[scored.entry.party]):
            lifts = found.feature == "identifier_match" or sigmoid(logit) >= QUALIFY_FROM
            if found.weight < 0 or lifts:
                kept.append(found)
                logit += found.weight
        return logit, scored, kept

    def _allowed(self, party: Party, schema: Schema | None) -> bool:
        return schema is None or party.schema in _COMPATIBLE[schema]

    def _score_name(self, text: str, schema: Schema | None, config: MatchConfig) -> list[_Scored]:
        probe = prepare(text, name_kind(schema))
        priority = self.index.candidates(probe, config.min_share)
        ranked = sorted(priority, key=lambda e: -priority[e])
        out = []
        for e in ranked:
            entry = self.index.entries[e]
            if not self._allowed(self.index.parties[entry.party], schema):
                continue
            query = (
                probe
                if schema is not None
                else prepare(text, name_kind(self.index.parties[entry.party].schema))
            )
            out.append(self._best_rendering(query, entry, text))
            if len(out) >= config.max_candidates:
                break
        return out

    def _best_rendering(self, query: PreparedName, entry: Entry, text: str) -> _Scored:
        best: _Scored | None = None
        for q in renderings(query):
            for r in renderings(entry.prepared):
                alignment = align(q, r, self.index.weights)
                vector = feature_vector(alignment)
                logit = self.model.logit(vector, r.kind)
                if best is None or logit > best.logit:
                    best = _Scored(logit, alignment, vector, entry, text)
        assert best is not None
        return best

    def compare(self, query: str, result: str, schema: Schema | None = None) -> MatchResult:
        """Score one name against another name (no list lookup): the name model alone."""
        kind = name_kind(schema)
        party = Party(
            "pair:1",
            "pair",
            schema or Schema.ORGANIZATION,
            (Name(result),),
            provenance=Provenance("pair", "-"),
        )
        entry = Entry(0, result, NameKind.PRIMARY, prepare(result, kind))
        scored = self._best_rendering(prepare(query, kind), entry, query)
        score = sigmoid(scored.logit)
        return MatchResult(party, score, score >= self.model.threshold, result, query)

    @staticmethod
    def _adjusted(scored: _Scored) -> float:
        return scored.logit + (WEAK_ALIAS if scored.entry.kind == NameKind.WEAK_ALIAS else 0.0)

    def _result(
        self, scored: _Scored, logit: float, qualifiers: list[Evidence], threshold: float
    ) -> MatchResult:
        party = self.index.parties[scored.entry.party]
        evidence = [
            Evidence(
                "names", "How the words of the two names pair up.", scored.alignment.describe(), 0.0
            )
        ]
        evidence += [
            Evidence(name, doc, f"{value:.2f}", weight)
            for name, doc, value, weight in self.model.contributions(
                scored.vector, scored.entry.prepared.kind
            )
        ]
        if scored.entry.kind == NameKind.WEAK_ALIAS:
            doc = "The name matched is a weak alias on the list (a nickname or generic name)."
            evidence.append(Evidence("weak_alias", doc, scored.entry.name, WEAK_ALIAS))
        evidence += qualifiers
        score = sigmoid(logit)
        return MatchResult(
            party, score, score >= threshold, scored.entry.name, scored.query_name, tuple(evidence)
        )

    def _identifier_only(
        self, query: MatchQuery, seen: set[int], threshold: float
    ) -> list[MatchResult]:
        results = []
        for p in self.index.by_identifier(query.identifiers) - seen:
            party = self.index.parties[p]
            if not self._allowed(party, query.schema):
                continue
            evidence = tuple(qualify(query, party))
            score = sigmoid(sum(e.weight for e in evidence) - 2.0)
            results.append(
                MatchResult(
                    party, score, score >= threshold, party.caption, query.names[0], evidence
                )
            )
        return results
