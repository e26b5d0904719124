"""Build taxonomy_maps/renames.csv: US-GAAP concepts the FASB deprecated in favour of another.

Source: the deprecated-concepts definition linkbase of the US-GAAP 2025 package
(``elts/us-gaap-depcon-def-2025.xml``, in ../shared/taxonomies/us-gaap-2025-linkbases).
Its arcs run from the concept to use to the deprecated one: ``dep-concept-deprecatedConcept``
(a one-to-one replacement) and ``essence-alias`` (two names of one essence).
Other arcs there (aggregate/part, dimensionally qualified, mutually exclusive) are not
renames and are left out. The concept CSVs of 2022-2024 list names but no deprecation,
so they add nothing here.

usage: python taxonomy_maps/scripts/build_renames.py [LINKBASE] [--out CSV]
"""
from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LINKBASE = ROOT.parent / "shared/taxonomies/us-gaap-2025-linkbases/elts/us-gaap-depcon-def-2025.xml"
XLINK = "http://www.w3.org/1999/xlink"
LINK = "http://www.xbrl.org/2003/linkbase"
RELATIONS = {
    "http://www.xbrl.org/2009/arcrole/dep-concept-deprecatedConcept": "deprecated-for",
    "http://www.xbrl.org/2003/arcrole/essence-alias": "essence-alias",
}


def renames(linkbase: Path) -> list[tuple[str, str, str]]:
    """(old name, new name, relation) rows, sorted."""
    rows = set()
    for link in etree.parse(str(linkbase)).getroot().iter(f"{{{LINK}}}definitionLink"):
        locs = {loc.get(f"{{{XLINK}}}label"): loc.get(f"{{{XLINK}}}href").rpartition("#")[2].replace("us-gaap_", "", 1)
                for loc in link.iter(f"{{{LINK}}}loc")}
        for arc in link.iter(f"{{{LINK}}}definitionArc"):
            relation = RELATIONS.get(arc.get(f"{{{XLINK}}}arcrole"))
            if relation is None:
                continue
            new, old = locs[arc.get(f"{{{XLINK}}}from")], locs[arc.get(f"{{{XLINK}}}to")]
            rows.add((old, new, relation))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("linkbase", nargs="?", default=str(DEFAULT_LINKBASE))
    parser.add_argument("--out", default=str(ROOT / "taxonomy_maps/renames.csv"))
    args = parser.parse_args()
    rows = renames(Path(args.linkbase))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["old", "new", "relation", "source"])
    source = Path(args.linkbase).name
    writer.writerows((old, new, relation, source) for old, new, relation in rows)
    Path(args.out).write_text(buf.getvalue())
    print(f"{args.out}: {len(rows)} renames")


if __name__ == "__main__":
    main()
