"""A browser's plain-text copy of an HTML filing: the input kind ``text-tabs``.

    python benchmarks/browser_copy.py FILE.htm > FILE.txt

What a user pastes after selecting a filing in a browser: each block of text a line,
each table row a line with a tab between its cells, empty cells included ("Net
loss<TAB><TAB>$<TAB>(7,526<TAB>)"). The shared strip.py's text modes run the cells
together instead; this is the other copy a user may start from. The corpus benchmark
makes it from the HTML strip.py makes (``--kinds text-tabs``).
"""
from __future__ import annotations

import sys
from pathlib import Path

from lxml import html

BLOCKS = frozenset({"p", "div", "li", "center", "h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})
LINE_BREAK = "\u2028"  # where a <br> stood: a new line in text, a space in a cell (str.split drops it)


def _words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _holds_blocks(el) -> bool:
    return any(isinstance(d.tag, str) and (d.tag in BLOCKS or d.tag == "table") for d in el.iterdescendants())


def _copy(el, lines: list[str]) -> None:
    """``el``'s lines: a table's rows, a block's text, and in a block holding other blocks
    the text between them (a heading in a <span> beside a table) a line of its own."""
    if el.tag == "table":
        for row in el.iter("tr"):
            line = "\t".join(_words(cell.text_content()) for cell in row if isinstance(cell.tag, str)
                             and cell.tag in CELLS).rstrip()
            if line.strip():
                lines.append(line)
        return
    if not _holds_blocks(el):
        lines.extend(line for part in el.text_content().split(LINE_BREAK) if (line := _words(part)))
        return
    inline: list[str] = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and (child.tag in BLOCKS or child.tag == "table" or _holds_blocks(child)):
            _flush(inline, lines)
            _copy(child, lines)
        elif isinstance(child.tag, str):
            inline.append(child.text_content())
        inline.append(child.tail or "")
    _flush(inline, lines)


def _flush(inline: list[str], lines: list[str]) -> None:
    lines.extend(line for part in " ".join(inline).split(LINE_BREAK) if (line := _words(part)))
    inline.clear()


def browser_copy(markup: str) -> str:
    """The plain text a browser copies from ``markup``: a line break ends a line of text,
    and in a table's cell is a space (which keeps the row one line)."""
    root = html.fromstring(markup)
    for br in root.iter("br"):
        br.tail = LINE_BREAK + (br.tail or "")
    lines: list[str] = []
    _copy(root.find("body") if root.find("body") is not None else root, lines)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(browser_copy(Path(sys.argv[1]).read_text(encoding="utf-8")))
