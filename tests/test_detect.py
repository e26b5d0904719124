"""Detect on the seed: statement kinds, periods inferred without year rows, scale, equity members."""
import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from converter.detect import _adds_to_total, detect
from converter.errors import NoStatementsError
from converter.model import Duration, Instant, LineItem, RawCell, StatementKind
from converter.readers import read
from converter.readers.text import parse_text

from conftest import REPO, SEED


@pytest.fixture(scope="module")
def filing():
    return detect(read(SEED))


def test_document_facts(filing):
    assert filing.company == "LivePerson, Inc."
    assert filing.document_type == "10-Q"
    assert filing.period_end == dt.date(2021, 6, 30)
    assert (filing.fiscal_year, filing.fiscal_period) == (2021, "Q2")


def test_statement_kinds(filing):
    kinds = [t.kind for t in filing.tables]
    for k in (StatementKind.BALANCE, StatementKind.INCOME, StatementKind.COMPREHENSIVE, StatementKind.CASHFLOW):
        assert kinds.count(k) >= 1
    assert kinds.count(StatementKind.EQUITY) == 2


def test_balance_sheet_instants(filing):
    bs = filing.tables[0]
    assert [c.period for c in bs.columns] == [Instant(dt.date(2021, 6, 30)), Instant(dt.date(2020, 12, 31))]
    assert bs.scale == 3
    assert all(c.period_evidence for c in bs.columns)


def test_income_durations_and_scales(filing):
    inc = filing.tables[1]
    assert [c.period for c in inc.columns] == [
        Duration(dt.date(2021, 4, 1), dt.date(2021, 6, 30)), Duration(dt.date(2020, 4, 1), dt.date(2020, 6, 30)),
        Duration(dt.date(2021, 1, 1), dt.date(2021, 6, 30)), Duration(dt.date(2020, 1, 1), dt.date(2020, 6, 30))]
    assert (inc.scale, inc.shares_scale, inc.per_share_scale) == (3, 0, 0)


def test_equity_components_and_row_periods(filing):
    eq = filing.tables[6]
    assert [c.component for c in eq.columns] == ["common_stock", "common_stock", "treasury_stock", "treasury_stock",
                                                  "apic", "retained_earnings", "aoci", "total"]
    assert [c.is_shares for c in eq.columns] == [True, False, True, False, False, False, False, False]
    assert eq.columns[-1].members == ()
    assert eq.rows[0].period_override == Instant(dt.date(2020, 12, 31))
    assert eq.rows[1].period_override == Duration(dt.date(2021, 1, 1), dt.date(2021, 3, 31))
    # the prior-year table has no balance-sheet match and reuses the first table's layout
    assert [c.component for c in filing.tables[7].columns] == [c.component for c in eq.columns]


def test_totals_found_by_sum(filing):
    bs = filing.tables[0]
    totals = {r.label for r in bs.rows if r.is_total}
    assert {"Total current assets", "Total assets", "Total liabilities"} <= totals


def test_no_statements():
    doc_text = "Some prose about the company. It had a good year.\nRevenue grew 10%.\n"
    from converter.model import Document, InputKind
    doc = Document("x.txt", InputKind.TEXT, doc_text, parse_text(doc_text), "0")
    with pytest.raises(NoStatementsError):
        detect(doc)


def test_untagged_tables_are_reported_with_a_reason():
    text = ("Item 1. Business\nSelected figures follow for readers.\nStores by region\nEast12\xa014\xa0\nWest7\xa08\xa0\n\n"
            + SEED.read_text(encoding="utf-8"))
    from converter.model import Document, InputKind
    doc = Document("x.txt", InputKind.TEXT, text, parse_text(text), "0")
    filing = detect(doc)
    assert any("outside the financial statements" in s or "no period" in s for s in filing.skipped)


def test_equity_columns_from_captions_with_noncontrolling_interest():
    """Captions name the components; with a noncontrolling column the subtotal is the parent's."""
    from converter.detect.equity import equity_columns
    from converter.model import Column, RawTable
    raw = RawTable(0, ("(in millions) | Common shares outstanding | Common stock | Treasury stock | Retained earnings"
                       " | Total stockholders' equity | Noncontrolling interest | Total equity",), (), 7)
    cols = [Column(i, "", Instant(dt.date(2024, 12, 31)), "") for i in range(7)]
    out = equity_columns(raw, cols, [], None, None)
    assert [c.component for c in out] == ["common_stock", "common_stock", "treasury_stock", "retained_earnings",
                                          "parent", "noncontrolling", "total"]
    assert [c.is_shares for c in out][:2] == [True, False]
    assert out[-1].members == ()


def test_balance_sheet_years_follow_the_documents_order_when_the_header_lost_them(tmp_path):
    """Alphabet shows 2023 before 2024 and says so ("as of December 31, 2023 and 2024");
    the text copy's header keeps only 'December 31,' over both columns."""
    from conftest import stripped
    src = stripped(tmp_path, "googl-10-k-2025-02-05", "text-noyears")
    filing = detect(read(src))
    balance = next(t for t in filing.tables if t.kind is StatementKind.BALANCE)
    assert [c.period for c in balance.columns] == [Instant(dt.date(2023, 12, 31)), Instant(dt.date(2024, 12, 31))]


def test_a_line_of_years_over_runs_of_captions_dates_each_run(tmp_path):
    """Amazon's intangible assets copied with their years: "December 31," over "2023 2024"
    over "Acquired Intangibles, Gross | Accumulated Amortization | Acquired Intangibles, Net"
    twice and "Weighted Average Life Remaining". The date gave all seven columns December
    31, 2023; each run of captions is one of the line's years, the caption after the runs
    the latest (as when the copy has lost the years)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07", "text")))
    table = next(t for t in filing.tables if any(r.label.startswith("Contract-based") for r in t.rows))
    ends = [Instant(dt.date(2023, 12, 31))] * 3 + [Instant(dt.date(2024, 12, 31))] * 4
    assert [c.period for c in table.columns] == ends


def test_a_scale_caption_line_heads_no_section(tmp_path):
    """Nike's text copy puts '(In millions, except per share data)' on its own line above the
    rows; read as a section heading, its 'per share' made every line a per-share amount."""
    from converter.mapping import map_filing
    from conftest import stripped
    src = stripped(tmp_path, "nke-10-k-2025-07-17", "text-noyears")
    filing = detect(read(src))
    income = next(t for t in filing.tables if t.kind is StatementKind.INCOME)
    revenues = next(r for r in income.rows if r.label == "Revenues")
    assert "per share" not in revenues.section
    facts = [f for f in map_filing(filing, exclude_company="nke").facts
             if f.source.table == income.index and f.source.row == revenues.index]
    from converter.model import USD
    assert sorted(f.value for f in facts)[-1] == 51362000000 and {f.unit for f in facts} == {USD}


def test_a_sentence_above_the_note_heading_a_copy_ran_into_a_header_is_not_its_scale(tmp_path):
    """The crafted manufacturer's 10-K copied without its lines of years: 'Note 16.
    Supplemental Cash Flow Information' lands in the header of its rows, right under the
    table of the note before, whose '... consisted of the following (in millions):' was the
    paragraph above. That sentence introduced the other note's table: the HTML reads cash
    paid for interest as shown (no scale of its own), and so does the copy now; it was in
    millions. A scale alone above ("(In millions)") is still the notes' scale."""
    from converter.mapping import map_filing
    body = ("CONSOLIDATED BALANCE SHEETS\n(in millions)\nDecember 31, 2024 December 31, 2023\n"
            "Cash and cash equivalents$ 900 $ 800\nTotal assets$ 5,100 $ 4,800\n"
            "Total liabilities and stockholders' equity$ 5,100 $ 4,800\n"
            "CONSOLIDATED STATEMENTS OF INCOME\nYears Ended December 31, 2024 2023 2022\n"
            "Net sales$ 5,200 $ 4,940 $ 4,680\nNet income$ 640 $ 600 $ 560\n"
            "Note 15. Other Income (Expense), Net\n"
            "Other income (expense), net consisted of the following (in millions):\n"
            "Interest income$ 30 $ 25 $ 5\nOther, net2 1 (1)\nTotal other income (expense), net$ 32 $ 26 $ 4\n"
            "Note 16. Supplemental Cash Flow Information\n"
            "{scale}Cash paid for interest$ 90 $ 88 $ 80\nCash paid for income taxes, net of refunds160 150 140\n")
    for scale, expected in (("", Decimal(90)), ("(In millions)\n", Decimal(90_000_000))):
        src = tmp_path / f"copy{len(scale)}.txt"
        src.write_text(body.format(scale=scale))
        paid = [f.value for f in map_filing(detect(read(src))).facts if f.label == "Cash paid for interest"]
        assert paid and paid[0] == expected, scale


def test_a_fiscal_year_end_between_two_named_dates_is_the_same_every_run():
    """Two dates as near as each other: the earlier, not whichever a set yields first
    (Visa's output changed with PYTHONHASHSEED)."""
    from types import SimpleNamespace
    from converter.detect.periods import fiscal_year_end_near
    target = dt.date(2024, 9, 30)
    for order in ([dt.date(2024, 9, 27), dt.date(2024, 10, 3)], [dt.date(2024, 10, 3), dt.date(2024, 9, 27)]):
        facts = SimpleNamespace(dates=frozenset(order), period_end=dt.date(2025, 9, 26))  # a 52/53-week year
        assert fiscal_year_end_near(target, facts) == dt.date(2024, 9, 27)


def test_equity_columns_shares_caption_and_the_last_of_two_equity_totals(tmp_path):
    """Walmart's equity statement: 'Shares | Amount' under Common Stock, then 'Total Walmart
    Shareholders' Equity', noncontrolling interest and 'Total Shareholders' Equity'."""
    from conftest import stripped
    src = stripped(tmp_path, "wmt-10-k-2025-03-14", "html")
    equity = next(t for t in detect(read(src)).tables if t.kind is StatementKind.EQUITY)
    assert [(c.component, c.is_shares) for c in equity.columns] == [
        ("common_stock", True), ("common_stock", False), ("apic", False), ("retained_earnings", False),
        ("aoci", False), ("parent", False), ("noncontrolling", False), ("total", False)]


INDUSTRIAL = REPO / "tests" / "fixtures" / "html" / "industrial-10k.htm"


def test_equity_captions_whose_words_run_over_two_header_rows_name_their_component():
    """A crafted industrial's equity statement breaks captions over its two header rows:
    "Accumulated Other" over "Comprehensive Loss", "Total Halvorsen" over "Shareholders'
    Equity", beside "Noncontrolling Interests" and "Total Equity". Before, the first was a
    company component of its own ("Comprehensive Loss", every OCI and balance line on a
    company member) and the second the statement's total, whose balances then conflicted
    with the last column's. Each column's cells read as one caption name AOCI and the
    parent's total now."""
    equity = next(t for t in detect(read(INDUSTRIAL)).tables if t.kind is StatementKind.EQUITY)
    assert [(c.component, c.is_shares) for c in equity.columns] == [
        ("common_stock", True), ("common_stock", False), ("apic", False), ("retained_earnings", False),
        ("aoci", False), ("treasury_stock", True), ("treasury_stock", False), ("parent", False),
        ("noncontrolling", False), ("total", False)]
    assert equity.columns[4].header == "Accumulated Other Comprehensive Loss"


