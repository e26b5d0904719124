"""Build the taxonomy catalog files of ``taxonomy_maps/us-gaap-2024/`` from ../shared/taxonomies.

usage: python taxonomy_maps/scripts/build_catalog.py [--shared DIR] [--out DIR]

A build script, run by developers when the sources change; the files it writes are
committed because users do not have ../shared. Output is sorted and deterministic, so a
rebuild from the same sources gives byte-identical files (see taxonomy_maps/SOURCES.md).

Writes:
  concepts.csv       us-gaap 2024 non-abstract item concepts (name, period_type, balance,
                     type, label, label_source)
  dei-concepts.csv   the same for dei 2024
  srt-concepts.csv   the same for srt 2024, labels from the srt label linkbase
  members.csv        domain members of us-gaap, srt and dei (prefix, name, label, label_source)
  axes.csv           dimensions of us-gaap, srt and dei (prefix, name, label, label_source)
  calculations.csv   us-gaap 2025 calculation arcs (role, parent, child, weight, order),
                     both ends present in 2024
  presentation.csv   us-gaap 2025 statement and disclosure presentation arcs (statement
                     kind, role, parent, child, order, depth), child present in 2024;
                     hypercubes and text blocks left out
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "taxonomy_maps" / "us-gaap-2024"

XLINK = "http://www.w3.org/1999/xlink"
LINK = "http://www.xbrl.org/2003/linkbase"
XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
STANDARD_LABEL_ROLE = "http://www.xbrl.org/2003/role/label"

FAF_NOTICE = (
    "# Derived from the FASB US GAAP and SRT taxonomies. (c) 2010-2025 Financial Accounting Foundation; "
    "(c) 2007-2010 XBRL US, Inc. All Rights Reserved. Notice: Authorized Uses are Set Forth at "
    "https://xbrl.fasb.org/terms/TaxonomiesTermsConditions.html\n"
)

# Presentation file codes (us-gaap-stm-<code>-...) -> statement kind of converter.model.StatementKind.
STATEMENT_CODES = {
    "sfp": "balance",
    "soi": "income",
    "soc": "comprehensive",
    "sheci": "equity",
    "spc": "equity",
    "scf": "cashflow",
}

SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
               "per", "the", "to", "with", "without", "than", "under", "over"}
CAMEL_TOKEN = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def derived_label(name: str) -> str:
    """A readable label from a CamelCase concept name, for concepts without a standard label.

    ``PaymentsToAcquirePropertyPlantAndEquipment`` -> "Payments to Acquire Property Plant and
    Equipment"; members and axes keep the taxonomy's "[Member]" / "[Axis]" suffix style.
    """
    suffix = ""
    for tail, shown in (("Member", " [Member]"), ("Axis", " [Axis]"), ("Domain", " [Domain]")):
        if name.endswith(tail) and len(name) > len(tail):
            name, suffix = name[: -len(tail)], shown
            break
    words = CAMEL_TOKEN.findall(name) or [name]
    shown = [w if i == 0 or w.lower() not in SMALL_WORDS else w.lower() for i, w in enumerate(words)]
    return " ".join(shown) + suffix


def write_csv(path: Path, header: list[str], rows: list[tuple], notice: str = FAF_NOTICE) -> None:
    """Write rows sorted, with the source notice as a leading '#' line."""
    buf = io.StringIO()
    buf.write(notice)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(sorted(rows))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)
    print(f"{path}: {len(rows)} rows, {path.stat().st_size:,} bytes")


# --- concepts ----------------------------------------------------------------------


def shared_concepts(csv_path: Path) -> list[dict]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def srt_concepts(srt_dir: Path) -> list[dict]:
    """The srt 2024 schema's elements in the shape of the shared concept CSVs."""
    labels = srt_labels(srt_dir / "elts" / "srt-lab-2024.xml")
    rows = []
    for el in etree.parse(str(srt_dir / "elts" / "srt-2024.xsd")).getroot().iter(f"{{{XS}}}element"):
        name = el.get("name")
        qtype = el.get("type", "")
        label = labels.get(name, "")
        rows.append({
            "name": name,
            "period_type": el.get(f"{{{XBRLI}}}periodType", ""),
            "balance": el.get(f"{{{XBRLI}}}balance", ""),
            "type": qtype.partition(":")[2] or qtype,
            "abstract": el.get("abstract", "false"),
            "substitution_group": el.get("substitutionGroup", ""),
            "label": label,
            "label_source": "srt_label_linkbase" if label else "",
        })
    return rows


def srt_labels(lab_path: Path) -> dict[str, str]:
    """Standard labels of the srt label linkbase, by concept name."""
    root = etree.parse(str(lab_path)).getroot()
    loc_concept, res_text, arcs = {}, {}, []
    for link in root.iter(f"{{{LINK}}}labelLink"):
        for el in link:
            tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if tag == "loc":
                loc_concept[el.get(f"{{{XLINK}}}label")] = el.get(f"{{{XLINK}}}href").split("#", 1)[1].partition("_")[2]
            elif tag == "label" and el.get(f"{{{XLINK}}}role") == STANDARD_LABEL_ROLE:
                res_text[el.get(f"{{{XLINK}}}label")] = " ".join((el.text or "").split())
            elif tag == "labelArc":
                arcs.append((el.get(f"{{{XLINK}}}from"), el.get(f"{{{XLINK}}}to")))
    return {loc_concept[f]: res_text[t] for f, t in arcs if f in loc_concept and t in res_text}


def is_item(row: dict) -> bool:
    return row["substitution_group"] == "xbrli:item" and row["abstract"] != "true"


