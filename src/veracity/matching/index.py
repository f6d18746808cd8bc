"""The candidate index: which listed names could be a query, found in microseconds.

Every name of every party, in every Latin rendering, is posted under keys for its tokens: the
token itself, its one-letter deletions (so one typo still meets: the SymSpell idea), its
metaphone and consonant skeleton, and adjacent tokens joined (`JSC ARGUMENT` under
`jscargument`). A query collects the names sharing keys with it, each key counting the token's
rarity times how exact the key is, and only the best-supported names go on to full scoring
(postings.py keeps the lists and runs the search). A second search, with keys for
romanisations one letter apart too, finds names to rescue that the first cannot see.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, pairwise, repeat

import numpy as np

from veracity.matching.model import model_kind
from veracity.matching.postings import (
    NO_FLOATS,
    NO_IDS,
    VARIANT,
    Floats,
    Found,
    Ids,
    Mask,
    Postings,
    maxscore,
    merged,
    query_keys,
    reached,
    top,
    variant_keys,
)
from veracity.matching.postings import token_keys as token_keys  # train.py reads it here
from veracity.matching.qualifiers import normalize_identifier
from veracity.matching.sides import Side, side
from veracity.model import NameKind, Party, Schema
from veracity.names import (
    PreparedName,
    TokenWeights,
    legal_form,
    normalize,
    prepare,
    tokenize,
)

HIT_CACHE = 20000
LEGAL_FORM_USES = 1000
MIN_MERGED = 7
"""Unknown words at least this long may be two words written together."""


def name_kind(schema: Schema | None) -> str:
    """How to prepare a name of this schema: `person`, `org` or `any`."""
    if schema == Schema.PERSON:
        return "person"
    if schema in (Schema.ORGANIZATION, Schema.COMPANY):
        return "org"
    return "any"


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one listed party, prepared."""

    party: int
    name: str
    kind: NameKind
    prepared: PreparedName
    sides: tuple[Side, ...] = ()
    """Each rendering as the pairing reads it (`renderings` order). Listed names that pair
    alike share one tuple, so a query scores them once."""


def renderings(name: PreparedName) -> tuple[PreparedName, ...]:
    """The name and its alternative Latin renderings."""
    return (name, *name.alternatives)


