"""The mapping rules of a taxonomy release, as data: ``rules.csv``, ``member_rules.csv``,
``table_members.csv``, ``split_concepts.csv``, ``share_concepts.csv`` and
``label_number_rules.csv``.

Each rule has a stable id that every fact it chooses records, so a reviewer can trace a
tag back to the one line of data that produced it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.errors import MappingError

try:  # the regex parser, to read the words a pattern needs (found_in)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

MAPS = Path(__file__).resolve().parents[2] / "taxonomy_maps"


@dataclass(frozen=True)
class Rule:
    id: str
    # statement kinds, "title" (table titles), "column" (column headers), "header" (the
    # header over a note's rows: "Walmart U.S. net sales by merchandise category") or
    # "temporary" (lines of an equity statement's redeemable noncontrolling interests)
    statements: frozenset[str]
    section: re.Pattern | None
    label: re.Pattern
    concept: str
    shares_concept: str
    confidence: float


@dataclass(frozen=True)
class MemberRule:
    id: str
    axis: str
    label: re.Pattern
    member: str  # "" when the member is company-specific (an extension member is made)
    table: re.Pattern | None = None  # the rule holds only in tables whose title matches


NOTE_REFERENCE = re.compile(r"\((?:note|notes)\s+[\w ,and]+\)", re.I)
TRAILING_MARKS = re.compile(r"(?:\s*\((?:\d|[a-z])\))+\s*$")  # "(1)(2)", "(a)"
LEADING_MARK = re.compile(r"^\(\d\)\s*")


@lru_cache(maxsize=16384)
def rule_text(label: str) -> str:
    """The form rules match: lower case, one space, no '(Note 9)' or footnote markers.

    Kept per label: a filing asks for the same few hundred labels and headings thousands of times."""
    t = label.replace("\xa0", " ").replace("’", "'").replace("–", "-").replace("—", "-")
    if "(" in t:  # each of the three holds a "(": most labels need none of them
        t = NOTE_REFERENCE.sub("", t)
        if t.rstrip().endswith(")"):  # where trailing marks end (tried at every position, this pattern is slow)
            t = TRAILING_MARKS.sub("", t)
        t = LEADING_MARK.sub("", t)
    return " ".join(t.lower().split()).strip(" :")


def compile_pattern(pattern: str, where: str) -> re.Pattern:
    """A rule's pattern (case-insensitive); a bad one is a MappingError naming the rule."""
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise MappingError(f"bad pattern in {where}: {exc}") from exc


# The characters other than ASCII that IGNORECASE matches to ASCII ones: "İ" and "ı" to "i",
# the long "ſ" to "s", the Kelvin sign to "k" (every such character, per the re module's
# case tables).
CASE_BLIND_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def lower_for_words(text: str) -> str | None:
    """``text`` in lower case when ``found_in`` can look through it, else None: a text without
    ``CASE_BLIND_ASCII`` (every ASCII one) has a case-blind match of ASCII words only where
    its ASCII letters spell them, and ``str.lower`` lowers those in place. Tables with a
    dash or curly quotes ("—", "’") are most of a filing's tables that are not ASCII."""
    return text.lower() if text.isascii() or CASE_BLIND_ASCII.search(text) is None else None


def found_in(pattern: re.Pattern, text: str, lowered: str | None) -> bool:
    """Whether ``pattern`` finds a match in ``text``; ``lowered`` is ``lower_for_words(text)``.

    A rule's pattern searched through a table's whole text costs some hundred times an
    ``in`` test of the words any of its matches must hold (``_needed_words``): where none
    of them is in the text, the search is skipped."""
    if lowered is not None:
        words = _needed_words(pattern.pattern, pattern.flags)
        if words is not None and not any(word in lowered for word in words):
            return False
    return pattern.search(text) is not None


