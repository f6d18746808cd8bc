"""A claim's free text -> the `Assertion`s it makes, by transparent rules kept as data.

The vocabulary is `claims/data/claim_*.csv`: status words (`convicted of`), offence words
(`child abusers`, `DUI`), characterisations (`worst of the worst`) and negation cues, each row
with the reason it requires what it does, quoted in every assertion's `rule`. An assertion keeps
the exact words it rests on and their offset; `analyse_claim` also returns the words recognised
on purpose that assert nothing (`ignored`) and the text no rule read (`unparsed`).

How the words are read:
- Case-insensitive whole words, after curly quotes, hyphen variants and odd spaces are made
  plain (one character for one, so offsets hold). Where phrases overlap the longest wins.
- A status word governs the offences after it in its sentence (`convicted of assault, robbery
  and DUI`: three offences, each requiring a conviction) until the next status word, and an
  offence list right before it (`two DUI convictions`). Sentences end at `. ! ? ;`.
- An offence no status word governs is a bare list, as DHS writes ("an illegal alien with a
  history of assault and DUI"): it says a record of the offence exists, not what became of it,
  so it requires at least an arrest, never a conviction. A word for a person who did the act
  (`child abuser`, `rapist`) states the act as a fact, which only a conviction establishes.
- `ICE arrested X` reports the immigration arrest, not a criminal record: bare `arrested`,
  `detained`, `in custody` are ignored; `arrested for` is an arrest for an offence.
- A cue (`no`, `not`, `never`, `-n't`…) at most two words before a phrase, in its clause, negates
  it (`has never been convicted`); offences governed by a negated status are negated too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from veracity.claims.vocabulary import read_vocabulary
from veracity.exc import SourceError
from veracity.model.justice import Assertion, AssertionKind, ClaimedStatus, OffenceKind, Severity

# Somewhat over our ~300 lines: the phrase syntax and the reading of a text are one concept,
# and each half would need the other's Phrase and pattern rules.

STATUS, OFFENCE, LABEL = AssertionKind.STATUS, AssertionKind.OFFENCE, AssertionKind.CHARACTERISATION
FILES = {"claim_status.csv": STATUS, "claim_offences.csv": OFFENCE, "claim_labels.csv": LABEL}
"""The vocabulary files, in the order ties between equally long phrases are settled."""

# One character for one, so that offsets in the plain text are offsets in the claim text.
_PLAIN = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032`\u00b4\u201c\u201d\u201e\u201f\u2033\u2010\u2011\u2012\u2013\u2014"
    "\u2015\u2212\ufe63\uff0d\u00a0\u2007\u202f\u2009\u200a\u2002\u2003",
    "'" * 7 + '"' * 5 + "-" * 9 + " " * 7,
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]\"]")
_LIST_GLUE = re.compile(r"(?:\s|,|/|&|\band\b|\bor\b)*", re.IGNORECASE)
_TOKEN = re.compile(r"\w+")
_WORDS = re.compile(r"\w(?:.*\w)?", re.DOTALL)  # from the first word character to the last


@dataclass(frozen=True, slots=True)
class Phrase:
    """One row of the vocabulary: its words, what they require of a record, and why."""

    kind: AssertionKind
    alternatives: tuple[str, ...]
    source: str
    """The data file the row is in."""
    claimed: str
    why: str
    status: ClaimedStatus | None = None
    offence_kinds: frozenset[OffenceKind] = frozenset()
    min_severity: Severity | None = None
    violent: bool = False
    negated: bool = False
    actor: bool = False
    """A word for a person who did it: with no status word it requires a conviction."""
    needs_offence: bool = False
    """A status that asserts nothing unless it governs an offence (`detained for`)."""
    after_offence: bool = False
    """A status noun that also governs the offence list right before it (`DUI convictions`)."""

    @property
    def asserts(self) -> bool:
        """Whether the words assert something checkable (else they are recognised and ignored)."""
        required = self.status or self.offence_kinds or self.min_severity or self.violent
        return self.kind is OFFENCE or bool(required)

    @property
    def rule(self) -> str:
        """`file 'first alternative': why`."""
        return f"{self.source} {self.alternatives[0]!r}: {self.why}"


@dataclass(frozen=True, slots=True)
class Span:
    """Words of a claim text and where they start; `rule` says why they were read so."""

    words: str
    start: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class ParsedClaim:
    """What a claim text asserts, what was recognised but asserts nothing, what was not read."""

    text: str
    assertions: tuple[Assertion, ...]
    ignored: tuple[Span, ...]
    """Words recognised on purpose that assert nothing checkable (`illegal alien`)."""
    unparsed: tuple[Span, ...]
    """The stretches of text no rule read."""


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    phrase: Phrase
    cue: str | None  # the negation cue before the phrase, if any

    @property
    def negated(self) -> bool:
        return self.phrase.negated != (self.cue is not None)


def parse_claim(text: str) -> tuple[Assertion, ...]:
    """The assertions a claim's text makes, in text order."""
    return analyse_claim(text).assertions


