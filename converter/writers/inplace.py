"""Inline XBRL for HTML input: the user's own document with each tagged number wrapped in place.

The parsed source (``Document.native``, from ``converter.readers.html``) is made a strict
XHTML tree where it is: same markup, styles and layout. Each fact's source cell carries the
XPath of the element whose text holds the shown number (``Document.elements`` gives the
element itself); that text is split
around the number and an ``ix:nonFraction`` goes in between, so parentheses, "$" and
footnote marks stay where they were. The ix:header (dei facts, schemaRef, contexts, units)
goes in a display:none div at the start of the body. Attribute values, numbers, formats and
the header come from the text writer's shared helpers, so both outputs agree.
"""
from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from converter.errors import OutputError
from converter.model import LABEL_COLUMN, Fact, RawCell, Report, in_label
from converter.readers import xml_safe_bytes
from converter.writers import file_stem
from converter.writers._markup import attributes_text, parse, text_content
from converter.writers._xbrl import IX, IXT, LINK, XHTML, XLINK, Prefixes, cell_id, context_ids
from converter.writers.ixbrl import XBRLDI, CellTagger, add_ix_header, nest

XML_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")
NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DROPPED = {"script", "noscript", "template", "object", "embed", "iframe"}
# Presentational HTML that XHTML 1.1 (the schema inline XBRL builds on) has no place for.
RENAMED = {"font": "span", "center": "div", "u": "span", "strike": "span", "s": "span", "nobr": "span"}
RENAMED_STYLE = {"center": "text-align:center", "u": "text-decoration:underline",
                 "strike": "text-decoration:line-through", "s": "text-decoration:line-through",
                 "nobr": "white-space:nowrap"}


FONT_SIZES = {"1": "8pt", "2": "10pt", "3": "12pt", "4": "14pt", "5": "18pt", "6": "24pt", "7": "36pt"}
KEPT_ON_RENAMED = {"id", "class", "style", "title", "lang", "dir"}
ALIGN_ALLOWED = {"td", "th", "tr", "thead", "tbody", "tfoot", "col", "colgroup"}
NO_XHTML_ATTRIBUTES = {"noshade", "hspace", "vspace", "language", "clear"}
XML_ID = re.compile(r"^[A-Za-z_][\w.-]*$")
# the elements of XHTML 1.1; an old filing's others (EDGAR's <PAGE>, a typo) become spans
XHTML_ELEMENTS = {"html", "head", "title", "meta", "link", "style", "base", "body", "div", "p", "span", "a", "br",
                  "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre", "blockquote",
                  "address", "abbr", "acronym", "cite", "code", "dfn", "em", "kbd", "q", "samp", "strong", "var",
                  "b", "big", "i", "small", "sub", "sup", "tt", "bdo", "ins", "del", "img", "map", "area", "table",
                  "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "col", "colgroup", "form", "input",
                  "select", "option", "optgroup", "textarea", "label", "button", "fieldset", "legend"}
BODY_COLORS = {"link", "vlink", "alink", "text", "background", "marginwidth", "marginheight", "leftmargin", "topmargin"}
# what XHTML 1.1 lets stand in a body; anything else there (a stray <a name>, an image, text)
# goes into a div of its own
BODY_BLOCKS = {"p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "pre", "hr", "blockquote",
               "address", "fieldset", "form", "ins", "del"}
HOLDS_BLOCKS = (BODY_BLOCKS - {"ins", "del"}) | {"center", "li", "dd", "dt", "caption", "tr", "td", "th", "tbody"}
# attributes whose values HTML reads in any case and XHTML's schema lists in lowercase
LOWERCASE_VALUES = {"align", "valign", "dir", "scope", "frame", "rules", "clear", "shape"}
WIDTH_ALLOWED = {"table", "img", "col", "colgroup"}


