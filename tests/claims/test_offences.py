"""Statute/description -> offence category: Maine classes and statutes, federal statutes, NCIC
codes, ICE MSCC strings, free text, Cook County's offence types, and the four "violent"s."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veracity.claims.offence_vocabulary import read_class, statute_keys
from veracity.claims.offences import VIOLENT_DEFINITIONS, OffenceReading, classify_offence
from veracity.claims.vocabulary import read_vocabulary
from veracity.exc import ConfigError
from veracity.model.justice import OffenceKind, Severity

COOK = Path("justice/cook_county_sao_felony_disposition_outcomes_2011_2016.csv")
K = OffenceKind
VF, F, VM, M = (
    Severity.VIOLENT_FELONY,
    Severity.FELONY,
    Severity.VIOLENT_MISDEMEANOR,
    Severity.MISDEMEANOR,
)


def offence(
    description: str | None = None,
    statute: str | None = None,
    charge_class: str | None = None,
    state: str | None = None,
    sentence: str | None = None,
    definition: str = "usc_16a",
) -> OffenceReading:
    return classify_offence(statute, description, charge_class, state, sentence, definition)


@pytest.mark.parametrize(
    ("charge_class", "felony", "me_class"),
    [
        ("Murder", True, "MURDER"),
        ("A", True, "A"),
        ("Class B", True, "B"),
        ("C", True, "C"),
        ("D", False, "D"),
        ("class e", False, "E"),
    ],
)
def test_maine_classes(charge_class: str, felony: bool, me_class: str) -> None:
    reading = read_class(charge_class, "ME")
    assert reading is not None and reading.me_class == me_class
    assert (reading.grade == "felony") is felony
    assert offence("theft", charge_class=charge_class, state="ME").felony is felony


@pytest.mark.parametrize(
    ("charge_class", "state", "felony"),
    [
        ("F3", None, True),
        ("felony", "TX", True),
        ("Class B felony", "NY", True),
        ("Class 2", "IL", True),
        ("X", "IL", True),
        ("M1", "PA", False),
        ("Class A misdemeanor", "NY", False),
        ("A", "IL", False),  # an Illinois Class A is a misdemeanor, not Maine's Class A
        ("misdemeanor", None, False),
    ],
)
def test_explicit_grades(charge_class: str, state: str | None, felony: bool) -> None:
    assert offence("theft", charge_class=charge_class, state=state).felony is felony


def test_a_letter_outside_maine_and_illinois_is_not_understood() -> None:
    reading = offence("theft", charge_class="A", state="NY")
    assert reading.felony is None and "class 'A' not understood in NY" in reading.basis


def test_a_sentence_over_a_year_implies_felony_grade_but_the_class_comes_first() -> None:
    assert offence("theft", sentence="18 months").felony is True
    assert offence("theft", sentence="364 days, all but 30 days suspended").felony is None
    assert offence("theft", charge_class="D", state="ME", sentence="2 years").felony is False
    assert "implies felony grade" in offence("theft", sentence="5-10 years").basis


@pytest.mark.parametrize(
    ("statute", "label", "kind", "category"),
    [
        ("17-A M.R.S. §201", "murder", K.HOMICIDE, VF),
        ("17-A M.R.S. §207", "assault", K.ASSAULT, VM),
        ("17-A M.R.S. §208", "aggravated assault", K.ASSAULT, VF),
        ("17-A M.R.S. §209-A", "domestic violence assault", K.DOMESTIC_VIOLENCE, VM),
        ("17-A M.R.S. §301", "kidnapping", K.KIDNAPPING, VF),
        ("17-A M.R.S. §302", "criminal restraint", K.KIDNAPPING, VM),
        ("17-A M.R.S. §253", "gross sexual assault", K.SEX_OFFENCE, VF),
        ("17-A M.R.S. §254", "sexual abuse of minors", K.CHILD_ABUSE, M),
        ("17-A M.R.S. §255-A(1)(E)", "unlawful sexual contact", K.SEX_OFFENCE, VM),
        ("17-A M.R.S. §554", "endangering the welfare of a child", K.CHILD_ABUSE, M),
        ("17-A M.R.S. §651", "robbery", K.ROBBERY, VF),
        ("17-A MRSA § 401(1)(A)", "burglary", K.BURGLARY, F),
        ("17-A M.R.S. §353", "theft by unauthorized taking or transfer", K.THEFT, M),
        ("17-A M.R.S. §1105-A", "aggravated trafficking of scheduled drugs", K.DRUG_TRAFFICKING, F),
        ("17-A M.R.S. §1107-A", "unlawful possession of scheduled drugs", K.DRUG_POSSESSION, M),
        ("15 M.R.S. §1092", "violating condition of release", K.OBSTRUCTION, M),
        ("29-A M.R.S. §2411", "operating under the influence", K.OUI, Severity.OUI),
        ("29-A M.R.S. §2412-A", "operating after suspension", K.TRAFFIC, Severity.TRAFFIC_CRIMINAL),
        ("29-A M.R.S. §1251", "operating without a license", K.TRAFFIC, Severity.TRAFFIC_CRIMINAL),
        ("19-A M.R.S. §4011", "violation of a protective order", K.PROTECTIVE_ORDER, M),
        ("8 U.S.C. 1325", "illegal entry", K.IMMIGRATION, Severity.IMMIGRATION_ONLY),
        ("8 USC 1326(a)", "illegal re-entry", K.IMMIGRATION, Severity.IMMIGRATION_ONLY),
        ("8 U.S.C. §1324(a)(1)(A)(ii)", "alien smuggling", K.IMMIGRATION, F),
        ("18 U.S.C. § 922(g)(1)", "possession of a firearm by a prohibited person", K.WEAPONS, F),
        ("21 U.S.C. 841(a)(1)", "manufacture or distribution of a controlled substance",
         K.DRUG_TRAFFICKING, F),
    ],
)  # fmt: skip
def test_statutes(statute: str, label: str, kind: OffenceKind, category: Severity) -> None:
    reading = offence(statute=statute)
    assert reading.known and reading.label == label
    assert kind in reading.kinds and reading.category is category
    assert reading.basis.startswith(f"statute {statute} → {label}")


def test_statute_keys_drop_subsections_and_need_a_jurisdiction() -> None:
    assert statute_keys("17-A M.R.S.A. §208(1)(A)", None) == (
        "ME 17-A 208(1)(A)",
        "ME 17-A 208(1)",
        "ME 17-A 208",
    )
    assert statute_keys("8USC1325", None) == ("US 8 1325",)
    assert statute_keys("17A §207", "me") == ("ME 17-A 207",)
    assert statute_keys("17-A §207", None) == ()  # no code, no state: not guessed
    assert "not read" in offence(statute="17-A §207").basis
    assert offence(statute="17-A §207", state="ME").label == "assault"


def test_the_statute_beats_the_description_and_an_unknown_statute_is_named() -> None:
    assert offence("assault", statute="17-A M.R.S. §208").label == "aggravated assault"
    reading = offence("Aggravated Battery", statute="720 ILCS 5/12-3.05", state="IL")
    assert reading.label == "aggravated assault"
    assert reading.basis.startswith("statute '720 ILCS 5/12-3.05' is not in the vocabulary")


@pytest.mark.parametrize(
    ("code", "family", "category"),
    [
        ("1313", "13 Assault", VM),
        ("1302", "13 Assault", VF),
        ("5404", "54 Traffic", Severity.OUI),
        ("5499", "54 Traffic", Severity.TRAFFIC_CRIMINAL),
        ("0301", "03 Immigration", Severity.IMMIGRATION_ONLY),
        ("NCIC 1299", "12 Robbery", VF),
        ("2299", "22 Burglary", F),
        ("3810", "38 Family offenses", M),
    ],
)
def test_ncic_codes(code: str, family: str, category: Severity) -> None:
    reading = offence(statute=code)
    assert (reading.ncic_family, reading.category) == (family, category)
    assert offence(code).ncic_family == family  # a code in the description field too


def test_an_ncic_family_we_do_not_list_is_unknown() -> None:
    assert not offence(statute="9999").known


@pytest.mark.parametrize(
    ("mscc", "category"),
    [
        ("Driving Under Influence Liquor", Severity.OUI),
        ("Driving Under Influence Drugs", Severity.OUI),
        ("Illegal Entry (INA SEC.101(a)(43)(O), 8USC1325 only)", Severity.IMMIGRATION_ONLY),
        ("Illegal Re-Entry (INA SEC.101(a)(43)(O), 8USC1326 only)", Severity.IMMIGRATION_ONLY),
        ("Traffic Offense", Severity.TRAFFIC_CRIMINAL),
        ("Hit and Run", Severity.TRAFFIC_CRIMINAL),
        ("Licensing Violation", Severity.TRAFFIC_CRIMINAL),
        ("Smuggling Aliens", F),
        ("Assault", VM),
        ("Battery", VM),
        ("Simple Assault", VM),
        ("Domestic Violence", VM),
        ("Aggravated Assault - Weapon", VF),
        ("Sex Assault", VF),
        ("Homicide", VF),
        ("Robbery", VF),
        ("Drug Possession", M),
        ("Marijuana - Possession", M),
        ("Cocaine - Sell", F),
    ],
)
def test_ice_mscc_strings(mscc: str, category: Severity) -> None:
    reading = offence(mscc)
    assert reading.known and reading.category is category


def test_mscc_illegal_entry_is_not_an_aggravated_felony_on_its_label() -> None:
    assert offence("Illegal Entry (INA SEC.101(a)(43)(O), 8USC1325 only)").aggravated_felony is None


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        ("endangering the welfare of a child", K.CHILD_ABUSE, M),
        ("false imprisonment", K.KIDNAPPING, VM),
        ("hostage taking", K.KIDNAPPING, VF),
        ("possession with intent to distribute", K.DRUG_TRAFFICKING, F),
        ("PWID cocaine", K.DRUG_TRAFFICKING, F),
        ("OUI", K.OUI, Severity.OUI),
        ("DUI", K.OUI, Severity.OUI),
        ("D.W.I.", K.OUI, Severity.OUI),
        ("Agg. Assault w/ deadly weapon", K.ASSAULT, VF),
        ("Operating after suspension", K.TRAFFIC, Severity.TRAFFIC_CRIMINAL),
    ],
)
def test_free_text(text: str, kind: OffenceKind, category: Severity) -> None:
    reading = offence(text)
    assert kind in reading.kinds and reading.category is category


def test_second_degree_assault_takes_its_grade_from_the_sentence() -> None:
    """Dominic Ali's 2008 New Hampshire conviction, sentenced to 5-10 years (§1.7)."""
    bare = offence("second degree assault")
    assert bare.felony is None and bare.category is VM  # the lower rung, said in the basis
    assert "grade unknown" in bare.basis
    sentenced = offence("second degree assault", state="NH", sentence="5-10 years")
    assert sentenced.category is VF and sentenced.aggravated_felony == "F"


