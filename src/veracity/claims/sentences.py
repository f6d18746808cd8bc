"""The term of imprisonment a sentence text imposes, in years.

Suspended time counts: "term of imprisonment" includes any period whose execution was suspended
(8 U.S.C. 1101(a)(48)(B)), so `4 years, all but 18 months suspended` is 4 years. Terms that are
not imprisonment are skipped clause by clause: probation, a licence suspension, a deferral or a
filing period, supervision. An indeterminate term counts its maximum (`5-10 years` is 10).
"""

from __future__ import annotations

import math
import re

_TERM = re.compile(
    r"(?P<low>\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?P<high>\d+(?:\.\d+)?))?\s*-?\s*"
    r"(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)\b",
    re.IGNORECASE,
)
_NOT_PRISON = re.compile(
    r"probation|licen[cs]e|deferr|\bfiled\b|filing|supervis|conditional discharge|"
    r"community service|parole|all but|unsupervised",
    re.IGNORECASE,
)
_LIFE = re.compile(r"\blife\b", re.IGNORECASE)
_YEARS_PER = {"y": 1.0, "m": 1 / 12, "w": 7 / 365, "d": 1 / 365}


def prison_years(sentence: str | None) -> float | None:
    """The longest term of imprisonment in `sentence`, in years; None when none is stated."""
    terms = [_clause_years(clause) for clause in re.split(r"[,;]", sentence or "")]
    known = [term for term in terms if term is not None]
    return max(known, default=None)


def _clause_years(clause: str) -> float | None:
    """One clause's term: its parts summed (`1 year and 1 day`), None if not imprisonment."""
    if _NOT_PRISON.search(clause):
        return None
    if _LIFE.search(clause):
        return math.inf
    parts = [
        float(found["high"] or found["low"]) * _YEARS_PER[found["unit"][0].lower()]
        for found in _TERM.finditer(clause)
    ]
    return sum(parts) if parts else None


def describe_years(years: float) -> str:
    """`life`, `4 years`, `18 months` or `366 days`, for explanations."""
    if math.isinf(years):
        return "life"
    months = years * 12
    if abs(months - round(months)) < 1e-6:
        whole = round(months)
        return f"{whole // 12} years" if whole % 12 == 0 and whole else f"{whole} months"
    return f"{round(years * 365)} days"
