"""The UK Sanctions List (FCDO), in either of two layouts, told apart from the path.

- The official CSV, `UK-Sanctions-List.csv` (and OFSI's older `ConList.csv`): one row per name,
  the subject's fields repeated; see `uk_csv`.
- Normalised tables (`subjects.csv` + `subject_names.csv`, `subject_dobs.csv`,
  `subject_identifiers.csv`, `subject_countries.csv`, joined on `unique_id`), as
  covyr/uk-sanctions-list derives them from the official CSV; see `uk_tables`.

A folder holding `subjects.csv`, or the path of one of the tables, is read as tables; a folder
holding the official file, or any other file, is read as the official CSV (its first lines say
which of the two CSV layouts it is). Both give a subject the same Party: id `uk:<Unique ID>`
(e.g. `uk:RUS0001`); individuals are Persons, ships Vessels, entities Companies when their name
or type of entity carries a legal form or business word, else Organizations. Names: Name 1 is
the given name, Names 2-5 middle names, Name 6 the family name (the whole name of an entity);
a primary-name variation is an ALIAS, a low-quality a.k.a. a WEAK_ALIAS, a non-Latin name an
ORIGINAL_SCRIPT name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from veracity.exc import NotFoundError, SourceError
from veracity.sources.base import Record, Source, register
from veracity.sources.uk_csv import read_csv
from veracity.sources.uk_tables import SUBJECTS, TABLES, read_tables

_OFFICIAL = "UK-Sanctions-List.csv"
_CONLIST = "ConList.csv"


@register
class UkSanctionsList(Source):
    """UK Sanctions List (FCDO CSV, OFSI ConList CSV, or normalised tables)."""

    NAME = "uk"
    TITLE = "UK Sanctions List (FCDO)"
    URLS: ClassVar[dict[str, str]] = {
        _OFFICIAL: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv"
    }

    def files(self, path: Path) -> list[Path]:
        """The official CSV, or the five normalised tables when `path` is (in) their folder."""
        if (folder := _tables_folder(path)) is not None:
            missing = [name for name in TABLES if not (folder / name).is_file()]
            if missing:
                raise SourceError(f"normalised UK tables incomplete: no {missing[0]}", folder)
            return [folder / name for name in TABLES]
        if path.is_dir() and (path / _CONLIST).is_file() and not (path / _OFFICIAL).is_file():
            return [path / _CONLIST]
        return super().files(path)

    def read(self, path: Path) -> Iterator[Record]:
        """Yield the list date, rejects, then one Party (or Reject) per subject."""
        files = self.files(path)
        if files[0].name == SUBJECTS:
            yield from read_tables(files[0].parent)
        else:
            yield from read_csv(files[0])


def _tables_folder(path: Path) -> Path | None:
    """The folder of the normalised tables if `path` is that folder or one of its tables."""
    if not path.exists():
        raise NotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        return path if (path / SUBJECTS).is_file() else None
    return path.parent if path.name in TABLES else None
