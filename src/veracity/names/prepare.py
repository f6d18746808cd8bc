"""`prepare`: everything the matcher needs about one name, computed once and cached.

The pipeline: reversed order (`FAMILY, Given`) → normalise → tokens (CJK legal forms split
off) → Latin renderings (primary and alternatives) → per rendering: titles dropped (persons),
legal forms canonical (organisations), a role per token, phonetic keys per token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from veracity.names import _arabic, _cyrillic, _hangul, orgs, person, phonetic, translit
from veracity.names.normalize import normalize
from veracity.names.roles import Role
from veracity.names.scripts import CJK, scripts, token_script
from veracity.names.tokens import has_digit, split_scripts, tokenize
from veracity.names.translit import MAX_VARIANTS, latin_variants

KINDS: Final = ("person", "org", "any")
"""What a name names: a person, an organisation, or not known (vessels, aircraft, queries)."""

_WEAK_ROLES = frozenset({Role.LEGAL_FORM, Role.GENERIC, Role.PARTICLE, Role.HONORIFIC})
_HISPANIC_LETTERS = frozenset("áéíóúñãõçÁÉÍÓÚÑÃÕÇ")


@dataclass(frozen=True, slots=True)
class PreparedName:
    """One name, normalised, in Latin, tokenised, with roles and phonetic keys per token."""

    original: str
    kind: str
    """`person`, `org` or `any`."""
    latin: str
    """The normalised Latin rendering (before legal forms are made canonical)."""
    tokens: tuple[str, ...]
    """Latin tokens in given-first order, legal forms canonical, titles dropped."""
    roles: tuple[Role, ...]
    """The role of each token."""
    metaphones: tuple[str, ...]
    """Metaphone key of each token."""
    skeletons: tuple[str, ...]
    """Consonant skeleton of each token (see `phonetic.skeleton`)."""
    legal_forms: tuple[str, ...]
    """Canonical legal forms found (`llc`, `jsc`)."""
    titles: tuple[str, ...]
    """Titles and suffixes dropped from a person's name (`dr`, `jr`)."""
    scripts: frozenset[str]
    """Scripts of the original name."""
    alternatives: tuple[PreparedName, ...] = ()
    """The same name from other Latin renderings (non-Latin sources only), prepared alike."""

    @property
    def core(self) -> tuple[str, ...]:
        """Tokens that identify: not legal forms, generic words, particles or honorifics."""
        return tuple(
            t for t, r in zip(self.tokens, self.roles, strict=True) if r not in _WEAK_ROLES
        )

    @property
    def variants(self) -> tuple[str, ...]:
        """The alternative Latin renderings."""
        return tuple(alternative.latin for alternative in self.alternatives)


def _renderings(text: str, kind: str) -> list[tuple[str, int | None]]:
    """Latin renderings of `text`, each with the index of its first family token if known."""
    parts = person.split_reversed(text) if kind == "person" else None
    if parts is None:
        tokens = tokenize(normalize(text))
        if kind != "person":
            tokens = orgs.split_cjk_forms(tokens)
        return [(rendering, None) for rendering in latin_variants(" ".join(tokens))]
    family, given = (latin_variants(normalize(part)) for part in parts)
    out: dict[str, int | None] = {}
    for index in range(MAX_VARIANTS):
        first = given[min(index, len(given) - 1)]
        last = family[min(index, len(family) - 1)]
        out.setdefault(f"{first} {last}".strip(), len(first.split()))
    return list(out.items())


def _org_roles(tokens: tuple[str, ...], forms: tuple[orgs.LegalForm | None, ...]) -> list[Role]:
    roles = []
    for token, form in zip(tokens, forms, strict=True):
        if form is not None:
            roles.append(Role.LEGAL_FORM)
        elif has_digit(token):
            roles.append(Role.NUMBER)
        elif orgs.is_generic(token):
            roles.append(Role.GENERIC)
        elif len(token) == 1:
            roles.append(Role.INITIAL)
        else:
            roles.append(Role.OTHER)
    return roles


def _prepare_one(original: str, kind: str, latin: str, family_from: int | None) -> PreparedName:
    tokens = tokenize(latin)
    written = scripts(original)
    titles: tuple[str, ...] = ()
    legal: tuple[str, ...] = ()
    if kind == "person":
        kept, titles = person.strip_titles(tokens)
        if family_from is not None:
            family_from -= tokens.index(kept[0]) if kept else 0
        tokens = kept
        hispanic = any(char in _HISPANIC_LETTERS for char in original)
        family_first = bool(written) and written <= CJK
        roles = list(person.person_roles(tokens, family_from, hispanic, family_first))
    else:
        tokens, forms = orgs.tag_legal_forms(tokens)
        legal = tuple(form.canonical for form in forms if form is not None)
        roles = _org_roles(tokens, forms)
    return PreparedName(
        original=original,
        kind=kind,
        latin=latin,
        tokens=tokens,
        roles=tuple(roles),
        metaphones=tuple(phonetic.metaphone(token) for token in tokens),
        skeletons=tuple(phonetic.skeleton(token) for token in tokens),
        legal_forms=legal,
        titles=titles,
        scripts=written,
    )


@lru_cache(maxsize=131072)
def prepare(text: str, kind: str = "any") -> PreparedName:
    """Prepare a name for matching: `kind` is `person`, `org` or `any`."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    prepared = [
        _prepare_one(text, kind, latin, family_from)
        for latin, family_from in _renderings(text, kind)
    ]
    primary = prepared[0]
    if len(prepared) == 1:
        return primary
    return PreparedName(
        **{
            slot: getattr(primary, slot)
            for slot in PreparedName.__slots__
            if slot != "alternatives"
        },
        alternatives=tuple(prepared[1:]),
    )


def clear_caches() -> None:
    """Empty every per-string cache of the package (for cold-cache benchmarks)."""
    cached_functions = (
        prepare,
        normalize,
        token_script,
        split_scripts,
        translit.token_variants,
        latin_variants,
        _cyrillic.bgn,
        _cyrillic.icao,
        _arabic.romanize,
        _hangul.romanize,
        phonetic.skeleton,
        phonetic.metaphone,
        phonetic.soundex,
    )
    for function in cached_functions:
        function.cache_clear()
