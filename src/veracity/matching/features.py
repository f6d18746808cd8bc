"""Name features: what the token pairing of two names shows, each in [0, 1].

Each feature is a small function of an `Alignment`; its docstring is the explanation users see
next to the weight the calibrated model gives it (matching/model.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from veracity.matching.align import Alignment, Pair
from veracity.matching.sides import Side
from veracity.matching.tokens import Why
from veracity.names import legal_form

Feature = Callable[[Alignment], float]
LATIN = frozenset({"Latin"})


def _weighted_cover(side: Side, sims: dict[int, float]) -> float:
    total = side.total
    return sum(w for i, w in enumerate(side.weights) if i in sims) / total if total else 0.0


def query_coverage(a: Alignment) -> float:
    """How much of the query name, weighted by how rare each word is, pairs with the listed name."""
    return _weighted_cover(a.q_side, a.q_sims)


def result_coverage(a: Alignment) -> float:
    """How much of the listed name, weighted by how rare each word is, pairs with the query."""
    return _weighted_cover(a.r_side, a.r_sims)


def _unmatched_rare(side: Side, paired: dict[int, float]) -> float:
    weights = side.weights
    return max([weights[i] for i in side.core if i not in paired], default=0.0)


def query_unmatched_rare(a: Alignment) -> float:
    """The rarest word of the query that the listed name lacks (a rare extra word argues
    against)."""
    return _unmatched_rare(a.q_side, a.q_sims)


def result_unmatched_rare(a: Alignment) -> float:
    """The rarest word of the listed name that the query lacks."""
    return _unmatched_rare(a.r_side, a.r_sims)


def fuzzy_loss(a: Alignment) -> float:
    """How much of the query's identifying weight pairs only approximately (spelling differs)."""
    side, sims = a.q_side, a.q_sims
    total, weights = side.core_total, side.weights
    lost = sum([weights[i] * (1.0 - sims[i]) for i in side.core if i in sims])
    return lost / total if total else 0.0


def contradiction(a: Alignment) -> float:
    """Both names have an identifying word the other lacks: a contradicted part, not an
    omitted one."""
    return min(query_unmatched_rare(a), result_unmatched_rare(a))


_FUZZY = frozenset({Why.SPELLING, Why.PHONETIC, Why.SKELETON})


def known_other_word(a: Alignment) -> float:
    """A query word pairs only approximately and is itself a different word of listed names
    (Marcos vs Marquez: another real name, not a typo)."""
    if not a.q_side.name.scripts <= LATIN:
        return 0.0  # a transliterated word was not typed: its spelling is the romaniser's
    weights, known = a.q_side.weights, a.q_known
    return max(
        [weights[i] for p in a.pairs if p.why in _FUZZY for i in p.q if known[i]], default=0.0
    )


def every_word_paired(a: Alignment) -> float:
    """Every identifying word of both names has a partner (spellings may still differ)."""
    q, r, q_sims, r_sims = a.q_side.core, a.r_side.core, a.q_sims, a.r_sims
    return float(bool(q) and all(i in q_sims for i in q) and all(j in r_sims for j in r))


def paired_words(a: Alignment) -> float:
    """How many identifying words pair up (0 to 1 for none to three or more)."""
    sims = a.q_sims
    return min(sum([1 for i in a.q_side.core if i in sims]), 3) / 3


def single_word(a: Alignment) -> float:
    """One of the names has only one identifying word, so a shared word says less."""
    return float(min(len(a.q_side.core), len(a.r_side.core)) <= 1)


def initials_only(a: Alignment) -> float:
    """The identifying words paired only through initials."""
    if not a.pairs:
        return 0.0
    tokens = a.q_side.name.tokens
    core = [p for p in a.pairs if p.why != Why.EXACT or len(tokens[p.q[0]]) > 1]
    return float(all(p.why == Why.INITIAL for p in core))


def number_clash(a: Alignment) -> float:
    """Both names carry numbers and they differ (`11420 CORP` vs `BELLETECH CORP`)."""
    qn, rn = a.q_side.numbers, a.r_side.numbers
    return float(bool(qn or rn) and qn != rn)


