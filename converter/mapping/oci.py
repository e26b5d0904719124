"""Other comprehensive income lines, read as the taxonomy builds their concepts.

A line of OCI is one part of it (foreign currency translation, available-for-sale
securities, cash flow hedges, pension and other postretirement plans, an insurer's discount
rate on future policy benefits and credit risk of market risk benefits), one stage of its
change in the period (the gains arising, what is reclassified out of AOCI into net income,
or the net change of the two) and one tax treatment (before tax, the tax itself, net of
it). The part often sits in the heading ("Cash flow hedges:" over "Change in net unrealized
gains"), the rest in the label. ``oci_concepts.csv`` names the concept of each
combination; lines that name no part (the OCI total) are left to the other rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.mapping.rules import rule_rows, rule_text

# Parts, the first match wins (a net investment hedge is a hedge no rule here names).
PARTS = (
    ("net_investment_hedge", re.compile(r"net investment hedg")),
    # long-term intercompany (intra-entity) balances "of a long-term investment nature":
    # translation of their own, not securities
    ("intercompany", re.compile(r"\bintra-?entity\b|\bintercompany\b|\binter-company\b")),
    # an insurer's (ASU 2018-12): the current discount rate's effect on the liability for future
    # policy benefits, and the instrument-specific credit risk of market risk benefits; no
    # defined benefit plan's, whatever "benefits" says
    ("fpb", re.compile(r"future polic(?:y|ies) benefits?|policy benefit reserves")),
    ("mrb", re.compile(r"market risk benefits?|instrument[- ]specific credit risk")),
    ("fx", re.compile(r"foreign currency|currency translation|translation adjustment|\bcumulative translation")),
    ("cfh", re.compile(r"cash flow hedg|\bderivative|\bhedg")),
    ("afs", re.compile(r"available[- ]for[- ]sale|marketable (?:debt )?securities|investment securities|"
                       r"\binvestments?\b|\bsecurities\b")),
    ("pension", re.compile(r"pension|post-?retirement|post-employment|benefit plans?|defined benefit")),
)
RECLASSIFIED = re.compile(r"reclassif|\brealized|included in (?:net )?(?:income|earnings)|recognized in (?:net )?"
                          r"(?:income|earnings)|transferred to (?:net )?(?:income|earnings)|amortization of")
# "Total unrealized gains (losses), net of tax" and "Total reclassification adjustment" add up
# one stage of a part, not its change
NET_CHANGE = re.compile(r"^(?:total )?net (?:change|increase|decrease|unrealized gains? \(?loss(?:es)?\)?$)|"
                        r"^total\b(?! (?:net )?(?:unrealized|realized|reclassification))")
# "Net unrealized gains (losses)": the part's change, unless its heading also lists what was
# reclassified and the net change of the two ("Cash flow hedges: / Net unrealized gains
# (losses) / Reclassification ... / Net change"): there it is what arose in the period
NET_UNREALIZED = re.compile(r"^net unrealized gains? \(?loss(?:es)?\)?$")
ARISING = re.compile(r"unrealized|arising|change in (?:the )?fair value|gains? \(?(?:loss(?:es)?)?\)?(?: on| during)")
TAX_LINE = re.compile(r"^(?:\(?(?:provision for|benefit from)\)? )?(?:income )?tax(?:es)?\b(?! of)|^tax effect|"
                      r"^(?:less:? )?(?:related )?income tax")
BEFORE_TAX = re.compile(r"before (?:income )?tax|pre-?tax")
HEADING_TOTAL = re.compile(r"^(?:net|total)\b")
ARISING_OR_RECLASSIFIED = re.compile(r"arising|during the period|" + RECLASSIFIED.pattern)
# OCI as a whole ("Other comprehensive income (loss) attributable to shareowners of ..."), not
# the noncontrolling interests' part of it
OCI_TOTAL = re.compile(r"^(?:total )?other comprehensive (?:income|loss|\(?loss\)? income)(?!.*non-?controlling)")
# the parent's portion: "OCI attributable to shareowners of The Coca-Cola Company", where
# nothing speaks of the noncontrolling interests' portion
ATTRIBUTABLE = re.compile(r"\battributable to\b")
NONCONTROLLING = re.compile(r"non-?controlling|minority")


@dataclass(frozen=True)
class OciRule:
    id: str
    part: str
    stage: str  # total | arising | reclass
    tax: str  # net | before | tax
    concept: str
    parent: str  # the portion attributable to the parent, where the taxonomy has its own concept


@lru_cache(maxsize=4)
def oci_rules(release: str = "us-gaap-2024") -> dict[tuple[str, str, str], OciRule]:
    rules = [OciRule(r["rule_id"], r["component"], r["stage"], r["tax"], r["concept"], r["parent_concept"])
             for r in rule_rows(release, "oci_concepts.csv", "OCI concepts")]
    return {(r.part, r.stage, r.tax): r for r in rules}


def is_tax_line(label: str) -> bool:
    return bool(TAX_LINE.search(rule_text(label)))


def is_reclassification(label: str) -> bool:
    return bool(RECLASSIFIED.search(rule_text(label)))


def is_heading_total(label: str) -> bool:
    """"Net foreign currency translation adjustments", "Total ...": the lines above it added
    up; not "Net pension ... liabilities arising during the period", one of those lines."""
    text = rule_text(label)
    return bool(HEADING_TOTAL.match(text)) and not ARISING_OR_RECLASSIFIED.search(text)


def oci_total_rule(label: str, tax: str, release: str = "us-gaap-2024") -> OciRule | None:
    """The rule of a line of OCI as a whole split by tax ("Other comprehensive income (loss)
    attributable to shareowners" under "Before-Tax Amount", whatever part the heading above
    names); None for other lines."""
    text = rule_text(label)
    return oci_rules(release).get(("all", "total", tax)) if OCI_TOTAL.search(text) and _part_in(text) is None else None


def of_parent(text: str) -> bool:
    """The words say the amounts are the parent's portion of OCI ("OCI attributable to
    shareowners of the Company") and nothing of the noncontrolling interests'."""
    text = rule_text(text)
    return bool(ATTRIBUTABLE.search(text)) and not NONCONTROLLING.search(text)


