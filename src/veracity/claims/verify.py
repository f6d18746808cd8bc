"""Verdicts: each claim about a named person against the court records, with the evidence.

Per claim: who in the records is this person (`identity`), what their record shows (`record`),
and how it answers each assertion read from the claim's words (`assertions`, `judge`):

- SUPPORTED: every assertion holds.
- PARTLY_SUPPORTED: some hold, or hold only in part; others do not.
- CONTRADICTED: none holds.
- NO_RECORD_FOUND: nobody in the records is this person. Where a searched jurisdiction keeps
  non-conviction records confidential (Maine, 16 M.R.S. §703), the verdict says that it cannot
  rule out an arrest or a dismissed charge.
- AMBIGUOUS_IDENTITY: several people fit, or the best fit is not sure enough; the candidates
  are listed with their probabilities, and no verdict on the substance is given.
- NOT_CHECKABLE: the claim's words assert nothing the parser can check; the record is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from veracity.claims.assertions import parse_claim
from veracity.claims.identity import Identification, Linkage, PersonIndex
from veracity.claims.judge import AssertionVerdict, Judgement, judge
from veracity.claims.record import PersonRecord
from veracity.model.justice import Claim, Status

CONFIDENTIAL_NON_CONVICTIONS = {
    "ME": "Maine keeps records of arrests and charges that did not end in a conviction "
    "confidential (16 M.R.S. §703(2)), and its courts do not publish dismissed charges",
}
"""Jurisdictions where the absence of a public record says little about arrests, and why."""
_NOTHING_FOUND = ": finding no record cannot rule out an arrest, a dismissed or a pending charge."
_INCOMPLETE = ": other arrests or dismissed charges of this person need not appear in the record."


class Verdict(StrEnum):
    """The answer to one claim."""

    SUPPORTED = "SUPPORTED"
    PARTLY_SUPPORTED = "PARTLY_SUPPORTED"
    CONTRADICTED = "CONTRADICTED"
    NO_RECORD_FOUND = "NO_RECORD_FOUND"
    AMBIGUOUS_IDENTITY = "AMBIGUOUS_IDENTITY"
    NOT_CHECKABLE = "NOT_CHECKABLE"


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """One claim's verdict, the person it was linked to, and why."""

    claim: Claim
    verdict: Verdict
    identification: Identification
    judgements: tuple[Judgement, ...]
    caveats: tuple[str, ...]
    explanation: str

    @property
    def record(self) -> PersonRecord | None:
        """The linked person's record, if the claim was linked to one person."""
        return self.identification.record

    @property
    def confidence(self) -> float:
        """How sure the identity behind the verdict is (see `Identification.confidence`)."""
        return self.identification.confidence

    def as_dict(self) -> dict[str, Any]:
        """The JSON Lines object of `veracity verify`."""
        record = self.record
        return {
            "claim_id": self.claim.claim_id,
            "full_name": self.claim.full_name,
            "verdict": self.verdict.value,
            "explanation": self.explanation,
            "person": record.key if record else None,
            "confidence": round(self.confidence, 4),
            "record": record.summary() if record else None,
            "assertions": [j.as_dict() for j in self.judgements],
            "identity": self.identification.as_dict(),
            "caveats": list(self.caveats),
            "evidence": _evidence(self),
            "source": self.claim.source,
        }


def verify(claims: Iterable[Claim], index: PersonIndex) -> Iterator[ClaimVerdict]:
    """The verdict on each claim against the people of `index`."""
    for claim in claims:
        yield verify_claim(claim, index)


def verify_claim(claim: Claim, index: PersonIndex) -> ClaimVerdict:
    """The verdict on one claim."""
    identification = index.identify(claim)
    assertions = parse_claim(claim.claim_text)
    if identification.linkage is Linkage.AMBIGUOUS:
        why = f"{identification.reason}; the record is not judged until the person is known."
        return ClaimVerdict(claim, Verdict.AMBIGUOUS_IDENTITY, identification, (), (), why)
    record = identification.record
    if record is None:
        caveats = _caveats(index.states, None)
        why = f"{identification.reason}."
        return ClaimVerdict(claim, Verdict.NO_RECORD_FOUND, identification, (), caveats, why)
    judgements = tuple(judge(a, record) for a in assertions)
    verdict = _combine(judgements)
    caveats = _caveats(record.states, record)
    why = _explain(verdict, identification, judgements)
    return ClaimVerdict(claim, verdict, identification, judgements, caveats, why)


def _combine(judgements: tuple[Judgement, ...]) -> Verdict:
    verdicts = {j.verdict for j in judgements}
    if not verdicts:
        return Verdict.NOT_CHECKABLE
    if verdicts == {AssertionVerdict.SUPPORTED}:
        return Verdict.SUPPORTED
    if verdicts == {AssertionVerdict.CONTRADICTED}:
        return Verdict.CONTRADICTED
    return Verdict.PARTLY_SUPPORTED


def _caveats(states: Iterable[str], record: PersonRecord | None) -> tuple[str, ...]:
    if record is not None and record.status is Status.CONVICTED:
        return ()
    laws = [CONFIDENTIAL_NON_CONVICTIONS.get(s) for s in sorted(set(states))]
    ending = _NOTHING_FOUND if record is None else _INCOMPLETE
    return tuple(law + ending for law in laws if law)


def _explain(
    verdict: Verdict, identification: Identification, judgements: tuple[Judgement, ...]
) -> str:
    if verdict is Verdict.NOT_CHECKABLE:
        return f"{identification.reason}; the claim asserts nothing the parser can check."
    counts = {v: sum(j.verdict is v for j in judgements) for v in AssertionVerdict}
    tally = ", ".join(f"{n} {v.value.lower()}" for v, n in counts.items() if n)
    return f"{identification.reason}; of {len(judgements)} assertions: {tally}."


def _evidence(verdict: ClaimVerdict) -> list[dict[str, Any]]:
    seen: dict[tuple[str, int | None], dict[str, Any]] = {}
    readings = [c for j in verdict.judgements for c in j.evidence]
    if not readings and verdict.record is not None:
        readings = list(verdict.record.charges)
    for reading in readings:
        charge = reading.charge
        key = (charge.provenance.path, charge.provenance.line)
        seen.setdefault(key, _charge_evidence(reading))
    return list(seen.values())


def _charge_evidence(reading: Any) -> dict[str, Any]:
    charge = reading.charge
    return {
        "file": charge.provenance.path,
        "line": charge.provenance.line,
        "docket": charge.docket,
        "court": charge.court,
        "state": charge.state,
        "name": charge.full_name,
        "charge": charge.charge_description or charge.charge_statute,
        "statute": charge.charge_statute,
        "disposition": charge.disposition,
        "status": reading.status.value if reading.status else None,
        "status_rule": reading.disposition.rule,
        "category": reading.offence.category.value,
        "category_basis": reading.offence.basis,
    }