def test_the_covers_period_outweighs_the_oldest_year_of_three_year_statements():
    """An annual report with years in ascending order names "Year Ended December 31, 2022"
    over every three-year table; its cover names the year it reports on."""
    from converter.detect.document import _period_end
    body = "Year Ended December 31,\n2022 2023 2024\n" * 20 + "in the year ended December 31, 2024\n"
    cover = "FORM 10-K\nANNUAL REPORT ... For the fiscal year ended December 31, 2024\nor TRANSITION REPORT\n"
    assert _period_end(body)[0] == dt.date(2022, 12, 31)  # counting alone picks the oldest year
    end, evidence, _ = _period_end(cover + body)
    assert end == dt.date(2024, 12, 31) and "cover" in evidence
    late = "x " * 5000 + cover + body  # a "for the year ended" deep in the text is not the cover
    assert _period_end(late)[0] == dt.date(2022, 12, 31)


def test_a_dotted_capital_i_keeps_the_quick_search_for_ended_and_this_report():
    """"İ" lowers to two characters; the lowered text keeps it one ("i", as IGNORECASE
    reads it), so the phrases found from its "ended" and "this" are the full scans' own."""
    from converter.detect.document import (ENDED_DATE, THIS_REPORT, YEAR_ENDED, _ended_matches, _lowered,
                                           _this_report_matches)
    text = ("Coca-Cola İçecek A.Ş. THİS QUARTERLY REPORT for the three months ended June 27, 2025 "
            "and 2024; İn the years ended December 31, 2024, thİs Form 10-Q and the six months ENDED "
            "June 27, 2025.")
    lowered = _lowered(text)
    assert lowered is not None and len(lowered) == len(text)
    spans = [m.span() for m in _ended_matches(ENDED_DATE, text, lowered, 4, 8)]
    assert spans == [m.span() for m in ENDED_DATE.finditer(text)] and len(spans) == 3
    assert [m.span() for m in _ended_matches(YEAR_ENDED, text, lowered, 4, 5)] == \
        [m.span() for m in YEAR_ENDED.finditer(text)]
    spans = [m.span() for m in _this_report_matches(text, lowered)]
    assert spans == [m.span() for m in THIS_REPORT.finditer(text)] and len(spans) == 2


def test_an_equity_roll_forward_is_equity_when_a_comprehensive_statement_is_already_taken(tmp_path):
    """Coca-Cola's equity changes sit in Note 11; copy-paste text runs its column captions
    together, so 'Comprehensive Income (Loss)' signals outscore equity's. The comprehensive
    income statement came first, so the table is the equity statement its rows say it is."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")))
    changes = [t for t in filing.tables if any("Purchases of treasury stock" in r.label for r in t.rows)]
    assert changes and all(t.kind is StatementKind.EQUITY for t in changes)
    assert sum(t.kind is StatementKind.COMPREHENSIVE for t in filing.tables) == 1


def test_a_total_naming_its_heading_closes_the_section(tmp_path):
    """Nike's balance sheet heads 'Current liabilities:' and goes on after 'Total current
    liabilities' with no new heading: those lines are not current, and the one learned
    label 'Operating lease liabilities' then takes the noncurrent concept."""
    from converter.mapping import map_filing
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "nke-10-k-2025-07-17")))
    balance = next(t for t in filing.tables if t.kind is StatementKind.BALANCE)
    labels = [r.label for r in balance.rows]
    closing = labels.index("Total current liabilities")
    assert "current liabilities" in balance.rows[closing - 1].section.lower()
    after = [r for r in balance.rows[closing + 1:] if not r.is_abstract]
    assert after and all("current" not in r.section.lower() for r in after[:3])
    lease = next(r for r in after if r.label == "Operating lease liabilities")
    concepts = {f.concept.local for f in map_filing(filing, exclude_company="nke").facts
                if f.source.table == balance.index and f.source.row == lease.index}
    assert concepts == {"OperatingLeaseLiabilityNoncurrent"}


def test_learned_labels_on_the_balance_sheet_keep_to_their_side(tmp_path):
    """'Deferred income taxes' is an asset above total assets and a liability below it
    (Mastercard shows both): the learned concept of the row's balance comes first."""
    from converter.mapping import map_filing
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "ma-10-k-2025-02-12")))
    balance = next(t for t in filing.tables if t.kind is StatementKind.BALANCE)
    rows = [r for r in balance.rows if r.label == "Deferred income taxes"]
    assert len(rows) == 2
    facts = map_filing(filing, exclude_company="ma").facts
    concept = {r.index: {f.concept.local for f in facts if f.source.table == balance.index and f.source.row == r.index}
               for r in rows}
    assert concept[rows[0].index] == {"DeferredIncomeTaxAssetsNet"}
    assert concept[rows[1].index] == {"DeferredIncomeTaxLiabilitiesNet"}


def test_an_exhibit_index_is_left_untagged_with_its_reason(tmp_path):
    """Meta's Item 15 lists exhibits with their numbers and filing dates under a heading
    that also names 'Financial Statement Schedules': numbers, but no amounts to tag."""
    from conftest import stripped
    from converter.detect import EXHIBIT_INDEX
    filing = detect(read(stripped(tmp_path, "meta-10-k-2025-01-30")))
    assert any("exhibit index" in reason for reason in filing.skipped)
    assert not any(EXHIBIT_INDEX.search(" ".join(t.raw.header)) for t in filing.tables if t.raw is not None)
    assert not EXHIBIT_INDEX.search("Exhibit 10.1 amounts | 2024 | 2023")
    # Adobe heads its list "Incorporated by Reference" over "Exhibit Number | Exhibit Description"
    adobe = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13")))
    assert not [t for t in adobe.tables if "Incorporated by Reference" in " ".join(t.raw.header)]
    assert any("exhibit index" in reason for reason in adobe.skipped)
    assert EXHIBIT_INDEX.search("ExhibitDescriptionReference")  # Home Depot's, copied as text


def test_blocks_of_repeated_lines_without_their_year_rows_are_the_years_back(tmp_path):
    """UnitedHealth's segment note copied without its year rows: 'Revenues - unaffiliated
    customers:' opens three blocks of nearly the same lines, 2024, 2023 and 2022."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "unh-10-k-2025-02-27", "text-noyears")))
    table = next(t for t in filing.tables if t.kind is StatementKind.NOTE and t.rows
                 and t.rows[0].label.startswith("Revenues - unaffiliated customers"))
    ends = [r.period_override.end.year for r in table.rows if r.label.startswith("Premiums")]
    assert ends == [2024, 2023, 2022]
    assert all("repeating the table's lines" in r.period_evidence for r in table.rows if r.label.startswith("Premiums"))


def test_an_equity_column_no_standard_component_names_is_the_companys_own(tmp_path):
    """Procter & Gamble's 'Reserve for ESOP Debt Retirement' column: the other captions
    still place their columns (shares and amount of common stock, the total after the
    noncontrolling interest), and the column gets a company member of its own."""
    from conftest import stripped
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24")))
    equities = [t for t in filing.tables if t.kind is StatementKind.EQUITY]
    assert len(equities) == 4
    for t in equities:
        assert [(c.component, c.is_shares) for c in t.columns[:2]] == [("common_stock", True), ("common_stock", False)]
        assert t.columns[-1].component == "total"
        assert t.columns[4].header == "Reserve for ESOP Debt Retirement"
    facts = map_filing(filing, exclude_company="pg").facts
    own = {m.local for f in facts if f.source.table == equities[0].index and f.source.column == 4
           for _, m in f.context.dimensions}
    assert own == {"ReserveForEsopDebtRetirementMember"}


def test_a_column_between_two_balance_dates_is_the_movement_between_them(tmp_path):
    """Salesforce's intangible assets: 'January 31, 2024 | Additions and retirements, net |
    January 31, 2025' under 'Intangible Assets, Gross' (and again for the amortization):
    the middle column is the year between the two balances, and each balance its own date
    (the columns were read as nine year ends back to 2016)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "crm-10-k-2025-03-05")))
    table = next(t for t in filing.tables if t.columns and "Additions and retirements, net" in " ".join(t.raw.header))
    periods = [c.period for c in table.columns[:3]]
    assert periods == [Instant(dt.date(2024, 1, 31)), Duration(dt.date(2024, 2, 1), dt.date(2025, 1, 31)),
                       Instant(dt.date(2025, 1, 31))]


def test_several_columns_between_two_balance_dates_are_each_the_movement(tmp_path):
    """Adobe's AOCI components: 'December 1, 2023 | Increase / Decrease | Reclassification
    Adjustments | November 29, 2024': both middle columns are the fiscal year's movements."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13")))
    table = next(t for t in filing.tables if "Reclassification Adjustments" in " ".join(t.raw.header)
                 and "December 1, 2023" in " ".join(t.raw.header))
    assert [c.period for c in table.columns] == [
        Instant(dt.date(2023, 12, 1)), Duration(dt.date(2023, 12, 2), dt.date(2024, 11, 29)),
        Duration(dt.date(2023, 12, 2), dt.date(2024, 11, 29)), Instant(dt.date(2024, 11, 29))]


def test_a_reserve_roll_forward_dates_its_balances_and_the_spans_its_lines_name(tmp_path):
    """P&G's restructuring reserve: 'RESERVE JUNE 30, 2024', costs incurred 'for the six months
    ended December 31, 2024', 'for the three months ended March 31, 2025' and 'for the nine
    months ended March 31, 2025', costs paid, 'RESERVE MARCH 31, 2025': the reserve rows are
    balances at their dates, each line of costs is of the span its label names."""
    from converter.detect.periods import row_balance_date
    assert row_balance_date("RESERVE JUNE 30, 2024") == dt.date(2024, 6, 30)
    assert row_balance_date("Reserves for returns") is None
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24")))
    table = next(t for t in filing.tables if any(r.label == "RESERVE JUNE 30, 2024" for r in t.rows))
    periods = {r.label: r.period_override for r in table.rows}
    assert periods["RESERVE JUNE 30, 2024"] == Instant(dt.date(2024, 6, 30))
    assert periods["Costs incurred for the six months ended December 31, 2024"] == \
        Duration(dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    assert periods["Costs incurred for the three months ended March 31, 2025"] == \
        Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert periods["Costs paid/settled for the nine months ended March 31, 2025"] == \
        Duration(dt.date(2024, 7, 1), dt.date(2025, 3, 31))


def test_a_balance_named_with_its_date_after_a_dash_dates_its_row(tmp_path):
    """Amazon's goodwill roll-forward: 'Goodwill - January 1, 2023' / 'Acquisition activity'
    / ... / 'Goodwill - December 31, 2023': the dated rows are balances at their dates
    (January 1 is the balance at the end of the day before), the rows between are the year."""
    from converter.detect.periods import row_balance_date
    assert row_balance_date("Goodwill - December 31, 2023") == dt.date(2023, 12, 31)
    assert row_balance_date("Senior notes due March 15, 2030") is None
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07")))
    table = next(t for t in filing.tables if any(r.label == "Goodwill - January 1, 2023" for r in t.rows))
    rows = {r.label: r.period_override for r in table.rows if r.label in ("Goodwill - January 1, 2023",
                                                                             "Goodwill - December 31, 2023")}
    assert rows["Goodwill - January 1, 2023"] == Instant(dt.date(2022, 12, 31))
    assert rows["Goodwill - December 31, 2023"] == Instant(dt.date(2023, 12, 31))
    acquisitions = next(r for r in table.rows if r.label == "Acquisition activity")
    assert acquisitions.period_override == Duration(dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_tables_a_sentence_introduces_after_the_cash_flow_statement_are_notes(tmp_path):
    """Meta's revenue by source and by geography follow the cash flow statement under the
    same year columns, but each has its own 'consists of the following (in millions):'
    and Note 2's heading: note tables, not supplemental lines of the statement."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "meta-10-k-2025-01-30")))
    for label in ("Reality Labs", "Rest of World"):
        table = next(t for t in filing.tables if any(r.label == label for r in t.rows))
        assert table.kind is StatementKind.NOTE, (label, table.title)
    supplemental = next(t for t in filing.tables if any(r.label.startswith("Supplemental cash flow") for r in t.rows))
    assert supplemental.kind is StatementKind.CASHFLOW


