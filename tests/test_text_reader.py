"""The text reader on the seed and on crafted lines: labels, cells, empties, wraps."""
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from converter.errors import InputError
from converter.model import Instant
from converter.readers import read
from converter.readers.text import parse_text, split_row

from conftest import SEED


def values(cells):
    return [None if c is None else (-c.value if c.negative_shown else c.value) for c in cells]


def heading(lines: list[str], starts: str):
    """The first row starting ``starts`` of the first table read from copied ``lines``."""
    return next(r for r in parse_text("\n".join(lines))[0].rows if r.label.startswith(starts))


def test_split_row_cells_run_into_label():
    label, cells = split_row("Cash and cash equivalents$664,334\xa0$654,152\xa0", 1)
    assert label == "Cash and cash equivalents"
    assert values(cells) == [Decimal(664334), Decimal(654152)]


def test_split_row_year_glued_to_number():
    label, cells = split_row("Balance as of December 31, 202070,264,265\xa0$70\xa0(2,709,830)$(3)", 1)
    assert label == "Balance as of December 31, 2020"
    assert values(cells) == [Decimal(70264265), Decimal(70), Decimal(-2709830), Decimal(-3)]


def test_split_row_year_glued_to_a_rate():
    """AbbVie's copied debt table: '3.60% senior notes due 20253.66 %3,750 ...' is the note
    due 2025 at an effective rate of 3.66%, not a rate of 20,253.66%."""
    label, cells = split_row("3.60% senior notes due 20253.66 %3,750 3.66 %3,750", 1)
    assert label == "3.60% senior notes due 2025"
    assert [c.text for c in cells] == ["3.66 %", "3,750", "3.66 %", "3,750"] and cells[0].percent


def test_split_row_a_maturity_and_its_mark_after_the_rate_are_words():
    """Tesla's copied debt line ends in its maturity and a footnote mark ("1.92% April 2025
    (2)"): both are left out before dates between figures are, so the "(2)" is no cell."""
    label, cells = split_row("China Working Capital Facility— 2,740 2,740 — 1.92% April 2025 (2)", 1)
    assert label == "China Working Capital Facility"
    assert [c.text for c in cells] == ["—", "2,740", "2,740", "—", "1.92%"]


def test_split_row_a_figure_right_after_a_company_name_is_a_cell():
    """The crafted REIT's copied income statement: "... Residential Trust, Inc.14,135 12,095"
    ends in two figures; the point closes "Inc.", it starts no decimal (the 14,135 was in
    the label and 12,095 the current quarter's net income)."""
    label, cells = split_row("Net income attributable to Meridian Industrial & Residential Trust, Inc.14,135 12,095", 1)
    assert label == "Net income attributable to Meridian Industrial & Residential Trust, Inc."
    assert [c.value for c in cells] == [Decimal(14135), Decimal(12095)]


def test_split_row_starred_blank_is_an_empty_cell():
    """Mastercard's copied acquisitions table: '$270 **$11', the '**' under the year with
    no acquisitions (its footnote says so) holds the middle column's place; a star glued
    to a figure is no cell of its own."""
    label, cells = split_row("Developed technologies$530 **$100 8.9 **7.8", 1)
    assert label == "Developed technologies"
    assert [None if c is None else c.text for c in cells] == ["$530", None, "$100", "8.9", None, "7.8"]
    assert [None if c is None else c.text for c in split_row("Total cost of revenue$2,358 $2,354 $2,165 *", 1)[1]] \
        == ["$2,358", "$2,354", "$2,165", None]
    assert split_row("Shares sold July 14, 20251,153,049*", 1)[1] == ()


def test_split_row_month_glued_to_the_label_is_part_of_it():
    """Salesforce's copied debt table: '2028 Senior NotesApril 2018April 20283.70 1,500 ...',
    the issuance and maturity dates a column of text each; 'April 2018' glued to the label
    is a date of the label, not a cell of 2018."""
    label, cells = split_row("2028 Senior NotesApril 2018April 20283.70 1,500 1,496 1,495", 1)
    assert label == "2028 Senior NotesApril 2018"
    assert [c.text for c in cells] == ["3.70", "1,500", "1,496", "1,495"]


def test_split_row_range_of_rates_and_glued_minus():
    """UnitedHealth's copied option assumptions: 'Risk-free interest rate3.6% - 4.4%3.8% -
    4.6%...' is one range per year; Nike's tax rate reconciliation: 'Foreign earnings1.1
    %-2.5%1.7 %' three rates, the second negative (a dash glued to a figure after a rate is
    its minus, not a range's)."""
    label, cells = split_row("Risk-free interest rate3.6% - 4.4%3.8% - 4.6%1.9% - 4.3%", 1)
    assert label == "Risk-free interest rate"
    assert [(c.value, c.high.value) for c in cells] == [(Decimal("3.6"), Decimal("4.4")), (Decimal("3.8"), Decimal("4.6")),
                                                      (Decimal("1.9"), Decimal("4.3"))]
    assert all(c.percent and c.high.percent for c in cells)
    label, cells = split_row("Foreign earnings1.1 %-2.5%1.7 %", 1)
    assert label == "Foreign earnings" and values(cells) == [Decimal("1.1"), Decimal("-2.5"), Decimal("1.7")]
    assert all(c.high is None for c in cells)
    assert [c.high.text for c in split_row("Other 4.70-5.75%", 1)[1]] == ["5.75%"]


def test_split_row_empty_cells_by_no_break_space():
    label, cells = split_row("Restructuring costs493\xa0\xa03,225\xa03,193\xa0", 1)
    assert label == "Restructuring costs"
    assert values(cells) == [Decimal(493), None, Decimal(3225), Decimal(3193)]
    label, cells = split_row("Amortization of tenant allowance\xa0(258)", 1)
    assert values(cells) == [None, Decimal(-258)]


def test_split_row_dashes_and_footnote_markers():
    _, cells = split_row("Net loss—\xa0—\xa0(21,195)—\xa0(21,195)", 1)
    assert [c.is_dash for c in cells] == [True, True, False, True, False]
    label, cells = split_row("Other Americas (1)", 1)
    assert label == "Other Americas" and cells == ()


def test_wrapped_label_joins_its_numbers():
    tables = parse_text("Current assets:\xa0\xa0\nCash$10\xa0$20\xa0\nAccounts receivable, net of allowances\n"
                        "30\xa040\xa0\nTotal current assets$40\xa0$60\xa0\n")
    rows = {r.label: values(r.cells) for r in tables[0].rows}
    assert rows["Accounts receivable, net of allowances"] == [Decimal(30), Decimal(40)]
    assert tables[0].ncols == 2


def test_a_dollar_amount_after_the_labels_last_word_is_the_labels():
    """A copied equity statement: "net of issuance costs of $5,912" then six figures, where
    the other rows show six. The amount is the label's; the bare "6" (the par value of the
    shares issued) is a figure, not a footnote mark dropped to make the count."""
    tables = parse_text("CONSOLIDATED STATEMENTS OF STOCKHOLDERS' EQUITY\n(in thousands, except share data)\n"
                        "Shares\tAmount\tAdditional Paid-in Capital\tAccumulated Deficit\tTotal\n"
                        "Balance at December 31, 2022\t37,804,115\t$ 38\t$ 552,720\t$ (332,758)\t$ 220,000\n"
                        "Issuance of common stock in follow-on offering, net of issuance costs of $5,912\t"
                        "5,750,000\t6\t86,332\t—\t86,338\n"
                        "Net loss\t—\t—\t—\t(82,404)\t(82,404)\n"
                        "Balance at December 31, 2023\t43,554,115\t$ 44\t$ 639,052\t$ (415,162)\t$ 223,934\n")
    rows = {r.label: values(r.cells) for r in tables[0].rows}
    assert rows["Issuance of common stock in follow-on offering, net of issuance costs of $5,912"] == \
        [Decimal(5750000), Decimal(6), Decimal(86332), Decimal(0), Decimal(86338)]


def test_a_year_the_label_ends_with_stays_in_the_label():
    """"Preferred stock, ...; 10,000,000 shares authorized ...; no shares issued and outstanding
    as of December 31, 2025 and 2024 — —" in a table of two columns: the "2024" is the label's
    last word, not a cell; cut from the label, it left "... December 31, 2025 and", whose
    shares authorized no label pattern then read."""
    tables = parse_text("CONSOLIDATED BALANCE SHEETS\n(in thousands)\nDecember 31,\n2025\t2024\n"
                        "Accounts payable\t$ 5,118\t$ 4,227\n"
                        "Preferred stock, $0.001 par value; 10,000,000 shares authorized; no shares issued and "
                        "outstanding as of December 31, 2025 and 2024\t—\t—\n"
                        "Additional paid-in capital\t872,765\t720,926\n"
                        "Total liabilities\t$ 877,883\t$ 725,153\n")
    rows = {r.label: values(r.cells) for r in tables[0].rows}
    assert rows["Preferred stock, $0.001 par value; 10,000,000 shares authorized; no shares issued and "
                "outstanding as of December 31, 2025 and 2024"] == [Decimal(0), Decimal(0)]


def test_seed_tables():
    doc = read(SEED)
    assert len(doc.tables) == 17
    balance = doc.tables[0]
    assert balance.ncols == 2
    labels = [r.label for r in balance.rows]
    assert "Total assets" in labels and "Total liabilities and stockholders equity" in labels
    equity = doc.tables[6]
    assert equity.ncols == 8
    assert values(equity.rows[0].cells)[-1] == Decimal(243934)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read(tmp_path / "nope.txt")


def test_garbled_number_is_refused_with_its_line():
    from converter.errors import NumberParseError
    with pytest.raises(NumberParseError, match=r"line 3: '\$1,04a,757'"):
        parse_text("Current assets:\nCash$10\xa0$20\xa0\nTotal assets$1,04a,757\xa0$1,006,432\xa0\nOther$5\xa0$6\xa0\n")


def test_a_dollar_sign_before_a_dash_is_a_dash_cell():
    """Adobe's copied equity statement: 'Balances at December 3, 2021601 $— $8,428 ...'; the
    '$—' must not end the label, or every cell of the row lands one column off."""
    label, cells = split_row("Balances at December 3, 2021601 $— $8,428 $23,905 $(137) (126) $(17,399) $14,797", 1)
    assert label == "Balances at December 3, 2021"
    assert [c.text for c in cells][:3] == ["601", "—", "$8,428"] and cells[1].is_dash and len(cells) == 8


def test_a_lone_hyphen_is_a_dash_cell_a_hyphenated_word_is_not():
    """Union Pacific prints '-' for an empty amount: 'Net income- - 1,673 - - 1,673'."""
    label, cells = split_row("Net income- - 1,673 - - 1,673", 1)
    assert label == "Net income" and [c.is_dash for c in cells] == [True, True, False, True, True, False]
    assert split_row("Property - net 12 13", 1)[0] == "Property - net"
    assert split_row("Non-cash items 1,234 5,678", 1)[0] == "Non-cash items"


def test_a_labels_own_list_of_amounts_running_into_its_numbers_stays_in_the_label():
    """Amazon's 'net of tax of $159, $(110), and $(2,086) (823) 366 6,339' (copy-paste runs the
    label's last tax amount into the three values): three columns, not four."""
    tables = parse_text("Net income (loss) $(2,722) $30,425 $59,248\n"
                        "Other comprehensive income (loss):\n"
                        "Foreign currency translation adjustments, net of tax of $100, $(55), and $226(2,586) 1,027 (3,333)\n"
                        "Available-for-sale debt securities:\n"
                        "Change in net unrealized gains (losses), net of tax of $159, $(110), and $(2,086) (823) 366 6,339\n"
                        "Less: reclassification adjustment, net of tax of $0, $(15), and $(2) 298 50 5\n"
                        "Net change(525) 416 6,344\n"
                        "Comprehensive income (loss) $(5,833) $31,872 $62,254\n")
    (table,) = tables
    assert table.ncols == 3
    change = next(r for r in table.rows if r.label.startswith("Change"))
    assert change.label.endswith("and $(2,086)") and [c.text for c in change.cells] == ["(823)", "366", "6,339"]
    assert any("ran on" in note for note in change.notes)


def test_a_labels_last_amount_glued_to_the_first_figure_is_cut_where_both_are_nearest_their_kin():
    """The crafted insurer's balance sheet copied as text: 'net of allowance for credit losses
    of $12 and $112,318 2,204' is $11 and the figures 2,318 and 2,204 (the label had kept
    $112,318 and the row one figure, placed under the wrong date); 'of $7, $(5) and $1121 (14) 33'
    is $11 and 21, (14), 33."""
    (table,) = parse_text("December 31, 2025 December 31, 2024\n"
                          "Cash and cash equivalents$ 412 $ 388\n"
                          "Mortgage loans on real estate, net of allowance for credit losses of $12 and $112,318 2,204\n"
                          "Premiums receivable, net of allowance for credit losses of $24 and $222,184 1,962\n"
                          "Total assets$ 4,914 $ 4,554\n")
    rows = {r.label: [c.text for c in r.cells] for r in table.rows}
    assert rows["Mortgage loans on real estate, net of allowance for credit losses of $12 and $11"] == ["2,318", "2,204"]
    assert rows["Premiums receivable, net of allowance for credit losses of $24 and $22"] == ["2,184", "1,962"]
    (table,) = parse_text("Year Ended December 31, 2025 2024 2023\n"
                          "Net income$ 703 $ 602 $ 554\n"
                          "Pension adjustments, net of tax of $7, $(5) and $1121 (14 ) 33\n"
                          "Comprehensive income$ 724 $ 588 $ 587\n")
    pension = next(r for r in table.rows if r.label.startswith("Pension"))
    assert pension.label.endswith("and $11") and [c.shown for c in pension.cells] == [21, -14, 33]


def test_a_label_amount_glued_to_the_first_cell_is_split_at_its_comma_groups():
    """UnitedHealth's copy: 'net of allowances of $985 and $1,00022,365 21,276' is the label's
    $1,000 and the cells 22,365 and 21,276 (1,00022,365 is no number)."""
    from converter.readers.text import split_row
    label, cells = split_row("Accounts receivable, net of allowances of $985 and $1,00022,365 21,276", 1)
    assert label == "Accounts receivable, net of allowances of $985 and $1,000"
    assert [c.text for c in cells] == ["22,365", "21,276"]
    label, cells = split_row("Total revenues400,278 371,622 324,162", 2)  # a plain glued label is unchanged
    assert label == "Total revenues" and len(cells) == 3
    # a zero is a whole amount too: "... discount of $42,118 and $0" + 457,882 (0457,882 is no number)
    label, cells = split_row("Convertible notes payable, net of discount of $42,118 and $0457,882 —", 3)
    assert label.endswith("and $0") and [c.text for c in cells] == ["457,882", "—"]


def test_a_label_amount_under_a_thousand_glued_to_the_first_cell_is_split_where_the_figure_is_whole():
    """The biotech fixture's copied equity statement: '... issuance costs of $243612,000 1 7,841'
    is the label's $243, then 612,000 shares (243612,000 is no number); the label kept the
    shares and the row was a cell short of the columns."""
    label, cells = split_row("Issuance of common stock in at-the-market offering, net of commissions and "
                             "issuance costs of $243612,000 1 7,841 — — 7,842", 1)
    assert label.endswith("issuance costs of $243")
    assert [c.text for c in cells] == ["612,000", "1", "7,841", "—", "—", "7,842"]
    label, cells = split_row("Total$1234 $ 5", 2)  # a figure whole as it stands is not cut
    assert label == "Total" and [c.value for c in cells] == [Decimal(1234), Decimal(5)]


