"""XBRL signs: parentheses show presentation, the taxonomy decides the sign of a value.

A value's XBRL sign is its shown sign times a factor f:
- balance sheets add every shown line into their totals, so f is the concept's calculation
  weight under the statement total (treasury stock shown as (3) is +3);
- cash flow statements add every line too, and the taxonomy gives each cash flow concept
  the balance of its effect on cash: debit adds (+1), credit subtracts (-1), so a purchase
  of equipment shown as (23,172) is +23,172;
- comprehensive income statements add their lines as shown too, so f is the concept's
  weight under other comprehensive income (reclassifications out of AOCI subtract), except
  for the tax of a line and the part attributable to noncontrolling interests;
- income and note tables show expenses as positive deductions, so f is +1, except for a
  debit (expense) concept whose every value is shown in parentheses (a deduction shown
  negative, not a negative expense);
- a row introduced by "Less" shows a deduction: shown in parentheses, it is positive;
- equity statements add movements into balances: debit movements (treasury purchases,
  dividends) shown negative are positive amounts; share counts are counts (positive).
"""
from __future__ import annotations

import re
from decimal import Decimal

from converter.model import Column, Concept, Instant, LineItem, PeriodType, StatementKind, Table

BALANCE_PARENTS = ("Assets", "Liabilities", "StockholdersEquity", "LiabilitiesAndStockholdersEquity",
                   "AssetsCurrent", "LiabilitiesCurrent", "AssetsNoncurrent", "LiabilitiesNoncurrent")
DEDUCTION = re.compile(r"^\s*(?:less|deduct|minus)\b", re.I)
OUTFLOW_PREFIXES = ("PaymentsFor", "PaymentsTo", "PaymentsOf", "RepaymentsOf", "PaymentForRepurchase",
                    "PaymentsForRepurchase", "PaymentsRelated")

PAID = re.compile(r"Paid(?!InCapital)")  # InterestPaidNet, IncomeTaxesPaid: amounts paid
# a line that names a reduction of what a note rolls forward ("Benefits paid", "Settlements")
REDUCTION = re.compile(r"^(?:less:?\s+)?(?:payments?|paid|(?:benefits|claims|cash) paid|settlements?|decreases?|"
                       r"reductions?|repayments?|amortization|write-?offs?|usage|utilization|deductions?|"
                       r"disposals?|retirements?|distributions?)\b", re.I)

STARTING_POINTS = ("NetIncomeLoss", "ProfitLoss", "NetIncomeLossAvailableToCommonStockholdersBasic")
OCI_PARENTS = ("OtherComprehensiveIncomeLossNetOfTax", "OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent",
               "OtherComprehensiveIncomeLossBeforeTax")
# Lines filers show with the sign they tag: the tax of an OCI item ("tax (expense) benefit")
# and what is attributable to noncontrolling interests (shown as a deduction).
OCI_AS_SHOWN = re.compile(r"(?<!NetOf)(?<!Before)(?<!After)(?<!And)Tax(?:Parent|PortionAttributableToParent\d*|"
                          r"AttributableToParent)?$|NoncontrollingInterest")

# the noncontrolling interests' share of income, comprehensive income or OCI
NCI_SHARE = re.compile(r"^(?:NetIncomeLoss|ComprehensiveIncomeNetOfTax|OtherComprehensiveIncomeLossNetOfTaxPortion)"
                       r"AttributableToNoncontrollingInterest$")
OCI_TAX = re.compile(r"^OtherComprehensive\w*(?<!NetOf)(?<!Before)(?<!After)(?<!And)Tax$")
OCI_RECLASSIFICATION = re.compile(r"(?<!After)(?<!Before)Reclassification(?!s)|FromAOCI|FromAoci")

# a defined benefit plan's net periodic cost and the part of it that is not service cost
PENSION_COST_PARENTS = ("NetPeriodicDefinedBenefitsExpenseReversalOfExpenseExcludingServiceCostComponent",
                        "DefinedBenefitPlanNetPeriodicBenefitCost")