def test_an_item_heading_laid_out_as_a_one_line_table_closes_the_previous_item(tmp_path):
    """Amazon sets 'Item 7. | Management's Discussion ...' as a one-row table: the free cash
    flow reconciliations of its MD&A are outside the financial statements, left untagged."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07")))
    assert not any(r.label == "Free cash flow" for t in filing.tables for r in t.rows)
    assert any("outside the financial statements (Item 7. Management" in s for s in filing.skipped)
    assert all(t.raw.item.startswith("Item 8.") for t in filing.tables if t.kind.primary)


def test_without_a_financial_statements_heading_later_items_are_still_left_out(tmp_path):
    """Netflix's HTML sets no "Item 1" heading the reader finds over its statements, but
    heads its MD&A and Part II: their tables (constant currency revenue, contractual
    obligations, stock repurchases) follow the notes and are not tagged."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "nflx-10-q-2025-07-18")))
    assert any(t.kind.primary for t in filing.tables)
    assert not [t.raw.item for t in filing.tables if t.raw.item.startswith("Item 2")]
    assert any("outside the financial statements (Item 2.Management" in s for s in filing.skipped)


def test_a_total_above_plus_the_lines_since_is_a_grand_total(tmp_path):
    """Adobe's revenue by geography: 'Total Americas', 'EMEA', 'APAC', then 'Revenue' (their
    sum, named as no total) closes the table. A net amount after a deduction ('Less accumulated
    depreciation') and a roll-forward's next balance are no such total."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13")))
    table = next(t for t in filing.tables if [r.label for r in t.rows][:7] == [
        "Americas", "United States", "Other", "Total Americas", "EMEA", "APAC", "Revenue"])
    assert [r.label for r in table.rows if r.is_total] == ["Total Americas", "Revenue"]
    for deducted, net in (("Less accumulated depreciation", "Property, net"), ("Additions", "Balance as of June 30")):
        rows = [LineItem(index=i, label=label, cells=tuple(RawCell(text=v, value=Decimal(v)) for v in values))
                for i, (label, values) in enumerate((("A", ("1",)), ("B", ("2",)), ("Total", ("3",)),
                                                     (deducted, ("-1" if deducted.startswith("Less") else "1",)),
                                                     (net, ("2" if deducted.startswith("Less") else "4",))))]
        rows[2] = replace(rows[2], is_total=True)
        assert not _adds_to_total(rows, 4, 3)
    rows[4] = replace(rows[4], label="Net sales")
    assert _adds_to_total(rows, 4, 3)


def test_a_group_named_in_a_first_label_column_heads_its_lines(tmp_path):
    """AbbVie's product revenue table names each product once, in a first label column beside
    its 'United States' line; its 'International' and 'Total' lines leave that column blank.
    The product heads the group's lines, each line keeps its own label, and the group's
    'Total' adds up its lines, not the table's lines above."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "abbv-10-k-2025-02-14")))
    table = next(t for t in filing.tables if any(r.section == "Humira" for r in t.rows))
    humira = [r for r in table.rows if r.section == "Humira"]
    assert [(r.label, r.is_total) for r in humira] == [("United States", False), ("International", False),
                                                      ("Total", True)]
    # a column of text beside every label is no group: NVIDIA's 'Level 1', 'Level 2'
    nvda = detect(read(stripped(tmp_path, "nvda-10-q-2025-08-27")))
    pricing = next(t for t in nvda.tables if t.title.startswith("Pricing Category"))
    assert all(r.section != r.label for r in pricing.rows) and not any(r.label.startswith("Level") for r in pricing.rows)


def test_captions_run_together_after_a_year_or_a_one_letter_word_are_split(tmp_path):
    """Copied text runs a header's cells together: "Six Months Ended June 27, 2025Before-Tax
    AmountIncome TaxAfter-Tax Amount" names three columns after its period, and Visa's
    "Series BSeries C..." one preferred series per column."""
    from conftest import stripped
    from converter.detect import split_header_pieces

    assert split_header_pieces("Series BSeries CSeries B") == ["Series B", "Series C", "Series B"]
    assert split_header_pieces("Fiscal 2024 Total") == ["Fiscal 2024 Total"]  # a year inside a caption stays
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")))
    taxed = [t for t in filing.tables if "Before-Tax Amount" in " ".join(t.raw.header)]
    assert taxed and all([c.label for c in t.columns] == ["Before-Tax Amount", "Income Tax", "After-Tax Amount"]
                         for t in taxed)


def test_captions_run_together_after_an_abbreviation_are_split(tmp_path):
    """Walmart's copied goodwill roll-forward heads its segments "Walmart U.S.WalmartInternational
    Sam's Club U.S.Total": a capitalised word right after "U.S." starts the next caption."""
    from conftest import stripped
    from converter.detect import split_header_pieces

    assert split_header_pieces("Walmart U.S.WalmartInternational") == ["Walmart U.S.", "Walmart", "International"]
    assert split_header_pieces("U.S. Treasury securities") == ["U.S. Treasury securities"]
    filing = detect(read(stripped(tmp_path, "wmt-10-k-2025-03-14", "text-noyears")), exclude_company="wmt")
    goodwill = next(t for t in filing.tables if "goodwill activity" in t.title)
    assert [c.label for c in goodwill.columns] == ["Walmart U.S.", "Walmart International", "Sam's Club U.S.", "Total"]


def test_an_acronym_run_into_the_next_caption_is_split(tmp_path):
    """Amazon's copied goodwill roll-forward heads its segments "NorthAmericaInternational
    AWSConsolidated": a capitalised word after an acronym starts the next caption; a plural
    acronym ("ESOPs") stays whole."""
    from conftest import stripped
    from converter.detect import split_header_pieces

    assert split_header_pieces("InternationalAWSConsolidated") == ["International", "AWS", "Consolidated"]
    assert split_header_pieces("ESOPs Granted") == ["ESOPs Granted"]
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07", "text-noyears")), exclude_company="amzn")
    goodwill = next(t for t in filing.tables if any(r.label.startswith("Goodwill - January 1") for r in t.rows))
    assert [c.label for c in goodwill.columns] == ["North America", "International", "AWS", "Consolidated"]


def test_the_caption_of_a_column_of_words_heads_no_value_column(tmp_path):
    """Coca-Cola's copied hedge table: "Gain (Loss)Recognized in OCIFinancial Statement Line
    Item ImpactedGain (Loss) Reclassified from AOCI into Income" over two value columns and a
    column of words: the words' caption is theirs, the other pieces the value columns'."""
    from conftest import stripped

    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")), exclude_company="ko")
    hedges = [t for t in filing.tables if "Recognized in OCIFinancial" in " ".join(t.raw.header)]
    assert hedges and all([c.label for c in t.columns] == ["Gain (Loss) Recognized in OCI",
                                                            "Gain (Loss) Reclassified from AOCI into Income"]
                          for t in hedges)


def test_run_together_captions_are_grouped_by_the_captions_other_companies_print(tmp_path):
    """Copied text runs Apple's captions and their wrapped lines together
    ("AdjustedCostUnrealizedGains...Non-CurrentMarketableSecurities"); grouped by the captions
    at least two other companies print, its columns get the captions the HTML shows."""
    from conftest import stripped
    from converter.detect import caption_key, grouped_captions, known_captions

    known = known_captions("aapl")  # nothing learned from Apple's own filing
    assert caption_key("Adjusted Cost") in known
    assert caption_key("Non-Current Marketable Securities") not in known  # Apple's own words
    text = detect(read(stripped(tmp_path, "aapl-10-q-2025-08-01", "text-noyears")), exclude_company="aapl")
    html = detect(read(stripped(tmp_path, "aapl-10-q-2025-08-01", "html")))
    captions = ["Adjusted Cost", "Unrealized Gains", "Unrealized Losses", "Fair Value", "Cash and Cash Equivalents",
                "Current Marketable Securities", "Non-Current Marketable Securities"]
    for filing in (text, html):  # the text runs its two dates' tables into one
        assert any([c.label for c in t.columns] == captions for t in filing.tables)
    # a caption left open by its last word takes the next piece; too few known captions, no grouping
    assert grouped_captions(["Cash and", "Cash", "Equivalents", "Fair", "Value"], 2, known) == \
        ["Cash and Cash Equivalents", "Fair Value"]
    assert grouped_captions(["Alpha", "Beta", "Gamma", "Delta"], 2, known) is None
    # the label column's scale caption is no column's ("shares in thousandsNumber ofShares...", Home Depot)
    assert grouped_captions(["shares in thousands", "Number of", "Shares", "Weighted Average", "Exercise Price"], 2,
                            known) == ["Number of Shares", "Weighted Average Exercise Price"]
    # a word that only begins a caption is not inside one: Amazon's "Cost orAmortizedCostGross..." is left
    # ungrouped rather than read as "Cost or Amortized Cost Gross Unrealized Gains | ... | Total"
    amazon = ["Cost or", "Amortized", "Cost", "Gross", "Unrealized", "Gains", "Gross", "Unrealized", "Losses",
              "Total", "Estimated", "Fair Value"]
    assert grouped_captions(amazon, 4, known_captions("amzn")) is None


