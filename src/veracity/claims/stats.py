"""Aggregate figures over a set of verdicts, and how they compare with a share an agency claimed.

Figures count people, not claims or charges: two claims linked to one person count once
(research note §3.7: arrests are events, not people). The denominators are stated with every
share, because they change the story:

- `identified`: claims linked to exactly one person in the records;
- `searched`: identified claims plus those with no record found (the ambiguous are excluded:
  nobody knows whose record they are).

"No conviction" counts a person with no record found as not convicted, which is what a search
can say; in a jurisdiction that hides non-convictions (Maine) it cannot tell dismissed from
never charged, and the report says so next to the figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from veracity.claims.verify import ClaimVerdict, Verdict
from veracity.model.justice import Severity, Status


@dataclass(frozen=True, slots=True)
class Share:
    """A count out of a denominator, with what the denominator is."""

    count: int
    of: int
    denominator: str

    @property
    def percent(self) -> float | None:
        """The share in percent, or None when nothing was counted."""
        return round(100.0 * self.count / self.of, 1) if self.of else None

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: count, of, percent, denominator."""
        return {
            "count": self.count,
            "of": self.of,
            "percent": self.percent,
            "denominator": self.denominator,
        }


@dataclass(frozen=True, slots=True)
class ClaimStats:
    """Counts and shares for one set of verdicts."""

    claims: int
    by_verdict: dict[str, int]
    by_status: dict[str, int]
    by_severity: dict[str, int]
    shares: dict[str, Share]
    claimed: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape of the figures."""
        return {
            "claims": self.claims,
            "by_verdict": self.by_verdict,
            "by_status": self.by_status,
            "by_severity": self.by_severity,
            "shares": {k: v.as_dict() for k, v in self.shares.items()},
            "claimed": self.claimed,
        }


def claim_stats(verdicts: Iterable[ClaimVerdict], claimed_share: float | None = None) -> ClaimStats:
    """Figures for `verdicts`; `claimed_share` (0–1) is the share the agency said were criminal."""
    items = list(verdicts)
    people = _people(items)
    none_found = sum(v.verdict is Verdict.NO_RECORD_FOUND for v in items)
    statuses = Counter(p.status.value for p in people.values())
    statuses[Status.NO_RECORD_FOUND.value] += none_found
    severities = Counter(p.most_serious.value for p in people.values())
    searched = len(people) + none_found
    shares = _shares(people, searched)
    claimed = _against_claim(shares, claimed_share) if claimed_share is not None else {}
    return ClaimStats(
        claims=len(items),
        by_verdict=dict(Counter(v.verdict.value for v in items)),
        by_status=dict(statuses),
        by_severity=dict(severities),
        shares=shares,
        claimed=claimed,
    )


def _people(items: list[ClaimVerdict]) -> dict[str, Any]:
    return {v.record.key: v.record for v in items if v.record is not None}


def _shares(people: dict[str, Any], searched: int) -> dict[str, Share]:
    records = list(people.values())
    denominator = "people identified in the records or searched without a record found"
    convicted = sum(p.state_law_conviction for p in records)
    pending = sum(not p.state_law_conviction and p.status is Status.PENDING for p in records)
    violent = sum(p.most_serious.violent for p in records)
    felony = sum(p.most_serious.rank >= Severity.FELONY.rank for p in records)
    return {
        "convicted": Share(convicted, searched, denominator),
        "immigration_conviction": Share(
            sum(p.immigration_conviction for p in records), searched, denominator
        ),
        "violent_conviction": Share(violent, searched, denominator),
        "felony_conviction": Share(felony, searched, denominator),
        "pending_only": Share(pending, searched, denominator),
        "no_conviction": Share(searched - convicted, searched, denominator),
        "neither_conviction_nor_pending": Share(
            searched - convicted - pending, searched, denominator
        ),
    }


def _against_claim(shares: dict[str, Share], claimed: float) -> dict[str, Any]:
    convicted = shares["convicted"]
    merged = Share(
        convicted.count + shares["pending_only"].count, convicted.of, convicted.denominator
    )
    return {
        "claimed_percent": round(100.0 * claimed, 1),
        "convicted_percent": convicted.percent,
        "convicted_or_pending_percent": merged.percent,
        "reading": _reading(claimed, convicted, merged),
    }


def _reading(claimed: float, convicted: Share, merged: Share) -> str:
    if convicted.percent is None or merged.percent is None:
        return "no person was identified; the claimed share cannot be checked"
    claimed_pct = 100.0 * claimed
    if convicted.percent >= claimed_pct:
        return "the records support the claimed share with convictions alone"
    if merged.percent >= claimed_pct:
        return (
            "the claimed share holds only if pending charges are counted as criminal, "
            "as ICE's merged metric does; with convictions alone it does not"
        )
    return "the records do not support the claimed share, even counting pending charges"