# a heading under which income shows positive: "Other income (expense):", "Nonoperating income (expense), net"
INCOME_FIRST = re.compile(r"^(?:total )?(?:other|non-?operating) income,? \(?(?:expense|loss)\)?", re.I)
CONVERSION = re.compile(r"Conversion|Converted")
# a change of a balance either way ("Goodwill ... adjustments" (717) in a roll-forward lowers it)
# ... and an insurer's development of prior years' claims, favorable (shown in parentheses,
# negative) or adverse
EITHER_DIRECTION = re.compile(r"IncreaseDecrease|Adjustments$|PriorYearClaims")
# concepts whose one value is income when positive and expense when negative (or the reverse)
DUAL_NATURE = re.compile(r"IncomeExpense|IncomeLoss|GainLoss|GainsLosses|ExpenseIncome|ExpenseBenefit")
PARENTHESES = re.compile(r"\([^)]*\)")
NOT_NATURE = re.compile(r"\b(?:provision for |benefit from |\(benefit from\) |\(provision for\) )*income tax(?:es)?\b|"
                        r"\btax(?:es)? on income\b|"  # "Taxes on income" names the tax, not income
                        r"\bnet income\b|\boperating income\b|\b(?:before|after)\b.*")  # "earnings before income tax expense"
_INCOME, _EXPENSE = r"income|gains?|benefits?", r"expenses?|loss(?:es)?|costs?|charges?|provision"
INCOME_WORDS = re.compile(rf"\b(?:{_INCOME})\b")
EXPENSE_WORDS = re.compile(rf"\b(?:{_EXPENSE})\b")
_NATURE = rf"(?:{_INCOME}|{_EXPENSE})"
# one line of either nature, the other in parentheses beside it: "expense (income)", "(income) expense"
EITHER = re.compile(r"\b" + _NATURE + r"\s*\(\s*" + _NATURE + r"\s*\)|\(\s*" + _NATURE + r"\s*\)\s*" + _NATURE + r"\b")


def _cash_factor(concept: Concept) -> int:
    """Cash flow concepts carry their sign in their balance: debit brings cash (+1),
    credit uses it (-1) - except the net income a reconciliation starts from."""
    name = concept.qname.local
    if name in STARTING_POINTS:
        return 1
    if concept.balance == "debit":
        return 1
    if concept.balance == "credit":
        return -1
    return -1 if name.startswith(OUTFLOW_PREFIXES) else 1


def _deducted_as_signed(table: Table, row: LineItem) -> bool:
    """Whether a "Less:" line's parentheses are its own sign: the line above less the shown
    amount is the line below in every column ("Consolidated net income 3,803 / Less: ... (7) /
    Net income attributable 3,810": the interests' loss of 7, not a deduction of 7)."""
    rows = [r for r in table.rows if not r.is_abstract]
    at = next((k for k, r in enumerate(rows) if r.index == row.index), None)
    if at is None or at == 0 or at + 1 >= len(rows):
        return False
    above, below = rows[at - 1], rows[at + 1]
    checked = 0
    for k, cell in enumerate(row.cells):
        a = above.cells[k] if k < len(above.cells) else None
        b = below.cells[k] if k < len(below.cells) else None
        if cell is None or cell.value is None or cell.is_dash or a is None or a.value is None or \
                b is None or b.value is None:
            continue
        if a.shown - cell.shown != b.shown:
            return False
        checked += 1
    return checked >= 2  # one column could add up by chance


# words of a balance that is negative in its own right, not a deduction from its side
NEGATIVE_BALANCE = re.compile(r"\bdeficit\b|\bcomprehensive\b|\baccumulated (?:net )?loss|\bretained\b|\bearnings\b", re.I)