def test_learned_captions_are_what_the_learner_makes(tmp_path):
    """The committed captions are what the script learns from the dev corpus (re-run it when
    the readers or the detector change)."""
    import importlib.util
    from conftest import REPO, SHARED

    spec = importlib.util.spec_from_file_location("learn_captions", REPO / "taxonomy_maps/scripts/learn_captions.py")
    learner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(learner)
    out = tmp_path / "captions.csv"
    assert learner.main(["--shared", str(SHARED), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (REPO / "taxonomy_maps/detect/learned_captions.csv").read_text(encoding="utf-8")


def test_run_together_captions_joined_as_the_documents_own_words_join_them(tmp_path):
    """Coca-Cola's segment captions are its own ("BottlingInvestments", "NorthAmerica" wrapped
    in their cells): no other company prints them, but the text itself says "Bottling
    Investments" and "North America", so those pieces join and the others stay apart."""
    from conftest import stripped

    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")), exclude_company="ko")
    segments = [t for t in filing.tables if any("BottlingInvestments" in h for h in t.raw.header)]
    assert segments and all([c.label for c in t.columns] == [
        "Europe, Middle East & Africa", "Latin America", "North America", "Asia Pacific", "Bottling Investments",
        "Corporate", "Eliminations", "Consolidated"] for t in segments)


def test_a_copied_segment_table_by_year_row_takes_its_captions_and_scale(tmp_path):
    """Procter & Gamble's copied segment results: 'Net SalesEarnings/(Loss) Before Income
    TaxesNet Earnings/(Loss) Net SalesEarnings/(Loss) ...' repeats three captions for each of
    its two periods, run together at a space where one run meets the next; 'Beauty2025 $3,490'
    over '2024 3,550' dates the rows by year; and the scale is the 'Amounts in millions of
    dollars ...' heading the page. Mapped, the columns name the amounts and the rows the
    segments."""
    from conftest import stripped
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24", "text-noyears")), exclude_company="pg")
    table = next(t for t in filing.tables if any(r.label == "Fabric & Home Care" and r.year for r in t.rows))
    assert [c.label for c in table.columns] == ["Net Sales", "Earnings/(Loss) Before Income Taxes",
                                                "Net Earnings/(Loss)"] * 2
    assert table.scale == 6
    beauty = [f for f in map_filing(filing, exclude_company="pg").facts
              if f.source.table == table.index and f.label == "Beauty"]
    sales = {(f.context.period, f.value) for f in beauty if f.concept.local.startswith("Revenue")}
    assert (Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31)), Decimal(3490000000)) in sales
    assert (Duration(dt.date(2024, 1, 1), dt.date(2024, 3, 31)), Decimal(3550000000)) in sales
    assert all(m.local == "BeautyMember" for f in beauty for a, m in f.context.dimensions
               if a.local == "StatementBusinessSegmentsAxis")


def test_copied_captions_over_dates_span_their_columns(tmp_path):
    """Coca-Cola's copied 'Pension PlansOther Postretirement Benefit Plans' stands over
    'June 27,2025June 28,2024June 27,2025June 28,2024': each caption heads two columns. A
    caption line over '(in millions)' alone spans nothing (Visa's wrapped 'GainsLosses')."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")), exclude_company="ko")
    costs = next(t for t in filing.tables if any(r.label == "Service cost" for r in t.rows))
    assert [c.label for c in costs.columns] == ["Pension Plans"] * 2 + ["Other Postretirement Benefit Plans"] * 2
    from converter.detect import spanning_captions
    assert spanning_captions(["Gains", "Losses"], 4, ("(in millions)",)) is None


def test_a_copied_caption_left_open_for_the_dates_below_spans_them(tmp_path):
    """Netflix's copied debt table: 'Principal Amount at ParLevel 2 Fair Value as of' over
    'June 30,2025December 31,2024Issuance DateMaturityJune 30,2025December 31,2024'. The
    'as of' waits for the dates below; each caption spans two value columns, and the
    columns' amounts are the notes' face amounts and fair values, as in the HTML."""
    from conftest import stripped
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "nflx-10-q-2025-07-18", "text-noyears")), exclude_company="nflx")
    table = next(t for t in filing.tables if any(r.label.startswith("4.375% Senior Notes") for r in t.rows))
    assert [c.label for c in table.columns] == ["Principal Amount at Par"] * 2 + ["Level 2 Fair Value"] * 2
    facts = [f for f in map_filing(filing, exclude_company="nflx").facts
             if f.source.table == table.index and f.label.startswith("4.375% Senior Notes")]
    by_column = {f.source.column: f.concept.local for f in facts if f.source.column < len(table.columns)}
    assert by_column == {0: "DebtInstrumentFaceAmount", 1: "DebtInstrumentFaceAmount",
                         2: "LongTermDebtFairValue", 3: "LongTermDebtFairValue"}
    assert all(("LongtermDebtTypeAxis", "SeniorNotesMember") in {(a.local, m.local) for a, m in f.context.dimensions}
               for f in facts)


def test_copied_captions_closing_on_marks_name_their_columns(tmp_path):
    """Visa's copied EPS tables caption six columns in one line, each caption closing on a
    mark ('IncomeAllocation(A)(1) Weighted-AverageSharesOutstanding (B) Earnings perShare
    =(A)/(B)(2) ...'): cut after the marks, the columns read as in the HTML, each class's
    income allocation, shares and EPS, basic then diluted."""
    from conftest import stripped
    from converter.detect import _marked_captions
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    table = next(t for t in filing.tables if "earnings per share" in t.title.lower()
                 and any(r.label == "Class B-1 common stock" for r in t.rows))
    assert [c.label for c in table.columns] == ["Income Allocation (A)", "Weighted-Average Shares Outstanding (B)",
                                                "Earnings per Share =(A)/(B)"] * 2
    concepts = [f.concept.local for f in map_filing(filing, exclude_company="v").facts
                if f.source.table == table.index and f.label == "Class B-1 common stock"]
    assert concepts[:6] == ["NetIncomeLossAvailableToCommonStockholdersBasic", "WeightedAverageNumberOfSharesOutstandingBasic",
                        "EarningsPerShareBasic", "NetIncomeLossAvailableToCommonStockholdersDiluted",
                        "WeightedAverageNumberOfDilutedSharesOutstanding", "EarningsPerShareDiluted"]
    # a scale in parentheses closes no caption
    assert _marked_captions("Scheduled Maturity (Dollars in millions) ORIGINAL PRINCIPAL 2025 2024", 2) is None


def test_copied_fiscal_year_headings_date_their_rows(tmp_path):
    """Adobe's copied segment results and repurchases: 'Fiscal 2024' sits in the header over
    the first rows, 'Fiscal 2023' and 'Fiscal 2022' head the rest. The rows under each take
    that fiscal year; the year in the header is the latest, the one reported on."""
    import datetime as dt
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13", "text-noyears")), exclude_company="adbe")
    table = next(t for t in filing.tables if any(r.label.startswith("Gross profit as a percentage") for r in t.rows))
    periods = [r.period_override for r in table.rows if r.label == "Revenue"]
    assert [p.end if p is not None else None for p in periods] == [None, dt.date(2023, 12, 1), dt.date(2022, 12, 2)]
    assert str(table.columns[0].period) == "2024-11-29"  # the first rows: the year reported on


def test_copied_level_captions_run_together_are_split():
    """Coca-Cola's copied 'June 27, 2025Level 1Level 2Level 3Other3...' runs its fair value
    level captions together after the level's digit: each level is a caption of its own."""
    from converter.detect import split_header_pieces
    assert split_header_pieces("June 27, 2025Level 1Level 2Level 3Other")[:5] == \
        ["June 27, 2025", "Level 1", "Level 2", "Level 3", "Other"]
    assert split_header_pieces("Series 2024 Notes") == ["Series 2024 Notes"]
    # Tesla numbers its levels in roman numerals: 'Fair ValueLevel ILevel IILevel IIIFair Value...'
    assert split_header_pieces("Fair ValueLevel ILevel IILevel IIIFair Value") == \
        ["Fair Value", "Level I", "Level II", "Level III", "Fair Value"]


def test_a_capitalized_unit_closes_its_caption_like_a_lower_case_one():
    """Salesforce's copied options header: '...Contractual Life(Years) Weighted-Average...'
    ends the remaining life's caption at '(Years)' as '(years)' would."""
    from converter.detect import split_header_pieces
    assert split_header_pieces("RemainingContractual Life(Years) Weighted-AverageExercisePrice") == \
        ["Remaining", "Contractual Life", "(Years)", "Weighted-Average", "Exercise", "Price"]
    assert split_header_pieces("Term (In Years) Aggregate") == ["Term (In Years)", "Aggregate"]


def test_segment_captions_run_together_are_grouped_by_the_documents_own_words():
    """UnitedHealth's copied header 'UnitedHealthcareOptum HealthOptum Insight...Corporate
    andEliminationsConsolidated' splits into ten pieces over eight columns: 'United' and
    'Healthcare' join because the document prints 'UnitedHealthcare' as one word, and
    'Corporate and' leaves its words open, so it joins 'Eliminations' whatever is known."""
    from converter.detect import grouped_captions
    pieces = ["United", "Healthcare", "Optum Health", "Optum Insight", "Optum Rx", "Optum Eliminations", "Optum",
              "Corporate and", "Eliminations", "Consolidated"]
    prose = "revenues of unitedhealthcare grew; optum health served more patients."
    assert grouped_captions(pieces, 8, frozenset({"consolidated"}), prose) == [
        "United Healthcare", "Optum Health", "Optum Insight", "Optum Rx", "Optum Eliminations", "Optum",
        "Corporate and Eliminations", "Consolidated"]
    # without the document printing the word, the join is not supported
    assert grouped_captions(pieces, 8, frozenset({"consolidated"}), "revenues grew.") is None


def test_dates_over_runs_of_repeated_captions_date_each_run(tmp_path):
    """Netflix's copied hedging table: 'Three Months Ended' over 'June 30, 2025June 30,
    2024' over 'Revenues | Cost of Revenues | Interest and other income (expense)' twice:
    the first three columns are of 2025, the last three of 2024 (not one year per column)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "nflx-10-q-2025-07-18", "text-noyears")), exclude_company="nflx")
    table = next(t for t in filing.tables if any(r.label.startswith("Total amounts presented") for r in t.rows))
    assert [c.period.end.year for c in table.columns] == [2025, 2025, 2025, 2024, 2024, 2024]


def test_runs_of_captions_under_a_yearless_date_are_years(tmp_path):
    """AbbVie's copied intangible assets table: 'as of December 31 (in millions) Gross
    carrying amountAccumulated amortizationNet carrying amount' twice, its year row lost:
    the first three columns are at December 31, 2024, the last three at 2023 (not six
    years back to 2019)."""
    import datetime as dt
    from conftest import stripped
    from converter.model import Instant
    filing = detect(read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears")), exclude_company="abbv")
    table = next(t for t in filing.tables if t.raw.ncols == 6 and
                 any(r.label.startswith("Developed product rights") for r in t.rows))
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 12, 31))] * 3 + [Instant(dt.date(2023, 12, 31))] * 3


def test_fair_value_level_captions_run_together_name_their_columns():
    """Copied fair value headers run the hierarchy's captions together; each '(Level n)'
    closes its column's caption, the totals after a run and the columns before the first
    level's 'Quoted prices ...' make up the rest (UnitedHealth, Mastercard's two dates,
    AbbVie's book and fair values)."""
    from converter.detect import level_captions
    assert level_captions("(in millions) Quoted Pricesin ActiveMarkets(Level 1) OtherObservableInputs(Level 2) "
                          "UnobservableInputs(Level 3) TotalFairValueTotal Carrying Value", 5) == [
        "Quoted Pricesin Active Markets (Level 1)", "Other Observable Inputs (Level 2)",
        "Unobservable Inputs (Level 3)", "Total Fair Value", "Total Carrying Value"]
    run = ["Quoted Pricesin Active Markets (Level 1)", "Significant Other Observable Inputs (Level 2)",
           "Significant Unobservable Inputs (Level 3)", "Total"]
    assert level_captions("Quoted Pricesin ActiveMarkets(Level 1) SignificantOtherObservableInputs(Level 2) "
                          "SignificantUnobservableInputs(Level 3) TotalQuoted Pricesin ActiveMarkets(Level 1) "
                          "SignificantOtherObservableInputs(Level 2) SignificantUnobservableInputs(Level 3) Total",
                          8) == run * 2
    assert level_captions("(in millions) Book valueApproximate fair valuesQuoted prices in active markets for "
                          "identical assets (Level 1) Significant other observable inputs (Level 2) Significant "
                          "unobservable inputs (Level 3)", 5)[:2] == ["Book value", "Approximate fair values"]
    # captions that do not make the columns: none
    assert level_captions("Quoted prices (Level 1) Other (Level 2)", 5) is None


def test_amount_and_rate_pairs_under_a_yearless_header_are_one_year_each(tmp_path):
    """Visa's copied rate reconciliation: 'For the Years Ended September 30,' over '$5,022 |
    21 % | $4,418 | 21 % | $3,809 | 21 %', the years lost: each amount and its rate are one
    fiscal year (2024, 2023, 2022), not six years back."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    table = next(t for t in filing.tables if any("statutory rate" in r.label for r in t.rows))
    assert [c.period.end.year for c in table.columns] == [2024, 2024, 2023, 2023, 2022, 2022]


def test_captions_in_capitals_run_together_are_cut_where_the_documents_words_part(tmp_path):
    """Nike's 'NORTH AMERICAEUROPE, MIDDLE EAST & AFRICAGREATER CHINA...' has no case change
    to cut at: a run of capitals the document prints apart in its prose ('America',
    'Europe') is cut between them, each cut ending a caption; footnote marks end one too."""
    from conftest import stripped
    from converter.detect import _words, caps_captions
    doc = read(stripped(tmp_path, "nke-10-k-2025-07-17", "text-noyears"))
    words = _words(doc.text)
    assert "americaeurope" not in words and "america" in words
    assert caps_captions("(Dollars in millions) NORTH AMERICAEUROPE, MIDDLE EAST & AFRICAGREATER CHINAASIA PACIFIC "
                         "& LATIN AMERICAGLOBAL BRAND DIVISIONSTOTAL NIKE BRANDCONVERSECORPORATETOTAL NIKE, INC.", 9,
                         words) == ["NORTH AMERICA", "EUROPE, MIDDLE EAST & AFRICA", "GREATER CHINA",
                                    "ASIA PACIFIC & LATIN AMERICA", "GLOBAL BRAND DIVISIONS", "TOTAL NIKE BRAND",
                                    "CONVERSE", "CORPORATE", "TOTAL NIKE, INC."]
    assert caps_captions("(Dollars in millions) FOREIGN CURRENCY TRANSLATION ADJUSTMENT(1) CASH FLOW HEDGESNET "
                         "INVESTMENT HEDGES(1) OTHERTOTAL", 5, words)[:2] == [
        "FOREIGN CURRENCY TRANSLATION ADJUSTMENT", "CASH FLOW HEDGES"]
    assert caps_captions("Mixed Case Captions Here", 4, words) is None


def test_fiscal_captions_over_pairs_of_columns_are_one_year_each(tmp_path):
    """Home Depot's copied 'FiscalFiscalFiscal' over 'NetSales% of Net Sales' three times,
    the years lost: three fiscal years of two columns each, and the run-together captions
    name no segment ('Net' is no member)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "hd-10-k-2025-03-21", "text-noyears")), exclude_company="hd")
    table = next(t for t in filing.tables if t.kind is StatementKind.NOTE and
                 any(r.label.startswith("Appliances") for r in t.rows))
    assert [c.period.end.year for c in table.columns] == [2025, 2025, 2024, 2024, 2023, 2023]
    assert "Net" not in [c.label for c in table.columns]


