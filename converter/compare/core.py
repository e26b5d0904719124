"""Align our facts with the official ones and class every difference.

Facts are keyed as the yardstick (../shared/tools/score.py) keys them: concept by family
and local name (every extension concept is one "ext:*"), period, dimensions the same
way, and the value. Official facts are first aligned on period, dimensions and |value|
(was the number read into the right place?), then on concept (was it named right?):

- match            same concept, period, dimensions and value
- concept_differs  same period, dimensions and value; another concept
- sign_differs     same period, dimensions and |value|; the opposite sign
- value_differs    same concept, period and dimensions; another value (scale slips named)
- period_differs   same concept, dimensions and value; another period
- missing          nothing of ours lines up
- extra            a fact of ours that lines up with no official fact

The summary figures are computed from these classes and named as score.py names them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from converter.compare.names import EXTENSION, concept_label, family, rename_note
from converter.compare.statements import PRIMARY_KEYS, STATEMENTS, classify_tables
from converter.model import Duration, Fact, QName
from converter.readers.facts import FactSet

MATCH = "match"
CONCEPT_DIFFERS = "concept_differs"
SIGN_DIFFERS = "sign_differs"
VALUE_DIFFERS = "value_differs"
PERIOD_DIFFERS = "period_differs"
MISSING = "missing"
EXTRA = "extra"
STATUSES = (MATCH, CONCEPT_DIFFERS, SIGN_DIFFERS, VALUE_DIFFERS, PERIOD_DIFFERS, MISSING, EXTRA)
OUTSIDE_TABLES = "other"  # official facts outside any table (cover page, prose)


@dataclass(frozen=True)
class FactResult:
    """One official fact (or one extra fact of ours) and what became of it."""

    status: str
    statement: str  # balance, income, comprehensive, cashflow, equity, note, other; "" for extras
    official: Fact | None
    ours: Fact | None
    official_label: str = ""  # the concept's label
    ours_label: str = ""
    difference: Decimal | None = None  # ours - official, for value_differs and sign_differs
    note: str = ""  # a scale slip, a taxonomy rename, the other period


@dataclass(frozen=True)
class Comparison:
    results: tuple[FactResult, ...]
    summary: dict  # score.py's figure names -> values, plus filing, period, statements
    by_statement: dict  # statement -> {strict_recall, value_recall, sign_ok, concept_acc, n}
    counts: dict  # status -> number of results
    official_info: dict
    ours_info: dict
    official_path: str
    ours_path: str


Key = tuple  # (concept, period, dimensions, value)


def name_key(name: QName) -> str:
    if not name.namespace:  # a typed dimension value
        return f"typed:{name.local}"
    fam = family(name.namespace)
    return f"{EXTENSION}:*" if fam == EXTENSION else f"{fam}:{name.local}"


def fact_key(fact: Fact) -> Key:
    period = fact.context.period
    period_key = ("duration", period.start.isoformat(), period.end.isoformat()) if isinstance(period, Duration) \
        else ("instant", period.date.isoformat())
    dims = tuple(sorted((name_key(axis), name_key(member)) for axis, member in fact.context.dimensions))
    return name_key(fact.concept), period_key, dims, fact.value.normalize()


def _keyed(facts: Iterable[Fact]) -> dict[Key, list[Fact]]:
    keyed: dict[Key, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.value is not None:
            keyed[fact_key(fact)].append(fact)
    return keyed


def scale_slip(ours: Decimal, official: Decimal) -> str:
    """ "x1000" when ours is the official value times a power of ten, else ""."""
    if not official or not ours:
        return ""
    ratio = abs(ours / official)
    for exponent in range(-12, 13):
        if exponent and ratio == Decimal(10) ** exponent:
            factor = Decimal(10) ** exponent
            return f"x{factor:f}" if exponent > 0 else f"x{factor:f} (/{Decimal(10) ** -exponent:f})"
    return ""


def compare(ours: FactSet, official: FactSet) -> Comparison:
    """Class every official fact against ours, and every unpaired fact of ours as extra."""
    tables = classify_tables(official.facts)
    official_keys = _keyed(official.facts)
    our_keys = _keyed(ours.facts)

    loose: dict[tuple, list[Key]] = defaultdict(list)  # (period, dims, |value|)
    signed: dict[tuple, list[Key]] = defaultdict(list)  # (period, dims, value)
    by_context: dict[tuple, list[Key]] = defaultdict(list)  # (concept, period, dims)
    by_value: dict[tuple, list[Key]] = defaultdict(list)  # (concept, dims, value)
    for key in our_keys:
        concept, period, dims, value = key
        loose[(period, dims, abs(value))].append(key)
        signed[(period, dims, value)].append(key)
        by_context[(concept, period, dims)].append(key)
        by_value[(concept, dims, value)].append(key)

    results: list[FactResult] = []
    paired: set[Key] = set()
    by_status: dict[Key, str] = {}
    memberships: dict[Key, set[str]] = {}
    for key, facts in official_keys.items():
        concept, period, dims, value = key
        kinds = {tables.get(f.source.table, "note") for f in facts if f.source is not None}
        memberships[key] = kinds
        statement = next((k for k in STATEMENTS if k in kinds), OUTSIDE_TABLES)
        shown = _shown(facts, statement, tables)
        status, partner, difference, note = _classify(key, our_keys, loose, signed, by_context, by_value)
        by_status[key] = status
        if partner is not None:
            paired.add(partner)
        ours_fact = our_keys[partner][0] if partner is not None else None
        if status == CONCEPT_DIFFERS or status == SIGN_DIFFERS and ours_fact.concept != shown.concept:
            renamed = rename_note(shown.concept, ours_fact.concept)
            note = "; ".join(filter(None, (note, renamed)))
        results.append(FactResult(
            status=status, statement=statement, official=shown, ours=ours_fact,
            official_label=concept_label(shown.concept),
            ours_label=concept_label(ours_fact.concept) if ours_fact is not None else "",
            difference=difference, note=note))
    results.sort(key=_official_order)
    extras = sorted((k for k in our_keys if k not in paired), key=lambda k: (k[0], k[1], k[2]))
    for key in extras:
        fact = our_keys[key][0]
        results.append(FactResult(status=EXTRA, statement="", official=None, ours=fact,
                                  ours_label=concept_label(fact.concept)))

    official_all = set(official_keys)
    summary = {
        "filing": official.info.get("EntityRegistrantName"),
        "period": official.info.get("DocumentPeriodEndDate"),
        "statements": sorted(set(tables.values())),
    }
    primary = [k for k, kinds in memberships.items() if kinds & set(PRIMARY_KEYS)]
    notes = [k for k, kinds in memberships.items() if "note" in kinds]
    for name, part in (("primary", primary), ("notes", notes)):
        for figure, value in figures(by_status[k] for k in part).items():
            summary[f"{name}_{figure}"] = value
    summary["precision"] = round(len(set(our_keys) & official_all) / (len(our_keys) or 1), 4)
    summary["candidate_facts"] = len(our_keys)
    by_statement = {s: figures(by_status[k] for k, kinds in memberships.items() if s in kinds)
                    for s in STATEMENTS if any(s in kinds for kinds in memberships.values())}
    by_statement["all"] = figures(by_status[k] for k, kinds in memberships.items() if kinds)
    counts = {status: sum(r.status == status for r in results) for status in STATUSES}
    return Comparison(results=tuple(results), summary=summary, by_statement=by_statement, counts=counts,
                      official_info=dict(official.info), ours_info=dict(ours.info),
                      official_path=official.path, ours_path=ours.path)


def figures(statuses: Iterable[str]) -> dict:
    """score.py's figures from the classes of a group of official facts."""
    counts = defaultdict(int)
    for status in statuses:
        counts[status] += 1
    n = sum(counts.values())
    strict = counts[MATCH]
    value_hits = strict + counts[CONCEPT_DIFFERS] + counts[SIGN_DIFFERS]
    return {
        "strict_recall": round(strict / (n or 1), 4),
        "value_recall": round(value_hits / (n or 1), 4),
        "sign_ok": round((strict + counts[CONCEPT_DIFFERS]) / (value_hits or 1), 4),
        "concept_acc": round(strict / (value_hits or 1), 4),
        "n": n,
    }