def contra_line(row: LineItem) -> bool:
    """A balance sheet line shown in parentheses that deducts from its side: "Right to
    recover for covered losses (104)", "Reserve for ESOP debt retirement (672)" in equity.
    Its company concept has the other side's balance and a positive value; an accumulated
    deficit or other comprehensive loss (or a part of it, under its heading) is a negative
    balance instead."""
    return all_shown_negative(row) and not NEGATIVE_BALANCE.search(f"{row.section} {row.label}")


def all_percent(row: LineItem) -> bool:
    """Every figure of a line a percentage ("(3.9)% | (4.1)%")."""
    values = [c for c in row.cells if c is not None and c.value is not None]
    return bool(values) and all(c.percent for c in values)


def all_shown_negative(row: LineItem) -> bool:
    values = [c for c in row.cells if c is not None and c.value]
    return bool(values) and all(c.negative_shown for c in values)


def column_shown_negative(table: Table, column: int) -> bool:
    """Every number of a column in parentheses (two at least): the column's way of showing
    its amounts, not a sign of each."""
    values = [c for r in table.rows if column < len(r.cells) and (c := r.cells[column]) is not None and c.value]
    return len(values) >= 2 and all(c.negative_shown for c in values)


def _weight(catalog, parents, concept: Concept) -> int | None:
    name = concept.qname.local
    for parent in parents:
        if parent == name:
            return None
        w = catalog.calc_weight(parent, name)
        if w is not None:
            return w
    return None


