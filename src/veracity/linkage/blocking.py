"""Blocking: which pairs of records are compared at all.

Comparing every pair is quadratic; a blocking rule gives each record keys, and only records that
share a key are compared. The rules are unioned (a pair sharing any key is a candidate), so a
typo in one field is caught by another rule. A key held by more than `max_block` records (the
surname SMITH, the state NSW) proposes too many pairs for what it says and is skipped; other
rules still find the matches among them. Each rule's docstring says what a pair it finds shares.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from veracity.linkage.records import Prepared


class BlockingRule(Protocol):
    """Gives a prepared record its keys; the rule's docstring says what sharing a key means."""

    def __call__(self, record: Prepared, /) -> Iterable[str]: ...


Pairs = npt.NDArray[np.int64]
"""Pairs × 2: record indices (left, right); in a dedupe, left < right."""

MAX_BLOCK = 100
"""Default largest number of records one key may hold and still propose pairs."""


def name_parts(record: Prepared) -> Iterable[str]:
    """The records share a given name or a surname part, in either field."""
    return {t for t in (*record.given.tokens, *record.surname.tokens) if len(t) > 1}


def birth_date(record: Prepared) -> Iterable[str]:
    """The records have the same full date of birth."""
    return (record.birth.iso(),) if record.birth is not None and record.birth_full else ()


def text_values(record: Prepared) -> Iterable[str]:
    """The records have the same value in one text field (place, e-mail, postcode...)."""
    return {f"{index}:{value}" for index, value in enumerate(record.texts) if value}


DEFAULT_RULES: tuple[BlockingRule, ...] = (name_parts, birth_date, text_values)
"""The rules `link` uses unless told otherwise."""


def _blocks(records: Sequence[Prepared], rule: BlockingRule) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for key in rule(record):
            blocks[key].append(index)
    return blocks


def _within(members: list[int]) -> Pairs:
    ids = np.array(members, dtype=np.int64)
    left, right = np.triu_indices(len(ids), k=1)
    return np.stack([ids[left], ids[right]], axis=1)


def _across(left: list[int], right: list[int]) -> Pairs:
    grid = np.meshgrid(np.array(left, dtype=np.int64), np.array(right, dtype=np.int64))
    return np.stack([grid[0].ravel(), grid[1].ravel()], axis=1)


def candidate_pairs(
    left: Sequence[Prepared],
    right: Sequence[Prepared] | None = None,
    rules: Sequence[BlockingRule] = DEFAULT_RULES,
    max_block: int = MAX_BLOCK,
) -> Pairs:
    """The distinct pairs that share a key of any rule (within `left` when `right` is None)."""
    found: list[Pairs] = [np.empty((0, 2), dtype=np.int64)]
    for rule in rules:
        blocks = _blocks(left, rule)
        if right is None:
            found += [_within(m) for m in blocks.values() if 1 < len(m) <= max_block]
            continue
        others = _blocks(right, rule)
        for key, members in blocks.items():
            partners = others.get(key)
            if partners and len(members) <= max_block and len(partners) <= max_block:
                found.append(_across(members, partners))
    pairs = np.concatenate(found)
    width = max(len(left), len(right) if right is not None else 0, 1)
    codes = np.unique(pairs[:, 0] * width + pairs[:, 1])
    return np.stack([codes // width, codes % width], axis=1)


def all_pairs(left: int, right: int | None) -> Pairs:
    """Every pair (within `left` records when `right` is None)."""
    if right is None:
        return _within(list(range(left)))
    return _across(list(range(left)), list(range(right)))


def random_pairs(left: int, right: int | None, count: int, seed: int) -> Pairs:
    """`count` distinct pairs drawn at random, or every pair when there are no more."""
    size = left if right is None else right
    total = left * (left - 1) // 2 if right is None else left * right
    if total <= count:
        return all_pairs(left, right)
    generator = np.random.default_rng(seed)
    draws = generator.integers(0, [left, size], size=(count * 2, 2))
    if right is None:
        draws = np.sort(draws[draws[:, 0] != draws[:, 1]], axis=1)
    codes = generator.permutation(np.unique(draws[:, 0] * size + draws[:, 1]))[:count]
    return np.stack([codes // size, codes % size], axis=1).astype(np.int64)