def _styled_attributes(tag: str, original_tag: str, attrib) -> dict[str, str]:
    """The attributes XHTML 1.1 allows, with presentational HTML ones turned into CSS."""
    out: dict[str, str] = {}
    css: list[str] = []
    for name, value in attrib.items():
        name = name.lower()
        value = _clean(value) or ""
        if name in LOWERCASE_VALUES:
            value = value.lower()  # HTML's "RIGHT", "BOTTOM"; XHTML's schema knows "right", "bottom"
        if not XML_NAME.match(name) or name in ("xmlns", "xml:lang") or name.startswith("on"):
            continue
        if (tag == "body" and name in BODY_COLORS) or name in NO_XHTML_ATTRIBUTES:
            continue  # link, vlink, alink, text colours, a background image, noshade: no XHTML attributes
        if tag == "a" and name == "name":
            if "id" not in attrib and "ID" not in attrib and XML_ID.match(value):
                out["id"] = value  # an anchor's name is its id in XHTML (a repeated one is dropped later)
            continue
        if tag in ("hr", "img") and name in ("size", "border"):
            css.append(f"{'height' if name == 'size' else 'border-width'}:{value}" + ("px" if value.isdigit() else ""))
        elif name == "bgcolor":
            css.append(f"background-color:{value}")
        elif name == "nowrap":
            css.append("white-space:nowrap")
        elif name == "height" and tag not in ("img",):
            css.append(f"height:{value}" + ("px" if value.isdigit() else ""))
        elif name == "width" and tag not in WIDTH_ALLOWED:
            css.append(f"width:{value}" + ("px" if value.isdigit() else ""))
        elif name == "align" and tag not in ALIGN_ALLOWED and tag != "img":
            css.append(f"text-align:{value}")
        elif original_tag == "font" and name in ("size", "color", "face"):
            css.append({"size": f"font-size:{FONT_SIZES.get(value.strip(), '10pt')}", "color": f"color:{value}",
                        "face": f"font-family:{value}"}[name])
        elif original_tag in RENAMED and name not in KEPT_ON_RENAMED:
            continue
        else:
            out[name] = value
    if original_tag in RENAMED_STYLE:
        css.append(RENAMED_STYLE[original_tag])
    if css:
        out["style"] = ";".join(css + ([out["style"]] if out.get("style") else []))
    return out


def _clean(text: str | None) -> str | None:
    return NOT_XML_CHARS.sub("", text) if text else text


def _xhtml_tree(root, elements: dict, locators, nsmap: dict, clean: bool) -> tuple[etree._Element, dict]:
    """An XHTML ``html`` element (declaring ``nsmap``) holding the content of an HTML tree, and
    a map locator -> element of it, from ``elements`` (locator -> element of the tree).
    ``clean``: the tree surely holds no character XML cannot (``Document.clean``).

    The tree is cleaned in place and its content moved under the new root, leaving ``root``
    empty: the writer owns the reader's tree and is handed its elements, as deep-copying the
    tree and finding the locators again in the copy took a sixth of the writer's time. The
    elements keep plain, namespace-less names (lowercased, presentational ones renamed):
    under the new root, which declares XHTML as the default namespace, they serialize exactly
    as XHTML elements, and giving each its namespace made lxml look the declaration up node by
    node (a fifth of the writer's time). So elements below the root are found by their plain
    names, and the tree is only ever serialized.
    """
    found = {locator: elements[locator] for locator in locators if locator in elements}
    _restyle(root, root.tag.lower() if isinstance(root.tag, str) else "", "html")
    html = etree.Element(f"{{{XHTML}}}html", nsmap=nsmap)
    for name, value in root.attrib.items():
        html.set(name, value)
    html.text = _clean(root.text)
    for child in list(root):
        html.append(child)
    values: list[str] | None = None if clean else []
    anchors: list = []
    unwanted = _xhtml_names(html, values, anchors)
    if anchors:
        _unique_ids(html, anchors)
    # Text, tails and attributes only need cleaning if some hold a character XML cannot: one
    # look at the bytes of all the text and of all the attribute values instead of a regex
    # per node, and none at all for a clean tree (the look took an eighth of the writer's time).
    if not clean and not (xml_safe_bytes(etree.tostring(html, method="text", encoding="utf-8"))
                          and xml_safe_bytes("\n".join(values).encode("utf-8", errors="surrogatepass"))):
        _clean_all(html)
    _drop(unwanted)
    if unwanted:  # a holder inside a dropped node (a script's, an object's) is gone
        return html, {locator: el for locator, el in found.items() if _inside(el, html)}
    # nothing dropped: all but the source's root element moved under ``html`` (walking up
    # from every holder to check cost as much as finding them)
    return html, {locator: el for locator, el in found.items() if el is not root}


