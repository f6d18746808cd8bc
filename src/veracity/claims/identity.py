"""Who in the court records is the person a claim names, and how sure we are.

Cases are grouped into people by linkage (`veracity.linkage`), never by the records' own
`person_ref`: two dockets are one person when their names, birth dates, countries and states make
that at least `PersonConfig.same_person` likely. A claim is then scored against every person
with the same Fellegi–Sunter model, each agreement weighed by how common the name is (US Census
tables: agreeing on GARCIA is weak, on CORREIA strong; court_records.md §3.5).

The prior is one in the population of the states whose records were searched (a person detained
in Maine is one of 1.4 million, not of 331 million), from `data/state_population.csv`.

Full names are split into given names and surnames both ways a Hispanic double surname allows
(`Lucia Fernandez Ocampo`: surname `Ocampo`, or `Fernandez Ocampo`), and the better reading
counts (§3.2). The decision (§3.1, never on name alone):

- LINKED: one person at least `link_at` likely, corroborated by a birth date, a country or a
  state, and nobody else at least `candidate_at` likely;
- AMBIGUOUS: several people fit, or the best fit is not sure enough, or the claim gives nothing
  but a name that people in the records bear;
- NONE: nobody fits.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from veracity.claims.name_keys import blocking_keys, name_readings, person_readings
from veracity.claims.record import PersonRecord as Record
from veracity.claims.record import person_record
from veracity.linkage import (
    LinkConfig,
    LinkModel,
    NameFrequencies,
    PairScore,
    compare_persons,
    link,
)
from veracity.linkage import PersonRecord as LinkRecord
from veracity.linkage.defaults import US_POPULATION
from veracity.model.dates import PartialDate
from veracity.model.justice import Charge, Claim, CourtCase
from veracity.sources.court_records import group_cases

_NAME_FIELDS = ("given_name", "surname")
_CORROBORATING = ("birth_date", "birth_year", "country", "state")


class Linkage(StrEnum):
    """The outcome of looking for a claim's person in the records."""

    LINKED = "LINKED"
    AMBIGUOUS = "AMBIGUOUS"
    NONE = "NONE"


@dataclass(frozen=True, slots=True)
class PersonConfig:
    """Where the identity decisions draw their lines (documented defaults)."""

    link_at: float = 0.9
    """A claim is linked to a person at least this likely to be them."""
    candidate_at: float = 0.1
    """A person at least this likely is a candidate, and a second one makes the link ambiguous."""
    same_person: float = 0.9
    """Two cases are one person's when at least this likely; a wrong merge misstates a record."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person who may be the one named, with the probability and its reasons."""

    record: Record
    score: PairScore

    @property
    def probability(self) -> float:
        """The match probability."""
        return self.score.probability

    def contribution(self, name: str) -> float:
        """The bits one comparison added (0 when missing)."""
        return sum(c.bits for c in self.score.contributions if c.comparison == name)

    @property
    def name_agrees(self) -> bool:
        """Both the given name and the surname count for the match."""
        return all(self.contribution(n) > 0 for n in _NAME_FIELDS)

    @property
    def corroborated(self) -> bool:
        """Something besides the name agrees: a birth date or year, a country, a state."""
        return any(self.contribution(n) > 0 for n in _CORROBORATING)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: person key, names, probability, the explanation lines."""
        return {
            "person": self.record.key,
            "names": list(self.record.names),
            "probability": round(self.probability, 4),
            "explanation": self.score.explain(),
        }


@dataclass(frozen=True, slots=True)
class Identification:
    """The outcome for one claim: linked, ambiguous or none, with the candidates."""

    linkage: Linkage
    candidates: tuple[Candidate, ...]
    reason: str

    @property
    def record(self) -> Record | None:
        """The linked person's record (None unless LINKED)."""
        return self.candidates[0].record if self.linkage is Linkage.LINKED else None

    @property
    def confidence(self) -> float:
        """LINKED: the link's probability; NONE: that nobody fits; AMBIGUOUS: the best fit's."""
        best = self.candidates[0].probability if self.candidates else 0.0
        return 1.0 - best if self.linkage is Linkage.NONE else best

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: linkage, reason and candidates."""
        return {
            "linkage": self.linkage.value,
            "reason": self.reason,
            "candidates": [c.as_dict() for c in self.candidates],
        }


@dataclass
class PersonIndex:
    """The people of a set of court records, ready to be matched with claims."""

    people: list[Record]
    frequencies: NameFrequencies
    model: LinkModel
    config: PersonConfig = field(default_factory=PersonConfig)
    _readings: dict[str, list[LinkRecord]] = field(default_factory=dict, repr=False)
    _blocks: dict[str, set[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        charges: Iterable[Charge],
        frequencies: NameFrequencies | None = None,
        violent_definition: str = "usc_16a",
        config: PersonConfig | None = None,
    ) -> PersonIndex:
        """Group the charges into cases, and the cases into people by linkage."""
        config = config or PersonConfig()
        cases = group_cases(charges)
        freqs = frequencies or NameFrequencies({}, {})
        model = LinkModel.default().with_prior(1.0 / population({c.state for c in cases}))
        groups = _people(cases, freqs, model, config.same_person)
        people = [person_record(group, violent_definition) for group in groups]
        return cls(people, freqs, model, config)

    @property
    def states(self) -> frozenset[str]:
        """Every jurisdiction the records come from."""
        return frozenset(s for p in self.people for s in p.states)

    def identify(self, claim: Claim) -> Identification:
        """Look for the claim's person among the people of the records."""
        birth = PartialDate(claim.birth_year) if claim.birth_year else None
        country = claim.country or ""
        claimed = name_readings(
            claim.claim_id, claim.full_name, birth, country, "", self.frequencies
        )
        scored = [self._best(claimed, self.people[i]) for i in self._candidates(claimed)]
        scored.sort(key=lambda c: (-c.probability, c.record.key))
        return decide(scored, self.config)

    def _candidates(self, claimed: list[LinkRecord]) -> list[int]:
        """The people sharing a name key with the claim (`name_keys.blocking_keys`)."""
        if not self._blocks:
            for index, person in enumerate(self.people):
                for reading in self._person(person):
                    for key in blocking_keys(reading):
                        self._blocks.setdefault(key, set()).add(index)
        found = {i for r in claimed for k in blocking_keys(r) for i in self._blocks.get(k, ())}
        return sorted(found)

    def _person(self, person: Record) -> list[LinkRecord]:
        if person.key not in self._readings:
            self._readings[person.key] = person_readings(person, self.frequencies)
        return self._readings[person.key]

    def _best(self, claimed: list[LinkRecord], person: Record) -> Candidate:
        scores = (
            compare_persons(a, b, self.frequencies, self.model)
            for a in claimed
            for b in self._person(person)
        )
        return Candidate(person, max(scores, key=lambda s: s.probability))