def factor(catalog, table: Table, row: LineItem, concept: Concept, *, in_flow_section: bool = True) -> int:
    if concept.is_shares or concept.is_per_share:
        return 1
    if DEDUCTION.match(row.label) and all_shown_negative(row) and \
            (concept.extension or not _deducted_as_signed(table, row)):
        # "Less: net income attributable to noncontrolling interests (721)" is +721; unless the
        # arithmetic says the parentheses are the amount's own sign (a standard concept's
        # direction is defined; a company concept follows the words)
        return -1
    if concept.extension:
        # a company cash flow concept is made with the balance of its effect on cash, a
        # balance sheet one shown in parentheses as a deduction from its side, a note's
        # reduction shown in parentheses ("Benefits paid (95)", "Settlements (5)") as the
        # amount it reduces by
        if table.kind is StatementKind.BALANCE:
            return -1 if contra_line(row) else 1
        if table.kind is StatementKind.NOTE:
            # (not a rate: "Amortization of excess deferred income taxes (3.9)%" in a rate
            # reconciliation lowers the rate by 3.9 points, its sign as shown)
            return -1 if REDUCTION.match(row.label) and all_shown_negative(row) and not all_percent(row) else 1
        return -1 if table.kind is StatementKind.CASHFLOW and in_flow_section and concept.balance == "credit" \
            else 1
    if table.kind is StatementKind.NOTE and reclassification(concept) and \
            any(isinstance(r.period_override, Instant) for r in table.rows):
        # a roll-forward of AOCI adds its lines into the balances as shown, and the taxonomy
        # subtracts a reclassification: "Amounts reclassified from AOCI" 1,007 is -1,007
        return oci_factor(catalog, concept)
    if table.kind is StatementKind.NOTE and (weight := _weight(catalog, PENSION_COST_PARENTS, concept)) is not None:
        # a pension cost table adds its lines as shown, each as the cost weighs it:
        # "Amortization of prior service credit" (36) lowers the cost (-36), "Amortization of
        # net actuarial loss (gain)" 26 adds a loss to a cost that subtracts the concept, which
        # is positive for a gain (-26; a gain shown (1) is +1), expected return shown (150) is 150
        return weight
    if table.kind is StatementKind.NOTE and all_shown_negative(row) and \
            (concept.qname.local.startswith(OUTFLOW_PREFIXES) or PAID.search(concept.qname.local)):
        # "Payments (198)" in a roll-forward: an amount paid, which the concept reports as such
        return -1
    if table.kind is StatementKind.CASHFLOW:
        if in_flow_section:
            return _cash_factor(concept)
        # supplemental lines are amounts: "Cash paid for: Interest (610)" paid 610
        return -1 if PAID.search(concept.qname.local) and all_shown_negative(row) else 1
    if table.kind is StatementKind.BALANCE:
        w = _weight(catalog, BALANCE_PARENTS, concept)
        return -1 if w == -1 and all_shown_negative(row) else 1
    if table.kind in (StatementKind.INCOME, StatementKind.COMPREHENSIVE) and \
            NCI_SHARE.search(concept.qname.local) and both_natures(row.label):
        # the noncontrolling interests' share is positive when it is their income (a debit
        # the statement deducts): "Net (income) loss attributable to noncontrolling interest"
        # shows their income in parentheses, (721) is +721
        return -1 if label_nature(row.label) == "expense" else 1
    if table.kind is StatementKind.COMPREHENSIVE and OCI_TAX.search(concept.qname.local):
        # the statement adds its tax lines as shown, the taxonomy subtracts a tax (expense)
        # from its part: "Income tax effect" 17 is -17, except the tax of a reclassification,
        # which is subtracted from a subtraction. Where the calculation links the tax to
        # other comprehensive income, its weight there says it (pension taxes are credits)
        weight = _weight(catalog, OCI_PARENTS, concept)
        if weight is not None:
            return weight
        return 1 if OCI_RECLASSIFICATION.search(concept.qname.local) else -1
    if table.kind is StatementKind.COMPREHENSIVE and not OCI_AS_SHOWN.search(concept.qname.local):
        return oci_factor(catalog, concept)
    if table.kind is StatementKind.INCOME and concept.balance == "debit" and INCOME_FIRST.search(row.section) and \
            label_nature(row.label) is None and not DUAL_NATURE.search(concept.qname.local):
        # under "Other income (expense):" a line that names neither ("Change in fair value of
        # warrant liabilities" 410) shows income as positive: a debit concept takes it negative
        return -1
    if table.kind in (StatementKind.INCOME, StatementKind.NOTE) and DUAL_NATURE.search(concept.qname.local) and \
            (both_natures(row.label) or not all_shown_negative(row)):
        # "Other operating expense (income), net" 2,757 is an expense: a concept whose
        # positive is income (credit) takes it negative; "Interest income (expense)" the reverse.
        # A note's line names its nature so too ("Other (income) expense, net" (20) in a
        # segment note is income of 20).
        # A label of one nature shown in parentheses ("Losses on investments (121)") is a
        # deduction: the parentheses already say it.
        nature = label_nature(row.label)
        if (nature, concept.balance) in (("expense", "credit"), ("income", "debit")):
            return -1
    if concept.balance == "debit" and all_shown_negative(row) and \
            not (table.kind is StatementKind.NOTE and
                 (EITHER_DIRECTION.search(concept.qname.local) or
                  (DUAL_NATURE.search(concept.qname.local) and not _deductions_shown(table)))):
        # an expense shown as a deduction; in a note that shows its expenses as they are, a
        # concept of either nature shown in parentheses is the other one ("Deferred: Federal
        # (520)": a deferred tax benefit)
        return -1
    return 1


def _deductions_shown(table: Table) -> bool:
    """Whether a table shows its expense lines in parentheses, as deductions (a segment's
    "Cost of revenues (4,000)"), rather than as positive amounts."""
    shown = [all_shown_negative(r) for r in table.rows
             if not r.is_abstract and label_nature(r.label) == "expense" and _shown(r)]
    return 2 * sum(shown) > len(shown)


# concepts that measure a loss, not a gain or loss ("...AccumulatedGrossUnrealizedLossBeforeTax",
# "...AccumulatedLoss"): their amounts are positive however a table shows them
LOSS_AMOUNT = re.compile(r"Loss(?:es)?(?=[A-Z]|$)")
EITHER_WAY = re.compile(DUAL_NATURE.pattern + r"|ProfitLoss|LossGain|LossesGains")