def test_an_undated_caption_before_dated_columns_is_at_the_latest_date(tmp_path):
    """Home Depot's copied debt table: 'PrincipalAmountFebruary 2,2025January 28,2024' over
    three columns: the two dates are the last two columns', the principal is at the latest
    (not three years back from 2025)."""
    import datetime as dt
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "hd-10-k-2025-03-21", "text-noyears")), exclude_company="hd")
    table = next(t for t in filing.tables if any("Senior notes due April 2025" in r.label for r in t.rows))
    assert [c.period for c in table.columns] == [Instant(dt.date(2025, 2, 2)), Instant(dt.date(2025, 2, 2)),
                                                 Instant(dt.date(2024, 1, 28))]


def test_one_copied_column_under_no_period_is_at_the_acquisition_date(tmp_path):
    """AbbVie's purchase price allocations, copied: '(in millions)' over one column, under
    '...final fair value of assets acquired and liabilities assumed as of the acquisition
    date:': the column is at the acquisition date the paragraphs above name (February 12,
    2024 for ImmunoGen), as the HTML reads it, not the fiscal year."""
    import datetime as dt
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears")), exclude_company="abbv")
    table = next(t for t in filing.tables if t.kind is StatementKind.NOTE and "final fair value" in
                 " ".join(t.raw.context_before) and any(r.label.startswith("Cash and equivalents") for r in t.rows))
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 2, 12))]


def test_dates_over_runs_of_columns_date_each_run_as_printed(tmp_path):
    """Alphabet's copied equity securities: 'As of December 31, 2023As of December 31, 2024'
    over 'Marketable | Non-Marketable | Total' twice: the first three columns are at the end
    of 2023 and the last three at the end of 2024, in the order printed."""
    import datetime as dt
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "googl-10-k-2025-02-05", "text-noyears")), exclude_company="googl")
    table = next(t for t in filing.tables if any(r.label == "Total initial cost" for r in t.rows))
    assert [c.period for c in table.columns] == [Instant(dt.date(2023, 12, 31))] * 3 + [Instant(dt.date(2024, 12, 31))] * 3


def test_whole_shares_between_percent_rows_are_rates(tmp_path):
    """Alphabet's copied revenue by geography: '$134,814 48 %' atop, '82,062 29' below and
    '$350,018 100 %' at the total: the bare '29' is a share in percent, so each amount and
    its share are one of the three years (oldest first, as Alphabet prints them)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "googl-10-k-2025-02-05", "text-noyears")), exclude_company="googl")
    table = next(t for t in filing.tables if t.kind is StatementKind.NOTE and
                 any(r.label.startswith("United States") for r in t.rows) and t.raw.ncols == 6)
    emea = next(r for r in table.rows if r.label.startswith("EMEA"))
    assert [c.percent for c in emea.cells] == [False, True] * 3
    assert [c.period.end.year for c in table.columns] == [2022, 2022, 2023, 2023, 2024, 2024]


def test_a_date_glued_to_its_year_then_more_years_names_one_year_per_column(tmp_path):
    """AbbVie's copied 'years ended December 312024 2023 2022' over three columns of rates:
    the date's own year, then the two others, one per column (not 2024 for all three)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears")), exclude_company="abbv")
    table = next(t for t in filing.tables if any(r.label == "Effect of foreign operations" for r in t.rows))
    assert [c.period.end.year for c in table.columns] == [2024, 2023, 2022]


def test_gross_alone_is_a_caption_before_one_that_only_begins_one(tmp_path):
    """Visa's copied intangible table: 'September 30,' over 'GrossAccumulatedAmortizationNet'
    twice, the years lost. 'Gross' leaves a caption open ('Gross Carrying Amount') but
    'Accumulated' can only begin one, so 'Gross' is a caption of its own; the two runs of
    three captions are the two dates, not six years."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    table = next(t for t in filing.tables if any(i.label == "Trade names" for i in t.rows) and len(t.columns) == 6)
    assert [c.label for c in table.columns] == ["Gross", "Accumulated Amortization", "Net"] * 2
    assert [c.period.date.year for c in table.columns] == [2024] * 3 + [2023] * 3


def test_a_column_of_rates_before_the_header_s_closing_years(tmp_path):
    """Adobe's copied debt table: 'Issuance DateDue DateEffective Interest Rate2024 2023'
    over a column of rates and two of amounts (the dates are text beside the labels). The
    years date the last two columns, the rate column is of the latest year, and the
    caption just before the years names it."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13", "text-noyears")), exclude_company="adbe")
    table = next(t for t in filing.tables if t.title.startswith("The carrying value of our borrowings"))
    assert [c.label for c in table.columns] == ["Effective Interest Rate", "", ""]
    assert [c.period.end.year for c in table.columns] == [2024, 2024, 2023]


def test_a_page_s_running_foot_is_no_context_above_a_table(tmp_path):
    """AbbVie's copied acquisition note: 'On August 1, 2024, AbbVie completed ... acquisition
    of Cerevel' sits four lines above the purchase price table, one of them the page foot
    '63 | 2024 Form 10-K'. Skipping the foot, the paragraph is context and dates the table."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears")), exclude_company="abbv")
    table = next(t for t in filing.tables if t.title.startswith("The following table summarizes the preliminary fair"))
    assert not any("Form 10-K" in line for line in table.raw.context_before)
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 8, 1))]


def test_a_useful_lives_column_before_two_dated_runs_of_captions(tmp_path):
    """Meta's copied intangible table: 'December 31, 2024December 31, 2023' over a column of
    useful lives then 'Gross Carrying Amount | Accumulated Amortization | Net Carrying
    Amount' twice. The lives are at the latest date, each date spans its three columns, the
    captions are split where the first runs on into a repeated one, and the totals, which
    show no life, sit under the amounts."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "meta-10-k-2025-01-30", "text-noyears")), exclude_company="meta")
    table = next(t for t in filing.tables if any(i.label == "Acquired technology" for i in t.rows))
    runs = ["Gross Carrying Amount", "Accumulated Amortization", "Net Carrying Amount"]
    assert [c.label for c in table.columns] == ["Weighted-Average Remaining Useful Lives (in years)"] + runs * 2
    assert [c.period.date.year for c in table.columns] == [2024] * 4 + [2023] * 3
    total = next(i for i in table.rows if i.label == "Total")
    assert total.cells[0] is None and total.cells[1].value == Decimal(1393)


