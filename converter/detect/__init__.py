"""Detect: raw tables -> typed statements with column periods, scale, sections and totals.

``detect(document)`` returns a ``Filing``. Statement kinds are scored with the signals in
``taxonomy_maps/detect/statement_signals.csv``; equity columns are matched to components
with ``equity_components.csv`` and the balance sheet's own numbers.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, product
from math import prod
from pathlib import Path

from converter.detect.dates import MONTH_NAME, YEAR_DIGITS, in_year, last_full_date, parse_dates, period_end
from converter.detect.document import DocumentFacts, document_facts
from converter.detect.equity import cell_value
from converter.detect.equity import components, equity_columns
from converter.detect.equity_rows import place_rows
from converter.detect.label_numbers import ENDS_WITH_AND, SCALE_WORDS, debt_numbers, label_numbers, range_numbers
from converter.detect.periods import (BEGINNING, DATELESS, PERIOD_END_BALANCE, TRAILING_YEARS, column_periods,
                                      dateless_periods, default_duration, fiscal_year_start, heading_period, length_above,
                                      line_periods, rates_only, row_balance_date, row_flow_span, row_years,
                                      stacked_periods)
from converter.errors import NoStatementsError
from converter.readers._common import NOTE_HEADING, scale_line
from converter.model import (Column, Document, Duration, Filing, InputKind, Instant, LineItem, RawTable,
                             StatementKind, Table)

MAPS = Path(__file__).resolve().parents[2] / "taxonomy_maps"
SCALE = re.compile(r"\b(?:in|amounts in|dollars in|\$ in)\s+(thousands|millions|billions)(?-i:(?![a-z]))", re.I)
YEAR_ONLY = re.compile(r"(?:fiscal\s+)?(?:19|20)\d\d", re.I)  # a header cell that is a year and nothing else
HEADER_SCALE = re.compile(r"(?:^|\(|\$\s*)(thousands|millions|billions)(?-i:(?![a-z]))", re.I)  # "Millions, except ..."
EXCEPT_SHARES = re.compile(r"except\s+(?:for\s+)?(?:number of\s+)?(?:share|shares|per[- ]share|unit)", re.I)
SHARES_SCALE = re.compile(r"\bshares\b[^;.)]{0,40}?\bin\s+(thousands|millions)|(thousands|millions)\s+of\s+shares", re.I)
EXCEPT_PER_SHARE_ONLY = re.compile(r"except\s+per[- ]share", re.I)
CAPTION_SCALE = re.compile(r"\((?:in |\$ in )?(thousands|thous\.|millions|billions)\)|\bin (thousands|millions|billions)\b",
                           re.I)
ROW_SCALE = re.compile(r"\((?:in|\$ in)\s+(thousands|millions|billions)\)", re.I)
DEBT_TABLE = re.compile(r"\b(?:notes|debt|borrowings|debentures|bonds)\b", re.I)  # tables whose labels state rates
STATEMENT_HEADING = re.compile(r"^(?:condensed )?(?:consolidated )?(?:statements? of\b|balance sheets?$)", re.I)
TOTAL_LABEL = re.compile(r"^(?:total|net cash|net (?:increase|decrease|change)|subtotal)\b", re.I)


@lru_cache(maxsize=1)
def _signals():
    with open(MAPS / "detect" / "statement_signals.csv", newline="", encoding="utf-8") as fh:
        return [(r["signal_id"], StatementKind(r["kind"]), r["where"], re.compile(r["pattern"], re.I),
                 int(r["weight"])) for r in csv.DictReader(fh)]


NOTE_REFERENCE = re.compile(r"\((?:note|notes)\s+[\w ,and]+\)", re.I)  # "(Note 4)"
TRAILING_MARKS = re.compile(r"\s*(?:\(\d\)\s*)+$")  # footnote marks ending a label: "(1)(2)"


def _clean_label(label: str) -> str:
    if "(" in label:  # what both patterns need: most labels have none
        label = TRAILING_MARKS.sub("", NOTE_REFERENCE.sub("", label))
    return " ".join(label.split()).strip(" :")  # str.split breaks at no-break spaces too


@lru_cache(maxsize=8192)
def _label_signals(label: str) -> frozenset[int]:
    """The row and balance signals (their places in ``_signals()``) a label, cleaned and
    lowercased, matches: sought once per label, which a filing's tables repeat ("Total")."""
    return frozenset(i for i, (_, _, where, pattern, _) in enumerate(_signals())
                     if where != "header" and pattern.search(label))


def _signal_scores(raw: RawTable) -> tuple[dict[StatementKind, int], set[StatementKind]]:
    """Each kind's signal score, and the kinds some signal other than a balance line speaks
    for: "Balance at beginning of period" opens every roll-forward (warranties, deferred
    revenue), so balance lines alone make no statement of equity ("balance" signals)."""
    scores = {k: 0 for k in StatementKind}
    beyond_balances: set[StatementKind] = set()
    matched = set().union(*(_label_signals(_clean_label(r.label).lower()) for r in raw.rows))
    header = " ".join(raw.header).lower()
    for i, (_, kind, where, pattern, weight) in enumerate(_signals()):
        found = pattern.search(header) if where == "header" else i in matched
        if found:
            scores[kind] += weight
            if where != "balance":
                beyond_balances.add(kind)
    return scores, beyond_balances


STATEMENT_TITLE = (
    (StatementKind.COMPREHENSIVE, re.compile(r"statements?\s+of\s+(?:consolidated\s+)?comprehensive", re.I)),
    (StatementKind.CASHFLOW, re.compile(r"statements?\s+of\s+(?:consolidated\s+)?cash\s+flows?", re.I)),
    (StatementKind.EQUITY, re.compile(r"statements?\s+of\s+(?:consolidated\s+)?(?:changes\s+in\s+)?(?:common\s+)?"
                                      r"(?:stockholders|shareholders|shareowners|equity|members)", re.I)),
    (StatementKind.BALANCE, re.compile(r"balance\s+sheets?|statements?\s+of\s+(?:consolidated\s+)?financial\s+"
                                       r"(?:position|condition)", re.I)),
    (StatementKind.INCOME, re.compile(r"statements?\s+of\s+(?:consolidated\s+)?(?:income|operations|earnings|"
                                      r"(?:comprehensive\s+)?loss)\b", re.I)),
)


# a footnote of the table above ("(1) Included in ... in the accompanying consolidated balance
# sheets"), which names a statement without titling this table
FOOTNOTE_LINE = re.compile(r"^\s*(?:\(\w{1,3}\)|\[\w{1,3}\]|\*+)\s*\S|.*\bin the accompanying\b", re.I)
# a line that points at a statement ("See Notes to ..."), which titles no table
POINTER_LINE = re.compile(r"\bnotes?\s+to\b|\bsee\b|\brefer\b", re.I)


# a sentence presenting a note's table, which names a statement it is part of ("The balances
# of consolidated investment products included in the condensed consolidated balance sheets
# were as follows:"), not a title
PRESENTING = re.compile(r"\b(?:were|are|was|is) as follows\b|\bthe following (?:table|tables|schedule)\b", re.I)

# the lines printed under a statement's title: its scale, "(unaudited)", "(continued)"
TITLE_ANNOTATION = re.compile(r"^\(?\s*(?:unaudited|continued)\s*\)?\s*:?$", re.I)


def _title_lines(context_before: tuple[str, ...]) -> list[str]:
    """The two lines just above the table, passing over the annotations under a title
    ("(In thousands)", "(Unaudited)"): a statement continued on its next page carries them
    under its "... BALANCE SHEETS (Continued)"."""
    lines: list[str] = []
    for line in reversed(context_before):
        if len(lines) == 2:
            break
        if not (scale_line(line) or TITLE_ANNOTATION.match(line.strip())):
            lines.append(line)
    return lines[::-1]


def _titled_kind(raw: RawTable) -> StatementKind | None:
    """A statement title just above the table ("CONSOLIDATED BALANCE SHEETS") names its kind."""
    for line in list(raw.header[:4]) + _title_lines(raw.context_before):
        if len(line) > 160 or FOOTNOTE_LINE.match(line) or \
                POINTER_LINE.search(line) or PRESENTING.search(line):
            continue
        for kind, pattern in STATEMENT_TITLE:
            if pattern.search(line):
                return kind
    return None


# columns of a statement's lines before and after a revision or a new standard's adoption;
# copied text runs the captions together ("As Previously ReportedAdjustments from ...")
REVISED_COLUMNS = re.compile(r"\b(?:previously|originally) reported(?-i:(?![a-z]))", re.I)


def classify(tables: tuple[RawTable, ...]) -> dict[int, StatementKind]:
    """Kinds by title where a statement title heads the table, else by the rows' signals
    (at most one table per primary kind by signals; equity may span tables)."""
    kinds: dict[int, StatementKind] = {}
    thresholds = {StatementKind.BALANCE: 7, StatementKind.INCOME: 6, StatementKind.COMPREHENSIVE: 6,
                  StatementKind.EQUITY: 6, StatementKind.CASHFLOW: 9}
    taken: set[StatementKind] = set()
    prev_kind = None
    for raw in tables:
        scores, beyond_balances = _signal_scores(raw)
        # the strongest kind still open (a second comprehensive income table is not one;
        # the equity roll-forward it resembles may be)
        open_kinds = [k for k in thresholds if k not in taken or k is StatementKind.EQUITY]
        best = max(open_kinds or thresholds, key=lambda k: scores[k])
        kind = StatementKind.NOTE
        titled = _titled_kind(raw)
        if REVISED_COLUMNS.search(" ".join(raw.header)):
            kind = StatementKind.NOTE  # "As Previously Reported | Adjustments | As Adjusted", whatever its title
        elif titled is not None and scores[titled] >= 2:
            kind = titled  # a title plus some agreeing rows: a statement, even a second one
        elif scores[best] >= thresholds[best] and (best not in taken or best is StatementKind.EQUITY) and \
                best in beyond_balances:
            kind = best
        elif prev_kind is StatementKind.CASHFLOW and raw.header[:2] == tables[raw.index - 1].header[:2] \
                and len(raw.rows) <= 12 and not _introduced(raw, tables[raw.index - 1]):
            kind = StatementKind.CASHFLOW  # supplemental disclosures continue the statement
        if kind is StatementKind.EQUITY and raw.ncols < 2:
            kind = StatementKind.NOTE
        kinds[raw.index] = kind
        if kind is not StatementKind.NOTE:
            taken.add(kind)
        prev_kind = kind
    return kinds


# A sentence that presents a table of its own ("Revenue by source consists of the following
# (in millions):", "The following table presents revenues by geography"), or a note heading.
INTRODUCTION = re.compile(r"\bthe following\b|\bas follows\b|\bconsists? of the following\b|^note \d+\b", re.I)


def _introduced(raw: RawTable, previous: RawTable) -> bool:
    """A sentence or note heading between the previous table and this one presents it: a note
    table (revenue by source right after the cash flow statement, under the same year
    columns), not the statement's supplemental lines."""
    new = [line for line in raw.context_before if line not in previous.context_before]
    return any(INTRODUCTION.search(line) for line in new)


FINANCIAL_STATEMENTS_ITEM = re.compile(r"financial\s+statements?\b", re.I)


# "Exhibit | Description | Incorporated by Reference | Form | File No. | Filing Date", "Exhibit
# Number | Exhibit Description": Item 15's list
EXHIBIT_INDEX = re.compile(r"\bexhibit\b.*\b(?:incorporated by reference|filed herewith|furnished herewith)\b|"
                           r"\bexhibit\s*(?:number|no\.|description)", re.I)  # copied text: "ExhibitDescriptionReference"


def _in_financial_statements(tables: tuple[RawTable, ...], kinds: dict[int, StatementKind]) -> set[int]:
    """Tables of the financial statements and their notes: from the first primary statement
    on, and, where a statement sits under a financial statements item heading, only the
    tables under such headings, else only those under the items the statements sit under
    (cover pages, MD&A and other items are not tagged)."""
    first = min((t.index for t in tables if kinds[t.index].primary), default=0)
    keep = {t.index for t in tables if t.index >= first}
    under_item = {t.index for t in tables if FINANCIAL_STATEMENTS_ITEM.search(t.item)}
    if any(kinds[i].primary for i in under_item):
        return keep & under_item  # MD&A summaries titled like statements are not the statements
    # no statement under a financial statements heading (the heading was not found): the
    # items the statements sit under, and none of the later ones (MD&A, Part II)
    theirs = {t.item for t in tables if kinds[t.index].primary}
    return {i for i in keep if tables[i].item in theirs or FINANCIAL_STATEMENTS_ITEM.search(tables[i].item)}


