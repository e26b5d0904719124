"""XML written as text: parsed once by lxml into the same tree ``etree.SubElement`` builds,
or (``Markup``) written as lxml would serialize that tree, indented.

lxml checks every attribute it is given one by one, with a namespace look-up for every
element: ~1 us each, and a 10-Q's linkbases, inline header and tagged numbers have tens of
thousands of them. Its parser makes the same elements from markup many times quicker.
"""
from __future__ import annotations

from lxml import etree

from converter.errors import OutputError
from converter.readers import xml_safe_bytes

XML_NS = "http://www.w3.org/XML/1998/namespace"


# Whether a text holds a character to escape: a few ``in`` tests, each a scan in C, cost a
# quarter of a regex's character class, and the writers ask this of every attribute and text.
def _attribute_specials(value: str) -> bool:
    """Whether ``value`` holds a character a double-quoted attribute must escape."""
    return '"' in value or "&" in value or "<" in value or "\n" in value or "\r" in value or "\t" in value


def _text_specials(value: str) -> bool:
    """Whether ``value`` holds a character element content must escape."""
    return "&" in value or "<" in value or ">" in value or "\r" in value


def attribute_text(value: str) -> str:
    """``value`` escaped for a double-quoted attribute (whitespace kept as the parser would not)."""
    if not _attribute_specials(value):
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


def element_text(value: str) -> str:
    """``value`` escaped for element content (a carriage return kept as the parser would not)."""
    if not _text_specials(value):
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def text_content(value: str) -> str:
    """``value`` as the content of an element that must hold it as its text, as after
    ``el.text = value``: an empty text is kept (written ``<a></a>``, not ``<a/>``)."""
    return element_text(value) if value else "<![CDATA[]]>"


def _written_attribute(value: str) -> str:
    """``value`` as lxml writes an attribute value: as ``attribute_text``, and ">" escaped too."""
    value = attribute_text(value)
    return value.replace(">", "&gt;") if ">" in value else value


def attributes_text(attrib: dict[str, str]) -> str:
    """`` name="value"`` for each attribute with a plain (unprefixed) name."""
    if not _attribute_specials("".join(attrib.values())):  # the usual case: nothing to escape
        return "".join([f' {name}="{value}"' for name, value in attrib.items()])
    return "".join([f' {name}="{attribute_text(value)}"' for name, value in attrib.items()])


