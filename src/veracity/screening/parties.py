"""Parties: every party a shipment names, screened against the loaded lists by name and address.

Each party (exporter, consignee, end user, payer) is matched by name with the party's country as
a qualifier (the matcher lifts an agreeing country and lowers a contradicting one) and no schema
(the declaration does not say whether it is a person or a company; the matcher compares any).
A party gives at most one name finding: `party_match` when a listed party scores at or above the
match threshold, otherwise `party_possible_match` for near misses above the review threshold.
A consignee or end user at a listed party's address is an `address_match` of its own, even with
a different name (addresses.py); when the name matched that same listed party, the shared
address is added to the name finding as corroboration instead of counting twice.

Weights (decision.py adds them; it reviews from 2 and escalates from 6) are documented defaults:
- `party_match`: `MATCH_WEIGHT × role × probability`: 8 so that a consignee match of 0.75 alone
  escalates (a match of 0.9 blocks outright in decision.py); red_flag_rules.csv R09
  "block/escalate";
- `party_possible_match`: `POSSIBLE_WEIGHT × role × probability`: a near miss adds, but alone
  stays under review;
- `address_match`: `ADDRESS_WEIGHT × role × overlap`: 2, red_flag_rules.csv R10 "+2".

Roles weigh differently. BIS's "Know Your Customer" guidance (15 CFR 732 Supp. 3) and its red
flags are about the customer, the ultimate consignee and the end user, whose identity and end use
decide whether an export is diverted; the Entity List binds any party but names foreign
consignees and end users. The payer matters (FinCEN–BIS FIN-2022-Alert003: payments from parties
not on the end-user documents) but is one step removed; the exporter is usually the filer itself
or its domestic supplier, known to it already, so a hit there is the least likely to be a
diversion (yet is still reported).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import lru_cache

from veracity.matching import MatchConfig, Matcher, MatchQuery, MatchResult
from veracity.model import Evidence, Finding
from veracity.model.trade import PartyRole, Shipment, ShipmentParty
from veracity.screening.addresses import AddressIndex, AddressMatch

MATCH_WEIGHT = 8.0
POSSIBLE_WEIGHT = 3.0
ADDRESS_WEIGHT = 2.0
ROLE_WEIGHTS = (
    (PartyRole.END_USER, 1.0),
    (PartyRole.CONSIGNEE, 1.0),
    (PartyRole.PAYER, 0.8),
    (PartyRole.EXPORTER, 0.6),
)
"""How much each role's findings weigh (module docstring: why)."""
ADDRESS_ROLES = frozenset({PartyRole.CONSIGNEE, PartyRole.END_USER})
"""Roles whose address is screened: the ones a front company stands in for."""


@dataclass(frozen=True, slots=True)
class PartyConfig:
    """Thresholds and weights of party screening, each with a documented default."""

    match_threshold: float | None = None
    """Probability from which a listed party is a match (default: the matcher model's)."""
    review_threshold: float = 0.35
    """Probability from which a near miss is kept as a possible match for an analyst."""
    limit: int = 3
    """Listed parties cited per finding, best first."""
    role_weights: tuple[tuple[PartyRole, float], ...] = ROLE_WEIGHTS
    """(role, factor) pairs: a tuple so that the config stays hashable (a cache key)."""
    cache_size: int = 50_000
    """Names (with country) whose results are kept within a run: consignees repeat."""

    def role_weight(self, role: PartyRole) -> float:
        """The factor of a role's findings (1.0 for a role not listed)."""
        return dict(self.role_weights).get(role, 1.0)


def party_match(party: ShipmentParty) -> str:
    """A party of the shipment matches a party on a sanctions or export-control list."""
    return f"{_label(party.role)} {party.name!r} matches a listed party"


def party_possible_match(party: ShipmentParty) -> str:
    """A party of the shipment resembles a listed party, below the match threshold: review it."""
    return f"{_label(party.role)} {party.name!r} resembles a listed party"


def address_match(party: ShipmentParty) -> str:
    """A party of the shipment is at the address of a listed party (a front-company red flag)."""
    return f"{_label(party.role)} {party.name!r} is at a listed party's address"


def _label(role: PartyRole) -> str:
    return role.value.replace("_", " ").capitalize()


def _doc(rule: object) -> str:
    return (getattr(rule, "__doc__", None) or "").strip()