def test_a_dash_cell_runs_into_the_next_cells_dollar_sign():
    """The biotech fixture's copied fair value table: a cell '$ —' copied with no space after it
    ('Money market funds$ 52,180 $ —$ —$ 52,180') ends where the next '$' starts; the row kept
    only its last figure and the label the rest."""
    label, cells = split_row("Money market funds$ 52,180 $ —$ —$ 52,180", 1)
    assert label == "Money market funds"
    assert [c.value for c in cells] == [Decimal(52180), Decimal(0), Decimal(0), Decimal(52180)]
    assert [c.is_dash for c in cells] == [False, True, True, False]


def test_a_word_hyphenated_at_a_lines_end_is_no_dash_cell():
    """The crafted asset manager's award activity copied as text: its caption "Weighted-" over
    "Average" over "Number ofGrant-Date" over "Units (in thousands) Fair Value". "Weighted-" had
    been a row with a dash cell, so the table started there and its captions were rows; a
    dash apart from the words is still a cell."""
    assert split_row("Weighted-", 1) == ("Weighted-", ())
    label, cells = split_row("Other - -", 2)
    assert label == "Other" and [c.is_dash for c in cells] == [True, True]
    (table,) = parse_text("Restricted stock unit activity was as follows:\nWeighted-\nAverage\nNumber ofGrant-Date\n"
                          "Units (in thousands) Fair Value\nNonvested at December 31, 2024$6,842 $82.14\n"
                          "Granted2,315 96.37\nNonvested at September 30, 2025$6,835 $87.85\n")
    assert table.header[0] == "Weighted-" and [r.label for r in table.rows][0] == "Nonvested at December 31, 2024"


def test_a_range_of_prices_naming_the_line_keeps_its_cents_from_the_first_cell():
    """Salesforce's copied options by exercise price: '$1.34 to $154.142 2.6 $128.18 ...' is the
    range '$1.34 to $154.14' and 2 options (in millions), not a price of 154.142."""
    label, cells = split_row("$1.34 to $154.142 2.6 $128.18 2 $127.85", 1)
    assert label == "$1.34 to $154.14"
    assert [c.text for c in cells] == ["2", "2.6", "$128.18", "2", "$127.85"]
    label, cells = split_row("$10.00 - $20.00 1,234 5.5", 2)
    assert label == "$10.00 - $20.00" and [c.value for c in cells] == [1234, Decimal("5.5")]


def test_a_useful_life_closing_a_line_is_no_part_of_its_figures():
    """Netflix's copied property table prints each class's useful life after its figures
    ('Buildings and improvements508,284 475,684 30 years'): the figures are the line's
    cells; lives standing between figures ('$1,258 12 years$477 12 years') are left as they were."""
    assert [c.text for c in split_row("Buildings and improvements508,284 475,684 30 years", 1)[1]] == ["508,284", "475,684"]
    assert [c.text for c in split_row("Information technology519,162 446,419 3-5 years", 2)[1]] == ["519,162", "446,419"]
    label, cells = split_row("Leasehold improvements1,080,760 1,026,593 Over life of lease", 3)
    assert label == "Leasehold improvements" and len(cells) == 2
    assert split_row("Weighted average remaining lease term5.9 years 6.1 years", 4)[1] == ()
    assert split_row("Customer-related$1,258 12 years$477 12 years", 5)[1] == ()


def test_a_table_ends_at_the_next_notes_heading_and_introducing_sentence():
    """Apple's copied notes run one table into the next with no blank line: 'Note 4 – Financial
    Instruments' and 'The following tables show ... (in millions):' start a table of their own."""
    from converter.readers.text import parse_text
    text = "\n".join([
        "Note 3 – Earnings Per Share",
        "Three Months Ended",
        "June 28, 2025 June 29, 2024",
        "Net income$23,434 $21,448",
        "Diluted earnings per share$1.57 $1.40",
        "Note 4 – Financial Instruments",
        "The following tables show the Company's cash and marketable securities as of June 28, 2025 (in millions):",
        "June 28, 2025",
        "Cash$26,686 $26,686",
        "Money market funds3,779 3,779",
    ])
    tables = parse_text(text)
    assert [[r.label for r in t.rows if r.cells] for t in tables] == [
        ["Net income", "Diluted earnings per share"], ["Cash", "Money market funds"]]
    assert any("The following tables show" in line for line in tables[1].context_before)


def test_the_lines_above_a_statements_title_are_its_context():
    """UnitedHealth's Schedule I copies 'Condensed Financial Information of Registrant /
    (Parent Company Only)' right above 'Condensed Balance Sheets': not header, but what the
    table says about itself, as the paragraphs above an HTML table are."""
    from converter.readers.text import parse_text
    text = "\n".join([
        "Schedule I", "Condensed Financial Information of Registrant", "(Parent Company Only)",
        "Condensed Balance Sheets", "(in millions) December 31,2024December 31,2023",
        "Cash and cash equivalents$234 $776", "Other current assets411 570"])
    table = parse_text(text)[0]
    assert "(Parent Company Only)" in table.context_before
    assert table.header[0] == "Condensed Balance Sheets"


def test_a_sentence_saying_what_follows_ends_the_table_above(tmp_path):
    """UnitedHealth's copied goodwill roll-forward runs straight into 'The gross carrying
    value ... of other intangible assets were as follows:' and the six-column intangibles
    table: the sentence ends the five-column roll-forward, as its paragraph does in the HTML."""
    from conftest import stripped
    doc = read(stripped(tmp_path, "unh-10-k-2025-02-27", "text-noyears"))
    goodwill = next(t for t in doc.tables if any("carrying amount of goodwill, by reportable segment" in line
                                                 for line in t.header + t.context_before))
    assert goodwill.ncols == 5
    assert not any("intangible" in r.label.lower() for r in goodwill.rows)
    assert [r.label for r in parse_text("\n".join([
        "Net sales$10 $20", "Cost of sales5 8",
        "Changes in the carrying amount of goodwill were as follows:",
        "Balance at January 1, 2024$1 $2", "Acquisitions3 4"]))[1].rows] == ["Balance at January 1, 2024", "Acquisitions"]


def test_a_year_leading_a_rows_numbers_is_its_label_in_a_schedule_by_year():
    """'2027 6,573' under '2026 (excluding the first half of fiscal year 2026) $30,930': the
    year labels the row. Where labelled rows lead with a year too ('Beauty 2025 $3,490'
    over '2024 3,550'), the years are a column that dates the rows: each row takes its
    year and, with no label of its own, the label above; the year is no cell."""
    schedule = parse_text("\n".join([
        "Commitments", "2026 (excluding the first half of fiscal year 2026) $30,930", "2027 6,573", "2028 3,915",
        "2031 and thereafter218", "Total$45,774"]))[0]
    assert [(r.label, values(r.cells)) for r in schedule.rows] == [
        ("2026 (excluding the first half of fiscal year 2026)", [Decimal(30930)]), ("2027", [Decimal(6573)]),
        ("2028", [Decimal(3915)]), ("2031 and thereafter", [Decimal(218)]), ("Total", [Decimal(45774)])]
    dated = parse_text("\n".join(["Beauty2025 $3,490 $812", "2024 3,550 830", "Grooming2025 1,602 480",
                                  "2024 1,571 462"]))[0]
    assert [(r.label, r.year, values(r.cells)) for r in dated.rows] == [
        ("Beauty", 2025, [Decimal(3490), Decimal(812)]), ("Beauty", 2024, [Decimal(3550), Decimal(830)]),
        ("Grooming", 2025, [Decimal(1602), Decimal(480)]), ("Grooming", 2024, [Decimal(1571), Decimal(462)])]
    under_heading = parse_text("\n".join(["Three Months Ended March 31", "Segments:", "Beauty2025 $3,490 $812",
                                           "2024 3,550 830", "Grooming2025 1,602 480", "2024 1,571 462"]))[0]
    assert [r.year for r in under_heading.rows] == [None, 2025, 2024, 2025, 2024]  # a heading row opens it


def test_a_one_column_copied_table_is_dated_by_the_sentence_above(tmp_path):
    """Nvidia's copied 'Total future commitments as of July 27, 2025 are as follows:' over
    one column of amounts by fiscal year: balances at July 27, 2025, as its HTML reads."""
    from conftest import stripped
    from converter.detect import detect
    from converter.model import Instant
    import datetime as dt
    filing = detect(read(stripped(tmp_path, "nvda-10-q-2025-08-27", "text-noyears")))
    table = next(t for t in filing.tables if "future commitments as of July 27, 2025" in t.title)
    assert [c.period for c in table.columns] == [Instant(dt.date(2025, 7, 27))]
    assert [r.label for r in table.rows if any(r.cells)][1:3] == ["2027", "2028"]


def test_a_rate_reconciliations_percentages_are_cells_beside_its_amounts(tmp_path):
    """Mastercard's copied rate reconciliation prints each amount with its rate, the rate's
    '%' set off by a space and glued to the next amount ('3,203 21.0 %2,864 21.0 %'): every
    amount and every rate is a cell, the rates percentages, as the HTML reads them."""
    from conftest import stripped
    label, cells = split_row("Foreign tax effect(649) (4.3) %(393) (2.9) %(347) (3.0) %", 1)
    assert label == "Foreign tax effect"
    assert values(cells) == [Decimal(-649), Decimal("-4.3"), Decimal(-393), Decimal("-2.9"), Decimal(-347),
                             Decimal("-3.0")]
    assert [c.percent for c in cells] == [False, True] * 3
    label, cells = split_row("Valuation allowance - U.S. foreign tax credit— — %327 2.4 %(333) (2.8) %", 1)
    assert label == "Valuation allowance - U.S. foreign tax credit" and cells[1].is_dash and cells[1].percent
    doc = read(stripped(tmp_path, "ma-10-k-2025-02-12", "text-noyears"))
    row = next(r for t in doc.tables for r in t.rows if r.label == "Federal statutory tax")
    assert [c.text for c in row.cells] == ["3,203", "21.0 %", "2,864", "21.0 %", "2,464", "21.0 %"]


def test_a_column_of_rates_is_percent_where_only_its_first_rate_shows_the_sign():
    """UnitedHealth's copied reconciliation prints '21.0 %' on the statutory rate and bare
    '1.7', '(0.5)' below it: the whole column is rates, as the HTML reader decides."""
    table = parse_text("\n".join([
        "(in millions, except percentages) 2024 2023",
        "Tax provision at the U.S. federal statutory rate$4,215 21.0 %$6,114 21.0 %",
        "State income taxes, net of federal benefit343 1.7 567 2.0",
        "Share-based awards - excess tax benefit(96) (0.5) (75) (0.3)"]))[0]
    assert [[c.percent for c in r.cells] for r in table.rows if any(r.cells)] == [[False, True, False, True]] * 3


def test_an_amount_only_row_of_a_rate_reconciliation_goes_to_the_amount_columns():
    """'Income before income taxes$15,254 $13,639 $11,732' over rows of amounts and rates:
    its three amounts stand in the three amount columns, not in the first three columns."""
    table = parse_text("\n".join([
        "($ in millions)",
        "Income before income taxes$15,254 $13,639 $11,732",
        "Federal statutory tax3,203 21.0 %2,864 21.0 %2,464 21.0 %",
        "Foreign tax effect(649) (4.3) %(393) (2.9) %(347) (3.0) %"]))[0]
    first = next(r for r in table.rows if r.label == "Income before income taxes")
    assert values(first.cells) == [Decimal(15254), None, Decimal(13639), None, Decimal(11732), None]


def test_caption_groups_of_a_copied_annual_table_are_its_fiscal_years(tmp_path):
    """Mastercard's copied rate reconciliation lost its years: 'AmountPercentAmountPercent
    AmountPercent' under '... for the years ended December 31, was as follows:' is three
    fiscal years, the latest first as the document prints its years."""
    import datetime as dt
    from conftest import stripped
    from converter.detect import detect
    from converter.model import Duration
    filing = detect(read(stripped(tmp_path, "ma-10-k-2025-02-12", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label == "Federal statutory tax" for r in t.rows))
    assert [c.label for c in table.columns] == ["Amount", "Percent"] * 3
    assert [c.period for c in table.columns][::2] == [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31))
                                                      for y in (2024, 2023, 2022)]


def test_each_year_of_a_copied_header_heads_as_many_adjacent_columns(tmp_path):
    """UnitedHealth's copied '(in millions, except percentages) 2024 2023 2022' stands over
    an amount and a rate per year: six columns, two a year, each its fiscal year."""
    import datetime as dt
    from conftest import stripped
    from converter.detect import detect
    from converter.model import Duration
    filing = detect(read(stripped(tmp_path, "unh-10-k-2025-02-27", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label == "Non-deductible compensation" for r in t.rows))
    assert [c.period for c in table.columns] == [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31))
                                                 for y in (2024, 2024, 2023, 2023, 2022, 2022)]


def test_a_long_line_of_captions_run_together_is_a_header_not_prose():
    """Netflix's copied AOCI roll-forward heads its seven columns with one 260-character line
    of captions run together ('Foreign Currency TranslationAdjustmentsNet Investment Hedge
    Gains (Losses) Change in ...Total'): long, but no sentence; it is the table's header."""
    captions = ("Foreign Currency TranslationAdjustmentsNet Investment Hedge Gains (Losses) Change in Unrealized "
                "Gains (Losses) on Cash Flow HedgesChange in Unrealized Gains (Losses) on Excluded Component of Fair "
                "Value HedgesChange in Unrealized Gains (Losses) on AFS SecuritiesTax (Expense) BenefitTotal")
    assert len(captions) > 250
    table = parse_text("\n".join([
        "The following tables summarize the changes in accumulated balances of other comprehensive income (loss):",
        captions, "(in thousands)",
        "Balances as of March 31, 2025$(285,557) $(12,200) $264,945 $5,771 $907 $(59,601) $(85,735)",
        "Other comprehensive income (loss) before reclassifications169,299 (93,400) (1,222,145) (18,099) (907) "
        "306,378 (858,874)"]))[0]
    assert table.header == (captions, "(in thousands)")


def test_a_footnote_mark_set_off_after_a_label_is_no_cell():
    """Amazon's copied goodwill table: 'Other adjustments (1) 11 1 (5) 7' among rows of four
    numbers; the '(1)' marks a footnote. In an equity statement, whose rows show different
    counts, 'Conversion to Class B Common Stock (7) 7' keeps its (7) shares."""
    goodwill = parse_text("\n".join([
        "NorthAmericaInternationalAWSConsolidated",
        "Goodwill - January 1, 2023$16,621 $2,411 $1,256 $20,288",
        "Acquisition activity2,494 — — 2,494",
        "Other adjustments (1) 11 1 (5) 7",
        "Goodwill - December 31, 202319,126 2,412 1,251 22,789",
        "Acquisition activity191 77 52 320",
        "Other adjustments (1) (28) (4) (3) (35)",
        "Goodwill - December 31, 2024$19,289 $2,485 $1,300 $23,074"]))[0]
    assert goodwill.ncols == 4
    assert values(next(r for r in goodwill.rows if r.label == "Other adjustments").cells) == [
        Decimal(11), Decimal(1), Decimal(-5), Decimal(7)]
    equity = parse_text("\n".join([
        "Balance at May 31, 2022305 $— 1,266 $3 $11,484 $318 $3,476 $15,281",
        "Stock options exercised8 421 421",
        "Conversion to Class B Common Stock (7) 7",
        "Repurchase of Class B Common Stock(51) (378) (5,131) (5,509)"]))[0]
    assert values(next(r for r in equity.rows if r.label.startswith("Conversion")).cells)[:2] == [Decimal(-7), Decimal(7)]


def test_a_footnote_mark_glued_to_a_heading_is_no_cell():
    """Walmart's copied segment results: "Sam's Club U.S.(1)" heads its lines as "Walmart
    U.S." does; the '(1)' is a footnote mark, not a negative one in the first column."""
    sams = heading([
        "(Amounts in millions) 2025 2024 2023",
        "Walmart U.S.",
        "Net sales$462,415 $441,817 $420,553",
        "Operating income$23,882 $22,154 $20,620",
        "Sam's Club U.S.(1)",
        "Net sales$90,238 $86,179 $84,345",
        "Operating income$2,404 $2,192 $1,964"], "Sam's Club")
    assert sams.label == "Sam's Club U.S." and not any(sams.cells)


