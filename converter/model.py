"""The data passed between stages: plain frozen dataclasses, no behaviour beyond naming.

Pipeline: readers -> ``Document`` (raw blocks and tables), detect -> ``Filing`` (typed
tables with periods and scale), mapping -> ``Fact`` list, build -> ``Report`` (facts plus
contexts, units and the extension taxonomy), writers -> files.

Money and every other number is ``Decimal``: a float never touches a reported value.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

# --- names -------------------------------------------------------------------------

NS = {
    "xbrli": "http://www.xbrl.org/2003/instance",
    "iso4217": "http://www.xbrl.org/2003/iso4217",
    "us-gaap": "http://fasb.org/us-gaap/2024",
    "srt": "http://fasb.org/srt/2024",
    "dei": "http://xbrl.sec.gov/dei/2024",
    "country": "http://xbrl.sec.gov/country/2024",
    "xbrldi": "http://xbrl.org/2006/xbrldi",
}


@dataclass(frozen=True, order=True)
class QName:
    """A concept, axis, member or measure name. Equal by namespace and local name."""

    namespace: str
    local: str
    prefix: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.prefix}:{self.local}" if self.prefix else self.local

    def __hash__(self) -> int:
        """The local name's hash (equal names share it): the generated hash built a tuple of
        both fields on every call, and a filing hashes names some 20,000 times."""
        return hash(self.local)

    @property
    def clark(self) -> str:
        return f"{{{self.namespace}}}{self.local}"

    @classmethod
    def std(cls, prefixed: str) -> QName:
        """A name in one of the standard families, e.g. ``QName.std("us-gaap:Assets")``."""
        prefix, _, local = prefixed.partition(":")
        if prefix not in NS or not local:
            raise ValueError(f"not a standard prefixed name: {prefixed!r}")
        return cls(NS[prefix], local, prefix)


# --- periods -----------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Instant:
    """A point in time: the end of the given day (XBRL instant)."""

    date: dt.date

    def __str__(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True, order=True)
class Duration:
    """A span of days, both ends inclusive, as XBRL startDate/endDate are written."""

    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(f"duration ends before it starts: {self.start} > {self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def months(self) -> int:
        """Length in whole months, rounded (13 weeks -> 3, 52 weeks -> 12)."""
        return max(1, round(self.days / 30.44))

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


Period = Instant | Duration


# --- units -------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """An XBRL unit: measures multiplied, optionally divided (USD per share)."""

    id: str
    numerators: tuple[QName, ...]
    denominators: tuple[QName, ...] = ()

    def __post_init__(self):
        # the hash, made once (as Context's): a fact's unit is part of every key it is grouped by
        object.__setattr__(self, "_hash", hash((self.id, self.numerators, self.denominators)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        """Pickled (and copied) by its fields: the kept hash holds in this process only."""
        return Unit, (self.id, self.numerators, self.denominators)

    def __str__(self) -> str:
        num = "*".join(str(m) for m in self.numerators)
        return f"{num}/{'*'.join(str(m) for m in self.denominators)}" if self.denominators else num


USD = Unit("USD", (QName.std("iso4217:USD"),))
SHARES = Unit("shares", (QName.std("xbrli:shares"),))
USD_PER_SHARE = Unit("USD_per_share", (QName.std("iso4217:USD"),), (QName.std("xbrli:shares"),))
PURE = Unit("pure", (QName.std("xbrli:pure"),))


# --- contexts ----------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Entity:
    scheme: str
    identifier: str


SEC_CIK_SCHEME = "http://www.sec.gov/CIK"


@dataclass(frozen=True)
class Context:
    """Entity, period and explicit dimensions ((axis, member) pairs, sorted)."""

    entity: Entity
    period: Period
    dimensions: tuple[tuple[QName, QName], ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "dimensions", tuple(sorted(self.dimensions)))
        # the hash (the one a frozen dataclass has), made once: contexts key the groupings of
        # a filing's facts, tens of thousands of look-ups, each hashing an entity, a period
        # and every name of the dimensions in Python
        object.__setattr__(self, "_hash", hash((self.entity, self.period, self.dimensions)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        """Pickled (and copied) by its fields: the kept hash holds in this process only."""
        return Context, (self.entity, self.period, self.dimensions)


# --- concepts ----------------------------------------------------------------------


class PeriodType(str, Enum):
    INSTANT = "instant"
    DURATION = "duration"


@dataclass(frozen=True)
class Concept:
    """A taxonomy concept as the mapper and the writers need it."""

    qname: QName
    period_type: PeriodType
    data_type: str  # local name of the XBRL type: monetaryItemType, sharesItemType, ...
    balance: str | None = None  # "debit", "credit" or None
    label: str = ""
    extension: bool = False

    @property
    def is_monetary(self) -> bool:
        return self.data_type == "monetaryItemType"

    @property
    def is_per_share(self) -> bool:
        return self.data_type == "perShareItemType"

    @property
    def is_shares(self) -> bool:
        return self.data_type == "sharesItemType"


# --- source documents --------------------------------------------------------------


class InputKind(str, Enum):
    TEXT = "text"
    HTML = "html"
    IXBRL = "ixbrl"


@dataclass(frozen=True)
class RawCell:
    """One cell as read: its text, the number it holds (None if blank) and where it is."""

    text: str
    value: Decimal | None
    negative_shown: bool = False  # shown in parentheses or with a minus: presentation, not XBRL sign
    is_dash: bool = False  # "—": a shown zero
    percent: bool = False  # "21.0 %": a rate, whose XBRL value is the shown number over 100
    locator: str = ""  # reader-specific address (text: "line:col", html: element path/id)
    # a range's upper end ("4.80% - 4.95%": ``value`` is 4.80, ``high`` the cell of 4.95)
    high: RawCell | None = None

    @property
    def shown(self) -> Decimal | None:
        """The number as the reader sees it: parentheses read as a minus (not the XBRL sign)."""
        if self.value is None:
            return None
        return -self.value if self.negative_shown else self.value


@dataclass(frozen=True)
class RawRow:
    label: str
    cells: tuple[RawCell | None, ...]  # None where the row has no cell in that column
    line: int  # 1-based line (text) or row ordinal in the document (html)
    notes: tuple[str, ...] = ()  # how the row was read: wrapped label, empty cell placed by spacing...
    label_locator: str = ""  # where the label is (html: its element), for numbers printed inside it
    # a label spread over several cells: (text, locator) of each (html), for numbers inside them
    label_cells: tuple[tuple[str, str], ...] = ()
    year: int | None = None  # "Beauty | 2025 | $3,490": a column of years dates the row's figures
    # words left of each value column other than the label ("Prepaid expenses and other
    # current assets" in a column captioned "Balance sheet location"), "" where none (html)
    column_texts: tuple[str, ...] = ()
    # how far right the label starts (html: its cell's grid column and the CSS and no-break
    # spaces that indent it, in points), None where the reader cannot tell (copied text)
    indent: float | None = None


@dataclass(frozen=True)
class RawTable:
    """A table as the reader found it: header lines, rows, and the prose before it."""

    index: int
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    ncols: int
    context_before: tuple[str, ...] = ()  # nearby paragraphs in document order: titles, "in thousands", captions
    # the paragraph stating the scale ("in millions"): the last nearby one that does, else one
    # further up (the HTML reader; the text reader leaves it to the paragraph right above)
    scale_text: str = ""
    locator: str = ""
    item: str = ""  # the form's item heading the table sits under ("Item 1. Financial Statements")
    # Per value column, the header cells above it, top to bottom (a cell spanning several
    # columns stands over each): "2024" / "Gross Carrying Amount". Empty where the reader
    # cannot see the grid (copy-paste text).
    column_headers: tuple[tuple[str, ...], ...] = ()
    text_caption: str = ""  # the header over the rows' column_texts ("Balance sheet location")


@dataclass(frozen=True)
class Document:
    """A read input: its kind, its prose, its tables; ``native`` keeps the parsed source (html),
    which the in-place writer tags where it is: a document's inline XBRL is written once."""

    path: str
    kind: InputKind
    text: str
    tables: tuple[RawTable, ...]
    sha256: str
    native: object = field(default=None, compare=False, repr=False)
    # html: the element of ``native`` each locator of the tables names
    elements: dict | None = field(default=None, compare=False, repr=False)
    # html: ``native`` surely holds no character XML cannot (see converter.readers.html.read_html)
    clean: bool = field(default=False, compare=False, repr=False)


