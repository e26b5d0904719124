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
from decimal import Decimal
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
    """``items`` with the left-packed cells of movement rows moved to their columns: where
    the balances above and below a period's movements are whole, the placements whose
    columns roll forward (opening + movements = closing in every column); else each row
    on its own, by its total and its label."""
    balances = _par_balances(items, cols)
    placed = [_placed(it, cols, balances) or it for it in items]
    position = {it.index: i for i, it in enumerate(items)}
    for start, end in _periods(items, len(cols)):
        for it in _rolled_forward(items[start + 1:end], items[start], items[end], cols, balances):
            placed[position[it.index]] = it
    return placed


def _whole(it: LineItem, n: int) -> bool:
    return isinstance(it.period_override, Instant) and len(it.cells) >= n and \
        all(c is not None and (c.value is not None or c.is_dash) for c in it.cells[:n])


def _periods(items: list[LineItem], n: int) -> list[tuple[int, int]]:
    """(opening, closing) positions of consecutive balance rows that show every column."""
    balance_rows = [i for i, it in enumerate(items) if isinstance(it.period_override, Instant)]
    return [(a, b) for a, b in zip(balance_rows, balance_rows[1:])
            if b > a + 1 and _whole(items[a], n) and _whole(items[b], n)]


def _shown(cell) -> Decimal:
    return Decimal(0) if cell is None or cell.value is None else cell.shown


def _rolled_forward(movements: list[LineItem], opening: LineItem, closing: LineItem, cols: list[Column],
                    balances: dict[int, float]) -> list[LineItem]:
    """The left-packed movement rows placed so that every column rolls forward from
    ``opening`` to ``closing``; [] when no placement, or more than one equally likely, does."""
    n = len(cols)
    need = [_shown(closing.cells[c]) - _shown(opening.cells[c]) for c in range(n)]
    open_rows: list[LineItem] = []
    for it in movements:
        if _movable(it, n):
            open_rows.append(it)
        else:  # a row read whole (or not a movement): its cells count as they are
            for c, cell in enumerate(it.cells[:n]):
                need[c] -= _shown(cell)
    if not open_rows:
        return []
    values = [[_shown(c) for c in it.cells if c is not None] for it in open_rows]
    solutions = _column_solutions(values, need, exact=True) or _column_solutions(values, need, exact=False)
    total = n - 1 if cols[-1].component == "total" else None
    scored = []
    for chosen in solutions:
        if all(_fits_total(it, placed, cols, total) for it, placed in zip(open_rows, chosen)):
            scored.append((sum(_score(it, placed, cols, balances) for it, placed in zip(open_rows, chosen)), chosen))
    if not scored:
        return []
    scored.sort(key=lambda pair: -pair[0])
    numbers = {_where_numbers(open_rows, chosen) for _, chosen in scored}
    if len(numbers) > 1 and scored[1][0] == scored[0][0]:
        return []  # two placements roll forward equally well: leave the rows as read
    return [_moved(it, placed, cols, "numbers placed where every column rolls forward from balance to balance")
            for it, placed in zip(open_rows, scored[0][1])]


def _where_numbers(rows: list[LineItem], chosen: tuple[tuple[int, ...], ...]) -> tuple:
    """The columns of the numbers other than dashes: placements that differ only in where a
    shown zero goes add up alike, and are told apart by the label alone."""
    return tuple(tuple(c for cell, c in zip((x for x in it.cells if x is not None), placed) if not cell.is_dash)
                 for it, placed in zip(rows, chosen))


def _movable(it: LineItem, n: int) -> bool:
    """A movement row copied without its empty cells, with a number to place by."""
    values = [c for c in it.cells if c is not None]
    return not it.is_abstract and not isinstance(it.period_override, Instant) and \
        any(PLACED_FROM_LEFT in note for note in it.notes) and 0 < len(values) < n and \
        not any(c is not None for c in it.cells[len(values):]) and not all(v.is_dash for v in values)


def _fits_total(it: LineItem, chosen: tuple[int, ...], cols: list[Column], total: int | None) -> bool:
    """A row that reaches the total column adds up to it."""
    if total is None or chosen[-1] != total or len(chosen) < 2:
        return True
    return _adds_up([c for c in it.cells if c is not None], chosen, cols)


@lru_cache(maxsize=1024)
def _label_hints(label: str, section: str = "") -> tuple[str, tuple[str, ...], str | None]:
    """(rule id, components in order of preference, class of stock named) a row label points
    at; a label that points at none, at what its heading points at ("Common" under "Dividends
    and dividend equivalents ($0.9407 per share):")."""
    rule, wanted = next(((rid, comps) for texts in (label, section) if texts
                         for rid, pattern, comps in _hints() if pattern.search(texts)), ("", ()))
    named = CLASS_NAMED.search(label)  # "Repurchase of Class B Common Stock": class B's columns
    return rule, wanted, named.group(1).lower() if named else None


def _score(it: LineItem, chosen: tuple[int, ...], cols: list[Column], balances: dict[int, float]) -> float:
    """How well a placement suits the row's label (its hints, the class it names, par values)."""
    _, wanted, named = _label_hints(it.label, it.section)
    values = [c for c in it.cells if c is not None]
    return sum(_affinity(cols[c], wanted) + _class_fit(cols[c], named) - _outsized(v, c, balances)
               for v, c in zip(values, chosen) if cols[c].component != "total")


