"""Names across taxonomy releases: families, labels, and the FASB's recorded renames.

Concepts compare by family (us-gaap, srt, dei, ...) and local name, so a 2021 and a 2024
filing agree on ``Assets``; every company extension is in the family "ext".

Labels come from the mapping catalog when it is available and knows the concept, else
from the concept's CamelCase name ("AccountsPayableCurrent" -> "Accounts Payable
Current"), so a report always has words next to a name.
"""
from __future__ import annotations

import csv
import functools
import os
import re
from pathlib import Path

from converter.errors import CompareError
from converter.model import QName
from converter.mapping.catalog import optional_catalog

MAPS_DIR = Path(os.environ.get("XBRLCONV_TAXONOMY_MAPS") or Path(__file__).resolve().parents[2] / "taxonomy_maps")
RENAMES_FILE = MAPS_DIR / "renames.csv"
FAMILIES = (("fasb.org/us-gaap", "us-gaap"), ("fasb.org/srt", "srt"), ("xbrl.sec.gov/dei", "dei"),
            ("xbrl.org/2003/instance", "xbrli"), ("iso4217", "iso4217"))
EXTENSION = "ext"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@functools.lru_cache(maxsize=256)
def family(namespace: str) -> str:
    return next((fam for fragment, fam in FAMILIES if fragment in namespace), EXTENSION)


def split_camel(local: str) -> str:
    return _CAMEL.sub(" ", local).strip()



@functools.lru_cache(maxsize=8192)
def concept_label(concept: QName) -> str:
    catalog = optional_catalog()
    fam = family(concept.namespace)
    if catalog is not None and fam in ("us-gaap", "srt", "dei"):
        known = catalog.concept(f"{fam}:{concept.local}")
        if known is not None and known.label:
            return known.label
    return split_camel(concept.local)


@functools.lru_cache(maxsize=1)
def renames() -> dict[frozenset[str], str]:
    """{old, new} local-name pairs -> a sentence saying which replaced which."""
    if not RENAMES_FILE.exists():
        return {}
    try:
        with RENAMES_FILE.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        return {frozenset((r["old"], r["new"])): f"{r['old']} was deprecated for {r['new']} ({r['source']})"
                for r in rows}
    except (OSError, KeyError, csv.Error) as exc:
        raise CompareError(f"cannot read the renames table {RENAMES_FILE}: {exc}") from exc


def rename_note(a: QName, b: QName) -> str:
    """How the taxonomy relates two differing concept names, or ""."""
    return renames().get(frozenset((a.local, b.local)), "")