def test_captions_closing_on_a_glued_footnote_mark_are_header():
    """Visa's copied EPS table: its caption line ends 'Earnings perShare =(A)/(B)(2)', whose
    '(2)' is a footnote mark, not a figure; the line is the header's, under 'Basic Earnings
    Per ShareDiluted Earnings Per Share' and over the scale, not a row. A heading with a
    glued mark under the header stays a row."""
    caption = ("IncomeAllocation(A)(1) Weighted-AverageSharesOutstanding (B) Earnings perShare =(A)/(B)(2) "
               "IncomeAllocation(A)(1) Weighted-AverageSharesOutstanding (B) Earnings perShare =(A)/(B)(2)")
    table = parse_text("\n".join([
        "For the Year Ended September 30, 2024",
        "Basic Earnings Per ShareDiluted Earnings Per Share",
        caption,
        "(in millions, except per share data)",
        "Class A common stock$15,790 1,621 $9.74 $19,743 (3) 2,029 (3) $9.73",
        "Class B-1 common stock2,292 148 $15.46 $2,289 148 $15.45"]))[0]
    assert table.header[-2:] == (caption, "(in millions, except per share data)")
    assert [r.label for r in table.rows] == ["Class A common stock", "Class B-1 common stock"]
    first = parse_text("\n".join([
        "(Amounts in millions) 2025 2024 2023",
        "Sam's Club U.S.(1)",
        "Net sales$90,238 $86,179 $84,345"]))[0].rows[0]
    assert first.label == "Sam's Club U.S." and not any(first.cells)


def test_a_fiscal_year_heading_keeps_its_year():
    """Adobe's copied repurchases head each year's rows 'Fiscal 2023'; the year is the
    heading's name, not a number of its row (nor a header line of years in the body)."""
    fiscal = heading([
        "Number of Shares Delivered(in millions) Average Price Paid Per Share",
        "Fiscal 2024",
        "ASR entered into in December 20233.5 $578.11",
        "Total shares delivered17.5",
        "Fiscal 2023",
        "ASR entered into in December 20227.5 $429.65",
        "Total shares delivered7.5"], "Fiscal")
    assert fiscal.label == "Fiscal 2023" and not any(fiscal.cells)


def test_a_caption_spanning_run_together_captions_is_header():
    """Alphabet's copied derivative offsetting: under 'As of December 31, 2023', a caption
    over the last columns ('Gross Amounts Not Offset ..., but Have Legal Rights to Offset')
    sits above the run-together captions of all of them; both are header, not rows."""
    from converter.detect import split_header_pieces

    table = parse_text("\n".join([
        "As of December 31, 2023",
        "Gross Amounts Not Offset in the Consolidated Balance Sheets, but Have Legal Rights to Offset",
        "Gross Amounts RecognizedGross Amounts OffsetNet Amounts PresentedFinancial Instruments(1) Cash CollateralNet Amounts",
        "Derivatives assets$535 $(82) $453 $(213) $(75) $165",
        "Derivatives liabilities$527 $(82) $445 $(213) $(16) $216"]))[0]
    assert len(table.header) == 3 and [r.label for r in table.rows] == ["Derivatives assets", "Derivatives liabilities"]
    assert split_header_pieces(table.header[-1])[3:5] == ["Financial Instruments(1)", "Cash Collateral"]


def test_one_caption_short_splits_where_a_parenthesis_closes_before_a_word(tmp_path):
    """Netflix's copied reclassifications: "RevenuesCost of RevenuesInterest and other income
    (expense) Provision for Income TaxesTotal Reclassifications" over five columns: the run
    splits into four pieces; the one place a parenthesis closes before a capitalized word
    is the fifth break. Where two places could split, none is chosen."""
    from converter.detect import _split_after_parenthesis

    assert _split_after_parenthesis(["Revenues", "Cost of Revenues", "Interest and other income (expense) Provision "
                                     "for Income Taxes", "Total Reclassifications"])[2:4] == [
        "Interest and other income (expense)", "Provision for Income Taxes"]
    assert _split_after_parenthesis(["Gain (Loss) Recognized in OCI", "Gain (Loss) Reclassified"]) is None
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "nflx-10-q-2025-07-18", "text-noyears")), exclude_company="nflx")
    tables = [t for t in filing.tables if "Total Reclassifications" in " ".join(t.raw.header)]
    assert tables and any([c.label for c in t.columns][2:] == [
        "Interest and other income (expense)", "Provision for Income Taxes", "Total Reclassifications"] for t in tables)


def test_a_copied_debt_table_with_columns_of_dates_and_a_rate_first():
    """Salesforce's copied debt table: 'InstrumentDate of IssuanceMaturity DateContractual
    Interest RateOutstanding Principal as of January 31, 2025Carrying Value as of ...' over
    '2028 Senior NotesApril 2018April 20283.70 1,500 1,496 1,495'. The issue date run into
    the label is the row's words, not its name; the captions of the label and the date
    columns head no value column, the others keep their captions without their dates; the
    totals, which leave out the rates, go under the amount columns."""
    from converter.detect import column_labels

    table = parse_text("\n".join([
        "InstrumentDate of IssuanceMaturity DateContractual Interest RateOutstanding Principal as of "
        "January 31, 2025Carrying Value as of January 31, 2025Carrying Value as of January 31, 2024",
        "2024 Senior NotesJuly 2021July 20240.625 %0 0 999",
        "2028 Senior NotesApril 2018April 20283.70 1,500 1,496 1,495",
        "2031 Senior NotesJuly 2021July 20311.95 1,500 1,491 1,490",
        "Total carrying value of debt3,000 2,987 3,484",
        "Less current portion of debt0 (999)"]))[0]
    notes = next(r for r in table.rows if r.label == "2028 Senior Notes")
    assert notes.column_texts[0] == "April 2018" and values(notes.cells)[0] == Decimal("3.70")
    assert column_labels(table) == ["Contractual Interest Rate", "Outstanding Principal", "Carrying Value",
                                    "Carrying Value"]
    total = next(r for r in table.rows if r.label == "Total carrying value of debt")
    current = next(r for r in table.rows if r.label == "Less current portion of debt")
    assert total.cells[0] is None and values(total.cells[1:]) == [Decimal(3000), Decimal(2987), Decimal(3484)]
    assert current.cells[:2] == (None, None)


def test_a_sentence_ending_as_follows_ends_the_table_above(tmp_path):
    """Procter & Gamble's copied segment results run straight into '4. Goodwill and Intangible
    Assets' / 'Goodwill is allocated by reportable segment as follows:' and the goodwill
    roll-forward: the sentence ends the segment table. A footnote saying what follows right
    over its rows ('(1)Amounts include ..., as follows:') still opens a footnote table."""
    from conftest import stripped
    doc = read(stripped(tmp_path, "pg-10-q-2025-04-24", "text-noyears"))
    segments = next(t for t in doc.tables if any(r.label == "Fabric & Home Care" and r.year == 2025 for r in t.rows))
    assert not any(r.label.startswith("Goodwill") for r in segments.rows)
    footnote = parse_text("\n".join([
        "Three Months EndedSix Months Ended", "June 30,June 30,", "Revenue$10 $20 $30 $40", "Cost of revenue5 8 9 9",
        "(1)Amounts include stock-based compensation expense, as follows:", "Cost of revenue $1,386 $2,199 $3,281 $3,448",
        "Sales and marketing 3,373 2,525 7,155 7,664"]))
    assert len(footnote) == 2 and footnote[1].header[:2] == footnote[0].header


def test_a_page_headings_scale_states_the_scale_of_the_tables_below_it():
    """'Amounts in millions of dollars except per share amounts or as otherwise specified.'
    heads each page of Procter & Gamble's notes, lines above a table whose own header names
    no scale: it is the table's scale. A scale line over another table's figures ('(in
    thousands)' heading Netflix's content obligations) is that table's, not the next one's."""
    lines = ["Amounts in millions of dollars except per share amounts or as otherwise specified.",
             "The Procter & Gamble Company 7", "The following is a summary of reportable segment results:",
             "Three Months Ended March 31", "Net Sales", "Beauty$3,490 $3,550", "Grooming1,505 1,539"]
    assert parse_text("\n".join(lines))[0].scale_text.startswith("Amounts in millions")
    other = ["June 30,2025December 31,2024", "(in thousands)", "Less than one year$10,842,959 $11,424,696",
             "Due after one year7,179,966 8,113,910", "Stock options are generally vested in full upon the grant date.",
             "The Company grants options to employees, directors and consultants.",
             "The following table summarizes the options:",
             "Options Outstanding", "Balances as of December 31, 202415,419,002 $312.48",
             "Exercised(2,158,375) 140.28"]
    assert parse_text("\n".join(other))[1].scale_text == ""


def test_a_statements_scale_reaches_over_its_figures_to_the_table_below_it():
    """The crafted asset manager's cash flow statement copied as text: '(in millions)' over
    its forty-odd lines of figures, then "The following table reconciles cash and cash
    equivalents ..." over a table with no scale of its own. The HTML reader, counting the
    statement as one block, gives the reconciliation the statement's scale; the copy counted
    each of its lines, found none within reach and read $3,495.0 million as $3,495.0."""
    lines = ["CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "(in millions)", "Nine Months Ended",
             "September 30,", "2025 2024", "Net income$1,289.8 $1,159.5"]
    lines += [f"Adjustment {k}{k}.0 {k}.5" for k in range(1, 45)]
    lines += ["Cash and cash equivalents, end of period$3,623.4 $3,235.1",
              "The following table reconciles cash and cash equivalents to the statements of cash flows:",
              "September 30,", "2025 2024", "Cash and cash equivalents$3,495.0 $3,116.9",
              "Cash and cash equivalents of consolidated investment products128.4 118.2",
              "Total cash and cash equivalents$3,623.4 $3,235.1"]
    tables = parse_text("\n".join(lines))
    assert len(tables) == 2 and tables[1].scale_text == "(in millions)"
    assert parse_text("\n".join(lines[:2] + ["Some words of a paragraph."] * 41 + lines[2:]))[1].scale_text == ""
    # below the heading of a note, a statement's "(in millions)" up there is not its scale
    note = lines[:-5] + ["NOTES TO CONDENSED CONSOLIDATED FINANCIAL STATEMENTS", "Note 4 — Derivative Instruments",
                         "The Company had the following open positions:", "2025 2026",
                         "Notional volume (Bbls)1,380,000 3,650,000", "Weighted average fixed price ($/Bbl)$71.42 $68.15"]
    assert parse_text("\n".join(note))[1].scale_text == ""


def test_a_table_going_on_under_the_captions_above_keeps_their_scale(tmp_path):
    """Coca-Cola's copied segment table for the six months comes a page after the three
    months', under the same caption line and with no scale of its own: the '(in millions)'
    of the sentence over the first holds for it too."""
    from conftest import stripped
    doc = read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears"))
    six = next(t for t in doc.tables if any(r.label == "Third party" for r in t.rows) and
               any(h.startswith("Six Months Ended") for h in t.header))
    assert "(in millions)" in six.scale_text


def test_a_fair_value_level_column_between_label_and_figures():
    """Nvidia's copied 'Corporate debt securitiesLevel 221,564 81 (9) 21,636' runs its
    'Pricing Category' column into both neighbours: the digit after 'Level' is the level,
    not the figure's first (21,564, not 221,564), and the level is no part of the line's
    name. 'Total Level 3' keeps its name: there the level is the line's own."""
    label, cells = split_row("Corporate debt securitiesLevel 221,564 81 (9) 21,636 2,214 19,422", 1)
    assert label == "Corporate debt securities"
    assert values(cells) == [Decimal(21564), Decimal(81), Decimal(-9), Decimal(21636), Decimal(2214), Decimal(19422)]
    label, cells = split_row("Money market fundsLevel 15,245 — — 5,245 5,245 —", 1)
    assert label == "Money market funds" and values(cells)[0] == Decimal(5245)
    label, cells = split_row("Total Level 3$5 $6", 1)
    assert label == "Total Level 3" and values(cells) == [Decimal(5), Decimal(6)]


def test_a_dollar_sign_before_a_fair_value_level_is_no_part_of_the_lines_name():
    """A crafted homebuilder's copied fair value table: 'Fair ValueHierarchy' heads a column
    of levels, and its first row prints a '$' before its level ('Mortgage loans held for
    sale$Level 2$318,740 $291,930'). The level is that row's words in the column, as on the
    rows below and in the HTML; the line was named 'Mortgage loans held for sale$Level 2',
    and no row kept its level under the caption run into 'Fair Value'."""
    tables = parse_text("The following table presents our assets measured at fair value on a recurring basis "
                        "(in thousands):\nFair ValueHierarchyNovember 30,2025November 30,2024\n"
                        "Mortgage loans held for sale$Level 2$318,740 $291,930\n"
                        "Interest rate lock commitmentsLevel 34,870 3,920\n\n")
    assert [(r.label, r.column_texts[:1], [c.text for c in r.cells]) for r in tables[0].rows] == \
        [("Mortgage loans held for sale", ("Level 2",), ["$318,740", "$291,930"]),
         ("Interest rate lock commitments", ("Level 3",), ["4,870", "3,920"])]


def test_dates_in_columns_between_figures_are_no_end_of_the_figures():
    """Netflix's copied debt table sets issuance and maturity dates between its amounts
    ('5.875% Senior Notes$— $800 February 2015February 2025$— $801'): the dates are a
    column of text, the four amounts the row's cells; a footnote mark glued to the label
    ('3.000% Senior Notes(1) — 487') is no cell where the other rows show four."""
    label, cells = split_row("5.875% Senior Notes$— $800 February 2015February 2025$— $801", 1)
    assert label == "5.875% Senior Notes" and values(cells) == [Decimal(0), Decimal(800), Decimal(0), Decimal(801)]
    label, cells = split_row("4.375% Senior Notes1,000 1,000 October 2016November 20261,005 998", 1)
    assert values(cells) == [Decimal(1000), Decimal(1000), Decimal(1005), Decimal(998)]
    table = parse_text("\n".join([
        "June 30,2025December 31,2024Issuance DateMaturityJune 30,2025December 31,2024",
        "5.875% Senior Notes$— $800 February 2015February 2025$— $801",
        "3.000% Senior Notes(1) — 487 April 2020June 2025— 487",
        "3.625% Senior Notes— 500 April 2020June 2025— 497",
        "4.375% Senior Notes1,000 1,000 October 2016November 20261,005 998"]))[0]
    assert table.ncols == 4
    assert values(table.rows[1].cells) == [Decimal(0), Decimal(487), Decimal(0), Decimal(487)]


def test_captions_run_together_after_a_one_letter_word_stay_in_the_header():
    """Alphabet's copied 'Class AClass BClass CConsolidated' under 'Year Ended December 31,
    2022' names the columns: a header line, not the table's first heading."""
    table = parse_text("\n".join([
        "Year Ended December 31, 2022", "Class AClass BClass CConsolidated", "Basic net income per share:",
        "Net income$27,518 $4,072 $28,382 $59,972",
        "Number of shares used in per share computation5,994 887 6,182 13,063"]))[0]
    assert table.header == ("Year Ended December 31, 2022", "Class AClass BClass CConsolidated")


def test_not_applicable_is_an_empty_cell():
    """Union Pacific's copied property table prints 'N/A' where a column has no amount
    ('Land$5,450 N/A$5,450 N/A', 'Total road62,885 20,145 42,740 N/A'): an empty cell in its
    place, not the end of the figures (the rows were read with no figures at all)."""
    label, cells = split_row("Land$5,450 N/A$5,450 N/A", 1)
    assert label == "Land" and values(cells) == [Decimal(5450), None, Decimal(5450), None]
    label, cells = split_row("Total road62,885 20,145 42,740 N/A", 1)
    assert label == "Total road" and values(cells) == [Decimal(62885), Decimal(20145), Decimal(42740), None]
    assert split_row("Useful lives are not applicable: N/A", 1)[1] == ()