def _rows_by_component(raw: RawTable, row_items) -> bool:
    """An equity statement laid out by rows (a section per component, periods as columns)
    rather than by columns (a column per component, balances as dated rows)."""
    if row_items is not None:
        return False
    header = " ".join(raw.header)
    named = {k["component"] for k in components() if k["component"] != "total" and k["header_re"].search(header)}
    return len(named) < 2


def _scales(raw: RawTable, without: frozenset[str] = frozenset()) -> tuple[int, int, int]:
    """(monetary, shares, per-share) powers of ten from the header and nearby text;
    ``without`` names header pieces (column captions) left out."""
    header = [" | ".join(p for p in h.split(" | ") if p.strip() not in without) if " | " in h else
              _without_caption_scales(h, without) for h in raw.header]
    nearby = raw.scale_text or " ".join(t for t in raw.context_before[-1:] if _counts_above(raw, t))
    text = " ".join(header) + " " + nearby
    m = SCALE.search(text) or next(filter(None, (HEADER_SCALE.search(h) for h in header)), None)
    scale = SCALE_WORDS[m.group(1).lower().rstrip("s")] if m else 0
    shares = 0 if EXCEPT_SHARES.search(text) and not EXCEPT_PER_SHARE_ONLY.search(text) else scale
    # each header cell and the scale line apart: a "Shares" caption (beside "Amount") is
    # not "shares ... in thousands" with the "(in thousands, except share data)" after it
    pieces = [piece for h in header for piece in h.split(" | ")] + [nearby]
    m = next(filter(None, (SHARES_SCALE.search(piece) for piece in pieces)), None)
    if m:  # "shares in thousands", "number of shares, which are reflected in thousands"
        shares = SCALE_WORDS[(m.group(1) or m.group(2)).lower().rstrip("s")]
    return scale, shares, 0


NET_INCOME_LINE = re.compile(r"^net\s+(?:\(?(?:loss|income|earnings)\)?\s*)+(?:attributable to common\b.*)?$", re.I)
PER_SHARE_LINE = re.compile(r"\bper\s+(?:common\s+|ordinary\s+)?share\b", re.I)
SHARES_LINE = re.compile(r"\bweighted[- ]average\b.*\bshares\b|^(?:basic |diluted )?shares used\b", re.I)


def _shares_scale_by_earnings(items: list[LineItem], scale: int, shares_scale: int) -> int:
    """The scale of an income statement's share counts where net income over them gives
    its earnings per share: "(in thousands, except per share data)" over weighted-average
    shares shown whole (41,021,337 beside a net loss of 7,526 and a loss per share of 0.18)
    scales the amounts only."""
    net = next((it for it in items if NET_INCOME_LINE.match(it.label.strip())), None)
    per_share = next((it for it in items if PER_SHARE_LINE.search(it.label) and not SHARES_LINE.search(it.label)), None)
    shares = next((it for it in items if SHARES_LINE.search(it.label)), None)
    if net is None or per_share is None or shares is None:
        return shares_scale
    for a, b, c in zip(net.cells, per_share.cells, shares.cells):
        if a is None or b is None or c is None or not (a.value and b.value and c.value):
            continue
        earned = abs(a.value).scaleb(scale)
        eps = abs(b.value)
        near = max(Decimal("0.011"), eps * Decimal("0.15"))
        if abs(earned / abs(c.value).scaleb(shares_scale) - eps) <= near:
            return shares_scale
        return 0 if abs(earned / abs(c.value) - eps) <= near else shares_scale
    return shares_scale


SHARE_COUNT_KINDS = frozenset({"issued", "outstanding", "issued_outstanding"})


def _shares_scale_by_balance_sheet(items: list[LineItem], cols: list[Column], bs: Table | None,
                                   shares_scale: int) -> int:
    """The scale of an equity statement's share column where its balance rows equal, as
    shown, the shares the balance sheet's label states at that date: "(Dollars in
    thousands, except per share data)" over 18,412,905 shares beside the balance sheet's
    "18,412,905 ... shares issued and outstanding" scales the amounts only."""
    if bs is None or not shares_scale:
        return shares_scale
    stated = {(bs.columns[n.column].period, n.cell.shown.scaleb(n.scale)) for it in bs.rows for n in it.label_numbers
              if n.kind in SHARE_COUNT_KINDS and n.column < len(bs.columns) and n.cell.shown is not None}
    share_cols = [k for k, c in enumerate(cols) if c.is_shares]
    for it in items:
        if not isinstance(it.period_override, Instant):
            continue
        for c in share_cols:
            shown = cell_value(it.cells[c]) if c < len(it.cells) else None
            if shown and (it.period_override, shown.scaleb(shares_scale)) in stated:
                return shares_scale
            if shown and (it.period_override, shown) in stated:
                return 0
    return shares_scale


def _counts_above(raw: RawTable, line: str) -> bool:
    """Whether the paragraph above a table can state its scale: not a sentence above the
    heading of the table's own note, which a copy ran into its header ("Note 16. Supplemental
    Cash Flow Information" over figures, the "... consisted of the following (in millions):"
    above it introduced the table of the note before), as the HTML reader counts it; a scale
    alone ("(In millions)") is all the notes' below it."""
    return scale_line(line) or not any(NOTE_HEADING.match(h.strip()) for h in raw.header[:1])


def _without_caption_scales(line: str, captions: frozenset[str]) -> str:
    """A copied header line, its cells run together, without the scale each of ``captions``
    names for its own column ("...AggregateIntrinsicValue(1)(in millions)"): the last such
    phrase in the line per caption, since a caption's unit closes it."""
    for caption in captions:
        if (m := CAPTION_SCALE.search(caption)) is not None:
            head, found, tail = line.rpartition(m.group())
            line = head + " " + tail if found else line
    return line


def _column_scales(raw: RawTable, cols: list[Column], scales: tuple[int, int, int]):
    """Where some column captions name a scale and others none ("Options | Weighted-average
    exercise price | Aggregate intrinsic value (in millions)"), the scale is those columns'
    own and the table's comes from the rest of the header and the text above."""
    captions = [column_caption(raw, c) for c in cols]
    # amounts per share are shown to the cent, whatever the table's scale ("Amount per Share"
    # beside "Total Amount Paid (in millions)"), and so are the columns the scale excepts
    excepted = _excepted_columns(raw, captions) | {k for k, caption in enumerate(captions)
                                                   if PER_SHARE_CAPTION.search(caption)}
    own = [_caption_scale(caption) for caption in captions]
    if any(s is not None for s in own) and not all(s is not None for s in own):
        # a caption stacked on header rows ("Aggregate Intrinsic Value" over "(in thousands)")
        # leaves its scale in a header piece of its own: that piece is the column's too
        stacked = {piece for c, s in zip(cols, own) if s is not None and c.index < len(raw.column_headers)
                   for piece in raw.column_headers[c.index]}
        cols, scales = [replace(c, scale=s) for c, s in zip(cols, own)], _scales(raw, frozenset(captions) | stacked)
    if excepted and len(excepted) < len(cols):
        cols = [replace(c, scale=0) if k in excepted else c for k, c in enumerate(cols)]
    return cols, scales


def _excepted_columns(raw: RawTable, captions: list[str]) -> set[int]:
    """Columns the scale's exception names ("(in millions, except conversion rate)" over
    "Conversion Rate Into Class A Common Stock"): their figures are as shown. Shares and
    amounts per share have scales of their own (_scales)."""
    text = " ".join(raw.header) + " " + raw.scale_text
    named = [m.group(1).lower().rstrip("s") for m in EXCEPTED.finditer(text)
             if not EXCEPT_SHARES.search(m.group(0)) and not PER_SHARE_WORDS.search(m.group(1))]
    return {k for k, caption in enumerate(captions) if any(word in caption.lower() for word in named)}


# "(in millions, except conversion rate)": what the scale leaves as shown
EXCEPTED = re.compile(r"\bexcept(?:\s+for)?\s+(?:the\s+)?([a-z][a-z -]*?)(?:\s+data|\s+amounts?|\s+information)?"
                      r"\s*(?:\)|,|;|$|\band\b)", re.I)
PER_SHARE_CAPTION = re.compile(r"\bper (?:common |ordinary )?share\b|\bper (?:common |limited partner(?:ship)? )?unit\b|\bexercise price\b|\bprice paid\b", re.I)
PER_SHARE_WORDS = re.compile(r"\bshares?\b|\bunits?\b", re.I)


def column_caption(raw: RawTable | None, col: Column) -> str:
    """A column's caption: its label, else the header cells standing over it (a roll-forward
    dated by its rows, "Balance as of September 28, 2024", keeps no labels of its own)."""
    if col.label or raw is None or col.index >= len(raw.column_headers):
        return col.label
    return " ".join(raw.column_headers[col.index])


def _caption_scale(caption: str) -> int | None:
    m = CAPTION_SCALE.search(caption)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return 3 if word == "thous." else SCALE_WORDS[word.rstrip("s")]


# units a caption may end in: "Remaining Contractual Term (in years)", "Options (thous.)"
# (lower case, or capitalized as "(Years)", "(In Millions)" when they close a caption)
UNITS_CLOSING = ("(in years)", "(years)", "(in yrs.)", "(yrs.)", "(in thousands)", "(thousands)", "(thous.)",
                 "(in millions)", "(millions)", "(in billions)")
UNITS = "|".join(re.escape(unit) for unit in UNITS_CLOSING)
# Where copied text ran two header cells together: a lowercase letter or a closing bracket
# before a capital ("StockTreasury"), a year before a word ("2025Before-Tax Amount"), a
# possessive before a capital ("Stockholders’Equity": "Stockholders’" over "Equity"), a
# one-letter word, a roman numeral or a one-digit one before a capitalized one ("Series
# BSeries C", "Level IILevel III", "Level 1Level 2"), an acronym before a capitalized
# word ("AWSConsolidated"; not "ESOPs").
# Every split point is followed by a capital, "(", "%" or a space: the leading lookahead
# says so, so that the search does not try each lookbehind at every other position.
CELLS_RUN_TOGETHER = re.compile(r"(?=[A-Z(%\s])(?:(?<=[a-z)\]])(?=[A-Z(%])|(?<=[a-z][’'])(?=[A-Z][a-z])|(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z])|(?<=\b[A-Z])(?=[A-Z][a-z])"
                                r"|(?<=\bII)(?=[A-Z][a-z])|(?<=\bIII)(?=[A-Z][a-z])"
                                r"|(?<=\s\d)(?=[A-Z][a-z])"
                                r"|(?<=[a-z]\d)\s*(?=[A-Z][a-z])"  # a footnote mark glued on: "Other3Netting", "Adjustment4 Fair"
                                # a unit closes its caption: "Remaining Contractual Term (in years) Aggregate"
                                r"|(?:" + "|".join(f"(?<={re.escape(spelt)})" for unit in UNITS_CLOSING
                                                   for spelt in dict.fromkeys((unit, unit.title(), unit[:2].upper() + unit[2:])))
                                + r")\s+(?=[A-Z][a-z])"
                                r"|(?<=\b[A-Z]\.[A-Z]\.)(?=[A-Z][a-z])"  # "Walmart U.S.Walmart International"
                                r"|(?<=[A-Z]{2})(?=[A-Z][a-z]{2}))")  # an acronym before a word: "AWSConsolidated"


GLUED_MARK = re.compile(r"(\(\d\))\s+(?=\S)")  # "(1) Cash and ..." after "Financial Instruments": its mark

# Words that leave a caption unfinished when a piece of run-together text ends with them
# ("Cash and" + "Cash Equivalents", "Non-Current" + "Marketable Securities").
OPEN_END = re.compile(r"(?:\b(?:and|or|of|in|than|for|to|the|at|on|from|current|long-term|short-term|gross|"
                      r"average|accumulated|unrealized|realized|carrying|fair)|[&/-])$", re.I)
# ... and words that only begin one ("Gross Unrealized Gains", "Total Estimated Fair Value")
OPENING = re.compile(r"^(?:gross|total|accumulated|weighted|quoted|significant)\b", re.I)
# captions every filer may print without the corpus showing them twice: the fair value
# levels, an award table's count of units
STANDARD_CAPTION = re.compile(r"^(?:level (?:[123]|i{1,3})|units)$")
# a piece that ends in a footnote mark glued to its last word ("Other3"): its caption ends there
MARKED_END = re.compile(r"(?<=[a-z])\d$")
# ... and so does a unit ("Remaining Contractual Term (in years)" | "Aggregate Intrinsic Value")
UNIT_END = re.compile(f"(?:{UNITS})$", re.I)
# what caption_key leaves off a caption's end: footnote marks and units
CAPTION_TAIL = re.compile(r"(?:\s*(?:\(\d\)|" + UNITS + r"))+$|(?<=[a-z])\d$")
# the label column's scale caption at the start of a header line: "(in millions) Amortized", "shares in thousands"
LEADING_SCALE = re.compile(r"^\([^)]*\bin (?:thousands|millions|billions)\b[^)]*\)\s*|"
                           r"^[\w ]*\bin (?:thousands|millions|billions)$", re.I)


