"""Equity rows copied without their empty cells are placed in the columns they fit."""
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import stripped
from converter.detect import detect
from converter.model import Instant, StatementKind
from converter.readers import read


@pytest.fixture(scope="module")
def unh_equity(tmp_path_factory):
    src = stripped(tmp_path_factory.mktemp("unh"), "unh-10-k-2025-02-27", "text-noyears")
    return next(t for t in detect(read(src)).tables if t.kind is StatementKind.EQUITY)


def _row(table, label):
    row = next(r for r in table.rows if r.label == label)
    return {table.columns[i].component: c.text for i, c in enumerate(row.cells) if c is not None}


def test_movement_rows_land_in_the_columns_their_labels_and_totals_point_at(unh_equity):
    # "Net earnings20,120 406 20,526": retained earnings, noncontrolling interests, total
    assert _row(unh_equity, "Net earnings") == {"retained_earnings": "20,120", "noncontrolling": "406",
                                                "total": "20,526"}
    assert _row(unh_equity, "Share-based compensation") == {"apic": "875", "total": "875"}
    # the share count column is found beside the par value amount ($10 for 941 million shares)
    assert unh_equity.columns[0].is_shares and unh_equity.columns[0].component == "common_stock"


def test_rows_whose_numbers_fit_no_placement_are_left_as_read(unh_equity):
    placed = [r for r in unh_equity.rows if any("equity columns they fit" in n or "rolls forward" in n
                                                for n in r.notes)]
    left = [r for r in unh_equity.rows if r.notes and r.notes[-1].endswith("placed from the left")]
    assert placed and all(len([c for c in r.cells if c]) < len(unh_equity.columns) for r in left)
    for r in placed:  # every placed row still adds up: the amounts before the total make the total
        cells = [(unh_equity.columns[i], c) for i, c in enumerate(r.cells) if c is not None]
        amounts = [c.shown for col, c in cells[:-1] if not col.is_shares]
        if cells[-1][0].component == "total" and len(cells) > 1:
            assert abs(sum(amounts) - cells[-1][1].shown) <= 1, r.label  # each number rounded on its own


def test_a_row_naming_a_class_of_stock_is_placed_in_that_classs_columns(tmp_path):
    """Nike's copy-paste 'Repurchase of Class B Common Stock(51) (378) (5,131) (5,509)' under
    Class A shares / amount, Class B shares / amount, capital in excess, AOCI, retained
    earnings and total: the shares are Class B's, not the first share column's."""
    filing = detect(read(stripped(tmp_path, "nke-10-k-2025-07-17", "text-noyears")))
    equity, row = next((t, r) for t in filing.tables if t.kind.value == "equity" for r in t.rows
                       if r.label.startswith("Repurchase of Class B"))
    placed = {equity.columns[i].label or equity.columns[i].header: c.text for i, c in enumerate(row.cells) if c is not None}
    shares = next(label for label, text in placed.items() if text == "(51)")
    assert "class b" in shares.lower() and "shares" in shares.lower()
    assert row.cells[-1].text == "(5,509)"
    # the $3 par value column does not take a 378 repurchase: capital in excess does
    by_component = {equity.columns[i].component: c.text for i, c in enumerate(row.cells) if c is not None}
    assert by_component["apic"] == "(378)" and by_component["retained_earnings"] == "(5,131)"