def test_footnote_digits_set_after_figures_are_no_cells():
    """Coca-Cola's copied fair value table: 'Derivatives2— 320 — — (307) 5 13 7' where the
    other rows show six figures; the bare '5' and '7' set after figures mark footnotes.
    A row of the usual count keeps its small figures."""
    table = parse_text("\n".join([
        "June 27, 2025Level 1Level 2Level 3Other3NettingAdjustment4 Fair ValueMeasurements",
        "Equity securities with readily determinable values1$1,959 $158 $30 $124 $— $2,271",
        "Debt securities1— 1,972 — — — 1,972",
        "Derivatives2— 320 — — (307) 5 13 7",
        "Total assets$1,959 $2,450 $30 $124 $(307) $4,256",
        "Other investments2 3 — — — 5"]))[0]
    rows = {r.label: values(r.cells) for r in table.rows}
    assert table.ncols == 6
    assert rows["Derivatives"] == [Decimal(0), Decimal(320), Decimal(0), Decimal(0), Decimal(-307), Decimal(13)]
    assert rows["Other investments"] == [Decimal(2), Decimal(3), Decimal(0), Decimal(0), Decimal(0), Decimal(5)]


def test_footnote_digits_after_figures_in_three_rows_of_seven():
    """The same table at the year end: three rows of seven carry marks after figures
    ('$6,126 5', '(370) 6 219 8'), four show the usual six figures; still the usual count."""
    table = parse_text("\n".join([
        "December 31, 2024Level 1Level 2Level 3Other3NettingAdjustment4 Fair ValueMeasurements",
        "Assets:",
        "Equity securities with readily determinable values1$1,790 $137 $13 $94 $— $2,034",
        "Debt securities1— 1,676 — — — 1,676",
        "Derivatives2— 587 — — (370) 6 217 8",
        "Total assets$1,790 $2,400 $13 $94 $(370) $3,927",
        "Liabilities:",
        "Contingent consideration liability$— $— $6,126 5 $— $— $6,126",
        "Derivatives2— 1,119 — — (1,097) 7 22 8",
        "Total liabilities$— $1,119 $6,126 $— $(1,097) $6,148"]))[0]
    assert table.ncols == 6
    rows = [(r.label, values(r.cells)) for r in table.rows if any(r.cells)]
    assert rows[4] == ("Contingent consideration liability",
                       [Decimal(0), Decimal(0), Decimal(6126), Decimal(0), Decimal(0), Decimal(6126)])
    assert rows[2] == ("Derivatives", [Decimal(0), Decimal(587), Decimal(0), Decimal(0), Decimal(-370), Decimal(217)])


def test_tables_under_the_same_captions_for_other_periods_keep_the_scale(tmp_path):
    """Coca-Cola's copied tax effects of OCI come four times, each under 'Three/Six Months
    Ended <date>Before-Tax AmountIncome TaxAfter-Tax Amount', the '(in millions)' only in the
    sentence over the first: the captions after the period are the same, so each later
    table keeps the scale (the third and fourth were read in units)."""
    from conftest import stripped
    doc = read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears"))
    taxes = [t for t in doc.tables if t.header and t.header[0].endswith("Before-Tax AmountIncome TaxAfter-Tax Amount")]
    assert len(taxes) == 4
    assert all("in millions" in (t.scale_text + " ".join(t.context_before[-1:])) for t in taxes)


def test_a_scale_heading_among_the_first_rows_and_captions_below_a_period_line():
    """Visa's copied earnings per share table prints '(in millions, except per share data)'
    under its captions: the table's scale (a header line since the captions over it are the
    header's too). Alphabet's three copied earnings per
    share tables each open 'Year Ended December 31, <year>' over 'Class AClass BClass
    CConsolidated'; the captions below the period line are the same, so the third, far
    from the sentence stating the scale, keeps it."""
    visa = parse_text("\n".join([
        "The following tables present earnings per share:", "For the Year Ended September 30, 2024",
        "Basic Earnings Per ShareDiluted Earnings Per Share",
        "IncomeAllocation(A)(1) Weighted-AverageSharesOutstanding (B) Earnings perShare =(A)/(B)(2) "
        "IncomeAllocation(A)(1) Weighted-AverageSharesOutstanding (B) Earnings perShare =(A)/(B)(2)",
        "(in millions, except per share data)",
        "Class A common stock$15,790 1,621 $9.74 $19,743 (3) 2,029 (3) $9.73",
        "Class B-1 common stock2,292 148 $15.46 $2,289 148 $15.45"]))[0]
    assert "in millions" in visa.scale_text + " ".join(visa.header)
    assert visa.rows[0].label == "Class A common stock"
    lines = ["The following tables set forth the computation of net income per share (in millions):"]
    for year in (2022, 2023, 2024):
        lines += [f"Year Ended December 31, {year}", "Class AClass BClass CConsolidated",
                  "Net income$27,518 $4,072 $28,382 $59,972", "Number of shares5,994 887 6,182 13,063",
                  "Basic net income per share$4.59 $4.59 $4.59 $4.59"] + \
                 [f"Note line {k} of a long paragraph about the computation that says nothing." for k in range(30)]
    alphabet = parse_text("\n".join(lines))
    assert len(alphabet) == 3 and all("in millions" in t.scale_text + " ".join(t.context_before[-1:])
                                      for t in alphabet)


def test_a_scale_opening_a_header_line_with_a_footnote_mark():
    """Nike's copied lease maturities open '(Dollars in millions) AS OF MAY 31, 2025(1)': a
    header line (its footnote mark no cell, since 5f7b31e), whose scale is the table's."""
    from converter.detect import _scales
    table = parse_text("\n".join([
        "The undiscounted cash flows for future maturities of operating lease liabilities are as follows:",
        "(Dollars in millions) AS OF MAY 31, 2025(1)", "Fiscal 2026$565", "Fiscal 2027575", "Fiscal 2028487",
        "Total undiscounted future cash flows$3,158"]))[0]
    assert table.header == ("(Dollars in millions) AS OF MAY 31, 2025(1)",)
    assert _scales(table)[0] == 6
    assert [r.label for r in table.rows][:2] == ["Fiscal 2026", "Fiscal 2027"]


def test_a_sentence_ending_the_following_ends_the_table_above():
    """Salesforce's copied remaining performance obligation table runs straight into '3.
    Investments' and 'At January 31, 2025, marketable securities consisted of the following
    (in millions):': the sentence ends it, as '... as follows:' does, and opens the next."""
    tables = parse_text("\n".join([
        "Remaining performance obligation consisted of the following (in billions):", "CurrentNoncurrentTotal",
        "As of January 31, 2025$30.2 $33.2 $63.4", "As of January 31, 2024$27.6 $29.3 $56.9",
        "3. Investments", "Marketable Securities",
        "At January 31, 2025, marketable securities consisted of the following (in millions):",
        "AmortizedCostUnrealizedGainsUnrealizedLossesFair Value",
        "Corporate notes and obligations$2,574 $6 $(23) $2,557", "U.S. treasury securities546 0 (4) 542"]))
    assert [len(t.rows) for t in tables] == [2, 2]
    assert tables[1].context_before[-1].startswith("At January 31, 2025, marketable securities")


def test_a_numbered_note_heading_starts_a_new_table():
    """'4. Goodwill and Intangible Assets' heads a note as 'Note 4 - ...' does: copied text
    that runs one note's table into the next note's is cut there."""
    tables = parse_text("\n".join([
        "Three Months Ended March 31", "Net sales$10 $20", "Cost of sales5 8",
        "4. Goodwill and Intangible Assets", "Beauty Grooming Total",
        "Goodwill at June 30, 2024$13,723 $12,633 $26,356", "Translation and other73 47 120"]))
    assert [[r.label for r in t.rows] for t in tables][0] == ["Net sales", "Cost of sales"]


def test_parenthesised_digits_after_a_figure_are_figures_after_a_label_marks():
    """'Other Americas (1)' ends in a footnote mark; Visa's 'Recovery through conversion
    rate adjustment(181) 175 (6)' and '— (2) (5) (5)' end in figures (minus six, minus five)."""
    assert split_row("Other Americas (1)", 1) == ("Other Americas", ())
    label, cells = split_row("Recovery through conversion rate adjustment(181) 175 (6)", 1)
    assert label == "Recovery through conversion rate adjustment"
    assert [c.text for c in cells] == ["(181)", "175", "(6)"]
    _, cells = split_row("Issuance of series A preferred stock— (2) (5) (5)", 1)
    assert [c.text for c in cells] == ["—", "(2)", "(5)", "(5)"]


def test_a_period_heading_over_dates_below_rows_starts_a_table_of_its_own(tmp_path):
    """Coca-Cola's copied equity securities table shows 'Three Months Ended' over 'June
    27,2025June 28,2024' and its rows, then 'Six Months Ended' over the same dates and the
    same rows: the second block is a table of six-month figures, not more three-month rows."""
    from conftest import stripped
    from converter.detect import detect
    from converter.readers import read
    filing = detect(read(stripped(tmp_path, "ko-10-q-2025-07-24", "text-noyears")), exclude_company="ko")
    blocks = [t for t in filing.tables if any(r.label.startswith("Net gains (losses) recognized during the period")
                                              for r in t.rows)]
    assert [t.raw.header[0] for t in blocks[:2]] == ["Three Months Ended", "Six Months Ended"]
    import datetime as dt
    assert [c.period.start for c in blocks[1].columns] == [dt.date(2025, 1, 1), dt.date(2024, 1, 1)]
    assert not any(r.label == "Six Months Ended" for r in blocks[0].rows)


def test_as_of_over_dates_below_rows_of_flows_starts_a_table_of_balances(tmp_path):
    """Netflix's copied lease note: 'Three Months Ended | Six Months Ended' over the cash paid
    for leases, then 'As of' over 'June 30,2025December 31,2024' and the right-of-use assets
    and lease liabilities: the balances are a table of their own, at those two dates."""
    from conftest import stripped
    from converter.detect import detect
    from converter.readers import read
    import datetime as dt
    filing = detect(read(stripped(tmp_path, "nflx-10-q-2025-07-18", "text-noyears")), exclude_company="nflx")
    flows = next(t for t in filing.tables if any(r.label.startswith("Cash paid for operating lease") for r in t.rows))
    balances = next(t for t in filing.tables if any(r.label == "Current operating lease liabilities" for r in t.rows))
    assert flows is not balances
    assert [c.period for c in balances.columns] == [Instant(dt.date(2025, 6, 30)), Instant(dt.date(2024, 12, 31))]


_SEGMENT_NOTE = ("The following tables present financial information relating to our reportable segments (in thousands):\n"
                 "Years Ended November 30,\n{years3}Revenues:\nEast$2,025,690 $2,154,140 $1,972,540\n"
                 "West2,568,920 2,735,960 2,515,390\nTotal revenues$4,594,610 $4,890,100 $4,487,930\n"
                 "November 30,\n{years2}Inventories:\nEast$2,018,640 $1,896,230\nWest1,947,110 1,892,540\n"
                 "Total$3,965,750 $3,788,770\n\n")


@pytest.mark.parametrize("years3, years2", [("2025 2024 2023\n", "2025 2024\n"), ("", "")])
def test_a_header_of_balance_dates_below_the_years_rows_opens_a_table(years3, years2):
    """A crafted homebuilder's copied segment note: its revenues for three years, then
    'November 30,' over '2025 2024' (or, its years lost, over rows of two figures, not three)
    and the segments' inventories, two HTML tables with no text between. The balances are a
    table of their own, under that header and the sentence (and scale) introducing both;
    they were rows of the years' table, flows of the three years."""
    tables = parse_text(_SEGMENT_NOTE.format(years3=years3, years2=years2))
    assert [[r.label for r in t.rows if any(c is not None for c in r.cells)] for t in tables] == \
        [["East", "West", "Total revenues"], ["East", "West", "Total"]]
    assert tables[1].header[0] == "November 30,"
    assert tables[1].ncols == 2
    assert "(in thousands)" in tables[1].context_before[-1]


def test_a_date_heading_rows_under_the_same_columns_stays_a_section():
    """A fair value table's 'December 31, 2024' over rows of as many figures as those of
    2025 above it is a section of the one table, not a table of its own."""
    tables = parse_text("The following table presents assets at fair value (in millions):\n"
                        "Level 1Level 2Level 3Total\nDecember 31, 2025\nMoney market funds$10 $— $— $10\n"
                        "Treasury bills20 5 — 25\nDecember 31,\nMoney market funds$12 $— $— $12\n"
                        "Treasury bills18 4 — 22\n\n")
    assert len(tables) == 1 and len(tables[0].rows) == 5


def test_the_same_captions_at_another_date_below_rows_open_a_table(tmp_path):
    """Union Pacific's copied property table: 'Millions, except estimated useful lifeAs of
    June 30, 2025Cost...' and its rows, then the same captions 'As of December 31, 2024'
    with no blank line between: two tables, each at its own date."""
    from conftest import stripped
    from converter.detect import detect
    from converter.readers import read
    filing = detect(read(stripped(tmp_path, "unp-10-q-2025-07-24", "text-noyears")), exclude_company="unp")
    tables = [t for t in filing.tables if any(r.label.startswith("Ballast") for r in t.rows)]
    assert [{str(c.period) for c in t.columns} for t in tables] == [{"2025-06-30"}, {"2024-12-31"}]
    assert [sum(r.label.startswith("Ballast") for r in t.rows) for t in tables] == [1, 1]


def test_a_negative_rate_closes_its_parenthesis_after_the_percent_sign():
    """Visa's rate reconciliation prints '(828) (4 %)': a negative rate, not the end of the cells."""
    label, cells = split_row("Non-U.S. tax effect, net of federal benefit(828) (4 %) (758) (3 %) (588) (3 %)", 1)
    assert label == "Non-U.S. tax effect, net of federal benefit"
    assert [(c.text, c.percent, c.negative_shown) for c in cells[:2]] == [("(828)", False, True), ("(4 %)", True, True)]
    assert len(cells) == 6


def test_a_years_header_below_rows_starts_the_next_table(tmp_path):
    """AbbVie's copied tax note runs the income tax expense table ('years ended December 31
    (in millions) 2024 2023 2022') into 'Effective Tax Rate Reconciliation' over 'years
    ended December 312024 2023 2022' and the rates: a table of its own, whose '7.6' and
    '(4.4)' are rates beside the '21.0 %' of the statutory rate, not millions of dollars."""
    from conftest import stripped
    from converter.readers import read
    doc = read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears"))
    rates = next(t for t in doc.tables if any(r.label == "Effect of foreign operations" for r in t.rows))
    assert rates.header[0] == "Effective Tax Rate Reconciliation"
    assert not any(r.label.startswith("Total current taxes") for r in rates.rows)
    assert all(c.percent for r in rates.rows for c in r.cells if c is not None and not c.is_dash)
    # a label wrapped over its own line names dates too, and is no header (the seed's balance sheet)
    from converter.readers.text import _lines, _years_header
    wrapped = _lines("Accounts receivable, net of allowances of $5,837 and $5,344 as of June 30, 2021 and "
                     "December 31, 2020, respectively\n")[0]
    assert not _years_header(wrapped) and _years_header(_lines("years ended December 312024 2023 2022\n")[0])


def test_a_caption_line_ending_in_a_company_abbreviation_is_no_sentence():
    """Nike's copied segment header ends '...CORPORATETOTAL NIKE, INC.': a line of captions
    over the table, not prose that ends the table above it."""
    from converter.readers.text import _lines
    line = _lines("(Dollars in millions) NORTH AMERICAEUROPE, MIDDLE EAST & AFRICAGREATER CHINAASIA PACIFIC & "
                  "LATIN AMERICAGLOBAL BRAND DIVISIONSTOTAL NIKE BRANDCONVERSECORPORATETOTAL NIKE, INC.\n")[0]
    assert not line.prose
    assert _lines("The Company sold the building to a third party in May 2024.\n")[0].prose


