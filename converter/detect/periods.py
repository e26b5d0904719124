"""Column and row periods, read from headers and completed from the document.

Headers often lose their year rows (the seed did). What is left, "Three Months Ended /
Six Months Ended / June 30, / June 30,", still fixes the lengths and the month-day; the
years come from the document's own phrases ("ended June 30, 2021 and 2020": current year
first) and the period end. Each column keeps a sentence saying how its period was found.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from converter.detect.dates import (DATE, MONTHS, YEAR, YEAR_DIGITS, is_month_end, last_full_date, lengths_in,
                                    make_date, parse_dates, period_start)
from converter.detect.document import DocumentFacts
from converter.model import Duration, Instant, Period, RawTable
from converter.readers._common import NOTE_HEADING, scale_line

BALANCE_ROW = re.compile(
    r"^(?:(?:opening|closing|ending|beginning)\s+)?balances?,?\s*(?:as\s+of|at)?\s*|^(?:opening|ending|closing)\s+balance|"
    # an award table's "Outstanding as of January 1, 2022", "Unvested at December 31, 2024"
    r"^(?:outstanding|unvested|non-?vested)(?:\s+(?:balance|awards|units|shares|options))?,?\s+(?:as\s+of|at)\s",
    re.I)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# "Goodwill - January 1, 2023", "Goodwill at June 30, 2024": a balance named, a dash (or
# "at", "as of"), its full date
NAMED_BALANCE = re.compile(rf"^(?P<name>[a-z][^\d]{{2,60}}?)\s(?:[-–—]|at|as\s+of)\s{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d$",
                           re.I)
# "Reserve June 30, 2024", "Accrued liability March 31, 2025": a balance word, then its date
BALANCE_WORD_DATE = re.compile(rf"^(?:reserves?|liabilit(?:y|ies)|accruals?|accrued liabilit(?:y|ies))(?:\s+balance)?,?\s"
                               rf"{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d$", re.I)
# "for the six months ended": the words of a span a row's label names
_SPAN_WORDS = r"(?:for\s+the\s+)?(?:three|six|nine|twelve|\d{1,2})\s+months?\s+ended"
# "Costs incurred for the six months ended December 31, 2024": a flow dated by its own label
FLOW_SPAN = re.compile(rf"\b{_SPAN_WORDS}\s", re.I)
# ... and that span with its date at the label's end, which the row's period already says
LABEL_SPAN = re.compile(rf",?\s+{_SPAN_WORDS}\s+\w+\s+\d{{1,2}},\s+(?:19|20)\d\d$", re.I)
# A balance at the start of the period a column spans ("..., beginning of year", "Opening
# balance", a label that opens on the word: "Beginning gross unrecognized tax benefits", a
# calendar year's first day named without its year: "Asset retirement obligations at January 1",
# "Reserves for professional liability risks, January 1")
# (Written from a case-sensitive set of first letters, each branch checking its own, so that
# the regex engine skips to candidates, as converter.detect.dates.DATE: same matches, 4x quicker.)
BEGINNING = re.compile(r"(?-i:[Bb,OoJj])(?:(?<=[Bb])eginning\s+of\s+(?:the\s+)?(?:period|year|quarter|fiscal)|(?<=,)\s*beginning\b|"
                       r"(?<=\b[Oo])pening\b|(?<=\b[Bb])eginning\s+balances?\b|(?<=\b[Bb])alances?,?\s+beginning\b|"
                       r"(?<=^[Bb])eginning\s|(?:(?<=\bat\sJ)|(?<=\bas\sof\sJ)|(?<=,\sJ))anuary\s+1\s*$)", re.I)
# ... and at its end ("Ending balance", "Funded status, end of period", "Accrued warranty -
# end of period", "... at December 31" or "..., December 31" without its year)
PERIOD_END_BALANCE = re.compile(r"\bend\s+of\s+(?:the\s+)?(?:period|year|quarter|fiscal)|^(?:ending|closing)\s+balance|"
                                r"\bbalances?,?\s+(?:at\s+|as\s+of\s+)?(?:the\s+)?end\b|(?:\b(?:at|as\s+of)|,)\s+December\s+31\s*$", re.I)

# a purchase price allocation dated by the deal: "fair value of assets acquired and
# liabilities assumed as of the acquisition date"
AT_ACQUISITION = re.compile(r"\b(?:as of|at) the (?:acquisition date|date of (?:the )?acquisition)\b", re.I)
ACQUIRED = re.compile(r"\b(?:completed|closed|consummated)\b.{0,60}\bacquisition\b|"
                      r"\b(?:we|[Cc]ompany|[A-Z]\w+)\s+(?:completed\s+the\s+acquisition\s+of|acquired)\b")
# "In November 2024, the Company acquired ...": the month's last day
MONTH_YEAR = re.compile(rf"\b(?:in|during) ({_MONTH}) ((?:19|20)\d\d)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.;])\s+(?=[A-Z])")


@dataclass(frozen=True)
class ColumnPeriod:
    period: Period
    evidence: str
    # the header names a year or nothing, not whether the column is a date or a span:
    # "2024" is December 31, 2024 for a balance and the year 2024 for a flow
    open: bool = False


def _shift_year(d: dt.date, years: int) -> dt.date:
    return make_date(d.year - years, d.month, d.day)


def _latest_on_or_before(month: int, day: int, limit: dt.date) -> dt.date:
    d = make_date(limit.year, month, day)
    return d if d <= limit else make_date(limit.year - 1, month, day)


def _nearest_on(month: int, day: int, target: dt.date) -> dt.date:
    """The date on ``month``/``day`` nearest ``target`` (its year, the one before or after)."""
    return min((make_date(target.year + dy, month, day) for dy in (-1, 0, 1)), key=lambda d: abs((d - target).days))


def _near(d: dt.date, target: dt.date) -> bool:
    return abs((d - target).days) <= 7


def _fiscal_years_joined(columns: list[ColumnPeriod], facts: DocumentFacts) -> list[ColumnPeriod]:
    """52/53-week years ending off a month end start the day after the year before ends
    (the next column's end when the table shows it; else the year end the document names
    about 52 weeks earlier, else 52 weeks earlier)."""
    ends = {c.period.end for c in columns if isinstance(c.period, Duration)}
    out = []
    for c in columns:
        p = c.period
        if isinstance(p, Instant) or p.months != 12:
            out.append(c)
            continue
        before = [e for e in ends if 357 <= (p.end - e).days <= 372]
        # a year that happens to end on a month end ("December 31, 2023") after one that
        # did not ("December 25, 2022") is a 53-week year of the same calendar
        if (is_month_end(p.end) or 7 < p.end.day < 24) and not (before and not is_month_end(max(before))):
            out.append(c)
            continue
        start = max(before) + dt.timedelta(days=1) if before else fiscal_year_start(p.end, facts)
        how = "the day after the prior fiscal year's end in the header" if before else \
            "the day after the prior fiscal year's end the document names, or 52 weeks"
        out.append(ColumnPeriod(Duration(start, p.end), f"{c.evidence}; 52/53-week year: starts {how}", c.open))
    return out


def _one(values: list) -> object | None:
    """The value when all agree (and there is one), else None."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


