"""The mapping report: why each number got its concept, for a reviewer. CSV and Markdown.

One line per fact, plus one per shown number that got no fact ("unmapped", confidence 0),
so nothing the converter skipped is hidden. Lowest confidence first: a reviewer reads from
the top until the choices look safe. The Markdown adds a summary per table and, per
column, the period and the evidence it was inferred from.
"""
from __future__ import annotations

import csv
import io
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from converter import _atomic
from converter.model import Fact, Report, Table, value_column
from converter.writers import file_stem, register
from converter.writers._xbrl import by_identity, value_text

FIELDS = (
    "status", "confidence", "table", "table_title", "row", "column", "column_header", "source_label",
    "source_text", "locator", "concept", "concept_label", "extension", "period", "dimensions", "unit",
    "value", "decimals", "rule", "evidence",
)


class MappingLine(NamedTuple):
    """One line of the report. A named tuple, not a frozen dataclass: a report has a line per
    number (thousands), and a frozen dataclass sets each of its 20 fields through
    ``object.__setattr__``. The fields are in ``FIELDS`` order."""

    status: str  # "mapped" or "unmapped"
    confidence: float
    table: int
    table_title: str
    row: int
    column: int
    column_header: str
    source_label: str
    source_text: str
    locator: str
    concept: str = ""
    concept_label: str = ""
    extension: str = ""
    period: str = ""
    dimensions: str = ""
    unit: str = ""
    value: str = ""
    decimals: str = ""
    rule: str = ""
    evidence: str = ""  # the rule's or match's reason, in words

    def as_row(self) -> list[str]:
        return [self.status, f"{self.confidence:.2f}", *map(str, self[2:])]


assert MappingLine._fields == FIELDS
_ORDER = itemgetter(1, 2, 4, 5)  # confidence, table, row, column


class _Place(NamedTuple):
    """A table's title, rows and column headers by index (the first of a repeated index, as
    a scan finds it): looked up once per fact instead of scanning the table."""

    title: str
    rows: dict[int, object]
    headers: dict[int, str]

    @classmethod
    def of(cls, table: Table) -> _Place:
        rows: dict[int, object] = {}
        headers: dict[int, str] = {}
        for r in table.rows:
            rows.setdefault(r.index, r)
        for c in table.columns:
            headers.setdefault(c.index, c.header)
        return cls(table.title, rows, headers)


def mapping_lines(report: Report) -> list[MappingLine]:
    """Every fact and every unmapped shown number, lowest confidence first."""
    own = [(table, _Place.of(table)) for table in report.filing.tables]
    places = {table.index: place for table, place in own}
    texts = _FactTexts(report)
    lines = [_fact_line(texts, places, fact) for fact in report.facts]
    mapped = {(fact.source.table, fact.source.row, fact.source.column) for fact in report.facts}
    for table, (_, _, headers) in own:
        for item in table.rows:
            for column, cell in enumerate(item.cells):
                if cell is None or (cell.value is None and not cell.is_dash):
                    continue
                if (table.index, item.index, column) in mapped:
                    continue
                lines.append(MappingLine(
                    status="unmapped", confidence=0.0, table=table.index, table_title=table.title, row=item.index,
                    column=column, column_header=headers.get(value_column(column), ""), source_label=item.label,
                    source_text=cell.text, locator=cell.locator,
                ))
    return sorted(lines, key=_ORDER)


class _FactTexts:
    """The report's words for a fact's concept, period and unit, made once for each such
    object (by_identity): a filing's facts share a few hundred concepts and periods and a
    handful of units, and each look-up by value or text (a unit's join over its measures, a
    period's dates) cost more than the rest of a line."""

    def __init__(self, report: Report):
        self.concepts = report.concepts
        self.concept = by_identity(self._concept_texts)
        self.period = by_identity(str)
        self.dimensions = by_identity(_dimensions_text)  # of a context
        self._unit = by_identity(str)

    def _concept_texts(self, qname) -> tuple[str, str, str]:
        """(prefixed name, label, "yes"/"no" for an extension) of a fact's concept."""
        concept = self.concepts.get(qname)
        return (str(qname), concept.label if concept is not None else "",
                "yes" if concept is not None and concept.extension else "no")

    def unit(self, unit) -> str:
        return "" if unit is None else self._unit(unit)


