"""Proving our output: ``validate``, ``view`` and ``roundtrip`` commands.

The round trip reads our iXBRL back through Arelle (not our writer's data) and the source
through the analysis stage, and checks that each number of each detected table is exactly
one fact with the same magnitude after scale, and that each fact names a source cell. The
writer gives every ``ix:nonFraction`` the id ``f-{table}-{row}-{column}``: that id is the
only link between a fact and its cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from typing import TYPE_CHECKING

from converter.errors import RoundTripError, ValidationFailed
from converter.mapping import is_statement_ratio, is_years_count, may_count_years
from converter.mapping.dividends import is_years_row
from converter.model import HIGH_COLUMN, LABEL_COLUMN, NS, Fact, Filing, QName, RawCell, Table, Unit, in_label

if TYPE_CHECKING:  # Arelle takes half a second to import: only the commands that use it load it
    from converter.arelle_bridge import ValidationReport

FACT_ID = re.compile(r"f-(\d+)-(\d+)-(\d+)")

_SHARES = QName.std("xbrli:shares")
_PURE = QName.std("xbrli:pure")


def fact_id(table: int, row: int, column: int) -> str:
    """The id the writer gives the fact of a source cell."""
    return f"f-{table}-{row}-{column}"


@dataclass(frozen=True)
class Mismatch:
    """One failure of the round trip: which cell or fact, what kind, and the evidence."""

    fact_id: str
    kind: str  # missing | duplicate | value | unit | orphan
    detail: str

    def __str__(self) -> str:
        return f"{self.kind:<9} {self.fact_id:<12} {self.detail}"


@dataclass(frozen=True)
class RoundTripResult:
    cells: int  # non-empty numeric cells of the detected tables
    facts: int  # numeric facts Arelle read from our iXBRL
    matched: int  # cells with exactly one fact of the right magnitude
    mismatches: tuple[Mismatch, ...]
    report: ValidationReport
    untagged_dashes: int = 0  # "—" cells left untagged: a shown nothing, tagging it as zero is optional
    untagged_label_numbers: int = 0  # numbers printed in labels no rule names (tagging them is optional)
    untagged_ratios: int = 0  # percentages in primary statements, untagged as official filings leave them
    untagged_years: int = 0  # numbers of years (a useful life, a remaining term): durations, not numeric facts

    @property
    def ok(self) -> bool:
        return not self.mismatches and self.report.ok


@dataclass(frozen=True)
class _SourceCell:
    table: Table
    label: str
    column: int
    cell: RawCell
    row_scale: int | None = None  # "Net loss (in thousands)" in a table without a scale
    scale: int | None = None  # a number printed in a label says its own scale ("900 shares" in millions)
    column_scale: int | None = None  # a column caption's own scale ("Aggregate intrinsic value (in millions)")
    section: str = ""  # the heading over the row
    in_years_row: bool = False  # a row of years read as a row ("2024 | 2023 | 2022"): a header

    @property
    def shown(self) -> Decimal:
        """The magnitude as printed: a dash is a shown zero."""
        return Decimal(0) if self.cell.is_dash else self.cell.value

    def where(self) -> str:
        return f"table {self.table.index} row {self.label!r} column {self.column} {self.cell.text!r}"


def _source_cells(filing: Filing) -> dict[str, _SourceCell]:
    cells = {}
    for table in filing.tables:
        for row in table.rows:
            years_row = is_years_row(row)
            for column, cell in enumerate(row.cells):
                if cell is not None and (cell.value is not None or cell.is_dash):
                    col_scale = table.columns[column].scale if column < len(table.columns) else None
                    cells[fact_id(table.index, row.index, column)] = _SourceCell(
                        table, row.label, column, cell, row.scale, column_scale=col_scale, section=row.section,
                        in_years_row=years_row)
                    if cell.high is not None:  # "4.80% - 4.95%": the range's upper end is a fact too
                        high = HIGH_COLUMN + column
                        cells[fact_id(table.index, row.index, high)] = _SourceCell(table, row.label, high, cell.high,
                                                                                   row.scale, column_scale=col_scale)
            for k, number in enumerate(row.label_numbers):
                column = LABEL_COLUMN + k
                cells[fact_id(table.index, row.index, column)] = _SourceCell(table, row.label, column, number.cell,
                                                                             scale=number.scale)
    return cells


def _is_currency(measure: QName) -> bool:
    return measure.namespace == NS["iso4217"]


def _scale_for(unit: Unit | None, table: Table, row_scale: int | None = None, *, percent: bool = False,
               column_scale: int | None = None) -> int | None:
    """The table's scale that applies to a fact of this unit; None if no rule covers it. A
    pure number is a rate shown as a percentage, or a count as shown (stores, employees)."""
    if unit is None:
        return None
    numerators, denominators = unit.numerators, unit.denominators
    if len(numerators) != 1:
        return None
    if denominators == (_SHARES,) and _is_currency(numerators[0]):
        return table.per_share_scale
    if denominators:
        return None
    if column_scale is not None and (numerators[0] == _SHARES or _is_currency(numerators[0])):
        return column_scale
    if numerators[0] == _SHARES:
        return table.shares_scale
    if numerators[0] == _PURE:
        return -2 if percent else 0
    if _is_currency(numerators[0]):
        return table.scale if row_scale is None else row_scale
    return None


def _check(source: _SourceCell, fact: Fact) -> Mismatch | None:
    where = source.where()
    scale = source.scale if source.scale is not None else \
        _scale_for(fact.unit, source.table, source.row_scale, percent=source.cell.percent,
                   column_scale=source.column_scale)
    if scale is None:
        return Mismatch(fact.id, "unit", f"{fact.concept} in unit {fact.unit} has no scale rule; {where}")
    expected = source.shown.scaleb(scale)
    if fact.value is None or abs(fact.value) != expected:
        return Mismatch(
            fact.id, "value",
            f"{fact.concept} = {fact.value}, expected ±{expected} (shown {source.shown} x 10^{scale}); {where}",
        )
    return None


def match_cells(filing: Filing, facts, report: ValidationReport) -> RoundTripResult:
    """Compare the source cells with the facts read back (no Arelle here: pure data)."""
    cells = _source_cells(filing)
    facts = tuple(facts)
    by_id: dict[str, list[Fact]] = {}
    mismatches = []
    for fact in facts:
        if fact.id in cells:
            by_id.setdefault(fact.id, []).append(fact)
        else:
            reason = "names no source cell" if FACT_ID.fullmatch(fact.id) else "has no source-cell id"
            mismatches.append(Mismatch(fact.id or "(no id)", "orphan",
                                       f"{fact.concept} = {fact.value} {reason}"))
    matched = dashes = in_labels = ratios = years = 0
    for cell_id, source in cells.items():
        found = by_id.get(cell_id, [])
        if not found and source.cell.is_dash:
            dashes += 1  # a dash shows "nothing here"; tagging it as zero is optional
        elif not found and in_label(source.column):
            in_labels += 1
        elif not found and is_statement_ratio(source.table, source.cell):
            ratios += 1
        elif not found and (is_years_count(source.table, source.label, source.column, source.cell,
                                           section=source.section) or
                            may_count_years(source.table, source.cell) or source.in_years_row):
            years += 1
        elif not found:
            mismatches.append(Mismatch(cell_id, "missing", f"no fact for {source.where()}"))
        elif len(found) > 1:
            mismatches.append(Mismatch(cell_id, "duplicate", f"{len(found)} facts for {source.where()}"))
        elif problem := _check(source, found[0]):
            mismatches.append(problem)
        else:
            matched += 1
    return RoundTripResult(len(cells), len(facts), matched, tuple(mismatches), report, dashes, in_labels, ratios,
                           years)


def roundtrip_filing(ixbrl_path, filing: Filing) -> RoundTripResult:
    """Round trip against an already analysed source (one Arelle load, validation included)."""
    from converter import arelle_bridge

    loaded = arelle_bridge.load(ixbrl_path, validate=True)
    return match_cells(filing, loaded.facts, loaded.report)


def roundtrip(ixbrl_path, source_path) -> RoundTripResult:
    """Analyse the source independently of our output, then round trip our iXBRL against it."""
    # Imported here: the pipeline drives the whole conversion and may itself use this module.
    from converter.pipeline import analyse

    return roundtrip_filing(ixbrl_path, analyse(source_path))


# --- command line --------------------------------------------------------------------


def _print_report(report: ValidationReport) -> None:
    for message in report.errors + report.warnings:
        print(message)
    print(f"validation: {len(report.errors)} errors, {len(report.warnings)} warnings")


def _cmd_validate(args) -> int:
    from converter import arelle_bridge

    report = arelle_bridge.validate(args.ixbrl, calcs=args.calcs)
    _print_report(report)
    if not report.ok:
        raise ValidationFailed(f"{args.ixbrl}: {len(report.errors)} XBRL errors")
    return 0


def _cmd_view(args) -> int:
    from converter import arelle_bridge

    viewer = arelle_bridge.build_viewer(args.ixbrl, args.out)
    print(f"viewer: {viewer} (open it in a browser; its script is beside it)")
    return 0


def _cmd_roundtrip(args) -> int:
    result = roundtrip(args.ixbrl, args.source)
    _print_report(result.report)
    print(f"round trip: {result.cells} cells, {result.facts} facts, {result.matched} matched, "
          f"{result.untagged_dashes} dashes untagged, {result.untagged_label_numbers} label numbers untagged, "
          f"{result.untagged_ratios} statement percentages untagged, {result.untagged_years} numbers of years untagged, "
          f"{len(result.mismatches)} mismatches")
    for mismatch in result.mismatches:
        print(f"  {mismatch}")
    if result.mismatches:
        raise RoundTripError(f"{len(result.mismatches)} mismatches between {args.source} and {args.ixbrl}")
    if not result.report.ok:
        raise ValidationFailed(f"{args.ixbrl}: {len(result.report.errors)} XBRL errors")
    return 0


def add_command(subparsers) -> None:
    validate = subparsers.add_parser(
        "validate", help="validate our iXBRL with Arelle, offline (XBRL 2.1, dimensions, iXBRL, calculations)")
    validate.add_argument("ixbrl", type=Path, metavar="OUR.htm")
    validate.add_argument("--calcs", default="c10",
                          help="Arelle calculation check: c10 (XBRL 2.1, default), c11r, none")
    validate.set_defaults(func=_cmd_validate)

    view = subparsers.add_parser("view", help="build an interactive ixbrl-viewer of our iXBRL (works offline)")
    view.add_argument("ixbrl", type=Path, metavar="OUR.htm")
    view.add_argument("--out", type=Path, required=True, metavar="DIR")
    view.set_defaults(func=_cmd_view)

    trip = subparsers.add_parser(
        "roundtrip", help="prove every source number is exactly one fact of our iXBRL, and back")
    trip.add_argument("ixbrl", type=Path, metavar="OUR.htm")
    trip.add_argument("--source", type=Path, required=True, metavar="INPUT")
    trip.set_defaults(func=_cmd_roundtrip)
