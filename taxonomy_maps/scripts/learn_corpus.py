"""Learn (company, statement, row label, concept, dimensions) pairs from official filings.

usage: python taxonomy_maps/scripts/learn_corpus.py [--shared DIR] [--corpus DIR] [--out FILE]

Reads every official inline XBRL filing in ../shared/corpus/dev/*.htm.gz with the shared
reader ../shared/tools/ixfacts.py (a build-time dependency only) and writes
taxonomy_maps/us-gaap-2024/learned_labels.csv: one row per (company, statement kind,
normalized row label, concept, dimensions) with how many facts used it, how many of them
sat in a total row, were shown in parentheses, carried sign="-", or sat inside the label
text itself ("6,000 shares authorized"), the heading it most often sits under (section) and
its mean place in its table (position, 0 first row .. 1 last). The company is kept
on every row so a mapper can leave one company out when it is evaluated on that company.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from converter import _atomic  # noqa: E402  (needs the repo on sys.path)
from converter.mapping.catalog import normalize_label  # noqa: E402
from converter.mapping.registrant import name_words, without_registrant  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "taxonomy_maps" / "us-gaap-2024" / "learned_labels.csv"
IX = "http://www.xbrl.org/2013/inlineXBRL"
XHTML = "http://www.w3.org/1999/xhtml"
NOTICE = "# Learned from official SEC EDGAR inline XBRL filings (public domain) in ../shared/corpus/dev\n"

FAMILIES = (("fasb.org/us-gaap", "us-gaap"), ("fasb.org/srt", "srt"), ("xbrl.sec.gov/dei", "dei"))

# Statement kind -> (concepts that identify it, how many must be present). A table is the
# first in the document showing enough of them; equity also needs the equity components axis.
STATEMENT_MARKERS = {
    "balance": ({"Assets", "LiabilitiesAndStockholdersEquity", "AssetsCurrent", "LiabilitiesCurrent"}, 2),
    "income": ({"EarningsPerShareBasic", "EarningsPerShareDiluted", "OperatingIncomeLoss", "Revenues",
                "RevenueFromContractWithCustomerExcludingAssessedTax", "CostsAndExpenses",
                "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"}, 2),
    "comprehensive": ({"ComprehensiveIncomeNetOfTax", "OtherComprehensiveIncomeLossNetOfTax",
                       "ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"}, 1),
    "cashflow": ({"NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
                  "NetCashProvidedByUsedInFinancingActivities"}, 2),
    "equity": ({"StockholdersEquity", "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"}, 1),
}
TOTAL_LABEL = re.compile(r"^(total\b|subtotal\b|net cash\b|net (increase|decrease|change)\b)")
MAX_ADDENDS = 30


@dataclass
class TableFact:
    """One numeric fact of a table with what the learner records about it."""

    concept: str
    dims: str
    period_type: str
    label: str
    row: int  # ordinal of its <tr> within the table
    column: int  # ordinal of its cell within the row
    shown: Decimal  # the number as displayed: absolute value, negative if in parentheses
    parens: bool
    negated: bool
    in_label: bool  # the number sits inside the row label's own text ("6,000 shares authorized")
    section: str  # label of the nearest heading row above (a row with a label and no facts)
    total: bool = False
    position: float = 0.0  # the row's place among the table's labelled fact rows, 0 first .. 1 last


def family_name(clark: str) -> str:
    """'{http://fasb.org/us-gaap/2024}Assets' -> 'us-gaap:Assets'; company names -> 'ext:Local'."""
    namespace, _, local = clark[1:].partition("}")
    prefix = next((fam for frag, fam in FAMILIES if frag in namespace), "ext")
    return f"{prefix}:{local}"


def concept_name(clark: str) -> str:
    """The concept as learned: 'us-gaap:Assets', or just 'ext' for any company extension."""
    name = family_name(clark)
    return "ext" if name.startswith("ext:") else name


def classify(facts_by_table: dict[int, list]) -> dict[int, str]:
    """Table index -> statement kind for the primary statements; other tables are notes."""
    kinds: dict[int, str] = {}
    for table in sorted(facts_by_table):
        facts = facts_by_table[table]
        names = {f.concept.rsplit("}", 1)[-1] for f in facts}
        mostly_dimensioned = sum(bool(f.dims) for f in facts) * 2 > len(facts)
        has_equity_axis = any("StatementEquityComponentsAxis" in axis for f in facts for axis, _ in f.dims)
        for kind, (markers, needed) in STATEMENT_MARKERS.items():
            if kind in kinds.values() or len(names & markers) < needed:
                continue
            if (has_equity_axis if kind == "equity" else not mostly_dimensioned):
                kinds[table] = kind
                break
    return kinds


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _label_cell(tr):
    """The row's first non-empty cell, if it holds a label rather than a number."""
    for cell in tr:
        if isinstance(cell.tag, str) and etree.QName(cell).localname in ("td", "th"):
            text = _text(cell)
            if text:
                return None if re.fullmatch(r"[\d$(),.\s%\-\u2014\u2013]*", text) else cell
    return None


