"""Facts of xBRL-JSON (OIM 1.0) files and of our own output folders.

OIM periods are date-times: an instant or a duration end at midnight is the end of the
previous day ("2021-07-01T00:00:00" is the instant 2021-06-30), a start at midnight is
that day itself.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from converter.errors import CompareError
from converter.model import Context, Duration, Entity, Fact, Instant, QName, Unit
from converter.readers.facts import INFO_FIELDS, OUTPUT_FOLDER, XBRL_JSON, load, register

_CORE_DIMENSIONS = ("concept", "entity", "period", "unit", "language", "noteId")


def _datetime(text: str, *, is_end: bool, path: Path) -> dt.date:
    day, _, time = text.strip().partition("T")
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise CompareError(f"{path}: bad period date {text!r}") from None
    if is_end and time.startswith("00:00:00"):
        date -= dt.timedelta(days=1)
    return date


def parse_period(text: str, path: Path) -> Instant | Duration:
    if "/" in text:
        start, end = text.split("/", 1)
        try:
            return Duration(_datetime(start, is_end=False, path=path), _datetime(end, is_end=True, path=path))
        except ValueError as exc:
            raise CompareError(f"{path}: period {text!r}: {exc}") from None
    return Instant(_datetime(text, is_end=True, path=path))


class _Names:
    """Prefixed names resolved through the document's namespace map."""

    def __init__(self, namespaces: dict, path: Path):
        self.namespaces = namespaces
        self.path = path

    def qname(self, prefixed: str) -> QName:
        prefix, sep, local = prefixed.partition(":")
        if not sep or prefix not in self.namespaces:
            raise CompareError(f"{self.path}: name {prefixed!r} has no declared namespace prefix")
        return QName(self.namespaces[prefix], local, prefix)

    def member(self, value) -> QName:
        """An explicit member (a prefixed name) or a typed one (any other value, kept bare)."""
        text = str(value)
        prefix, sep, _ = text.partition(":")
        return self.qname(text) if sep and prefix in self.namespaces else QName("", text)

    def unit(self, text: str) -> Unit:
        num, _, den = text.partition("/")
        return Unit(text, tuple(self.qname(m) for m in num.split("*")),
                    tuple(self.qname(m) for m in den.split("*")) if den else ())

    def entity(self, text: str) -> Entity:
        prefix, _, ident = text.partition(":")
        return Entity(self.namespaces.get(prefix, prefix), ident)


@register(XBRL_JSON)
def read_xbrl_json(path: Path, doc: dict) -> tuple[tuple[Fact, ...], dict]:
    names = _Names(doc.get("documentInfo", {}).get("namespaces", {}), path)
    raw = doc.get("facts", {})
    items = raw.items() if isinstance(raw, dict) else ((f.get("id", ""), f) for f in raw)
    facts, info = [], {}
    for fact_id, fact in items:
        dims = fact.get("dimensions", {})
        if "concept" not in dims or "period" not in dims:
            raise CompareError(f"{path}: fact {fact_id!r} lacks a concept or period")
        concept = names.qname(dims["concept"])
        value = fact.get("value")
        if "unit" not in dims:
            if concept.local in INFO_FIELDS and "dei" in concept.namespace and concept.local not in info:
                info[concept.local] = " ".join(str(value or "").split())
            continue
        if value is not None:
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                raise CompareError(f"{path}: fact {fact_id!r} has a non-numeric value {value!r}") from None
        taxonomy_dims = tuple((names.qname(axis), names.member(member)) for axis, member in dims.items()
                              if axis not in _CORE_DIMENSIONS)
        context = Context(names.entity(dims.get("entity", "")), parse_period(dims["period"], path), taxonomy_dims)
        decimals = fact.get("decimals")
        facts.append(Fact(concept=concept, context=context, unit=names.unit(dims["unit"]), value=value,
                          decimals=int(decimals) if isinstance(decimals, int) else None, id=str(fact_id)))
    return tuple(facts), info


@register(OUTPUT_FOLDER)
def read_output_folder(path: Path, _payload: None) -> tuple[tuple[Fact, ...], dict]:
    """Our output folder: the one xBRL-JSON file in it."""
    found = []
    for candidate in sorted(path.glob("*.json")):
        try:
            doc = json.loads(load(candidate))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(doc, dict) and "documentInfo" in doc and "facts" in doc:
            found.append((candidate, doc))
    if not found:
        raise CompareError(f"{path}: the folder holds no xBRL-JSON file (*.json with documentInfo and facts)")
    if len(found) > 1:
        raise CompareError(f"{path}: the folder holds several xBRL-JSON files "
                           f"({', '.join(p.name for p, _ in found)}); pass one of them")
    return read_xbrl_json(*found[0])
