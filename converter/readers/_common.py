"""What the text and HTML readers both need to know about a filing's layout."""
from __future__ import annotations

import re

ITEM_HEADING = re.compile(r"^\s*item\s+\d+[a-c]?\s*\.?\s*[A-Za-z].{0,110}$", re.I)


def item_heading(text: str) -> str | None:
    """'Item 1. Financial Statements' as a heading; None for other text and for
    table-of-contents entries, which end in a page number."""
    t = " ".join(text.split())
    if ITEM_HEADING.match(t) and not t[-1].isdigit():
        return t
    return None


def context_text(text: str, limit: int = 400, tail: int = 120) -> str:
    """A paragraph above a table as its context: the first ``limit`` characters, and of a
    longer one its end as well, where "... were as follows (in millions):" introduces the
    table and states its scale."""
    if len(text) <= limit:
        return text
    return f"{text[:limit - tail - 5]} ... {text[-tail:]}"
