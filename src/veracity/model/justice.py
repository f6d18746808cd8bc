"""Court records and the claims checked against them (research/court_records.md §2).

A court record arrives one row per charge; the rows of one docket form a `CourtCase`. Which
cases belong to one person is decided by linkage (`claims.identity`), never by trusting the
source's own `person_ref`, so a `Charge` keeps that reference only as a hint and as evidence.

`Status` and `Severity` are the two ladders the verdicts are written in; each member knows its
rank so "the most serious" is a `max` over ranks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from veracity.model.dates import PartialDate
from veracity.model.entity import Provenance


class Status(StrEnum):
    """What a record shows about a charge or a person, least to most serious (§2.1)."""

    NO_RECORD_FOUND = "NO_RECORD_FOUND"
    """A search ran and nothing matched; not the same as a verified absence of record."""
    ARREST_ONLY = "ARREST_ONLY"
    """Arrest or summons; no charge filed, or the charge was declined."""
    ACQUITTED = "ACQUITTED"
    DISMISSED = "DISMISSED"
    DEFERRED = "DEFERRED"
    """Guilty plea with the sentence deferred, or a charge filed without a finding."""
    PENDING = "PENDING"
    """Charge filed, no disposition yet."""
    CONVICTED = "CONVICTED"

    @property
    def rank(self) -> int:
        """Order for "most serious status": CONVICTED highest, NO_RECORD_FOUND lowest."""
        return _STATUS_ORDER.index(self)


_STATUS_ORDER = list(Status)


class Severity(StrEnum):
    """The severity ladder of an offence (§2.3), least to most serious."""

    NONE = "NONE"
    TRAFFIC_CIVIL = "TRAFFIC_CIVIL"
    """A civil infraction: never a crime."""
    IMMIGRATION_ONLY = "IMMIGRATION_ONLY"
    """8 U.S.C. 1325/1326 and immigration document offences."""
    TRAFFIC_CRIMINAL = "TRAFFIC_CRIMINAL"
    """Criminal traffic offences other than OUI: operating after suspension, without a licence."""
    OUI = "OUI"
    """Operating (driving) under the influence."""
    MISDEMEANOR = "MISDEMEANOR"
    VIOLENT_MISDEMEANOR = "VIOLENT_MISDEMEANOR"
    FELONY = "FELONY"
    VIOLENT_FELONY = "VIOLENT_FELONY"

    @property
    def rank(self) -> int:
        """Order for "most serious offence": VIOLENT_FELONY highest, NONE lowest."""
        return _SEVERITY_ORDER.index(self)

    @property
    def violent(self) -> bool:
        """Whether the category is one of the violent rungs of the ladder."""
        return self in (Severity.VIOLENT_FELONY, Severity.VIOLENT_MISDEMEANOR)


_SEVERITY_ORDER = list(Severity)


@dataclass(frozen=True, slots=True)
class Charge:
    """One row of a court record: one charge in one case, with its disposition as written."""

    docket: str
    full_name: str
    provenance: Provenance
    person_ref: str | None = None
    """The source's own person key: a hint for linkage, never trusted as identity."""
    birth_date: PartialDate | None = None
    birth_country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    state: str | None = None
    """Two-letter US state (or other jurisdiction) code of the court."""
    court: str | None = None
    filing_date: PartialDate | None = None
    charge_statute: str | None = None
    charge_description: str | None = None
    charge_class: str | None = None
    """As written: `A`…`E` (Maine), `F1`, `M`, `felony`, `misdemeanor`, `infraction`…"""
    disposition: str | None = None
    """The raw disposition text; empty while the charge is pending."""
    disposition_date: PartialDate | None = None
    sentence: str | None = None


@dataclass(frozen=True, slots=True)
class CourtCase:
    """The charges filed under one docket in one court."""

    docket: str
    state: str | None
    court: str | None
    charges: tuple[Charge, ...]

    @property
    def key(self) -> str:
        """A key unique across courts: `STATE/COURT/DOCKET`."""
        return "/".join((self.state or "", self.court or "", self.docket))