def test_rate_columns_before_dated_ones_are_of_the_latest_date(tmp_path):
    """Amazon's debt table: 'Stated Interest Rates | Effective Interest Rates | December 31,
    2023 | December 31, 2024', the rates ranges ('4.80% - 4.95%'). The rates are those of
    the latest date, not of the first date printed."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07", "html")))
    table = next(t for t in filing.tables if any(i.label.startswith("2014 Notes issuance") for i in t.rows))
    assert [c.period.date for c in table.columns] == [dt.date(2024, 12, 31)] * 2 + [dt.date(2023, 12, 31),
                                                                                      dt.date(2024, 12, 31)]
    first = next(i for i in table.rows if i.label.startswith("2014 Notes issuance"))
    assert first.cells[0].value == Decimal("4.80") and first.cells[0].high.value == Decimal("4.95")


def test_a_columns_unit_in_years_does_not_date_copied_columns_as_years(tmp_path):
    """Adobe's copied performance share activity has lost its year rows; its header
    "Number of Shares (in millions) | ... | Weighted Average Remaining Contractual Life
    (years)" names a unit, not fiscal years: its four columns are not four years back
    (2024, 2023, 2022, 2021) but all of the report's date."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13", "text-noyears")), exclude_company="adbe")
    table = next(t for t in filing.tables if t.title.startswith("Performance share activity"))
    assert len(table.columns) == 4
    assert {c.period for c in table.columns} == {Instant(dt.date(2024, 11, 29))}


def test_run_together_fair_value_captions_with_glued_footnote_marks(tmp_path):
    """Coca-Cola's copied fair value tables open 'June 27, 2025Level 1Level 2Level
    3Other3NettingAdjustment4 Fair ValueMeasurements': a footnote digit glued to a word
    ends its caption ("Other3"), the date is the label column's, and the captions split
    where the known ones and the document's own words say, learned without Coca-Cola."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")), exclude_company="ko")
    fair_value = [t for t in filing.tables if any(r.label.startswith("Equity securities with readily") for r in t.rows)
                  and any(r.label == "Total liabilities" for r in t.rows)]
    assert len(fair_value) == 2
    for table in fair_value:
        assert [c.label for c in table.columns] == ["Level 1", "Level 2", "Level 3", "Other", "Netting Adjustment",
                                                    "Fair Value Measurements"]


def test_a_unit_in_parentheses_closes_a_run_together_caption(tmp_path):
    """Visa's copied award tables: 'UnitsWeighted-AverageGrant DateFair ValueWeighted-Average
    RemainingContractualTerm(in years) AggregateIntrinsicValue(1)(in millions)': '(in years)'
    ends the term's caption, the units column is the first, learned without Visa."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    units = next(t for t in filing.tables if t.title.startswith("The following table summarizes the Company’s RSU"))
    assert [c.label for c in units.columns] == ["Units", "Weighted-Average Grant Date Fair Value",
                                                "Weighted-Average Remaining Contractual Term (in years)",
                                                "Aggregate Intrinsic Value (1) (in millions)"]


def test_abbreviated_units_close_captions_of_a_row_dated_award_table(tmp_path):
    """Union Pacific's copied option activity: 'Options (thous.) Weighted-averageexercise
    priceWeighted-average remaining contractual term (in yrs.) Aggregate intrinsic value
    (millions)': '(thous.)' and '(in yrs.)' end their captions, four columns named."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "unp-10-q-2025-07-24", "text-noyears")), exclude_company="unp")
    options = next(t for t in filing.tables if any(r.label.startswith("Options exercisable at June 30") for r in t.rows))
    assert [c.label for c in options.columns] == ["Options (thous.)", "Weighted-averageexercise price",
                                                  "Weighted-average remaining contractual term (in yrs.)",
                                                  "Aggregate intrinsic value (millions)"]


def test_a_fiscal_year_caption_over_rows_of_years_dates_no_column(tmp_path):
    """Walmart's copied lease maturities: 'Fiscal YearOperating LeasesFinance Leases' over
    rows '2026', '2027', ... under 'The aggregate annual lease obligations at January 31,
    2025, are as follows:': 'Fiscal Year' captions the rows, so the two columns are not two
    lost years but the date of the sentence above."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "wmt-10-k-2025-03-14", "text-noyears")), exclude_company="wmt")
    leases = next(t for t in filing.tables if any(r.label == "Less imputed interest" for r in t.rows))
    assert [c.label for c in leases.columns] == ["Operating Leases", "Finance Leases"]
    assert {c.period for c in leases.columns} == {Instant(dt.date(2025, 1, 31))}


def test_years_lost_in_copying_end_on_the_month_end_of_a_month_end_calendar(tmp_path):
    """Visa's copied unrecognized tax benefits: three columns under '(in millions)', the
    years lost. Visa's year ends on September 30, so the years before end on September 30
    too, not on an 'October 1, 2023' its text names near a year back."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    benefits = next(t for t in filing.tables if any(r.label == "Reduction related to lapsing statute of limitations"
                                                    for r in t.rows))
    assert [c.period for c in benefits.columns] == [Duration(dt.date(y - 1, 10, 1), dt.date(y, 9, 30))
                                                    for y in (2024, 2023, 2022)]


def test_a_copied_headers_caption_scale_is_its_columns_and_a_leading_one_the_tables(tmp_path):
    """Visa's copied RSU activity header runs 'AggregateIntrinsicValue(1)(in millions)' into
    the other captions: that column is in millions, the units (6,417,397) are not. Adobe's
    '(dollars in millions) Digital MediaDigital Experience...' puts the label column's scale
    before the first caption: the whole table is in millions."""
    from conftest import stripped
    visa = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    rsus = next(t for t in visa.tables if t.raw.header and t.raw.header[0].startswith("UnitsWeighted-Average"))
    assert [c.scale for c in rsus.columns] == [None, None, None, 6] and (rsus.scale, rsus.shares_scale) == (0, 0)
    adobe = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13", "text-noyears")), exclude_company="adbe")
    segments = next(t for t in adobe.tables if any(r.label.startswith("Gross profit as a percentage") for r in t.rows))
    assert segments.scale == 6 and all(c.scale is None for c in segments.columns)
    assert segments.columns[0].label == "Digital Media"  # the segment, a member, without the table's scale


def test_a_column_of_rates_after_the_headers_years_is_at_the_latest_date(tmp_path):
    """Mastercard's copied debt table: '2024 2023 EffectiveInterest Rate' over '$750 $—
    4.262 %': the years date the two amounts, the rates after them are at the latest year
    end (not a third year, 2022, counted back)."""
    from conftest import stripped
    ma = detect(read(stripped(tmp_path, "ma-10-k-2025-02-12", "text-noyears")), exclude_company="ma")
    debt = next(t for t in ma.tables if any("Senior Notes due January 2028" in r.label for r in t.rows))
    assert [c.period for c in debt.columns] == [Instant(dt.date(2024, 12, 31)), Instant(dt.date(2023, 12, 31)),
                                                Instant(dt.date(2024, 12, 31))]


def test_copied_balance_runs_with_a_caption_printed_once_are_two_year_ends(tmp_path):
    """Adobe's copied intangibles: '(dollars in millions) 2024 2023' over 'Gross Carrying
    Amount | Accumulated Amortization | Net | Weighted Average Useful Life (years)' and the
    three balance captions again: the first four columns are at the fiscal year end, the
    last three at the one before, not all seven at the period end."""
    from conftest import stripped
    adobe = detect(read(stripped(tmp_path, "adbe-10-k-2025-01-13", "text-noyears")), exclude_company="adbe")
    intangibles = next(t for t in adobe.tables if any(r.label == "Trademarks" for r in t.rows))
    assert [c.period for c in intangibles.columns] == [Instant(dt.date(2024, 11, 29))] * 4 + \
        [Instant(dt.date(2023, 12, 1))] * 3


def test_words_after_a_leading_scale_begin_the_first_caption(tmp_path):
    """Walmart's copied AOCI roll-forward heads its columns '(Amounts in millions and net of
    immaterial income taxes) CurrencyTranslationand OtherCash Flow HedgesTotal': the scale is
    the label column's caption, 'Currency' begins the first value column's, which is not
    dropped as the label column's."""
    from conftest import stripped
    wmt = detect(read(stripped(tmp_path, "wmt-10-k-2025-03-14", "text-noyears")), exclude_company="wmt")
    aoci = next(t for t in wmt.tables if t.raw.header and t.raw.header[-1].startswith("(Amounts in millions and net"))
    assert [c.label for c in aoci.columns] == ["Currency Translationand Other", "Cash Flow Hedges", "Total"]


def test_years_under_a_sentence_dated_at_the_year_end_are_that_days_balances(tmp_path):
    """Mastercard's 'Accrued expenses consisted of the following at December 31:' over
    '2024 | 2023': each column is the balance at December 31 of its year (the columns were
    the two years, and the company's 'Personnel costs' a flow); UnitedHealth's 'unrecognized
    tax benefits as of December 31 is as follows:' over a roll-forward keeps its years."""
    from conftest import stripped
    for kind in ("html", "text-noyears"):
        filing = detect(read(stripped(tmp_path, "ma-10-k-2025-02-12", kind)))
        table = next(t for t in filing.tables if any(r.label == "Personnel costs" for r in t.rows)
                     and "Accrued expenses" in t.raw.context_before[-1])
        assert [c.period for c in table.columns] == [Instant(dt.date(2024, 12, 31)), Instant(dt.date(2023, 12, 31))]
    filing = detect(read(stripped(tmp_path, "unh-10-k-2025-02-27")))
    table = next(t for t in filing.tables if t.rows and t.rows[0].label.startswith("Gross unrecognized tax benefits"))
    assert isinstance(table.columns[0].period, Duration) and table.columns[0].period_open


def test_a_captions_unit_glued_to_it_stays_with_it():
    """Copied text's 'Number of SharesWeighted-Average Grant-Date Fair Value(per share)': the
    unit in parentheses closes the second caption; it is no third one (the two columns were
    captioned 'Weighted-Average Grant-Date Fair Value' and '(per share)')."""
    from converter.detect import split_header_pieces
    assert split_header_pieces("Number of SharesWeighted-Average Grant-Date Fair Value(per share)") == [
        "Number of Shares", "Weighted-Average Grant-Date Fair Value (per share)"]
    assert split_header_pieces("(in millions) Book valueApproximate fair values")[0] == "(in millions)"


def test_a_wrapped_word_and_two_captions_run_on_are_regrouped():
    """Netflix's AOCI roll-forward as copied text: 'Foreign Currency TranslationAdjustments'
    (one caption wrapped) and 'Net Investment Hedge Gains (Losses) Change in Unrealized
    Gains (Losses) on Cash Flow Hedges' (two run on after a parenthesis, the second opening
    as other captions of the line do): as many pieces as columns, but the wrong ones."""
    from converter.detect import _run_on_captions, known_captions, split_header_pieces
    line = ("Foreign Currency TranslationAdjustmentsNet Investment Hedge Gains (Losses) Change in Unrealized "
            "Gains (Losses) on Cash Flow HedgesChange in Unrealized Gains (Losses) on Excluded Component of Fair "
            "Value HedgesChange in Unrealized Gains (Losses) on AFS SecuritiesTax (Expense) BenefitTotal")
    captions = _run_on_captions(split_header_pieces(line), known_captions("nflx"))
    assert captions[:3] == ["Foreign Currency Translation Adjustments", "Net Investment Hedge Gains (Losses)",
                            "Change in Unrealized Gains (Losses) on Cash Flow Hedges"]
    assert captions[-2:] == ["Tax (Expense) Benefit", "Total"]
    assert _run_on_captions(["Cost", "Accumulated depreciation", "Net book value"], known_captions("nflx")) is None