def test_every_column_rolls_forward_from_balance_to_balance(tmp_path):
    """Nike's 'Stock options exercised8 421 421' fits either class's share column on its own;
    Class A's shares stay at 305 from balance to balance while Class B's move 1,266 -> 1,227,
    so the 8 is Class B's. Every column of every year then adds up: opening + movements =
    closing (within the rounding of the printed numbers)."""
    filing = detect(read(stripped(tmp_path, "nke-10-k-2025-07-17", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
    options = next(r for r in equity.rows if r.label == "Stock options exercised")
    where = {equity.columns[i].label or equity.columns[i].header: c.text for i, c in enumerate(options.cells) if c}
    shares = next(label for label, text in where.items() if text == "8")
    assert "class b" in shares.lower()
    assert any("rolls forward" in n for n in options.notes)
    balances = [i for i, r in enumerate(equity.rows) if isinstance(r.period_override, Instant)]
    assert len(balances) == 4
    for a, b in zip(balances, balances[1:]):
        for c in range(len(equity.columns)):
            moved = sum((r.cells[c].shown for r in equity.rows[a + 1:b] if c < len(r.cells) and r.cells[c]
                         and r.cells[c].value is not None), Decimal(0))
            opening, closing = equity.rows[a].cells[c], equity.rows[b].cells[c]
            assert abs(opening.shown + moved - closing.shown) <= 1, (equity.rows[b].label, c)


def test_rows_that_no_roll_forward_decides_stay_as_placed_on_their_own():
    """Two placements that add up alike leave the rows as each one's own evidence put them."""
    from converter.detect.equity_rows import _column_solutions
    # one movement of 5 that either of two columns could hold, each needing 5: nothing decides
    assert len(_column_solutions([[Decimal(5)], [Decimal(5)]], [Decimal(5), Decimal(5)], exact=True)) == 2
    # needs that no placement meets: none
    assert _column_solutions([[Decimal(5)]], [Decimal(4), Decimal(0)], exact=True) == []
    # within one unit of rounding, only when no exact placement exists, and the nearest kept
    assert _column_solutions([[Decimal(5)]], [Decimal(4), Decimal(0)], exact=False) == [((0,),)]


def test_a_copied_shares_amount_caption_makes_the_whole_number_column_the_share_count(tmp_path):
    """Walmart's copied header runs 'SharesAmountPar Value...' together: the column left of the
    common stock amount holds share counts (8,284 beside $828), Adobe's treasury shares too."""
    from converter.detect.equity import SHARES_CAPTION
    assert SHARES_CAPTION.search("SharesAmountPar ValueEarnings") and SHARES_CAPTION.search("Shares | Amount")
    assert not SHARES_CAPTION.search("SharesAmountless")
    for name, expected in (("wmt-10-k-2025-03-14", [("common_stock", True), ("common_stock", False)]),
                           ("adbe-10-k-2025-01-13", [("common_stock", True), ("common_stock", False)])):
        filing = detect(read(stripped(tmp_path, name, "text-noyears")))
        equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
        assert [(c.component, c.is_shares) for c in equity.columns[:2]] == expected, name
        if name.startswith("adbe"):
            assert ("treasury_stock", True) in [(c.component, c.is_shares) for c in equity.columns]


@pytest.mark.parametrize("filing, label, amount, shares", [
    ("googl-10-k-2025-02-05", "Repurchases of stock",
     "StockRepurchasedAndRetiredDuringPeriodValue", "StockRepurchasedAndRetiredDuringPeriodShares"),
    ("adbe-10-k-2025-01-13", "Repurchases of common stock",
     "TreasuryStockValueAcquiredCostMethod", "TreasuryStockSharesAcquired"),
])
def test_repurchased_shares_are_retired_unless_the_statements_hold_treasury_stock(tmp_path, filing, label,
                                                                                   amount, shares):
    """Alphabet's statements show no treasury stock: its repurchases retire the shares
    (R-EQU-020). Adobe holds treasury stock: the same words acquire it (R-TRS-001), the
    share count too."""
    from converter.mapping import map_filing
    report = detect(read(stripped(tmp_path, filing)))
    facts = [f for f in map_filing(report, exclude_company=filing.split("-")[0]).facts
             if f.label == label and report.tables[f.source.table].kind is StatementKind.EQUITY]
    assert {f.concept.local for f in facts} == {amount, shares}


def test_an_equity_balance_row_labelled_only_by_its_date_is_the_equity_balance(tmp_path):
    """Coca-Cola's equity roll-forward opens with 'March 28, 2025' and closes with 'June 27,
    2025': balances of each component at those dates (R-EQU-021), not company concepts."""
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24")))
    facts = [f for f in map_filing(filing, exclude_company="ko").facts if f.label == "June 27, 2025"
             and filing.tables[f.source.table].kind is StatementKind.EQUITY]
    assert facts and all(f.concept.prefix == "us-gaap" for f in facts)
    assert {f.rule for f in facts} == {"R-EQU-021"}


def test_a_heading_between_two_balances_dates_the_numbers_in_its_label(tmp_path):
    """P&G's 'Dividends and dividend equivalents ($1.0065 per share)' heads 'Common' and
    'Preferred' between the balances of December 31, 2024 and March 31, 2025: the $1.0065
    is the quarter's, not the nine months' of the document, and each of the four equity
    statements' per-share dividend is a standard fact of its own period."""
    from converter.mapping import map_filing
    from converter.model import Duration
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24")))
    facts = [f for f in map_filing(filing, exclude_company="pg").facts
             if f.label.startswith("Dividends and dividend equivalents (") and f.rule == "LN-018"]
    assert len(facts) == 4 and len({f.context.period for f in facts}) == 4
    quarter = next(f for f in facts if f.source.text.endswith("1.0065"))
    assert quarter.context.period == Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31))


def test_dividends_to_noncontrolling_interests_are_their_distributions(tmp_path):
    """Walmart's 'Cash dividend declared to noncontrolling interest' is no dividend on the
    common stock: the noncontrolling interests' column shows a distribution to their holders
    (R-EQU-022), not a company concept left over from a conflict with DividendsCommonStockCash."""
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "wmt-10-k-2025-03-14")))
    facts = [f for f in map_filing(filing, exclude_company="wmt").facts
             if f.label == "Cash dividend declared to noncontrolling interest"
             and filing.tables[f.source.table].kind is StatementKind.EQUITY and f.value]
    assert facts and {f.concept.local for f in facts} == {"MinorityInterestDecreaseFromDistributionsToNoncontrollingInterestHolders"}
    assert {f.rule for f in facts} == {"R-EQU-022"}


