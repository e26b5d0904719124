"""Hostile input: entity bombs, external entities and DTDs, network references, deep or
huge tables, output names built from document content; and every error code documented."""
from __future__ import annotations

import dataclasses
import http.server
import importlib
import inspect
import pkgutil
import re
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from lxml import etree

import converter
from converter.errors import ConverterError, InputError, OutputError
from converter.pipeline import convert
from converter.readers import read
from converter.writers import file_stem

from conftest import REPO, SEED, SHARED

AAPL = SHARED / "corpus" / "dev" / "aapl-10-q-2025-08-01.htm.gz"
SECRET = "xbrlconv-secret-3f1c9a"


@pytest.fixture(scope="module")
def aapl_html() -> str:
    """A real filing as untagged HTML (the official strip tool, called)."""
    return subprocess.run([sys.executable, str(SHARED / "tools" / "strip.py"), "html", str(AAPL)],
                          check=True, capture_output=True, text=True).stdout


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802  (http.server's name)
        self.hits.append(self.path)
        body = f"<!ENTITY leaked '{SECRET}'>".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        return


@pytest.fixture
def local_server():
    """A local HTTP server that counts requests: libxml2 would fetch in C, past any Python patch."""
    _CountingHandler.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.hits
    server.shutdown()
    server.server_close()


@pytest.fixture
def no_python_network(monkeypatch):
    """Record (and refuse) every connection Python code attempts during the test."""
    attempts: list[object] = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network access during a conversion")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def _laughs(depth: int = 9) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, depth + 1)]
    return "".join(entities)


def _convert_or_refuse(path: Path, out: Path):
    """The conversion's result, or None when it refused the input with a package error."""
    try:
        return convert(path, out)
    except ConverterError:
        return None


def _output_text(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.iterdir() if p.is_file())


def test_entities_dtds_and_network_references_are_never_resolved(aapl_html, tmp_path, local_server,
                                                                   no_python_network):
    base, hits = local_server
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET)
    doctype = (f'<?xml version="1.0"?>\n<!DOCTYPE html [{_laughs()}'
               f'<!ENTITY xxe SYSTEM "file://{secret_file}"><!ENTITY net SYSTEM "{base}/entity">'
               f'<!ENTITY % remote SYSTEM "{base}/param.dtd"> %remote;]>\n')
    references = (f'<p>&lol9; &xxe; &net; &leaked;</p><img src="{base}/img.png"/>'
                  f'<link rel="stylesheet" href="{base}/style.css"/><script src="{base}/x.js"></script>'
                  f'<iframe src="{base}/frame"></iframe><object data="{base}/obj"></object>')
    body_at = aapl_html.lower().index("<body")
    body_end = aapl_html.index(">", body_at) + 1
    hostile = doctype + aapl_html[aapl_html.lower().index("<html"):body_end] + references + aapl_html[body_end:]
    source = tmp_path / "hostile.htm"
    source.write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    started = time.perf_counter()
    result = convert(source, out)
    assert time.perf_counter() - started < 60
    assert result.fact_count > 100  # the statements are still there and tagged
    written = _output_text(out)
    assert SECRET not in written
    assert "lol" * 100 not in written
    assert hits == [] and no_python_network == []
    etree.parse(str(result.ixbrl_path))  # and the iXBRL is still well-formed XML


def test_external_dtd_is_not_fetched(tmp_path, local_server, no_python_network):
    base, hits = local_server
    source = tmp_path / "dtd.htm"
    source.write_text(f'<!DOCTYPE html PUBLIC "-//x//DTD x//EN" "{base}/evil.dtd">\n<html><body>'
                      '<p>Three Months Ended June 30, 2025</p><table><tr><td>Cash</td><td>1,234</td></tr>'
                      '<tr><td>Total assets</td><td>2,468</td></tr></table></body></html>')
    doc = read(source)
    assert doc.tables and hits == [] and no_python_network == []


def _bounded(build, tmp_path: Path, seconds: float = 30, megabytes: int = 300) -> None:
    """Reading and converting ``build()`` ends (refused or converted) within time and memory."""
    source = tmp_path / "big.htm"
    source.write_text(build())
    tracemalloc.start()
    started = time.perf_counter()
    try:
        _convert_or_refuse(source, tmp_path / "out")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < seconds
    assert peak < megabytes * 2**20


def _statement(rows: int, columns: int) -> str:
    body = "".join(f"<tr><td>Line item {i}</td>" + "".join(f"<td>{i * 7 + c:,}</td>" for c in range(columns))
                   + "</tr>" for i in range(rows))
    return ("<html><body><p>Condensed Consolidated Balance Sheets</p><p>As of June 30, 2025 (in millions)</p>"
            f"<table><tr><td></td>{'<td>June 30, 2025</td>' * columns}</tr>{body}</table></body></html>")