def analyse_claim(text: str) -> ParsedClaim:
    """The assertions of a claim's text, with the words ignored and the text not understood."""
    plain = text.translate(_PLAIN)
    hits = _hits(plain)
    governors = _governors(plain, hits)
    governing = {id(g) for g in governors if g is not None}
    assertions, ignored = [], []
    for hit, governor in zip(hits, governors, strict=True):
        words = text[hit.start : hit.end]
        if not hit.phrase.asserts:
            ignored.append(Span(words, hit.start, hit.phrase.rule))
        elif hit.phrase.needs_offence and id(hit) not in governing:
            ignored.append(Span(words, hit.start, f"{hit.phrase.rule}; no offence follows"))
        else:
            assertions.append(_assertion(hit, words, governor, text))
    return ParsedClaim(text, tuple(assertions), tuple(ignored), _unparsed(text, hits))


def _hits(plain: str) -> list[_Hit]:
    """The vocabulary's phrases in the text: the longest where they overlap, in text order."""
    index, found = _index(), []
    for token in _TOKEN.finditer(plain):
        word = token.group(0).lower()
        for key in dict.fromkeys((word[:3], word[:2], word[:1])):
            for order, regex, phrase in index.get(key, ()):
                if match := regex.match(plain, token.start()):
                    start, end = match.span()
                    found.append((start - end, start, order, end, phrase))
    found.sort(key=lambda f: f[:3])  # longest first, then leftmost, then file order
    taken: list[tuple[int, int, Phrase]] = []
    for _, start, _, end, phrase in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, phrase))
    taken.sort(key=lambda t: t[0])
    return [_Hit(s, e, p, _cue(plain, s)) for s, e, p in taken]


def _cue(plain: str, start: int) -> str | None:
    clause = _CLAUSE_BREAK.split(plain[:start])[-1]
    match = _cues().search(clause)
    return match.group("cue") if match else None


