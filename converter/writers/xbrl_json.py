"""The facts as xBRL-JSON (OIM 1.0): ``<stem>.json``.

Same facts, same ids as the inline document. Periods are OIM datetimes with exclusive
ends: the instant 2021-06-30 is ``2021-07-01T00:00:00``, the first half of 2021 is
``2021-01-01T00:00:00/2021-07-01T00:00:00``. Values are exact decimal text.

Layout: ``documentInfo`` indented, then one line per fact. Each fact line comes from the
json module's C encoder; indenting every fact (``json.dumps(indent=2)``, which only the
pure-Python encoder can do) cost 4-5 times as much and was the writer's main cost.
"""
from __future__ import annotations

import json
from pathlib import Path

from converter import _atomic
from converter.errors import OutputError
from converter.model import SEC_CIK_SCHEME, Entity, Report, Unit
from converter.writers import file_stem, register
from converter.writers._xbrl import (
    by_identity,
    Prefixes,
    dei_context,
    dei_fact_id,
    dei_items,
    fact_decimals,
    fact_id,
    oim_period,
    value_text,
)

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
ENTITY_PREFIXES = {SEC_CIK_SCHEME: "cik"}


def _entity(entity: Entity) -> tuple[str, str, str]:
    """``cik:0001234567`` plus the (prefix, scheme) entry it needs in ``namespaces``."""
    prefix = ENTITY_PREFIXES.get(entity.scheme)
    if prefix is None:
        raise OutputError(f"no xBRL-JSON prefix known for the entity scheme {entity.scheme}")
    return f"{prefix}:{entity.identifier}", prefix, entity.scheme


def _unit(unit: Unit, prefixes: Prefixes) -> str:
    """OIM unit string: ``iso4217:USD``, ``iso4217:USD/xbrli:shares``; products joined by ``*``."""

    def product(names) -> str:
        text = "*".join(sorted(prefixes.name(n) for n in names))
        return f"({text})" if len(names) > 1 else text

    numerator = "*".join(sorted(prefixes.name(n) for n in unit.numerators))
    return f"{numerator}/{product(unit.denominators)}" if unit.denominators else numerator


def json_document(report: Report) -> dict:
    prefixes = Prefixes.of(report)
    namespaces = dict(prefixes.map)
    facts: dict[str, dict] = {}
    # facts share a few hundred names and periods and a handful of units and entities: each
    # of their texts is made once
    name = by_identity(prefixes.name)
    period_text = by_identity(oim_period)
    unit_text = by_identity(lambda unit: _unit(unit, prefixes))
    entity_texts = by_identity(_entity)

    dei = dei_context(report)
    entity, prefix, scheme = _entity(dei.entity)
    namespaces[prefix] = scheme
    for qname, value in dei_items(report):
        facts[dei_fact_id(qname.local)] = {
            "value": value,
            "dimensions": {"concept": prefixes.name(qname), "entity": entity, "period": oim_period(dei.period)},
        }

    for fact in report.facts:
        fid = fact_id(fact)
        if fid in facts:
            raise OutputError(f"two facts for one cell {fid}")
        if fact.value is None or fact.unit is None:
            raise OutputError(f"fact {fid} ({fact.concept}) has no value or no unit")
        context = fact.context
        known = entity_texts(context.entity)
        namespaces[known[1]] = known[2]
        dimensions = {"concept": name(fact.concept), "entity": known[0], "period": period_text(context.period),
                      "unit": unit_text(fact.unit)}
        for axis, member in context.dimensions:
            dimensions[name(axis)] = name(member)
        facts[fid] = {"value": value_text(fact.value), "decimals": fact_decimals(fact), "dimensions": dimensions}

    return {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": dict(sorted(namespaces.items())),
            "taxonomy": [f"{file_stem(report)}.xsd"],
        },
        "facts": facts,
    }


def json_text(document: dict) -> str:
    """The document as JSON text: ``documentInfo`` indented, one line per fact."""
    head = json.dumps({k: v for k, v in document.items() if k != "facts"}, indent=2, ensure_ascii=False)
    facts = document.get("facts", {})
    if not facts:
        return head[:-2] + ',\n  "facts": {}\n}\n'
    encode = _line_encoder()
    key = json.encoder.encode_basestring  # the C encoder's string escaping (ensure_ascii=False)
    lines = ",\n".join([f"    {key(fid)}: {encode(fact)}" for fid, fact in facts.items()])
    return f'{head[:-2]},\n  "facts": {{\n{lines}\n  }}\n}}\n'


def _line_encoder():
    """``JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode`` for the fact lines,
    with one C encoder for all of them: ``encode`` makes a new one per call, a quarter of
    the lines' time. (Without the C encoder, ``encode`` itself.)"""
    options = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    make = json.encoder.c_make_encoder
    if make is None:
        return options.encode
    encoder = make({}, options.default, json.encoder.encode_basestring, None, options.key_separator,
                   options.item_separator, options.sort_keys, options.skipkeys, options.allow_nan)
    return lambda value: "".join(encoder(value, 0))


@register("xbrl-json")
def write_xbrl_json(report: Report, folder: Path) -> list[Path]:
    path = Path(folder) / f"{file_stem(report)}.json"
    _atomic.write_text(path, json_text(json_document(report)))
    return [path]
