"""Person records and their prepared form."""

from __future__ import annotations

from veracity.linkage import PersonRecord
from veracity.linkage.records import prepare
from veracity.model.dates import PartialDate


def test_full_name_reversed_with_a_comma() -> None:
    record = PersonRecord.from_full_name("r", "LOPEZ-CORTEZ, Maria José", PartialDate(1980))
    assert (record.given_names, record.surnames) == ("Maria José", "LOPEZ-CORTEZ")
    assert record.birth_date == PartialDate(1980)


def test_full_name_in_given_first_order() -> None:
    record = PersonRecord.from_full_name("r", "Maria Lopez")
    assert (record.given_names, record.surnames) == ("Maria", "Lopez")


def test_names_are_folded_and_particles_made_optional() -> None:
    prepared = prepare(PersonRecord("r", "Dr. María", "de la Rosa-Núñez"))
    assert prepared.given.tokens == ("maria",)  # title dropped, accent stripped
    assert prepared.surname.tokens == ("rosa", "nunez")
    assert prepared.surname.key == "delarosanunez"  # the Census form keeps the particles
    assert "rosanunes" not in prepared.surname.folded and "nunes" in prepared.surname.folded


def test_other_scripts_are_transliterated() -> None:
    assert prepare(PersonRecord("r", "Мухаммед", "Иванов")).surname.tokens == ("ivanov",)


def test_only_a_real_full_date_counts_as_full() -> None:
    def full(date: PartialDate) -> bool:
        return prepare(PersonRecord("r", birth_date=date)).birth_full

    assert full(PartialDate(1980, 5, 17))
    assert not full(PartialDate(1980, 1, 1))  # the placeholder
    assert not full(PartialDate(1980, 5))
    assert not full(PartialDate(1980, 5, 17, circa=True))


def test_text_fields_are_normalised_and_emails_kept_whole() -> None:
    record = PersonRecord(
        "r", place="Southend-on-Sea ", email=" Hannah88@Powers.com", extra={"postcode": "SW1A 1AA"}
    )
    assert prepare(record, ("postcode",)).texts == (
        "southend on sea",
        "",
        "",
        "hannah88@powers.com",
        "sw1a 1aa",
    )
