"""Build taxonomy_maps/us-gaap-2024/member_axes.csv: which axes each standard member sits on.

Source: the definition linkbases of the US-GAAP 2025 taxonomy package (statement and
disclosure groups) and the SRT 2024 package in ../shared/taxonomies: an axis reaches its
domain by a dimension-domain arc and the domain its members by domain-member arcs.
Counts are the number of roles that place the member on the axis; the mapper picks the
most frequent axis for a member it found by label. Run from the repo root:

    python taxonomy_maps/scripts/build_member_axes.py
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "taxonomies"
OUT = REPO / "taxonomy_maps" / "us-gaap-2024" / "member_axes.csv"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
DIM_DOMAIN = "http://xbrl.org/int/dim/arcrole/dimension-domain"
DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
NOTICE = ("# Derived from the FASB US GAAP 2025 and SRT 2024 definition linkbases. (c) Financial Accounting "
          "Foundation. Notice: Authorized Uses are Set Forth at https://xbrl.fasb.org/terms/TaxonomiesTermsConditions.html")


def _name(href: str) -> str:
    """'../elts/us-gaap-2025.xsd#us-gaap_FooMember' -> 'us-gaap:FooMember'."""
    frag = href.rsplit("#", 1)[-1]
    prefix, _, local = frag.partition("_")
    return f"{prefix}:{local}"


def placements(path: Path) -> Counter:
    """(member, axis) pairs of one linkbase file. A domain's members are often listed in
    another extended link than the axis-domain arc, so the file's arcs are joined first."""
    found: Counter = Counter()
    root = etree.parse(str(path)).getroot()
    children: dict[str, list] = defaultdict(list)
    domains: list[tuple[str, str]] = []
    for link in root.iter(f"{{{LINK}}}definitionLink"):
        locs = {loc.get(f"{{{XLINK}}}label"): _name(loc.get(f"{{{XLINK}}}href"))
                for loc in link.iter(f"{{{LINK}}}loc")}
        for arc in link.iter(f"{{{LINK}}}definitionArc"):
            arcrole = arc.get(f"{{{XLINK}}}arcrole")
            a, b = locs.get(arc.get(f"{{{XLINK}}}from")), locs.get(arc.get(f"{{{XLINK}}}to"))
            if arcrole == DIM_DOMAIN:
                domains.append((a, b))
            elif arcrole == DOMAIN_MEMBER:
                children[a].append(b)
    for pairs in (domains,):
        for axis, domain in set(pairs):
            if not axis or not axis.endswith("Axis"):
                continue
            stack, seen = [domain], set()
            while stack:
                node = stack.pop()
                if node in seen:
                    continue
                seen.add(node)
                if node and node.endswith("Member"):
                    found[(node, axis)] += 1
                stack.extend(children.get(node, ()))
    return found


def main() -> int:
    total: Counter = Counter()
    files = sorted((SHARED / "us-gaap-2025-linkbases").rglob("*-def-*.xml")) + \
        sorted((SHARED / "srt-2024").rglob("*-def-*.xml"))
    if not files:
        print(f"no definition linkbases under {SHARED}", file=sys.stderr)
        return 1
    for path in files:
        total.update(placements(path))
    rows = sorted(((m, a, n) for (m, a), n in total.items()), key=lambda r: (r[0], -r[2], r[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        fh.write(NOTICE + "\n")
        w = csv.writer(fh)
        w.writerow(["member", "axis", "roles"])
        w.writerows(rows)
    print(f"{len(rows)} member-axis placements from {len(files)} linkbases -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