def test_the_total_right_of_noncontrolling_interests_is_the_total_and_rounding_is_allowed(tmp_path):
    """P&G's copied statement ends '... Noncontrolling Interest | Total Shareholders' Equity',
    whose balances equal the balance sheet's total (with the noncontrolling interest): the
    total, not the parent's equity. Its rows then place by the roll-forward, though
    'Other comprehensive income/(loss) 330 1 330' adds up only within rounding."""
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
    assert [c.component for c in equity.columns][-2:] == ["noncontrolling", "total"]
    assert not equity.columns[-1].members
    assert _row(equity, "Net earnings") == {"retained_earnings": "3,769", "noncontrolling": "23", "total": "3,793"}
    oci = next(r for r in equity.rows if r.label.startswith("Other comprehensive income"))
    assert {equity.columns[i].component: c.text for i, c in enumerate(oci.cells) if c is not None} == \
        {"aoci": "330", "noncontrolling": "1", "total": "330"}


def test_a_statement_continued_on_the_next_page_keeps_the_columns_of_the_one_before(tmp_path):
    """P&G's prior-year statements follow a page break ('4 The Procter & Gamble Company',
    'Three Months Ended March 31, 2024') under the same column captions; their balances
    are at dates the balance sheet does not show, so the columns are the first table's."""
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24", "text-noyears")))
    first, second = [t for t in filing.tables if t.kind is StatementKind.EQUITY][:2]
    assert second.raw.header[0] != first.raw.header[0]
    assert [(c.component, c.is_shares) for c in second.columns] == [(c.component, c.is_shares) for c in first.columns]
    assert _row(second, "Net earnings") == {"retained_earnings": "3,754", "noncontrolling": "27", "total": "3,781"}


def test_a_copied_caption_no_standard_component_names_is_a_column_of_its_own(tmp_path):
    """Visa's header runs '... Paid-in CapitalRight to Recover for Covered LossesAccumulated
    Income...' together and every balance row repeats a footnote '(1)' after the preferred
    stock amount: eight columns, the company's own 'Right to Recover for Covered Losses'
    among them (its member is made from that caption), and no column of negative ones."""
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
    assert [c.component for c in equity.columns] == [
        "preferred_stock", "preferred_stock", "common_apic", "common_apic", "component_5", "retained_earnings",
        "aoci", "total"]
    assert equity.columns[4].header == "Right to Recover for Covered Losses" and not equity.columns[4].members
    opening = next(r for r in equity.rows if r.label.startswith("Balance as of September 30, 2023"))
    assert [c.text for c in opening.cells][:3] == ["5", "$1,698", "1,849"]
    assert any("footnote mark" in n for n in opening.notes)


