"""The Inline XBRL 1.1 document: ``<stem>.htm``, strict XHTML with the facts tagged in the tables.

Text input is rendered as XHTML tables (title, a header row with each column's header and
period, one row per line item). A shown number with a fact becomes ``ix:nonFraction`` with
id ``f-{table}-{row}-{col}``; the number is displayed as in the source, parentheses and
currency signs outside the tag as EDGAR does, and the XBRL sign is carried by ``sign="-"``.
Before a fact is written its shown number, scaled, must equal the fact's magnitude, so a
document never states a value its reader would not get back.

HTML input is tagged in place instead (``converter.writers.inplace``): the user's own
document with the numbers wrapped, not a re-rendered table.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from lxml import etree

from converter import _atomic
from converter.errors import OutputError
from converter.model import HIGH_COLUMN, LABEL_COLUMN, Context, Fact, Instant, InputKind, LineItem, RawCell, Report, Table, Unit
from converter.writers import file_stem, register
from converter.writers._markup import attribute_text, parse, text_content
from converter.writers._xbrl import (
    by_identity,
    IX,
    IXT,
    LINK,
    XHTML,
    XLINK,
    Prefixes,
    context_ids,
    dei_context,
    dei_fact_id,
    dei_items,
    fact_decimals,
    fact_id,
    units,
)

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
DASHES = ("—", "–", "-")
DASH_RUN = re.compile(r"[—–\-−]+")
NUMBER_FORMAT = "ixt:num-dot-decimal"
ZERO_FORMAT = "ixt:fixed-zero"
SCALE_WORDS = {3: "thousands", 6: "millions", 9: "billions"}
MONTH_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 6: "Six", 9: "Nine", 12: "Twelve"}
STYLE = """
body { font-family: Georgia, serif; margin: 2em; }
table { border-collapse: collapse; margin-bottom: 2em; }
th, td { padding: 2px 8px; }
td.num { text-align: right; white-space: nowrap; }
th { text-align: center; vertical-align: bottom; border-bottom: 1px solid #000; }
tr.total td { border-top: 1px solid #000; font-weight: bold; }
tr.abstract td { font-weight: bold; }
p.caption { font-weight: bold; margin-bottom: 0; }
p.scale { font-style: italic; margin-top: 0; }
"""


def _h(tag: str) -> str:
    return f"{{{XHTML}}}{tag}"


def _el(parent, tag: str, attrib: dict | None = None, text: str | None = None):
    child = etree.SubElement(parent, tag, attrib or {})
    if text is not None:
        child.text = text
    return child


def period_phrase(period) -> str:
    """How a column's period reads: ``June 30, 2021`` or ``Three Months Ended June 30, 2021``."""
    if isinstance(period, Instant):
        return _date_words(period.date)
    months = period.months
    if months == 12:
        return f"Year Ended {_date_words(period.end)}"
    return f"{MONTH_WORDS.get(months, str(months))} Months Ended {_date_words(period.end)}"


def _date_words(day) -> str:
    return f"{day:%B} {day.day}, {day.year}"


class CellTagger:
    """Turns a source cell with its fact into the XHTML of a table cell (shared with the in-place writer)."""

    def __init__(self, report: Report, prefixes: Prefixes, contexts: dict[Context, str]):
        self.prefixes = prefixes
        self.contexts = contexts
        self.facts: dict[tuple[int, int, int], Fact] = {}
        for fact in report.facts:
            cell_id = fact_id(fact)  # raises if the fact names no cell
            key = (fact.source.table, fact.source.row, fact.source.column)
            if key in self.facts:
                raise OutputError(f"two facts for one cell {cell_id}: {self.facts[key].concept} and {fact.concept}")
            self.facts[key] = fact
        self.placed: set[tuple[int, int, int]] = set()
        # contextRef and name by the context's and the concept's identity: facts share those objects
        self._context_ref = by_identity(self.contexts.__getitem__)
        self._name = by_identity(self.prefixes.name)
        # asked once per table: a scan of every fact each time made rendering quadratic
        self._per_share_tables = {t for (t, _, _), f in self.facts.items()
                                  if f.unit is not None and f.unit.denominators}

    def fill(self, td, table: int, row: int, column: int, cell: RawCell) -> None:
        fact = self.facts.get((table, row, column))
        if fact is None:
            td.text = cell.text
            return
        before, shown, after, attrib = self.nonfraction(fact, cell)
        td.text = before
        tag = _el(td, f"{{{IX}}}nonFraction", attrib, text=shown)
        tag.tail = after
        high = self.facts.get((table, row, HIGH_COLUMN + column)) if cell.high is not None else None
        if high is not None:  # "3.6% - 4.4%": the range's upper end is tagged where it is shown
            _, shown, _, attrib = self.nonfraction(high, cell.high)
            at = after.rfind(shown)
            if at < 0:
                raise OutputError(f"cell {fact_id(high)} shows {cell.text!r} without its upper end {shown!r}")
            tag.tail = after[:at]
            _el(td, f"{{{IX}}}nonFraction", attrib, text=shown).tail = after[at + len(shown):]

    def fill_label(self, td, table: int, item: LineItem) -> None:
        """The row label, with the numbers it prints (shares authorized, par value) tagged."""
        td.text, rest, last = "", item.label, None
        tags: dict[int, object] = {}
        for k, number in enumerate(item.label_numbers):
            fact = self.facts.get((table, item.index, LABEL_COLUMN + k))
            if fact is not None and number.repeats in tags:
                inner = tags[number.repeats]
                _, _, _, attrib = self.nonfraction(fact, number.cell)
                outer = nest(inner, etree.Element(f"{{{IX}}}nonFraction", attrib))
                tags[k] = tags[number.repeats] = outer  # later repeats wrap the outermost
                last = outer if last is inner else last
                continue
            at = rest.find(number.cell.text)
            if fact is None or at < 0:
                continue
            _, shown, _, attrib = self.nonfraction(fact, number.cell)
            if last is None:
                td.text = rest[:at]
            else:
                last.tail = rest[:at]
            last = tags[k] = _el(td, f"{{{IX}}}nonFraction", attrib, text=shown)
            rest = rest[at + len(number.cell.text):]
        if last is None:
            td.text = rest
        else:
            last.tail = rest

    def nonfraction(self, fact: Fact, cell: RawCell) -> tuple[str, str, str, dict[str, str]]:
        """(text before, shown number, text after, ix:nonFraction attributes) of a cell's fact.

        The shown number, scaled, must equal the fact's magnitude; the cell counts as placed.
        """
        source = fact.source
        self.placed.add((source.table, source.row, source.column))
        match = NUMBER.search(cell.text)
        if match is not None:
            before, shown, after = cell.text[: match.start()], match.group(), cell.text[match.end():]
            fmt = NUMBER_FORMAT
            magnitude = Decimal(shown.replace(",", "")).scaleb(fact.scale)
        elif cell.is_dash or cell.text.strip() in DASHES:
            before, shown, after = _dash_parts(cell.text)
            fmt, magnitude = ZERO_FORMAT, Decimal(0)
        else:
            raise OutputError(f"cell {fact_id(fact)} shows no number: {cell.text!r}")
        if fact.value is None or magnitude != abs(fact.value):
            raise OutputError(
                f"cell {fact_id(fact)} shows {cell.text!r} (scale {fact.scale}) but its fact "
                f"{fact.concept} has the value {fact.value}"
            )
        attrib = {
            "id": fact_id(fact),
            "name": self._name(fact.concept),
            "contextRef": self._context_ref(fact.context),
            "unitRef": fact.unit.id,
            "decimals": str(fact_decimals(fact)),
            "scale": str(fact.scale),
            "format": fmt,
        }
        if fact.value < 0:
            attrib["sign"] = "-"
        return before, shown, after, attrib

    def has_per_share(self, table: int) -> bool:
        return table in self._per_share_tables

    def unplaced(self) -> list[str]:
        return sorted(f"f-{t}-{r}-{c}" for (t, r, c) in set(self.facts) - self.placed)


def _dash_parts(text: str) -> tuple[str, str, str]:
    """(before, dash, after) of a dash cell: an older filing agent prints "$ &#151;" in one
    cell, and only the dash is the shown zero (ixt:fixed-zero reads the dash alone)."""
    match = DASH_RUN.search(text)
    if match is None:
        return "", text.strip(), ""
    return text[: match.start()], match.group(), text[match.end():]


def nest(tag, outer):
    """Wrap an ix:nonFraction in another, ``outer``, for the same printed number (a second
    date's fact); the outer takes the inner's place and tail. Returns the outer element."""
    outer.tail, tag.tail = tag.tail, None
    tag.addprevious(outer)
    outer.append(tag)
    return outer


def _scale_note(table: Table, has_per_share: bool) -> str | None:
    words = SCALE_WORDS.get(table.scale)
    if words is None:
        return None
    if has_per_share and table.per_share_scale != table.scale:
        return f"(in {words}, except per share amounts)"
    return f"(in {words})"


def _render_table(body, table: Table, tagger: CellTagger) -> None:
    box = _el(body, _h("div"), {"class": "statement", "id": f"table-{table.index}"})
    _el(box, _h("p"), {"class": "caption"}, table.title or f"Table {table.index}")
    note = _scale_note(table, tagger.has_per_share(table.index))
    if note:
        _el(box, _h("p"), {"class": "scale"}, note)
    grid = _el(box, _h("table"))
    header = _el(_el(grid, _h("thead")), _h("tr"))
    _el(header, _h("th"))
    for column in table.columns:
        th = _el(header, _h("th"), text=column.header.strip())
        phrase = period_phrase(column.period)
        if phrase != column.header.strip():
            if th.text:
                _el(th, _h("br"))
                th[-1].tail = phrase
            else:
                th.text = phrase
    rows = _el(grid, _h("tbody"))
    for item in table.rows:
        css = "total" if item.is_total else "abstract" if item.is_abstract else None
        tr = _el(rows, _h("tr"), {"class": css} if css else None)
        tagger.fill_label(_el(tr, _h("td"), {"class": "label"}), table.index, item)
        for column in range(len(table.columns)):
            cell = item.cells[column] if column < len(item.cells) else None
            td = _el(tr, _h("td"), {"class": "num"})
            if cell is not None:
                tagger.fill(td, table.index, item.index, column, cell)


# The ix:header is written as markup and parsed once (lxml checks each attribute it is given,
# ~1 us apiece, and a filing has hundreds of contexts). Its element names use these prefixes;
# lxml drops the header's own declarations as it joins the body, whose root declares them all.
HEADER_NAMESPACES = {None: XHTML, "ix": IX, "link": LINK, "xlink": XLINK, "xbrli": XBRLI, "xbrldi": XBRLDI}


def _context_markup(context: Context, cid: str, prefixes: Prefixes) -> str:
    entity = context.entity
    segment = ""
    if context.dimensions:
        members = "".join([
            f'<xbrldi:explicitMember dimension="{attribute_text(prefixes.name(axis))}">'
            f"{text_content(prefixes.name(member))}</xbrldi:explicitMember>"
            for axis, member in context.dimensions
        ])
        segment = f"<xbrli:segment>{members}</xbrli:segment>"
    period = context.period
    if isinstance(period, Instant):
        dates = f"<xbrli:instant>{period.date.isoformat()}</xbrli:instant>"
    else:
        dates = (f"<xbrli:startDate>{period.start.isoformat()}</xbrli:startDate>"
                 f"<xbrli:endDate>{period.end.isoformat()}</xbrli:endDate>")
    return (f'<xbrli:context id="{attribute_text(cid)}"><xbrli:entity>'
            f'<xbrli:identifier scheme="{attribute_text(entity.scheme)}">{text_content(entity.identifier)}'
            f"</xbrli:identifier>{segment}</xbrli:entity><xbrli:period>{dates}</xbrli:period></xbrli:context>")


def _unit_markup(unit: Unit, prefixes: Prefixes) -> str:
    def measures(names) -> str:
        return "".join([f"<xbrli:measure>{text_content(prefixes.name(name))}</xbrli:measure>" for name in names])

    if unit.denominators:
        content = (f"<xbrli:divide><xbrli:unitNumerator>{measures(unit.numerators)}</xbrli:unitNumerator>"
                   f"<xbrli:unitDenominator>{measures(unit.denominators)}</xbrli:unitDenominator></xbrli:divide>")
    else:
        content = measures(unit.numerators)
    return f'<xbrli:unit id="{attribute_text(unit.id)}">{content}</xbrli:unit>'


def add_ix_header(body, report: Report, stem: str, prefixes: Prefixes, contexts: dict[Context, str]) -> None:
    """A display:none div first in ``body`` with ix:header: dei facts, schemaRef, contexts, units."""
    declarations = "".join(f' xmlns{"" if prefix is None else ":" + prefix}="{namespace}"'
                           for prefix, namespace in HEADER_NAMESPACES.items())
    dei_ref = attribute_text(contexts[dei_context(report)])
    parts = [f'<div{declarations} style="display:none"><ix:header><ix:hidden>']
    for qname, value in dei_items(report):
        parts.append(f'<ix:nonNumeric id="{attribute_text(dei_fact_id(qname.local))}" '
                     f'name="{attribute_text(prefixes.name(qname))}" contextRef="{dei_ref}">'
                     f"{text_content(value)}</ix:nonNumeric>")
    parts.append(f'</ix:hidden><ix:references><link:schemaRef xlink:type="simple" '
                 f'xlink:href="{attribute_text(stem)}.xsd"/></ix:references><ix:resources>')
    parts += [_context_markup(context, cid, prefixes) for context, cid in contexts.items()]
    parts += [_unit_markup(unit, prefixes) for unit in units(report)]
    parts.append("</ix:resources></ix:header></div>")
    body.insert(0, parse("".join(parts)))


def ixbrl_bytes(report: Report) -> bytes:
    kind = report.filing.document.kind
    if kind is InputKind.HTML:
        from converter.writers.inplace import inplace_ixbrl_bytes  # it builds on this module's helpers

        return inplace_ixbrl_bytes(report)
    if kind is not InputKind.TEXT:
        raise OutputError(f"inline XBRL output from {kind.value.upper()} input is not supported")
    stem = file_stem(report)
    prefixes = Prefixes.of(report)
    contexts = context_ids(report)
    nsmap = {None: XHTML, "ix": IX, "ixt": IXT, "link": LINK, "xlink": XLINK, "xbrldi": XBRLDI, **prefixes.map}
    html = etree.Element(_h("html"), nsmap=nsmap, attrib={"{http://www.w3.org/XML/1998/namespace}lang": "en-US"})
    head = _el(html, _h("head"))
    _el(head, _h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=utf-8"})
    filing = report.filing
    title = f"{filing.company} {filing.document_type} for the period ended {_date_words(filing.period_end)}"
    _el(head, _h("title"), text=title)
    _el(head, _h("style"), {"type": "text/css"}, STYLE)
    body = _el(html, _h("body"))
    add_ix_header(body, report, stem, prefixes, contexts)
    _el(body, _h("h1"), text=title)
    tagger = CellTagger(report, prefixes, contexts)
    for table in filing.tables:
        _render_table(body, table, tagger)
    missing = tagger.unplaced()
    if missing:
        raise OutputError(f"facts whose source cell is not in the filing's tables: {', '.join(missing[:10])}")
    return etree.tostring(html, xml_declaration=True, encoding="utf-8", pretty_print=True)


@register("ixbrl")
def write_ixbrl(report: Report, folder: Path) -> list[Path]:
    path = Path(folder) / f"{file_stem(report)}.htm"
    _atomic.write_bytes(path, ixbrl_bytes(report))
    return [path]