def _governors(plain: str, hits: list[_Hit]) -> list[_Hit | None]:
    """For each offence, the status hit that governs it (see the module docstring)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(plain)]
    out: list[_Hit | None] = [None] * len(hits)
    current, sentence = None, -1
    for i, hit in enumerate(hits):
        if (here := bisect.bisect_right(ends, hit.start)) != sentence:
            current, sentence = None, here
        if hit.phrase.kind is STATUS and hit.phrase.status is not None:
            current = hit
        elif hit.phrase.kind is OFFENCE:
            out[i] = _status_after(plain, hits, i) or current
    return out


def _status_after(plain: str, hits: list[_Hit], i: int) -> _Hit | None:
    """The status right after the offence list that `hits[i]` is in (`DUI convictions`)."""
    j = i + 1
    while (
        j < len(hits)
        and hits[j].phrase.kind is OFFENCE
        and _LIST_GLUE.fullmatch(plain[hits[j - 1].end : hits[j].start])
    ):
        j += 1
    if j == len(hits) or not (hits[j].phrase.after_offence and hits[j].phrase.status):
        return None
    return hits[j] if not plain[hits[j - 1].end : hits[j].start].strip(" -") else None


def _assertion(hit: _Hit, words: str, governor: _Hit | None, text: str) -> Assertion:
    phrase, rule, status, negated = hit.phrase, hit.phrase.rule, hit.phrase.status, hit.negated
    if phrase.kind is OFFENCE:
        status, how = _offence_status(phrase, governor, text)
        rule += f"; {how}"
        if governor is not None and governor.negated and not negated:
            negated, rule = True, rule + "; negated with its status"
    if hit.cue is not None:
        rule += f"; negated by {hit.cue!r}" if hit.negated else f"; {hit.cue!r} denies a denial"
    return Assertion(
        kind=phrase.kind,
        claimed=phrase.claimed,
        words=words,
        start=hit.start,
        status=status,
        offence_kinds=phrase.offence_kinds,
        min_severity=phrase.min_severity,
        violent=phrase.violent,
        rule=rule,
        negated=negated,
    )


def _offence_status(phrase: Phrase, governor: _Hit | None, text: str) -> tuple[ClaimedStatus, str]:
    if governor is not None and governor.phrase.status is not None:
        words = text[governor.start : governor.end]
        return governor.phrase.status, f"status from {words!r} at {governor.start}"
    if phrase.actor:
        return ClaimedStatus.CONVICTED, (
            "no status word governs it, and it names a person who did the act, stating it as "
            "a fact that only a conviction establishes: requires a conviction"
        )
    return ClaimedStatus.ARRESTED, (
        "no status word governs it: a bare offence says a record of it exists, not what became "
        "of it, so it requires at least an arrest, not a conviction"
    )


def _unparsed(text: str, hits: list[_Hit]) -> tuple[Span, ...]:
    bounds = [0, *(b for hit in hits for b in (hit.start, hit.end)), len(text)]
    pairs = zip(bounds[::2], bounds[1::2], strict=True)
    found = (_WORDS.search(text, start, end) for start, end in pairs)
    return tuple(Span(m.group(0), m.start()) for m in found if m)


@cache
def vocabulary() -> tuple[Phrase, ...]:
    """Every phrase of the data files, in file order; a bad row is a SourceError naming it."""
    out = []
    for name, kind in FILES.items():
        for line, row in read_vocabulary(name, ("phrase", "why")):
            try:
                out.append(_phrase(kind, name, row))
            except (KeyError, ValueError) as exc:
                raise SourceError(f"not a vocabulary entry: {exc}", name, line) from exc
    return tuple(out)


def _phrase(kind: AssertionKind, source: str, row: dict[str, str]) -> Phrase:
    status = ClaimedStatus[row["status"]] if row.get("status") else None
    offences = (row.get("offences") or "").split(";")
    return Phrase(
        kind=kind,
        alternatives=tuple(a.strip() for a in row["phrase"].split("|")),
        source=source,
        claimed=row.get("claimed") or (status.value.lower() if status else ""),
        why=row["why"],
        status=status,
        offence_kinds=frozenset(OffenceKind[o.strip()] for o in offences if o.strip()),
        min_severity=Severity[row["severity"]] if row.get("severity") else None,
        violent=_yes(row, "violent"),
        negated=_yes(row, "negated"),
        actor=_yes(row, "actor"),
        needs_offence=_yes(row, "needs_offence"),
        after_offence=_yes(row, "after_offence"),
    )


def _yes(row: dict[str, str], column: str) -> bool:
    if (value := row.get(column) or "") not in ("", "yes"):
        raise ValueError(f"{column} is {value!r}: write yes or leave it empty")
    return value == "yes"


@cache
def _index() -> dict[str, list[tuple[int, re.Pattern[str], Phrase]]]:
    """Each alternative compiled, under the first three letters (or fewer) of its first word.

    A text is scanned word by word and tries only the alternatives filed under its word's
    first letters: ten times faster than running each phrase's expression over the text.
    """
    index: dict[str, list[tuple[int, re.Pattern[str], Phrase]]] = {}
    for order, phrase in enumerate(vocabulary()):
        for words in phrase.alternatives:
            key = re.split(r"[\s*-]", words.lower(), maxsplit=1)[0][:3]
            regex = re.compile(pattern(words), re.IGNORECASE)
            index.setdefault(key, []).append((order, regex, phrase))
    return index


def pattern(words: str) -> str:
    """The regular expression for one alternative of a phrase (syntax: claim_status.csv)."""
    parts = words.split()
    body = r"[\s-]+".join(_word(w, last=i == len(parts) - 1) for i, w in enumerate(parts))
    return rf"(?<!\w)(?:{body})(?!\w)"


def _word(word: str, last: bool) -> str:
    pieces = word.rstrip("*").split("-")
    if word.endswith("*"):
        end = re.escape(pieces[-1]) + r"\w*"
    elif last and len(pieces[-1]) > 1 and pieces[-1][-1] in "yY" and pieces[-1][-2] not in "aeiou":
        end = re.escape(pieces[-1][:-1]) + "(?:y|ies)"  # robbery, robberies
    else:
        end = re.escape(pieces[-1]) + ("(?:s|es)?" if last else "")
    return r"[\s-]?".join([*map(re.escape, pieces[:-1]), end])


@cache
def _cues() -> re.Pattern[str]:
    cues = [row["cue"] for _, row in read_vocabulary("claim_negations.csv", ("cue",))]
    words = "|".join(re.escape(c[1:]) if c[0] == "-" else rf"(?<!\w){re.escape(c)}" for c in cues)
    return re.compile(rf"(?P<cue>{words})(?!\w)(?:[\s-]+[\w']+){{0,2}}[\s-]*$", re.IGNORECASE)