def test_balance_lines_alone_make_no_statement_of_equity(tmp_path):
    """NVIDIA's roll-forwards of product warranties, deferred revenue and non-marketable
    equity securities open with "Balance at beginning of period" and close with "Balance at
    end of period", as an equity statement's rows do; nothing else in them speaks of equity
    (no component columns, no dividends or stock issued), so they are notes. Its two real
    equity statements stay equity."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "nvda-10-q-2025-08-27")))
    by_first_moves = {t.rows[1].label: t.kind for t in filing.tables
                      if len(t.rows) > 2 and t.rows[0].label == "Balance at beginning of period"}
    assert by_first_moves["Additions"] is StatementKind.NOTE
    assert by_first_moves["Deferred revenue additions"] is StatementKind.NOTE
    assert sum(t.kind is StatementKind.EQUITY for t in filing.tables) == 2


def test_copied_texts_restated_statement_lines_are_a_note_of_the_span_above(tmp_path):
    """Tesla's effects of adopting the crypto assets standard, as copied text: the caption
    line "Consolidated Statement of Operations (unaudited):As Previously ReportedAdjustments
    from Adoption ...As Adjusted" runs its captions together, and "Three Months Ended June
    30, 2024" stands on the line above it. The columns before and after a revision make a
    note, not a second income statement, and the heading above dates every column with its
    span (not the instant of its date)."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "tsla-10-q-2025-07-24", "text-noyears")))
    restated = [t for t in filing.tables if "As Previously Reported" in " ".join(t.raw.header)]
    assert [t.kind for t in restated] == [StatementKind.NOTE] * 3
    spans = [{c.period for c in t.columns} for t in restated[1:]]
    assert spans == [{Duration(dt.date(2024, 4, 1), dt.date(2024, 6, 30))},
                     {Duration(dt.date(2024, 1, 1), dt.date(2024, 6, 30))}]
    assert {c.period for c in restated[0].columns} == {Instant(dt.date(2024, 6, 30))}


@pytest.mark.parametrize(("label", "span", "quarter"), [
    # a calendar half-year: quarters of three months
    ("First quarter [b]", Duration(dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
     Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
    # a 53-week fiscal year (February 2, 2025): quarters of 13 weeks, the fourth to the year's end
    ("Third Quarter", Duration(dt.date(2024, 1, 29), dt.date(2025, 2, 2)),
     Duration(dt.date(2024, 7, 29), dt.date(2024, 10, 27))),
    ("Q4", Duration(dt.date(2024, 1, 29), dt.date(2025, 2, 2)), Duration(dt.date(2024, 10, 28), dt.date(2025, 2, 2))),
    # no quarter of a quarter, nor a third quarter of a half-year, nor a label saying more
    ("First quarter", Duration(dt.date(2025, 4, 1), dt.date(2025, 6, 30)), Duration(dt.date(2025, 4, 1), dt.date(2025, 6, 30))),
    ("Third quarter", Duration(dt.date(2025, 1, 1), dt.date(2025, 6, 30)), Duration(dt.date(2025, 1, 1), dt.date(2025, 6, 30))),
    ("First quarter of 2025", Duration(dt.date(2025, 1, 1), dt.date(2025, 6, 30)), None),
])
def test_a_row_naming_a_quarter_is_that_quarter_of_its_columns_span(label, span, quarter):
    from converter.detect.dates import quarter_of
    from converter.detect.periods import row_quarter

    k = row_quarter(label)
    assert (quarter_of(span, k) if k else None) == quarter


def test_columns_a_scale_excepts_by_name_are_as_shown(tmp_path):
    """Visa's as-converted shares are '(in millions, except conversion rate)': the share
    columns are in millions, the 'Conversion Rate Into Class A Common Stock' columns as
    shown (1.5653, not 1,565,300). An exception of shares or amounts per share names no
    column: those have scales of their own."""
    from conftest import stripped
    from converter.detect import _excepted_columns
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "html")), exclude_company="v")
    table = next(t for t in filing.tables if any(c.label.startswith("Conversion Rate") for c in t.columns))
    assert [c.scale for c in table.columns] == [None, 0, None] * 2
    rates = {f.value for f in map_filing(filing, exclude_company="v").facts
             if f.source.table == table.index and f.label == "Class B-1 common stock" and f.source.column == 1}
    assert rates == {Decimal("1.5653")}
    raw = table.raw
    assert _excepted_columns(replace(raw, header=("(in millions, except per share data)",), scale_text=""),
                             ["Net income", "Per share"]) == set()


def test_columns_of_amounts_per_share_are_shown_to_the_cent(tmp_path):
    """UnitedHealth's dividends: 'Amount per Share' beside 'Total Amount Paid' under '(in
    millions)': the amount per share is $1.88, not $1,880,000. Salesforce's 'Weighted-average
    fair value per share of grants' is dollars per share, not a count of shares because it
    says 'weighted-average'."""
    from conftest import stripped
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "unh-10-k-2025-02-27", "html")), exclude_company="unh")
    table = next(t for t in filing.tables if [c.label for c in t.columns] == ["Amount per Share", "Total Amount Paid"])
    assert [c.scale for c in table.columns] == [0, None]
    facts = {(f.label, f.source.column): f.value for f in map_filing(filing, exclude_company="unh").facts
             if f.source.table == table.index}
    assert facts[("March 19", 0)] == Decimal("1.88") and facts[("March 19", 1)] == Decimal(1729000000)
    crm = detect(read(stripped(tmp_path, "crm-10-k-2025-03-05", "html")), exclude_company="crm")
    grants = [f for f in map_filing(crm, exclude_company="crm").facts
              if f.label.startswith("Weighted-average fair value per share of grants")]
    assert grants and {str(f.unit) for f in grants} == {"iso4217:USD/xbrli:shares"}
    assert Decimal("114.96") in {f.value for f in grants}


def test_copied_captions_of_date_columns_beside_the_labels_head_no_figures(tmp_path):
    """Salesforce's copied dividends: 'Record DatePayment DateDividend per ShareAmount' over
    two columns of figures. The record and payment dates are columns of words beside the
    labels; the figures are the dividend per share, as shown, and the amount."""
    from conftest import stripped
    filing = detect(read(stripped(tmp_path, "crm-10-k-2025-03-05", "text-noyears")), exclude_company="crm")
    table = next(t for t in filing.tables if t.raw is not None and "Record DatePayment Date" in " ".join(t.raw.header))
    assert [(c.label, c.scale) for c in table.columns] == [("Dividend per Share", 0), ("Amount", None)]


@pytest.mark.parametrize(("shares", "scale"), [("41,021,337", 0), ("41,021", 3)])
def test_share_counts_net_income_over_which_gives_earnings_per_share(tmp_path, shares, scale):
    """'(in thousands, except per share data)' over weighted-average shares shown whole: a
    net loss of 7,526 thousand over 41,021,337 shares is the loss per share of 0.18, so the
    counts are whole shares; shown as 41,021 they are thousands, as the scale says."""
    lines = ["FORM 10-Q", "For the quarterly period ended June 30, 2025",
             "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(in thousands, except per share data)",
             "Three Months Ended June 30,", "2025 2024", "Total revenue$41,330 $37,000",
             "Loss from operations(8,330) (10,780)", "Net loss$(7,526) $(9,596)",
             "Net loss per share, basic and diluted$(0.18) $(0.24)",
             f"Weighted-average shares used in computing net loss per share, basic and diluted{shares} 39,877,210"
             if scale == 0 else f"Weighted-average shares used in computing net loss per share{shares} 39,877"]
    path = tmp_path / "income.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    income = next(t for t in detect(read(path)).tables if t.kind is StatementKind.INCOME)
    assert (income.scale, income.shares_scale) == (3, scale)


def test_a_registrant_named_in_capitals_only():
    """A cover without '(Exact name of registrant ...)' names the company in capitals:
    'CLOUDWAVE SOFTWARE, INC.' (a crafted 10-Q), 'ACME MANUFACTURING CORP.' (a crafted 10-K)."""
    fixtures = REPO / "tests" / "fixtures" / "html"
    assert detect(read(fixtures / "saas-10q.htm")).company == "Cloudwave Software, Inc."
    assert detect(read(fixtures / "manufacturer-10k.htm")).company == "Acme Manufacturing Corp."


def test_a_retailers_balance_sheet_a_year_apart_without_its_years(tmp_path):
    """'August 2, | February 1, | August 3,' over a retailer's balance sheet, its years lost
    in the copy: August 2 is the 26-week period's end, February 1 the fiscal year's, and
    August 3 the same quarter's end a year before (a 52/53-week calendar moves it a day),
    not the period end again."""
    lines = ["FORM 10-Q", "For the quarterly period ended August 2, 2025", "CONDENSED CONSOLIDATED BALANCE SHEETS",
             "(in thousands)", "August 2,February 1,August 3,", "Cash and cash equivalents$148,220 $201,330 $133,410",
             "Merchandise inventories612,450 548,120 589,300", "Total current assets801,870 788,210 762,820",
             "Total assets$2,008,170 $1,972,480 $1,930,640", "Total current liabilities524,310 484,500 506,430",
             "Total liabilities1,312,420 1,219,140 1,289,010", "Total stockholders’ equity695,750 753,340 641,630",
             "Total liabilities and stockholders’ equity$2,008,170 $1,972,480 $1,930,640"]
    path = tmp_path / "retailer.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    balance = detect(read(path)).tables[0]
    assert [c.period for c in balance.columns] == [
        Instant(dt.date(2025, 8, 2)), Instant(dt.date(2025, 2, 1)), Instant(dt.date(2024, 8, 3))]


def test_a_53_week_year_ending_on_a_month_end_starts_after_the_year_before(tmp_path):
    """A restaurant company's fiscal years end on the last Sunday of December: December 29,
    2024, December 31, 2023 and December 25, 2022. The 2023 year ends on a month end but is
    53 weeks, from December 26, 2022, not the calendar year."""
    lines = ["FORM 10-K", "For the fiscal year ended December 29, 2024", "CONSOLIDATED STATEMENTS OF OPERATIONS",
             "(in thousands, except per share data)", "Fiscal Year Ended",
             "December 29, 2024December 31, 2023December 25, 2022", "Total revenues$1,158,670 $1,083,740 $993,990",
             "Income from operations84,930 80,890 67,600", "Income before income taxes70,710 64,010 55,270",
             "Provision for income taxes16,640 14,910 12,720", "Net income$54,070 $49,100 $42,550",
             "Basic$1.97 $1.77 $1.52", "Diluted$1.94 $1.74 $1.50"]
    path = tmp_path / "restaurants.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    income = detect(read(path)).tables[0]
    assert [c.period for c in income.columns] == [
        Duration(dt.date(2024, 1, 1), dt.date(2024, 12, 29)), Duration(dt.date(2022, 12, 26), dt.date(2023, 12, 31)),
        Duration(dt.date(2021, 12, 27), dt.date(2022, 12, 25))]


