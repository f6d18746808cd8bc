"""Name-matching quality on the public evaluation sets, side by side with logic-v2.

- nomenklatura name_bench: precision, recall and F1 at the model's default threshold, overall
  and per group, with logic-v2's frozen scores on the same cases;
- Watchman's 22 cross-script pairs: how many match;
- yente candidate-generation sets: recall@1 of the UN positives (untreated and treated) against
  the UN list, and the false-positive rate of the 2 × 50,000 synthetic negatives against all lists.
These files measure; nothing here trains or tunes. Last line: one JSON object.
"""

from __future__ import annotations

import csv
import json
import time
from collections import defaultdict
from pathlib import Path

from _lists import all_lists_matcher, shared_data
from veracity.matching import MatchConfig, Matcher, MatchQuery
from veracity.model import Schema, parse_date
from veracity.model.countries import country_code
from veracity.names import normalize

SCHEMAS = {
    "Person": Schema.PERSON,
    "Company": Schema.COMPANY,
    "Organization": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL,
}


def f1(counts: list[int]) -> dict[str, float]:
    """Precision, recall, F1 from [tp, fp, fn, tn]."""
    tp, fp, fn, _ = counts
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def _cell(predicted: bool, truth: bool) -> int:
    return 0 if predicted and truth else 1 if predicted else 2 if truth else 3


def name_bench(matcher: Matcher, ev: Path) -> dict[str, object]:
    """Our predictions and logic-v2's on the same cases."""
    frozen = {
        (r["name1"], r["name2"], r["schema"]): r["predicted_match"] == "true"
        for r in csv.DictReader((ev / "nomenklatura_name_bench_logicv2_frozen.csv").open())
    }
    ours: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    same_ours, same_v2 = [0, 0, 0, 0], [0, 0, 0, 0]
    for row in csv.DictReader((ev / "nomenklatura_name_bench_cases.csv").open()):
        truth = row["is_match"] == "true"
        hit = matcher.compare(row["name1"], row["name2"], SCHEMAS.get(row["schema"])).match
        for group in ("all", row["case_group"]):
            ours[group][_cell(hit, truth)] += 1
        key = (row["name1"], row["name2"], row["schema"])
        if key in frozen:
            same_ours[_cell(hit, truth)] += 1
            same_v2[_cell(frozen[key], truth)] += 1
    return {
        "ours": {g: f1(c) | {"cases": sum(c)} for g, c in ours.items()},
        "same_cases": {"cases": sum(same_ours), "ours": f1(same_ours), "logic_v2": f1(same_v2)},
    }


def cross_script(matcher: Matcher, ev: Path) -> tuple[int, int]:
    """How many of Watchman's cross-script pairs match."""
    lines = [
        ln
        for ln in (ev / "watchman_cross_script_pairs.csv").open()
        if ln.strip() and not ln.startswith("#")
    ]
    matched = sum(matcher.compare(q, e).match for q, e, *_ in csv.reader(lines))
    return matched, len(lines)


def _query(row: dict[str, str]) -> MatchQuery:
    code = country_code(row.get("nationality") or "")
    try:
        dates = [parse_date(row.get("date_of_birth") or "").iso()]
    except ValueError:
        dates = []  # no date, or one written in a form we do not parse: match on the name alone
    return MatchQuery.build(row["full_name"], "Person", [code] if code else None, dates)


def un_recall(matcher: Matcher, ev: Path, file: str) -> float:
    """Share of UN positives whose listed UN party is the top result and a match."""
    truth_rows = list(csv.DictReader((ev / "yente_cgb_positives_un_untreated.csv").open()))
    rows = list(csv.DictReader((ev / file).open()))
    by_name = {
        normalize(n.full): p.id for p in matcher.index.parties if p.source == "un" for n in p.names
    }
    hits = total = 0
    for truth, row in zip(truth_rows, rows, strict=True):
        wanted = by_name.get(normalize(truth["full_name"]))
        if wanted is None:
            continue
        total += 1
        results = [
            r for r in matcher.match(_query(row), MatchConfig(limit=50)) if r.party.source == "un"
        ]
        hits += bool(results) and results[0].party.id == wanted and results[0].match
    return hits / total if total else 0.0


def negatives_fpr(matcher: Matcher, ev: Path) -> tuple[float, int]:
    """Share of the synthetic negatives with any match among all lists."""
    flagged = total = 0
    for file in ("yente_cgb_negatives_global.csv", "yente_cgb_negatives_us.csv"):
        for row in csv.DictReader((ev / file).open()):
            total += 1
            flagged += any(r.match for r in matcher.match(_query(row), MatchConfig(limit=3)))
    return flagged / total, total


def main() -> None:
    """Measure everything and print it."""
    ev = shared_data() / "sanctions" / "eval"
    start = time.perf_counter()
    matcher = all_lists_matcher()
    bench = name_bench(matcher, ev)
    print(json.dumps(bench, indent=1))
    matched, pairs = cross_script(matcher, ev)
    print(f"cross-script pairs matched: {matched}/{pairs}")
    untreated = un_recall(matcher, ev, "yente_cgb_positives_un_untreated.csv")
    treated = un_recall(matcher, ev, "yente_cgb_positives_un_treated.csv")
    print(f"UN recall@1: untreated {untreated:.4f}, treated {treated:.4f}")
    fpr, negatives = negatives_fpr(matcher, ev)
    print(f"negatives flagged: {fpr:.4%} of {negatives:,}")
    same = bench["same_cases"]
    assert isinstance(same, dict)
    overall = bench["ours"]["all"]  # type: ignore[index]  # built above
    print(
        json.dumps(
            {
                "f1": overall["f1"],
                "precision": overall["precision"],
                "recall": overall["recall"],
                "logic_v2_f1": same["logic_v2"]["f1"],
                "ours_f1_same_cases": same["ours"]["f1"],
                "cross_script_matched": matched,
                "cross_script_pairs": pairs,
                "un_untreated_recall_at_1": round(untreated, 4),
                "un_treated_recall_at_1": round(treated, 4),
                "negatives_fpr": round(fpr, 5),
                "threshold": matcher.model.threshold,
                "seconds": round(time.perf_counter() - start, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