def oci_part(label: str) -> str | None:
    """The part of OCI a line's words name, if any."""
    return _part_in(rule_text(label))


@lru_cache(maxsize=4096)
def _part_in(text: str) -> str | None:
    """The first part of OCI a (rule_text) text names. Kept per text: a table of OCI by tax
    asks of each line's label and heading once per column, through some twenty patterns."""
    return next((name for name, pattern in PARTS if pattern.search(text)), None)


def oci_rule(label: str, section: str, *, before_tax: bool = False, split: bool = False, above: str = "",
             release: str = "us-gaap-2024", tax: str | None = None, total: bool = False,
             carried: str = "") -> OciRule | None:
    """The OCI concept rule of a line, or None when the line names no part of OCI.
    ``before_tax``: the line's heading lists the tax on a line of its own, so the other
    lines are before tax; ``split``: the heading also lists a reclassification, so its
    "unrealized gains" line is the part arising in the period, not the part's change.
    ``above``: the line a tax line follows; "Income tax effect" under "Unrealized gains on
    securities arising during the period" is the tax of that part and stage.
    ``tax``: the column says it ("Before-Tax Amount | Income Tax | After-Tax Amount");
    ``total``: the line is its heading's total ("Net foreign currency translation adjustments");
    ``carried``: the earlier line that named the part a line continues ("Gross unrealized gains
    on investment securities" / "Income tax effect" / "Total unrealized gains (losses), net of
    tax" / "Gross reclassification adjustment for net realized (gains) losses")."""
    text, heading = rule_text(label), rule_text(section)
    if above and TAX_LINE.search(text) and _part_in(text) is None:
        taxed = oci_rule(above, section, before_tax=True, split=split, release=release, carried=carried)
        if taxed is not None and taxed.tax == "before":
            return oci_rules(release).get((taxed.part, taxed.stage, "tax")) or \
                oci_rules(release).get((taxed.part, "total", "tax"))
    part = _part_in(text) or _part_in(heading) or \
        (oci_part(carried) if carried and "comprehensive" not in text else None)
    if part is None:
        return None
    if tax is not None:
        return oci_rules(release).get((part, "total" if total else _stage(text, tax, split), tax))
    if TAX_LINE.search(text):
        tax = "tax"
    elif BEFORE_TAX.search(text) or (before_tax and "net of" not in text):
        tax = "before"
    else:
        tax = "net"
    return oci_rules(release).get((part, _stage(text, tax, split), tax))


def _stage(text: str, tax: str, split: bool) -> str:
    if split and NET_UNREALIZED.search(text):
        return "arising"
    if NET_CHANGE.search(text) or (tax == "tax" and not split):
        return "total"
    if RECLASSIFIED.search(text):
        return "reclass"
    if ARISING.search(text) and split:
        return "arising"
    return "total"  # "Foreign currency translation adjustments, net of tax": the part's change


# Columns of a table of OCI lines that split each amount by tax (the caption, lowercased).
TAX_COLUMNS = (
    ("before", re.compile(r"before[- ](?:income )?tax|pre-?tax|^gross\b")),
    ("net", re.compile(r"after[- ](?:income )?tax|net of (?:income )?tax|^net(?: amount)?$")),
    ("tax", re.compile(r"\btax(?:es)?\b|^tax|\b(?:provision|benefit)\b")),
)


def tax_column(caption: str) -> str | None:
    """'before', 'tax' or 'net' for an OCI table's column caption; None for others."""
    text = rule_text(caption)
    return next((tax for tax, pattern in TAX_COLUMNS if pattern.search(text)), None)
