"""Statute and/or description (+ class, state, sentence) -> offence category (§2.3-2.5).

The vocabulary is data (`data/offences.csv`, each entry citing its source; see
`offence_vocabulary`). An entry says what the offence is (its kinds, NCIC family, default
grade) and whether it is violent under each of four definitions, which really do differ: simple
assault is a NIBRS crime against the person but not UCR violent crime; robbery is UCR violent
but a NIBRS crime against property; DUI is violent under none (Leocal v. Ashcroft, 2004).

The grade comes from the charge class, else a sentence over one year (felony grade), else the
word felony/misdemeanor in the description, else the entry's default, and `basis` says which.
The category follows §2.3: OUI and other criminal traffic offences keep their own rungs unless
felony-grade; immigration-only offences keep IMMIGRATION_ONLY; civil infractions are never
crimes. An offence nothing matches is `known=False` with category NONE unless the class or
sentence gives a grade: unknown offences are shown, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veracity.claims.offence_vocabulary import (
    ClassReading,
    Found,
    Grade,
    OffenceEntry,
    expand,
    find,
    read_class,
    statute_keys,
)
from veracity.claims.sentences import describe_years, prison_years
from veracity.exc import ConfigError
from veracity.model.justice import OffenceKind, Severity

VIOLENT_DEFINITIONS = ("ucr", "nibrs_person", "usc_16a", "maine")
"""FBI UCR violent crime; NIBRS crimes against persons; 18 U.S.C. 16(a); Maine (§2.3)."""
_NEEDS_A_YEAR = frozenset("FGPRS")  # 1101(a)(43)(F),(G),(P),(R),(S): term of at least 1 year
_MAINE_VIOLENT_CLASSES = frozenset({"MURDER", "A", "B"})
_ATTEMPT = re.compile(
    r"^(attempt|attempted|conspiracy|conspire|solicitation)\b"
    r"|\b(attempt|attempted|conspiracy|conspiring|solicitation) to\b"
)
# 17-A M.R.S. §1604(5): the dangerous-weapon enhancement, as court records write it.
_ARMED = re.compile(
    r"\b(dangerous|deadly) weapon\b|\bwith a (firearm|weapon|gun|knife)\b|\barmed\b"
)
_DOMESTIC = re.compile(r"\bdomestic\b|\bfamily violence\b")
_GRADE_WORD = re.compile(r"\b(felony|misdemeanor)\b")
_TRAFFIC = frozenset({OffenceKind.TRAFFIC, OffenceKind.OUI})


@dataclass(frozen=True, slots=True)
class OffenceReading:
    """What an offence is: its category on the §2.3 ladder and the reasons for it."""

    category: Severity
    kinds: frozenset[OffenceKind]
    label: str
    """The offence's normalised name (`aggravated assault`), or the input when unknown."""
    ncic_family: str | None
    felony: bool | None
    violent: dict[str, bool]
    """For each definition in VIOLENT_DEFINITIONS, whether the offence is violent under it."""
    violent_definition: str
    """The definition `category` used."""
    aggravated_felony: str | None
    """The 8 U.S.C. 1101(a)(43) subparagraph letter when the record shows it."""
    basis: str
    """The words of the input the reading rests on, and each rule applied."""
    known: bool
    """False when no vocabulary entry matched: the offence is unknown, not guessed."""


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the input says beside the offence itself."""

    words: str
    charge_class: str
    state: str
    klass: ClassReading | None
    years: float | None

    @property
    def attempt(self) -> bool:
        return bool(_ATTEMPT.search(self.words))


def classify_offence(
    statute: str | None,
    description: str | None,
    charge_class: str | None = None,
    state: str | None = None,
    sentence: str | None = None,
    violent_definition: str = "usc_16a",
) -> OffenceReading:
    """Read an offence from its statute and/or description, its class and its sentence."""
    if violent_definition not in VIOLENT_DEFINITIONS:
        raise ConfigError(f"{violent_definition!r} is not one of {', '.join(VIOLENT_DEFINITIONS)}")
    place = (state or "").strip().upper()
    facts = _Facts(
        words=expand(description or ""),
        charge_class=(charge_class or "").strip(),
        state=place,
        klass=read_class(charge_class, place),
        years=prison_years(sentence),
    )
    found = find(statute, description, place)
    if found is None:
        return _unknown(statute, description, facts, violent_definition)
    return _known(found, statute, facts, violent_definition)


def _known(found: Found, statute: str | None, facts: _Facts, definition: str) -> OffenceReading:
    entry = found.entry
    grade, grade_why = _grade(entry, facts)
    violent = _violence(entry, facts)
    category, category_why = _category(entry, grade, violent[definition], definition)
    letter, letter_why = _aggravated(entry, violent["usc_16a"], facts)
    kinds = entry.kinds | (
        {OffenceKind.DOMESTIC_VIOLENCE} if _DOMESTIC.search(facts.words) else set()
    )
    skipped = (
        f"statute {statute.strip()!r} is not in the vocabulary; "
        if statute and found.how == "description"
        else ""
    )
    basis = f"{skipped}{_matched(found)}; {grade_why}; {category_why} → {category}{letter_why}"
    return OffenceReading(
        category=category,
        kinds=frozenset(kinds),
        label=f"attempted {entry.label}" if facts.attempt else entry.label,
        ncic_family=entry.ncic,
        felony=None if grade is None else grade is Grade.FELONY,
        violent=violent,
        violent_definition=definition,
        aggravated_felony=letter,
        basis=basis,
        known=True,
    )


def _matched(found: Found) -> str:
    entry = found.entry
    if found.how == "description":
        return f"description contains {found.words!r} → {entry.label} [{entry.source}]"
    return f"{found.how} {found.words} → {entry.label} [{entry.source}]"


def _grade(entry: OffenceEntry | None, facts: _Facts) -> tuple[Grade | None, str]:
    """The grade from the class, else the sentence, else the description, else the default."""
    if facts.klass:
        return facts.klass.grade, _class_said(facts, facts.klass)
    why = _class_said(facts, None)
    if facts.years is not None and facts.years > 1:
        term = describe_years(facts.years)
        return Grade.FELONY, f"{why}a term of {term} (over 1 year) implies felony grade"
    word = _GRADE_WORD.search(facts.words)
    if word:
        return Grade(word[1]), f"{why}the description says {word[1]!r}"
    if entry and entry.grade:
        letter = f", Class {entry.me_class}" if entry.match == "statute" and entry.me_class else ""
        return (
            entry.grade,
            f"{why}no class or sentence: the entry's default ({entry.grade}{letter})",
        )
    return None, f"{why}grade unknown: no class, sentence or default"


def _class_said(facts: _Facts, klass: ClassReading | None) -> str:
    """What the charge class says, or why it says nothing (empty when there is none)."""
    if klass:
        assumed = (
            " (Maine class: the record gave no state)" if klass.me_class and not facts.state else ""
        )
        return f"class {facts.charge_class!r} → {klass.grade}{assumed} [{klass.source}]"
    if not facts.charge_class:
        return ""
    where = f" in {facts.state}" if facts.state else ""
    return f"class {facts.charge_class!r} not understood{where}; "


def _violence(entry: OffenceEntry, facts: _Facts) -> dict[str, bool]:
    """The data file's three flags, and Maine's: Class A/B against the person, or armed."""
    me_class = facts.klass.me_class if facts.klass and facts.klass.me_class else entry.me_class
    armed = entry.armed or bool(_ARMED.search(facts.words))
    maine = entry.against_person and (me_class in _MAINE_VIOLENT_CLASSES or armed)
    return {**entry.violent, "maine": maine}


def _category(
    entry: OffenceEntry, grade: Grade | None, violent: bool, definition: str
) -> tuple[Severity, str]:
    """The §2.3 rung from the entry's fixed rung, the grade and the chosen definition."""
    if grade is Grade.CIVIL:
        civil = Severity.TRAFFIC_CIVIL if entry.kinds & _TRAFFIC else Severity.NONE
        return civil, "a civil infraction is never a crime"
    if entry.base is Severity.IMMIGRATION_ONLY:
        return entry.base, "an immigration-only offence whatever its grade (§2.3)"
    said = f"{'' if violent else 'not '}violent under {definition}"
    if grade is Grade.FELONY:
        return (Severity.VIOLENT_FELONY if violent else Severity.FELONY), f"felony grade, {said}"
    if entry.base in (Severity.OUI, Severity.TRAFFIC_CRIMINAL):
        return entry.base, "kept apart from other offences below felony grade (§2.3)"
    if entry.base is Severity.TRAFFIC_CIVIL:
        return Severity.TRAFFIC_CRIMINAL, "a traffic infraction charged as a crime"
    if entry.base is Severity.NONE:
        named = Severity.MISDEMEANOR if grade is Grade.MISDEMEANOR else Severity.NONE
        return named, "the entry names no offence: only the grade counts"
    lower = "" if grade else " (grade unknown: the lower rung)"
    ranked = Severity.VIOLENT_MISDEMEANOR if violent else Severity.MISDEMEANOR
    return ranked, f"misdemeanor grade{lower}, {said}"


