"""A claimed share of detainees against ICE's series: which definition must the claim be using?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from veracity.claims.ice import Series, Snapshot, percent


class Definition(StrEnum):
    """What a claimed share of detainees can be counting (research/court_records.md §1.1, §1.5)."""

    CONVICTED = "convicted"
    CONVICTED_OR_PENDING = "convicted or pending charges"
    NO_CONVICTION = "no conviction"
    NEITHER = "neither"

    @property
    def meaning(self) -> str:
        """What the definition counts, and whose definition it is."""
        return _DEFINED[self][1]

    def share(self, s: Snapshot) -> float:
        """This definition's share of `s`, in percent."""
        return float(getattr(s, _DEFINED[self][0]))


_DEFINED = {
    Definition.CONVICTED: ("pct_convicted", "Convicted Criminal: a US criminal conviction"),
    Definition.CONVICTED_OR_PENDING: (
        "pct_convicted_or_pending",
        "ICE's headline 'criminal': a conviction or a pending charge (FY2024 annual report)",
    ),
    Definition.NO_CONVICTION: (
        "pct_no_conviction",
        "TRAC's 'no criminal conviction': pending charges or neither (100% - convicted)",
    ),
    Definition.NEITHER: (
        "pct_other",
        "Other Immigration Violator: no conviction and no pending charge",
    ),
}


CRIMINAL = (Definition.CONVICTED, Definition.CONVICTED_OR_PENDING)
"""The definitions a claim that "X% are criminals" can be using."""
NOT_CRIMINAL = (Definition.NO_CONVICTION, Definition.NEITHER)
"""The definitions a claim that "X% have no criminal record" can be using."""


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A claimed share against the series' table nearest to the day of the claim."""

    claimed: float
    """The claimed share, in percent."""
    claimed_on: date
    snapshot: Snapshot
    shares: dict[Definition, float]
    """Each candidate definition's share at `snapshot`, in percent."""
    matches: tuple[Definition, ...]
    """The definitions within the tolerance of the claim, closest first."""
    verdict: str


def check_claim(
    series: Series,
    claimed: float,
    on: date,
    definitions: Sequence[Definition] = CRIMINAL,
    tolerance: float = 2.0,
) -> ClaimCheck:
    """Which definition a claimed share (in percent) must be using, at the nearest table."""
    # The series counts people held on a day, not arrests: a claim about arrests ("70% of those
    # arrested are criminals") compares with it only approximately; the verdict names the table.
    s = series.nearest(on)
    shares = {d: d.share(s) for d in definitions}
    matches = tuple(
        sorted((d for d in definitions if abs(shares[d] - claimed) <= tolerance),
               key=lambda d: abs(shares[d] - claimed))
    )  # fmt: skip
    figures = ", ".join(f"{d} {percent(v)}%" for d, v in shares.items())
    when = f"ICE's table of {s.as_of} ({s.total:,} detained)"
    if matches:
        verdict = f"{claimed:g}% matches the share '{matches[0]}' in {when}: {figures}."
    elif claimed > max(shares.values()):
        verdict = f"{claimed:g}% exceeds every definition in {when}: {figures}."
    elif claimed < min(shares.values()):
        verdict = f"{claimed:g}% is below every definition in {when}: {figures}."
    else:
        verdict = f"{claimed:g}% matches no definition in {when}: {figures}."
    return ClaimCheck(claimed, on, s, shares, matches, verdict)
