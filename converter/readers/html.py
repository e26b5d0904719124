"""Untagged EDGAR HTML: tables laid out on a grid of narrow cells.

What such HTML looks like: a statement row spreads one shown number over several
``<td>``s ("$" | "1,234" | ")"), with empty spacer cells between value columns and
``colspan``s that differ from row to row; header rows above the numbers name the period
lengths, the dates and often the years on separate rows; the scale ("in millions") sits in
a paragraph above the table or in the table's top-left cell; labels are indented with
no-break spaces; superscript footnote markers follow numbers and labels.

The reader expands each table to its grid, finds the value columns as the grid positions
that numbers cover (spacer and "$" columns fall away), reads each row's label and one cell
per value column, and keeps header rows as lines "a | b | c" (one entry per header cell,
left to right) so ``converter.detect.periods`` sees one length, date or year per column.
Each ``RawCell.locator`` is the XPath of the element whose text holds the number;
``Document.elements`` maps it to that element of ``Document.native``, where the in-place
writer wraps the number.

Parsing is safe on hostile input: libxml2's HTML parser does not read DTDs or expand
declared entities, and network access is off.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.detect.dates import MONTH_NAME
from converter.errors import InputError, NumberParseError
from converter.model import Document, InputKind, RawCell, RawRow, RawTable
from converter.readers import register
from converter.readers._common import (LETTERS, NOTE_HEADING, SCALE_LOOKBACK, SCALE_PHRASE, context_text, dated_by_year,
                                       item_heading, notes_scale, on_its_side, percent_columns, scale_line,
                                       under_column_dates, years_column)
from converter.readers.text import read_text

# "As of December 31, 2024" alone in a row: a heading that dates the rows below it
DATE_HEADING = re.compile(r"(?:as of |at )?" + MONTH_NAME + r"\s+\d{1,2},?\s+(?:19|20)\d\d:?", re.I)
DASH_CHARS = "—–-−"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
NUMBER = re.compile(_NUMBER)
NUMERIC_CELL = re.compile(
    r"^(?P<cur>\$|US\$)?\s*(?P<open>\()?\s*(?:\$\s*)?(?P<minus>[-−–])?\s*(?P<num>" + _NUMBER + r")"
    r"\s*(?P<close>\))?\s*(?P<pct>%)?$")
DASH_CELL = re.compile(r"^(?:\$|US\$)?\s*\(?\s*[—–−-]{1,3}\s*\)?\s*%?$")  # "—%": a rate of zero
# a range of rates ("4.80% - 4.95%", "4.70-5.75%"): the groups of NUMERIC_CELL, the lower end
# as "num", the upper as "high"
RANGE_CELL = re.compile(r"^(?P<cur>)(?P<open>)(?P<minus>)(?P<num>\d{1,3}(?:\.\d+)?)\s*%?\s*[-–—]\s*"
                        r"(?P<high>\d{1,3}(?:\.\d+)?)\s*(?P<close>)(?P<pct>%)$")
# ... and its figures alone, their "%" in the next cell ("33 - 36 | %")
BARE_RANGE = re.compile(RANGE_CELL.pattern.replace("(?P<pct>%)$", "(?P<pct>)$"))
FOOTNOTE_TAIL = re.compile(r"(?:\s*(?:\(\s*(?:\d{1,2}|[a-z])\s*\)|\*{1,3}|\[\d{1,2}\]))+$")
YEAR = re.compile(r"^(?:fiscal\s+)?(?:19|20)\d\d$", re.I)
AFFIX_LEFT = re.compile(r"^(?:\$|US\$|\(|\$\s*\()$")
AFFIX_RIGHT = re.compile(r"^(?:\)|%|\)\s*%)$")
CHANGE_CAPTION = re.compile(r"\bchange\b|\bincrease\b|\bdecrease\b|\bgrowth\b|\bvariance\b", re.I)
WORDS = re.compile(r"[A-Za-z]{3,}")  # a cell of words, not a mark or an affix
FOOTNOTE_CELL = re.compile(r"\(\d\)")  # "(1)" alone in a cell after a figure: a footnote reference
FOOTNOTE_MARK = re.compile(r"\(?\d\)?")  # "4" alone in a header cell: the mark of a footnote
# the text of a superscript marker: "(1)", "a", "*", "†", or a list of them ("1, 2")
MARKER_TEXT = re.compile(r"\(?\s*(?:\d{1,2}|[a-z]{1,2}|\*{1,3}|[†‡§])\s*\)?(?:\s*,\s*\(?\w\)?)*")
MARK_DIGITS = re.compile(r"\d{1,2}")  # a footnote mark in a cell of its own
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "center",
              "blockquote", "section", "article", "header", "footer", "dt", "dd", "pre", "title"}
SKIP_TAGS = {"script", "style", "head", "noscript", "template", "object", "embed", "iframe"}
MAX_LABEL = 400
# Cells a table, and a whole document, may hold: a 10-K's largest statement has a few
# thousand, and each cell costs some 50 us to lay out, so these bound a hostile file's time.
MAX_CELLS_PER_TABLE = 50_000
MAX_CELLS_PER_DOCUMENT = 300_000
# Grid positions a table may cover, cells and rowspans carried down alike: colspan and
# rowspan are each capped at 200, but hostile rows of such cells would otherwise make the
# grid (and the time to lay it out) grow with the square of the rows.
MAX_GRID_AREA = 2_000_000
MAX_GRID_COLUMNS = 2_000
# Table cells below an element, counted by libxml2 rather than one Python object per cell.
COUNT_CELLS = etree.XPath("count(.//td|.//th)")
# Elements in the document: an upper bound of its cells that libxml2 counts in a quarter of
# the time a count of the text's "<" took.
COUNT_ELEMENTS = etree.XPath("count(//*)")
# raised text: by vertical alignment, or moved up from its line ("position:relative;top:-3.15pt")
SUPER = re.compile(r"vertical-align\s*:\s*(?:super|top)|\bsuper\b|(?<![\w-])top\s*:\s*-\s*[\d.]", re.I)
CONTEXT_BLOCKS = 3


@dataclass(slots=True)
class _Cell:
    """A <td>/<th> placed on the table grid (slotted: a filing makes thousands)."""

    el: object
    start: int  # first grid column
    end: int  # one past the last grid column
    text: str  # shown text, footnote superscripts removed, spaces collapsed
    position: int  # index in its row's cells
    number: re.Match | None = None
    dash: bool = False
    percent_mark: bool = False  # "%" in the next cell

    @property
    def numeric(self) -> bool:
        return self.number is not None or self.dash

    @property
    def percent(self) -> bool:
        if self.dash:  # "—%", or "—" beside a "%" cell: a rate of zero
            return self.percent_mark or self.text.endswith("%")
        return self.number is not None and (bool(self.number.group("pct")) or self.percent_mark)


@dataclass(slots=True)
class _Row:
    """A <tr> laid out on the grid. Slotted, and what the table layout asks of a row a dozen
    times is worked out once: here, not by ``functools.cached_property``, whose lock on
    every first read cost more than the answers."""

    el: object
    cells: list[_Cell]
    ordinal: int
    # cells that may hold a value: numeric, not the label column (percentages too)
    value_cells: list[_Cell] = field(init=False)
    _year_row: bool | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.value_cells = [c for c in self.cells if (c.number is not None or c.dash) and c.start > 0]  # numeric

    @property
    def is_year_row(self) -> bool:
        """Years over the value columns ("2025 | 2024"), maybe after a caption in the label
        column, maybe beside captions of their own ("2024 | Effective interest rate | 2023")."""
        if self._year_row is None:
            # a row of figures fails on its first value cell, before the row's cells are sorted
            if not all(YEAR.match(c.text) for c in self.value_cells):
                self._year_row = False
                return False
            filled = [c for c in self.cells if c.text and c.start > 0 and not AFFIX_LEFT.match(c.text)]
            years = [c for c in filled if YEAR.match(c.text)]
            self._year_row = bool(years) and all(YEAR.match(c.text) or not c.numeric for c in filled) and not any(
                c.start == 0 and c.numeric for c in self.cells)
        return self._year_row


@lru_cache(maxsize=4096)
def _raised(style: str) -> bool:
    """A style that raises its text: answered once per style, which a filing repeats on
    thousands of elements."""
    lowered = style.lower()
    return ("super" in lowered or "vertical-align" in lowered or "top" in lowered) and SUPER.search(style) is not None


# Elements that are never footnote marks: cells and blocks (one look-up, not two)
NOT_MARK_TAGS = frozenset({"td", "th", *BLOCK_TAGS})


def _is_footnote_mark(el, tag: str | None = None) -> bool:
    """A superscript marker ("(1)", "a", "*"): a <sup>, or an inline element raised by its
    style. Table cells and paragraphs aligned to the top are layout: their "85" is a value.
    ``tag`` is the element's tag when the caller has it (the parser lowercases tag names)."""
    if tag is None:
        tag = el.tag if isinstance(el.tag, str) else ""
    if tag in NOT_MARK_TAGS:
        return False
    if tag == "sup" or _raised(el.get("style") or ""):
        text = "".join(el.itertext()).strip()
        return MARKER_TEXT.fullmatch(text) is not None
    return False