def _classify(key, our_keys, loose, signed, by_context, by_value):
    """(status, the key of ours it pairs with or None, difference, note) for one official key."""
    concept, period, dims, value = key
    if key in our_keys:
        return MATCH, key, None, ""
    same_place = loose.get((period, dims, abs(value)))
    if same_place:
        exact = signed.get((period, dims, value))
        if exact:
            return CONCEPT_DIFFERS, exact[0], None, ""
        partner = next((k for k in same_place if k[0] == concept), same_place[0])
        note = "" if partner[0] == concept else "concept differs too"
        return SIGN_DIFFERS, partner, partner[3] - value, note
    same_context = by_context.get((concept, period, dims))
    if same_context:
        partner = min(same_context, key=lambda k: abs(k[3] - value))
        return VALUE_DIFFERS, partner, partner[3] - value, scale_slip(partner[3], value)
    elsewhere = by_value.get((concept, dims, value))
    if elsewhere:
        partner = elsewhere[0]
        return PERIOD_DIFFERS, partner, None, f"ours is for {_period_text(partner[1])}"
    return MISSING, None, None, ""


def _period_text(period: tuple) -> str:
    return period[1] if period[0] == "instant" else f"{period[1]} to {period[2]}"


def _shown(facts: list[Fact], statement: str, tables: dict[int, str]) -> Fact:
    """The occurrence of a fact to show: the one in the statement it is listed under."""
    for fact in facts:
        if fact.source is not None and tables.get(fact.source.table, "note") == statement:
            return fact
    return facts[0]


def _official_order(result: FactResult) -> tuple:
    source = result.official.source
    place = (source.table, source.row, source.column) if source is not None else (10**9, 0, 0)
    return STATEMENTS.index(result.statement) if result.statement in STATEMENTS else len(STATEMENTS), place
