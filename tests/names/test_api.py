"""The public surface of `veracity.names` (httpx-style check of `__all__`)."""

from __future__ import annotations

import inspect
from importlib import resources

import veracity.names
from veracity.names import prepare

FORBIDDEN = ("veracity.model", "veracity.sources", "veracity.store", "veracity.screening")


def test_all_lists_exactly_the_public_names() -> None:
    public = {name for name in vars(veracity.names) if not name.startswith("_")}
    modules = {name for name, value in vars(veracity.names).items() if inspect.ismodule(value)}
    assert set(veracity.names.__all__) == public - modules


def test_every_public_name_has_a_docstring() -> None:
    for name in veracity.names.__all__:
        value = getattr(veracity.names, name)
        if callable(value):
            assert inspect.getdoc(value), name


def test_names_imports_nothing_domain_specific() -> None:
    # ARCHITECTURE.md: names/ may import nothing domain-specific.
    package = resources.files("veracity.names")
    for entry in package.iterdir():
        if entry.name.endswith(".py"):
            source = entry.read_text(encoding="utf-8")
            assert not any(f"import {m}" in source or f"from {m}" in source for m in FORBIDDEN)


def test_package_data_is_loaded_through_importlib_resources() -> None:
    data = resources.files("veracity.names").joinpath("data")
    assert {"given_names.csv", "org_forms.csv", "org_generic.txt"} <= {
        entry.name for entry in data.iterdir()
    }
    assert prepare("Bill Smith", "person").roles[0].value == "given"  # bill: a given name
