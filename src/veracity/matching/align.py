"""Pairing the tokens of two prepared names, one to one, best pairs first.

Adjacent tokens may pair as one (`JSC ARGUMENT` ~ `JSCARGUMENT`, watchman#594; `Abdul Rahman` ~
`Abdulrahman`). Each token's weight (sides.py) decides between equally close pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from veracity.matching.sides import WEAK_ROLES as WEAK_ROLES  # train.py reads it here
from veracity.matching.sides import Side, side
from veracity.matching.sides import token_weights as token_weights
from veracity.matching.tokens import (
    INITIAL_SIM,
    Why,
    may_reach,
    plain_abjad_similarity,
    plain_similarity,
    screen,
)
from veracity.names import PreparedName, TokenWeights

MIN_SIM = 0.66
"""Token pairs less alike than this are not paired at all: two edits in a six-letter word
(`radim`/`ibrahim` 0.57, `fiser`/`buisir` 0.50) make another word, not a misspelling."""

COMPOUND_SIM = 0.85
"""How alike two joined words must be to the one word they stand for."""


class Pair(NamedTuple):
    """Query tokens paired with result tokens (one each, or two joined on one side)."""

    q: tuple[int, ...]
    r: tuple[int, ...]
    sim: float
    why: Why


@dataclass(slots=True)  # not frozen: one is made per name scored, and frozen is 4x slower
class Alignment:
    """How the tokens of a query name and a result name pair up."""

    q_side: Side
    r_side: Side
    pairs: tuple[Pair, ...]
    q_known: tuple[bool, ...]
    """Whether each query token is itself a word of some listed name."""
    q_sims: dict[int, float]
    """Query token -> similarity of the pair it is in (unpaired tokens absent)."""
    r_sims: dict[int, float]
    """Result token -> similarity of the pair it is in."""

    @property
    def query(self) -> PreparedName:
        """The query name (one rendering)."""
        return self.q_side.name

    @property
    def result(self) -> PreparedName:
        """The listed name (one rendering)."""
        return self.r_side.name

    @property
    def q_weights(self) -> tuple[float, ...]:
        """The query tokens' weights."""
        return self.q_side.weights

    @property
    def r_weights(self) -> tuple[float, ...]:
        """The listed name's tokens' weights."""
        return self.r_side.weights

    def pairing(self) -> Pairing:
        """The pairing in plain values (for the explanation)."""
        pairs = tuple([(p.q, p.r, p.sim, _NAMES[p.why]) for p in self.pairs])
        return self.q_side.name.tokens, self.r_side.name.tokens, pairs

    def describe(self) -> str:
        """The pairing in words: `'putin'≈'putn' spelling 0.80; 'vladimirovich' unmatched`."""
        return describe(self.pairing())


Pairing = tuple[
    tuple[str, ...],
    tuple[str, ...],
    tuple[tuple[tuple[int, ...], tuple[int, ...], float, str], ...],
]
"""An alignment in plain values: the query's tokens, the listed name's, and each pair (query
tokens, listed tokens, similarity, rule). Plain values cost the garbage collector nothing, so
a matcher can keep many."""


_NAMES = {why: why.value for why in Why}


def describe(pairing: Pairing) -> str:
    """The pairing in words: `'putin'≈'putn' spelling 0.80; 'vladimirovich' unmatched`."""
    q, r, pairs = pairing
    parts = [
        f"{' '.join(q[i] for i in qs)!r}≈{' '.join(r[j] for j in rs)!r} {why} {sim:.2f}"
        for qs, rs, sim, why in pairs
    ]
    paired_q = {i for qs, _, _, _ in pairs for i in qs}
    paired_r = {j for _, rs, _, _ in pairs for j in rs}
    parts += [f"{t!r} not in the listed name" for i, t in enumerate(q) if i not in paired_q]
    parts += [f"{t!r} not in the query" for j, t in enumerate(r) if j not in paired_r]
    return "; ".join(parts)


# A candidate pair while pairing: its sort key (most alike, then two tokens joined as one, then
# the heavier query tokens, then the order the pairs were found in), its tokens and the rule.
_Found = tuple[float, int, float, int, tuple[int, ...], tuple[int, ...], float, Why]
_Row = tuple[tuple[int, float, Why], ...]
_Joins = tuple[tuple[int, float], ...]
_Paired = tuple[tuple[Pair, ...], tuple[bool, ...], dict[int, float], dict[int, float]]


