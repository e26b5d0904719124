"""benchmarks/corpus.py: runs on a real corpus filing, saves well-formed figures, pools them right."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCRIPT = ROOT / "benchmarks" / "corpus.py"
FIGURES = ("primary_strict_recall", "primary_value_recall", "primary_sign_ok", "primary_concept_acc",
           "notes_strict_recall", "notes_value_recall", "notes_sign_ok", "notes_concept_acc", "precision")

pytestmark = pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="needs ../shared/corpus/dev")


def _load_script():
    spec = importlib.util.spec_from_file_location("corpus_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _run_script(tmp_path: Path, kind: str, company: str) -> tuple[subprocess.CompletedProcess, Path]:
    """corpus.py run on one company's filing in one input kind, one worker: (the finished
    process, checked to have succeeded, and the results JSON it wrote)."""
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--kinds", kind, "--only", company, "--limit", "1",
                           "--jobs", "1", "--work", str(tmp_path / "work"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return done, out


def test_script_scores_the_smallest_filing_as_text(tmp_path):
    done, out = _run_script(tmp_path, "text", "aapl")
    assert "aapl-10-q-2025-08-01" in done.stdout and "peak memory" in done.stdout

    results = json.loads(out.read_text())
    assert results["command"].startswith("python benchmarks/corpus.py --kinds text")
    [row] = results["filings"]
    assert row["filing"] == "aapl-10-q-2025-08-01.htm.gz" and row["company"] == "aapl"
    assert row["kind"] == "text-noyears"
    assert row["error"] is None, row["error"]
    assert isinstance(row["facts"], int) and row["facts"] > 0
    assert Path(row["json_path"]).is_file()
    assert set(row["seconds"]) == {"strip", "convert", "score", "total"}
    for name in FIGURES:
        assert 0.0 <= row["score"][name] <= 1.0, name
    assert row["score"]["primary_n"] > 0 and 0 < row["score"]["candidate_facts"] <= row["facts"]

    pooled = results["pooled"]["text-noyears"]
    assert pooled["filings"] == pooled["converted"] == 1
    for name in FIGURES:
        assert isinstance(pooled[name], float) and 0.0 <= pooled[name] <= 1.0, name
    # one filing pooled is that filing's own figures
    assert pooled["primary_value_recall"] == pytest.approx(row["score"]["primary_value_recall"], abs=1e-4)
    [target] = results["targets"]["text-noyears"]
    assert target["figure"] == "primary_value_recall" and target["target"] == 0.97
    assert target["met"] == (pooled["primary_value_recall"] >= 0.97)


def _score(vr, n, sign, concept, precision, candidates):
    return {"primary_value_recall": vr, "primary_strict_recall": round(vr * concept, 4), "primary_n": n,
            "primary_sign_ok": sign, "primary_concept_acc": concept,
            "notes_value_recall": 0.0, "notes_strict_recall": 0.0, "notes_n": 10,
            "notes_sign_ok": 0.0, "notes_concept_acc": 0.0, "precision": precision, "candidate_facts": candidates}


def test_pool_weights_recall_by_n_accuracy_by_matches_precision_by_candidates():
    bench = _load_script()
    rows = [{"score": _score(1.0, 100, 1.0, 0.5, 0.5, 100), "error": None},
            {"score": _score(0.5, 300, 0.0, 1.0, 1.0, 300), "error": None},
            {"score": _score(0.0, 600, 0.0, 0.0, 0.0, 0), "error": "XC101: no reader"}]
    pooled = bench.pool(rows)
    assert pooled["primary_value_recall"] == 0.25          # (100 + 150) / 1000: the failure counts as zero
    assert pooled["primary_sign_ok"] == 0.4                # 100 of 250 value matches
    assert pooled["primary_concept_acc"] == 0.8            # (50 + 150) / 250
    assert pooled["precision"] == 0.875                    # (50 + 300) / 400
    assert pooled["notes_concept_acc"] is None             # no value match at all: no share
    assert (pooled["filings"], pooled["converted"]) == (3, 2)
    met = {t["figure"]: t["met"] for t in bench.check_targets("html", pooled)}
    assert met == {"primary_value_recall": False, "primary_sign_ok": False, "primary_concept_acc": False,
                   "notes_value_recall": False, "notes_concept_acc": False, "precision": False}


def test_a_filing_without_statements_is_recorded_and_scored_as_empty(tmp_path):
    """A filing the converter refuses still gets a row with the error's code, and a score over no facts."""
    bench = _load_script()
    crafted = tmp_path / "zz-10-q-2025-01-01.htm"
    crafted.write_text('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Quarterly report.</p></body></html>')
    row = bench.run_task(bench.Task(crafted, "text-noyears", tmp_path / "work"))
    assert (row["company"], row["error_code"]) == ("zz", "XC200")
    assert "no tables" in row["error"] and row["facts"] is None
    assert row["score"]["candidate_facts"] == 0 and row["score"]["primary_n"] == 0
    assert set(row["seconds"]) == {"strip", "convert", "score", "total"}


def test_script_also_scores_copied_text_that_kept_its_year_rows(tmp_path):
    """``--kinds text-years``: text as a browser copy keeps it, year header rows included
    (Procter & Gamble's statements head their columns with years alone)."""
    done, out = _run_script(tmp_path, "text-years", "pg")
    [row] = json.loads(out.read_text())["filings"]
    assert row["kind"] == "text-years" and row["error"] is None, row["error"]
    noyears = subprocess.run([sys.executable, str(ROOT.parent / "shared/tools/strip.py"), "text-noyears",
                              str(ROOT.parent / "shared/corpus/dev/pg-10-q-2025-04-24.htm.gz")],
                             capture_output=True, text=True, check=True).stdout
    assert Path(row["input_path"]).read_text(encoding="utf-8") != noyears
    assert row["score"]["primary_value_recall"] >= 0.97


def test_script_also_scores_a_browsers_copy(tmp_path):
    """``--kinds text-tabs``: the stripped HTML as a browser pastes it, a tab between every
    cell (benchmarks/browser_copy.py), converted and scored like the other kinds."""
    done, out = _run_script(tmp_path, "text-tabs", "aapl")
    [row] = json.loads(out.read_text())["filings"]
    assert row["kind"] == "text-tabs" and row["error"] is None, row["error"]
    copied = Path(row["input_path"]).read_text(encoding="utf-8")
    assert row["input_path"].endswith(".txt") and "\t" in copied and "<table" not in copied
    assert row["score"]["primary_value_recall"] >= 0.97


def test_copies_script_compares_a_crafted_filings_copies_with_its_html():
    """benchmarks/copies.py on the crafted small company's 10-Q: each copy (the seed's style
    without and with its years, a browser's) is converted and compared with the HTML's
    facts; this one's copies lose and add none."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "copies.py"), "--jobs", "1",
                           str(ROOT / "tests" / "fixtures" / "html" / "micro-10q.htm")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("micro-10q"))
    assert row.split()[1].isdigit() and int(row.split()[1]) > 100
    assert row.split()[2:] == ["0", "/", "0"] * 3
    assert "1 of 1 filings: every copy gives exactly the HTML's facts" in done.stdout
