"""Clusters from links: records joined by links at or above the threshold are one person.

Connected components (what Splink's `cluster_pairwise_predictions_at_threshold` does): a chain
of links joins records that were never compared directly, which is how a record with a
scrambled name still reaches its cluster through a cleaner record of the same person. The price
is that one false link merges two people; the benchmark reports pairwise precision of the
clusters, not only of the links, so that price is measured.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def connected_components(size: int, pairs: npt.NDArray[np.int64]) -> list[list[int]]:
    """The components of a graph of `size` nodes and these edges, each sorted, largest first."""
    parent = list(range(size))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving
            node = parent[node]
        return node

    for left, right in pairs.tolist():
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for node in range(size):
        groups.setdefault(root(node), []).append(node)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))
