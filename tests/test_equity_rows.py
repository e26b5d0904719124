"""Equity rows copied without their empty cells are placed in the columns they fit."""
import pytest

from conftest import stripped
from converter.detect import detect
from converter.model import StatementKind
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
    placed = [r for r in unh_equity.rows if any("equity columns they fit" in n for n in r.notes)]
    left = [r for r in unh_equity.rows if r.notes and r.notes[-1].endswith("placed from the left")]
    assert placed and all(len([c for c in r.cells if c]) < len(unh_equity.columns) for r in left)
    for r in placed:  # every placed row still adds up: the amounts before the total make the total
        cells = [(unh_equity.columns[i], c) for i, c in enumerate(r.cells) if c is not None]
        amounts = [c.shown for col, c in cells[:-1] if not col.is_shares]
        if cells[-1][0].component == "total" and len(cells) > 1:
            assert sum(amounts) == cells[-1][1].shown, r.label


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