def caption_key(text: str) -> str:
    """A column caption as the learned captions file keeps it: lower case, hyphens as spaces
    ("Weighted- Average" wrapped in a cell, "Weighted Average" elsewhere), single spaces, no
    footnote mark."""
    text = CAPTION_TAIL.sub("", " ".join(text.split()).lower())
    return " ".join(text.replace("-", " ").split())


@lru_cache(maxsize=1)
def _learned_captions() -> dict[str, frozenset[str]]:
    """caption -> the companies whose official filings show it over a column
    (taxonomy_maps/detect/learned_captions.csv, made by taxonomy_maps/scripts/learn_captions.py)."""
    path = MAPS / "detect" / "learned_captions.csv"
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        found: dict[str, set[str]] = {}
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            found.setdefault(r["caption"], set()).add(r["company"])
    return {caption: frozenset(companies) for caption, companies in found.items()}


@lru_cache(maxsize=32)
def known_captions(exclude_company: str | None = None) -> frozenset[str]:
    """Captions at least two companies use (leaving ``exclude_company`` out, as the
    benchmark scores each filing with nothing learned from its own company)."""
    return frozenset(c for c, companies in _learned_captions().items() if len(companies - {exclude_company}) >= 2)


LETTER_RUN = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _words(prose: str) -> frozenset[str]:
    """The words a document's text prints in lower or mixed case (lowered): what its prose
    says, not the capitals its tables' captions run together ("AMERICAEUROPE"). Made once
    for all its tables."""
    return frozenset(w.lower() for w in set(LETTER_RUN.findall(prose)) if not w.isupper())


@lru_cache(maxsize=1)
def _lowered(prose: str) -> str:
    return prose.lower()