@pytest.mark.parametrize("build", [
    pytest.param(lambda: "<html><body>" + "<div>" * 200_000 + "1" + "</div>" * 200_000 + "</body></html>",
                 id="deep-divs"),
    pytest.param(lambda: "<html><body>" + "<table><tr><td>" * 5_000 + "1,234" + "</td></tr></table>" * 5_000
                 + "</body></html>", id="deep-tables"),
    pytest.param(lambda: "<html><body><table>" + '<tr><td colspan="200" rowspan="200">Cash</td><td>1</td></tr>'
                 * 3_000 + "</table></body></html>", id="span-bomb"),
    pytest.param(lambda: _statement(30_000, 8), id="huge-table"),
    pytest.param(lambda: _statement(2_000, 6), id="long-statement"),
    pytest.param(lambda: "<html><body><table><tr>" + "<td>1</td>" * 100_000 + "</tr></table></body></html>",
                 id="wide-row"),
])
def test_deep_or_huge_markup_is_bounded(build, tmp_path):
    _bounded(build, tmp_path)


def test_span_bomb_is_refused_with_a_clear_error(tmp_path):
    source = tmp_path / "spans.htm"
    source.write_text("<html><body><table>" + '<tr><td colspan="200" rowspan="200">Cash</td><td>1</td></tr>'
                      * 3_000 + "</table></body></html>")
    with pytest.raises(InputError, match="grid"):
        read(source)


# --- output paths ------------------------------------------------------------------


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@pytest.mark.parametrize("prefix", ["../evil", "../../../tmp/evil", "/abs/evil", "a/b", "a\\b", "a\x00b",
                                    ".hidden", "-dash", "x" * 300, "", "évil", "a b"])
def test_unusable_prefix_is_refused_before_anything_is_written(prefix, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(InputError, match="prefix"):
        convert(SEED, out, prefix=prefix)
    assert _files_under(tmp_path) == set()


@pytest.mark.parametrize("company", ["../../Evil Co", "/etc/passwd Inc.", "3M Company", "..", "\x00Null Corp",
                                     "C:\\Windows Corp", "Ünïcödé Holdings " + "X" * 300])
def test_names_from_the_company_stay_inside_out(company, tmp_path):
    out = tmp_path / "deep" / "out"
    result = convert(SEED, out, company=company)
    assert _files_under(tmp_path) == {tmp_path / "deep", out} | {out / p.name for p in result.files}
    assert all(p.parent == out for p in result.files)
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,39}", result.report.prefix)
    etree.parse(str(result.ixbrl_path))  # the prefix is a valid XML namespace prefix


@pytest.mark.parametrize("name", ["out\x00evil", "o" * 300, "a-file"])
def test_unusable_out_folder_is_refused_with_an_output_or_input_error(name, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises((OutputError, InputError)):
        convert(SEED, tmp_path / name)
    assert _files_under(tmp_path) == {tmp_path / "a-file"}


def test_writers_refuse_a_stem_that_is_not_a_plain_file_name(seed_conversion):
    for prefix in ("../x", "/x", "x/y", "x\x00", "." * 3):
        report = dataclasses.replace(seed_conversion.report, prefix=prefix)
        with pytest.raises(OutputError):
            file_stem(report)


# --- error codes -------------------------------------------------------------------


def _error_classes() -> set[type]:
    """Every ConverterError subclass defined anywhere in the package."""
    for module in pkgutil.walk_packages(converter.__path__, "converter."):
        if not module.name.endswith("__main__"):  # running it would start the CLI
            importlib.import_module(module.name)
    found, todo = set(), [ConverterError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return {cls for cls in found if cls.__module__.startswith("converter")}


def test_every_error_code_is_documented_with_cause_and_remedy():
    rows = {}
    for line in (REPO / "docs" / "errors.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| XC") and len(cells) == 4:
            rows[cells[0]] = cells
    classes = _error_classes()
    assert len(classes) >= 14
    for cls in classes:
        assert cls.code in rows, f"{cls.__module__}.{cls.__name__} ({cls.code}) is not in docs/errors.md"
        code, named, cause, remedy = rows[cls.code]
        assert f"`{cls.__name__}`" in named, f"docs/errors.md row {code} does not name {cls.__name__}"
        assert cause and (remedy or cls is ConverterError), f"docs/errors.md row {code} lacks cause or remedy"
    codes = {cls.code: cls for cls in classes}
    for cls in classes:  # one code, one meaning: a code shared only along one line of inheritance
        other = codes[cls.code]
        assert issubclass(cls, other) or issubclass(other, cls), (cls, other)
    assert all(inspect.getdoc(cls) for cls in classes)


def test_top_aligned_cells_keep_small_numbers_and_raised_marks_still_drop(tmp_path):
    """A cell styled vertical-align:top holding "85" is a value (adbe's balance sheet), while
    a raised span "(1)" after a number is a footnote mark."""
    cell = '<td style="padding:2px;vertical-align:top">{}</td>'
    rows = "".join(f"<tr><td>{label}</td>{cell.format(a)}{cell.format(b)}</tr>"
                   for label, a, b in [("Income taxes payable", "119", "85"), ("Operating lease liabilities", "75", "73"),
                                       ("Accrued expenses", '1,234<span style="vertical-align:super">(1)</span>', "12")])
    source = tmp_path / "top.htm"
    source.write_text(f"<html><body><p>As of November 29, 2024</p><table>{rows}</table></body></html>")
    table = read(source).tables[0]
    values = [[c.value if c else None for c in row.cells] for row in table.rows]
    assert values == [[119, 85], [75, 73], [1234, 12]]
