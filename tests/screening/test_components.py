"""Part markings normalised and matched: exact, base part, makers that agree or conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.model.components import Component
from veracity.screening.components import (
    ComponentIndex,
    manufacturers_agree,
    marking_parts,
    normalise_part,
)
from veracity.sources.gur_components import read


def component(number: int, marking: str | None, maker: str | None, weapon: str) -> Component:
    url = f"https://war-sanctions.gur.gov.ua/en/components/{number}"
    return Component(f"gur-{number}", number, marking, maker, None, (weapon,), url)


INDEX = ComponentIndex.build(
    [
        component(1, "Microcontroller STM32F405", "STMicroelectronics", "Kh-101 Missile"),
        component(
            2,
            "Transceiver MAX3223E #2126 5464",
            "Maxim Integrated Products (Analog Devices)",
            "Orlan-10",
        ),
        component(3, "Digital accelerometer ADXL 345", "Analog Devices", "Shahed-136"),
        component(4, "Amplifier LM358", "Texas Instruments", "Kalibr"),
        component(5, None, "Texas Instruments", "Kalibr"),
        component(6, "Microprocessor XILINX ZYNQ XC7Z020 CLG484", "Xilinx Inc. (AMD)", "Kh-59"),
    ]
)


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("stm32f405rgt6", "STM32F405RGT6"),
        ("STM32F405RGT6TR", "STM32F405RGT6"),  # ST reel, straight after the grade digit
        ("LM2596S-5.0/NOPB", "LM2596S50"),
        ("ADM3222ARUZ-REEL7", "ADM3222ARUZ"),
        ("AD8138ARZ-R7", "AD8138ARZ"),
        ("LT1763CS8#TRPBF", "LT1763CS8"),
        ("MAX3232ECUE+T", "MAX3232ECUE"),
        ("PIC16F690-I/SO", "PIC16F690"),
        ("SI2301CDS-T1-GE3", "SI2301CDST1"),
        ("ATMEGA328P-PU-ND", "ATMEGA328PPU"),
        ("511-STM32F405RGT6", "STM32F405RGT6"),  # Mouser maker code
        ("MAX 3223 E", "MAX3223E"),
        ("АD620", "AD620"),  # a Cyrillic А typed for the Latin A
    ],
)
def test_normalise_part(written: str, normalised: str) -> None:
    assert normalise_part(written) == normalised


def test_marking_parts_drop_words_values_and_lot_codes() -> None:
    assert marking_parts("Transceiver MAX3223E #2126 5464") == ("MAX3223E",)
    assert marking_parts("Electrolytic capacitor 16V 330µF") == ()
    assert marking_parts("RS-422 driver, 8-SOIC, 8-channel MAX3045") == ("MAX3045",)
    assert marking_parts("Digital accelerometer ADXL 345") == ("ADXL345",)


def test_exact_match_names_the_weapon_and_the_page() -> None:
    (match,) = INDEX.match("Maxim", "MAX3223E")
    assert (match.kind, match.part, match.manufacturer_agrees) == ("exact", "MAX3223E", True)
    assert "Orlan-10" in match.explanation
    assert "war-sanctions.gur.gov.ua/en/components/2" in match.explanation


def test_an_ordered_part_extends_the_base_marking() -> None:
    (match,) = INDEX.match("ST Micro", "STM32F405RGT6")
    assert (match.kind, match.part, match.component.id) == ("base_part", "STM32F405", "gur-1")
    assert "extends the marking STM32F405" in match.explanation
    assert [m.kind for m in INDEX.match("ADI", "ADXL345BCCZ-RL7")] == ["base_part"]


def test_a_base_part_does_not_continue_a_number() -> None:
    assert INDEX.match("TI", "LM3580") == []  # another part, not an LM358
    assert [m.part for m in INDEX.match("TI", "LM358DR")] == ["LM358"]
    assert [m.part for m in INDEX.match("AMD", "XC7Z020-1CLG400C")] == ["XC7Z020"]  # speed grade


def test_a_maker_mismatch_forbids_a_base_part_but_not_an_exact_match() -> None:
    assert INDEX.match("Texas Instruments", "STM32F405RGT6") == []
    (match,) = INDEX.match("Texas Instruments", "STM32F405")
    assert (match.kind, match.manufacturer_agrees) == ("exact", False)
    assert "GUR names the maker STMicroelectronics" in match.explanation
    (unknown,) = INDEX.match(None, "STM32F405RGT6")
    assert unknown.manufacturer_agrees is None


def test_short_or_unmarked_queries_match_nothing() -> None:
    assert INDEX.match("TI", "") == []
    assert INDEX.match("TI", "LM35") == []
    assert "gur-5" not in {m.component.id for m in INDEX.match("TI", "LM358")}


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("ST", "STMicroelectronics", True),
        ("STM", "STMicroelectronics", True),
        ("TI", "National Semiconductor (Texas Instruments)", True),
        ("ADI", "Linear Technology Corporation (Analog Devices)", True),
        ("Xilinx", "AMD", True),
        ("AMD", "Xilinx Inc. (AMD)", True),
        ("Microchip", "Microchip Technology Inc.", True),
        ("onsemi", "ON Semiconductor (ONSEMI)", True),
        ("Texas Instruments", "STMicroelectronics", False),
        ("Analog Devices", "Analog Microelectronics", False),
        ("", "Texas Instruments", None),
        ("Texas Instruments", "Not identified", None),
    ],
)
def test_manufacturers_agree(first: str, second: str, agree: bool | None) -> None:
    assert manufacturers_agree(first, second) is agree
    assert manufacturers_agree(second, first) is agree


@pytest.mark.shared
def test_real_markings_match(shared_data: Path) -> None:
    components = [
        c for c in read(shared_data / "trade" / "gur_components") if isinstance(c, Component)
    ]
    index = ComponentIndex.build(components)
    found = index.match("STMicroelectronics", "STM32F405RGT6")
    exact = [m for m in found if m.kind == "exact"]
    assert (len(exact), len(found)) == (4, 18)  # measured on the 2026-06-13 copy
    assert found[: len(exact)] == exact  # exact matches come first
    assert {m.part for m in found if m.kind == "base_part"} >= {"STM32F405"}
    assert all(
        m.component.source_url.startswith("https://war-sanctions.gur.gov.ua/") for m in exact
    )
    reel = index.match("STM", "STM32F405RGT6TR")
    assert {m.component.id for m in reel} == {m.component.id for m in found}
    base = index.match("Analog Devices", "ADM3222ARUZ-REEL7")
    assert (
        base and {m.kind for m in base} == {"base_part"} and {m.part for m in base} == {"ADM3222"}
    )
    assert index.match("Intel", "EP4CGX150CF23I7N")[0].kind == "exact"
    assert index.match("Texas Instruments", "ADM3222ARUZ") == []  # base part, other maker
