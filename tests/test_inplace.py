"""In-place inline XBRL for HTML input: the user's document, numbers wrapped where they are shown."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from lxml import etree

from converter.model import InputKind
from converter.pipeline import convert
from converter.readers import read

from conftest import crafted_conversion
from test_html_reader import strip_html

IX = "http://www.xbrl.org/2013/inlineXBRL"
XHTML = "http://www.w3.org/1999/xhtml"


@pytest.fixture(scope="module")
def ko(tmp_path_factory):
    """The KO 10-Q stripped to untagged HTML and converted once."""
    folder = tmp_path_factory.mktemp("ko")
    source = strip_html("ko-10-q-2025-07-24", folder)
    return source, convert(source, folder / "out")


def _text(root, skip) -> str:
    """All text of ``root`` outside the elements in ``skip``, whitespace collapsed."""
    parts = []

    def walk(el):
        if el in skip:
            return
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(root)
    return " ".join("".join(parts).split())


def test_output_is_strict_xhtml_with_the_header_first(ko):
    _, result = ko
    data = result.ixbrl_path.read_bytes()
    assert data.startswith(b"<?xml")
    root = etree.fromstring(data)
    assert root.tag == f"{{{XHTML}}}html"
    body = root.find(f"{{{XHTML}}}body")
    hidden = body[0]
    assert hidden.get("style") == "display:none" and hidden.find(f"{{{IX}}}header") is not None


def test_every_fact_is_wrapped_in_the_users_markup(ko):
    source, result = ko
    original = read(source)
    assert original.kind is InputKind.HTML
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    tagged = root.findall(f".//{{{IX}}}nonFraction")
    assert len(tagged) == result.fact_count > 500
    assert all(re.fullmatch(r"f-\d+-\d+-\d+", t.get("id")) for t in tagged)
    # the same tables, each number inside the cell it was read from
    assert len(root.findall(f".//{{{XHTML}}}table")) == len(original.native.findall(".//table"))
    # inside the user's cells, or nested in the tag of the same printed number (a label's
    # "$0.01 par value" tagged at both balance sheet dates)
    assert {t.getparent().tag for t in tagged} <= {f"{{{XHTML}}}{tag}" for tag in ("td", "th", "span", "div", "p")} \
        | {t.tag for t in tagged}
    # parentheses stay outside the tag, the XBRL sign is an attribute
    negative = [t for t in tagged if t.get("sign") == "-"]
    assert negative and all(not (t.text or "").startswith("(") for t in tagged)
    # the same text outside the hidden header: nothing added, removed or reworded
    hidden = root.find(f"{{{XHTML}}}body")[0]
    ours = _text(root.find(f"{{{XHTML}}}body"), {hidden})
    theirs = _text(original.native.find("body"), set())
    assert ours == theirs


def test_styles_are_kept(ko):
    source, result = ko
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    original = read(source).native
    ours = [el.get("style") for el in root.iter(f"{{{XHTML}}}td")]
    theirs = [el.get("style") for el in original.iter("td")]
    assert ours == theirs


@pytest.mark.arelle
def test_inplace_document_validates_and_round_trips(ko):
    from converter.proof import roundtrip

    source, result = ko
    proof = roundtrip(result.ixbrl_path, source)
    assert proof.report.ok, [str(m) for m in proof.report.errors[:5]]
    assert proof.ok, [str(m) for m in proof.mismatches[:5]]
    # every number is tagged; only dashes an equity line shows under shares it does not move stay bare
    assert proof.matched == result.fact_count == proof.cells - proof.untagged_dashes


LEGACY = """<HTML><HEAD><TITLE>ACME 10-Q</TITLE><SCRIPT>alert(1)</SCRIPT></HEAD><BODY>
<P>ACME Corp. Quarterly report on Form 10-Q for the quarterly period ended June 30, 2025</P>
<CENTER><FONT size=2><B>CONDENSED CONSOLIDATED BALANCE SHEETS</B></FONT></CENTER>
<P align=center>(in thousands)</P>
<TABLE width=100% border=0>
<TR VALIGN=BOTTOM><TD></TD><TD colspan=2 ALIGN=CENTER>June 30, 2025</TD><TD colspan=2 align=center>December 31, 2024</TD></TR>
<TR><TD>Cash and cash equivalents</TD><TD>$</TD><TD ALIGN="RIGHT"><FONT size=2>1,200</FONT></TD><TD>$</TD><TD>1,000</TD></TR>
<TR bgcolor="#cceeff"><TD nowrap>Accounts receivable</TD><TD></TD><TD>300</TD><TD></TD><TD>250</TD></TR>
<TR><TD>Total current assets</TD><TD></TD><TD>1,500</TD><TD></TD><TD>1,250</TD></TR>
<TR><TD>Total assets</TD><TD>$</TD><TD>1,500</TD><TD>$</TD><TD>1,250</TD></TR>
<TR><TD>Accounts payable</TD><TD></TD><TD>500</TD><TD></TD><TD>450</TD></TR>
<TR><TD>Total liabilities</TD><TD></TD><TD>500</TD><TD></TD><TD>450</TD></TR>
<TR><TD>Total stockholders' equity</TD><TD></TD><TD>1,000</TD><TD></TD><TD>800</TD></TR>
<TR><TD>Total liabilities and stockholders' equity</TD><TD>$</TD><TD>1,500</TD><TD>$</TD><TD>1,250</TD></TR>
</TABLE></BODY></HTML>"""


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    return crafted_conversion(tmp_path_factory.mktemp("legacy"), "acme.htm", LEGACY)[1]


def test_legacy_markup_becomes_xhtml(legacy):
    """<font>, <center>, uppercase tags and values (VALIGN=BOTTOM, which XHTML's schema knows
    as "bottom"), unquoted attributes and a script: still strict XHTML out."""
    result = legacy
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    assert root.find(f".//{{{XHTML}}}font") is None and root.find(f".//{{{XHTML}}}script") is None
    tagged = {t.text for t in root.iter(f"{{{IX}}}nonFraction")}
    assert {"1,200", "1,000", "300", "250"} <= tagged
    assert root.find(f".//{{{XHTML}}}table").get("width") == "100%"
    assert "background-color:#cceeff" in root.find(f".//{{{XHTML}}}tr[3]").get("style")
    assert root.find(f".//{{{XHTML}}}tr").get("valign") == "bottom"
    assert {td.get("align") for td in root.iter(f"{{{XHTML}}}td")} >= {"center", "right"}


OLDER = ("<HTML><BODY BGCOLOR=WHITE LINK=BLUE VLINK=PURPLE><A NAME=\"top\"></A><A NAME=\"top\"></A>"
         "<IMG SRC=\"logo.gif\" BORDER=0 ALT=\"logo\"><BR CLEAR=ALL><HR NOSHADE SIZE=1><PAGE>"
         "<FONT SIZE=2><P>ACME Corp. Quarterly report on Form 10-Q for the quarterly period ended June 30, 2025</P>"
         + LEGACY.split("<BODY>")[1].split("</BODY>")[0] + "</FONT></BODY></HTML>")


def test_markup_of_the_html_4_era_becomes_valid_xhtml(tmp_path):
    """An untagged filing as EDGAR took them around 2000: body colours, anchors by name (one
    twice), an image border, <BR CLEAR>, <HR NOSHADE SIZE>, EDGAR's <PAGE> left open over
    the rest, a <FONT> around paragraphs and the table, text and inline elements standing in
    the body. XHTML has none of them: anchors take their name as id (once), sizes become
    styles, the font and the page become divs where they hold blocks, and what stands in
    the body is moved into a div."""
    _, result = crafted_conversion(tmp_path, "older.htm", OLDER)
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    body = root.find(f"{{{XHTML}}}body")
    assert body.get("link") is None and body.get("vlink") is None
    assert [a.get("id") for a in root.iter(f"{{{XHTML}}}a")] == ["top", None]
    assert root.find(f".//{{{XHTML}}}page") is None and root.find(f".//{{{XHTML}}}br").get("clear") is None
    assert "height:1px" in root.find(f".//{{{XHTML}}}hr").get("style")
    assert all(child.tag in {f"{{{XHTML}}}{tag}" for tag in ("div", "p", "table", "hr")} for child in body)
    assert not [span for span in root.iter(f"{{{XHTML}}}span")
                if span.find(f"{{{XHTML}}}p") is not None or span.find(f"{{{XHTML}}}table") is not None]
    assert {"1,200", "1,000", "300", "250"} <= {t.text for t in root.iter(f"{{{IX}}}nonFraction")}


@pytest.mark.arelle
def test_markup_of_the_html_4_era_validates(tmp_path):
    from converter.arelle_bridge import validate

    _, result = crafted_conversion(tmp_path, "older.htm", OLDER)
    report = validate(result.ixbrl_path)
    assert report.ok, [str(m) for m in report.errors[:5]]


def test_characters_xml_cannot_hold_are_removed(tmp_path):
    """A character reference to a control character ("&#1;") in a text or an attribute: the
    one way such a character gets into the parsed document, which is then not taken as clean."""
    marked = LEGACY.replace("<TD nowrap>Accounts receivable", '<TD nowrap title="a&#1;b">Accounts&#2; receivable')
    source, result = crafted_conversion(tmp_path, "acme.htm", marked)
    plain = tmp_path / "plain.htm"
    plain.write_text(LEGACY, encoding="utf-8")
    assert read(source).clean is False and read(plain).clean is True
    data = result.ixbrl_path.read_bytes()
    root = etree.fromstring(data)  # strict XML
    assert b"\x01" not in data and b"\x02" not in data
    cell = next(td for td in root.iter(f"{{{XHTML}}}td") if (td.text or "").startswith("Accounts"))
    assert cell.text == "Accounts receivable" and cell.get("title") == "ab"


def test_the_parsed_document_is_tagged_once(legacy):
    """The writer tags the reader's tree where it is: a second iXBRL of the same report is
    refused, not written from the emptied tree."""
    from converter.errors import OutputError
    from converter.writers.ixbrl import ixbrl_bytes

    with pytest.raises(OutputError, match="already tagged"):
        ixbrl_bytes(legacy.report)


@pytest.mark.arelle
def test_legacy_markup_validates(legacy):
    from converter.arelle_bridge import validate

    report = validate(legacy.ixbrl_path)
    assert report.ok, [str(m) for m in report.errors[:5]]


def test_a_number_printed_in_a_label_is_wrapped_where_it_stands_alone():
    """A debt label '$500 5%, Oct 2024' prints the face amount and the rate: the rate's tag
    goes around the '5' of '5%', not around the first digit of 500 (the value read back
    would be the same, the markup would not)."""
    from converter.writers._xbrl import IX
    from converter.writers.inplace import _nonfraction_elements, _wrap
    holder = etree.fromstring("<td><span>$500 5%, Oct 2024</span></td>")
    wrapped, = _nonfraction_elements([({"name": "us-gaap:DebtInstrumentInterestRateStatedPercentage"}, "5")])
    assert _wrap(holder, "5", wrapped) and wrapped.tag == f"{{{IX}}}nonFraction"
    span = holder[0]
    assert span.text == "$500 " and wrapped.text == "5" and wrapped.tail == "%, Oct 2024"
    # a number found only inside a longer one is still wrapped (the round trip names the cell)
    lone = etree.fromstring("<td>$1500</td>")
    wrapped, = _nonfraction_elements([({}, "500")])
    assert _wrap(lone, "500", wrapped) and wrapped.text == "500" and lone.text == "$1"


RANGES = LEGACY.replace("</TABLE></BODY></HTML>", """</TABLE>
<P>The fair value of each option grant was estimated with the following assumptions:</P>
<TABLE>
<TR><TD></TD><TD>Six Months Ended June 30, 2025</TD><TD>Six Months Ended June 30, 2024</TD></TR>
<TR><TD>Risk-free interest rate</TD><TD>3.6% - 4.4%</TD><TD><SPAN>3.8%</SPAN> &#8211; <SPAN>4.6%</SPAN></TD></TR>
<TR><TD>Expected volatility</TD><TD>25.5% - 30.7%</TD><TD>29.7%</TD></TR>
</TABLE></BODY></HTML>""")


@pytest.fixture(scope="module")
def ranges(tmp_path_factory):
    return crafted_conversion(tmp_path_factory.mktemp("ranges"), "acme.htm", RANGES)


def test_a_range_of_rates_is_two_facts_wrapped_where_each_end_is_shown(ranges):
    """'3.6% - 4.4%' is a range: its lower end a fact of the range's minimum, its upper end
    one of its maximum, each tag around its own number (in one text or in two spans)."""
    _, result = ranges
    rate = [f for f in result.report.facts if f.label == "Risk-free interest rate"]
    ends = {(f.value, tuple(m.local for a, m in f.context.dimensions if a.local == "RangeAxis")) for f in rate}
    assert ends == {(Decimal("0.036"), ("MinimumMember",)), (Decimal("0.044"), ("MaximumMember",)),
                    (Decimal("0.038"), ("MinimumMember",)), (Decimal("0.046"), ("MaximumMember",))}
    volatility = [f for f in result.report.facts if f.label == "Expected volatility"]
    assert sorted(f.value for f in volatility) == [Decimal("0.255"), Decimal("0.297"), Decimal("0.307")]
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    tagged = [t.text for t in root.iter(f"{{{IX}}}nonFraction")]
    assert {"3.6", "4.4", "3.8", "4.6", "25.5", "30.7", "29.7"} <= set(tagged)


@pytest.mark.arelle
def test_a_range_of_rates_round_trips(ranges):
    from converter.proof import roundtrip

    source, result = ranges
    proof = roundtrip(result.ixbrl_path, source)
    assert proof.report.ok, [str(m) for m in proof.report.errors[:5]]
    assert proof.ok and proof.matched == proof.cells == result.fact_count, [str(m) for m in proof.mismatches[:5]]


DOLLAR_DASH = LEGACY.replace("<TR><TD>Accounts payable</TD><TD></TD><TD>500</TD><TD></TD><TD>450</TD></TR>",
                             "<TR><TD>Accounts payable</TD><TD></TD><TD>500</TD><TD></TD><TD>450</TD></TR>\n"
                             "<TR><TD>Preferred stock</TD><TD colspan=2 ALIGN=RIGHT><FONT size=2>$&nbsp;&#151;</FONT></TD>"
                             "<TD colspan=2 ALIGN=RIGHT><FONT size=2>$&nbsp;&#151;</FONT></TD></TR>")


def test_a_dash_with_its_dollar_sign_in_one_cell_is_tagged_at_the_dash(tmp_path):
    """An older filing agent prints "$&nbsp;&#151;" in one cell (a zero at the top of a
    column of dollars): the shown zero is the dash, the "$" stays before the tag (the whole
    text "$ —" was looked for as the number and the conversion failed, XC400)."""
    _, result = crafted_conversion(tmp_path, "dollar-dash.htm", DOLLAR_DASH)
    root = etree.fromstring(result.ixbrl_path.read_bytes())
    zeros = [t for t in root.iter(f"{{{IX}}}nonFraction") if t.get("format") == "ixt:fixed-zero"]
    assert len(zeros) == 2 and {t.text for t in zeros} == {"\u2014"}
    assert all(t.getparent().text.strip("\xa0 ") == "$" for t in zeros)
