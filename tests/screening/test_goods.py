"""Goods codes: national code -> HS-6 -> CHPL entry, the shipped list against the shared copy."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from veracity.screening.goods import TIER_DEFINITIONS, chpl, chpl_items, hs6


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("85423190", "854231"),  # CN-8
        ("8542 31 90", "854231"),  # CN-8 as the EU prints it
        ("8542.31.0001", "854231"),  # HTS-10 with dots
        ("8542310000", "854231"),  # TARIC-10
        ("85423100003", "854231"),  # Taiwan CCC-11 (check digit last)
        ("854231", "854231"),
        (" 8471-50 ", "847150"),
    ],
)
def test_national_codes_give_their_hs6(code: str, expected: str) -> None:
    assert hs6(code) == expected


@pytest.mark.parametrize(
    "code", ["8542", "85423", "8542.3X.90", "", "1234567890123", "８５４２３１"]
)
def test_codes_that_are_not_goods_codes(code: str) -> None:
    assert hs6(code) is None


def test_the_list_has_50_codes_in_six_tiers() -> None:
    items = chpl_items()
    tiers = [item.tier for item in items.values()]
    assert len(items) == 50
    assert {t: tiers.count(t) for t in TIER_DEFINITIONS} == {
        "1": 4,
        "2": 5,
        "3.A": 16,
        "3.B": 9,
        "4.A": 11,
        "4.B": 5,
    }
    assert sorted(c for c, i in items.items() if i.highest_priority) == sorted(
        c for c, i in items.items() if i.tier in {"1", "2"}
    )


def test_a_tier_1_chip_and_a_code_off_the_list() -> None:
    item = chpl("8542.32.0071")
    assert item is not None
    assert (item.hs6, item.tier, item.highest_priority) == ("854232", "1", True)
    assert item.tier_definition.startswith("Highest concern")
    assert "memories" in item.description
    assert chpl("8542.90.00") is None  # parts of integrated circuits: not on the list
    assert chpl("0101.21") is None


def test_hs2017_codes_for_aircraft_parts_map_to_880730() -> None:
    for code in ("8803.30.0030", "88039090", "88073000"):
        item = chpl(code)
        assert item is not None
        assert (item.hs6, item.tier) == ("880730", "3.B")
    assert chpl("88031000") is None  # propellers and rotors: not mapped


@pytest.mark.shared
def test_every_code_and_tier_agrees_with_the_shared_reference(shared_data: Path) -> None:
    path = shared_data / "trade" / "reference" / "chpl_hs6.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    reference = {row["hs6"]: row["tier"] for row in rows}
    ours = {code: item.tier for code, item in chpl_items().items()}
    assert ours == reference
    best_practice = {row["hs6"] for row in rows if row["in_bis_9_hts_best_practice"] == "yes"}
    assert {c for c, i in chpl_items().items() if i.highest_priority} == best_practice


def test_the_shipped_list_cites_its_source() -> None:
    text = resources.files("veracity.screening").joinpath("data", "chpl_hs6.csv").read_text()
    assert "https://bis.gov/node/6280" in text
    assert "Annex XL" in text
