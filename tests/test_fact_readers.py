"""The fact readers on the official corpus, the company-facts fixture and crafted input."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from converter.errors import CompareError
from converter.model import Duration, Instant
from converter.readers.facts import read_facts

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "companyfacts" / "pg-companyfacts.json"
sys.path.insert(0, str(SHARED / "tools"))


@pytest.mark.parametrize("name", ["pg-10-q-2025-04-24.htm.gz", "abbv-10-k-2025-02-14.htm.gz"])
def test_ixbrl_facts_agree_with_the_yardstick_reader(name):
    import ixfacts

    theirs, info = ixfacts.parse(CORPUS / name)
    ours = read_facts(CORPUS / name)
    assert ours.source_kind == "ixbrl"
    assert len(ours.facts) == len(theirs)
    for mine, ref in zip(ours.facts, theirs):
        assert mine.concept.clark == ref.concept
        assert mine.value == ref.value
        place = (mine.source.table, mine.source.row, mine.source.column) if mine.source else (None, None, None)
        assert place == (ref.table, ref.row, ref.cell)
    assert ours.info["EntityRegistrantName"] == info["EntityRegistrantName"]
    assert ours.info["DocumentType"] in ("10-Q", "10-K")


def test_ixbrl_facts_carry_their_row_label():
    facts = read_facts(CORPUS / "ko-10-q-2025-07-24.htm.gz").facts
    assets = [f for f in facts if f.concept.local == "Assets" and not f.context.dimensions and f.source]
    assert assets and all(f.label.lower().startswith("total assets") for f in assets)
    assert assets[0].source.locator.startswith(f"table[{assets[0].source.table}]/tr[")


IXBRL = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
 xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:us-gaap="http://fasb.org/us-gaap/2021"
 xmlns:dei="http://xbrl.sec.gov/dei/2021" xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
 xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31" xmlns:srt="http://fasb.org/srt/2021">
<body><div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="d" continuedAt="c1">Example</ix:nonNumeric>
</ix:hidden><ix:resources>
<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2021-04-01</xbrli:startDate><xbrli:endDate>2021-06-30</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:context id="i"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="srt:ProductOrServiceAxis">us-gaap:ServiceMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
<xbrli:period><xbrli:instant>2021-06-30</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<ix:continuation id="c1"> Holdings, Inc.</ix:continuation>
<table><tr><td>Revenue</td><td>$</td><td><ix:nonFraction name="us-gaap:Revenues" contextRef="d" unitRef="usd"
 decimals="-3" scale="3" format="ixt:num-dot-decimal">1,234<ix:exclude>(a)</ix:exclude></ix:nonFraction></td></tr>
<tr><td>Net loss</td><td><ix:nonFraction name="us-gaap:NetIncomeLoss" contextRef="d" unitRef="usd" decimals="-6"
 scale="6" sign="-" format="ixt:num-dot-decimal">(2.5)</ix:nonFraction></td></tr>
<tr><td>Services</td><td><ix:nonFraction name="us-gaap:Assets" contextRef="i" unitRef="usd" decimals="INF"
 format="ixt:fixed-zero">—</ix:nonFraction></td></tr></table>
<p>We have <ix:nonFraction name="us-gaap:Liabilities" contextRef="i" unitRef="usd" decimals="INF"
 format="ixt-sec:numwordsen">twenty-five</ix:nonFraction> liabilities.</p>
</body></html>"""


def test_ixbrl_formats_scale_sign_exclusions_and_continuations(tmp_path):
    path = tmp_path / "doc.htm.gz"
    path.write_bytes(gzip.compress(IXBRL.encode()))
    fs = read_facts(path)
    by_name = {f.concept.local: f for f in fs.facts}
    assert by_name["Revenues"].value == Decimal("1234000")
    assert by_name["Revenues"].decimals == -3 and by_name["Revenues"].label == "Revenue"
    assert by_name["NetIncomeLoss"].value == Decimal("-2500000")
    assert by_name["Assets"].value == 0 and by_name["Assets"].decimals is None
    assert by_name["Assets"].context.period == Instant(dt.date(2021, 6, 30))
    assert [(str(a), str(m)) for a, m in by_name["Assets"].context.dimensions] == [
        ("srt:ProductOrServiceAxis", "us-gaap:ServiceMember")]
    assert by_name["Liabilities"].value == 25 and by_name["Liabilities"].source is None
    assert by_name["Revenues"].concept.namespace == "http://fasb.org/us-gaap/2021"
    assert fs.info["EntityRegistrantName"] == "Example Holdings, Inc."


def test_unknown_ix_format_is_a_clear_error(tmp_path):
    path = tmp_path / "doc.htm"
    path.write_text(IXBRL.replace("ixt:num-dot-decimal", "ixt:date-month-year", 1))
    with pytest.raises(CompareError, match="unsupported inline XBRL number format 'ixt:date-month-year'"):
        read_facts(path)


INSTANCE = """<?xml version="1.0"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:us-gaap="http://fasb.org/us-gaap/2022"
 xmlns:dei="http://xbrl.sec.gov/dei/2022" xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2022-01-01</xbrli:startDate><xbrli:endDate>2022-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
<dei:DocumentType contextRef="d">10-K</dei:DocumentType>
<us-gaap:Revenues contextRef="d" unitRef="u" decimals="-6">5000000</us-gaap:Revenues>
<us-gaap:NetIncomeLoss contextRef="d" unitRef="u" decimals="-6">-0.5E6</us-gaap:NetIncomeLoss>
</xbrli:xbrl>"""