@lru_cache(maxsize=None)
def _needed_words(pattern: str, flags: int) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of the pattern ``pattern`` (with
    ``flags``) holds; None if it needs none (see ``_words_of``). Kept by the pattern's text,
    not the compiled pattern, whose hash reads its whole compiled code on every look-up."""
    return _words_of(_sre_parse.parse(pattern, flags))


_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


def _words_of(items) -> frozenset[str] | None:
    """Words one of which every match of a parsed pattern (a sequence of regex operations)
    holds: a run of literal characters; a group's, an alternation's (one per branch), a
    repeat's of at least once, or a lookahead's words; of those in the sequence, the set
    whose shortest word is longest. None when there are none (a class, an optional part, a
    negative lookahead, a branch without words)."""
    best, run = None, []
    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            best, run = _narrower(best, frozenset({"".join(run)})), []
        words = None
        if op is _sre.SUBPATTERN:
            words = _words_of(av[-1])
        elif op in _REPEATS:
            words = _words_of(av[2]) if av[0] >= 1 else None
        elif op is _sre.BRANCH:
            branches = [_words_of(branch) for branch in av[1]]
            words = None if None in branches else frozenset().union(*branches)
        elif op is _sre.ASSERT:
            words = _words_of(av[1])
        best = _narrower(best, words)
    if run:
        best = _narrower(best, frozenset({"".join(run)}))
    return best


def _narrower(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two sets of needed words, the one whose shortest word is longer."""
    if a is None or b is None:
        return b if a is None else a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def rule_rows(release: str, name: str, what: str) -> list[dict[str, str]]:
    """The rows of one of a release's rule files (``name`` in ``taxonomy_maps/<release>/``);
    a file that cannot be read is a MappingError saying which ``what`` is missing."""
    path = MAPS / release / name
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise MappingError(f"cannot read {what} {path}: {exc}") from exc


@lru_cache(maxsize=4)
def heading_rule_ids(release: str = "us-gaap-2024") -> frozenset[str]:
    """Ids of the rules that need a heading (``section_pattern``): the concept they name
    says what the heading does."""
    return frozenset(rule.id for rule in load_rules(release) if rule.section is not None)


@lru_cache(maxsize=4)
def load_rules(release: str = "us-gaap-2024") -> tuple[Rule, ...]:
    rows = rule_rows(release, "rules.csv", "mapping rules")
    out = []
    for r in rows:
        where = f"rules.csv {r['rule_id']}"
        out.append(Rule(r["rule_id"], frozenset(r["statements"].split("|")),
                        compile_pattern(r["section_pattern"], where) if r["section_pattern"] else None,
                        compile_pattern(r["label_pattern"], where), r["concept"], r["shares_concept"],
                        float(r["confidence"])))
    ids = [r.id for r in out]
    if len(ids) != len(set(ids)):
        raise MappingError(f"duplicate rule ids in {MAPS / release / 'rules.csv'}")
    return tuple(out)


@lru_cache(maxsize=4)
def load_member_rules(release: str = "us-gaap-2024") -> tuple[MemberRule, ...]:
    return tuple(MemberRule(r["rule_id"], r["axis"], compile_pattern(r["label_pattern"], r["rule_id"]), r["member"],
                            compile_pattern(r["table_pattern"], r["rule_id"]) if r.get("table_pattern") else None)
                 for r in rule_rows(release, "member_rules.csv", "member rules"))


@dataclass(frozen=True)
class TableMemberRule:
    id: str
    axis: str
    member: str
    text: re.Pattern  # what the table's title or the sentence above it says it is about
    unless: re.Pattern | None  # ... unless it also names something else (options and RSUs)
    unless_concept: re.Pattern | None  # concepts that already say it ("...AwardOptionsGrants...")
    scope: str = ""  # "any": every table, by its title and the lines above it ("Parent Company Only"); else notes


@lru_cache(maxsize=4)
def load_table_member_rules(release: str = "us-gaap-2024") -> tuple[TableMemberRule, ...]:
    return tuple(TableMemberRule(r["rule_id"], r["axis"], r["member"], compile_pattern(r["text_pattern"], r["rule_id"]),
                                 compile_pattern(r["unless_pattern"], r["rule_id"]) if r["unless_pattern"] else None,
                                 re.compile(r["unless_concept"]) if r["unless_concept"] else None, r["scope"])
                 for r in rule_rows(release, "table_members.csv", "table member rules"))