# Elements whose text is not the cell's.
NOT_CELL_TEXT = frozenset({"table", *SKIP_TAGS})


def _cell_text(el, text: str | None) -> str:
    """Text of a cell (a td or th, ``text`` its own text: the caller has it) without nested
    tables and footnote superscripts, whitespace collapsed (``str.split`` breaks at no-break
    spaces too)."""
    if not len(el):  # most cells: nothing to walk
        return " ".join(text.split()) if text else ""
    parts = [text] if text else []
    _children_parts(el, parts)
    return " ".join("".join(parts).split())


def _cell_parts(node, parts: list[str]) -> None:
    """The text pieces of ``node`` (inside a cell), its descendants and its tail, in document order."""
    tag = node.tag
    if not isinstance(tag, str):
        if node.tail:
            parts.append(node.tail)
        return
    if tag in NOT_CELL_TEXT or _is_footnote_mark(node, tag):
        if node.tail:
            parts.append(node.tail)
        return
    if tag == "br" or tag in BLOCK_TAGS:
        _break(parts)
    if node.text:
        parts.append(node.text)
    _children_parts(node, parts)
    if node.tail:
        parts.append(node.tail)


def _break(parts: list[str]) -> None:
    """A line break in a cell is a space, except after a word's hyphen: a header cell
    "Weighted-<br>Average" reads "Weighted-Average", as its words are matched."""
    last = parts[-1] if parts else ""
    if len(last) < 2 or last[-1] != "-" or not last[-2].isalpha():
        parts.append(" ")


def _children_parts(node, parts: list[str]) -> None:
    """The text pieces of ``node``'s children, their descendants and tails."""
    for child in node:
        tag = child.tag
        if len(child) or not isinstance(tag, str):
            _cell_parts(child, parts)
            continue
        # a leaf element (most of them), inline: the same steps without a call
        if tag not in NOT_CELL_TEXT and not _is_footnote_mark(child, tag):
            if tag == "br" or tag in BLOCK_TAGS:
                _break(parts)
            text = child.text
            if text:
                parts.append(text)
        tail = child.tail
        if tail:
            parts.append(tail)


def _classify(cell: _Cell) -> None:
    """Number, dash or text; "1,234 (1)" is a number with a footnote mark, "(65)" a number.
    The cell has text."""
    text = cell.text
    if _classified(cell, text):
        return
    # a footnote tail ends in ")", "*" or "]"; the text is already stripped
    if text.endswith((")", "*", "]")):
        stripped = FOOTNOTE_TAIL.sub("", text).strip()
        if stripped and stripped != text:
            _classified(cell, stripped)


def _classified(cell: _Cell, text: str) -> bool:
    if text[0].isalpha() and not text.startswith("US$"):  # words: none of the patterns starts with a letter
        return False
    if text == "$":  # the currency sign of the figure beside it, in a cell of its own (a few hundred a filing)
        return False
    m = NUMERIC_CELL.match(text)
    if m:
        cell.number = m
        return True
    if DASH_CELL.match(text):
        cell.dash = True
        return True
    m = RANGE_CELL.match(text)
    if m:
        cell.number = m
        return True
    return False


