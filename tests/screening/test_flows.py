"""Trade flows: readers, R05 surges, R06 mirror gaps, R07 re-export ratios, `veracity flows`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from veracity.cli import cli
from veracity.exc import SourceError
from veracity.screening.flows import mirror_gaps, reexport_ratios, surges
from veracity.screening.flows_readers import (
    Flows,
    label,
    read_eu27_yearly,
    read_trade_folder,
)


@pytest.fixture
def folder(fixtures: Path) -> Path:
    return fixtures / "flows"


@pytest.fixture
def files(folder: Path) -> dict[str, Flows]:
    return read_trade_folder(folder)


@pytest.fixture(scope="module")
def real(shared_data: Path) -> dict[str, Flows]:
    return read_trade_folder(shared_data / "trade")


def test_labels_lose_history_notes_and_french() -> None:
    assert label("Italy (incl. San Marino 'SM' -> 1993)") == "Italy"
    assert label("European Union - 27 countries (from 2020)") == "EU27"
    assert label("Russie, Fédération de") == label("Russian Federation (Russia)") == "Russia"


def test_bad_rows_are_reported_with_file_line_and_field(files: dict[str, Flows]) -> None:
    found = {
        (r.path and Path(r.path).name[:12], r.line, r.field)
        for read in files.values()
        for r in read.rejects
    }
    assert found == {
        ("eu27_exports", 2, "value_eur"),
        ("eu27_exports", 10, "partner"),
        ("partner_repo", 5, "value_eur"),
        ("eu_exports_c", 10, "cn_code"),
        ("armenia_reex", 6, "reexports"),
    }
    good = files["eu27_yearly"].flows
    assert len(good) == 7 and {f.line for f in good} == set(range(3, 10))


def test_missing_column_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("reporter,partner,year\nEU27,Kyrgyzstan,2021\n", encoding="utf-8")
    with pytest.raises(SourceError, match="value_eur"):
        read_eu27_yearly(path)


def test_surge_against_baseline_mean(files: dict[str, Flows]) -> None:
    table = surges(files["eu27_yearly"].flows, ["Kyrgyzstan", "Russia"])
    rows = {r.year: r for r in table if r.partner == "Kyrgyzstan"}
    assert rows[2021].baseline == pytest.approx(200.0)  # mean of 100, 200, 300
    assert rows[2022].ratio == pytest.approx(4.5) and rows[2022].flagged
    assert rows[2021].ratio == pytest.approx(1.5) and not rows[2021].flagged
    assert rows[2023].sources == ("eu27_exports_yearly_by_partner_2010_2023.csv",)
    # French and English labels of Russia are one partner; missing years count as zero.
    russia = {r.year: r.value for r in table if r.partner == "Russia"}
    assert russia == {2019: 1000, 2020: 0, 2021: 0, 2022: 0, 2023: 500}


def test_monthly_surge_compares_the_same_months(files: dict[str, Flows]) -> None:
    rows = surges(files["eu_cn8"].flows, ["Kyrgyzstan"], reporter=None, goods="chpl")
    by_year = {r.year: r for r in rows}
    # 2022 has January and February only, so December 2020 (1000) stays out of the baseline;
    # the non-CHPL boiler (840219) stays out of every year.
    assert by_year[2022].months == (1, 2)
    assert by_year[2020].value == 20 and by_year[2021].value == 40
    assert by_year[2022].value == 120 and by_year[2022].ratio == pytest.approx(4.0)


def test_mirror_gap_share(files: dict[str, Flows]) -> None:
    rows = mirror_gaps(files["eu27_yearly"].flows, files["partner_imports"].flows, ["Kyrgyzstan"])
    shares = {r.year: r.gap_share for r in rows}
    assert shares == {2021: pytest.approx(0.1), 2022: pytest.approx(0.5)}
    assert [r.flagged for r in rows] == [False, True]


def test_reexport_ratio_of_chpl_codes(files: dict[str, Flows]) -> None:
    rows = {r.year: r for r in reexport_ratios(files["armenia_reexports"].flows)}
    assert (rows[2022].reexports, rows[2022].exports) == (40, 50)  # trout is not on the CHPL
    assert rows[2022].ratio == pytest.approx(0.8) and rows[2022].currency == "USD"
    assert rows[2022].top_codes == ("854231", "851762")
    assert rows[2021].flagged  # exactly half re-exported meets R07's >= 0.5


# Published figures (research note export_controls.md §3; issue 4, item 6).


def test_real_eu_exports_to_kyrgyzstan(real: dict[str, Flows]) -> None:
    rows = {r.year: r for r in surges(real["eu27_yearly"].flows, ["Kyrgyzstan"])}
    assert round(rows[2021].value / 1e6) == 263
    assert round(rows[2023].value / 1e6) == 2734
    assert rows[2023].flagged and not rows[2021].flagged


def test_real_mirror_gap_kyrgyzstan(real: dict[str, Flows]) -> None:
    partners = ["Kyrgyzstan", "Kazakhstan"]
    rows = mirror_gaps(real["eu27_yearly"].flows, real["partner_imports"].flows, partners)
    share = {(r.partner, r.year): round(100 * (r.gap_share or 0)) for r in rows}
    assert share["Kyrgyzstan", 2022] == 57 and share["Kyrgyzstan", 2021] == 7
    assert share["Kazakhstan", 2022] == 26 and share["Kazakhstan", 2021] == 8


def test_real_armenia_chpl_reexports(real: dict[str, Flows]) -> None:
    rows = {r.year: r for r in reexport_ratios(real["armenia_reexports"].flows)}
    assert round(rows[2021].reexports / 1e6, 1) == 2.4
    assert round(rows[2022].reexports / 1e6, 1) == 70.6
    assert rows[2022].top_codes == ("851762", "854239", "853690")


def test_real_files_read_without_rejects(real: dict[str, Flows]) -> None:
    assert all(not read.rejects for read in real.values())
    assert len(real["eu_cn8"].flows) == 258_870


def test_cli_json_and_html(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "flows.html"
    result = CliRunner().invoke(cli, ["flows", str(folder), "--json", "--html", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    gap = next(g for g in data["mirror_gaps"] if g["year"] == 2022)
    assert gap["gap_share"] == pytest.approx(0.5) and gap["flagged"]
    assert len(data["rejects"]) == 5 and {"path", "line", "field"} <= data["rejects"][0].keys()
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 3 and "<script" not in page and "Kyrgyzstan" in page


def test_cli_tables_for_people(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["flows", str(folder)])
    assert result.exit_code == 0, result.output
    assert "R06 mirror gaps" in result.output and "rejected:" in result.output


def test_cli_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["flows", str(tmp_path)])
    assert result.exit_code == 1 and "not found" in result.output
