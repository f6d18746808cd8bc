"""Red flags that compare a shipment with earlier ones: R15, R16, R17 and R20.

They read earlier shipments through `RuleContext.history` and stay silent without it, or when
there are too few earlier shipments for the comparison to mean anything (`RuleThresholds`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from veracity.model.finding import Evidence
from veracity.model.trade import Shipment
from veracity.screening.components import normalise_part
from veracity.screening.redflags_context import (
    RUSSIA_BELARUS,
    History,
    Hit,
    RuleContext,
    as_date,
    others,
    party_key,
    read,
    rule,
)

# Fields whose change between versions of a shipment FIN-2022-Alert003 calls a red flag.
_CHANGED_FIELDS = (
    "consignee_name",
    "consignee_country",
    "end_user_name",
    "destination_country",
    "payer_name",
)


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct`-th percentile of the values, linearly interpolated between ranks."""
    return _ranked(sorted(values), pct)


def _ranked(ordered: Sequence[float], pct: float) -> float:
    """`percentile` of values already sorted."""
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@rule("R15", "Price anomaly")
def price_anomaly(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The unit value is far above or below what others paid for the same goods at the time."""
    value, t = shipment.unit_value, context.thresholds
    if value is None:
        return None
    peers, basis = _price_peers(shipment, context)
    if len(peers) < t.price_min_peers:
        return None
    ordered = sorted(peers)
    low = _ranked(ordered, t.price_low_percentile)
    high = _ranked(ordered, t.price_high_percentile)
    if low <= value <= high:
        return None
    # Overpaying for a priority item is the FIN-2023-Alert004 red flag; underpricing suggests
    # undervaluation or mis-description.
    side = "over" if value > high else "under"
    source = f"{len(peers)} earlier unit values of {basis} (FinCEN/BIS FIN-2023-Alert004)"
    detail = f"p{t.price_low_percentile:g} {low:g}, p{t.price_high_percentile:g} {high:g}"
    evidence = (read(shipment, "unit_value", source, detail),)
    return Hit(context.weights.price_anomaly, evidence, {"price": side})


def _price_peers(shipment: Shipment, context: RuleContext) -> tuple[list[float], str]:
    """Peer unit values in the same currency and window: same part number if enough, else HS-6."""
    if context.history is None or shipment.hs6 is None or shipment.date is None:
        return [], ""
    window, history = context.thresholds.price_window_days, context.history
    goods = (shipment.hs6, shipment.currency, shipment.date, window)
    if shipment.part_number:
        key = normalise_part(shipment.part_number)
        peers = others(shipment, history.priced(*goods))
        same = [s for s in peers if s.part_number and normalise_part(s.part_number) == key]
        if len(same) >= context.thresholds.price_min_peers:
            return [s.unit_value for s in same if s.unit_value is not None], f"part {key}"
    return list(history.unit_values(*goods)), f"HS {shipment.hs6}"


@rule("R16", "Quantity/volume anomaly")
def quantity_anomaly(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The quantity ordered is far above what the consignee has ordered of these goods before."""
    name, quantity, t = shipment.consignee_name, shipment.quantity, context.thresholds
    if context.history is None or not name or quantity is None:
        return None
    key = party_key(name)
    past = [
        s.quantity
        for s in others(shipment, context.history.previous(name, shipment.date))
        if s.consignee_name and party_key(s.consignee_name) == key
        if s.hs6 == shipment.hs6 and s.quantity is not None
    ]
    if len(past) < t.quantity_min_history:
        return None
    usual = percentile(past, t.quantity_percentile)
    if quantity <= t.quantity_factor * usual:
        return None
    source = f"{len(past)} earlier orders of HS {shipment.hs6} by the consignee (BIS KYC)"
    detail = f"p{t.quantity_percentile:g} of earlier quantities {usual:g}"
    return Hit(context.weights.quantity_anomaly, (read(shipment, "quantity", source, detail),))


@rule("R17", "Last-minute change")
def last_minute_change(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The consignee, destination or payer changed, or such goods went to Russia until recently."""
    if context.history is None or not shipment.exporter_name:
        return None
    earlier = others(shipment, context.history.previous(shipment.exporter_name, shipment.date))
    versions = [s for s in earlier if s.shipment_id == shipment.shipment_id]
    redirects = _redirects(shipment, earlier, context)
    evidence = [*_amendments(shipment, versions), *redirects]
    if not evidence:
        return None
    was_russian = any(
        RUSSIA_BELARUS & {s.destination_country, s.consignee_country} for s in versions
    )
    extra = {"from_russia": bool(redirects) or was_russian}
    return Hit(context.weights.last_minute_change, tuple(evidence), extra)


def _amendments(shipment: Shipment, versions: list[Shipment]) -> list[Evidence]:
    """Fields that differ from an earlier version of the same shipment (same shipment id)."""
    evidence = []
    for old in versions:
        for field in _CHANGED_FIELDS:
            before, now = getattr(old, field), getattr(shipment, field)
            if _key(before) != _key(now):
                source = f"earlier version of shipment {old.shipment_id} ({old.date or 'undated'})"
                evidence.append(read(shipment, field, source, f"was {before}"))
    return evidence


def _key(value: str | None) -> str | None:
    return party_key(value) if value else None


def _redirects(shipment: Shipment, earlier: list[Shipment], context: RuleContext) -> list[Evidence]:
    """The exporter's recent shipments of the same HS-6 to Russia or Belarus, if this one is not."""
    if shipment.date is None or shipment.hs6 is None:
        return []
    if shipment.destination_country in RUSSIA_BELARUS:
        return []
    end, window = as_date(shipment.date), context.thresholds.redirect_window_days
    found = [
        s
        for s in earlier
        if s.hs6 == shipment.hs6 and s.date is not None and s.shipment_id != shipment.shipment_id
        if RUSSIA_BELARUS & {s.destination_country, s.consignee_country}
        if 0 <= (end - as_date(s.date)).days <= window
    ]
    # FIN-2022-Alert003: shipments previously scheduled for Russia or Belarus re-pointed elsewhere.
    return [
        read(shipment, "hs_code", f"shipment {s.shipment_id} ({s.date}) to {s.destination_country}")
        for s in found
    ]


@rule("R20", "Counterparty churn")
def counterparty_churn(shipment: Shipment, context: RuleContext) -> Hit | None:
    """The end user's earlier intermediary on this route traded briefly; a new firm took over."""
    buyer, consignee, t = shipment.end_user_name, shipment.consignee_name, context.thresholds
    if context.history is None or not buyer or not consignee or shipment.date is None:
        return None
    spans = _intermediaries(shipment, buyer, context.history)
    current = spans.pop(party_key(consignee), [])
    start = min([as_date(shipment.date), *current])
    evidence = []
    for name, dates in spans.items():
        days = (max(dates) - min(dates)).days
        if len(dates) >= t.churn_min_shipments and days < t.churn_days and max(dates) <= start:
            # Trace the Unseen (2026): shipper firms on the KG route were active a median 40 days.
            source = f"{len(dates)} shipments via {name!r} to the same end user, {days} days"
            evidence.append(read(shipment, "consignee_name", source, f"new since {start}"))
    return Hit(context.weights.counterparty_churn, tuple(evidence)) if evidence else None


def _intermediaries(shipment: Shipment, buyer: str, history: History) -> dict[str, list[dt.date]]:
    """Dates of the buyer's earlier shipments on this route, by consignee."""
    key = party_key(buyer)
    spans: defaultdict[str, list[dt.date]] = defaultdict(list)
    for s in others(shipment, history.previous(buyer, shipment.date)):
        same_buyer = s.end_user_name is not None and party_key(s.end_user_name) == key
        same_route = s.destination_country == shipment.destination_country
        if same_buyer and same_route and s.consignee_name and s.date is not None:
            spans[party_key(s.consignee_name)].append(as_date(s.date))
    return dict(spans)