def _parenthesized(el, td) -> bool:
    """Whether the number of ``el`` is displayed in parentheses (in its cell or split cells)."""
    own = "".join(td.itertext())
    number = "".join(el.itertext())
    at = own.find(number)
    before, after = (own[:at], own[at + len(number):]) if at >= 0 else ("", "")
    prev_td, next_td = td.getprevious(), td.getnext()
    if "(" not in before and prev_td is not None and _text(prev_td).replace("$", "").strip() == "(":
        before += "("
    if ")" not in after and next_td is not None and _text(next_td).startswith(")"):
        after += ")"
    return "(" in before and ")" in after


def table_facts(path: Path, ixfacts) -> tuple[dict[int, str], dict[int, list[TableFact]]]:
    """Statement kinds and the numeric facts of every table of one filing."""
    facts, info = ixfacts.parse(path)
    registrant = name_words(info.get("EntityRegistrantName") or "")
    root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=True)).getroot()
    elements = list(root.iter(f"{{{IX}}}nonFraction"))
    if len(elements) != len(facts):
        raise RuntimeError(f"{path.name}: ixfacts and lxml disagree on the number of facts")
    tables = list(root.iter(f"{{{XHTML}}}table"))
    fact_tables = {f.table for f in facts if f.table is not None}
    # Keyed by the elements themselves: holding them keeps lxml's proxies (and so identity) alive.
    row_order, sections = {}, {}
    for t in fact_tables:
        heading = ""
        for i, tr in enumerate(tables[t].iter(f"{{{XHTML}}}tr")):
            row_order[tr] = i
            if next(tr.iter(f"{{{IX}}}nonFraction"), None) is None:
                cell = _label_cell(tr)
                heading = normalize_label(_text(cell)) if cell is not None else heading
            sections[tr] = heading
    by_table: dict[int, list] = defaultdict(list)
    out: dict[int, list[TableFact]] = defaultdict(list)
    for fact, el in zip(facts, elements):
        if fact.table is None or fact.value is None or fact.period is None:
            continue
        by_table[fact.table].append(fact)
        td = next(a for a in el.iterancestors() if etree.QName(a).localname in ("td", "th"))
        tr = td.getparent()
        label_cell = _label_cell(tr)
        label = normalize_label(without_registrant(_text(label_cell), registrant)) if label_cell is not None else ""
        if not label:
            continue
        parens = _parenthesized(el, td)
        out[fact.table].append(TableFact(
            concept=concept_name(fact.concept),
            dims=";".join(f"{family_name(a)}={family_name(m) if m.startswith('{') else 'typed'}"
                          for a, m in fact.dims),
            period_type=fact.period[0], label=label, row=row_order[tr], column=fact.cell or 0,
            shown=-abs(fact.value) if parens else abs(fact.value), parens=parens,
            negated=el.get("sign") == "-", in_label=td is label_cell, section=sections[tr]))
    for facts_of_table in out.values():
        mark_totals([f for f in facts_of_table if not f.in_label])
        mark_positions(facts_of_table)
    return classify(by_table), out


