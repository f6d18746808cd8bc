"""`sources update` against a real HTTP server on 127.0.0.1 serving fixture files."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from veracity.cli import cli
from veracity.exc import UpdateError
from veracity.sources.base import get_source
from veracity.sources.update import file_url, update_source

EXAMPLES = Path(__file__).parents[2] / "examples" / "lists"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def mirror() -> Iterator[str]:
    """A local HTTP server whose /<source>/<file> are the example lists."""
    handler = functools.partial(_Quiet, directory=str(EXAMPLES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_update_downloads_every_official_file(mirror: str, tmp_path: Path) -> None:
    source = type(get_source("ofac-sdn"))
    got = update_source(source, tmp_path, mirror)
    assert [g.path.name for g in got] == list(source.URLS)
    for g in got:
        assert g.path.read_bytes() == (EXAMPLES / "ofac-sdn" / g.path.name).read_bytes()
    assert not list(tmp_path.rglob("*.part"))


def test_a_missing_file_fails_and_leaves_no_partial_file(mirror: str, tmp_path: Path) -> None:
    source = type(get_source("ofac-cons"))  # no ofac-cons/ folder on this mirror: 404
    with pytest.raises(UpdateError, match="404"):
        update_source(source, tmp_path, mirror)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_official_urls_are_the_publishers() -> None:
    source = type(get_source("un"))
    name = next(iter(source.URLS))
    assert file_url(source, name, None).startswith("https://")
    assert file_url(source, name, "http://m/") == f"http://m/un/{name}"


def test_cli_update_then_load(mirror: str, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "s.duckdb")
    out = runner.invoke(
        cli, ["sources", "update", "bis-dpl", "--dir", str(tmp_path), "--mirror", mirror]
    )
    assert out.exit_code == 0, out.output
    loaded = runner.invoke(cli, ["--db", db, "load", "bis-dpl", str(tmp_path / "bis-dpl")])
    assert loaded.exit_code == 0, loaded.output
    assert "bis-dpl: loaded" in loaded.output
