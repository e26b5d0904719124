"""Copy-paste text filings (like the seed 10-Q): rows whose cells run into their labels.

What such text looks like: one line per table row, the label followed straight away by
its numbers ("Depreciation13,578\xa011,274\xa0"); each number ends with a no-break space
(or a plain space) unless it ends with ")"; an empty cell is a lone no-break space; labels
that wrap leave the numbers alone on the next line; year header rows are often lost.
The reader finds table regions and splits each row into its label and its cells; periods,
scale and statement kinds are left to ``converter.detect``.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from converter.detect.dates import MONTH_NAME
from converter.errors import NumberParseError
from converter.model import Document, InputKind, RawCell, RawRow, RawTable
from converter.readers import register
from converter.readers._common import (DATES_LINE, LETTERS, NOTE_HEADING, RATE_FIGURE, SCALE_LOOKBACK, SCALE_PHRASE,
                                       YEAR_CELL, context_text, dated_by_year, item_heading, notes_scale, on_its_side,
                                       percent_columns, scale_line, under_column_dates, years_column)

NBSP = "\xa0"
DASHES = "—–-"
# A shown number: optional $, optional parentheses, grouped thousands or plain digits.
# Multi-digit numbers never start with 0, so "202070,264,265" splits as "2020" + "70,264,265".
_NUMBER = r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?|\.\d+"
TOKEN = re.compile(
    # "$ 12,345" and, in fixed-width text, "$   12,345": spaces after the sign
    r"(?P<lead>\$[ \t]*)?(?P<open>\()? ?(?:\$[ \t]*)?(?P<minus>-(?=\.?\d))?(?P<num>" + _NUMBER + r")(?P<inpct> ?%(?= ?\)))?"
    r"(?: ?(?P<close>\)))?(?P<pct> ?%)?"
    r"|(?:\$[ \t]*)?(?P<dash>[—–]|-(?=[ \t\xa0%]|$))(?P<dashpct> ?%)?"  # "$—", "— %"; a lone hyphen is a dash too
)
FOOTNOTE_TAIL = re.compile(r"(?:\s\(\d\))+\s*$")  # "Other Americas (1)", "EMEA (2) (4)"
# the upper end of a range of rates after its lower end: "3.6% - 4.4%" after a rate (a dash
# glued to the next figure is its minus: "1.1 %-2.5%"), "4.70-5.75%" after a bare figure; an
# em dash stands for a zero between figures, not for a range
RANGE_AFTER_RATE = re.compile(r" ?[-–] (?P<num>\d{1,3}(?:\.\d+)?) ?%")
RANGE_AFTER_FIGURE = re.compile(r" ?[-–] ?(?P<num>\d{1,3}(?:\.\d+)?) ?%")
FIGURE_END = set("0123456789)—–%")  # how a figure ends: a "(1)" after one may be a figure too
DATE_THEN_MARK = re.compile(MONTH_NAME + r"\s+\d{1,2},\s*(?:19|20)\d\d(?P<mark>\(\d\))\s*$", re.I)
# "Fiscal 2027575", "Series due 2028800": a year run into the figure after the word that
# names it a year
YEAR_WORD_END = re.compile(r"\b(?:fiscal|fy|year|due|matur(?:ing|es|ity))\s$", re.I)
GLUED_YEAR = re.compile(r"(?:19|20)\d\d\d")
# "Remainder of 2025", "Balance of fiscal 2025": a maturity schedule's first row names its year
REST_OF_YEAR_END = re.compile(r"\b(?:remainder|rest|balance) of (?:the )?(?:fiscal )?(?:year )?$", re.I)
TITLE = re.compile(r"^(?:the\s+)?(?:condensed\s+|unaudited\s+|interim\s+)*(?:consolidated\s+)?(?:condensed\s+)?"
                   r"(?:statements?\s+of|balance\s+sheets?)\b", re.I)
PERIODISH = re.compile(r"\bended\b|\bas of\b|\b(?:19|20)\d\d\b|\((?:in|\$ in|amounts in)\b|\b(?:jan|feb|mar|apr|may|"
                       r"jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\bweeks\b|\bmonths\b", re.I)
# the period a header line opens with ("Three Months Ended June 28, 2024", "Year Ended December 31, 2024")
LEADING_PERIOD = re.compile(r"^(?:(?:three|six|nine|twelve) months|(?:fiscal )?years?|quarter|\d{1,2} weeks) ended\s+"
                            + MONTH_NAME + r"\s+\d{1,2},?\s*(?:19|20)\d\d", re.I)
CAPTION_JOIN = re.compile(r"[a-z)][A-Z][a-z]")  # "TranslationAdjustments": two captions run together
# ... also after a one-letter word ("Class AClass BClass CConsolidated"), or a scale caption
# ... or levels of the fair value hierarchy ("Level 1Level 2Level 3Total")
CAPTIONS = re.compile(CAPTION_JOIN.pattern + r"|\b[A-Z][A-Z][a-z]|\bin\s+(?:thousands|millions|billions)"
                      r"|\b(?:Level|LEVEL) ?[123] ?(?:Level|LEVEL|Total|TOTAL)\b")
FOOTNOTE_REF = re.compile(r"\(\d\)")  # "(1)" as a cell: maybe a footnote mark after the label
MARK_CELL = re.compile(r"[1-9]")  # a bare digit as a cell: maybe a footnote mark after a figure
# a fair value level column set between the label and the figures ("Corporate debt securitiesLevel
# 221,564 81"): its digit is the level, the figure starts after it, the line's name ends before it
# (after a letter, or the level before in a header of levels run together: "TotalLevel 1Level 2Level 3")
LEVEL_END = re.compile(r"(?:\b|(?<=[a-z\d]))(?:Level|LEVEL|level)\s?$")
LEVEL_NAMED = re.compile(r"(?:\b|(?<=[a-z\d]))(?:Level|LEVEL|level)\s?[123]$")
# ... a "$" printed before it on a column's first row too ("Mortgage loans held for sale$Level 2$318,740")
LEVEL_COLUMN = re.compile(r"(?:(?<=[a-z])|(?<=\) ))\$?(?:Level|LEVEL)\s?[123]$")  # not "Total Level 3"
# ... that level where the line ran on into it, and the caption of such a column at a header line's start
LEVEL_AFTER_LABEL = re.compile(r"(?:(?<=[a-z])|(?<=\) )|(?<=[a-z]\$))(?:Level|LEVEL)\s?[123](?=\s?[$(\d—–-])")
LEVEL_HEADER = re.compile(r"^(?:pricing category|(?:fair value ?)?hierarchy(?: level)?|fair value level|input level)"
                          r"(?=[A-Z]|\s|$)", re.I)
# dates set in columns of their own between figures ("$800 February 2015February 2025$— $801",
# issuance and maturity beside the amounts): text, not figures, and no end of the figures
_MONTH_YEAR = MONTH_NAME + r"\s+(?:19|20)\d\d"  # "April 2018", "Sept. 2030"
MID_DATES = re.compile(r"([\d—–)%])\s*(?:" + _MONTH_YEAR + r"\s*)+(?=[\d$(—–])", re.IGNORECASE)
MAX_ROW_WITH_DATES = 300
SCALE_HEADING_ROWS = 3  # a scale stated as a heading comes within a table's first rows
# "(Dollars in millions) AS OF MAY 31, 2025": a heading row that opens with the scale
SCALE_LEAD = re.compile(r"^\((?:dollars |amounts |\$ )?in (?:thousands|millions|billions)\b", re.I)
# ... asked first, case-sensitive, so the scan skips to capitals (most rows have no date)
MONTH_YEAR = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d")
GLUED_MARKER = re.compile(r"(?<=[a-z])\d$")  # a footnote digit glued to the label's last word
BARE_FOOTNOTE = re.compile(r"^([1-9]) ?[A-Z][a-z]")  # "1Americas includes ...": a footnote under its bare mark
FOOTNOTE_MARK_LEAD = re.compile(r"^\(\d\)")  # a footnote's own line: "(2)Increase or decrease is ..."
NEAR_ZERO = re.compile(r"\bless than (?:one|1|\$ ?0?\.5|half)|\brounds? to (?:zero|less)|\bde minimis\b", re.I)
FOOTNOTE_LEAD = re.compile(r"^\(\d\)\s*\S")  # "(1)Amounts include ..." starts a footnote table
YEAR_END = re.compile(r"\b(?:19|20)\d\d$")
# a month that starts a word, or is glued as a capital to the word before ("Senior NotesApril 2018")
_MONTH_START = r"(?:\b|(?<=[a-z])(?=(?-i:[A-Z])))" + MONTH_NAME
MONTH_DAY_END = re.compile(_MONTH_START + r"\s+\d{1,2},?\s*$", re.IGNORECASE)
MONTH_END = re.compile(_MONTH_START + r"\s*$", re.IGNORECASE)
SENTENCE = re.compile(r"[a-z]{3,}[.;]\s+[A-Z]|[a-z]\.$")
# the sentence that introduces a table ("The following tables show ... (in millions):"): it
# ends the table above, as the paragraph it is in does in the HTML
# a line ending in a company's abbreviation ("... CONVERSECORPORATETOTAL NIKE, INC."): no sentence's end
NAME_END = re.compile(r"\b(?:inc|co|corp|ltd|llc|plc|l\.p|n\.a|s\.a)\.$", re.I)
# a header's caption over a column of statement lines beside the labels (derivatives' places)
LOCATION_HEADER = re.compile(r"financial statement line items?(?: impacted)?|balance sheet (?:caption|location|classification)"
                             r"|statements? of (?:earnings|income|operations) (?:caption|location)"
                             r"|income statement (?:caption|location|classification)", re.I)
# a header naming columns of dates beside the labels ("Date of Issuance", "Maturity Date")
DATES_HEADER = re.compile(r"(?:date of issuance|issu(?:e|ance) date|maturity date)", re.I)
GLUED_DATE = re.compile(r"(?<=[a-z)])" + _MONTH_YEAR + "$", re.I)  # "NotesApril 2018"
GLUED_WORDS = re.compile(r"(?<=[a-z)])(?=[A-Z][a-z])")  # "contractsPrepaid": where two cells ran together
# "Foreign currency contracts$(501) Net operating revenues": a figure, then the line's words
FIGURE_THEN_LINE = re.compile(r"^.*?[a-z)](?P<figure>\$?\s?(?:\(?[\d,]+(?:\.\d+)?\)?|—))\s+(?P<line>[A-Z][a-z].*\S)$")
CLOSING_BALANCE = re.compile(r"^(?:outstanding|balance|ending|end of)\b.*\b(?:(?:19|20)\d\d|end of (?:year|period))\b", re.I)
TABLE_INTRO = re.compile(r"^(?:the following (?:tables?|is|are|summar)|(?:the )?tables? below|below (?:is|are))\b"
                         r".{20,}:\s*$|^.{20,}\b(?:as follows|the following|follows)\b[^:]{0,40}:\s*$|"
                         r"^.{20,}\bthe tables? below\s*:\s*$|"  # "... are shown in the table below:"
                         # "The fair values ... assigned to intangible assets ... during years ended:"
                         r"^the\s+(?:\S+\s+){6,}.*:\s*$", re.I)
MAX_LABEL = 400
LABEL_COLUMN_CAPTION = re.compile(r"\b(?:fiscal|periods?|years?|description)\b", re.I)  # "Fiscal Period:"


@dataclass(frozen=True)
class _Line:
    no: int
    text: str
    label: str
    cells: tuple[RawCell | None, ...]  # () when the line holds no cells

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def has_numbers(self) -> bool:
        return any(c is not None for c in self.cells)

    @property
    def prose(self) -> bool:
        t = self.text.strip()
        # a long line is prose unless it is column captions run together ("Foreign Currency
        # TranslationAdjustmentsNet Investment Hedge Gains (Losses) Change in ...Total")
        long_prose = len(t) > 250 and len(CAPTION_JOIN.findall(t)) < 3
        return not self.cells and (long_prose or bool(SENTENCE.search(t)) or (t.endswith(":") and bool(TABLE_INTRO.match(t))) or
                                   (t.endswith(".") and len(t.split()) >= 6 and not NAME_END.search(t)))


# a label listing amounts that is not finished ("net of tax of $159, $(110), and")
LABEL_LIST_OPEN = re.compile(r"\$\s?\(?[\d,.]+\)?(?:,\s*\$\s?\(?[\d,.]+\)?)*,?\s+and$|\$\s?\(?[\d,.]+\)?,$")

def _to_decimal(num: str, where: str) -> Decimal:
    try:
        return Decimal(num.replace(",", ""))
    except InvalidOperation as exc:
        raise NumberParseError(f"cannot read the number {num!r} at {where}") from exc


def _scan_cells(s: str, pos: int, line_no: int) -> list[RawCell | None] | None:
    """Parse s[pos:] as cells only; None if anything else is there."""
    cells: list[RawCell | None] = []
    n = len(s)
    while pos < n:
        ch = s[pos]
        if ch == NBSP:
            cells.append(None)  # a lone no-break space: an empty cell
            pos += 1
            continue
        if ch in " \t":
            pos += 1
            continue
        if ch in "Nn" and s[pos:pos + 3] in NOT_APPLICABLE:
            cells.append(None)
            pos += 3
            continue
        if ch == "*":  # "$270 **$11", "$2,165 *": a starred blank ("not meaningful", "no acquisitions")
            stars = len(s) - len(s[pos:].lstrip("*"))
            if stars - pos > 4:
                return None
            cells.append(None)
            pos = stars
            continue
        m = TOKEN.match(s, pos)
        if not m or m.end() == pos:
            return None
        end = m.end()
        # a rate reconciliation's "21.0 %" column beside its amounts: percentages, as the HTML reads them
        percent = bool(m.group("pct") or m.group("dashpct") or m.group("inpct"))  # "(4 %)" too
        if m.group("dash"):
            cell = RawCell(m.group("dash") + (m.group("dashpct") or ""), Decimal(0), is_dash=True,
                           locator=f"{line_no}:{len(cells)}", percent=percent)
        else:
            if bool(m.group("open")) != bool(m.group("close")):
                return None
            value = _to_decimal(m.group("num"), f"line {line_no}")
            cell = RawCell(m.group(0).strip(), value, negative_shown=bool(m.group("open") or m.group("minus")),
                           locator=f"{line_no}:{len(cells)}", percent=percent)
        if not m.group("dash") and not m.group("open") and \
                (rest := (RANGE_AFTER_RATE if percent else RANGE_AFTER_FIGURE).match(s, end)) and \
                Decimal(rest.group("num")) > cell.value:  # "3.6% - 4.4%": one cell, its two ends
            high = RawCell(rest.group("num") + "%", Decimal(rest.group("num")), locator=f"{line_no}:{len(cells)}:high",
                           percent=True)
            cell = RawCell(f"{m.group('num')}% - {high.text}", cell.value, locator=cell.locator, percent=True,
                           high=high)
            end, percent = rest.end(), True
        # a number not closed by ")" or "%" must be followed by a separator or the end ("1$0.89"
        # is a footnote marker glued to the next cell, not a cell)
        # a dash is closed by the next cell's "$" too ("$ —$ 52,180": a cell "$ —" copied unspaced)
        closed = m.group("close") or percent or (m.group("dash") and s.startswith("$", end))
        if not closed and end < n and s[end] not in NBSP + " \t":
            return None
        if not closed and end < n and s[end] in NBSP + " \t":
            end += 1  # the separator that ends this number
        cells.append(cell)
        pos = end
    return cells


# Every character a run of cells can hold: a cells-only tail starts after the last other one.
CELL_CHARS = frozenset("0123456789,.$()%—–-* \t" + NBSP)
NOT_APPLICABLE = ("N/A", "n/a")  # a cell that says there is no amount ("Land $5,450 N/A $5,450 N/A")


def _tail_start(s: str) -> int:
    """Where the longest run of cell characters (and "N/A" cells) at the end of ``s`` begins:
    no earlier start can parse as cells, so prose lines are not rescanned from every digit
    (quadratic)."""
    start = len(s)
    while start > 0:
        if s[start - 1] in CELL_CHARS:
            start -= 1
        elif s[start - 1] in "Aa" and s[max(0, start - 3):start] in NOT_APPLICABLE:
            start -= 3
        else:
            break
    return start


# a dollar amount the label prints, whole in its comma groups, glued to the first cell:
# "net of allowances of $985 and $1,00022,365" is "... $1,000" + 22,365, "costs of $243612,000"
# is "... $243" + 612,000 (the leftmost start whose figure is well grouped wins); a zero is
# whole too ("net of discount of $42,118 and $0457,882" is "... $0" + 457,882)
LABEL_AMOUNT_END = re.compile(r"\$\s?\(?\d{1,3}(?:,\d{3})*$")
# a label ending in an abbreviation's period ("Non-U.S.7,738", "outside the U.S.1.3 %"): the
# period after a letter is no decimal point, the figure starts after it
ABBREVIATION_END = re.compile(r"(?<![A-Za-z])(?:[A-Z]\.){2,}$")
# a year the label ends with, glued to a rate with decimals ("due 20253.66 %"): no figure is
# printed as five or more digits without thousands separators and with decimals
YEAR_THEN_RATE = re.compile(r"(?:19|20)\d\d\d{1,2}\.\d")
# maturities run into the label, before a rate: a range of years glued to the rate
# ("billion2034 - 20444.80% - 4.95%"), or one year glued to the label ("issuance2024 3.38%")
YEARS_THEN_RATE = re.compile(r"(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d(?=\d{1,2}\.\d)")
YEAR_BEFORE_RATE = re.compile(r"(?:19|20)\d\d\s+\d{1,2}\.\d+\s?%")


# a useful life closing a line after its figures, in a text column ("Buildings and
# improvements508,284 475,684 30 years", "... 3-5 years", "... Over life of lease"): words,
# no figure of the table's, left out so the figures before it are the line's cells
LIFE_TAIL = re.compile(r"(?<=\d)\s+(?:(?:\d+\s*(?:[-–]|to)\s*)?\d+\s+years?|"
                       r"(?:over|shorter of)\b[^\d]*\b(?:lease|life|term)\b[^\d]*)$", re.I)
LIFE_INSIDE = re.compile(r"\d\s+years?\b", re.I)
# a maturity closing a line of debt after its figures, in a text column ("4.70-5.75%July
# 2025-January 2031", "2.11% March 2026-April 2026 (2)", "$5,000 Not applicableJanuary 2028"):
# words, no figure of the table's
MATURITY_TAIL = re.compile(r"(?<=[\d%—–])\s*(?:not applicable\s*)?" + _MONTH_YEAR +
                           r"(?:\s*[-–]\s*" + _MONTH_YEAR + r")?(?:\s*\(\d\))?$", re.I)
# full dates closing a line after its dollar figures, in text columns ("$0.7850 $316 $55 February
# 3, 2025February 14, 2025": a distribution's record and payment dates): words, no figures
DATES_TAIL = re.compile(r"(?<=[\d%—–)])\s+(?:" + MONTH_NAME + r"\s+\d{1,2},\s*(?:19|20)\d\d\s*)+$", re.I)


# a range of prices that names the line ("$1.34 to $154.14", "$10.00 - $20.00"), the first
# cell glued to its cents or not: prices are printed to the cent, so the cell starts after
PRICE_RANGE_LABEL = re.compile(r"\$\s?\d[\d,]*\.\d\d\s*(?:to|-|–)\s*\$\s?\d[\d,]*\.\d\d")


def split_row(text: str, line_no: int) -> tuple[str, tuple[RawCell | None, ...]]:
    """Split a line into (label, cells): the longest tail made only of cells wins.

    A number glued to the label's last digit is accepted only after a year
    ("December 31, 202070,264,265" is "December 31, 2020" + 70,264,265).
    """
    s = text.rstrip("\r\n")
    if NBSP not in s and (tail := FOOTNOTE_TAIL.search(s)) and not s[:tail.start()].rstrip()[-1:] in FIGURE_END:
        s = s[:tail.start()]  # "Other Americas (1)": a footnote marker, not a cell ("175 (6)" are two)
    elif (dated := DATE_THEN_MARK.search(s)) is not None:
        s = s[:dated.start("mark")]  # "AS OF MAY 31, 2025(1)": a header's date and its footnote
    if (life := LIFE_TAIL.search(s)) is not None and not LIFE_INSIDE.search(s, 0, life.start()):
        s = s[:life.start()]  # not where lives stand between figures too ("$1,258 12 years$477 12 years")
    elif (maturity := MATURITY_TAIL.search(s)) is not None:
        s = s[:maturity.start()]  # "1.92% April 2025 (2)": the maturity and its mark, first
    elif (dates := DATES_TAIL.search(s)) is not None and "$" in s[:dates.start()]:
        s = s[:dates.start()]  # "$0.7850 $316 February 3, 2025February 14, 2025": the dates, first
    if len(s) < MAX_ROW_WITH_DATES and s[-1:] in CELL_CHARS and MONTH_YEAR.search(s):  # a row, not prose
        s = MID_DATES.sub(r"\1 ", s)
    if (prices := PRICE_RANGE_LABEL.match(s)) and (cells := _scan_cells(s, prices.end(), line_no)):
        return prices.group(), tuple(cells)
    levels = "evel" in s or "EVEL" in s  # a "Level" column may sit before the figures (LEVEL_END)
    maturities_end = max((m.end() for m in YEARS_THEN_RATE.finditer(s)), default=0)
    for start in range(_tail_start(s), len(s)):
        ch = s[start]
        if not (ch.isdigit() or ch in "$(—–-" + NBSP or (ch in "Nn" and s[start:start + 3] in NOT_APPLICABLE)):
            continue
        before = s[:start]
        inside = before and ((before[-1] in ",." and not ABBREVIATION_END.search(before)
                              and not NAME_END.search(before)) or  # "Trust, Inc.14,135 12,095": two figures
                             (before[-1].isdigit() and not YEAR_END.search(before)
                              and not LABEL_AMOUNT_END.search(before)
                              and not (levels and LEVEL_NAMED.search(before[-9:]))))
        if ch.isdigit() and inside:
            continue  # inside a number, not at its start
        if ch == "-" and start == len(s) - 1 and before[-1:].isalpha():
            continue  # "Weighted-" over "Average": a caption's word hyphenated at the line's end, no dash cell
        if levels and ch in "123" and LEVEL_END.search(before[-8:]):
            continue  # the level a "Level" column names, not a figure
        if ch.isdigit() and (MONTH_DAY_END.search(before) or MONTH_END.search(before)):
            continue  # part of a date in the label ("as of December 31, 2020", "Ended March 31")
        if ch.isdigit() and YEAR_WORD_END.search(before) and GLUED_YEAR.match(s, start):
            continue  # "Fiscal 2027575": the label's year, then 575
        if ch.isdigit() and REST_OF_YEAR_END.search(before) and YEAR_CELL.match(s, start):
            continue  # "Remainder of 2025 $ 245,310": the rest of the year the row is due in
        if start < maturities_end or \
                (ch.isdigit() and (YEAR_THEN_RATE.match(s, start) or
                                   (before[-1:].isalpha() and YEAR_BEFORE_RATE.match(s, start)))):
            continue  # "notes due 20253.66 %": the label's year, then a rate, not 20,253.66
        cells = _scan_cells(s, start, line_no)
        if cells and any(c is not None for c in cells):
            label = GLUED_MARKER.sub("", before.strip())  # "Per Share1" -> "Per Share"
            if LEVEL_COLUMN.search(label):  # the level is a column of text, not the line's name
                label = LEVEL_COLUMN.sub("", label).strip()
            return label[:MAX_LABEL], tuple(cells)
    return s.strip()[:MAX_LABEL], ()


OPENING_AFFIXES = frozenset({"$", "(", "$(", "US$"})
CLOSING_AFFIXES = frozenset({")", "%", ")%", "%)"})
FIGURE_CELL = re.compile(r"(?:\$ ?)?\(?(?:\$ ?)?(?:[\d,.]+|[—–-]) ?\)? ?%?")  # "$(7,526)", "$ 42,315", "12.5 %", "—"


def _tabbed_cells_joined(line: str) -> str:
    """A row copied from a browser, a tab between every cell, empty ones included
    ("Net loss\t\t$\t(7,526\t)\t..."), as copied text runs its cells together: each "$",
    "(" and ")" or "%" in a cell of its own back on its figure ("$(7,526)"), a space before
    and after a figure, captions glued ("Amortized CostGross Unrealized Gains"), where their
    capitals tell them apart. A label ending in a footnote digit ("Per Share1") is glued to
    its first figure, where the digit is read as the mark it is, and a caption to the years
    after it ("Amounts in millions2025 2024"), a line of years."""
    tokens: list[str] = []
    for part in line.split("\t"):
        text = part.strip()
        if not text:
            continue
        if text.replace(" ", "") in CLOSING_AFFIXES and tokens:
            tokens[-1] += text.replace(" ", "")
        elif tokens and tokens[-1] in OPENING_AFFIXES:
            tokens[-1] += text
        else:
            tokens.append(text)
    joined = tokens[:1]
    for before, token in zip(tokens, tokens[1:]):
        if FIGURE_CELL.fullmatch(token):
            spaced = not GLUED_MARKER.search(before) and (FIGURE_CELL.fullmatch(before) or not YEAR_CELL.fullmatch(token))
        else:
            spaced = bool(FIGURE_CELL.fullmatch(before))
        joined.append((" " if spaced else "") + token)
    return "".join(joined)


def _tabbed_row(parts: list[str], line_no: int) -> tuple[str, tuple[RawCell | None, ...]] | None:
    """A tabbed row's label and cells where its first cell is the label: the tab says where
    the label ends, so figures inside it stay its own ("... liquidation preference of
    $50,000", "Notes due 2030") and the cells are what the other cells hold."""
    label = parts[0].strip()
    if len(parts) < 2 or not label or FIGURE_CELL.fullmatch(label):
        return None
    inner, cells = split_row(_tabbed_cells_joined(parts[1]), line_no)
    if not cells or inner:
        return None  # words among the cells (a text column): read the row as a whole
    return GLUED_MARKER.sub("", label)[:MAX_LABEL], cells


def _lines(text: str) -> list[_Line]:
    out = []
    for no, raw in enumerate(text.splitlines(), start=1):
        if len(raw) > 20000:
            out.append(_Line(no, raw[:200], raw[:200], ()))
            continue
        tabbed = None
        if "\t" in raw:
            raw, tabbed = _tabbed_cells_joined(raw), _tabbed_row(raw.split("\t", 1), no)
        if RULE_LINE.fullmatch(raw):
            out.append(_Line(no, raw, "", ()))  # "—————" under a table: a rule, no row of dashes
            continue
        label, cells = tabbed or split_row(raw, no)
        if _year_row(cells, raw) or _page_footer(label, cells) or (len(cells) == 1 and PROSE_YEAR.search(raw)):
            if label and sum(c is not None for c in cells) == 1 and FISCAL_YEAR_HEADING.fullmatch(raw.strip()):
                label = raw.strip()  # "Fiscal 2023" heads the rows of that year: its name keeps the year
            # a header line of years ("Amounts in millions2025 2024"), a page footer, prose
            # that ends in a year ("... OF THE SECURITIES EXCHANGE ACT OF 1934")
            cells = ()
        out.append(_Line(no, raw, label, cells))
    return out


PROSE_YEAR = re.compile(r"[A-Za-z]{3,}\s+(?:of|in|since)\s+(?:19|20)\d\d\s*$", re.I)
RULE_LINE = re.compile(r"\s*(?:[—–_=-]{3,}\s*)+")  # a line drawn across the page, or under each column
FISCAL_YEAR_HEADING = re.compile(r"(?:fiscal(?: year)?|year)\s+(?:19|20)\d\d:?", re.I)
PAGE_FOOTER = re.compile(r"\bform\s+10-[kq]\b|\bpage\b|annual report|quarterly report|"
                         r"\b(?:company|inc\.?|corporation|corp\.?|incorporated|ltd\.?|plc|holdings)$", re.I)


def _page_footer(label: str, cells) -> bool:
    """'Fiscal 2024 Form 10-K38': a page footer with its page number, not a row."""
    return len(cells) == 1 and cells[0] is not None and "$" not in cells[0].text and \
        cells[0].value < 1000 and bool(PAGE_FOOTER.search(label)) and len(label) < 80


def _year_row(cells, raw: str) -> bool:
    values = [c for c in cells if c is not None]
    return bool(values) and "$" not in raw and all(
        c.value == c.value.to_integral_value() and 1990 <= c.value <= 2039 and "," not in c.text
        and not c.negative_shown for c in values) and len(values) == len(cells)


def _is_title(ln: _Line) -> bool:
    """A statement or table title line: it starts a new table even without a blank line."""
    t = ln.text.strip()
    return not ln.cells and bool(TITLE.match(t) or NOTE_HEADING.match(t))


NOTES_REFERENCE = ("see accompanying notes", "refer to notes", "the accompanying notes")  # a statement's last line


def _regions(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of non-blank, non-prose lines that hold at least two rows with numbers (or one,
    under a header of years and "Thereafter": a schedule on its side).

    A run also ends before a title line ("CONSOLIDATED BALANCE SHEETS") once it holds
    rows: copied text often has no blank line between one statement and the next.
    """
    def enough(run: list[_Line]) -> bool:
        rows = sum(x.has_numbers for x in run)
        return rows >= 2 or (rows == 1 and (on_its_side(x.text for x in run) or _under_dates(run)))

    regions, cur = [], []
    for i, ln in enumerate(lines):
        if ln.blank or (ln.prose and not (ln.text.lstrip()[:1] == "(" and _opens_footnote_table(lines, i))) or \
                ln.text.strip().lower().startswith(NOTES_REFERENCE):
            if enough(cur):
                regions.append(cur)
            cur = []
            continue
        if _is_title(ln) and sum(x.has_numbers for x in cur) >= 2:
            regions.append(cur)
            cur = []
        cur.append(ln)
    if enough(cur):
        regions.append(cur)
    return regions


def _under_dates(run: list[_Line]) -> bool:
    """One row of two figures or more under the dates of its columns ("Senior notes $45,499
    $49,731 ..." under "February 2, 2025January 28, 2024"): a table, as the HTML reader reads it."""
    row = next(x for x in run if x.has_numbers)
    above = " ".join(x.text for x in run[:run.index(row)])
    return under_column_dates(above, sum(c is not None for c in row.cells))


def _opens_footnote_table(lines: list[_Line], i: int) -> bool:
    """'(1)Amounts include ..., as follows:' right over rows: a footnote table under the
    statement's own columns (_split_footnote_tables), not prose ending the statement."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    text = lines[i].text.strip()
    return FOOTNOTE_LEAD.match(text) is not None and text.endswith(":") and nxt is not None and nxt.has_numbers


def _split_before(lines: list[_Line], opens) -> list[list[_Line]]:
    """``lines`` cut before each line ``opens(lines, i)`` says starts a table, once rows
    with numbers precede it."""
    parts, cur = [], []
    for i, ln in enumerate(lines):
        if opens(lines, i) and any(x.has_numbers for x in cur):
            parts.append(cur)
            cur = []
        cur.append(ln)
    if cur:
        parts.append(cur)
    return parts


def _split_footnote_tables(region: list[_Line]) -> list[list[_Line]]:
    """'(1)Amounts include ... as follows:' followed by rows starts a table of its own."""
    return _split_before(region, lambda lines, i: _opens_footnote_table(lines, i) and not lines[i].has_numbers)


_PERIOD_ENDED = r"(?:(?:three|six|nine|twelve) months|(?:fiscal )?years?|quarters?|\d{1,2} weeks) ended"
# a header line naming a kind of period without its dates ("Six Months Ended", "As of")
PERIOD_KIND = re.compile(r"^(?:" + _PERIOD_ENDED + r"|as of):?$", re.I)
PERIOD_WORDS_ANYWHERE = re.compile(_PERIOD_ENDED + r"|\bas of\b", re.I)
YEAR_ANYWHERE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
MONTH_DAY = re.compile(MONTH_NAME + r"\s*\d{1,2}\b", re.I)


def _split_period_blocks(part: list[_Line]) -> list[list[_Line]]:
    """'Six Months Ended' over 'June 27,2025June 28,2024' below rows of the three months:
    the same rows again for other periods, a table of its own under its own header; so
    is 'As of' over dates below rows of flows (balances after the lease costs), and a title
    over a header line of scale and periods, or that line alone, right below rows."""
    def scaled_period(ln: _Line | None) -> bool:  # "(in millions, ...) For the Years Ended December 31,"
        return ln is not None and not ln.cells and SCALE_LEAD.match(ln.text.strip()) is not None and \
            PERIOD_WORDS_ANYWHERE.search(ln.text) is not None

    def opens(lines: list[_Line], i: int) -> bool:
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if not lines[i].cells and PERIOD_KIND.match(lines[i].text.strip()) is not None and \
                nxt is not None and not nxt.cells and DATES_LINE.search(nxt.text) is not None:
            return True
        # a title over a header line of scale and periods ("Other Share-Based Compensation
        # Data" over "(in millions, ...) For the Years Ended December 31,"): another table
        return (not lines[i].cells and scaled_period(nxt)) or \
            (scaled_period(lines[i]) and i > 0 and lines[i - 1].has_numbers) or _balance_dates_below(lines, i)
    return _split_before(part, opens)


def _years_only(ln: _Line | None) -> bool:
    """'2025 2024': a line of two or more years and nothing else, the years of a header."""
    return ln is not None and not ln.cells and len(set(YEAR_ANYWHERE.findall(ln.text))) >= 2 and \
        not YEAR_ANYWHERE.sub("", ln.text).strip()


def _dates_only(ln: _Line) -> bool:
    """'November 30,' (or 'November 30, 2025November 30, 2024'): a line naming dates and no more."""
    return not ln.cells and MONTH_DAY.search(ln.text) is not None and \
        not re.sub(r"[\s,.:]+", "", MONTH_DAY.sub("", YEAR_ANYWHERE.sub("", ln.text)))


def _balance_dates_below(lines: list[_Line], i: int) -> bool:
    """'November 30,' over '2025 2024' right below the last row of the years' revenues (a
    segment note giving the segments' inventories after their results, one table after the
    other with no text between): a header of its own, so a table of its own. Without its
    years the date line opens one only where the rows below it have another number of cells
    than those above; a date heading rows under the same columns is a section of the table."""
    if i == 0 or not lines[i - 1].has_numbers or not _dates_only(lines[i]):
        return False
    if _years_only(lines[i + 1] if i + 1 < len(lines) else None):
        return True

    def usual(run: list[_Line]) -> int | None:
        counts = Counter(len(x.cells) for x in run if x.has_numbers and not _page_number(x))
        return counts.most_common(1)[0][0] if counts else None
    above, below = usual(lines[:i]), usual(lines[i + 1:])
    return above is not None and below is not None and above != below


def _undated(text: str) -> str:
    """A header line without its dates and the kind of period they end ("Three Months Ended")."""
    text = PERIOD_WORDS_ANYWHERE.sub("", YEAR_ANYWHERE.sub("", DATES_LINE.sub("", text)))
    return re.sub(r"\s+", " ", text).strip().lower()


def _split_repeated_headers(part: list[_Line]) -> list[list[_Line]]:
    """'Millions, except estimated useful lifeAs of December 31, 2024Cost...' again below
    the rows of 'As of June 30, 2025': the same captions at a date open a table of their
    own (copied text often keeps no blank line between the two). A repeated line without
    a date or year ('Table of Contents') opens nothing."""
    first = next((i for i, ln in enumerate(part) if ln.has_numbers), None)
    if first is None:
        return [part]
    heads = {key for ln in part[:first] if not ln.cells and len(key := _undated(ln.text)) > 15}
    parts, cur = [], []
    for j, ln in enumerate(part):
        key = _undated(ln.text) if not ln.cells else ""
        # copied text may have lost the years: a period named by its kind or its day
        # ("For the Years EndedSeptember 30,") still dates the repeated header, and so does
        # the period line right below repeated captions ("Commercial ...Total" over "Nine
        # Months Ended September 30, 2024": the next panel of a roll-forward by segment)
        dated = DATES_LINE.search(ln.text) or YEAR_ANYWHERE.search(ln.text) or \
            (key in heads and (PERIOD_WORDS_ANYWHERE.search(ln.text) or MONTH_DAY.search(ln.text)
                               or _period_line(part[j + 1] if j + 1 < len(part) else None)))
        if cur and dated and (key in heads or _years_header(ln)) and any(x.has_numbers for x in cur):
            k = len(cur)
            if key not in heads and not cur[-1].cells:  # a new header: the title line above it goes with it
                k -= 1
            parts.append(cur[:k])
            cur = cur[k:]
        cur.append(ln)
    parts.append(cur)
    return [p for p in parts if p]


def _period_line(ln: _Line | None) -> bool:
    """A line of no figures that names a period ("Nine Months Ended September 30, 2024")."""
    return ln is not None and not ln.cells and PERIOD_WORDS_ANYWHERE.search(ln.text) is not None and \
        (DATES_LINE.search(ln.text) or YEAR_ANYWHERE.search(ln.text)) is not None


CONTINUED = re.compile(r"\s*\(continued\)\s*$", re.I)


def _side_by_side(header: tuple[str, ...], rows: list[RawRow]) -> tuple[tuple[str, ...], list[RawRow]]:
    """Two panels set side by side ("$750 3.5%, Feb 2024— 750 $850 5.8%, Mar 2036838 838"
    under "2024 2023 (continued) 2024 2023"): the line's first figures end the left panel's
    row and the words after them name a row of the right panel, which goes on below the left
    one, as the HTML reader reads the same table. The header keeps one panel's captions; rows
    after the last split one (the grand total) close the table."""
    counts = Counter(len(r.cells) for r in rows if r.cells)
    if not counts:
        return header, rows
    k = counts.most_common(1)[0][0]
    years = [y for line in header for y in YEAR_ANYWHERE.findall(line)]
    if not (len(years) == 2 * k and years[:k] == years[k:]) and not any(_halves(line) for line in header):
        return header, rows
    split = {i: parts for i, r in enumerate(rows) if len(r.cells) == k and (parts := _left_panel(r, k)) is not None}
    if len(split) < 3 or 2 * len(split) < sum(1 for r in rows if r.cells and r.label):
        return header, rows
    last = max(split)
    left, right = [], []
    for i, r in enumerate(rows):
        if i not in split:
            (left if i < last else right).append(r)
            continue
        (label, cells), rest = split[i]
        left.append(RawRow(label, cells, r.line, r.notes + ("left of two panels side by side",)))
        moved = tuple(replace(c, locator=f"{r.line}:{k + n}") if c is not None else None for n, c in enumerate(r.cells))
        right.append(RawRow(rest, moved, r.line, r.notes + ("right of two panels side by side",)))
    return tuple(_one_panel(line, k) for line in header), left + right


def _halves(line: str) -> str | None:
    """'Carrying Value as of December 31,Carrying Value as of December 31,': one half, twice."""
    text = line.strip()
    half = len(text) // 2
    for a, b in ((text[:half], text[half:]), (text[:half], text[half + 1:])):
        if len(a) > 10 and a.strip() == b.strip():
            return a.strip()
    return None


def _one_panel(line: str, k: int) -> str:
    """A header line of two panels cut to the first one's captions."""
    half = _halves(line)
    if half is not None:
        return half
    found = list(YEAR_ANYWHERE.finditer(line))
    if len(found) == 2 * k:
        return CONTINUED.sub("", line[:found[k].start()]).strip()
    return line


def _left_panel(row: RawRow, k: int) -> tuple[tuple[str, tuple[RawCell, ...]], str] | None:
    """((label, figures) of the left panel, the right panel's label) the row's label holds:
    the one place after a space where the text before it ends in ``k`` figures under words
    and the text after it has words of its own."""
    found = None
    for at in range(1, len(row.label)):
        if row.label[at - 1] != " " or row.label[at] == " ":
            continue
        label, cells = split_row(row.label[:at].rstrip(), row.line)
        rest = row.label[at:].strip()
        if len(cells) == k and all(c is not None for c in cells) and LETTERS.search(label) and LETTERS.search(rest):
            if found is not None:
                return None  # two readings: not a panel split
            found = ((label, cells), rest)
    return found


def _years_header(ln: _Line) -> bool:
    """'years ended December 312024 2023 2022' without cells: the column header of a table."""
    return not ln.cells and len(set(YEAR_ANYWHERE.findall(ln.text))) >= 2 and \
        PERIOD_WORDS_ANYWHERE.search(ln.text) is not None and len(_undated(ln.text)) <= 30  # not a wrapped label


GARBLED = re.compile(r"\$\s*\(?\d[\d,.]*[A-Za-z]+[\d,.]*\d\)?\s*$")  # "$1,04x,757", not "$12.9B"


def _check_numbers(ln: _Line) -> None:
    """A statement row whose label ends in '$' and a token that is no number: refuse it."""
    m = GARBLED.search(ln.label)
    if m:
        raise NumberParseError(f"line {ln.no}: {m.group(0).strip()!r} is not a number "
                               f"(row {ln.label[:m.start()].strip()[:60]!r})")


def _page_number(ln: _Line) -> bool:
    """A lone small integer on its own line, with nothing above to belong to: a page number."""
    return len(ln.cells) == 1 and ln.cells[0] is not None and ln.text.strip().isdigit() and len(ln.text.strip()) <= 3


def _rows(body: list[_Line]) -> list[RawRow]:
    """Join wrapped labels to their numbers and keep heading rows (no numbers)."""
    rows: list[RawRow] = []
    pending: _Line | None = None
    for ln in body:
        _check_numbers(ln)
        if not ln.label and ln.cells:  # numbers alone: they belong to the label above
            if pending is not None and not (pending.label.rstrip().endswith(":") and _leads_with_year(ln)):
                rows.append(RawRow(FOOTNOTE_TAIL.sub("", pending.label).strip(), ln.cells, pending.no,
                                   ("label wrapped onto the next line",)))
                pending = None
            elif not _page_number(ln):
                if pending is not None:  # "Fiscal:" over "2025 $179": a heading over a schedule's years
                    rows.append(RawRow(pending.label.strip(), (), pending.no))
                    pending = None
                rows.append(RawRow("", ln.cells, ln.no, ("numbers with no label",)))
            continue
        if pending is not None:
            rows.append(RawRow(pending.label.strip(), (), pending.no))
        if ln.has_numbers:
            rows.append(_label_list_completed(RawRow(ln.label, ln.cells, ln.no)))
            pending = None
        else:
            pending = ln
    if pending is not None:
        rows.append(RawRow(pending.label.strip(), (), pending.no))
    return rows


def _footnote_marks_dropped(rows: list[RawRow], all_lines) -> list[RawRow]:
    """'Other adjustments (1) 11 1 (5) 7' where most rows show four numbers: the '(1)' set
    off after the label marks a footnote; it is no negative one in a fifth column. Not in
    tables whose rows show different counts (an equity statement's '(7)' shares)."""
    def marked(row: RawRow) -> bool:
        first = row.cells[0] if row.cells else None
        if first is None or row.label == "" or FOOTNOTE_REF.fullmatch(first.text) is None:
            return False
        raw = _raw_text(all_lines, row.line).replace(NBSP, " ").rstrip() + " "
        return f"{row.label} {first.text} " in raw or f"{row.label}{first.text} " in raw  # "Senior Notes(1) 1,525"
    marks = [marked(r) for r in rows]
    counts = _cell_counts([r for r, mark in zip(rows, marks) if not mark])
    if not counts:
        return rows
    usual, seen = counts.most_common(1)[0]
    widest = max(counts)

    def is_mark(row: RawRow) -> bool:
        # a row one cell wider than any other ("Unsecured credit facility (2) 5.42% 135,000
        # 80,000" among rows of two and three figures) ...
        if len(row.cells) == widest + 1:
            return True
        if seen < 0.6 * sum(counts.values()):
            return False
        # ... or than most, and a heading's mark is its only "cell" ("Sam's Club U.S.(1)" over its lines)
        return len(row.cells) == usual + 1 or (len(row.cells) == 1 and usual > 1)
    return [_cells_dropped(r, {0}, "a footnote mark after the label, not a cell") if mark and is_mark(r) else r
            for r, mark in zip(rows, marks)]


def _cell_counts(rows: list[RawRow]) -> Counter:
    """How many rows show each count of cells, leaving out rows of less than half the most
    cells any row shows ("Net income$19,743" under rows of six figures): a total or a
    note line says nothing of the table's usual count."""
    widest = max((len(r.cells) for r in rows), default=0)
    return Counter(len(r.cells) for r in rows if r.cells and 2 * len(r.cells) >= widest)


def _usual_count(rows: list[RawRow]) -> int | None:
    """The count of cells more than half the rows show (_cell_counts), if one does."""
    counts = _cell_counts(rows)
    if not counts:
        return None
    usual, seen = counts.most_common(1)[0]
    return usual if 2 * seen > sum(counts.values()) else None


def _cells_dropped(row: RawRow, marks: set[int], why: str) -> RawRow:
    """``row`` without its cells at ``marks`` (footnote marks read as cells), saying why."""
    return replace(row, cells=tuple(c for k, c in enumerate(row.cells) if k not in marks), notes=row.notes + (why,))


# a label ending in a preposition before a dollar amount it prints ("net of issuance costs
# of $5,912"): the amount is the label's, copied apart from it by a tab
AMOUNT_LEAD = re.compile(r"\b(?:of|at|to|by|for)$", re.I)


def _label_amounts_restored(rows: list[RawRow]) -> list[RawRow]:
    """'Issuance of common stock in follow-on offering, net of issuance costs of $5,912
    5,750,000 6 86,332 — — 86,338' where the other rows show six figures: the dollar amount
    after "of" is the label's, not a cell (the bare '6' was then dropped as a footnote mark
    and every figure moved a column left)."""
    usual = _usual_count(rows)
    if usual is None:
        return rows
    out = []
    for r in rows:
        first = r.cells[0] if r.cells else None
        if len(r.cells) == usual + 1 and first is not None and first.text.startswith("$") and \
                AMOUNT_LEAD.search(r.label):
            r = replace(r, label=f"{r.label} {first.text}", cells=r.cells[1:],
                        notes=r.notes + ("a dollar amount after the label's last word is the label's, not a cell",))
        out.append(r)
    return out


def _marks_after_figures_dropped(rows: list[RawRow]) -> list[RawRow]:
    """'Derivatives2— 320 — — (307) 5 13 7' where the other rows show six figures: the bare
    digits set after a figure ('5', '7'), or '(3)' ('$19,743 (3) 2,029 (3) $9.73'), are
    footnote marks, dropped where that leaves the row the usual count. A row of the usual
    count keeps its small figures."""
    usual = _usual_count(rows)
    if usual is None:
        return rows
    out = []
    for r in rows:
        marks = [k for k, c in enumerate(r.cells) if k > 0 and c is not None and
                 (MARK_CELL.fullmatch(c.text) or FOOTNOTE_REF.fullmatch(c.text))] if len(r.cells) > usual else []
        if marks and len(r.cells) - len(marks) == usual:
            r = _cells_dropped(r, set(marks), "digits set after figures are footnote marks, not cells")
        out.append(r)
    return out


def _repeated_marks_dropped(rows: list[RawRow]) -> list[RawRow]:
    """'Balance as of September 30, 2023 5 $1,698 (1) 1,849 ...' in every balance row of an
    equity statement: the same '(1)' after the same figure in each of the widest rows is a
    footnote mark in a cell of its own, not a negative one in a column of its own."""
    width = max((len(r.cells) for r in rows), default=0)
    widest = [r for r in rows if len(r.cells) == width]
    if width < 3 or len(widest) < 2:
        return rows
    marks = [k for k in range(1, width) if len({r.cells[k].text for r in widest if r.cells[k] is not None}) == 1
             and all(r.cells[k] is not None and FOOTNOTE_REF.fullmatch(r.cells[k].text) for r in widest)]
    if len(marks) != 1:
        return rows
    return [_cells_dropped(r, {marks[0]}, "a footnote mark repeated in every full row, not a cell")
            if len(r.cells) == width else r for r in rows]


def _footnotes_below(lines: list[_Line], last_no: int, reach: int = 8) -> set[str]:
    """The marks of the footnotes right below a table that explain a dash ("(2)Increase or
    decrease is less than one million." -> "(2)")."""
    out = set()
    for ln in lines[last_no:last_no + reach]:
        found = FOOTNOTE_MARK_LEAD.match(ln.text.strip())
        if found and NEAR_ZERO.search(ln.text):
            out.add(found.group(0))
    return out


BARE_MARK_END = re.compile(r"(?<=[a-z)]) (?P<mark>[1-9])$")  # "Americas 1" over "$12,375"


def _bare_marks_dropped(rows: list[RawRow], lines: list[_Line], last_no: int, reach: int = 15) -> list[RawRow]:
    """'Americas 1$12,375 $11,135' over '1Americas includes the United States, ...' below the
    table: a digit set off after the label, right before its first dollar figure, is the mark
    of a footnote that opens with it; the HTML prints it raised, apart from the label."""
    notes = {m.group(1) for ln in lines[last_no:last_no + reach] if (m := BARE_FOOTNOTE.match(ln.text.strip()))}
    out = []
    for r in rows:
        mark = BARE_MARK_END.search(r.label) if notes and r.cells and r.cells[0] is not None else None
        if mark and mark.group("mark") in notes and r.cells[0].text.startswith("$") and \
                not LEVEL_END.search(r.label[:mark.start()] + " "):
            r = replace(r, label=r.label[:mark.start()], notes=r.notes + ("a footnote's mark after the label",))
        out.append(r)
    return out


def _marks_after_dashes_dropped(rows: list[RawRow], footnotes: set[str]) -> list[RawRow]:
    """'Issuance of series A preferred stock— (2) (5) (5)' where a footnote '(2)' below the
    table says the change is less than one million: the '(2)' after the dash marks it (a
    footnote about anything else may follow a real negative: Apple's '— (3) 260')."""
    if not footnotes:
        return rows
    out = []
    for r in rows:
        marks = {k for k, c in enumerate(r.cells) if k and c is not None and c.text in footnotes
                 and r.cells[k - 1] is not None and r.cells[k - 1].is_dash}
        if marks:
            r = _cells_dropped(r, marks, "a footnote mark after a dash, not a cell")
        out.append(r)
    return out


def _leads_with_year(ln: _Line) -> bool:
    """'2025 $204 $18 $222': a schedule's row whose label is its year."""
    return len(ln.cells) >= 2 and ln.cells[0] is not None and YEAR_CELL.fullmatch(ln.cells[0].text) is not None


def _year_labels(rows: list[RawRow]) -> list[RawRow]:
    """'2027 6,573' under '2026 (excluding the first half of fiscal year 2026) $30,930': in
    a schedule by year the year is the row's label, not a number of it. Not where labelled
    rows lead with a year too ('Beauty 2025 $3,490' over '2024 3,550'): there the years
    are a column that dates the rows."""
    def leading_year(row: RawRow) -> bool:
        first = row.cells[0] if row.cells else None
        return first is not None and YEAR_CELL.fullmatch(first.text) is not None and \
            sum(c is not None for c in row.cells) >= 2
    if any(row.label and leading_year(row) for row in rows):
        return rows
    return [RawRow(row.cells[0].text, row.cells[1:], row.line, row.notes + ("a year leading the numbers labels them",))
            if not row.label and leading_year(row) else row for row in rows]


LIST_RAN_ON = "the label's list of amounts ran on into its first number"


def _label_list_completed(row: RawRow) -> RawRow:
    """'..., net of tax of $159, $(110), and' followed by '$(2,086) (823) 366 6,339': the
    label's own list of amounts runs on into the first number, which belongs to the label."""
    if len(row.cells) < 2 or row.cells[0] is None or not LABEL_LIST_OPEN.search(row.label):
        return row
    first = row.cells[0]
    return RawRow(f"{row.label} {first.text}", row.cells[1:], row.line, row.notes + (LIST_RAN_ON,))


LISTED_AMOUNT = re.compile(r"\$\s?\(?(\d[\d,]*(?:\.\d+)?)")
GLUED_LAST_AMOUNT = re.compile(r"\$\s?(\d[\d,]*)$")  # "... and $112,318": the list's last amount and a figure
WHOLE_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})*")
WHOLE_FIGURE = re.compile(r"[1-9]\d{0,2}(?:,\d{3})*|0")


