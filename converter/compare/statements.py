"""Which official tables are primary statements, decided from the facts they hold.

The same rule as the yardstick (../shared/tools/score.py) so that figures agree: a table
is the balance sheet, income statement, ... when it holds enough of that statement's key
concepts (and, for equity, the equity-components axis; for the others, mostly
undimensioned facts). Only the first table of each kind counts; every other table that
holds facts is a note.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from converter.model import Fact

PRIMARY_KEYS: dict[str, tuple[frozenset[str], int]] = {
    "balance": (frozenset({"Assets", "LiabilitiesAndStockholdersEquity", "AssetsCurrent", "LiabilitiesCurrent"}), 2),
    "income": (frozenset({"EarningsPerShareBasic", "EarningsPerShareDiluted", "OperatingIncomeLoss", "Revenues",
                          "RevenueFromContractWithCustomerExcludingAssessedTax", "CostsAndExpenses",
                          "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"}),
               2),
    "comprehensive": (frozenset({"ComprehensiveIncomeNetOfTax", "OtherComprehensiveIncomeLossNetOfTax",
                                 "ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"}), 1),
    "cashflow": (frozenset({"NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
                            "NetCashProvidedByUsedInFinancingActivities"}), 2),
    "equity": (frozenset({"StockholdersEquity",
                          "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"}), 1),
}
STATEMENTS = (*PRIMARY_KEYS, "note")
EQUITY_AXIS = "StatementEquityComponentsAxis"


def classify_tables(facts: Iterable[Fact]) -> dict[int, str]:
    """Table index -> primary statement kind, for the tables that are primary statements."""
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.source is not None:
            by_table[fact.source.table].append(fact)
    found: dict[int, str] = {}
    for table in sorted(by_table):
        held = by_table[table]
        locals_ = {f.concept.local for f in held}
        for kind, (keys, need) in PRIMARY_KEYS.items():
            if kind in found.values() or len(locals_ & keys) < need:
                continue
            if kind == "equity":
                ok = any(EQUITY_AXIS in axis.local for f in held for axis, _ in f.context.dimensions)
            else:
                ok = sum(bool(f.context.dimensions) for f in held) <= len(held) / 2
            if ok:
                found[table] = kind
                break
    return found
