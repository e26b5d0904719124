"""Dates in filings: parsing "June 30, 2021", month arithmetic, period lengths in words."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from converter.model import Duration, Instant

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_NAME = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# MONTH_NAME not after a letter, written so that a pattern can start with it and still be
# scanned fast: under IGNORECASE the regex engine tries a match at every position, but a
# case-sensitive set of first letters lets it skip to candidates (5x faster over a
# filing's prose); each branch then checks its own first letter, and the letters IGNORECASE
# would also let through ("ſ" for "s") are in the set. Same matches as the plain pattern.
_MONTH_AT_START = (
    r"(?-i:[JFMASONDjfmasondſ])(?<![A-Za-z].)(?:(?<=[Jj])an(?:uary)?|(?<=[Ff])eb(?:ruary)?|(?<=[Mm])ar(?:ch)?"
    r"|(?<=[Aa])pr(?:il)?|(?<=[Mm])ay|(?<=[Jj])une?|(?<=[Jj])uly?|(?<=[Aa])ug(?:ust)?|(?<=[Ssſ])ep(?:t(?:ember)?)?"
    r"|(?<=[Oo])ct(?:ober)?|(?<=[Nn])ov(?:ember)?|(?<=[Dd])ec(?:ember)?)\.?")
DATE = re.compile(r"(?P<month>" + _MONTH_AT_START + r")\s+(?P<day>\d{1,2})(?:\s*,\s*|\s+)?(?P<year>(?:19|20)\d\d)?(?!\d)",
                  re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # a year's digits, even run into others
# A capital starting a word right after a lowercase letter, digit, "." or ",": matched on the
# capital itself (and put back after a space) so the regex engine can skip to capitals.
CASE_CHANGE = re.compile(r"([A-Z])(?<=[a-z0-9.,][A-Z])(?=[a-z])")
# A month in capitals run into capitals before it, a day after it ("BALANCE SHEET LOCATIONMAY
# 31,"): the month starts a word (put back after a space).
CAPITALS_MONTH = re.compile(r"(?<=[A-Z])(JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
                            r"DECEMBER)(?=\s+\d{1,2}\b)")

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "sixteen": 16, "twenty-four": 24,
    "twenty-six": 26, "twenty six": 26, "thirty-nine": 39, "thirty nine": 39, "fifty-two": 52,
    "fifty two": 52, "fifty-three": 53, "fifty three": 53, "forty": 40, "twenty": 20,
}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
LENGTH = re.compile(
    r"(?:" + _COUNT + r"[\s-]+(?P<unit>months?|weeks?|quarters?)\s+(?:period\s+)?ended"
    r"|(?P<year>(?:fiscal\s+)?years?)\s+ended|(?P<quarter>quarters?)\s+ended)",
    re.IGNORECASE,
)
# LENGTH without IGNORECASE, for ASCII text in lower case (where it finds the same matches):
# a case-blind pattern compares each of its thirty-odd counts at every position of the text,
# a case-sensitive one turns most of them away on their first letter
LENGTH_LOWER = re.compile(LENGTH.pattern)


# Texts up to this long (labels, header lines, captions) are read once each (_short_text_dates,
# _short_text_lengths): detection asks of the same ones again and again, but a document's
# prose is asked of once and is not kept.
SHORT_TEXT = 500


def parse_dates(text: str) -> list[tuple[int, int, int | None, int]]:
    """All dates in text as (month, day, year or None, position)."""
    return list(_short_text_dates(text)) if len(text) <= SHORT_TEXT else _dates(text)


@lru_cache(maxsize=8192)
def _short_text_dates(text: str) -> tuple[tuple[int, int, int | None, int], ...]:
    return tuple(_dates(text))


def _dates(text: str) -> list[tuple[int, int, int | None, int]]:
    out = []
    # Header cells run together ("amountsJun. 30,2025Dec. 31,2024"): split at case changes.
    text = CAPITALS_MONTH.sub(r" \1", CASE_CHANGE.sub(r" \1", text))
    for m in DATE.finditer(text):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else None
        out.append((month, day, year, m.start()))
    return out


def period_end(period) -> dt.date:
    """The last day of an Instant or Duration."""
    return period.date if isinstance(period, Instant) else period.end


def in_year(period, year: int):
    """The period (Instant or Duration) moved by whole years to end in ``year``: a row
    dated by a column of years ("Beauty | 2024 | ...") under columns of one year."""
    shift = year - period_end(period).year

    def moved(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year + shift)
        except ValueError:  # February 29 into a common year
            return day.replace(year=day.year + shift, day=28)
    return Instant(moved(period.date)) if isinstance(period, Instant) else Duration(moved(period.start), moved(period.end))


def quarter_of(period, quarter: int):
    """The ``quarter``-th quarter (1-4) of a span of two quarters or more ("First quarter"
    under "Six Months Ended June 30, 2025"), else the period as it is. A span that opens on a
    month's first day has quarters of three months, one of a 52/53-week year quarters of 13
    weeks, the last running to the span's end."""
    if not isinstance(period, Duration) or period.months < 6 or 3 * quarter > period.months + 1:
        return period

    def end_of(k: int) -> dt.date:
        if 3 * k >= period.months:
            return period.end
        if period.start.day == 1:
            month = period.start.month - 1 + 3 * k
            return dt.date(period.start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return period.start + dt.timedelta(days=91 * k - 1)
    start = period.start if quarter == 1 else end_of(quarter - 1) + dt.timedelta(days=1)
    return Duration(start, end_of(quarter))


def make_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def last_full_date(text: str) -> dt.date | None:
    """The last date with its year that the text names ("Outstanding at December 31, 2023")."""
    dated = [(m, d, y) for (m, d, y, _) in parse_dates(text) if y]
    if not dated:
        return None
    m, d, y = dated[-1]
    return make_date(y, m, d)


def is_month_end(d: dt.date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def start_for(end: dt.date, months: int = 0, weeks: int = 0) -> dt.date:
    """The first day of a period of the given length that ends on ``end``."""
    if weeks:
        return end - dt.timedelta(days=7 * weeks - 1)
    y, m = end.year, end.month - months
    while m <= 0:
        m += 12
        y -= 1
    if is_month_end(end):
        return make_date(y, m, 31) + dt.timedelta(days=1)
    if end.day >= 28 and calendar.monthrange(y, m)[1] - end.day <= 3:
        # 52/53-week calendars end near a month end: the period starts the day after
        # the same weekday-ish date months earlier.
        return make_date(y, m, end.day) + dt.timedelta(days=1)
    return make_date(y, m, end.day) + dt.timedelta(days=1)


def lengths_in(text: str) -> list[tuple[int, int, int]]:
    """Period lengths named in text, as (months, weeks, position)."""
    return list(_short_text_lengths(text)) if len(text) <= SHORT_TEXT else _lengths(text)


@lru_cache(maxsize=8192)
def _short_text_lengths(text: str) -> tuple[tuple[int, int, int], ...]:
    return tuple(_lengths(text))


def _lengths(text: str) -> list[tuple[int, int, int]]:
    out = []
    lowered = text.lower()
    if "ended" not in lowered:  # in every LENGTH: most header text has none
        return out
    for m in LENGTH_LOWER.finditer(lowered) if text.isascii() else LENGTH.finditer(text):
        if m.group("year"):
            out.append((12, 0, m.start()))
        elif m.group("quarter"):
            out.append((3, 0, m.start()))
        else:
            c = m.group("count").lower()
            n = int(c) if c.isdigit() else WORD_NUMBERS[c]
            unit = m.group("unit").lower()
            if unit.startswith("week"):
                out.append((0, n, m.start()))
            elif unit.startswith("quarter"):
                out.append((3 * n, 0, m.start()))
            else:
                out.append((n, 0, m.start()))
    return out


def period_start(end: dt.date, months: int = 0, weeks: int = 0,
                 fiscal_year_end: tuple[int, int] = (12, 31)) -> dt.date:
    """The first day of a period of ``months`` (or ``weeks``) that ends on ``end``.

    Periods that end a few days before a month end belong to 52/53-week calendars: their
    quarters are 13 weeks, so 3, 6 and 9 months are 13, 26 and 39 weeks; except that the
    year to date of a fiscal year ending on a month end (December 31) starts the day after it.
    """
    by_month = start_for(end, months, weeks)
    near_month_end = end.day >= 25 and not is_month_end(end)
    if weeks or months % 3 or months >= 12 or not near_month_end:
        return by_month
    fy_month, fy_day = fiscal_year_end
    if fy_day == calendar.monthrange(2001, fy_month)[1]:
        year_end = make_date(end.year, fy_month, fy_day)
        if year_end >= end:
            year_end = make_date(end.year - 1, fy_month, fy_day)
        if abs((year_end + dt.timedelta(days=1) - by_month).days) <= 7:
            return year_end + dt.timedelta(days=1)
    return end - dt.timedelta(days=7 * 13 * months // 3 - 1)