def _label_lists_cut(rows: list[RawRow], ncols: int) -> list[RawRow]:
    """'... net of allowance for credit losses of $12 and' + '$112,318 2,204' where rows show
    two figures: the list's last amount ran into the row's first figure with no space
    between ($11, then 2,318). Of the cuts leaving both whole, the one nearest in size to
    the list's other amounts and the row's other figures."""
    out = []
    for r in rows:
        glued = GLUED_LAST_AMOUNT.search(r.label) if LIST_RAN_ON in r.notes and len(r.cells) == ncols - 1 else None
        if glued is None or any(c is None or c.percent for c in r.cells) or not r.cells[0].locator.endswith(":1"):
            out.append(r)
            continue
        digits = glued.group(1)
        cuts = [(digits[:k], digits[k:]) for k in range(1, len(digits))
                if WHOLE_AMOUNT.fullmatch(digits[:k]) and WHOLE_FIGURE.fullmatch(digits[k:])]
        listed = [v for m in LISTED_AMOUNT.finditer(r.label, 0, glued.start()) if (v := _to_decimal(m.group(1), "a label"))]
        figures = [abs(c.value) for c in r.cells if c.value]

        def distance(cut: tuple[str, str]) -> float:
            amount, figure = (_to_decimal(part, f"line {r.line}") for part in cut)
            pairs = [(amount, x) for x in listed] + [(figure, y) for y in figures]
            return sum(abs((a / b).ln()) if a else 99 for a, b in pairs) / max(len(pairs), 1)
        if not cuts or not (listed or figures):
            out.append(r)
            continue
        amount, figure = min(cuts, key=distance)
        cell = RawCell(figure, _to_decimal(figure, f"line {r.line}"), locator=f"{r.line}:0")
        out.append(replace(r, label=r.label[:glued.start(1)] + amount, cells=(cell,) + r.cells, notes=r.notes + (
            f"the label's last amount ran into the first figure with no space: ${amount}, then {figure}",)))
    return out


