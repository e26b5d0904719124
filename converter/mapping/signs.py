"""XBRL signs: parentheses show presentation, the taxonomy decides the sign of a value.

A value's XBRL sign is its shown sign times a factor f:
- balance sheets and cash flow statements add every shown line into their totals, so f is
  the concept's calculation weight under the statement total it feeds (a purchase of
  equipment shown as (23,172) has weight -1 under investing cash flow: +23,172);
- income and note tables show expenses as positive deductions, so f is +1, except for a
  debit (expense) concept whose every value is shown in parentheses (a deduction shown
  negative, not a negative expense);
- equity statements add movements into balances: debit movements (treasury purchases,
  dividends) shown negative are positive amounts; share counts are counts (positive).
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from converter.model import Column, Concept, LineItem, StatementKind, Table

LEARNED = Path(__file__).resolve().parents[2] / "taxonomy_maps" / "us-gaap-2024" / "learned_labels.csv"

BALANCE_PARENTS = ("Assets", "Liabilities", "StockholdersEquity", "LiabilitiesAndStockholdersEquity",
                   "AssetsCurrent", "LiabilitiesCurrent", "AssetsNoncurrent", "LiabilitiesNoncurrent")
OUTFLOW_PREFIXES = ("PaymentsFor", "PaymentsTo", "PaymentsOf", "RepaymentsOf", "PaymentForRepurchase",
                    "PaymentsForRepurchase", "PaymentsRelated")
CASH_USE_NAMES = ("IncreaseDecreaseInAccountsReceivable", "IncreaseDecreaseInInventor", "IncreaseDecreaseInPrepaid",
                  "IncreaseDecreaseInOther", "GainLoss", "IncreaseDecreaseInContractWithCustomerAsset")


@lru_cache(maxsize=8)
def _shown_vs_signed(statement: str, exclude_company: str | None) -> dict[str, tuple[int, int]]:
    """concept -> (facts shown in parentheses, of those how many were negative in XBRL).

    Learned from the official filings: it tells, per concept, whether parentheses are a
    presentation habit (cash outflows: 'Purchases of equipment (23,172)' is +23,172) or the
    real sign (a net loss). Leave-one-company-out: ``exclude_company`` is left out.
    """
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with open(LEARNED, newline="", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for r in rows:
            if r["statement"] != statement or r["company"] == exclude_company or r["dims"]:
                continue
            parens, negated = int(r["parens_count"] or 0), int(r["negated_count"] or 0)
            out[r["concept"].split(":")[-1]][0] += parens
            out[r["concept"].split(":")[-1]][1] += min(negated, parens)
    return {k: (v[0], v[1]) for k, v in out.items()}


def _cash_factor(concept: Concept, exclude_company: str | None) -> int:
    name = concept.qname.local
    if name.startswith("IncreaseDecreaseIn"):
        # Working-capital changes: more assets use cash, more liabilities bring it.
        if re.search(r"Liabilit|Payable|Accrued|DeferredRevenue|ContractWithCustomerLiability|Payroll", name):
            return 1
        if re.search(r"Receivable|Inventor|Prepaid|Assets?\b|Asset[A-Z]|Assets$", name):
            return -1
    parens, negated = _shown_vs_signed("cashflow", exclude_company).get(concept.qname.local, (0, 0))
    if parens >= 2:
        return -1 if negated < parens * 0.3 else 1
    name = concept.qname.local
    return -1 if name.startswith(OUTFLOW_PREFIXES) or name.startswith(CASH_USE_NAMES) else 1


def _all_shown_negative(row: LineItem) -> bool:
    values = [c for c in row.cells if c is not None and c.value]
    return bool(values) and all(c.negative_shown for c in values)


def _weight(catalog, parents, concept: Concept) -> int | None:
    name = concept.qname.local
    for parent in parents:
        if parent == name:
            return None
        w = catalog.calc_weight(parent, name)
        if w is not None:
            return w
    return None


def factor(catalog, table: Table, row: LineItem, concept: Concept, choices, *,
           in_flow_section: bool = True, exclude_company: str | None = None) -> int:
    if concept.extension or concept.is_shares or concept.is_per_share:
        return 1
    if table.kind is StatementKind.CASHFLOW:
        return _cash_factor(concept, exclude_company) if in_flow_section else 1
    if table.kind is StatementKind.BALANCE:
        w = _weight(catalog, BALANCE_PARENTS, concept)
        return -1 if w == -1 and _all_shown_negative(row) else 1
    if concept.balance == "debit" and _all_shown_negative(row):
        return -1
    return 1


def equity_factor(concept: Concept) -> int:
    if concept.qname.local.startswith("StockholdersEquity") or concept.extension:
        return 1
    return -1 if concept.balance == "debit" else 1


def share_factor(row: LineItem, col: Column) -> int:
    """Share counts are counts: a treasury column shows its shares in parentheses."""
    cell = row.cells[col.index] if col.index < len(row.cells) else None
    return -1 if cell is not None and cell.negative_shown else 1
