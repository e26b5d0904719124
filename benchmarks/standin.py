"""A stand-in of an official iXBRL filing that Arelle can load WITH a DTS, offline.

    python benchmarks/standin.py OFFICIAL.htm[.gz] OUT_DIR      # writes the stand-in, prints its counts

Why: the official filings of the dev corpus reference the 2025 US-GAAP/SRT/DEI releases and
their own extension schema (``ko-20250627.xsd``), none of which is in the offline cache
(``taxonomy_maps/arelle-cache``), so Arelle can only parse the bare document. To time a
load that resolves a taxonomy, the benchmark (never the package) builds for each filing:

- ``<name>.htm``: the official iXBRL, byte for byte, except that every year-versioned
  ``http://fasb.org/<name>/<year>`` or ``http://xbrl.sec.gov/<name>/<year>`` namespace
  with a 2024 schema in the offline cache (us-gaap, srt, dei, country, stpr) is rewritten to
  its 2024 release (the one ``converter.arelle_bridge`` and our own writer use), and the
  ``link:schemaRef`` points at the stand-in extension schema below;
- ``<name>-standin.xsd``: imports the cached 2024 us-gaap, dei, srt and country schemas
  (as our writer's ``.xsd`` does, ``converter/writers/taxonomy.py``) and declares the
  company's own concepts used in the document: every ix fact's concept in the company
  namespace (``nonFraction`` typed from its unit: monetary, shares, perShare, pure, else
  decimal; ``nonNumeric`` as textBlock when escaped, else string; periodType from the
  fact's context), every company member of an explicit dimension (``domainItemType``,
  abstract) and every company axis (``xbrldt:dimensionItem``; typed axes get a
  ``typedDomainRef`` to a declared domain element);
- one more stand-in schema per other namespace with no cached schema (``ecd``, say), built
  the same way and imported by the first; and, per cached namespace, a supplement schema
  declaring the concepts the document uses that the 2024 release does not have yet (new in
  2025), so that nearly every fact has a concept.

It is still a lower bound of a real EDGAR load: the company's own linkbases (labels,
presentation, calculation, definition with its hypercubes) are not there, the standard
taxonomy is entered through its element schemas without the entry point's linkbases, and
nothing is fetched over the network. Arelle's time on it is therefore less than on the real
filing with its real DTS.
"""
from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "taxonomy_maps" / "arelle-cache" / "https"

IX = "http://www.xbrl.org/2013/inlineXBRL"
XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XSD = "http://www.w3.org/2001/XMLSchema"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"
SCHEMAS = {  # namespace -> schemaLocation of the infrastructure schemas the stand-ins import
    XBRLI: "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    XBRLDT: "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    DTR_TYPES: "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd",
}
# A year-versioned standard namespace: http://fasb.org/us-gaap/2025, http://xbrl.sec.gov/dei/2025.
VERSIONED = re.compile(rb"http://(fasb\.org|xbrl\.sec\.gov)/([A-Za-z-]+)/(\d{4})(?![\d-])")
SCHEMA_REF = re.compile(rb"(<link:schemaRef\b[^>]*?xlink:href=\")([^\"]*)(\")")
HOSTS = {"xbrl.fasb.org": "fasb.org", "xbrl.sec.gov": "xbrl.sec.gov"}


def cached_releases() -> dict[str, tuple[str, str]]:
    """``http://fasb.org/us-gaap/2024`` -> (its cached schema URL, its family ``fasb.org/us-gaap``),
    for every year-versioned schema in the offline cache (targetNamespace read from the file)."""
    found = {}
    for host, ns_host in HOSTS.items():
        for xsd in sorted((CACHE / host).glob("*/*/**/*.xsd")):
            parts = xsd.relative_to(CACHE / host).parts
            family, year = parts[0], parts[1]
            if xsd.stem != f"{family}-{year}":
                continue  # us-types-2024.xsd, srt-roles-2024.xsd...: imported by the main one
            namespace = etree.parse(str(xsd)).getroot().get("targetNamespace")
            if namespace == f"http://{ns_host}/{family}/{year}":
                found[namespace] = (f"https://{host}/{'/'.join(parts)}", f"{ns_host}/{family}")
    return found


_DECLARED: dict[str, frozenset[str]] = {}


def declared_names(url: str) -> frozenset[str]:
    """The global element names of a cached schema and the schemas it includes in its namespace."""
    if url not in _DECLARED:
        path = CACHE / url.removeprefix("https://")
        root = etree.parse(str(path)).getroot()
        _DECLARED[url] = frozenset(e.get("name") for e in root.iterfind(f"{{{XSD}}}element"))
    return _DECLARED[url]


@dataclass
class Declaration:
    kind: str  # "item", "member", "axis", "domain"
    type_name: str = "xbrli:stringItemType"
    period_type: str = "duration"
    typed_domain: tuple[str, str] | None = None  # (namespace, local) of a typed axis's domain element