def test_a_caption_line_over_a_schedule_by_year_is_no_wrapped_label(tmp_path):
    """AbbVie's lease maturities: '(in millions) OperatingleasesFinanceleasesTotal(a)' over
    '2025 $204 $18 $222': the first row's label is its year, so the line above is the
    header, not the first part of a label wrapped over two lines."""
    from conftest import stripped
    from converter.readers import read
    doc = read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears"))
    table = next(t for t in doc.tables if any(r.label == "Less: Interest" for r in t.rows))
    assert any("Financeleases" in h for h in table.header)
    assert table.rows[0].label == "2025" and [c.text for c in table.rows[0].cells if c] == ["$204", "$18", "$222"]


def test_an_award_table_whose_closing_balance_alone_shows_every_column(tmp_path):
    """Visa's copied RSU activity: the movements show units and grant date fair value, the
    closing 'Outstanding as of September 30, 20246,359,661 $230.99 0.93 $1,749' all four
    columns: four columns, the closing units kept (not cut to its last two numbers)."""
    from conftest import stripped
    from converter.readers import read
    doc = read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears"))
    table = next(t for t in doc.tables if any(r.label == "Vested" for r in t.rows) and "Units" in " ".join(t.header))
    closing = next(r for r in table.rows if r.label.startswith("Outstanding as of September 30, 2024"))
    assert table.ncols == 4 and [c.text for c in closing.cells] == ["6,359,661", "$230.99", "0.93", "$1,749"]


def test_footnote_marks_after_figures_where_short_rows_are_many():
    """Visa's copied earnings per share: 'Class A common stock$15,790 1,621 $9.74 $19,743 (3)
    2,029 (3) $9.73' beside rows of six figures, a 'Class B-2 common stock(4) 752 ...' and
    short lines ('Net income$19,743'): the usual count is that of the full rows, the '(3)'
    after figures and the '(4)' after the label are marks, six columns."""
    table = parse_text("\n".join([
        "For the Year Ended September 30, 2024", "Basic Earnings Per ShareDiluted Earnings Per Share",
        "(in millions, except per share data)",
        "Class A common stock$15,790 1,621 $9.74 $19,743 (3) 2,029 (3) $9.73",
        "Class B-1 common stock2,292 148 $15.46 $2,289 148 $15.45",
        "Class B-2 common stock(4) 752 49 $15.45 $751 49 $15.43",
        "Class C common stock623 16 $38.97 $623 16 $38.92",
        "Participating securities286 Not presentedNot presented$286 Not presentedNot presented",
        "Net income$19,743"]))[0]
    assert table.ncols == 6
    rows = {r.label: [c.text if c else None for c in r.cells] for r in table.rows}
    assert rows["Class A common stock"] == ["$15,790", "1,621", "$9.74", "$19,743", "2,029", "$9.73"]
    assert rows["Class B-2 common stock"] == ["752", "49", "$15.45", "$751", "49", "$15.43"]


def test_statement_lines_run_into_the_labels_under_their_caption():
    """Coca-Cola's copied derivatives: 'Foreign currency contractsPrepaid expenses and other
    current assets$66 $311' under '... Financial Statement Line Item Impacted1June 27,2025
    December 31,2024': the label is the instrument, the words after the case change are the
    statement line (the row's column texts, as the HTML reader keeps them)."""
    table = parse_text("\n".join([
        "The following table presents the fair values of the Company's derivative instruments (in millions):",
        "Derivatives Designated as Hedging InstrumentsFinancial Statement Line Item Impacted1June 27,2025December 31,2024",
        "Assets:",
        "Foreign currency contractsPrepaid expenses and other current assets$66 $311",
        "Interest rate contractsOther noncurrent assets120 27",
        "Total assets$196 $422"]))[0]
    assert table.text_caption == "Financial Statement Line Item Impacted"
    rows = {r.label: r.column_texts for r in table.rows if any(r.cells)}
    assert rows == {"Foreign currency contracts": ("Prepaid expenses and other current assets",) * 2,
                    "Interest rate contracts": ("Other noncurrent assets",) * 2, "Total assets": ()}


def test_a_statement_line_between_the_figures_of_a_copied_row():
    """Coca-Cola's copied cash flow hedges: 'Foreign currency contracts$(501) Net operating
    revenues$(69)' under 'Gain (Loss)Recognized in OCIFinancial Statement Line Item
    Impacted...': the gain in OCI, the line's words, then the gain reclassified; both
    figures are cells, the words the row's statement line."""
    table = parse_text("\n".join([
        "The following tables present the pretax impact of derivatives designated as cash flow hedges (in millions):",
        "Gain (Loss)Recognized in OCIFinancial Statement Line Item ImpactedGain (Loss) Reclassified from AOCI into Income",
        "Three Months Ended June 27, 2025",
        "Foreign currency contracts$(501) Net operating revenues$(69)",
        "Foreign currency contracts(11) Cost of goods sold1",
        "Interest rate contracts— Interest expense(1)",
        "Total$(512) $(69)",
        "Three Months Ended June 28, 2024",
        "Foreign currency contracts$160 Net operating revenues$(1)",
        "Interest rate contracts1 Interest expense—",
        "Total$161 $(1)"]))[0]
    rows = [(r.label, values(r.cells), r.column_texts) for r in table.rows if any(r.cells)]
    assert table.ncols == 2 and rows[0] == ("Foreign currency contracts", [Decimal(-501), Decimal(-69)],
                                            ("Net operating revenues",) * 2)
    assert rows[2] == ("Interest rate contracts", [Decimal(0), Decimal(-1)], ("Interest expense",) * 2)


def test_an_award_table_whose_closing_balance_comes_before_a_last_line():
    """Salesforce's copied restricted stock activity: 'Balance as of January 31, 202526
    $250.50 $8,796' shows all three columns, 'Expected to vest' follows it: three columns."""
    table = parse_text("\n".join([
        "Restricted stock activity for fiscal 2025 is as follows:",
        "Outstanding(in millions) Weighted Average Grant Date Fair ValueAggregateIntrinsicValue (in millions)",
        "Balance as of January 31, 202428 $202.95", "Granted - restricted stock units and awards12 302.73",
        "Canceled(3) 226.68", "Vested and converted to shares(12) 203.70",
        "Balance as of January 31, 202526 $250.50 $8,796", "Expected to vest23 $7,693"]))[0]
    assert table.ncols == 3
    closing = next(r for r in table.rows if r.label == "Balance as of January 31, 2025")
    assert [c.text for c in closing.cells] == ["26", "$250.50", "$8,796"]


def test_two_panels_side_by_side_are_read_one_below_the_other(tmp_path):
    """UnitedHealth's copied debt table sets two panels of notes side by side under
    '2024 2023 (continued) 2024 2023': 'Commercial paper$1,300 $1,088 $1,000 4.625%, Jul
    2035971 1,014' is a row of each. The left panel's rows come first, the right one's
    below them, the grand total last, and the header keeps one panel's years."""
    from conftest import stripped
    doc = read(stripped(tmp_path, "unh-10-k-2025-02-27", "text-noyears"))
    table = next(t for t in doc.tables if any(r.label == "Commercial paper" for r in t.rows))
    labels = [r.label for r in table.rows]
    assert table.ncols == 2 and table.header[-1].endswith("2024 2023")
    assert labels[0] == "Commercial paper" and [c.text for c in table.rows[0].cells] == ["$1,300", "$1,088"]
    right = labels.index("$1,000 4.625%, Jul 2035")
    assert right > labels.index("$2,000 5.15%, Jul 2034")  # the left panel's last note comes first
    assert [c.text for c in table.rows[right].cells] == ["971", "1,014"]
    assert labels[-1] == "Total short-term borrowings and long-term debt" and len(labels) == 73


def test_a_repeated_header_without_its_years_opens_a_table(tmp_path):
    """Visa's copied revenue note: "For the Years EndedSeptember 30," / "(in millions)" over
    the revenue lines down to "Net revenue", a page break, then the same header, years lost,
    over "U.S. | International | Net revenue". The repeated header names a period by its
    kind, so it opens the geographic table: one table would have put the revenue lines on
    the geographic axis too."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")))
    revenue = next(t for t in filing.tables if any(r.label == "Service revenue" for r in t.rows))
    assert [r.label for r in revenue.rows][-1] == "Net revenue"
    assert not any(r.label in ("U.S.", "International") for r in revenue.rows)
    assert any([r.label for r in t.rows][:2] == ["U.S.", "International"] for t in filing.tables)


def test_repeated_captions_over_a_period_line_open_the_next_panel(tmp_path):
    """The crafted bank's allowance roll-forward by portfolio segment, copied as text: three
    panels, each the segments' captions run together over "Three (Nine) Months Ended
    September 30, 2025 (2024)" over beginning balance to ending balance. The repeated
    captions carry no date, but the period line right below them does: each panel is a
    table of its own, as in the HTML, and every beginning and ending balance is the
    allowance (the first panel's ending balance was a receivable's allowance, the last
    panel's beginning balance a company concept named after its period heading)."""
    import subprocess
    import sys
    from conftest import REPO, SHARED
    from converter.detect import detect
    from converter.mapping import map_filing
    html = REPO / "tests" / "fixtures" / "html" / "bank-10q.htm"
    copy = tmp_path / "bank-10q.txt"
    copy.write_bytes(subprocess.run([sys.executable, str(SHARED / "tools/strip.py"), "text-noyears", str(html)],
                                    capture_output=True, check=True).stdout)
    facts = map_filing(detect(read(copy))).facts
    balances = [f for f in facts if f.label in ("Beginning balance", "Ending balance")]
    assert len(balances) == 6 * 8
    assert {f.concept.local for f in balances} == {"FinancingReceivableAllowanceForCreditLossExcludingAccruedInterest"}
    assert {f.context.period.date for f in balances if not f.context.dimensions} == {
        dt.date(2025, 6, 30), dt.date(2024, 12, 31), dt.date(2023, 12, 31), dt.date(2025, 9, 30), dt.date(2024, 9, 30)}


def _crafted_copy(tmp_path, name: str):
    """A crafted HTML filing of tests/fixtures/html as strip.py's text-noyears copies it."""
    import subprocess
    import sys
    from conftest import REPO, SHARED
    copy = tmp_path / f"{name}.txt"
    copy.write_bytes(subprocess.run([sys.executable, str(SHARED / "tools/strip.py"), "text-noyears",
                                     str(REPO / "tests" / "fixtures" / "html" / f"{name}.htm")],
                                    capture_output=True, check=True).stdout)
    return copy


def test_a_copied_debt_table_keeps_its_rates_beside_maturities_and_footnote_marks(tmp_path):
    """The crafted REIT's debt note copied as text: "Riverside Logistics Center4.12% June
    2027$98,450 $99,120" under "March 31, 2025Maturity DateMarch 31, 2025December 31, 2024",
    and "Unsecured credit facility (2) 5.42% August 2027135,000 80,000". The maturity between
    the rate and the amounts is words, not a figure's end, so the rate is a cell and not
    the label's; the "(2)" that makes its row one cell wider than any other marks a footnote;
    "Maturity Date" heads those words, not the rate column. The rates are the stated rates
    at March 31, 2025 and the principal amounts those at each date, as from the HTML (the
    rates were in the labels, the columns dated March 31, 2025 and 2024)."""
    from converter.detect import detect
    from converter.mapping import map_filing
    from conftest import REPO

    def debt(path):
        return {(f.label, f.concept.local, str(f.context.period), f.value) for f in map_filing(detect(read(path))).facts
                if f.label in ("Riverside Logistics Center", "Unsecured credit facility")}
    copied = debt(_crafted_copy(tmp_path, "reit-10q"))
    assert copied == debt(REPO / "tests" / "fixtures" / "html" / "reit-10q.htm")
    assert {("Riverside Logistics Center", "DebtInstrumentInterestRateStatedPercentage", "2025-03-31", Decimal("0.0412")),
            ("Riverside Logistics Center", "DebtInstrumentCarryingAmount", "2024-12-31", Decimal(99_120_000)),
            ("Unsecured credit facility", "DebtInstrumentInterestRateStatedPercentage", "2025-03-31",
             Decimal("0.0542"))} < copied


def test_the_round_trip_counts_years_whichever_way_copied_captions_split(tmp_path):
    """Visa's copied RSU table runs its captions together ("...Weighted-AverageRemaining
    ContractualTerm(in years) AggregateIntrinsicValue..."); how they are split between the
    columns follows the captions learned, so a conversion that may not learn from Visa
    (leave-one-company-out) and an analysis that may split them otherwise. The "0.93"
    years the conversion left untagged is still a number of years to the round trip, not
    a missing fact."""
    from conftest import stripped
    from converter import proof
    from converter.arelle_bridge import ValidationReport
    from converter.detect import detect
    from converter.mapping import map_filing
    doc = read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears"))
    facts = map_filing(detect(doc, exclude_company="v"), exclude_company="v").facts
    result = proof.match_cells(detect(doc), facts, ValidationReport((), ()))
    assert result.mismatches == () and result.untagged_years > 0
    assert result.matched + result.untagged_years + result.untagged_dashes + result.untagged_label_numbers + \
        result.untagged_ratios == result.cells


def test_a_copied_one_line_schedule_on_its_side_is_a_table():
    """Copied text of a schedule turned on its side keeps its years on one line and one row
    of figures under them: a table (a lone row of figures is otherwise prose's), with its
    scale line in the header."""
    text = ("As of September 30, 2024, estimated future amortization expense was as follows:\n"
            "For the Years Ending September 30,\n2025 2026 2027 2028 2029 ThereafterTotal\n(in millions)\n"
            "Estimated future amortization expense$701 $532 $385 $265 $127 $142 $2,152\n\n"
            "Revenue grew.\nNet revenue$10 $9\n")
    tables = parse_text(text)
    assert len(tables) == 1
    assert tables[0].header[-1] == "(in millions)"
    assert [c.text for c in tables[0].rows[0].cells] == ["$701", "$532", "$385", "$265", "$127", "$142", "$2,152"]


def test_runs_of_wrapped_captions_with_a_caption_after_them_date_each_run(tmp_path):
    """Amazon's intangible assets copied as text, the year row lost: 'December 31,' over
    'AcquiredIntangibles,Gross (1) AccumulatedAmortization (1) AcquiredIntangibles,Net' twice,
    then 'WeightedAverage LifeRemaining'. Each run of three captions is a year (2023, then
    2024, as the document orders its years), the caption after them at the latest date;
    the captions end at their footnote marks and get their comma's space back (the seven
    columns were seven years back to 2018, under no caption)."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label == "Marketing-related" for r in t.rows))
    assert [c.label for c in table.columns] == ["Acquired Intangibles, Gross", "Accumulated Amortization",
                                                "Acquired Intangibles, Net"] * 2 + ["Weighted Average Life Remaining"]
    assert [c.period.date.year for c in table.columns] == [2023] * 3 + [2024] * 4


@pytest.mark.parametrize("line, label, cells", [
    # maturities run into the label and the rate: the years are the label's words
    ("2014 Notes issuance of $6.0 billion2034 - 20444.80% - 4.95%4.93% - 5.12%4,000 2,750",
     "2014 Notes issuance of $6.0 billion2034 - 2044", ["4.80% - 4.95%", "4.93% - 5.12%", "4,000", "2,750"]),
    ("2020 Notes issuance2025 - 20600.45% - 2.25%0.57% - 2.33%10,000 10,000",
     "2020 Notes issuance2025 - 2060", ["0.45% - 2.25%", "0.57% - 2.33%", "10,000", "10,000"]),
    ("2014 Notes issuance2024 3.38% 3.38% $1,000 $0", "2014 Notes issuance2024", ["3.38%", "3.38%", "$1,000", "$0"]),
    # a year run into a figure below one: "fiscal 2023" then 0.6, not 20,230.6
    ("Structured stock repurchase agreement entered into in fiscal 20230.6 $626.68",
     "Structured stock repurchase agreement entered into in fiscal 2023", ["0.6", "$626.68"]),
])
def test_years_run_into_rates_stay_with_the_label(line, label, cells):
    got_label, got = split_row(line, 1)
    assert got_label == label and [c.text for c in got] == cells


def test_debt_rows_under_two_rate_columns_place_short_rows_under_the_amounts(tmp_path):
    """Alphabet's long-term debt copied as text: 'MaturityCoupon Rate2023 2024' under
    'Effective Interest RateAs of December 31,', notes with a coupon and an effective rate,
    totals with amounts only. Both rate columns are at December 31, 2024, the years date the
    amounts, and 'Less: Current portion of long-term notes(1) (1,000) (999)' is (1,000) and
    (999) under the years, its '(1)' a footnote mark (the rows were placed from the left and
    the columns dated four years back)."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "googl-10-k-2025-02-05", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label.startswith("2016 Notes issuance") for r in t.rows))
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 12, 31))] * 2 + \
        [Instant(dt.date(2023, 12, 31)), Instant(dt.date(2024, 12, 31))]
    current = next(r for r in table.rows if r.label.startswith("Less: Current portion"))
    assert [c.text if c else None for c in current.cells] == [None, None, "(1,000)", "(999)"]


