"""The Remarks field of OFAC's legacy files, parsed into structured facts.

OFAC writes every fact it has no column for into Remarks as `; `-separated clauses, each a label
and a value: `DOB 10 Dec 1948; POB Moscow, Russia; nationality Russia; Passport 1084010
(Egypt); a.k.a. 'BNC'; Linked To: HIZBALLAH.` A clause may start with `alt.` (another value of the
same fact). Each clause is matched against one table of labels; a clause no label matches (a
title, "all offices worldwide") is returned in `unparsed` and stays in the party's remarks.

Weak aliases: in the legacy CSV the strong a.k.a.s are rows of alt.csv, and the *weak* ones are
only in Remarks, as `a.k.a. 'X'` in single quotes (OFAC FAQ 123; the TXT and PDF lists show the
same names in double quotes). So every `a.k.a.`/`f.k.a.`/`n.k.a.` clause here is a WEAK_ALIAS.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial

from veracity.model import Country, CountryRole, Identifier, Name, NameKind, PartialDate
from veracity.model.countries import country_code
from veracity.model.dates import parse_dates
from veracity.sources.ofac_labels import COUNTRY_LABELS, EXTRA_LABELS, ID_LABELS

# `Identifier tail`: the value, then optionally `(Country)`, `issued <date>`, `expires <date>`.
_ID_TAIL = re.compile(
    r"(?P<value>.+?)(?:\s+\((?P<country>[^()]+)\))?"
    r"(?:,?\s+issued\s+(?P<issued>.+?))?(?:,?\s+expires\s+(?P<expires>.+?))?",
)
_QUOTED = re.compile(r"'(.+)'")
_CRYPTO = re.compile(r"(?P<currency>[A-Z0-9]{2,6})\s+(?P<address>\S+)")
_IMO = re.compile(r"IMO\s+(\S+)")
_YEAR_RANGE = re.compile(r"\b(\d{4})-(\d{4})\b")  # `circa 1979-1982`
_GENDERS = {"male": "male", "female": "female"}


@dataclass(slots=True)
class RemarkFacts:
    """What the remarks say, by kind; `unparsed` holds the clauses no label matched."""

    clauses: list[str] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    birth_dates: list[PartialDate] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    gender: str | None = None
    linked_to: list[str] = field(default_factory=list)
    listing_dates: list[PartialDate] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)


Handler = Callable[[RemarkFacts, str], bool]
"""(facts, value) -> whether the clause was understood."""


def split_clauses(text: str) -> list[str]:
    """The remark's clauses: split on `; `, without the final full stop, empty ones dropped."""
    body = text.strip()
    body = body[:-1] if body.endswith(".") else body
    return [c.strip() for c in body.split("; ") if c.strip()]


def parse_remarks(text: str) -> RemarkFacts:
    """Parse an OFAC Remarks text; every clause is either structured or in `unparsed`."""
    facts = RemarkFacts(clauses=split_clauses(text))
    for clause in facts.clauses:
        match = _LABEL.match(clause)
        understood = False
        if match and match["value"].strip():
            understood = _dispatch(facts, match, clause)
        if not understood:
            facts.unparsed.append(clause)
    return facts


def resolve_country(name: str) -> str | None:
    """`country_code`, also for `Region: Gaza` and inverted names (`Man, Isle of`)."""
    name = name.removeprefix("Region: ")
    code = country_code(name)
    if code is None and "," in name:
        head, _, tail = name.partition(",")
        code = country_code(f"{tail.strip()} {head.strip()}")
    return code


def _alias(facts: RemarkFacts, value: str) -> bool:
    quoted = _QUOTED.fullmatch(value)
    if quoted is None:
        return False  # a truncated remark can cut a quote; keep the clause as text
    facts.names.append(Name(quoted[1].strip(), NameKind.WEAK_ALIAS))
    return True


def _dob(facts: RemarkFacts, value: str) -> bool:
    try:
        facts.birth_dates.extend(parse_dates(_YEAR_RANGE.sub(r"\1 to \2", value)))
    except ValueError:
        facts.extra.append(("dob_unparsed", value))
    return True


def _pob(facts: RemarkFacts, value: str) -> bool:
    facts.birth_places.append(value)
    code = resolve_country(value.rsplit(",", 1)[-1].strip())
    if code:
        facts.countries.append(Country(code, CountryRole.BIRTH))
    return True