def test_oui_is_kept_apart_from_other_traffic_offences() -> None:
    oui, suspended = offence("DUI"), offence("Driving With Suspended Or Revoked License")
    assert oui.category is Severity.OUI and suspended.category is Severity.TRAFFIC_CRIMINAL
    assert OffenceKind.TRAFFIC not in oui.kinds and OffenceKind.OUI not in suspended.kinds
    assert Severity.TRAFFIC_CRIMINAL.rank < oui.category.rank < Severity.MISDEMEANOR.rank
    felony = offence("Aggravated DUI")
    assert felony.category is F and felony.kinds == {OffenceKind.OUI}


def test_civil_infractions_are_never_crimes() -> None:
    speeding = offence("Speeding 15-19 mph over limit", "29-A M.R.S. §2074", "infraction", "ME")
    assert speeding.category is Severity.TRAFFIC_CIVIL and speeding.felony is False
    assert offence(statute="29-A M.R.S. §2074").category is Severity.TRAFFIC_CIVIL
    criminal_speed = offence(statute="29-A M.R.S. §2074", charge_class="E", state="ME")
    assert criminal_speed.category is Severity.TRAFFIC_CRIMINAL
    assert offence("theft", charge_class="civil violation").category is Severity.NONE


@pytest.mark.parametrize("text", ["DUI", "Aggravated DUI", "Driving Under Influence Liquor"])
def test_dui_is_violent_under_no_definition(text: str) -> None:
    reading = offence(text)
    assert reading.violent == dict.fromkeys(VIOLENT_DEFINITIONS, False)
    assert "violent under" not in reading.basis or "not violent" in reading.basis