def test_rate_columns_before_dated_amounts_are_at_the_latest_date(tmp_path):
    """Amazon's long-term debt copied as text: 'Maturities (1) Stated Interest RatesEffective
    Interest RatesDecember 31, 2023December 31, 2024' over two columns of rate ranges and two
    of amounts. The dates head the amounts, the rates are at the latest date, and the rate
    columns keep their captions without the maturities' caption run into the first (the
    four columns were two dates spanning two columns each, under no caption)."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "amzn-10-k-2025-02-07", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label.startswith("2017 Notes issuance") for r in t.rows))
    assert [c.label for c in table.columns] == ["Stated Interest Rates", "Effective Interest Rates", "", ""]
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 12, 31))] * 2 + \
        [Instant(dt.date(2023, 12, 31)), Instant(dt.date(2024, 12, 31))]


def test_a_header_line_of_balances_and_movements_dates_each_column(tmp_path):
    """Salesforce's intangible assets copied as text: 'January 31, 2024Additions and
    retirements, netJanuary 31, 2025January 31, 2024Expense and retirements, net...' under
    'Intangible Assets, GrossAccumulated AmortizationIntangible Assets, NetWeightedAverage
    Remaining Useful Life (Years)'. Each date is its column's balance, each caption between
    two of them the year from one to the other, and the line above names each run of dates
    (the columns were dated by guesswork under no caption); the markup reader reads the same
    from its grid."""
    from conftest import stripped
    from converter.detect import detect
    from converter.model import Duration
    filing = detect(read(stripped(tmp_path, "crm-10-k-2025-03-05", "text-noyears")))
    table = next(t for t in filing.tables if "Additions and retirements, net" in " ".join(t.raw.header))
    start, end = Instant(dt.date(2024, 1, 31)), Instant(dt.date(2025, 1, 31))
    year = Duration(dt.date(2024, 2, 1), dt.date(2025, 1, 31))
    assert [c.period for c in table.columns] == [start, year, end, start, year, end, start, end, end]
    assert [c.label for c in table.columns][:3] == [
        "Intangible Assets, Gross", "Intangible Assets, Gross Additions and retirements, net", "Intangible Assets, Gross"]
    assert table.columns[-1].label == "Weighted Average Remaining Useful Life (Years)"


def test_a_sentence_pointing_to_the_table_below_ends_the_table_above(tmp_path):
    """AbbVie's fair values as of December 31, 2024 and, right below, 'The book values,
    approximate fair values ... as of December 31, 2023 are shown in the table below:' over
    the same table for 2023. The sentence introduces a table of its own (the two were read
    as one, the second header and its rows as lines of the first)."""
    from conftest import stripped
    document = read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears"))
    tables = [t for t in document.tables if any("excluding fair value hedges" in r.label for r in t.rows)]
    assert len(tables) == 2
    assert "as of December 31, 2023" in tables[1].context_before[-1]
    assert [r.label for r in tables[1].rows][-1] == "Total liabilities"


def test_a_sentence_ending_in_a_colon_ends_the_table_above(tmp_path):
    """UnitedHealth's intangible assets as copied text, then right below: "The fair values and
    weighted-average useful lives assigned to intangible assets as a result of transactions
    completed during years ended:" over the acquired assets. A line of words opening with
    "The" and ending in a colon is a sentence introducing a table, as its paragraph is in
    the HTML (the acquired assets were read as more rows of the carrying values)."""
    from conftest import stripped
    document = read(stripped(tmp_path, "unh-10-k-2025-02-27", "text-noyears"))
    carrying = next(t for t in document.tables if "Gross Carrying Value" in " ".join(t.header))
    assert [r.label for r in carrying.rows][-1] == "Total"
    acquired = document.tables[carrying.index + 1]
    assert acquired.context_before[-1].startswith("The fair values and weighted-average useful lives")
    assert [r.label for r in acquired.rows][-1] == "Total intangible assets"


def test_one_row_of_figures_under_the_dates_of_its_columns_is_a_table(tmp_path):
    """Home Depot's senior notes as copied text: "The following table presents the aggregate
    fair values and carrying values of our senior notes:", then "February 2, 2025January 28,
    2024", the captions, and one row "Senior notes$45,499 $49,731 $38,495 $40,843". One row
    of figures under the dates of its columns is a table, as the HTML reader reads it."""
    from conftest import stripped
    document = read(stripped(tmp_path, "hd-10-k-2025-03-21", "text-noyears"))
    notes = [t for t in document.tables if [r.label for r in t.rows] == ["Senior notes"]]
    assert len(notes) == 1
    assert [c.value for c in notes[0].rows[0].cells] == [Decimal(45499), Decimal(49731), Decimal(38495), Decimal(40843)]


def test_a_month_in_capitals_run_into_a_caption_dates_the_columns(tmp_path):
    """Nike's derivative assets as copied text: "BALANCE SHEET LOCATIONMAY 31," over
    "(Dollars in millions) 2025 2024". The month run into the capitals of the caption before
    it is still the columns' month: May 31 of 2025 and of 2024 (both columns were read as the
    period end, the text naming no date)."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "nke-10-k-2025-07-17", "text-noyears")), exclude_company="nke")
    assets = next(t for t in filing.tables if any(r.label == "TOTAL DERIVATIVE ASSETS" for r in t.rows))
    assert [c.period for c in assets.columns] == [Instant(dt.date(2025, 5, 31)), Instant(dt.date(2024, 5, 31))]


def test_a_digit_after_the_label_that_a_footnote_below_opens_with_is_its_mark(tmp_path):
    """Mastercard's revenue by region as copied text: "Americas 1$12,375 $11,135 $10,156" and,
    below the table, "1Americas includes the United States, Canada and Latin America.". The
    "1" is the footnote's mark (raised in the HTML), not part of the region's name; "Level
    2$2,628" keeps its level."""
    from conftest import stripped
    document = read(stripped(tmp_path, "ma-10-k-2025-02-12", "text-noyears"))
    labels = [r.label for t in document.tables for r in t.rows]
    assert "Americas" in labels and "Americas 1" not in labels
    assert "Adjusted net revenue" in labels and "Capitalized software" in labels
    googl = read(stripped(tmp_path, "googl-10-k-2025-02-05", "text-noyears"))
    deposits = [r for t in googl.tables for r in t.rows if r.label == "Time deposits"]
    assert deposits and all(set(r.column_texts) == {"Level 2"} for r in deposits)


def test_dates_closing_a_row_after_its_dollar_figures_are_words_not_figures(tmp_path):
    """The crafted partnership's distributions copied in the seed's style: "Quarter ended March
    31, 2025$0.7925 $318 $56 May 2, 2025May 15, 2025". The record and payment dates after the
    figures are a column of words, as the HTML keeps them; their years were read as figures
    and the row lost its per-unit amount and distributions."""
    from conftest import REPO, seed_style_copy
    copy = seed_style_copy(tmp_path, REPO / "tests" / "fixtures" / "html" / "mlp-10q.htm")
    rows = [r for t in read(copy).tables for r in t.rows if r.label == "Quarter ended March 31, 2025"]
    assert rows and [c.value for c in rows[0].cells if c is not None] == [Decimal("0.7925"), Decimal(318), Decimal(56)]


def test_a_table_repeated_for_another_period_shares_the_first_ones_introduction(tmp_path):
    """Netflix's reclassifications out of AOCI as copied text: 'The following tables
    summarize the amounts reclassified ...' over the three months' table, then the same
    captions for the six months right below it. The six months' table is introduced by the
    same sentence, not by the headings of the rows above it (its title was its own header
    line, and its amounts were not read as reclassifications)."""
    from conftest import stripped
    document = read(stripped(tmp_path, "nflx-10-q-2025-07-18", "text-noyears"))
    tables = [t for t in document.tables if any("Total Reclassifications" in line for line in t.header)]
    assert len(tables) == 4
    assert tables[1].context_before == tables[0].context_before and tables[3].context_before == tables[2].context_before
    assert all("reclassified" in " ".join(t.context_before) for t in tables)


def test_a_table_right_below_another_under_the_same_heading_shares_its_introduction(tmp_path):
    """AbbVie's pension plan assets as copied text: "Defined Benefit Pension Plan Assets",
    "Basis of fair value measurement" over the assets "as of December 31 (in millions) 2024",
    then "Basis of fair value measurement" again over those of 2023, right below. The second
    table is the plan's too: its context is what introduced the first and the heading over
    their shared line, as the HTML reader reads the paragraphs before two adjacent tables, not
    the headings inside the first ("Equities", "Fixed income securities"); its assets were
    read as nobody's plan and by company members."""
    from conftest import stripped
    from converter.detect import detect
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "abbv-10-k-2025-02-14", "text-noyears")))
    tables = [t for t in filing.tables if any(r.label.startswith("U.S. mid cap") for r in t.rows)]
    assert len(tables) == 2
    assert tables[1].raw.context_before[-1] == "Defined Benefit Pension Plan Assets"
    assert "Equities" not in tables[1].raw.context_before
    facts = [f for f in map_filing(filing, exclude_company="abbv").facts if f.source.table == tables[1].index
             and f.source.row == next(i for i, r in enumerate(tables[1].rows) if r.label.startswith("U.S. mid cap"))]
    members = {m.local for f in facts for _, m in f.context.dimensions}
    assert "DefinedBenefitPlanEquitySecuritiesUsMidCapMember" in members and "PensionPlansDefinedBenefitMember" in members