def _unique_ids(html, anchors: list) -> None:
    """An anchor's name made its id once another element has that id (or an anchor before
    it): XML ids are unique, so the later anchor keeps none."""
    counts = Counter(html.xpath("//@id"))
    for el in reversed(anchors):
        value = el.get("id")
        if value is not None and counts[value] > 1:
            del el.attrib["id"]
            counts[value] -= 1


def _xhtml_names(root, values: list[str] | None, anchors: list) -> list:
    """Lowercase, renamed and restyled elements below ``root``; returns the nodes XHTML has
    no place for (comments, processing instructions, scripts, embedded objects, elements
    whose names XML cannot hold), in document order, and adds to ``values`` (unless None)
    the attribute values left as they were, which may still need cleaning, and to
    ``anchors`` the <a name> elements, whose name becomes their id.

    This visits every element of the document, so the common case goes first and does
    least: a tag already its XHTML name, with only a style attribute."""
    unwanted = []
    plain: set = set()  # tags that are their own XHTML name and not renamed
    names: dict = {}  # any other HTML tag -> (lowercase, XHTML local name), or None when the node goes
    for el in root.iterdescendants():
        tag = el.tag
        if tag in plain or (tag not in names and _plain_tag(tag, plain, names)):
            keys = el.keys()
            if keys == STYLE_ONLY or PLAIN_ATTRIBUTES.issuperset(keys):
                if values is not None and keys:  # kept as they are (see _styled_attributes)
                    values.extend(el.values())
                if keys != STYLE_ONLY:
                    for name in LOWERCASE_PLAIN.intersection(keys):
                        el.set(name, el.get(name).lower())  # an old filing's VALIGN="BOTTOM"
            else:
                if tag == "a" and "name" in keys:
                    anchors.append(el)
                _restyle(el, tag, tag)
            continue
        name = names[tag]
        if name is None:
            unwanted.append(el)
            continue
        original, local = name
        if local == "span" and any(isinstance(child.tag, str) and child.tag.lower() in HOLDS_BLOCKS for child in el):
            local = "div"  # <FONT> around paragraphs or a table, EDGAR's <PAGE> left open: a span holds no blocks
        keys = el.keys()
        if original in RENAMED or not PLAIN_ATTRIBUTES.issuperset(keys) or LOWERCASE_PLAIN.intersection(keys):
            if original == "a" and "name" in keys:
                anchors.append(el)
            _restyle(el, original, local)
        elif keys and values is not None:
            values.extend(el.values())
        if local != tag:
            el.tag = local
    return unwanted


def _plain_tag(tag, plain: set, names: dict) -> bool:
    """Whether a tag not met before by ``_xhtml_names`` is its own XHTML name and not renamed
    (then added to ``plain``); else ``names`` gets its (lowercase, XHTML local name), or None."""
    name = _xhtml_name(tag)
    if name == (tag, tag) and tag not in RENAMED:
        plain.add(tag)
        return True
    names[tag] = name
    return False


STYLE_ONLY = ["style"]  # the attribute names of most elements (a list compares cheaper than a set test)


def _xhtml_name(tag) -> tuple[str, str] | None:
    """(lowercase tag, XHTML local name) of an HTML element's tag; None for nodes that go."""
    if not isinstance(tag, str):
        return None
    lowered = tag.lower()
    if lowered in DROPPED or not XML_NAME.match(lowered):
        return None
    return lowered, RENAMED.get(lowered, lowered if lowered in XHTML_ELEMENTS else "span")


def _clean_all(root) -> None:
    """Remove the characters XML cannot hold from every text, tail and attribute below ``root``."""
    for el in root.iterdescendants():
        if el.text and NOT_XML_CHARS.search(el.text):
            el.text = _clean(el.text)
        if el.tail and NOT_XML_CHARS.search(el.tail):
            el.tail = _clean(el.tail)
        if isinstance(el.tag, str):
            for name, value in el.items():
                if NOT_XML_CHARS.search(value):
                    el.set(name, _clean(value))


def _drop(unwanted: list) -> None:
    """Remove the nodes, in document order; a dropped element's tail text is kept."""
    for el in unwanted:  # in document order, as the text they leave behind is joined up
        parent = el.getparent()
        if parent is None:
            continue
        if isinstance(el.tag, str):
            previous, tail = el.getprevious(), el.tail
            parent.remove(el)
            _append_text(parent, previous, tail)
        else:
            parent.remove(el)


