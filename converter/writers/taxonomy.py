"""The extension taxonomy the inline document references: schema, labels, presentation, calculation.

``<stem>.xsd`` imports the 2024 us-gaap, dei and srt schemas (country only when a country
member is used), declares the company's extension concepts, its extension members and one
role per table; ``<stem>_lab.xml``, ``_pre.xml`` and ``_cal.xml`` are its linkbases. No
definition linkbase: without hypercubes Arelle's dimension validation accepts explicit
members of the standard axes, and the facts carry their dimensions themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from converter import _atomic
from converter.errors import ConsistencyError, OutputError
from converter.model import NS, CalcArc, PeriodType, QName, Report
from converter.writers import file_stem, register
from converter.writers._markup import Markup, Node, add, add_leaf
from converter.writers._xbrl import DTR_TYPES, LINK, XLINK, XSD, Prefixes

XBRLI = NS["xbrli"]
XBRLI_SCHEMA = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
DTR_TYPES_SCHEMA = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"

# namespace -> (element id prefix, schema location) of the standard taxonomies we import.
STANDARD_SCHEMAS = {
    NS["us-gaap"]: ("us-gaap", "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"),
    NS["dei"]: ("dei", "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"),
    NS["srt"]: ("srt", "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"),
    NS["country"]: ("country", "https://xbrl.sec.gov/country/2024/country-2024.xsd"),
}
ALWAYS_IMPORTED = (NS["us-gaap"], NS["dei"], NS["srt"])

# Item types by the schema that defines them (Concept.data_type holds the local name).
XBRLI_TYPES = frozenset({
    "monetaryItemType", "sharesItemType", "pureItemType", "decimalItemType", "integerItemType",
    "nonNegativeIntegerItemType", "positiveIntegerItemType", "stringItemType", "booleanItemType",
    "dateItemType", "dateTimeItemType", "durationItemType", "gYearItemType", "fractionItemType",
    "normalizedStringItemType", "tokenItemType", "anyURIItemType",
})
DTR_ITEM_TYPES = frozenset({
    "perShareItemType", "percentItemType", "areaItemType", "volumeItemType", "massItemType",
    "energyItemType", "lengthItemType", "textBlockItemType", "domainItemType",
    "noDecimalsMonetaryItemType", "nonNegativeMonetaryItemType", "flowItemType",
})

LINKBASE_ARCROLE = "http://www.w3.org/1999/xlink/properties/linkbase"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class TableRole:
    """One statement's role: the URI used by its presentation and calculation links."""

    table: int
    name: str  # NCName: roleType id and the base of the abstract root's name
    uri: str
    definition: str
    root: QName  # the abstract concept heading the presentation tree


ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")
APOSTROPHE = re.compile(r"['’]")
WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")  # where a word of a concept's local name starts


def camel(text: str, max_words: int = 10) -> str:
    """``"Company's Balance Sheets (Unaudited)"`` -> ``"CompanysBalanceSheetsUnaudited"``.

    An NCName-safe name of at most ``max_words`` words, so long note captions stay usable.
    """
    words = ALNUM_RUN.findall(APOSTROPHE.sub("", text))[:max_words]
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name if name[:1].isalpha() else f"T{name}"


def table_roles(report: Report) -> list[TableRole]:
    """A role for every table that has presentation entries or calculation arcs."""
    with_content = {t for t, names in report.presentation.items() if names}
    with_content |= {arc.table for arc in report.calculations}
    taken = {q.local for q in report.concepts if q.namespace == report.namespace}
    taken |= {m.qname.local for m in report.members}
    roles, names = [], set()
    for order, table in enumerate(t for t in report.filing.tables if t.index in with_content):
        name = camel(table.title) if table.title.strip() else f"Table{table.index}"
        if name in names or f"{name}Abstract" in taken:
            name = f"{name}{table.index}"
        names.add(name)
        group = "Statement" if table.kind.primary else "Disclosure"
        roles.append(TableRole(
            table=table.index,
            name=name,
            uri=f"{report.namespace.rstrip('/')}/role/{name}",
            definition=f"{order + 1:07d} - {group} - {table.title or f'Table {table.index}'}",
            root=QName(report.namespace, f"{name}Abstract", report.prefix),
        ))
    missing = with_content - {r.table for r in roles}
    if missing:
        raise OutputError(f"presentation or calculations name tables that do not exist: {sorted(missing)}")
    return roles


