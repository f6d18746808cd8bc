"""Downloading the official files from their publishers: the only code that uses the network.

Each file is written to a temporary name and renamed into place only when complete, so a failed
or interrupted download never leaves a half file where `veracity load` would read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from veracity.exc import UpdateError
from veracity.sources.base import Source

Progress = Callable[[str, int, int | None], None]
"""Called with (file name, bytes so far, total bytes or None)."""


@dataclass(frozen=True, slots=True)
class Downloaded:
    """One file fetched from its publisher."""

    source: str
    url: str
    path: Path
    size: int


def file_url(source: type[Source], name: str, mirror: str | None) -> str:
    """The URL of one official file, or of its copy on a mirror (`<mirror>/<source>/<file>`)."""
    if mirror:
        return f"{mirror.rstrip('/')}/{source.NAME}/{name}"
    return source.URLS[name]


def update_source(
    source: type[Source],
    dest: Path,
    mirror: str | None = None,
    progress: Progress | None = None,
    timeout: float = 120.0,
) -> list[Downloaded]:
    """Download every official file of `source` into `dest/<source>/`."""
    folder = dest / source.NAME
    folder.mkdir(parents=True, exist_ok=True)
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        return [
            _fetch(client, source.NAME, file_url(source, name, mirror), folder / name, progress)
            for name in source.URLS
        ]


def _fetch(
    client: httpx.Client, source: str, url: str, target: Path, progress: Progress | None
) -> Downloaded:
    partial = target.with_name(target.name + ".part")
    size = 0
    try:
        with client.stream("GET", url) as response:
            response.raise_for_status()
            total = int(response.headers.get("content-length") or 0) or None
            with partial.open("wb") as out:
                for chunk in response.iter_bytes(1 << 16):
                    out.write(chunk)
                    size += len(chunk)
                    if progress is not None:
                        progress(target.name, size, total)
    except (httpx.HTTPError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise UpdateError(f"{source}: downloading {url} failed: {exc}") from exc
    if size == 0:
        partial.unlink(missing_ok=True)
        raise UpdateError(f"{source}: {url} returned an empty file")
    partial.replace(target)
    return Downloaded(source, url, target, size)
