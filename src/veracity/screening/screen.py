"""Screening a batch of shipments: every check, one decision per shipment, with its evidence.

For each shipment, in file order: the red-flag rules (redflags.py: goods, routes, end-use,
payers, battlefield components, and the history rules over the shipments screened before it:
earlier in the run, or by earlier runs when the screener is given them), the parties against the
loaded lists by name and address (parties.py), then the decision (decision.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from veracity.matching import Matcher
from veracity.model import Reject, Risk
from veracity.model.trade import Shipment
from veracity.screening.components import ComponentIndex
from veracity.screening.decision import Decision, DecisionConfig, decide
from veracity.screening.history import RunHistory
from veracity.screening.parties import PartyConfig, PartyScreener
from veracity.screening.redflags import evaluate
from veracity.screening.redflags_context import RuleContext
from veracity.store import ScreenedRecord


@dataclass(frozen=True, slots=True)
class ScreeningConfig:
    """The knobs of a screening run, each with documented defaults in its own module."""

    parties: PartyConfig = field(default_factory=PartyConfig)
    decision: DecisionConfig = field(default_factory=DecisionConfig)
    rules: RuleContext = field(default_factory=RuleContext)
    """Rule weights and thresholds; its history and components are set by the screener."""


@dataclass(frozen=True, slots=True)
class Screened:
    """One shipment and its decision."""

    shipment: Shipment
    decision: Decision

    def as_dict(self) -> dict[str, Any]:
        """The JSON Lines shape: shipment_id, risk, score, reason, findings with evidence."""
        return {
            "shipment_id": self.shipment.shipment_id,
            "risk": self.decision.risk.value,
            "score": self.decision.score,
            "reason": self.decision.reason,
            "findings": [f.as_dict() for f in self.decision.findings],
        }

    def as_record(self) -> ScreenedRecord:
        """The plain data the store keeps: the shipment, risk, score and findings."""
        findings = [f.as_dict() for f in self.decision.findings]
        return ScreenedRecord(
            self.shipment, self.decision.risk.value, self.decision.score, findings
        )


class Screener:
    """Screens shipments against the loaded lists, the CHPL and the GUR components."""

    def __init__(
        self,
        matcher: Matcher,
        components: ComponentIndex | None = None,
        config: ScreeningConfig | None = None,
        earlier: Iterable[Shipment] = (),
    ) -> None:
        """`earlier`: shipments screened before this run (from the store), which the history
        rules compare with as they do with the run's own."""
        self.config = config or ScreeningConfig()
        self.parties = PartyScreener(matcher, self.config.parties)
        self.history = RunHistory()
        self.history.seed(earlier)
        rules = self.config.rules
        self.context = RuleContext(
            weights=rules.weights,
            thresholds=rules.thresholds,
            history=self.history,
            components=components,
            hubs=rules.hubs,
        )

    def screen(self, shipment: Shipment) -> Screened:
        """Every finding on one shipment and the decision they make."""
        findings = evaluate(shipment, self.context) + self.parties.screen(shipment)
        self.history.add(shipment)
        return Screened(shipment, decide(findings, self.config.decision))

    def screen_all(self, records: Iterable[Shipment | Reject]) -> Iterator[Screened | Reject]:
        """Screen shipments in order; rejected rows pass through to be reported."""
        for record in records:
            yield record if isinstance(record, Reject) else self.screen(record)


def summary(screened: Sequence[Screened], rejects: Sequence[Reject]) -> dict[str, Any]:
    """Counts by risk tier and by rule, for reports."""
    by_risk = {risk.value: 0 for risk in Risk}
    by_rule: dict[str, int] = {}
    for item in screened:
        by_risk[item.decision.risk.value] += 1
        for finding in item.decision.findings:
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "shipments": len(screened),
        "rejected_rows": len(rejects),
        "by_risk": by_risk,
        "by_rule": dict(sorted(by_rule.items())),
    }