def _type_name(data_type: str) -> tuple[str, bool]:
    """The type's prefixed name and whether it needs the DTR types schema."""
    if data_type in XBRLI_TYPES:
        return f"xbrli:{data_type}", False
    if data_type in DTR_ITEM_TYPES:
        return f"dtr-types:{data_type}", True
    raise OutputError(f"no schema known for the item type {data_type!r} of an extension concept")


def _used_namespaces(report: Report) -> set[str]:
    """The namespaces of the report's concepts and of its facts' names, axes and members
    (gathered as strings: a set of the names themselves hashes each in Python)."""
    used = {q.namespace for q in report.concepts}
    for fact in report.facts:
        used.add(fact.concept.namespace)
        for axis, member in fact.context.dimensions:
            used.add(axis.namespace)
            used.add(member.namespace)
    return used


class _Hrefs:
    """Locator targets: ``<schema>#<prefix>_<local>`` for extension and standard names."""

    def __init__(self, report: Report, schema_file: str):
        self.report = report
        self.schema_file = schema_file

    def __call__(self, qname: QName) -> str:
        if qname.namespace == self.report.namespace:
            return f"{self.schema_file}#{self.report.prefix}_{qname.local}"
        if qname.namespace in STANDARD_SCHEMAS:
            prefix, url = STANDARD_SCHEMAS[qname.namespace]
            return f"{url}#{prefix}_{qname.local}"
        raise OutputError(f"{qname} is neither an extension nor a 2024 standard concept")


def _serialize(root: Node) -> bytes:
    return root.doc.serialize()


def schema_bytes(report: Report, stem: str, roles: list[TableRole]) -> bytes:
    extension_concepts = sorted(
        (c for c in report.concepts.values() if c.qname.namespace == report.namespace), key=lambda c: c.qname.local
    )
    not_flagged = [str(c.qname) for c in extension_concepts if not c.extension]
    if not_flagged:
        raise OutputError(f"concepts in the extension namespace not marked as extensions: {not_flagged}")
    stray = [str(c.qname) for c in report.concepts.values() if c.extension and c.qname.namespace != report.namespace]
    if stray:
        raise OutputError(f"extension concepts outside the extension namespace {report.namespace}: {stray}")

    types = [_type_name(c.data_type) for c in extension_concepts]
    needs_dtr = bool(report.members) or any(dtr for _, dtr in types)
    nsmap = {"xs": XSD, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, report.prefix: report.namespace}
    if needs_dtr:
        nsmap["dtr-types"] = DTR_TYPES
    root = Markup(f"{{{XSD}}}schema", nsmap, {
        "targetNamespace": report.namespace, "elementFormDefault": "qualified", "attributeFormDefault": "unqualified",
    }).root
    appinfo = add(add(root, f"{{{XSD}}}annotation"), f"{{{XSD}}}appinfo")
    for kind, suffix in (("label", "_lab.xml"), ("presentation", "_pre.xml"), ("calculation", "_cal.xml")):
        add_leaf(appinfo, f"{{{LINK}}}linkbaseRef", {
            f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": f"{stem}{suffix}",
            f"{{{XLINK}}}role": f"http://www.xbrl.org/2003/role/{kind}LinkbaseRef",
            f"{{{XLINK}}}arcrole": LINKBASE_ARCROLE,
        })
    for role in roles:
        role_type = add(appinfo, f"{{{LINK}}}roleType", {"roleURI": role.uri, "id": role.name})
        add_leaf(role_type, f"{{{LINK}}}definition", text=role.definition)
        add_leaf(role_type, f"{{{LINK}}}usedOn", text="link:presentationLink")
        add_leaf(role_type, f"{{{LINK}}}usedOn", text="link:calculationLink")

    add_leaf(root, f"{{{XSD}}}import", {"namespace": XBRLI, "schemaLocation": XBRLI_SCHEMA})
    if needs_dtr:
        add_leaf(root, f"{{{XSD}}}import", {"namespace": DTR_TYPES, "schemaLocation": DTR_TYPES_SCHEMA})
    used = _used_namespaces(report)
    for namespace, (_, url) in STANDARD_SCHEMAS.items():
        if namespace in ALWAYS_IMPORTED or namespace in used:
            add_leaf(root, f"{{{XSD}}}import", {"namespace": namespace, "schemaLocation": url})

    def element(local: str, type_name: str, period_type: str, balance: str | None, abstract: bool) -> None:
        add_leaf(root, f"{{{XSD}}}element", {
            "id": f"{report.prefix}_{local}", "name": local, "type": type_name,
            "substitutionGroup": "xbrli:item", f"{{{XBRLI}}}periodType": period_type,
            f"{{{XBRLI}}}balance": balance, "abstract": "true" if abstract else "false", "nillable": "true",
        })

    for concept, (type_name, _) in zip(extension_concepts, types):
        if concept.balance is not None and not concept.is_monetary:
            raise OutputError(f"{concept.qname} has a balance but is not monetary ({concept.data_type})")
        element(concept.qname.local, type_name, concept.period_type.value, concept.balance, abstract=False)
    for member in sorted(report.members, key=lambda m: m.qname.local):
        if member.qname.namespace != report.namespace:
            raise OutputError(f"extension member {member.qname} is outside the extension namespace")
        element(member.qname.local, "dtr-types:domainItemType", PeriodType.DURATION.value, None, abstract=True)
    for role in roles:
        element(role.root.local, "xbrli:stringItemType", PeriodType.DURATION.value, None, abstract=True)
    return _serialize(root)


