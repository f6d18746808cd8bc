"""The matcher: candidates from the index, names scored by the calibrated model, qualified.

The score of a listed party is the probability that it is the one the query names:
log-odds from its best-matching name (model.py), plus the qualifiers (birth date, country,
identifiers: qualifiers.py), turned into a probability.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from veracity.matching.align import Aligner, Alignment, Pairing, describe
from veracity.matching.features import feature_vector
from veracity.matching.index import CandidateIndex, Entry, name_kind, renderings
from veracity.matching.model import NameModel, sigmoid
from veracity.matching.postings import Found, Mask
from veracity.matching.qualifiers import applies, qualify
from veracity.matching.query import Evidence, MatchQuery, MatchResult
from veracity.matching.sides import side
from veracity.model import Name, NameKind, Party, Provenance, Schema
from veracity.names import KINDS, PreparedName, TokenWeights, prepare

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
    rescue: int = 10
    """Names scored besides the candidates, for parties not among them: those the index meets
    when romanisations one letter apart count too (`Saaadi`/`Hadi`), best supported first."""
    rescue_share: float = 0.45
    """A rescued name must share this much of the query's weight, variants counted."""


class _Scored(NamedTuple):
    """A listed name's best score against one query name."""

    logit: float
    entry: Entry
    position: int
    """The entry's place in the index (-1 for a name compared on its own)."""
    vector: tuple[float, ...]
    pairing: Pairing
    query_name: str
    rescued: bool
    """Found only through `MatchConfig.rescue`."""


_Kept = tuple[float, int, tuple[float, ...], Pairing, str, bool]
"""A `_Scored` as the name cache keeps it: in plain values, which the garbage collector skips."""


class _Scorer:
    """Scores one query name against listed names: each pair of renderings in turn, the best
    one kept. Listed names that pair alike share their sides, and are scored once."""

    def __init__(self, query: PreparedName, weights: TokenWeights, model: NameModel) -> None:
        self.aligners = [Aligner(side(q, weights), weights) for q in renderings(query)]
        self.weights = weights
        self.model = model
        self._done: dict[int, tuple[float, tuple[float, ...], Pairing]] = {}
        self._logit = {kind: model.coefficients(kind).logit for kind in KINDS}

    def prime(self, entries: list[Entry]) -> None:
        """Pair the words of all these names with the query's at once (`Aligner.prime`)."""
        sides = list({id(e.sides): e.sides for e in entries}.values())
        for aligner in self.aligners:
            aligner.prime([r for rs in sides for r in rs])

    def best(self, entry: Entry) -> tuple[float, tuple[float, ...], Pairing]:
        """The best (log-odds, features, pairing) over both names' renderings."""
        if (done := self._done.get(key := id(entry.sides))) is not None:
            return done
        sides = entry.sides or tuple(side(r, self.weights) for r in renderings(entry.prepared))
        best: tuple[float, Alignment, list[float]] | None = None
        for aligner in self.aligners:
            for r in sides:
                alignment = aligner.align(r)
                vector = feature_vector(alignment)
                logit = self._logit[r.name.kind](vector)
                if best is None or logit > best[0]:
                    best = (logit, alignment, vector)
        assert best is not None
        found = (best[0], tuple(best[2]), best[1].pairing())
        if entry.sides:  # an entry made on the fly has no sides to be known by
            self._done[key] = found
        return found


