"""Findings: what a rule or a claim check concluded, and the evidence it rests on.

A finding never exists without its evidence (ARCHITECTURE.md): constructing one with none
raises. Each piece of evidence names the record and field it read, the value there, and the
outside source it was compared with (a list entry, a GUR page, a reference table).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Risk(StrEnum):
    """A shipment's decision, most severe first."""

    BLOCK = "block"
    ESCALATE = "escalate"
    REVIEW = "review"
    CLEAR = "clear"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact a finding rests on."""

    record: str
    """The record read, e.g. `shipment S-0001`."""
    field: str | None
    """The record's field, e.g. `consignee_name`."""
    value: str | None
    """What that field holds."""
    source: str | None = None
    """What it was compared with: a list entry id, a GUR page URL, a reference file."""
    detail: str | None = None
    """Anything else a reader needs: the matched name, the score's reasons."""


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that fired on a record: which rule, why, how strongly, on what evidence."""

    rule: str
    """The rule's id: `R01`…`R22`, `party_match`, `component_match`…"""
    title: str
    explanation: str
    """The rule's docstring: the sentence users read."""
    weight: float
    """How much the finding adds to the record's risk score (documented per rule)."""
    evidence: tuple[Evidence, ...]
    probability: float | None = None
    """For findings that rest on a match: the calibrated probability of the match."""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.evidence:
            raise ValueError(
                f"finding {self.rule!r} has no evidence; a finding never exists without it"
            )

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of a finding."""
        data = asdict(self)
        if not data["extra"]:
            del data["extra"]
        return data