def loss_amount(concept: Concept) -> bool:
    name = concept.qname.local
    return bool(LOSS_AMOUNT.search(name)) and not EITHER_WAY.search(name)


def always_subtracted(catalog, concept: Concept) -> bool:
    """A concept every total it adds into subtracts (accumulated amortization from intangible
    assets, treasury stock from equity): shown in parentheses in a note, it is a positive
    amount deducted, as on the balance sheet. Not a gain or loss, which the cash flow
    statement's reconciliation subtracts for its direction, not as a deduction: a note's
    "Unrealized gain (loss) on derivatives (17,274)" is a loss."""
    if EITHER_WAY.search(concept.qname.local):
        return False
    parents = catalog.calc_parents(concept.qname.local)
    return bool(parents) and all(weight == -1 for _, weight in parents)


def reclassification(concept: Concept) -> bool:
    """A reclassification out of AOCI: shown as the gain or loss reclassified ("Amount of
    gains (losses) reclassified from AOCI" (37,385), a loss), never as an amount deducted."""
    return bool(OCI_RECLASSIFICATION.search(concept.qname.local))


def share_count_held(concept: Concept) -> bool:
    """A number of shares held at a date (issued, outstanding, in treasury) is never below
    zero: shown in parentheses ("Treasury stock: Shares at end of year (1,432)"), it is the
    count deducted."""
    return concept.data_type == "sharesItemType" and concept.period_type is PeriodType.INSTANT


def oci_factor(catalog, concept: Concept) -> int:
    """Other comprehensive income adds its lines as shown: a line the taxonomy subtracts
    (a reclassification, "net (gains) losses included in net income" shown as (5), or the
    tax on a part, shown as (84)) is the opposite of what is shown."""
    return -1 if _weight(catalog, OCI_PARENTS, concept) == -1 else 1


def label_nature(label: str) -> str | None:
    """Whether a line reads as income or as expense: the first of the two its words name,
    outside parentheses ("Other (income) expense, net" reads as expense)."""
    text = NOT_NATURE.sub(" ", PARENTHESES.sub(" ", label.lower()))
    income, expense = INCOME_WORDS.search(text), EXPENSE_WORDS.search(text)
    if income and (not expense or income.start() < expense.start()):
        return "income"
    return "expense" if expense else None


def both_natures(label: str) -> bool:
    """'Interest expense (income), net', 'Other (income) expense', 'Benefit (provision) for
    income taxes': one line, either nature (not "provision for (benefit from) income taxes")."""
    for m in EITHER.finditer(label.lower()):
        words = re.findall(_NATURE, m.group(0))
        if len({bool(INCOME_WORDS.fullmatch(w)) for w in words}) == 2:
            return True
    return False


def label_tax_factor(table: Table, kind: str, concept: Concept) -> int:
    """The sign of a tax printed in a label ("..., net of tax expense (benefit) of $(39)"):
    a tax concept's positive is what its balance says (debit: an expense, credit: a
    benefit), the wording says what the shown positive is. "Net of tax of $100" says
    neither: it is an expense unless the table's plain taxes mostly have the opposite sign
    of their lines (a loss of 2,586 "net of tax of $100" shows the tax's effect, a benefit)."""
    balance = -1 if concept.balance == "credit" else 1
    if kind == "tax_benefit":
        return -balance
    if kind == "tax" and shows_tax_effect(table):
        return -balance
    return balance


def shows_tax_effect(table: Table) -> bool:
    """Whether the plain taxes printed in a table's labels mostly have the opposite sign of
    the lines they are printed in (a tax expense goes with a gain, a benefit with a loss)."""
    same = opposite = 0
    for row in table.rows:
        for number in row.label_numbers:
            if number.kind != "tax" or number.column >= len(row.cells):
                continue
            cell = row.cells[number.column]
            if cell is None or cell.value is None or not cell.shown or not number.cell.shown:
                continue
            if (cell.shown > 0) == (number.cell.shown > 0):
                same += 1
            else:
                opposite += 1
    return opposite > same


