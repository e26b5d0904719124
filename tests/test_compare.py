"""compare(): classes on crafted facts, figures against score.py on the dev corpus, outputs, HTML in Chromium."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from converter.compare import compare
from converter.compare import cli as compare_cli
from converter.compare.core import scale_slip
from converter.model import USD, Context, Duration, Entity, Fact, Instant, QName
from converter.readers.facts import FactSet, read_facts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _perturb import perturb, to_xbrl_json, write_json  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
SCORE = SHARED / "tools" / "score.py"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "companyfacts" / "pg-companyfacts.json"

ENTITY = Entity("http://www.sec.gov/CIK", "0000000001")
Q2 = Duration(dt.date(2024, 4, 1), dt.date(2024, 6, 30))
Q1 = Duration(dt.date(2024, 1, 1), dt.date(2024, 3, 31))
END = Instant(dt.date(2024, 6, 30))


def fact(name: str, value: str, period=Q2, year: int = 2024) -> Fact:
    return Fact(QName(f"http://fasb.org/us-gaap/{year}", name, "us-gaap"), Context(ENTITY, period), USD, Decimal(value))


def factset(*facts: Fact) -> FactSet:
    return FactSet(facts=facts, info={}, source_kind="test", path="test")


def test_each_difference_gets_its_class():
    official = factset(
        fact("Revenues", "1000"), fact("CostOfRevenue", "400"), fact("NetIncomeLoss", "-50"),
        fact("OperatingExpenses", "300"), fact("Assets", "5000", END), fact("Liabilities", "2000", END),
        fact("InterestExpense", "7"), fact("CapitalizedComputerSoftwareNet", "12", END))
    ours = factset(
        fact("Revenues", "1000", year=2021),                    # other taxonomy year: still a match
        fact("CostOfGoodsAndServicesSold", "400"),               # concept differs
        fact("NetIncomeLoss", "50"),                             # sign differs
        fact("OperatingExpenses", "300000"),                     # x1000
        fact("Assets", "5000", Instant(dt.date(2024, 3, 31))),  # period differs
        fact("InterestExpense", "8"),                            # value differs, no scale slip
        fact("CapitalizedSoftwareDevelopmentCostsForSoftwareSoldToCustomers", "12", END),  # renamed
        fact("Goodwill", "99", END))                             # extra
    result = compare(ours, official)
    status = {r.official.concept.local: r for r in result.results if r.official is not None}
    assert status["Revenues"].status == "match"
    assert status["CostOfRevenue"].status == "concept_differs"
    assert status["CostOfRevenue"].ours_label == "Cost Of Goods And Services Sold" or status["CostOfRevenue"].ours_label
    assert status["NetIncomeLoss"].status == "sign_differs" and status["NetIncomeLoss"].difference == 100
    assert status["OperatingExpenses"].status == "value_differs" and status["OperatingExpenses"].note == "x1000"
    assert status["Assets"].status == "period_differs" and "2024-03-31" in status["Assets"].note
    assert status["InterestExpense"].status == "value_differs" and status["InterestExpense"].note == ""
    assert status["InterestExpense"].difference == 1
    assert status["Liabilities"].status == "missing"
    renamed = status["CapitalizedComputerSoftwareNet"]
    assert renamed.status == "concept_differs" and "CapitalizedComputerSoftwareNet" in renamed.note
    extras = [r.ours.concept.local for r in result.results if r.status == "extra"]
    assert extras == ["Goodwill"]
    assert result.summary["precision"] == round(1 / 8, 4)


def test_scale_slips_are_named():
    assert scale_slip(Decimal(5000000), Decimal(5000)) == "x1000"
    assert scale_slip(Decimal(-5), Decimal(5000)).startswith("x0.001")
    assert scale_slip(Decimal(5001), Decimal(5)) == ""


def _score(official: Path, ours: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORE), str(official), str(ours)],
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


@pytest.mark.parametrize("name, seed", [
    ("pg-10-q-2025-04-24.htm.gz", 1), ("ko-10-q-2025-07-24.htm.gz", 2),
    ("aapl-10-q-2025-08-01.htm.gz", 3), ("abbv-10-k-2025-02-14.htm.gz", 4), ("wmt-10-k-2025-03-14.htm.gz", 5)])
def test_figures_agree_with_score_py_on_perturbed_official_facts(tmp_path, name, seed):
    official = read_facts(CORPUS / name)
    facts, counts = perturb(official, seed)
    assert all(counts.values())  # every kind of flaw is present
    ours_path = write_json(to_xbrl_json(facts), tmp_path / "ours.json")
    result = compare(read_facts(ours_path), official)
    reference = _score(CORPUS / name, ours_path)
    shared = [k for k, v in reference.items() if isinstance(v, (int, float)) and k in result.summary]
    assert len(shared) >= 12
    for key in shared:
        assert abs(result.summary[key] - reference[key]) <= 0.001, (key, result.summary[key], reference[key])
    assert result.summary["statements"] == reference["statements"]
    assert result.summary["primary_strict_recall"] < 1 and result.counts["value_differs"] > 0


def test_official_against_itself_is_all_match():
    official = read_facts(CORPUS / "nflx-10-q-2025-07-18.htm.gz")
    result = compare(official, official)
    assert result.summary["primary_strict_recall"] == 1.0 and result.summary["precision"] == 1.0
    assert set(r.status for r in result.results) == {"match"}


def test_company_facts_match_the_inline_filing_they_came_from():
    result = compare(read_facts(FIXTURE), read_facts(CORPUS / "pg-10-q-2025-04-24.htm.gz"))
    assert result.summary["precision"] == 1.0 and result.counts["extra"] == 0
    plain = [r for r in result.results if r.statement == "balance" and not r.official.context.dimensions
             and "fasb.org" in r.official.concept.namespace]
    assert plain and all(r.status == "match" for r in plain)  # the API holds every undimensioned one


def _run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="xbrlconv")
    compare_cli.add_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["compare", *argv])
    return args.func(args)


@pytest.fixture(scope="module")
def perturbed_pg(tmp_path_factory) -> Path:
    facts, _ = perturb(read_facts(CORPUS / "pg-10-q-2025-04-24.htm.gz"), 11)
    return write_json(to_xbrl_json(facts), tmp_path_factory.mktemp("pg") / "ours.json")


def test_cli_writes_json_csv_and_table(tmp_path, perturbed_pg):
    official = str(CORPUS / "pg-10-q-2025-04-24.htm.gz")
    assert _run_cli(str(perturbed_pg), official, "--format", "json", "--out", str(tmp_path / "c.json")) == 0
    doc = json.loads((tmp_path / "c.json").read_text())
    assert {"primary_value_recall", "notes_concept_acc", "precision"} <= set(doc["summary"])
    assert {f["status"] for f in doc["facts"]} >= {"match", "missing", "extra", "value_differs"}
    assert _run_cli(str(perturbed_pg), official, "--format", "csv", "--out", str(tmp_path / "c.csv")) == 0
    lines = (tmp_path / "c.csv").read_text().splitlines()
    assert lines[0].startswith("status,statement,official_concept") and len(lines) == len(doc["facts"]) + 1
    assert _run_cli(str(perturbed_pg), official, "--out", str(tmp_path / "c.txt")) == 0
    text = (tmp_path / "c.txt").read_text()
    assert "primary" in text and "missing" in text and "match " in text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium')")
def test_html_report_renders_in_headless_chromium(tmp_path, perturbed_pg):
    report = tmp_path / "report.html"
    assert _run_cli(str(perturbed_pg), str(CORPUS / "pg-10-q-2025-04-24.htm.gz"), "--format", "html",
                    "--out", str(report)) == 0
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    shot = tmp_path / "shot.png"
    subprocess.run([*base, f"--user-data-dir={tmp_path / 'profile1'}", f"--screenshot={shot}",
                    "--window-size=1280,900", report.as_uri()], capture_output=True, timeout=120, check=True)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20000
    dom = subprocess.run([*base, f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    # The tabs and rows exist only if the page's script ran.
    for tab in ("all", "balance", "income", "cashflow", "note", "extra"):
        assert f'data-tab="{tab}"' in dom
    shown = dom.count('<tr class="fact ')
    assert shown > 20 and 'class="fact match"' not in dom  # matches are filtered out at first
    assert 'data-status="match"' in dom


@pytest.mark.parametrize("name", ["nflx-10-q-2025-07-18.htm.gz", "ko-10-q-2025-07-24.htm.gz"])
def test_figures_agree_with_score_py_on_a_real_conversion(tmp_path, name):
    """Our converter's own output (stripped HTML in, leave-one-company-out) scored both ways."""
    from converter.pipeline import convert
    stripped = tmp_path / "in.htm"
    stripped.write_bytes(subprocess.run([sys.executable, str(SHARED / "tools" / "strip.py"), "html",
                                         str(CORPUS / name)], capture_output=True, check=True).stdout)
    result = convert(stripped, tmp_path / "out", exclude_company=name.split("-")[0])
    ours = read_facts(result.out_dir)
    comparison = compare(ours, read_facts(CORPUS / name))
    reference = _score(CORPUS / name, result.json_path)
    shared = [k for k, v in reference.items() if isinstance(v, (int, float)) and k in comparison.summary]
    assert len(shared) >= 12
    for key in shared:
        assert abs(comparison.summary[key] - reference[key]) <= 0.001, (key, comparison.summary[key], reference[key])
    assert comparison.summary["primary_value_recall"] > 0.5  # the conversion really found the statements
