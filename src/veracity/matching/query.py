"""What a user asks the matcher, and what it answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from veracity.model import PartialDate, Party, Schema
from veracity.model.countries import country_code


@dataclass(frozen=True, slots=True)
class MatchQuery:
    """A name to screen, with the facts that qualify it."""

    names: tuple[str, ...]
    schema: Schema | None = None
    """Person, Organization, Company, Vessel or Aircraft; None matches any."""
    countries: tuple[str, ...] = ()
    """ISO 3166-1 alpha-2 codes (nationality, residence, jurisdiction...)."""
    birth_dates: tuple[PartialDate, ...] = ()
    identifiers: tuple[str, ...] = ()
    """Passport, IMO, tax or registration numbers, as written."""
    query_id: str | None = None

    @classmethod
    def build(
        cls,
        name: str | list[str] | tuple[str, ...],
        schema: str | None = None,
        country: str | list[str] | None = None,
        birth_date: str | list[str] | None = None,
        identifier: str | list[str] | None = None,
        query_id: str | None = None,
    ) -> MatchQuery:
        """A query from plain strings, as the CLI, the API and CSV batches give them."""
        names = tuple(n for n in _many(name) if n.strip())
        if not names:
            raise ValueError("a query needs a name")
        return cls(
            names=names,
            schema=_schema(schema),
            countries=tuple(_country(c) for c in _many(country)),
            birth_dates=tuple(PartialDate.from_iso(d) for d in _many(birth_date)),
            identifiers=tuple(_many(identifier)),
            query_id=query_id,
        )


def _many(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    return [v.strip() for v in values if v and v.strip()]


def _schema(value: str | None) -> Schema | None:
    if not value:
        return None
    for schema in Schema:
        if schema.value.lower() == value.strip().lower():
            return schema
    if value.strip().lower() in {"legalentity", "entity", "business"}:
        return Schema.ORGANIZATION
    raise ValueError(f"unknown schema {value!r}: use {', '.join(s.value for s in Schema)}")


def _country(value: str) -> str:
    code = country_code(value)
    if code is None:
        raise ValueError(f"unknown country {value!r}: use an ISO 3166-1 code such as RU or TR")
    return code


@dataclass(frozen=True, slots=True)
class Evidence:
    """One feature that moved the score: its explanation and how much it moved it."""

    feature: str
    explanation: str
    """The feature function's docstring: the sentence users read."""
    detail: str
    """The values compared, e.g. `'1971-03-14' = '1971-03-14'`."""
    weight: float
    """Log-odds added to the score (negative counts against the match)."""


@dataclass(frozen=True, slots=True)
class MatchResult:
    """One listed party that may be the query, with its probability and the reasons."""

    party: Party
    score: float
    """Calibrated probability that the party is the one the query names."""
    match: bool
    """score ≥ the threshold in force."""
    matched_name: str
    """The party's name (primary, alias, original script...) that matched best."""
    query_name: str
    evidence: tuple[Evidence, ...] = field(default=())

    @property
    def entity_id(self) -> str:
        """The party's id."""
        return self.party.id

    @property
    def explanation(self) -> str:
        """Every reason, one clause each, strongest first."""
        ordered = sorted(self.evidence, key=lambda e: -abs(e.weight))
        return "; ".join(f"{e.explanation} ({e.detail}; {e.weight:+.2f})" for e in ordered)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of a result (CLI `--json`, API)."""
        return {
            "entity_id": self.party.id,
            "source": self.party.source,
            "schema": self.party.schema.value,
            "name": self.party.caption,
            "matched_name": self.matched_name,
            "query_name": self.query_name,
            "score": round(self.score, 4),
            "match": self.match,
            "explanation": self.explanation,
            "features": [
                {
                    "feature": e.feature,
                    "weight": round(e.weight, 3),
                    "detail": e.detail,
                    "explanation": e.explanation,
                }
                for e in self.evidence
            ],
        }