# a header line whose every scale is a caption's unit in parentheses after its words
CAPTION_SCALE_ONLY = re.compile(r"[A-Za-z]\s*\((?:in |\$ in )?(?:thousands|millions|billions)\)")


def _scale_text(lines: list[_Line], first_no: int, context: tuple[str, ...], header: tuple[str, ...],
                rows: list[RawRow], notes: str, first_note: int) -> str:
    """Where neither the header nor the line just before the table states a scale: a
    heading among its first rows that does ("(in millions, except per share data)" below
    captions the header did not keep), else a short line further up with no figures, over
    none either ("Amounts in millions of dollars except per share amounts", printed once at
    the top of each page of notes), a sentence that states one only below the heading of
    the note the table sits in, else ``notes``, the scale stated once for all the notes
    above the table; "" when there is none (detection reads the header and the line before).
    ``first_note``: the line of the document's first note heading (_first_note_heading)."""
    if any(SCALE_PHRASE.search(t) for t in context[-1:]):
        return ""
    if stated := [t for t in header if SCALE_PHRASE.search(t)]:
        # a caption's own unit ("Shares (in thousands)") is its column's (detection reads it
        # there): the other columns keep the scale stated for all the notes
        return notes if all(CAPTION_SCALE_ONLY.search(t) and not SCALE_LEAD.match(t) for t in stated) else ""
    heading = next((r.label for r in rows[:SCALE_HEADING_ROWS]
                    if all(c is None or FOOTNOTE_REF.fullmatch(c.text) for c in r.cells)
                    and (SCALE_LEAD.match(r.label) or (len(r.label) < 80 and SCALE_PHRASE.search(r.label)))), None)
    if heading is not None:
        return heading
    in_note = not any(NOTE_HEADING.match(h) for h in header)  # the note's heading ran into the header
    for i in _lookback(lines, first_no - 2):
        t = lines[i].text.strip()
        if not lines[i].cells and NOTE_HEADING.match(t):
            in_note = False  # above the table's note: only a scale alone is also its scale
        if not lines[i].cells and len(t) < 300 and SCALE_PHRASE.search(t) and (in_note or scale_line(t)):
            below = next((ln for ln in lines[i + 1:first_no - 1] if not ln.blank), None)
            if below is not None and below.cells:
                continue  # "(in thousands)" over another table's figures: that table's header
            if not in_note and i <= first_note:
                continue  # a statement's "(In thousands)" is not its notes' (the HTML reader's rule)
            return t
    return notes


