"""A name as the pairing and the features read it, worked out once per name.

Each token carries a weight: how rare it is on the lists (names.frequency) times how much its
role says (a legal form or generic word says little: watchman#483, #338). The index keeps a
side for every rendering of every listed name; a query's sides are made once per query.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from veracity.matching.tokens import ABJAD_SCRIPTS
from veracity.names import PreparedName, Role, TokenWeights
from veracity.names.numbers import numeric

ROLE_WEIGHT = {
    Role.LEGAL_FORM: 0.1,
    Role.GENERIC: 0.25,
    Role.PARTICLE: 0.2,
    Role.HONORIFIC: 0.2,
    Role.INITIAL: 0.3,
}
WEAK_ROLES = frozenset(ROLE_WEIGHT)


@dataclass(frozen=True, slots=True)
class Side:
    """One rendering of a name as the pairing and the features read it: worked out once per
    name (the index keeps one for every rendering of every listed name)."""

    name: PreparedName
    weights: tuple[float, ...]
    """Each token's evidence weight (`token_weights`)."""
    total: float
    """The sum of the weights."""
    core: tuple[int, ...]
    """The tokens that identify: not legal forms, generic words, particles, honorifics or
    initials."""
    core_total: float
    """The sum of the core tokens' weights."""
    identifying: tuple[bool, ...]
    """Whether each token is a core token."""
    family: tuple[int, ...]
    """The family-name tokens."""
    abjad: bool
    """Whether the name was written in a script without short vowels (Arabic, Hebrew)."""
    numbers: frozenset[str]
    """The numbers its tokens write (`3rd` and `third` both `3`)."""


def side(name: PreparedName, weights: TokenWeights) -> Side:
    """The side of one rendering of a name."""
    w = token_weights(name, weights)
    core = tuple(i for i, role in enumerate(name.roles) if role not in WEAK_ROLES)
    return Side(
        name,
        w,
        sum(w),
        core,
        sum(w[i] for i in core),
        tuple(i in core for i in range(len(w))),
        tuple(j for j, role in enumerate(name.roles) if role == Role.FAMILY),
        bool(name.scripts & ABJAD_SCRIPTS),
        frozenset(n for t in name.tokens if (n := numeric(t)) is not None),
    )


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
