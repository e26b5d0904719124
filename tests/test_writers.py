"""The writers on a hand-built Report: what each file says, read back with lxml, the shared
yardstick (ixfacts/score) and, marked ``arelle``, Arelle itself."""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.errors import ConsistencyError, OutputError
from converter.model import Context, InputKind, QName, SourceRef
from converter.writers import WRITERS, file_stem, load_writers, mapping_report, register, write_all

from fixtures.report_fixture import NAMESPACE, build_report

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import ixfacts  # noqa: E402  (the shared yardstick's iXBRL reader)
import score  # noqa: E402

STEM = "exco-20210630"
NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "ix": "http://www.xbrl.org/2013/inlineXBRL",
    "xbrli": "http://www.xbrl.org/2003/instance",
    "xbrldi": "http://xbrl.org/2006/xbrldi",
    "xs": "http://www.w3.org/2001/XMLSchema",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
}
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def report():
    return build_report()


@pytest.fixture(scope="module")
def out(report, tmp_path_factory):
    folder = tmp_path_factory.mktemp("writers") / "out"
    write_all(report, folder)
    return folder


@pytest.fixture(scope="module")
def html(out):
    return etree.parse(str(out / f"{STEM}.htm"))


def nonfraction(html, fid):
    found = html.xpath(f"//ix:nonFraction[@id='{fid}']", namespaces=NS)
    assert len(found) == 1, fid
    return found[0]


def context_of(html, element):
    return html.xpath(f"//xbrli:context[@id='{element.get('contextRef')}']", namespaces=NS)[0]


# --- registry and files -------------------------------------------------------------


def test_file_stem_is_prefix_and_period_end(report):
    assert file_stem(report) == STEM


def test_write_all_writes_every_format_and_only_those(out):
    assert sorted(p.name for p in out.iterdir()) == sorted([
        f"{STEM}.htm", f"{STEM}.json", f"{STEM}.xsd", f"{STEM}_lab.xml", f"{STEM}_pre.xml", f"{STEM}_cal.xml",
        f"{STEM}-mapping.csv", f"{STEM}-mapping.md", "manifest.json",
    ])
    assert set(load_writers()) >= {"ixbrl", "xbrl-json", "taxonomy", "mapping-report"}