@lru_cache(maxsize=4096)
def _header_reading(text: str) -> tuple[frozenset, frozenset, frozenset]:
    """The dates (month, day, year), years and lengths (months, weeks) a column's header cells
    name: read once per text, which a table's columns and a filing's tables repeat."""
    return (frozenset((m, d, y) for (m, d, y, _) in parse_dates(text)), frozenset(int(y) for y in YEAR.findall(text)),
            frozenset((m, w) for (m, w, _) in lengths_in(text)))


def stacked_periods(table: RawTable, facts: DocumentFacts) -> list[ColumnPeriod] | None:
    """Periods from the header cells over each column ("2024" over "Gross | Net", "Pension
    Plans" over "2024 | 2023"), when every column's own cells name its year; a length or a
    month and day named once for the whole header holds for every column."""
    stacks = table.column_headers
    if not stacks or len(stacks) != table.ncols:
        return None
    readings = [_header_reading(" ".join(stack)) for stack in stacks]
    col_dates, col_years, col_lengths = ([r[k] for r in readings] for k in range(3))
    if any(len(d) > 1 or len(y) > 1 or len(n) > 1 for d, y, n in zip(col_dates, col_years, col_lengths)):
        return None
    between = _between_balances(col_dates, col_years, col_lengths)
    dated = [c for c in range(table.ncols) if col_years[c]]
    rates = {c for c in range(table.ncols) if rates_only(table, c)}  # a rate column beside the dated ones
    undated = table.ncols - len(dated) - len((rates | set(between)) - set(dated))
    if not dated or undated > (1 if table.ncols > 2 else 0):
        return None
    # a rate column beside the dated ones ("Stated Interest Rates" before "December 31, 2023 |
    # December 31, 2024") is of the latest date
    latest_column = max(dated, key=lambda c: (next(iter(col_years[c])), sorted(col_dates[c])))
    for c in range(table.ncols):  # a caption column outside the dated groups ("Total"): the first group's
        if not col_years[c] and c not in between:
            src = latest_column if c in rates else dated[0]
            col_years[c], col_dates[c], col_lengths[c] = col_years[src], col_dates[src], col_lengths[src]
    latest = max(y for years in col_years for y in years)
    if latest > facts.period_end.year:
        return None  # future years: a maturity schedule, not periods
    if facts.period_end.month >= 7:
        # a year ending in the second half of the calendar year bears the name of its end: a
        # table of the year before alone ("2024" over "Electric Utility | Gas Utility | Total",
        # a segment table repeated per year) is of that year, not of the one reported on
        latest = facts.period_end.year
    whole = " ".join(table.header)
    table_length = _one([(m, w) for (m, w, _) in lengths_in(whole)])
    table_day = _one([(m, d) for (m, d, _, _) in parse_dates(whole)]) or _day_above(table, facts)
    # years under a sentence naming one span ("net periodic benefit cost for the three months
    # ended June 30 (in millions):" over "Pension Benefits" over "2025 | 2024"): that span
    above_length = None if table_length or facts.document_type == "10-K" else length_above(table)
    out: list[ColumnPeriod] = []
    for c in range(table.ncols):
        if c in between:
            start, end = between[c]
            out.append(ColumnPeriod(Duration(start + dt.timedelta(days=1), end),
                                    f"header cells '{' / '.join(stacks[c])[:60]}' between the balances of "
                                    f"{start:%B %-d, %Y} and {end:%B %-d, %Y}"))
            continue
        year = next(iter(col_years[c]))
        date = next(iter(col_dates[c]), None)
        length = next(iter(col_lengths[c]), None) or table_length
        month_day = (date[0], date[1]) if date else table_day
        shown = " / ".join(stacks[c])[:80]
        if length is None and month_day is not None:
            out.append(ColumnPeriod(Instant(make_date(year, *month_day)), f"header cells '{shown}' over the column"))
            continue
        open_type = length is None  # (a span the sentence names leaves the concept to say date or span)
        length = length or above_length
        if length is None and facts.document_type != "10-K":
            length = (ytd_months(facts), 0)  # a quarterly report's year columns: its year to date
        months, weeks = length if length else (12, 0)
        if month_day is not None:
            end = make_date(year, *month_day)
        elif months == 12 and not weeks and facts.document_type != "10-K":
            end = fiscal_year_end_near(make_date(year, *facts.fiscal_year_end), facts)
        else:
            # years alone name fiscal years ("Fiscal 2024" may end in February 2025): the
            # latest is the period reported on, the others so many years before it
            end = fiscal_year_end_near(_shift_year(facts.period_end, latest - year), facts)
        span = f"{weeks} weeks" if weeks else f"{months} months"
        out.append(ColumnPeriod(Duration(period_start(end, months, weeks, facts.fiscal_year_end), end),
                                f"header cells '{shown}' over the column: {span} ended {end:%B %-d, %Y}",
                                open=open_type))
    return _fiscal_years_joined(out, facts)