def test_captions_beside_the_tables_date_are_the_columns_with_their_words_spaced(tmp_path):
    """Union Pacific's property table copied as text: 'Millions, except estimated useful
    lifeAs of June 30, 2025CostAccumulateddepreciationNet bookvalueEstimateduseful life'.
    After the label column's caption and the date, one caption per column; the words of
    each wrapped line ran together, and the document's prose spaces them again (the columns
    had no captions)."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "unp-10-q-2025-07-24", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label == "Rail and other track material" for r in t.rows))
    labels = [c.label for c in table.columns]
    assert labels[:2] == ["Cost", "Accumulated depreciation"] and labels[-1] == "Estimated useful life"


@pytest.mark.parametrize("line, label, cells", [
    # a year run into the figure after the word that names it a year
    ("Fiscal 2027575", "Fiscal 2027", ["575"]),
    ("Fiscal 2027564 244", "Fiscal 2027", ["564", "244"]),
    ("Fiscal 2026$565", "Fiscal 2026", ["$565"]),
    # the crafted utility 10-K's bonds: the maturity year run into the balance ('due 2028800 800')
    ("2.40% Series due 2028800 800", "2.40% Series due 2028", ["800", "800"]),
    ("4.10% Series due 20321,200 1,200", "4.10% Series due 2032", ["1,200", "1,200"]),
    # a header's date with its footnote mark glued on: no cell
    ("(Dollars in millions) AS OF MAY 31, 2025(1)", "(Dollars in millions) AS OF MAY 31, 2025", []),
])
def test_a_year_or_a_date_run_into_what_follows_stays_in_the_label(line, label, cells):
    """Nike's lease maturities copied as text ('Fiscal 2027575' was one figure, 2,027,575)
    and their header ('AS OF MAY 31, 2025(1)': the '(1)' was a cell, the header a row)."""
    got_label, got = split_row(line, 1)
    assert got_label == label and [c.text for c in got] == cells


@pytest.mark.parametrize("line, label, cells", [
    # a maturity closing a line of debt after its figures: words, no cell
    ("Other1 2 3 — 4.70-5.75%July 2025-January 2031", "Other", ["1", "2", "3", "—", "4.70% - 5.75%"]),
    ("RCF Credit Agreement$— $— $— $5,000 Not applicableJanuary 2028", "RCF Credit Agreement", ["—", "—", "—", "$5,000"]),
    ("China Working Capital Facility— 2,790 2,790 — 2.11% March 2026-April 2026 (2)",
     "China Working Capital Facility", ["—", "2,790", "2,790", "—", "2.11%"]),
])
def test_a_maturity_after_the_figures_is_no_cell(line, label, cells):
    got_label, got = split_row(line, 1)
    assert got_label == label and [c.text for c in got] == cells


def test_captions_under_the_first_caption_and_a_column_of_maturities(tmp_path):
    """Tesla's debt summary copied as text: 'Net Carrying ValueUnpaidPrincipalBalanceUnused
    CommittedAmount (1) ContractualInterest RatesContractualMaturity Date' over 'CurrentLong-Term'.
    The lower line's two captions stand under the first; the rest are cut at the footnote
    mark and share their wrapped words out evenly; the maturity dates are words beside the
    figures (each note's row was read as header text, the columns captioned by guesswork)."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "tsla-10-q-2025-07-24", "text-noyears")))
    table = next(t for t in filing.tables if any(r.label == "China Working Capital Facility" for r in t.rows))
    assert [c.label for c in table.columns] == [
        "Net Carrying Value Current", "Net Carrying Value Long-Term", "Unpaid Principal Balance",
        "Unused Committed Amount", "Contractual Interest Rates"]
    row = next(r for r in table.rows if r.label == "China Working Capital Facility")
    assert [c.text if c else None for c in row.cells] == ["—", "2,790", "2,790", "—", "2.11%"]


def test_a_title_over_a_header_of_scale_and_periods_opens_a_table(tmp_path):
    """UnitedHealth's copied text: the nonvested share table's last row, then 'Other
    Share-Based Compensation Data' over '(in millions, except per share amounts) For the Years
    Ended December 31,': a table of its own under its title (its rows had run on as rows of
    the share table, dated at its balance date)."""
    from conftest import stripped
    document = read(stripped(tmp_path, "unh-10-k-2025-02-27", "text-noyears"))
    shares = next(t for t in document.tables if any(r.label == "Nonvested at end of period" for r in t.rows))
    assert shares.rows[-1].label == "Nonvested at end of period"
    other = next(t for t in document.tables if any(r.label == "Total intrinsic value of stock options exercised"
                                                   for r in t.rows))
    assert other.header[0] == "Other Share-Based Compensation Data"


def test_a_label_ending_in_an_abbreviation_keeps_its_period_and_the_figure_after_it():
    """Walmart's copied text: "Non-U.S.7,738 1,756 1,927" and "Income taxed outside the
    U.S.1.3 %0.1 %1.1 %". The period after "U.S" is the abbreviation's, not a decimal point,
    so the first figure starts after it and the row keeps its three cells (before, "7,738"
    stayed in the label and the row went one cell short). A decimal after a word is not
    split ("Other1.5" is "Other" and 1.5 either way)."""
    label, cells = split_row("Non-U.S.7,738 1,756 1,927", 1)
    assert (label, [c.value for c in cells]) == ("Non-U.S.", [Decimal(7738), Decimal(1756), Decimal(1927)])
    label, cells = split_row("Income taxed outside the U.S.1.3 %0.1 %1.1 %", 1)
    assert label == "Income taxed outside the U.S." and [c.text for c in cells] == ["1.3 %", "0.1 %", "1.1 %"]
    assert split_row("Other1.5 2.5", 1)[0] == "Other"


def test_a_column_of_fair_value_levels_is_words_beside_the_figures_not_a_caption_over_them(tmp_path):
    """Nvidia's copied securities table: 'Pricing Category' heads a column of levels that ran
    into the labels ('Corporate debt securitiesLevel 221,564 81'), and its last caption
    'Reported as' heads the two captions of the line below ('Cash EquivalentsMarketable
    Securities'). The level is the row's words in that column, as the HTML reads it, and
    the six figures take the six captions they stand under, not one to the left."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "nvda-10-q-2025-08-27", "text-noyears")), exclude_company="nvda")
    table = next(t for t in filing.tables if t.raw.text_caption == "Pricing Category")
    corporate = next(r for r in table.raw.rows if r.label == "Corporate debt securities")
    assert corporate.column_texts[0] == "Level 2"
    assert [c.label for c in table.columns] == ["Amortized Cost", "Unrealized Gain", "Unrealized Loss",
                                                "Estimated Fair Value", "Reported as Cash Equivalents",
                                                "Reported as Marketable Securities"]


def test_a_label_columns_caption_run_into_the_first_value_columns_is_not_part_of_it(tmp_path):
    """Tesla's copied adoption table: 'Consolidated Balance Sheets (unaudited):As Previously
    ReportedAdjustments from Adoption ...As Adjusted'. The words up to the colon caption the
    labels; the first value column is 'As Previously Reported', which a member rule reads as
    the figures before the restatement."""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "tsla-10-q-2025-07-24", "text-noyears")), exclude_company="tsla")
    table = next(t for t in filing.tables if any("As Previously Reported" in h for h in t.raw.header))
    assert [c.label for c in table.columns][0] == "As Previously Reported"


def test_a_copied_debt_tables_columns_name_their_amounts_by_the_captions_read(tmp_path):
    """Tesla's copied debt table keeps no header cells; the captions read from its run-together
    header line ('...UnusedCommittedAmount (1) ...') name the columns, so 'Unused Committed
    Amount' is each facility's unused borrowing capacity (R-COL-036), as in the HTML."""
    from conftest import stripped
    from converter.detect import detect
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "tsla-10-q-2025-07-24", "text-noyears")), exclude_company="tsla")
    mapping = map_filing(filing, exclude_company="tsla")
    table = next(t for t in filing.tables if any("UnusedCommitted" in h for h in t.raw.header))
    unused = next(c.index for c in table.columns if c.label == "Unused Committed Amount")
    concepts = {f.concept.local for f in mapping.facts if f.source.table == table.index and f.source.column == unused}
    assert concepts == {"DebtInstrumentUnusedBorrowingCapacityAmount"}


def test_an_open_caption_amid_a_copied_header_heads_the_captions_below_it(tmp_path):
    """Visa's copied securities table: 'AmortizedCostGross UnrealizedFairValue' over
    'GainsLosses'. 'Gross Unrealized' is left open and heads the two captions of the line
    below; the captions beside it stand alone. (Coca-Cola's 'Gross Unrealized' first over
    'CostGainsLosses' may head only some of them, so its line is read the older way.)"""
    from conftest import stripped
    from converter.detect import detect
    filing = detect(read(stripped(tmp_path, "v-10-k-2024-11-13", "text-noyears")), exclude_company="v")
    table = next(t for t in filing.tables if any("AmortizedCostGross" in h for h in t.raw.header))
    assert [c.label for c in table.columns] == ["Amortized Cost", "Gross Unrealized Gains", "Gross Unrealized Losses",
                                                "Fair Value"]


def test_a_heading_ending_in_a_colon_over_a_schedules_years_is_no_wrapped_label():
    """Visa's copied lease maturities: 'Fiscal:' over '2025 $179', '2026 162'... The numbers
    under a colon heading that lead with a year are the schedule's first year, not the
    heading's wrapped numbers; so every year labels its row."""
    tables = parse_text("As of September 30, 2024, the present value of future minimum lease payments was as follows:\n"
                        "Operating Leases\n(in millions)\nFiscal:\n2025 $179\n2026 162\n2027 123\nThereafter357\n"
                        "Total undiscounted lease payments996\n\n")
    rows = [(r.label, [c.text for c in r.cells if c is not None]) for r in tables[0].rows]
    assert rows[:3] == [("Fiscal:", []), ("2025", ["$179"]), ("2026", ["162"])]


def test_a_paragraph_the_copy_broke_over_two_lines_is_one_paragraph_of_context(tmp_path):
    """Salesforce's copied 'In November 2024, the Company acquired ... Own Data Company Ltd.
    (“Own”), a leading provider' runs on at 'of data protection ...' on the next line, and a
    small consideration table sits between it and the purchase price allocation. Joined, the
    paragraph is within the allocation's three of context, so its business is named and
    dated as in the HTML (Goodwill 1,812 at November 30, 2024, on the company's member)."""
    from conftest import stripped
    from converter.detect import detect
    from converter.mapping import map_filing
    filing = detect(read(stripped(tmp_path, "crm-10-k-2025-03-05", "text-noyears")))
    allocation = next(t for t in filing.tables if t.raw is not None and
                      any(r.label == "Goodwill" for r in t.rows) and
                      "summarizes the preliminary fair value" in " ".join(t.raw.context_before))
    assert any("Own Data Company Ltd." in p and "of data protection" in p for p in allocation.raw.context_before)
    facts = [f for f in map_filing(filing, exclude_company="crm").facts
             if f.source.table == allocation.index and f.concept.local == "Goodwill"]
    assert [(f.value, f.context.period, [m.local for _, m in f.context.dimensions]) for f in facts] == \
        [(Decimal("1812000000"), Instant(dt.date(2024, 11, 30)), ["OwnDataCompanyLtdMember"])]


HD_DEPARTMENTS = """The following table presents net sales by merchandising department within our Primary segment, as well as Other net sales:
FiscalFiscalFiscal
dollars in millionsNetSales% of Net SalesNetSales% of Net SalesNetSales% of Net Sales
Appliances$14,046 8.8 %$13,917 9.1 %$14,521 9.2 %
Bath6,485 4.1 6,630 4.3 6,855 4.4
Building Materials12,423 7.8 12,118 7.9 11,410 7.2
Primary segment net sales32,954 20.7 32,665 100.0 32,786 100.0
Other net sales6,406 4.0 — — — —
Net sales$39,360 24.7 %$32,665 100.0 %$32,786 100.0 %
—————
Note: Certain percentages may not sum to totals due to rounding.
"""


def test_a_rule_line_below_a_table_is_no_row_and_share_columns_are_percentages():
    """Home Depot's copied departments table (shares shown with '%' on the first and last
    rows only, a subtotal's '100.0' between) ends with a drawn rule '—————'. The rule is no
    row of a dash, so the table's last line is its total; and every figure under the shares
    is a percentage, the subtotal's too, so the subtotal adds up."""
    table = parse_text(HD_DEPARTMENTS)[0]
    labels = [r.label for r in table.rows]
    assert labels[-1] == "Net sales" and not any(set(label) <= set("—–-") for label in labels if label)
    shares = [r.cells[3] for r in table.rows if r.cells and r.cells[3] is not None and not r.cells[3].is_dash]
    assert shares and all(c.percent for c in shares)


FIXED_WIDTH = Path(__file__).resolve().parent / "fixtures" / "text" / "fixed-width-10q.txt"


def test_a_fixed_width_filing_of_the_nineties():
    """A 10-Q laid out as EDGAR's text filings of 2001 were (crafted): columns aligned by
    spaces, '$   12,345' with spaces after the sign, rules '-----------    ------------'
    under each column and '=======' under totals. Every figure is its own row's, in its own
    column; no rule becomes a row."""
    from converter.detect import detect
    filing = detect(read(FIXED_WIDTH))
    balance, income = filing.tables[0], filing.tables[1]
    rows = {r.label: [c.value if c else None for c in r.cells] for r in balance.rows if not r.is_abstract}
    assert rows["Cash and cash equivalents"] == [Decimal(12345), Decimal(10234)]
    assert rows["Accounts payable"] == [Decimal(15432), Decimal(14321)]
    assert rows["Total assets"] == [Decimal(116046), Decimal(112220)]
    labels = [r.label for t in (balance, income) for r in t.rows]
    assert not [label for label in labels if label and set(label) <= set("-= ")]
    assert [c.shown for c in next(r for r in income.rows if r.label == "Interest expense").cells] == \
        [Decimal(-612), Decimal(-650), Decimal(-1240), Decimal(-1310)]


def test_a_scale_stated_in_another_note_is_not_the_tables():
    """The share counts under '6. Net Loss Per Share' are whole shares, though the sentence
    over the previous note's table said '(in thousands)'; so are they when the heading ran
    into the table's header lines."""
    lines = ["Stock-based compensation expense was recorded as follows (in thousands):",
             "Three Months Ended June 30,", "Cost of revenue$410 $380", "Total$4,570 $4,380",
             "6. Net Loss Per Share", "The following securities were excluded as antidilutive:",
             "June 30,", "Stock options3,539,910 3,702,110", "Total7,850,130 7,657,410"]
    tables = parse_text("\n".join(lines))
    assert len(tables) == 2 and tables[1].scale_text == ""
    assert parse_text("\n".join(lines[:4] + ["", "Some words of the next note."] + lines[5:]))[1].scale_text.endswith(
        "(in thousands):")


def test_the_cover_above_a_statement_is_neither_a_row_nor_its_figures(tmp_path):
    """A copied 10-Q opens with its cover ('... OF THE SECURITIES EXCHANGE ACT OF 1934': a
    year, no figure) and runs into the balance sheet's title with no blank line: the
    statement's rows start under its header, and it is read as a balance sheet."""
    from converter.detect import detect
    lines = ["FORM 10-Q", "QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
             "For the quarterly period ended June 30, 2025", "ACME SOFTWARE, INC.", "Item 1. Financial Statements",
             "CONDENSED CONSOLIDATED BALANCE SHEETS", "(in thousands)", "June 30,December 31,",
             "Cash and cash equivalents$84,210 $97,455", "Total current assets159,245 170,445",
             "Total assets$210,200 $222,705", "Total current liabilities72,985 79,320",
             "Total liabilities85,200 92,790", "Total stockholders’ equity125,000 129,915",
             "Total liabilities and stockholders’ equity$210,200 $222,705"]
    tables = parse_text("\n".join(lines))
    assert len(tables) == 1 and tables[0].header[0] == "CONDENSED CONSOLIDATED BALANCE SHEETS"
    assert tables[0].rows[0].label == "Cash and cash equivalents"
    path = tmp_path / "acme.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert [t.kind.value for t in detect(read(path)).tables] == ["balance"]


def test_a_browsers_copy_with_a_tab_between_cells():
    """A browser copies a table row with a tab between every cell, empty ones included, and
    EDGAR's "$" and ")" stand in cells of their own ("Net loss<TAB><TAB>$<TAB>(7,526<TAB>)"):
    the row was no row at all (no figure closes on a tab), nor were the notes' captions
    apart ("Amortized Cost Gross Unrealized Gains" read as one). A footnote digit on the
    label stays its mark, a caption beside the years stays out of them."""
    lines = ["CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
             "\t\tThree Months Ended June 30,\t\tSix Months Ended June 30,",
             "Amounts in thousands\t\t2025\t\t2024\t\t2025\t\t2024",
             "Loss from operations\t\t\t(8,330\t)\t\t\t(10,780\t)\t\t\t(17,070\t)\t\t\t(22,380\t)",
             "Net loss\t\t$\t(7,526\t)\t\t$\t(9,596\t)\t\t$\t(15,372\t)\t\t$\t(20,026\t)",
             "Basic net loss per share1\t\t$\t(0.18\t)\t\t$\t(0.24\t)\t\t$\t(0.37\t)\t\t$\t(0.50\t)",
             "Gross margin\t\t\t70.8\t%\t\t\t68.4\t%\t\t\t70.7\t%\t\t\t68.2\t%"]
    [table] = parse_text("\n".join(lines))
    rows = {r.label: values(r.cells) for r in table.rows}
    assert rows["Loss from operations"] == [Decimal(-8330), Decimal(-10780), Decimal(-17070), Decimal(-22380)]
    assert rows["Net loss"] == [Decimal(-7526), Decimal(-9596), Decimal(-15372), Decimal(-20026)]
    assert rows["Basic net loss per share"] == [Decimal("-0.18"), Decimal("-0.24"), Decimal("-0.37"), Decimal("-0.50")]
    assert [c.percent for c in table.rows[-1].cells] == [True] * 4
    assert table.ncols == 4 and "Amounts in thousands2025 2024 2025 2024" in table.header
    notes = ["The following tables summarize the Company's available-for-sale securities (in thousands):",
             "\t\tAmortized Cost\t\tGross Unrealized Gains\t\tGross Unrealized Losses\t\tFair Value",
             "U.S. treasury securities\t\t$\t18,210\t\t\t$\t42\t\t\t$\t(5\t)\t\t$\t18,247",
             "Commercial paper\t\t\t9,880\t\t\t\t6\t\t\t\t(1\t)\t\t\t9,885"]
    [table] = parse_text("\n".join(notes))
    assert table.header[-1] == "Amortized CostGross Unrealized GainsGross Unrealized LossesFair Value"
    assert values(table.rows[0].cells) == [Decimal(18210), Decimal(42), Decimal(-5), Decimal(18247)]


def test_a_browsers_copy_says_where_the_label_ends():
    """The tab after a label ends it: figures inside the label stay its own (a preferred
    stock's par value and liquidation preference, notes due in a year) and make no extra
    column, which had moved every balance of the copied balance sheet into the wrong year."""
    lines = ["CONSOLIDATED BALANCE SHEETS", "\tSeptember 30,", "\t2024\t\t2023",
             "Accounts payable\t$\t479\t\t\t$\t375",
             "Series A preferred stock, $0.0001 par value, 25 and 10 shares issued, liquidation preference $1,000\t"
             "1,698\t\t\t1,577",
             "4.150% notes due 2030\t1,250\t\t\t1,250",
             "Cash and due from banks\t$ 42,315\t$ 38,702",
             "Total liabilities\t$\t40,000\t\t\t$\t38,000"]
    [table] = parse_text("\n".join(lines))
    assert table.ncols == 2
    rows = {r.label: values(r.cells) for r in table.rows}
    assert rows["Series A preferred stock, $0.0001 par value, 25 and 10 shares issued, liquidation preference "
                "$1,000"] == [Decimal(1698), Decimal(1577)]
    assert rows["4.150% notes due 2030"] == [Decimal(1250), Decimal(1250)]
    assert rows["Cash and due from banks"] == [Decimal(42315), Decimal(38702)]  # "$" and figure in one cell


def _browser_copy(html: str) -> str:
    """benchmarks/browser_copy.py's copy of ``html``: what a browser pastes as plain text."""
    import importlib.util
    from conftest import REPO
    spec = importlib.util.spec_from_file_location("browser_copy", REPO / "benchmarks" / "browser_copy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.browser_copy(html)


def test_a_browsers_copy_of_a_crafted_filing_tags_what_its_html_does(tmp_path):
    """The crafted software 10-Q pasted from a browser (a tab between cells, "$" and ")"
    in cells of their own) gives the facts its HTML gives: same concepts, periods and
    values (the comprehensive loss statement was lost, share counts read in thousands,
    the investments' captions run into one)."""
    from collections import Counter
    from converter.detect import detect
    from converter.mapping import map_filing
    from conftest import REPO
    html = REPO / "tests" / "fixtures" / "html" / "saas-10q.htm"
    copy = tmp_path / "saas-10q.txt"
    copy.write_text(_browser_copy(html.read_text(encoding="utf-8")), encoding="utf-8")
    assert "\t$\t" in copy.read_text(encoding="utf-8")

    def facts(path):
        return Counter((f.concept.local, f.context, f.unit, f.value) for f in map_filing(detect(read(path))).facts)
    assert facts(copy) == facts(html)


@pytest.mark.parametrize("fixture", ["biotech-10k", "oilgas-10q", "pension-10k", "insurer-10q", "industrial-10k",
                                     "hospital-10k", "airline-10q", "manufacturer-10k"])
def test_a_seed_style_copy_of_a_crafted_filing_tags_what_its_html_does(tmp_path, fixture):
    """Crafted filings copied as the seed was (cells run together, the header's lines of
    years dropped) give the facts their HTML gives. The biotech 10-K's copy lost a cell of an
    equity row ('issuance costs of $243612,000') and its fair value rows ('$ —$ —$ 52,180'),
    the insurer's and the industrial's a figure of each line whose label lists amounts ('of
    $12 and $112,318'), the industrial's its restructuring reserve's members."""
    from conftest import REPO, copies_benchmark, seed_style_copy
    html = REPO / "tests" / "fixtures" / "html" / f"{fixture}.htm"
    facts = copies_benchmark().facts  # a company's own names made one: a copy may word them otherwise
    assert facts(seed_style_copy(tmp_path, html)) == facts(html)


def test_captions_over_an_annual_reports_lost_years_each_span_its_three_years(tmp_path):
    """The crafted utility 10-K copied as the seed was: "Pension BenefitsOther Postretirement
    Benefits" over six columns, the line of years below lost. Each caption spans the three
    fiscal years, latest first, as the HTML reads them; every column was fiscal 2025 with no
    plan, the lines company concepts."""
    import datetime as dt
    from converter.detect import detect
    from converter.mapping import map_filing
    from converter.model import Duration
    from conftest import REPO, seed_style_copy
    copy = seed_style_copy(tmp_path, REPO / "tests" / "fixtures" / "html" / "utility-10k.htm")
    service = {(f.context.period, tuple(m.local for _, m in f.context.dimensions)): f.value
               for f in map_filing(detect(read(copy))).facts if f.concept.local == "DefinedBenefitPlanServiceCost"}
    years = [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in (2025, 2024, 2023)]
    assert [service.get((y, ("PensionPlansDefinedBenefitMember",))) for y in years] == \
        [Decimal(88_000_000), Decimal(92_000_000), Decimal(95_000_000)]
    assert [service.get((y, ("OtherPostretirementBenefitPlansDefinedBenefitMember",))) for y in years] == \
        [Decimal(6_000_000), Decimal(7_000_000), Decimal(7_000_000)]


def test_a_lone_heading_over_a_copied_10k_tables_rows_is_no_header(tmp_path):
    """The crafted manufacturer's 10-K copied as the seed was: the provision for income taxes
    opens with "Current:" right over its rows, its line of years lost. The heading is the
    rows' section, so the columns are the three fiscal years, as the HTML reads them; as the
    table's header it left every column in fiscal 2024, two of three lines company concepts."""
    import datetime as dt
    from converter.detect import detect
    from converter.mapping import map_filing
    from converter.model import Duration
    from conftest import REPO, seed_style_copy
    copy = seed_style_copy(tmp_path, REPO / "tests" / "fixtures" / "html" / "manufacturer-10k.htm")
    federal = {f.context.period: f.value for f in map_filing(detect(read(copy))).facts
               if f.concept.local == "CurrentFederalTaxExpenseBenefit"}
    assert federal == {Duration(dt.date(y, 1, 1), dt.date(y, 12, 31)): Decimal(v) * 1_000_000
                       for y, v in ((2024, 120), (2023, 110), (2022, 100))}


def test_a_copied_equity_statements_continued_page_takes_the_first_pages_layout(tmp_path):
    """The crafted asset manager's equity statement copied as text: its prior year on a
    "(continued)" page under the same three caption lines, each page's header ending in its
    own period line ("Three Months Ended September 30, 2024"). The second page's columns are
    the first's components; that period line had made the layouts differ, and with no balance
    of the prior year on the balance sheet the columns were read in the header's order, wrong."""
    from converter.detect import detect
    from conftest import REPO, seed_style_copy
    copy = seed_style_copy(tmp_path, REPO / "tests" / "fixtures" / "html" / "assetmgr-10q.htm")
    first, second = [t for t in detect(read(copy)).tables if t.kind.name == "EQUITY"][:2]
    layout = [(c.component, c.is_shares) for c in first.columns]
    assert layout[:3] == [("common_stock", True), ("common_stock", False), ("apic", False)]
    assert [(c.component, c.is_shares) for c in second.columns] == layout


def _biotech_facts(path, labels: set[str]) -> set[tuple]:
    from converter.detect import detect
    from converter.mapping import map_filing
    return {(f.label, f.concept.local, f.context, f.value) for f in map_filing(detect(read(path))).facts
            if f.label in labels}


def _biotech_copy(tmp_path):
    from conftest import REPO
    html = REPO / "tests" / "fixtures" / "html" / "biotech-10k.htm"
    copy = tmp_path / "biotech-10k.txt"
    copy.write_text(_browser_copy(html.read_text(encoding="utf-8")), encoding="utf-8")
    return html, copy


def _industrial_copy(tmp_path):
    """The crafted industrial 10-K (tests/fixtures/html) and a browser's copy of it."""
    from conftest import REPO
    html = REPO / "tests" / "fixtures" / "html" / "industrial-10k.htm"
    copy = tmp_path / "industrial-10k.txt"
    copy.write_text(_browser_copy(html.read_text(encoding="utf-8")), encoding="utf-8")
    return html, copy


def test_a_copied_scale_under_the_notes_heading_holds_for_every_note(tmp_path):
    """The crafted industrial 10-K copied as text prints "(Dollars in millions, except per share
    amounts, unless otherwise noted)" once, under "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS",
    and no scale over its note tables: every note below is in millions, as the HTML reader
    reads it (the inventories note's $1,187 was $1,187, beside the balance sheet's $1,187
    million)."""
    html, copy = _industrial_copy(tmp_path)
    labels = {"Total inventories", "Raw materials", "Total principal"}
    copied = _biotech_facts(copy, labels)
    assert copied == _biotech_facts(html, labels)
    assert Decimal(1_187_000_000) in {f[3] for f in copied if f[0] == "Total inventories"}


def test_a_copied_sentence_ending_in_follows_introduces_the_next_table(tmp_path):
    """The industrial's copy: the option table's last row, then "A summary of restricted
    stock unit activity for fiscal 2025 follows:" over the RSU table. The sentence is prose
    that introduces a table, so the RSU activity is a table of its own, its units and grant
    date fair values the RSUs', as in the HTML (its rows were the option table's)."""
    html, copy = _industrial_copy(tmp_path)
    labels = {"Nonvested at September 26, 2024", "Vested", "Nonvested at October 1, 2025"}
    copied = _biotech_facts(copy, labels)
    assert copied == _biotech_facts(html, labels)
    assert any(f[1] == "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsVestedInPeriod"
               for f in copied)


def test_a_copied_captions_unit_leaves_the_other_columns_the_notes_scale(tmp_path):
    """The industrial's copied option table: "Shares (in thousands)" is the share column's
    unit, and the aggregate intrinsic value beside it, which names none, is in the millions
    the notes' heading states, as in the HTML (the caption's unit kept the notes' scale
    away, and $198 million was $198)."""
    html, copy = _industrial_copy(tmp_path)
    labels = {"Outstanding at October 1, 2025", "Exercisable at October 1, 2025"}
    copied = _biotech_facts(copy, labels)
    assert copied == _biotech_facts(html, labels)
    assert Decimal(198_000_000) in {f[3] for f in copied}


def test_a_copied_shares_column_left_of_the_amount_counts_that_components_shares(tmp_path):
    """The industrial's copied equity statement: "Common Shares" and "Treasury Shares" each
    spanned a "Shares | Amount" pair in the HTML; in the copy they stand over no column, and
    the share counts (174.8 million beside $175) are too close to the amounts to tell by
    size. A column captioned "Shares" right left of a stock component's amount counts its
    shares, so each row's facts are the HTML's (the two columns had no component, and every
    movement became a company concept in conflict)."""
    html, copy = _industrial_copy(tmp_path)
    labels = {"Purchases of treasury shares", "Dividends to noncontrolling interests"}
    copied = _biotech_facts(copy, labels)
    assert copied == _biotech_facts(html, labels)
    assert {"TreasuryStockSharesAcquired", "TreasuryStockValueAcquiredCostMethod",
            "MinorityInterestDecreaseFromDistributionsToNoncontrollingInterestHolders"} <= {f[1] for f in copied}


def _equity_facts_of_copy(tmp_path, name: str) -> tuple[set, set]:
    """(HTML, browser's copy) facts of a crafted filing's equity statement: (label, concept,
    context, value)."""
    from conftest import REPO
    from converter.detect import detect
    from converter.mapping import map_filing
    html = REPO / "tests" / "fixtures" / "html" / f"{name}.htm"
    copy = tmp_path / f"{name}.txt"
    copy.write_text(_browser_copy(html.read_text(encoding="utf-8")), encoding="utf-8")

    def equity(path):
        filing = detect(read(path))
        tables = {t.index for t in filing.tables if t.kind.value == "equity"}
        return {(f.label, f.concept.local, f.context, f.value) for f in map_filing(filing).facts
                if f.source.table in tables}
    return equity(html), equity(copy)


def test_copied_aoci_parts_under_their_spanning_caption_are_aocis_parts(tmp_path):
    """The crafted insurer's equity statement pasted from a browser: "Accumulated Other
    Comprehensive Income (Loss)" on a line of its own over "... Net Unrealized Gains (Losses)
    on Investments | Effect of Discount Rate on Future Policy Benefits | Foreign Currency
    Translation | Pension and Postretirement Plans ...". Those captions are the parts of
    AOCI the spanning caption names, each its AOCI member, as in the HTML (they were four
    columns of no component, every line's facts in conflict)."""
    html, copied = _equity_facts_of_copy(tmp_path, "insurer-10q")
    assert copied == html
    assert any(member.local == "AccumulatedNetUnrealizedInvestmentGainLossMember"
               for f in copied for _, member in f[2].dimensions)


def test_a_copied_shares_and_amount_pair_under_a_stock_caption_is_that_stock(tmp_path):
    """The crafted utility's equity statement pasted from a browser: "Common Stock Issued"
    on a line of its own over "Shares | Amount | Retained Earnings | ...". The pair is the
    common stock's share count and amount, as in the HTML (each caption took the next
    component in the header's order: the amounts were retained earnings, retained
    earnings AOCI, and so on to the total)."""
    html, copied = _equity_facts_of_copy(tmp_path, "utility-10k")
    assert copied == html
    assert any(f[1] == "CommonStockSharesOutstanding" for f in copied)


def test_copied_plan_captions_over_repeated_years_date_and_name_their_columns(tmp_path):
    """The crafted utility's net periodic benefit cost pasted from a browser: "(in millions)
    Pension BenefitsOther Postretirement Benefits" over "2025 2024 2023 2025 2024 2023".
    The same run of years once per caption dates the columns as fiscal years, and the scale
    run into the captions is no caption: each plan's three years are its member's, as in
    the HTML (every column was at the year's end, the plans no members)."""
    from conftest import REPO
    from converter.detect import detect
    from converter.mapping import map_filing
    html = REPO / "tests" / "fixtures" / "html" / "utility-10k.htm"
    copy = tmp_path / "utility-10k.txt"
    copy.write_text(_browser_copy(html.read_text(encoding="utf-8")), encoding="utf-8")

    def costs(path):
        return {(f.context, f.value) for f in map_filing(detect(read(path))).facts
                if f.concept.local == "DefinedBenefitPlanServiceCost"}
    copied = costs(copy)
    assert copied == costs(html)
    assert {m.local for context, _ in copied for _, m in context.dimensions} == {
        "PensionPlansDefinedBenefitMember", "OtherPostretirementBenefitPlansDefinedBenefitMember"}


def test_a_copied_line_of_fair_value_levels_is_the_header(tmp_path):
    """The crafted biotech's fair value table pasted from a browser: "Fair Value Measurements
    as of December 31, 2025 Using:" over "Level 1Level 2Level 3Total" (run together, as
    strip.py's copies run them too). The levels are the columns' captions, so the
    securities' fair values sit at their level as in the HTML (the line was a heading of
    the body, every column the total's)."""
    html, copy = _biotech_copy(tmp_path)
    labels = {"Money market funds", "Commercial paper", "Total"}
    copied = _biotech_facts(copy, labels)
    assert copied == _biotech_facts(html, labels)
    assert any(member.local == "FairValueInputsLevel2Member" for f in copied for _, member in f[2].dimensions)


def test_a_copied_line_of_units_below_the_captions_scales_only_its_columns(tmp_path):
    """The crafted biotech's option activity pasted from a browser: "Number of Options |
    Weighted-Average Exercise Price | ... | Aggregate Intrinsic Value" over "(per share) |
    (in years) | (in thousands)". The units go, in order, to the captions they can name, so
    "(in thousands)" scales the intrinsic value alone and the options are counted as shown,
    as in the HTML (8,032,713 options were read as 8,032,713 thousand)."""
    html, copy = _biotech_copy(tmp_path)
    labels = {"Outstanding as of December 31, 2025", "Granted"}
    copied = _biotech_facts(copy, labels)
    assert copied == _biotech_facts(html, labels)
    assert any(f[1] == "ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsOutstandingNumber"
               and f[3] == Decimal(8_032_713) for f in copied)


@pytest.mark.parametrize(("text", "label", "figures"), [
    ("Remainder of 2025 $ 245,310", "Remainder of 2025", ["$ 245,310"]),  # a crafted REIT's future rents
    ("Balance of fiscal 2025 1,200 3,400", "Balance of fiscal 2025", ["1,200", "3,400"]),
    ("Fiscal 2025 1,200", "Fiscal", ["2025", "1,200"]),  # a year after "Fiscal" alone may still be a figure
])
def test_split_row_keeps_the_year_the_rest_of_a_year_names(text, label, figures):
    """A quarterly maturity schedule's first row, 'Remainder of 2025 $ 245,310', names the
    year it is due in: the year is the label's, not a first figure (the schedule's rows
    were read as 'Remainder of' and two figures, and lost their concepts)."""
    got_label, cells = split_row(text, 1)
    assert (got_label, [c.text for c in cells if c is not None]) == (label, figures)


def test_a_header_of_levels_run_together_is_no_row(tmp_path):
    """'Total | Level 1 | Level 2 | Level 3' copied run together ("TotalLevel 1Level 2Level
    3", the crafted pension 10-K's plan assets): the last level's digit was read as an
    amount after "2Level", the header line became a row of 3 and the plan assets under it
    company concepts. A level glued to the level before it is a caption too."""
    assert split_row("TotalLevel 1Level 2Level 3", 1) == ("TotalLevel 1Level 2Level 3", ())
    from conftest import REPO
    from test_mapping import _copied
    from converter.detect import detect
    from converter.mapping import map_filing
    from collections import Counter
    html = tmp_path / "pension-10k.htm"
    html.write_bytes((REPO / "tests" / "fixtures" / "html" / "pension-10k.htm").read_bytes())

    def facts(path):
        return Counter((f.concept.local, f.context, f.value) for f in map_filing(detect(read(path))).facts)
    assert facts(_copied(html)) == facts(html)