def equity_factor(concept: Concept) -> int:
    """Balances keep their sign; a movement that reduces equity (debit balance: purchases of
    treasury stock, dividends, "Other" changes (StockholdersEquityOther); a company movement
    made as a reduction) is a positive amount, so one shown as an increase is negative."""
    if concept.period_type is PeriodType.INSTANT:
        return 1
    return -1 if concept.balance == "debit" else 1


def share_factor(row: LineItem, col: Column, concept: Concept) -> int:
    """Share counts are counts: a treasury column shows its shares in parentheses. A
    conversion's are not: the class converted from issues fewer shares ("(7)" under
    Class A, converted to Class B, is -7)."""
    cell = row.cells[col.index] if col.index < len(row.cells) else None
    return -1 if cell is not None and cell.negative_shown and not CONVERSION.search(concept.qname.local) else 1


def expense_block_factors(table: Table, concepts: dict[int, Concept]) -> dict[int, int]:
    """Factors for the lines of an income statement block of expenses ("Interest: Debt 2,249 /
    Finance lease 479 / Interest income (483) / Interest, net 2,245"): a block is the lines
    under a heading down to the first line that adds them up; it is of expenses when its
    heading says so ("Interest and other (income) expense") or, under a heading of neither
    nature, when its standard concepts of one nature all read so: debits shown positive,
    credits shown in parentheses.
    There a credit concept shown in parentheses is a deduction (+483), and a credit total
    is a net expense (-2,245)."""
    if table.kind is not StatementKind.INCOME:
        return {}
    out: dict[int, int] = {}
    rows = [r for r in table.rows if not r.is_abstract and r.index in concepts]
    for section in {r.section for r in rows if r.section}:
        lines = [r for r in rows if r.section == section]
        for k in range(2, len(lines)):
            if not _adds_up(lines[k], lines[:k]):
                continue
            parts, total = lines[:k], lines[k]
            # a standard concept shown as its own nature (a debit positive, a credit in
            # parentheses) reads as an expense; the other way round as income. A concept of
            # either nature ("Interest expense, net") says nothing.
            # The heading may say it: "Interest and other (income) expense".
            standard = [r for r in parts if not concepts[r.index].extension and concepts[r.index].balance]
            single = [r for r in standard if not DUAL_NATURE.search(concepts[r.index].qname.local)]
            votes = {(concepts[r.index].balance == "debit") != all_shown_negative(r) for r in single
                     if _shown(r) and (all_shown_negative(r) or not any(c.negative_shown for c in _shown(r)))}
            heading = label_nature(section)
            if (heading == "expense" and False not in votes) or (heading is None and votes == {True}):
                for r in standard if heading == "expense" else single:
                    if concepts[r.index].balance == "credit" and all_shown_negative(r):
                        out[r.index] = -1
                if concepts[total.index].balance == "credit" and not any(c.negative_shown for c in _shown(total)):
                    out[total.index] = -1
            break
    return out


def _shown(row: LineItem) -> list:
    return [c for c in row.cells if c is not None and c.value is not None]


def _adds_up(total: LineItem, parts: list[LineItem]) -> bool:
    """Every column of ``total`` is the sum of the shown ``parts`` (at least one column)."""
    n = len(total.cells)
    if not _shown(total) or any(len(p.cells) != n for p in parts):
        return False
    for i, cell in enumerate(total.cells):
        if cell is None or cell.value is None:
            continue
        if sum((p.cells[i].shown for p in parts if p.cells[i] is not None and p.cells[i].value is not None),
               Decimal(0)) != cell.shown:
            return False
    return True
