"""Reader for the GUR "War & Sanctions" component catalogue (components found in Russian weapons).

Input: the CSV copy described in shared/data/trade/PROVENANCE.md §2 (`components_dedup.csv`, a
de-duplicated scrape of https://war-sanctions.gur.gov.ua/en/components). It is read with the
strict helpers of `tabular`: a damaged file stops the read with a `SourceError`; a row that can be
parsed but not used becomes a `Reject` naming file, line and field, and the rest is still read.
Rows with no marking ("(unspecified)", 53% of the copy) or no identified maker are kept: they
still name a weapon, and count in statistics by brand or country; they just cannot match a part.

This is not a registered list `Source`: those yield listed parties for the store, while this
yields `Component` records for `screening.components`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from veracity.model.components import Component
from veracity.model.entity import Provenance, Reject
from veracity.sources.tabular import Row, read_rows

NAME = "gur_components"
FILE = "components_dedup.csv"
GUR_SITE = "https://war-sanctions.gur.gov.ua/"
NEEDED = (
    "component_id",
    "gur_component_number",
    "name_marking",
    "manufacturer",
    "manufacturer_country",
    "source_url",
    "found_in_drones",
    "weapon_as_published",
)

# The catalogue copy's placeholders for "GUR does not say": read as no value, not as a value.
_UNSPECIFIED = {"", "(unspecified)", "unknown", "not identified", "unk"}
_ALPHA2 = re.compile(r"[A-Z]{2}")


class _RowError(Exception):
    """A row cannot be used: which field, and why."""

    def __init__(self, field: str, error: str) -> None:
        super().__init__(error)
        self.field = field
        self.error = error


def read(path: Path) -> Iterator[Component | Reject]:
    """Yield a Component per usable row of the catalogue at `path` (the file or its folder)."""
    file = path / FILE if path.is_dir() else path
    seen: set[str] = set()
    for line, row in read_rows(file, needed=NEEDED):
        try:
            component = _component(row, Provenance(NAME, str(file), line))
            if component.id in seen:
                raise _RowError("component_id", f"duplicate component {component.id}")
        except _RowError as bad:
            yield Reject(NAME, str(file), line, bad.field, bad.error)
            continue
        seen.add(component.id)
        yield component


def _component(row: Row, provenance: Provenance) -> Component:
    number = _number(row["gur_component_number"])
    if row["component_id"] != f"gur-{number}":
        raise _RowError("component_id", f"{row['component_id']!r} is not gur-{number}")
    marking, manufacturer = _value(row["name_marking"]), _value(row["manufacturer"])
    weapon_ids = _weapon_ids(row["found_in_drones"])
    weapons = (row["weapon_as_published"],) if row["weapon_as_published"] else weapon_ids
    if not weapons:
        raise _RowError("weapon_as_published", "names no weapon")
    return Component(
        id=row["component_id"],
        gur_number=number,
        marking=marking,
        manufacturer=manufacturer,
        manufacturer_country=_country(row["manufacturer_country"]),
        weapons=weapons,
        source_url=_url(row["source_url"]),
        oem_part_number=_value(row.get("oem_part_number", "")),
        category=_value(row.get("category", "")),
        function=_value(row.get("function", "")),
        weapon_ids=weapon_ids,
        provenance=provenance,
    )


def _value(text: str) -> str | None:
    return None if text.casefold() in _UNSPECIFIED else text


def _number(text: str) -> int:
    if not (text.isdecimal() and text.isascii() and int(text) > 0):
        raise _RowError("gur_component_number", f"{text!r} is not a positive whole number")
    return int(text)


def _country(text: str) -> str | None:
    if _value(text) is None:
        return None
    if not _ALPHA2.fullmatch(text):
        raise _RowError("manufacturer_country", f"{text!r} is not an ISO alpha-2 code")
    return text


def _url(text: str) -> str:
    # The GUR page is the evidence a finding cites: a row pointing anywhere else cannot be cited.
    if not text.startswith(GUR_SITE):
        raise _RowError("source_url", f"{text!r} is not a page of {GUR_SITE}")
    return text


def _weapon_ids(text: str) -> tuple[str, ...]:
    try:
        ids = json.loads(text) if text else []
    except json.JSONDecodeError as exc:
        raise _RowError("found_in_drones", f"not JSON: {exc.msg}") from exc
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise _RowError("found_in_drones", "not a JSON list of weapon ids")
    return tuple(ids)
