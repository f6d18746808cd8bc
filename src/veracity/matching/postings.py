"""Posting lists in arrays, and the search over them: which listed names a query's keys meet,
and how much of the query's weight each of them shares.

A listed token is posted under itself, its one-letter deletions (so one typo still meets: the
SymSpell idea), its metaphone and consonant skeleton, the number it writes, and its
romanisation key with that key's deletions (variants, searched only to rescue names).

Names are numbers (their place in `CandidateIndex.entries`); the lists live in one numpy array
and a search adds up support in a scratch array with a slot per name, so a query costs a few
array operations per key instead of a Python loop over thousands of postings. Every result
comes in the order the query met the names: ties in priority are broken that way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import cast

import numpy as np
import numpy.typing as npt

from veracity.matching.tokens import romanized
from veracity.names import metaphone, skeleton
from veracity.names.numbers import numeric

Ids = npt.NDArray[np.intp]
Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Found = tuple[Ids, Floats]
"""Names with a value each (exactness, support or priority), in the order they were met."""
NO_IDS: Ids = np.zeros(0, np.intp)
NO_FLOATS: Floats = np.zeros(0)

EXACT, DELETION, PHONETIC, SKELETON, VARIANT = 1.0, 0.8, 0.7, 0.6, 0.5
MIN_DELETION_LEN = 5
MIN_KEY_LEN = 3
MIN_VARIANT_LEN = 4
"""One letter off is a variant only from four letters (`VARIANT_FLOOR` in tokens.py)."""


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


def variant_keys(token: str) -> Iterable[tuple[str, float]]:
    """Keys that meet romanisations of a name one letter apart (`Saaadi`/`Hadi`, `Jo`/`Ju`,
    `Sonng`/`Son`), the transliteration rule of `tokens.py`: the romanisation key and, from
    four letters, its one-letter deletions. A listed token and a query token use the same."""
    key = romanized(token)
    if len(key) >= 2:
        yield "v" + key, VARIANT
    if len(key) >= MIN_VARIANT_LEN:
        for i in range(len(key)):
            yield "v" + key[:i] + key[i + 1 :], VARIANT


def query_keys(token: str) -> Iterable[tuple[str, float]]:
    """The keys a query token looks up (its own keys, and itself as a listed token's deletion)."""
    yield from token_keys(token)
    if len(token) >= MIN_DELETION_LEN - 1:
        yield "d" + token, DELETION
    if len(token) >= MIN_DELETION_LEN + 1:
        for i in range(len(token)):
            yield "t" + token[:i] + token[i + 1 :], DELETION


class Scratch:
    """Arrays with a slot per name, all 0, one set per thread: a search borrows one and hands
    it back zeroed (so a matcher serves several threads)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._local = threading.local()

    def __call__(self, name: str) -> Floats:
        if (found := getattr(self._local, name, None)) is None:
            found = np.zeros(self.size)
            setattr(self._local, name, found)
        return cast(Floats, found)

    def __getstate__(self) -> dict[str, int]:
        return {"size": self.size}

    def __setstate__(self, state: dict[str, int]) -> None:
        self.__init__(state["size"])  # type: ignore[misc]  # re-creates the per-thread arrays


class Postings:
    """Key -> the names posted under it, ascending; every list in one array, which a query
    reads slices of (a key no name has reads as empty)."""

    def __init__(self, postings: dict[str, set[int]], names: int) -> None:
        self._rows = {key: row for row, key in enumerate(postings)}
        sizes = [len(ids) for ids in postings.values()]
        self._starts = [0, *np.cumsum(sizes, dtype=np.intp).tolist()]
        flat = (e for ids in postings.values() for e in sorted(ids))
        self._ids = np.fromiter(flat, np.intp, count=self._starts[-1])
        self.scratch = Scratch(names)

    def get(self, key: str, default: Ids | tuple[()] = ()) -> Ids | tuple[()]:
        """The names posted under `key`, or `default`."""
        row = self._rows.get(key)
        return default if row is None else self._ids[self._starts[row] : self._starts[row + 1]]

    def __getitem__(self, key: str) -> Ids:
        row = self._rows.get(key)
        return NO_IDS if row is None else self._ids[self._starts[row] : self._starts[row + 1]]

    def meet(self, keys: Iterable[tuple[str, float]]) -> Found:
        """The names these (key, exactness) pairs meet, in the order the keys meet them, each
        with the best exactness."""
        best = self.scratch("best")  # each key's names are distinct, so one pass a key
        met = [NO_IDS]
        try:
            for key, exactness in keys:
                if len(ids := self[key]):
                    held = best[ids]
                    met.append(ids[held == 0])
                    best[ids] = np.maximum(held, exactness)
            ids = np.concatenate(met)
            return ids, best[ids]
        finally:
            for ids in met:
                best[ids] = 0.0

    def without(self, found: Found, known: Ids, value: float) -> Found:
        """`found`, then the names `known` lacks, each at `value`."""
        marks = self.scratch("best")
        marks[found[0]] = 1.0
        more = known[marks[known] == 0.0]
        marks[found[0]] = 0.0
        return np.concatenate([found[0], more]), np.concatenate(
            [found[1], np.full(len(more), value)]
        )


Hits = Callable[[str], Found]


def maxscore(
    tokens: list[str], weights: list[float], hits: Hits, support: Floats, floor: float
) -> list[Ids]:
    """Add each token's weight times its exactness to the support of the names it meets, and
    return the names met while any could still reach `floor` (to zero `support` afterwards).

    Tokens go rarest first. Once the weight of the tokens still to come cannot lift a name
    that none of the earlier tokens met to the floor, the common tokens only add to names
    already met (the MaxScore idea of search engines): the same names reach the floor,
    without walking thousands of postings for `mohammed`.
    """
    met = []
    remaining = sum(weights) + 1e-9
    for token, weight in zip(tokens, weights, strict=True):
        ids, exactness = hits(token)
        if remaining >= floor:
            support[ids] += weight * exactness  # every weight is positive
            met.append(ids)
        else:  # only names met already: 0 is "not met"
            known = support[ids] > 0
            support[ids[known]] += weight * exactness[known]
        remaining -= weight
    return met


def reached(met: list[Ids], support: Floats, floor: float) -> Found:
    """The names met whose support reaches `floor`, in the order met, with their support."""
    taken = [NO_IDS]
    for ids in met:  # a name taken is marked by a negative support
        taken.append(found := ids[support[ids] >= floor])
        support[found] *= -1.0
    ids = np.concatenate(taken)
    return ids, -support[ids]


def merged(found: list[Found]) -> Found:
    """Names from several searches: each once, in the order first met, its largest value."""
    if len(found) == 1:
        return found[0]
    return first_met(np.concatenate([i for i, _ in found]), np.concatenate([v for _, v in found]))


def first_met(ids: Ids, values: Floats) -> Found:
    """Each name once, in the order first met, with the largest of its values."""
    if not len(ids):
        return ids, NO_FLOATS
    order = np.argsort(ids, kind="stable")
    by_id = ids[order]
    starts = np.flatnonzero(np.concatenate(([True], by_id[1:] != by_id[:-1])))
    firsts = np.argsort(order[starts])
    return by_id[starts][firsts], np.maximum.reduceat(values[order], starts)[firsts]


def top(ids: Ids, priority: Floats, allowed: Mask | None, limit: int | None) -> Ids:
    """The `allowed` names, highest priority first (ties in the order given), the first
    `limit` of them."""
    if allowed is not None:
        keep = allowed[ids]
        ids, priority = ids[keep], priority[keep]
    if limit is not None and len(ids) > limit > 0:
        # Only the names that tie with the limit-th or beat it need sorting.
        cut = np.partition(priority, len(priority) - limit)[len(priority) - limit]
        keep = priority >= cut
        ids, priority = ids[keep], priority[keep]
    return ids[np.argsort(-priority, kind="stable")][:limit]
