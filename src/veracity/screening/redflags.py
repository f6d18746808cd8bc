"""Red flags: the rule catalogue R01-R22 (`red_flag_rules.csv`) checked on one shipment record.

Each rule is a `Rule` (`rule(id, name)` over a small check) whose check's docstring is the
explanation a finding quotes; `RULES` holds them by id and `evaluate` runs them all. Rules that
compare with earlier shipments live in `redflags_history`; rules needing data a shipment record
does not carry are listed in `NOT_IMPLEMENTED` with the reason, so together they cover R01-R22.

The guidance behind the rules: BIS "Know Your Customer" red flags (15 CFR 732 Supp. 3), the
FinCEN/BIS alerts FIN-2022-Alert003, FIN-2023-Alert004 and of 6 Nov 2023, and EU Reg. 833/2014.
"""

from __future__ import annotations

from veracity.model.finding import Evidence, Finding
from veracity.model.trade import Shipment
from veracity.names.normalize import normalize
from veracity.screening.goods import ChplItem, chpl
from veracity.screening.redflags_context import (
    RUSSIA_BELARUS,
    Hit,
    Rule,
    RuleContext,
    RuleWeights,
    party_key,
    read,
    rule,
)
from veracity.screening.redflags_history import (
    counterparty_churn,
    last_minute_change,
    price_anomaly,
    quantity_anomaly,
)

_TRANSSHIPMENT_SOURCE = "FinCEN/BIS FIN-2022-Alert003 transshipment points"
_RUSSIA_SOURCE = "EAR 746.8; EU Reg. 833/2014 Art. 2/2a/2b"

