"""The GUR component catalogue: usable rows become Components, bad rows Rejects (line, field)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.exc import SourceError
from veracity.model.components import Component
from veracity.model.entity import Reject
from veracity.sources.gur_components import FILE, read

HEADER = (
    "component_id,name_marking,category,function,manufacturer,manufacturer_country,"
    "oem_part_number,found_in_drones,source_url,gur_component_number,weapon_as_published\n"
)
PAGE = "https://war-sanctions.gur.gov.ua/en/components/"


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / FILE
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_row_becomes_a_component(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"gur-17,Microcontroller STM32F405RGT6,mcu,,STMicroelectronics,CH,STM32F405RGT6,"
        f'"[""kh-101-missile""]",{PAGE}17,17,Kh-101 Missile',
    )
    (component,) = read(path)
    assert isinstance(component, Component)
    assert (component.id, component.gur_number) == ("gur-17", 17)
    assert component.marking == "Microcontroller STM32F405RGT6"
    assert (component.manufacturer, component.manufacturer_country) == ("STMicroelectronics", "CH")
    assert component.weapons == ("Kh-101 Missile",)
    assert component.weapon_ids == ("kh-101-missile",)
    assert component.source_url == f"{PAGE}17"
    assert component.category == "mcu"
    assert component.provenance is not None and component.provenance.line == 2


def test_placeholders_are_read_as_no_value_and_the_row_is_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f'gur-5,(unspecified),unknown,,Not identified,UNK,,"[""uav-shahed-131""]",{PAGE}5,5,',
    )
    (component,) = read(path)
    assert isinstance(component, Component)
    assert component.marking is component.manufacturer is component.manufacturer_country is None
    assert component.category is None
    assert component.weapons == ("uav-shahed-131",)  # no published name: the weapon's id


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (f'gur-6,X1,mcu,,TI,US,,"[]",{PAGE}6,six,W', "gur_component_number"),
        (f'gur-7,X1,mcu,,TI,US,,"[]",{PAGE}6,6,W', "component_id"),
        (f'gur-6,X1,mcu,,TI,USA,,"[]",{PAGE}6,6,W', "manufacturer_country"),
        ('gur-6,X1,mcu,,TI,US,,"[]",https://example.com/6,6,W', "source_url"),
        (f'gur-6,X1,mcu,,TI,US,,"[kh-101]",{PAGE}6,6,W', "found_in_drones"),
        (f'gur-6,X1,mcu,,TI,US,,"{{}}",{PAGE}6,6,W', "found_in_drones"),
        (f'gur-6,X1,mcu,,TI,US,,"[]",{PAGE}6,6,', "weapon_as_published"),
    ],
)
def test_unusable_rows_are_rejected_with_line_and_field(
    tmp_path: Path, row: str, field: str
) -> None:
    good = f'gur-9,X9,mcu,,TI,US,,"[]",{PAGE}9,9,W'
    records = list(read(write(tmp_path, good, row)))
    assert isinstance(records[0], Component)
    bad = records[1]
    assert isinstance(bad, Reject)
    assert (bad.line, bad.field, bad.source) == (3, field, "gur_components")


def test_a_repeated_component_is_rejected(tmp_path: Path) -> None:
    row = f'gur-9,X9,mcu,,TI,US,,"[]",{PAGE}9,9,W'
    first, second = read(write(tmp_path, row, row))
    assert isinstance(first, Component)
    assert isinstance(second, Reject) and second.field == "component_id"


def test_a_file_without_the_columns_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        list(read(path))
    assert error.value.field == "component_id"


@pytest.mark.shared
def test_the_real_catalogue(shared_data: Path) -> None:
    records = list(read(shared_data / "trade" / "gur_components"))
    components = [r for r in records if isinstance(r, Component)]
    assert len(records) == len(components) == 5806
    assert sum(c.marking is None for c in components) >= 3071  # "(unspecified)": kept
    assert sum(c.manufacturer_country == "TW" for c in components) == 164
    assert all(c.source_url.endswith(f"/{c.gur_number}") for c in components)
    assert all(c.weapons for c in components)
