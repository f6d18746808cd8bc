"""How the claims checker reads names: the ways to split a full name, and blocking keys.

A full name without a comma can hide a double surname (`Lucia Fernandez Ocampo`), so it is read
both ways when its middle word is more often a surname than a given name in the Census tables.
Blocking keys decide which people a claim is scored against at all: a person sharing no key
with the claim (no word, no word's first three letters, no sound of a word in common) cannot
reach the name agreement a candidate needs, and is not compared.
"""

from __future__ import annotations

from dataclasses import replace

from veracity.claims.record import PersonRecord as Record
from veracity.linkage import NameFrequencies
from veracity.linkage import PersonRecord as LinkRecord
from veracity.linkage.frequencies import GIVEN, SURNAME
from veracity.linkage.records import fold_zs, name_tokens, prepare
from veracity.model.dates import PartialDate
from veracity.names.phonetic import metaphone


def blocking_keys(record: LinkRecord) -> set[str]:
    """A record's name keys: each word (Z read as S), its first three letters, its sound."""
    prepared = prepare(record)
    keys: set[str] = set()
    for token in (*prepared.given.tokens, *prepared.surname.tokens):
        if len(token) > 1:
            folded = fold_zs(token)
            keys |= {f"w:{folded}", f"p:{folded[:3]}", f"m:{metaphone(token)}"}
    return keys


def name_readings(
    id: str,
    name: str,
    birth: PartialDate | None,
    country: str,
    state: str,
    frequencies: NameFrequencies,
) -> list[LinkRecord]:
    """The ways to read a full name into given names and surnames: `FAMILY, Given` one way;
    `Given Middle Family` also as a double surname `Middle Family` when the Census holds
    `Middle` as a surname at least as often as a given name (`Lucia Fernandez Ocampo`, not
    `Jose Luis Garcia`)."""
    base = LinkRecord.from_full_name(id, name, birth, state)
    found = [replace(base, country=country)]
    parts = name.split()
    if "," not in name and len(parts) >= 3 and _surname_like(parts[-2], frequencies):
        given, family = " ".join(parts[:-2]), " ".join(parts[-2:])
        found.append(replace(base, given_names=given, surnames=family, country=country))
    return found


def _surname_like(token: str, frequencies: NameFrequencies) -> bool:
    """Whether a middle name is more likely a first surname than a second given name."""
    key = "".join(name_tokens(token))
    as_surname = frequencies.frequency(SURNAME, key)
    as_given = frequencies.frequency(GIVEN, key)
    if as_surname is None or as_given is None:
        return True  # no tables: read it both ways, the better reading counts
    return as_surname >= as_given


def person_readings(person: Record, frequencies: NameFrequencies) -> list[LinkRecord]:
    found: list[LinkRecord] = []
    seen: set[tuple[str, str, str, str]] = set()
    for reading in person.charges:
        c = reading.charge
        key = (c.full_name, str(c.birth_date), c.birth_country or "", c.state or "")
        if key not in seen:
            seen.add(key)
            found += name_readings(
                person.key, c.full_name, c.birth_date, key[2], key[3], frequencies
            )
    return found
