"""``manifest.json``: what was converted (input hash, converter version, counts).

Written with the other outputs through the same staging folder, so a folder whose
manifest names an input hash holds the complete outputs of that input; batch reruns use
it to skip filings already converted.
"""
from __future__ import annotations

import json
from pathlib import Path

from converter import __version__
from converter._atomic import write_text
from converter.model import Report
from converter.writers import file_stem, register

MANIFEST = "manifest.json"


@register("manifest")
def write_manifest(report: Report, folder: Path) -> list[Path]:
    doc = report.filing.document
    manifest = {
        "input": doc.path,
        "input_sha256": doc.sha256,
        "input_kind": doc.kind.value,
        "converter_version": __version__,
        "stem": file_stem(report),
        "fact_count": len(report.facts),
        # every file written before this one (the manifest is the last writer)
        "files": sorted(p.name for p in Path(folder).iterdir() if not p.name.startswith(".")) + [MANIFEST],
        "tables": len(report.filing.tables),
        "company": report.filing.company,
        "period_end": report.filing.period_end.isoformat(),
    }
    path = Path(folder) / MANIFEST
    write_text(path, json.dumps(manifest, indent=2) + "\n")
    return [path]
