"""SIGKILL part way through a conversion or a warehouse load leaves earlier work intact.

Each test starts a child process that patches one call (``os.replace`` for conversions,
the target's ``insert`` for loads) to announce itself through a file and then sleep, so
the kill lands deterministically inside the write, move or load phase.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from lxml import etree

from converter.pipeline import convert
from converter.warehouse import load_paths

from conftest import REPO, SEED, SHARED

AAPL_OFFICIAL = SHARED / "corpus" / "dev" / "aapl-10-q-2025-08-01.htm.gz"

# A conversion that sleeps at the 3rd os.replace into the staging folder ("write") or into
# the output folder itself ("move"), after writing a marker file.
CONVERT_CHILD = """
import os, sys, time
from pathlib import Path
marker, phase, out, source = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4]
real_replace, calls = os.replace, []
def replace(src, dst, *args, **kwargs):
    into_out = Path(dst).parent == out
    if into_out == (phase == "move"):
        calls.append(dst)
        if len(calls) == 3:
            marker.write_text(str(dst))
            time.sleep(120)
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace
from converter.pipeline import convert
convert(source, out, company="Killed Part Way Inc", prefix="liveperson")
"""

# A warehouse load that sleeps inside its transaction, after the filing's rows were deleted
# and its new filings row inserted.
LOAD_CHILD = """
import sys, time
from pathlib import Path
marker, url, source = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
from converter.warehouse import duckdb_target
real_insert = duckdb_target.DuckDBTarget.insert
def insert(self, conn, table, rows):
    real_insert(self, conn, table, rows)
    if table == "filings":
        marker.write_text(table)
        time.sleep(120)
duckdb_target.DuckDBTarget.insert = insert
from converter.warehouse import load_paths
load_paths([source], url)
"""


def _run_and_kill(script: str, *args: str, marker: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", script, str(marker), *args], cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        if child.poll() is not None:
            pytest.fail(f"child ended before reaching the kill point: {child.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail("child never reached the kill point")
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stderr.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.fixture
def earlier_outputs(tmp_path):
    out = tmp_path / "out"
    convert(SEED, out)
    return out, _snapshot(out)


def test_kill_while_writing_leaves_earlier_outputs_untouched(earlier_outputs, tmp_path):
    out, before = earlier_outputs
    _run_and_kill(CONVERT_CHILD, "write", str(out), str(SEED), marker=tmp_path / "marker")
    assert _snapshot(out) == before
    # the killed run's staging folder is beside the output folder, never inside it
    assert all(not p.name.startswith(".") for p in out.iterdir())


def test_kill_while_moving_never_leaves_a_manifest_beside_mixed_files(earlier_outputs, tmp_path):
    out, before = earlier_outputs
    _run_and_kill(CONVERT_CHILD, "move", str(out), str(SEED), marker=tmp_path / "marker")
    now = _snapshot(out)
    assert "manifest.json" not in now  # the folder says it is incomplete
    assert set(now) == set(before) - {"manifest.json"}
    changed = [name for name in now if now[name] != before[name]]
    assert 0 < len(changed) <= 2  # of the two files moved before the kill (one may not differ), each whole
    for name in now:
        if name.endswith((".xml", ".xsd", ".htm")):
            etree.fromstring(now[name])
        elif name.endswith(".json"):
            json.loads(now[name])
    # a rerun makes the folder complete again
    convert(SEED, out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert set(manifest["files"]) == {p.name for p in out.iterdir()}


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return dict(conn.execute("SELECT filing_id, count(*) FROM facts GROUP BY filing_id").fetchall())


def test_kill_during_a_warehouse_load_leaves_the_warehouse_intact(earlier_outputs, tmp_path):
    out, _ = earlier_outputs
    db = tmp_path / "wh.duckdb"
    url = f"duckdb:///{db}"
    first = load_paths([out, AAPL_OFFICIAL], url)
    assert not first.failed and len(first.loaded) == 2
    before = _counts(db)
    assert len(before) == 2 and all(before.values())
    # reload the converted filing (its rows are deleted first, in the same transaction), killed
    _run_and_kill(LOAD_CHILD, url, str(out), marker=tmp_path / "marker")
    assert _counts(db) == before
    again = load_paths([out], url)  # no stale lock: the next load goes through
    assert not again.failed and _counts(db) == before