def _percent_mark(cell: _Cell) -> None:
    """The "%" in the next cell marks the cell's figure a percentage."""
    if cell.number is None:
        cell.number = BARE_RANGE.match(cell.text)  # a range of rates, its "%" beside it
    if cell.number is not None or cell.dash:
        cell.percent_mark = True


def _rows_of(table) -> list:
    """The table's own rows: not those of tables nested in its cells (the parser lowercases
    tag names)."""
    return list(table.iterchildren("tr")) + [
        tr for sect in table.iterchildren("thead", "tbody", "tfoot") for tr in sect.iterchildren("tr")]


# colspan and rowspan values as written in nearly every table, read without int()
SPAN_VALUES = {str(n): n for n in range(1, 201)}


def _span(value: str) -> int:
    """A colspan or rowspan attribute's value, capped."""
    known = SPAN_VALUES.get(value)
    if known is not None:
        return known
    try:
        return max(1, min(int(value.strip()), 200))
    except ValueError:
        return 1


def _grid(table, first_ordinal: int, count_cells: bool) -> list[_Row]:
    """Rows with each cell's grid columns (colspan and rowspan honoured). ``count_cells``
    False: the whole document has no more cells than a table may, so no table is counted."""
    rows: list[_Row] = []
    carried: dict[int, int] = {}  # grid column -> rows still covered by a rowspan from above
    if count_cells and COUNT_CELLS(table) > MAX_CELLS_PER_TABLE:
        raise InputError(f"a table has more than {MAX_CELLS_PER_TABLE} cells")
    area = MAX_GRID_AREA
    for k, tr in enumerate(_rows_of(table)):
        cells: list[_Cell] = []
        pos = 0
        area -= len(carried)
        next_carried: dict[int, int] = {}
        for col, left in carried.items():
            if left > 1:
                next_carried[col] = left - 1
        for td in tr.iterchildren("td", "th"):  # the parser lowercases tag names
            while pos in carried:
                pos += 1
            colspan, rowspan = td.get("colspan"), td.get("rowspan")
            width = (SPAN_VALUES.get(colspan) or _span(colspan)) if colspan else 1  # common widths without a call
            area -= width
            if area < 0 or pos + width > MAX_GRID_COLUMNS:
                raise InputError(f"a table spans more than {MAX_GRID_COLUMNS} columns or {MAX_GRID_AREA} grid cells")
            own = td.text
            text = _cell_text(td, own) if own or len(td) else ""  # most cells are empty: nothing to read
            cell = _Cell(td, pos, pos + width, text, len(cells))  # positional: a keyword costs a third more
            if text:
                _classify(cell)
                if text.startswith("%") and cells:
                    _percent_mark(cells[-1])
            cells.append(cell)
            height = _span(rowspan) if rowspan else 1
            if height > 1:
                for c in range(pos, pos + width):
                    next_carried[c] = height - 1
            pos += width
        carried = next_carried
        rows.append(_Row(tr, cells, first_ordinal + k))
    return rows


def _value_columns(rows: list[_Row]) -> list[tuple[int, int]]:
    """Grid ranges of the value columns: maximal runs of positions covered by numbers.

    A run that one wide cell bridges is split where few cells cross and both sides
    hold numbers of their own.
    """
    # each span with the number of cells on it: a column's rows share a handful of spans
    spans = Counter((c.start, c.end) for r in rows for c in r.value_cells)
    if not spans:
        return []
    covered = sorted({p for s, e in spans for p in range(s, e)})
    runs: list[list[int]] = []
    for p in covered:
        if runs and p == runs[-1][1]:
            runs[-1][1] = p + 1
        else:
            runs.append([p, p + 1])
    out: list[tuple[int, int]] = []
    for start, end in runs:
        out.extend(_split_run(start, end, {(s, e): n for (s, e), n in spans.items() if s >= start and e <= end}))
    return out


