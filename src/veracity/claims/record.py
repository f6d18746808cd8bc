"""A person's court record read in full: each charge's status and severity, and the summary.

Each charge is read twice, by two vocabularies kept as data: its disposition
(`dispositions.classify_disposition`, §2.2) and its offence (`offences.classify_offence`, §2.3).
The person's record is then the most serious status over their criminal charges (§2.1: CONVICTED
> PENDING > DEFERRED > DISMISSED/ACQUITTED > ARREST_ONLY > NO_RECORD_FOUND) and the most serious
offence they were *convicted* of. A civil infraction is shown but never raises the criminal
status; a disposition string nobody knows is shown as unknown and counted, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from veracity.claims.dispositions import DispositionReading, classify_disposition
from veracity.claims.offences import OffenceReading, classify_offence
from veracity.model.justice import Charge, CourtCase, Severity, Status


@dataclass(frozen=True, slots=True)
class ChargeReading:
    """One charge with what its disposition and its offence mean."""

    charge: Charge
    disposition: DispositionReading
    offence: OffenceReading

    @property
    def status(self) -> Status | None:
        """The charge's status; None when the disposition text is unknown."""
        return self.disposition.status

    @property
    def criminal(self) -> bool:
        """False for civil infractions: they are records, not crimes."""
        return self.disposition.criminal and self.offence.category is not Severity.TRAFFIC_CIVIL

    @property
    def convicted(self) -> bool:
        """A criminal conviction under state law."""
        return self.criminal and self.disposition.state_law_conviction

    def describe(self) -> str:
        """One line for people: docket, offence, disposition and what they mean."""
        charge = self.charge
        offence = charge.charge_description or charge.charge_statute or "unnamed offence"
        raw = charge.disposition or "no disposition yet"
        status = self.status.value if self.status else "UNKNOWN disposition"
        return (
            f"{charge.docket} ({charge.state or '?'}): {offence} — {raw} → {status}, "
            f"{self.offence.category.value}"
        )


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """What the court records linked to one person show, charge by charge and in sum."""

    key: str
    """The person's key: their earliest case's key."""
    names: tuple[str, ...]
    cases: tuple[CourtCase, ...]
    charges: tuple[ChargeReading, ...]

    @property
    def status(self) -> Status:
        """The most serious status over the criminal charges whose disposition is known."""
        known = [c.status for c in self.charges if c.criminal and c.status is not None]
        return max(known, key=lambda s: s.rank, default=Status.NO_RECORD_FOUND)

    @property
    def most_serious(self) -> Severity:
        """The most serious offence category among the person's criminal convictions."""
        convicted = [c.offence.category for c in self.charges if c.convicted]
        return max(convicted, key=lambda s: s.rank, default=Severity.NONE)

    @property
    def most_serious_charge(self) -> Severity:
        """The most serious offence category charged, whatever became of it."""
        charged = [c.offence.category for c in self.charges if c.criminal]
        return max(charged, key=lambda s: s.rank, default=Severity.NONE)

    @property
    def state_law_conviction(self) -> bool:
        """Convicted under the law of the state that tried the case."""
        return any(c.convicted for c in self.charges)

    @property
    def immigration_conviction(self) -> bool:
        """A conviction under 8 U.S.C. 1101(a)(48)(A): includes pleas with any penalty."""
        return any(c.criminal and c.disposition.immigration_conviction for c in self.charges)

    @property
    def unknown(self) -> tuple[ChargeReading, ...]:
        """Charges whose disposition or offence text matched no vocabulary entry."""
        return tuple(c for c in self.charges if c.status is None or not c.offence.known)

    @property
    def states(self) -> frozenset[str]:
        """The jurisdictions whose courts hold these records."""
        return frozenset(c.charge.state for c in self.charges if c.charge.state)

    def summary(self) -> dict[str, object]:
        """The `record` object of the verify output."""
        return {
            "status": self.status.value,
            "most_serious": self.most_serious.value,
            "most_serious_charge": self.most_serious_charge.value,
            "state_law_conviction": self.state_law_conviction,
            "immigration_conviction": self.immigration_conviction,
            "cases": [case.key for case in self.cases],
            "unknown_vocabulary": [c.describe() for c in self.unknown],
        }


def read_charge(charge: Charge, violent_definition: str = "usc_16a") -> ChargeReading:
    """Read one charge's disposition and offence."""
    disposition = classify_disposition(charge.disposition, charge.state)
    offence = classify_offence(
        charge.charge_statute,
        charge.charge_description,
        charge.charge_class,
        charge.state,
        charge.sentence,
        violent_definition=violent_definition,
    )
    return ChargeReading(charge, disposition, offence)


def person_record(cases: Iterable[CourtCase], violent_definition: str = "usc_16a") -> PersonRecord:
    """The record of one person from the cases linked to them."""
    ordered = tuple(sorted(cases, key=_case_order))
    charges = tuple(
        read_charge(charge, violent_definition) for case in ordered for charge in case.charges
    )
    names = tuple(dict.fromkeys(c.charge.full_name for c in charges))
    key = ordered[0].key if ordered else ""
    return PersonRecord(key, names, ordered, charges)


def _case_order(case: CourtCase) -> tuple[str, str]:
    first = min((c.filing_date.iso() for c in case.charges if c.filing_date), default="9999")
    return first, case.key
