"""Transliteration engines compared on real list names: quality against the Latin name, and speed.

Pairs (original script → the Latin names the same record gives):
- dev: UN consolidated list NAME_ORIGINAL_SCRIPT vs the record's Latin name and aliases; every
  non-Latin name of an OpenSanctions FtM entity vs its Latin names.
- eval (measured, never tuned on): the 22 Watchman cross-script pairs, and the cross-script
  positive pairs of the nomenklatura name bench.

Quality per pair is the best, over the engine's renderings and the record's Latin names, of:
`sim`, symmetric mean best-token Jaro–Winkler; `exact`, the share of the Latin name's tokens
found spelled identically; `skel`, the share found with an equal consonant skeleton.

Run: `.venv/bin/python benchmarks/translit_bench.py` (VERACITY_SHARED_DATA as for the tests).
Prints a table and, last, one JSON line with the figures.
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import json
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as ElementTree
import jellyfish
from anyascii import anyascii

from veracity.names import normalize, phonetic, translit
from veracity.names.prepare import clear_caches
from veracity.names.scripts import is_latin
from veracity.settings import load_settings

Pair = tuple[str, tuple[str, ...]]
Engine = Callable[[str], tuple[str, ...]]


def _un_pairs(path: Path) -> Iterator[Pair]:
    root = ElementTree.parse(path).getroot()
    for record in [*root.iter("INDIVIDUAL"), *root.iter("ENTITY")]:
        original = (record.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if not original or is_latin(original):
            continue
        parts = (record.findtext(f"{n}_NAME") or "" for n in ("FIRST", "SECOND", "THIRD", "FOURTH"))
        latin = [" ".join(p for p in parts if p)]
        latin += [(a.findtext("ALIAS_NAME") or "") for a in record if a.tag.endswith("_ALIAS")]
        yield original, tuple(name for name in latin if name.strip())


def _ftm_pairs(folder: Path) -> Iterator[Pair]:
    for path in sorted(folder.glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            props = json.loads(line).get("properties", {})
            names = [n for key in ("name", "alias", "previousName") for n in props.get(key, [])]
            latin = tuple(n for n in names if is_latin(n))
            for name in names:
                if latin and not is_latin(name):
                    yield name, latin


def _csv_pairs(
    lines: list[str], left: str, right: str, keep: Callable[[dict[str, str]], bool]
) -> list[Pair]:
    rows = csv.DictReader(line for line in lines if line.strip() and not line.startswith("#"))
    pairs: list[Pair] = []
    for row in rows:
        if not keep(row):
            continue
        a, b = row[left], row[right]
        if is_latin(a) != is_latin(b):
            pairs.append((b, (a,)) if is_latin(a) else (a, (b,)))
    return pairs


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def load_sets(data: Path) -> dict[str, list[Pair]]:
    """The dev and eval pair sets, by name."""
    sanctions = data / "sanctions"
    watchman = sanctions / "eval" / "watchman_cross_script_pairs.csv"
    bench = sanctions / "eval" / "nomenklatura_name_bench_cases.csv"
    # The Watchman file has no header row, only comments.
    watchman_lines = ["query,expected,min_score,description", *_lines(watchman)]
    return {
        "dev:un": list(_un_pairs(sanctions / "un" / "UN_consolidated.xml")),
        "dev:ftm": list(_ftm_pairs(sanctions / "opensanctions_ftm")),
        "eval:watchman": _csv_pairs(watchman_lines, "query", "expected", lambda _: True),
        "eval:name_bench": _csv_pairs(
            _lines(bench), "name1", "name2", lambda row: row["is_match"] == "true"
        ),
    }


def _token_sim(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    jw = jellyfish.jaro_winkler_similarity
    forward = statistics.fmean(max(jw(x, y) for y in a) for x in b)
    backward = statistics.fmean(max(jw(x, y) for y in b) for x in a)
    return (forward + backward) / 2


def _share(found: set[str], wanted: list[str]) -> float:
    return sum(w in found for w in wanted) / len(wanted) if wanted else 0.0


def score(renderings: tuple[str, ...], refs: tuple[str, ...]) -> tuple[float, float, float]:
    """(sim, exact, skel) of the best rendering against the best Latin name."""
    best = (0.0, 0.0, 0.0)
    for ref in refs:
        want = normalize(ref).split()
        want_skel = [k for k in (phonetic.skeleton(t) for t in want) if k]
        for rendering in renderings:
            got = rendering.split()
            skel = {phonetic.skeleton(t) for t in got}
            found = (_token_sim(got, want), _share(set(got), want), _share(skel, want_skel))
            best = max(best, found)
    return best


def engines() -> dict[str, Engine]:
    """Every candidate engine that is installed, each returning normalised renderings."""
    found: dict[str, Engine] = {
        "anyascii": lambda text: (normalize(anyascii(text)),),
        "veracity": lambda text: (translit.to_latin(normalize(text)),),
        "veracity+variants": lambda text: translit.latin_variants(normalize(text)),
    }
    try:
        icu: Any = importlib.import_module("icu")
        rule = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
        found["icu"] = lambda text: (normalize(rule.transliterate(text)),)
    except ImportError:
        pass
    try:
        rigour: Any = importlib.import_module("rigour.text.translit")
        found["rigour"] = lambda text: (normalize(rigour.ascii_text(text)),)
    except ImportError:
        pass
    return found


def _clear_caches() -> None:
    # Per-string caches only: per-character ones (a few thousand entries) are warm in any
    # process that has screened a few names, so a new name meets them warm.
    clear_caches()
    # rigour falls back to normality, which caches its ICU results (absent: nothing to clear).
    with contextlib.suppress(ImportError, AttributeError):
        importlib.import_module("normality.transliteration")._ascii_text.cache_clear()


def measure(engine: Engine, names: list[str], repeat: int = 5) -> tuple[float, float]:
    """Best µs per name over `repeat` runs, on cold caches (first pass) and warm (second).

    A pass over the reversed names first loads what each engine loads lazily (anyascii's
    tables, ICU's rules, per-character caches) without warming the per-string caches.
    """
    for name in names:
        engine(name[::-1])
    cold, warm = float("inf"), float("inf")
    for _ in range(repeat):
        _clear_caches()
        timings = []
        for _ in range(2):
            start = time.perf_counter()
            for name in names:
                engine(name)
            timings.append((time.perf_counter() - start) / len(names) * 1e6)
        cold, warm = min(cold, timings[0]), min(warm, timings[1])
    return cold, warm


def main() -> None:
    """Print the comparison table, then one JSON line with the figures."""
    sets = load_sets(load_settings().shared_data)
    figures: dict[str, Any] = {"pairs": {name: len(pairs) for name, pairs in sets.items()}}
    names = sorted({original for pairs in sets.values() for original, _ in pairs})
    speeds = {name: measure(engine, names) for name, engine in engines().items()}
    print(f"{'engine':<18} {'set':<16} {'n':>4} {'sim':>6} {'exact':>6} {'skel':>6}")
    for engine_name, engine in engines().items():
        results: dict[str, Any] = {}
        for set_name, pairs in sets.items():
            scores = [score(engine(original), refs) for original, refs in pairs]
            sim, exact, skel = (
                round(statistics.fmean(col), 3) for col in zip(*scores, strict=True)
            )
            results[set_name] = {"sim": sim, "exact": exact, "skel": skel}
            print(f"{engine_name:<18} {set_name:<16} {len(pairs):>4} {sim:>6} {exact:>6} {skel:>6}")
        cold, warm = speeds[engine_name]
        results["us_per_name"] = {"cold": round(cold, 1), "warm": round(warm, 2)}
        print(f"{engine_name:<18} speed: {cold:.1f} µs/name cold, {warm:.2f} µs/name warm")
        figures[engine_name] = results
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