def match_table_members(text: str, release: str = "us-gaap-2024", *, scope: str = "") -> tuple[TableMemberRule, ...]:
    """The members every number of a table shares, by what the table says it is about
    ("assets measured at fair value on a recurring basis", "RSU activity"; ``scope`` "any":
    the rules that hold for primary statements too, "Parent Company Only"): at most one rule
    per axis, the first that holds."""
    text = rule_text(text)
    lowered = lower_for_words(text)
    found: dict[str, TableMemberRule] = {}
    for rule in load_table_member_rules(release):
        if rule.scope == scope and rule.axis not in found and found_in(rule.text, text, lowered) and \
                not (rule.unless and rule.unless.search(text)):
            found[rule.axis] = rule
    return tuple(found.values())


@dataclass(frozen=True)
class RequiredMemberRule:
    id: str
    concept: re.Pattern  # the local names of the concepts filers always report on ``axis``
    axis: str
    member_label: str  # the company member's label when nothing in the table names one


@lru_cache(maxsize=4)
def load_required_member_rules(release: str = "us-gaap-2024") -> tuple[RequiredMemberRule, ...]:
    return tuple(RequiredMemberRule(r["rule_id"], re.compile(r["concept_pattern"]), r["axis"], r["member_label"])
                 for r in rule_rows(release, "required_members.csv", "required member rules"))


@lru_cache(maxsize=16384)
def match_required_members(concept: str, release: str = "us-gaap-2024") -> tuple[RequiredMemberRule, ...]:
    """The axes a concept is only ever reported on (the nonvested units of share awards
    other than options, always by award type), by its local name. Kept per name: asked for
    every fact."""
    return tuple(r for r in load_required_member_rules(release) if r.concept.search(concept))


@dataclass(frozen=True)
class ReconciliationRule:
    id: str
    label: re.Pattern  # a line of a tax rate reconciliation ("Foreign income taxed at different rates")
    percent_concept: str  # its concept where the line shows a rate
    amount_concept: str  # ... and where it shows an amount
    opens: bool  # the line a reconciliation starts from (the statutory rate): a table without one is none


@lru_cache(maxsize=4)
def load_reconciliation_rules(release: str = "us-gaap-2024") -> tuple[ReconciliationRule, ...]:
    return tuple(ReconciliationRule(r["rule_id"], compile_pattern(r["label_pattern"], r["rule_id"]),
                                    r["percent_concept"], r["amount_concept"], r["opens"] == "yes")
                 for r in rule_rows(release, "tax_reconciliation.csv", "tax rate reconciliation rules"))


def match_reconciliation(label: str, release: str = "us-gaap-2024") -> ReconciliationRule | None:
    """The rule of a tax rate reconciliation's line, the first whose pattern holds."""
    text = rule_text(label)
    return next((r for r in load_reconciliation_rules(release) if r.label.search(text)), None)


def may_open_reconciliation(label: str, release: str = "us-gaap-2024") -> bool:
    """Whether the pattern of a rule that opens a reconciliation (the statutory rate) holds
    for a line: a table without such a line is no reconciliation, and asking this of its
    lines is one search each where matching them is one per rule."""
    text = rule_text(label)
    return any(r.label.search(text) for r in load_reconciliation_rules(release) if r.opens)


@lru_cache(maxsize=4)
def implied_members(release: str = "us-gaap-2024") -> tuple[tuple[re.Pattern, str], ...]:
    """(concept pattern, member): members a note's concept already implies (other
    comprehensive income is the whole of accumulated OCI's change, so the "Total" column
    of an AOCI roll-forward adds no AOCI member to it)."""
    return tuple((re.compile(r["concept_pattern"]), r["member"])
                 for r in rule_rows(release, "implied_members.csv", "implied member rules"))


@lru_cache(maxsize=16384)
def members_implied_by(concept: str, release: str = "us-gaap-2024") -> frozenset[str]:
    """The members (implied_members.csv) the concept of local name ``concept`` already
    implies. Kept per name: asked for every number of a note that has members."""
    return frozenset(member for pattern, member in implied_members(release) if pattern.search(concept))