@dataclass
class Standin:
    path: Path
    ix_facts: int
    rewritten: dict[str, str]  # official namespace -> cached 2024 namespace
    schemas: dict[str, int] = field(default_factory=dict)  # stand-in schema file -> elements declared
    supplements: dict[str, int] = field(default_factory=dict)  # cached namespace -> concepts not in 2024


def _resolve(element, qname: str | None) -> tuple[str, str] | None:
    if not qname:
        return None
    prefix, _, local = qname.strip().rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    return (namespace, local) if namespace else None


def _unit_type(unit) -> str:
    if unit is None:
        return "xbrli:decimalItemType"
    numerator = [m.text.strip() for m in unit.iter(f"{{{XBRLI}}}measure")
                 if m.getparent().tag != f"{{{XBRLI}}}unitDenominator"]
    denominator = [m.text.strip() for m in unit.iter(f"{{{XBRLI}}}measure")
                   if m.getparent().tag == f"{{{XBRLI}}}unitDenominator"]
    names = [_resolve(unit, m) for m in numerator]
    if len(names) == 1 and not denominator:
        if names[0] and names[0][0] == ISO4217:
            return "xbrli:monetaryItemType"
        if names[0] == (XBRLI, "shares"):
            return "xbrli:sharesItemType"
        if names[0] == (XBRLI, "pure"):
            return "xbrli:pureItemType"
    if (len(names) == 1 and names[0] and names[0][0] == ISO4217 and len(denominator) == 1
            and _resolve(unit, denominator[0]) == (XBRLI, "shares")):
        return "dtr-types:perShareItemType"
    return "xbrli:decimalItemType"


def _declarations(root) -> tuple[int, dict[tuple[str, str], Declaration]]:
    """The document's ix fact count and what each concept, member, axis and domain needs."""
    contexts = {c.get("id"): c for c in root.iter(f"{{{XBRLI}}}context")}
    units = {u.get("id"): u for u in root.iter(f"{{{XBRLI}}}unit")}
    wanted: dict[tuple[str, str], Declaration] = {}
    for context in contexts.values():
        for member in context.iter(f"{{{XBRLDI}}}explicitMember"):
            axis, value = _resolve(member, member.get("dimension")), _resolve(member, member.text)
            if axis:
                wanted.setdefault(axis, Declaration("axis"))
            if value:
                wanted.setdefault(value, Declaration("member", "dtr-types:domainItemType"))
        for member in context.iter(f"{{{XBRLDI}}}typedMember"):
            axis = _resolve(member, member.get("dimension"))
            domain = next(iter(member), None)
            if axis is None or domain is None or not isinstance(domain.tag, str):
                continue
            domain_name = (etree.QName(domain).namespace, etree.QName(domain).localname)
            wanted[axis] = Declaration("axis", typed_domain=domain_name)
            wanted.setdefault(domain_name, Declaration("domain", "xs:string"))
    count = 0
    for element in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric", f"{{{IX}}}fraction"):
        count += 1
        name = _resolve(element, element.get("name"))
        if name is None or name in wanted:
            continue
        context = contexts.get(element.get("contextRef"))
        instant = context is not None and next(context.iter(f"{{{XBRLI}}}instant"), None) is not None
        local = etree.QName(element).localname
        if local == "nonFraction":
            type_name = _unit_type(units.get(element.get("unitRef")))
        elif local == "fraction":
            type_name = "xbrli:fractionItemType"
        else:
            type_name = "dtr-types:textBlockItemType" if element.get("escape") in ("true", "1") else "xbrli:stringItemType"
        wanted[name] = Declaration("item", type_name, "instant" if instant else "duration")
    return count, wanted


