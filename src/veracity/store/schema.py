"""The store's tables. Only constants go into SQL text; every value is bound with `?`.

The schema is versioned: `meta.schema_version` says which of `MIGRATIONS` a store has had, and
opening a store applies the missing ones in order, in one transaction, so an older store
upgrades in place (or not at all) and a new store is built by the same steps. A migration that
has shipped is never edited; a change to the schema is a new one.
"""

from __future__ import annotations

# The tables of version 1: list data, its live versions and its load history.
LIST_TABLES = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    # One row per source: the version that is live now.
    """CREATE TABLE IF NOT EXISTS sources (
        source VARCHAR PRIMARY KEY,
        version INTEGER NOT NULL,
        checksum VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        list_date VARCHAR,
        loaded_at TIMESTAMP NOT NULL,
        parties INTEGER NOT NULL,
        names INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        orphans INTEGER NOT NULL
    )""",
    # Every load attempt that reached the store: loaded or unchanged.
    """CREATE TABLE IF NOT EXISTS load_history (
        source VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        status VARCHAR NOT NULL,
        checksum VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        list_date VARCHAR,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        parties INTEGER NOT NULL,
        names INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        orphans INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS parties (
        source VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        schema VARCHAR NOT NULL,
        caption VARCHAR NOT NULL,
        data VARCHAR NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS names (
        source VARCHAR NOT NULL,
        party_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS identifiers (
        source VARCHAR NOT NULL,
        party_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        country VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS rejects (
        source VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        path VARCHAR NOT NULL,
        line VARCHAR,
        field VARCHAR,
        error VARCHAR NOT NULL,
        orphan BOOLEAN NOT NULL
    )""",
]

# Version 2: screening runs and the shipments they screened, the history of the history rules
# (R15-R17, R20) across runs. A shipment screened again is a new row: its versions are kept.
SCREENING_TABLES = [
    """CREATE TABLE IF NOT EXISTS screening_runs (
        run_id INTEGER PRIMARY KEY,
        path VARCHAR NOT NULL,
        screened_at TIMESTAMP NOT NULL,
        shipments INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        by_risk VARCHAR NOT NULL
    )""",
    # Every Shipment field (model/trade.py), the decision, and where the row came from.
    """CREATE TABLE IF NOT EXISTS screened_shipments (
        run_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        screened_at TIMESTAMP NOT NULL,
        shipment_id VARCHAR NOT NULL,
        date VARCHAR,
        date_circa BOOLEAN,
        date_first DATE,
        exporter_name VARCHAR,
        exporter_country VARCHAR,
        consignee_name VARCHAR,
        consignee_country VARCHAR,
        consignee_address VARCHAR,
        end_user_name VARCHAR,
        end_user_country VARCHAR,
        destination_country VARCHAR,
        transit_countries VARCHAR[] NOT NULL,
        hs_code VARCHAR,
        description VARCHAR,
        manufacturer VARCHAR,
        part_number VARCHAR,
        quantity DOUBLE,
        unit_value DOUBLE,
        currency VARCHAR,
        payer_name VARCHAR,
        payer_country VARCHAR,
        end_user_statement BOOLEAN,
        no_russia_clause BOOLEAN,
        extra VARCHAR NOT NULL,
        source VARCHAR,
        path VARCHAR,
        line INTEGER,
        element VARCHAR,
        list_date VARCHAR,
        risk VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        findings VARCHAR NOT NULL
    )""",
]
# No index on date_first: DuckDB's per-block min/max (zone maps) serve the range filter of a
# look-back, while an ART index would slow every bulk insert.

MIGRATIONS: dict[int, list[str]] = {1: LIST_TABLES, 2: SCREENING_TABLES}
"""The statements that bring a store from the version before to this one."""

SCHEMA_VERSION = max(MIGRATIONS)

# Tables whose rows belong to one version of one source: replaced whole on each load.
VERSIONED = ("parties", "names", "identifiers", "rejects")