def _dimensions_text(context) -> str:
    return "; ".join([f"{axis}={member}" for axis, member in context.dimensions])


def _fact_line(texts: _FactTexts, places: dict[int, _Place], fact: Fact) -> MappingLine:
    """The line of a fact, its fields given in ``FIELDS`` order (by position: a report has
    a line per number, and naming twenty arguments costs more than the rest of a line)."""
    source = fact.source
    place = places.get(source.table)
    item = place.rows.get(source.row) if place is not None else None
    cell = item.cell_at(source.column) if item is not None else None
    concept, concept_label, extension = texts.concept(fact.concept)
    context = fact.context
    return MappingLine(
        "mapped",
        fact.confidence,
        source.table,
        place.title if place is not None else "",
        source.row,
        source.column,
        place.headers.get(value_column(source.column), "") if place is not None else "",  # column_header
        item.label if item is not None else fact.label,  # source_label
        cell.text if cell is not None else source.text,  # source_text
        source.locator or (cell.locator if cell is not None else ""),  # locator
        concept,
        concept_label,
        extension,
        texts.period(context.period),
        texts.dimensions(context) if context.dimensions else "",
        texts.unit(fact.unit),
        value_text(fact.value) if fact.value is not None else "",
        "" if fact.decimals is None else str(fact.decimals),
        fact.rule,
        fact.evidence,
    )


def _csv_writer(buffer):
    return csv.writer(buffer, lineterminator="\n")


def _csv_row(row: list[str]) -> str:
    buffer = io.StringIO()
    _csv_writer(buffer).writerow(row)
    return buffer.getvalue()


def _quoting_is_minimal() -> bool:
    """Whether the csv writer quotes a field exactly when it holds a comma, a quote or a line
    feed (doubling quotes), and writes any other field as it is: what ``csv_text``'s own
    joining assumes. Asked once, of the csv module itself."""
    probes = [",", '"', "\n", "\r", "\t", " ", "\x0b", "\x0c", "'", ";", "\\", "\u2028", "é", ""]
    for probe in probes:
        for field in (f"a{probe}b", f"{probe}a", f"a{probe}"):
            quoted = probe in (",", '"', "\n")
            expected = f'"{field.replace(chr(34), chr(34) * 2)}"' if quoted else field
            if _csv_row([field, "x"]) != f"{expected},x\n":
                return False
    return _csv_row(["", "x"]) == ",x\n"


_MINIMAL = _quoting_is_minimal()


def csv_text(rows: list[list[str]]) -> str:
    """The lines' rows (``MappingLine.as_row``) as CSV: the csv module's default dialect
    with ``\n`` line ends.

    Rows are joined here as the csv writer would write them (checked at import, see
    _quoting_is_minimal): its per-character scan of every field cost more than the rest
    of the mapping report. A row with a quote or a line feed goes through the writer.
    """
    buffer = io.StringIO()
    writer = _csv_writer(buffer)
    writer.writerow(FIELDS)
    if not _MINIMAL:
        writer.writerows(rows)
        return buffer.getvalue()
    out = [buffer.getvalue()]
    for row in rows:
        text = ",".join(row)
        if '"' in text or "\n" in text:
            out.append(_csv_row(row))
        elif text.count(",") == len(row) - 1:
            out.append(text + "\n")
        else:  # some field holds a comma: that field is quoted
            out.append(",".join([f'"{field}"' if "," in field else field for field in row]) + "\n")
    return "".join(out)


def _md(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _md_row(row) -> str:
    """``| a | b |`` of any values, each written as ``str`` gives it (see ``_md_cells``)."""
    return _md_cells(list(map(str, row)))


def _md_cells(cells) -> str:
    """``| a | b |`` with every cell (a string) through ``_md``. A report has a row per
    number, so the row is first joined with its cells only stripped; cell by cell escaping
    is needed only when the joined row holds a bar of a cell's own, a backslash or a line feed."""
    stripped = list(map(str.strip, cells))
    line = " | ".join(stripped)
    if line.count("|") != len(stripped) - 1 or "\\" in line or "\n" in line:
        line = " | ".join(_md(v) for v in cells)
    return f"| {line} |"


def _md_head(head: list[str]) -> list[str]:
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]


