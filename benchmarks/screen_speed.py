"""Screening speed: 100,000 generated shipments with 4 parties each against every real list.

Counterparties come from a pool of 20,000 names (as a trade desk sees: the same consignees
repeat), a tenth of them listed names; goods codes mix CHPL and ordinary items. The baseline,
timed in the same run, is the red-flag rules alone (no party screening). Last line: one JSON
object with `shipments_per_s`.
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time

from _lists import all_lists_matcher, shared_data
from veracity.model import PartialDate
from veracity.model.trade import Shipment
from veracity.screening.redflags import evaluate
from veracity.screening.screen import Screener

COUNTRIES = ["DE", "FR", "TR", "AE", "HK", "KG", "KZ", "AM", "CN", "US", "IT", "RU", "GE", "IN"]
CODES = [
    "85423190",
    "85423290",
    "84821010",
    "85176200",
    "84818085",
    "39269097",
    "90302000",
    "61091000",
    "84713000",
    "85369010",
]


def name_pool(listed: list[str], size: int, rng: random.Random) -> list[str]:
    """Counterparty names: a tenth from the lists, the rest synthetic people and companies."""
    ev = shared_data() / "sanctions" / "eval" / "yente_cgb_negatives_global.csv"
    people = [r["full_name"] for r in csv.DictReader(ev.open())]
    words = [w for n in people for w in n.split() if w.isalpha() and w.isascii()]
    companies = [
        f"{rng.choice(words)} {rng.choice(words)} {rng.choice(('LLC', 'GmbH', 'Ltd', 'FZE'))}"
        for _ in range(size // 3)
    ]
    pool = rng.sample(listed, size // 10) + rng.sample(people, size // 2) + companies
    return pool[:size]


def shipments(n: int, pool: list[str], rng: random.Random) -> list[Shipment]:
    """Shipments with exporter, consignee, end user and payer drawn from the pool."""
    out = []
    for i in range(n):
        country = rng.choice(COUNTRIES)
        consignee = rng.choice(pool)
        out.append(
            Shipment(
                shipment_id=f"B-{i:06d}",
                date=PartialDate(2024, rng.randint(1, 12), rng.randint(1, 28)),
                exporter_name=rng.choice(pool),
                exporter_country=rng.choice(("DE", "TW", "US", "JP")),
                consignee_name=consignee,
                consignee_country=country,
                end_user_name=consignee,
                end_user_country=country,
                destination_country=country,
                hs_code=rng.choice(CODES),
                quantity=float(rng.randint(1, 5000)),
                unit_value=round(rng.uniform(0.5, 900), 2),
                currency="USD",
                payer_name=rng.choice(pool),
                payer_country=rng.choice(COUNTRIES),
            )
        )
    return out


def main() -> None:
    """Measure and print (`screen_speed.py [N]`: N shipments, default 100,000)."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(17)
    matcher = all_lists_matcher()
    listed = [e.name for e in matcher.index.entries]
    batch = shipments(count, name_pool(listed, 20_000, rng), rng)
    screener = Screener(matcher)
    start = time.perf_counter()
    risks: dict[str, int] = {}
    for s in batch:
        risk = screener.screen(s).decision.risk.value
        risks[risk] = risks.get(risk, 0) + 1
    seconds = time.perf_counter() - start
    base_start = time.perf_counter()
    for s in batch:
        evaluate(s, screener.context)
    baseline = time.perf_counter() - base_start
    rate = len(batch) / seconds
    print(
        f"{len(batch):,} shipments (4 parties each) in {seconds:.1f} s: {rate:,.0f}/s on one core"
    )
    print(f"rules alone (baseline): {len(batch) / baseline:,.0f}/s; decisions: {risks}")
    print(
        json.dumps(
            {
                "shipments_per_s": round(rate, 1),
                "seconds": round(seconds, 1),
                "rules_only_per_s": round(len(batch) / baseline, 1),
                "shipments": len(batch),
                "decisions": risks,
            }
        )
    )


if __name__ == "__main__":
    main()