def _between_balances(col_dates: list[set], col_years: list[set], col_lengths: list[set]) -> dict[int, tuple]:
    """Undated columns between two balance dates a year or less apart ("December 1, 2023 |
    Increase / Decrease | Reclassification Adjustments | November 29, 2024"): column ->
    (the balance date before, the balance date after); its figures move one to the other."""
    def balance(c: int) -> bool:
        return not col_lengths[c] and len(col_dates[c]) == 1 and bool(next(iter(col_dates[c]))[2])

    out = {}
    for c in range(1, len(col_dates) - 1):
        if col_years[c] or col_lengths[c]:
            continue
        left = next((k for k in range(c - 1, -1, -1) if col_years[k] or col_dates[k] or col_lengths[k]), None)
        right = next((k for k in range(c + 1, len(col_dates)) if col_years[k] or col_dates[k] or col_lengths[k]), None)
        if left is None or right is None or not balance(left) or not balance(right):
            continue
        before, after = make_date(*_ymd(col_dates[left])), make_date(*_ymd(col_dates[right]))
        if before < after <= _shift_year(before, -1):  # a year on at most
            out[c] = (before, after)
    return out


def line_periods(table: RawTable, pieces: list[str]) -> list[ColumnPeriod] | None:
    """Copied text's header line of balance dates and the movements between them, one piece
    per column ("January 31, 2024 | Additions and retirements, net | January 31, 2025 | ...",
    "Balance at December 31, 2023 | Purchases | Sales | ... | Balance at December 31, 2024"):
    each date its column's balance, each caption between two of them the span from one to the
    other (the markup reader reads the same from its grid: stacked_periods). None unless every
    caption stands between two dates a year apart at most ("June 28, 2025 | June 29, 2024 |
    Change" twice: the last change stands after the dates, a comparison, not a movement)."""
    if table.column_headers or len(pieces) != table.ncols:
        return None
    col_dates = [{(m, d, y) for (m, d, y, _) in parse_dates(p)} for p in pieces]
    col_years = [{int(y) for y in YEAR.findall(p)} for p in pieces]
    col_lengths = [{(m, w) for (m, w, _) in lengths_in(p)} for p in pieces]
    if any(len(d) > 1 or n for d, n in zip(col_dates, col_lengths)):
        return None
    dated = {c: make_date(*_ymd(col_dates[c])) for c in range(table.ncols) if col_dates[c] and _ymd(col_dates[c])[0]}
    between = _between_balances(col_dates, col_years, col_lengths)
    undated = [c for c in range(table.ncols) if c not in dated]
    if len(dated) < 2 or not undated or any(c not in between for c in undated):
        return None
    return [ColumnPeriod(Instant(dated[c]), f"header line '{pieces[c][:40]}': the balance at that date") if c in dated
            else ColumnPeriod(Duration(between[c][0] + dt.timedelta(days=1), between[c][1]),
                              f"header line '{pieces[c][:40]}' between the balances of {between[c][0]:%B %-d, %Y} "
                              f"and {between[c][1]:%B %-d, %Y}")
            for c in range(table.ncols)]


def _ymd(dates: set) -> tuple[int, int, int]:
    m, d, y = next(iter(dates))
    return y, m, d


def rates_only(table: RawTable, column: int) -> bool:
    cells = [r.cells[column] for r in table.rows if column < len(r.cells) and r.cells[column] is not None]
    return bool(cells) and all(c.percent or c.is_dash for c in cells) and any(c.percent for c in cells)


def length_above(table: RawTable) -> tuple[int, int] | None:
    """The one span, as (months, weeks), the sentence right above a table names, else None."""
    above = table.context_before[-1] if table.context_before else ""
    return _one([(m, w) for (m, w, _) in lengths_in(above)]) if above else None


def ytd_months(doc) -> int:
    """Months of the year to date a report covers (a DocumentFacts or a Filing: its
    document type and fiscal period)."""
    if doc.document_type == "10-K":
        return 12
    return {"Q1": 3, "Q2": 6, "Q3": 9}.get(doc.fiscal_period, 12)


