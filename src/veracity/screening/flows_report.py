"""All trade-flow tables of a trade data folder at once, for `veracity flows` and its reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from veracity.exc import RowError
from veracity.screening.flows import (
    MirrorGap,
    ReexportRatio,
    Surge,
    mirror_gaps,
    reexport_ratios,
    surges,
)
from veracity.screening.flows_readers import read_trade_folder

TRANSIT = ("Armenia", "Georgia", "Kazakhstan", "Kyrgyzstan", "Uzbekistan")
"""Russia's neighbours among the FinCEN/BIS common transshipment points (FIN-2022-Alert003)."""
ROUTES = (*TRANSIT, "Russia", "Belarus")
"""Transit countries plus the sanctioned destinations themselves, for comparison."""
MIRROR_PARTNERS = ("Armenia", "Kazakhstan", "Kyrgyzstan", "Uzbekistan")
"""The partners whose own import statistics are in the data (partner_reported_imports)."""


@dataclass(frozen=True, slots=True)
class FlowReport:
    """The R05-R07 tables computed from one trade data folder, and the rows its files rejected."""

    folder: str
    surges: tuple[Surge, ...]
    """R05, EU-27 exports of all goods (Eurostat yearly totals)."""
    chpl_surges: tuple[Surge, ...]
    """R05, EU member-state exports of CHPL codes (Comext CN-8 of sanctioned codes)."""
    mirror_gaps: tuple[MirrorGap, ...]
    reexports: tuple[ReexportRatio, ...]
    rejects: tuple[RowError, ...]

    def as_json(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        tables = ("surges", "chpl_surges", "mirror_gaps", "reexports")
        data: dict[str, Any] = {"folder": self.folder}
        data |= {name: [asdict(row) for row in getattr(self, name)] for name in tables}
        data["rejects"] = [reject.as_dict() for reject in self.rejects]
        return data


def analyse_folder(folder: Path) -> FlowReport:
    """Read the trade data folder and compute the R05, R06 and R07 tables."""
    files = read_trade_folder(folder)
    return FlowReport(
        folder=str(folder),
        surges=tuple(surges(files["eu27_yearly"].flows, ROUTES)),
        chpl_surges=tuple(surges(files["eu_cn8"].flows, ROUTES, reporter=None, goods="chpl")),
        mirror_gaps=tuple(
            mirror_gaps(files["eu27_yearly"].flows, files["partner_imports"].flows, MIRROR_PARTNERS)
        ),
        reexports=tuple(reexport_ratios(files["armenia_reexports"].flows)),
        rejects=tuple(reject for read in files.values() for reject in read.rejects),
    )