class Matcher:
    """Screens queries against the parties of one candidate index."""

    NAME = "veracity-v1"

    def __init__(self, index: CandidateIndex, model: NameModel, cache_size: int = 20000) -> None:
        self.index = index
        self.model = model
        self.cache_size = cache_size
        """Names whose candidate scores are kept: a batch repeats its counterparties with other
        countries and dates, and only the qualifiers depend on those."""
        self._names: OrderedDict[tuple[object, ...], dict[int, _Kept]] = OrderedDict()
        self._entry_masks: dict[Schema, Mask] = {}

    def match(self, query: MatchQuery, config: MatchConfig | None = None) -> list[MatchResult]:
        """The listed parties that may be the query, most probable first."""
        config = config or MatchConfig()
        threshold = self.model.threshold if config.threshold is None else config.threshold
        best = self._best_by_party(query.names, query.schema, config)
        if query.identifiers:  # a party its identifier finds keeps that score, rescued or not
            found = self.index.by_identifier(query.identifiers)
            best = {p: s for p, s in best.items() if not (s.rescued and p in found)}
        # Qualify every candidate (cheap), but explain only the ones that will be shown.
        if applies(query):
            qualified = [self._qualified(query, s) for s in best.values()]
        else:
            qualified = [(self._adjusted(s), s, []) for s in best.values()]
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
        cut_offs = (config.min_share, config.max_candidates, config.rescue, config.rescue_share)
        key = (names, schema, *cut_offs)
        if (kept := self._names.get(key)) is not None:
            self._names.move_to_end(key)
            entries = self.index.entries
            return {p: _Scored(k[0], entries[k[1]], *k[1:]) for p, k in kept.items()}
        merged = (self.index.split_merged(name) for name in names)
        texts = dict.fromkeys([*names, *(m for m in merged if m)])
        allowed = None if schema is None else self._allowed_entries(schema)
        found = {t: self._candidates(t, schema, allowed, config) for t in texts}
        parties = {self.index.entries[e].party for ids, _ in found.values() for e in ids}
        best: dict[int, _Scored] = {}
        held: dict[int, float] = {}  # each party's best log-odds so far
        for text, (ids, more) in found.items():
            # Rescued names are of other parties: the candidates' scores stay as they were.
            rescued = self.index.rescue(more, config.rescue, allowed, parties).tolist()
            for scored in self._score_name(text, schema, ids, rescued):
                logit, party = self._adjusted(scored), scored.entry.party
                if party not in held or logit > held[party]:
                    best[party], held[party] = scored, logit
        self._names[key] = {p: (s[0], *s[2:]) for p, s in best.items()}
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

    def _candidates(
        self, text: str, schema: Schema | None, allowed: Mask | None, config: MatchConfig
    ) -> tuple[list[int], Found]:
        """The name's candidates, best supported first, and the names it may rescue."""
        probe = prepare(text, name_kind(schema))
        share = config.rescue_share if config.rescue else None
        ids, rescued = self.index.search(
            probe, config.min_share, allowed, config.max_candidates, share
        )
        return ids.tolist(), rescued

    def _score_name(
        self, text: str, schema: Schema | None, ids: list[int], rescued: list[int]
    ) -> list[_Scored]:
        """Each candidate name, then each rescued one, scored against the query name."""
        found = [(e, False) for e in ids] + [(e, True) for e in rescued]
        entries = [self.index.entries[e] for e, _ in found]
        kinds = [name_kind(self._schema(e) if schema is None else schema) for e in entries]
        scorers = {
            kind: _Scorer(prepare(text, kind), self.index.weights, self.model)
            for kind in dict.fromkeys(kinds)
        }
        for kind, scorer in scorers.items():
            scorer.prime([e for e, k in zip(entries, kinds, strict=True) if k == kind])
        out = []
        for (e, rescue), entry, kind in zip(found, entries, kinds, strict=True):
            logit, vector, pairing = scorers[kind].best(entry)
            out.append(_Scored(logit, entry, e, vector, pairing, text, rescue))
        return out

    def _schema(self, entry: Entry) -> Schema:
        return self.index.parties[entry.party].schema

    def _allowed_entries(self, schema: Schema) -> Mask:
        """Which listed names a query of this schema may match (`_COMPATIBLE`), by entry."""
        if (found := self._entry_masks.get(schema)) is None:
            allowed = _COMPATIBLE[schema]
            found = np.array([self._schema(e) in allowed for e in self.index.entries], bool)
            self._entry_masks[schema] = found
        return found

    def _best_rendering(self, query: PreparedName, entry: Entry, text: str) -> _Scored:
        """The entry's best-scoring rendering against the query's."""
        logit, vector, pairing = _Scorer(query, self.index.weights, self.model).best(entry)
        return _Scored(logit, entry, -1, vector, pairing, text, False)

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
                "names", "How the words of the two names pair up.", describe(scored.pairing), 0.0
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
