"""Column and row captions as axis members: "Level 1" is us-gaap:FairValueInputsLevel1Member
on us-gaap:FairValueByFairValueHierarchyLevelAxis.

A caption is matched to a standard member by the member rules, then by the members'
labels; the axis is the one official filings put that member on when companies agree,
else the one the US-GAAP definition linkbases most often place it on (``member_axes.csv``,
built by ``taxonomy_maps/scripts/build_member_axes.py``).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.model import QName

MAPS = Path(__file__).resolve().parents[2] / "taxonomy_maps"
TOTAL = re.compile(r"^(?:total|consolidated|all)\b", re.I)
# a caption's abbreviation after it: "Latin America (LATAM)", "Asia-Pacific (APAC)"
ABBREVIATION = re.compile(r"\s*\([A-Z]{2,6}\)$")


@lru_cache(maxsize=4)
def _member_axis_rows(release: str) -> tuple[tuple[str, str, int], ...]:
    """(member, axis, roles placing it there) of member_axes.csv."""
    with open(MAPS / release / "member_axes.csv", newline="", encoding="utf-8") as fh:
        return tuple((r["member"], r["axis"], int(r["roles"]))
                     for r in csv.DictReader(line for line in fh if not line.startswith("#")))


@lru_cache(maxsize=4)
def member_axes(release: str = "us-gaap-2024") -> dict[str, str]:
    """member -> the axis most roles place it on."""
    best: dict[str, tuple[int, str]] = {}
    for member, axis, n in _member_axis_rows(release):
        if n > best.get(member, (0, ""))[0]:
            best[member] = (n, axis)
    return {m: a for m, (_, a) in best.items()}


@lru_cache(maxsize=4)
def axis_members(release: str = "us-gaap-2024") -> dict[str, frozenset[str]]:
    """axis -> every standard member the definition linkbases place on it."""
    out: dict[str, set[str]] = {}
    for member, axis, _ in _member_axis_rows(release):
        out.setdefault(axis, set()).add(member)
    return {axis: frozenset(members) for axis, members in out.items()}


def caption_member(catalog, caption: str, *, min_score: float = 0.85,
                   exclude_company: str | None = None, table: str = "") -> tuple[QName, QName] | None:
    """(axis, member) for a caption that names a standard member; None otherwise (and for
    totals). ``table`` says what the table is about, for member rules bound to a kind of table."""
    from converter.mapping.rules import match_member

    if not caption.strip() or TOTAL.match(caption):
        return None
    rule = match_member(caption, table=table)
    if rule and rule.member and not rule.member.startswith("country:"):
        axis, member = catalog.axis(rule.axis), catalog.member(rule.member)
        if axis is not None and member is not None:
            return axis, member
    for member, score in catalog.search_member(caption, limit=3):
        if score < min_score:
            break
        name = f"{member.prefix}:{member.local}"
        axis_name = catalog.learned_member_axis(name, exclude_company=exclude_company) or member_axes().get(name)
        axis = catalog.axis(axis_name) if axis_name else None
        if axis is not None:
            return axis, member
    return None


@dataclass(frozen=True)
class Candidate:
    """A member a caption may name: on ``axis``, the standard ``member`` or "ext" (a
    company member made from the caption), with the weight of its evidence."""

    axis: str
    member: str
    weight: float
    source: str


def member_candidates(catalog, text: str, places: tuple[str, ...], *, exclude_company: str | None = None,
                      table: str = "") -> list[Candidate]:
    """What a header cell, row label or heading may name as a member, strongest first:
    what other companies' official note tables made of the same (or a near) caption,
    a member rule (``table``: the table's title and the sentence above it, for rules
    bound to a kind of table), a standard member whose label matches; failing all, what
    the caption names without the abbreviation after it."""
    if not text.strip() or TOTAL.match(text):
        return []
    out = _candidates_of(catalog, text, places, exclude_company=exclude_company, table=table)
    if not out and ABBREVIATION.search(text):  # "Latin America (LATAM)": what "Latin America" names
        out = _candidates_of(catalog, ABBREVIATION.sub("", text), places, exclude_company=exclude_company, table=table)
    return out


def _candidates_of(catalog, text: str, places: tuple[str, ...], *, exclude_company: str | None,
                   table: str) -> list[Candidate]:
    from converter.mapping.rules import match_member

    out: list[Candidate] = []
    for axis, value, companies, score in catalog.learned_cell(places, text, exclude_company=exclude_company):
        if not axis or catalog.axis(axis) is None:
            continue
        if value != "ext" and not value.startswith("country:") and catalog.member(value) is None:
            continue
        out.append(Candidate(axis, value, companies * score, f"{companies:.0f} companies' note tables"))
    rule = match_member(text, table=table)
    if rule and catalog.axis(rule.axis) is not None:
        out.append(Candidate(rule.axis, rule.member or "ext", 2.0, f"member rule {rule.id}"))
    for member, score in catalog.search_member(text, limit=3):
        if score < 0.85:
            break
        name = f"{member.prefix}:{member.local}"
        axis = catalog.learned_member_axis(name, exclude_company=exclude_company) or member_axes().get(name)
        if axis and catalog.axis(axis) is not None:
            out.append(Candidate(axis, name, score, f"standard member label {score:.0%} alike"))
    # a company member others made of the caption yields to a standard member as strong
    return sorted(out, key=lambda c: (-c.weight, c.member == "ext"))


def shared_axis(candidates: list[list[Candidate]], *, min_support: int = 2) -> str | None:
    """The axis most of a group of captions (the columns of one header row, the rows of
    one block) name members of: summed best weights, named by at least ``min_support``
    captions (all of them when fewer)."""
    score: dict[str, float] = {}
    support: dict[str, int] = {}
    for found in candidates:
        best: dict[str, float] = {}
        for c in found:
            best[c.axis] = max(best.get(c.axis, 0.0), c.weight)
        for axis, w in best.items():
            score[axis] = score.get(axis, 0.0) + w
            support[axis] = support.get(axis, 0) + 1
    need = min(min_support, len(candidates))
    ranked = sorted((a for a in score if support[a] >= need), key=lambda a: (-score[a], a))
    return ranked[0] if ranked else None