@dataclass(frozen=True)
class TableScope:
    id: str
    scope: str  # the rules of "<statement>+<scope>" come first for the table's lines
    tables: frozenset[str]  # the kinds of table it is looked for in ("note", "income")
    rows: re.Pattern | None  # searched in the table's headings and lines, lower case (anchor lookaheads with ^)
    text: re.Pattern | None  # searched in its title, the sentence above it, its headings and lines
    credits_deducted: bool  # a credit line shown in parentheses is deducted: a positive amount


@lru_cache(maxsize=4)
def table_scopes(release: str = "us-gaap-2024") -> tuple[TableScope, ...]:
    """The kinds of table whose lines have rules of their own, told by their words: notes of
    deferred tax assets and liabilities, defined benefit plans, unrecognized tax benefits,
    leases; an income statement with no gross profit line (its expenses total all costs)."""
    return tuple(TableScope(r["rule_id"], r["scope"], frozenset(r["tables"].split("|")),
                            compile_pattern(r["rows_pattern"], f"table_scopes.csv {r['rule_id']}") if r["rows_pattern"] else None,
                            compile_pattern(r["text_pattern"], f"table_scopes.csv {r['rule_id']}") if r["text_pattern"] else None,
                            r["credits_deducted"] == "yes")
                 for r in rule_rows(release, "table_scopes.csv", "table scope rules"))


@dataclass(frozen=True)
class ConceptSubject:
    id: str
    concepts: re.Pattern  # the local names of the concepts of one subject (Goodwill...)
    text: re.Pattern  # words a table speaks of that subject with
    statements: bool = False  # statements too, not only note tables (an industry's concepts)


@lru_cache(maxsize=4)
def concept_subjects(release: str = "us-gaap-2024") -> tuple[ConceptSubject, ...]:
    """Concepts of one subject (goodwill, unrecognized tax benefits, deferred taxes...) and the
    words a note table about it uses: a near label does not make a line of some other table
    one of them. An industry's concepts (insurers' policy acquisition costs) hold the
    statements to the same test."""
    return tuple(ConceptSubject(r["rule_id"], compile_pattern(r["concept_pattern"], f"concept_subjects.csv {r['rule_id']}"),
                                compile_pattern(r["text_pattern"], f"concept_subjects.csv {r['rule_id']}"),
                                r["tables"] == "all")
                 for r in rule_rows(release, "concept_subjects.csv", "concept subjects"))


@dataclass(frozen=True)
class LineOrderRule:
    id: str
    statements: frozenset[str]
    concept: str  # us-gaap local name a line was given
    followed_by: str  # ... the concept of the line right below it
    instead: str  # ... the concept that line then is


@lru_cache(maxsize=4)
def line_order_rules(release: str = "us-gaap-2024") -> tuple[LineOrderRule, ...]:
    """Concepts a statement line changes to by the line below it: a change in cash shown above
    the effect of exchange rates is the change before that effect."""
    return tuple(LineOrderRule(r["rule_id"], frozenset(r["statements"].split("|")), r["concept"], r["followed_by"],
                               r["instead"])
                 for r in rule_rows(release, "line_order.csv", "line order rules"))


@dataclass(frozen=True)
class SectionConcept:
    id: str
    concept: str  # us-gaap local name a column gives a table's lines
    section: re.Pattern  # ... and the heading of the lines that report another concept
    instead: str  # ... that one
    label: re.Pattern | None  # ... or the line's own words that say so ("Total indefinite-lived assets")
    axes: tuple[tuple[str, str], ...]  # members' axes that follow the concept (finite- to indefinite-lived classes)


@lru_cache(maxsize=4)
def section_concepts(release: str = "us-gaap-2024") -> dict[str, tuple[SectionConcept, ...]]:
    """Column concepts that a heading over the lines turns into another: a securities table's
    "Amortized Cost" under "Debt securities - held-to-maturity" is the held-to-maturity
    amount, not the available-for-sale one the column names elsewhere; some rules read the
    line's own label too ("Total indefinite-lived intangible assets" under "Gross")."""
    found: dict[str, list[SectionConcept]] = {}
    for r in rule_rows(release, "section_concepts.csv", "section concepts"):
        found.setdefault(r["concept"], []).append(SectionConcept(
            r["rule_id"], r["concept"], compile_pattern(r["section_pattern"], f"section_concepts.csv {r['rule_id']}"),
            r["instead"], compile_pattern(r["label_pattern"], f"section_concepts.csv {r['rule_id']}")
            if r["label_pattern"] else None,
            tuple(tuple(move.split(">")) for move in r["axis_moves"].split("|") if move)))
    return {concept: tuple(rules) for concept, rules in found.items()}