# --- detected statements -----------------------------------------------------------


class StatementKind(str, Enum):
    BALANCE = "balance"
    INCOME = "income"
    COMPREHENSIVE = "comprehensive"
    EQUITY = "equity"
    CASHFLOW = "cashflow"
    NOTE = "note"

    @property
    def primary(self) -> bool:
        return self is not StatementKind.NOTE


@dataclass(frozen=True)
class Column:
    """A value column: its period (and how it was found) and any dimension it stands for."""

    index: int
    header: str
    period: Period
    period_evidence: str
    members: tuple[tuple[QName, QName], ...] = ()
    is_shares: bool = False  # a share-count column (equity statements)
    component: str = ""  # equity component key, e.g. "common_stock"
    label: str = ""  # the column's own caption when it is not a period ("Level 1", "Americas")
    # the header named a year or nothing: the row's concept says whether it is a date or a span
    period_open: bool = False
    # the scale the column's own caption names where the others name none ("Aggregate
    # intrinsic value (in millions)" beside "Options" and a price): it holds for that column
    scale: int | None = None


# Facts read from a number inside a row's label name the column LABEL_COLUMN + k (k-th number),
# and the upper end of a range a cell shows ("4.80% - 4.95%") the column HIGH_COLUMN + c, so
# every fact keeps one (table, row, column) address.
LABEL_COLUMN = 1000
HIGH_COLUMN = 2000


def in_label(column: int) -> bool:
    """Whether a fact's column names a number printed inside its row's label."""
    return LABEL_COLUMN <= column < HIGH_COLUMN


def value_column(column: int) -> int:
    """The value column a fact's column names: a range's upper end is its cell's column."""
    return column - HIGH_COLUMN if column >= HIGH_COLUMN else column


