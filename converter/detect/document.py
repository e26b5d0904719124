"""Document-level facts: form type, period end, fiscal calendar, registrant name.

Everything here is read from the prose and the table headers, with the evidence kept so
the mapping report can say how each period was found.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from converter.detect.dates import DATE, MONTHS, YEAR_DIGITS, lengths_in, make_date, parse_dates
from converter.errors import PeriodError
from converter.model import Document

# Patterns that would start with a word under IGNORECASE start with a case-sensitive set of
# first letters instead (and each branch checks its own): the regex engine can then skip to
# candidate positions, as in converter.detect.dates.DATE. Same matches.
ENDED_DATE = re.compile(
    r"(?-i:[MmWwQqYyPp])(?:(?<=[Mm])onths?|(?<=[Ww])eeks?|(?<=[Qq])uarters?|(?<=[Yy])ears?|(?<=[Pp])eriod)"
    r"\s+ended\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d)"
    r"(?P<more>(?:\s*(?:,|and)\s*(?:19|20)\d\d)*)",
    re.IGNORECASE,
)
# The cover page's own statement of the period: "For the quarterly period ended June 30, 2025",
# "For the fiscal year ended December 31, 2024", in the document's first pages.
COVER_PERIOD = re.compile(
    r"\bfor\s+the\s+(?:fiscal\s+)?(?:year|quarterly\s+period|quarter|period|transition\s+period)\s+ended\s+"
    r"(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d)", re.IGNORECASE)
COVER_CHARS = 6000
AS_OF_DATE = re.compile(r"\bas\s+of\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d)", re.IGNORECASE)
COMPANY = re.compile(
    r"\b((?:[A-Z][\w&'’.-]*\s+){0,5}?[A-Z][\w&'’.-]*,?\s+(?:Inc\.|Incorporated|Corporation|Corp\.|Company|Co\.|"
    r"Ltd\.|Limited|LLC|L\.P\.|plc|N\.V\.|S\.A\.|Holdings,?\s+Inc\.))"
)
# a cover or a statement's heading in capitals: "CLOUDWAVE SOFTWARE, INC."
COMPANY_CAPITALS = re.compile(r"^\s*((?:[A-Z][A-Z0-9&'’.-]*\s+){0,5}?[A-Z][A-Z0-9&'’.-]*,?\s+(?:INC\.|INCORPORATED|"
                              r"CORPORATION|CORP\.|COMPANY|CO\.|LTD\.|LIMITED|LLC|L\.P\.|PLC|N\.V\.|S\.A\.))\s*$", re.M)
LOWER_IN_NAMES = frozenset(("llc", "plc"))
QUARTERLY = re.compile(r"\b(?:quarterly\s+report|form\s+10-q|transition\s+report\s+on\s+form\s+10-q)\b", re.I)
ANNUAL = re.compile(r"\b(?:annual\s+report|form\s+10-k)\b", re.I)
# "\bthis": a "t" or "T" not after a word character
THIS_REPORT = re.compile(r"(?-i:[Tt])(?<!\w.)his\s+(?:(quarterly\s+report|(?:report\s+on\s+)?form\s+10-q)|"
                         r"(annual\s+report|(?:report\s+on\s+)?form\s+10-k))", re.I)
# "(fiscal) year(s) ended June 30": only the date is used, so the optional "fiscal" is left
# out of the pattern, which then starts with a letter the regex engine can look for (4x faster).
YEAR_ENDED = re.compile(r"years?\s+ended\s+([A-Z][a-z]+\.?\s+\d{1,2})", re.I)
LEADING_FILLER = re.compile(r"^(?:(?:about|of|by|the|and|in|for)\s+)+", re.I)  # before a registrant's name


@dataclass(frozen=True)
class DocumentFacts:
    document_type: str
    period_end: dt.date
    period_end_evidence: str
    fiscal_year_end: tuple[int, int]  # (month, day)
    fiscal_year: int
    fiscal_period: str
    company: str
    years_descending: bool  # "2021 and 2020": current year first
    text: str = field(default="", repr=False, compare=False)  # the prose and table headers dates are read from

    @cached_property
    def dates(self) -> frozenset:
        """Every full date the document names (for the ends of 52/53-week fiscal years):
        read on first use, which most filings never need."""
        return frozenset(make_date(y, m, d) for (m, d, y, _) in parse_dates(self.text) if y)


@lru_cache(maxsize=4096)  # a cover and its statements name the same few dates hundreds of times
def _date_of(text: str) -> dt.date | None:
    m = DATE.search(text)
    if not m or not m.group("year"):
        return None
    try:
        return make_date(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
    except ValueError:
        return None


def _cover_period_end(text: str) -> dt.date | None:
    """The date of the cover's "For the quarterly period ended June 30, 2025" (or "fiscal
    year ended"), when the document's opening holds one: it names the period outright, where
    counting "ended <date>" phrases can favour the oldest year of a three-year statement."""
    m = COVER_PERIOD.search(text, 0, COVER_CHARS)
    return _date_of(m.group("date")) if m else None


def _lowered(text: str) -> str | None:
    """``text`` lowered one character for one (positions agree), else None. "İ" is the one
    character ``str.lower`` makes two of ("i̇"): it becomes the "i" IGNORECASE matches it to,
    where it made Coca-Cola's 10-Q ("Coca-Cola İçecek") fall back to full regex scans."""
    lowered = (text.replace("İ", "i") if "İ" in text else text).lower()
    return lowered if len(lowered) == len(text) else None


