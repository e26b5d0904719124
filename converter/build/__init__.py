"""Build: mapped facts -> a consistent ``Report`` (checks, calculations, presentation, dei).

Consistency is checked, not hoped for: an instant concept never gets a duration context,
monetary concepts get a currency unit, per-share concepts USD/shares, share counts
shares. Calculation arcs are inferred from the tables' totals and written only when the
totals equal the weighted sums of their parts in every column.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from converter.errors import ConsistencyError
from converter.mapping import Mapping
from converter.model import (LABEL_COLUMN, SHARES, USD, USD_PER_SHARE, CalcArc, Concept, Duration, Fact, Filing, Instant,
                             LineItem, PeriodType, QName, Report, Table)


def check_fact(fact: Fact, concept: Concept) -> None:
    period = fact.context.period
    if concept.period_type is PeriodType.INSTANT and not isinstance(period, Instant):
        raise ConsistencyError(f"{fact.id}: instant concept {concept.qname} has a duration context")
    if concept.period_type is PeriodType.DURATION and not isinstance(period, Duration):
        raise ConsistencyError(f"{fact.id}: duration concept {concept.qname} has an instant context")
    expected = USD_PER_SHARE if concept.is_per_share else SHARES if concept.is_shares else \
        USD if concept.is_monetary else None
    # the identity test first: facts mostly carry these very units, and comparing two units
    # field by field is a chain of Python-level __eq__ calls
    if expected is not None and fact.unit is not expected and fact.unit != expected:
        raise ConsistencyError(f"{fact.id}: {concept.qname} ({concept.data_type}) needs unit {expected}, "
                               f"has {fact.unit}")


def _shown(table: Table, fact: Fact) -> Decimal | None:
    cell = table.rows[fact.source.row].cell_at(fact.source.column)
    return cell.shown if cell is not None and cell.value else None


def _row_factor(table: Table, facts: list[Fact]) -> int | None:
    """+1 or -1: how the row's XBRL values relate to its shown values."""
    for f in facts:
        shown = _shown(table, f)
        if shown is not None and f.value:
            return 1 if (shown > 0) == (f.value > 0) else -1
    return None


def _blocks(table: Table):
    """(total row, part rows): a total and the rows it sums, as detect marked them."""
    start = 0
    for i, row in enumerate(table.rows):
        if row.is_abstract:
            start = i + 1
            continue
        if row.is_total:
            parts = [r for r in table.rows[start:i] if not r.is_abstract]
            if len(parts) >= 2:
                yield row, parts
            start = i + 1


def infer_calculations(table: Table, facts_by_row: dict[int, list[Fact]]) -> list[CalcArc]:
    arcs: list[CalcArc] = []
    for total, parts in _blocks(table):
        t_facts = facts_by_row.get(total.index, [])
        p_facts = [facts_by_row.get(r.index, []) for r in parts]
        if not t_facts or any(not fs for fs in p_facts):
            continue
        t_concept = t_facts[0].concept
        concepts = [fs[0].concept for fs in p_facts]
        if len(set(concepts)) != len(concepts) or t_concept in concepts:
            continue  # members of one concept, or a repeated line: no calculation
        if any(len({f.concept for f in fs}) != 1 for fs in p_facts + [t_facts]):
            continue
        f_total = _row_factor(table, t_facts)
        f_parts = [_row_factor(table, fs) for fs in p_facts]
        if f_total is None or any(f is None for f in f_parts):
            continue
        weights = [f_total * f for f in f_parts]
        if _holds(t_facts, p_facts, weights):
            arcs.extend(CalcArc(t_concept, c, w, table.index) for c, w in zip(concepts, weights))
    return arcs


def _holds(t_facts: list[Fact], p_facts: list[list[Fact]], weights: list[int]) -> bool:
    by_ctx = [{(f.context, f.unit): f.value for f in fs} for fs in p_facts]
    checked = 0
    for tf in t_facts:
        key = (tf.context, tf.unit)
        total = sum((w * d.get(key, Decimal(0)) for w, d in zip(weights, by_ctx)), Decimal(0))
        if total != tf.value:
            return False
        checked += 1
    return checked > 0


