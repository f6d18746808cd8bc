"""HTML reports rendered with Jinja2 templates shipped in the package (autoescaped)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("veracity.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


def render(template: str, **context: Any) -> str:
    """Render one of the package's templates."""
    return _environment().get_template(template).render(**context)


def render_to(path: Path, template: str, **context: Any) -> Path:
    """Render a template into `path` (creating its folder); returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(template, **context), encoding="utf-8")
    return path
