"""How much a token says: weights from how many listed names contain it.

A rare token is strong evidence and a common one weak: `MOHAMMED`, `CORP` and `LLC` appear in
thousands of listed names, `QADHAFI` in a handful. Watchman offers the same as optional TF-IDF
keyword weighting (MinIDF 0.1, MaxIDF 10; sanctions.md §2.1); yente gets it from BM25.

The weight is the smoothed inverse document frequency `1 + ln((1 + N) / (1 + df))` (the form
scikit-learn uses), scaled to [0, 1] by the weight of a token seen once, so weights compare
across lists of different sizes. A token no list contains gets the weight of a token seen once:
it is at least as rare as the rarest listed token, and no stronger, since a typo is unseen too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

FORMAT_VERSION = 1


@dataclass(frozen=True, eq=False)  # identity equality: the cache is no part of the value
class TokenWeights:
    """Document frequencies of tokens over a set of names, and the weights they give."""

    frequencies: Mapping[str, int]
    """Token → number of names it occurs in."""
    documents: int
    """Number of names counted."""
    _cache: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, names: Iterable[Iterable[str]]) -> TokenWeights:
        """Count the names (each an iterable of tokens) each token occurs in."""
        counts: Counter[str] = Counter()
        documents = 0
        for tokens in names:
            documents += 1
            counts.update(set(tokens))
        return cls(frequencies=dict(counts), documents=documents)

    def frequency(self, token: str) -> int:
        """How many names contain `token`."""
        return self.frequencies.get(token, 0)

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency (unseen tokens count as seen once)."""
        df = max(self.frequency(token), 1)
        return 1.0 + math.log((1 + self.documents) / (1 + df))

    def weight(self, token: str) -> float:
        """The token's evidence weight in (0, 1]: 1 for the rarest, near 0 for the commonest."""
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = self.idf(token) / self._ceiling
        return cached

    @property
    def _ceiling(self) -> float:
        return 1.0 + math.log((1 + self.documents) / 2)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (see `from_dict`)."""
        return {
            "version": FORMAT_VERSION,
            "documents": self.documents,
            "frequencies": dict(sorted(self.frequencies.items())),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TokenWeights:
        """Rebuild weights saved with `to_dict`."""
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported token weights version {data.get('version')!r}")
        frequencies = {str(k): int(v) for k, v in dict(data["frequencies"]).items()}
        return cls(frequencies=frequencies, documents=int(data["documents"]))