def decide(scored: Sequence[Candidate], config: PersonConfig) -> Identification:
    """LINKED, AMBIGUOUS or NONE from the candidates, most likely first."""
    fits = [c for c in scored if c.probability >= config.candidate_at or c.name_agrees]
    if not fits:
        closest = f" (closest p={scored[0].probability:.3f})" if scored else ""
        return Identification(Linkage.NONE, (), f"nobody in the records fits{closest}")
    best, rivals = fits[0], [c for c in fits[1:] if c.probability >= config.candidate_at]
    if best.probability >= config.link_at and best.corroborated and not rivals:
        why = f"linked to {best.record.key} (p={best.probability:.3f})"
        return Identification(Linkage.LINKED, (best,), why)
    if not best.corroborated and best.name_agrees:
        why = f"only a name, borne by {len(fits)} people in the records; nothing else to tell"
    elif rivals:
        why = f"{len(rivals) + 1} people fit (p≥{config.candidate_at:g})"
    else:
        why = f"the best fit is not sure enough (p={best.probability:.3f} < {config.link_at:g})"
    return Identification(Linkage.AMBIGUOUS, tuple(fits), why)


def _people(
    cases: Sequence[CourtCase], freqs: NameFrequencies, model: LinkModel, same_person: float
) -> list[list[CourtCase]]:
    """Cases grouped into people: one linkage record a case, linked with the claims' model."""
    if len(cases) < 2:
        return [[c] for c in cases]
    records = [_case_record(i, case) for i, case in enumerate(cases)]
    config = LinkConfig(threshold=same_person, model=model, estimate=False)
    result = link(records, config=config, frequencies=freqs)
    return [[cases[int(i)] for i in cluster] for cluster in result.clusters]


def _case_record(index: int, case: CourtCase) -> LinkRecord:
    first = case.charges[0]
    base = LinkRecord.from_full_name(
        str(index), first.full_name, first.birth_date, first.state or ""
    )
    return replace(base, country=first.birth_country or "")


def name_frequencies(folder: Path | None) -> NameFrequencies | None:
    """The Census name tables in `folder` (surnames 2010 then 2020, first names), if any."""
    if folder is None:
        return None
    surnames = sorted(folder.glob("census_*surname*"))
    given = sorted(folder.glob("census_*first_name*"))
    return NameFrequencies.from_census(surnames, given) if surnames or given else None


def population(states: Iterable[str | None]) -> int:
    """The people living in these states (2020 Census); the US when none is known."""
    table = _populations()
    known = {s for s in states if s}
    total = sum(table.get(s, 0) for s in known)
    return total if known and all(s in table for s in known) else US_POPULATION


@cache
def _populations() -> dict[str, int]:
    text = resources.files("veracity.claims").joinpath("data", "state_population.csv")
    rows = [line for line in text.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {row["state"]: int(row["population"]) for row in csv.DictReader(rows)}
