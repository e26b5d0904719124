"""The taxonomy catalog the mapper chooses from: concepts, members, axes, calculation and
presentation structure, and the label/concept pairs learned from official filings.

The data lives in ``taxonomy_maps/<release>/`` as CSV files built by
``taxonomy_maps/scripts/build_catalog.py`` and ``learn_corpus.py`` (see
taxonomy_maps/SOURCES.md). ``Catalog.load()`` reads them once per process; parsed
catalogs are also pickled under the user's cache folder, keyed by the data files' hashes,
so later processes start fast.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import heapq
import itertools
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from converter import _atomic, model
from converter.errors import ConverterError, MappingError
from converter.model import NS, Concept, PeriodType, QName

MAPS_DIR = Path(os.environ.get("XBRLCONV_TAXONOMY_MAPS") or Path(__file__).resolve().parents[2] / "taxonomy_maps")
DEFAULT_RELEASE = "us-gaap-2024"
CONCEPT_FILES = {"us-gaap": "concepts.csv", "dei": "dei-concepts.csv", "srt": "srt-concepts.csv"}
DATA_FILES = (*CONCEPT_FILES.values(), "members.csv", "axes.csv", "calculations.csv",
              "presentation.csv", "learned_labels.csv", "learned_cells.csv")
OPTIONAL_FILES = {"learned_labels.csv", "learned_cells.csv"}

# --- labels --------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u2009\u200a\u202f\u3000"), " ")
_NOTE_REF = re.compile(r"\(\s*(?:see\s+)?notes?\s+[0-9a-z]+(?:\s*(?:,|and|&|-)\s*[0-9a-z]+)*\s*\)")
_FOOTNOTE = re.compile(r"(?:\s*[(\[]\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*[)\]])+\s*$")
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u209f*\u2020\u2021]")


@functools.lru_cache(maxsize=16384)  # a filing normalizes each of its labels several times
def normalize_label(text: str) -> str:
    """A row label reduced to what identifies the line item, for exact and fuzzy matching.

    Lowercases; unifies dashes, quotes and odd spaces; drops "(Note 9)" references,
    trailing footnote markers such as "(1)", "(2) (4)" or "[a]", "*" and daggers, "$", trailing
    colons; collapses whitespace. Words that change meaning (net, of, current, total...)
    are kept.
    """
    text = unicodedata.normalize("NFKC", _SUPERSCRIPTS.sub(" ", text or ""))
    text = text.translate(_DASHES).translate(_QUOTES).translate(_SPACES).lower()
    text = _NOTE_REF.sub(" ", text).replace("$", " ")
    text = " ".join(text.split())
    previous = None
    while previous != text:  # markers and colons can alternate: "Total (1):"
        previous = text
        if text.endswith((")", "]")):  # where footnote markers end (the text has no trailing space)
            text = _FOOTNOTE.sub("", text)
        text = text.rstrip(" :;,.-").lstrip(" -:;,.")
    return text


# Tokens that carry no weight when comparing a row label with a taxonomy label.
_WEAK = {"a", "an", "and", "the", "of", "to", "for", "in", "on", "by", "from", "total", "s", "at",
         "member", "axis", "domain"}
_SYNONYMS = {"shareholders": "stockholders", "shareowners": "stockholders", "stockholder": "stockholders",
             "shareholder": "stockholders", "expenses": "expense", "payments": "payment",
             "proceeds": "proceed", "receivables": "receivable", "liabilities": "liability",
             "assets": "asset", "equivalents": "equivalent", "costs": "cost", "revenues": "revenue",
             "sales": "sale", "taxes": "tax", "securities": "security", "activities": "activity"}


TOKEN = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=16384)
def label_tokens(text: str) -> tuple[str, ...]:
    """The scoring tokens of a label: words of the normalized label, singular, weak ones out."""
    words = TOKEN.findall(normalize_label(text).replace("[", " ").replace("]", " "))
    out = []
    for w in words:
        w = _SYNONYMS.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if w not in _WEAK:
            out.append(w)
    return tuple(dict.fromkeys(out))


# --- learned data ----------------------------------------------------------------------


@dataclass(frozen=True)
class LearnedLabel:
    """One row of learned_labels.csv: how one company tagged one row label in one statement."""

    company: str
    statement: str
    label: str  # normalized
    concept: str  # prefixed, e.g. "us-gaap:Assets"; company extensions as "ext"
    dims: str  # "Axis=Member;..." as prefixed names, "" when undimensioned
    period_type: str
    count: int
    total_count: int  # facts of them in total rows
    parens_count: int  # facts of them displayed in parentheses
    negated_count: int  # facts of them with sign="-" (negative XBRL value)
    in_label_count: int  # facts whose number sits inside the label text ("6,000 shares authorized")
    section: str  # normalized heading row the label most often sits under ("current assets")
    position: float  # mean place of the row in its table, 0 first .. 1 last


class CatalogError(MappingError):
    """The catalog files of a release are missing or unreadable."""


class Catalog:
    """Concepts, members and axes of one release with the structure the mapper reasons on."""

    def __init__(self, release: str):
        self.release = release
        # "prefix:Local" -> (period_type, data_type, balance, label, label_source); the
        # Concept objects are made on first use, which keeps the pickled catalog quick to load.
        self._concept_rows: dict[str, tuple[str, str, str, str, str]] = {}
        self._concept_objects: dict[str, Concept] = {}
        self._search_memo: dict[tuple, list] = {}
        self._fuzzy_memo: dict[tuple, list] = {}
        self._member_memo: dict[tuple, list] = {}
        self._learned_memo: dict[tuple, list] = {}
        self._cell_memo: dict[tuple, list] = {}
        self._axes_by_concept: dict[str, list[tuple[str, str, int]]] | None = None
        self._axes_by_member: dict[str, dict[str, set[str]]] | None = None
        self._weight_memo: dict[tuple[str, int], dict[str, int]] = {}
        self._ancestor_memo: dict[tuple[str, int], dict[str, frozenset[int]]] = {}
        self._members: dict[str, QName] = {}
        self._axes: dict[str, QName] = {}
        self._dimension_labels: dict[str, str] = {}
        self._children: dict[str, list[tuple[str, int]]] = {}
        self._parents: dict[str, list[tuple[str, int]]] = {}
        self._statements: dict[str, frozenset[str]] = {}
        self._placements: dict[str, str] = {}  # tab/newline-joined rows, parsed on demand
        self._concept_index = TokenIndex([])
        # period type -> which concept index entries have it
        self._period_masks = {p.value: np.zeros(0, dtype=bool) for p in PeriodType}
        self._member_index = TokenIndex([])
        # (statement, label) -> [(company, concept, dims, period_type, count, total, parens,
        # negated, in_label, section, position)]
        self._learned: dict[tuple[str, str], list[tuple]] = {}
        self._learned_index = TokenIndex([])  # keys "statement<TAB>label"
        self._statement_masks: dict[str, np.ndarray] = {}  # statement -> which learned index entries are of it
        # (place, text) -> [(company, axis, member or concept, tables)] from learned_cells.csv
        self._cells: dict[tuple[str, str], list[tuple[str, str, str, int]]] = {}
        self._cells_index = TokenIndex([])  # keys "place<TAB>text"

    # --- loading -------------------------------------------------------------------

    @classmethod
    def load(cls, release: str = DEFAULT_RELEASE) -> Catalog:
        """The catalog of ``release``, read once per process (and cached on disk)."""
        return _load_cached(release)

    @classmethod
    def _parse(cls, release: str, folder: Path) -> Catalog:
        cat = cls(release)
        for prefix, filename in CONCEPT_FILES.items():
            for row in _read_csv(folder / filename):
                cat._concept_rows[f"{prefix}:{row['name']}"] = (
                    row["period_type"], row["type"], row["balance"], row["label"], row["label_source"])
        for filename, target in (("members.csv", cat._members), ("axes.csv", cat._axes)):
            for row in _read_csv(folder / filename):
                qname = QName(NS[row["prefix"]], row["name"], row["prefix"])
                target[str(qname)] = qname
                cat._dimension_labels[str(qname)] = row["label"]
        cat._read_calculations(folder / "calculations.csv")
        cat._read_presentation(folder / "presentation.csv")
        cat._build_label_index()
        if (folder / "learned_labels.csv").exists():
            cat._read_learned(folder / "learned_labels.csv")
        if (folder / "learned_cells.csv").exists():
            cat._read_cells(folder / "learned_cells.csv")
        return cat

    def _read_calculations(self, path: Path) -> None:
        """Arcs pooled over roles; where roles disagree on a weight the first seen wins."""
        children: dict[str, dict[str, int]] = defaultdict(dict)
        parents: dict[str, dict[str, int]] = defaultdict(dict)
        rows = sorted(_read_csv(path), key=lambda r: (r["parent"], float(r["order"]), r["role"]))
        for row in rows:
            weight = int(row["weight"])
            children[row["parent"]].setdefault(row["child"], weight)
            parents[row["child"]].setdefault(row["parent"], weight)
        self._children = {k: list(v.items()) for k, v in children.items()}
        self._parents = {k: list(v.items()) for k, v in parents.items()}

    def _read_presentation(self, path: Path) -> None:
        statements: dict[str, set[str]] = defaultdict(set)
        placements: dict[str, list[str]] = defaultdict(list)
        for row in _read_csv(path):
            statements[row["child"]].add(row["statement"])
            placements[row["child"]].append(
                "\t".join((row["statement"], row["role"], row["parent"], row["order"], row["depth"])))
        shared: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set of kinds
        self._statements = {k: shared.setdefault(frozenset(v), frozenset(v)) for k, v in statements.items()}
        self._placements = {k: "\n".join(sorted(v)) for k, v in placements.items()}

    def _build_label_index(self) -> None:
        """Token indexes over concept and member labels (published and name-derived)."""
        def variants(key: str, label: str) -> list[tuple[str, tuple[str, ...]]]:
            forms = {label_tokens(label), label_tokens(_split_camel(key.partition(":")[2]))}
            return [(key, tokens) for tokens in sorted(forms) if tokens]

        self._concept_index = TokenIndex(
            [e for key, row in sorted(self._concept_rows.items()) for e in variants(key, row[3])])
        periods = np.array([self._concept_rows[key][0] for key in self._concept_index.keys], dtype=str)
        self._period_masks = {p.value: periods == p.value for p in PeriodType}
        self._member_index = TokenIndex(
            [e for key in sorted(self._members) for e in variants(key, self._dimension_labels[key])])

    def _read_learned(self, path: Path) -> None:
        learned: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for row in _read_csv(path):
            learned[(row["statement"], row["label"])].append((
                row["company"], row["concept"], row["dims"], row["period_type"], int(row["count"]),
                int(row["total_count"]), int(row["parens_count"]), int(row["negated_count"]),
                int(row["in_label_count"]), row["section"], float(row["position"])))
        self._learned = dict(learned)
        self._learned_index = TokenIndex(
            [(f"{kind}\t{label}", tokens) for kind, label in sorted(self._learned)
             if (tokens := label_tokens(label))])
        kinds = np.array([key.partition("\t")[0] for key in self._learned_index.keys], dtype=str)
        self._statement_masks = {kind: kinds == kind for kind in sorted({s for s, _ in self._learned})}

    def _read_cells(self, path: Path) -> None:
        cells: dict[tuple[str, str], list[tuple[str, str, str, int]]] = defaultdict(list)
        for row in _read_csv(path):
            cells[(row["place"], row["text"])].append((row["company"], row["axis"], row["value"], int(row["tables"])))
        self._cells = dict(cells)
        self._cells_index = TokenIndex([(f"{place}\t{text}", tokens) for place, text in sorted(self._cells)
                                        if (tokens := label_tokens(text))])

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_concept_objects"] = {}  # rebuilt on demand, cheaper than unpickling
        state["_search_memo"] = {}
        state["_fuzzy_memo"] = {}
        state["_member_memo"] = {}
        state["_learned_memo"] = {}
        state["_cell_memo"] = {}
        state["_axes_by_concept"] = None
        state["_axes_by_member"] = None
        state["_weight_memo"] = {}
        state["_ancestor_memo"] = {}
        return state

    # --- concepts, members, axes ---------------------------------------------------

    def concept(self, name: str) -> Concept | None:
        """A standard concept by "Assets", "us-gaap:Assets", "srt:...", "dei:..." or Clark name."""
        key = self._key(name)
        concept = self._concept_objects.get(key)
        if concept is None and key in self._concept_rows:
            period_type, data_type, balance, label, _ = self._concept_rows[key]
            prefix, _, local = key.partition(":")
            concept = Concept(qname=QName(NS[prefix], local, prefix), period_type=PeriodType(period_type),
                              data_type=data_type, balance=balance or None, label=label)
            self._concept_objects[key] = concept
        return concept

    def member(self, name: str) -> QName | None:
        """A standard domain member, e.g. "us-gaap:EMEAMember", "srt:AmericasMember"."""
        return self._find_dimension(name, self._members)

    def axis(self, name: str) -> QName | None:
        """A standard axis, e.g. "srt:StatementGeographicalAxis"."""
        return self._find_dimension(name, self._axes)

    def dimension_label(self, name: str) -> str:
        """The label of a member or axis ("" when unknown)."""
        qname = self.member(name) or self.axis(name)
        return self._dimension_labels.get(str(qname), "") if qname else ""

    def label_source(self, name: str) -> str:
        """Where a concept's label came from; "derived" means made from its CamelCase name."""
        row = self._concept_rows.get(self._key(name))
        return row[4] if row else ""

    def concepts(self) -> list[Concept]:
        return [self.concept(key) for key in self._concept_rows]

    def _find_dimension(self, name: str, table: dict[str, QName]) -> QName | None:
        if ":" in name or name.startswith("{"):
            return table.get(self._key(name))
        for prefix in ("us-gaap", "srt", "dei"):
            if f"{prefix}:{name}" in table:
                return table[f"{prefix}:{name}"]
        return None

    @staticmethod
    def _key(name: str) -> str:
        """Any accepted spelling of a name -> "prefix:Local" (us-gaap when no prefix)."""
        if name.startswith("{"):
            namespace, _, local = name[1:].partition("}")
            prefix = next((p for p, ns in NS.items() if ns == namespace), "")
            return f"{prefix}:{local}"
        return name if ":" in name else f"us-gaap:{name}"

    # --- label search --------------------------------------------------------------

    def search_label(self, label: str, *, period_type: PeriodType | str | None = None,
                     limit: int = 10) -> list[tuple[Concept, float]]:
        """Concepts whose standard (or name-derived) label best matches ``label``, best first.

        The score (0..1) is an IDF-weighted Dice overlap of label tokens, so rare words
        ("depreciation") weigh more than common ones ("net"). Ties prefer concepts with a
        published label, then shorter labels.
        """
        query = label_tokens(label)
        if not query:
            return []
        wanted = PeriodType(period_type).value if period_type else None
        memo_key = (query, wanted, limit)
        if memo_key in self._search_memo:  # statements repeat labels: score each once per process
            return self._search_memo[memo_key]
        best = self._concept_index.top(query, limit, self._period_masks[wanted] if wanted else None)
        ranked = heapq.nsmallest(limit, best.items(), key=lambda kv: (
            -round(kv[1], 9), self._concept_rows[kv[0]][4] == "derived", len(self._concept_rows[kv[0]][3]), kv[0]))
        found = [(self.concept(k), round(s, 4)) for k, s in ranked]
        return _remembered(self._search_memo, memo_key, found)

    def search_member(self, label: str, *, limit: int = 5) -> list[tuple[QName, float]]:
        """Standard domain members whose label best matches a row or column header.

        "Americas" finds srt:AmericasMember, "Additional paid-in capital"
        us-gaap:AdditionalPaidInCapitalMember; same scoring as ``search_label``.
        """
        query = label_tokens(label)
        if not query:
            return []
        memo_key = (query, limit)
        if memo_key in self._member_memo:  # a note's rows repeat their section captions: once per process
            return self._member_memo[memo_key]
        ranked = sorted(self._member_index.top(query, limit).items(),
                        key=lambda kv: (-round(kv[1], 9), len(self._dimension_labels[kv[0]]), kv[0]))
        found = [(self._members[k], round(s, 4)) for k, s in ranked[:limit]]
        return _remembered(self._member_memo, memo_key, found)

    # --- calculations ----------------------------------------------------------------

    def calc_children(self, parent: str) -> list[tuple[str, int]]:
        """(child, weight) of the standard calculation arcs under ``parent``, as prefixed names."""
        return list(self._children.get(self._key(parent), ()))

    def calc_parents(self, child: str) -> list[tuple[str, int]]:
        """(parent, weight) of the standard calculation arcs above ``child``."""
        return list(self._parents.get(self._key(child), ()))

    def calc_weight(self, parent: str, child: str, *, max_depth: int = 4) -> int | None:
        """The sign with which ``child`` adds into ``parent``: +1, -1, or None if unrelated.

        A direct arc answers first; otherwise the product of weights along the shortest
        chain of arcs down from ``parent`` (e.g. capital expenditures reach net investing
        cash flows through PaymentsToAcquireProductiveAssets: weight -1).
        """
        start, goal = self._key(parent), self._key(child)
        weights = self._weight_memo.get((start, max_depth))
        if weights is None:  # a filing asks of a few totals for hundreds of lines
            weights = self._weight_memo[(start, max_depth)] = self._chain_weights(start, max_depth)
        return weights.get(goal)

    def ancestors(self, child: str, *, max_depth: int = 4) -> dict[str, frozenset[int]]:
        """Every concept ``child`` adds into, up to ``max_depth`` arcs up, with the signs of
        the chains that reach it (prefixed names)."""
        start = self._key(child)
        memo_key = (start, max_depth)  # by depth too, as _weight_memo: a nearer walk finds fewer
        if memo_key not in self._ancestor_memo:
            found: dict[str, set[int]] = {}
            frontier = [(start, 1)]
            for _ in range(max_depth):
                following = []
                for node, sign in frontier:
                    for parent, weight in self._parents.get(node, ()):
                        if sign * weight not in found.setdefault(parent, set()):
                            found[parent].add(sign * weight)
                            following.append((parent, sign * weight))
                frontier = following
            self._ancestor_memo[memo_key] = {k: frozenset(v) for k, v in found.items()}
        return self._ancestor_memo[memo_key]

    def _chain_weights(self, start: str, max_depth: int) -> dict[str, int]:
        """Each concept up to ``max_depth`` arcs below ``start`` -> the product of the weights
        along the first chain a breadth-first walk down from ``start`` finds to it: one walk
        answers every ``calc_weight`` of ``start``."""
        weights: dict[str, int] = {}
        frontier = [(start, 1)]
        seen = {start}
        for _ in range(max_depth):
            following = []
            for node, sign in frontier:
                for kid, weight in self._children.get(node, ()):
                    weights.setdefault(kid, sign * weight)
                    if kid not in seen:
                        seen.add(kid)
                        following.append((kid, sign * weight))
            frontier = following
        return weights

    # --- presentation ----------------------------------------------------------------

    def statements_of(self, name: str) -> frozenset[str]:
        """Statement kinds (balance, income, comprehensive, equity, cashflow, note) that
        present the concept in the standard taxonomy's presentation linkbases."""
        return self._statements.get(self._key(name), frozenset())

    def placements(self, name: str) -> list[tuple[str, str, str, float, int]]:
        """(statement kind, role, parent, order, depth) of each standard presentation of a concept."""
        packed = self._placements.get(self._key(name))
        if not packed:
            return []
        rows = (line.split("\t") for line in packed.split("\n"))
        return [(kind, role, parent, float(order), int(depth)) for kind, role, parent, order, depth in rows]

    # --- learned labels ----------------------------------------------------------------

    def learned(self, statement: str | None, label: str, *,
                exclude_company: str | None = None) -> list[tuple[str, int]]:
        """(concept, fact count) the official filings used for this row label, most used first.

        ``statement`` None pools every statement kind; ``exclude_company`` leaves out what
        was learned from that company (leave-one-company-out evaluation).
        """
        # straight from the rows (concept, count), kept: a filing asks this of every row label,
        # several times for some
        memo_key = (statement, label, exclude_company)
        if memo_key in self._learned_memo:
            return self._learned_memo[memo_key]
        found = _count_concepts((row[1], row[4]) for _, _, row in self._learned_rows(statement, label, exclude_company))
        return _remembered(self._learned_memo, memo_key, found)

    def learned_entries(self, statement: str | None, label: str, *,
                        exclude_company: str | None = None) -> list[LearnedLabel]:
        """The learned rows behind ``learned()``, with dimensions and sign evidence."""
        return [LearnedLabel(row[0], s, norm, *row[1:]) for s, norm, row in
                self._learned_rows(statement, label, exclude_company)]

    def _learned_rows(self, statement: str | None, label: str, exclude_company: str | None):
        """(statement, normalized label, row) of the learned rows for a label, leaving out
        ``exclude_company``'s; rows are (company, concept, dims, period type, count, ...)."""
        norm = normalize_label(label)
        kinds = [statement] if statement else self._statement_masks  # every statement kind, sorted
        return ((s, norm, row) for s in kinds for row in self._learned.get((s, norm), ())
                if exclude_company is None or row[0] != exclude_company)

    def learned_axes(self, concept: str, *, exclude_company: str | None = None,
                     min_companies: int = 2) -> list[str]:
        """Axes the official filings split ``concept`` on with their own members in note
        tables, most companies first.

        For rows no standard member names: only axes companies filled with their own
        members count (so not the fair value levels), and only axes at least
        ``min_companies`` companies used (one company's habit is not a convention). A note
        table whose rows split PropertyPlantAndEquipmentGross takes
        PropertyPlantAndEquipmentByTypeAxis this way, not a catch-all axis.
        """
        if self._axes_by_concept is None:
            found: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
            for (kind, _), rows in self._learned.items():
                for company, name, dims, *_rest in rows:
                    pairs = [d.split("=", 1) for d in dims.split(";") if d]
                    if kind == "note" and len(pairs) == 1 and pairs[0][1].startswith("ext:"):
                        found[name].append((company, pairs[0][0], _rest[1]))
            self._axes_by_concept = dict(found)
        companies: dict[str, set[str]] = defaultdict(set)
        facts: dict[str, int] = defaultdict(int)
        for company, axis, count in self._axes_by_concept.get(self._key(concept), ()):
            if company != exclude_company:
                companies[axis].add(company)
                facts[axis] += count
        ranked = sorted(companies, key=lambda a: (-len(companies[a]), -facts[a], a))
        return [a for a in ranked if len(companies[a]) >= min_companies]

    def learned_member_axis(self, member: str, *, exclude_company: str | None = None,
                            min_companies: int = 2) -> str | None:
        """The axis the official filings put a standard member on, when at least
        ``min_companies`` companies agree (MoneyMarketFundsMember: FinancialInstrumentAxis,
        where the taxonomy's own roles mostly use InvestmentTypeAxis)."""
        if self._axes_by_member is None:
            found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
            for rows in self._learned.values():
                for company, _, dims, *_rest in rows:
                    for pair in dims.split(";"):
                        axis, _, name = pair.partition("=")
                        if name and not name.startswith("ext:") and name != "typed":
                            found[name][axis].add(company)
            self._axes_by_member = {m: dict(axes) for m, axes in found.items()}
        axes = {a: len(c - {exclude_company}) for a, c in self._axes_by_member.get(self._key(member), {}).items()}
        best = max(axes.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        return best[0] if best and best[1] >= min_companies else None

    def learned_fuzzy(self, statement: str | None, label: str, *, exclude_company: str | None = None,
                      min_score: float = 0.5, limit: int = 10) -> list[tuple[str, float, int]]:
        """(concept, best label similarity, fact count) from learned labels close to ``label``.

        For labels no filing used verbatim: "Purchases of property and equipment" finds
        what companies tagged "Purchases of property, plant and equipment". Similarity is
        the IDF-weighted token overlap of ``search_label``; concepts rank by their closest
        label (to two decimals), then by the facts behind the close labels.
        """
        query = label_tokens(label)
        if not query:
            return []
        memo_key = (statement, query, exclude_company, min_score, limit)
        if memo_key in self._fuzzy_memo:  # a third of a filing's searches repeat a label: once per process
            return self._fuzzy_memo[memo_key]
        mask = None
        if statement:
            mask = self._statement_masks.get(statement)
            if mask is None:  # a kind no filing had
                return []
        scores = self._learned_index.scores(query, mask, floor=min_score)
        best: dict[str, tuple[float, int]] = {}
        for key, score in scores.items():
            kind, _, learned_label = key.partition("\t")
            for concept, count in _count_concepts(
                    (row[1], row[4]) for row in self._learned[(kind, learned_label)]
                    if exclude_company is None or row[0] != exclude_company):
                old_score, old_count = best.get(concept, (0.0, 0))
                best[concept] = (max(old_score, score), old_count + count)
        ranked = sorted(best.items(), key=lambda kv: (-round(kv[1][0], 2), -kv[1][1], kv[0]))
        found = [(c, round(s, 4), n) for c, (s, n) in ranked[:limit]]
        return _remembered(self._fuzzy_memo, memo_key, found)

    def learned_cell(self, places: tuple[str, ...], text: str, *, exclude_company: str | None = None,
                     min_score: float = 0.9) -> list[tuple[str, str, float, float]]:
        """(axis, member or concept, companies, similarity) the official filings' note tables
        gave a header cell, row label or heading like ``text`` (``places``: column, row,
        section, column_concept), most companies first. Members are standard names or
        "ext" (a company's own member); a concept comes with an empty axis. Kept per caption:
        a note's columns and rows repeat theirs."""
        memo_key = (places, text, exclude_company, min_score)
        if memo_key in self._cell_memo:
            return self._cell_memo[memo_key]
        norm = normalize_label(text)
        found: dict[tuple[str, str], tuple[set[str], float]] = {}

        def add(key: tuple[str, str], score: float) -> None:
            for company, axis, value, _ in self._cells.get(key, ()):
                if company == exclude_company:
                    continue
                companies, best = found.get((axis, value), (set(), 0.0))
                found[(axis, value)] = (companies | {company}, max(best, score))

        for place in places:
            add((place, norm), 1.0)
        if not found and (tokens := label_tokens(norm)):
            for key, score in self._cells_index.scores(tokens, floor=min_score).items():
                place, _, learned = key.partition("\t")
                if place in places:
                    add((place, learned), score)
        ranked = sorted(found.items(), key=lambda kv: (-len(kv[1][0]) * kv[1][1], kv[0]))
        return _remembered(self._cell_memo, memo_key, [(axis, value, float(len(companies)), score)
                                                      for (axis, value), (companies, score) in ranked])


class TokenIndex:
    """Inverted index from label tokens to keys, scored by IDF-weighted Dice overlap.

    Overlaps add up in numpy arrays, in the query's token order as a Python loop would (so
    to the same floats): common tokens ("net", "total", "income") post to a thousand
    entries or more, and a Python loop over them was most of the mapping stage.
    """

    # Scores closer than this to the last one kept may round (to 9 places) into a tie with it.
    ROUNDING_MARGIN = 1e-8

    def __init__(self, entries: list[tuple[str, tuple[str, ...]]]):
        postings: dict[str, list[int]] = defaultdict(list)
        for i, (_, tokens) in enumerate(entries):
            for t in tokens:
                postings[t].append(i)
        n = len(entries) or 1
        # token -> (start, end) in one array of entry numbers: a handful of arrays unpickle
        # faster than one per token
        self.postings: dict[str, tuple[int, int]] = {}
        start = 0
        for t, ids in postings.items():
            self.postings[t] = (start, start + len(ids))
            start += len(ids)
        self.entries = np.array([i for ids in postings.values() for i in ids], dtype=np.intp)
        self.idf = {t: math.log(1 + n / len(ids)) for t, ids in postings.items()}
        self.keys = [key for key, _ in entries]
        self.weights = np.array([sum(self.idf[t] for t in tokens) for _, tokens in entries], dtype=np.float64)
        self.unseen_idf = math.log(1 + n)  # a query word no label uses counts as the rarest

    def _entry_scores(self, query: tuple[str, ...], mask) -> tuple[np.ndarray, np.ndarray]:
        """(entries, scores 0..1) of the entries sharing a token with ``query``, where ``mask`` is true.

        Query words that no label uses weigh as much as the rarest word, so "Hosted
        services" is a weak match for "Service [Member]", not a perfect one.
        """
        q_weight = sum(self.idf.get(t, self.unseen_idf) for t in query)
        overlap = np.zeros(len(self.keys))
        for t in query:
            span = self.postings.get(t)
            if span is not None:
                overlap[self.entries[span[0]:span[1]]] += self.idf[t]
        shared = overlap > 0
        entries = np.flatnonzero(shared & mask if mask is not None else shared)
        return entries, 2 * overlap[entries] / (q_weight + self.weights[entries])

    def _best(self, entries: np.ndarray, scores: np.ndarray) -> dict[str, float]:
        best: dict[str, float] = {}
        for i, score in zip(entries.tolist(), scores.tolist()):
            key = self.keys[i]
            if score > best.get(key, 0.0):
                best[key] = score
        return best

    def scores(self, query: tuple[str, ...], mask=None, *, floor: float = 0.0) -> dict[str, float]:
        """Best score per key sharing a token with ``query``, at least ``floor``; ``mask``
        (a boolean per entry) filters entries."""
        entries, scores = self._entry_scores(query, mask)
        if floor > 0:
            kept = scores >= floor
            entries, scores = entries[kept], scores[kept]
        return self._best(entries, scores)

    def top(self, query: tuple[str, ...], limit: int, mask=None) -> dict[str, float]:
        """Like ``scores``, but only the keys that can rank among the best ``limit`` when
        scores are compared rounded to 9 places (ties are the caller's to break)."""
        entries, scores = self._entry_scores(query, mask)
        if len(entries) > limit > 0:
            seen: set[str] = set()
            for j in np.argsort(-scores, kind="stable").tolist():
                seen.add(self.keys[entries[j]])
                if len(seen) == limit:
                    kept = scores >= scores[j] - self.ROUNDING_MARGIN
                    entries, scores = entries[kept], scores[kept]
                    break
        return self._best(entries, scores)


def _count_concepts(pairs) -> list[tuple[str, int]]:
    """(concept, count) pairs summed per concept, most used first."""
    counts: dict[str, int] = defaultdict(int)
    for concept, count in pairs:
        counts[concept] += count
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def _split_camel(name: str) -> str:
    return " ".join(_CAMEL.findall(name))


MEMO_LIMIT = 50_000  # answers a search memo keeps: bounds the memory of a long batch process


def _remembered(memo: dict, key, found: list) -> list:
    """``found``, kept in ``memo`` under ``key`` while the memo has room."""
    if len(memo) < MEMO_LIMIT:
        memo[key] = found
    return found


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a catalog CSV; '#' lines at the top carry the source notice."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            lines = itertools.dropwhile(lambda line: line.startswith("#"), fh)
            return list(csv.DictReader(lines))
    except OSError as exc:
        raise CatalogError(f"cannot read catalog file {path}: {exc.strerror or exc}",
                           hint="rebuild with taxonomy_maps/scripts/build_catalog.py") from exc


def _release_dir(release: str) -> Path:
    folder = MAPS_DIR / release
    if not (folder / CONCEPT_FILES["us-gaap"]).exists():
        raise CatalogError(f"no taxonomy catalog for release {release!r} in {MAPS_DIR}")
    return folder


def _fingerprint(folder: Path) -> str:
    """Hash of the data files and of the code that shapes the pickle (this module, the model)."""
    digest = hashlib.sha256()
    for module in (Path(__file__), Path(model.__file__)):
        digest.update(module.read_bytes())
    for name in DATA_FILES:
        path = folder / name
        if path.exists():
            digest.update(name.encode() + path.read_bytes())
        elif name not in OPTIONAL_FILES:
            raise CatalogError(f"catalog file missing: {path}")
    return digest.hexdigest()[:24]


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "xbrlconv"


def _read_cache(path: Path) -> Catalog | None:
    """A pickled catalog, or None when absent or unreadable (then it is rebuilt from CSV)."""
    try:
        with open(path, "rb") as fh:
            cached = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return cached if isinstance(cached, Catalog) else None


@functools.lru_cache(maxsize=None)
def _load_cached(release: str) -> Catalog:
    folder = _release_dir(release)
    cache_file = _cache_dir() / f"catalog-{release}-{_fingerprint(folder)}.pickle"
    catalog = _read_cache(cache_file)
    if catalog is None:
        catalog = Catalog._parse(release, folder)
        try:
            _atomic.write_bytes(cache_file, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
        except ConverterError:
            return catalog  # a read-only cache folder only costs start-up time next run
        _remove_stale_caches(cache_file, release)
    return catalog


KEPT_CACHES = 3  # two checkouts of different versions side by side keep their own pickles


def _remove_stale_caches(current: Path, release: str) -> None:
    """Drop all but the newest few pickles of the release's data (about 11 MB each)."""
    others = sorted(((_mtime(p), p) for p in current.parent.glob(f"catalog-{release}-*.pickle") if p != current),
                    reverse=True)
    for _, old in others[KEPT_CACHES - 1:]:
        try:
            old.unlink()
        except OSError:
            continue  # another process may hold or have removed it; it is only a cache


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0  # removed meanwhile by another process


def optional_catalog() -> Catalog | None:
    """The catalog, or None when its data cannot be loaded: for callers that only want
    labels and types to describe facts, and work on without them."""
    try:
        return Catalog.load()
    except ConverterError:
        return None