def test_the_definitions_of_violent_differ_where_the_note_says() -> None:
    simple = offence("Simple Assault")
    assert simple.violent["nibrs_person"] and not simple.violent["ucr"]
    robbery = offence("Robbery")
    assert robbery.violent["ucr"] and not robbery.violent["nibrs_person"]
    reckless = offence("Reckless Homicide")
    assert reckless.violent == {"ucr": False, "nibrs_person": True, "usc_16a": False, "maine": True}
    burglary = offence("Burglary")
    assert not any(burglary.violent.values())  # §16(b) fell in Dimaya (2018)


def test_the_category_follows_the_chosen_definition() -> None:
    assert offence("Simple Assault", definition="ucr").category is M
    assert offence("Simple Assault", definition="nibrs_person").category is VM
    assert offence("Reckless Homicide").category is F
    reading = offence("Reckless Homicide", definition="maine")
    assert (reading.category, reading.violent_definition) == (VF, "maine")
    with pytest.raises(ConfigError):
        offence("assault", definition="tv_news")


def test_the_maine_definition_reads_the_class_and_the_dangerous_weapon() -> None:
    assert offence(statute="17-A M.R.S. §208", state="ME").violent["maine"]  # Class B
    assert not offence(statute="17-A M.R.S. §207", state="ME").violent["maine"]  # Class D
    assert not offence("assault", charge_class="C", state="ME").violent["maine"]
    armed = offence("assault with a dangerous weapon", charge_class="C", state="ME")
    assert armed.violent["maine"]