def legal_form_clash(a: Alignment) -> float:
    """Both names give a legal form and the forms are of different kinds (LLC vs JSC)."""
    qf, rf = a.q_side.name.legal_forms, a.r_side.name.legal_forms
    if not (qf and rf):
        return 0.0  # no forms, no groups
    qg, rg = _form_groups(qf), _form_groups(rf)
    return float(bool(qg and rg) and qg.isdisjoint(rg))


@lru_cache(maxsize=4096)
def _form_groups(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(found.group for f in forms if (found := legal_form(f)) is not None)


def family_name_missing(a: Alignment) -> float:
    """The listed person's family name has no counterpart in the query."""
    family = a.r_side.family
    return float(bool(family) and a.r_sims.keys().isdisjoint(family))


def order_crossed(a: Alignment) -> float:
    """The paired words come in a different order (first and family name swapped)."""
    pairs = a.pairs
    if len(pairs) < 2:  # one pair or none is always in order
        return 0.0
    ordered = [p.r[0] for p in sorted(pairs, key=_first_query_token)]
    return float(ordered != sorted(ordered))


def _first_query_token(p: Pair) -> int:
    return p.q[0]


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
    # The matcher's inner loop: the functions above in one pass, sharing what several of them
    # read, with the same arithmetic (tests/matching/test_align.py holds it to them).
    q, r, q_sims, r_sims = a.q_side, a.r_side, a.q_sims, a.r_sims
    q_cover, q_rare, q_open, lost = _walk(q, q_sims)
    r_cover, r_rare, r_open, _ = _walk(r, r_sims)
    other, initials, crossed = _from_pairs(a) if a.pairs else (0.0, 0.0, 0.0)
    qn, rn = q.numbers, r.numbers
    return [
        q_cover / q.total if q.total else 0.0,
        r_cover / r.total if r.total else 0.0,
        q_rare,
        r_rare,
        lost / q.core_total if q.core_total else 0.0,
        min(q_rare, r_rare),
        other,
        float(bool(q.core) and not q_open and not r_open),
        min(len(q.core) - q_open, 3) / 3,
        float(min(len(q.core), len(r.core)) <= 1),
        initials,
        float(bool(qn or rn) and qn != rn),
        legal_form_clash(a) if q.name.legal_forms and r.name.legal_forms else 0.0,
        float(bool(r.family) and r_sims.keys().isdisjoint(r.family)),
        crossed,
    ]


def _walk(side: Side, sims: dict[int, float]) -> tuple[float, float, int, float]:
    """One pass over a name's tokens, adding up as `_weighted_cover`, `_unmatched_rare` and
    `fuzzy_loss` do: the paired weight, the rarest unpaired core word, how many core words
    are unpaired, and the core weight lost to approximate pairs."""
    paired = rarest = lost = 0.0  # every weight is positive: 0 is "no such word"
    unpaired = 0
    for i, (w, core) in enumerate(zip(side.weights, side.identifying, strict=True)):
        if (sim := sims.get(i)) is None:
            if core:
                unpaired += 1
                if w > rarest:
                    rarest = w
        else:
            paired += w
            if core:
                lost += w * (1.0 - sim)
    return paired, rarest, unpaired, lost


def _from_pairs(a: Alignment) -> tuple[float, float, float]:
    """`known_other_word`, `initials_only` and `order_crossed` in one pass over the pairs."""
    q = a.q_side
    weights, known, tokens = q.weights, a.q_known, q.name.tokens
    latin = q.name.scripts <= LATIN
    other, initials = 0.0, 1.0  # every weight is positive: 0 is "no such word"
    for p in a.pairs:
        why = p.why
        if latin and why in _FUZZY:
            for i in p.q:
                if known[i] and weights[i] > other:
                    other = weights[i]
        if why != Why.INITIAL and (why != Why.EXACT or len(tokens[p.q[0]]) > 1):
            initials = 0.0
    return other, initials, order_crossed(a)