@dataclass(frozen=True)
class ConcentrationRate:
    id: str
    amount: re.Pattern  # us-gaap local names of the amounts a row's percentages are shares of
    rate: str  # ... the concept of those percentages
    benchmark: tuple[str, str]  # (axis, member): what they are shares of (net sales)
    row_axis: str  # the axis of the rows' members that tells the kind of concentration
    kind: tuple[str, str]  # (axis, member): that kind (geographic, product)


@lru_cache(maxsize=4)
def concentration_rates(release: str = "us-gaap-2024") -> tuple[ConcentrationRate, ...]:
    """Percentages beside a note's amounts of revenue by region, product or segment ("United
    States | $170,447 | 49 %"): each the region's share of net sales, a concentration of
    revenue by the kind of member the rows name."""
    return tuple(ConcentrationRate(r["rule_id"], compile_pattern(r["amount_pattern"], f"concentration_rates.csv {r['rule_id']}"),
                                   r["rate_concept"], (r["benchmark_axis"], r["benchmark_member"]), r["row_axis"],
                                   (r["type_axis"], r["type_member"]))
                 for r in rule_rows(release, "concentration_rates.csv", "concentration rates"))


@dataclass(frozen=True)
class NetSchedule:
    id: str
    net: str  # us-gaap local name of the amount net of accumulated depreciation or amortization
    gross: str  # ... of the total at cost above the accumulated line
    accumulated: str  # ... of the accumulated depreciation or amortization deducted
    part: str  # ... of each line the gross total sums
    lines: re.Pattern | None  # a line of the schedule that makes it this one ("Finance leases")


@lru_cache(maxsize=4)
def net_schedules(release: str = "us-gaap-2024") -> tuple[NetSchedule, ...]:
    """Schedules of a gross amount less accumulated depreciation (or amortization) that make
    a net amount: "Land / Buildings / ... / Property, plant and equipment / Less: accumulated
    depreciation / Property, plant and equipment, net"."""
    return tuple(NetSchedule(r["rule_id"], r["net"], r["gross"], r["accumulated"], r["part"],
                             compile_pattern(r["lines_pattern"], f"net_schedules.csv {r['rule_id']}")
                             if r["lines_pattern"] else None)
                 for r in rule_rows(release, "net_schedules.csv", "net schedules"))


@dataclass(frozen=True)
class WiderTotal:
    id: str
    concept: str  # us-gaap local name a column gives a table's lines
    instead: str  # ... the concept of a total that also sums lines of another kind
    lines_above: re.Pattern  # ... told by a line or heading above the total


@lru_cache(maxsize=4)
def wider_totals(release: str = "us-gaap-2024") -> dict[str, WiderTotal]:
    """Totals wider than their column's concept: "Total intangible assets" below the
    indefinite-lived ones sums more than the finite-lived assets the column reports."""
    return {r["concept"]: WiderTotal(r["rule_id"], r["concept"], r["instead"],
                                     compile_pattern(r["lines_above"], f"wider_totals.csv {r['rule_id']}"))
            for r in rule_rows(release, "wider_totals.csv", "wider totals")}


@dataclass(frozen=True)
class MeasureColumn:
    id: str
    caption: re.Pattern  # a column caption naming one measure of the rows' amounts
    suffixes: tuple[str, ...]  # ... the endings of the us-gaap names of that measure


@lru_cache(maxsize=4)
def measure_columns(release: str = "us-gaap-2024") -> tuple[MeasureColumn, ...]:
    """Columns that measure the same rows two ways ("Amortized Cost | Estimated Fair Value"
    over maturities of debt securities): the taxonomy names each measure by a suffix."""
    return tuple(MeasureColumn(r["rule_id"], compile_pattern(r["caption_pattern"], f"measure_columns.csv {r['rule_id']}"),
                               tuple(r["suffixes"].split("|")))
                 for r in rule_rows(release, "measure_columns.csv", "measure columns"))