@dataclass(frozen=True)
class LabelNumber:
    """A number printed inside a row's label: '1,400,000,000 shares authorized', '$0.01 par
    value', 'net of allowances of $14 and $16'. ``column`` is the value column whose date it
    belongs to; ``scale`` the power of ten it is shown in. A single number stated for every
    date (shares authorized) is one LabelNumber per column, the later ones ``repeats`` of
    the first: the writers nest their tags around the one printed number."""

    cell: RawCell  # the number as shown, at the label's locator
    kind: str  # par_value, authorized, issued, outstanding, issued_outstanding, treasury, allowance, ...
    column: int
    scale: int = 0
    repeats: int | None = None  # one printed number true at every column's date: the label number it repeats
    klass: str = ""  # the class of stock a count in "(Class A 5,899, Class B 870)" is of


@dataclass(frozen=True)
class LineItem:
    """A row of a statement with its place: section heading, depth, total or not."""

    index: int
    label: str
    cells: tuple[RawCell | None, ...]
    section: str = ""
    is_total: bool = False
    is_abstract: bool = False  # a heading row with no numbers
    line: int = 0
    notes: tuple[str, ...] = ()
    period_override: Period | None = None  # "Balance as of ..." rows, "beginning of period" rows
    period_evidence: str = ""  # how period_override was found
    period_open: bool = False  # period_override names a year only: the concept says date or span
    scale: int | None = None  # a row's own scale ("Net loss (in thousands)"), else the table's
    label_numbers: tuple[LabelNumber, ...] = ()
    year: int | None = None  # the year a column of years gives the row: its columns' periods in that year

    def cell_at(self, column: int) -> RawCell | None:
        """The cell of a value column, of a number inside the label (LABEL_COLUMN + k), or of
        the upper end of a range in a value column (HIGH_COLUMN + c)."""
        if column >= HIGH_COLUMN:
            cell = self.cell_at(value_column(column))
            return cell.high if cell is not None else None
        if column >= LABEL_COLUMN:
            k = column - LABEL_COLUMN
            return self.label_numbers[k].cell if k < len(self.label_numbers) else None
        return self.cells[column] if column < len(self.cells) else None


@dataclass(frozen=True)
class Table:
    index: int
    kind: StatementKind
    title: str
    columns: tuple[Column, ...]
    rows: tuple[LineItem, ...]
    scale: int  # power of ten: 3 for "in thousands"
    per_share_scale: int = 0
    shares_scale: int = 0
    raw: RawTable | None = field(default=None, compare=False, repr=False)

    @property
    def header_stacks(self) -> tuple[tuple[str, ...], ...]:
        """The header cells over each value column, top to bottom (none when the reader kept none)."""
        return self.raw.column_headers if self.raw is not None else ()


@dataclass(frozen=True)
class Filing:
    document: Document
    company: str
    document_type: str  # 10-Q, 10-K
    period_end: dt.date
    fiscal_year: int
    fiscal_period: str  # Q1..Q3, FY
    tables: tuple[Table, ...]
    cik: str | None = None
    prefix: str = ""  # company ticker-like prefix for extension names and files
    fiscal_year_end: tuple[int, int] = (12, 31)  # (month, day)
    skipped: tuple[str, ...] = ()  # tables of numbers left untagged, each with the reason


# --- facts -------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """Where a fact's number was read: table, row, column, and the reader's locator."""

    table: int
    row: int
    column: int
    locator: str = ""
    text: str = ""


@dataclass(frozen=True)
class Fact:
    """A numeric fact. ``value`` is the XBRL value (sign included, scale applied)."""

    concept: QName
    context: Context
    unit: Unit | None
    value: Decimal | None
    decimals: int | None = None
    source: SourceRef | None = None
    rule: str = ""
    confidence: float = 1.0
    label: str = ""
    scale: int = 0  # the scale the number was shown in (for ix:nonFraction)
    id: str = ""
    evidence: str = ""  # why the rule or match chose this concept, in words


# --- the tagged report -------------------------------------------------------------


@dataclass(frozen=True)
class CalcArc:
    """parent = sum of weight * child, checked on the facts before it is written."""

    parent: QName
    child: QName
    weight: int
    table: int  # the table it was inferred from (one calculation role per table)


@dataclass(frozen=True)
class ExtensionMember:
    """A company member (e.g. a revenue source) declared in the extension schema."""

    qname: QName
    label: str


@dataclass(frozen=True)
class Report:
    """Everything the writers need: the filing, its facts and the extension taxonomy.

    ``concepts`` holds every concept a fact uses (standard and extension), keyed by
    QName. ``presentation`` lists, per table index, the concepts in row order, for the
    presentation linkbase. ``dei`` holds the hidden document facts (name -> text).
    """

    filing: Filing
    facts: tuple[Fact, ...]
    concepts: dict
    calculations: tuple[CalcArc, ...]
    presentation: dict
    members: tuple[ExtensionMember, ...]
    dei: dict
    namespace: str  # the extension namespace
    prefix: str  # the extension prefix, also the file name stem's first part
    entity: Entity