def parse(markup: str):
    """The root element of an XML document given as text."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)  # one per call: threads
    return etree.fromstring(markup.encode("utf-8"), parser)


class Node:
    """An element of a ``Markup``: where the children added to it go."""

    __slots__ = ("doc", "depth", "name", "indented", "empty")

    def __init__(self, doc: Markup, depth: int, name: str, indented: bool):
        self.doc, self.depth, self.name = doc, depth, name
        self.indented = indented  # its children go on lines of their own (it has no text)
        self.empty = True  # no text or child yet: its start tag is still open


# What lxml writes before a document's root element (xml_declaration=True, encoding="utf-8").
DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>\n"


class Markup:
    """An XML document written as text while its elements are added, as lxml serializes it
    with ``pretty_print``: parsing the text and serializing the tree cost as much as the
    rest of the linkbases. As libxml2 indents: an element without text has each child on a
    line of its own, two spaces deeper, and its end tag on a line of its own; inside an
    element with text, nothing is indented; an element with neither text nor children is
    written ``<a/>``; ">" is escaped in attribute values as in text.

    Elements must be added in document order: adding a child to an element closes every
    element opened after it (the writers build that way). ``nsmap`` (prefix -> namespace) is
    declared on the root. An attribute whose value is None is left out."""

    def __init__(self, tag: str, nsmap: dict[str, str], attrib: dict | None = None):
        self._prefixes = {namespace: prefix for prefix, namespace in nsmap.items()}
        self._prefixes[XML_NS] = "xml"
        self._names: dict[str, str] = {}
        # (tag, attribute names) -> '<prefix:tag name="{}" ...': a document has a few
        # shapes of element, repeated thousands of times
        self._templates: dict[tuple, str] = {}
        self._parts: list[str] = []
        self._open: list[Node] = []
        declarations = {f"xmlns:{prefix}": namespace for prefix, namespace in nsmap.items()}
        self.root = self._open_element(0, tag, {**declarations, **(attrib or {})}, None)

    def _name(self, clark: str) -> str:
        """``prefix:local`` of a ``{namespace}local`` name (kept: a few names recur thousands of times)."""
        name = self._names.get(clark)
        if name is None:
            if clark[0] == "{":
                namespace, _, local = clark[1:].partition("}")
                name = f"{self._prefixes[namespace]}:{local}"
            else:
                name = clark
            self._names[clark] = name
        return name

    def _close(self, node: Node) -> None:
        if node.empty:
            self._parts.append("/>")
        elif node.indented:  # it has children, each on a line of its own
            self._parts.append(f"\n{'  ' * node.depth}</{node.name}>")
        else:
            self._parts.append(f"</{node.name}>")

    def _start_tag(self, depth: int, tag: str, attrib: dict) -> str:
        """Close the elements at ``depth`` or deeper and start a line in the parent's content
        if it is indented; the start tag's text up to its ``>``."""
        while self._open and self._open[-1].depth >= depth:
            self._close(self._open.pop())
        if self._open:
            parent = self._open[-1]
            if parent.empty:
                self._parts.append(">")
                parent.empty = False
            if parent.indented:
                self._parts.append(f"\n{'  ' * depth}")
        values = tuple(attrib.values())
        if None in values:
            attrib = {name: value for name, value in attrib.items() if value is not None}
            values = tuple(attrib.values())
        shape = (tag, tuple(attrib))
        template = self._templates.get(shape)
        if template is None:
            template = self._templates[shape] = f"<{self._name(tag)}" + "".join(
                f' {self._name(name)}="{{}}"' for name in attrib)
        joined = "".join(values)
        if _attribute_specials(joined) or ">" in joined:
            values = tuple(map(_written_attribute, values))
        return template.format(*values)

    def _open_element(self, depth: int, tag: str, attrib: dict, text: str | None) -> Node:
        start = self._start_tag(depth, tag, attrib)
        parent_indented = self._open[-1].indented if self._open else True
        node = Node(self, depth, self._name(tag), parent_indented and not text)
        if text:
            self._parts.append(f"{start}>{element_text(text)}")
            node.empty = False
        else:
            self._parts.append(start)
        self._open.append(node)
        return node

    def _check(self, parent: Node, tag: str) -> None:
        if parent.doc is not self or parent not in self._open:
            raise OutputError(f"element {tag} added out of document order")

    def add(self, parent: Node, tag: str, attrib: dict | None, text: str | None) -> Node:
        """A child of ``parent`` that may have children of its own."""
        self._check(parent, tag)
        return self._open_element(parent.depth + 1, tag, attrib or {}, text)

    def add_leaf(self, parent: Node, tag: str, attrib: dict | None, text: str | None) -> None:
        """A child of ``parent`` that has no children: written whole at once."""
        self._check(parent, tag)
        start = self._start_tag(parent.depth + 1, tag, attrib or {})
        self._parts.append(f"{start}>{element_text(text)}</{self._name(tag)}>" if text else f"{start}/>")

    def serialize(self) -> bytes:
        """The document as lxml writes it, indented, with its XML declaration."""
        while self._open:
            self._close(self._open.pop())
        data = "".join(self._parts).encode("utf-8")
        if not xml_safe_bytes(data):
            raise OutputError("a text or attribute holds a character XML cannot hold")
        return DECLARATION + data + b"\n"


def add(parent: Node, tag: str, attrib: dict | None = None, text: str | None = None) -> Node:
    """A child element of ``parent``, ``etree.SubElement``'s counterpart."""
    return parent.doc.add(parent, tag, attrib, text)


def add_leaf(parent: Node, tag: str, attrib: dict | None = None, text: str | None = None) -> None:
    """A child element of ``parent`` that will have no children (cheaper than ``add``)."""
    parent.doc.add_leaf(parent, tag, attrib, text)