def _split_run(start: int, end: int, spans: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    for b in range(start + 1, end):
        crossing = sum(n for (s, e), n in spans.items() if s < b < e)
        left = sum(n for (s, e), n in spans.items() if e <= b)
        right = sum(n for (s, e), n in spans.items() if s >= b)
        if left >= 2 and right >= 2 and crossing * 4 <= min(left, right):
            return [(start, b)] + _split_run(b, end, {(s, e): n for (s, e), n in spans.items() if s >= b or s < b < e})
    return [(start, end)]


def _leading_minor_dropped(columns: list[tuple[int, int]], rows: list[_Row],
                           head: list[_Row]) -> list[tuple[int, int]]:
    """Columns left of the main ones holding a number or two (a share count inside a label,
    a note reference) are part of the labels, not value columns; unless a header cell of
    their own stands over them ("Class A | Shares" over balances only)."""
    starts = Counter(c.start for r in rows for c in r.value_cells)
    counts = [sum(n for p, n in starts.items() if s <= p < e) for s, e in columns]
    if not counts:
        return columns
    minor = max(2, max(counts) // 4)
    k = 0
    while k < len(columns) - 1 and counts[k] <= minor and counts[k] * 4 <= max(counts) and \
            not _headed(columns[k], head):
        k += 1
    return columns[k:]


def _headed(column: tuple[int, int], head: list[_Row]) -> bool:
    """A header cell starts over the column (not a caption spread from the label area)."""
    s, e = column
    return any(c.text and 0 < c.start and s - 2 <= c.start < e for r in head for c in r.cells)


def _column_texts(row: _Row, columns: list[tuple[int, int]], own: range,
                  text_start: int) -> tuple[tuple[str, ...], list[_Cell]]:
    """Words a row shows left of its value columns other than its label: a column of text
    after the labels ("Foreign currency contracts | Prepaid expenses and other current
    assets | 66") or between value columns ("(501) | Net operating revenues | (69)"), each
    standing for the value columns up to the next, the first for those before it too.
    One text per value column ("" where none), and the cells of those words; empty when
    the row has none."""
    texts = [c for c in row.cells if c.start >= text_start and c.text and not c.numeric and WORDS.search(c.text)]
    if not texts:
        return (), []
    out, at = [], 0
    for k in own:
        start = columns[k][0]
        while at < len(texts) and texts[at].start < start:
            at += 1
        out.append(texts[at - 1].text if at else "")
    # columns left of the first words are of the same line ("(501) | Net operating revenues |
    # (69)": both the gain in OCI and the gain moved out of it arise there)
    return tuple(text or texts[0].text for text in out), texts


def _caption_over(head: list[_Row], cells: list[_Cell]) -> str:
    """The header words standing over ``cells`` (a column of text: "Financial Statement
    Line Item Impacted"), which the header lines of value columns leave out."""
    spans = {(c.start, c.end) for c in cells}
    return " ".join(dict.fromkeys(c.text for r in head for c in r.cells if c.text and not c.numeric
                                  and any(_overlaps(c, s, e) for s, e in spans)))


def _column_of(cell: _Cell, columns: list[tuple[int, int]]) -> int | None:
    best, best_overlap = None, 0
    for k, (s, e) in enumerate(columns):
        overlap = min(e, cell.end) - max(s, cell.start)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def _text_holder(el, shown: str):
    """The element whose own text or tail holds ``shown``: where the writer will wrap it."""
    if el.text and shown in el.text:
        return el
    for child in el.iterdescendants():
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if child.text and shown in child.text and not _is_footnote_mark(child, tag):
            return child
        if child.tail and shown in child.tail:
            return child.getparent()
    return el


@dataclass(frozen=True)
class _Paths:
    """XPaths of a table's elements as ``getpath`` writes them ("/html/body/div[3]/table/tr[2]/td[4]").
    ``getpath`` counts the siblings of every ancestor on each call, the blocks of a body and the
    rows of a table among them: the table's own path is asked once, each row's path within the
    table ("tr[2]") once, and the rest of a cell's path within its row ("td[4]/span"), which
    counts only what is in the row. Those two are ``getelementpath``'s, which writes a step as
    ``getpath`` does (an index where the parent has other children of that tag) without
    ``getpath``'s re-rooting of a tree that is not the document's (relinking the root's
    children on each call): half the time. Each path made is kept in ``elements`` with its
    element, for the in-place writer (``Document.elements``)."""

    table: str  # the table's path
    within: Callable[[object], str]  # getelementpath in the table as a tree of its own
    elements: dict  # path -> element, of every path made (the document's, shared by its tables)
    rows: dict = field(default_factory=dict)  # row element -> (its path, getelementpath in the row as a tree)

    @classmethod
    def of(cls, tree, table, elements: dict) -> _Paths:
        return cls(tree.getpath(table), etree.ElementTree(table).getelementpath, elements)

    def __call__(self, row, el) -> str:
        """The path of ``el``, in (not being) the table row ``row``."""
        known = self.rows.get(row)
        if known is None:
            known = self.rows[row] = (f"{self.table}/{self.within(row)}", etree.ElementTree(row).getelementpath)
        path = f"{known[0]}/{known[1](el)}"
        self.elements[path] = el
        return path


def _locator(paths: _Paths, row: _Row, el, shown: str) -> str:
    return paths(row.el, _text_holder(el, shown))


def _raw_cell(cell: _Cell, row: _Row, paths: _Paths) -> RawCell:
    idx = cell.position
    left = row.cells[idx - 1].text if idx > 0 else ""
    right = row.cells[idx + 1].text if idx + 1 < len(row.cells) else ""
    if cell.dash:
        dash = next((ch for ch in cell.text if ch in DASH_CHARS), "—")
        return RawCell(cell.text, Decimal(0), is_dash=True, locator=_locator(paths, row, cell.el, dash),
                       percent=cell.percent)
    m = cell.number
    shown, paren_open, paren_close, minus, cur = m.group("num", "open", "close", "minus", "cur")  # one call, not five
    try:
        value = Decimal(shown.replace(",", ""))
    except InvalidOperation as exc:  # the pattern admits only digits, commas and a point
        raise NumberParseError(f"cannot read the number {shown!r} in {paths(row.el, cell.el)}") from exc
    opened = bool(paren_open) or AFFIX_LEFT.match(left) is not None and "(" in left
    closed = bool(paren_close) or right.startswith(")")
    negative = (opened and closed) or bool(minus) or (opened and not right)
    currency = "$" if (cur or left.startswith("$") or "$" in cell.text) else ""
    text = f"{currency}({shown})" if negative and not minus else f"{currency}{'-' if minus else ''}{shown}"
    percent = cell.percent
    if percent:
        text += "%"
    high = m.group("high") if "high" in m.re.groupindex else None
    if high:  # "4.80% - 4.95%": the upper end is a cell of its own, at the text that shows it
        upper = RawCell(f"{high}%", Decimal(high), locator=_locator(paths, row, cell.el, high), percent=True)
        return RawCell(f"{text} - {upper.text}", value, locator=_locator(paths, row, cell.el, shown), percent=True,
                       high=upper)
    return RawCell(text, value, negative_shown=negative, locator=_locator(paths, row, cell.el, shown), percent=percent)


def _label(row: _Row, start: int, end: int) -> str:
    """A row's label: its text from grid column ``start`` up to ``end`` (where its values
    begin, or a captioned text column such as "Pricing Category | Level 2" between the label
    and the numbers; a right-hand panel's labels start at that panel)."""
    parts = [c.text for c in row.cells if c.text and start <= c.start < end
             and not AFFIX_LEFT.match(c.text) and not AFFIX_RIGHT.match(c.text)]
    label = " ".join(parts)
    if label.endswith((")", "*", "]")):  # where a footnote tail ends: the search is for those only
        label = FOOTNOTE_TAIL.sub("", label)
    return label.strip()[:MAX_LABEL]


INDENT_CSS = re.compile(r"(padding-left|margin-left|text-indent)\s*:\s*(-?[\d.]+)(pt|px|em|in)?", re.I)
INDENT_UNITS = {"pt": 1.0, "px": 0.75, "em": 10.0, "in": 72.0}
GRID_STEP = 10.0  # points a label set one grid column further right stands for
NBSP_STEP = 2.5  # points of a leading no-break space


def _indent(cell: _Cell, start: int) -> float:
    """How far right a label starts, in points: its cell's grid column past the labels'
    first, the left padding, margin and first-line indent of the cell and what it holds,
    and its leading no-break spaces; to tell which lines a heading holds."""
    points = (cell.start - start) * GRID_STEP
    for el in (cell.el, *cell.el.iterdescendants()):
        style = el.get("style") if isinstance(el.tag, str) else None
        if style and "-" in style:
            for _, amount, unit in INDENT_CSS.findall(style):
                points += float(amount) * INDENT_UNITS.get((unit or "pt").lower(), 1.0)
    text = "".join(cell.el.itertext())
    return points + (len(text) - len(text.lstrip("\xa0 \u2003\u2002"))) * NBSP_STEP


def _inner_labels(head: list[_Row], body: list[_Row], columns: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Grid columns (start, end) of a column of descriptions set between value columns
    ("4.100 % | Senior Notes due January 2028 | $ 750 | $ —"): part of each row's label.
    On at least three rows, half of those with values, under no caption of its own (a
    "Location of Gain (Loss)" column names something else); a column of dates or places
    right of every number is not one."""
    if len(columns) < 2:
        return None
    starts: Counter = Counter()
    for r in body:
        found = {c.start for c in r.cells if c.text and not c.numeric and not c.dash and LETTERS.search(c.text)
                 and columns[0][1] <= c.start < columns[-1][0] and not any(s <= c.start < e for s, e in columns)}
        starts.update(found)
    if not starts:
        return None
    start, count = starts.most_common(1)[0]
    valued = sum(1 for r in body if r.value_cells)
    if count < 3 or 2 * count < valued:
        return None
    end = min(s for s, _ in columns if s > start)
    if any(c.text and start <= c.start < end for r in head for c in r.cells):
        return None
    return start, end


def _panel_split(stacks: tuple[tuple[str, ...], ...], body: list[_Row], columns: list[tuple[int, int]],
                 first_start: int) -> int | None:
    """Where a table sets two panels side by side ("$750 3.5%, Feb 2024 | — | 750 | $850 5.8%,
    Mar 2036 | 838 | 838"): the grid column of a second column of labels that splits the value
    columns in two halves under the same captions, on most labelled rows; None when the table
    is one panel (a column of locations or dates beside the numbers names no rows).
    ``stacks`` are the header's ``_column_stacks`` over ``columns``."""
    if len(columns) < 2 or len(columns) % 2:
        return None
    if not any(stacks) or stacks[:len(columns) // 2] != stacks[len(columns) // 2:]:
        return None
    middle = columns[len(columns) // 2][0]
    starts = Counter(c.start for r in body for c in r.cells
                     if c.text and not c.numeric and columns[len(columns) // 2 - 1][1] <= c.start < middle
                     and LETTERS.search(c.text))
    labelled = sum(1 for r in body if any(c.text and c.start < first_start for c in r.cells))
    if not starts or sum(starts.values()) < 3 or 2 * sum(starts.values()) < labelled:
        return None
    return min(starts)


def _column_stacks(head: list[_Row], columns: list[tuple[int, int]]) -> tuple[tuple[str, ...], ...]:
    """Per value column, the texts of the header cells that stand over it, top to bottom.
    Markup whose rows hold different numbers of cells sets header cells off the figures
    they head ("2025 | 2024 | 2023" left of the figures, "Jul 27, 2025 | Jan 26, 2025" over
    nothing of the second pair): a row with a caption over no column, whose captions divide
    the columns into equal groups in order, heads them so (_ordered_over)."""
    stacks: list[list[str]] = [[] for _ in columns]
    for r in head:
        cells = [c for c in r.cells if c.text and not AFFIX_LEFT.match(c.text)]
        over = _ordered_over([c for c in cells if c.start > 0], columns) or \
            [[c.text for c in cells if _overlaps(c, s, e)] for s, e in columns]
        for stack, texts in zip(stacks, over):
            stack.extend(texts)
    return tuple(tuple(stack) for stack in stacks)


def _overlaps(cell: _Cell, start: int, end: int) -> bool:
    return cell.start < end and start < cell.end  # both ranges are non-empty


def _ordered_over(captions: list[_Cell], columns: list[tuple[int, int]]) -> list[list[str]] | None:
    """The captions of a header row over equal groups of columns in order, where one of
    them stands over no column and none stands over a column outside its group; else None."""
    if not captions or len(columns) < 2 or len(columns) % len(captions):
        return None
    width = len(columns) // len(captions)
    placed = [[k for k, (s, e) in enumerate(columns) if _overlaps(c, s, e)] for c in captions]
    if all(placed) or any(k // width != n for n, ks in enumerate(placed) for k in ks):
        return None
    return [[captions[k // width].text] for k in range(len(columns))]


def _header_line(row: _Row, columns: list[tuple[int, int]]) -> str:
    """The row's header cells over kept value columns (and the label area), left to right."""
    first = columns[0][0]
    keep = [c.text for c in row.cells if c.text and (c.start < first or any(_overlaps(c, s, e) for s, e in columns))]
    return " | ".join(keep)


@dataclass(frozen=True)
class _Block:
    """A piece of prose in document order, or a marker for a table."""

    text: str
    table: object = None


def _blocks(root) -> list[_Block]:
    """The document as a list of text blocks (paragraphs) and tables, in reading order.
    Module-level helpers, not nested functions: a nested ``walk`` refers to itself, and the
    blocks (tables and all) stayed until the cyclic collector came by."""
    out: list[_Block] = []
    buf: list[str] = []
    body = root.find("body")
    _walk(body if body is not None else root, out, buf)
    _flush(out, buf)
    return out


def _flush(out: list[_Block], buf: list[str]) -> None:
    """The text gathered since the last block, as a block."""
    if not buf:  # a block right after another: nothing between them
        return
    text = " ".join("".join(buf).split())  # str.split breaks at no-break spaces too
    if text:
        out.append(_Block(text))
    buf.clear()


def _walk(el, out: list[_Block], buf: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    if tag in SKIP_TAGS:  # the parser lowercases tag names
        return
    if tag == "table":
        _flush(out, buf)
        out.append(_Block("", el))
        return
    block = tag in BLOCK_TAGS
    if block or tag == "br":
        _flush(out, buf)
    if el.text:
        buf.append(el.text)
    for child in el:
        _walk(child, out, buf)
        if child.tail:
            buf.append(child.tail)
    if block:
        _flush(out, buf)


@dataclass(frozen=True)
class _Marks:
    """Per block, the index of the last short paragraph at or before it that states a scale
    ("(in millions)"), of the last that is a scale alone (``scale_line``) and of the last
    note heading ("5. Stock-Based Compensation"), -1 where none, and of the scale stated once
    for all the notes under their heading (``notes_scale``), which holds however long the
    notes run: found in one pass, where each table would search the same paragraphs above
    it again."""
    scale: list[int]
    scale_alone: list[int]
    note: list[int]
    notes: list[int]


def _marks(blocks: list[_Block]) -> _Marks:
    scale, scale_alone, notes, all_notes = [], [], [], []
    last = alone = note = every = -1
    heading = ""  # the text block before this one
    for j, b in enumerate(blocks):
        if b.table is None and len(b.text) < 300:  # the length test is cheaper
            if SCALE_PHRASE.search(b.text):
                last = j
                alone = j if scale_line(b.text) else alone
                every = j if notes_scale(heading, b.text.strip()) else every
            if len(b.text) < 100 and NOTE_HEADING.match(b.text.strip()):
                note = j
        if b.table is None and b.text.strip():
            heading = b.text.strip()
        elif b.table is not None:
            heading = ""
        scale.append(last)
        scale_alone.append(alone)
        notes.append(note)
        all_notes.append(every)
    return _Marks(scale, scale_alone, notes, all_notes)


def _context(blocks: list[_Block], at: int, marks: _Marks) -> tuple[tuple[str, ...], str]:
    """Up to three paragraphs before the table, in document order, and the paragraph that
    states its scale: the last of them that does, else the nearest one further up within
    ``SCALE_LOOKBACK`` blocks ("" if none). Above the heading of the note the table sits in,
    only a scale alone printed among the notes counts ("Amounts in millions ..." atop each
    page): a sentence there that states one introduces another note's table ("... recorded
    as follows (in thousands):" over expenses, not the share counts below the next note's
    heading), and a statement's "(in thousands)" is not its notes'."""
    near: list[tuple[int, str]] = []
    i = at - 1
    while i >= 0 and len(near) < CONTEXT_BLOCKS:
        b = blocks[i]
        if b.table is None and b.text and not b.text.lower().startswith("see accompanying"):
            near.append((i, context_text(b.text)))
        i -= 1
    near.reverse()
    paragraphs = tuple(t for _, t in near)
    note = marks.note[at - 1] if at > 0 else -1

    def counts(j: int, text: str) -> bool:
        return j >= note or (scale_line(text) and marks.note[j] >= 0)

    scaled = [t for j, t in near if SCALE_PHRASE.search(t) and counts(j, t)]
    if scaled:
        return paragraphs, scaled[-1]
    j = -1 if i < 0 else marks.scale[i] if marks.scale[i] >= note else marks.scale_alone[i]
    if j >= 0 and j > i - SCALE_LOOKBACK and counts(j, blocks[j].text):
        return paragraphs, blocks[j].text
    every = marks.notes[at - 1] if at > 0 else -1
    if every >= 0:  # "(Dollars in millions ...)" under the notes' heading, however far up
        return paragraphs, blocks[every].text
    return paragraphs, ""


def _is_caption_row(row: _Row) -> bool:
    """Captions over the value columns with a footnote mark in a cell of its own
    ("December 31, 2024 | Level 1 | Level 2 | Netting Adjustment | 4 | Fair Value"): a header
    row, not figures."""
    marks = row.value_cells
    if len(marks) != 1:  # most rows: no need to sort their cells
        return False
    captions = [c for c in row.cells if c.text and c.start > 0 and not c.numeric and not AFFIX_LEFT.match(c.text)]
    return len(captions) >= 2 and MARK_DIGITS.fullmatch(marks[0].text) is not None


def _table(index: int, table, rows: list[_Row], tree, context: tuple[tuple[str, ...], str],
           elements: dict) -> RawTable | None:
    candidates = [r for r in rows if r.value_cells and not r.is_year_row and not _is_caption_row(r)]
    # rows of figures a table needs: two, or one under a schedule's years on its side or under
    # the dates of its columns ("Senior notes (Level 2)" under "November 30, 2025 | November 30,
    # 2024" and their carrying amounts and fair values)
    header = [" | ".join(c.text for c in r.cells if c.text) for r in rows[:rows.index(candidates[0])]] \
        if candidates else []
    fewest = 1 if candidates and (on_its_side(header) or
                                  under_column_dates(" ".join(header), len(candidates[0].value_cells))) else 2
    if len(candidates) < fewest:
        return None
    first_data = rows.index(candidates[0])
    body = [r for r in rows[first_data:] if not r.is_year_row]
    columns = _leading_minor_dropped(_value_columns(body), body, rows[:first_data])
    if not columns:
        return None
    first_start = columns[0][0]
    head = [r for r in rows[:first_data] if any(c.text for c in r.cells)]
    headings: list[_Row] = []  # "Current assets:" just above the first row belongs to the body
    # ... but "(in millions)" under the years is the header's scale, and a caption set right of
    # the labels over the first value column ("Ownership Share" under a row of captions over
    # the others) a caption of that column
    while head and all(c.start < first_start and not (0 < c.start and c.end > first_start)
                       for c in head[-1].cells if c.text) and len(head) > 1 and \
            not any(SCALE_PHRASE.fullmatch(c.text.strip("() ")) for c in head[-1].cells if c.text):
        headings.insert(0, head.pop())
    # a header caption over the label area but right of its start: a column of text
    # (a pricing level, a maturity date) between the labels and the numbers
    text_columns = min((c.start for r in head for c in r.cells if c.text and 0 < c.start < first_start
                        and not SCALE_PHRASE.search(c.text)), default=None)
    stacks = _column_stacks(head, columns)
    split = _panel_split(stacks, body, columns, first_start)
    # side by side panels: each row's right half is a row of its own, after the left panel's
    # (where its labels start, where they end, where its values start, its value columns)
    label_end = first_start if text_columns is None else text_columns
    panels = [(0, label_end, first_start, range(len(columns)))] if split is None else [
        (0, label_end, first_start, range(len(columns) // 2)),
        (split, columns[len(columns) // 2][0], columns[len(columns) // 2][0], range(len(columns) // 2, len(columns)))]
    inner = _inner_labels(head, body, columns) if split is None else None
    paths = _Paths.of(tree, table, elements)
    out_rows: list[RawRow] = []
    column_of: dict[tuple[int, int], int | None] = {}  # a cell's grid span -> its value column
    text_cells: list[_Cell] = []  # words among the value columns (column_texts)
    for lo, labels_end, hi, own in panels:
        for r in (headings if lo == 0 else []) + body:
            cells: list[RawCell | None] = [None] * len(own)
            notes: list[str] = []
            for c in r.value_cells:
                span = (c.start, c.end)
                if span not in column_of:
                    column_of[span] = _column_of(c, columns)
                k = column_of[span]
                if k is None or k not in own:
                    continue
                k -= own.start
                if cells[k] is not None and not FOOTNOTE_CELL.fullmatch(cells[k].text.strip()):
                    notes.append(f"two numbers in value column {k + 1}: kept the first")
                    continue
                if cells[k] is not None:  # "(3)" after the figure left of it: that figure's footnote mark
                    notes.append(f"a footnote mark {cells[k].text} and a number in value column {k + 1}: kept the number")
                cells[k] = _raw_cell(c, r, paths)
            label = _label(r, lo, labels_end)
            if inner is not None:
                label = " ".join(filter(None, (label, _label(r, *inner))))
            if not any(cells) and not label:
                # "As of December 31, 2024" across the value columns, a block of rows again
                # under it: a heading that dates the rows below, not an empty row
                label = next((c.text for c in r.cells if DATE_HEADING.fullmatch(c.text.strip())), "")
                if not label:
                    continue  # an empty row
            holders = [c for c in r.cells if c.text and lo <= c.start < hi]
            pieces = tuple((c.text, paths(r.el, c.el)) for c in holders) if len(holders) > 1 else ()
            texts, holding = _column_texts(r, columns, own, labels_end) if split is None else ((), [])
            text_cells += holding
            out_rows.append(RawRow(label, tuple(cells), r.ordinal, tuple(notes),
                                   label_locator=paths(r.el, holders[0].el) if holders else "", label_cells=pieces,
                                   column_texts=texts, indent=_indent(holders[0], lo) if holders else None))
    if split is not None:
        columns = columns[:len(columns) // 2]
        stacks = _column_stacks(head, columns)
    out_rows = percent_columns(out_rows, stacks)
    years = _year_column(out_rows, stacks)
    if years is not None:
        out_rows = dated_by_year(out_rows, years)
    used = [k for k in range(len(columns)) if any(row.cells[k] is not None for row in out_rows) and k != years
            and not _percent_change(k, out_rows, stacks[k]) and not _footnote_markers(k, out_rows, _own_captions(k, stacks))
            and not _note_references(k, out_rows, stacks[k])]
    if not used:
        return None
    if len(used) < len(columns):
        out_rows = [replace(r, cells=tuple(r.cells[k] for k in used),
                            column_texts=tuple(r.column_texts[k] for k in used) if r.column_texts else ())
                    for r in out_rows]
    while out_rows and not any(out_rows[-1].cells):
        out_rows.pop()
    kept = [columns[k] for k in used]
    header = tuple(line for line in (_header_line(r, kept) for r in head) if line)
    text_caption = _caption_over(head, text_cells) if text_cells else ""
    if text_cells and not text_caption:  # words under no caption of their own: nothing to read them by
        out_rows = [replace(r, column_texts=()) if r.column_texts else r for r in out_rows]
    if sum(1 for r in out_rows if any(r.cells)) < fewest or _not_figures(out_rows):
        return None
    return RawTable(index=index, header=header, rows=tuple(out_rows), ncols=len(used),
                    context_before=context[0], scale_text=context[1], locator=paths.table,
                    column_headers=tuple(stacks[k] for k in used), text_caption=text_caption)


def _year_column(rows: list[RawRow], stacks: tuple[tuple[str, ...], ...]) -> int | None:
    """The first value column when it holds nothing but years under no caption: it dates its
    rows (years_column)."""
    if not stacks or any(text.strip() and not SCALE_PHRASE.search(text) for text in stacks[0]):
        return None
    return 0 if years_column(rows) else None


def _own_captions(column: int, stacks: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The header cells over a value column that do not stand over its neighbours too: a
    caption spread over a group ("Diluted Earnings Per Share" over three columns) is the
    group's, and a column under nothing else has no caption of its own."""
    shared = {text for k in (column - 1, column + 1) if 0 <= k < len(stacks) for text in stacks[k]}
    return tuple(text for text in stacks[column] if text not in shared)


def _footnote_markers(column: int, rows: list[RawRow], stack: tuple[str, ...]) -> bool:
    """A column with no caption holding only "(1)", "(2)" right after a figure: footnote
    references set in cells of their own ("$ 1,698 | (1)"), not negative amounts. Under a
    caption that is itself a footnote mark ("Netting Adjustment | 4"), bare "6", "7" too."""
    if column == 0 or any(p.strip() and not SCALE_PHRASE.search(p) and not FOOTNOTE_MARK.fullmatch(p.strip())
                          for p in stack):
        return False  # a captioned column holds amounts
    marked = any(FOOTNOTE_MARK.fullmatch(p.strip()) for p in stack)
    mark = FOOTNOTE_MARK if marked else FOOTNOTE_CELL
    cells = [(r.cells[column], r.cells[column - 1]) for r in rows if r.cells[column] is not None]
    return bool(cells) and all(mark.fullmatch(c.text.strip()) and left is not None and left.value is not None
                               for c, left in cells)


# the caption over a column of note numbers between the labels and the amounts
NOTE_CAPTION = re.compile(r"^notes?(?:\s*(?:\(s\)|no\.?|number|ref(?:erence)?\.?))?$", re.I)


def _note_references(column: int, rows: list[RawRow], stack: tuple[str, ...]) -> bool:
    """A column under "Note" or "Notes" holding small whole numbers ("6" beside Goodwill):
    where the notes explain a line, not an amount of it."""
    if not any(NOTE_CAPTION.match(text.strip()) for text in stack):
        return False
    cells = [r.cells[column] for r in rows if r.cells[column] is not None]
    return bool(cells) and all(MARK_DIGITS.fullmatch(c.text.strip()) for c in cells)


def _percent_change(column: int, rows: list[RawRow], stack: tuple[str, ...]) -> bool:
    """A column of percentage changes ("Change | 12 %"): figures derived from the others,
    not reported amounts (rates, shares of a total and the like are kept)."""
    cells = [r.cells[column] for r in rows if r.cells[column] is not None and not r.cells[column].is_dash]
    return bool(cells) and all(c.percent for c in cells) and \
        any(CHANGE_CAPTION.search(text) for text in stack)


def _not_figures(rows: list[RawRow]) -> bool:
    """Dashes only (a cover page's "—" trading symbols) or a page index (1, 13, 19...)."""
    cells = [c for r in rows for c in r.cells if c is not None]
    if all(c.is_dash for c in cells):
        return True
    plain = [c for c in cells if not c.is_dash]
    if len(rows[0].cells) == 1 and len(plain) >= 3 and all(c.text.isdigit() and len(c.text) <= 3 for c in plain):
        return [c.value for c in plain] == sorted(c.value for c in plain)
    return False


def _is_innermost(table) -> bool:
    return next(table.iterdescendants("table"), None) is None  # the parser lowercases tag names


def parse_html(text: str) -> tuple[object, tuple[RawTable, ...], str]:
    """(parsed root, raw tables, prose text) of an HTML document."""
    root, tables, prose, _ = _parsed(text)
    return root, tables, prose


def _parse_markup(text: str, utf8: bytes | None):
    """The root libxml2's HTML parser makes of ``text``, read from ``utf8``, its UTF-8 bytes,
    when the caller has them: handed a str, lxml hands libxml2 the str's own 2- or 4-byte
    characters to convert as it reads, 1% of a conversion (the same tree). A text with a
    lone surrogate has no UTF-8: lxml reads it."""
    # lxml's plain HTML parser: lxml.html's would give every element a Python class lookup
    options = dict(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, default_doctype=False)
    if utf8 is None:
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:
            return etree.fromstring(text, parser=etree.HTMLParser(**options))
    return etree.fromstring(utf8, parser=etree.HTMLParser(encoding="utf-8", **options))


def _parsed(text: str, utf8: bytes | None = None) -> tuple[object, tuple[RawTable, ...], str, dict]:
    """``parse_html``'s answer and the element each locator of its tables names; ``utf8`` is
    ``text`` in UTF-8 when the caller has it (``converter.readers.decode``)."""
    declared = len(text)
    text = XML_DECLARATION.sub("", text, count=1)
    try:
        root = _parse_markup(text, utf8 if len(text) == declared else None)  # a declaration dropped: encode the rest
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}") from exc
    if root is None:
        raise InputError("cannot parse the HTML: the document is empty")
    tree = root.getroottree()
    # Each cell is an element: a document with no more elements than a table may have cells
    # (every 10-Q) needs no count of its cells, which took libxml2 some 6 ms a filing.
    count_cells = False
    if COUNT_ELEMENTS(root) > MAX_CELLS_PER_TABLE:
        document_cells = COUNT_CELLS(root)
        if document_cells > MAX_CELLS_PER_DOCUMENT:
            raise InputError(f"the document has more than {MAX_CELLS_PER_DOCUMENT} table cells")
        count_cells = document_cells > MAX_CELLS_PER_TABLE
    blocks = _blocks(root)
    marks = _marks(blocks)
    tables: list[RawTable] = []
    elements: dict = {}  # locator -> element (_Paths)
    ordinal = 0
    lines: list[str] = []
    item = ""  # the form item heading the blocks sit under ("Item 8. Financial Statements ...")
    for i, block in enumerate(blocks):
        if block.table is None:
            lines.append(block.text)
            item = item_heading(block.text) or item
            continue
        rows = _grid(block.table, ordinal, count_cells)
        ordinal += len(rows)
        row_lines = [line for line in (" ".join(c.text for c in r.cells if c.text) for r in rows) if line]
        lines.extend(row_lines)
        if len(row_lines) == 1:  # a heading laid out as a one-line table ("Item 8. | Financial Statements ...")
            item = item_heading(row_lines[0]) or item
        nested_tables = list(block.table.iterdescendants("table"))  # one walk of the table for both
        if not nested_tables:
            raw = _table(len(tables), block.table, rows, tree, _context(blocks, i, marks), elements)
            if raw is not None:
                tables.append(replace(raw, item=item))
        for nested in nested_tables:
            if _is_innermost(nested):
                nested_rows = _grid(nested, ordinal, count_cells)
                ordinal += len(nested_rows)
                raw = _table(len(tables), nested, nested_rows, tree, _context(blocks, i, marks), elements)
                if raw is not None:
                    tables.append(replace(raw, item=item))
    return root, tuple(tables), "\n".join(line for line in lines if line), elements


@register(InputKind.HTML)
def read_html(path: Path, text: str, sha256: str, utf8: bytes | None = None) -> Document:
    """An HTML filing's tables; one whose figures are preformatted text (<PRE>) is read as text.

    ``text`` is XML-safe (``converter.readers.decode``): the parsed tree can hold a character
    XML cannot only where a numeric character reference names one ("&#1;"), so with no "&#"
    in the text it is clean, and the in-place writer need not look."""
    root, tables, prose, elements = _parsed(text, utf8)
    if not tables and (preformatted := ["".join(el.itertext()) for el in root.iter("pre")]):
        # a filing of the 1990s: its statements are text aligned in <PRE>, not tables; read as
        # the text it is (the output is then written from that text, not tagged in the markup)
        return read_text(path, "\n".join(preformatted), sha256)
    return Document(path=str(path), kind=InputKind.HTML, text=prose, tables=tables, sha256=sha256, native=root,
                    elements=elements, clean="&#" not in text)