def _first_note_heading(lines: list[_Line]) -> int:
    """The index of the document's first note heading (len(lines) where none is): a scale
    alone below it is printed among the notes, not a statement's. Found once for the
    document, not by every table's search up from its own line."""
    return next((k for k, ln in enumerate(lines) if not ln.cells and NOTE_HEADING.match(ln.text.strip())), len(lines))


def _lookback(lines: list[_Line], start: int) -> Iterator[int]:
    """The lines from ``start`` up, ``SCALE_LOOKBACK`` paragraphs far, a run of lines of
    figures counting as one, as a table is one block to the HTML reader: a cash flow
    statement of forty lines is between the reconciliation of cash below it and the
    statement's "(in millions)" in a copy, one block in the HTML."""
    steps = 0
    for i in range(start, -1, -1):
        if not (lines[i].cells and i + 1 < len(lines) and i < start and lines[i + 1].cells):
            steps += 1
        if steps > SCALE_LOOKBACK:
            return
        yield i


def _notes_scales(lines: list[_Line]) -> list[str]:
    """Per line, the scale stated once for all the notes at or above it, under their heading
    ("NOTES TO CONSOLIDATED FINANCIAL STATEMENTS" over "(Dollars in millions, except per share
    amounts, unless otherwise noted)"), however far up: "" where none is. One pass over the
    document, where each table would search every line above it again."""
    out: list[str] = []
    found = heading = ""  # heading: the last line of text, no figures, above this one
    for ln in lines:
        t = ln.text.strip()
        if t and not ln.cells:
            if notes_scale(heading, t):
                found = t
            heading = t
        out.append(found)
    return out