def test_words_between_captions_that_only_qualify_them_make_no_column(tmp_path):
    """Mastercard's 'Common Stock | Additional Paid-In Capital | Class A | Treasury Stock ...
    Mastercard Incorporated Stockholders' Equity': 'Class A' and the company's name are no
    columns of their own."""
    filing = detect(read(stripped(tmp_path, "ma-10-k-2025-02-12", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
    assert not any(c.component.startswith("component_") for c in equity.columns)


def test_a_total_column_need_not_be_the_last(tmp_path):
    """Coca-Cola's copied header reads 'Common Shares OutstandingTotalReinvested Earnings...
    Non-controlling Interests': its total is the second column; the captions in order still
    name every column (the share count first)."""
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
    assert [(c.component, c.is_shares) for c in equity.columns] == [
        ("common_stock", True), ("total", False), ("retained_earnings", False), ("aoci", False),
        ("common_stock", False), ("apic", False), ("treasury_stock", False), ("noncontrolling", False)]


def test_the_components_of_aoci_captioned_below_it_are_columns_of_their_own(unh_equity):
    """UnitedHealth's copied header names 'Accumulated Other Comprehensive Income (Loss)'
    over 'Net Unrealized Gains (Losses) on InvestmentsForeign Currency Translation (Losses)
    Gains': two columns, each on the member of its component of AOCI."""
    members = [m.local for c in unh_equity.columns if c.component == "aoci" for _, m in c.members]
    assert members == ["AccumulatedNetUnrealizedInvestmentGainLossMember", "AccumulatedTranslationAdjustmentMember"]
    assert [c.component for c in unh_equity.columns][-2:] == ["noncontrolling", "total"]


def test_a_footnote_mark_after_a_dash_that_the_footnote_calls_less_than_a_million_is_no_cell(tmp_path):
    """Visa's copied statement: 'Issuance of series A preferred stock— (2) (5) (5)' under
    '(2)Increase or decrease is less than one million.': the '(2)' marks the dash; without
    it every column rolls forward and the row is placed (preferred stock, total)."""
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY)
    row = next(r for r in equity.rows if r.label == "Issuance of series A preferred stock")
    assert [c.text for c in row.cells if c is not None] == ["—", "(5)", "(5)"]
    assert any("rolls forward" in n for n in row.notes)


def test_a_row_under_a_heading_is_placed_where_its_heading_points(tmp_path):
    """P&G's copy-paste 'Dividends and dividend equivalents ($0.9407 per share):' over
    'Common(2,221) (2,221)': the label alone names no component, its heading does (dividends
    are retained earnings'), so the amount goes to retained earnings and the total, not to
    the first columns (the share count and common stock)."""
    filing = detect(read(stripped(tmp_path, "pg-10-q-2025-04-24", "text-noyears")))
    equity = next(t for t in filing.tables if t.kind is StatementKind.EQUITY
                  and any(r.label == "BALANCE DECEMBER 31, 2023" for r in t.rows))
    assert _row(equity, "Common") == {"retained_earnings": "(2,221)", "total": "(2,221)"}


@pytest.mark.parametrize("kind", ["html", "text-noyears"])
def test_redeemable_noncontrolling_interests_beside_equity_are_temporary_equity(tmp_path, kind):
    """Tesla's statement opens with a 'Redeemable Noncontrolling Interests' column, outside
    equity: its balances and its share of net income are temporary equity (R-TEQ-001/002),
    on no component, its other movements company concepts reported as reductions, its "—"
    untagged; the noncontrolling interests in subsidiaries keep the noncontrolling member
    and their standard concepts (no conflict between two noncontrolling columns)."""
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "tsla-10-q-2025-07-24", kind)))
    equity = [t for t in filing.tables if t.kind is StatementKind.EQUITY]
    assert equity and all(t.columns[0].component == "temporary_noncontrolling" for t in equity)
    facts = [f for f in map_filing(filing, exclude_company="tsla").facts
             if filing.tables[f.source.table].kind is StatementKind.EQUITY]
    redeemable = [f for f in facts if f.source.column == 0]
    june = [f for f in redeemable if f.context.period == Instant(dt.date(2025, 6, 30))]
    assert {(f.concept.local, f.value) for f in june} == \
        {("TemporaryEquityCarryingAmountIncludingPortionAttributableToNoncontrollingInterests", Decimal("61000000"))}
    assert all(not f.context.dimensions for f in redeemable)
    assert "TemporaryEquityNetIncome" in {f.concept.local for f in redeemable}
    distributions = [f for f in redeemable if f.label.startswith("Distributions to noncontrolling interest")]
    assert distributions and all(f.value > 0 and f.concept.prefix == "tesla" for f in distributions)
    assert all(f.value for f in redeemable if f.rule == "extension")  # no company concept for a dash
    nci = [f for f in facts if f.context.period == Instant(dt.date(2025, 6, 30)) and f.value == Decimal("697000000")]
    assert nci and {f.concept.local for f in nci} == {"StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"}
    assert all(f.rule != "extension:conflict" for f in facts if f.source.column == 7)


def test_a_stockholders_equity_subtotal_column_is_no_part_of_the_total():
    """A crafted REIT's 10-Q copied as text: nine equity columns, 'Total Stockholders'
    Equity' between the components and 'Noncontrolling Interests | Total Equity'. 'Net income
    14,135 14,135 480 14,615' is distributions in excess of net income, the stockholders'
    subtotal, noncontrolling interests and total: the subtotal column sums the components,
    it does not add to the total (the rows were placed from the left, the 14,135 as common
    shares). Mastercard's 'Net income 12,874 12,874 12,874' the same way."""
    equity = next(t for t in detect(read(Path(__file__).parent / "fixtures" / "text" / "reit-equity-10q.txt")).tables
                  if t.kind is StatementKind.EQUITY)
    net_income = next(r for r in equity.rows if r.label == "Net income")
    assert {equity.columns[i].component: c.text for i, c in enumerate(net_income.cells) if c is not None} == \
        {"distributions_in_excess": "14,135", "parent": "14,135", "noncontrolling": "480", "total": "14,615"}
    units = next(r for r in equity.rows if r.label == "Redemption of OP units for common stock")
    assert [(equity.columns[i].component + ("/shares" if equity.columns[i].is_shares else ""), c.text)
            for i, c in enumerate(units.cells) if c is not None] == \
        [("common_stock/shares", "125,000"), ("common_stock", "1"), ("apic", "2,315"), ("parent", "2,316"),
         ("noncontrolling", "(2,316)"), ("total", "—")]
