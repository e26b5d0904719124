"""Read the numeric facts of a tagged filing, whatever form it comes in.

``read_facts(path)`` sniffs what the path holds and dispatches to the reader registered
for that kind: our output folder, an xBRL-JSON (OIM) file, an inline XBRL filing, an
XBRL 2.1 instance, or the SEC's company-facts JSON. Every reader returns the same
``FactSet``, so comparison and loading never care where facts came from.

Only numeric facts are kept (they are what is compared and loaded); the document's
cover (dei) facts are kept as plain text in ``FactSet.info`` (company facts add the
``accn`` of the filing chosen).
"""
from __future__ import annotations

import json
from decimal import Decimal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from converter.errors import CompareError
from converter.model import Fact
from converter.readers import load_bytes

# The dei cover facts a FactSet's ``info`` carries when the source has them.
INFO_FIELDS = (
    "EntityRegistrantName",
    "EntityCentralIndexKey",
    "DocumentType",
    "DocumentPeriodEndDate",
    "DocumentFiscalYearFocus",
    "DocumentFiscalPeriodFocus",
)


@dataclass(frozen=True)
class FactSet:
    """The numeric facts of one filing, its cover information and where they were read."""

    facts: tuple[Fact, ...]
    info: dict
    source_kind: str
    path: str


# A reader takes the path and, for JSON kinds, the parsed document (already read to
# sniff it), plus reader options; it returns (facts, info).
FactReader = Callable[..., tuple[tuple[Fact, ...], dict]]
FACT_READERS: dict[str, FactReader] = {}

OUTPUT_FOLDER = "output-folder"
XBRL_JSON = "xbrl-json"
IXBRL = "ixbrl"
XBRL_INSTANCE = "xbrl-instance"
COMPANY_FACTS = "companyfacts"


def register(kind: str):
    def deco(fn: FactReader) -> FactReader:
        FACT_READERS[kind] = fn
        return fn

    return deco


def read_facts(path: str | Path, *, accession: str | None = None) -> FactSet:
    """Read the numeric facts at ``path``; ``accession`` picks the filing in company facts.

    Every other kind holds one filing, so ``accession`` does not apply to it.
    """
    path = Path(path)
    _load_builtin_readers()
    kind, payload = detect(path)
    reader = FACT_READERS[kind]
    if kind == COMPANY_FACTS:
        facts, info = reader(path, payload, accession=accession)
    else:  # one filing per source: an accession number has nothing to choose from
        facts, info = reader(path, payload)
    if kind == OUTPUT_FOLDER:
        kind = f"{OUTPUT_FOLDER}:{XBRL_JSON}"
    return FactSet(facts=tuple(facts), info=_ordered(info),
                   source_kind=kind, path=str(path))


def _ordered(info: dict) -> dict:
    """The non-empty info fields, the dei ones first in their usual order."""
    ranked = sorted(info, key=lambda k: INFO_FIELDS.index(k) if k in INFO_FIELDS else len(INFO_FIELDS))
    return {k: info[k] for k in ranked if info[k]}


def detect(path: Path) -> tuple[str, object]:
    """The kind of fact source at ``path`` and, for JSON, its parsed content.

    Decided from the content, not the file name, so a renamed file still reads; the
    error says what was found when nothing fits.
    """
    if path.is_dir():
        return OUTPUT_FOLDER, None
    data = load(path)
    head = data[:65536].lstrip()
    if head[:1] in (b"{", b"["):
        try:
            doc = json.loads(data, parse_float=Decimal)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CompareError(f"{path} is not valid JSON: {exc}") from exc
        if isinstance(doc, dict) and "documentInfo" in doc and "facts" in doc:
            return XBRL_JSON, doc
        if isinstance(doc, dict) and "facts" in doc and ("cik" in doc or "entityName" in doc):
            return COMPANY_FACTS, doc
        raise CompareError(f"{path} is JSON but neither xBRL-JSON (documentInfo + facts) "
                           "nor SEC company-facts (cik + facts)")
    lowered = head.lower()
    if b"http://www.xbrl.org/2013/inlinexbrl" in lowered:
        return IXBRL, data
    if b"http://www.xbrl.org/2003/instance" in lowered and b"<html" not in lowered:
        return XBRL_INSTANCE, data
    if b"<html" in lowered or b"<!doctype html" in lowered:
        raise CompareError(f"{path} is HTML without inline XBRL tags: nothing to compare",
                           hint="convert it first, or pass the official inline XBRL filing")
    raise CompareError(f"{path}: not a fact source (expected an output folder, xBRL-JSON, "
                       "inline XBRL, an XBRL instance or company-facts JSON)")


def load(path: Path) -> bytes:
    """The file's bytes, gunzipped if gzipped (a side of a comparison: CompareError)."""
    return load_bytes(path, error=CompareError)


def _load_builtin_readers() -> None:
    # Each module registers its readers on import.
    from converter.readers import _facts_companyfacts, _facts_oim, _facts_xml  # noqa: F401
