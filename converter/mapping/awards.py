"""Share-based award activity tables: balances and changes of options or units.

A stock option or RSU note shows the awards outstanding at the start, those granted,
exercised or vested, forfeited and expired, and those outstanding (and exercisable) at
the end, each as a number of awards beside a weighted-average price and sometimes an
aggregate intrinsic value. The taxonomy has one concept for each (activity, measure)
pair, apart for options and for other awards; ``award_activity.csv`` names them. The
family is read from the columns: an exercise price means options, a grant-date fair
value means units (RSUs, performance shares, restricted stock).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.detect import column_caption
from converter.mapping.headings import copied_heading_stacks
from converter.mapping.rules import rule_rows, rule_text
from converter.model import Table

# the activity a row reports, first match wins (the order matters: "options vested and
# expected to vest" is not "vested", "forfeited or expired" not "forfeited")
ACTIVITIES = (
    ("expected", re.compile(r"expected to vest")),
    ("exercisable", re.compile(r"\bexercisable\b")),
    ("forfeited_expired", re.compile(r"(?:forfeit\w*|cancel+ed|lapsed)(?:,| or| and|/) ?(?:expired|forfeit\w*|lapsed)|"
                                     r"expired(?:,| or| and|/) ?(?:forfeit\w*|cancel+ed)")),
    ("balance", re.compile(r"\b(?:outstanding|unvested|nonvested|non-vested|balances?)\b")),
    ("granted", re.compile(r"\b(?:granted|awarded|grants)\b")),
    ("exercised", re.compile(r"\bexercised\b")),
    ("vested", re.compile(r"^(?:\w+ )?(?:vested|released|converted|distributed)\b")),
    ("forfeited", re.compile(r"\b(?:forfeit\w*|cancel+ed|cancellations?)\b")),
    ("expired", re.compile(r"\bexpired\b")),
)
TOTAL = re.compile(r"^total\b", re.I)
BEGINNING = re.compile(r"\b(?:beginning|start) of (?:the )?(?:year|period|fiscal)|^beginning\b")
MEASURES = (
    ("intrinsic", re.compile(r"intrinsic value|aggregate fair value")),
    ("price", re.compile(r"weighted[- ]average\b.*\b(?:price|fair value)|exercise price|grant[- ]date fair value")),
    ("term", re.compile(r"\b(?:term|life)\b")),
    # shares the plans may still grant: a count beside the awards', not of them
    ("available", re.compile(r"\bavailable for (?:future )?(?:grant|issuance|awards?)\b")),
    ("count", re.compile(r"\b(?:shares|units|options|awards|rsus|psus|number|outstanding)\b")),
)
OPTIONS = re.compile(r"exercise price|option price")
# a row of a table of options by range of exercise prices: "$1.34 to $154.14", "$218.21"
PRICE_RANGE = re.compile(r"^\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:-|–|—|to)\s*\$?\s?\d[\d,]*(?:\.\d+)?)?$")
RANGE_TABLE = re.compile(r"\bexercise prices?\b|\boptions outstanding\b")
EXERCISABLE = re.compile(r"\bexercisable\b")
AWARD_AXIS = "us-gaap:AwardTypeAxis"
RANGE_AXIS = "us-gaap:ShareBasedCompensationSharesAuthorizedUnderStockOptionPlansByExercisePriceRangeAxis"
UNITS = re.compile(r"grant[- ]date fair value|fair value per share")


@dataclass(frozen=True)
class AwardCell:
    """What one cell of an award table reports: its concept and the rule that names it."""

    rule: str
    concept: str
    measure: str
    activity: str
    group: str = ""  # the member its cell is of: the award its group of columns is about, a row's price range
    axis: str = ""  # ... on this axis


@lru_cache(maxsize=4)
def concepts(release: str = "us-gaap-2024") -> dict[tuple[str, str, str], tuple[str, str]]:
    """(family, activity, measure) -> (rule id, concept)."""
    return {(r["family"], r["activity"], r["measure"]): (r["rule_id"], r["concept"])
            for r in rule_rows(release, "award_activity.csv", "award activity concepts")}


# the data type a measure's figures are of, for cells no (activity, measure) pair names
MEASURE_TYPES = {"price": "perShareItemType", "count": "sharesItemType", "available": "sharesItemType",
                 "intrinsic": "monetaryItemType"}


def measure_of(caption: str) -> str | None:
    text = rule_text(caption)
    return next((name for name, pattern in MEASURES if pattern.search(text)), None)


def activity_of(label: str) -> str | None:
    text = rule_text(label)
    return next((name for name, pattern in ACTIVITIES if pattern.search(text)), None)


def caption_of(table: Table, column: int) -> str:
    """A column's caption, from its label or the header cells over it."""
    return column_caption(table.raw, table.columns[column])


def family_of(table: Table) -> str | None:
    captions = rule_text(" | ".join(caption_of(table, c.index) for c in table.columns))
    if OPTIONS.search(captions):
        return "options"
    if UNITS.search(captions):
        return "units"
    return None