@dataclass(frozen=True)
class StatementAlternate:
    id: str
    concept: str  # us-gaap local name a statement line and another table's line both took
    statement: str  # the statement kind whose line gives the concept up
    instead: str  # ... for this concept, when the other table reports the first with another value


@lru_cache(maxsize=4)
def statement_alternates(release: str = "us-gaap-2024") -> dict[tuple[str, str], StatementAlternate]:
    """A statement line that means more, or less, than another table's line of the same
    concept: the cash flow's "Deferred income taxes" against the tax note's total deferred
    tax expense; the equity statement's net income against the income statement's."""
    return {(r["concept"], r["statement"]): StatementAlternate(r["rule_id"], r["concept"], r["statement"], r["instead"])
            for r in rule_rows(release, "statement_alternates.csv", "statement alternates")}


@lru_cache(maxsize=4)
def period_twins(release: str = "us-gaap-2024") -> dict[str, tuple[str, str]]:
    """Concepts that say one thing at a date and over a period (period_twins.csv): a pension
    plan's discount rate for the benefit obligation at year end, and for the year's cost.
    Concept -> (rule id, its twin of the other period type)."""
    out: dict[str, tuple[str, str]] = {}
    for r in rule_rows(release, "period_twins.csv", "period twins"):
        out[r["instant"]] = (r["rule_id"], r["duration"])
        out[r["duration"]] = (r["rule_id"], r["instant"])
    return out


@dataclass(frozen=True)
class ColumnTwin:
    id: str
    caption_a: re.Pattern  # a column caption naming the first kind ("Operating Leases")
    concept_a: str
    caption_b: re.Pattern  # ... and the other ("Finance Leases")
    concept_b: str


@lru_cache(maxsize=4)
def column_twins(release: str = "us-gaap-2024") -> dict[str, ColumnTwin]:
    """Concepts of two kinds a note's columns may name (column_twins.csv): a row's operating
    lease liability under a "Finance Leases" column is the finance lease liability.
    Concept (either of a pair) -> its pair."""
    out: dict[str, ColumnTwin] = {}
    for r in rule_rows(release, "column_twins.csv", "column twins"):
        twin = ColumnTwin(r["rule_id"], compile_pattern(r["caption_a"], f"column_twins.csv {r['rule_id']}"), r["concept_a"],
                          compile_pattern(r["caption_b"], f"column_twins.csv {r['rule_id']}"), r["concept_b"])
        out[twin.concept_a] = out[twin.concept_b] = twin
    return out


@dataclass(frozen=True)
class BalancePart:
    id: str
    part: str  # "current" or "noncurrent": the part of the balance sheet a line sits in
    name: re.Pattern  # ... the ending of a concept's name that belongs to the other part
    twin: str  # ... and what it becomes for this part


@lru_cache(maxsize=4)
def balance_parts(release: str = "us-gaap-2024") -> tuple[BalancePart, ...]:
    """Concept names a balance sheet line's part rewrites (balance_parts.csv): "Deferred
    revenue" learned as DeferredRevenueCurrent is DeferredRevenueNoncurrent among the
    long-term liabilities."""
    return tuple(BalancePart(r["rule_id"], r["part"], compile_pattern(r["name_pattern"], f"balance_parts.csv {r['rule_id']}"),
                             r["twin"]) for r in rule_rows(release, "balance_parts.csv", "balance parts"))


@dataclass(frozen=True)
class ConceptFamily:
    id: str
    statements: frozenset[str]  # the primary statements whose choice the notes follow
    concepts: frozenset[str]  # us-gaap local names a filer reports one measure with


@lru_cache(maxsize=4)
def concept_families(release: str = "us-gaap-2024") -> tuple[ConceptFamily, ...]:
    """Concepts that name one measure, of which a filer picks one and keeps to it in its
    statements and notes (revenue with or without "from contracts with customers")."""
    return tuple(ConceptFamily(r["family_id"], frozenset(r["statements"].split("|")), frozenset(r["concepts"].split("|")))
                 for r in rule_rows(release, "concept_families.csv", "concept families"))


