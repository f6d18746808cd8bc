"""Screened shipments as table rows and back: every Shipment field, its decision, its origin.

A date is kept as ISO text at its own precision (`2024`, `2024-05`, `2024-05-17`) with its
`circa` flag, and beside it the first day it can mean (`date_first`), which look-backs filter
and sort on. `transit_countries` is a list in route order; `extra` (the file's other columns, in
file order) and the findings are JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from veracity.model import PartialDate, Provenance, Shipment
from veracity.store.base import ScreenedRecord

PLAIN = (
    "shipment_id",
    "exporter_name",
    "exporter_country",
    "consignee_name",
    "consignee_country",
    "consignee_address",
    "end_user_name",
    "end_user_country",
    "destination_country",
    "hs_code",
    "description",
    "manufacturer",
    "part_number",
    "quantity",
    "unit_value",
    "currency",
    "payer_name",
    "payer_country",
    "end_user_statement",
    "no_russia_clause",
)
"""Shipment fields stored as they are, one column each."""

SPECIAL = ("date", "transit_countries", "extra", "provenance")
"""Shipment fields stored in a shape of their own (see the module docstring)."""

PROVENANCE = ("source", "path", "line", "element", "list_date")
"""The `Provenance` fields, one column each: the input file and line of the shipment."""

COLUMNS = (*PLAIN, "date", "date_circa", "transit_countries", "extra", *PROVENANCE)
"""The columns a `Shipment` is rebuilt from, in the order `shipment_from_row` reads them."""

_TYPES = {
    "quantity": pa.float64(),
    "unit_value": pa.float64(),
    "end_user_statement": pa.bool_(),
    "no_russia_clause": pa.bool_(),
    "date_circa": pa.bool_(),
    "date_first": pa.date32(),
    "transit_countries": pa.list_(pa.string()),
    "line": pa.int32(),
    "position": pa.int32(),
    "screened_at": pa.timestamp("us"),
    "score": pa.float64(),
}


def first_day(when: PartialDate) -> date:
    """The first day a partial date can mean (a year-only date is its 1 January)."""
    return date(when.year, when.month or 1, when.day or 1)


def screened_table(screened_at: datetime, items: Sequence[ScreenedRecord]) -> pa.Table:
    """The rows of `screened_shipments` for one run, but its `run_id`, column by column."""
    ships = [item.shipment for item in items]
    dates = [s.date for s in ships]
    provenance = [s.provenance for s in ships]
    values: dict[str, list[Any]] = {name: [getattr(s, name) for s in ships] for name in PLAIN}
    values |= {
        "position": list(range(len(items))),
        "screened_at": [screened_at] * len(items),
        "date": [d.iso() if d else None for d in dates],
        "date_circa": [d.circa if d else None for d in dates],
        "date_first": [first_day(d) if d else None for d in dates],
        "transit_countries": [list(s.transit_countries) for s in ships],
        "extra": [json.dumps(dict(s.extra), ensure_ascii=False) for s in ships],
        "risk": [item.risk for item in items],
        "score": [item.score for item in items],
        "findings": [json.dumps(list(item.findings), ensure_ascii=False) for item in items],
    }
    for name in PROVENANCE:
        values[name] = [getattr(p, name) if p else None for p in provenance]
    return pa.table(
        {
            name: pa.array(column, type=_TYPES.get(name, pa.string()))
            for name, column in values.items()
        }
    )


def shipment_from_row(row: Sequence[Any]) -> Shipment:
    """The `Shipment` a row of `COLUMNS` was made from."""
    values = dict(zip(COLUMNS, row, strict=True))
    iso, circa = values.pop("date"), values.pop("date_circa")
    origin = [values.pop(name) for name in PROVENANCE]
    return Shipment(
        date=PartialDate.from_iso(iso, bool(circa)) if iso else None,
        transit_countries=tuple(values.pop("transit_countries")),
        extra=tuple(json.loads(values.pop("extra")).items()),
        provenance=Provenance(*origin) if origin[0] is not None else None,
        **values,
    )
