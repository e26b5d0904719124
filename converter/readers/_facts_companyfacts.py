"""Facts of one filing out of the SEC's company-facts JSON (the ``companyfacts`` API).

The API lists, per taxonomy and concept, every value each filing reported, tagged with
the filing's accession number (``accn``). One filing is picked: the one named, or by
default the latest 10-Q or 10-K. The API carries no dimensions, no decimals and no
taxonomy year, so facts are undimensioned and names use the model's (current) release;
comparisons go by family and local name, so the year does not matter.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from converter.errors import CompareError
from converter.model import NS, SEC_CIK_SCHEME, Context, Duration, Entity, Fact, Instant, QName, Unit
from converter.readers.facts import COMPANY_FACTS, register

PERIODIC_FORMS = ("10-Q", "10-K", "10-Q/A", "10-K/A")
_TAXONOMY_NAMESPACES = {
    "us-gaap": NS["us-gaap"],
    "srt": NS["srt"],
    "dei": NS["dei"],
    "invest": "http://xbrl.sec.gov/invest/2013-01-31",
    "ifrs-full": "https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full",
}
UTR = "http://www.xbrl.org/2009/utr"


def _measure(text: str) -> QName:
    if re.fullmatch(r"[A-Z]{3}", text):
        return QName(NS["iso4217"], text, "iso4217")
    if text in ("shares", "pure"):
        return QName(NS["xbrli"], text, "xbrli")
    return QName(UTR, text, "utr")


def _unit(text: str) -> Unit:
    num, _, den = text.partition("/")
    return Unit(text.replace("/", "_per_"), (_measure(num),), (_measure(den),) if den else ())


def _filings(doc: dict) -> dict[str, dict]:
    """accn -> {form, filed, fy, fp} for every filing the document mentions."""
    filings: dict[str, dict] = {}
    for concepts in doc.get("facts", {}).values():
        for entry in concepts.values():
            for rows in entry.get("units", {}).values():
                for row in rows:
                    accn = row.get("accn")
                    if accn and accn not in filings:
                        filings[accn] = {k: row.get(k) for k in ("form", "filed", "fy", "fp")}
    return filings


def choose_filing(doc: dict, accession: str | None, path: Path) -> str:
    filings = _filings(doc)
    if accession is not None:
        if accession not in filings:
            raise CompareError(f"{path}: no facts of accession {accession!r} "
                               f"({len(filings)} filings are listed)")
        return accession
    periodic = [(f.get("filed") or "", accn) for accn, f in filings.items() if f.get("form") in PERIODIC_FORMS]
    if not periodic:
        raise CompareError(f"{path}: no 10-Q or 10-K facts in the company facts; name a filing by accession")
    return max(periodic)[1]


@register(COMPANY_FACTS)
def read_company_facts(path: Path, doc: dict, *, accession: str | None = None) -> tuple[tuple[Fact, ...], dict]:
    if not isinstance(doc.get("facts"), dict):
        raise CompareError(f"{path}: company facts without a 'facts' object")
    accn = choose_filing(doc, accession, path)
    cik = str(doc.get("cik", "")).zfill(10)
    entity = Entity(SEC_CIK_SCHEME, cik)
    facts, meta, latest_end = [], {}, None
    for taxonomy, concepts in doc["facts"].items():
        namespace = _TAXONOMY_NAMESPACES.get(taxonomy, f"urn:sec:companyfacts:{taxonomy}")
        for name, entry in concepts.items():
            concept = QName(namespace, name, taxonomy)
            for unit_text, rows in entry.get("units", {}).items():
                unit = _unit(unit_text)
                for row in rows:
                    if row.get("accn") != accn:
                        continue
                    meta = meta or row
                    facts.append(Fact(concept=concept, context=Context(entity, _period(row, path)), unit=unit,
                                      value=_value(row, path), label=entry.get("label") or "",
                                      id=f"{taxonomy}:{name}:{unit_text}:{row.get('start', '')}:{row['end']}"))
                    if taxonomy != "dei" and (latest_end is None or row["end"] > latest_end):
                        latest_end = row["end"]
    info = {
        "EntityRegistrantName": doc.get("entityName") or "",
        "EntityCentralIndexKey": cik,
        "DocumentType": meta.get("form") or "",
        "DocumentPeriodEndDate": latest_end or "",
        "DocumentFiscalYearFocus": str(meta.get("fy") or ""),
        "DocumentFiscalPeriodFocus": meta.get("fp") or "",
        "accn": accn,
    }
    return tuple(facts), info


def _period(row: dict, path: Path) -> Instant | Duration:
    try:
        end = dt.date.fromisoformat(row["end"])
        return Duration(dt.date.fromisoformat(row["start"]), end) if row.get("start") else Instant(end)
    except (KeyError, ValueError) as exc:
        raise CompareError(f"{path}: bad period in company-facts row {row}: {exc}") from None


def _value(row: dict, path: Path) -> Decimal:
    try:
        # The API's numbers are JSON numbers; str() keeps 0.25 as "0.25", never a binary float tail.
        return Decimal(str(row["val"]))
    except (KeyError, InvalidOperation):
        raise CompareError(f"{path}: company-facts row without a numeric 'val': {row}") from None