def _column_solutions(values: list[list[Decimal]], need: list[Decimal], *, exact: bool, limit: int = 150_000,
                      most: int = 2000) -> list[tuple[tuple[int, ...], ...]]:
    """Every order-keeping placement of each row's numbers (one column per number, left to
    right) under which each column's numbers add up to ``need``, or, not ``exact``, come
    within one unit of the last digit shown (printed statements round each number on its
    own) and as near as any placement does; column by column, each step choosing which rows
    place their next number there. [] when there are more than ``most`` (the numbers do not
    decide) or the search passes ``limit`` steps."""
    n, rows = len(need), range(len(values))
    tolerance = Decimal(0) if exact else \
        Decimal(1).scaleb(min([0] + [v.as_tuple().exponent for vs in values for v in vs] +
                              [v.as_tuple().exponent for v in need]))
    found: list[tuple[tuple[int, ...], ...]] = []
    dead: set[tuple[int, tuple[int, ...]]] = set()
    steps = 0

    def walk(c: int, progress: tuple[int, ...], placed: tuple[tuple[int, ...], ...]) -> bool:
        nonlocal steps
        steps += 1
        if steps > limit or len(found) > most:
            raise _GiveUp
        if c == n:
            if all(p == len(v) for p, v in zip(progress, values)):
                found.append(placed)
                return True
            return False
        if (c, progress) in dead:
            return False
        left = n - c
        forced = [i for i in rows if len(values[i]) - progress[i] == left]
        free = [i for i in rows if 0 < len(values[i]) - progress[i] < left]
        rest = need[c] - sum(values[i][progress[i]] for i in forced)
        any_found = False
        for size in range(len(free) + 1):
            for chosen in combinations(free, size):
                steps += 1  # each subset tried counts: twenty rows open at once must not run for ever
                if steps > limit:
                    raise _GiveUp
                if abs(sum(values[i][progress[i]] for i in chosen) - rest) > tolerance:
                    continue
                movers = set(forced) | set(chosen)
                nxt = tuple(p + (i in movers) for i, p in enumerate(progress))
                grown = tuple(pl + (c,) if i in movers else pl for i, pl in enumerate(placed))
                any_found |= walk(c + 1, nxt, grown)
        if not any_found:
            dead.add((c, progress))
        return any_found

    try:
        walk(0, (0,) * len(values), ((),) * len(values))
    except _GiveUp:
        return []
    if exact or not found:
        return found

    def off(placed) -> Decimal:
        sums = [Decimal(0)] * n
        for vs, columns in zip(values, placed):
            for v, c in zip(vs, columns):
                sums[c] += v
        return sum(abs(a - b) for a, b in zip(sums, need))

    nearest = min(off(p) for p in found)
    return [p for p in found if off(p) == nearest]


class _GiveUp(Exception):
    """The roll-forward search is too long or too open to decide the placement."""


def _options(it: LineItem, cols: list[Column], balances: dict[int, float]) -> list[tuple[float, tuple[int, ...]]]:
    """(score, columns) of each placement a left-packed movement row may take on its own:
    the last number in the total column when the ones before add up to it."""
    n = len(cols)
    if not _movable(it, n):
        return []
    values = [c for c in it.cells if c is not None]
    total = n - 1 if cols[-1].component == "total" else None
    return [(_score(it, chosen, cols, balances), chosen)
            for chosen in _placements(values, [c for c in range(n) if c != total], total)
            if _fits_total(it, chosen, cols, total)]


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
    """The row on its own: the placement its total and its label fit best, if one does."""
    options = _options(it, cols, balances or {})
    if not options:
        return None
    options.sort(key=lambda pair: -pair[0])
    (best_score, best), tied = options[0], len(options) > 1 and options[1][0] == options[0][0]
    if tied or best_score <= 0:
        return None
    return _moved(it, best, cols, f"numbers placed in the equity columns they fit ({_label_hints(it.label, it.section)[0]})")


def _moved(it: LineItem, chosen: tuple[int, ...], cols: list[Column], why: str) -> LineItem:
    cells: list = [None] * len(cols)
    for value, c in zip((c for c in it.cells if c is not None), chosen):
        cells[c] = value
    where = ", ".join(cols[c].component or f"column {c + 1}" for c in chosen)
    return replace(it, cells=tuple(cells), notes=it.notes + (f"{why}: {where}",))


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
    """The amounts before the total add up to it, within one unit of the last digit shown:
    each number is rounded on its own ("330 | 1 | 330" for 330.4 and 0.5). A column of the
    stockholders' equity subtotal ("Total Stockholders' Equity" before "Noncontrolling
    Interests | Total Equity") sums the columns before it: it is no part of the total."""
    amounts = [v.shown for v, c in zip(values[:-1], chosen[:-1]) if not cols[c].is_shares and cols[c].component != "parent"]
    if not amounts:
        return False
    unit = Decimal(1).scaleb(min(v.as_tuple().exponent for v in amounts + [values[-1].shown]))
    return abs(sum(amounts) - values[-1].shown) <= unit


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
