"""The public surface of `veracity.linkage` (httpx-style check of `__all__`)."""

from __future__ import annotations

import inspect
from importlib import resources

import veracity.linkage

# ARCHITECTURE.md: linkage may import names and model (and the shared settings and errors).
FORBIDDEN = ("veracity.matching", "veracity.screening", "veracity.claims", "veracity.store")


def test_all_lists_exactly_the_public_names() -> None:
    public = {name for name in vars(veracity.linkage) if not name.startswith("_")}
    modules = {name for name, value in vars(veracity.linkage).items() if inspect.ismodule(value)}
    assert set(veracity.linkage.__all__) == public - modules


def test_every_public_name_has_a_docstring() -> None:
    for name in veracity.linkage.__all__:
        value = getattr(veracity.linkage, name)
        if callable(value):
            assert inspect.getdoc(value), name


def test_linkage_imports_only_what_it_may() -> None:
    for entry in resources.files("veracity.linkage").iterdir():
        if entry.name.endswith(".py"):
            source = entry.read_text(encoding="utf-8")
            assert not any(f"import {m}" in source or f"from {m}" in source for m in FORBIDDEN)
