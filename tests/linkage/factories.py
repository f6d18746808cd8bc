"""One-line person records, and a seeded generator of duplicated people (an oracle for EM)."""

from __future__ import annotations

import random
from dataclasses import replace

from veracity.linkage import PersonRecord
from veracity.linkage.records import TEXT_FIELDS, Prepared, prepare
from veracity.model.dates import PartialDate


def person(
    id: str = "1",
    given: str = "John",
    surname: str = "Smith",
    dob: str | None = "1980-05-17",
    **fields: str,
) -> PersonRecord:
    """A person record; `dob` is ISO at any precision (`1980`, `1980-05-17`) or None; fields
    other than place, state, country and email go into `extra`."""
    birth = PartialDate.from_iso(dob) if dob else None
    extra = {k: v for k, v in fields.items() if k not in TEXT_FIELDS}
    texts = {k: fields.get(k, "") for k in TEXT_FIELDS}
    return PersonRecord(id, given, surname, birth, **texts, extra=extra)


def prepared(given: str = "John", surname: str = "Smith", dob: str | None = None) -> Prepared:
    """A prepared record (what the comparisons read)."""
    return prepare(person("p", given, surname, dob))


# fmt: off
GIVEN = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "david",
         "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
         "sarah", "charles", "karen", "daniel", "nancy", "matthew", "lisa", "anthony", "betty"]
SURNAMES = ["smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
            "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson",
            "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson", "white",
            "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young",
            "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green"]
CITIES = ["austin", "dallas", "houston", "el paso", "laredo", "waco", "tyler", "odessa"]
# fmt: on


def _typo(rng: random.Random, word: str) -> str:
    """One adjacent transposition, deletion or substitution."""
    i = rng.randrange(len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]


def _zipf(rng: random.Random, names: list[str]) -> str:
    return rng.choices(names, weights=[1 / (rank + 1) for rank in range(len(names))])[0]


def _copy(rng: random.Random, record: PersonRecord) -> PersonRecord:
    """A second record of the same person, with the errors records of one person show."""
    given, surname, birth = record.given_names, record.surnames, record.birth_date
    if rng.random() < 0.15:
        given = _typo(rng, given)
    if rng.random() < 0.15:
        surname = _typo(rng, surname)
    if rng.random() < 0.05:
        given, surname = surname, given
    if birth is not None and rng.random() < 0.1:
        birth = replace(birth, day=max(1, min(28, (birth.day or 1) + rng.choice((-2, -1, 1, 2)))))
    place = "" if rng.random() < 0.2 else record.place
    return replace(record, given_names=given, surnames=surname, birth_date=birth, place=place)


def population(people: int, seed: int) -> tuple[list[PersonRecord], dict[str, int]]:
    """Records of `people` people (1 to 3 records each) and each record's true person."""
    rng = random.Random(seed)
    records: list[PersonRecord] = []
    truth: dict[str, int] = {}
    for who in range(people):
        birth = PartialDate(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
        first = PersonRecord("", _zipf(rng, GIVEN), _zipf(rng, SURNAMES), birth,
                             place=rng.choice(CITIES))  # fmt: skip
        for copy in range(rng.choice((1, 2, 2, 3))):
            record = replace(first if copy == 0 else _copy(rng, first), id=f"{who}-{copy}")
            records.append(record)
            truth[record.id] = who
    return records, truth