@dataclass(frozen=True)
class SplitRule:
    id: str
    total: re.Pattern  # the local name of the concept the block's total reports
    label: re.Pattern
    concept: str  # the taxonomy's own concept for that part of the total


@lru_cache(maxsize=4)
def load_split_rules(release: str = "us-gaap-2024") -> tuple[SplitRule, ...]:
    return tuple(SplitRule(r["rule_id"], re.compile(r["total_pattern"]), compile_pattern(r["label_pattern"], r["rule_id"]),
                           r["concept"]) for r in rule_rows(release, "split_concepts.csv", "split concept rules"))


def match_split(total_concept: str, label: str, release: str = "us-gaap-2024") -> SplitRule | None:
    """The concept the taxonomy has for one part of a total ("Domestic" under income before
    income taxes is IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic), where a
    member of the total would otherwise say it."""
    text = rule_text(label)
    return next((r for r in load_split_rules(release) if r.total.search(total_concept) and r.label.search(text)), None)


@dataclass(frozen=True)
class ShareRule:
    id: str
    amount: re.Pattern  # the local name of the amount concept an equity row chose
    concept: str  # the share-count concept of the same movement
    amount_with_shares: str  # the amount concept instead, on a row that issues shares ("" to keep it)


@lru_cache(maxsize=4)
def load_share_rules(release: str = "us-gaap-2024") -> tuple[ShareRule, ...]:
    return tuple(ShareRule(r["rule_id"], re.compile(r["amount_pattern"]), r["shares_concept"], r["amount_with_shares"])
                 for r in rule_rows(release, "share_concepts.csv", "share concept rules"))


def issuing_amount(amount_concept: str, release: str = "us-gaap-2024") -> ShareRule | None:
    """The rule whose amount concept a row that also issues shares reports instead: stock-based
    compensation that only adjusts paid-in capital issues none, one that issues shares is an
    issuance (StockIssuedDuringPeriodValueShareBasedCompensation)."""
    return next((r for r in load_share_rules(release) if r.amount_with_shares and r.amount.search(amount_concept)),
                None)


def share_concept_names(amount_concept: str, release: str = "us-gaap-2024") -> list[tuple[str, str]]:
    """(rule id, concept) candidates for the share count of an equity movement whose amount
    is ``amount_concept``: the taxonomy names most pairs alike (StockIssuedDuringPeriodValueX
    and StockIssuedDuringPeriodSharesX), ``share_concepts.csv`` the others."""
    found = [(r.id, r.concept) for r in load_share_rules(release) if r.amount.search(amount_concept)]
    if "Value" in amount_concept:
        found.append(("SHR-NAME", amount_concept.replace("Value", "Shares", 1)))
    return found


@lru_cache(maxsize=4)
def including_nci_members(release: str = "us-gaap-2024") -> dict[str, str]:
    """AOCI component member -> the member of the same component that includes the
    noncontrolling interests' part, for facts of equity including that part
    (``nci_members.csv``: AbbVie and P&G tag their AOCI roll-forwards so)."""
    return {r["member"]: r["including_nci_member"] for r in rule_rows(release, "nci_members.csv", "NCI members")}


@lru_cache(maxsize=4)
def fair_value_concepts(release: str = "us-gaap-2024") -> dict[str, tuple[str, str]]:
    """Carrying-amount concept -> (rule id, the concept of its fair value), for figures that
    a note splits by fair value hierarchy level ("Total assets" under Level 1 | Level 2 is
    AssetsFairValueDisclosure; ``fair_value_concepts.csv``)."""
    return {r["concept"]: (r["rule_id"], r["fair_value_concept"])
            for r in rule_rows(release, "fair_value_concepts.csv", "fair value concepts")}


@lru_cache(maxsize=4)
def roll_forward_balances(release: str = "us-gaap-2024") -> tuple[tuple[str, frozenset[str], str], ...]:
    """(rule id, movement rule ids, balance concept): a note whose lines two of those rules
    name rolls that balance forward, so its opening and closing lines are that balance
    (``roll_forwards.csv``: unrecognized tax benefits)."""
    return tuple((r["rule_id"], frozenset(r["movement_rules"].split()), r["balance_concept"])
                 for r in rule_rows(release, "roll_forwards.csv", "roll-forward balances"))


