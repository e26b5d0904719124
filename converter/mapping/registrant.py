"""Labels with the registrant's own name taken out.

"Total Walmart shareholders' equity" and "Net income attributable to The Coca-Cola
Company" are every company's "Total shareholders' equity" and "Net income attributable
to parent"; with the name left in, no rule, learned label or standard label matches them.
The learner (taxonomy_maps/scripts/learn_corpus.py) and the mapper use the same function,
so what one company's name hid in the official filings is learned for all.
"""
from __future__ import annotations

import re
from functools import lru_cache

LEGAL_WORDS = frozenset({"the", "inc", "incorporated", "corp", "corporation", "co", "company", "companies",
                         "ltd", "limited", "plc", "llc", "lp", "group", "holdings", "holding", "sa", "nv",
                         "ag", "se", "com"})
WORD = re.compile(r"[a-z0-9]+")
JOINERS = re.compile(r"^[\s.,&'’-]*$")
OWNER_WORDS = frozenset({"to", "of", "by", "for"})


def name_words(company: str) -> frozenset[str]:
    """The distinctive words of a registrant name: "The Coca-Cola Company" -> {coca, cola}."""
    return frozenset(w for w in WORD.findall(company.lower()) if w not in LEGAL_WORDS and len(w) > 1)


@lru_cache(maxsize=16384)  # the mapper asks once per row and kind of choice: statements repeat labels
def without_registrant(label: str, words: frozenset[str]) -> str:
    """``label`` with each run of words naming the registrant removed ("parent" after
    "to"/"of": the owner the label speaks of). A run must hold every distinctive word
    of the name, so "International" survives in a filing of International Paper."""
    if not words:
        return label
    tokens = list(WORD.finditer(label.lower()))
    name_or_legal = words | LEGAL_WORDS
    pieces, last, i = [], 0, 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].group() in name_or_legal and \
                (j == i or JOINERS.match(label[tokens[j - 1].end():tokens[j].start()])):
            j += 1
        run = {t.group() for t in tokens[i:j]}
        if j > i and words <= run:
            before = tokens[i - 1].group() if i else ""
            pieces.append(label[last:tokens[i].start()])
            pieces.append("parent" if before in OWNER_WORDS else "")
            last, i = tokens[j - 1].end(), j
        else:
            i += 1
    if not pieces:
        return label
    pieces.append(label[last:])
    return " ".join("".join(pieces).split())
