"""Claim-check outputs: JSON Lines and CSV for machines, an HTML report for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from veracity.claims.stats import ClaimStats
from veracity.claims.verify import ClaimVerdict
from veracity.model import Reject
from veracity.report.flow_charts import category_bars_svg
from veracity.report.html import render_to

CSV_COLUMNS = (
    "claim_id", "full_name", "verdict", "confidence", "person", "status", "most_serious",
    "state_law_conviction", "immigration_conviction", "assertions", "explanation", "caveats",
)  # fmt: skip


def write_jsonl(verdicts: Sequence[ClaimVerdict], path: Path) -> Path:
    """One JSON object per claim (see `ClaimVerdict.as_dict`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for verdict in verdicts:
            out.write(json.dumps(verdict.as_dict(), ensure_ascii=False) + "\n")
    return path


def write_csv(verdicts: Sequence[ClaimVerdict], path: Path) -> Path:
    """One row per claim, the assertions folded into one cell, for a spreadsheet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, CSV_COLUMNS)
        writer.writeheader()
        for verdict in verdicts:
            writer.writerow(_row(verdict))
    return path


def _row(verdict: ClaimVerdict) -> dict[str, object]:
    data = verdict.as_dict()
    record = data["record"] or {}
    assertions = "; ".join(f"{a['claimed']}: {a['verdict']}" for a in data["assertions"])
    return {
        "claim_id": data["claim_id"],
        "full_name": data["full_name"],
        "verdict": data["verdict"],
        "confidence": data["confidence"],
        "person": data["person"] or "",
        "status": record.get("status", ""),
        "most_serious": record.get("most_serious", ""),
        "state_law_conviction": record.get("state_law_conviction", ""),
        "immigration_conviction": record.get("immigration_conviction", ""),
        "assertions": assertions,
        "explanation": data["explanation"],
        "caveats": " ".join(data["caveats"]),
    }


def write_html(
    verdicts: Sequence[ClaimVerdict],
    stats: ClaimStats,
    rejects: Sequence[Reject],
    path: Path,
    title: str,
) -> Path:
    """The report: figures, charts, and each claim with its assertions and evidence rows."""
    charts = {
        "verdicts": category_bars_svg(stats.by_verdict, "Claims by verdict", "claims"),
        "status": category_bars_svg(stats.by_status, "People by record status", "people"),
        "severity": category_bars_svg(
            stats.by_severity, "People by most serious conviction", "people"
        ),
    }
    return render_to(
        path,
        "claims.html",
        title=title,
        verdicts=[v.as_dict() for v in verdicts],
        stats=stats.as_dict(),
        charts=charts,
        rejects=rejects,
    )