class Aligner:
    """Pairs one query name with many listed names.

    A query meets the same listed words again and again (`mohammed`, `ali`), so what a listed
    word pairs with in the query, alone and as two query words written together, is worked out
    once per word and kept for the rest of the query.
    """

    def __init__(self, query: Side, weights: TokenWeights) -> None:
        self.side = query
        self.query = query.name
        self.q_weights = query.weights
        self.q_known = tuple(weights.frequency(t) > 0 for t in query.name.tokens)
        # Listed word -> the query words it pairs with, and the adjacent query words it joins
        # (one table for names with abjad renderings, one for the others).
        self._words: tuple[dict[str, tuple[_Row, _Joins]], ...] = ({}, {})
        self._split: dict[tuple[str, str], _Joins] = {}
        self._paired: dict[tuple[tuple[str, ...], bool], _Paired] = {}
        # A word written as two only starts as one of them (`_compound_sim`): the query's words,
        # and its pairs of adjacent words, by first letter.
        tokens = self.query.tokens
        self._starting: dict[str, list[int]] = {}
        for j, token in enumerate(tokens):
            self._starting.setdefault(token[0], []).append(j)
        self._pairs_starting: dict[str, list[int]] = {}
        for i in range(len(tokens) - 1):
            for letter in dict.fromkeys((tokens[i][0], tokens[i + 1][0])):
                self._pairs_starting.setdefault(letter, []).append(i)

    def prime(self, results: list[Side]) -> None:
        """Work out at once what the new words of these names pair with in the query: a
        vectorised screen (`tokens.screen`), then the rules on the pairs it lets through."""
        for abjad in (False, True):
            words = self._words[abjad]
            new: dict[str, list[tuple[int, float, Why]]] = {}
            for r in results:
                if (self.side.abjad or r.abjad) == abjad:
                    new.update((t, []) for t in r.name.tokens if t not in words)
            if new:
                self._screen(new, abjad)
                words.update((t, (tuple(row), self._joins(t))) for t, row in new.items())

    def _screen(self, rows: dict[str, list[tuple[int, float, Why]]], abjad: bool) -> None:
        """Fill each listed word's row (as `_row` would) from the pairs `screen` lets through."""
        q, b = list(self.query.tokens), list(rows)
        similarity = plain_abjad_similarity if abjad else plain_similarity
        for i, j in screen(q, b, MIN_SIM, abjad):
            sim, why = similarity(q[i], b[j])
            if sim >= (INITIAL_SIM if why == Why.INITIAL else MIN_SIM):
                rows[b[j]].append((i, sim, Why(why)))

    def align(self, result: Side) -> Alignment:
        """Pair tokens greedily: most alike first, then the heavier tokens, each token once."""
        # The pairing reads only the listed name's words (lists repeat names with other roles).
        key = (result.name.tokens, self.side.abjad or result.abjad)
        if (paired := self._paired.get(key)) is None:
            paired = self._paired[key] = self._pair(result)
        return Alignment(self.side, result, *paired)

    def _pair(self, result: Side) -> _Paired:
        found = self._found(result)
        if len(found) < 2:  # no pairs to choose between
            pairs = [Pair(q, r, sim, why) for _, _, _, _, q, r, sim, why in found]
            return tuple(pairs), self.q_known, _sims(pairs, False), _sims(pairs, True)
        found.sort()
        used_q: set[int] = set()
        used_r: set[int] = set()
        pairs = []
        for _, _, _, _, q, r, sim, why in found:
            if used_q.isdisjoint(q) and used_r.isdisjoint(r):
                pairs.append(Pair(q, r, sim, why))
                used_q.update(q)
                used_r.update(r)
        return tuple(pairs), self.q_known, _sims(pairs, False), _sims(pairs, True)

    def _found(self, result: Side) -> list[_Found]:
        """Every candidate pair, keyed as `align` sorts them."""
        q, r, qw = self.query.tokens, result.name.tokens, self.q_weights
        abjad = self.side.abjad or result.abjad
        words = self._words[abjad]
        found: list[_Found] = []
        close_q: set[int] = set()
        close_r: set[int] = set()
        joined = []
        for j, b in enumerate(r):
            if (word := words.get(b)) is None:
                word = words[b] = (self._row(b, abjad), self._joins(b))
            for i, sim, why in word[0]:
                found.append((-sim, -2, -qw[i], i * len(r) + j, (i,), (j,), sim, why))
                if sim >= COMPOUND_SIM:
                    close_q.add(i)
                    close_r.add(j)
            if word[1]:
                joined.append((j, word[1]))
        # Joined words only matter where some word has no close partner of its own.
        if len(close_q) < len(q) or len(close_r) < len(r):
            self._compounds(r, joined, found)
        return found

    def _row(self, b: str, abjad: bool) -> _Row:
        """The query tokens that listed token `b` may pair with."""
        similarity = plain_abjad_similarity if abjad else plain_similarity
        row = []
        for i, a in enumerate(self.query.tokens):
            sim, why = similarity(a, b)
            if sim >= (INITIAL_SIM if why == Why.INITIAL else MIN_SIM):
                row.append((i, sim, Why(why)))
        return tuple(row)

    def _compounds(
        self, r: tuple[str, ...], joined: list[tuple[int, _Joins]], found: list[_Found]
    ) -> None:
        """Two adjacent query tokens written as one listed token (`joined`, by listed token),
        then two adjacent listed tokens written as one query token."""
        q, qw = self.query.tokens, self.q_weights
        singles = len(q) * len(r)
        for j, joins in joined:
            for i, sim in joins:
                key = singles + i * len(r) + j
                found.append((-sim, -3, -(qw[i] + qw[i + 1]), key, (i, i + 1), (j,), sim, COMPOUND))
        flipped = singles + max(len(q) - 1, 0) * len(r)
        for i in range(len(r) - 1):
            if (splits := self._split.get(pair := (r[i], r[i + 1]))) is None:
                splits = self._split[pair] = self._splits(pair)
            for j, sim in splits:
                key = flipped + i * len(q) + j
                found.append((-sim, -3, -qw[j], key, (j,), (i, i + 1), sim, COMPOUND))

    def _joins(self, token: str) -> _Joins:
        """Each pair of adjacent query tokens that `token` writes as one word, how alike."""
        q = self.query.tokens
        return tuple(
            (i, sim)
            for i in self._pairs_starting.get(token[0], ())
            if (sim := _compound_sim(q[i], q[i + 1], token)) >= COMPOUND_SIM
        )

    def _splits(self, two: tuple[str, str]) -> _Joins:
        """Each query token that writes the two listed tokens `two` as one word, how alike."""
        q, starting = self.query.tokens, self._starting
        found = starting.get(two[0][0], [])
        if two[1][0] != two[0][0]:
            found = sorted(found + starting.get(two[1][0], []))
        return tuple((j, sim) for j in found if (sim := _compound_sim(*two, q[j])) >= COMPOUND_SIM)


COMPOUND = Why.COMPOUND


def _sims(pairs: list[Pair], listed: bool) -> dict[int, float]:
    """Token -> similarity of the pair it is in, of the query or of the listed name."""
    return {i: p.sim for p in pairs for i in (p.r if listed else p.q)}


def _compound_sim(left: str, right: str, token: str) -> float:
    """How alike `token` is to `left` and `right` joined (either order); 0 when it cannot be."""
    if abs(len(token) - len(left) - len(right)) > 2 or token[0] not in (left[0], right[0]):
        return 0.0
    # Either order: a reversed name is often written as one word (`ZARGHAMIEzzatollah`).
    return max(_joined_sim(left + right, token), _joined_sim(right + left, token))


def _joined_sim(joined: str, token: str) -> float:
    return plain_similarity(joined, token)[0] if may_reach(joined, token, COMPOUND_SIM) else 0.0


def align(query: PreparedName, result: PreparedName, weights: TokenWeights) -> Alignment:
    """Pair tokens greedily: most alike first, then the heavier tokens, each token once."""
    return Aligner(side(query, weights), weights).align(side(result, weights))