# ENDED_DATE and YEAR_ENDED match a word, whitespace, then "ended", and THIS_REPORT starts
# with "this": their matches are looked for only where the lowered text has those words (a
# few hundred places in a filing), where the regex engine tried one at every letter that
# could start them. The lowered text has "ended" exactly where IGNORECASE finds it (no
# other character matches its letters), and "this" too unless the text holds "ı" or "ſ"
# (which IGNORECASE matches to "i" and "s", but which lower to themselves).
def _ended_matches(pattern: re.Pattern, text: str, lowered: str | None, shortest: int, longest: int) -> list[re.Match]:
    """``pattern.finditer(text)``'s matches, for a pattern whose matches are a word of
    ``shortest`` to ``longest`` letters, whitespace, "ended" and what follows that: from
    each "ended", back over the whitespace before it, the word starts where one of those
    lengths puts it. ``lowered`` is ``_lowered`` of ``text`` or of a text ``text`` begins."""
    if lowered is None:
        return list(pattern.finditer(text))
    found: list[re.Match] = []
    end = 0  # where the last match ended: the next one starts there or after
    at = lowered.find("ended", 0, len(text))
    while at >= 0:
        word_end = at
        while word_end > 0 and text[word_end - 1].isspace():
            word_end -= 1
        if word_end < at:  # whitespace before "ended"
            for start in range(max(end, word_end - longest), word_end - shortest + 1):
                m = pattern.match(text, start)
                if m:
                    found.append(m)
                    end = m.end()
                    break
        at = lowered.find("ended", max(at + 1, end), len(text))
    return found


def _this_report_matches(text: str, lowered: str | None) -> list[re.Match]:
    """``THIS_REPORT.finditer(text)``'s matches, each at a "this" (see ``_ended_matches``)."""
    if lowered is None or "ı" in text or "ſ" in text:
        return list(THIS_REPORT.finditer(text))
    found: list[re.Match] = []
    at = lowered.find("this", 0, len(text))
    while at >= 0:
        m = THIS_REPORT.match(text, at)
        if m:
            found.append(m)
        at = lowered.find("this", m.end() if m else at + 1, len(text))
    return found


def _period_end(text: str, lowered: str | None = None) -> tuple[dt.date, str, bool]:
    """(period end, evidence, years descending); ``lowered`` is ``_lowered(text)`` when the caller has it."""
    ended = Counter()
    descending_votes = 0
    for m in _ended_matches(ENDED_DATE, text, lowered if lowered is not None else _lowered(text), 4, 8):
        d = _date_of(m.group("date"))
        if d is None:
            continue
        ended[d] += 1
        more = [int(y) for y in YEAR_DIGITS.findall(m.group("more") or "")]
        if more:
            descending_votes += 1 if more[0] < d.year else -1
    if (cover := _cover_period_end(text)) is not None:
        return cover, f'the cover\'s "for the ... ended {cover:%B %-d, %Y}"', descending_votes >= 0
    if ended:
        top = max(ended.values())
        best = max(d for d, n in ended.items() if n == top)
        return best, f'"... ended {best:%B %-d, %Y}" named {top} time(s) in the text', descending_votes >= 0
    as_of = Counter(d for d in (_date_of(m.group("date")) for m in AS_OF_DATE.finditer(text)) if d)
    if as_of:
        best = max(as_of)
        return best, f'latest "as of {best:%B %-d, %Y}" in the text', True
    raise PeriodError("cannot find the period the document reports on (no 'months ended <date>' "
                      "or 'as of <date>' phrase)")