def award_cells(table: Table, release: str = "us-gaap-2024") -> dict[tuple[int, int], AwardCell] | None:
    """(row, column) -> AwardCell for an award activity table; None when the table is not
    one: it needs a count column, a price column, a balance row and a change row."""
    family = family_of(table)
    if family is None:
        return None
    measures = {c.index: measure_of(caption_of(table, c.index)) for c in table.columns}
    if "count" not in measures.values() or "price" not in measures.values():
        return None
    groups = award_groups(table, measures)
    if groups is None:
        return None  # a measure twice, and no caption over each group of columns says which award
    activities = {r.index: activity_of(r.label) for r in table.rows if not r.is_abstract}
    found = set(activities.values())
    if "balance" not in found or not found & {"granted", "exercised", "vested", "forfeited"}:
        return None
    table_concepts = concepts(release)
    out: dict[tuple[int, int], AwardCell] = {}
    for row in table.rows:
        activity = activities.get(row.index)
        for col in table.columns:
            measure = measures[col.index]
            hit = table_concepts.get((family, activity, measure)) if activity and measure else None
            if hit is None and activity == "forfeited_expired":  # units do not expire: forfeited
                hit = table_concepts.get((family, "forfeited", measure))
            if hit:
                group = groups.get(col.index, "")
                out[(row.index, col.index)] = AwardCell(hit[0], hit[1], measure, activity, group,
                                                        AWARD_AXIS if group else "")
    return out


@lru_cache(maxsize=4)
def range_concepts(release: str = "us-gaap-2024") -> dict[tuple[str, str], tuple[str, str]]:
    """(outstanding or exercisable, measure) -> (rule id, concept), for options by price range."""
    return {(r["status"], r["measure"]): (r["rule_id"], r["concept"])
            for r in rule_rows(release, "price_ranges.csv", "price range concepts")}


def price_range_cells(table: Table, release: str = "us-gaap-2024") -> dict[tuple[int, int], AwardCell] | None:
    """(row, column) -> AwardCell for options outstanding and exercisable by range of
    exercise prices ("$1.34 to $154.14" by "Options Outstanding: Number | Weighted-Average
    Exercise Price", "Options Exercisable: ..."): each range a member of the price range
    axis under the concept of its column's status and measure (price_ranges.csv); the total
    row the options outstanding or exercisable. None when the table is not one."""
    lines = [r for r in table.rows if not r.is_abstract]
    ranged = {r.index for r in lines if PRICE_RANGE.match(r.label.strip())}
    captions = {c.index: _stacked_caption(table, c.index) for c in table.columns}
    if len(ranged) < 2 or 2 * len(ranged) < len(lines) or \
            not RANGE_TABLE.search(rule_text(f"{table.title} {' | '.join(captions.values())}")):
        return None
    by_range, awards = range_concepts(release), concepts(release)
    out: dict[tuple[int, int], AwardCell] = {}
    for col in table.columns:
        status = "exercisable" if EXERCISABLE.search(rule_text(captions[col.index])) else "outstanding"
        measure = measure_of(captions[col.index])
        for row in lines:
            if row.index in ranged:
                hit, group = by_range.get((status, measure)), row.label.strip()
            elif not row.label.strip() or TOTAL.match(row.label):
                hit, group = awards.get(("options", "balance" if status == "outstanding" else status, measure)), ""
            else:
                continue
            if hit:
                out[(row.index, col.index)] = AwardCell(hit[0], hit[1], measure or "", status, group,
                                                        RANGE_AXIS if group else "")
    return out or None


def _stacked_caption(table: Table, column: int) -> str:
    """A column's caption with the captions over it ("Options Exercisable Number of Shares")."""
    stacks = table.header_stacks
    return " ".join(stacks[column]) if column < len(stacks) else caption_of(table, column)


def award_groups(table: Table, measures: dict[int, str | None]) -> dict[int, str] | None:
    """Column -> the award its group of columns is about, where a caption over each group
    names one ("Restricted Stock Units | Performance Share Units", each over "Shares |
    Weighted-Average Grant-Date Fair Value"); {} when every measure shows once; None when
    one shows twice and no such captions tell the groups apart."""
    measured = [m for m in measures.values() if m]
    if len(measured) == len(set(measured)):
        return {}
    stacks = table.header_stacks or copied_heading_stacks(table)
    if len(stacks) != len(table.columns) or any(len(stack) < 2 for stack in stacks):
        return None
    groups = {c.index: stacks[c.index][0] for c in table.columns}
    for name in set(groups.values()):
        inside = [measures[c] for c, group in groups.items() if group == name and measures[c]]
        if len(inside) != len(set(inside)) or "count" not in inside:
            return None
    return groups


def at_beginning(label: str) -> bool:
    return bool(BEGINNING.search(rule_text(label)))
