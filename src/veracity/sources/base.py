"""The reader interface every list format implements, and the registry of readers by NAME."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from veracity.exc import NotFoundError, SourceError
from veracity.model import Party, Reject


@dataclass(frozen=True, slots=True)
class ListInfo:
    """Facts about the list as a whole that a reader finds while reading (its publication date)."""

    list_date: str | None = None


Record = Party | Reject | ListInfo


class Source(ABC):
    """A reader for one official list format.

    `read` yields parties, the rows it had to reject (with file, line and field) and, when the
    file states it, a `ListInfo` with the list's date. A file that cannot be read at all (missing,
    truncated, wrong format) raises `SourceError` naming file, line and field; the load is then
    abandoned and the store keeps its previous version.
    """

    NAME: ClassVar[str]
    """The name used on the command line (`veracity load NAME PATH`)."""
    TITLE: ClassVar[str]
    """What the list is, for people."""
    URLS: ClassVar[dict[str, str]] = {}
    """File name -> the publisher's official download URL (used by `sources update`)."""

    def files(self, path: Path) -> list[Path]:
        """The files that make up this list at `path` (a file, or a folder holding the files)."""
        if not path.exists():
            raise NotFoundError(f"{path}: no such file or folder")
        if path.is_file():
            return [path]
        found = [path / name for name in self.URLS if (path / name).is_file()]
        if not found:
            raise SourceError(f"no {self.NAME} files ({', '.join(self.URLS)}) in folder", path)
        return found

    @abstractmethod
    def read(self, path: Path) -> Iterator[Record]:
        """Read the list at `path` (a file or folder, as `files` accepts)."""


def checksum(paths: list[Path]) -> str:
    """SHA-256 over the files' names and bytes, so that an identical reload can be skipped."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


_REGISTRY: dict[str, type[Source]] = {}


def register(cls: type[Source]) -> type[Source]:
    """Class decorator: make a reader available under its NAME."""
    _REGISTRY[cls.NAME] = cls
    return cls


def get_source(name: str) -> Source:
    """The reader registered under `name`."""
    from veracity import sources as _all  # noqa: F401  (importing registers every reader)

    try:
        return _REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise NotFoundError(f"unknown source {name!r}; known sources: {known}") from None


def all_sources() -> list[type[Source]]:
    """Every registered reader, by name."""
    from veracity import sources as _all  # noqa: F401

    return [_REGISTRY[k] for k in sorted(_REGISTRY)]