def grouped_captions(pieces: list[str], n: int, known: frozenset[str], prose: str = "",
                     above: tuple[str, ...] = ()) -> list[str] | None:
    """``n`` captions from the pieces of a header line whose cells ran together, each cell's
    wrapped lines too ("AdjustedCostUnrealizedGains..." -> "Adjusted", "Cost", ...): the
    grouping of consecutive pieces that makes the most known captions, groups of like
    length where none is known. Pieces joined into words the document's own text (``prose``)
    prints ("Bottling Investments", "North America") count as known, and so do those a piece
    of the header line ``above`` begins ("Accumulated" over "Other Comprehensive Loss"). None
    unless two thirds of the captions, or every joined one, are known."""
    supported: dict[tuple[str, bool], bool] = {}

    def sure(text: str, joined: bool, glued: str = "", forced: bool = False) -> bool:
        """Whether a caption is known, or, joined from pieces, printed in the prose: as
        pieces with spaces or one word ("UnitedHealthcare", split where its capitals run
        on); or joined because each piece but the last leaves its words open ("Corporate
        and" "Eliminations")."""
        if (text, joined) not in supported:
            key = caption_key(text)
            supported[text, joined] = key in known or STANDARD_CAPTION.match(key) is not None or forced or \
                any(caption_key(f"{a} {text}") in known for a in above) or \
                joined and len(key) > 3 and (" ".join(text.lower().split()) in _lowered(prose) or
                                             (glued.isalpha() and glued.lower() in _words(prose)))
        return supported[text, joined]

    pieces = [LEADING_SCALE.sub("", p) for p in pieces[:1]] + pieces[1:]  # "(in millions) Amortized"
    pieces = [p for p in pieces if p]
    m = len(pieces)
    if not 1 < n < m <= 40:
        return None
    # what each piece allows, asked once: it cannot start a caption (lower case), end one
    # (an open word), sit inside one (an opening word) or go on past a footnote mark, nor
    # a date share one
    lower = [p[:1].islower() for p in pieces]
    open_end = [OPEN_END.search(p) is not None for p in pieces]
    opening = [OPENING.match(p) is not None for p in pieces]
    marked = [MARKED_END.search(p) is not None or UNIT_END.search(p) is not None for p in pieces]
    dated = [bool(parse_dates(p)) for p in pieces]  # a date heads a column alone
    # best[i][j]: (score, captions, whether each joins pieces) for the first i pieces in j groups
    best: list[list[tuple[float, list[str], list[bool]] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][0] = (0.0, [], [])
    for i in range(1, m + 1):
        if open_end[i - 1] and i < m and not opening[i]:
            continue  # no caption ends on this piece, unless the next can only begin one ("Gross" "Accumulated")
        for j in range(1, min(i, n) + 1):
            for k in range(j - 1, i):  # the last group is pieces[k:i]
                before = best[k][j - 1]
                if before is None or lower[k] or any(opening[k + 1:i]) or any(marked[k:i - 1]) or \
                        (i - k > 1 and any(dated[k:i])):
                    continue
                text = " ".join(pieces[k:i])
                score = before[0] + (3.0 if sure(text, i - k > 1, "".join(pieces[k:i]), i - k > 1 and all(open_end[k:i - 1])) else 0.0) - \
                    0.1 * (i - k - 1) ** 2
                if best[i][j] is None or score > best[i][j][0]:
                    best[i][j] = (score, before[1] + [text], before[2] + [i - k > 1])
    found = best[m][n]
    if found is None:
        return None
    _, captions, joined = found
    checks = [sure(c, j) for c, j in zip(captions, joined)]
    if sum(checks) < n - n // 3 and not all(ok for ok, j in zip(checks, joined) if j):
        return None
    return captions


def _beside_a_date(pieces: list[str], n: int, prose: str) -> list[str] | None:
    """'Millions, except estimated useful lifeAs of June 30, 2025CostAccumulateddepreciationNet
    bookvalue...': the label column's caption, the date over the table, then one caption per
    value column, the words of each wrapped line run together ("Accumulateddepreciation"),
    which the document's own prose spaces again ("accumulated depreciation"). None unless
    one date stands among them and one caption per column is left."""
    dated = [k for k, p in enumerate(pieces) if parse_dates(p)]
    if len(dated) != 1 or not prose:
        return None
    rest = pieces[:dated[0]] + pieces[dated[0] + 1:]
    rest = rest[1:] if len(rest) == n + 1 and dated[0] == 1 else rest  # the label column's caption
    if len(rest) != n:
        return None
    words = _words(prose)
    return [" ".join(_spaced(word, words) for word in piece.split()) for piece in rest]


def _spaced(word: str, words: frozenset[str]) -> str:
    """'Accumulateddepreciation' -> 'Accumulated depreciation' where the prose prints both
    words and not the run-together one; the word itself otherwise."""
    lowered = word.lower()
    if not word.isalpha() or len(word) < 8 or lowered in words:
        return word
    splits = [k for k in range(3, len(word) - 2) if lowered[:k] in words and lowered[k:] in words]
    return f"{word[:splits[0]]} {word[splits[0]:]}" if len(splits) == 1 else word


def _run_on_captions(pieces: list[str], known: frozenset[str]) -> list[str] | None:
    """As many pieces as columns, but one is a caption's wrapped word ("Foreign Currency
    Translation" "Adjustments", a known caption joined) and another two captions run on after
    a parenthesis ("Net Investment Hedge Gains (Losses) Change in Unrealized ...", where
    "Change in Unrealized" opens other captions of the line): the join and the split, or None."""
    opens = {" ".join(p.split()[:3]) for p in pieces if len(p.split()) >= 3}
    cut: list[str] = []
    for piece in pieces:
        at = next((m.end() for m in PARENTHESIS_THEN_WORD.finditer(piece)
                   if " ".join(piece[m.end():].split()[:3]) in opens), None)
        cut += [piece[:at].strip(), piece[at:].strip()] if at else [piece]
    joins = [k for k in range(1, len(cut)) if " " not in cut[k] and caption_key(f"{cut[k - 1]} {cut[k]}") in known]
    if len(cut) != len(pieces) + 1 or len(joins) != 1:
        return None
    k = joins[0]
    return cut[:k - 1] + [f"{cut[k - 1]} {cut[k]}"] + cut[k + 1:]


def _caption_before_repeats(pieces: list[str]) -> list[str] | None:
    """'Weighted-Average Remaining Useful Lives (in years) Gross Carrying Amount' then
    'Accumulated Amortization | Net Carrying Amount | Gross Carrying Amount | ...': the first
    piece ends in a caption the line prints again later, run on (at a space) from a caption
    of its own; the two are split."""
    first = pieces[0]
    for later in pieces[1:]:
        if len(later) > 3 and first.endswith(" " + later) and len(first) > len(later) + 1:
            return [first[:-len(later)].strip(), later] + pieces[1:]
    return None


def _split_after_parenthesis(pieces: list[str]) -> list[str] | None:
    """One caption short, where one piece alone closes a parenthesis before a capitalized
    word ("Interest and other income (expense) Provision for Income Taxes"): the split there.
    Not where several could split ("Gain (Loss) Recognized in OCI" beside others)."""
    at = [(k, m.end()) for k, piece in enumerate(pieces) for m in PARENTHESIS_THEN_WORD.finditer(piece)]
    if len(at) != 1:
        return None
    k, cut = at[0]
    return pieces[:k] + [pieces[k][:cut].strip(), pieces[k][cut:].strip()] + pieces[k + 1:]


AS_OF_DATE = re.compile(r"\s+(?:as of|at)\s+" + MONTH_NAME + r"\s+\d{1,2},?\s*(?:19|20)\d\d\s*$", re.I)
DATE_CAPTION = re.compile(r"^(?:date of issuance|issu(?:e|ance) date|maturity(?: date)?|due date|"
                          r"(?:record|payment|declaration|payable) date|date (?:declared|paid|of record))$", re.I)
PARENTHESIS_THEN_WORD = re.compile(r"\)(?= [A-Z][a-z])")
# the caption of a column of words beside the labels, its footnote mark, then the first
# value column's caption run on from it
MARK_BEFORE_CAPTION = re.compile(r"^[A-Z][A-Za-z ]{2,30}\(\d\)\s+(?=[A-Z][a-z])")
# the label column's caption, ended by a colon, run into the first value column's in copied
# text ("Consolidated Balance Sheets (unaudited):As Previously Reported")
LABEL_CAPTION_BEFORE = re.compile(r"^[^:]{3,}:\s*(?=[A-Z][a-z])")


def repeated_captions(pieces: list[str], n: int) -> list[str] | None:
    """``n`` captions from a header line that repeats one run of captions for each period
    ("Net SalesEarnings Before Income TaxesNet Earnings Net SalesEarnings ..." under "Three
    Months Ended | Nine Months Ended"): its words repeat, and the breaks between pieces,
    taken within one run, split the run into n / repeats captions. One caption may follow
    the runs, at the latest date ("... Acquired Intangibles,NetWeighted Average Life
    Remaining"); where the breaks cut a run into too many pieces (its captions wrapped),
    footnote marks end its captions ("Intangibles,Gross (1) Accumulated")."""
    words = [w for p in pieces for w in p.split()]
    breaks, at = set(), 0
    for p in pieces:
        at += len(p.split())
        breaks.add(at)
    for tail in (0, 1):
        for repeats in range(2, (n - tail) // 2 + 1):
            if (n - tail) % repeats:
                continue
            for tail_words in (range(1, len(words) - 2 * repeats + 1) if tail else (0,)):
                size, rest = divmod(len(words) - tail_words, repeats)
                if rest or size < 1 or any(words[i] != words[i % size] for i in range(size * repeats)) or \
                        (tail and size * repeats not in breaks):
                    continue
                wanted = (n - tail) // repeats
                cuts = sorted({b % size for b in breaks if b < size * repeats} - {0})
                if len(cuts) + 1 != wanted:
                    cuts = [k + 1 for k in range(size - 1) if FOOTNOTE_MARK.fullmatch(words[k])]
                if len(cuts) + 1 != wanted:
                    continue
                run = [" ".join(words[a:b]) for a, b in zip([0] + cuts, cuts + [size])]
                return run * repeats + ([" ".join(words[size * repeats:])] if tail else [])
    return None


FOOTNOTE_MARK = re.compile(r"\(\d\)")  # a footnote mark after a caption: a word of its own, or a piece's end


OPEN_FOR_DATES = re.compile(r"\s+as of$", re.I)  # "Fair Value as of" over "June 30,2025December 31,2024"
# a header line of periods below captions (a year or "ended"), not "(in millions)"
PERIODS_BELOW = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:ended|months|weeks|quarter)\b", re.I)


def spanning_captions(pieces: list[str], n: int, below: tuple[str, ...]) -> list[str] | None:
    """Captions over a header line of periods, as many columns under each ("Pension
    PlansOther Postretirement Benefit Plans" over "June 27,2025June 28,2024June 27,2025June
    28,2024"): each caption once per column it spans; None where they do not divide the
    columns evenly, name periods themselves, or no line of periods follows. A caption left
    open for the dates below ("Level 2 Fair Value as of") is that caption."""
    pieces = [OPEN_FOR_DATES.sub("", p) for p in pieces]
    if n % len(pieces) or any(PERIOD_WORDS.search(p) for p in pieces) or \
            not any(PERIODS_BELOW.search(line) for line in below):
        return None
    return [p for p in pieces for _ in range(n // len(pieces))]


def split_header_pieces(line: str) -> list[str]:
    """'Common StockTreasury StockAdditional' -> ['Common Stock', 'Treasury Stock', 'Additional'];
    a footnote mark stays with the caption it follows ('Financial Instruments(1) Cash ...'),
    and so does its unit ('Fair Value(per share)')."""
    return list(_header_pieces(line))


@lru_cache(maxsize=4096)
def _header_pieces(line: str) -> tuple[str, ...]:
    """``split_header_pieces``, kept per line: detection cuts each header line several times."""
    pieces: list[str] = []
    for part in (p.strip() for p in CELLS_RUN_TOGETHER.split(line)):
        mark = GLUED_MARK.match(part)
        if mark and pieces:
            pieces[-1] += mark.group(1)
            part = part[mark.end():].strip()
        if part and pieces and GLUED_UNIT.fullmatch(part):
            pieces[-1] += f" {part}"  # "Grant-Date Fair Value(per share)": the caption's unit
        elif part and (level := LEVEL_THEN_WORDS.fullmatch(part)):
            pieces += [level.group(1), level.group(2)]  # "Level 3at NAV": a level, then "(Measured) at NAV"
        elif part:
            pieces.append(part)
    return tuple(pieces)


LEVEL_THEN_WORDS = re.compile(r"(Level ?[123])([a-z]+ .+)")


GLUED_UNIT = re.compile(r"\((?:per|in) [a-z][a-z ]*\)")


ROLLED_BALANCE = re.compile(r"\bbalances?\b|\bbeginning\b|\bending\b|\bend of\b|\bas of\b|\bat (?:\w+ )?\d", re.I)


def is_sum(rows: list[LineItem], i: int, start: int) -> bool:
    """Row i equals the sum of the rows start..i-1 in every column where it has a number;
    percentages rounded to their last digit may be off by half of it for each line ("96.0"
    over sixteen shares of net sales adding up to 95.8), where amounts sum exactly."""
    target = rows[i]
    parts = [r for r in rows[start:i] if not r.is_abstract]
    if len(parts) < 2:
        return False
    checked = 0
    for c, cell in enumerate(target.cells):
        v = cell_value(cell)
        if v is None:
            continue
        total = sum((cell_value(r.cells[c]) or Decimal(0)) for r in parts if c < len(r.cells))
        if total == v:
            checked += 1
        elif not cell.percent or abs(total - v) > len(parts) * Decimal(5).scaleb(v.as_tuple().exponent - 1):
            return False
    return checked > 0


def _adds_to_total(rows: list[LineItem], i: int, start: int) -> bool:
    """Row i is the total just above it plus the lines since ("Primary segment net sales",
    "Other net sales", then "Net sales"): a grand total that names no total. Not a net
    amount (the lines since deduct: "Less accumulated depreciation") nor a roll-forward's
    balance (the lines since change the balance above)."""
    if i <= start or start == 0 or not rows[start - 1].is_total or ROLLED_BALANCE.search(rows[i].label):
        return False
    added = [cell_value(c) for r in rows[start:i] for c in r.cells]
    return all(v is None or v >= 0 for v in added) and is_sum(rows, i, start - 1)


A_LETTER = re.compile(r"[A-Za-z]")


def _label_groups(raw: RawTable) -> dict[int, tuple[str, str]]:
    """Rows that name a group in a first label column and a line of it in a second, the
    group's other lines below leaving the first column blank ("Humira | United States",
    then "International", "Total"; then "Skyrizi | United States" ...): row -> (group, its
    own label). Only where two groups or more go on below their first line and repeat its
    words, so a column of text beside every label ("Level 2") is not read as groups."""
    starts = [i for i, r in enumerate(raw.rows) if len(r.label_cells) == 2 and any(c is not None for c in r.cells)
              and all(A_LETTER.search(text) for text, _ in r.label_cells)]
    followed = [i for i in starts if i + 1 < len(raw.rows) and not raw.rows[i + 1].label_cells and
                any(c is not None for c in raw.rows[i + 1].cells) and not TOTAL_LABEL.match(raw.rows[i + 1].label)]
    if len(followed) < 2 or Counter(raw.rows[i].label_cells[1][0] for i in followed).most_common(1)[0][1] < 2:
        return {}
    groups: dict[int, tuple[str, str]] = {}
    group = ""
    for i, r in enumerate(raw.rows):
        if i in starts:
            group = _clean_label(r.label_cells[0][0])
            groups[i] = (group, _clean_label(r.label_cells[1][0]))
        elif r.label_cells or not any(c is not None for c in r.cells):
            group = ""  # a heading or a row of its own ends the group
        elif group:
            groups[i] = (group, _clean_label(r.label))
    return groups


def _line_items(raw: RawTable, row_scale_default: int | None) -> list[LineItem]:
    items: list[LineItem] = []
    section = ""
    block_start = 0
    groups = _label_groups(raw)
    heading_scale: int | None = None  # "Weighted average shares outstanding (in millions):" scales its lines
    for i, r in enumerate(raw.rows):
        label = _clean_label(r.label)
        abstract = not any(c is not None for c in r.cells)
        group = groups.get(i)  # a line of a group named in the first label column: the group heads it
        if group is not None:
            if groups.get(i - 1, ("",))[0] != group[0]:
                block_start = i  # a new group's lines add up by themselves
            label = group[1]
        if abstract:
            # "(In millions, except per share data)" restates the scale and a statement's title
            # repeated above it names the table: neither heads a section; a heading that states
            # its lines' scale besides its words ("Weighted average shares used in computing
            # earnings per share (in millions):") heads them, at that scale
            scale_only = _states_only_scale(label)
            section = section if scale_only or STATEMENT_HEADING.search(label) else label
            if not scale_only:
                m = ROW_SCALE.search(r.label)
                heading_scale = SCALE_WORDS[m.group(1).lower().rstrip("s")] if m else None
            block_start = i + 1
            item = LineItem(index=i, label=label, cells=r.cells, section=section, is_abstract=True, line=r.line,
                            notes=r.notes)
        else:
            m = ROW_SCALE.search(r.label)
            scale = SCALE_WORDS[m.group(1).lower().rstrip("s")] if m else \
                heading_scale if heading_scale is not None else row_scale_default
            item = LineItem(index=i, label=label, cells=r.cells, section=group[0] if group else section,
                            line=r.line, notes=r.notes, scale=scale, year=r.year)
        items.append(item)
        if not abstract:
            # an unlabelled line (or a bare "Total") under headings that adds up every line above
            # them all ("Cash", "Level 1 securities:" ..., "Level 2 securities:" ..., then the
            # figures of the whole): the table's total, not its last heading's; of the heading
            # over those headings if one opens the table ("Assets:" over "Cash equivalents:")
            whole = bool(item.section) and group is None and (not label or BARE_TOTAL_LABEL.match(label)) and \
                is_sum(items, i, 0) and not (label and is_sum(items, i, block_start))
            total = whole or bool(TOTAL_LABEL.match(label)) or (i - block_start >= 2 and is_sum(items, i, block_start)) \
                or (group is None and _adds_to_total(items, i, block_start))
            if total:
                outer = items[0].label if whole and label and len(items) > 1 and items[0].is_abstract and \
                    items[1].is_abstract else ""
                items[i] = replace(item, is_total=True, section=outer if whole else item.section)
                block_start = i + 1
                if _closes(label, section):
                    section = ""  # the lines after "Total current liabilities" are not current
    return items


PAREN_GROUP = re.compile(r"\([^()]*\)")


def _states_only_scale(label: str) -> bool:
    """A heading that says nothing but the scale: "(In millions, except per share data)",
    "Dollars in millions"; not words before a scale in parentheses ("Shares (in millions)")."""
    if not SCALE.search(label):
        return False
    rest = PAREN_GROUP.sub(lambda m: "" if SCALE.search(m.group()) else m.group(), label)
    return bool(SCALE.search(rest)) or not A_LETTER.search(rest)


BARE_TOTAL_LABEL = re.compile(r"^total\W*$", re.I)
SECTION_WORDS = re.compile(r"[a-z]+")
WORD_RUN = re.compile(r"\w+")


def _closes(total: str, section: str) -> bool:
    """A total that names its heading ("Total current assets" under "Current assets:") ends it:
    "total", white space, then the heading's words as its first runs of word characters (the
    words of each are letters only, so they match exactly or not at all). Runs compared, not
    a pattern made of the words: that was compiled anew for each heading of each filing."""
    words = SECTION_WORDS.findall(section.lower())
    text = total.lower()
    if not words or not text.startswith("total"):
        return False
    rest = text[5:].lstrip()  # str.isspace is what \s matches
    return len(rest) < len(text) - 5 and rest.startswith(words[0]) and \
        WORD_RUN.findall(rest)[:len(words)] == words


def _row_periods(items: list[LineItem], facts: DocumentFacts) -> list[LineItem] | None:
    """Roll-forward tables: 'Balance as of <date>' rows are instants, rows between are durations."""
    dates = [_end_of_day_before(row_balance_date(it.label), facts) if not it.is_abstract else None
             for it in items]
    if sum(d is not None for d in dates) < 2:
        return None
    if any(d is not None and d > facts.period_end for d in dates):
        return None  # "March 27, 2027": a note's maturity, no balance reported yet
    out = []
    for i, it in enumerate(items):
        if dates[i] is not None:
            out.append(_with_period(it, Instant(dates[i]), f"row label '{it.label}'"))
            continue
        prev = next((d for d in reversed(dates[:i]) if d), None)
        nxt = next((d for d in dates[i + 1:] if d), None)
        end = nxt or facts.period_end
        if prev is None or end <= prev:
            # before the first balance, or after the last ("RSUs expected to vest at December
            # 31, 2024"): a date of its own makes it a balance too; else the column's period
            # (balances out of order, too)
            own = _end_of_day_before(last_full_date(it.label), facts) if not it.is_abstract else None
            out.append(_with_period(it, Instant(own), f"row label '{it.label}'") if own else it)
            continue
        # a heading between the balances is of their period too: the numbers in its label
        # are ("Dividends ($1.0065 per share)" over "Common | Preferred"); a line that names
        # a span of its own inside theirs is of that span ("Costs incurred for the six months
        # ended December 31, 2024")
        own_span = row_flow_span(it.label, facts) if not it.is_abstract else None
        if own_span is not None and prev < own_span.start <= own_span.end <= end:
            out.append(_with_period(it, own_span, f"row label '{it.label}'"))
            continue
        out.append(_with_period(it, Duration(prev + dt.timedelta(days=1), end),
                                f"between the balances of {prev:%B %-d, %Y} and {end:%B %-d, %Y}"))
    return out


# a caption's first line that its next line continues ("Balance at" over "Beginning of Year")
CONTINUED_CAPTION = re.compile(r"\b(?:at|of|in|for|to|from|and)$", re.I)


def column_captions(raw: RawTable) -> list[str]:
    """One caption per value column: its header cells, or copied text's last header line cut
    into as many captions ("Balance atBeginning of YearAdditionsUsageBalance atEnd of Year":
    a piece ending in "at" runs on into the next); [] where the line does not cut so."""
    if raw.column_headers:
        return [" ".join(stack) for stack in raw.column_headers]
    pieces: list[str] = []
    for piece in split_header_pieces(raw.header[-1]) if raw.header else ():
        if pieces and CONTINUED_CAPTION.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces if len(pieces) == raw.ncols else []


def _year_rows(raw: RawTable, items: list[LineItem],
               facts: DocumentFacts) -> tuple[list[LineItem], list[str]] | None:
    """Roll-forwards turned on their side (a 10-K's Schedule II, "Valuation and Qualifying
    Accounts"): the columns are the opening balance, the movements and the closing balance,
    each row a year ("Year ended December 31, 2022"); every row takes its year's span. The
    rows so dated and the columns' captions, or None."""
    dated = [it for it in items if not it.is_abstract]
    spans = row_years([it.label for it in dated], facts)  # rows of years first: few tables have them
    captions = column_captions(raw) if spans is not None else []
    if not (any(BEGINNING.search(c) for c in captions) and any(PERIOD_END_BALANCE.search(c) for c in captions)):
        return None
    span_of = {it.index: span for it, span in zip(dated, spans)}
    return [_with_period(it, span_of[it.index], f"row label '{it.label}': the fiscal year it names")
            if it.index in span_of else it for it in items], captions


YEAR_HEADING = re.compile(r"\s*(?:fiscal\s+)?(?:19|20)\d\d\s*", re.I)  # "Fiscal 2024", "2023"


def _heading_periods(items: list[LineItem], facts: DocumentFacts, header: tuple[str, ...] = ()) -> list[LineItem] | None:
    """Tables whose headings name the periods ("December 31, 2024" over some rows,
    "December 31, 2023" over the rest): each row takes its heading's period. A year heading
    copied text keeps in the header, over the first rows ("Fiscal 2024"), counts among them."""
    headings = [it for it in items if it.is_abstract]
    years = [int(y) for text in (*(it.label for it in headings), *header) if YEAR_HEADING.fullmatch(text)
             for y in YEAR_DIGITS.findall(text)]
    latest = max(years) if years else None
    found = {it.index: p for it in headings if (p := heading_period(it.label, facts, latest)) is not None}
    if not found or not any(not it.is_abstract for it in items if it.index > min(found)):
        return None
    out, current = [], None
    for it in items:
        if it.index in found:
            current = found[it.index]
        if current is None or it.is_abstract or it.period_override is not None:
            out.append(it)
            continue
        out.append(replace(_with_period(it, current.period, current.evidence), period_open=current.open))
    return out


def _repeated_block_periods(items: list[LineItem], facts: DocumentFacts) -> list[LineItem] | None:
    """An annual report's note whose lines repeat in blocks, one per year, when the year
    rows above the blocks were lost (copied text without them): the table's first line
    opens each block, and the blocks, most of whose lines agree, are the fiscal years from
    the one reported on back, as the document orders its years."""
    if facts.document_type != "10-K" or not items or not facts.years_descending:
        return None
    first = items[0].label.strip().lower()
    starts = [i for i, it in enumerate(items) if it.label.strip().lower() == first]
    if not 2 <= len(starts) <= 3 or starts[0] != 0:
        return None
    blocks = [items[a:b] for a, b in zip(starts, starts[1:] + [len(items)])]
    labels = [{it.label.strip().lower() for it in block} for block in blocks]
    if min(len(block) for block in blocks) < 3 or \
            any(len(labels[0] & other) < 0.7 * max(len(labels[0]), len(other)) for other in labels[1:]):
        return None
    out = []
    for k, block in enumerate(blocks):
        year = facts.period_end.year - k
        found = heading_period(str(year), facts, facts.period_end.year)
        if found is None:
            return None
        evidence = f"block {k + 1} of {len(blocks)} repeating the table's lines: {found.evidence}"
        out += [it if it.is_abstract or it.period_override is not None else
                replace(_with_period(it, found.period, evidence), period_open=found.open) for it in block]
    return out


def _end_of_day_before(date: dt.date | None, facts: DocumentFacts) -> dt.date | None:
    """'Balance at January 1, 2022' is the balance as the year opens; XBRL instants are ends
    of days, so it is the instant of December 31, 2021 (what filers tag). Only in calendars
    of month ends: in a 52/53-week year 'December 1, 2023' can be the day a year ended."""
    if date is None or date.day != 1 or date == facts.period_end:
        return date
    month, day = facts.fiscal_year_end
    if (dt.date(2001, month, day) + dt.timedelta(days=1)).day != 1:
        return date
    return date - dt.timedelta(days=1)


def _with_label_numbers(it: LineItem, raw: RawTable, ncols: int, scale: int, shares_scale: int, *,
                        continued: bool) -> LineItem:
    """A row with the numbers its label prints (par value, shares authorized, tax of an OCI
    line, dividends per share)."""
    found = label_numbers(it.label, raw.rows[it.index].label_locator, ncols, scale, shares_scale,
                          continued=continued)
    return replace(it, label_numbers=found) if found else it


def _with_period(it: LineItem, period, evidence: str) -> LineItem:
    return LineItem(index=it.index, label=it.label, cells=it.cells, section=it.section, is_total=it.is_total,
                    is_abstract=it.is_abstract, line=it.line, notes=it.notes, period_override=period,
                    period_evidence=evidence, scale=it.scale, year=it.year)


SCALE_PIECE = re.compile(r"\((?:in|\$ in|amounts in)\b", re.I)  # "(in millions)" among a header's pieces


def _columns(raw: RawTable, facts: DocumentFacts, row_driven: bool,
             known: frozenset[str] = frozenset(), prose: str = "") -> list[Column] | None:
    split = [split_header_pieces(line) for line in raw.header]  # each header line cut into its cells, once
    # copied text's header line of balance dates and the movements between them: (its index, periods)
    lined = next(((k, periods) for k, line_pieces in enumerate(split)
                  if (periods := line_periods(raw, line_pieces))), None) if not raw.column_headers else None
    found = lined[1] if lined else column_periods(raw, facts)
    if found is None and not row_driven and (raw.ncols > 1 or raw.column_headers):
        found = dateless_periods(raw, facts)
    elif found is None and not row_driven:  # one column of copied text: dated by the text above, if it is
        found = [cp for cp in dateless_periods(raw, facts) if cp.evidence != DATELESS] or None
    pieces = [p for h, line_pieces in zip(raw.header, split) if not h.rstrip().endswith(":") for p in line_pieces
              if not SCALE_PIECE.match(p)]
    if found is None or row_driven:
        if found is None and not row_driven and raw.ncols > 1:
            return None
        period = default_duration(facts)
        how = ("periods come from the rows" if row_driven else
               "no period in the header: the document's fiscal year-to-date period")
        found_cols = [(period, how, False)] * raw.ncols
    else:
        found_cols = [(cp.period, cp.evidence, cp.open) for cp in found]
    header_names = pieces if row_driven and len(pieces) == raw.ncols else []
    # a row-dated table read with its header grid names members by the grid (mapping's
    # stacked captions); copied text has only the header line to name its columns by
    labels = [] if row_driven and raw.column_headers else \
        (lined and _line_dated_labels(raw, *lined, known, prose)) or column_labels(raw, known, prose)
    if found is not None and not row_driven and all(cp.evidence == DATELESS for cp in found) and \
            not labels and (spanned := _captions_over_lost_years(raw, facts)):
        labels, found_cols = spanned
    elif found is not None and not row_driven and all(cp.evidence == DATELESS for cp in found):
        found_cols = _year_groups(raw, facts, labels) or _balance_groups(facts, labels) or found_cols
    elif found is not None and not row_driven and all(YEAR_INFERRED in cp.evidence for cp in found):
        found_cols = _years_by_caption_runs(found_cols, labels if any(labels) else _amounts_and_rates(raw), facts) \
            or found_cols
    elif found is not None and not row_driven and (spread := _spread_over_years_line(raw, found_cols)):
        found_cols = _years_by_caption_runs(spread, labels, facts) or found_cols
    return [Column(index=c, header=header_names[c] if header_names else _period_header(p, found is None),
                   period=p, period_evidence=e, label=_column_label(labels[c], raw.text_caption) if labels else "", period_open=is_open)
            for c, (p, e, is_open) in enumerate(found_cols)]


def _line_dated_labels(raw: RawTable, at: int, found: list, known: frozenset[str], prose: str) -> list[str]:
    """Captions over a copied header line of balances and movements (line_periods): the
    line above names one caption per run of dates ("Intangible Assets, Gross" over "January 31,
    2024 | Additions and retirements, net | January 31, 2025", then "Accumulated Amortization"
    over the next run: a run ends where the dates go back or repeat); a movement's caption
    follows its run's ("Intangible Assets, Gross Additions and retirements, net"). [] where
    the line above does not split into as many captions."""
    if at == 0:
        return []
    runs, last = [], None
    for c, cp in enumerate(found):
        date = cp.period.date if isinstance(cp.period, Instant) else None
        if not runs or (date is not None and last is not None and date <= last):
            runs.append([])
        runs[-1].append(c)
        last = date if date is not None else last
    pieces = [p for p in split_header_pieces(raw.header[at - 1]) if not LEADING_SCALE.fullmatch(p)]
    captions = pieces if len(pieces) == len(runs) else \
        grouped_captions(pieces, len(runs), known, prose) or _one_words_joined(pieces, len(runs))
    if not captions:
        return []
    moves = split_header_pieces(raw.header[at])
    return [f"{caption} {moves[c]}" if isinstance(found[c].period, Duration) else caption
            for caption, run in zip(captions, runs) for c in run]


def _one_words_joined(pieces: list[str], n: int) -> list[str] | None:
    """``n`` captions from pieces where a caption's wrapped lines stood one word each
    ("Weighted", "Average", "Remaining Useful Life (Years)"): each one-word piece joined to
    the piece after it; None unless that leaves exactly ``n``."""
    out: list[str] = []
    carry = ""
    for k, piece in enumerate(pieces):
        if " " not in piece.strip() and k < len(pieces) - 1:
            carry = f"{carry} {piece}".strip()
            continue
        out.append(f"{carry} {piece}".strip())
        carry = ""
    return out if len(out) == n else None


def _column_label(caption: str, text_caption: str) -> str:
    """A value column's caption without a footnote digit glued to it ("Other3"), without
    the caption of the words beside the labels that copied text ran into it ("Recognized in
    OCIFinancial Statement Line Item Impacted"), and without the label column's scale run
    into it ("(dollars in millions) Digital Media": the table's), and with a space after a
    comma that wrapped lines ran into the next word ("Acquired Intangibles,Gross")."""
    if text_caption:
        caption = caption.replace(text_caption, " ")
    return _clean_label(MARKED_END.sub("", LEADING_SCALE.sub("", GLUED_COMMA.sub(", ", caption.strip()))))


GLUED_COMMA = re.compile(r"(?<=[a-z]),(?=[A-Z])")


YEAR_INFERRED = "year inferred"  # periods.column_periods' evidence where the header names no year


def _amounts_and_rates(raw: RawTable) -> list[str]:
    """'$5,022 | 21 % | $4,418 | 21 % | ...': each column an amount ("$") or a rate ("%"),
    the runs _years_by_caption_runs reads; [] unless both kinds are there."""
    kinds = ["%" if rates_only(raw, c) else "$" for c in range(raw.ncols)]
    return kinds if len(set(kinds)) == 2 else []


def _years_by_caption_runs(found: list[tuple], labels: list[str], facts: DocumentFacts) -> list[tuple] | None:
    """'as of December 31' over 'Gross carrying amount | Accumulated amortization | Net
    carrying amount' twice, the year row lost in copying: each run of captions is a year,
    not each column (the years the columns were given, one per run, in the document's
    order). A caption the header line left out ('' under the date) matches any."""
    n = len(labels)
    kinds = {p.months if isinstance(p, Duration) else None for p, _, _ in found}
    if len(kinds) != 1:  # "Three Months Ended | Nine Months Ended" over runs of captions: not years
        return None
    for groups, tail in ((3, 0), (2, 0), (3, 1), (2, 1)):
        size = (n - tail) // groups
        if size < 2 or size * groups + tail != n:
            continue
        runs = [labels[g * size:(g + 1) * size] for g in range(groups)]
        if not all(len({run[k] for run in runs if run[k]}) == 1 for k in range(size)) or \
                (tail and (not labels[-1] or labels[-1] in runs[0])):
            continue
        latest_first = sorted({period for period, _, _ in found}, key=period_end, reverse=True)[:groups]
        if len(latest_first) < groups:
            return None
        years = latest_first if facts.years_descending else latest_first[::-1]
        out = [(years[c // size], f"{found[c][1].split(' + ')[0]} + the year of its run of captions "
                f"({c // size + 1} of {groups}: '{' | '.join(r for r in runs[-1])}')", found[c][2])
               for c in range(n - tail)]
        # a caption after the runs ("Weighted Average Life Remaining"): at the latest date
        return out + [(latest_first[0], f"{found[-1][1].split(' + ')[0]} + a caption after the runs, at the "
                       "latest date", found[-1][2])] * tail
    return None


YEARS_LINE = re.compile(r"(?:(?:19|20)\d\d\s*\|?\s*){2,3}")  # a copied header line of years alone: "2023 2024"


def _spread_over_years_line(raw: RawTable, found: list[tuple]) -> list[tuple] | None:
    """Copied text's "December 31," over "2023 2024" over two runs of captions ("Gross |
    Accumulated Amortization | Net" twice): the date gave every column one period, the line
    of years says there are two. Each column moved into one of the line's years (the last
    ones into the last year), for _years_by_caption_runs to give each run its year."""
    if raw.column_headers or len({period for period, _, _ in found}) != 1:
        return None
    line = next((line for line in raw.header if YEARS_LINE.fullmatch(line.strip())), None)
    years = [int(y) for y in YEAR_DIGITS.findall(line)] if line else []
    if not 2 <= len(years) < len(found):
        return None
    return [(in_year(period, years[min(c, len(years) - 1)]), evidence + f" + the header's years '{line.strip()}'", is_open)
            for c, (period, evidence, is_open) in enumerate(found)]


YEARS_ENDED = re.compile(r"\byears? ended\b|\bfiscal years\b|\bfor the years\b", re.I)


def _captions_over_lost_years(raw: RawTable, facts: DocumentFacts) -> tuple[list[str], list[tuple]] | None:
    """An annual report's captions each over three columns ("(in millions) Pension
    BenefitsOther Postretirement Benefits" over six), the line of years below them lost in
    copying: each caption's columns are the report's three fiscal years, in the order the
    document prints its years; a quarterly report's each over two, under a sentence naming
    their span ("... for the three months ended June 30"), that span this year and last. The
    captions, one per column, and the columns' periods."""
    if raw.column_headers or not raw.header:
        return None
    annual = facts.document_type == "10-K"
    pieces = [piece for p in split_header_pieces(raw.header[-1]) if (piece := LEADING_SCALE.sub("", p).strip())]
    if len(pieces) < 2 or raw.ncols != (3 if annual else 2) * len(pieces) or \
            any(PERIOD_WORDS.search(p) or parse_dates(p) or YEAR_DIGITS.search(p) for p in pieces):
        return None
    if not annual:
        if length_above(raw) is None:
            return None
        years = [str(facts.period_end.year - k) for k in range(2)][::1 if facts.years_descending else -1]
        dated = stacked_periods(replace(raw, column_headers=tuple((y,) for _ in pieces for y in years)), facts)
        if dated is None:
            return None
        return [p for p in pieces for _ in years], [
            (cp.period, f"{cp.evidence}, under '{pieces[c // 2]}', the line of years below it lost", cp.open)
            for c, cp in enumerate(dated)]
    found = [heading_period(str(facts.period_end.year - k), facts, facts.period_end.year) for k in range(3)]
    if any(f is None for f in found):
        return None
    if not facts.years_descending:
        found.reverse()
    return [p for p in pieces for _ in found], [
        (f.period, f"{f.evidence}: year {k + 1} of 3 under '{p}', the line of years below it lost", False)
        for p in pieces for k, f in enumerate(found)]


def _year_groups(raw: RawTable, facts: DocumentFacts, labels: list[str]) -> list[tuple] | None:
    """An annual report's columns that repeat the same captions two or three times
    ("Amount | Percent | Amount | Percent | Amount | Percent") under a sentence about the
    years ended, the header's years lost (copied text): each group is a fiscal year, in the
    order the document prints its years."""
    if facts.document_type != "10-K" or not labels or not all(labels) or \
            not YEARS_ENDED.search(raw.context_before[-1] if raw.context_before else ""):
        return None
    for groups in (3, 2):
        size = len(labels) // groups
        if size < 2 or size * groups != len(labels) or \
                any(labels[g * size:(g + 1) * size] != labels[:size] for g in range(groups)):
            continue
        years = [facts.period_end.year - g for g in range(groups)]
        found = [heading_period(str(year), facts, facts.period_end.year) for year in years]
        if any(f is None for f in found):
            return None
        if not facts.years_descending:
            found.reverse()
        return [(f.period, f"{f.evidence}: group {c // size + 1} of {groups} repeating captions "
                           f"'{' | '.join(labels[:size])}' under a sentence about the years ended", False)
                for c in range(len(labels)) for f in [found[c // size]]]
    return None


# Captions of balances: what a schedule of gross and net amounts, or of costs and fair values, shows.
BALANCE_CAPTION = re.compile(r"\b(?:gross|net|carrying|accumulated|amortized cost|cost basis|fair values?|book values?|"
                             r"unrealized)\b", re.I)


def _balance_groups(facts: DocumentFacts, labels: list[str]) -> list[tuple] | None:
    """An annual report's balances shown twice ("Gross Carrying Amount | Accumulated
    Amortization | Net Carrying Amount", then the same again), the header's years lost in
    copying: the runs are the year end and the year end before, in the document's order.
    A caption or two printed once after the first run ("Weighted Average Useful Life
    (years)") go with it."""
    if facts.document_type != "10-K" or not labels or not all(labels):
        return None
    for extra in (0, 1, 2):
        size, odd = divmod(len(labels) - extra, 2)
        run = labels[:size]
        if odd or size < 2 or labels[size + extra:] != run or any(c in run for c in labels[size:size + extra]) or \
                sum(bool(BALANCE_CAPTION.search(c)) for c in run) < max(2, size - 1):
            continue
        end = facts.period_end
        ends = [end, fiscal_year_start(end, facts) - dt.timedelta(days=1)]
        if not facts.years_descending:
            ends.reverse()
        run_of = [0] * (size + extra) + [1] * size  # the first run and the captions printed once after it, then the second
        return [(Instant(ends[r]), f"no year in the copied header: run {r + 1} of 2 of the balance captions "
                 f"'{' | '.join(run)}', at the year end {ends[r]:%B %-d, %Y}", False) for r in run_of]
    return None


PERIOD_WORDS = re.compile(r"\b(?:ended|months|weeks|quarter|year|as of|fiscal)\b|\b(?:19|20)\d\d\b|^\(?(?:in |\$ in )", re.I)


LEVEL_MARK = re.compile(r"\((?:level|LEVEL|Level)\s?([1-3])\)")
TOTAL_START = re.compile(r"(?=\bTotal|(?<=[a-z])Total)")


def level_captions(line: str, n: int) -> list[str] | None:
    """Fair value captions run together ("Quoted Pricesin ActiveMarkets(Level 1)
    OtherObservableInputs(Level 2) UnobservableInputs(Level 3) TotalFair and CarryingValue"):
    each "(Level n)" closes its column's caption, once or once per date. The other columns
    are the "Total ..." captions after a run of levels, then, to make ``n``, those before
    the first level's own words (ASC 820's "Quoted prices ..."); None when they do not."""
    marks = list(LEVEL_MARK.finditer(line))
    levels = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or levels[0] != 1 or any(b not in (a + 1, 1) for a, b in zip(levels, levels[1:])):
        return None

    def words(text: str) -> str:
        return " ".join(split_header_pieces(text.strip()))

    def totals(text: str) -> list[str]:
        return [words(t) for t in TOTAL_START.split(text) if t.strip() and t.lstrip().startswith("Total")]

    columns: list[str] = []
    for k, mark in enumerate(marks):
        own = line[marks[k - 1].end() if k else 0:mark.start()]
        quoted = own.find("Quoted")
        if k and levels[k] == 1:  # "TotalQuoted Prices...": the last run's total, then this level's words
            columns += totals(own[:quoted] if quoted >= 0 else own)
        if quoted >= 0:
            own = own[quoted:]
        elif not k:
            own = (split_header_pieces(own) or [""])[-1]
        columns.append(f"{words(own)} {mark.group(0)}".strip())
    tail = line[marks[-1].end():]
    columns += totals(tail) or ([words(tail)] if tail.strip() else [])
    needed = n - len(columns)
    if needed > 0:  # before the first level's words: "Book value", "Approximate fair values"
        first = line[:marks[0].start()]
        quoted = first.find("Quoted")
        pieces = [LEADING_SCALE.sub("", p).strip() for p in split_header_pieces(first[:quoted] if quoted >= 0 else first)]
        pieces = [p for p in (pieces if quoted >= 0 else pieces[:-1]) if p]
        if len(pieces) < needed:
            return None
        columns = pieces[-needed:] + columns
    return columns if len(columns) == n else None


MARK_BEFORE_SPACE = re.compile(r"\(\d\)(?=\s)")
CAPITALS_RUN = re.compile(r"[A-Z]{4,}")
MARK_AT_END = re.compile(r"\(\d\)$")


def caps_captions(line: str, n: int, words: frozenset[str]) -> list[str] | None:
    """Captions in capitals run together ("NORTH AMERICAEUROPE, MIDDLE EAST & AFRICAGREATER
    CHINA..."): no case change tells where one ends, so a run of letters the document's own
    words (``words``) print apart ("america" "europe") is cut between them, into as few
    words as will do; each cut ends a caption. None unless that makes ``n`` captions."""
    text = LEADING_SCALE.sub("", line).strip()
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < 0.95 * len(letters):
        return None
    cuts = [m.end() for m in MARK_BEFORE_SPACE.finditer(text)]  # a footnote mark ends its caption
    for run in CAPITALS_RUN.finditer(text):
        if run.group().lower() in words:
            continue
        parts = _word_break(run.group().lower(), words)
        if parts is None:
            return None
        at = run.start()
        for part in parts[:-1]:
            at += len(part)
            cuts.append(at)
    cuts = sorted(cuts)
    pieces = [MARK_AT_END.sub("", text[a:b].strip(" ,")).strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return pieces if len(pieces) == n and all(pieces) else None


def _word_break(run: str, words: frozenset[str]) -> list[str] | None:
    """``run`` as the fewest words of ``words`` (two letters or more) laid end to end."""
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(2, len(run) + 1):
        for start in range(0, end - 1):
            if best[start] is not None and run[start:end] in words and \
                    (best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = best[start] + [run[start:end]]
    return best[-1] if best[-1] and len(best[-1]) > 1 else None


def column_labels(raw: RawTable, known: frozenset[str] = frozenset(), prose: str = "") -> list[str]:
    """The captions of the value columns when a header line names them one by one and
    they are not periods ("Level 1 | Level 2 | Level 3 | Total"); in text whose cells ran
    together, the ``known`` captions (known_captions) and the document's ``prose`` group its
    pieces (grouped_captions)."""
    if spanned := _spanning_first_caption(raw):
        return spanned
    for line in reversed(raw.header):
        if " | " not in line and ((levels := level_captions(line, raw.ncols)) or
                                  (prose and (levels := caps_captions(line, raw.ncols, _words(prose))))):
            return ["" if PERIOD_WORDS.search(p) or parse_dates(p) else p for p in levels]
        pieces = [p.strip() for p in line.split(" | ")] if " | " in line else split_header_pieces(line)
        if " | " not in line and len(pieces) > 1 and (scale := LEADING_SCALE.match(pieces[0])) and \
                scale.end() == len(pieces[0]):
            pieces = pieces[1:]  # "(in millions)" run into the captions: the table's scale, no column's caption
        if " | " not in line and len(pieces) > 1 and raw.text_caption in pieces:
            pieces.remove(raw.text_caption)  # the caption of the words beside the labels: over no value column
        if " | " not in line and (closing := TRAILING_YEARS.search(line)):
            # "Issuance DateDue DateEffective Interest Rate2024 2023": the years head the last
            # columns, the captions just before them the first; the others (text columns of
            # dates beside the labels) head no value column
            years = len(closing.group(0).split())
            captions = split_header_pieces(line[:closing.start()])
            if 0 < raw.ncols - years <= len(captions) and years + len(captions) > raw.ncols:
                pieces = captions[len(captions) - (raw.ncols - years):] + [""] * years
        if " | " not in line and len(pieces) == raw.ncols and known and (regrouped := _run_on_captions(pieces, known)):
            pieces = regrouped
        if " | " not in line and len(pieces) > raw.ncols + 1 and \
                all(DATE_CAPTION.search(p) for p in pieces[1:len(pieces) - raw.ncols]):
            # "InstrumentDate of IssuanceMaturity DateContractual Interest Rate...": the label
            # column's caption, then the captions of columns of dates beside the labels
            pieces = pieces[len(pieces) - raw.ncols:]
        if " | " not in line and known and (spanning := _caption_spanning_below(raw, line, pieces, known, prose)):
            pieces = spanning
        elif " | " not in line and len(pieces) > raw.ncols and known:
            # one caption per value column, maybe after the label column's ("Description")
            label_caption = not OPEN_END.search(pieces[0]) and caption_key(pieces[0]) not in known
            at = raw.header.index(line)
            above = tuple(split_header_pieces(raw.header[at - 1])) if at else ()
            pieces = grouped_captions(pieces, raw.ncols, known, prose, above) or \
                (label_caption and grouped_captions(pieces[1:], raw.ncols, known, prose, above)) or \
                repeated_captions(pieces, raw.ncols) or _beside_a_date(pieces, raw.ncols, prose) or pieces
        elif " | " not in line and len(pieces) == raw.ncols - 1 and (split := _caption_before_repeats(pieces)):
            pieces = split
        elif " | " not in line and 1 < len(pieces) < raw.ncols:
            # fewer pieces than columns: the same captions again for each period, run together
            # at a space too ("Net Earnings/(Loss) Net Sales"); else, over a line of periods,
            # captions each spanning as many columns ("Pension Plans" over two dates)
            pieces = repeated_captions(pieces, raw.ncols) or \
                spanning_captions(pieces, raw.ncols, raw.header[raw.header.index(line) + 1:]) or \
                (len(pieces) == raw.ncols - 1 and _split_after_parenthesis(pieces)) or pieces
        if " | " not in line and len(pieces) != raw.ncols and (marked := _marked_captions(line, raw.ncols)):
            pieces = marked
        if len(pieces) == raw.ncols + 1 and (scale := LEADING_SCALE.match(pieces[0])) and pieces[0][scale.end():]:
            # "(Amounts in millions ...) CurrencyTranslationand OtherCash Flow HedgesTotal": the
            # label column's caption is the scale; the words after it begin the first caption
            pieces = [f"{pieces[0][scale.end():]} {pieces[1]}"] + pieces[2:]
        elif len(pieces) == raw.ncols + 1 and len(dated := [p for p in pieces[1:] if DATE_CAPTION.fullmatch(p)]) == 1:
            pieces.remove(dated[0])  # "Maturity Date": the caption of words beside the figures, no value column's
        elif len(pieces) == raw.ncols + 1:
            pieces = pieces[1:]  # the label column's own caption ("Description")
        if len(pieces) != raw.ncols or raw.ncols < 2 or not _over_their_columns(raw, pieces):
            continue
        if " | " not in line:  # "Carrying Value as of January 31, 2025": the caption, the date the column's
            pieces = [undated if (undated := AS_OF_DATE.sub("", p)).strip() else p for p in pieces]
        periodish = [bool(PERIOD_WORDS.search(p) or parse_dates(p)) for p in pieces]
        # a dated column among captions is the total ("December 31, 2024"); dates after the
        # captions date their own columns ("Stated Interest Rates | December 31, 2023 | ...")
        if sum(periodish) <= 1 or (not periodish[0] and periodish == sorted(periodish)):
            if " | " not in line and not periodish[0] and (mark := MARK_BEFORE_CAPTION.search(pieces[0])):
                pieces = [pieces[0][mark.end():]] + pieces[1:]  # "Maturities (1) Stated Interest Rates"
            elif " | " not in line and not periodish[0] and (glued := LABEL_CAPTION_BEFORE.match(pieces[0])):
                pieces = [pieces[0][glued.end():]] + pieces[1:]
            if " | " not in line:
                pieces = _units_below(raw, line, pieces)
            return ["" if dated else p for p, dated in zip(pieces, periodish)]
    return _stacked_labels(raw)


UNIT_PIECE = re.compile(r"\([^()]+\)")  # "(per share)", "(in years)", "(in thousands)"
PRICE_CAPTION = re.compile(r"\bprice\b|\bper (?:common |ordinary )?share\b|\bgrant[- ]date fair value\b", re.I)
YEARS_CAPTION = re.compile(r"\bterm\b|\blife\b|\byears\b", re.I)


def _units_below(raw: RawTable, line: str, pieces: list[str]) -> list[str]:
    """Copied captions over a line of their units alone ("Number of OptionsWeighted-Average
    Exercise Price..." over "(per share)(in years)(in thousands)"): each unit goes, in order,
    to the next caption it can name (a price's "(per share)", a term's "(in years)", a scale
    to neither), so "(in thousands)" is the intrinsic value's scale, not the option counts';
    the captions as they are unless every unit finds one."""
    at = raw.header.index(line)
    below = raw.header[at + 1] if at + 1 < len(raw.header) else ""
    units = UNIT_PIECE.findall(below)
    if len(units) < 2 or len(units) > len(pieces) or UNIT_PIECE.sub("", below).strip():
        return pieces

    def names(caption: str, unit: str) -> bool:
        if "share" in unit.lower():
            return PRICE_CAPTION.search(caption) is not None
        if "year" in unit.lower():
            return YEARS_CAPTION.search(caption) is not None
        return PRICE_CAPTION.search(caption) is None and YEARS_CAPTION.search(caption) is None
    out, k = list(pieces), 0
    for unit in units:
        while k < len(pieces) and not names(pieces[k], unit):
            k += 1
        if k == len(pieces):
            return pieces
        out[k] = f"{pieces[k]} {unit}"
        k += 1
    return out


def _marked_captions(line: str, n: int) -> list[str] | None:
    """Copied captions that each close on a mark ("IncomeAllocation(A)(1) Weighted-Average
    SharesOutstanding (B) Earnings perShare =(A)/(B)(2) ..."): cut after each mark, the words
    inside a caption parted where they ran together, a footnote's mark dropped; None unless
    that gives ``n`` captions."""
    parts = AFTER_MARK.split(line.strip())
    if len(parts) != n or not all(CLOSING_MARK.search(p) for p in parts):
        return None
    return [TRAILING_FOOTNOTE.sub("", " ".join(split_header_pieces(p))) for p in parts]


AFTER_MARK = re.compile(r"(?<=\))\s+(?=[A-Z])")
CLOSING_MARK = re.compile(r"\([A-Z1-9]\)(?:/\([A-Z1-9]\))*(?:\(\d\))?$")  # "(A)", "=(A)/(B)(2)"
TRAILING_FOOTNOTE = re.compile(r"\s*\(\d\)$")


# a caption left open for the captions of the line below it ("Reported as" over "Cash Equivalents")
OPEN_FOR_BELOW = re.compile(r"\b(?:as|in|by)$", re.I)


def _caption_spanning_below(raw: RawTable, line: str, pieces: list[str], known: frozenset[str],
                            prose: str) -> list[str] | None:
    """Copied text's captions one of which, left open, heads the captions of the header line
    below ("AmortizedCostGross UnrealizedFairValue" over "GainsLosses"; "...Estimated Fair
    ValueReported as" over "Cash EquivalentsMarketable Securities"): the captions before it,
    it with each lower caption, the captions after it. The last open piece is tried first;
    None unless that gives one caption per column, the others known ones. An open caption
    first in its line, with captions beside it, may head only some of the lower ones (Coca-
    Cola's "Gross Unrealized" over "CostGainsLosses"): copied text cannot tell which."""
    at = raw.header.index(line)
    if at + 1 >= len(raw.header):
        return None
    lower = split_header_pieces(raw.header[at + 1])
    if not 1 < len(lower) < raw.ncols or any(PERIOD_WORDS.search(p) or parse_dates(p) for p in lower):
        return None
    wanted = raw.ncols - len(lower)  # the captions beside the spanning one
    for i in reversed(range(len(pieces))):
        if not (OPEN_FOR_BELOW.search(pieces[i]) or OPEN_END.search(pieces[i])) or (i == 0 and wanted):
            continue
        before, after = pieces[:i], pieces[i + 1:]
        for n_before in range(min(wanted, len(before)) + 1):
            left = _captions_of_pieces(before, n_before, known, prose)
            right = _captions_of_pieces(after, wanted - n_before, known, prose)
            if left is not None and right is not None:
                return left + [f"{pieces[i]} {caption}" for caption in lower] + right
    return None


def _captions_of_pieces(pieces: list[str], n: int, known: frozenset[str], prose: str) -> list[str] | None:
    """``n`` captions of a run of header pieces: as they are, joined into one known caption,
    or grouped (grouped_captions)."""
    if len(pieces) == n:
        return pieces
    if n == 0 or len(pieces) < n:
        return None
    if n == 1:
        joined = " ".join(pieces)
        return [joined] if caption_key(joined) in known or STANDARD_CAPTION.match(caption_key(joined)) else None
    return grouped_captions(pieces, n, known, prose)


def _spanning_first_caption(raw: RawTable) -> list[str]:
    """Copied text's two caption lines where the lower one names the columns under the upper
    line's first caption ("Net Carrying ValueUnpaidPrincipalBalanceUnusedCommittedAmount (1)
    ContractualInterest RatesContractualMaturity Date" over "CurrentLong-Term"): the first
    caption over each of the lower line's, then one caption per other column from the rest of
    the upper line, which ends a caption at each footnote mark and shares a run of one-word
    pieces (a caption's wrapped lines) out evenly; a last caption of dates ("Contractual
    Maturity Date") heads a column of words beside the figures, none of theirs. [] unless
    that gives one caption per column."""
    if raw.column_headers or len(raw.header) < 2 or any(" | " in line for line in raw.header[-2:]):
        return []
    lower = split_header_pieces(raw.header[-1])
    if not 1 < len(lower) < raw.ncols or any(PERIOD_WORDS.search(p) or parse_dates(p) for p in lower):
        return []
    pieces = [cut.strip() for piece in split_header_pieces(raw.header[-2])
              for cut in MARK_THEN_WORD.split(piece) if cut.strip()]
    dates_column = len(pieces) > 2 and DATE_CAPTION.match(pieces[-1])
    if dates_column:
        pieces = pieces[:-2] if " " not in pieces[-2] else pieces[:-1]  # "Contractual" "Maturity Date"
    if len(pieces) < 2 or " " not in pieces[0]:
        return []
    segments: list[list[str]] = [[]]
    for piece in pieces[1:]:
        segments[-1].append(piece)
        if FOOTNOTE_MARK.fullmatch(piece[-3:]):
            segments.append([])
    segments = [seg for seg in segments if seg]
    if not dates_column and len(segments) < 2:
        return []  # nothing in the line tells its captions apart ("Common StockAdditional ..." over "SharesAmount")
    wanted = raw.ncols - len(lower)
    shares = [1] * len(segments)
    for _ in range(wanted - len(segments)):  # the extra captions to the longest runs, evenly
        longest = max(range(len(segments)), key=lambda k: len(segments[k]) / shares[k])
        shares[longest] += 1
    if len(segments) > wanted or any(len(seg) % n for seg, n in zip(segments, shares)):
        return []
    captions = [" ".join(seg[k * (len(seg) // n):(k + 1) * (len(seg) // n)])
                for seg, n in zip(segments, shares) for k in range(n)]
    return [f"{pieces[0]} {sub}" for sub in lower] + captions


MARK_THEN_WORD = re.compile(r"(?<=\(\d\))\s+(?=[A-Z][a-z])")  # "Amount (1) Contractual": two captions


def _over_their_columns(raw: RawTable, pieces: list[str]) -> bool:
    """Whether a header line's captions stand over the value columns they would name, where
    the grid says which header cells stand over which column: "Pricing Category | Amortized
    Cost | ..." has as many captions as value columns, but the first is over the column of
    text beside the labels and each other one over the column after."""
    if len(raw.column_headers) != raw.ncols:
        return True  # text: no grid to check against
    return all(not piece or piece in stack for piece, stack in zip(pieces, raw.column_headers))


def _wrapped_captions(raw: RawTable) -> list[str]:
    """Captions wrapped over header rows of their own, one cell per row over one column each
    ("Currency" over "Translation" over "Adjustments" | "Defined" over "Benefit" over
    "Plans" | "Total"): each column's cells read down, where the lowest row alone would name
    the columns by their last words. Cells shared with a neighbouring column (a caption
    spanning several) are not a column's own; none where a column has no caption, none
    wraps, or a cell names a period."""
    stacks = raw.column_headers
    if raw.ncols < 2 or len(stacks) != raw.ncols or len(raw.header) < 2:
        return []
    own: list[list[str]] = []
    for c, stack in enumerate(stacks):
        neighbours = set(stacks[c - 1] if c else ()) | set(stacks[c + 1] if c + 1 < len(stacks) else ())
        pieces = [p for p in stack if p.strip() and p not in neighbours]
        if len(pieces) != len([p for p in stack if p.strip()]) or \
                any(PERIOD_WORDS.search(p) or not undated_caption(p) for p in pieces):
            return []
        own.append(pieces)
    if not all(own) or max(len(p) for p in own) < 2:
        return []
    return [_clean_label(" ".join(p)) for p in own]


def _wrapped_copied_captions(raw: RawTable) -> tuple[int, list[str]] | None:
    """Copied text of captions wrapped over header rows of their own, a total's beside them
    on the last row alone ("CurrencyDefined" over "TranslationBenefit" over
    "AdjustmentsPlansTotal"): the rows above the last name the columns but the total, left
    to right, so each column's words read down. (How many header lines they take, the
    captions), or None where the lines do not so divide, or name periods or scales."""
    if raw.column_headers or raw.ncols < 3 or len(raw.header) < 2:
        return None
    last = split_header_pieces(raw.header[-1])
    if len(last) != raw.ncols or not last[-1].startswith("Total"):
        return None
    above = []
    for line in reversed(raw.header[:-1]):
        pieces = split_header_pieces(line)
        if len(pieces) != raw.ncols - 1 or PERIOD_WORDS.search(line) or parse_dates(line) or SCALE_PIECE.match(line):
            break
        above.insert(0, pieces)
    if not above:
        return None
    return len(above) + 1, [" ".join([*(row[c] for row in above), last[c]]) for c in range(raw.ncols - 1)] + [last[-1]]


def _known_stacks(raw: RawTable, known: frozenset[str]) -> tuple[int, list[str]] | None:
    """Copied captions wrapped over header lines of their own, each line one word or a few
    of some captions ("Weighted-" over "Average" over "Number ofGrant-Date" over "Units (in
    thousands) Fair Value"): the last line names every column; each line above puts its
    pieces over columns left to right, the placing that makes the most ``known`` captions
    read down ("Weighted- Average Grant-Date Fair Value"), in tables of a few columns. (How
    many header lines they take, the captions), or None where no placing makes known
    captions of more words than the last line's."""
    if raw.column_headers or not 2 <= raw.ncols <= 4 or len(raw.header) < 2 or not known:
        return None  # (wider tables' upper lines span columns: an equity statement's "Common Shares")
    last = [p for p in split_header_pieces(raw.header[-1]) if not LEADING_SCALE.fullmatch(p)]
    if len(last) != raw.ncols:
        return None
    above: list[list[str]] = []
    for line in reversed(raw.header[:-1][-3:]):
        pieces = split_header_pieces(line)
        if not 0 < len(pieces) <= raw.ncols or PERIOD_WORDS.search(line) or parse_dates(line) or \
                LEADING_SCALE.match(line) or line.rstrip().endswith((":", ".")):
            break
        above.insert(0, pieces)
    placings = [list(combinations(range(raw.ncols), len(pieces))) for pieces in above]
    if not above or prod(len(p) for p in placings) > 5000:
        return None

    def known_count(captions: list[str]) -> int:  # the words of known captions: a longer one read down wins
        return sum(len(key.split()) for c in captions if (key := caption_key(c)) in known)
    best, best_count = None, known_count(last)
    for chosen in product(*placings):
        stacks = [[] for _ in range(raw.ncols)]
        for pieces, columns in zip(above, chosen):
            for piece, c in zip(pieces, columns):
                stacks[c].append(piece)
        captions = [" ".join([*stack, bottom]) for stack, bottom in zip(stacks, last)]
        if (count := known_count(captions)) > best_count:
            best, best_count = captions, count
    return (len(above) + 1, best) if best else None


def _stacked_labels(raw: RawTable) -> list[str]:
    """Captions that span each date's columns ("Notional Amount" over "March 31, 2025 |
    June 30, 2024"): per column, the header cells over it that name no period or scale.
    Only where every column has one and they differ; else none."""
    if raw.ncols < 2 or len(raw.column_headers) != raw.ncols:
        return []
    labels = [" ".join(p for p in stack if not PERIOD_WORDS.search(p) and undated_caption(p))
              for stack in raw.column_headers]
    return labels if all(labels) and len(set(labels)) > 1 else []


def undated_caption(piece: str) -> bool:
    """A header cell that is no date, no scale ("(in millions)") and no lone year: part of
    a column's caption when the header cells over the column are read down."""
    return not (parse_dates(piece) or SCALE.search(piece) or YEAR_ONLY.fullmatch(piece.strip()))


def _period_header(period, row_driven: bool) -> str:
    if row_driven:
        return ""
    if isinstance(period, Instant):
        return f"{period.date:%B %-d, %Y}"
    months = period.months
    span = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}.get(months, str(months))
    return f"{span} Months Ended {period.end:%B %-d, %Y}"


def detect(doc: Document, *, company: str | None = None, cik: str | None = None,
           prefix: str | None = None, exclude_company: str | None = None) -> Filing:
    """The typed tables of a document; ``exclude_company``: learn nothing from that company's
    filings (the corpus benchmark's leave-one-company-out)."""
    if not doc.tables:
        raise NoStatementsError(f"{doc.path}: no tables of numbers found")
    facts = document_facts(doc, company)
    known = known_captions(exclude_company)
    # copied text's own words, which tell how its run-together captions join (grouped_captions)
    prose = doc.text if doc.kind is InputKind.TEXT else ""
    kinds = classify(doc.tables)
    in_statements = _in_financial_statements(doc.tables, kinds)
    if not any(k.primary for k in kinds.values()):
        raise NoStatementsError(f"{doc.path}: no financial statement (balance sheet, income, cash flow...) found")
    tables: list[Table] = []
    skipped: list[str] = []
    balance_sheet: Table | None = None
    for raw in doc.tables:
        if raw.index not in in_statements:
            skipped.append(f"{raw.locator}: outside the financial statements ({raw.item or 'before the first statement'})")
            continue
        if EXHIBIT_INDEX.search(" ".join(raw.header)):
            skipped.append(f"{raw.locator}: an exhibit index (exhibit numbers and filing dates, not amounts)")
            continue
        if wrapped := _wrapped_captions(raw):
            # captions wrapped over header rows of their own: one caption per column, read down
            raw = replace(raw, header=(" | ".join(wrapped),), column_headers=tuple((w,) for w in wrapped))
        elif copied := _wrapped_copied_captions(raw) or _known_stacks(raw, known):
            raw = replace(raw, header=raw.header[:-copied[0]] + (" | ".join(copied[1]),))
        scale, shares_scale, ps_scale = _scales(raw)
        items = _line_items(raw, None)
        row_items = _row_periods(items, facts)
        sideways = _year_rows(raw, items, facts) if row_items is None else None
        if sideways is not None:
            row_items, captions = sideways
        cols = _columns(raw, facts, row_items is not None, known, prose)
        if cols is None:
            skipped.append(f"{raw.locator}: no period found in its header {' / '.join(raw.header)[:120]!r}")
            continue
        kind = kinds[raw.index]
        if sideways is not None:  # its columns are named by their captions, its rows by their years
            cols = [replace(c, header=caption) for c, caption in zip(cols, captions)]
        if any(r.year is not None for r in raw.rows):
            # a column of years dates the rows: each column is the latest year's, moved per row,
            # and named by its header cells, not by a year the header never gave it
            cols = [replace(c, period=in_year(c.period, facts.period_end.year),
                            period_evidence=f"{c.period_evidence}; the rows' column of years names the year",
                            header=" ".join(raw.column_headers[c.index]) if c.index < len(raw.column_headers)
                            else c.header)
                    for c in cols]
        if kind is StatementKind.NOTE:
            cols, (scale, shares_scale, ps_scale) = _column_scales(raw, cols, (scale, shares_scale, ps_scale))
        if kind is StatementKind.NOTE and row_items is None and len({c.period for c in cols}) == 1:
            row_items = _heading_periods(items, facts, raw.header) or _repeated_block_periods(items, facts)
        if kind is StatementKind.EQUITY and not _rows_by_component(raw, row_items):
            prev = next((t for t in reversed(tables) if t.kind is StatementKind.EQUITY), None)
            cols = equity_columns(raw, cols, row_items or items, balance_sheet, prev)
            if row_items:
                row_items = place_rows(row_items, cols)
        items = row_items or items
        if kind is StatementKind.EQUITY:
            shares_scale = _shares_scale_by_balance_sheet(items, cols, balance_sheet, shares_scale)
        if kind is StatementKind.NOTE and DEBT_TABLE.search(" ".join(raw.context_before[-1:] + raw.header)):
            items = [replace(it, label_numbers=found) if (found := debt_numbers(
                it.label, raw.rows[it.index].label_locator, raw.rows[it.index].label_cells, scale)) else it
                     for it in items]
        if kind is StatementKind.NOTE and EXERCISE_PRICE_RANGES.search(" ".join(raw.header)):
            items = [replace(it, label_numbers=found) if (found := range_numbers(
                it.label, raw.rows[it.index].label_locator)) else it for it in items]
        if kind in (StatementKind.INCOME, StatementKind.NOTE) and shares_scale:
            shares_scale = _shares_scale_by_earnings(items, scale, shares_scale)
        if kind in (StatementKind.BALANCE, StatementKind.COMPREHENSIVE, StatementKind.EQUITY):
            items = [_with_label_numbers(it, raw, len(cols), scale, shares_scale,
                                         continued=k > 0 and ENDS_WITH_AND.search(items[k - 1].label) is not None)
                     for k, it in enumerate(items)]
        title = _title(raw, kind)
        table = Table(index=len(tables), kind=kind, title=title, columns=tuple(cols), rows=tuple(items),
                      scale=scale, per_share_scale=ps_scale, shares_scale=shares_scale, raw=raw)
        tables.append(table)
        if kind is StatementKind.BALANCE and balance_sheet is None:
            balance_sheet = table
    if not tables:
        raise NoStatementsError(f"{doc.path}: no table with readable periods")
    return Filing(document=doc, company=facts.company, document_type=facts.document_type,
                  period_end=facts.period_end, fiscal_year=facts.fiscal_year, fiscal_period=facts.fiscal_period,
                  tables=tuple(tables), cik=cik, prefix=prefix or _prefix(facts.company),
                  fiscal_year_end=facts.fiscal_year_end, skipped=tuple(skipped))


TITLES = {
    StatementKind.BALANCE: "Condensed Consolidated Balance Sheets",
    StatementKind.INCOME: "Condensed Consolidated Statements of Operations",
    StatementKind.COMPREHENSIVE: "Condensed Consolidated Statements of Comprehensive Income (Loss)",
    StatementKind.EQUITY: "Condensed Consolidated Statements of Stockholders' Equity",
    StatementKind.CASHFLOW: "Condensed Consolidated Statements of Cash Flows",
}


# the header over options by range of exercise prices ("Range of Exercise Prices | Number Outstanding ...")
EXERCISE_PRICE_RANGES = re.compile(r"\brange (?:of )?exercise prices?\b|\bexercise prices? range\b", re.I)


# the line that titles a statement, and a note's table (which a sentence may introduce)
STATEMENT_TITLE_LINE = re.compile(r"balance sheets?|statements? of", re.I)
# ... and "Other intangible assets consisted of the following:", which else gave the table the
# sentence above the table before it ("goodwill by segment ... as follows:")
NOTE_TITLE_LINE = re.compile(r"balance sheets?|statements? of|the following table|as follows(?:\s*\([^)]*\))?:|follows:$|"
                             r"\bconsist(?:s|ed)? of the following(?:\s*\([^)]*\))?:$", re.I)
# the sentence right above a note's table that introduces it in other words: "... is
# presented below (dollars in thousands, except per share data):", "... are summarized below:"
# "The table below presents a roll-forward of ...": only right above the table (further up,
# "... is summarized in the table below:" introduces the table before it)
BELOW_LINE = re.compile(r"\bbelow(?:\s*\([^)]*\))?:$|\bthe tables? below\b", re.I)
NOT_A_HEADING = re.compile(r"\d|ended|\(in ", re.I)  # a header line of periods or a scale


def _title(raw: RawTable, kind: StatementKind) -> str:
    wanted = STATEMENT_TITLE_LINE if kind.primary else NOTE_TITLE_LINE
    if not kind.primary and raw.context_before and BELOW_LINE.search(raw.context_before[-1]) and \
            not any(wanted.search(line) for line in raw.header):
        return raw.context_before[-1].strip()[:200]  # before an older sentence that says "as follows"
    for line in list(raw.header) + list(reversed(raw.context_before)):
        if wanted.search(line):
            return line.strip()[:200]
    if kind in TITLES:
        return TITLES[kind]
    heading = next((h for h in raw.header if not NOT_A_HEADING.search(h)), "")
    return heading[:200] or f"Table {raw.index + 1}"


NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _prefix(company: str) -> str:
    """The extension prefix from the registrant's first word: a valid XML prefix ("3M" -> "x3m")."""
    word = NOT_ALNUM.sub("", company.split()[0].lower()) if company.split() else ""
    word = word or "co"
    return (word if word[0].isalpha() else "x" + word)[:12]