def _linkbase(report: Report, stem: str, roles: list[TableRole] = ()):
    root = Markup(f"{{{LINK}}}linkbase", {"link": LINK, "xlink": XLINK, "xbrli": XBRLI}).root
    for role in roles:
        add_leaf(root, f"{{{LINK}}}roleRef", {
            "roleURI": role.uri, f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": f"{stem}.xsd#{role.name}",
        })
    return root


def _extended_link(root, tag: str, role_uri: str):
    return add(root, f"{{{LINK}}}{tag}", {f"{{{XLINK}}}type": "extended", f"{{{XLINK}}}role": role_uri})


def _loc(link, href: str, label: str) -> None:
    add_leaf(link, f"{{{LINK}}}loc", {f"{{{XLINK}}}type": "locator", f"{{{XLINK}}}href": href, f"{{{XLINK}}}label": label})


def _arc(link, tag: str, arcrole: str, source: str, target: str, order: int, **extra) -> None:
    add_leaf(link, f"{{{LINK}}}{tag}", {
        f"{{{XLINK}}}type": "arc", f"{{{XLINK}}}arcrole": arcrole,
        f"{{{XLINK}}}from": source, f"{{{XLINK}}}to": target, "order": str(order), **extra,
    })


def _loc_label(qname: QName, prefixes: Prefixes) -> str:
    return f"loc_{prefixes.prefix(qname.namespace)}_{qname.local}"


def label_bytes(report: Report, stem: str, roles: list[TableRole]) -> bytes:
    """Standard labels for everything the extension declares."""
    hrefs = _Hrefs(report, f"{stem}.xsd")
    root = _linkbase(report, stem)
    link = _extended_link(root, "labelLink", "http://www.xbrl.org/2003/role/link")
    entries = [(c.qname, c.label or _words(c.qname.local)) for c in report.concepts.values() if c.extension]
    entries += [(m.qname, m.label or _words(m.qname.local)) for m in report.members]
    entries += [(r.root, f"{r.definition.split(' - ', 2)[-1]} [Abstract]") for r in roles]
    for qname, text in sorted(entries, key=lambda e: e[0].local):
        loc, lab = f"loc_{qname.local}", f"lab_{qname.local}"
        _loc(link, hrefs(qname), loc)
        add_leaf(link, f"{{{LINK}}}label", {
            f"{{{XLINK}}}type": "resource", f"{{{XLINK}}}label": lab, f"{{{XLINK}}}role": STANDARD_LABEL,
            XML_LANG: "en-US", "id": lab,
        }, text=text)
        _arc(link, "labelArc", CONCEPT_LABEL, loc, lab, 1)
    return _serialize(root)


