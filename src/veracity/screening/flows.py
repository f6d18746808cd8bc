"""Trade-flow red flags: surges (R05), mirror gaps (R06) and hub re-export ratios (R07).

These are aggregate signals about a route or a hub, not about one shipment (rule catalogue
`shared/data/trade/reference/red_flag_rules.csv`). Each analysis returns a small table of frozen
rows that carry their figures and the files they were computed from. Read the files with
`veracity.screening.flows_readers`.

Published figures these definitions reproduce (research note export_controls.md §3):
- EU-27 exports to Kyrgyzstan €263m (2021) → €2,734m (2023): `surges` over the EU-27 yearly file,
  total goods, reporter EU27, partner Kyrgyzstan (the row's `value`).
- EU→Kyrgyzstan mirror gap 57% (2022) against 7% (2021): `mirror_gaps` of the EU-27 yearly
  exports against Kyrgyzstan's imports from "European Union - 27 countries", gap share
  (exported − imported) / exported.
- Armenia's re-exports of CHPL goods $2.4m (2021) → $70.6m (2022): `reexport_ratios` over Tvyal's
  yearly HS-6 estimate, summing `reexports` of every HS-6 for which `goods.chpl` finds an entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from veracity.screening.flows_readers import EU27, TOTAL, Flow
from veracity.screening.goods import chpl

GoodsFilter = Callable[[str], bool]

GOODS: dict[str, GoodsFilter] = {
    "total": lambda code: code == TOTAL,
    "coded": lambda code: code != TOTAL,
    "chpl": lambda code: code != TOTAL and chpl(code) is not None,
}
"""Goods baskets by name: all goods (TOTAL rows), every coded row of a file, the CHPL codes."""

BASELINE = (2019, 2021)
"""Pre-invasion baseline years of R05 (KSE/Yermak-McFaul 2024; E. Dor 2023)."""
SURGE_RATIO = 3.0
"""R05 flags a flow at three times its baseline (red_flag_rules.csv)."""
MIRROR_SHARE = 0.30
"""R06 flags a gap above 30% of the exporter's figure; CIF/FOB alone explains about 5-10%."""
REEXPORT_RATIO = 0.5
"""R07 flags a hub that re-exports at least half of what it exports of the goods."""


@dataclass(frozen=True, slots=True)
class Surge:
    """R05: a year's flow against the mean of the same months in the baseline years."""

    reporter: str
    partner: str
    goods: str
    year: int
    months: tuple[int, ...]
    """The calendar months summed in every year (all 12 for yearly figures)."""
    value: float
    baseline: float
    ratio: float | None
    """value / baseline; None when the baseline is zero."""
    flagged: bool
    currency: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MirrorGap:
    """R06: what the exporter reports sending against what the partner reports receiving."""

    exporter: str
    partner: str
    year: int
    exported: float
    imported: float
    gap_share: float | None
    """(exported - imported) / exported; None when nothing was exported."""
    flagged: bool
    currency: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReexportRatio:
    """R07: a hub's re-exports of the goods against its exports of the same goods."""

    hub: str
    goods: str
    year: int
    reexports: float
    exports: float
    ratio: float | None
    flagged: bool
    top_codes: tuple[str, ...]
    """The goods codes with the largest re-exports that year."""
    currency: str
    sources: tuple[str, ...]


def _by_year(flows: Iterable[Flow]) -> tuple[dict[int, float], set[str], str]:
    """Yearly sums, the files they came from and their currency."""
    sums: dict[int, float] = defaultdict(float)
    sources: set[str] = set()
    currencies: set[str] = set()
    for flow in flows:
        sums[flow.year] += flow.value
        sources.add(flow.source)
        currencies.add(flow.currency)
    return sums, sources, "/".join(sorted(currencies))


def _same_months(flows: Sequence[Flow]) -> tuple[int, ...]:
    """The months of the latest year, so a partial last year is compared like with like."""
    if not flows or flows[0].month is None:
        return tuple(range(1, 13))
    latest = max(f.year for f in flows)
    return tuple(sorted({f.month for f in flows if f.year == latest and f.month is not None}))


