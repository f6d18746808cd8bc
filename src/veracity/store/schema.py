"""The store's tables. Only constants go into SQL text; every value is bound with `?`."""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL = [
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

# Tables whose rows belong to one version of one source: replaced whole on each load.
VERSIONED = ("parties", "names", "identifiers", "rejects")
