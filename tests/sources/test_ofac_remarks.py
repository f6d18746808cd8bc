"""The OFAC Remarks parser: one clause at a time, nothing lost, never a crash."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veracity.model import Country, CountryRole, Identifier, NameKind, PartialDate
from veracity.sources.ofac_remarks import parse_remarks, resolve_country, split_clauses


def test_person_clauses_become_fields() -> None:
    facts = parse_remarks(
        "DOB 10 Dec 1948; alt. DOB circa 1951; POB Moscow, Russia; nationality Russia; "
        "citizen Korea, North; Gender Male; "
        "Passport 1084010 (Egypt) issued 2001 expires 30 Oct 2012."
    )
    assert facts.birth_dates == [PartialDate(1948, 12, 10), PartialDate(1951, circa=True)]
    assert facts.birth_places == ["Moscow, Russia"]
    assert facts.countries == [
        Country("RU", CountryRole.BIRTH),
        Country("RU", CountryRole.NATIONALITY),
        Country("KP", CountryRole.CITIZENSHIP),
    ]
    assert facts.gender == "male"
    assert facts.identifiers == [
        Identifier("passport", "1084010", "EG", "Passport; issued 2001; expires 30 Oct 2012")
    ]
    assert facts.unparsed == []


def test_year_range_gives_each_year_circa() -> None:
    dates = parse_remarks("DOB 1960 to 1962; alt. DOB circa 1979-1982").birth_dates
    assert [d.year for d in dates] == [1960, 1961, 1962, 1979, 1980, 1981, 1982]
    assert all(d.circa for d in dates)


def test_unparsable_dob_is_kept_in_extra() -> None:
    facts = parse_remarks("DOB the year of the flood")
    assert facts.birth_dates == []
    assert facts.extra == [("dob_unparsed", "the year of the flood")]


def test_quoted_akas_are_weak_aliases() -> None:
    facts = parse_remarks("a.k.a. 'BNC'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; Linked To: X CO.")
    assert [(n.full, n.kind) for n in facts.names] == [
        ("BNC", NameKind.WEAK_ALIAS),
        ("OLD NAME", NameKind.WEAK_ALIAS),
        ("NEW NAME", NameKind.WEAK_ALIAS),
    ]
    assert facts.linked_to == ["X CO"]


def test_alias_cut_by_truncation_stays_unparsed() -> None:
    facts = parse_remarks("a.k.a. 'WHOIS HACKIN")
    assert facts.names == []
    assert facts.unparsed == ["a.k.a. 'WHOIS HACKIN"]


def test_company_identifiers_and_extras() -> None:
    facts = parse_remarks(
        "SWIFT/BIC HAVIGB2L; Website www.hib.test; Company Number 01074897 (United Kingdom); "
        "Legal Entity Number 253400V1H6ART1UQ0N98 (Russia); R.F.C. # PMA-910805 (Mexico); "
        "Executive Order 13662 Directive Determination - Subject to Directive 1; "
        "Target Type Financial Institution; Listing Date (CMIC) 03 Jun 2021"
    )
    assert [(i.kind, i.value, i.country) for i in facts.identifiers] == [
        ("swift_bic", "HAVIGB2L", None),
        ("registration", "01074897", "GB"),
        ("lei", "253400V1H6ART1UQ0N98", "RU"),
        ("tax_id", "PMA-910805", "MX"),
    ]
    assert ("website", "www.hib.test") in facts.extra
    assert ("target_type", "Financial Institution") in facts.extra
    assert (
        "executive_order",
        "Executive Order 13662 Directive Determination - Subject to Directive 1",
    ) in facts.extra
    assert facts.listing_dates == [PartialDate(2021, 6, 3)]


def test_vessel_aircraft_and_crypto_identifiers() -> None:
    facts = parse_remarks(
        "Vessel Registration Identification IMO 9187655; MMSI 256843000; "
        "Identification Number IMO 4075276; Aircraft Tail Number EP-MMH; "
        "Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Model IL76-TD; "
        "alt. Digital Currency Address - XBT 1EfMVkxQQuZfBdocpJu6RUsCJvenQWbQyE"
    )
    assert [(i.kind, i.value) for i in facts.identifiers] == [
        ("imo", "9187655"),
        ("mmsi", "256843000"),
        ("imo", "4075276"),
        ("aircraft_tail_number", "EP-MMH"),
        ("aircraft_msn", "1023409321"),
        ("crypto_wallet", "1EfMVkxQQuZfBdocpJu6RUsCJvenQWbQyE"),
    ]
    assert facts.identifiers[-1].note == "Digital Currency Address - XBT"
    assert facts.extra == [("aircraft_model", "IL76-TD")]


def test_unknown_country_is_kept() -> None:
    facts = parse_remarks("nationality Atlantis; Cedula No. 16624744 (Cali)")
    assert facts.countries == []
    assert facts.extra == [("country_unresolved", "Atlantis"), ("country_unresolved", "Cali")]
    assert facts.identifiers[0].note == "Cedula No.; (Cali)"


def test_titles_and_free_text_stay_unparsed() -> None:
    facts = parse_remarks("Member of the State Duma; all offices worldwide; DOB 1970.")
    assert facts.unparsed == ["Member of the State Duma", "all offices worldwide"]
    assert facts.birth_dates == [PartialDate(1970)]


def test_resolve_country_reads_ofac_forms() -> None:
    assert resolve_country("North Macedonia, The Republic of") == "MK"
    assert resolve_country("Man, Isle of") == "IM"
    assert resolve_country("Region: Gaza") == "PS"
    assert resolve_country("Korea, North") == "KP"
    assert resolve_country("Atlantis") is None


def test_split_keeps_inner_full_stops() -> None:
    assert split_clauses(" a.k.a. 'X INC.'; Linked To: Y LTD.; Website z.test. ") == [
        "a.k.a. 'X INC.'",
        "Linked To: Y LTD.",
        "Website z.test",
    ]


_CLAUSES = st.sampled_from(
    [
        "DOB 10 Dec 1948",
        "alt. DOB circa 1960 to 1962",
        "DOB 1990 to 1950",
        "POB Tehran, Iran",
        "nationality Korea, North",
        "citizen ",
        "a.k.a. 'ABU X'",
        "f.k.a. 'Y",
        "Gender Other",
        "Passport (Iran)",
        "Passport A123 (Iran) issued expires",
        "Digital Currency Address - ",
        "Linked To: Z.",
        "Listing Date (CMIC) 31 Feb 2021",
        "Vessel Registration Identification",
    ]
)
_TEXT = st.text(st.characters(codec="cp1252"), max_size=40)


@given(st.lists(st.one_of(_CLAUSES, _TEXT), max_size=8))
def test_parser_never_crashes_nor_loses_text(parts: list[str]) -> None:
    text = "; ".join(parts)
    facts = parse_remarks(text)
    clauses = split_clauses(text)
    assert facts.clauses == clauses
    assert set(facts.unparsed) <= set(clauses)
    # The split drops only separators, blanks and the final full stop...
    body = text.strip()
    body = body.removesuffix(".") if body.endswith(".") else body
    assert _letters("".join(clauses)) == _letters(body)
    # ... and every value the parser returns is taken from the text.
    values = [n.full for n in facts.names] + [i.value for i in facts.identifiers]
    values += facts.birth_places + facts.linked_to + [v for _, v in facts.extra]
    for value in values:
        assert value in text


def _letters(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c != ";")
