"""Claims against court records end to end: identity, record, assertions, verdicts, figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.claims.identity import Linkage, PersonIndex, name_frequencies, population
from veracity.claims.stats import claim_stats
from veracity.claims.verify import ClaimVerdict, Verdict, verify, verify_claim
from veracity.model.dates import PartialDate
from veracity.model.entity import Provenance
from veracity.model.justice import Charge, Claim, Severity, Status
from veracity.sources.court_records import read_claims, read_court_records

EXAMPLES = Path(__file__).parents[2] / "examples"
_FILE = Provenance("court_records", "records.csv", 2)


def charge(name: str, docket: str, **fields: object) -> Charge:
    """A charge in Maine with a full birth date unless told otherwise."""
    values: dict[str, object] = {
        "birth_date": PartialDate(1980, 4, 2),
        "state": "ME",
        "birth_country": "PE",
    }
    values.update(fields)
    return Charge(docket=docket, full_name=name, provenance=_FILE, **values)  # type: ignore[arg-type]


def claim(text: str, name: str = "Amaru Quispe Mamani", year: int | None = 1980) -> Claim:
    source = Provenance("claims", "claims.csv", 2)
    return Claim("C1", name, text, source, birth_year=year, country="PE")


@pytest.fixture(scope="module")
def example_verdicts(shared_data: Path) -> dict[str, ClaimVerdict]:
    """The examples verified with the Census name tables, as `veracity verify` does."""
    records = read_court_records(EXAMPLES / "court_records.csv")
    charges = [c for c in records if isinstance(c, Charge)]
    claims = [c for c in read_claims(EXAMPLES / "claims.csv") if isinstance(c, Claim)]
    index = PersonIndex.build(charges, name_frequencies(shared_data / "justice"))
    return {v.claim.claim_id: v for v in verify(claims, index)}


def test_examples_cover_every_verdict(example_verdicts: dict[str, ClaimVerdict]) -> None:
    found = {v.verdict for v in example_verdicts.values()}
    assert found >= set(Verdict) - {Verdict.NOT_CHECKABLE}


def test_cases_of_one_person_are_grouped_by_linkage_not_person_ref(
    example_verdicts: dict[str, ClaimVerdict],
) -> None:
    # Two dockets with different person_ref and the surname hyphenated in one of them.
    record = example_verdicts["C03"].record
    assert record is not None
    assert len(record.cases) == 2
    assert set(record.names) == {"Kwabena Asante-Mensah", "Kwabena Asante Mensah"}


def test_name_alone_is_never_a_link(example_verdicts: dict[str, ClaimVerdict]) -> None:
    verdict = example_verdicts["C05"]
    assert verdict.verdict is Verdict.AMBIGUOUS_IDENTITY
    assert len(verdict.identification.candidates) == 2
    assert verdict.as_dict()["person"] is None


def test_double_surname_claimed_with_the_first_part_only_links(
    example_verdicts: dict[str, ClaimVerdict],
) -> None:
    verdict = example_verdicts["C11"]  # "Mateo Ibarra" against "Mateo Ibarra-Cienfuegos"
    assert verdict.identification.linkage is Linkage.LINKED
    assert verdict.verdict is Verdict.SUPPORTED


def test_a_deferred_plea_is_an_immigration_conviction_only(
    example_verdicts: dict[str, ClaimVerdict],
) -> None:
    verdict = example_verdicts["C07"]
    record = verdict.record
    assert record is not None
    assert (record.state_law_conviction, record.immigration_conviction) == (False, True)
    assert verdict.verdict is Verdict.PARTLY_SUPPORTED


def test_maine_no_record_says_it_cannot_rule_out_an_arrest(
    example_verdicts: dict[str, ClaimVerdict],
) -> None:
    verdict = example_verdicts["C06"]
    assert verdict.verdict is Verdict.NO_RECORD_FOUND
    assert any("16 M.R.S. §703" in c and "cannot rule out" in c for c in verdict.caveats)
    dismissed = example_verdicts["C02"]  # linked, charge dismissed: the record may be partial
    assert any("need not appear" in c for c in dismissed.caveats)
    assert not example_verdicts["C01"].caveats  # a conviction is public


def test_output_carries_record_assertions_and_evidence_rows(
    example_verdicts: dict[str, ClaimVerdict],
) -> None:
    data = example_verdicts["C02"].as_dict()
    assert data["verdict"] == "CONTRADICTED"
    assert data["record"]["status"] == "DISMISSED"
    assert data["record"]["state_law_conviction"] is False
    assert {a["verdict"] for a in data["assertions"]} == {"CONTRADICTED"}
    assert any(a["words"] == "child abuser" for a in data["assertions"])
    evidence = data["evidence"][0]
    assert evidence["line"] == 4 and evidence["disposition"] == "Dismissed"


def test_a_charge_dismissed_does_not_support_a_conviction() -> None:
    index = PersonIndex.build(
        [
            charge(
                "Amaru Quispe Mamani",
                "D1",
                charge_statute="17-A M.R.S. §208",
                charge_description="Aggravated assault",
                charge_class="B",
                disposition="Nolle prosequi",
            )
        ]
    )
    verdict = verify_claim(claim("convicted of aggravated assault"), index)
    assert verdict.verdict is Verdict.CONTRADICTED
    assert verdict.record is not None and verdict.record.status is Status.DISMISSED
    same = verify_claim(claim("charged with aggravated assault"), index)
    assert same.verdict is Verdict.SUPPORTED


def test_most_serious_is_over_convictions_only() -> None:
    index = PersonIndex.build(
        [
            charge(
                "Amaru Quispe Mamani",
                "D1",
                charge_description="Robbery",
                charge_class="B",
                charge_statute="17-A M.R.S. §651",
                disposition="Not guilty",
            ),
            charge(
                "Amaru Quispe Mamani",
                "D2",
                charge_description="Operating under the influence",
                charge_statute="29-A M.R.S. §2411",
                charge_class="D",
                disposition="Guilty",
            ),
        ]
    )
    record = index.people[0]
    assert len(index.people) == 1
    assert record.most_serious is Severity.OUI
    assert record.most_serious_charge is Severity.VIOLENT_FELONY


def test_no_criminal_record_claim_is_contradicted_by_a_conviction() -> None:
    index = PersonIndex.build(
        [
            charge(
                "Amaru Quispe Mamani",
                "D1",
                charge_description="Theft",
                charge_class="E",
                charge_statute="17-A M.R.S. §353",
                disposition="Guilty",
            )
        ]
    )
    verdict = verify_claim(claim("He has no criminal record."), index)
    assert verdict.verdict is Verdict.CONTRADICTED


def test_two_people_with_one_name_are_ambiguous_without_a_birth_year() -> None:
    index = PersonIndex.build(
        [
            charge("Amaru Quispe Mamani", "D1", birth_date=PartialDate(1980, 4, 2)),
            charge("Amaru Quispe Mamani", "D2", birth_date=PartialDate(1969, 11, 23)),
        ]
    )
    assert len(index.people) == 2
    verdict = verify_claim(claim("convicted of theft", year=None), index)
    assert verdict.verdict is Verdict.AMBIGUOUS_IDENTITY
    assert len(verdict.identification.candidates) == 2
    assert "2 people fit" in verdict.explanation


def test_stats_count_people_once_and_state_denominators(
    example_verdicts: dict[str, ClaimVerdict],
) -> None:
    stats = claim_stats(example_verdicts.values(), claimed_share=1.0)
    linked = {v.record.key for v in example_verdicts.values() if v.record is not None}
    searched = len(linked) + stats.by_verdict["NO_RECORD_FOUND"]
    assert stats.shares["convicted"].of == searched
    assert stats.shares["convicted"].count + stats.shares["no_conviction"].count == searched
    assert stats.claimed["reading"].startswith("the records do not support")


def test_prior_population_is_that_of_the_states_searched() -> None:
    assert population({"ME"}) == 1_362_359
    assert population({"ME", "NH"}) == 1_362_359 + 1_377_529
    assert population({None}) > 300_000_000