class PartyScreener:
    """Screens shipments' parties for one run: an address index and an LRU of name results."""

    def __init__(self, matcher: Matcher, config: PartyConfig | None = None) -> None:
        self.matcher = matcher
        self.config = config or PartyConfig()
        self.addresses = AddressIndex.build(matcher.index.parties)
        self.match_config = MatchConfig(
            threshold=self.config.match_threshold, limit=self.config.limit
        )
        # Per instance, so that a run's cache goes with the run (and with its matcher).
        self.lookup = lru_cache(maxsize=self.config.cache_size)(self._lookup)

    def _lookup(self, name: str, country: str | None) -> tuple[MatchResult, ...]:
        query = MatchQuery(names=(name,), countries=(country,) if country else ())
        results = self.matcher.match(query, self.match_config)
        return tuple(r for r in results if r.score >= self.config.review_threshold)

    def screen(self, shipment: Shipment) -> list[Finding]:
        """Every finding on the shipment's parties."""
        findings = []
        for party in shipment.parties():
            # The role does not change the answer, so a consignee seen as an end user hits too.
            results = self.lookup(" ".join(party.name.split()).casefold(), party.country)
            places = self._places(party)
            findings += self._name_findings(shipment, party, results, places)
            named = {r.party.id for r in results if r.match}
            findings += [
                self._address_finding(shipment, party, m) for m in places if m.party.id not in named
            ]
        return findings

    def _places(self, party: ShipmentParty) -> list[AddressMatch]:
        if party.role not in ADDRESS_ROLES or not party.address:
            return []
        return self.addresses.match(party.address, party.country)

    def _name_findings(
        self,
        shipment: Shipment,
        party: ShipmentParty,
        results: tuple[MatchResult, ...],
        places: list[AddressMatch],
    ) -> list[Finding]:
        cited = [r for r in results if r.match]
        if cited:
            rule, base = party_match, MATCH_WEIGHT
        elif results:
            rule, base, cited = party_possible_match, POSSIBLE_WEIGHT, list(results)
        else:
            return []
        best = cited[0]
        evidence = [_name_evidence(shipment, party, r) for r in cited]
        at = {m.party.id: m for m in places}
        evidence += [
            _address_evidence(shipment, party, at[r.party.id]) for r in cited if r.party.id in at
        ]
        role_weight = self.config.role_weight(party.role)
        return [
            Finding(
                rule=rule.__name__,
                title=rule(party),
                explanation=_doc(rule),
                weight=round(base * role_weight * best.score, 3),
                evidence=tuple(evidence),
                probability=best.score,
                extra=_extra(party, best.party.id, best.party.source, best.matched_name),
            )
        ]

    def _address_finding(
        self, shipment: Shipment, party: ShipmentParty, place: AddressMatch
    ) -> Finding:
        role_weight = self.config.role_weight(party.role)
        return Finding(
            rule=address_match.__name__,
            title=address_match(party),
            explanation=_doc(address_match),
            weight=round(ADDRESS_WEIGHT * role_weight * place.overlap, 3),
            evidence=(_address_evidence(shipment, party, place),),
            extra={
                **_extra(party, place.party.id, place.party.source, place.party.caption),
                "address_rule": place.rule,
                "listed_address": place.address.full,
            },
        )


def _extra(party: ShipmentParty, entity_id: str, source: str, name: str) -> dict[str, object]:
    return {"role": party.role.value, "entity_id": entity_id, "list": source, "listed_name": name}


def _name_evidence(shipment: Shipment, party: ShipmentParty, result: MatchResult) -> Evidence:
    listed = result.party
    detail = (
        f"matched {result.matched_name!r} of {listed.caption!r} ({listed.source}); "
        f"probability {result.score:.2f}: {result.explanation}"
    )
    return Evidence(
        f"shipment {shipment.shipment_id}",
        f"{party.role.value}_name",
        party.name,
        source=listed.id,
        detail=detail,
    )


def _address_evidence(shipment: Shipment, party: ShipmentParty, place: AddressMatch) -> Evidence:
    detail = (
        f"listed address {place.address.full!r} of {place.party.caption!r} "
        f"({place.party.source}); {place.rule}: {place.explanation}"
    )
    return Evidence(
        f"shipment {shipment.shipment_id}",
        f"{party.role.value}_address",
        party.address,
        source=place.party.id,
        detail=detail,
    )


# One screener per matcher and config, held weakly so that it goes when the matcher does: the
# function form below then keeps its address index and LRU across the calls of a batch.
_SCREENERS: weakref.WeakKeyDictionary[Matcher, dict[PartyConfig, PartyScreener]] = (
    weakref.WeakKeyDictionary()
)


def screen_parties(
    shipment: Shipment, matcher: Matcher, config: PartyConfig | None = None
) -> list[Finding]:
    """Every party finding on a shipment: list matches, near misses and shared addresses."""
    config = config or PartyConfig()
    by_config = _SCREENERS.setdefault(matcher, {})
    screener = by_config.get(config)
    if screener is None:
        screener = by_config[config] = PartyScreener(matcher, config)
    return screener.screen(shipment)
