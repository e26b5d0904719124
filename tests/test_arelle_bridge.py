"""Arelle bridge and round-trip proof, on the hand-crafted iXBRL fixture and the seed.

Arelle loads of the 2024 taxonomy take seconds, so each document is loaded once per
session (fixtures below) and the tests share the result.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from converter import arelle_bridge, proof
from converter.errors import InputError, ValidationFailed
from converter.model import (
    PURE, SHARES, USD, USD_PER_SHARE, Column, Document, Duration, Filing, InputKind, Instant,
    LineItem, QName, RawCell, StatementKind, Table, Unit,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ixbrl"
CRAFTED = FIXTURES / "xmpl-20240630.htm"
SEED = ROOT / "samples" / "liveperson-10q-2021q2.txt"
CACHE = arelle_bridge.CACHE_DIR

Q2_2024 = Duration(dt.date(2024, 4, 1), dt.date(2024, 6, 30))
Q2_2023 = Duration(dt.date(2023, 4, 1), dt.date(2023, 6, 30))


# --- the offline taxonomy copy (no Arelle needed) ----------------------------------------


def _cached(url: str) -> Path:
    scheme, _, rest = url.partition("://")
    return CACHE / "https" / rest


def test_cache_holds_every_schema_the_2024_entry_points_reach():
    """Follow imports and hrefs from our extension's imports: each one must be in the copy."""
    entry = [
        "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
        "https://xbrl.sec.gov/dei/2024/dei-2024.xsd",
        "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd",
        "https://xbrl.sec.gov/country/2024/country-2024.xsd",
    ]
    seen, todo = set(), list(entry)
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        path = _cached(url)
        assert path.is_file(), f"{url} is not in {CACHE}"
        text = path.read_text(encoding="utf-8")
        for ref in re.findall(r"(?:schemaLocation|xlink:href)=['\"]([^'\"#]+)", text):
            if ref.startswith("http://www.xbrl.org/") or ref.startswith("http://www.w3.org/"):
                continue  # Arelle bundles the XBRL 2.1 and W3C schemas under their http URLs
            todo.append(ref if "://" in ref else url.rsplit("/", 1)[0] + "/" + ref.removeprefix("./"))
    assert len(seen) >= 9  # us-gaap, us-types, us-roles, srt x3, dei, country, dtr types ...


def test_cache_srt_holds_the_axes_and_members_we_emit():
    srt = (CACHE / "https/xbrl.fasb.org/srt/2024/elts/srt-2024.xsd").read_text(encoding="utf-8")
    for name in ("StatementGeographicalAxis", "AmericasMember", "AsiaPacificMember",
                 "ProductOrServiceAxis"):
        assert re.search(rf"name=['\"]{name}['\"]", srt), name
    country = (CACHE / "https/xbrl.sec.gov/country/2024/country-2024.xsd").read_text(encoding="utf-8")
    assert re.search(r"name=['\"]US['\"]", country)


def test_cache_keeps_the_fasb_notices():
    for path in (CACHE / "https/xbrl.fasb.org").rglob("*.xsd"):
        assert "Financial Accounting Foundation" in path.read_text(encoding="utf-8")[:600], path


def test_missing_document_is_an_input_error():
    with pytest.raises(InputError):
        arelle_bridge.validate(FIXTURES / "no-such-file.htm")


# --- the crafted fixture through Arelle ---------------------------------------------------


@pytest.fixture(scope="session")
def crafted() -> arelle_bridge.LoadedDocument:
    return arelle_bridge.load(CRAFTED, validate=True, export_oim=True)


@pytest.fixture(scope="session")
def crafted_broken(tmp_path_factory) -> Path:
    """The fixture with a sum that no longer adds up and an instant context on a duration concept."""
    folder = tmp_path_factory.mktemp("broken")
    for path in FIXTURES.glob("xmpl-20240630*"):
        shutil.copy(path, folder / path.name)
    doc = folder / CRAFTED.name
    text = doc.read_text(encoding="utf-8")
    text = text.replace(">2,012<", ">2,013<", 1)
    text = text.replace('name="us-gaap:CostOfRevenue" contextRef="d2023Q2"',
                        'name="us-gaap:CostOfRevenue" contextRef="i20231231"', 1)
    doc.write_text(text, encoding="utf-8")
    return doc