def is_member(row: dict) -> bool:
    return row["type"] == "domainItemType"


def is_axis(row: dict) -> bool:
    return row["substitution_group"] == "xbrldt:dimensionItem"


def label_of(row: dict) -> tuple[str, str]:
    if row.get("label"):
        return row["label"], row.get("label_source") or "standard"
    return derived_label(row["name"]), "derived"


def concept_rows(rows: list[dict]) -> list[tuple]:
    return [(r["name"], r["period_type"], r["balance"], r["type"], *label_of(r)) for r in rows if is_item(r)]


# --- linkbases ---------------------------------------------------------------------


def _concept_of_href(href: str) -> str:
    """'../elts/us-gaap-2025.xsd#us-gaap_Assets' -> 'us-gaap:Assets'."""
    frag = href.split("#", 1)[1]
    prefix, _, local = frag.partition("_")
    return f"{prefix}:{local}"


def _role_short(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def linkbase_arcs(path: Path, link_tag: str, arc_tag: str):
    """Yield (role_uri, parent, child, arc element) for every arc of a linkbase file."""
    root = etree.parse(str(path)).getroot()
    for link in root.iter(f"{{{LINK}}}{link_tag}"):
        role = link.get(f"{{{XLINK}}}role")
        locs = {loc.get(f"{{{XLINK}}}label"): _concept_of_href(loc.get(f"{{{XLINK}}}href"))
                for loc in link.iter(f"{{{LINK}}}loc")}
        for arc in link.iter(f"{{{LINK}}}{arc_tag}"):
            yield role, locs[arc.get(f"{{{XLINK}}}from")], locs[arc.get(f"{{{XLINK}}}to")], arc


def linkbase_files(base: Path, kind: str) -> list[Path]:
    return sorted(p for sub in ("stm", "dis") for p in (base / sub).glob(f"*-{kind}-2025.xml"))


def statement_kind(path: Path) -> str:
    """Statement kind of a presentation file: stm/us-gaap-stm-sfp-cls-pre-2025.xml -> balance."""
    if path.parent.name != "stm":
        return "note"
    code = path.name.split("-")[3]
    return STATEMENT_CODES.get(code, "note")


def calculation_rows(base: Path, known: set[str]) -> list[tuple]:
    rows = set()
    for path in linkbase_files(base, "cal"):
        for role, parent, child, arc in linkbase_arcs(path, "calculationLink", "calculationArc"):
            if parent in known and child in known:
                weight = int(float(arc.get("weight")))
                rows.add((_role_short(role), parent, child, weight, float(arc.get("order", "0"))))
    return list(rows)


def presentation_rows(base: Path, known: set[str]) -> list[tuple]:
    """One row per presentation arc whose child exists in 2024, with its depth in the tree."""
    rows = set()
    for path in linkbase_files(base, "pre"):
        kind = statement_kind(path)
        arcs = list(linkbase_arcs(path, "presentationLink", "presentationArc"))
        by_role: dict[str, dict[str, list]] = {}
        for role, parent, child, arc in arcs:
            by_role.setdefault(role, {}).setdefault(parent, []).append((float(arc.get("order", "0")), child))
        for role, children in by_role.items():
            all_children = {c for kids in children.values() for _, c in kids}
            roots = [p for p in children if p not in all_children]
            stack = [(r, 0) for r in sorted(roots)]
            seen = set()
            while stack:
                parent, depth = stack.pop()
                if parent in seen:
                    continue
                seen.add(parent)
                for order, child in sorted(children.get(parent, [])):
                    if child in known:
                        rows.add((kind, _role_short(role), parent, child, order, depth + 1))
                    stack.append((child, depth + 1))
    return list(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    tax = args.shared / "taxonomies"
    out = args.out

    families = {
        "us-gaap": shared_concepts(tax / "concepts" / "us-gaap-2024-concepts.csv"),
        "dei": shared_concepts(tax / "concepts" / "dei-2024-concepts.csv"),
        "srt": srt_concepts(tax / "srt-2024"),
    }
    concept_header = ["name", "period_type", "balance", "type", "label", "label_source"]
    write_csv(out / "concepts.csv", concept_header, concept_rows(families["us-gaap"]))
    write_csv(out / "dei-concepts.csv", concept_header, concept_rows(families["dei"]),
              notice="# Derived from the SEC's DEI taxonomy 2024 (US government work)\n")
    write_csv(out / "srt-concepts.csv", concept_header, concept_rows(families["srt"]))

    members, axes = [], []
    for prefix, rows in families.items():
        for r in rows:
            if is_member(r):
                members.append((prefix, r["name"], *label_of(r)))
            elif is_axis(r):
                axes.append((prefix, r["name"], *label_of(r)))
    write_csv(out / "members.csv", ["prefix", "name", "label", "label_source"], members)
    write_csv(out / "axes.csv", ["prefix", "name", "label", "label_source"], axes)

    known = {f"{prefix}:{r['name']}" for prefix, rows in families.items() for r in rows}
    # Hypercubes and text blocks say nothing about where a number sits; leave them out.
    presentable = {f"{prefix}:{r['name']}" for prefix, rows in families.items() for r in rows
                   if r["substitution_group"] != "xbrldt:hypercubeItem" and r["type"] != "textBlockItemType"}
    linkbases = tax / "us-gaap-2025-linkbases"
    write_csv(out / "calculations.csv", ["role", "parent", "child", "weight", "order"],
              calculation_rows(linkbases, known))
    write_csv(out / "presentation.csv", ["statement", "role", "parent", "child", "order", "depth"],
              presentation_rows(linkbases, presentable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