def test_a_failing_writer_leaves_the_folder_as_it_was(report, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "earlier.txt").write_text("kept")

    def half_then_fail(rep, into):
        (Path(into) / "half.htm").write_text("<html")
        raise OutputError("disk full")

    load_writers()
    monkeypatch.setitem(WRITERS, "zz-failing", half_then_fail)
    with pytest.raises(OutputError):
        write_all(report, folder)
    assert [p.name for p in folder.iterdir()] == ["earlier.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_register_adds_a_format(report, tmp_path, monkeypatch):
    monkeypatch.setattr("converter.writers.WRITERS", dict(load_writers()))

    @register("names")
    def names(rep, into):
        path = Path(into) / f"{file_stem(rep)}.names.txt"
        path.write_text("\n".join(sorted(str(f.concept) for f in rep.facts)))
        return [path]

    written = write_all(report, tmp_path / "out")
    assert tmp_path / "out" / f"{STEM}.names.txt" in written
    assert all(p.exists() for p in written)


# --- inline XBRL --------------------------------------------------------------------


def test_ixbrl_is_strict_xhtml_with_a_hidden_header(out, html):
    assert (out / f"{STEM}.htm").read_bytes().startswith(b"<?xml")
    assert html.getroot().tag == "{http://www.w3.org/1999/xhtml}html"
    header = html.xpath("//ix:header", namespaces=NS)
    assert len(header) == 1
    assert header[0].getparent().get("style") == "display:none"
    refs = html.xpath("//ix:references/link:schemaRef", namespaces=NS)
    assert [r.get(f"{XLINK}href") for r in refs] == [f"{STEM}.xsd"]


def test_every_fact_is_tagged_in_its_cell_with_its_attributes(report, html):
    for fact in report.facts:
        s = fact.source
        el = nonfraction(html, f"f-{s.table}-{s.row}-{s.column}")
        prefix, local = el.get("name").split(":")
        assert (el.nsmap[prefix], local) == (fact.concept.namespace, fact.concept.local)
        assert el.get("unitRef") == fact.unit.id
        assert el.get("decimals") == str(fact.decimals)
        assert el.get("scale") == str(fact.scale)
        assert el.get("sign") == ("-" if fact.value < 0 else None)
        ctx = context_of(html, el)
        members = ctx.xpath(".//xbrldi:explicitMember", namespaces=NS)
        assert len(members) == len(fact.context.dimensions)


def test_numbers_display_as_shown_with_parentheses_outside_the_tag(html):
    deficit = nonfraction(html, "f-0-5-0")
    assert deficit.text == "434,199"
    assert deficit.get("format") == "ixt:num-dot-decimal"
    assert deficit.getparent().text == "(" and deficit.tail == ")"
    eps = nonfraction(html, "f-1-2-0")
    assert (eps.text, eps.get("sign"), eps.get("scale"), eps.get("decimals")) == ("0.32", "-", "0", "2")
    assert eps.getparent().text == "$ (" and eps.tail == ")"
    cash = nonfraction(html, "f-0-1-0")
    assert cash.getparent().text == "$ " and cash.get("sign") is None


def test_a_dash_is_a_fixed_zero(html):
    dash = nonfraction(html, "f-0-3-1")
    assert dash.get("format") == "ixt:fixed-zero"
    assert dash.text == "—"
    assert dash.get("sign") is None


def test_a_shown_number_without_a_fact_stays_untagged_text(html):
    row = html.xpath("//h:tr[h:td[@class='label']='Other reserves (Note 9)']", namespaces=NS)[0]
    cells = row.xpath("h:td[@class='num']", namespaces=NS)
    assert [c.text for c in cells] == ["12", "10"]
    assert not row.xpath(".//ix:*", namespaces=NS)


def test_tables_show_titles_and_column_periods(html):
    captions = html.xpath("//h:p[@class='caption']/text()", namespaces=NS)
    assert captions[:2] == ["Condensed Consolidated Balance Sheets", "Condensed Consolidated Statements of Operations"]
    income_head = html.xpath("//h:div[@id='table-1']//h:th", namespaces=NS)
    texts = ["".join(th.itertext()) for th in income_head[1:]]
    assert texts[0] == "Three Months Ended June 30,Three Months Ended June 30, 2021"
    assert texts[3].endswith("Six Months Ended June 30, 2020")
    note = html.xpath("//h:div[@id='table-1']/h:p[@class='scale']/text()", namespaces=NS)
    assert note == ["(in thousands, except per share amounts)"]


def test_contexts_have_readable_ids_periods_and_segments(html):
    instant = html.xpath("//xbrli:context[@id='c-I2021-06-30']", namespaces=NS)[0]
    assert instant.xpath("string(.//xbrli:instant)", namespaces=NS) == "2021-06-30"
    assert instant.xpath("string(.//xbrli:identifier/@scheme)", namespaces=NS) == "http://www.sec.gov/CIK"
    assert not instant.xpath(".//xbrli:segment", namespaces=NS)
    duration = html.xpath("//xbrli:context[@id='c-D2021-01-01-2021-06-30']", namespaces=NS)[0]
    assert duration.xpath("string(.//xbrli:startDate)", namespaces=NS) == "2021-01-01"
    assert duration.xpath("string(.//xbrli:endDate)", namespaces=NS) == "2021-06-30"
    legacy = context_of(html, nonfraction(html, "f-2-2-4"))
    assert legacy.get("id").startswith("c-I2021-06-30-LegacyReserve-")
    member = legacy.xpath(".//xbrldi:explicitMember", namespaces=NS)[0]
    assert member.get("dimension") == "us-gaap:StatementEquityComponentsAxis"
    assert member.text == "exco:LegacyReserveMember"
    total = context_of(html, nonfraction(html, "f-2-2-5"))
    assert total.get("id") == "c-I2021-06-30"


def test_units_usd_shares_and_usd_per_share(html):
    def measures(uid, path):
        return html.xpath(f"//xbrli:unit[@id='{uid}']/{path}/text()", namespaces=NS)

    assert measures("USD", "xbrli:measure") == ["iso4217:USD"]
    assert measures("shares", "xbrli:measure") == ["xbrli:shares"]
    assert measures("USD_per_share", "xbrli:divide/xbrli:unitNumerator/xbrli:measure") == ["iso4217:USD"]
    assert measures("USD_per_share", "xbrli:divide/xbrli:unitDenominator/xbrli:measure") == ["xbrli:shares"]


def test_dei_facts_are_hidden_in_the_document_period(html):
    hidden = {el.get("name"): el for el in html.xpath("//ix:hidden/ix:nonNumeric", namespaces=NS)}
    assert hidden["dei:AmendmentFlag"].text == "false"
    assert hidden["dei:DocumentPeriodEndDate"].text == "2021-06-30"
    assert hidden["dei:DocumentPeriodEndDate"].get("format") is None
    assert hidden["dei:DocumentType"].text == "10-Q"
    assert hidden["dei:EntityCentralIndexKey"].text == "0001234567"
    assert {el.get("contextRef") for el in hidden.values()} == {"c-D2021-01-01-2021-06-30"}


def test_the_shared_reader_gets_every_value_back(report, out):
    """ixfacts (the yardstick's own reader) applies format, scale and sign to our tags."""
    read, info = ixfacts.parse(str(out / f"{STEM}.htm"))
    got = {(f.concept, f.period, f.dims, f.value) for f in read}
    want = set()
    for fact in report.facts:
        p = fact.context.period
        period = ("instant", str(p)) if hasattr(p, "date") else ("duration", str(p.start), str(p.end))
        dims = tuple(sorted((a.clark, m.clark) for a, m in fact.context.dimensions))
        want.add((fact.concept.clark, period, dims, fact.value))
    assert got == want
    assert len(read) == len(report.facts)
    assert info.get("DocumentPeriodEndDate") == "2021-06-30"


def test_html_input_without_its_parsed_document_is_refused_and_nothing_is_written(tmp_path):
    # HTML is tagged in place (tests/test_inplace.py); without Document.native there is no place
    with pytest.raises(OutputError, match="parsed document is missing"):
        write_all(build_report(InputKind.HTML), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_shown_number_that_disagrees_with_its_fact_is_refused(report, tmp_path):
    facts = list(report.facts)
    facts[0] = dataclasses.replace(facts[0], value=facts[0].value + 1)
    with pytest.raises(OutputError, match="f-0-1-0 shows"):
        write_all(dataclasses.replace(report, facts=tuple(facts)), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_fact_whose_cell_is_not_in_the_tables_is_refused(report, tmp_path):
    facts = list(report.facts)
    facts[0] = dataclasses.replace(facts[0], source=SourceRef(9, 9, 9))
    with pytest.raises(OutputError, match="f-9-9-9"):
        write_all(dataclasses.replace(report, facts=tuple(facts)), tmp_path / "out")


# --- xBRL-JSON ----------------------------------------------------------------------


def test_json_periods_are_end_exclusive_datetimes(out):
    doc = json.loads((out / f"{STEM}.json").read_text())
    assert doc["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert doc["documentInfo"]["taxonomy"] == [f"{STEM}.xsd"]
    facts = doc["facts"]
    assert facts["f-0-5-0"]["dimensions"]["period"] == "2021-07-01T00:00:00"
    assert facts["f-1-0-2"]["dimensions"]["period"] == "2021-01-01T00:00:00/2021-07-01T00:00:00"
    assert facts["f-0-5-0"]["value"] == "-434199000"
    assert facts["f-0-5-0"]["decimals"] == -3
    assert facts["f-1-2-0"]["dimensions"]["unit"] == "iso4217:USD/xbrli:shares"
    assert facts["f-1-3-0"]["dimensions"]["unit"] == "xbrli:shares"
    assert facts["f-2-2-4"]["dimensions"]["us-gaap:StatementEquityComponentsAxis"] == "exco:LegacyReserveMember"
    assert facts["f-0-1-0"]["dimensions"]["entity"] == "cik:0001234567"
    assert facts["dei-DocumentType"] == {"value": "10-Q", "dimensions": {
        "concept": "dei:DocumentType", "entity": "cik:0001234567",
        "period": "2021-01-01T00:00:00/2021-07-01T00:00:00"}}


def test_json_namespaces_cover_every_prefix_used(out):
    doc = json.loads((out / f"{STEM}.json").read_text())
    namespaces = doc["documentInfo"]["namespaces"]
    for prefix in ("xbrli", "iso4217", "us-gaap", "dei", "srt", "country", "cik", "exco"):
        assert prefix in namespaces
    assert namespaces["exco"] == NAMESPACE
    used = set()
    for fact in doc["facts"].values():
        for key, value in fact["dimensions"].items():
            used.update(x.split(":")[0] for x in (key, value) if ":" in x and not x.startswith("20"))
            if key == "unit":
                used.update(m.split(":")[0] for m in value.split("/"))
    assert used <= set(namespaces)


def test_json_ids_and_facts_equal_the_inline_documents(out):
    """score.py reads our JSON; the same facts must come out of our iXBRL through ixfacts."""
    _, _, from_inline, _, _ = score.official_keys(str(out / f"{STEM}.htm"))
    from_json = score.candidate_keys(str(out / f"{STEM}.json"))
    assert from_json == from_inline
    doc = json.loads((out / f"{STEM}.json").read_text())
    html = etree.parse(str(out / f"{STEM}.htm"))
    inline_ids = set(html.xpath("//ix:nonFraction/@id | //ix:nonNumeric/@id", namespaces=NS))
    assert set(doc["facts"]) == inline_ids


# --- taxonomy -----------------------------------------------------------------------


def test_schema_declares_extension_concepts_members_roles_and_imports(out):
    xsd = etree.parse(str(out / f"{STEM}.xsd")).getroot()
    assert xsd.get("targetNamespace") == NAMESPACE
    imports = {el.get("namespace"): el.get("schemaLocation") for el in xsd.xpath("xs:import", namespaces=NS)}
    assert imports["http://fasb.org/us-gaap/2024"] == "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
    assert imports["http://xbrl.sec.gov/dei/2024"] == "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"
    assert imports["http://fasb.org/srt/2024"] == "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"
    assert "http://xbrl.sec.gov/country/2024" not in imports
    elements = {el.get("name"): el for el in xsd.xpath("xs:element", namespaces=NS)}
    prepaid = elements["PrepaidSoftwareLicenses"]
    xbrli = "{http://www.xbrl.org/2003/instance}"
    assert (prepaid.get("type"), prepaid.get(f"{xbrli}periodType"), prepaid.get(f"{xbrli}balance")) == (
        "xbrli:monetaryItemType", "instant", "debit")
    assert (prepaid.get("substitutionGroup"), prepaid.get("abstract"), prepaid.get("id")) == (
        "xbrli:item", "false", "exco_PrepaidSoftwareLicenses")
    member = elements["LegacyReserveMember"]
    assert (member.get("type"), member.get("abstract")) == ("dtr-types:domainItemType", "true")
    assert member.nsmap["dtr-types"] == "http://www.xbrl.org/dtr/type/2022-03-31"
    roles = xsd.xpath("//link:roleType/@roleURI", namespaces=NS)
    assert roles == [f"{NAMESPACE}/role/CondensedConsolidatedBalanceSheets",
                     f"{NAMESPACE}/role/CondensedConsolidatedStatementsOfOperations",
                     f"{NAMESPACE}/role/CondensedConsolidatedStatementsOfStockholdersEquity"]
    refs = xsd.xpath("//link:linkbaseRef/@xlink:href", namespaces=NS)
    assert refs == [f"{STEM}_lab.xml", f"{STEM}_pre.xml", f"{STEM}_cal.xml"]


def test_country_schema_is_imported_only_when_a_country_member_is_used(report, tmp_path):
    facts = list(report.facts)
    geo = ((QName.std("srt:StatementGeographicalAxis"), QName.std("country:US")),)
    facts[0] = dataclasses.replace(facts[0], context=Context(report.entity, facts[0].context.period, geo))
    write_all(dataclasses.replace(report, facts=tuple(facts)), tmp_path / "out")
    xsd = etree.parse(str(tmp_path / "out" / f"{STEM}.xsd")).getroot()
    assert xsd.xpath("xs:import[@namespace='http://xbrl.sec.gov/country/2024']/@schemaLocation", namespaces=NS) == [
        "https://xbrl.sec.gov/country/2024/country-2024.xsd"]


def test_calculation_arcs_are_written_with_their_weights_in_the_tables_role(out):
    cal = etree.parse(str(out / f"{STEM}_cal.xml"))
    links = cal.xpath("//link:calculationLink", namespaces=NS)
    assert [link.get(f"{XLINK}role") for link in links] == [f"{NAMESPACE}/role/CondensedConsolidatedBalanceSheets"]
    arcs = links[0].xpath("link:calculationArc", namespaces=NS)
    assert [(a.get(f"{XLINK}from"), a.get(f"{XLINK}to"), a.get("weight")) for a in arcs] == [
        ("loc_us-gaap_Assets", "loc_us-gaap_CashAndCashEquivalentsAtCarryingValue", "1.0"),
        ("loc_us-gaap_Assets", "loc_us-gaap_AccountsReceivableNetCurrent", "1.0"),
        ("loc_us-gaap_Assets", "loc_exco_PrepaidSoftwareLicenses", "1.0"),
    ]
    assert {a.get(f"{XLINK}arcrole") for a in arcs} == {"http://www.xbrl.org/2003/arcrole/summation-item"}
    hrefs = dict((loc.get(f"{XLINK}label"), loc.get(f"{XLINK}href")) for loc in links[0].xpath("link:loc", namespaces=NS))
    assert hrefs["loc_us-gaap_Assets"] == "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd#us-gaap_Assets"
    assert hrefs["loc_exco_PrepaidSoftwareLicenses"] == f"{STEM}.xsd#exco_PrepaidSoftwareLicenses"


def test_a_calculation_breaking_the_balance_rule_is_refused(report, tmp_path):
    arcs = list(report.calculations)
    arcs[0] = dataclasses.replace(arcs[0], weight=-1)
    with pytest.raises(ConsistencyError, match="balance rule"):
        write_all(dataclasses.replace(report, calculations=tuple(arcs)), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_presentation_lists_each_concept_once_in_row_order_under_an_abstract_root(out):
    pre = etree.parse(str(out / f"{STEM}_pre.xml"))
    equity = pre.xpath(f"//link:presentationLink[@xlink:role='{NAMESPACE}/role/"
                       "CondensedConsolidatedStatementsOfStockholdersEquity']", namespaces=NS)[0]
    arcs = equity.xpath("link:presentationArc", namespaces=NS)
    assert {a.get(f"{XLINK}from") for a in arcs} == {"loc_exco_CondensedConsolidatedStatementsOfStockholdersEquityAbstract"}
    assert [a.get(f"{XLINK}to") for a in arcs] == [
        "loc_us-gaap_SharesOutstanding", "loc_us-gaap_StockholdersEquity", "loc_us-gaap_NetIncomeLoss"]
    assert [a.get("order") for a in arcs] == ["1", "2", "3"]
    roles = pre.xpath("//link:roleRef/@xlink:href", namespaces=NS)
    assert f"{STEM}.xsd#CondensedConsolidatedBalanceSheets" in roles


def test_labels_name_the_extension_concepts_members_and_roots(out):
    lab = etree.parse(str(out / f"{STEM}_lab.xml"))
    labels = {el.get(f"{XLINK}label"): el.text for el in lab.xpath("//link:label", namespaces=NS)}
    assert labels["lab_PrepaidSoftwareLicenses"] == "Prepaid Software Licenses"
    assert labels["lab_LegacyReserveMember"] == "Legacy Reserve [Member]"
    assert labels["lab_CondensedConsolidatedBalanceSheetsAbstract"] == "Condensed Consolidated Balance Sheets [Abstract]"


# --- mapping report -----------------------------------------------------------------


def test_mapping_csv_has_every_fact_and_unmapped_number_lowest_confidence_first(report, out):
    import csv

    rows = list(csv.DictReader((out / f"{STEM}-mapping.csv").open()))
    mapped = [r for r in rows if r["status"] == "mapped"]
    unmapped = [r for r in rows if r["status"] == "unmapped"]
    assert len(mapped) == len(report.facts)
    assert [(r["table"], r["row"], r["column"], r["source_text"]) for r in unmapped] == [
        ("0", "6", "0", "12"), ("0", "6", "1", "10")]
    confidences = [float(r["confidence"]) for r in rows]
    assert confidences == sorted(confidences)
    assert rows[0]["status"] == "unmapped"
    prepaid = next(r for r in mapped if r["concept"] == "exco:PrepaidSoftwareLicenses" and r["column"] == "0")
    assert (prepaid["extension"], prepaid["rule"], prepaid["period"], prepaid["value"]) == (
        "yes", "X-extension", "2021-06-30", "25000")
    legacy = next(r for r in mapped if (r["table"], r["row"], r["column"]) == ("2", "2", "4"))
    assert legacy["dimensions"] == "us-gaap:StatementEquityComponentsAxis=exco:LegacyReserveMember"
    assert legacy["source_label"] == "Balance as of June 30, 2021"


def test_mapping_markdown_summarises_tables_and_column_evidence(out):
    md = (out / f"{STEM}-mapping.md").read_text()
    assert "| 0 | Condensed Consolidated Balance Sheets | balance | 2 | 7 | 10 | 2 | 0.40 |" in md
    assert "text 'three and six months ended June 30, 2021 and 2020': second year" in md
    assert "2021-04-01/2021-06-30" in md
    first_number_line = next(line for line in md.splitlines() if line.startswith("| 0.00 |"))
    assert "unmapped" in first_number_line and "Other reserves (Note 9)" in first_number_line


# --- Arelle -------------------------------------------------------------------------


def _arelle(*args):
    exe = shutil.which("arelleCmdLine")
    if exe is None:
        pytest.skip("arelleCmdLine is not installed")
    cache = SHARED / "taxonomies" / "arelle-cache"
    run = subprocess.run([exe, *args, "--workOffline", "--validationExitCode", "--cacheDirectory", str(cache)],
                         capture_output=True, text=True, timeout=300)
    problems = [line for line in (run.stdout + run.stderr).splitlines() if line.startswith("[") and not line.startswith("[info]")]
    return run.returncode, problems


@pytest.mark.arelle
def test_arelle_validates_the_inline_document_with_calculations(out):
    code, problems = _arelle("--file", str(out / f"{STEM}.htm"), "--validate", "--calc", "c10")
    assert (code, problems) == (0, [])


@pytest.mark.arelle
def test_arelle_loads_our_xbrl_json(out):
    code, problems = _arelle("--plugins", "loadFromOIM", "--file", str(out / f"{STEM}.json"), "--validate")
    assert (code, problems) == (0, [])


@pytest.mark.arelle
def test_arelle_reports_a_calculation_inconsistency(report, tmp_path):
    """The c10 check is live: a total that does not add up is caught (a proof the test above can fail)."""
    facts = list(report.facts)
    i = next(k for k, f in enumerate(facts) if (f.source.table, f.source.row, f.source.column) == (0, 4, 0))
    tables = list(report.filing.tables)
    rows = list(tables[0].rows)
    cells = list(rows[4].cells)
    cells[0] = dataclasses.replace(cells[0], text="$ 1,526", value=Decimal(1526))
    rows[4] = dataclasses.replace(rows[4], cells=tuple(cells))
    tables[0] = dataclasses.replace(tables[0], rows=tuple(rows))
    facts[i] = dataclasses.replace(facts[i], value=Decimal(1526000))
    filing = dataclasses.replace(report.filing, tables=tuple(tables))
    write_all(dataclasses.replace(report, filing=filing, facts=tuple(facts)), tmp_path / "out")
    code, problems = _arelle("--file", str(tmp_path / "out" / f"{STEM}.htm"), "--validate", "--calc", "c10")
    assert code != 0 and any("calcInconsistency" in p for p in problems)


# --- the seed's real tables ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    """Every number of every table detected in the seed 10-Q, each a fact of a per-row
    extension concept: the renderer meets real cell texts ("$(3)", "72,017,145", "—")."""
    import hashlib

    from converter.detect import detect
    from converter.model import (SEC_CIK_SCHEME, USD, Concept, Entity, ExtensionMember, Fact, Instant,
                                 PeriodType, Report)
    from converter.readers.text import read_text

    path = Path(__file__).resolve().parents[1] / "samples" / "liveperson-10q-2021q2.txt"
    text = path.read_text()
    filing = detect(read_text(path, text, hashlib.sha256(text.encode()).hexdigest()))
    namespace, entity = "http://www.example.com/seed/20210630", Entity(SEC_CIK_SCHEME, "0000000000")
    facts, concepts = [], {}
    for table in filing.tables:
        for item in table.rows:
            for c, cell in enumerate(item.cells[: len(table.columns)]):
                if cell is None or (cell.value is None and not cell.is_dash):
                    continue
                period = item.period_override or table.columns[c].period
                kind = PeriodType.INSTANT if isinstance(period, Instant) else PeriodType.DURATION
                concept = QName(namespace, f"T{table.index}R{item.index}{kind.value.title()}", "seed")
                concepts[concept] = Concept(concept, kind, "monetaryItemType", label=item.label, extension=True)
                shown = abs(cell.value or Decimal(0)).scaleb(table.scale)
                facts.append(Fact(concept, Context(entity, period, table.columns[c].members), USD,
                                  -shown if cell.negative_shown else shown, -table.scale,
                                  SourceRef(table.index, item.index, c), scale=table.scale))
    members = sorted({m for f in facts for _, m in f.context.dimensions if m.namespace == namespace})
    report = Report(filing, tuple(facts), concepts, (), {}, tuple(ExtensionMember(m, m.local) for m in members),
                    {"DocumentType": "10-Q", "DocumentPeriodEndDate": "2021-06-30", "AmendmentFlag": "false"},
                    namespace, "seed", entity)
    folder = tmp_path_factory.mktemp("seed") / "out"
    write_all(report, folder)
    return report, folder


def test_every_number_of_the_seeds_tables_reads_back(seed_out):
    report, folder = seed_out
    assert len(report.facts) > 500
    read, _ = ixfacts.parse(str(folder / "seed-20210630.htm"))
    by_id = {f.fact_id: f.value for f in read}
    for fact in report.facts:
        s = fact.source
        assert by_id[f"f-{s.table}-{s.row}-{s.column}"] == fact.value


@pytest.mark.arelle
def test_arelle_validates_the_seeds_tables(seed_out):
    _, folder = seed_out
    code, problems = _arelle("--file", str(folder / "seed-20210630.htm"), "--validate", "--calc", "c10")
    assert (code, problems) == (0, [])


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.one_of(st.text(alphabet=st.sampled_from(" a|\\\n\t\xa0\x00\x1f\u2028b"), max_size=6),
                          st.integers(), st.floats(allow_nan=False)), max_size=8))
def test_a_markdown_row_is_every_cell_escaped_and_stripped(cells):
    """The mapping report's one-pass row equals escaping cell by cell (bars, backslashes,
    line feeds, white space at the ends; a cell holding a NUL or a bar of its own)."""
    assert mapping_report._md_row(cells) == "| " + " | ".join(mapping_report._md(v) for v in cells) + " |"


RANGES_TEXT = """ACME Corp.
Quarterly report on Form 10-Q for the quarterly period ended June 30, 2025
CONDENSED CONSOLIDATED BALANCE SHEETS
(in thousands)
June 30, 2025 December 31, 2024
Cash and cash equivalents$1,200 $1,000
Accounts receivable300 250
Total current assets1,500 1,250
Total assets$1,500 $1,250
Accounts payable500 450
Total liabilities500 450
Total stockholders' equity1,000 800
Total liabilities and stockholders' equity$1,500 $1,250

The fair value of each option grant was estimated with the following assumptions:
Six Months Ended June 30,
2025 2024
Risk-free interest rate3.6% - 4.4%3.8% - 4.6%
Expected volatility25.5% - 30.7%29.7%
"""


@pytest.fixture(scope="module")
def text_ranges(tmp_path_factory):
    from conftest import crafted_conversion
    return crafted_conversion(tmp_path_factory.mktemp("text_ranges"), "acme.txt", RANGES_TEXT)


def test_copied_text_range_is_rendered_with_both_ends_tagged(text_ranges):
    """The rendered document of copied text shows '3.6% - 4.4%' as it was printed, the lower
    end tagged as the range's minimum and the upper as its maximum."""
    _, result = text_ranges
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    ix = "{http://www.xbrl.org/2013/inlineXBRL}nonFraction"
    cell = next(td for td in root.iter("{http://www.w3.org/1999/xhtml}td") if "3.6" in "".join(td.itertext()))
    assert "".join(cell.itertext()) == "3.6% - 4.4%" and [t.text for t in cell.iter(ix)] == ["3.6", "4.4"]
    ends = sorted((f.value, [m.local for a, m in f.context.dimensions if a.local == "RangeAxis"])
                  for f in result.report.facts if f.label == "Risk-free interest rate")
    assert ends == [(Decimal("0.036"), ["MinimumMember"]), (Decimal("0.038"), ["MinimumMember"]),
                    (Decimal("0.044"), ["MaximumMember"]), (Decimal("0.046"), ["MaximumMember"])]


@pytest.mark.arelle
def test_copied_text_range_round_trips(text_ranges):
    from converter.proof import roundtrip
    source, result = text_ranges
    proof = roundtrip(result.ixbrl_path, source)
    assert proof.report.ok and proof.ok and proof.matched == proof.cells == result.fact_count, \
        [str(m) for m in proof.mismatches[:5]]


def test_outputs_reach_the_disk_together_before_they_move_into_the_folder(tmp_path, monkeypatch):
    """write_all stages the files: each is flushed to disk (fsync) after all are written and
    before any moves into the output folder, not one commit per file as it is written; a
    file written outside a staging folder is flushed before its rename."""
    import os

    from converter import _atomic

    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("sync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(
        "move" if Path(b).parent == tmp_path / "out" else "stage"), real_replace(a, b))[1])
    files = write_all(build_report(), tmp_path / "out")
    assert len(files) >= 5 and all(path.is_file() for path in files)
    writes, syncs, moves = (events.count(kind) for kind in ("stage", "sync", "move"))
    assert writes == syncs == moves == len(files)
    assert events == ["stage"] * writes + ["sync"] * syncs + ["move"] * moves
    events.clear()
    _atomic.write_text(tmp_path / "alone.txt", "x")
    assert events == ["sync", "stage"] and (tmp_path / "alone.txt").read_text() == "x"
