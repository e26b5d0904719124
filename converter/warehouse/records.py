"""Turn one filing's ``FactSet`` into the rows of the warehouse tables (as Arrow tables).

Every target consumes the same ``FilingBatch``: the facts are flattened here once, so
how a period, a unit, a dimension or a value is stored never differs between DuckDB,
PostgreSQL and Parquet.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyarrow as pa

import converter
from converter.errors import ConverterError, WarehouseError
from converter.model import Duration, Fact, Instant, QName
from converter.warehouse import schema
from converter.mapping.catalog import optional_catalog

OFFICIAL = "official"
CONVERTED = "converted"
SOURCES = (OFFICIAL, CONVERTED)

# Fact-source kinds (converter.readers.facts) that hold the SEC's own tagging; our
# outputs are an output folder or xBRL-JSON. ``--source`` overrides the guess.
_OFFICIAL_KINDS = ("ixbrl", "xbrl-instance", "companyfacts")

# Namespaces of the standard taxonomy families (any release year): not extensions.
_STANDARD_NS = re.compile(
    r"^https?://(fasb\.org/(?P<fasb>[a-z-]+)/\d{4}|xbrl\.sec\.gov/(?P<sec>[a-z-]+)/\d{4}"
    r"|www\.xbrl\.org/\d{4}/(?P<xbrl>[a-z0-9-]+)|xbrl\.org/\d{4}/(?P<xbrl2>[a-z0-9-]+))"
)
_XBRL_PREFIXES = {"instance": "xbrli", "iso4217": "iso4217", "xbrldi": "xbrldi"}

_MAX_INTEGER_DIGITS = schema.VALUE_PRECISION - schema.VALUE_SCALE


@dataclass(frozen=True)
class FilingBatch:
    """One filing's rows, ready for a target to write in one transaction."""

    filing_id: str
    company_key: str  # partition key: the CIK, or the company name when no CIK is known
    period_key: str  # partition key: fiscal year and period, e.g. 2025Q2, 2024FY
    source: str
    filings: pa.Table
    concepts: pa.Table
    facts: pa.Table
    dimensions: pa.Table


def source_of(source_kind: str) -> str:
    """official or converted, guessed from the kind of fact source that was read."""
    return OFFICIAL if source_kind in _OFFICIAL_KINDS else CONVERTED


def build_batch(factset, *, source: str, input_sha256: str,
                loaded_at: dt.datetime | None = None) -> FilingBatch:
    """The warehouse rows of ``factset`` (a ``converter.readers.facts.FactSet``)."""
    if source not in SOURCES:
        raise WarehouseError(f"unknown fact source {source!r}", hint="use official or converted")
    info = factset.info
    cik = _cik(info.get("EntityCentralIndexKey"))
    company = (info.get("EntityRegistrantName") or "").strip() or None
    form = (info.get("DocumentType") or "").strip() or None
    period_end = _date(info.get("DocumentPeriodEndDate")) or _latest_period_end(factset.facts)
    fiscal_year = _int(info.get("DocumentFiscalYearFocus"))
    fiscal_period = (info.get("DocumentFiscalPeriodFocus") or "").strip().upper() or None

    company_key = f"cik{cik}" if cik else _slug(company or "") or f"sha{input_sha256[:12]}"
    filing_id = "-".join([source, company_key, _slug(form or "") or "filing",
                          period_end.isoformat() if period_end else f"sha{input_sha256[:12]}"])
    if fiscal_year and fiscal_period:
        period_key = f"{fiscal_year}{fiscal_period}"
    else:
        period_key = period_end.isoformat() if period_end else "unknown"

    filing_row = {
        "filing_id": filing_id, "source": source, "cik": cik, "company": company, "form": form,
        "period_end": period_end, "fiscal_year": fiscal_year, "fiscal_period": fiscal_period,
        "input_path": str(factset.path), "input_kind": factset.source_kind,
        "input_sha256": input_sha256, "converter_version": converter.__version__,
        "loaded_at": loaded_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        "fact_count": len(factset.facts),
    }
    fact_rows, dim_rows = [], []
    for seq, fact in enumerate(factset.facts, start=1):
        fact_rows.append(_fact_row(filing_id, seq, source, fact))
        for axis, member in fact.context.dimensions:
            dim_rows.append({"filing_id": filing_id, "fact_seq": seq,
                             "axis": prefixed(axis), "member": prefixed(member)})
    return FilingBatch(
        filing_id=filing_id, company_key=company_key, period_key=period_key, source=source,
        filings=_table("filings", [filing_row]),
        concepts=_table("concepts", concept_rows(factset.facts)),
        facts=_table("facts", fact_rows),
        dimensions=_table("fact_dimensions", dim_rows),
    )


