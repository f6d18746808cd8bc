"""Organisation names: legal forms in canonical form, and low-information generic words.

The two commonest false-positive causes users report are legal forms and generic words scored
like names: `EMMA LLC` at 100% for `emma daniels` (watchman#338), `BELLETECH CORP` against
`11420 CORP.` (watchman#483), company stopwords (nomenklatura#211). And an abbreviation the
matcher did not know cost a true match: `LUKOIL OIL COMP` (nomenklatura#245). So every legal
form maps to one canonical token (`ООО`, `Limited Liability Company`, `L.L.C.` → `llc`) with a
class of compatible forms (`gmbh`, `sarl` and `llc` are all private limited companies), and
`split_org` separates the core of a name from its forms and generic words.

A short form (three letters or fewer: `co`, `sa`, `as`, `ag`) is a legal form only at the
start or end of a name (`AO Kalashnikov`, `Emma Co Ltd`), because inside a name it is as
likely a word or an initialism (`Bank SA Iran`); longer and multi-word forms count anywhere.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from veracity.names.normalize import normalize
from veracity.names.phonetic import skeleton
from veracity.names.scripts import CJK, token_script
from veracity.names.tokens import tokenize
from veracity.names.translit import latin_variants

Tokens = tuple[str, ...]
_SHORT = 3


@dataclass(frozen=True, slots=True)
class LegalForm:
    """A legal form: its canonical token and the class of forms compatible with it."""

    canonical: str
    group: str
    """`llc`, `jsc`, `ltd`, `corp`, `co`, `lp` or `sue` (state unitary enterprise)."""


def _data_lines(name: str) -> list[str]:
    text = resources.files("veracity.names").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _spellings(form: str) -> set[Tokens]:
    """A form's token sequences: as printed, transliterated, and joined if all short."""
    normalized = normalize(form)
    out = {tokenize(variant) for variant in latin_variants(normalized)}
    out.add(tokenize(normalized))
    out |= {("".join(tokens),) for tokens in list(out) if max(map(len, tokens)) <= 2}
    return {tokens for tokens in out if tokens}


@cache
def _forms() -> dict[Tokens, LegalForm]:
    forms: dict[Tokens, LegalForm] = {}
    for row in csv.DictReader(_data_lines("org_forms.csv")):
        value = LegalForm(row["canonical"], row["class"])
        for tokens in _spellings(row["form"]):
            forms.setdefault(tokens, value)
    return forms


# Forms of three words or more also match by consonant skeleton: the lists mix romanisation
# systems within one form (`OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU`: ICAO, then BGN).
_LOOSE_FROM = 3


def _loose_key(tokens: Tokens) -> Tokens:
    return tuple(skeleton(token) for token in tokens)


@cache
def _loose_forms() -> dict[Tokens, LegalForm]:
    forms = _forms().items()
    return {_loose_key(tokens): form for tokens, form in forms if len(tokens) >= _LOOSE_FROM}


@cache
def _longest() -> int:
    return max(len(tokens) for tokens in _forms())


@cache
def _cjk_forms() -> tuple[str, ...]:
    found = (normalize(row.split(",")[0]) for row in _data_lines("org_forms.csv")[1:])
    return tuple(sorted({f for f in found if token_script(f) in CJK}, key=len, reverse=True))


@cache
def generic_words() -> frozenset[str]:
    """Generic organisation words, normalised, with the transliterations of non-Latin ones."""
    words: set[str] = set()
    for line in _data_lines("org_generic.txt"):
        normalized = normalize(line)
        words.add(normalized)
        for variant in latin_variants(normalized):
            words.update(variant.split())
    return frozenset(words)


def legal_form(text: str) -> LegalForm | None:
    """The legal form `text` is, in any spelling (`S.A.`, `ООО`, `Limited`), or None."""
    return _forms().get(tokenize(normalize(text)))


def is_generic(token: str) -> bool:
    """Whether a normalised token is a low-information word of organisation names."""
    return token in generic_words()


def split_cjk_forms(tokens: Tokens) -> Tokens:
    """Split legal forms off CJK tokens, which have no spaces (`华为技术有限公司`)."""
    out: list[str] = []
    for token in tokens:
        if token_script(token) not in CJK:
            out.append(token)
            continue
        for form in _cjk_forms():
            if token != form and token.endswith(form):
                out += [token[: -len(form)], form]
                break
            if token != form and token.startswith(form):
                out += [form, token[len(form) :]]
                break
        else:
            out.append(token)
    return tuple(out)


def _match(tokens: Tokens, start: int) -> tuple[int, LegalForm] | None:
    forms, loose = _forms(), _loose_forms()
    for length in range(min(_longest(), len(tokens) - start), 0, -1):
        window = tokens[start : start + length]
        found = forms.get(window)
        if found is None and length >= _LOOSE_FROM:
            found = loose.get(_loose_key(window))
        if found is not None:
            return length, found
    return None


def _segments(tokens: Tokens) -> list[tuple[Tokens, LegalForm | None]]:
    segments: list[tuple[Tokens, LegalForm | None]] = []
    index = 0
    while index < len(tokens):
        found = _match(tokens, index)
        length = found[0] if found else 1
        segments.append((tokens[index : index + length], found[1] if found else None))
        index += length
    return segments


def tag_legal_forms(tokens: Tokens) -> tuple[Tokens, tuple[LegalForm | None, ...]]:
    """Tokens with each legal form replaced by its canonical token, and each token's form."""
    segments = _segments(tokens)
    formish = [form is not None or is_generic(seg[0]) for seg, form in segments]
    out: list[str] = []
    forms: list[LegalForm | None] = []
    for index, (segment, form) in enumerate(segments):
        short = len(segment) == 1 and len(segment[0]) <= _SHORT
        at_edge = all(f for _, f in segments[:index]) or all(formish[index + 1 :])
        if form is not None and (not short or at_edge):
            out.append(form.canonical)
            forms.append(form)
        else:
            out.extend(segment)
            forms.extend([None] * len(segment))
    return tuple(out), tuple(forms)


def split_org(tokens: Tokens) -> tuple[Tokens, Tokens, Tokens]:
    """(core tokens, canonical legal forms, generic tokens) of an organisation's tokens."""
    tagged, forms = tag_legal_forms(tokens)
    core = tuple(t for t, f in zip(tagged, forms, strict=True) if f is None and not is_generic(t))
    legal = tuple(f.canonical for f in forms if f is not None)
    generic = tuple(t for t, f in zip(tagged, forms, strict=True) if f is None and is_generic(t))
    return core, legal, generic