# EU Reg. 833/2014 Art. 12g exempts exports to the partner countries of Annex VIII; one
# practitioner note cites Annex XXXVI instead (research note section 2), so check before relying.
_ART_12G_PARTNERS = frozenset({"AU", "CA", "CH", "GB", "JP", "KR", "NO", "NZ", "US"})
_EU = frozenset(
    {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"}
    | {"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
)

# Word beginnings of firms with no consuming business: forwarders, logistics firms, mail centres,
# banks and traders (BIS KYC: "freight forwarder listed as the final destination";
# FIN-2022-Alert003: consignees that are banks, mail centres or logistics firms).
_INTERMEDIARY_WORDS = (
    "logisti", "lojisti", "freight", "forward", "spedit", "cargo", "kargo", "shipping",
    "courier", "bank", "trading", "trade", "ticaret", "impex", "import", "export", "mail",
    "логист", "экспед", "карго", "банк", "торгов", "物流", "贸易", "貿易", "银行", "銀行",
)  # fmt: skip


def _chpl(shipment: Shipment) -> ChplItem | None:
    return chpl(shipment.hs_code) if shipment.hs_code else None


def _chpl_evidence(shipment: Shipment, item: ChplItem) -> Evidence:
    return read(shipment, "hs_code", f"CHPL tier {item.tier} (BIS 2024-02-23)", item.description)


def _tier_weight(tier: str, weights: RuleWeights) -> float:
    return {
        "1": weights.chpl_tier1,
        "2": weights.chpl_tier2,
        "3": weights.chpl_tier3,
        "4": weights.chpl_tier4,
    }[tier[0]]


@rule("R01", "CHPL item")
def chpl_item(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The goods code is on the Common High Priority List of items Russia seeks for weapons."""
    item = _chpl(shipment)
    if item is None:
        return None
    weight = _tier_weight(item.tier, context.weights)
    return Hit(weight, (_chpl_evidence(shipment, item),), {"chpl_tier": item.tier})


@rule("R02", "Direct destination Russia/Belarus")
def russia_belarus(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The goods are destined for Russia or Belarus, or for a consignee or end user there."""
    fields = ("destination_country", "consignee_country", "end_user_country")
    evidence = [read(shipment, f, _RUSSIA_SOURCE) for f in fields if _in_russia(shipment, f)]
    if not evidence:
        return None
    item = _chpl(shipment)
    # CHPL items to Russia/Belarus are prohibited outright (EAR 746.8, Reg. 833/2014 Art. 2/2a);
    # other goods may fall under the broad EU annexes (Art. 3k, Annex XXIII) or be humanitarian,
    # which needs a classification this rule cannot make, so those go to a person.
    if item is not None:
        evidence.append(_chpl_evidence(shipment, item))
    decision = "block" if item is not None else "escalate"
    return Hit(context.weights.russia_belarus, tuple(evidence), {"decision": decision})


def _in_russia(shipment: Shipment, field: str) -> bool:
    return getattr(shipment, field) in RUSSIA_BELARUS


@rule("R03", "CHPL to known transshipment jurisdiction")
def transshipment(shipment: Shipment, context: RuleContext) -> Hit | None:
    """A high-priority item goes to a country known as a transshipment point to Russia."""
    item = _chpl(shipment)
    if item is None:
        return None
    evidence = [
        read(shipment, f, context.hubs[code].source, context.hubs[code].country)
        for f in ("destination_country", "consignee_country")
        if (code := getattr(shipment, f)) in context.hubs
    ]
    if not evidence:
        return None
    return Hit(context.weights.transshipment, (_chpl_evidence(shipment, item), *evidence))


@rule("R04", "Route via Russia/Belarus")
def russia_transit(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The route runs through Russia or Belarus though the goods are declared to a third country."""
    via = [code for code in shipment.transit_countries if code in RUSSIA_BELARUS]
    if not via or shipment.destination_country in RUSSIA_BELARUS:
        return None
    # EU 10th package (Feb 2023) transit ban; FT (May 2023) found >USD 1bn of EU goods declared to
    # AM/KZ/KG that "vanished" in transit through Russia ("ghost exports").
    source = "EU Reg. 833/2014 transit ban (10th package, Feb 2023)"
    evidence = (
        read(shipment, "transit_countries", source, f"via {', '.join(via)}"),
        read(shipment, "destination_country", source, "declared final destination"),
    )
    return Hit(context.weights.russia_transit, evidence)


@rule("R11", "Logistics/financial firm as end user")
def intermediary_end_user(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The end user is a forwarder, logistics firm, bank or trader with no use for the goods."""
    # With no end user named, the consignee is the final destination the documents give.
    field = "end_user_name" if shipment.end_user_name else "consignee_name"
    name = getattr(shipment, field)
    word = _intermediary_word(name) if name else None
    if word is None:
        return None
    source = "BIS KYC red flags (15 CFR 732 Supp. 3); FinCEN/BIS FIN-2022-Alert003"
    evidence = read(shipment, field, source, f"name has {word!r}")
    return Hit(context.weights.logistics_end_user, (evidence,))


def _intermediary_word(name: str) -> str | None:
    text = normalize(name)
    for token in text.split():
        if token.startswith(_INTERMEDIARY_WORDS):
            return token
    # CJK names are not split into words, so look for the words inside them.
    return next((w for w in _INTERMEDIARY_WORDS if not w.isascii() and w in text), None)


@rule("R13", "End-use information refused/missing")
def end_use_missing(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The declaration has no end-user statement, or no clause against re-export to Russia."""
    # Only an explicit "no" counts: a declaration silent on the point (None) is not a refusal.
    evidence = []
    if shipment.end_user_statement is False:
        source = "BIS KYC red flags (15 CFR 732 Supp. 3): reluctance to give end-use information"
        evidence.append(read(shipment, "end_user_statement", source))
    if shipment.no_russia_clause is False and _needs_clause(shipment):
        source = "EU Reg. 833/2014 Art. 12g (no-Russia clause for Annex XL/CHPL items)"
        evidence.append(read(shipment, "no_russia_clause", source))
    return Hit(context.weights.end_use_missing, tuple(evidence)) if evidence else None


def _needs_clause(shipment: Shipment) -> bool:
    # Art. 12g covers Annex XL (the CHPL) among others, for exports to non-partner third countries.
    exempt = _ART_12G_PARTNERS | _EU
    return _chpl(shipment) is not None and shipment.destination_country not in exempt


@rule("R14", "Third-party or hub payer")
def third_party_payer(shipment: Shipment, context: RuleContext) -> Hit | None:
    """A party other than the consignee or end user pays, or the payer is in Russia or Belarus."""
    if not shipment.payer_name:
        return None
    named = [n for n in (shipment.consignee_name, shipment.end_user_name) if n]
    third = bool(named) and party_key(shipment.payer_name) not in {party_key(n) for n in named}
    russian = shipment.payer_country in RUSSIA_BELARUS
    if not (third or russian):
        return None
    source = "FinCEN/BIS FIN-2022-Alert003: payment from parties not on the end-user documents"
    evidence = [read(shipment, "payer_name", source, f"documents name {' / '.join(named)}")]
    if shipment.payer_country is not None:
        hub = context.hubs.get(shipment.payer_country)
        where = _RUSSIA_SOURCE if russian else hub.source if hub else None
        evidence.append(read(shipment, "payer_country", where))
    return Hit(context.weights.third_party_payer, tuple(evidence), {"payer_in_russia": russian})


@rule("R19", "Part number found in Russian weapons")
def battlefield_component(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The part number matches a component found in a Russian weapon (GUR War & Sanctions)."""
    if context.components is None or not shipment.part_number:
        return None
    matches = context.components.match(shipment.manufacturer, shipment.part_number)
    if not matches:
        return None
    evidence = tuple(
        read(shipment, "part_number", m.component.source_url, m.explanation) for m in matches
    )
    kinds = sorted({m.kind for m in matches})
    return Hit(context.weights.battlefield_component, evidence, {"match_kinds": kinds})


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        chpl_item,
        russia_belarus,
        transshipment,
        russia_transit,
        intermediary_end_user,
        end_use_missing,
        third_party_payer,
        price_anomaly,
        quantity_anomaly,
        last_minute_change,
        battlefield_component,
        counterparty_churn,
    )
}
"""The implemented rules by catalogue id, in catalogue order."""

NOT_IMPLEMENTED: dict[str, str] = {
    "R05": "aggregate trade statistics, not a shipment record: see screening/flows.py",
    "R06": "aggregate bilateral flows in both directions: see screening/flows.py",
    "R07": "a hub's imports and exports by HS-6: see screening/flows.py",
    "R08": "needs party incorporation dates, which the shipment record does not carry",
    "R09": "needs the sanctions and entity lists: parties are screened by screening/parties.py",
    "R10": "needs listed parties' addresses: shared addresses are found by screening/parties.py",
    "R12": "needs the consignee's industry code, which the shipment record does not carry",
    "R18": "needs party email, website and address type, which the record does not carry",
    "R21": "needs letter-of-credit terms and the commercial invoice, which the record lacks",
    "R22": "needs the declared country of origin, which the shipment record does not carry",
}
"""Catalogue rules not checked on a shipment, and why."""


def evaluate(shipment: Shipment, context: RuleContext | None = None) -> list[Finding]:
    """The findings of every implemented red-flag rule that fires on the shipment."""
    context = context if context is not None else RuleContext()
    findings = (check(shipment, context) for check in RULES.values())
    return [finding for finding in findings if finding is not None]