def _by_id(loaded):
    return {fact.id: fact for fact in loaded.facts}


@pytest.mark.arelle
def test_crafted_fixture_validates_clean_offline_with_calculations(crafted):
    assert crafted.report.ok, crafted.report.errors
    assert crafted.report.errors == () and crafted.report.warnings == ()


@pytest.mark.arelle
def test_facts_read_back_with_sign_scale_periods_and_dimensions(crafted):
    facts = _by_id(crafted)
    assert len(crafted.facts) == 26  # numeric facts only: the hidden dei facts are text

    loss = facts["f-0-4-0"]
    assert loss.concept == QName.std("us-gaap:OperatingIncomeLoss")
    assert loss.value == Decimal("-12000") and loss.decimals == -3 and loss.scale == 3
    assert loss.context.period == Q2_2024 and loss.unit == USD
    assert loss.context.entity.identifier == "0000000001"

    assert facts["f-0-5-0"].value == Decimal("0")  # ixt:fixed-zero dash
    assert facts["f-0-7-0"].value == Decimal("-0.05") and facts["f-0-7-0"].unit == USD_PER_SHARE
    assert facts["f-0-8-1"].value == Decimal("238000") and facts["f-0-8-1"].unit == SHARES
    assert facts["f-0-3-0"].concept == QName("http://example.com/xmpl/20240630", "PlatformOperatingCosts")

    deficit = facts["f-1-1-1"]
    assert deficit.context.period == Instant(dt.date(2023, 12, 31))  # not Arelle's 2024-01-01
    assert deficit.value == Decimal("-422000")
    assert deficit.context.dimensions == (
        (QName.std("us-gaap:StatementEquityComponentsAxis"), QName.std("us-gaap:RetainedEarningsMember")),)
    assert facts["f-2-2-0"].context.dimensions == (
        (QName.std("srt:StatementGeographicalAxis"), QName.std("country:US")),)


def _oim_period(text: str):
    """OIM writes ends as the following midnight; back to the inclusive dates of our model."""
    def day(part: str) -> dt.date:
        stamp = dt.datetime.fromisoformat(part)
        return (stamp - dt.timedelta(days=1)).date() if stamp.time() == dt.time(0) else stamp.date()
    if "/" in text:
        start, end = text.split("/")
        return Duration(dt.datetime.fromisoformat(start).date(), day(end))
    return Instant(day(text))


def oim_facts(oim: dict, *, numeric_only: bool = False) -> set:
    """(concept, entity, period, dims, unit, decimals, value) of the facts of an xBRL-JSON
    document, names resolved through its own prefixes so two documents compare by namespace."""
    prefixes = oim["documentInfo"]["namespaces"]

    def qname(prefixed: str) -> QName:
        prefix, _, local = prefixed.partition(":")
        return QName(prefixes[prefix], local)

    def unit(text: str) -> tuple:
        num, _, den = text.partition("/")
        return (tuple(sorted(map(qname, num.split("*")))), tuple(sorted(map(qname, den.split("*")))) if den else ())

    rows = set()
    for fact in oim["facts"].values():
        dims = fact["dimensions"]
        numeric = "unit" in dims
        if numeric_only and not numeric:
            continue
        axes = frozenset((qname(k), qname(v)) for k, v in dims.items()
                         if k not in ("concept", "entity", "period", "unit", "language"))
        value = fact.get("value")
        if numeric and value is not None:
            value = Decimal(value)
        rows.add((qname(dims["concept"]), dims["entity"].partition(":")[2], _oim_period(dims["period"]), axes,
                  unit(dims["unit"]) if numeric else None, fact.get("decimals"), value))
    return rows


def fact_rows(facts) -> set:
    return {(QName(f.concept.namespace, f.concept.local), f.context.entity.identifier, f.context.period,
             frozenset((QName(a.namespace, a.local), QName(m.namespace, m.local)) for a, m in f.context.dimensions),
             (tuple(sorted(QName(m.namespace, m.local) for m in f.unit.numerators)),
              tuple(sorted(QName(m.namespace, m.local) for m in f.unit.denominators))),
             f.decimals, f.value) for f in facts}


