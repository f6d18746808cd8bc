"""Person-name parts: titles, honorifics, particles, initials, patronymics, order, nicknames."""

from __future__ import annotations

import pytest

from veracity.names import (
    Role,
    given_name_keys,
    is_patronymic,
    person_roles,
    same_given_name,
    split_reversed,
    strip_titles,
)

G, F, P, PA, INI, H, OTH = (
    Role.GIVEN,
    Role.FAMILY,
    Role.PATRONYMIC,
    Role.PARTICLE,
    Role.INITIAL,
    Role.HONORIFIC,
    Role.OTHER,
)


def roles(
    name: str, family_from: int | None = None, hispanic: bool = False, family_first: bool = False
) -> tuple[Role, ...]:
    return person_roles(tuple(name.split()), family_from, hispanic, family_first)


def test_titles_are_dropped_from_the_start_only() -> None:
    assert strip_titles(("dr", "general", "ali", "hassan")) == (
        ("ali", "hassan"),
        ("dr", "general"),
    )
    assert strip_titles(("john", "major")) == (("john", "major"), ())  # John Major
    assert strip_titles(("john", "smith", "jr")) == (("john", "smith"), ("jr",))
    assert strip_titles(("colonel",)) == (("colonel",), ())  # never drop the whole name


def test_honorifics_are_kept_and_tagged() -> None:
    # UN/UK lists carry them as name parts: HAJI KHAIRULLAH HAJI SATTAR.
    assert roles("haji khairullah haji sattar") == (H, G, H, F)


def test_reversed_order_with_a_comma() -> None:
    assert split_reversed("PUTIN, Vladimir Vladimirovich") == ("PUTIN", "Vladimir Vladimirovich")
    assert split_reversed("MADURO MOROS, Nicolas") == ("MADURO MOROS", "Nicolas")
    assert split_reversed("John Smith, Jr.") is None
    assert split_reversed("Vladimir Putin") is None
    assert split_reversed("A, B, C") is None


def test_family_from_a_comma() -> None:
    # "MADURO MOROS, Nicolas" prepared as "nicolas maduro moros" with family from index 1.
    assert roles("nicolas maduro moros", family_from=1) == (G, F, F)


def test_patronymic_orders() -> None:
    assert roles("vladimir vladimirovich putin") == (G, P, F)
    assert roles("putin vladimir vladimirovich") == (F, G, P)  # Russian documents' order
    assert roles("svetlana nikolaevna zakharova") == (G, P, F)
    assert roles("roman abramovich") == (G, F)  # a surname in -ovich, not a patronymic
    assert is_patronymic("volodymyrivna") and not is_patronymic("ulrich")


def test_arabic_particles_and_patronymic() -> None:
    assert roles("mohammed bin salman al saud") == (G, PA, P, PA, F)
    assert roles("osama bin laden") == (G, PA, F)
    assert roles("abd ar rahman") == (G, PA, F)  # assimilated article before r
    assert roles("khan ar smith")[1] != PA  # `ar` before a non-r word is not an article


def test_initials() -> None:
    assert roles("ron l hubbard") == (G, INI, F)
    assert roles("l ron hubbard") == (INI, G, F)


def test_middle_names_and_double_surnames() -> None:
    assert roles("john fitzgerald kennedy") == (G, OTH, F)  # unknown: middle name or surname
    assert roles("john william smith") == (G, G, F)  # a known given name
    assert roles("nicolas maduro moros", hispanic=True) == (G, F, F)
    assert roles("ludwig van beethoven") == (G, PA, F)


def test_family_first_scripts() -> None:
    assert roles("xi jin ping", family_first=True) == (F, G, G)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("jon", "john"),  # nomenklatura#366: 0.50 for Jon Smith ~ John Smith
        ("ann", "anne"),
        ("bill", "william"),
        ("bob", "robert"),
        ("alex", "aleksandr"),
        ("oleksandr", "alexander"),
        ("mohammed", "mohd"),
        ("muhammad", "mohamed"),
        ("yusuf", "joseph"),
        ("yousef", "yusuf"),
    ],
)
def test_same_given_name(a: str, b: str) -> None:
    assert same_given_name(a, b)


def test_different_given_names() -> None:
    assert not same_given_name("john", "ivan")
    assert not same_given_name("ahmed", "mohammed")
    assert given_name_keys("qadhafi") == frozenset()
    assert given_name_keys("alex") == {"alexander", "alexandra"}