def _md_table(head: list[str], rows: list[list]) -> list[str]:
    return _md_head(head) + [_md_row(row) for row in rows]


# The columns of the Markdown's table of every number, picked from a line's CSV row: the
# texts (confidence to two places, indices) are made once for both files.
NUMBER_COLUMNS = ("Confidence", "Status", "Table", "Row", "Col", "Source label", "Shown", "Concept", "Concept label",
                  "Ext.", "Period", "Dimensions", "Unit", "Value", "Rule", "Why")
_NUMBER_CELLS = itemgetter(*(FIELDS.index(name) for name in (
    "confidence", "status", "table", "row", "column", "source_label", "source_text", "concept", "concept_label",
    "extension", "period", "dimensions", "unit", "value", "rule", "evidence")))


def markdown_text(report: Report, lines: list[MappingLine], csv_rows: list[list[str]]) -> str:
    """The summary per table and column, then every number (``csv_rows``: the lines' CSV rows)."""
    filing = report.filing
    mapped = [line for line in lines if line.status == "mapped"]
    unmapped = [line for line in lines if line.status == "unmapped"]
    extensions = sorted({line.concept for line in mapped if line.extension == "yes"})
    out = [
        f"# Mapping report: {_md(filing.company)}, {filing.document_type}, period ended {filing.period_end.isoformat()}",
        "",
        f"- {len(mapped)} facts from {len(filing.tables)} tables; "
        f"{len(unmapped)} shown numbers without a fact (listed first below, as unmapped).",
        f"- {len(extensions)} extension concepts: {', '.join(extensions) or 'none'}.",
        f"- Facts with confidence below 0.5: {sum(1 for line in mapped if line.confidence < 0.5)}.",
        "",
        "## Tables",
        "",
    ]
    mapped_by_table: dict[int, list[MappingLine]] = {}
    unmapped_by_table: dict[int, int] = {}
    for line in mapped:
        mapped_by_table.setdefault(line.table, []).append(line)
    for line in unmapped:
        unmapped_by_table[line.table] = unmapped_by_table.get(line.table, 0) + 1
    rows = []
    for table in filing.tables:
        own = mapped_by_table.get(table.index, [])
        rows.append([
            table.index, table.title, table.kind.value, len(table.columns), len(table.rows), len(own),
            unmapped_by_table.get(table.index, 0),
            f"{min(line.confidence for line in own):.2f}" if own else "",
        ])
    out += _md_table(["#", "Title", "Kind", "Columns", "Rows", "Facts", "Unmapped", "Lowest confidence"], rows)
    if filing.skipped:
        out += ["", "## Tables of numbers not tagged", ""]
        out += [f"- {_md(reason)}" for reason in filing.skipped]
    out += ["", "## Column periods and how they were found", ""]
    for table in filing.tables:
        out += [f"### Table {table.index}: {_md(table.title)}", ""]
        out += _md_table(["Column", "Header", "Period", "Members", "Evidence"], [
            [c.index, c.header, str(c.period), "; ".join(f"{a}={m}" for a, m in c.members), c.period_evidence]
            for c in table.columns
        ])
        out.append("")
    out += ["## Every number, lowest confidence first", ""]
    out += _md_head(list(NUMBER_COLUMNS))
    out += [_md_cells(_NUMBER_CELLS(row)) for row in csv_rows]  # strings already
    return "\n".join(out) + "\n"


@register("mapping-report")
def write_mapping_report(report: Report, folder: Path) -> list[Path]:
    stem = file_stem(report)
    lines = mapping_lines(report)
    csv_path = Path(folder) / f"{stem}-mapping.csv"
    md_path = Path(folder) / f"{stem}-mapping.md"
    rows = [line.as_row() for line in lines]
    _atomic.write_text(csv_path, csv_text(rows))
    _atomic.write_text(md_path, markdown_text(report, lines, rows))
    return [csv_path, md_path]