@dataclass(frozen=True)
class LabelNumberRule:
    id: str
    kind: str  # what a number inside a label counts (converter.detect.label_numbers)
    row: re.Pattern | None  # the row label it must sit in ("preferred"), None for any
    concept: str


@lru_cache(maxsize=4)
def load_label_number_rules(release: str = "us-gaap-2024") -> tuple[LabelNumberRule, ...]:
    return tuple(LabelNumberRule(r["rule_id"], r["kind"],
                                 compile_pattern(r["row_pattern"], r["rule_id"]) if r["row_pattern"] else None,
                                 r["concept"]) for r in rule_rows(release, "label_number_rules.csv", "label number rules"))


def match_label_number(kind: str, row_label: str, release: str = "us-gaap-2024") -> LabelNumberRule | None:
    """The concept of a number printed in a row label: "$0.01 par value" in a preferred stock row."""
    text = rule_text(row_label)
    return next((r for r in load_label_number_rules(release)
                 if r.kind == kind and (r.row is None or r.row.search(text))), None)


@lru_cache(maxsize=256)
def rules_of_kind(kind: str, release: str = "us-gaap-2024") -> tuple[Rule, ...]:
    """The rules for one kind of statement, in file order: most kinds asked for ("note+pension")
    have a few rules of the file's five hundred, or none."""
    return tuple(rule for rule in load_rules(release) if kind in rule.statements)


# Statements repeat labels (each row is asked once per kind of choice) and the rules are
# loaded once per process: each answer is kept, as the catalog keeps its label searches.
@lru_cache(maxsize=65536)
def match_rule(kind: str, section: str, label: str, release: str = "us-gaap-2024") -> Rule | None:
    rules = rules_of_kind(kind, release)
    if not rules:
        return None
    text, sect = rule_text(label), rule_text(section)
    for rule in rules:
        if rule.section is not None and not rule.section.search(sect):
            continue
        if rule.label.search(text):
            return rule
    return None


def later_rules(kind: str, section: str, label: str, release: str = "us-gaap-2024") -> tuple[Rule, ...]:
    """Every rule of ``kind`` the label matches, in file order: the ones after the first are
    where a line goes whose first rule's concept holds another value."""
    text, sect = rule_text(label), rule_text(section)
    return tuple(rule for rule in rules_of_kind(kind, release)
                 if (rule.section is None or rule.section.search(sect)) and rule.label.search(text))


@lru_cache(maxsize=65536)
def match_member(label: str, axis: str | None = None, release: str = "us-gaap-2024", *,
                 table: str = "") -> MemberRule | None:
    """The member rule a row or column caption matches; rules bound to a kind of table
    (``table_pattern``) only where the table's title (``table``) is of that kind, and
    there before the unbound ones: in a table about accumulated other comprehensive
    income, "Postretirement Benefit Plans" is that component of AOCI, not a plan."""
    text = rule_text(label)
    for rule in member_rules_for(table, axis, release):
        if rule.label.search(text):
            return rule
    if (spaced := GLUED_LINE_START.sub(" ", label)) != label:
        return match_member(spaced, axis, release, table=table)
    return None


# a caption's wrapped line run on in copied text ("Facility Exitand Other", "Costsof Sales"):
# its opening "and", "or" or "of" glued to the line before
GLUED_LINE_START = re.compile(r"(?<=[a-z]{3})(?=(?:and|or|of) [A-Z])")


@lru_cache(maxsize=1024)
def member_rules_for(table: str, axis: str | None, release: str = "us-gaap-2024") -> tuple[MemberRule, ...]:
    """The member rules on ``axis`` (any axis when None) to try, in order, for a caption in a
    table titled ``table``: once per table, not for each of its captions."""
    rules = [rule for rule in load_member_rules(release) if not axis or rule.axis == axis]
    return tuple(rule for rule in rules if rule.table is not None and rule.table.search(table)) + \
        tuple(rule for rule in rules if rule.table is None)