# Attributes XHTML 1.1 keeps as they are on any element (see _styled_attributes).
PLAIN_ATTRIBUTES = {"style", "colspan", "rowspan", "id", "class", "href", "src", "alt", "title", "valign",
                    "content", "http-equiv", "lang", "dir"}
LOWERCASE_PLAIN = LOWERCASE_VALUES & PLAIN_ATTRIBUTES


def _restyle(el, original: str, local: str) -> None:
    """Give ``el`` (HTML tag ``original``) the attributes XHTML 1.1 allows on ``local``."""
    attrib = el.attrib
    if original not in RENAMED and PLAIN_ATTRIBUTES.issuperset(attrib.keys()) and \
            not LOWERCASE_PLAIN.intersection(attrib.keys()):
        for name, value in attrib.items():  # the common case, which _styled_attributes keeps as it is
            if NOT_XML_CHARS.search(value):
                attrib[name] = _clean(value)
    elif len(attrib) or original in RENAMED_STYLE:
        attributes = _styled_attributes(local, original, attrib)
        attrib.clear()
        for name, value in attributes.items():
            el.set(name, value)


def _inside(el, root) -> bool:
    """Whether ``el`` is still in ``root``'s tree (not in a dropped script or object)."""
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _append_text(parent, previous, text: str | None) -> None:
    """Keep the text after a dropped element: on the sibling before it, else in the parent
    (whose own text is cleaned here too: lxml refuses to set text XML cannot hold)."""
    text = _clean(text)
    if not text:
        return
    if previous is not None:
        previous.tail = (_clean(previous.tail) or "") + text
    else:
        parent.text = (_clean(parent.text) or "") + text


def _wrap(holder, shown: str, wrapped) -> bool:
    """Put the first untagged ``shown`` inside ``holder`` (its text, its descendants' texts or
    tails; a label's numbers may sit in nested spans) in the ix:nonFraction ``wrapped``;
    False when ``shown`` is not there. A number of its own comes first: the rate "5" of
    "$500 5%, Oct 2024" is not the first digit of 500."""
    for alone in (True, False):
        for el in holder.iter():
            if not isinstance(el.tag, str) or el.tag == f"{{{IX}}}nonFraction":
                continue
            if el.text and (at := _find(el.text, shown, alone)) is not None:
                el.text = _cut(el.text, at, shown, wrapped)
                el.insert(0, wrapped)
                return True
            for k, child in enumerate(el):
                if child.tail and (at := _find(child.tail, shown, alone)) is not None:
                    child.tail = _cut(child.tail, at, shown, wrapped)
                    el.insert(k + 1, wrapped)
                    return True
    return False


def _find(text: str, shown: str, alone: bool) -> int | None:
    """Where ``shown`` is in ``text``: with ``alone``, only not inside a longer number (plain
    string scans: a pattern per number would be compiled ~1,500 times a filing)."""
    at = text.find(shown)
    if not alone:
        return at if at >= 0 else None
    while at >= 0:
        end = at + len(shown)
        before = text[at - 1] if at else ""
        if not (before and (before.isdigit() or before in ".,")) and not (end < len(text) and text[end].isdigit()):
            return at
        at = text.find(shown, at + 1)
    return None


def _repeated_id(report: Report, fact: Fact) -> str | None:
    """The id of the fact whose printed number this one shares (a label number true at two dates)."""
    source = fact.source
    if not in_label(source.column):
        return None
    number = report.filing.tables[source.table].rows[source.row].label_numbers[source.column - LABEL_COLUMN]
    return None if number.repeats is None else cell_id(source.table, source.row, LABEL_COLUMN + number.repeats)


def _cut(text: str, at: int, shown: str, wrapped) -> str:
    """The text before ``shown`` at ``at``; the rest goes after ``wrapped``, as its tail."""
    wrapped.tail = text[at + len(shown):]
    return text[:at]


def _nonfraction_elements(tags: list[tuple[dict[str, str], str | None]]) -> list:
    """An ix:nonFraction for each (attributes, shown number or None for none), all made by one
    parse: lxml checks each attribute it is given one by one (~1 us apiece; a filing has
    thousands of tags of seven attributes)."""
    markup = "".join([f"<ix:nonFraction{attributes_text(attrib)}>"
                      f"{'' if shown is None else text_content(shown)}</ix:nonFraction>" for attrib, shown in tags])
    return list(parse(f'<tags xmlns:ix="{IX}">{markup}</tags>'))


