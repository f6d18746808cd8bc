"""Readers for the real list formats; importing this package registers them all."""

from veracity.sources import bis, eu, ftm, ofac, uk, un  # noqa: F401  (importing registers them)
from veracity.sources.base import ListInfo, Record, Source, all_sources, checksum, get_source

__all__ = ["ListInfo", "Record", "Source", "all_sources", "checksum", "get_source"]
