"""Qualifiers: facts beside the name that make a match more or less likely.

Each qualifier returns the log-odds it adds to the name's score, or None when it does not apply;
its docstring is the explanation users read. The weights are likelihood ratios stated as priors
(not fitted to any evaluation set), chosen from how often the fact would agree by chance:
- two different people share a full birth date about 1 time in 365 × 40 (a 40-year band), so an
  exact day is strong evidence, tempered (+2.0, ≈ ×7) because list dates carry typos and
  placeholder days (1 January);
- a birth year agrees by chance about 1 time in 40, but years are often approximate (+0.7);
- birth years more than a year apart contradict the identity unless a list is wrong (−2.5),
  as in logic-v2's `dob_year_disjoint`;
- an identifier (passport, IMO, tax number) equal on both sides is near-proof on its own (+6.0).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from veracity.matching.query import Evidence, MatchQuery
from veracity.model import PartialDate, Party, Precision

Qualifier = Callable[[MatchQuery, Party], tuple[float, str] | None]

DOB_DAY_MATCH = 2.0
DOB_YEAR_MATCH = 0.7
DOB_YEAR_DISJOINT = -2.5
DOB_DAY_DISJOINT = -1.0
COUNTRY_MATCH = 0.3
COUNTRY_MISMATCH = -0.7
IDENTIFIER_MATCH = 6.0

_ID_JUNK = re.compile(r"[^0-9A-Z]")


def dob_day_match(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """The birth date matches one of the party's to the day."""
    for q in query.birth_dates:
        for r in party.birth_dates:
            if q.precision == r.precision == Precision.DAY and q.iso() == r.iso():
                return DOB_DAY_MATCH, f"{q} = {r}"
    return None


def dob_year_match(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """The birth year matches one of the party's (no full dates to compare, or they agree)."""
    if dob_day_match(query, party) or _day_clash(query.birth_dates, party.birth_dates):
        return None
    for q in query.birth_dates:
        for r in party.birth_dates:
            if q.year == r.year:
                return DOB_YEAR_MATCH, f"{q.year} = {r}"
    return None


def dob_year_disjoint(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """The birth years are more than a year apart from every one the party has."""
    if not query.birth_dates or not party.birth_dates:
        return None
    if all(abs(q.year - r.year) > 1 for q in query.birth_dates for r in party.birth_dates):
        listed = ", ".join(str(d) for d in party.birth_dates[:3])
        return DOB_YEAR_DISJOINT, f"{query.birth_dates[0]} vs {listed}"
    return None


def dob_day_disjoint(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """The birth year agrees but the full dates differ."""
    if dob_day_match(query, party) or dob_year_disjoint(query, party):
        return None
    if _day_clash(query.birth_dates, party.birth_dates):
        return DOB_DAY_DISJOINT, f"{query.birth_dates[0]} vs {party.birth_dates[0]}"
    return None


def _day_clash(qs: tuple[PartialDate, ...], rs: tuple[PartialDate, ...]) -> bool:
    full_q = [q for q in qs if q.precision == Precision.DAY]
    full_r = [r for r in rs if r.precision == Precision.DAY]
    return bool(full_q and full_r) and not {q.iso() for q in full_q} & {r.iso() for r in full_r}


def country_match(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """A country of the query is one of the party's."""
    shared = set(query.countries) & party.country_codes()
    return (COUNTRY_MATCH, ", ".join(sorted(shared))) if shared else None


def country_mismatch(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """The party has countries on the list and none of them is the query's."""
    codes = party.country_codes()
    if query.countries and codes and not set(query.countries) & codes:
        return COUNTRY_MISMATCH, f"{', '.join(query.countries)} vs {', '.join(sorted(codes))}"
    return None


def identifier_match(query: MatchQuery, party: Party) -> tuple[float, str] | None:
    """An identifier (passport, IMO, tax or registration number) equals one of the party's."""
    wanted = {normalize_identifier(i) for i in query.identifiers} - {""}
    for ident in party.identifiers:
        if normalize_identifier(ident.value) in wanted:
            return IDENTIFIER_MATCH, f"{ident.kind} {ident.value}"
    return None


def normalize_identifier(value: str) -> str:
    """An identifier compared without spaces, dashes, dots or an `IMO` prefix."""
    text = _ID_JUNK.sub("", value.upper())
    return text.removeprefix("IMO") if len(text) > 7 else text


QUALIFIERS: tuple[Qualifier, ...] = (
    identifier_match,
    dob_day_match,
    dob_year_match,
    dob_year_disjoint,
    dob_day_disjoint,
    country_match,
    country_mismatch,
)


def applies(query: MatchQuery) -> bool:
    """Whether any qualifier can apply to the query: each compares a country, a birth date or
    an identifier, and a name alone has none."""
    return bool(query.countries or query.birth_dates or query.identifiers)


def qualify(query: MatchQuery, party: Party) -> list[Evidence]:
    """Every qualifier that applies to this query and party."""
    if not applies(query):
        return []
    found = []
    for qualifier in QUALIFIERS:
        hit = qualifier(query, party)
        if hit is not None:
            doc = (qualifier.__doc__ or qualifier.__name__).strip()
            found.append(Evidence(qualifier.__name__, doc, hit[1], hit[0]))
    return found