def column_periods(table: RawTable, facts: DocumentFacts) -> list[ColumnPeriod] | None:
    """One period per column from the header, or None when the header names no period."""
    stacked = stacked_periods(table, facts)
    if stacked is not None:
        return stacked
    header = " ".join(table.header)
    ncols = table.ncols
    lengths = lengths_in(header)
    dates = parse_dates(header)
    years = [int(y) for y in YEAR.findall(" ".join(h for h in table.header if not parse_dates(h) or YEAR.search(h)))]
    end = facts.period_end
    if len(dates) == 1 and dates[0][2] is None and not years and ROWS_OF_YEARS.search(header):
        return None  # "Years ending December 31 | Pension plans | Other": the rows are the years to come
    if not lengths and not dates:
        return _fiscal_years(table, facts, years) or _quarterly_report_years(table, facts)
    # Year per column: from the header when it names one per column; else current first.
    explicit_years = [y for (_, _, y, _) in dates if y is not None]
    if len(explicit_years) == ncols:
        col_years = explicit_years
        year_note = "years from the header"
    elif len(years) == ncols:
        col_years = years
        year_note = "years from the header's year row"
    elif years and len(set(years)) == len(years) and 0 < ncols - len(years) <= 2 and \
            any(YEARS_THEN_CAPTION.search(h) for h in table.header) and \
            all(rates_only(table, c) for c in range(len(years), ncols)):
        # "2024 2023 Effective Interest Rate" over two amounts and a column of rates: the
        # years date their columns, the rates after them are at the latest
        col_years = years + [max(years)] * (ncols - len(years))
        year_note = "years from the header's year row, the rates after them at the latest"
    elif years and len(set(years)) == len(years) and ncols in (2 * len(years), 3 * len(years)) and \
            not table.column_headers and any(YEARS_ONLY_LINE.fullmatch(h) for h in table.header):
        # copied text's "Years Ended December 31," over "2025 2024 2023" over six columns
        # ("$3,214 19.1 % $3,102 19.5 % ..."): each year heads as many adjacent columns
        span = ncols // len(years)
        col_years = [y for y in years for _ in range(span)]
        year_note = f"years from the header's year row, each over {span} adjacent columns"
    elif len(dates) == 1 and explicit_years and len(set(explicit_years + years)) == ncols == 1 + len(years):
        # "years ended December 312024 2023 2022": the date's year, then the other years
        col_years = explicit_years + years
        year_note = "years from the header (the first in its date)"
    else:
        col_years = []
        year_note = ""
    out: list[ColumnPeriod] = []
    one_dated = len(dates) == 1 and dates[0][2] is not None and not col_years and len(lengths) <= 1
    if one_dated:
        # "Three Months Ended March 31, 2025" over the whole table: every column shares it.
        m, d, y, _ = dates[0]
        e = make_date(y, m, d)
        if lengths:
            months, weeks, _ = lengths[0]
            period = Duration(period_start(e, months, weeks, facts.fiscal_year_end), e)
        else:
            period = Instant(e)
        return [ColumnPeriod(period, f"header '{header.strip()[:80]}': one dated period over every column")
                for _ in range(ncols)]
    if lengths:
        per_group = max(1, ncols // len(lengths)) if ncols % len(lengths) == 0 else ncols
        groups = lengths if ncols % len(lengths) == 0 else lengths[:1]
        md = [(m, d) for (m, d, _, _) in dates] or [(end.month, end.day)]
        # "Fiscal Year Ended January 31, 2025 | Fiscal Year Ended January 31, 2024" over three
        # captions each: every column of a group is its group's year
        group_years = explicit_years if len(groups) > 1 and len(explicit_years) == len(groups) == len(dates) \
            and len(set(explicit_years)) == len(groups) and len({g[:2] for g in groups}) == 1 and not col_years else []
        # "Three Months Ended" over "June 30, 2025June 30, 2024" over three captions twice:
        # each date spans as many columns, in order
        spanning = explicit_years if not col_years and not group_years and 1 < len(explicit_years) == len(dates) \
            and ncols % len(explicit_years) == 0 and len(set(explicit_years)) == len(explicit_years) else []
        for c in range(ncols):
            g = min(c // per_group, len(groups) - 1)
            months, weeks, _ = groups[g]
            k = c - g * per_group  # position inside the group: 0 = current year
            month, day = md[min(g, len(md) - 1)] if len(md) < ncols else md[c]
            if col_years:
                e = make_date(col_years[c], month, day)
                how = year_note
            elif group_years:
                e = make_date(group_years[g], month, day)
                how = "the year of its group's header"
            elif spanning:
                at = c // (ncols // len(spanning))
                e = make_date(spanning[at], *dates[at][:2])
                how = f"the date over its run of {ncols // len(spanning)} columns"
            elif len(md) == ncols and len(set(md)) > 1:
                # copied text's "December 28,December 29,December 31," (52/53-week years, the
                # year rows lost): each column's own day, in the year its place gives
                back = k if facts.years_descending else per_group - 1 - k
                e = _nearest_on(month, day, _shift_year(end, back))
                how = (f"year inferred: column {k + 1} of its group, its own day nearest a year apart, "
                       f"current year first per the document ('{facts.period_end_evidence}')")
            else:
                base = _latest_on_or_before(month, day, end) if not _near(make_date(end.year, month, day), end) else end
                e = _shift_year(base, k) if facts.years_descending else _shift_year(base, per_group - 1 - k)
                how = (f"year inferred: column {k + 1} of its group, current year first per the document "
                       f"('{facts.period_end_evidence}')")
            if _near(e, end) and not col_years:
                e = end if k == 0 else e
            length = f"{weeks} weeks" if weeks else f"{months} months"
            out.append(ColumnPeriod(Duration(period_start(e, months, weeks, facts.fiscal_year_end), e),
                                    f"header '{length} ended {e:%B %-d}' + {how}"))
        return _fiscal_years_joined(out, facts)
    # Instants: one date per column, or one date shared by all columns.
    same_day_no_years = len({(m, d) for (m, d, _, _) in dates}) == 1 and not any(y for (_, _, y, _) in dates)
    if len(dates) == ncols and not (same_day_no_years and ncols > 1 and not col_years):
        # a 52/53-week year's period end, a day or two off the date printed, is the printed
        # date's; not where another column prints the period end itself ("August 2 | February 1
        # | August 3": August 3 is the same quarter's end a year before)
        end_printed = any((m, d) == (end.month, end.day) for (m, d, _, _) in dates)
        for c, (m, d, y, _) in enumerate(dates):
            if col_years:
                e = make_date(col_years[c], m, d)
                how = year_note
            elif y:
                e = make_date(y, m, d)
                how = "year from the header"
            else:
                near = _near(make_date(end.year, m, d), end) and ((m, d) == (end.month, end.day) or not end_printed)
                e = end if near else _latest_on_or_before(m, d, end)
                how = ("the document's period end" if e == end else
                       "the latest such date before the period end (prior fiscal year end)")
            out.append(ColumnPeriod(Instant(e), f"header '{make_date(2000, m, d):%B %-d}' + {how}"))
        return out
    if not col_years and 1 < len(dates) < ncols and all(y for (_, _, y, _) in dates):
        ends = [make_date(y, m, d) for (m, d, y, _) in dates]
        lead = 0 if ncols % len(ends) == 0 else 1  # "Useful Lives | Gross | Accumulated | Net" twice
        # "Stated Interest Rates | Effective Interest Rates | December 31, 2023 | December 31,
        # 2024" over two columns of rates and two of amounts: the dates over the last columns
        rates_first = all(rates_only(table, c) for c in range(ncols - len(ends))) and \
            not any(rates_only(table, c) for c in range(ncols - len(ends), ncols))
        if (ncols - lead) % len(ends) == 0 and (ncols - lead) // len(ends) >= 1 + lead and len(set(ends)) == len(ends) \
                and not rates_first:
            # "As of December 31, 2023As of December 31, 2024" over three captions twice: each
            # date spans as many columns, in the order printed; a column before them (the
            # assets' useful lives) is at the latest date
            span = (ncols - lead) // len(ends)
            return [ColumnPeriod(Instant(max(ends)), f"header: a column before the dated runs, at the latest date "
                                                     f"{max(ends):%B %-d, %Y}") for _ in range(lead)] + \
                [ColumnPeriod(Instant(e), f"header '{e:%B %-d, %Y}' over its run of {span} columns")
                 for e in ends for _ in range(span)]
        if ncols - len(ends) <= 2:
            # "Principal Amount | February 2, 2025 | January 28, 2024": the dates over the last
            # columns; an undated caption before them is at the latest date
            extra = ncols - len(ends)
            return [ColumnPeriod(Instant(max(ends)), f"header: a column before the dated ones, at the latest date "
                                                      f"{max(ends):%B %-d, %Y}") for _ in range(extra)] + \
                [ColumnPeriod(Instant(e), f"header '{e:%B %-d, %Y}' over the column") for e in ends]
    m, d, y, _ = dates[0]
    if not y and not col_years and len(set(years)) == 1 and len(dates) == 1 and ncols > 1:
        # "as of December 31 | 2024 | Level 1 | Level 2 | Level 3": the one year names the date
        # of every column; the other captions are no years
        e = make_date(years[0], m, d)
        return [ColumnPeriod(Instant(e), f"header 'as of {e:%B %-d}' and its one year {years[0]}: every column")
                for _ in range(ncols)]
    if not y and not col_years and (lead := _leading_rate_columns(table, years)):
        # "As of December 31," over "Coupon Rate | Effective Interest Rate | 2023 | 2024": the
        # years date the last columns, the rates before them are at the latest
        ends = [make_date(year, m, d) for year in years]
        return [ColumnPeriod(Instant(max(ends)), f"a column of rates before the header's years, at "
                                                 f"{max(ends):%B %-d, %Y}") for _ in range(lead)] + \
            [ColumnPeriod(Instant(e), f"header 'as of {e:%B %-d}' and its year {e.year} over the column")
             for e in ends]
    base = make_date(y, m, d) if y else (end if _near(make_date(end.year, m, d), end) else
                                         _latest_on_or_before(m, d, end))
    order = "current year first" if facts.years_descending else "current year last"
    for c in range(ncols):
        back = c if facts.years_descending else ncols - 1 - c
        if col_years:
            e, how = make_date(col_years[c], m, d), year_note
        else:
            e, how = _shift_year(base, back), (f"year inferred: column {c + 1}, {order} per the document "
                                               f"('{facts.period_end_evidence}')")
        out.append(ColumnPeriod(Instant(e), f"header 'as of {e:%B %-d}' + {how}"))
    return out


# A header's stub over the years to come ("Years ending December 31,"): it dates rows, not columns.
ROWS_OF_YEARS = re.compile(r"\b(?:fiscal )?years? ending\b", re.I)

# the evidence of a column no header, sentence or acquisition dates: the period end by default
DATELESS = "no period in the header: the document's period end"


def dateless_periods(table: RawTable, facts: DocumentFacts) -> list[ColumnPeriod]:
    """A table whose header names no period ("Amortized Cost | Unrealized Gains | Fair
    Value"): the one date the sentence above it names ("as of December 31, 2024"), else the
    date the document reports on."""
    above = table.context_before[-1] if table.context_before else ""
    dated = dated_above(table, facts)
    if dated is not None:
        return dated
    if AT_ACQUISITION.search(above) and (date := _acquisition_date(table.context_before[:-1], facts)):
        return [ColumnPeriod(Instant(date), f"no period in the header: the acquisition date ({date:%B %-d, %Y}) "
                             "the paragraphs above name", open=True) for _ in range(table.ncols)]
    return [ColumnPeriod(Instant(facts.period_end), DATELESS, open=True) for _ in range(table.ncols)]


def dated_above(table: RawTable, facts: DocumentFacts) -> list[ColumnPeriod] | None:
    """The one date the sentence right above the table names ("Total future commitments
    as of July 27, 2025 are as follows:"), or the span a heading there names ("Three Months
    Ended June 30, 2024"), for every column; None when it names none or several. A scale
    alone between them ("As of December 31, 2024" over "(in millions)") is passed over."""
    above = _line_above(table)
    heading = heading_period(above, facts)
    if heading is not None and isinstance(heading.period, Duration):
        # a heading line of its own ("Three Months Ended June 30, 2024"), which copied text
        # sets above the caption line: a span for every column
        return [ColumnPeriod(heading.period, f"no period in the header: the {heading.evidence} above it", open=True)
                for _ in range(table.ncols)]
    named = {make_date(y, m, d) for (m, d, y, _) in parse_dates(above) if y}
    if len(named) == 1 and (date := named.pop()) <= facts.period_end:
        return [ColumnPeriod(Instant(date), f"no period in the header: the date of the text above ({date:%B %-d, %Y})",
                             open=True) for _ in range(table.ncols)]
    return None


def _line_above(table: RawTable) -> str:
    """The text right above a table, past one line that is a scale alone: an asset manager's
    fair value tables each under their date, then "(in millions)"."""
    lines = table.context_before
    if len(lines) > 1 and scale_line(lines[-1]):
        return lines[-2]
    return lines[-1] if lines else ""


def _acquisition_date(paragraphs: tuple[str, ...], facts: DocumentFacts) -> dt.date | None:
    """The date of the nearest sentence above that completes an acquisition ("On August 1,
    2024, AbbVie completed its previously announced acquisition of Cerevel"; "In November
    2024, the Company acquired": the month's last day; not "assets
    acquired ... were finalized during the three months ended December 31, 2024")."""
    for paragraph in reversed(paragraphs):
        for sentence in SENTENCE_END.split(paragraph):
            if ACQUIRED.search(sentence):
                dates = [make_date(y, m, d) for (m, d, y, _) in parse_dates(sentence) if y] or \
                    [make_date(int(y), MONTHS[m.lower()], 31) for m, y in MONTH_YEAR.findall(sentence)]
                dates = [d for d in dates if d <= facts.period_end]
                if dates:
                    return dates[0]
    return None


def fiscal_year_end_near(target: dt.date, facts: DocumentFacts) -> dt.date:
    """The fiscal year end about ``target``: the month's last day nearest it where the
    document's own period ends on a month's last day (Visa's September 30 every year, not an
    October 1 its text names); else a date the document names within a week of it
    (52/53-week years end on a weekday), else ``target`` itself."""
    if is_month_end(facts.period_end):
        ends = (target.replace(day=1) - dt.timedelta(days=1), make_date(target.year, target.month, 31))
        nearest = min(ends, key=lambda d: abs((d - target).days))
        if abs((nearest - target).days) <= 7:
            return nearest
    near = [d for d in facts.dates if abs((d - target).days) <= 7 and (d.month, d.day) != (1, 1)]
    return min(near, key=lambda d: (abs((d - target).days), d)) if near else target  # ties: the earlier, every run


YEAR_ROW = re.compile(r"(?:fiscal\s+)?(?:19|20)\d\d", re.I)


# what a header of fiscal years holds besides the years: a scale, separators, spaces
YEARS_AND_SCALES = re.compile(r"\((?:in|\$ in|dollars in|amounts in)\b[^)]*\)|(?:19|20)\d\d|[|/\s]", re.I)
FISCAL_OR_YEARS = re.compile(r"fiscal|(?<!\()\byears?\b(?!\))", re.I)
FISCAL = re.compile(r"fiscal", re.I)


def _quarterly_report_years(table: RawTable, facts: DocumentFacts) -> list[ColumnPeriod] | None:
    """A quarterly report's copied columns named by year alone, one year per column ("Pension
    Benefits | Other Benefits" over "2025 2024 2025 2024"): read as the HTML reads those
    years over each column (stacked_periods): the span the sentence above names, else the
    year to date."""
    if facts.document_type == "10-K" or table.column_headers:
        return None
    line = next((h for h in reversed(table.header) if YEARS_ONLY_LINE.fullmatch(h)), None)
    years = YEAR.findall(line) if line else []
    if len(years) != table.ncols:
        return None
    return stacked_periods(replace(table, column_headers=tuple((year,) for year in years)), facts)


def _fiscal_years(table: RawTable, facts: DocumentFacts, years: list[int]) -> list[ColumnPeriod] | None:
    """Annual columns named by fiscal year alone ("Fiscal | Fiscal / 2024 | 2023 | 2022"):
    the latest is the year the document reports on; earlier years end about a year apart,
    on the fiscal year ends the document names."""
    header = " ".join(table.header)
    # a copied note's heading may open its header ("Note 16. Supplemental Cash Flow
    # Information" over "2024 2023 2022"): it names the note, not the columns
    only_years = not YEARS_AND_SCALES.sub("", " ".join(h for h in table.header if not NOTE_HEADING.match(h)))
    # "Years Ended", not a caption's unit ("Remaining Contractual Life (years)", "(in years)")
    if facts.document_type != "10-K" or not (FISCAL_OR_YEARS.search(header) or only_years or
                                             _years_per_caption(years, table.ncols) or
                                             _leading_rate_columns(table, years)):
        return None
    if not years and facts.years_descending and not table.column_headers and table.ncols > 1:
        # copy-paste text loses the year rows (markup keeps them: no years there means none;
        # nor over one column, dated like markup's by the text above: an acquisition date);
        # "FiscalFiscalFiscal" over six columns: three years of two columns each
        if sum(bool(YEAR_ROW.fullmatch(r.label.strip())) for r in table.rows) >= 2:
            return None  # rows of years ("2026", "2027"): "Fiscal Year" captions the label column
        named = len(FISCAL.findall(header))
        groups = named if 1 < named < table.ncols and table.ncols % named == 0 else table.ncols
        years = [y for y in range(facts.period_end.year, facts.period_end.year - groups, -1)
                 for _ in range(table.ncols // groups)]
    if years and not table.column_headers and table.ncols in (2 * len(years), 3 * len(years)):
        # copied text's "2024 2023 2022" over "$4,215 21.0 % $6,114 21.0 % ...": each year
        # heads as many adjacent columns (markup would have said which by its spans)
        span = table.ncols // len(years)
        years = [y for y in years for _ in range(span)]
    rates_first = _leading_rate_columns(table, years)
    if len(years) + rates_first != table.ncols:
        return None
    latest = max(years)
    ends: dict[int, dt.date] = {latest: facts.period_end}
    for y in range(latest - 1, min(years) - 2, -1):
        ends[y] = fiscal_year_end_near(ends[y + 1] - dt.timedelta(days=364), facts)
    if _day_above(table, facts):
        return [ColumnPeriod(Instant(ends[latest]), f"a column of rates before the header's years, at "
                                                    f"{ends[latest]:%B %-d, %Y}") for _ in range(rates_first)] + \
            [ColumnPeriod(Instant(ends[y]), f"header '{y}' under text above 'at {ends[y]:%B %-d}': "
                                            f"the balance at {ends[y]:%B %-d, %Y}") for y in years]
    return [ColumnPeriod(Duration(ends[latest - 1] + dt.timedelta(days=1), ends[latest]),
                         f"a column of rates before the header's years: the year ending {ends[latest]:%B %-d, %Y}",
                         open=True) for _ in range(rates_first)] + \
        [ColumnPeriod(Duration(ends[y - 1] + dt.timedelta(days=1), ends[y]),
                      f"header 'Fiscal {y}': the year ending {ends[y]:%B %-d, %Y}", open=True) for y in years]


def _years_per_caption(years: list[int], ncols: int) -> bool:
    """Copied text's "Pension BenefitsOther Postretirement Benefits" over "2025 2024 2023 2025
    2024 2023": the same run of years once per caption, one year per column; the captions
    name the runs (members), the years the columns."""
    if len(years) != ncols:
        return False
    return any(ncols % run == 0 and ncols // run >= 2 and len(set(years[:run])) == run and
               years == years[:run] * (ncols // run) for run in range(2, ncols // 2 + 1))


# "Accrued expenses consisted of the following at December 31:", a day without its year
AT_DAY_ABOVE = re.compile(rf"\b(?:at|as\s+of)\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\b(?!,?\s*(?:19|20)\d\d)", re.I)
# a roll-forward's lines, which are flows between balances though the text says "as of"
ROLL_FORWARD_LINE = re.compile(r"end of (?:the )?(?:period|year)|\bending balance|\bbalances?,? (?:at )?end\b", re.I)


def _day_above(table: RawTable, facts: DocumentFacts) -> tuple[int, int] | None:
    """The month and day the sentence right above a table of years dates it by, when that is
    the day the document reports on ("Accrued expenses consisted of the following at December
    31:" over "2024 | 2023"): its columns are that day's balances, not the years' flows; None
    for a roll-forward's ("... unrecognized tax benefits as of December 31 is as follows:"
    over opening balances)."""
    above = table.context_before[-1] if table.context_before else ""
    at = AT_DAY_ABOVE.search(above)
    day = (MONTHS[at["month"].lower()], int(at["day"])) if at else None
    if day != (facts.period_end.month, facts.period_end.day) or \
            any(BEGINNING.search(r.label) or ROLL_FORWARD_LINE.search(r.label) for r in table.rows):
        return None
    return day


# a header line of years, then the caption of the columns after them ("2024 2023 Effective Interest Rate")
YEARS_ONLY_LINE = re.compile(r"\s*(?:(?:19|20)\d\d\s*){2,}")  # "2025 2024 2023"
YEARS_THEN_CAPTION = re.compile(r"(?<!\d)(?:(?:19|20)\d\d\s+)+[A-Z][a-z]")
TRAILING_YEARS = re.compile(r"(?<!\d)(?:(?:19|20)\d\d\s*){2,}$")


def _leading_rate_columns(table: RawTable, years: list[int]) -> int:
    """Copied text's '... Effective Interest Rate2024 2023' over a column of rates and two of
    amounts: how many columns of rates come before those the header's closing years date
    (0 unless the header line ends in the years and the columns before them hold rates)."""
    extra = table.ncols - len(years)
    if not years or table.column_headers or not 0 < extra <= 2 or \
            not any(TRAILING_YEARS.search(line) for line in table.header):
        return 0
    return extra if all(rates_only(table, c) for c in range(extra)) else 0


HEADING_WORDS = re.compile(r"\b(?:as of|at|for the|and|ended|ending|months?|weeks?|quarters?|years?|fiscal|"
                           r"three|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|\d{1,2})\b|[,.:()]",
                           re.I)


def heading_period(label: str, facts: DocumentFacts, latest: int | None = None) -> ColumnPeriod | None:
    """The period a heading row names on its own ("December 31, 2023", "Three Months Ended
    June 27, 2025", "2024"): the rows under it are of that period. None for other headings.
    A year alone is a fiscal year, ``latest`` (the table's latest such year) the one reported on."""
    if len(label) > 80:
        return None
    dates = [(m, d, y) for (m, d, y, _) in parse_dates(label)]
    years = [int(y) for y in YEAR.findall(label)]
    lengths = lengths_in(label)
    rest = HEADING_WORDS.sub(" ", DATE.sub(" ", YEAR.sub(" ", label)))
    if rest.strip() or len(set(years)) != 1 or len(dates) > 1 or len(lengths) > 1:
        return None
    year = years[0]
    if year > facts.period_end.year:
        return None
    if dates:
        m, d, _ = dates[0]
        end = make_date(year, m, d)
        if lengths:
            months, weeks, _ = lengths[0]
            start = fiscal_year_start(end, facts) if months == 12 and not weeks else \
                period_start(end, months, weeks, facts.fiscal_year_end)
            return ColumnPeriod(Duration(start, end), f"heading '{label}'")
        return ColumnPeriod(Instant(end), f"heading '{label}'")
    if facts.document_type != "10-K":
        return None
    end = fiscal_year_end_near(_shift_year(facts.period_end, (latest or year) - year), facts)
    return ColumnPeriod(Duration(fiscal_year_start(end, facts), end),
                        f"heading '{label}': the fiscal year ending {end:%B %-d, %Y}", open=True)


def fiscal_year_start(end: dt.date, facts: DocumentFacts) -> dt.date:
    """A fiscal year's first day. A 52/53-week year (ending off a month end) starts the day
    after the year before ends: the date the document names about 52 weeks earlier (a 53-week
    year's start is one week further back), else 52 weeks back."""
    if is_month_end(end) or 7 < end.day < 24:
        return period_start(end, 12, 0, facts.fiscal_year_end)
    return fiscal_year_end_near(end - dt.timedelta(days=364), facts) + dt.timedelta(days=1)


DATE_ONLY = re.compile(r"^(?:as of |at )?" + DATE.pattern + r"$", re.I)


@lru_cache(maxsize=16384)  # asked of a row's label by detection and mapping, several times each
def row_balance_date(label: str) -> dt.date | None:
    """'Balance as of December 31, 2020' (or the date alone, 'March 28, 2025', or a balance
    named with its date, 'Goodwill - January 1, 2023') -> that date; None for other rows.
    Kept per label."""
    if not BALANCE_ROW.search(label) and not DATE_ONLY.match(label.strip(" :")) and \
            not NAMED_BALANCE.match(label.strip(" :")) and not BALANCE_WORD_DATE.match(label.strip(" :")):
        return None
    return last_full_date(label)


def row_flow_span(label: str, facts: DocumentFacts) -> Duration | None:
    """The span a roll-forward's flow row names in its label ("Costs incurred for the six
    months ended December 31, 2024"), else None."""
    if not FLOW_SPAN.search(label):
        return None
    end, lengths = last_full_date(label), lengths_in(label)
    if end is None or len(lengths) != 1 or end > facts.period_end:
        return None
    months, weeks, _ = lengths[0]
    return Duration(period_start(end, months, weeks, facts.fiscal_year_end), end)


# "Year ended December 31, 2022", "Fiscal year ended February 2, 2025", "Fiscal 2024", "2024"
YEAR_SPAN_ROW = re.compile(r"^(?:(?:fiscal\s+)?years?\s+ended\s.*(?:19|20)\d\d|(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d)$", re.I)


def row_years(labels: list[str], facts: DocumentFacts) -> list[Duration] | None:
    """The fiscal years rows name, one per label ("Year ended December 31, 2022" over "Year
    ended December 31, 2023"; "Fiscal 2024" over "Fiscal 2023" in a 10-K, the latest the
    document's own year): None where a label names no year, names one after the document's,
    or where fewer than two rows do."""
    texts = [label.strip(" :") for label in labels]
    if len(texts) < 2 or not all(YEAR_SPAN_ROW.match(t) for t in texts):
        return None
    ends = [last_full_date(t) for t in texts]
    if None in ends:  # a year alone: a 10-K's years, counted back from its own
        if facts.document_type != "10-K":
            return None
        years = [int(YEAR_DIGITS.findall(t)[-1]) for t in texts]
        latest, end = max(years), facts.period_end
        by_year = {latest: end}
        for y in range(latest - 1, min(years) - 1, -1):
            by_year[y] = end = fiscal_year_end_near(end - dt.timedelta(days=364), facts)
        ends = [by_year[y] for y in years]
    if any(end > facts.period_end for end in ends):
        return None
    return [Duration(fiscal_year_start(end, facts), end) for end in ends]


# "First quarter", "Second Fiscal Quarter [b]", "Q3": a row of one quarter of its columns' span
QUARTER_ROW = re.compile(r"^(?:(?P<word>first|second|third|fourth)|(?P<nth>[1-4])(?:st|nd|rd|th))\s+(?:fiscal\s+)?quarter"
                         r"|^q(?P<q>[1-4])$", re.I)
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
TRAILING_MARK = re.compile(r"\s*(?:\[\w\]|\(\w\)|\*+)\s*$")
WORD_QUARTER = re.compile(r"\w+\s+(?:fiscal\s+)?quarter", re.I)


@lru_cache(maxsize=16384)  # asked for every number of a note's rows
def row_quarter(label: str) -> int | None:
    """The quarter a row's label names alone (a footnote mark aside), else None. Kept per
    label."""
    text = TRAILING_MARK.sub("", label.strip(" :"))
    found = QUARTER_ROW.match(text)
    if found is None or (found.group("q") is None and not WORD_QUARTER.fullmatch(text)):
        return None
    return QUARTERS[found.group("word").lower()] if found.group("word") else int(found.group("nth") or found.group("q"))


def default_duration(facts: DocumentFacts) -> Duration:
    """The fiscal year-to-date period ending at the period end (the cash flow period)."""
    end = facts.period_end
    if facts.document_type == "10-K":
        return Duration(fiscal_year_start(end, facts), end)
    fy_m, fy_d = facts.fiscal_year_end
    fy_end = _latest_on_or_before(fy_m, fy_d, end - dt.timedelta(days=1))
    return Duration(fy_end + dt.timedelta(days=1), end)