def test_xbrl_instance(tmp_path):
    path = tmp_path / "inst.xml"
    path.write_text(INSTANCE)
    fs = read_facts(path)
    assert fs.source_kind == "xbrl-instance" and fs.info == {"DocumentType": "10-K"}
    values = {f.concept.local: f.value for f in fs.facts}
    assert values == {"Revenues": Decimal(5000000), "NetIncomeLoss": Decimal(-500000)}
    assert fs.facts[0].context.period == Duration(dt.date(2022, 1, 1), dt.date(2022, 12, 31))


def _oim(facts: dict) -> dict:
    return {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json",
                             "namespaces": {"us-gaap": "http://fasb.org/us-gaap/2024", "dei": "http://xbrl.sec.gov/dei/2024",
                                            "iso4217": "http://www.xbrl.org/2003/iso4217",
                                            "xbrli": "http://www.xbrl.org/2003/instance", "cik": "http://www.sec.gov/CIK",
                                            "srt": "http://fasb.org/srt/2024"}},
            "facts": facts}


OIM_FACTS = {
    "a": {"value": "100.50", "decimals": 2, "dimensions": {
        "concept": "us-gaap:Assets", "entity": "cik:0000000001", "period": "2021-07-01T00:00:00", "unit": "iso4217:USD"}},
    "b": {"value": "0.25", "dimensions": {
        "concept": "us-gaap:EarningsPerShareBasic", "entity": "cik:0000000001",
        "period": "2021-04-01T00:00:00/2021-07-01T00:00:00", "unit": "iso4217:USD/xbrli:shares",
        "srt:ProductOrServiceAxis": "us-gaap:ServiceMember"}},
    "c": {"value": "Example Inc.", "dimensions": {
        "concept": "dei:EntityRegistrantName", "entity": "cik:0000000001", "period": "2021-04-01T00:00:00/2021-07-01T00:00:00"}},
}


def test_xbrl_json_end_exclusive_periods(tmp_path):
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(_oim(OIM_FACTS)))
    fs = read_facts(path)
    assets, eps = fs.facts
    assert assets.context.period == Instant(dt.date(2021, 6, 30)) and assets.value == Decimal("100.50")
    assert eps.context.period == Duration(dt.date(2021, 4, 1), dt.date(2021, 6, 30))
    assert eps.unit.denominators[0].local == "shares" and eps.value == Decimal("0.25")
    assert str(eps.context.dimensions[0][1]) == "us-gaap:ServiceMember"
    assert fs.info == {"EntityRegistrantName": "Example Inc."}


def test_output_folder_finds_its_xbrl_json(tmp_path):
    (tmp_path / "report.json").write_text(json.dumps({"not": "xbrl"}))
    (tmp_path / "ex-20210630.json").write_text(json.dumps(_oim(OIM_FACTS)))
    fs = read_facts(tmp_path)
    assert fs.source_kind == "output-folder:xbrl-json" and len(fs.facts) == 2
    (tmp_path / "second.json").write_text(json.dumps(_oim(OIM_FACTS)))
    with pytest.raises(CompareError, match="several xBRL-JSON"):
        read_facts(tmp_path)


def test_company_facts_fixture_holds_the_official_undimensioned_facts():
    fs = read_facts(FIXTURE)
    assert fs.source_kind == "companyfacts"
    assert fs.info["EntityRegistrantName"] == "PROCTER & GAMBLE CO" and fs.info["DocumentType"] == "10-Q"
    official = read_facts(CORPUS / "pg-10-q-2025-04-24.htm.gz")
    plain = {(f.concept.local, f.context.period, f.value) for f in official.facts
             if not f.context.dimensions and f.value is not None and "fasb.org" in f.concept.namespace}
    ours = {(f.concept.local, f.context.period, f.value) for f in fs.facts if "fasb.org" in f.concept.namespace}
    assert ours == plain


def _company(rows: list[dict]) -> dict:
    return {"cik": 42, "entityName": "Example", "facts": {"us-gaap": {"Assets": {"label": "Assets", "units": {"USD": rows}}}}}


def test_company_facts_picks_the_latest_periodic_filing_or_the_one_named(tmp_path):
    rows = [
        {"end": "2023-12-31", "val": 10, "accn": "A-K", "fy": 2023, "fp": "FY", "form": "10-K", "filed": "2024-02-01"},
        {"end": "2024-03-31", "val": 11, "accn": "A-Q", "fy": 2024, "fp": "Q1", "form": "10-Q", "filed": "2024-05-01"},
        {"end": "2024-03-31", "val": 12, "accn": "A-8", "fy": 2024, "fp": "Q1", "form": "8-K", "filed": "2024-06-01"},
    ]
    path = tmp_path / "cf.json"
    path.write_text(json.dumps(_company(rows)))
    latest = read_facts(path)
    assert [f.value for f in latest.facts] == [11] and latest.info["accn"] == "A-Q"
    assert latest.info["EntityCentralIndexKey"] == "0000000042"
    assert [f.value for f in read_facts(path, accession="A-K").facts] == [10]
    with pytest.raises(CompareError, match="no facts of accession 'nope'"):
        read_facts(path, accession="nope")


@pytest.mark.parametrize("content, message", [
    (None, "file not found"),
    (b"", "is empty"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "without inline XBRL"),
    (b"{not json", "not valid JSON"),
    (b'{"hello": 1}', "neither xBRL-JSON"),
    (b"plain words", "not a fact source"),
])
def test_bad_input_is_a_compare_error(tmp_path, content, message):
    path = tmp_path / "input"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CompareError, match=message):
        read_facts(path)
