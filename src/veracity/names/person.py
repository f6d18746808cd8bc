"""Parts of a person's name: titles, particles, initials, patronymics, given and family names.

Choices, with the reasons (sanctions.md §1.7, §5.2):
- Courtesy, academic and military titles (`Mr`, `Dr`, `General`, `Colonel`) are dropped, and
  only from the start of a name (and generational suffixes, `Jr`, `III`, only from its end),
  so that `Major` and `General` stay inside names. `Major` itself is never dropped (John Major).
- Religious and customary honorifics (`Haji`, `Mullah`, `Sheikh`, `Maulvi`, `Qari`, `Hafiz`)
  are kept, tagged HONORIFIC: the UN and UK lists carry them as part of the name (`HAJI
  KHAIRULLAH HAJI SATTAR`), some are also given names (`Hafiz`), and a list name that has one
  should still meet a query that has it. The matcher weighs them low instead.
- `FAMILY, Given` (one comma, as OFAC and the UK print names) is read as reversed order.
- A Russian patronymic (`-ovich`, `-ovna`...) in last place means family-first order
  (`Putin Vladimir Vladimirovich`); the name after Arabic `bin`/`ibn`/`ould` is a patronymic.
  An omitted patronymic should cost less than a contradicted one (nomenklatura#366).
- Single letters are initials (`Ron L Hubbard` vs `L Ron Hubbard`, nomenklatura#211).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from veracity.names.roles import Role
from veracity.names.tokens import has_digit

# fmt: off
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev",
    "reverend", "hon", "excellency", "gen", "general", "col", "colonel", "lt", "lieutenant",
    "capt", "captain", "cpt", "brig", "brigadier", "adm", "admiral", "cmdr", "commander", "sgt",
    "sergeant", "maj", "eng", "engr", "engineer",
})
"""Dropped from the start of a person's name."""

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes, dropped from the end of a person's name."""

HONORIFICS = frozenset({
    "haji", "hajji", "hadji", "alhaj", "alhaji", "hajj", "mullah", "mulla", "mullo", "maulvi",
    "mawlawi", "molvi", "maulavi", "maulana", "mawlana", "mufti", "qari", "hafiz", "sheikh",
    "shaikh", "shaykh", "sheik", "ayatollah", "hojatoleslam",
})
"""Kept in the name, tagged HONORIFIC (see the module docstring)."""

PARTICLES = frozenset({
    "al", "el", "ul", "bin", "ibn", "bint", "binti", "abu", "abou", "umm", "ould", "ben", "wa",
    "wal", "van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "do", "di",
    "du", "la", "le", "ter", "ten", "st", "mac", "mc", "y", "o",
})
"""Name particles: articles, `son of`, nobiliary and patronymic prefixes."""
# fmt: on

# Arabic article assimilated to a following 'sun letter' (ar-Rahman, as-Sayed, ash-Shami):
# a particle only when the next token starts with the same sound.
# fmt: off
_SUN_ARTICLES = {"ar": "r", "as": "s", "ash": "sh", "at": "t", "ath": "th", "ad": "d", "adh": "dh",
                 "az": "z", "an": "n"}
# fmt: on
# `Ben` first in a name is the given name (Ben Smith), later it is `son of` (Ali ben Salah).
_NOT_FIRST = frozenset({"ben"})
_SON_OF = frozenset({"bin", "ibn", "bint", "binti", "ould", "ben"})
# fmt: off
_PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ovych", "evych", "avich", "ovitch", "evitch",
    "ovna", "evna", "ivna", "avna", "ichna",
)
# fmt: on


@cache
def _given_names() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    data = resources.files("veracity.names").joinpath("data", "given_names.csv")
    with data.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            key = row["name"]
            for name in (key, *row["variants"].split()):
                groups.setdefault(name, set()).add(key)
    return {name: frozenset(keys) for name, keys in groups.items()}


def given_name_keys(token: str) -> frozenset[str]:
    """The groups of equivalent given names `token` belongs to (`bill` → {`william`})."""
    return _given_names().get(token, frozenset())


@cache
def _groups() -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = {}
    for name, keys in _given_names().items():
        for key in keys:
            members.setdefault(key, set()).add(name)
    return {key: frozenset(names) for key, names in members.items()}


def given_name_variants(token: str) -> frozenset[str]:
    """Every name that is the same given name as `token` (`bill` → {`william`, `will`, ...})."""
    groups = _groups()
    return frozenset(n for key in given_name_keys(token) for n in groups.get(key, ()))


