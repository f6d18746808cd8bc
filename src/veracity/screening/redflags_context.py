"""What red-flag rules are given besides the shipment: weights, thresholds, history, references.

The weights are the catalogue's suggestions (`red_flag_rules.csv`, column `suggested_weight`;
"suggestions, not calibrated", per its provenance note), kept as documented defaults a user can
change. Rules that compare a shipment with earlier ones read them through the `History` protocol,
which `screening.history.RunHistory` backs in a run (seeded from the shipments the store kept
from earlier runs) and `InMemoryHistory` backs in tests.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from inspect import getdoc
from typing import Any, Protocol

from veracity.exc import ConfigError
from veracity.model.dates import PartialDate
from veracity.model.finding import Evidence, Finding
from veracity.model.trade import Shipment
from veracity.names.normalize import normalize
from veracity.names.orgs import tag_legal_forms
from veracity.names.tokens import tokenize
from veracity.screening.components import ComponentIndex

RUSSIA_BELARUS = frozenset({"RU", "BY"})
"""Destinations of EAR 746.8 and EU Reg. 833/2014 (Russia) and 765/2006 (Belarus)."""

_HUBS_FILE = "transshipment_jurisdictions.csv"


@dataclass(frozen=True, slots=True)
class RuleWeights:
    """How much each red flag adds to a shipment's risk score (catalogue suggestions)."""

    chpl_tier1: float = 5.0
    """R01, CHPL Tier 1 (catalogue: T1=5)."""
    chpl_tier2: float = 4.0
    """R01, CHPL Tier 2 (T2=4)."""
    chpl_tier3: float = 3.0
    """R01, CHPL Tiers 3.A and 3.B (T3=3)."""
    chpl_tier4: float = 3.0
    """R01, CHPL Tiers 4.A and 4.B (T4=3)."""
    russia_belarus: float = 10.0
    """R02; the catalogue says "block", so the decision step blocks whatever the score."""
    transshipment: float = 3.0
    """R03, CHPL goods to a known transshipment point (+3)."""
    russia_transit: float = 4.0
    """R04, route through Russia or Belarus to a third country (+4)."""
    logistics_end_user: float = 2.0
    """R11, forwarder, logistics firm, bank or trader as end user (+2)."""
    end_use_missing: float = 2.0
    """R13, end-user statement or no-Russia clause missing (+2)."""
    third_party_payer: float = 2.0
    """R14, payer other than the consignee or end user, or in Russia or Belarus (+2)."""
    price_anomaly: float = 1.0
    """R15, unit value outside the peers' p5-p95 (+1)."""
    quantity_anomaly: float = 1.0
    """R16, quantity far above the consignee's history (+1)."""
    last_minute_change: float = 2.0
    """R17, consignee, destination or payer changed, or trade re-pointed from Russia (+2)."""
    battlefield_component: float = 3.0
    """R19, part number of a component found in a Russian weapon (+3)."""
    counterparty_churn: float = 1.0
    """R20, relay pattern of short-lived intermediaries (+1)."""


@dataclass(frozen=True, slots=True)
class RuleThresholds:
    """Where the rules that compare numbers draw their lines (documented defaults)."""

    price_low_percentile: float = 5.0
    """R15 fires below this percentile of peer unit values (catalogue: p5)."""
    price_high_percentile: float = 95.0
    """R15 fires above this percentile, overpayment (catalogue: p95; FIN-2023-Alert004)."""
    price_min_peers: int = 20
    """R15 needs this many peer prices; fewer make the percentiles noise."""
    price_window_days: int = 92
    """R15 peers are this recent (catalogue: the same month; a quarter gives more peers)."""
    quantity_percentile: float = 99.0
    """R16 compares with this percentile of the consignee's past quantities (catalogue: p99)."""
    quantity_factor: float = 2.0
    """R16 fires when the quantity exceeds the percentile by this factor ("far above")."""
    quantity_min_history: int = 5
    """R16 needs this many past orders of the same goods by the consignee."""
    redirect_window_days: int = 180
    """R17: exporter's shipments of the same goods to Russia or Belarus this recent count."""
    churn_days: int = 60
    """R20: an intermediary active for fewer days than this is short-lived (catalogue: < 60)."""
    churn_min_shipments: int = 3
    """R20: and carried at least this many shipments for the buyer (the "high volume")."""


class History(Protocol):
    """Shipments screened before the one at hand: a history never holds the shipment being
    screened (the screener adds it after its rules ran)."""

    def previous(self, party_name: str, until: PartialDate | None) -> Sequence[Shipment]:
        """Shipments naming this party in any role, dated on or before `until`, oldest first."""
        ...

    def peers(
        self, hs6: str, until: PartialDate | None, window_days: int | None = None
    ) -> Sequence[Shipment]:
        """Shipments of goods under this HS-6, dated on or before `until` and, given
        `window_days`, no more than that many days before it; oldest first."""
        ...

    def priced(
        self, hs6: str, currency: str | None, until: PartialDate, window_days: int
    ) -> Sequence[Shipment]:
        """Shipments of goods under this HS-6 with a unit value in `currency`, dated on or
        before `until` and no more than `window_days` before it; oldest first."""
        ...

    def unit_values(
        self, hs6: str, currency: str | None, until: PartialDate, window_days: int
    ) -> Sequence[float]:
        """The unit values of `priced`, without the shipment at hand."""
        ...