def _cell(report: Report, fact: Fact) -> RawCell:
    source = fact.source
    table = report.filing.tables[source.table]
    cell = table.rows[source.row].cell_at(source.column)
    if cell is None:
        raise OutputError(f"fact {fact.concept} names an empty cell (table {source.table}, row {source.row})")
    return cell


def inplace_ixbrl_bytes(report: Report) -> bytes:
    """The source HTML as Inline XBRL 1.1: every fact wrapped where its number is shown."""
    document = report.filing.document
    native = document.native
    if native is None or not hasattr(native, "getroottree") or document.elements is None:
        raise OutputError("the HTML input's parsed document is missing: cannot tag it in place")
    if not len(native):  # its content went into an earlier output (_xhtml_tree)
        raise OutputError("the HTML input's parsed document is already tagged: read the input again to write it again")
    prefixes = Prefixes.of(report)
    contexts = context_ids(report)
    tagger = CellTagger(report, prefixes, contexts)
    cells = [(fact, _cell(report, fact)) for fact in report.facts]
    nsmap = {None: XHTML, "ix": IX, "ixt": IXT, "link": LINK, "xlink": XLINK, "xbrldi": XBRLDI, **prefixes.map}
    html, holders = _xhtml_tree(native, document.elements, {cell.locator for _, cell in cells}, nsmap,
                                document.clean)
    placements = []  # (locator, holder, shown number, attributes, id of the tag it goes around or None)
    seen_ids: set[str] = set()
    for fact, cell in cells:
        if cell.locator not in holders:
            raise OutputError(f"cell {cell.locator!r} of fact {fact.concept} is not in the source document")
        _, shown, _, attrib = tagger.nonfraction(fact, cell)
        repeated = _repeated_id(report, fact)  # a number tagged at two dates: the second tag nests
        inner = repeated if repeated in seen_ids else None
        placements.append((cell.locator, holders[cell.locator], shown, attrib, inner))
        seen_ids.add(attrib["id"])
    elements = _nonfraction_elements([(attrib, shown if inner is None else None)
                                      for _, _, shown, attrib, inner in placements])
    tags: dict[str, object] = {}  # fact id -> its (outermost) tag
    for (locator, holder, shown, attrib, inner), element in zip(placements, elements):
        if inner is not None:
            tags[inner] = tags[attrib["id"]] = nest(tags[inner], element)
        elif _wrap(holder, shown, element):
            tags[attrib["id"]] = element
        else:
            raise OutputError(f"the number {shown!r} of fact {attrib['id']} is not in the text of {locator}")
    _ensure_head(html, report)
    body = html.find("body")
    if body is None:
        body = etree.SubElement(html, f"{{{XHTML}}}body")
    _blocks_only(body)
    add_ix_header(body, report, file_stem(report), prefixes, contexts)  # first, as EDGAR filings have it
    missing = tagger.unplaced()
    if missing:
        raise OutputError(f"facts whose source cell is not in the document: {', '.join(missing[:10])}")
    return etree.tostring(html, xml_declaration=True, encoding="utf-8")


def _blocks_only(body) -> None:
    """Runs of text and inline elements standing in the body itself (an old filing's
    <A NAME="toc">, an image, words between two tables) each moved into a div: XHTML's
    body holds blocks only."""
    run = None

    def open_run(at: int, text: str | None):
        div = etree.Element("div")
        div.text = text
        body.insert(at, div)
        return div

    if body.text and body.text.strip():
        run = open_run(0, body.text)
    body.text = None
    for child in list(body):
        if isinstance(child.tag, str) and child.tag in BODY_BLOCKS:
            run = None
            if child.tail and child.tail.strip():
                run = open_run(body.index(child) + 1, child.tail)
                child.tail = None
            continue
        if run is None:
            run = open_run(body.index(child), None)
        run.append(child)  # its tail comes along


def _ensure_head(html, report: Report) -> None:
    """XHTML needs a head with a title before the body."""
    head = html.find("head")
    if head is None:
        head = etree.Element(f"{{{XHTML}}}head")
        html.insert(0, head)
    if head.find("title") is None:
        title = etree.SubElement(head, f"{{{XHTML}}}title")
        filing = report.filing
        title.text = f"{filing.company} {filing.document_type} for the period ended {filing.period_end.isoformat()}"
    for meta in head.findall("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-type":
            meta.set("content", "text/html; charset=utf-8")
