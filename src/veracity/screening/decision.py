"""The decision for a shipment: a risk tier and a score from its findings.

The score is the sum of the findings' weights (each rule documents its weight; red_flag_rules.csv
suggests them, they are not calibrated). The tier follows from the score with the thresholds in
`DecisionConfig` (review from 6, escalate from 10), except that a finding marked
`{"decision": "block"}` (CHPL goods to Russia or Belarus: EAR 746.8, EU Reg. 833/2014 Art. 2) or
a listed party matched with high probability blocks outright (BIS's rule of conduct is to refrain
when a red flag cannot be resolved, and a confirmed listed party cannot be), and one marked
`{"decision": "escalate"}` is escalated whatever its score.
"""

from __future__ import annotations

from dataclasses import dataclass

from veracity.model import Finding, Risk


@dataclass(frozen=True, slots=True)
class DecisionConfig:
    """Thresholds from score to tier; change them to fit a compliance programme's appetite."""

    escalate_at: float = 10.0
    """From this score a shipment goes to a senior officer before it may proceed."""
    review_at: float = 6.0
    """From this score an analyst reviews the shipment. Above any one goods rule's weight
    (a Tier 1 CHPL item weighs 5): a high-priority item alone, to a customer with no other red
    flag, is what BIS asks exporters to know their customer about, not a red flag itself; with
    a transshipment destination (+3) or any party, route or end-use flag it is reviewed."""
    block_probability: float = 0.9
    """A listed-party match at least this probable blocks the shipment by itself."""


@dataclass(frozen=True, slots=True)
class Decision:
    """A shipment's tier, score and the findings behind them."""

    risk: Risk
    score: float
    findings: tuple[Finding, ...]
    reason: str


def decide(findings: list[Finding], config: DecisionConfig | None = None) -> Decision:
    """Combine a shipment's findings into its risk tier."""
    config = config or DecisionConfig()
    ordered = tuple(sorted(findings, key=lambda f: -f.weight))
    score = round(sum(f.weight for f in ordered), 3)
    blocking = [f for f in ordered if _blocks(f, config)]
    if blocking:
        return Decision(Risk.BLOCK, score, ordered, f"{blocking[0].rule}: {blocking[0].title}")
    if score >= config.escalate_at:
        return Decision(Risk.ESCALATE, score, ordered, f"score {score} ≥ {config.escalate_at}")
    escalating = [f for f in ordered if f.extra.get("decision") == Risk.ESCALATE.value]
    if escalating:
        return Decision(
            Risk.ESCALATE, score, ordered, f"{escalating[0].rule}: {escalating[0].title}"
        )
    if score >= config.review_at:
        return Decision(Risk.REVIEW, score, ordered, f"score {score} ≥ {config.review_at}")
    return Decision(Risk.CLEAR, score, ordered, "no finding reaches the review threshold")


def _blocks(finding: Finding, config: DecisionConfig) -> bool:
    if finding.extra.get("decision") == Risk.BLOCK.value:
        return True
    probable = finding.probability is not None and finding.probability >= config.block_probability
    return finding.rule == "party_match" and probable
