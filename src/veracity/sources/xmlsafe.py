"""Safe XML reading for the list readers: defusedxml, element lines and paths, SourceError.

Official lists are read with `defusedxml` so that a document declaring a DTD, internal entities
(billion laughs) or external entities (XXE) is refused before anything is expanded. Every parse
failure becomes a `SourceError` naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser, iterparse

from veracity.exc import SourceError


def local(tag: str) -> str:
    """An element's tag without its namespace: `{http://…/export}nameAlias` -> `nameAlias`."""
    return tag.rsplit("}", 1)[-1]


def text(element: Element | None) -> str:
    """The element's text with runs of whitespace (list files wrap lines) collapsed to a space."""
    if element is None or element.text is None:
        return ""
    return " ".join(element.text.split())


def child(element: Element, name: str) -> Element | None:
    """The first child whose local name is `name`, whatever its namespace."""
    for node in element:
        if local(node.tag) == name:
            return node
    return None


def children(element: Element, name: str) -> list[Element]:
    """Every child whose local name is `name`, whatever its namespace."""
    return [node for node in element if local(node.tag) == name]


@dataclass(frozen=True, slots=True)
class XmlRecord:
    """One complete record element, with where it starts and its path in the document."""

    element: Element
    line: int | None
    path: str
    """E.g. `/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[12]` (1-based among same-tag siblings)."""


class _LineParser(DefusedXMLParser):  # type: ignore[misc]  # defusedxml ships no types
    """A defused parser (DTDs refused too) that notes the line where each record element starts.

    iterparse reports events only after a whole block has been fed to expat, so the line must be
    read inside expat's start handler, while it is still current.
    """

    def __init__(self, tags: frozenset[str]) -> None:
        super().__init__(target=TreeBuilder(), forbid_dtd=True)
        self.tags = tags
        self.lines: dict[int, int] = {}

    def _start(self, tag: str, attr_list: list[str]) -> Any:
        element = super()._start(tag, attr_list)
        if local(element.tag) in self.tags:
            self.lines[id(element)] = self.parser.CurrentLineNumber
        return element

    def current_line(self) -> int | None:
        """The line expat is reading now (where a refused declaration is)."""
        line = getattr(self.parser, "CurrentLineNumber", None)
        return line if isinstance(line, int) else None


def iter_records(path: Path, tags: frozenset[str]) -> Iterator[XmlRecord]:
    """Yield each complete element whose local name is in `tags`, then free it.

    Raises SourceError (with file and line) when the document is not well-formed, is truncated,
    or declares a DTD or entities.
    """
    parser = _LineParser(tags)
    stack: list[tuple[str, dict[str, int]]] = []
    with _errors(path, parser), path.open("rb") as handle:
        for event, element in iterparse(handle, ("start", "end"), parser=parser):
            name = local(element.tag)
            if event == "start":
                stack.append((_step(stack, name, name in tags), {}))
                continue
            step, _ = stack.pop()
            if name in tags:
                where = "/".join([s for s, _ in stack] + [step])
                yield XmlRecord(element, parser.lines.pop(id(element), None), "/" + where)
                element.clear()  # keep memory flat on large lists


def _step(stack: list[tuple[str, dict[str, int]]], name: str, indexed: bool) -> str:
    """The path step for a new element; records are indexed (1-based) among same-named siblings."""
    if not stack or not indexed:
        return name
    seen = stack[-1][1]
    seen[name] = seen.get(name, 0) + 1
    return f"{name}[{seen[name]}]"


def root_element(path: Path) -> Element:
    """The document's root element (tag and attributes), read safely from the file's start."""
    parser = _LineParser(frozenset())
    with _errors(path, parser), path.open("rb") as handle:
        for _, element in iterparse(handle, ("start",), parser=parser):
            return element  # type: ignore[no-any-return]  # defusedxml ships no types
    raise SourceError("malformed XML: no root element", path, 1)


@contextmanager
def _errors(path: Path, parser: _LineParser) -> Iterator[None]:
    """Turn parse failures and refused declarations into SourceError naming file and line."""
    try:
        yield
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise SourceError(f"malformed XML: {exc}", path, line) from exc
    except DefusedXmlException as exc:
        raise SourceError(_refusal(exc), path, parser.current_line()) from exc
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc}", path) from exc


def _refusal(exc: DefusedXmlException) -> str:
    """Why an unsafe document was refused, in words."""
    if isinstance(exc, DTDForbidden):
        reason = "a DTD (document type declaration) is not allowed in a list file"
    elif isinstance(exc, EntitiesForbidden):
        reason = "entity declarations are not allowed (entity expansion, XXE)"
    elif isinstance(exc, ExternalReferenceForbidden):
        reason = "external references are not allowed"
    else:
        reason = type(exc).__name__
    return f"unsafe XML refused: {reason}"
