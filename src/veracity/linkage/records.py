"""A person as a record to link, and its prepared form (normalised once, compared many times).

Court dockets, arrest tables, registers and news reports all describe people with some of the
same few fields. `PersonRecord` holds them as written; `prepare` turns one into what the
comparisons read (court_records.md §3):

- names are normalised (accents stripped: `Cortés` → `cortes`), transliterated to Latin and
  split into tokens; titles and suffixes go, and surname particles (`de`, `del`, `la`, `y`)
  are kept in the joined key (the Census writes `DELAROSA`) but are optional parts;
- a birth date keeps its precision; `01-01` is read as a placeholder, so only the year of it is
  trusted (§3.4: placeholder DOBs are common for people with unknown birth dates);
- other fields are compared as text, lower-case and with punctuation folded to spaces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from veracity.model.dates import PartialDate, Precision
from veracity.names.normalize import normalize
from veracity.names.person import PARTICLES, split_reversed, strip_titles
from veracity.names.tokens import tokenize
from veracity.names.translit import to_latin

RecordId = str
"""The identifier of a record, unique within one linkage job."""

TEXT_FIELDS = ("place", "state", "country", "email")
"""The text fields every person record has, in the order they are compared."""


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One record about a person, with the fields as the source wrote them."""

    id: RecordId
    given_names: str = ""
    """All given names, space-separated (`Maria José`); may hold a maternal surname."""
    surnames: str = ""
    """The family name or names (`López Cortés`, `Lopez-Cortez`)."""
    birth_date: PartialDate | None = None
    """The date of birth at the precision known (a year from an age, or a full date)."""
    place: str = ""
    """City, town or suburb of residence or arrest."""
    state: str = ""
    """State, province or county."""
    country: str = ""
    """ISO 3166-1 alpha-2 code, or a country name."""
    email: str = ""
    extra: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Other fields compared as text, by name: postcode, street, an identifier."""

    @classmethod
    def from_full_name(
        cls, id: RecordId, name: str, birth_date: PartialDate | None = None, state: str = ""
    ) -> PersonRecord:
        """A record from one name string: `FAMILY, Given` or `Given ... Family`."""
        reversed_ = split_reversed(name)
        if reversed_ is not None:
            family, given = reversed_
        else:
            parts = name.split()
            given, family = " ".join(parts[:-1]), " ".join(parts[-1:])
        return cls(id, given, family, birth_date=birth_date, state=state)


def fold_zs(token: str) -> str:
    """Z and S as one letter (`cortez`, `cortes`: court_records.md §3.2)."""
    return token.replace("z", "s")


@dataclass(frozen=True, slots=True)
class NamePart:
    """The given names or the surnames of a record, in the forms the comparisons read."""

    tokens: tuple[str, ...]
    """Tokens in order (surnames without particles: `de la Rosa` → `rosa`)."""
    key: str
    """All tokens joined (`maryann` for `Mary Ann`; `delarosa`, as the Census writes it)."""
    letters: str
    """The letters of the key, sorted: equal for two spellings with letters transposed."""
    folded: frozenset[str]
    """Tokens of two letters or more, and the key, with Z read as S."""

    @classmethod
    def of(cls, tokens: tuple[str, ...], key: str) -> NamePart:
        """The part with these tokens and joined key."""
        folded = frozenset(fold_zs(t) for t in (*tokens, key) if len(t) > 1)
        return cls(tokens, key, "".join(sorted(key)), folded)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the comparisons read of one record, computed once."""

    given: NamePart
    surname: NamePart
    birth: PartialDate | None
    birth_full: bool
    """The birth date is known to the day and is not the 1 January placeholder."""
    texts: tuple[str, ...]
    """The text fields (TEXT_FIELDS, then the extra fields of the job), normalised."""


def name_tokens(text: str) -> tuple[str, ...]:
    """Normalised Latin tokens of a name part, without titles or generational suffixes."""
    normal = normalize(text)
    if not normal.isascii():
        normal = to_latin(normal)
    tokens, _ = strip_titles(tokenize(normal))
    return tokens


def _without_particles(tokens: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(t for t in tokens if t not in PARTICLES)
    return kept or tokens


def is_placeholder(date: PartialDate) -> bool:
    """Whether a birth date is the 1 January placeholder written for an unknown day."""
    return date.month == 1 and date.day == 1


def _full(date: PartialDate | None) -> bool:
    if date is None or date.circa or date.precision is not Precision.DAY:
        return False
    return not is_placeholder(date)


def text_key(value: str) -> str:
    """A text field as compared: lower-case, accents stripped, punctuation folded to spaces."""
    return normalize(value)


def email_key(value: str) -> str:
    """An e-mail address as compared: lower-case, kept whole (its punctuation is content)."""
    return value.strip().lower()


def prepare(record: PersonRecord, extra_fields: tuple[str, ...] = ()) -> Prepared:
    """The prepared form of `record`, with `extra_fields` (in this order) after TEXT_FIELDS."""
    given = name_tokens(record.given_names)
    surname = name_tokens(record.surnames)
    base = (record.place, record.state, record.country)
    extras = tuple(record.extra.get(name, "") for name in extra_fields)
    return Prepared(
        given=NamePart.of(given, "".join(given)),
        surname=NamePart.of(_without_particles(surname), "".join(surname)),
        birth=record.birth_date,
        birth_full=_full(record.birth_date),
        texts=(
            *(text_key(value) for value in base),
            email_key(record.email),
            *(text_key(value) for value in extras),
        ),
    )