@pytest.mark.arelle
def test_arelle_xbrl_json_export_holds_the_facts_read_back(crafted):
    oim = crafted.oim_json
    assert oim["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert oim_facts(oim, numeric_only=True) == fact_rows(crafted.facts)
    assert len(oim_facts(oim)) == len(crafted.facts) + 7  # and the seven hidden dei facts


@pytest.fixture(scope="session")
def broken_round_trip(crafted_broken) -> proof.RoundTripResult:
    """One validating load of the broken document, shared by the tests that read it."""
    return proof.roundtrip_filing(crafted_broken, crafted_filing())


@pytest.mark.arelle
def test_broken_document_reports_calculation_and_period_type_errors(broken_round_trip):
    report = broken_round_trip.report
    codes = {m.code for m in report.errors}
    assert not report.ok
    assert "xbrl.4.7.2:contextPeriodType" in codes
    assert "xbrl.5.2.5.2:calcInconsistency" in codes


@pytest.mark.arelle
def test_validate_command_exits_nonzero_and_prints_the_errors(crafted_broken, capsys):
    args = _parser().parse_args(["validate", str(crafted_broken), "--calcs", "none"])
    with pytest.raises(ValidationFailed) as raised:
        args.func(args)
    assert raised.value.exit_status == 1
    out = capsys.readouterr().out
    assert "contextPeriodType" in out and "calcInconsistency" not in out  # --calcs none honoured


@pytest.mark.arelle
def test_viewer_builds_offline_with_its_script_beside_it(tmp_path):
    viewer = arelle_bridge.build_viewer(CRAFTED, tmp_path / "view")
    html = viewer.read_text(encoding="utf-8")
    scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    assert scripts == ["ixbrlviewer.js"]
    assert (viewer.parent / "ixbrlviewer.js").stat().st_size > 100_000
    assert "f-0-4-0" in html  # the viewer carries our facts


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.arelle
@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium')")
def test_viewer_runs_from_disk_in_headless_chromium(tmp_path):
    viewer = arelle_bridge.build_viewer(CRAFTED, tmp_path / "view")
    assert "inspector-container" not in viewer.read_text(encoding="utf-8")
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=10000", "--dump-dom", viewer.as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    # The inspector panel exists only once the local ixbrlviewer.js has run on our facts.
    assert "inspector-container fact-inspector" in dom and "f-0-4-0" in dom


# --- the round trip, against a crafted analysis of the fixture's tables --------------------


def _cell(text: str) -> RawCell:
    if text == "—":
        return RawCell(text, None, is_dash=True)
    negative = text.startswith("(")
    return RawCell(text, Decimal(text.strip("()").replace(",", "")), negative_shown=negative)


def _table(index, kind, columns, rows, **scales) -> Table:
    items = tuple(LineItem(r, label, tuple(_cell(c) if c else None for c in cells))
                  for r, (label, cells) in enumerate(rows))
    cols = tuple(Column(i, str(p), p, "crafted") for i, p in enumerate(columns))
    return Table(index, kind, f"table {index}", cols, items, **scales)


def crafted_filing(*tables: Table) -> Filing:
    """The analysis of the fixture's three tables, as the pipeline would give it."""
    if not tables:
        tables = (
            _table(0, StatementKind.INCOME, (Q2_2024, Q2_2023), [
                ("Revenues", ("5,000", "4,000")),
                ("Cost of revenue", ("3,000", "2,500")),
                ("Gross profit", ("2,000", "1,500")),
                ("Platform operating costs", ("2,012", "1,400")),
                ("Income (loss) from operations", ("(12)", "100")),
                ("Other income (expense), net", ("—", "5")),
                ("Net income (loss)", ("(12)", "105")),
                ("Net income (loss) per share, basic", ("(0.05)", "0.44")),
                ("Weighted-average shares, basic", ("240", "238")),
            ], scale=3, shares_scale=3, per_share_scale=0),
            _table(1, StatementKind.BALANCE, (Instant(dt.date(2024, 6, 30)), Instant(dt.date(2023, 12, 31))), [
                ("Total stockholders' equity", ("1,500", "1,400")),
                ("Accumulated deficit", ("(434)", "(422)")),
            ], scale=3),
            _table(2, StatementKind.NOTE, (Q2_2024,), [
                ("Americas", ("3,000",)), ("Asia Pacific", ("2,000",)),
                ("United States", ("2,500",)), ("Hosted services", ("4,200",)),
            ], scale=3),
        )
    document = Document(str(CRAFTED), InputKind.HTML, "", (), "")
    return Filing(document, "Example Corp", "10-Q", dt.date(2024, 6, 30), 2024, "Q2", tables)


def _with_row(table: Table, label: str, cells) -> Table:
    row = LineItem(len(table.rows), label, tuple(_cell(c) if c else None for c in cells))
    return dataclasses.replace(table, rows=table.rows + (row,))


@pytest.mark.arelle
def test_round_trip_of_the_crafted_fixture_is_clean(crafted):
    result = proof.match_cells(crafted_filing(), crafted.facts, crafted.report)
    assert result.mismatches == ()
    assert (result.cells, result.facts, result.matched) == (26, 26, 26)
    assert result.ok


@pytest.mark.arelle
def test_round_trip_names_a_changed_number(crafted):
    filing = crafted_filing()
    income = filing.tables[0]
    rows = list(income.rows)
    rows[3] = dataclasses.replace(rows[3], cells=(_cell("2,021"), rows[3].cells[1]))
    filing = dataclasses.replace(filing, tables=(dataclasses.replace(income, rows=tuple(rows)),) + filing.tables[1:])
    result = proof.match_cells(filing, crafted.facts, crafted.report)
    assert [(m.fact_id, m.kind) for m in result.mismatches] == [("f-0-3-0", "value")]
    assert result.matched == 25 and not result.ok


@pytest.mark.arelle
def test_round_trip_finds_untagged_cells_and_facts_without_a_cell(crafted):
    filing = crafted_filing()
    grown = _with_row(filing.tables[2], "Europe", ("1,000",))
    filing = dataclasses.replace(filing, tables=(filing.tables[0], grown))  # table 1 not detected
    result = proof.match_cells(filing, crafted.facts, crafted.report)
    kinds = {(m.fact_id, m.kind) for m in result.mismatches}
    assert ("f-2-4-0", "missing") in kinds
    assert {k for k in kinds if k[1] == "orphan"} == {
        ("f-1-0-0", "orphan"), ("f-1-0-1", "orphan"), ("f-1-1-0", "orphan"), ("f-1-1-1", "orphan")}
    assert result.cells == 23 and result.matched == 22


@pytest.mark.arelle
def test_round_trip_chooses_the_scale_by_the_facts_unit(crafted):
    filing = crafted_filing()
    millions = dataclasses.replace(filing.tables[0], scale=6)  # money in millions, shares still thousands
    filing = dataclasses.replace(filing, tables=(millions,) + filing.tables[1:])
    result = proof.match_cells(filing, crafted.facts, crafted.report)
    wrong = {m.fact_id for m in result.mismatches}
    assert all(m.kind == "value" for m in result.mismatches)
    assert wrong == {f"f-0-{r}-{c}" for r in range(7) for c in (0, 1)} - {"f-0-5-0"}  # 0 at any scale
    assert "f-0-7-0" not in wrong and "f-0-8-0" not in wrong


@pytest.mark.arelle
def test_round_trip_counts_untagged_dashes_apart_and_uses_a_rows_own_scale(crafted):
    filing = crafted_filing()
    income = _with_row(filing.tables[0], "No movement", ("—", "—"))
    note = filing.tables[2]
    in_units = LineItem(0, "Americas (in dollars)", (_cell("3,000,000"),), scale=0)
    note = dataclasses.replace(note, rows=(in_units,) + note.rows[1:])
    filing = dataclasses.replace(filing, tables=(income, filing.tables[1], note))
    result = proof.match_cells(filing, crafted.facts, crafted.report)
    assert result.mismatches == ()
    assert (result.cells, result.matched, result.untagged_dashes) == (28, 26, 2)


@pytest.mark.arelle
def test_round_trip_rejects_a_unit_it_has_no_scale_for(crafted):
    per_store = Unit("USD_per_store", (QName.std("iso4217:USD"),), (QName.std("xbrli:pure"),))
    facts = tuple(dataclasses.replace(f, unit=per_store) if f.id == "f-2-0-0" else f for f in crafted.facts)
    result = proof.match_cells(crafted_filing(), facts, crafted.report)
    assert [(m.fact_id, m.kind) for m in result.mismatches] == [("f-2-0-0", "unit")]


@pytest.mark.arelle
def test_round_trip_reads_a_pure_count_as_shown(crafted):
    """A pure number from a cell with no '%' is a count (stores), shown as it is: 3,000
    tagged as a pure 3000 matches, as 3,000,000 (the table's thousands) does not."""
    def pure(value):
        return tuple(dataclasses.replace(f, unit=PURE, value=Decimal(value)) if f.id == "f-2-0-0" else f
                     for f in crafted.facts)
    assert proof.match_cells(crafted_filing(), pure(3000), crafted.report).mismatches == ()
    wrong = proof.match_cells(crafted_filing(), pure(3000000), crafted.report).mismatches
    assert [(m.fact_id, m.kind) for m in wrong] == [("f-2-0-0", "value")]


@pytest.mark.arelle
def test_round_trip_fails_on_validation_errors_and_on_the_changed_number(broken_round_trip):
    result = broken_round_trip
    assert not result.report.ok and not result.ok
    assert {m.fact_id for m in result.mismatches} == {"f-0-3-0"}  # 2,012 became 2,013


def _parser():
    parser = argparse.ArgumentParser()
    proof.add_command(parser.add_subparsers(dest="command", required=True))
    return parser


# --- end to end on the seed, once the pipeline converts ---------------------------------


def _pipeline_ready() -> bool:
    if importlib.util.find_spec("converter.pipeline") is None:
        return False
    from converter import pipeline
    return hasattr(pipeline, "analyse") and hasattr(pipeline, "add_command")


@pytest.fixture(scope="session")
def seed_converted(tmp_path_factory):
    if not _pipeline_ready():
        pytest.skip("converter.pipeline (analyse/convert) not written yet")
    from converter.cli import main

    out = tmp_path_factory.mktemp("seed")
    assert main(["convert", str(SEED), "--out", str(out)]) == 0
    (htm,) = out.glob("*.htm")
    (ours,) = [p for p in out.glob("*.json") if p.name != "manifest.json"]
    return htm, ours


@pytest.mark.arelle
def test_seed_converts_validates_and_round_trips_clean(seed_converted, capsys):
    import json

    htm, ours = seed_converted
    loaded = arelle_bridge.load(htm, validate=True, export_oim=True)
    assert loaded.report.errors == ()

    from converter.pipeline import analyse

    result = proof.match_cells(analyse(SEED), loaded.facts, loaded.report)
    assert result.mismatches == (), "\n".join(map(str, result.mismatches))
    assert result.cells == result.matched + result.untagged_dashes + result.untagged_label_numbers
    assert result.matched == result.facts > 0

    our_json = json.loads(ours.read_text(encoding="utf-8"))
    assert oim_facts(loaded.oim_json) == oim_facts(our_json)  # text (dei) facts too


@pytest.mark.arelle
def test_a_file_that_is_not_xml_is_reported_as_an_error_not_raised(tmp_path):
    junk = tmp_path / "junk.htm"
    junk.write_bytes(b"\x00\x01 not xml")
    loaded = arelle_bridge.load(junk)
    assert not loaded.report.ok and loaded.facts == ()
    assert loaded.report.errors[0].code == "xmlSchema:syntax"
    with pytest.raises(ValidationFailed):
        arelle_bridge.export_oim_json(junk)


@pytest.mark.arelle
def test_a_taxonomy_missing_from_the_cache_is_an_error_never_a_download(tmp_path):
    for path in FIXTURES.glob("xmpl-20240630*"):
        shutil.copy(path, tmp_path / path.name)
    schema = tmp_path / "xmpl-20240630.xsd"
    schema.write_text(schema.read_text(encoding="utf-8").replace(
        "https://xbrl.sec.gov/dei/2024/dei-2024.xsd", "https://xbrl.sec.gov/dei/2019/dei-2019-01-31.xsd"),
        encoding="utf-8")
    loaded = arelle_bridge.load(tmp_path / CRAFTED.name, validate=False)
    assert not loaded.report.ok
    assert any("dei-2019-01-31.xsd" in m.text for m in loaded.report.errors)