@dataclass(frozen=True, slots=True)
class Claim:
    """A public statement about a named person: what was said, by whom, about whom."""

    claim_id: str
    full_name: str
    claim_text: str
    provenance: Provenance
    birth_year: int | None = None
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the person's country (citizenship or birth) as claimed."""
    source: str | None = None
    """Who made the claim: a press release, a web page, with its URL where known."""


class OffenceKind(StrEnum):
    """What an offence is about, shared by court charges and the words of claims.

    A charge may be of several kinds (sexual abuse of a minor is SEX_OFFENCE and CHILD_ABUSE);
    a claim's "child abuser" asks for CHILD_ABUSE, "hostage taker" for KIDNAPPING.
    """

    HOMICIDE = "HOMICIDE"
    KIDNAPPING = "KIDNAPPING"
    """Kidnapping, hostage taking, false imprisonment, unlawful restraint."""
    SEX_OFFENCE = "SEX_OFFENCE"
    CHILD_ABUSE = "CHILD_ABUSE"
    """Any offence against a child: abuse, endangering welfare, sexual abuse of a minor."""
    ROBBERY = "ROBBERY"
    ASSAULT = "ASSAULT"
    DOMESTIC_VIOLENCE = "DOMESTIC_VIOLENCE"
    PROTECTIVE_ORDER = "PROTECTIVE_ORDER"
    """Violating a protective or no-contact order."""
    HUMAN_TRAFFICKING = "HUMAN_TRAFFICKING"
    WEAPONS = "WEAPONS"
    ARSON = "ARSON"
    BURGLARY = "BURGLARY"
    THEFT = "THEFT"
    FRAUD = "FRAUD"
    """Fraud, forgery, identity theft, embezzlement."""
    DRUG_TRAFFICKING = "DRUG_TRAFFICKING"
    DRUG_POSSESSION = "DRUG_POSSESSION"
    OUI = "OUI"
    TRAFFIC = "TRAFFIC"
    """Traffic offences other than OUI, criminal or civil."""
    IMMIGRATION = "IMMIGRATION"
    """Illegal entry or re-entry, immigration document offences, alien smuggling."""
    GANG = "GANG"
    TERRORISM = "TERRORISM"
    OBSTRUCTION = "OBSTRUCTION"
    """Resisting or obstructing officers, failure to appear, escape, perjury."""
    PUBLIC_ORDER = "PUBLIC_ORDER"
    """Disorderly conduct, trespass, criminal mischief, liquor and drunkenness offences."""
    OTHER = "OTHER"


class ClaimedStatus(StrEnum):
    """What a claim says happened to a person in the justice system."""

    ARRESTED = "ARRESTED"
    CHARGED = "CHARGED"
    CONVICTED = "CONVICTED"


class AssertionKind(StrEnum):
    """The three things a claim's text can assert about a person."""

    STATUS = "STATUS"
    """Arrested, charged or convicted."""
    OFFENCE = "OFFENCE"
    """A named offence: "child abuse", "drug trafficking"."""
    CHARACTERISATION = "CHARACTERISATION"
    """A label: "worst of the worst", "violent", "criminal illegal alien"."""


@dataclass(frozen=True, slots=True)
class Assertion:
    """One checkable thing a claim says, with the words it rests on and what it requires.

    The requirement is what a court record must show for the assertion to hold: at least
    `status` (a conviction, a charge…), an offence of one of `offence_kinds` (any if empty), at
    least `min_severity`, a violent offence if `violent`.
    """

    kind: AssertionKind
    claimed: str
    """A short label for people: `convicted`, `child abuse`, `worst of the worst`."""
    words: str
    """The exact words of the claim text this assertion was read from."""
    start: int
    """Offset of `words` in the claim text."""
    status: ClaimedStatus | None = None
    offence_kinds: frozenset[OffenceKind] = frozenset()
    min_severity: Severity | None = None
    violent: bool = False
    rule: str = ""
    """Which parsing rule produced it, and why it requires what it does."""
    negated: bool = False
    """The claim denies the requirement ("no criminal record", "never convicted"): it holds when
    the record does *not* show it."""