class CandidateIndex:
    """Posting lists from name keys to the listed names that carry them."""

    def __init__(self, parties: list[Party], fingerprint: str) -> None:
        self.parties = parties
        self.fingerprint = fingerprint
        names = [
            (p, name, prepare(name.full, name_kind(party.schema)))
            for p, party in enumerate(parties)
            for name in party.names
        ]
        self.weights = TokenWeights.build(prepared.tokens for _, _, prepared in names)
        shared: dict[tuple[object, ...], tuple[Side, ...]] = {}
        self.entries = [
            Entry(p, name.full, name.kind, prepared, self._sides(prepared, shared))
            for p, name, prepared in names
        ]
        self.entry_weights = np.array([e.sides[0].total or 1.0 for e in self.entries])
        self.entry_parties = np.array([e.party for e in self.entries], np.intp)
        self.postings = self._post()
        self.identifiers = self._identifiers()

    def _sides(
        self, name: PreparedName, shared: dict[tuple[object, ...], tuple[Side, ...]]
    ) -> tuple[Side, ...]:
        """The sides of a listed name, shared with every listed name that pairs alike: the same
        renderings with the same roles and legal forms, scored by the same model."""
        key = (
            model_kind(name.kind),
            *((r.tokens, r.roles, r.legal_forms, r.scripts) for r in renderings(name)),
        )
        if (found := shared.get(key)) is None:
            found = shared[key] = tuple(side(r, self.weights) for r in renderings(name))
        return found

    def _post(self) -> Postings:
        postings: defaultdict[str, set[int]] = defaultdict(set)
        for e, entry in enumerate(self.entries):
            for rendering in renderings(entry.prepared):
                tokens = rendering.tokens
                for token in tokens:
                    for key, _ in chain(token_keys(token), variant_keys(token)):
                        postings[key].add(e)
                for a, b in pairwise(tokens):
                    postings["t" + a + b].add(e)
        return Postings(postings, len(self.entries))

    def _identifiers(self) -> dict[str, list[int]]:
        found: defaultdict[str, list[int]] = defaultdict(list)
        for p, party in enumerate(self.parties):
            for ident in party.identifiers:
                if len(key := normalize_identifier(ident.value)) >= 4:
                    found[key].append(p)
        return dict(found)

    def candidates(self, query: PreparedName, min_share: float = 0.3) -> dict[int, float]:
        """Names sharing at least `min_share` of the query's rare-token weight, each with a
        priority for full scoring: that share plus the share of the name's own weight that the
        query meets (capped at 1), as the model weighs both sides' coverage."""
        (ids, priority), _ = self._priorities(query, min_share)
        return dict(zip(ids.tolist(), priority.tolist(), strict=True))

    def ranked(
        self,
        query: PreparedName,
        min_share: float = 0.3,
        allowed: Mask | None = None,
        limit: int | None = None,
    ) -> Ids:
        """The best `limit` `candidates` (of the `allowed` names), highest priority first; ties
        in the order the query met them."""
        return self.search(query, min_share, allowed, limit)[0]

    def search(
        self,
        query: PreparedName,
        min_share: float = 0.3,
        allowed: Mask | None = None,
        limit: int | None = None,
        rescue_share: float | None = None,
    ) -> tuple[Ids, Found]:
        """`ranked`, and the names that share `rescue_share` of the query's weight once
        romanisations one letter apart count (`variant_keys`), with their priority, for
        `rescue` (none without a `rescue_share`)."""
        (ids, priority), rescued = self._priorities(query, min_share, rescue_share)
        return top(ids, priority, allowed, limit), rescued

    def rescue(
        self, found: Found, limit: int, allowed: Mask | None = None, parties: set[int] | None = None
    ) -> Ids:
        """The best `limit` names `search` found for rescue, leaving out `parties`' names."""
        ids, priority = found
        if parties:
            keep = ~np.isin(self.entry_parties[ids], list(parties))
            ids, priority = ids[keep], priority[keep]
        return top(ids, priority, allowed, limit)

    def _priorities(
        self, query: PreparedName, min_share: float, rescue_share: float | None = None
    ) -> tuple[Found, Found]:
        """The candidates and the rescued names, each in the order the query's renderings met
        them, with their priority."""
        candidates, rescued = [], []
        for rendering in renderings(query):
            ids, support, more, more_support, total = self._support(
                rendering, min_share, rescue_share
            )
            candidates.append((ids, self._priority(ids, support, total)))
            rescued.append((more, self._priority(more, more_support, total)))
        return merged(candidates), merged(rescued)

    def _priority(self, ids: Ids, support: Floats, total: float) -> Floats:
        priority: Floats = support / total + np.minimum(1.0, support / self.entry_weights[ids])
        return priority

    def _support(
        self, query: PreparedName, min_share: float, rescue_share: float | None
    ) -> tuple[Ids, Floats, Ids, Floats, float]:
        """The names whose support reaches `min_share` of the query's weight (`maxscore`), in
        the order the query's tokens met them, with that support; the same for the names that
        reach `rescue_share` once variant keys count; and the query's weight."""
        tokens = sorted(
            {t for t in query.tokens if len(t) > 1 or t.isdigit()},
            key=self.weights.weight,
            reverse=True,
        )
        weights = [self.weights.weight(t) for t in tokens]
        total = sum(weights) + 1e-9
        floor = min_share * total
        plain, varied = self.postings.scratch("plain"), self.postings.scratch("varied")
        met, seen = maxscore(tokens, weights, self._hits, plain, floor), []
        try:
            rescued = NO_IDS, NO_FLOATS
            if rescue_share is not None:  # a second search beside the first
                seen = maxscore(tokens, weights, self._varied, varied, rescue_share * total)
                rescued = reached(seen, varied, rescue_share * total)
            return *reached(met, plain, floor), *rescued, total
        finally:
            for support, ids in chain(zip(repeat(plain), met), zip(repeat(varied), seen)):
                support[ids] = 0.0

    def _hits(self, token: str) -> Found:
        """The names a query token meets through any of its keys, in the order its keys meet
        them, each with the best exactness."""
        return self._kept(("plain", token), lambda: self.postings.meet(query_keys(token)))

    def _varied(self, token: str) -> Found:
        """`_hits`, then the names only the token's variant keys meet (at VARIANT, below every
        other key's exactness, so a name met by both keeps its own keys' exactness)."""

        def search() -> Found:
            more = self.postings.meet(variant_keys(token))[0]
            return self.postings.without(self._hits(token), more, VARIANT)

        return self._kept(("varied", token), search)

    def _kept(self, key: tuple[str, str], search: Callable[[], Found]) -> Found:
        """A token's names, searched once (the commonest tokens come back query after query)."""
        cache = self.__dict__.setdefault("_hit_cache", {})
        found: Found | None = cache.get(key)
        if found is None:
            found = search()
            if len(cache) > HIT_CACHE:
                cache.clear()
            cache[key] = found
        return found

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the per-token cache."""
        return {k: v for k, v in self.__dict__.items() if k != "_hit_cache"}

    def split_merged(self, text: str) -> str | None:
        """The name with each long unknown word split into two listed words, if any can be
        (`LeonidIVLEV` -> `leonid ivlev`, `COMPANYBELINVEST` -> `company belinvest`;
        watchman#594); None when nothing splits."""
        tokens = tokenize(normalize(text))
        split = [self._split(t) or t for t in tokens]
        return " ".join(split) if split != list(tokens) else None

    def _split(self, token: str) -> str | None:
        if len(token) < MIN_MERGED or self.weights.frequency(token) or not token.isalpha():
            return None
        best: tuple[int, str] | None = None
        for cut in range(3, len(token) - 2):
            left, right = token[:cut], token[cut:]
            support = min(self._known(left), self._known(right))
            if support and (best is None or support > best[0]):
                best = (support, f"{left} {right}")
        return best[1] if best else None

    def _known(self, word: str) -> int:
        """How many listed names use `word` (legal forms count: the index keeps them canonical)."""
        return self.weights.frequency(word) or (LEGAL_FORM_USES if legal_form(word) else 0)

    def by_identifier(self, values: Iterable[str]) -> set[int]:
        """Parties carrying one of these identifiers."""
        return {p for v in values for p in self.identifiers.get(normalize_identifier(v), ())}