def _balance_consistent(arc: CalcArc, concepts: dict[QName, Concept]) -> bool:
    """XBRL 2.1: a weight must agree with the balances (debit under debit is +1)."""
    p, c = concepts[arc.parent].balance, concepts[arc.child].balance
    if not p or not c:
        return True
    return (p == c) == (arc.weight > 0)


def dei_facts(filing: Filing) -> dict[str, str]:
    dei = {
        "DocumentType": filing.document_type,
        "DocumentPeriodEndDate": filing.period_end.isoformat(),
        "AmendmentFlag": "false",
        "DocumentFiscalYearFocus": str(filing.fiscal_year),
        "DocumentFiscalPeriodFocus": filing.fiscal_period,
        "EntityRegistrantName": filing.company,
    }
    if filing.cik:
        dei["EntityCentralIndexKey"] = filing.cik.zfill(10)
    return dei


def build_report(filing: Filing, mapping: Mapping) -> Report:
    facts = mapping.facts
    concepts: dict[QName, Concept] = dict(mapping.concepts)
    for f in facts:
        check_fact(f, concepts[f.concept])
    by_table: dict[int, dict[int, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in facts:
        by_table[f.source.table][f.source.row].append(f)
    calculations: list[CalcArc] = []
    presentation: dict[int, list[QName]] = {}
    for table in filing.tables:
        rows = by_table.get(table.index, {})
        # numbers printed in labels (shares authorized, par value) add into no total
        value_rows = {i: [f for f in fs if f.source.column < LABEL_COLUMN] for i, fs in rows.items()}
        arcs = [a for a in infer_calculations(table, value_rows) if _balance_consistent(a, concepts)]
        calculations.extend(_dedupe(arcs, calculations))
        # each concept once, in row order (a dict: a list's "in" compared concept by concept)
        order = dict.fromkeys(f.concept for row in table.rows for f in rows.get(row.index, ()))
        presentation[table.index] = list(order)
    calculations = _hold_everywhere(calculations, facts)
    return Report(filing=filing, facts=tuple(facts), concepts=concepts, calculations=tuple(calculations),
                  presentation=presentation, members=tuple(mapping.members.values()), dei=dei_facts(filing),
                  namespace=mapping.namespace, prefix=mapping.prefix, entity=mapping.entity)


def _hold_everywhere(arcs: list[CalcArc], facts: list[Fact]) -> list[CalcArc]:
    """Keep a table's calculation only if it holds for every fact in the report.

    XBRL checks a calculation wherever its total is reported, in any table, with the parts
    of the same context; a sum that held in its own table can fail against another
    table's facts of the same concepts. Only the facts of the arcs' concepts are looked at:
    a (concept, context, unit) key is some twenty Python-level hashes."""
    if not arcs:
        return []
    concepts = {a.parent for a in arcs} | {a.child for a in arcs}
    values: dict[tuple, set] = defaultdict(set)
    for f in facts:
        if f.concept in concepts:
            values[(f.concept, f.context, f.unit)].add(f.value)
    reported: dict[QName, list[tuple]] = defaultdict(list)  # concept -> its (context, unit, values)
    for (concept, context, unit), totals in values.items():
        reported[concept].append((context, unit, totals))
    by_parent: dict[tuple, list[CalcArc]] = defaultdict(list)
    for a in arcs:
        by_parent[(a.table, a.parent)].append(a)
    kept: list[CalcArc] = []
    for (_, parent), group in by_parent.items():
        ok = True
        for context, unit, totals in reported.get(parent, ()):
            parts = [(a.weight, values.get((a.child, context, unit))) for a in group]
            if all(v is None for _, v in parts):
                continue
            if len(totals) > 1 or any(v is not None and len(v) > 1 for _, v in parts):
                ok = False
                break
            total = sum((w * next(iter(v)) for w, v in parts if v), Decimal(0))
            if total != next(iter(totals)):
                ok = False
                break
        if ok:
            kept.extend(group)
    return kept


def _dedupe(arcs: list[CalcArc], existing: list[CalcArc]) -> list[CalcArc]:
    """One parent-child pair once per table role; a child under two parents in one role is dropped."""
    seen = {(a.table, a.child) for a in existing}
    out = []
    for a in arcs:
        if (a.table, a.child) in seen:
            continue
        seen.add((a.table, a.child))
        out.append(a)
    return out


__all__ = ["build_report", "check_fact", "infer_calculations", "LineItem"]