def test_aggravated_felony_letters() -> None:
    assert offence("aggravated assault", sentence="2 years").aggravated_felony == "F"
    assert offence("aggravated assault").aggravated_felony is None
    assert "needs a term of 1 year" in offence("aggravated assault").basis
    assert offence("theft", sentence="1 year").aggravated_felony == "G"
    assert offence("possession with intent to distribute").aggravated_felony == "B"
    assert offence("murder").aggravated_felony == "A"
    assert offence("Attempt Homicide").aggravated_felony == "U"
    assert offence("Attempt Homicide").label == "attempted homicide"
    assert offence("DUI", sentence="3 years").aggravated_felony is None  # Leocal (2004)


def test_unknown_offences_are_visible_not_guessed() -> None:
    reading = offence("Underwater basket weaving")
    assert not reading.known and reading.category is Severity.NONE and not reading.kinds
    assert reading.label == "Underwater basket weaving" and "not guessed" in reading.basis
    assert offence("Underwater basket weaving", charge_class="B", state="ME").category is F
    assert offence(None, None).label == "no offence given"


def test_cook_county_offence_types_are_all_known(shared_data: Path) -> None:
    with (shared_data / COOK).open(encoding="utf-8", newline="") as handle:
        types = {row["OFFENSE TYPE"] for row in csv.DictReader(handle)}
    assert len(types) == 88
    unknown = sorted(t for t in types if not offence(t, state="IL").known)
    assert unknown == []
    assert offence("Narcotics").kinds == {OffenceKind.DRUG_POSSESSION}  # trafficking not shown
    assert offence("PROMIS Conversion").category is Severity.NONE


@given(st.text(max_size=40), st.text(max_size=12))
def test_any_text_reads_without_error(description: str, statute: str) -> None:
    reading = offence(description, statute)
    assert set(reading.violent) == set(VIOLENT_DEFINITIONS)
    if not reading.known:
        assert not reading.kinds and not any(reading.violent.values())


def test_every_offence_entry_cites_a_source_and_maine_defaults_agree() -> None:
    grades = {"MURDER": "felony", "A": "felony", "B": "felony", "C": "felony"}
    grades |= {"D": "misdemeanor", "E": "misdemeanor"}
    for line, row in read_vocabulary("offences.csv", ("match", "grade", "me_class", "source")):
        assert row["source"], f"line {line}"
        if row["match"] == "statute" and row["pattern"].startswith("ME ") and row["me_class"]:
            assert grades[row["me_class"]] == row["grade"], f"line {line}"