@dataclass(frozen=True, slots=True)
class InMemoryHistory:
    """A `History` over a list of shipments, for tests and small batches."""

    shipments: tuple[Shipment, ...]

    def previous(self, party_name: str, until: PartialDate | None) -> Sequence[Shipment]:
        """Shipments naming this party in any role, dated on or before `until`, oldest first."""
        key = party_key(party_name)
        found = (s for s in self._until(until) if key in {party_key(p.name) for p in s.parties()})
        return list(found)

    def peers(
        self, hs6: str, until: PartialDate | None, window_days: int | None = None
    ) -> Sequence[Shipment]:
        """Shipments of goods under this HS-6, dated on or before `until` (within
        `window_days` of it if given), oldest first."""
        found = [s for s in self._until(until) if s.hs6 == hs6]
        if until is None or window_days is None:
            return found
        first = as_date(until) - dt.timedelta(days=window_days)
        return [s for s in found if s.date is not None and as_date(s.date) >= first]

    def priced(
        self, hs6: str, currency: str | None, until: PartialDate, window_days: int
    ) -> Sequence[Shipment]:
        """Shipments of goods under this HS-6 with a unit value in `currency` (see History)."""
        found = self.peers(hs6, until, window_days)
        return [s for s in found if s.unit_value is not None and s.currency == currency]

    def unit_values(
        self, hs6: str, currency: str | None, until: PartialDate, window_days: int
    ) -> Sequence[float]:
        """The unit values of `priced` (see History)."""
        return [
            s.unit_value
            for s in self.priced(hs6, currency, until, window_days)
            if s.unit_value is not None
        ]

    def _until(self, until: PartialDate | None) -> list[Shipment]:
        if until is None:
            return list(self.shipments)
        limit = as_date(until)
        dated = [s for s in self.shipments if s.date is not None and as_date(s.date) <= limit]
        return sorted(dated, key=lambda s: as_date(s.date) if s.date else limit)


@dataclass(frozen=True, slots=True)
class TransshipmentPoint:
    """A jurisdiction through which controlled goods are known to be diverted to Russia."""

    iso2: str
    country: str
    basis: str
    """`fincen_bis_2022` (the 18 points of FIN-2022-Alert003) or `published_evidence`."""
    source: str


@cache
def transshipment_points() -> dict[str, TransshipmentPoint]:
    """The transshipment points of the package data, by ISO code."""
    package = resources.files("veracity.screening").joinpath("data", _HUBS_FILE)
    lines = [line for line in package.read_text("utf-8").splitlines() if not line.startswith("#")]
    points = {}
    for row in csv.DictReader(lines, strict=True):
        if len(row["iso2"]) != 2 or row["iso2"] in points:
            raise ConfigError(f"{_HUBS_FILE}: bad or duplicate code {row['iso2']!r}")
        points[row["iso2"]] = TransshipmentPoint(**row)
    return points


@dataclass(frozen=True, slots=True)
class RuleContext:
    """Everything a rule reads besides the shipment."""

    weights: RuleWeights = field(default_factory=RuleWeights)
    thresholds: RuleThresholds = field(default_factory=RuleThresholds)
    history: History | None = None
    """Earlier shipments; the history rules (R15-R17, R20) stay silent without it."""
    components: ComponentIndex | None = None
    """GUR battlefield components; R19 stays silent without it."""
    hubs: Mapping[str, TransshipmentPoint] = field(default_factory=transshipment_points)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: its weight, evidence, and flags for the decision step."""

    weight: float
    evidence: tuple[Evidence, ...]
    extra: dict[str, Any] = field(default_factory=dict)


Check = Callable[[Shipment, RuleContext], Hit | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A red-flag rule: called on a shipment, it returns a finding or None."""

    id: str
    title: str
    check: Check

    @property
    def explanation(self) -> str:
        """The check's docstring: the sentence a finding quotes."""
        return getdoc(self.check) or self.title

    def __call__(self, shipment: Shipment, context: RuleContext) -> Finding | None:
        hit = self.check(shipment, context)
        if hit is None:
            return None
        return Finding(
            self.id, self.title, self.explanation, hit.weight, hit.evidence, None, hit.extra
        )


def rule(rule_id: str, title: str) -> Callable[[Check], Rule]:
    """Make a check a `Rule` with the catalogue's id and name."""
    return lambda check: Rule(rule_id, title, check)


def read(
    shipment: Shipment, name: str, source: str | None = None, detail: str | None = None
) -> Evidence:
    """Evidence that a rule read field `name` of the shipment and compared it with `source`."""
    return Evidence(
        f"shipment {shipment.shipment_id}", name, _text(getattr(shipment, name)), source, detail
    )


def _text(value: object) -> str | None:
    # Shipment files write flags as yes/no and transit countries `;`-separated (issue 4).
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return None if value is None else str(value)


@lru_cache(maxsize=1 << 16)
def party_key(name: str) -> str:
    """A party name without case, punctuation or legal form ("Alfa Trade, LLC" -> "alfa trade")."""
    tokens, forms = tag_legal_forms(tokenize(normalize(name)))
    return " ".join(t for t, form in zip(tokens, forms, strict=True) if form is None)


def as_date(date: PartialDate) -> dt.date:
    """The first day a partial date can mean (a year-only date is its 1 January)."""
    return dt.date(date.year, date.month or 1, date.day or 1)


def others(shipment: Shipment, found: Iterable[Shipment]) -> list[Shipment]:
    """The shipments of `found` that are not this very record."""
    # Identity, not equality: comparing two shipments field by field costs more than the rule.
    return [s for s in found if s is not shipment]
