"""The court-records pack's vocabulary files: how they are read and how text is normalised.

The vocabularies (`claims/data/*.csv`) are data, one entry a row with a column citing its
source; lines starting with `#` above the header explain the decisions behind them. They are
read with the strict CSV reader of `sources.tabular`, so a damaged row is a `SourceError` naming
the file, the line and the field, and each regex is compiled on loading so a bad pattern fails
at once rather than on the first record that reaches it.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from veracity.exc import SourceError
from veracity.sources.tabular import Row, read_rows

Line = tuple[int, Row]
"""A row of a vocabulary file with the line it starts on."""

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_INITIALS = re.compile(r"\b[a-z](?: [a-z]\b)+")
_FLAGS = {"y": True, "n": False, "": None}


def normalise(text: str) -> str:
    """Lower case, `w/o` and `w/` spelt out, marks as spaces, initials joined (`F.N.G.` → `fng`)."""
    text = text.lower().replace("&", " and ").replace("w/o", " without ").replace("w/", " with ")
    text = re.sub(r"['’]", "", text)  # dism'd -> dismd; dots become spaces, then initials join
    text = _NOT_WORD.sub(" ", text).strip()
    return _INITIALS.sub(lambda initials: initials[0].replace(" ", ""), text)  # f n g -> fng


def read_vocabulary(name: str, needed: tuple[str, ...]) -> list[Line]:
    """The rows of `claims/data/<name>` after its `#` comment lines, each with its line."""
    resource = resources.files("veracity.claims").joinpath("data", name)
    with resources.as_file(resource) as path:
        comments = _comment_lines(path)
        return list(read_rows(path, preamble=comments, needed=needed))


def _comment_lines(path: Path) -> int:
    count = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            count += 1
    return count


def flag(row: Row, field: str, name: str, line: int) -> bool | None:
    """A `y`/`n`/empty column as True/False/None; anything else is a SourceError."""
    value = row[field].lower()
    if value not in _FLAGS:
        raise SourceError(f"{value!r} is not y, n or empty", name, line, field)
    return _FLAGS[value]


def compile_pattern(pattern: str, name: str, line: int) -> re.Pattern[str]:
    """A vocabulary regex, compiled; a bad one is a SourceError naming its line."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise SourceError(f"bad pattern {pattern!r}: {exc}", name, line, "pattern") from exc
