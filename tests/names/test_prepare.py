"""`prepare`: one name, ready for the matcher."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veracity.names import KINDS, PreparedName, Role, prepare


def roles(name: PreparedName) -> list[str]:
    return [role.value for role in name.roles]


def test_person_in_reversed_order() -> None:
    name = prepare("PUTIN, Vladimir Vladimirovich", "person")
    assert name.tokens == ("vladimir", "vladimirovich", "putin")
    assert roles(name) == ["given", "patronymic", "family"]
    assert name.latin == "vladimir vladimirovich putin"
    assert name.scripts == {"Latin"} and name.alternatives == ()


def test_swapped_names_keep_their_roles() -> None:
    # nomenklatura PR #344: "PUTIN, Vladimir" must not read as given name Putin.
    assert prepare("PUTIN, Vladimir", "person").roles == prepare("Vladimir Putin", "person").roles


def test_titles_dropped_and_kept_for_the_record() -> None:
    name = prepare("Dr. Nicolás Maduro Moros", "person")
    assert name.tokens == ("nicolas", "maduro", "moros")
    assert name.titles == ("dr",)
    assert roles(name) == ["given", "family", "family"]  # Spanish double surname


def test_cyrillic_person_has_the_passport_spelling_as_alternative() -> None:
    name = prepare("Захаров Никита Александрович", "person")
    assert name.tokens == ("zakharov", "nikita", "aleksandrovich")
    assert roles(name) == ["family", "given", "patronymic"]
    assert prepare("Юрий Иванов", "person").variants == ("iurii ivanov",)


def test_arabic_person() -> None:
    name = prepare("معمر القذافي", "person")
    assert name.tokens == ("mmr", "al", "qdhafi")
    assert name.skeletons == ("mr", "l", "ktf") == prepare("Muammar al-Qadhafi").skeletons[:3]
    assert name.scripts == {"Arabic"}
    assert name.alternatives[0].tokens == ("mmr", "al", "qzafi")


def test_korean_person() -> None:
    name = prepare("김정은", "person")
    assert roles(name) == ["family", "given", "given"]
    assert name.variants == ("kim jong un",)


def test_organisation() -> None:
    name = prepare("ООО «Беспилотные Системы»", "org")
    assert name.tokens == ("llc", "bespilotnye", "sistemy")
    assert name.legal_forms == ("llc",)
    assert name.core == ("bespilotnye", "sistemy")
    assert prepare("EMMA LLC", "org").core == ("emma",)
    assert prepare("11420 CORP.", "org").roles == (Role.NUMBER, Role.LEGAL_FORM)


def test_any_kind_finds_legal_forms_but_drops_no_titles() -> None:
    assert prepare("General Motors Corp").tokens == ("general", "motors", "corp")
    assert prepare("General Motors Corp").legal_forms == ("corp",)


def test_phonetic_keys_per_token() -> None:
    name = prepare("John Smith", "person")
    assert len(name.metaphones) == len(name.skeletons) == len(name.tokens) == 2
    assert name.metaphones == ("JN", "SM0")


def test_prepared_names_are_frozen_and_cached() -> None:
    name = prepare("Vladimir Putin", "person")
    assert prepare("Vladimir Putin", "person") is name
    with pytest.raises(dataclasses.FrozenInstanceError):
        name.latin = "x"  # type: ignore[misc]  # the point of the test


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        prepare("x", "vessel")


@given(st.text(), st.sampled_from(KINDS))
def test_prepare_never_crashes(text: str, kind: str) -> None:
    name = prepare(text, kind)
    assert len(name.tokens) == len(name.roles) == len(name.metaphones) == len(name.skeletons)
    assert all(token and " " not in token for token in name.tokens)
    for alternative in name.alternatives:
        assert alternative.alternatives == () and alternative.original == text
