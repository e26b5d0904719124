"""What the iXBRL, xBRL-JSON and taxonomy writers must agree on: prefixes, ids, values.

Fact ids, context ids and prefixes are derived here once, so the inline document and the
JSON name the same fact the same way (the round trip relies on ``f-{table}-{row}-{col}``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import weakref
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from converter.errors import OutputError
from converter.model import NS, Context, Duration, Fact, Instant, QName, Report, Unit

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSD = "http://www.w3.org/2001/XMLSchema"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"

# The hidden document facts, in the order EDGAR filings usually list them.
DEI_ORDER = (
    "DocumentType",
    "AmendmentFlag",
    "DocumentPeriodEndDate",
    "DocumentFiscalYearFocus",
    "DocumentFiscalPeriodFocus",
    "CurrentFiscalYearEndDate",
    "EntityRegistrantName",
    "EntityCentralIndexKey",
)


def fact_id(fact: Fact) -> str:
    """``f-{table}-{row}-{col}``: the id names the source cell, so readers can find it."""
    if fact.source is None:
        raise OutputError(f"fact {fact.concept} has no source cell; every fact must name one")
    return cell_id(fact.source.table, fact.source.row, fact.source.column)


def cell_id(table: int, row: int, column: int) -> str:
    return f"f-{table}-{row}-{column}"


def fact_decimals(fact: Fact) -> int:
    """The decimals to write; if the pipeline left them open, whole units of the shown scale."""
    return fact.decimals if fact.decimals is not None else -fact.scale


def dei_fact_id(local: str) -> str:
    return f"dei-{local}"


def dei_items(report: Report) -> list[tuple[QName, str]]:
    """The dei facts to write, known names first in EDGAR order, then any others sorted."""
    names = [n for n in DEI_ORDER if n in report.dei] + sorted(set(report.dei) - set(DEI_ORDER))
    return [(QName.std(f"dei:{name}"), str(report.dei[name])) for name in names]


def value_text(value: Decimal) -> str:
    """The exact decimal text of a value, never in exponent form, never ``-0``."""
    if value == 0:
        return "0"
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


T = TypeVar("T")


def by_identity(make: Callable[[object], T]) -> Callable[[object], T]:
    """``make``, keeping what it makes of an object the report's facts share (a name, period,
    unit, context or entity) by the object's identity: a look-up by value hashes a frozen
    dataclass in Python, several times per fact. Valid while the facts hold the objects, so
    for one writer's pass over them. A closure, not an object with ``__call__``: it is called
    several times per fact, and calling an instance costs twice as much."""
    made_by_id: dict[int, T] = {}

    def made(obj) -> T:
        found = made_by_id.get(id(obj))
        if found is None:
            found = made_by_id[id(obj)] = make(obj)
        return found

    return made


class Prefixes:
    """One prefix per namespace for every name a report uses; conflicts are errors."""

    # the last report's (a weak reference to it, its Prefixes): see ``of``
    _last: tuple[weakref.ref, Prefixes] | None = None

    @classmethod
    def of(cls, report: Report) -> Prefixes:
        """The report's prefixes, made once for the writers that all ask (taxonomy, inline
        XBRL, JSON), each of which walked every name of the report for them. Kept for the
        last report only, and only while it lives (a weak reference, compared by identity)."""
        last = cls._last
        if last is not None and last[0]() is report:
            return last[1]
        prefixes = cls(report)
        cls._last = (weakref.ref(report), prefixes)
        return prefixes

    def __init__(self, report: Report):
        self.map: dict[str, str] = dict(NS)
        self._by_ns = {ns: p for p, ns in NS.items()}
        self._add(report.prefix, report.namespace)
        for qname in _report_qnames(report):
            if qname.namespace not in self._by_ns:
                self._add(qname.prefix or f"ns{len(self.map)}", qname.namespace)

    def _add(self, prefix: str, namespace: str) -> None:
        if self.map.get(prefix, namespace) != namespace:
            raise OutputError(
                f"prefix {prefix!r} names two namespaces: {self.map[prefix]} and {namespace}"
            )
        self.map[prefix] = namespace
        self._by_ns.setdefault(namespace, prefix)

    def prefix(self, namespace: str) -> str:
        return self._by_ns[namespace]

    def name(self, qname: QName) -> str:
        """``prefix:local`` with this document's prefix for the name's namespace."""
        return f"{self._by_ns[qname.namespace]}:{qname.local}"


def _report_qnames(report: Report):
    """Every name the report uses, in the order of first use. The facts share their context
    and unit objects (a few hundred for thousands of facts): each one's names are given the
    first time only, as later they add nothing (three writers ask, each in every conversion)."""
    seen: set[int] = set()  # ids of the contexts and units given (all alive in the report)
    for fact in report.facts:
        yield fact.concept
        context, unit = fact.context, fact.unit
        if id(context) not in seen:
            seen.add(id(context))
            for axis, member in context.dimensions:
                yield axis
                yield member
        if unit is not None and id(unit) not in seen:
            seen.add(id(unit))
            yield from unit.numerators
            yield from unit.denominators
    yield from report.concepts
    for member in report.members:
        yield member.qname


def dei_context(report: Report) -> Context:
    """The document period: the longest plain duration ending at the period end.

    dei facts are duration concepts; EDGAR reports them for the fiscal year to date.
    Without such a fact the one-day period ending at the period end stands in.
    """
    end = report.filing.period_end
    plain = [f.context.period for f in report.facts if not f.context.dimensions]
    spans = [p for p in plain if isinstance(p, Duration) and p.end == end]
    period = min(spans, key=lambda p: p.start) if spans else Duration(end, end)
    return Context(report.entity, period)


def _period_key(period) -> tuple:
    if isinstance(period, Instant):
        return (0, period.date, period.date)
    return (1, period.start, period.end)


def _context_key(context: Context) -> tuple:
    dims = tuple((a.clark, m.clark) for a, m in context.dimensions)
    return (_period_key(context.period), dims, context.entity)


def context_ids(report: Report) -> dict[Context, str]:
    """Every context the report needs (facts and dei) -> a readable, stable id.

    ``c-I2021-06-30``, ``c-D2021-01-01-2021-06-30``; dimensional contexts add their
    members' names and a short hash of the full (axis, member) names.
    """
    # the facts share their context objects (see Mapper._context): one value hash per object
    contexts = set({id(f.context): f.context for f in report.facts}.values()) | {dei_context(report)}
    ids: dict[Context, str] = {}
    taken: dict[str, Context] = {}
    for context in sorted(contexts, key=_context_key):
        cid = _context_id(context)
        if cid in taken:
            raise OutputError(f"two contexts would share the id {cid}: {taken[cid]} and {context}")
        taken[cid] = context
        ids[context] = cid
    return ids


def _context_id(context: Context) -> str:
    period = context.period
    if isinstance(period, Instant):
        cid = f"c-I{period.date.isoformat()}"
    else:
        cid = f"c-D{period.start.isoformat()}-{period.end.isoformat()}"
    if context.dimensions:
        members = "-".join(m.local.removesuffix("Member") for _, m in context.dimensions)
        full = ";".join(f"{a.clark}={m.clark}" for a, m in context.dimensions)
        digest = hashlib.sha1(full.encode("utf-8")).hexdigest()[:6]
        cid = f"{cid}-{members[:48]}-{digest}"
    return cid


def units(report: Report) -> list[Unit]:
    """The distinct units of the facts, sorted by id; two units with one id are an error."""
    by_id: dict[str, Unit] = {}
    for fact in report.facts:
        if fact.unit is None:
            raise OutputError(f"fact {fact_id(fact)} ({fact.concept}) has no unit")
        if by_id.setdefault(fact.unit.id, fact.unit) != fact.unit:
            raise OutputError(f"two different units share the id {fact.unit.id!r}")
    return [by_id[k] for k in sorted(by_id)]


def oim_period(period) -> str:
    """xBRL-JSON period: datetimes, ends exclusive (instant 2021-06-30 -> 2021-07-01T00:00:00)."""

    def after(day: dt.date) -> str:
        return f"{(day + dt.timedelta(days=1)).isoformat()}T00:00:00"

    if isinstance(period, Instant):
        return after(period.date)
    return f"{period.start.isoformat()}T00:00:00/{after(period.end)}"
