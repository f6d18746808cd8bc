"""Names: normalisation, scripts, transliteration, tokens, name parts, legal forms, keys, weights.

Pure functions over strings, with no dependency on the rest of Veracity (ARCHITECTURE.md): the
matcher and the linker build on them. `prepare` does it all for one name, cached:

    >>> name = prepare("PUTIN, Vladimir Vladimirovich", kind="person")
    >>> name.tokens, [role.value for role in name.roles]
    (('vladimir', 'vladimirovich', 'putin'), ['given', 'patronymic', 'family'])
"""

from veracity.names.frequency import TokenWeights
from veracity.names.normalize import normalize
from veracity.names.orgs import LegalForm, is_generic, legal_form, split_org, tag_legal_forms
from veracity.names.person import (
    given_name_keys,
    is_patronymic,
    person_roles,
    same_given_name,
    split_reversed,
    strip_titles,
)
from veracity.names.phonetic import metaphone, skeleton, soundex
from veracity.names.prepare import KINDS, PreparedName, prepare
from veracity.names.roles import Role
from veracity.names.scripts import char_script, is_latin, scripts, token_script
from veracity.names.tokens import adjacent_joins, joined, merged_variants, tokenize
from veracity.names.translit import latin_variants, to_latin

__all__ = [
    "KINDS",
    "LegalForm",
    "PreparedName",
    "Role",
    "TokenWeights",
    "adjacent_joins",
    "char_script",
    "given_name_keys",
    "is_generic",
    "is_latin",
    "is_patronymic",
    "joined",
    "latin_variants",
    "legal_form",
    "merged_variants",
    "metaphone",
    "normalize",
    "person_roles",
    "prepare",
    "same_given_name",
    "scripts",
    "skeleton",
    "soundex",
    "split_org",
    "split_reversed",
    "strip_titles",
    "tag_legal_forms",
    "to_latin",
    "token_script",
    "tokenize",
]
