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
from functools import lru_cache
from pathlib import Path

from converter.model import QName

MAPS = Path(__file__).resolve().parents[2] / "taxonomy_maps"
TOTAL = re.compile(r"^(?:total|consolidated|all)\b", re.I)


@lru_cache(maxsize=4)
def member_axes(release: str = "us-gaap-2024") -> dict[str, str]:
    """member -> the axis most roles place it on."""
    best: dict[str, tuple[int, str]] = {}
    with open(MAPS / release / "member_axes.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            n = int(r["roles"])
            if n > best.get(r["member"], (0, ""))[0]:
                best[r["member"]] = (n, r["axis"])
    return {m: a for m, (_, a) in best.items()}


def caption_member(catalog, caption: str, *, min_score: float = 0.85,
                   exclude_company: str | None = None) -> tuple[QName, QName] | None:
    """(axis, member) for a caption that names a standard member; None otherwise (and for totals)."""
    from converter.mapping.rules import match_member

    if not caption.strip() or TOTAL.match(caption):
        return None
    rule = match_member(caption)
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