def same_given_name(a: str, b: str) -> bool:
    """Whether two given-name tokens are the same name or a short form of it (Jon/John)."""
    return a == b or not given_name_keys(a).isdisjoint(given_name_keys(b))


def split_reversed(text: str) -> tuple[str, str] | None:
    """`FAMILY, Given` → (family, given); None unless the text has exactly one comma."""
    if text.count(",") != 1:
        return None
    family, given = (part.strip() for part in text.split(","))
    if not family or not given or given.strip(". ").lower() in SUFFIXES:
        return None
    return family, given


def strip_titles(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tokens without leading titles and trailing suffixes, the titles dropped)."""
    start, end = 0, len(tokens)
    while start < end - 1 and tokens[start] in TITLES:
        start += 1
    while end > start + 1 and tokens[end - 1] in SUFFIXES:
        end -= 1
    return tokens[start:end], tokens[:start] + tokens[end:]


def is_particle(token: str, following: str = "") -> bool:
    """Whether `token` is a name particle (given the token after it, for `ar Rahman`)."""
    sound = _SUN_ARTICLES.get(token)
    if sound is not None:
        return following.startswith(sound)
    return token in PARTICLES


def is_patronymic(token: str) -> bool:
    """Whether `token` has the form of an East Slavic patronymic (`Vladimirovich`)."""
    return len(token) >= 6 and token.endswith(_PATRONYMIC_ENDINGS)


def _fixed_roles(tokens: tuple[str, ...]) -> list[Role | None]:
    roles: list[Role | None] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if has_digit(token):
            roles.append(Role.NUMBER)
        elif token in HONORIFICS:
            roles.append(Role.HONORIFIC)
        elif len(token) == 1 and token.isalpha() and token not in ("y", "o"):
            roles.append(Role.INITIAL)
        elif (
            following and is_particle(token, following) and not (index == 0 and token in _NOT_FIRST)
        ):
            roles.append(Role.PARTICLE)
        else:
            roles.append(None)
    return roles


def _middle_role(token: str, hispanic: bool) -> Role:
    if given_name_keys(token):
        return Role.GIVEN
    return Role.FAMILY if hispanic else Role.OTHER


def _name_roles(tokens: tuple[str, ...], names: list[int], hispanic: bool) -> dict[int, Role]:
    if len(names) == 1:
        return {names[0]: Role.OTHER}
    first, last = names[0], names[-1]
    if len(names) >= 3 and is_patronymic(tokens[last]):  # Putin Vladimir Vladimirovich
        roles = dict.fromkeys(names[1:-1], Role.GIVEN)
        return roles | {first: Role.FAMILY, last: Role.PATRONYMIC}
    roles = {first: Role.GIVEN, last: Role.FAMILY}
    for index in names[1:-1]:
        after_son_of = index > 0 and tokens[index - 1] in _SON_OF
        if is_patronymic(tokens[index]) or after_son_of:
            roles[index] = Role.PATRONYMIC
        else:
            roles[index] = _middle_role(tokens[index], hispanic and index == names[-2])
    return roles


def person_roles(
    tokens: tuple[str, ...],
    family_from: int | None = None,
    hispanic: bool = False,
    family_first: bool = False,
) -> tuple[Role, ...]:
    """The role of each token of a person's name (given-first order unless it shows otherwise).

    `family_from`: index of the first family-name token when the order is known (from a
    `FAMILY, Given` comma). `hispanic`: the name looks Spanish or Portuguese, so a name part
    before the last is more likely a second surname than a middle name. `family_first`: the
    name was written in a script whose names put the family name first (Chinese, Korean,
    Japanese).
    """
    roles = _fixed_roles(tokens)
    names = [index for index, role in enumerate(roles) if role is None]
    if family_first and family_from is None and len(names) > 1:
        roles[names[0]] = Role.FAMILY
        for index in names[1:]:
            roles[index] = Role.GIVEN
    elif family_from is not None:
        for index in names:
            patronymic = index < family_from and index > 0 and is_patronymic(tokens[index])
            given = Role.PATRONYMIC if patronymic else Role.GIVEN
            roles[index] = Role.FAMILY if index >= family_from else given
    elif names:
        for index, role in _name_roles(tokens, names, hispanic).items():
            roles[index] = role
    return tuple(role or Role.OTHER for role in roles)
