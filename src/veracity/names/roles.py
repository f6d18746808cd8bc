"""The role a token plays in a name, as far as the name alone can tell."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a token of a prepared name is."""

    GIVEN = "given"
    """A given (first or middle) name."""
    FAMILY = "family"
    """A family name (surname), or one part of a double surname."""
    PATRONYMIC = "patronymic"
    """A father's name: Russian `-ovich`/`-ovna`, the name after Arabic `bin`/`ibn`."""
    PARTICLE = "particle"
    """A name particle: `al`, `bin`, `van der`, `de la`, `abu`..."""
    INITIAL = "initial"
    """A single letter standing for a name."""
    HONORIFIC = "honorific"
    """A religious or customary honorific the lists carry as part of the name (`haji`)."""
    LEGAL_FORM = "legal_form"
    """A company's legal form, in canonical form (`llc`, `jsc`, `ltd`)."""
    GENERIC = "generic"
    """A low-information word of organisation names (`trading`, `group`, `the`)."""
    NUMBER = "number"
    """A token with digits: numbers must agree (watchman#483, `11420 CORP`)."""
    OTHER = "other"
    """A name part whose role the name alone does not show."""