def _running_head(text: str) -> bool:
    """'63 | 2024 Form 10-K', 'Table of Contents': a page's running head or foot, no context."""
    return len(text) < 40 and (bool(PAGE_FOOTER.search(text)) or text.lower() == "table of contents")


def _context_before(lines: list[_Line], first_no: int, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` paragraphs before a table; a paragraph the copy broke over two lines
    ("... Own Data Company Ltd. (“Own”), a leading provider" / "of data protection ...") is one."""
    out: list[str] = []
    i = first_no - 2
    while i >= 0 and len(out) <= limit:
        t = lines[i].text.strip()
        if t and not lines[i].has_numbers and not t.lower().startswith("see accompanying") and not _running_head(t):
            if out and out[-1][:1].islower() and not t.endswith((".", ":", ";", "?", "!")):
                out[-1] = f"{context_text(t)} {out[-1]}"
            elif len(out) < limit:
                out.append(context_text(t))
            else:
                break
        i -= 1
    return tuple(reversed(out))


def _glued_mark_only(ln: _Line) -> bool:
    """A line whose one "number" is a footnote mark glued to its words ("... Earnings per
    Share =(A)/(B)(2)"): column captions or a heading, not a row of figures."""
    found = [c for c in ln.cells if c is not None]
    text = ln.text.rstrip()
    return len(found) == 1 and FOOTNOTE_REF.fullmatch(found[0].text) is not None and \
        text.endswith(found[0].text) and not text[:-len(found[0].text)].endswith((" ", "\u00a0"))


def _table(index: int, part: list[_Line], parent_header: tuple[str, ...], all_lines,
           notes_scales: list[str], first_note: int) -> RawTable:
    part = [ln for ln in part if not _page_number(ln)] or part
    first_data = next((i for i, ln in enumerate(part) if ln.has_numbers and not _glued_mark_only(ln)), 0)
    # Header lines: those before the first row with numbers that are not wrapped labels of it.
    head = part[:first_data]
    if head and not head[-1].cells and first_data < len(part) and not part[first_data].label and \
            not _leads_with_year(part[first_data]):
        head = head[:-1]  # the last one is the wrapped label of the first row (not over "2025 $204 $18")
    # Lines after the last line that names periods or scale are section headings
    # ("ASSETS", "Current assets:") and belong to the body; without such a line, only
    # headings ending in ':' do.
    titles = [i for i, ln in enumerate(head) if _is_title(ln)]
    above: tuple[str, ...] = ()
    start = titles[-1] if titles else 0
    if titles:  # what precedes the statement's title is not its header, but the text above it
        above = tuple(ln.text.strip()[:400] for ln in head[:start] if ln.text.strip())
        head = head[start:]
    periodish = [i for i, ln in enumerate(head) if PERIODISH.search(ln.text)]
    if periodish and not FOOTNOTE_LEAD.match(part[0].text.strip()):
        end = periodish[-1] + 1
        while end < len(head) and (CAPTIONS.search(head[end].text) or (
                end + 1 < len(head) and CAPTIONS.search(head[end + 1].text) and not head[end].text.rstrip().endswith(":"))):
            end += 1  # run-together column captions below the periods ("SharesAmount"), maybe under one spanning them
        head = head[:end]
    # a heading ending in ':' heads the rows below it, even alone above them ("Current:" over a
    # copied 10-K's provision for income taxes, its line of years lost), unless it is captions
    # or the label column's ("Fiscal Period:" over a schedule's years)
    while head and head[-1].text.strip().endswith(":") and not FOOTNOTE_LEAD.match(head[-1].text.strip()) \
            and (len(head) > 1 or not (periodish or CAPTIONS.search(head[-1].text) or
                                       LABEL_COLUMN_CAPTION.search(head[-1].text))):
        head = head[:-1]
    header = tuple(ln.text.replace(NBSP, " ").strip() for ln in head)
    if FOOTNOTE_LEAD.match(part[0].text.strip()):
        header = parent_header + header
    body = part[start + len(head):]
    header, panel_rows = _side_by_side(header, _rows(body))
    rows = _repeated_marks_dropped(_marks_after_figures_dropped(_label_amounts_restored(
        _footnote_marks_dropped(_year_labels(panel_rows), all_lines))))
    rows = _marks_after_dashes_dropped(rows, _footnotes_below(all_lines, part[-1].no))
    rows = _bare_marks_dropped(rows, all_lines, part[-1].no)
    if years_column(rows):  # "Beauty2025 $3,490 ..." over "2024 3,550 ...": the years date the rows
        rows = [replace(r, cells=r.cells[1:]) if r.cells else r for r in dated_by_year(rows, 0)]
    while rows and not rows[-1].cells:
        rows.pop()  # trailing headings and footnote lines belong to what follows
    if header and NOTE_COLUMN_LEAD.match(header[-1]):
        rows = _note_numbers_dropped(rows)
    ncols = _column_count(rows)
    rows = _label_lists_cut(rows, ncols)
    lives_first = _lives_first(header, rows, ncols)
    rates_first = _rates_first(header, rows, ncols)
    norm = []
    for r in rows:
        if len(r.cells) > ncols:
            extra = r.cells[:-ncols]
            # a year the label ends with ("... as of December 31, 2025 and 2024 — —") is the label's
            label = f"{r.label} {' '.join(c.text for c in extra)}" \
                if all(c is not None and YEAR_CELL.fullmatch(c.text) for c in extra) else r.label
            r = replace(r, label=label, cells=r.cells[-ncols:], notes=r.notes + ("more numbers than columns: kept the last",))
        if lives_first and len(r.cells) == ncols - 1:
            norm.append(replace(r, cells=(None,) + r.cells, notes=r.notes + (
                "one cell short of the columns, the first a column of useful lives: placed from the right",)))
            continue
        if rates_first and len(r.cells) == ncols - rates_first + 1 and FOOTNOTE_REF.fullmatch(r.cells[0].text or ""):
            r = _cells_dropped(r, {0}, "a footnote mark after the label, not a cell")  # "notes(1) (1,000) (999)"
        if rates_first and r.cells and len(r.cells) < ncols:
            norm.append(replace(r, cells=(None,) * (ncols - len(r.cells)) + r.cells, notes=r.notes + (
                "short of the columns, the first ones of interest rates: placed from the right",)))
            continue
        cells = r.cells + (None,) * (ncols - len(r.cells))
        notes = r.notes
        if r.cells and len(r.cells) < ncols and NBSP not in _raw_text(all_lines, r.line):
            notes = notes + ("fewer cells than columns and no spacing evidence: placed from the left",)
        norm.append(replace(r, cells=cells, notes=notes))
    norm = percent_columns(_beside_rates(norm))  # "21.0 %" on the first row of rates, bare "1.7" below it
    text_caption = next((m.group(0) for line in header if (m := LOCATION_HEADER.search(line))), "")
    if text_caption:
        norm = _locations_split(norm, ncols)
    elif any(DATES_HEADER.search(line) for line in header):
        norm = _dates_split(norm, ncols)
    elif (level_caption := next((m.group(0) for line in header if (m := LEVEL_HEADER.match(line))), "")) and \
            (levelled := _levels_kept(norm, ncols, all_lines)) is not None:
        norm, text_caption = levelled, level_caption
    context = (_context_before(all_lines, part[0].no) + above)[-3:]
    return RawTable(
        index=index,
        header=header,
        rows=tuple(norm),
        ncols=ncols,
        context_before=context,
        scale_text=_scale_text(all_lines, part[0].no, context, header, norm,
                               notes_scales[part[0].no - 2] if part[0].no >= 2 else "", first_note),
        locator=f"lines {part[0].no}-{part[-1].no}",
        item=_item_at(all_lines, norm[0].line if norm else part[0].no),  # a heading may open the region
        text_caption=text_caption,
    )


def _locations_split(rows: list[RawRow], ncols: int) -> list[RawRow]:
    """'Foreign currency contractsPrepaid expenses and other current assets$66 $311' under a
    'Financial Statement Line Item Impacted' caption: copied text ran the label into the
    words of the caption's column, where the case changes; they are the row's words left of
    its value columns (RawRow.column_texts), as the HTML reader keeps them."""
    out = []
    for r in rows:
        figures = any(c is not None for c in r.cells)
        between = FIGURE_THEN_LINE.match(r.label) if figures else None
        glued = GLUED_WORDS.search(r.label) if figures else None
        if between:
            # "Foreign currency contracts$(501) Net operating revenues$(69)": the words stand
            # between the value columns, the figure before them is the first column's
            label, first = split_row(r.label[:between.end("figure")], r.line)
            shown = tuple(c for c in r.cells if c is not None)
            if label and len(first) == 1 and len(first) + len(shown) == ncols:
                r = replace(r, label=label, cells=first + shown, column_texts=(between.group("line"),) * ncols,
                            notes=r.notes + ("the words of the statement line column, between the figures",))
        elif glued and len(r.label[glued.start():].split()) >= 2:
            r = replace(r, label=r.label[:glued.start()], column_texts=(r.label[glued.start():],) * ncols,
                        notes=r.notes + ("the words of the statement line column, run into the label",))
        out.append(r)
    return out


def _levels_kept(rows: list[RawRow], ncols: int, all_lines) -> list[RawRow] | None:
    """'Corporate debt securitiesLevel 221,564 81' under 'Pricing Category...': split_row
    left the level out of the label; it is the row's words in the caption's column
    (RawRow.column_texts), as the HTML reader keeps them. None where no line names a level."""
    out, found = [], False
    for r in rows:
        level = LEVEL_AFTER_LABEL.search(_raw_text(all_lines, r.line)) if any(c is not None for c in r.cells) else None
        if level:
            found = True
            r = replace(r, column_texts=(level.group(0),) * ncols,
                        notes=r.notes + ("a fair value level of a column of levels, run into the label",))
        out.append(r)
    return out if found else None


def _dates_split(rows: list[RawRow], ncols: int) -> list[RawRow]:
    """'2028 Senior NotesApril 2018' under 'InstrumentDate of IssuanceMaturity Date...':
    copied text ran the label into a column of dates (the other dates, between figures, are
    left out by split_row); the date is the row's words beside its figures
    (RawRow.column_texts), as the HTML reader keeps them, not part of its label."""
    out = []
    for r in rows:
        glued = GLUED_DATE.search(r.label) if any(c is not None for c in r.cells) else None
        if glued and glued.start() > 0:
            r = replace(r, label=r.label[:glued.start()].strip(), column_texts=(glued.group(0),) * ncols,
                        notes=r.notes + ("a date of a column of dates, run into the label",))
        out.append(r)
    return out


RATE_CAPTION = re.compile(r"\binterest rate", re.I)
LIVES_CAPTION = re.compile(r"\buseful li(?:fe|ves)\b|\blives?\b.{0,20}\(in years\)", re.I)


def _lives_first(header: tuple[str, ...], rows: list[RawRow], ncols: int) -> bool:
    """'Weighted-Average Remaining Useful Lives (in years) Gross Carrying Amount...' over
    'Acquired technology4.6 $442 $(247) $195 ...': the first column gives useful lives in
    years (small figures, no "$"), which total rows leave out: a row one cell short goes
    under the amount columns, not from the left."""
    if ncols < 3 or not any(LIVES_CAPTION.search(line) for line in header):
        return False
    full = [r for r in rows if len(r.cells) == ncols and r.cells[0] is not None]
    return bool(full) and all("$" not in r.cells[0].text and not r.cells[0].negative_shown and r.cells[0].value < 100
                              for r in full) and any(c is not None and "$" in c.text for r in full for c in r.cells[1:])


def _rates_first(header: tuple[str, ...], rows: list[RawRow], ncols: int) -> int:
    """'...Contractual Interest RateOutstanding Principal ... Carrying Value ...' over '2028
    Senior Notes ... 3.70 1,500 1,496 1,495': how many first columns give each note's rates
    (one of them shown with its "%"; "Coupon Rate | Effective Interest Rate" two), which the
    totals below leave out: their amounts go under the amount columns, from the right."""
    if ncols < 3 or not any(RATE_CAPTION.search(line) for line in header):
        return 0
    full = [r.cells for r in rows if len(r.cells) == ncols and r.cells[0] is not None]
    if len(full) < 2:
        return 0
    count = 0
    for k in range(ncols - 2):  # two amount columns at least
        column = [cells[k] for cells in full]
        if any(c is None for c in column) or not any(c.percent for c in column) or \
                not all(c.percent or RATE_FIGURE.fullmatch(c.text) for c in column):
            break
        count = k + 1
    # only the first ones (a rate per date, "2.69% $7,169 2.69% ...", leaves the amounts to _beside_rates)
    rest = (c for cells in full for c in cells[count:])
    return count if count and not any(c is not None and c.percent for c in rest) else 0


def _beside_rates(rows: list[RawRow]) -> list[RawRow]:
    """A rate reconciliation's amount-only row ("Income before income taxes$15,254 $13,639
    $11,732" over "3,203 21.0 %2,864 21.0 %...") placed from the left: its amounts go to
    the amount columns, those that hold no percentage, one each."""
    ncols = len(rows[0].cells) if rows else 0
    rates = {k for k in range(ncols) if any(r.cells[k] is not None and r.cells[k].percent for r in rows)}
    amounts = [k for k in range(ncols) if k not in rates]
    if not rates or len(amounts) < 2:
        return rows
    out = []
    for r in rows:
        shown = [c for c in r.cells if c is not None]
        left = all(c is not None for c in r.cells[:len(shown)])
        if left and len(shown) == len(amounts) < ncols and not any(c.percent for c in shown):
            cells = [None] * ncols
            for k, c in zip(amounts, shown):
                cells[k] = c
            r = RawRow(r.label, tuple(cells), r.line, r.notes + ("amounts only: placed in the amount columns",))
        out.append(r)
    return out


# a header line that opens with the caption of a column of note numbers ("NoteJune 30,December 31,")
NOTE_COLUMN_LEAD = re.compile(r"^notes?(?:\b|(?=[A-Z]))", re.I)
NOTE_NUMBER = re.compile(r"\d{1,2}")


def _note_numbers_dropped(rows: list[RawRow]) -> list[RawRow]:
    """Under a "Note" caption, a row's first cell a small whole number and one more cell than
    the rows without one ("Goodwill6 18,450 18,450"): the note that explains the line, not an
    amount of it."""
    counts = Counter(len(r.cells) for r in rows if r.cells and not NOTE_NUMBER.fullmatch(r.cells[0].text if r.cells[0] else ""))
    if not counts:
        return rows
    usual = counts.most_common(1)[0][0]
    return [_cells_dropped(r, {0}, "a note number under the 'Note' caption, not an amount")
            if len(r.cells) == usual + 1 and r.cells[0] is not None and NOTE_NUMBER.fullmatch(r.cells[0].text) else r
            for r in rows]


def _column_count(rows: list[RawRow]) -> int:
    """The table's number of value columns: what most rows with numbers show. A few rows
    with more (numbers inside a long label) keep only their last cells."""
    counts = [len(r.cells) for r in rows if any(c is not None for c in r.cells)]
    if not counts:
        return max((len(r.cells) for r in rows), default=0)
    most = max(set(counts), key=lambda n: (counts.count(n), n))
    widest = max(counts)
    if counts.count(widest) >= 2:
        return widest
    # an award activity table: only its closing balance ("Outstanding as of September 30,
    # 2024") shows every column, the movements above it the first ones; a line or two may
    # follow it ("Expected to vest", "Exercisable as of ...")
    closing = [r for r in rows if any(c is not None for c in r.cells)][-3:]
    return widest if any(len(r.cells) == widest and CLOSING_BALANCE.search(r.label) for r in closing) else most


def _page_list(table: RawTable) -> bool:
    values = [c.value for r in table.rows for c in r.cells if c is not None]
    return table.ncols == 1 and len(values) >= 3 and all(
        v == v.to_integral_value() and 0 < v < 1000 for v in values) and values == sorted(values)


def _item_at(lines: list[_Line], no: int) -> str:
    """The last form item heading ("Item 1. Financial Statements") above line ``no``."""
    for i in range(no - 2, -1, -1):
        if lines[i].text.lstrip()[:4].lower() != "item":
            continue  # cheap test first: this walks back over the document once per table
        heading = item_heading(lines[i].text)
        if heading:
            return heading
    return ""


def _raw_text(lines: list[_Line], no: int) -> str:
    return lines[no - 1].text if 0 < no <= len(lines) else ""


def _stated_scale(table: RawTable) -> str:
    """The line that states a table's scale: its own header's, the line before it, or the
    one further up the reader found (scale_text); "" if none does."""
    return next((t for t in table.header + table.context_before[-1:] if SCALE_PHRASE.search(t)), table.scale_text)


def _captions_of(header: tuple[str, ...]) -> str:
    """A table's header lines without the periods ("Three Months Ended June 28,
    2024Before-Tax Amount..." -> "Before-Tax Amount...", "Year Ended December 31, 2024" over
    "Class AClass B..." -> "Class AClass B..."); "" where they name nothing else."""
    rests = (LEADING_PERIOD.sub("", line) for line in header)
    return " | ".join(rest for rest in rests if rest and not PERIODISH.search(rest))


def _continued_scale(table: RawTable, before: RawTable | None) -> RawTable:
    """A table that goes on under the caption line of the table before it, for another
    period (Coca-Cola's segment table for the six months, a page after the three months';
    its tax effects of OCI for each quarter and half-year), has that table's scale where it
    states none of its own."""
    if before is None or _stated_scale(table):
        return table
    captions = _captions_of(table.header)
    if not captions or captions != _captions_of(before.header):
        return table
    return replace(table, scale_text=_stated_scale(before))


def _right_below(lines: list[_Line], last_line: int, first_no: int) -> bool:
    """A table whose first line comes right after the last of the table before, with nothing
    but blank lines and page heads between: no paragraph of its own introduces it."""
    return 0 < last_line < first_no and all(
        not lines[no - 1].text.strip() or _running_head(lines[no - 1].text.strip())
        for no in range(last_line + 1, first_no))


def _context_above(before: RawTable, header: tuple[str, ...]) -> tuple[str, ...]:
    """The context of a table right below another whose header has its first line (a pension
    plan's assets "as of December 31, 2023" under those of 2024, both under "Basis of fair value
    measurement"): what introduced the table above and the headings over that shared line
    ("Defined Benefit Pension Plan Assets"), as the HTML reader reads the paragraphs before two
    adjacent tables; not the headings inside the table above ("Equities")."""
    headings = tuple(h for h in before.header[:before.header.index(header[0])] if not _running_head(h))
    return (before.context_before + headings)[-3:]


def parse_text(text: str) -> tuple[RawTable, ...]:
    lines = _lines(text)
    notes_scales, first_note = _notes_scales(lines), _first_note_heading(lines)
    tables: list[RawTable] = []
    last_line = 0  # the last line of the table before
    for region in _regions(lines):
        parent_header: tuple[str, ...] = ()
        first: RawTable | None = None  # the region's first table, whose introduction the repeats share
        for part in (block for piece in _split_footnote_tables(region) for period_block in _split_period_blocks(piece)
                     for block in _split_repeated_headers(period_block)):
            if sum(ln.has_numbers and not _page_number(ln) for ln in part) < 1:
                continue
            t = _table(len(tables), part, parent_header, lines, notes_scales, first_note)
            if _page_list(t):
                continue  # a table of contents: labels with page numbers
            if first is None:
                first = t
            elif _captions_of(t.header) and _captions_of(t.header) == _captions_of(first.header):
                # the same captions again for another period ("Six Months Ended" under the three
                # months' table): the sentence introducing the first introduces it too, not the
                # lines of the table above it
                t = replace(t, context_before=first.context_before)
            elif _dates_only(part[0]) and part[0].no >= 2 and lines[part[0].no - 2].has_numbers:
                # balances right below the rows of the years ('November 30,' over '2025 2024',
                # _balance_dates_below), no text between: the sentence introducing the tables
                # (and their scale) is the first's, not the lines of the table above
                t = replace(t, context_before=first.context_before)
            elif tables and t.header and t.header[0] in tables[-1].header[1:] and \
                    _right_below(lines, last_line, part[0].no):
                t = replace(t, context_before=_context_above(tables[-1], t.header))
            if not FOOTNOTE_LEAD.match(part[0].text.strip()):
                parent_header = t.header
            last_line = part[-1].no
            tables.append(_continued_scale(t, tables[-1] if tables else None))
    return tuple(tables)


@register(InputKind.TEXT)
def read_text(path: Path, text: str, sha256: str, utf8: bytes | None = None) -> Document:
    """``utf8`` (the text's bytes, see ``converter.readers.Reader``) is of no use to plain text."""
    return Document(path=str(path), kind=InputKind.TEXT, text=text, tables=parse_text(text), sha256=sha256)
