"""Facts of XML-based filings: inline XBRL (.htm, .htm.gz) and XBRL 2.1 instances (.xml).

Both share the XBRL 2.1 context and unit syntax; inline XBRL adds the ix transformation
formats, scale and sign, continuations and exclusions, and a place in the page, which
is kept (table, row, cell and the row's label) so reports can show where a fact sits.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from converter.errors import CompareError
from converter.model import Context, Duration, Entity, Fact, Instant, QName, SourceRef, Unit
from converter.readers.facts import INFO_FIELDS, IXBRL, XBRL_INSTANCE, register

IX = "http://www.xbrl.org/2013/inlineXBRL"
XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XHTML = "http://www.w3.org/1999/xhtml"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
DEI_FRAGMENT = "xbrl.sec.gov/dei"

_TD = (f"{{{XHTML}}}td", f"{{{XHTML}}}th")
_TR = f"{{{XHTML}}}tr"
_TABLE = f"{{{XHTML}}}table"
_DASHES = {"-", "\u2014", "\u2013", "\u2012", "\u2212"}


def parse_xml(data: bytes, path: Path) -> etree._Element:
    parser = etree.XMLParser(huge_tree=True, recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise CompareError(f"{path} is not well-formed XML: {exc}") from exc
    if root is None:
        raise CompareError(f"{path} holds no XML document")
    return root


def resolve_qname(elem: etree._Element, prefixed: str, path: Path) -> QName:
    """A prefixed name as written on ``elem``, with its in-scope namespace."""
    prefix, sep, local = prefixed.strip().partition(":")
    if not sep:
        prefix, local = None, prefixed.strip()
    ns = elem.nsmap.get(prefix)
    if ns is None:
        raise CompareError(f"{path}: undeclared namespace prefix in {prefixed!r}")
    return QName(ns, local, prefix or "")


def _date(text: str | None, what: str, path: Path) -> dt.date:
    try:
        return dt.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        raise CompareError(f"{path}: bad {what} date {text!r} in a context") from None


def read_contexts(root: etree._Element, path: Path) -> dict[str, Context | None]:
    contexts = {}
    for c in root.iter(f"{{{XBRLI}}}context"):
        ident = c.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}identifier")
        entity = Entity((ident.get("scheme") or "").strip(), (ident.text or "").strip()) if ident is not None \
            else Entity("", "")
        period_el = c.find(f"{{{XBRLI}}}period")
        if period_el is None:
            raise CompareError(f"{path}: context {c.get('id')!r} has no period")
        instant = period_el.find(f"{{{XBRLI}}}instant")
        if instant is not None:
            period = Instant(_date(instant.text, "instant", path))
        elif period_el.find(f"{{{XBRLI}}}forever") is not None:
            contexts[c.get("id")] = None  # no dated period: such facts are not statement figures
            continue
        else:
            start = _date(period_el.findtext(f"{{{XBRLI}}}startDate"), "start", path)
            end = _date(period_el.findtext(f"{{{XBRLI}}}endDate"), "end", path)
            try:
                period = Duration(start, end)
            except ValueError as exc:
                raise CompareError(f"{path}: context {c.get('id')!r}: {exc}") from None
        dims = []
        for member in c.iter(f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"):
            axis = resolve_qname(member, member.get("dimension", ""), path)
            if member.tag == f"{{{XBRLDI}}}explicitMember":
                dims.append((axis, resolve_qname(member, member.text or "", path)))
            else:
                dims.append((axis, typed_member(member)))
        contexts[c.get("id")] = Context(entity, period, tuple(dims))
    return contexts


def typed_member(member: etree._Element) -> QName:
    """A typed dimension's value as a member name with no namespace: ``QName("", value)``.

    The model keeps members as names; xBRL-JSON writes a typed value bare, so keeping
    just the value lets the same typed member compare equal across formats.
    """
    return QName("", " ".join("".join(member.itertext()).split()))


def read_units(root: etree._Element, path: Path) -> dict[str, Unit]:
    units = {}
    for u in root.iter(f"{{{XBRLI}}}unit"):
        divide = u.find(f"{{{XBRLI}}}divide")
        if divide is not None:
            num = tuple(resolve_qname(m, m.text or "", path)
                        for m in divide.iterfind(f"{{{XBRLI}}}unitNumerator/{{{XBRLI}}}measure"))
            den = tuple(resolve_qname(m, m.text or "", path)
                        for m in divide.iterfind(f"{{{XBRLI}}}unitDenominator/{{{XBRLI}}}measure"))
        else:
            num = tuple(resolve_qname(m, m.text or "", path) for m in u.iterfind(f"{{{XBRLI}}}measure"))
            den = ()
        units[u.get("id")] = Unit(u.get("id"), num, den)
    return units


def _decimals(text: str | None) -> int | None:
    if text is None or text.strip() in ("", "INF"):
        return None
    try:
        return int(text)
    except ValueError:
        return None


# --- inline XBRL --------------------------------------------------------------------

_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_MULTIPLIERS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def _num_words(text: str) -> Decimal | None:
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s\-]+", text.lower().replace(",", " ").strip()):
        if token in ("", "and"):
            continue
        if token in _WORDS:
            current += _WORDS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _MULTIPLIERS:
            total += max(current, 1) * _MULTIPLIERS[token]
            current = 0
        else:
            return None
        seen = True
    return Decimal(total + current) if seen else None


def _num_separated(text: str, decimal_mark: str) -> Decimal | None:
    group = "," if decimal_mark == "." else "."
    cleaned = re.sub(r"[\s\u00a0'" + re.escape(group) + "]", "", text)
    cleaned = re.sub(r"[^0-9" + re.escape(decimal_mark) + "]", "", cleaned).replace(decimal_mark, ".")
    if cleaned.strip(".") == "":
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def transform(fmt: str, text: str) -> Decimal | None:
    """The number an ix:nonFraction shows, by its transformation format; None if none.

    A lone dash is a shown zero whatever the numeric format says (filers write "—").
    """
    name = fmt.rpartition(":")[2].lower().replace("-", "")
    shown = text.strip()
    if name in ("fixedzero", "zerodash") or shown in _DASHES:
        return Decimal(0)
    if name in ("numwordsen", "numworden"):
        return _num_words(shown)
    if name in ("numdotdecimal", "numcommadecimal", ""):
        return _num_separated(shown, "," if name == "numcommadecimal" else ".")
    raise CompareError(f"unsupported inline XBRL number format {fmt!r}")


def _ix_text(elem: etree._Element) -> str:
    """Text of an ix element without its ix:exclude parts."""
    parts = [elem.text or ""]
    for child in elem:
        if child.tag != f"{{{IX}}}exclude":
            parts.append(_ix_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _non_numeric_text(elem: etree._Element, continuations: dict) -> str:
    """A nonNumeric's text followed along its continuedAt chain."""
    parts, seen = [_ix_text(elem)], set()
    nxt = elem.get("continuedAt")
    while nxt and nxt not in seen and nxt in continuations:
        seen.add(nxt)
        parts.append(_ix_text(continuations[nxt]))
        nxt = continuations[nxt].get("continuedAt")
    return " ".join(" ".join(parts).split())


