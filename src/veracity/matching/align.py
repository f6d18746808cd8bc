"""Pairing the tokens of two prepared names, one to one, best pairs first.

Adjacent tokens may pair as one (`JSC ARGUMENT` ~ `JSCARGUMENT`, watchman#594; `Abdul Rahman` ~
`Abdulrahman`). Each token carries a weight: how rare it is on the lists (names.frequency) times
how much its role says (a legal form or generic word says little: watchman#483, #338).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from veracity.matching.tokens import (
    ABJAD_SCRIPTS,
    INITIAL_SIM,
    Why,
    abjad_similarity,
    token_similarity,
)
from veracity.names import PreparedName, Role, TokenWeights

MIN_SIM = 0.66
"""Token pairs less alike than this are not paired at all: two edits in a six-letter word
(`radim`/`ibrahim` 0.57, `fiser`/`buisir` 0.50) make another word, not a misspelling."""

COMPOUND_SIM = 0.85
"""How alike two joined words must be to the one word they stand for."""

ROLE_WEIGHT = {
    Role.LEGAL_FORM: 0.1,
    Role.GENERIC: 0.25,
    Role.PARTICLE: 0.2,
    Role.HONORIFIC: 0.2,
    Role.INITIAL: 0.3,
}
WEAK_ROLES = frozenset(ROLE_WEIGHT)


@dataclass(frozen=True, slots=True)
class Pair:
    """Query tokens paired with result tokens (one each, or two joined on one side)."""

    q: tuple[int, ...]
    r: tuple[int, ...]
    sim: float
    why: Why


@dataclass(frozen=True, slots=True)
class Alignment:
    """How the tokens of a query name and a result name pair up."""

    query: PreparedName
    result: PreparedName
    pairs: tuple[Pair, ...]
    q_weights: tuple[float, ...]
    r_weights: tuple[float, ...]
    q_known: tuple[bool, ...]
    """Whether each query token is itself a word of some listed name."""
    q_sims: dict[int, float]
    """Query token -> similarity of the pair it is in (unpaired tokens absent)."""
    r_sims: dict[int, float]
    """Result token -> similarity of the pair it is in."""

    def describe(self) -> str:
        """The pairing in words: `'putin'≈'putn' spelling 0.80; 'vladimirovich' unmatched`."""
        q, r = self.query.tokens, self.result.tokens
        parts = [
            f"{' '.join(q[i] for i in p.q)!r}≈{' '.join(r[j] for j in p.r)!r} {p.why} {p.sim:.2f}"
            for p in self.pairs
        ]
        paired_q = {i for p in self.pairs for i in p.q}
        paired_r = {j for p in self.pairs for j in p.r}
        parts += [f"{t!r} not in the listed name" for i, t in enumerate(q) if i not in paired_q]
        parts += [f"{t!r} not in the query" for j, t in enumerate(r) if j not in paired_r]
        return "; ".join(parts)


def token_weights(name: PreparedName, weights: TokenWeights) -> tuple[float, ...]:
    """Each token's evidence weight: rarity on the lists times what its role says."""
    return _weights(name.tokens, name.roles, weights)


@lru_cache(maxsize=1 << 16)
def _weights(
    tokens: tuple[str, ...], roles: tuple[Role, ...], weights: TokenWeights
) -> tuple[float, ...]:
    # Cached per name: the same listed names come back query after query.
    return tuple(
        weights.weight(t) * ROLE_WEIGHT.get(role, 1.0)
        for t, role in zip(tokens, roles, strict=True)
    )


def _candidates(q: tuple[str, ...], r: tuple[str, ...], abjad: bool) -> list[Pair]:
    similarity = abjad_similarity if abjad else token_similarity
    found = []
    for i, a in enumerate(q):
        for j, b in enumerate(r):
            sim, why = similarity(a, b)
            if sim >= (INITIAL_SIM if why == Why.INITIAL else MIN_SIM):
                found.append(Pair((i,), (j,), sim, why))
    # Joined words only matter where some word has no close partner of its own.
    close_q = {p.q[0] for p in found if p.sim >= COMPOUND_SIM}
    close_r = {p.r[0] for p in found if p.sim >= COMPOUND_SIM}
    if len(close_q) < len(q) or len(close_r) < len(r):
        found += _compounds(q, r, flip=False) + _compounds(r, q, flip=True)
    return found


def _compounds(a: tuple[str, ...], b: tuple[str, ...], flip: bool) -> list[Pair]:
    """Two adjacent tokens of `a` written as one token of `b`."""
    found = []
    for i in range(len(a) - 1):
        for j, token in enumerate(b):
            if abs(len(token) - len(a[i]) - len(a[i + 1])) > 2 or token[0] not in (
                a[i][0],
                a[i + 1][0],
            ):
                continue
            # Either order: a reversed name is often written as one word (`ZARGHAMIEzzatollah`).
            sim = max(token_similarity(a[i] + a[i + 1], token)[0],
                      token_similarity(a[i + 1] + a[i], token)[0])  # fmt: skip
            if sim >= COMPOUND_SIM:
                two, one = (i, i + 1), (j,)
                found.append(
                    Pair(one, two, sim, Why.COMPOUND) if flip else Pair(two, one, sim, Why.COMPOUND)
                )
    return found


def align(query: PreparedName, result: PreparedName, weights: TokenWeights) -> Alignment:
    """Pair tokens greedily: most alike first, then the heavier tokens, each token once."""
    qw, rw = token_weights(query, weights), token_weights(result, weights)
    abjad = bool((query.scripts | result.scripts) & ABJAD_SCRIPTS)
    cands = _candidates(query.tokens, result.tokens, abjad)
    cands.sort(key=lambda p: (-p.sim, -len(p.q) - len(p.r), -sum(qw[i] for i in p.q)))
    used_q: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for pair in cands:
        if used_q.isdisjoint(pair.q) and used_r.isdisjoint(pair.r):
            pairs.append(pair)
            used_q.update(pair.q)
            used_r.update(pair.r)
    known = tuple(weights.frequency(t) > 0 for t in query.tokens)
    q_sims = {i: p.sim for p in pairs for i in p.q}
    r_sims = {j: p.sim for p in pairs for j in p.r}
    return Alignment(query, result, tuple(pairs), qw, rw, known, q_sims, r_sims)
