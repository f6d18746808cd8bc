"""Matching speed against every real list, with the exhaustive scan as the baseline.

- batch: queries per second on one core (one process, sequential);
- single query latency: p50 and p99 in milliseconds, over distinct queries;
- candidate recall: of the parties our own scorer puts above the threshold when it scores *every*
  listed name (exhaustive), the share the candidate index retrieves;
- baseline: an exhaustive rapidfuzz scan (token_sort_ratio over every listed name, C++) timed on
  the same queries; `speedup_vs_exhaustive` is its time per query over ours.
Last line: one JSON object.
"""

from __future__ import annotations

import csv
import json
import random
import statistics
import time

from rapidfuzz import fuzz, process

from _lists import all_lists_matcher, shared_data
from veracity.matching import MatchConfig, Matcher, MatchQuery
from veracity.matching.index import Entry
from veracity.matching.model import sigmoid
from veracity.model import Schema
from veracity.names import prepare


def queries(n: int, seed: int = 11) -> list[MatchQuery]:
    """A quarter listed people, the rest synthetic non-listed names (a screening desk's mix)."""
    ev = shared_data() / "sanctions" / "eval"
    rng = random.Random(seed)
    listed = list(csv.DictReader((ev / "yente_cgb_positives_un_treated.csv").open()))
    rows = rng.sample(listed, min(n // 4, len(listed)))
    negatives = list(csv.DictReader((ev / "yente_cgb_negatives_global.csv").open()))
    rows += rng.sample(negatives, n - len(rows))
    rng.shuffle(rows)
    return [MatchQuery.build(r["full_name"], "Person") for r in rows]


def timed(matcher: Matcher, qs: list[MatchQuery]) -> list[float]:
    """Seconds per query."""
    out = []
    for q in qs:
        start = time.perf_counter()
        matcher.match(q, MatchConfig(limit=10))
        out.append(time.perf_counter() - start)
    return out


def exhaustive_hits(matcher: Matcher, q: MatchQuery) -> set[int]:
    """Parties our scorer puts above the threshold when scoring every listed person name
    (the same score as the matcher's: best rendering, weak aliases discounted)."""
    hits = set()
    probe = prepare(q.names[0], "person")
    for entry in matcher.index.entries:
        party = matcher.index.parties[entry.party]
        if party.schema != Schema.PERSON:
            continue
        scored = matcher._best_rendering(probe, entry, q.names[0])
        if sigmoid(matcher._adjusted(scored)) >= matcher.model.threshold:
            hits.add(entry.party)
    return hits


def candidate_recall(matcher: Matcher, qs: list[MatchQuery]) -> float:
    """Share of exhaustive above-threshold parties that the indexed matcher also returns."""
    position = {party.id: p for p, party in enumerate(matcher.index.parties)}
    found = wanted = 0
    for q in qs:
        truth = exhaustive_hits(matcher, q)
        results = matcher.match(q, MatchConfig(limit=500))
        got = {position[r.party.id] for r in results if r.match}
        wanted += len(truth)
        found += len(truth & got)
    return found / wanted if wanted else 1.0


def rapidfuzz_scan(entries: list[Entry], qs: list[MatchQuery]) -> float:
    """Seconds per query for an exhaustive rapidfuzz scan of every listed name."""
    choices = [e.prepared.latin for e in entries]
    start = time.perf_counter()
    for q in qs:
        process.extract(q.names[0].lower(), choices, scorer=fuzz.token_sort_ratio, limit=10)
    return (time.perf_counter() - start) / len(qs)


def main() -> None:
    """Measure and print."""
    matcher = all_lists_matcher()
    qs = queries(4000)
    timed(matcher, qs[:200])  # warm the per-token caches as a running service would be
    batch = timed(matcher, qs[200:])
    qps = len(batch) / sum(batch)
    fresh = timed(matcher, queries(600, seed=99))
    ms = sorted(t * 1000 for t in fresh)
    p50, p99 = statistics.median(ms), ms[int(len(ms) * 0.99) - 1]
    baseline = rapidfuzz_scan(matcher.index.entries, qs[:200])
    recall = candidate_recall(matcher, queries(60, seed=5))
    print(f"batch: {qps:,.0f} queries/s on one core; single: p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print(
        f"exhaustive rapidfuzz scan: {baseline * 1000:.1f} ms/query; candidate recall {recall:.4f}"
    )
    print(
        json.dumps(
            {
                "qps_per_core": round(qps, 1),
                "p50_ms": round(p50, 3),
                "p99_ms": round(p99, 3),
                "candidate_recall": round(recall, 4),
                "speedup_vs_exhaustive": round(baseline / (sum(batch) / len(batch)), 2),
                "exhaustive_ms_per_query": round(baseline * 1000, 2),
                "listed_names": len(matcher.index.entries),
            }
        )
    )


if __name__ == "__main__":
    main()
