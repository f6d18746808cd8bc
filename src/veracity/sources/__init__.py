"""Readers for the real list formats; importing this package registers them all."""

from veracity.sources import eu, ofac, un  # noqa: F401  (importing registers the reader)
from veracity.sources.base import ListInfo, Record, Source, all_sources, checksum, get_source

__all__ = ["ListInfo", "Record", "Source", "all_sources", "checksum", "get_source"]