def surges(
    flows: Sequence[Flow],
    partners: Iterable[str],
    *,
    reporter: str | None = EU27,
    goods: str = "total",
    flow: str = "EXPORT",
    baseline: tuple[int, int] = BASELINE,
) -> list[Surge]:
    """R05 rows, one per partner and year from the baseline's first year on.

    `reporter` None sums every reporter (for files of member states without an EU row). Monthly
    figures are summed over the months present in the latest year in every year; the baseline is
    the mean of the baseline years the data covers.
    """
    keep = GOODS[goods]
    chosen = [
        f for f in flows if f.flow == flow and reporter in (None, f.reporter) and keep(f.code)
    ]
    months = _same_months(chosen)
    chosen = [f for f in chosen if f.month is None or f.month in months]
    years = sorted({f.year for f in chosen if f.year >= baseline[0]})
    base_years = [y for y in years if y <= baseline[1]]
    rows = []
    for partner in partners:
        sums, sources, currency = _by_year(f for f in chosen if f.partner == partner)
        mean = sum(sums.get(y, 0.0) for y in base_years) / len(base_years) if base_years else 0.0
        for year in years:
            value = sums.get(year, 0.0)
            ratio = value / mean if mean else None
            flagged = ratio is not None and ratio >= SURGE_RATIO
            where = (reporter or "all reporters", partner, goods, year, months)
            rows.append(
                Surge(*where, value, mean, ratio, flagged, currency, tuple(sorted(sources)))
            )
    return rows


def mirror_gaps(
    exports: Iterable[Flow], imports: Iterable[Flow], partners: Iterable[str], exporter: str = EU27
) -> list[MirrorGap]:
    """R06 rows, one per partner and year that both sides report (total goods).

    The gap share is (exported - imported) / exported. Imports are valued CIF and exports FOB, so
    an honest route shows a negative or small gap; a large positive one means goods the exporter
    declared for the partner never arrived there (mary-lev/eu-export-sanctions; FT, May 2023).
    """
    exports, imports = list(exports), list(imports)
    rows = []
    for partner in partners:
        sent, sent_from, currency = _by_year(_route(exports, exporter, partner, "EXPORT"))
        got, got_from, _ = _by_year(_route(imports, partner, exporter, "IMPORT"))
        for year in sorted(sent.keys() & got.keys()):
            share = (sent[year] - got[year]) / sent[year] if sent[year] else None
            flagged = share is not None and share > MIRROR_SHARE
            sources = tuple(sorted(sent_from | got_from))
            figures = (sent[year], got[year], share, flagged, currency, sources)
            rows.append(MirrorGap(exporter, partner, year, *figures))
    return rows


def reexport_ratios(
    flows: Iterable[Flow], hub: str = "Armenia", goods: str = "chpl", top: int = 3
) -> list[ReexportRatio]:
    """R07 rows, one per year: the hub's re-exports of the goods and their share of its exports."""
    keep = GOODS[goods]
    chosen = [f for f in flows if f.reporter == hub and keep(f.code)]
    re_sums, sources, currency = _by_year(f for f in chosen if f.flow == "REEXPORT")
    ex_sums, ex_sources, _ = _by_year(f for f in chosen if f.flow == "EXPORT")
    rows = []
    for year in sorted(re_sums):
        exported = ex_sums.get(year, 0.0)
        ratio = re_sums[year] / exported if exported else None
        flagged = ratio is not None and ratio >= REEXPORT_RATIO
        codes = _top_codes(chosen, year, top)
        files = tuple(sorted(sources | ex_sources))
        figures = (re_sums[year], exported, ratio, flagged, codes, currency, files)
        rows.append(ReexportRatio(hub, goods, year, *figures))
    return rows


def _route(flows: Iterable[Flow], reporter: str, partner: str, flow: str) -> Iterator[Flow]:
    """The all-goods figures of one reporter, partner and flow."""
    for f in flows:
        if (f.reporter, f.partner, f.flow, f.code) == (reporter, partner, flow, TOTAL):
            yield f


def _top_codes(flows: Iterable[Flow], year: int, top: int) -> tuple[str, ...]:
    """The `top` goods codes with the largest re-exports in `year`."""
    sums: dict[str, float] = defaultdict(float)
    for flow in flows:
        if flow.year == year and flow.flow == "REEXPORT":
            sums[flow.code] += flow.value
    return tuple(sorted(sums, key=lambda code: -sums[code])[:top])