def _words(local: str) -> str:
    """``PrepaidSoftwareLicenses`` -> ``Prepaid Software Licenses`` when no label was given."""
    return WORD_START.sub(" ", local)


def presentation_bytes(report: Report, stem: str, roles: list[TableRole], prefixes: Prefixes) -> bytes:
    """Per table: its abstract root, then each concept once, in row order."""
    hrefs = _Hrefs(report, f"{stem}.xsd")
    root = _linkbase(report, stem, roles)
    for role in roles:
        link = _extended_link(root, "presentationLink", role.uri)
        root_label = _loc_label(role.root, prefixes)
        _loc(link, hrefs(role.root), root_label)
        children = list(dict.fromkeys(report.presentation.get(role.table, ())))
        for order, qname in enumerate(children, start=1):
            label = _loc_label(qname, prefixes)
            _loc(link, hrefs(qname), label)
            _arc(link, "presentationArc", PARENT_CHILD, root_label, label, order)
    return _serialize(root)


def calculation_bytes(report: Report, stem: str, roles: list[TableRole], prefixes: Prefixes) -> bytes:
    """The checked summation arcs, each in the role of the table it was inferred from."""
    hrefs = _Hrefs(report, f"{stem}.xsd")
    root = _linkbase(report, stem, roles)
    for role in roles:
        arcs: dict[tuple[QName, QName], int] = {}
        for arc in report.calculations:
            if arc.table != role.table:
                continue
            _check_balance(report, arc)
            if arcs.setdefault((arc.parent, arc.child), arc.weight) != arc.weight:
                raise OutputError(f"calculation {arc.parent} <- {arc.child} given two weights in table {arc.table}")
        if not arcs:
            continue
        link = _extended_link(root, "calculationLink", role.uri)
        located = set()
        for order, ((parent, child), weight) in enumerate(arcs.items(), start=1):
            for qname in (parent, child):
                if qname not in located:
                    _loc(link, hrefs(qname), _loc_label(qname, prefixes))
                    located.add(qname)
            _arc(link, "calculationArc", SUMMATION_ITEM, _loc_label(parent, prefixes), _loc_label(child, prefixes),
                 order, weight=f"{weight}.0")
    return _serialize(root)


def _check_balance(report: Report, arc: CalcArc) -> None:
    """XBRL 2.1 5.1.1.2: same balances add (weight > 0), opposite balances subtract."""
    parent, child = report.concepts.get(arc.parent), report.concepts.get(arc.child)
    if parent is None or child is None or not parent.balance or not child.balance:
        return
    if (parent.balance == child.balance) != (arc.weight > 0):
        raise ConsistencyError(
            f"calculation {arc.parent} ({parent.balance}) <- {arc.child} ({child.balance}) with weight "
            f"{arc.weight} breaks the balance rule (table {arc.table})"
        )


@register("taxonomy")
def write_taxonomy(report: Report, folder: Path) -> list[Path]:
    stem = file_stem(report)
    roles = table_roles(report)
    prefixes = Prefixes.of(report)
    outputs = {
        f"{stem}.xsd": schema_bytes(report, stem, roles),
        f"{stem}_lab.xml": label_bytes(report, stem, roles),
        f"{stem}_pre.xml": presentation_bytes(report, stem, roles, prefixes),
        f"{stem}_cal.xml": calculation_bytes(report, stem, roles, prefixes),
    }
    paths = []
    for name, data in outputs.items():
        _atomic.write_bytes(Path(folder) / name, data)
        paths.append(Path(folder) / name)
    return paths

