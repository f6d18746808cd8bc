"""Name features: what the token pairing of two names shows, each in [0, 1].

Each feature is a small function of an `Alignment`; its docstring is the explanation users see
next to the weight the calibrated model gives it (matching/model.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from veracity.matching.align import WEAK_ROLES, Alignment
from veracity.matching.tokens import Why
from veracity.names import Role, legal_form
from veracity.names.numbers import numeric

Feature = Callable[[Alignment], float]
LATIN = frozenset({"Latin"})


def _weighted_cover(weights: tuple[float, ...], sims: dict[int, float]) -> float:
    total = sum(weights)
    return sum(w for i, w in enumerate(weights) if i in sims) / total if total else 0.0


def query_coverage(a: Alignment) -> float:
    """How much of the query name, weighted by how rare each word is, pairs with the listed name."""
    return _weighted_cover(a.q_weights, a.q_sims)


def result_coverage(a: Alignment) -> float:
    """How much of the listed name, weighted by how rare each word is, pairs with the query."""
    return _weighted_cover(a.r_weights, a.r_sims)


@lru_cache(maxsize=4096)
def _core(roles: tuple[Role, ...]) -> tuple[int, ...]:
    return tuple(i for i, role in enumerate(roles) if role not in WEAK_ROLES)


def query_unmatched_rare(a: Alignment) -> float:
    """The rarest word of the query that the listed name lacks (a rare extra word argues
    against)."""
    paired = a.q_sims
    return max((a.q_weights[i] for i in _core(a.query.roles) if i not in paired), default=0.0)


def result_unmatched_rare(a: Alignment) -> float:
    """The rarest word of the listed name that the query lacks."""
    paired = a.r_sims
    return max((a.r_weights[j] for j in _core(a.result.roles) if j not in paired), default=0.0)


def fuzzy_loss(a: Alignment) -> float:
    """How much of the query's identifying weight pairs only approximately (spelling differs)."""
    core = _core(a.query.roles)
    total = sum(a.q_weights[i] for i in core)
    sims = a.q_sims
    lost = sum(a.q_weights[i] * (1.0 - sims[i]) for i in core if i in sims)
    return lost / total if total else 0.0


def contradiction(a: Alignment) -> float:
    """Both names have an identifying word the other lacks: a contradicted part, not an
    omitted one."""
    return min(query_unmatched_rare(a), result_unmatched_rare(a))


_FUZZY = frozenset({Why.SPELLING, Why.PHONETIC, Why.SKELETON})


def known_other_word(a: Alignment) -> float:
    """A query word pairs only approximately and is itself a different word of listed names
    (Marcos vs Marquez: another real name, not a typo)."""
    if not a.query.scripts <= LATIN:
        return 0.0  # a transliterated word was not typed: its spelling is the romaniser's
    return max(
        (a.q_weights[i] for p in a.pairs if p.why in _FUZZY for i in p.q if a.q_known[i]),
        default=0.0,
    )


def every_word_paired(a: Alignment) -> float:
    """Every identifying word of both names has a partner (spellings may still differ)."""
    q, r = _core(a.query.roles), _core(a.result.roles)
    return float(bool(q) and all(i in a.q_sims for i in q) and all(j in a.r_sims for j in r))


def paired_words(a: Alignment) -> float:
    """How many identifying words pair up (0 to 1 for none to three or more)."""
    return min(sum(1 for i in _core(a.query.roles) if i in a.q_sims), 3) / 3


def single_word(a: Alignment) -> float:
    """One of the names has only one identifying word, so a shared word says less."""
    return float(min(len(_core(a.query.roles)), len(_core(a.result.roles))) <= 1)


def initials_only(a: Alignment) -> float:
    """The identifying words paired only through initials."""
    core = [p for p in a.pairs if p.why != Why.EXACT or len(a.query.tokens[p.q[0]]) > 1]
    return float(bool(a.pairs) and all(p.why == Why.INITIAL for p in core))


def number_clash(a: Alignment) -> float:
    """Both names carry numbers and they differ (`11420 CORP` vs `BELLETECH CORP`)."""
    qn, rn = _numbers(a.query.tokens), _numbers(a.result.tokens)
    return float(bool(qn or rn) and qn != rn)


@lru_cache(maxsize=1 << 16)
def _numbers(tokens: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n for t in tokens if (n := numeric(t)) is not None)


def legal_form_clash(a: Alignment) -> float:
    """Both names give a legal form and the forms are of different kinds (LLC vs JSC)."""
    qg, rg = _form_groups(a.query.legal_forms), _form_groups(a.result.legal_forms)
    return float(bool(qg and rg) and qg.isdisjoint(rg))


def _form_groups(forms: tuple[str, ...]) -> set[str]:
    return {found.group for f in forms if (found := legal_form(f)) is not None}


def family_name_missing(a: Alignment) -> float:
    """The listed person's family name has no counterpart in the query."""
    family = [j for j, role in enumerate(a.result.roles) if role == Role.FAMILY]
    return float(bool(family) and not set(family) & set(a.r_sims))


def order_crossed(a: Alignment) -> float:
    """The paired words come in a different order (first and family name swapped)."""
    ordered = [p.r[0] for p in sorted(a.pairs, key=lambda p: p.q[0])]
    return float(ordered != sorted(ordered))


FEATURES: tuple[Feature, ...] = (
    query_coverage,
    result_coverage,
    query_unmatched_rare,
    result_unmatched_rare,
    fuzzy_loss,
    contradiction,
    known_other_word,
    every_word_paired,
    paired_words,
    single_word,
    initials_only,
    number_clash,
    legal_form_clash,
    family_name_missing,
    order_crossed,
)
FEATURE_NAMES = tuple(f.__name__ for f in FEATURES)


def feature_vector(a: Alignment) -> list[float]:
    """Every feature of an alignment, in FEATURES order."""
    return [f(a) for f in FEATURES]
