"""The main job on the seed: outputs, golden facts, bad input, nothing half-written."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from converter.cli import main
from converter.writers import file_stem

from conftest import REPO, SEED

GOLDEN = REPO / "tests" / "golden"


def _fact_lines(json_path: Path) -> list[str]:
    """A stable, reviewable text form of the xBRL-JSON facts (one line per fact)."""
    doc = json.loads(json_path.read_text())
    lines = []
    for fid, fact in sorted(doc["facts"].items()):
        dims = fact["dimensions"]
        extra = ",".join(f"{k}={v}" for k, v in sorted(dims.items())
                         if k not in ("concept", "entity", "period", "unit"))
        lines.append(f"{fid}\t{dims['concept']}\t{dims.get('period')}\t{dims.get('unit', '')}\t{extra}\t"
                     f"{fact['value']}")
    return lines


def test_outputs_written(seed_conversion):
    stem = file_stem(seed_conversion.report)
    assert stem == "liveperson-20210630"
    names = {p.name for p in seed_conversion.files}
    for suffix in (".htm", ".json", ".xsd", "_lab.xml", "_pre.xml", "_cal.xml", "-mapping.csv", "-mapping.md"):
        assert stem + suffix in names
    assert seed_conversion.fact_count > 400


def test_golden_facts(seed_conversion, regen_golden):
    """The seed's facts as reviewed; run `pytest --regen-golden` to accept a deliberate change."""
    golden = GOLDEN / "liveperson-20210630.facts.tsv"
    current = _fact_lines(seed_conversion.json_path)
    if regen_golden or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text("\n".join(current) + "\n")
        if not regen_golden:
            pytest.fail(f"golden file was missing and has been written: {golden}; review and commit it")
    expected = golden.read_text().splitlines()
    added, removed = sorted(set(current) - set(expected)), sorted(set(expected) - set(current))
    assert not added and not removed, f"facts changed: +{added[:5]} -{removed[:5]} (review, then --regen-golden)"


def test_every_primary_number_is_tagged(seed_conversion):
    report = seed_conversion.report
    tagged = {(f.source.table, f.source.row, f.source.column) for f in report.facts}
    for table in report.filing.tables:
        for row in table.rows:
            for c, cell in enumerate(row.cells):
                if cell is not None and cell.value is not None and not cell.is_dash:
                    assert (table.index, row.index, c) in tagged, (table.index, row.label, c)


def test_calculations_hold(seed_conversion):
    report = seed_conversion.report
    assert report.calculations
    values = {(f.concept, f.context, f.unit): f.value for f in report.facts}
    children: dict = {}
    for arc in report.calculations:
        assert arc.weight in (1, -1) and arc.parent != arc.child
        children.setdefault((arc.table, arc.parent), []).append(arc)
    checked = 0
    for (table, parent), arcs in children.items():
        for f in report.facts:
            if f.source.table != table or f.concept != parent:
                continue
            present = [(a.child, f.context, f.unit) in values for a in arcs]
            if not any(present):
                continue  # no part reported in this context: nothing to add up
            total = sum(a.weight * values.get((a.child, f.context, f.unit), 0) for a in arcs)
            assert total == f.value, (parent, f.context.period)
            checked += 1
    assert checked >= len(children)


@pytest.mark.parametrize("content, code", [
    (b"", "XC100"),
    (b"\x00\xff\x00binary" * 100, "XC100"),
    (b"Just prose. No statements here at all.\nAnother sentence follows here.\n", "XC200"),
])
def test_bad_input_one_line_error_and_nothing_written(tmp_path, capsys, content, code):
    src = tmp_path / "in.txt"
    src.write_bytes(content)
    out = tmp_path / "out"
    status = main(["convert", str(src), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status != 0
    assert len(err) == 1 and err[0].startswith(f"error {code}")
    assert not out.exists() or not any(out.iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no staging left behind


def test_failed_conversion_keeps_earlier_outputs(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(SEED), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    assert main(["convert", str(bad), "--out", str(out), "--quiet"]) != 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_module_entry_point(tmp_path):
    out = tmp_path / "o"
    proc = subprocess.run([sys.executable, "-m", "converter", "convert", str(SEED), "--out", str(out),
                           "--cik", "1102993"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "LivePerson, Inc. 10-Q period ending 2021-06-30" in proc.stdout
    doc = json.loads(next(p for p in out.glob("*.json") if p.name != "manifest.json").read_text())
    entities = {f["dimensions"]["entity"] for f in doc["facts"].values()}
    assert entities == {"cik:0001102993"}


def test_garbled_number_cli_error(tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8").replace("Total assets$1,043,757", "Total assets$1,04x,757", 1)
    src = tmp_path / "garbled.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error XC201") and "1,04x,757" in err[0]
    assert not out.exists()