class _Places:
    """Where an element sits: its innermost table, row and cell, and the row's label."""

    def __init__(self, root: etree._Element):
        self.tables = {t: i for i, t in enumerate(root.iter(_TABLE))}
        self.labels: dict = {}

    def locate(self, el: etree._Element) -> tuple[SourceRef | None, str]:
        cell_el = row_el = None
        for anc in el.iterancestors():
            if anc.tag in _TD and cell_el is None:
                cell_el = anc
            elif anc.tag == _TR and row_el is None:
                row_el = anc
            elif anc.tag == _TABLE:
                table = self.tables[anc]
                row = cell = -1
                if row_el is not None:
                    row = list(row_el.getparent().iterchildren(_TR)).index(row_el)
                    if cell_el is not None:
                        cell = row_el.index(cell_el)
                label = self._row_label(row_el) if row_el is not None else ""
                if not label and cell_el is not None:  # a number inside a sentence: the sentence
                    label = " ".join("".join(cell_el.itertext()).split())[:160]
                locator = f"table[{table}]/tr[{row}]/td[{cell}]"
                return SourceRef(table, row, cell, locator, " ".join(_ix_text(el).split())), label
        return None, ""

    def _row_label(self, row_el: etree._Element) -> str:
        if row_el not in self.labels:
            label = ""
            for cell in row_el:
                if cell.tag not in _TD:
                    continue
                if any(d.tag == f"{{{IX}}}nonFraction" for d in cell.iter()):
                    break
                text = " ".join("".join(cell.itertext()).split())
                if text and not re.fullmatch(r"[\W\d_]*", text):
                    label = text
                    break
            self.labels[row_el] = label
        return self.labels[row_el]