def _document_type(text: str, header_text: str, lowered: str | None) -> str:
    # one pass for both phrases: each match starts at "this", so neither hides the other
    kinds = Counter("q" if m.group(1) else "a" for m in _this_report_matches(text, lowered))
    q, a = kinds["q"], kinds["a"]
    if q != a:
        return "10-Q" if q > a else "10-K"
    months = [mo for mo, wk, _ in lengths_in(header_text)]
    if months and min(months) < 12:
        return "10-Q"
    if months:
        return "10-K"
    q, a = len(QUARTERLY.findall(text[:20000])), len(ANNUAL.findall(text[:20000]))
    return "10-Q" if q >= a else "10-K"


def _fiscal_year_end(text: str, period_end: dt.date, doc_type: str, header_text: str,
                     lowered: str | None) -> tuple[int, int]:
    if doc_type == "10-K":
        return period_end.month, period_end.day
    years = Counter()
    for m in _ended_matches(YEAR_ENDED, text, lowered, 4, 5):
        md = DATE.search(m.group(1))
        if md:
            years[(MONTHS[md.group("month").lower().rstrip(".")], int(md.group("day")))] += 1
    if years:
        return years.most_common(1)[0][0]
    # the balance sheet's other column is the last fiscal year end
    for m in DATE.finditer(header_text):
        md = (MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
        if md != (period_end.month, period_end.day):
            return md
    return 12, 31


REGISTRANT_LINE = re.compile(r"^\s*(?P<name>[^\n]{2,120}?)\s*\n[^\n]*\(exact name of registrant", re.I | re.M)


def _company(text: str) -> str:
    """The registrant: the line above "(Exact name of registrant as specified in its charter)"
    on a cover page, else the first company name in the text (opening paragraphs name it,
    or a line in capitals on the cover: "CLOUDWAVE SOFTWARE, INC." is Cloudwave Software, Inc.)."""
    cover = REGISTRANT_LINE.search(text[:60000])
    if cover:
        name = " ".join(cover.group("name").split())
        return name.title() if name.isupper() else name
    found = [m for m in (COMPANY.search(text[:60000]), COMPANY_CAPITALS.search(text[:60000])) if m]
    if not found:
        return "Unknown Registrant"
    name = min(found, key=lambda m: m.start()).group(1).strip()
    name = " ".join(w if w.lower() in LOWER_IN_NAMES else w.title() for w in name.split()) if name.isupper() else name
    return LEADING_FILLER.sub("", name)


def document_facts(doc: Document, company: str | None = None) -> DocumentFacts:
    header_text = "\n".join(h for t in doc.tables for h in t.header)
    text = doc.text
    full = text + "\n" + header_text
    lowered = _lowered(full)  # its first len(text) characters are text's, lowered
    period_end, evidence, descending = _period_end(full, lowered)
    doc_type = _document_type(text, header_text, lowered)
    fy_month, fy_day = _fiscal_year_end(text, period_end, doc_type, header_text, lowered)
    fiscal_year = period_end.year if (period_end.month, period_end.day) <= (fy_month, fy_day) or \
        (period_end.month == fy_month) else period_end.year + 1
    if doc_type == "10-K":
        fiscal_period = "FY"
    else:
        elapsed = (period_end.month - fy_month) % 12 or 12
        fiscal_period = {3: "Q1", 6: "Q2", 9: "Q3"}.get(elapsed, f"Q{max(1, min(3, round(elapsed / 3)))}")
    return DocumentFacts(doc_type, period_end, evidence, (fy_month, fy_day), fiscal_year, fiscal_period,
                         company or _company(text), descending, full)
