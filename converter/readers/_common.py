"""What the text and HTML readers both need to know about a filing's layout."""
from __future__ import annotations

import re
from dataclasses import replace

from converter.detect.dates import MONTH_NAME
from converter.model import RawRow

ITEM_HEADING = re.compile(r"^\s*item\s+\d+[a-c]?\s*\.?\s*[A-Za-z].{0,110}$", re.I)
ITEM_WORD = re.compile(r"\s*item\s", re.I)  # how an ITEM_HEADING starts, its spaces not yet collapsed


YEAR_CELL = re.compile(r"(?:19|20)\d\d")  # a bare year as a cell's text
DATES_LINE = re.compile(MONTH_NAME + r"\s+\d{1,2},?\s*(?:19|20)\d\d", re.I)  # "February 2, 2025"
SHARE_FIGURE = re.compile(r"\(?\d{1,3}(?:\.\d)?\)?")  # a share shown without its sign ("29", "9.1", "100.0")
RATE_FIGURE = re.compile(r"\(?-?\d{1,2}\.\d{1,3}\)?")  # "7.6", "(4.4)", "3.70": a percentage shown without its sign
# a line counted in years among percentages ("Expected term (in years)", "Expected life, in years")
IN_YEARS = re.compile(r"\bin years\b|\b(?:term|life)\b.*\byears\b", re.I)
# A column caption saying its figures are percentages ("% of Net Sales", "Percent of total")
PERCENT_CAPTION = re.compile(r"^%|^percent(?:age)?\b|\b(?:as a )?(?:%|percent(?:age)?) of\b", re.I)
# "2025 | 2026 | 2027 | 2028 | 2029 | Thereafter | Total" (copied: "2025 2026 ... ThereafterTotal")
SIDEWAYS_SCHEDULE = re.compile(r"(?:(?:19|20)\d\d\s*\|?\s*){3,}.*\bthereafter|"
                               r"^[^|]*\|?\s*(?:(?:19|20)\d\d\s*\|\s*){4}(?:19|20)\d\d\s*$", re.I)
# "in millions", "amounts in thousands", "$ in billions" after a word boundary; it starts with
# a case-sensitive set of first letters (with "İ" and "ı", which IGNORECASE matches to "i"),
# each branch checking its own, so that the regex engine skips to candidates (as
# converter.detect.dates.DATE does): same matches, twice as quick over a filing's texts.
SCALE_PHRASE = re.compile(r"(?-i:[IiİıAaDd$])(?<=\b.)(?:(?<=[Iiİı])n|(?<=[Aa])mounts in|(?<=[Dd])ollars in|(?<=\$) in)"
                          r"\s+(?:thousands|millions|billions)\b", re.I)
SCALE_LOOKBACK = 40
# a note's heading: "Note 5 — Debt", "5. Stock-Based Compensation"
NOTE_HEADING = re.compile(r"^note\s+\d{1,2}\b\s*(?:[-–—:.]\s*)?[A-Z]|^\d{1,2}\.\s*[A-Z][A-Za-z ,&'’()-]{2,80}$", re.I)
LETTERS = re.compile(r"[A-Za-z]{2}")  # text that names something, not a figure or a mark
TABULAR = re.compile(r"^\W*tabular\s+", re.I)  # "(Tabular amounts in millions ...)"
# the heading over all the notes ("NOTES TO CONSOLIDATED FINANCIAL STATEMENTS", "Notes to the
# Condensed Consolidated Financial Statements (Dollars in millions, ...)"), not the statements'
# "See accompanying notes to ..." nor a sentence that refers to them
NOTES_TITLE = re.compile(r"^\W*notes\s+to\s+(?:the\s+)?(?:condensed\s+)?(?:consolidated\s+|combined\s+)?"
                         r"financial\s+statements\b(?:\s*\((?:continued|unaudited)\))?\W*(?:$|\(|[-–—:]\s*\(?)", re.I)


def scale_line(text: str) -> bool:
    """A line that is a scale alone ("Amounts in millions of dollars except per share
    amounts", "(In thousands)"), printed once over a run of notes, not a sentence that
    introduces one table ("... were as follows (in thousands):")."""
    m = SCALE_PHRASE.search(text, 0, 40)
    if m is None:
        return False
    # "(Tabular Amounts in Millions, Except Per Share Data, Ratios, or as Noted)": the word
    # "tabular" says only that the scale is the tables', it is no sentence before the scale
    lead = TABULAR.sub("", text[:m.start()])
    return not LETTERS.search(lead)


