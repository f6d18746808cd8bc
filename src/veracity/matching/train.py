"""Training the name model on pairs built from the loaded lists themselves.

Positives: a listed name against a realistic variation of it (treatments.py), and a party's
original-script name or close alias against its primary name. Negatives: a listed name (or its
variation) against the names of *other* parties of the same list that the candidate index
retrieves for it, the hard cases a screener meets. Different parties of one list are different
people or bodies, so these labels are honest; pairs across lists are left out because one
person is often on several lists. No evaluation file is read here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from rapidfuzz import fuzz

from veracity.matching.align import WEAK_ROLES, align
from veracity.matching.features import FEATURE_NAMES, feature_vector
from veracity.matching.index import CandidateIndex, Entry, name_kind, renderings, token_keys
from veracity.matching.model import NameModel, model_kind
from veracity.matching.tokens import Why, token_similarity
from veracity.matching.treatments import ORG_TREATMENTS, PERSON_TREATMENTS, vary
from veracity.model import NameKind, Schema
from veracity.names import PreparedName, prepare

CLOSE_ALIAS = 75
"""token_sort_ratio from which a party's alias counts as a spelling of its name (a positive);
below it the alias is another name altogether (`Zahid Ahmadzai` for `MOHAMMAD ZAHID`)."""
NEAR_WORD = 0.8
"""Look-alike words less alike than this are different names (negatives)."""
SAME_NAME = 85
"""token_sort_ratio from which two listed names count as the same name (not a negative)."""


@dataclass(frozen=True, slots=True)
class TrainingPair:
    """Two names and whether they name the same party; `group` keeps a party's pairs together."""

    query: str
    result: Entry
    same: bool
    group: int


def _variation(entry: Entry, schema: Schema, rng: random.Random) -> str:
    treatments = PERSON_TREATMENTS if schema == Schema.PERSON else ORG_TREATMENTS
    return vary(entry.name, treatments, rng, steps=rng.choice((1, 1, 2)))


def _close_aliases(entries: list[Entry], primary: Entry) -> list[Entry]:
    close = []
    for e in entries:
        if e is primary or e.kind == NameKind.WEAK_ALIAS:
            continue
        latin_a, latin_b = e.prepared.latin, primary.prepared.latin
        if (
            e.kind == NameKind.ORIGINAL_SCRIPT
            or fuzz.token_sort_ratio(latin_a, latin_b) >= CLOSE_ALIAS
        ):
            close.append(e)
    return close


def build_pairs(index: CandidateIndex, parties: int, seed: int = 7) -> list[TrainingPair]:
    """Positive and hard negative pairs for up to `parties` randomly chosen listed parties."""
    rng = random.Random(seed)
    by_party: dict[int, list[Entry]] = {}
    for entry in index.entries:
        by_party.setdefault(entry.party, []).append(entry)
    chosen = rng.sample(sorted(by_party), min(parties, len(by_party)))
    pairs: list[TrainingPair] = []
    for p in chosen:
        party, entries = index.parties[p], by_party[p]
        base = entries[0]
        query = _variation(base, party.schema, rng)
        pairs.append(TrainingPair(query, base, True, p))
        pairs += [TrainingPair(a.name, base, True, p) for a in _close_aliases(entries, base)[:2]]
        pairs += _negatives(index, query, p, base.prepared.latin)
        other = _other_person(index, base, rng)
        if other is not None:
            pairs.append(TrainingPair(other, base, False, p))
        if party.schema != Schema.PERSON and (bigger := _added_word(index, base, rng)):
            pairs.append(TrainingPair(bigger, base, False, p))
        stranger = _stranger(index, party.schema, p, rng)
        if stranger is not None:
            pairs.append(TrainingPair(stranger, base, False, p))
    return pairs


def _other_person(index: CandidateIndex, base: Entry, rng: random.Random) -> str | None:
    """The listed name with one identifying word replaced by a different real word that looks
    alike (Marcos -> Marquez) or, failing that, by another listed word: someone else."""
    tokens = list(base.prepared.tokens)
    core = [
        i
        for i, role in enumerate(base.prepared.roles)
        if role not in WEAK_ROLES and len(tokens[i]) > 2
    ]
    if len(tokens) < 2 or not core:
        return None
    i = rng.choice(core)
    near = _near_words(index, tokens[i])
    if near:
        tokens[i] = rng.choice(near)
    else:
        entry = index.entries[rng.randrange(len(index.entries))]
        words = [t for t in entry.prepared.core if len(t) > 2 and t != tokens[i]]
        if not words:
            return None
        tokens[i] = rng.choice(words)
    return " ".join(tokens)


