"""Test helpers: official facts written as xBRL-JSON, optionally perturbed like a flawed conversion."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from converter.model import Duration, Fact, QName
from converter.readers.facts import FactSet


def _oim_end(day: dt.date) -> str:
    return (day + dt.timedelta(days=1)).isoformat() + "T00:00:00"


def to_xbrl_json(facts: list[Fact]) -> dict:
    """Numeric facts as minimal OIM xBRL-JSON with end-exclusive midnight periods."""
    prefixes: dict[str, str] = {}

    def name(q: QName) -> str:
        if not q.namespace:  # a typed member: its bare value
            return q.local
        prefix = prefixes.setdefault(q.namespace, q.prefix if q.prefix and q.prefix not in prefixes.values()
                                     else f"ns{len(prefixes)}")
        return f"{prefix}:{q.local}"

    out = {}
    for i, f in enumerate(facts):
        if f.value is None:
            continue
        p = f.context.period
        period = f"{p.start.isoformat()}T00:00:00/{_oim_end(p.end)}" if isinstance(p, Duration) else _oim_end(p.date)
        unit = "*".join(map(name, f.unit.numerators))
        if f.unit.denominators:
            unit += "/" + "*".join(map(name, f.unit.denominators))
        dims = {"concept": name(f.concept), "entity": f"cik:{f.context.entity.identifier}", "period": period,
                "unit": unit}
        for axis, member in f.context.dimensions:
            dims[name(axis)] = name(member)
        out[f"f{i}"] = {"value": format(f.value, "f"), "dimensions": dims}
    namespaces = {p: ns for ns, p in prefixes.items()}
    namespaces["cik"] = "http://www.sec.gov/CIK"
    return {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": namespaces},
            "facts": out}


def perturb(factset: FactSet, seed: int) -> tuple[list[Fact], dict]:
    """A flawed copy: ~10% dropped, ~8% renamed, ~5% sign-flipped, ~4% x1000; and the counts.

    Facts with a typed dimension are left out: score.py keys an official typed member as
    its XML text and a candidate's as the bare value, so it can never match them, while
    the package matches them (a known limit of the yardstick, not a difference to test).
    """
    rng = random.Random(seed)
    out, counts = [], {"dropped": 0, "renamed": 0, "flipped": 0, "scaled": 0}
    for f in factset.facts:
        if f.value is None or any(not member.namespace for _, member in f.context.dimensions):
            continue
        roll = rng.random()
        if roll < 0.10:
            counts["dropped"] += 1
            continue
        if roll < 0.18:
            f = Fact(QName(f.concept.namespace, f.concept.local + "Other", f.concept.prefix), f.context, f.unit, f.value)
            counts["renamed"] += 1
        elif roll < 0.23 and f.value:
            f = Fact(f.concept, f.context, f.unit, -f.value)
            counts["flipped"] += 1
        elif roll < 0.27 and f.value:
            f = Fact(f.concept, f.context, f.unit, f.value * 1000)
            counts["scaled"] += 1
        out.append(f)
    return out, counts


def write_json(doc: dict, path: Path) -> Path:
    path.write_text(json.dumps(doc))
    return path


__all__ = ["perturb", "to_xbrl_json", "write_json"]