def _fact_row(filing_id: str, seq: int, source: str, fact: Fact) -> dict:
    period = fact.context.period
    ref = fact.source
    dims = {prefixed(axis): prefixed(member) for axis, member in fact.context.dimensions}
    return {
        "filing_id": filing_id, "fact_seq": seq, "source": source,
        "concept": prefixed(fact.concept),
        "period_type": "instant" if isinstance(period, Instant) else "duration",
        "period_start": period.start if isinstance(period, Duration) else None,
        "period_end": period.end if isinstance(period, Duration) else None,
        "instant": period.date if isinstance(period, Instant) else None,
        "unit": str(fact.unit) if fact.unit is not None else None,
        "value": exact_value(fact),
        "decimals": fact.decimals,
        "dimensions": json.dumps(dims, sort_keys=True) if dims else None,
        "source_table": ref.table if ref else None,
        "source_row": ref.row if ref else None,
        "source_column": ref.column if ref else None,
        "source_locator": (ref.locator or None) if ref else None,
        "source_label": fact.label or None,
        "rule_id": fact.rule or None,
        "confidence": float(fact.confidence),
        "fact_id": fact.id or None,
    }


def exact_value(fact: Fact) -> Decimal | None:
    """The fact's value if the warehouse column holds it exactly; refuse it otherwise."""
    value = fact.value
    if value is None:
        return None
    if not value.is_finite():
        raise WarehouseError(f"fact {fact.concept} has a non-finite value {value}")
    reduced = value.normalize()
    if reduced.as_tuple().exponent < -schema.VALUE_SCALE or reduced.adjusted() >= _MAX_INTEGER_DIGITS:
        raise WarehouseError(
            f"fact {fact.concept} = {value} does not fit DECIMAL({schema.VALUE_PRECISION}, "
            f"{schema.VALUE_SCALE}) exactly", hint="the value was not rounded; the filing was not loaded")
    return value


def concept_rows(facts) -> list[dict]:
    """One row per concept used, described by the taxonomy catalog where it knows it."""
    rows = {}
    for fact in facts:
        name = prefixed(fact.concept)
        if name in rows:
            continue
        known = _catalog_concept(fact.concept)
        period = fact.context.period
        rows[name] = {
            "qname": name,
            "namespace": fact.concept.namespace,
            "local_name": fact.concept.local,
            "label": (known.label or None) if known else None,
            "period_type": known.period_type.value if known else (
                "instant" if isinstance(period, Instant) else "duration"),
            "balance": known.balance if known else None,
            "data_type": known.data_type if known else None,
            "is_extension": known.extension if known else not is_standard(fact.concept.namespace),
        }
    return [rows[name] for name in sorted(rows)]


def is_standard(namespace: str) -> bool:
    return _STANDARD_NS.match(namespace) is not None


def prefixed(name: QName) -> str:
    """``prefix:local``; a missing prefix is taken from the standard family's namespace."""
    if name.prefix:
        return f"{name.prefix}:{name.local}"
    match = _STANDARD_NS.match(name.namespace)
    if match:
        family = match.group("fasb") or match.group("sec") or match.group("xbrl") or match.group("xbrl2")
        return f"{_XBRL_PREFIXES.get(family, family)}:{name.local}"
    return name.local if not name.namespace else f"{{{name.namespace}}}{name.local}"



def _catalog_concept(qname: QName):
    catalog = optional_catalog()
    if catalog is None or not is_standard(qname.namespace):
        return None
    try:
        return catalog.concept(prefixed(qname))
    except (KeyError, ConverterError):
        return None


def _table(name: str, rows: list[dict]) -> pa.Table:
    try:
        return pa.Table.from_pylist(rows, schema=schema.arrow_schema(name))
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise WarehouseError(f"cannot build {name} rows: {exc}") from exc


def _cik(text: str | None) -> str | None:
    digits = re.sub(r"\D", "", text or "")
    return digits.zfill(10) if digits else None


def _int(text: str | None) -> int | None:
    match = re.search(r"\d{4}", text or "")
    return int(match.group()) if match else None


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%m/%d/%Y")


def _date(text: str | None) -> dt.date | None:
    """A cover date as written: ISO, or the way filings print it (``June 28, 2025``)."""
    text = " ".join((text or "").split())
    if not text:
        return None
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    cleaned = re.sub(r"\s*,\s*", ", ", text.replace("Sept.", "Sep.").replace("Sept ", "Sep "))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _latest_period_end(facts) -> dt.date | None:
    ends = [f.context.period.end if isinstance(f.context.period, Duration) else f.context.period.date
            for f in facts]
    return max(ends) if ends else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def sha256_of(path: Path) -> str:
    """Hash of the file read (of every file in it, in name order, for a folder)."""
    path = Path(path)
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(str(file.relative_to(path)).encode() + b"\0")
        with open(file, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()