def _added_word(index: CandidateIndex, base: Entry, rng: random.Random) -> str | None:
    """The listed organisation's name with another distinctive word in it: `Deutsche Bank Trust`
    is a different legal entity from `Deutsche Bank`, `Emma Daniels` is not `EMMA LLC`."""
    entry = index.entries[rng.randrange(len(index.entries))]
    words = [t for t in entry.prepared.core if len(t) > 3 and t not in base.prepared.tokens]
    if not words:
        return None
    tokens = list(base.prepared.core) or list(base.prepared.tokens)
    tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(words))
    return " ".join(tokens + list(base.prepared.legal_forms))


def _stranger(index: CandidateIndex, schema: Schema, p: int, rng: random.Random) -> str | None:
    """The name of a random other party of the same schema: the everyday non-match."""
    for _ in range(20):
        entry = index.entries[rng.randrange(len(index.entries))]
        if entry.party != p and index.parties[entry.party].schema == schema:
            return entry.name
    return None


def _near_words(index: CandidateIndex, token: str) -> list[str]:
    """Listed words spelled like `token` (sharing a deletion or metaphone key) but different."""
    found: set[str] = set()
    for key, _ in token_keys(token):
        for e in index.postings.get(key, ())[:40]:
            found.update(t for t in index.entries[e].prepared.tokens if t != token)
    # Lists hold many spellings of one name (Nevsky/Nevskiy): a look-alike that is a known
    # short form, a romanisation variant or one letter off may be the same name, so it is no
    # negative; a word further off is another name (Marcos/Marquez).
    return sorted(t for t in found if len(t) > 2 and _other_word(t, token))


def _other_word(a: str, b: str) -> bool:
    sim, why = token_similarity(a, b)
    return 0.5 <= sim < NEAR_WORD and why in (Why.SPELLING, Why.PHONETIC, Why.SKELETON)


def _negatives(index: CandidateIndex, query: str, p: int, own: str) -> list[TrainingPair]:
    party = index.parties[p]
    probe = prepare(query, name_kind(party.schema))
    priority = index.candidates(probe, 0.2)
    found = []
    for e in sorted(priority, key=lambda e: -priority[e]):
        entry = index.entries[e]
        other = index.parties[entry.party]
        if entry.party == p or other.source != party.source:
            continue
        # Parties of one list with (nearly) the same name are relatives, duplicates or the same
        # name reused: the name alone cannot tell them apart, so they teach a name model noise.
        if fuzz.token_sort_ratio(entry.prepared.latin, own) >= SAME_NAME:
            continue
        found.append(TrainingPair(query, entry, False, p))
        if len(found) >= 4:
            break
    return found


def vectors(
    index: CandidateIndex, pairs: list[TrainingPair], model: NameModel | None
) -> list[list[float]]:
    """Feature vectors, each from the renderings the model (or, untrained, coverage) likes best."""
    out = []
    for pair in pairs:
        schema = index.parties[pair.result.party].schema
        query = prepare(pair.query, name_kind(schema))
        out.append(_best_vector(query, pair.result.prepared, index, model))
    return out


def _best_vector(
    query: PreparedName, result: PreparedName, index: CandidateIndex, model: NameModel | None
) -> list[float]:
    best: tuple[float, list[float]] | None = None
    for q in renderings(query):
        for r in renderings(result):
            v = feature_vector(align(q, r, index.weights))
            key = model.logit(v, result.kind) if model else v[0] + v[1]
            if best is None or key > best[0]:
                best = (key, v)
    assert best is not None
    return best[1]


def fit(index: CandidateIndex, parties: int = 6000, seed: int = 7) -> NameModel:
    """Build pairs, fit the logistic regression twice (renderings re-chosen), pick the threshold."""
    from veracity.matching.fitting import fit_logistic

    pairs = build_pairs(index, parties, seed)
    kinds = [model_kind(p.result.prepared.kind) for p in pairs]
    labels, groups = [p.same for p in pairs], [p.group for p in pairs]
    model: NameModel | None = None
    for _ in range(2):
        model = fit_logistic(vectors(index, pairs, model), labels, groups, kinds, seed)
    assert model is not None
    model.info.update(
        {
            "pairs": len(pairs),
            "positives": sum(p.same for p in pairs),
            "parties": parties,
            "seed": seed,
            "features": list(FEATURE_NAMES),
            "sources": sorted({p.source for p in index.parties}),
        }
    )
    return model
