"""Screening outputs: JSON Lines for machines, an HTML report for people."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from veracity.model import Reject
from veracity.report.flow_charts import category_bars_svg
from veracity.report.html import render_to
from veracity.screening.screen import Screened, summary


def write_jsonl(screened: Sequence[Screened], path: Path) -> Path:
    """One JSON object per shipment: shipment_id, risk, score, reason, findings with evidence."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for item in screened:
            out.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
    return path


def write_html(
    screened: Sequence[Screened], rejects: Sequence[Reject], path: Path, title: str
) -> Path:
    """The screening report: summary, counts, and each flagged shipment with its evidence."""
    flagged = [s for s in screened if s.decision.findings]
    flagged.sort(key=lambda s: (_ORDER[s.decision.risk.value], -s.decision.score))
    figures = summary(screened, rejects)
    charts = {
        "risk": category_bars_svg(figures["by_risk"], "Shipments by decision", "shipments"),
        "rules": category_bars_svg(figures["by_rule"], "Shipments by finding", "shipments"),
    }
    return render_to(
        path,
        "screening.html",
        title=title,
        summary=figures,
        charts=charts,
        flagged=flagged,
        rejects=rejects,
    )


_ORDER = {"block": 0, "escalate": 1, "review": 2, "clear": 3}
