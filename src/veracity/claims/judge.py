"""One assertion of a claim against one person's court record.

An assertion requires a charge of some kind (`offence_kinds`, any when empty), at least some
severity, maybe a violent offence, with at least some status. The verdict:

- SUPPORTED: a charge meets every requirement.
- PARTLY_SUPPORTED: the offence is there but the status only half holds: a deferred disposition
  for a claimed conviction (a conviction for immigration purposes, 8 U.S.C. 1101(a)(48)(A), but
  not under state law), or a charge without a conviction behind a label that names no status
  ("violent"): a label about a person's conduct rests fully only on a conviction.
- CONTRADICTED: no charge meets the offence requirements, or the only such charges ended
  without the claimed status (dismissed, acquitted, still pending for a claimed conviction).

"Charged" holds for any filed charge whatever became of it (the person *was* charged), and the
finding says what became of it; "arrested" holds for any record. A negated assertion ("no
criminal record", "never convicted") holds when nothing meets its requirement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from veracity.claims.record import ChargeReading, PersonRecord
from veracity.model.justice import Assertion, ClaimedStatus, Status


class AssertionVerdict(StrEnum):
    """How the record answers one assertion."""

    SUPPORTED = "SUPPORTED"
    PARTLY_SUPPORTED = "PARTLY_SUPPORTED"
    CONTRADICTED = "CONTRADICTED"


@dataclass(frozen=True, slots=True)
class Judgement:
    """An assertion, the verdict on it, what the record shows, and the charges it rests on."""

    assertion: Assertion
    verdict: AssertionVerdict
    found: str
    evidence: tuple[ChargeReading, ...]

    def as_dict(self) -> dict[str, object]:
        """The assertion object of the verify output."""
        a = self.assertion
        return {
            "kind": a.kind.value,
            "claimed": a.claimed,
            "words": a.words,
            "requires": requirement_text(a),
            "rule": a.rule,
            "found": self.found,
            "verdict": self.verdict.value,
            "evidence": [c.describe() for c in self.evidence],
        }


_CHARGED = frozenset(Status) - {Status.NO_RECORD_FOUND, Status.ARREST_ONLY}


def judge(assertion: Assertion, record: PersonRecord) -> Judgement:
    """The verdict of `record` on `assertion`, with the charges that decide it."""
    if assertion.negated:
        return _judge_negated(assertion, record)
    return _judge_positive(assertion, record)


def _judge_negated(assertion: Assertion, record: PersonRecord) -> Judgement:
    """ "No criminal record", "never convicted": contradicted by any charge meeting the
    requirement, partly supported when only a deferred plea meets a denied conviction."""
    positive = _judge_positive(assertion, record)
    if positive.verdict is AssertionVerdict.SUPPORTED:
        return Judgement(
            assertion, AssertionVerdict.CONTRADICTED, positive.found, positive.evidence
        )
    if positive.verdict is AssertionVerdict.PARTLY_SUPPORTED:
        return positive
    shown = positive.evidence
    found = "nothing that meets it; the record shows: " + (_found(list(shown)) or "no charges")
    return Judgement(assertion, AssertionVerdict.SUPPORTED, found, shown)


def _judge_positive(assertion: Assertion, record: PersonRecord) -> Judgement:
    fitting = [c for c in record.charges if c.criminal and _offence_fits(assertion, c)]
    holding = [c for c in fitting if _status_holds(assertion.status, c)]
    if holding:
        return Judgement(assertion, AssertionVerdict.SUPPORTED, _found(holding), tuple(holding))
    partly = [c for c in fitting if _status_partly(assertion.status, c)]
    if partly:
        verdict = AssertionVerdict.PARTLY_SUPPORTED
        return Judgement(assertion, verdict, _found(partly), tuple(partly))
    shown = fitting or list(record.charges)
    found = _found(fitting) if fitting else "no charge of that description; the record shows: "
    found += "" if fitting else _found(shown)
    return Judgement(assertion, AssertionVerdict.CONTRADICTED, found, tuple(shown))


def requirement_text(assertion: Assertion) -> str:
    """What the record must show for the assertion to hold, in words."""
    if assertion.negated:
        return "the record must NOT show: " + _requirement(assertion)
    return _requirement(assertion)


def _requirement(assertion: Assertion) -> str:
    parts = [f"status {(assertion.status or ClaimedStatus.CONVICTED).value.lower()}"]
    if assertion.offence_kinds:
        kinds = " or ".join(sorted(k.value.lower() for k in assertion.offence_kinds))
        parts.append(f"an offence of kind {kinds}")
    if assertion.min_severity is not None:
        parts.append(f"severity at least {assertion.min_severity.value}")
    if assertion.violent:
        parts.append("a violent offence")
    return ", ".join(parts)


def _offence_fits(assertion: Assertion, charge: ChargeReading) -> bool:
    offence = charge.offence
    if assertion.offence_kinds and not assertion.offence_kinds & offence.kinds:
        return False
    if assertion.min_severity is not None and offence.category.rank < assertion.min_severity.rank:
        return False
    return not assertion.violent or _violent(charge)


def _violent(charge: ChargeReading) -> bool:
    offence = charge.offence
    return offence.category.violent or offence.violent.get(offence.violent_definition, False)


def _status_holds(claimed: ClaimedStatus | None, charge: ChargeReading) -> bool:
    if claimed is None or claimed is ClaimedStatus.CONVICTED:
        return charge.convicted
    if claimed is ClaimedStatus.CHARGED:
        return charge.status in _CHARGED
    return True


def _status_partly(claimed: ClaimedStatus | None, charge: ChargeReading) -> bool:
    if claimed is ClaimedStatus.CONVICTED:
        return charge.disposition.immigration_conviction
    if claimed is None:
        return charge.status in _CHARGED
    return False


def _found(charges: list[ChargeReading]) -> str:
    return "; ".join(c.describe() for c in charges)