def mark_positions(facts: list[TableFact]) -> None:
    rows = sorted({f.row for f in facts})
    rank = {row: i / max(1, len(rows) - 1) for i, row in enumerate(rows)}
    for f in facts:
        f.position = rank[f.row]


def mark_totals(facts: list[TableFact]) -> None:
    """A fact is a total when its label says so or its number sums the numbers just above it."""
    by_column: dict[int, list[TableFact]] = defaultdict(list)
    for f in sorted(facts, key=lambda f: (f.column, f.row)):
        by_column[f.column].append(f)
    for column in by_column.values():
        for i, fact in enumerate(column):
            fact.total = bool(TOTAL_LABEL.match(fact.label)) or sums_rows_above(column[max(0, i - MAX_ADDENDS):i], fact)


def sums_rows_above(above: list[TableFact], fact: TableFact) -> bool:
    if fact.shown == 0 or len(above) < 2:
        return False
    running_signed = running_abs = Decimal(0)
    for n, prior in enumerate(reversed(above), start=1):
        running_signed += prior.shown
        running_abs += abs(prior.shown)
        if n >= 2 and (running_signed == fact.shown or running_abs == abs(fact.shown)):
            return True
    return False


def learn(corpus: Path, ixfacts) -> list[tuple]:
    counts: dict[tuple, Counter] = defaultdict(Counter)
    sections: dict[tuple, Counter] = defaultdict(Counter)
    for path in sorted(corpus.glob("*.htm.gz")):
        company = path.name.split("-", 1)[0].lower()
        kinds, facts = table_facts(path, ixfacts)
        for table, table_facts_ in facts.items():
            statement = kinds.get(table, "note")
            for f in table_facts_:
                key = (company, statement, f.label, f.concept, f.dims)
                c = counts[key]
                c["count"] += 1
                c["total"] += f.total
                c["parens"] += f.parens
                c["negated"] += f.negated
                c["in_label"] += f.in_label
                c["position_sum"] += f.position
                sections[key][f.section] += 1
                c[f"period:{f.period_type}"] += 1
        print(f"{path.name}: {sum(len(v) for v in facts.values())} labelled table facts, "
              f"statements {sorted(set(kinds.values()))}", file=sys.stderr)
    rows = []
    for key, c in counts.items():
        period_type = "instant" if c["period:instant"] >= c["period:duration"] else "duration"
        section = min(sections[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        position = f"{c['position_sum'] / c['count']:.2f}"
        rows.append((*key, period_type, c["count"], c["total"], c["parens"], c["negated"], c["in_label"],
                     section, position))
    return sorted(rows)


def learner_args(argv: list[str] | None, description: str, default_out: Path) -> argparse.Namespace:
    """The options every learner takes; the shared tools (ixfacts, strip) made importable."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--corpus", type=Path, help="folder of *.htm.gz filings (default: SHARED/corpus/dev)")
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.shared / "tools"))
    return args


def main(argv: list[str] | None = None) -> int:
    args = learner_args(argv, __doc__.splitlines()[0], DEFAULT_OUT)
    import ixfacts

    rows = learn(args.corpus or args.shared / "corpus" / "dev", ixfacts)
    write_learned(args.out, ["company", "statement", "label", "concept", "dims", "period_type", "count",
                             "total_count", "parens_count", "negated_count", "in_label_count", "section",
                             "position"], rows)
    return 0


def write_learned(out: Path, header: list[str], rows) -> None:
    """A learned CSV under its provenance notice, written whole or not at all."""
    buf = io.StringIO()
    buf.write(NOTICE)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    _atomic.write_text(out, buf.getvalue())
    print(f"{out}: {len(rows)} rows, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    sys.exit(main())
