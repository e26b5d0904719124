"""Maturity schedules: the amounts due in each of the next five years and thereafter.

An annual report's note lists future lease payments, debt repayments, amortization or
purchase obligations by year ("2025 | 2026 | ... | Thereafter | Total"), often with the
interest to deduct and the present value below; a quarterly report's opens with what is
due in the rest of the fiscal year ("Remainder of 2025", "2026 (excluding the first half
of fiscal year 2026)"), the full years counted from the next. The taxonomy has a concept for each year
counted from the balance sheet date (next twelve months, year two ... year five, after
year five); ``maturity_concepts.csv`` names them per family, and the family comes from
the column's caption ("Operating leases | Finance leases") or the table's title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.mapping.rules import compile_pattern, rule_rows, rule_text

YEAR = re.compile(r"^(?:fiscal (?:year )?)?((?:19|20)\d\d)$")
THEREAFTER = re.compile(r"^(?:thereafter|later years|(?:19|20)\d\d and (?:thereafter|beyond|later))$")
# "2030 and thereafter", "2030 to 2034" (the five years after the fifth: benefit payments)
AFTER_LAST = re.compile(r"^(?:19|20)\d\d(?: and | ?(?:-|–|to|through) ?(?:19|20)\d\d$)")
REMAINDER = re.compile(r"^(?:(?:the )?(?:remainder|rest|balance) of (?:fiscal )?(?:year )?(?P<after>(?:19|20)\d\d)"
                       r"|(?:fiscal )?(?P<before>(?:19|20)\d\d) \((?:remainder|remaining|excluding|rest)\b[^)]*\))$")
LESS_INTEREST = re.compile(r"^less:?\b.*\binterest\b|^(?:imputed|amount representing) interest")
TOTAL = re.compile(r"^total\b")
SLOTS = ("remainder", "year_1", "year_2", "year_3", "year_4", "year_5", "after_5", "total", "less_interest", "present_value")


@dataclass(frozen=True)
class MaturityFamily:
    id: str
    family: str
    caption: re.Pattern
    concepts: dict[str, str]  # slot -> concept ("" when the family has none)


@lru_cache(maxsize=4)
def families(release: str = "us-gaap-2024") -> tuple[MaturityFamily, ...]:
    return tuple(MaturityFamily(r["rule_id"], r["family"], compile_pattern(r["caption_pattern"], r["rule_id"]),
                                {slot: r[slot] for slot in SLOTS})
                 for r in rule_rows(release, "maturity_concepts.csv", "maturity concepts"))


def family_of(*texts: str, release: str = "us-gaap-2024") -> MaturityFamily | None:
    """The family the first text naming one names ("Finance leases", then the title)."""
    for text in texts:
        found = next((f for f in families(release) if f.caption.search(text)), None)
        if found is not None:
            return found
    return None


def slots(labels: list[str], reporting_year: int, *, interim: bool = False) -> dict[int, str]:
    """Row position -> slot, for rows that are a maturity schedule: at least three years
    in a row starting with the year after the balance sheet date ("2025" in a report on
    2024, counting fiscal years), then "Thereafter", the total, the interest to deduct and
    the present value. An ``interim`` report's schedule opens with the rest of the fiscal
    year, its full years the ones after it; past its last full year is "after_5" only
    where it shows five (the taxonomy names no other). {} for other tables."""
    texts = [rule_text(label) for label in labels]
    out: dict[int, str] = {}
    if interim:
        rest = next(((i, m) for i, t in enumerate(texts) if (m := REMAINDER.match(t))), None)
        if rest is None:
            return {}
        out[rest[0]] = "remainder"
        start, rest_year = rest[0] + 1, int(rest[1].group("after") or rest[1].group("before"))
    else:
        start, rest_year = 0, None
    years = {i: int(m.group(1)) for i, t in enumerate(texts) if i >= start and (m := YEAR.match(t))}
    if len(years) < 3:
        return {}
    first = min(years.values())
    if (rest_year is None and first not in (reporting_year, reporting_year + 1)) or \
            (rest_year is not None and (first != rest_year + 1 or rest_year not in (reporting_year, reporting_year + 1))) or \
            sorted(years.values()) != list(range(first, first + len(years))) or len(years) > 5:
        return {}
    out.update({i: f"year_{y - first + 1}" for i, y in years.items()})
    last = max(years)
    for i, t in enumerate(texts):
        if (i > last and THEREAFTER.match(t)) or (i == last + 1 and AFTER_LAST.match(t)):
            out[i] = f"after_{len(years)}"
            last = i
    stage = "total"
    for i in range(last + 1, len(texts)):
        t = texts[i]
        if stage == "total" and (TOTAL.match(t) or not t):
            out[i], stage = "total", "less_interest"
        elif stage == "less_interest" and LESS_INTEREST.match(t):
            out[i], stage = "less_interest", "present_value"
        elif stage == "present_value" and (TOTAL.match(t) or "present value" in t or "liabilit" in t):
            out[i], stage = "present_value", "done"
    return out