def _aggravated(entry: OffenceEntry, violent_16a: bool, facts: _Facts) -> tuple[str | None, str]:
    """The 1101(a)(43) letter: the entry's, or (F) for a §16(a) crime of violence."""
    letter = entry.agg or ("F" if violent_16a else None)
    if letter is None:
        return None, ""
    if letter in _NEEDS_A_YEAR and (facts.years is None or facts.years < 1):
        term = describe_years(facts.years) if facts.years is not None else "none stated"
        return None, f"; not an aggravated felony here: ({letter}) needs a term of 1 year ({term})"
    if facts.attempt and letter != "U":
        return "U", f"; aggravated felony (U): attempt or conspiracy to commit a ({letter}) offence"
    return letter, f"; aggravated felony ({letter}), 8 U.S.C. 1101(a)(43)"


def _unknown(
    statute: str | None, description: str | None, facts: _Facts, definition: str
) -> OffenceReading:
    grade, grade_why = _grade(None, facts)
    ranks = {Grade.FELONY: Severity.FELONY, Grade.MISDEMEANOR: Severity.MISDEMEANOR}
    category = ranks.get(grade, Severity.NONE) if grade else Severity.NONE
    text = " / ".join(part.strip() for part in (statute, description) if part and part.strip())
    if statute and not statute_keys(statute, facts.state):
        unread = f"statute {statute.strip()!r} not read (no M.R.S./U.S.C. code and no state); "
        grade_why = unread + grade_why
    return OffenceReading(
        category=category,
        kinds=frozenset(),
        label=text or "no offence given",
        ncic_family=None,
        felony=None if grade is None else grade is Grade.FELONY,
        violent=dict.fromkeys(VIOLENT_DEFINITIONS, False),
        violent_definition=definition,
        aggravated_felony=None,
        basis=f"no vocabulary entry matches {text!r}: not guessed; {grade_why} → {category}",
        known=False,
    )