def _context_of(el, contexts: dict, concept: QName, path: Path):
    """The fact's context; None for a context without a dated period (skipped), an error
    for one the document does not define."""
    ref = el.get("contextRef")
    if ref not in contexts:
        raise CompareError(f"{path}: fact {concept} refers to unknown context {ref!r}")
    return contexts[ref]


@register(IXBRL)
def read_ixbrl(path: Path, data: bytes) -> tuple[tuple[Fact, ...], dict]:
    root = parse_xml(data, path)
    contexts = read_contexts(root, path)
    units = read_units(root, path)
    places = _Places(root)
    facts = []
    for el in root.iter(f"{{{IX}}}nonFraction"):
        concept = resolve_qname(el, el.get("name", ""), path)
        context = _context_of(el, contexts, concept, path)
        if context is None:
            continue
        value = None
        if el.get(XSI_NIL) != "true":
            try:
                value = transform(el.get("format", ""), _ix_text(el))
            except CompareError as exc:
                raise CompareError(f"{path}: fact {el.get('id') or concept}: {exc.message}") from None
            if value is None:
                raise CompareError(f"{path}: fact {el.get('id') or concept} shows no number: "
                                   f"{_ix_text(el)!r}")
            value = Decimal(format(value.scaleb(int(el.get("scale") or 0)), "f"))  # plain, no exponent
            if el.get("sign") == "-":
                value = -value
        source, label = places.locate(el)
        facts.append(Fact(concept=concept, context=context, unit=units.get(el.get("unitRef")), value=value,
                          decimals=_decimals(el.get("decimals")), source=source, label=label,
                          scale=int(el.get("scale") or 0), id=el.get("id", "")))
    continuations = {c.get("id"): c for c in root.iter(f"{{{IX}}}continuation")}
    info = {}
    for el in root.iter(f"{{{IX}}}nonNumeric"):
        name = resolve_qname(el, el.get("name", ""), path)
        if DEI_FRAGMENT in name.namespace and name.local in INFO_FIELDS and name.local not in info:
            info[name.local] = _non_numeric_text(el, continuations)
    return tuple(facts), info


# --- XBRL 2.1 instance --------------------------------------------------------------


@register(XBRL_INSTANCE)
def read_instance(path: Path, data: bytes) -> tuple[tuple[Fact, ...], dict]:
    root = parse_xml(data, path)
    if root.tag != f"{{{XBRLI}}}xbrl":
        raise CompareError(f"{path}: root element is {root.tag}, not xbrli:xbrl")
    contexts = read_contexts(root, path)
    units = read_units(root, path)
    facts, info = [], {}
    for el in root:
        if not isinstance(el.tag, str) or not el.get("contextRef") or el.tag.startswith(f"{{{XBRLI}}}"):
            continue
        ns, _, local = el.tag[1:].partition("}")
        concept = QName(ns, local, el.prefix or "")
        if el.get("unitRef") is None:
            if DEI_FRAGMENT in ns and local in INFO_FIELDS and local not in info:
                info[local] = " ".join((el.text or "").split())
            continue
        context = _context_of(el, contexts, concept, path)
        if context is None:
            continue
        value = None
        if el.get(XSI_NIL) != "true":
            try:
                value = Decimal((el.text or "").strip())
            except InvalidOperation:
                raise CompareError(f"{path}: fact {concept} has a non-numeric value {el.text!r}") from None
        facts.append(Fact(concept=concept, context=context, unit=units.get(el.get("unitRef")), value=value,
                          decimals=_decimals(el.get("decimals")), id=el.get("id", "")))
    return tuple(facts), info