def _schema(namespace: str, prefix: str, declarations: dict[str, Declaration], imports: dict[str, str],
            files: dict[str, str]) -> bytes:
    nsmap = {"xs": XSD, "xbrli": XBRLI, "xbrldt": XBRLDT, "dtr-types": DTR_TYPES, "link": LINK,
             "xlink": XLINK, prefix: namespace}
    root = etree.Element(f"{{{XSD}}}schema", nsmap=nsmap, attrib={
        "targetNamespace": namespace, "elementFormDefault": "qualified", "attributeFormDefault": "unqualified"})
    for ns, location in {**SCHEMAS, **imports}.items():
        if ns != namespace:
            etree.SubElement(root, f"{{{XSD}}}import", namespace=ns, schemaLocation=location)
    for local, decl in sorted(declarations.items()):
        attrib = {"id": f"{prefix}_{local}", "name": local}
        if decl.kind == "domain":
            attrib["type"] = "xs:string"
        else:
            attrib |= {"type": decl.type_name, "substitutionGroup": "xbrli:item", "nillable": "true",
                       f"{{{XBRLI}}}periodType": decl.period_type}
            if decl.kind in ("member", "axis"):
                attrib["abstract"] = "true"
            if decl.kind == "axis":
                attrib["substitutionGroup"] = "xbrldt:dimensionItem"
                attrib["type"] = "xbrli:stringItemType"
                attrib[f"{{{XBRLI}}}periodType"] = "duration"
                if decl.typed_domain:
                    domain_ns, domain_local = decl.typed_domain
                    domain_prefix, domain_file = files[domain_ns]
                    attrib[f"{{{XBRLDT}}}typedDomainRef"] = f"{domain_file}#{domain_prefix}_{domain_local}"
        etree.SubElement(root, f"{{{XSD}}}element", attrib)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def build(official: Path, out_dir: Path) -> Standin:
    """Write the stand-in of ``official`` (``.htm`` or ``.htm.gz``) into ``out_dir``; its counts."""
    data = official.read_bytes()
    if official.suffix == ".gz":
        data = gzip.decompress(data)
    name = official.name.removesuffix(".gz").removesuffix(".htm")
    out_dir.mkdir(parents=True, exist_ok=True)
    releases = cached_releases()
    by_family = {family: ns for ns, (_, family) in releases.items()}
    rewritten: dict[str, str] = {}

    def to_cached(match: re.Match) -> bytes:
        host, family, year = (g.decode() for g in match.groups())
        namespace = f"http://{host}/{family}/{year}"
        target = by_family.get(f"{host}/{family}", namespace)
        rewritten[namespace] = target
        return target.encode()

    data = VERSIONED.sub(to_cached, data)
    entry = f"{name}-standin.xsd"
    found = SCHEMA_REF.search(data)
    schema_ref_stem = Path(found.group(2).decode()).name if found else ""
    data, refs = SCHEMA_REF.subn(lambda m: m.group(1) + entry.encode() + m.group(3), data)
    if refs != 1:
        raise ValueError(f"{official.name}: {refs} link:schemaRef elements, expected one")

    root = etree.fromstring(data, etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
    ix_facts, wanted = _declarations(root)
    prefixes = {}
    for element in root.iter():
        for prefix, namespace in (element.nsmap or {}).items():
            if prefix:
                prefixes.setdefault(namespace, prefix)
        if len(prefixes) > 64:
            break
    used = {namespace for namespace, _ in wanted}
    standard_imports = {ns: url for ns, (url, _) in releases.items()
                        if ns.rsplit("/", 2)[-2] in ("us-gaap", "dei", "srt", "country") or ns in used}
    # The uncached namespaces the document declares something in: the company's and ecd's, say.
    by_namespace: dict[str, dict[str, Declaration]] = {}
    for (namespace, local), decl in wanted.items():
        if namespace in releases:
            if local in declared_names(releases[namespace][0]):
                continue
            key = f"{namespace}#supplement"  # new in the 2025 release: declared beside the cached one
        else:
            key = namespace
        by_namespace.setdefault(key, {})[local] = decl
    company_prefix = schema_ref_stem.split("-")[0]
    company = next((ns for ns, p in prefixes.items() if p == company_prefix and ns in by_namespace), None)
    files: dict[str, tuple[str, str]] = {}
    for key in by_namespace:
        namespace = key.removesuffix("#supplement")
        prefix = prefixes.get(namespace, f"ns{len(files)}")
        if key.endswith("#supplement"):
            files[key] = (prefix, f"{name}-standin-{prefix}-supplement.xsd")
        elif key == company:
            files[key] = (prefix, entry)
        else:
            files[key] = (prefix, f"{name}-standin-{prefix}.xsd")
    if company is None:  # no company concept at all: the entry schema only imports
        files["urn:xbrlconv:standin"] = ("standin", entry)
        by_namespace["urn:xbrlconv:standin"] = {}
        company = "urn:xbrlconv:standin"
    standin = Standin(out_dir / f"{name}.htm", ix_facts, {k: v for k, v in rewritten.items() if k != v})
    for key, declarations in by_namespace.items():
        namespace = key.removesuffix("#supplement")
        prefix, file = files[key]
        imports = dict(standard_imports)
        if key == company:  # the entry schema imports every other stand-in
            imports.update({k.removesuffix("#supplement"): f for k, (_, f) in files.items()
                            if k != key and not k.endswith("#supplement")})
            supplements = [f for k, (_, f) in files.items() if k.endswith("#supplement")]
        else:
            supplements = []
        text = _schema(namespace, prefix, declarations, imports, {k: v for k, v in files.items()})
        if supplements:  # a second import of a namespace: a schema document per supplement
            schema = etree.fromstring(text)
            for f in supplements:
                ns = next(k for k, (_, g) in files.items() if g == f).removesuffix("#supplement")
                schema.insert(0, etree.Element(f"{{{XSD}}}import", namespace=ns, schemaLocation=f))
            text = etree.tostring(schema, xml_declaration=True, encoding="utf-8", pretty_print=True)
        (out_dir / file).write_bytes(text)
        if key.endswith("#supplement"):
            standin.supplements[namespace] = len(declarations)
        else:
            standin.schemas[file] = len(declarations)
    standin.path.write_bytes(data)
    return standin


def main(argv: list[str]) -> int:
    standin = build(Path(argv[0]), Path(argv[1]))
    print(standin)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