def _country(facts: RemarkFacts, value: str, *, role: CountryRole) -> bool:
    code = resolve_country(value)
    if code:
        facts.countries.append(Country(code, role))
    else:
        facts.extra.append(("country_unresolved", value))
    return True


def _gender(facts: RemarkFacts, value: str) -> bool:
    gender = _GENDERS.get(value.lower())
    if gender:
        facts.gender = gender
    return gender is not None


def _linked(facts: RemarkFacts, value: str) -> bool:
    facts.linked_to.append(value)
    return True


def _extra(facts: RemarkFacts, value: str, *, key: str) -> bool:
    facts.extra.append((key, value))
    return True


def _listing(facts: RemarkFacts, value: str) -> bool:
    """`Listing Date (EO 14024 Directive 2): 24 Feb 2022`: kept whole, and the date parsed."""
    facts.extra.append(("listing_date", value))
    date_text = re.split(r"[):]\s*", value)[-1]
    with suppress(ValueError):  # an unparsable date: the whole value is already in extra
        facts.listing_dates.extend(parse_dates(date_text))
    return True


def _crypto(facts: RemarkFacts, value: str) -> bool:
    match = _CRYPTO.fullmatch(value)
    if match is None:
        return False
    facts.identifiers.append(
        Identifier(
            "crypto_wallet",
            match["address"],
            note=f"Digital Currency Address - {match['currency']}",
        )
    )
    return True


def _imo(facts: RemarkFacts, value: str) -> bool:
    match = _IMO.fullmatch(value)
    facts.identifiers.append(Identifier("imo", match[1] if match else value))
    return True


def _identifier(facts: RemarkFacts, value: str, *, kind: str, label: str) -> bool:
    tail = _ID_TAIL.fullmatch(value)
    if tail is None:
        return False
    note = [label]
    country = None
    if tail["country"]:
        country = resolve_country(tail["country"])
        if country is None:
            note.append(f"({tail['country']})")
            facts.extra.append(("country_unresolved", tail["country"]))
    note += [f"{k} {tail[k]}" for k in ("issued", "expires") if tail[k]]
    number = tail["value"].removeprefix("# ")  # `R.F.C. # PMA-910805`
    if imo := _IMO.fullmatch(number):  # `Identification Number IMO 4075276`
        kind, number = "imo", imo[1]
    facts.identifiers.append(Identifier(kind, number, country, "; ".join(note)))
    return True


def _table() -> dict[str, Handler]:
    table: dict[str, Handler] = {
        "a.k.a.": _alias,
        "f.k.a.": _alias,
        "n.k.a.": _alias,
        "dob": _dob,
        "pob": _pob,
        "gender": _gender,
        "linked to": _linked,
        "listing date": _listing,
        "digital currency address": _crypto,
        "vessel registration identification": _imo,
    }
    for kind, labels in ID_LABELS.items():
        table.update({x.lower(): partial(_identifier, kind=kind, label=x) for x in labels})
    table.update({x.lower(): partial(_extra, key=key) for x, key in EXTRA_LABELS.items()})
    table.update({x.lower(): partial(_country, role=role) for x, role in COUNTRY_LABELS.items()})
    return table


_HANDLERS = _table()
# `Executive Order 13662 Directive Determination - ...`, `Executive Order 13846 information: ...`
_EXECUTIVE_ORDER = re.compile(r"executive order \d+ [a-z ]*?(?:information|determination)", re.I)
# Longest label first, so that `Diplomatic Passport` wins over `Passport`. The Executive Order
# clauses carry a number in their label and are matched by pattern; they are kept whole in extra.
_LABEL = re.compile(
    r"(?:alt\.\s+)?(?P<label>"
    + "|".join(re.escape(k) for k in sorted(_HANDLERS, key=len, reverse=True))
    + "|"
    + _EXECUTIVE_ORDER.pattern
    + r")(?::\s*|\s+-\s+|\s+|$)(?P<value>.*)",
    re.IGNORECASE,
)


def _dispatch(facts: RemarkFacts, match: re.Match[str], clause: str) -> bool:
    label = match["label"]
    if _EXECUTIVE_ORDER.fullmatch(label):
        return _extra(facts, clause[match.start("label") :], key="executive_order")
    return _HANDLERS[label.lower()](facts, match["value"].strip())
