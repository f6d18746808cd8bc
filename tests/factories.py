"""One-line factories for test records."""

from __future__ import annotations

from veracity.model import Name, NameKind, Party, Provenance, Schema


def party(
    schema: str = "Person",
    name: str = "John Smith",
    *aliases: str,
    id: str = "t:1",
    source: str = "t",
) -> Party:
    """A party with a primary name and aliases."""
    names = (Name(name), *(Name(a, NameKind.ALIAS) for a in aliases))
    return Party(id, source, Schema(schema), names, provenance=Provenance(source, "test.csv", 1))