def notes_scale(heading: str, text: str) -> bool:
    """``text`` states the scale of every note: a scale alone right under the notes' heading
    ("NOTES TO CONSOLIDATED FINANCIAL STATEMENTS" over "(Dollars in millions, except per share
    amounts, unless otherwise noted)"), or that heading with the scale in it."""
    if NOTES_TITLE.match(text):
        return SCALE_PHRASE.search(text) is not None
    return bool(NOTES_TITLE.match(heading)) and scale_line(text)


def under_column_dates(header: str, figures: int) -> bool:
    """One row of two figures or more under the dates of its columns ("Senior notes" under
    "February 2, 2025 | January 28, 2024" and their fair values and carrying amounts): a
    table, where one row of figures is otherwise none (a cover page's figure)."""
    return figures >= 2 and len(DATES_LINE.findall(header)) >= 2


def on_its_side(header_lines) -> bool:
    """A header of years then "Thereafter", or of five years and nothing else: a maturity
    schedule turned on its side, whose one row of figures (an amortization schedule of a
    single line) is still a table, where one row of figures is otherwise none."""
    return any(SIDEWAYS_SCHEDULE.search(line) for line in header_lines)


def item_heading(text: str) -> str | None:
    """'Item 1. Financial Statements' as a heading; None for other text and for
    table-of-contents entries, which end in a page number."""
    if not ITEM_WORD.match(text):  # most text: no need to collapse its spaces first
        return None
    t = " ".join(text.split())
    if ITEM_HEADING.match(t) and not t[-1].isdigit():
        return t
    return None


def context_text(text: str, limit: int = 400, tail: int = 120) -> str:
    """A paragraph above a table as its context: the first ``limit`` characters, and of a
    longer one its end as well, where "... were as follows (in millions):" introduces the
    table and states its scale."""
    if len(text) <= limit:
        return text
    return f"{text[:limit - tail - 5]} ... {text[-tail:]}"


def percent_columns(rows: list[RawRow], stacks: tuple[tuple[str, ...], ...] = ()) -> list[RawRow]:
    """Figures under a caption that says they are percentages ("Net Sales | % of Net Sales")
    are rates even where no cell shows a "%" of its own; so are the figures of a column
    that shows "%" on some rows and only small one-decimal numbers on the others (a tax
    rate reconciliation: "21.0%" on the statutory rate, then "7.6", "(4.4)")."""
    marked = {k for k, stack in enumerate(stacks) if stack and PERCENT_CAPTION.search(stack[-1])}
    in_years = [IN_YEARS.search(r.label) is not None for r in rows]  # "Expected term (in years) 6.0" among rates
    rates = [r for r, years in zip(rows, in_years) if not years]
    for k in range(max(len(stacks), max((len(r.cells) for r in rows), default=0))):
        cells = [r.cells[k] for r in rates if k < len(r.cells) and r.cells[k] is not None and not r.cells[k].is_dash]
        if any(c.percent for c in cells) and not all(c.percent for c in cells) and (
                all(c.percent or RATE_FIGURE.fullmatch(c.text) for c in cells) or
                # "48 %" atop and "100 %" at the total, shares between ("29", "16"; "9.1", a subtotal "100.0")
                (cells[0].percent and cells[-1].percent and
                 all(c.percent or (SHARE_FIGURE.fullmatch(c.text) and c.value <= 100) for c in cells))):
            marked.add(k)
    if not marked:
        return rows
    return [replace(r, cells=tuple(replace(c, percent=True) if k in marked and c is not None and not c.is_dash
                                   and c.value is not None else c for k, c in enumerate(r.cells)))
            if not years else r for r, years in zip(rows, in_years)]


def years_column(rows: list[RawRow]) -> bool:
    """The first cell of every row holds nothing but a year, two or three of them over four
    rows or more, and numbers follow it ("Beauty | 2025 | $3,490 ..." over "| 2024 | 3,550
    ..."): a column of years that dates its rows, not a column of figures."""
    shown = [r.cells[0].text for r in rows if r.cells and r.cells[0] is not None]
    width = next((len(r.cells) for r in rows if r.cells), 0)  # a heading row has no cells
    return len(shown) >= 4 and all(YEAR_CELL.fullmatch(text) for text in shown) and \
        2 <= len(set(shown)) <= 3 and width > 1


def dated_by_year(rows: list[RawRow], column: int) -> list[RawRow]:
    """Rows dated by their cell in the column of years; a row with no label of its own is
    the labelled row's above it, of another year."""
    out, label = [], ""
    for r in rows:
        year = r.cells[column] if len(r.cells) > column else None
        label = r.label or label
        out.append(replace(r, label=label, year=int(year.text)) if year is not None else r)
    return out
