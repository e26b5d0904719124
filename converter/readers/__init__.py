"""Readers turn an input file into a ``Document``: its prose and its raw tables.

A registry keyed by ``InputKind``: ``read(path)`` sniffs the kind from the bytes and
calls the reader registered for it, so a new input format is one new module that
decorates its function with ``@register(InputKind.X)``.
"""
from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from converter.errors import ConverterError, InputError, UnsupportedInputError
from converter.model import Document, InputKind

# (path, decoded text, sha256, the UTF-8 bytes the text decodes, or None) -> Document
Reader = Callable[[Path, str, str, bytes | None], Document]
READERS: dict[InputKind, Reader] = {}

MAX_INPUT_BYTES = 64 * 1024 * 1024


def register(kind: InputKind):
    def deco(fn: Reader) -> Reader:
        READERS[kind] = fn
        return fn

    return deco


def load_bytes(path: Path, *, error: type[ConverterError] = InputError) -> bytes:
    """The input's bytes, gunzipped when gzipped; clear errors (of type ``error``: the
    caller's stage) for missing, unreadable, damaged, empty or oversized files."""
    path = Path(path)
    if not path.is_file():
        raise error(f"input file not found: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise error(f"{path} is a damaged gzip file: {exc}") from exc
    if not data.strip():
        raise error(f"input file is empty: {path}")
    if len(data) > MAX_INPUT_BYTES:
        raise error(f"input file is larger than {MAX_INPUT_BYTES // 2**20} MiB: {path}")
    return data


# Control characters XML cannot hold: every reader's text ends up in XML outputs. Vertical
# tab, form feed and the separators end lines (str.splitlines), so they become newlines.
LINE_ENDING_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1e]")
NOT_XML_CHARS = re.compile("[\x00-\x08\x0e-\x1b\x1f\ufffe\uffff\ud800-\udfff]")
TO_CLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, line breaks kept."""
    if TO_CLEAN.search(text) is None:  # the usual case: one scan instead of two
        return text
    return NOT_XML_CHARS.sub("", LINE_ENDING_CONTROLS.sub("\n", text))


def decode(data: bytes, path: Path) -> tuple[str, bytes | None]:
    """Decode UTF-8 (with or without BOM) or UTF-16; else cp1252; binary is refused.

    The text comes back XML-safe (see ``xml_safe``), with the UTF-8 bytes it is the decoding
    of (``data`` without its BOM) or None: a parser given those need not encode the text again.
    """
    text, utf8 = _decoded(data, path)
    if xml_safe_bytes(data):
        return text, (data[3:] if data.startswith(b"\xef\xbb\xbf") else data) if utf8 else None
    return xml_safe(text), None


# Bytes that decode (as UTF-8 or cp1252) to characters XML can hold: all but the controls.
XML_SAFE_BYTES = b"\t\n\r" + bytes(range(0x20, 0x100))
# U+FFFE and U+FFFF in UTF-8: one search, where two ``in`` tests of three bytes each took
# four times as long
NONCHARACTER_BYTES = re.compile(b"\xef\xbf[\xbe\xbf]")


def xml_safe_bytes(data: bytes) -> bool:
    """Whether the UTF-8 or cp1252 text of ``data`` surely needs no ``xml_safe``.

    Deleting the harmless bytes in C is some 15 times quicker than searching the decoded
    text: no control byte means no control character, and U+FFFE/U+FFFF have their own
    UTF-8 bytes (cp1252 has neither; strict UTF-8 decodes no surrogate). UTF-16 is left to
    ``xml_safe``.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    return not data.translate(None, XML_SAFE_BYTES) and NONCHARACTER_BYTES.search(data) is None


def _decoded(data: bytes, path: Path) -> tuple[str, bool]:
    """The text, and whether it was UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), False
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not valid UTF-16 text") from exc
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(f"{path} looks binary, not a text or HTML filing")
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) // 100:
            raise InputError(f"{path} looks binary, not a text or HTML filing") from None
        return text, False


MARKUP = re.compile(r"<(?:html|body|table|div|p)\b")
# Case-blind on ASCII only, as ``str.lower`` is for these letters (no non-ASCII character
# lowercases to one of them), without lowercasing a whole document.
IX_HEADER = re.compile("<ix:header", re.IGNORECASE | re.ASCII)


def sniff(text: str) -> InputKind:
    """HTML when the text starts as markup (declaration, doctype, comment or tag) and holds
    a document or table tag early on; inline XBRL when it declares the ix namespace."""
    head = text[:8192].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<?xml", "<!doctype html", "<html")) or "<html" in head[:1024] or (
            head.startswith("<") and MARKUP.search(head)):
        if "inlinexbrl" in text[:20000].lower() or IX_HEADER.search(text):
            return InputKind.IXBRL
        return InputKind.HTML
    return InputKind.TEXT


def read(path: str | Path) -> Document:
    path = Path(path)
    data = load_bytes(path)
    sha = hashlib.sha256(data).hexdigest()
    text, utf8 = decode(data, path)
    kind = sniff(text)
    _load_builtin_readers()
    reader = READERS.get(kind)
    if reader is None:
        raise UnsupportedInputError(f"{path}: no reader for {kind.value} input")
    return reader(path, text, sha, utf8)


def _load_builtin_readers() -> None:
    from converter.readers import text  # noqa: F401  (each module registers itself)
    from converter.readers import html  # noqa: F401
