"""Safe XML reading: records with lines and paths; malformed and unsafe documents refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from veracity.exc import SourceError
from veracity.sources.xmlsafe import child, children, iter_records, local, root_element, text

UN_TAGS = frozenset({"INDIVIDUAL", "ENTITY"})


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "doc.xml"
    path.write_text(body, encoding="utf-8")
    return path


def test_records_carry_their_start_line_and_element_path(fixtures: Path) -> None:
    records = list(iter_records(fixtures / "un" / "un_sample.xml", UN_TAGS))
    assert [(r.line, r.path) for r in records] == [
        (5, "/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[1]"),
        (102, "/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[2]"),
        (115, "/CONSOLIDATED_LIST/ENTITIES/ENTITY[1]"),
    ]


def test_record_elements_are_complete_when_yielded(fixtures: Path) -> None:
    first = next(iter_records(fixtures / "un" / "un_sample.xml", UN_TAGS))
    assert text(child(first.element, "REFERENCE_NUMBER")) == "TAi.901"
    assert len(children(first.element, "INDIVIDUAL_ALIAS")) == 3


def test_namespaced_elements_are_found_by_local_name(fixtures: Path) -> None:
    path = fixtures / "eu" / "eu_fsf_sample.xml"
    record = next(iter_records(path, frozenset({"sanctionEntity"})))
    assert record.path == "/export/sanctionEntity[1]"
    assert local(record.element.tag) == "sanctionEntity"
    assert record.element.tag.startswith("{http://eu.europa.ec/fpi/fsd/export}")
    assert len(children(record.element, "nameAlias")) == 4


def test_text_collapses_wrapped_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "<A><B>National Identification\n      Number</B></A>")
    root = next(iter_records(path, frozenset({"A"}))).element
    assert text(child(root, "B")) == "National Identification Number"
    assert text(child(root, "C")) == ""


def test_root_element_gives_the_list_attributes(fixtures: Path) -> None:
    root = root_element(fixtures / "un" / "un_sample.xml")
    assert root.tag == "CONSOLIDATED_LIST"
    assert root.get("dateGenerated") == "2026-01-15T00:00:05.123Z"


def test_truncated_file_names_file_and_line(fixtures: Path) -> None:
    path = fixtures / "un" / "un_truncated.xml"
    with pytest.raises(SourceError) as caught:
        list(iter_records(path, UN_TAGS))
    assert caught.value.line == 61
    assert caught.value.path == str(path)
    assert "un_truncated.xml, line 61: malformed XML" in str(caught.value)


def test_mismatched_tag_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "<A>\n  <B>\n    <C>x</B>\n</A>\n")
    with pytest.raises(SourceError, match="mismatched tag") as caught:
        list(iter_records(path, frozenset({"B"})))
    assert caught.value.line == 3


@pytest.mark.parametrize("body", ["", "   \n", "not xml at all"])
def test_empty_or_non_xml_file_is_refused(tmp_path: Path, body: str) -> None:
    with pytest.raises(SourceError, match="malformed XML"):
        root_element(write(tmp_path, body))


def test_billion_laughs_is_refused_without_expanding(fixtures: Path) -> None:
    path = fixtures / "xmlsafe" / "billion_laughs.xml"
    started = time.perf_counter()
    for read in (lambda: list(iter_records(path, UN_TAGS)), lambda: root_element(path)):
        with pytest.raises(SourceError, match="unsafe XML refused: a DTD") as caught:
            read()
        assert caught.value.line == 2
    assert time.perf_counter() - started < 1.0


def test_external_entity_is_refused(fixtures: Path) -> None:
    path = fixtures / "xmlsafe" / "external_entity.xml"
    with pytest.raises(SourceError, match="unsafe XML refused") as caught:
        list(iter_records(path, frozenset({"sanctionEntity"})))
    assert caught.value.line == 2
    assert "root:" not in str(caught.value)  # /etc/passwd was never read


def test_external_dtd_reference_is_refused(tmp_path: Path) -> None:
    body = '<?xml version="1.0"?>\n<!DOCTYPE A SYSTEM "http://example.invalid/a.dtd">\n<A/>\n'
    with pytest.raises(SourceError, match="DTD"):
        root_element(write(tmp_path, body))


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read file") as caught:
        list(iter_records(tmp_path / "absent.xml", UN_TAGS))
    assert caught.value.path == str(tmp_path / "absent.xml")