def test_a_copied_notes_heading_over_its_years_leaves_them_fiscal_years(tmp_path):
    """A 10-K's note copied with its heading right above its years ("Note 16. Supplemental
    Cash Flow Information" over "2024 2023 2022", as a browser copies the crafted
    manufacturer's 10-K): the heading names the note, the years are the fiscal years (the
    words of the heading had left every column at the period's end)."""
    text = ("FORM 10-K\nFor the fiscal year ended December 31, 2024\nACME CORP.\nItem 8. Financial Statements\n"
            "CONSOLIDATED BALANCE SHEETS\n(in millions)\nDecember 31, 2024 December 31, 2023\n"
            "Cash\t$ 10\t$ 9\nInventories\t20\t18\nOther assets\t5\t4\nTotal assets\t$ 35\t$ 31\n"
            "Note 16. Supplemental Cash Flow Information\n\t2024\t2023\t2022\n"
            "Cash paid for interest\t$ 90\t$ 88\t$ 80\nCash paid for income taxes, net of refunds\t160\t150\t140\n")
    path = tmp_path / "acme-10k.txt"
    path.write_text(text, encoding="utf-8")
    note = detect(read(path)).tables[-1]
    assert [c.period for c in note.columns] == [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in (2024, 2023, 2022)]


def _copied_report(tmp_path, form: str, ended: str, notes: str):
    """The detected filing of a copied report: its cover ("FORM 10-Q", "For the quarterly
    period ended June 30, 2025"), a balance sheet at that date and the year end before, then
    ``notes``, the tables under test."""
    month_day, year = ended.rsplit(" ", 1)
    before = f"{month_day} {int(year) - 1}" if form == "10-K" else f"December 31, {int(year) - 1}"
    period, item = ("fiscal year", "Item 8") if form == "10-K" else ("quarterly period", "Item 1")
    text = (f"FORM {form}\nFor the {period} ended {ended}\nACME CORP.\n{item}. Financial Statements\n"
            f"CONSOLIDATED BALANCE SHEETS\n(in millions)\n{ended} {before}\n"
            "Cash$ 10 $ 9\nInventories20 18\nTotal assets$ 30 $ 27\n" + notes)
    path = tmp_path / "acme.txt"
    path.write_text(text, encoding="utf-8")
    return detect(read(path))


def test_copied_years_over_twice_as_many_columns_each_head_two(tmp_path):
    """A hospital operator's revenues by payer copied as text: "Years Ended December 31," over
    "2025 2024 2023" over an amount and a percent of revenues each year ("Medicare$3,214 19.1
    %$3,102 19.5 % ..."). Each year heads its two adjacent columns; every column was 2025."""
    notes = ("NOTE 2 — REVENUES\nOur revenues by payer source were as follows:\n"
             "(Dollars in millions) Years Ended December 31,\n2025 2024 2023\n"
             "Medicare$3,214 19.1 %$3,102 19.5 %$2,978 20.0 %\n"
             "Medicaid712 4.2 %690 4.3 %702 4.7 %\n"
             "Total$3,926 23.3 %$3,792 23.8 %$3,680 24.7 %\n")
    note = _copied_report(tmp_path, "10-K", "December 31, 2025", notes).tables[-1]
    years = [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in (2025, 2024, 2023)]
    assert [c.period for c in note.columns] == [year for year in years for _ in range(2)]


def test_a_copied_equity_header_of_words_run_together_under_spanning_first_lines(tmp_path):
    """A homebuilder's equity statement copied as text: its captions' lines ran together in
    each cell ("CommonStockTreasuryStock...Stockholders’Equity") under "Number of Shares",
    "Accumulated" and "Total", each over several. The words group into the captions filers
    use, the line above completing them ("Accumulated" + "Other Comprehensive Loss"), the
    share counts under "Number of Shares" come first; the columns had been two company
    components, AOCI read as treasury stock and no share column."""
    from converter.detect import grouped_captions, known_captions, split_header_pieces

    assert split_header_pieces("TreasuryStockStockholders’Equity") == ["Treasury", "Stock", "Stockholders’", "Equity"]
    pieces = split_header_pieces("OtherComprehensiveLossTreasuryStock")
    assert grouped_captions(pieces, 2, known_captions(), "", ("Number of Shares", "Accumulated")) == \
        ["Other Comprehensive Loss", "Treasury Stock"]
    text = ("FORM 10-K\nFor the fiscal year ended November 30, 2025\nACME HOMES, INC.\nItem 8. Financial Statements\n"
            "CONSOLIDATED STATEMENTS OF STOCKHOLDERS’ EQUITY\n(In thousands)\n"
            "Number of SharesAccumulatedTotal\n"
            "CommonStockTreasuryStockCommonStockPaid-inCapitalRetainedEarningsOtherComprehensiveLossTreasuryStock"
            "Stockholders’Equity\n"
            "Balance at November 30, 2024$100,541 $(22,914 ) $100,541 $813,871 $3,889,910 $(2,339 ) $(967,560 ) "
            "$3,834,423\n"
            "Net income— — — — 676,440 — — 676,440\n"
            "Stock-based compensation— — — 34,120 — — — 34,120\n"
            "Repurchases of common stock— (2,100 ) — — — — (150,000 ) (150,000 )\n"
            "Balance at November 30, 2025$100,541 $(25,014 ) $100,541 $847,991 $4,566,350 $(2,339 ) $(1,117,560 ) "
            "$4,394,983\n")
    path = tmp_path / "homes-10k.txt"
    path.write_text(text, encoding="utf-8")
    equity = next(t for t in detect(read(path)).tables if t.kind.name == "EQUITY")
    assert [(c.component, c.is_shares) for c in equity.columns] == [
        ("common_stock", True), ("treasury_stock", True), ("common_stock", False), ("apic", False),
        ("retained_earnings", False), ("aoci", False), ("treasury_stock", False), ("total", False)]


def test_a_copied_quarterly_reports_years_alone_date_their_columns(tmp_path):
    """An airline's benefit cost by plan copied as text: "Pension BenefitsRetiree Medical and
    Other Postretirement Benefits" over "2025 2024 2025 2024", no span in the header. Each
    column is its year's year to date, as the HTML reads the same years over the columns;
    every column had been the report's period end."""
    notes = ("8. Employee Benefit Plans\nThe following table provides the components of net periodic benefit cost:\n"
             "Pension BenefitsRetiree Medical and Other Postretirement Benefits\n2025 2024 2025 2024\n"
             "Service cost$2 $2 $4 $4\nInterest cost178 176 14 15\nNet periodic benefit cost (income) $(6 ) $(4 ) $1 $3\n")
    note = _copied_report(tmp_path, "10-Q", "June 30, 2025", notes).tables[-1]
    half = {y: Duration(dt.date(y, 1, 1), dt.date(y, 6, 30)) for y in (2025, 2024)}
    assert [c.period for c in note.columns] == [half[2025], half[2024], half[2025], half[2024]]


def test_a_copied_level_run_into_the_words_of_the_next_caption_is_split():
    """The crafted asset manager's fair value table copied as text: "Measured" over "Level
    1Level 2Level 3at NAVTotal". "Level 3at NAV" is the third level, then the NAV column's
    caption; read as one, the line made four captions for five columns and no column had a
    level or the NAV member."""
    from converter.detect import split_header_pieces
    assert split_header_pieces("Level 1Level 2Level 3at NAVTotal") == ["Level 1", "Level 2", "Level 3", "at NAV", "Total"]
    assert split_header_pieces("Level 3 Total") == ["Level 3 Total"]


def test_copied_captions_wrapped_over_header_lines_of_their_own_are_read_down(tmp_path):
    """The crafted asset manager's AOCI note copied as text: "CurrencyDefined" over
    "TranslationBenefit" over "AdjustmentsPlansTotal", one word of each caption a line and the
    total beside the last. Each column's words read down name its component; the last line
    alone ("Adjustments | Plans | Total") named none, and the changes lost their members."""
    notes = ("10. Accumulated Other Comprehensive Loss\n"
             "Changes in accumulated other comprehensive loss, net of tax, by component were as follows:\n"
             "(in millions)\nCurrencyDefined\nTranslationBenefit\nAdjustmentsPlansTotal\n"
             "Balance at December 31, 2024$(412.6 ) $(18.4 ) $(431.0 )\n"
             "Other comprehensive income before reclassifications38.1 0.3 38.4\n"
             "Balance at September 30, 2025$(374.5 ) $(18.1 ) $(392.6 )\n")
    note = _copied_report(tmp_path, "10-Q", "September 30, 2025", notes).tables[-1]
    assert [c.label for c in note.columns] == ["Currency Translation Adjustments", "Defined Benefit Plans", "Total"]


def test_a_copied_quarterly_reports_captions_over_its_lost_years_span_the_sentences_period(tmp_path):
    """An airline's benefit cost by plan copied as the seed was: "Pension BenefitsRetiree
    Medical and Other Postretirement Benefits" over four columns, the line of years below
    them dropped, under "... for the three months ended June 30 (in millions):". Each caption
    spans the quarter this year and last, as the HTML reads its years; every column had
    been the report's period end."""
    notes = ("8. Employee Benefit Plans\nThe following table provides the components of net periodic benefit cost "
             "(income) for the three months ended June 30 (in millions):\n"
             "Pension BenefitsRetiree Medical and Other Postretirement Benefits\n"
             "Service cost$2 $2 $4 $4\nInterest cost178 176 14 15\nNet periodic benefit cost (income) $(6 ) $(4 ) $1 $3\n")
    note = _copied_report(tmp_path, "10-Q", "June 30, 2025", notes).tables[-1]
    quarter = {y: Duration(dt.date(y, 4, 1), dt.date(y, 6, 30)) for y in (2025, 2024)}
    assert [c.period for c in note.columns] == [quarter[2025], quarter[2024], quarter[2025], quarter[2024]]
    assert [c.label for c in note.columns] == ["Pension Benefits"] * 2 + ["Retiree Medical and Other Postretirement Benefits"] * 2


def test_copied_caption_lines_of_a_few_words_each_are_read_down_by_the_captions_filers_use(tmp_path):
    """The crafted asset manager's award activity copied as text: "Weighted-" over "Average"
    over "Number ofGrant-Date" over "Units (in thousands) Fair Value". Placed over the
    columns so that the most words make captions filers use, the lines read down to
    "Weighted- Average Grant-Date Fair Value"; the last line alone called it "Fair Value"."""
    notes = ("8. Share-Based Compensation\nRestricted stock unit activity for the nine months ended September 30, 2025 "
             "was as follows:\nWeighted-\nAverage\nNumber ofGrant-Date\nUnits (in thousands) Fair Value\n"
             "Nonvested at December 31, 2024$6,842 $82.14\nGranted2,315 96.37\nVested(2,108 ) 78.55\n"
             "Nonvested at September 30, 2025$7,049 $87.85\n")
    awards = _copied_report(tmp_path, "10-Q", "September 30, 2025", notes).tables[-1]
    assert [c.label for c in awards.columns] == ["Number of Units (in thousands)", "Weighted- Average Grant-Date Fair Value"]
