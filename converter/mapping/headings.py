"""Headings over the columns of copied text, which keeps no header cells, only lines."""
from __future__ import annotations

import re

from converter.detect import split_header_pieces, undated_caption
from converter.model import Table

# a heading that runs into the next, which opens with a count ("Less than 12 months12 months
# or greater"): cut between them
GLUED_COUNT = re.compile(r"(?<=[a-z])(?=\d)")
# a heading that names a period ("Three Months Ended", "Fiscal 2024"), not a group of columns
# ("Less than 12 months" is an age, not a period)
PERIOD_HEADING = re.compile(r"\b(?:ended|ending|quarter|year|as of|fiscal)\b|\b(?:19|20)\d\d\b", re.I)


def copied_heading_stacks(table: Table) -> tuple[tuple[str, str], ...]:
    """Each column's (heading, caption) in copied text: the line nearest above the captions
    that, cut where its cells ran together, divides the columns evenly, each piece over as
    many columns ("Restricted Stock UnitsPerformance Share Units" over two columns each;
    "Less than 12 months12 months or greaterTotal" over "Fair ValueUnrealized Losses" three
    times); () where the reader kept header cells or no line divides the columns so."""
    n = len(table.columns)
    raw = table.raw
    if raw is None or raw.column_headers or n < 2:
        return ()
    for line in reversed(raw.header[:-1]):
        pieces = [p.strip() for piece in split_header_pieces(line) for p in GLUED_COUNT.split(piece) if p.strip()]
        if 2 <= len(pieces) < n and n % len(pieces) == 0 and \
                all(undated_caption(p) and not PERIOD_HEADING.search(p) for p in pieces):
            size = n // len(pieces)
            return tuple((pieces[c.index // size], c.label) for c in table.columns)
    return ()
