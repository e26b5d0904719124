"""Learn which header cells and row labels of note tables name axis members, from official filings.

usage: python taxonomy_maps/scripts/learn_cells.py [--shared DIR] [--corpus DIR] [--out FILE]

Each official inline XBRL filing in ../shared/corpus/dev/*.htm.gz is stripped to the
untagged HTML a user would start from (../shared/tools/strip.py, a build-time dependency
only), read and detected by the converter itself, and every official fact is put back on
the cell of the converter's table that shows it. Then, per note table:

- a member (axis=member) every fact of some columns carries, and no fact of the others, is
  named by the header cell standing over exactly those columns ("Pension Plans" over
  "2024 | 2023"): place ``column``;
- a member every fact of a row carries, while the row's columns carry other members or
  none, is named by the row label ("Money market funds"): place ``row``; one that the
  rows under a heading share is named by the heading: place ``section``;
- a concept every fact of a column carries, while the rows carry different ones, is named
  by the column's caption ("Amortized Cost"): place ``column_concept``.

Company members are written ``ext`` (any company's own member), standard ones by name.
The output, ``taxonomy_maps/us-gaap-2024/learned_cells.csv``, keeps the company on every
row so the mapper can leave one company out when it is evaluated on that company.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from converter.detect import detect  # noqa: E402  (needs the repo on sys.path)
from converter.mapping.catalog import normalize_label  # noqa: E402
from converter.mapping.registrant import name_words, without_registrant  # noqa: E402
from converter.model import Document, InputKind, StatementKind  # noqa: E402
from converter.readers.html import parse_html  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from learn_corpus import learner_args, write_learned  # noqa: E402  (the learned CSVs share one writer)

DEFAULT_OUT = ROOT / "taxonomy_maps" / "us-gaap-2024" / "learned_cells.csv"
FAMILIES = (("fasb.org/us-gaap", "us-gaap"), ("fasb.org/srt", "srt"), ("xbrl.sec.gov/dei", "dei"),
            ("xbrl.sec.gov/country", "country"))
SHARE = 0.8  # a member names a column (row) when this share of its facts carry it


def family_name(clark: str) -> str:
    """'{http://fasb.org/us-gaap/2024}Assets' -> 'us-gaap:Assets'; company names -> 'ext'."""
    if not clark.startswith("{"):
        return "typed"
    namespace, _, local = clark[1:].partition("}")
    prefix = next((fam for frag, fam in FAMILIES if frag in namespace), None)
    return f"{prefix}:{local}" if prefix else "ext"


def _cell_address(tree, locator: str, tables: dict) -> tuple[int, int, int] | None:
    """(table, row, cell) of the <td> holding a converter cell, as ixfacts counts them."""
    found = tree.xpath(locator)
    if not found:
        return None
    td = next((a for a in [found[0], *found[0].iterancestors()] if a.tag in ("td", "th")), None)
    if td is None:
        return None
    tr = td.getparent()
    table = next((a for a in tr.iterancestors() if a.tag == "table"), None)
    if table is None or table not in tables:
        return None
    rows = [r for r in tr.getparent().iterchildren("tr")]
    return tables[table], rows.index(tr), tr.index(td)


def aligned_tables(path: Path, ixfacts, strip) -> tuple[str, list[tuple]]:
    """(company, [(table, {(row, column): [official facts]})]) for the note tables of one filing."""
    facts, info = ixfacts.parse(path)
    by_address: dict[tuple[int, int, int], list] = defaultdict(list)
    for f in facts:
        if f.table is not None and f.value is not None and f.period is not None:
            by_address[(f.table, f.row, f.cell)].append(f)
    html = strip.html(path)
    root, raw_tables, prose = parse_html(html)
    doc = Document(path=str(path), kind=InputKind.HTML, text=prose, tables=raw_tables, sha256="", native=root)
    filing = detect(doc)
    tree = root.getroottree()
    tables = {t: i for i, t in enumerate(root.iter("table"))}
    registrant = name_words(info.get("EntityRegistrantName") or "")
    out = []
    for table in filing.tables:
        if table.kind is not StatementKind.NOTE:
            continue
        grid: dict[tuple[int, int], list] = {}
        for row in table.rows:
            for col in table.columns:
                cell = row.cells[col.index] if col.index < len(row.cells) else None
                if cell is None or not cell.locator:
                    continue
                address = _cell_address(tree, cell.locator, tables)
                if address and by_address.get(address):
                    grid[(row.index, col.index)] = by_address[address]
        if grid:
            out.append((table, grid, registrant))
    return path.name.split("-", 1)[0].lower(), out


def _pairs(fact, own: bool = False) -> set[tuple[str, str]]:
    """(axis, member) of a fact; with ``own`` a company member keeps its own name, so that a
    column whose rows are each a member of their own (debt instruments under "Effective
    interest rate") does not look like a column of one member."""
    return {(family_name(a), _own(m) if own else family_name(m)) for a, m in fact.dims}


def _own(member: str) -> str:
    """A member's family name, a company member's with its own local name ('ext:NotesDue2030Member')."""
    name = family_name(member)
    return f"ext:{member.rpartition('}')[2]}" if name == "ext" else name


def _as_learned(pair: tuple[str, str]) -> tuple[str, str]:
    """The (axis, member) written out: every company member as 'ext'."""
    axis, member = pair
    return axis, "ext" if member.startswith("ext:") else member


def _share_by(grid: dict, index: int, own: bool = False) -> dict[int, Counter]:
    """Per column (index 1) or row (index 0): how many of its facts carry each member."""
    out: dict[int, Counter] = defaultdict(Counter)
    for key, facts in grid.items():
        for f in facts:
            out[key[index]]["_facts"] += 1
            for pair in _pairs(f, own):
                out[key[index]][pair] += 1
    return out


def _named(shares: dict[int, Counter]) -> dict[tuple[str, str], set[int]]:
    """Member -> the columns (rows) where nearly every fact carries it."""
    named: dict[tuple[str, str], set[int]] = defaultdict(set)
    for k, counts in shares.items():
        for pair, n in counts.items():
            if pair != "_facts" and n >= SHARE * counts["_facts"]:
                named[pair].add(k)
    return named


def learn_table(table, grid: dict, registrant: frozenset) -> list[tuple[str, str, str, str]]:
    """(place, normalized text, axis, member-or-concept) evidence of one aligned note table."""
    found = []
    columns = _named(_share_by(grid, 1, own=True))
    rows = _named(_share_by(grid, 0))
    ncols = len(table.columns)
    stacks = table.raw.column_headers if table.raw is not None and table.raw.column_headers else ()
    by_index = {r.index: r for r in table.rows}
    for pair, cols in columns.items():
        if len(cols) == ncols or not stacks:
            continue  # every column: the table's or the rows' member, not a column's
        for level in range(max(len(s) for s in stacks)):
            texts = {stacks[c][level] for c in cols if level < len(stacks[c])}
            if len(texts) != 1:
                continue
            text = texts.pop()
            over = {c for c in range(ncols) if level < len(stacks[c]) and stacks[c][level] == text}
            if over == cols:
                found.append(("column", normalize_label(text), *_as_learned(pair)))
    for pair, idx in rows.items():
        if len(idx) == len({k[0] for k in grid}):
            continue  # every row: not a row's member
        labels = {by_index[i].label for i in idx}
        sections = {by_index[i].section for i in idx}
        if len(sections) == 1 and (section := sections.pop()) and \
                idx == {r for r in {k[0] for k in grid} if by_index[r].section == section} and len(idx) > 1:
            found.append(("section", normalize_label(without_registrant(section, registrant)), *pair))
        elif len(labels) == 1:
            found.append(("row", normalize_label(without_registrant(labels.pop(), registrant)), *pair))
    concepts_by_col: dict[int, Counter] = defaultdict(Counter)
    concepts_by_row: dict[int, Counter] = defaultdict(Counter)
    for (r, c), facts in grid.items():
        for f in facts:
            concepts_by_col[c][family_name(f.concept)] += 1
            concepts_by_row[r][family_name(f.concept)] += 1
    if len(concepts_by_row) >= 2 and all(len(v) > 1 for v in concepts_by_row.values()):
        for c, counts in concepts_by_col.items():
            concept, n = counts.most_common(1)[0]
            caption = table.columns[c].label
            if n >= SHARE * sum(counts.values()) and caption:
                found.append(("column_concept", normalize_label(caption), "", concept))
    return [f for f in found if f[1]]


def learn(corpus: Path, ixfacts, strip) -> list[tuple]:
    counts: Counter = Counter()
    for path in sorted(corpus.glob("*.htm.gz")):
        company, tables = aligned_tables(path, ixfacts, strip)
        n = 0
        for table, grid, registrant in tables:
            for place, text, axis, value in learn_table(table, grid, registrant):
                counts[(company, place, text, axis, value)] += 1
                n += 1
        print(f"{path.name}: {len(tables)} aligned note tables, {n} pieces of evidence", file=sys.stderr)
    return sorted((*key, n) for key, n in counts.items())


def main(argv: list[str] | None = None) -> int:
    args = learner_args(argv, __doc__.splitlines()[0], DEFAULT_OUT)
    import ixfacts
    import strip

    rows = learn(args.corpus or args.shared / "corpus" / "dev", ixfacts, strip)
    write_learned(args.out, ["company", "place", "text", "axis", "value", "tables"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
