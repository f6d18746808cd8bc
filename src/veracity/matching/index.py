"""The candidate index: which listed names could be a query, found in microseconds.

Every name of every party, in every Latin rendering, is posted under keys for its tokens: the
token itself, its one-letter deletions (so one typo still meets: the SymSpell idea), its
metaphone and consonant skeleton, and adjacent tokens joined (`JSC ARGUMENT` under
`jscargument`). A query collects the names sharing keys with it, each key counting the token's
rarity times how exact the key is, and only the best-supported names go on to full scoring.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from veracity.matching.align import token_weights
from veracity.matching.qualifiers import normalize_identifier
from veracity.model import NameKind, Party, Schema
from veracity.names import (
    PreparedName,
    TokenWeights,
    legal_form,
    metaphone,
    normalize,
    prepare,
    skeleton,
    tokenize,
)
from veracity.names.numbers import numeric

EXACT, DELETION, PHONETIC, SKELETON = 1.0, 0.8, 0.7, 0.6
MIN_DELETION_LEN = 5
MIN_KEY_LEN = 3
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


def renderings(name: PreparedName) -> tuple[PreparedName, ...]:
    """The name and its alternative Latin renderings."""
    return (name, *name.alternatives)


def token_keys(token: str) -> Iterable[tuple[str, float]]:
    """The keys a listed token is posted under, with how exact each is."""
    yield "t" + token, EXACT
    if (number := numeric(token)) is not None:
        yield "n" + number, EXACT  # `3` meets `three`, `XII` meets `12`
    if len(token) >= MIN_DELETION_LEN:
        for i in range(len(token)):
            yield "d" + token[:i] + token[i + 1 :], DELETION
    if len(token) >= MIN_KEY_LEN and not token.isdigit():
        yield "m" + metaphone(token), PHONETIC
        yield "s" + skeleton(token), SKELETON


def query_keys(token: str) -> Iterable[tuple[str, float]]:
    """The keys a query token looks up (its own keys, and itself as a listed token's deletion)."""
    yield from token_keys(token)
    if len(token) >= MIN_DELETION_LEN - 1:
        yield "d" + token, DELETION
    if len(token) >= MIN_DELETION_LEN + 1:
        for i in range(len(token)):
            yield "t" + token[:i] + token[i + 1 :], DELETION


class CandidateIndex:
    """Posting lists from name keys to the listed names that carry them."""

    def __init__(self, parties: list[Party], fingerprint: str) -> None:
        self.parties = parties
        self.fingerprint = fingerprint
        self.entries: list[Entry] = []
        for p, party in enumerate(parties):
            kind = name_kind(party.schema)
            for name in party.names:
                self.entries.append(Entry(p, name.full, name.kind, prepare(name.full, kind)))
        self.weights = TokenWeights.build(e.prepared.tokens for e in self.entries)
        self.entry_weights = [
            sum(token_weights(e.prepared, self.weights)) or 1.0 for e in self.entries
        ]
        self.postings = self._post()
        self.identifiers = self._identifiers()

    def _post(self) -> dict[str, list[int]]:
        postings: defaultdict[str, set[int]] = defaultdict(set)
        for e, entry in enumerate(self.entries):
            for rendering in renderings(entry.prepared):
                tokens = rendering.tokens
                for token in tokens:
                    for key, _ in token_keys(token):
                        postings[key].add(e)
                for a, b in pairwise(tokens):
                    postings["t" + a + b].add(e)
        return {key: sorted(ids) for key, ids in postings.items()}

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
        priority: dict[int, float] = {}
        for rendering in renderings(query):
            support, total = self._support(rendering, min_share)
            for e, s in support.items():
                if s >= min_share * total:
                    p = s / total + min(1.0, s / self.entry_weights[e])
                    if priority.get(e, 0.0) < p:
                        priority[e] = p
        return priority

    def _support(self, query: PreparedName, min_share: float) -> tuple[dict[int, float], float]:
        """Each name's support: the query weight its keys meet, times how exactly they meet it.

        Tokens go rarest first. Once the weight of the tokens still to come cannot lift a name
        that none of the earlier tokens met to the floor (`min_share` of the total), the
        common tokens only add to names already met (the MaxScore idea of search engines):
        the same candidates, without walking thousands of postings for `mohammed`.
        """
        tokens = sorted(
            {t for t in query.tokens if len(t) > 1 or t.isdigit()},
            key=self.weights.weight,
            reverse=True,
        )
        weights = [self.weights.weight(t) for t in tokens]
        total = sum(weights) + 1e-9
        floor = min_share * total
        support: dict[int, float] = {}
        remaining = total
        for token, weight in zip(tokens, weights, strict=True):
            hits = self._hits(token)
            if remaining >= floor:
                for e, exactness in hits.items():
                    support[e] = support.get(e, 0.0) + weight * exactness
            else:
                for e in support:
                    if (met := hits.get(e)) is not None:
                        support[e] += weight * met
            remaining -= weight
        return support, total

    def _hits(self, token: str) -> dict[int, float]:
        """The names a query token meets through any of its keys, with the best exactness."""
        cache = self.__dict__.setdefault("_hit_cache", {})
        found: dict[int, float] | None = cache.get(token)
        if found is None:
            found = {}
            for key, exactness in query_keys(token):
                for e in self.postings.get(key, ()):
                    if found.get(e, 0.0) < exactness:
                        found[e] = exactness
            if len(cache) > HIT_CACHE:
                cache.clear()
            cache[token] = found
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
