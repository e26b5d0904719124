"""Batch conversion: inputs found, manifests decide what a rerun skips, a bad filing is
reported without stopping the others, and outputs load into a warehouse."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import converter
from converter.batch import (CONVERTED, FAILED, SKIPPED, convert_one, file_sha256, find_inputs,
                             output_dirs, outputs_current, run_batch)
from converter.errors import InputError
from converter.warehouse.loader import MANIFEST_NAME

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
STRIP = SHARED / "tools" / "strip.py"


def test_find_inputs_takes_filings_only(tmp_path):
    for name in ("a.htm", "b.txt", "c.htm.gz", "d.HTML", "notes.md", ".hidden.htm"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.htm").write_text("x")
    assert [p.name for p in find_inputs(tmp_path)] == ["a.htm", "b.txt", "c.htm.gz", "d.HTML"]
    with pytest.raises(InputError):
        find_inputs(tmp_path / "a.htm")


def test_output_folders_are_named_by_stem_unless_stems_clash(tmp_path):
    inputs = [tmp_path / n for n in ("ko.htm", "ko.txt", "pg.htm.gz")]
    assert {p.name: d.name for p, d in output_dirs(inputs, tmp_path / "out").items()} == {
        "ko.htm": "ko.htm", "ko.txt": "ko.txt", "pg.htm.gz": "pg"}


def _manifest(out_dir: Path, sha: str, files=("f.json",), version=converter.__version__) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in files:
        (out_dir / name).write_text("{}")
    (out_dir / MANIFEST_NAME).write_text(json.dumps(
        {"input_sha256": sha, "converter_version": version, "fact_count": 12, "files": list(files)}))


def test_manifest_decides_whether_outputs_are_current(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Revenue 100")
    sha = file_sha256(source)
    out = tmp_path / "out"
    assert outputs_current(out, sha) is None  # nothing there yet
    _manifest(out, sha)
    assert outputs_current(out, sha)["fact_count"] == 12
    assert outputs_current(out, "0" * 64) is None  # the input changed
    (out / "f.json").unlink()
    assert outputs_current(out, sha) is None  # an output went missing
    _manifest(out, sha, version="0.0.0-old")
    assert outputs_current(out, sha) is None  # another converter version made them
    (out / MANIFEST_NAME).write_text("{not json")
    assert outputs_current(out, sha) is None


def test_convert_one_skips_current_outputs_and_reports_unreadable_input(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Revenue 100")
    out = tmp_path / "out"
    _manifest(out, file_sha256(source))
    status = convert_one(str(source), str(out))
    assert (status.status, status.fact_count) == (SKIPPED, 12)
    missing = convert_one(str(tmp_path / "gone.txt"), str(tmp_path / "out2"))
    assert missing.status == FAILED and missing.message.startswith("XC100") and "not found" in missing.message


# --- end to end, on stripped corpus filings ------------------------------------------

@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    pytest.importorskip("converter.pipeline", reason="converter.pipeline.convert not written yet")
    folder = tmp_path_factory.mktemp("batch_in")
    for name in ("aapl-10-q-2025-08-01", "pg-10-q-2025-04-24"):
        text = subprocess.run([sys.executable, str(STRIP), "text-noyears", str(CORPUS / f"{name}.htm.gz")],
                              check=True, capture_output=True, text=True).stdout
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.htm").write_bytes(b"\x00\x01\x02 not a filing \xff\xfe")
    return folder


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=False, dashboard_address=":0") as local:
        yield local


def test_batch_converts_reports_failure_skips_on_rerun_and_loads(inputs, tmp_path, cluster):
    out = tmp_path / "out"
    target = f"duckdb:///{tmp_path}/x.duckdb"
    first = run_batch(inputs, out, scheduler=cluster.scheduler_address, load=target)
    by_name = {Path(s.input).name: s for s in first.statuses}
    assert by_name["broken.htm"].status == FAILED and by_name["broken.htm"].message.startswith("XC")
    for name in ("aapl-10-q-2025-08-01.txt", "pg-10-q-2025-04-24.txt"):
        assert by_name[name].status == CONVERTED, by_name[name].message
        assert by_name[name].fact_count > 0
        assert by_name[name].loaded.startswith("converted-")
        manifest = json.loads((Path(by_name[name].out_dir) / MANIFEST_NAME).read_text())
        assert manifest["input_sha256"] == file_sha256(inputs / name)
    with duckdb.connect(f"{tmp_path}/x.duckdb", read_only=True) as conn:
        loaded = conn.execute("SELECT count(*), sum(fact_count) FROM filings WHERE source = 'converted'").fetchall()
        hashes = {row[0] for row in conn.execute("SELECT input_sha256 FROM filings").fetchall()}
    assert loaded == [(2, sum(by_name[n].fact_count for n in by_name if n != "broken.htm"))]
    assert hashes == {file_sha256(inputs / n) for n in by_name if n != "broken.htm"}  # the filing's, not the outputs'

    second = run_batch(inputs, out, scheduler=cluster.scheduler_address)
    assert second.counts == {SKIPPED: 2, FAILED: 1}


def test_batch_command_on_a_local_process_cluster(inputs, tmp_path):
    """The batch's own cluster serves no fixed port: a Dask dashboard the user already runs
    on 8787 (held here) neither clashes with it nor draws a warning."""
    import socket
    import warnings

    from converter.cli import main

    single = tmp_path / "in"
    single.mkdir()
    (single / "pg.txt").write_bytes((inputs / "pg-10-q-2025-04-24.txt").read_bytes())
    with socket.socket() as held, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            held.bind(("127.0.0.1", 8787))
            held.listen()
        except OSError:
            pass  # already held by someone else: the same case
        assert main(["batch", str(single), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 0
    assert not [w for w in caught if "already in use" in str(w.message)]
    assert (tmp_path / "out" / "pg" / MANIFEST_NAME).is_file()
