"""A comparison as rows of plain text, then as a terminal table, CSV or JSON.

Every format is built from ``rows(comparison)`` so they all say the same thing; numbers
are written from their Decimal form, never through a float.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from rich.console import Console
from rich.table import Table

from converter.compare.core import MATCH, STATUSES, Comparison, FactResult
from converter.model import Duration, Fact

COLUMNS = ("status", "statement", "official_concept", "official_label", "ours_concept", "ours_label", "period",
           "dimensions", "unit", "official_value", "ours_value", "difference", "note", "row_label", "locator")
FIGURES = ("strict_recall", "value_recall", "sign_ok", "concept_acc", "n")
STATUS_STYLE = {"match": "green", "concept_differs": "yellow", "sign_differs": "magenta", "value_differs": "red",
                "period_differs": "cyan", "missing": "bold red", "extra": "blue"}


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def _period(fact: Fact) -> str:
    p = fact.context.period
    return f"{p.start.isoformat()}/{p.end.isoformat()}" if isinstance(p, Duration) else p.date.isoformat()


def row(result: FactResult) -> dict:
    """One result as named strings (the CSV row, the JSON fact, the HTML row)."""
    anchor = result.official or result.ours
    located = result.official if result.official is not None and result.official.source else result.ours
    return {
        "status": result.status,
        "statement": result.statement,
        "official_concept": str(result.official.concept) if result.official else "",
        "official_label": result.official_label,
        "ours_concept": str(result.ours.concept) if result.ours else "",
        "ours_label": result.ours_label,
        "period": _period(anchor),
        "dimensions": "; ".join(f"{a}={m}" for a, m in anchor.context.dimensions),
        "unit": str(anchor.unit) if anchor.unit else "",
        "official_value": _number(result.official.value) if result.official else "",
        "ours_value": _number(result.ours.value) if result.ours else "",
        "difference": _number(result.difference),
        "note": result.note,
        "row_label": located.label if located else "",
        "locator": located.source.locator if located and located.source else "",
    }


def rows(comparison: Comparison) -> list[dict]:
    return [row(r) for r in comparison.results]


def to_json(comparison: Comparison) -> str:
    doc = {
        "summary": comparison.summary,
        "by_statement": comparison.by_statement,
        "counts": comparison.counts,
        "official": {"path": comparison.official_path, "info": comparison.official_info},
        "ours": {"path": comparison.ours_path, "info": comparison.ours_info},
        "facts": rows(comparison),
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def to_csv(comparison: Comparison) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(comparison))
    return buf.getvalue()


def print_table(comparison: Comparison, console: Console, *, show_matches: bool = False) -> None:
    """Figures by statement, counts by class, then every difference (matches on request)."""
    s = comparison.summary
    console.print(f"[bold]{s.get('filing') or comparison.official_path}[/] period {s.get('period') or '?'}: "
                  f"official {comparison.official_path} vs ours {comparison.ours_path}")
    figures = Table(title="Figures (as ../shared/tools/score.py names them)")
    figures.add_column("statement")
    for name in FIGURES:
        figures.add_column(name, justify="right")
    for statement, values in comparison.by_statement.items():
        figures.add_row(statement, *(str(values[name]) for name in FIGURES))
    figures.add_row("primary", *(str(s[f"primary_{name}"]) for name in FIGURES), style="bold")
    figures.add_row("notes", *(str(s[f"notes_{name}"]) for name in FIGURES), style="bold")
    console.print(figures)
    console.print(f"precision {s['precision']} over {s['candidate_facts']} facts of ours; " + ", ".join(
        f"[{STATUS_STYLE[k]}]{k}[/] {comparison.counts[k]}" for k in STATUSES))
    facts = Table(title="Facts" if show_matches else "Differences")
    for name in ("status", "statement", "row_label", "official_concept", "ours_concept", "period",
                 "official_value", "ours_value", "note"):
        facts.add_column(name, overflow="fold")
    for r in rows(comparison):
        if r["status"] == MATCH and not show_matches:
            continue
        facts.add_row(f"[{STATUS_STYLE[r['status']]}]{r['status']}[/]", r["statement"], r["row_label"][:50],
                      r["official_concept"], r["ours_concept"], r["period"], r["official_value"],
                      r["ours_value"], r["note"])
    console.print(facts)
