"""Equity rows copied without their empty cells: which columns the numbers belong to.

A copied equity statement row such as "Net earnings20,120 406 20,526" under eight columns
keeps only its numbers; read from the left they land in the share and par value columns.
The numbers keep their order, the last one is the total when the amounts before it add up
to it, and among the placements that fit, the one whose columns the row label points at
wins (net earnings -> retained earnings, then noncontrolling interests): the hints are
``taxonomy_maps/detect/equity_row_components.csv``. Rows that no placement fits, or
that two placements fit equally well, are left as read.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from converter.model import Column, Instant, LineItem

MAPS = Path(__file__).resolve().parents[2] / "taxonomy_maps"
PLACED_FROM_LEFT = "placed from the left"
MAX_PLACEMENTS = 5000
CLASS_NAMED = re.compile(r"\bclass ([a-c])\b", re.I)


@lru_cache(maxsize=1)
def _hints() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    with open(MAPS / "detect" / "equity_row_components.csv", newline="", encoding="utf-8") as fh:
        return tuple((r["rule_id"], re.compile(r["label_pattern"], re.I), tuple(r["components"].split("|")))
                     for r in csv.DictReader(fh))


def place_rows(items: list[LineItem], cols: list[Column]) -> list[LineItem]:
    """``items`` with the left-packed cells of movement rows moved to their columns."""
    balances = _par_balances(items, cols)
    return [_placed(it, cols, balances) or it for it in items]


def _par_balances(items: list[LineItem], cols: list[Column]) -> dict[int, float]:
    """The largest balance each common stock amount column shows: par value columns hold a
    few dollars ("$3") that a repurchase of 378 does not move."""
    out: dict[int, float] = {}
    for it in items:
        if not isinstance(it.period_override, Instant):
            continue
        for c, cell in enumerate(it.cells[:len(cols)]):
            if cell is not None and cell.value is not None and cols[c].component == "common_stock" \
                    and not cols[c].is_shares:
                out[c] = max(out.get(c, 0.0), float(abs(cell.value)))
    return out


def _placed(it: LineItem, cols: list[Column], balances: dict[int, float] | None = None) -> LineItem | None:
    n = len(cols)
    values = [c for c in it.cells if c is not None]
    if it.is_abstract or isinstance(it.period_override, Instant) or not any(PLACED_FROM_LEFT in note for note in it.notes) \
            or not 0 < len(values) < n or any(c is not None for c in it.cells[len(values):]) \
            or all(v.is_dash for v in values):
        return None  # not a left-packed movement row, or only dashes: nothing to place by
    rule, wanted = next(((rid, comps) for rid, pattern, comps in _hints() if pattern.search(it.label)), ("", ()))
    named = CLASS_NAMED.search(it.label)  # "Repurchase of Class B Common Stock": class B's columns
    named = named.group(1).lower() if named else None
    total = n - 1 if cols[-1].component == "total" else None
    best, best_score, tied = None, None, False
    slots = [c for c in range(n) if c != total]
    for chosen in _placements(values, slots, total):
        if total is not None and chosen[-1] == total and not _adds_up(values, chosen, cols):
            continue
        score = sum(_affinity(cols[c], wanted) + _class_fit(cols[c], named) - _outsized(v, c, balances or {})
                    for v, c in zip(values, chosen) if c != total)
        if best_score is None or score > best_score:
            best, best_score, tied = chosen, score, False
        elif score == best_score:
            tied = True
    if best is None or tied or best_score <= 0:
        return None
    cells = [None] * n
    for value, c in zip(values, best):
        cells[c] = value
    where = ", ".join(cols[c].component or f"column {c + 1}" for c in best)
    return replace(it, cells=tuple(cells),
                   notes=it.notes + (f"numbers placed in the equity columns they fit ({rule}): {where}",))


def _placements(values, slots: list[int], total: int | None):
    """Increasing column choices for the values: the last value in the total column when
    there is one and more than one value, else every order-keeping choice of slots."""
    k = len(values)
    if total is not None and k >= 2:
        for i, rest in enumerate(combinations(slots, k - 1)):
            if i >= MAX_PLACEMENTS:
                return
            yield rest + (total,)
    else:
        for i, chosen in enumerate(combinations(slots, k)):
            if i >= MAX_PLACEMENTS:
                return
            yield chosen


def _adds_up(values, chosen: tuple[int, ...], cols: list[Column]) -> bool:
    amounts = [v.shown for v, c in zip(values[:-1], chosen[:-1]) if not cols[c].is_shares]
    return bool(amounts) and sum(amounts) == values[-1].shown


def _outsized(value, column: int, balances: dict[int, float]) -> float:
    """A penalty for a movement many times the par value balance of its column."""
    balance = balances.get(column)
    if balance is None or value.value is None or value.is_dash:
        return 0.0
    return 1.5 if float(abs(value.value)) > 10 * max(balance, 1.0) else 0.0


def _class_fit(col: Column, named: str | None) -> float:
    """A row that names a class of stock belongs in that class's columns, not another's."""
    if named is None:
        return 0.0
    found = CLASS_NAMED.search(col.label or col.header)
    if found is None:
        return 0.0
    return 0.25 if found.group(1).lower() == named else -2.0


def _affinity(col: Column, wanted: tuple[str, ...]) -> float:
    """How well a column suits the row: its component among the label's hints, earlier
    hints better; nothing for a column the label does not point at."""
    if col.component in wanted:
        return 1.0 + (len(wanted) - wanted.index(col.component)) / (10 * len(wanted))
    return 0.0
