"""Schedules of dividends: one row per dividend, its dates beside its amounts.

Annual reports list each dividend of the year ("Date Declared | Payment Date | Dividend
Per Share", "Record Date | Payment Date | Dividend per Share | Amount"). A row's figures are
of that dividend, not of the table's columns: a dividend declared belongs to the fiscal
quarter of its declaration (or of its record date, where the table gives no declaration
date), a dividend paid to the day it was paid. Several years may stand side by side, each
under a row of years ("2024 | 2023 | 2022"), with the dates of the first year's only kept.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from converter.detect.dates import YEAR, parse_dates
from converter.model import Column, LineItem, Table

DIVIDEND = re.compile(r"\bdividends?\b", re.I)
# the dates a schedule's header names, in order: "Date Declared", "Record Date", "Payment Date"
# (a copy may run the captions together: "Record DatePayment DateDividend per Share")
DATE_KIND = re.compile(r"(?:\b|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))(?:(?P<kind>declar\w*|record|payment|paid|payable)\s+date|date\s+(?P<kind2>declared|"
                       r"paid|of record|payable))(?!(?-i:[a-z]))", re.I)
NUMERIC_DATE = re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")
CENTS = re.compile(r"\.\d\d$")


@dataclass(frozen=True)
class Schedule:
    declared: bool  # dated by the declaration (or record) date; else a schedule of payments
    dates: dict[int, dt.date]  # row index -> the date that dates its dividend (the first year's)
    years: dict[int, int]  # column index -> the year of its group, where years stand side by side


def dates_in(text: str, year: int | None) -> list[dt.date]:
    """The dates of a row's words in order: "10/30/24", "March 14, 2024", and "March 19"
    in ``year`` when one is known."""
    found = []
    for m in NUMERIC_DATE.finditer(text):
        y = int(m.group("year"))
        found.append((m.start(), int(m.group("month")), int(m.group("day")), y + 2000 if y < 100 else y))
    for month, day, y, at in parse_dates(text):
        if y or year:
            found.append((at, month, day, y or year))
    out = []
    for _, month, day, y in sorted(found):
        try:
            out.append(dt.date(y, month, day))
        except ValueError:  # "2/30/24" is no date
            continue
    return out


def _row_words(table: Table, row: LineItem) -> str:
    """A row's label with the words of its other label cells (the reader may keep a row's
    dates there and none in its label)."""
    raw = table.raw.rows if table.raw is not None else ()
    cells = " ".join(text for text, _ in raw[row.index].label_cells) if row.index < len(raw) else ""
    return f"{row.label} {cells}"


def schedule_of(table: Table, about: str) -> Schedule | None:
    """The table as a schedule of dividends, or None: its title or the sentence above it
    (``about``) speaks of dividends, its header names the dates it gives, and every row of
    figures (a row of years aside) gives a date."""
    if table.raw is None or not DIVIDEND.search(about + " " + " ".join(table.raw.header)):
        return None
    valued = [r for r in table.rows if any(c is not None and c.value is not None for c in r.cells)]
    years_rows = [r for r in valued if is_years_row(r)]
    header = " ".join(list(table.raw.header) + [c.label for c in table.columns] +
                      [_row_words(table, r) for r in table.rows if r not in valued])
    kinds = [(m.group("kind") or m.group("kind2")).lower() for m in DATE_KIND.finditer(header)]
    if not kinds or len(years_rows) > 1:
        return None
    stated = {int(y) for y in YEAR.findall(about)}
    year = stated.pop() if len(stated) == 1 else None
    declared = next((k for k, kind in enumerate(kinds) if kind.startswith(("declar", "record", "of record"))), None)
    dates = {}
    for row in valued:
        if row in years_rows:
            continue
        found = dates_in(_row_words(table, row), year)
        if not found:
            return None
        dates[row.index] = found[declared if declared is not None and declared < len(found) else 0]
    if len(dates) < 2:
        return None
    years = {}
    if years_rows:
        row = years_rows[0]
        shown = [row.label] + [c.text for c in row.cells if c is not None]
        if len(shown) == len(table.columns):
            years = {col.index: int(y) for col, y in zip(table.columns, shown)}
    return Schedule(declared is not None, dates, years)


def is_years_row(row: LineItem) -> bool:
    """A row of years over groups of columns ("2024 | 2023 | 2022") read as a row: a header,
    whose years are no figures to tag (the round trip counts them untagged)."""
    cells = [c for c in row.cells if c is not None]
    return bool(YEAR.fullmatch(row.label.strip())) and bool(cells) and \
        all(YEAR.fullmatch(c.text.strip()) for c in cells)


def caption_of(table: Table, col: Column, schedule: Schedule) -> str:
    """What a column holds: its caption, else what its dividends' numbers show (cents: an
    amount per share)."""
    if col.label:
        return col.label
    shown = [r.cells[col.index].text for r in table.rows if r.index in schedule.dates and
             col.index < len(r.cells) and r.cells[col.index] is not None and r.cells[col.index].value is not None]
    return "per share" if shown and all(CENTS.search(t.strip()) for t in shown) else "amount"
