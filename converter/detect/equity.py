"""Equity statement columns: which component (and shares or amount) each column holds.

Headers of copied statements are often cut ("Common StockTreasury StockAdditional"), so
the columns are matched by evidence, strongest first: a "Balance as of <date>" row whose
number equals a balance-sheet line at that date names the component of that column; the
header's component words fix the order of the rest; a share-count column sits just left
of its amount column; the last column is the total when it sums the amount columns.
"""
from __future__ import annotations

from collections import Counter
import csv
import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from converter.model import Column, Instant, LineItem, QName, RawTable, Table

MAPS = Path(__file__).resolve().parents[2] / "taxonomy_maps"
AXIS_NAME = "us-gaap:StatementEquityComponentsAxis"
AXIS = QName.std(AXIS_NAME)
# what member rules bound to AOCI tables ask of a table: its components are AOCI's
AOCI_TABLE = "accumulated other comprehensive income"
STOCK_COMPONENTS = {"common_stock", "preferred_stock", "treasury_stock"}
SHARES_CAPTION = re.compile(r"(?:^|\|\s*|\b)shares\s*\|?\s*amount(?:\b|(?-i:(?=[A-Z])))", re.I)  # "Shares | Amount", copied "SharesAmountPar"


@lru_cache(maxsize=1)
def components() -> list[dict]:
    with open(MAPS / "detect" / "equity_components.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["header_re"] = re.compile(r["header_pattern"], re.I)
        r["balance_re"] = re.compile(r["balance_pattern"], re.I)
    return rows


def cell_value(cell) -> Decimal | None:
    """A cell's number as shown (parentheses as minus), None for no cell or no number."""
    return None if cell is None else cell.shown


def _balance_sheet_matches(items: list[LineItem], bs: Table | None) -> dict[int, tuple[str, str]]:
    """column -> (component, evidence) where a balance row equals a balance-sheet line."""
    if bs is None:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for it in items:
        if not isinstance(it.period_override, Instant):
            continue
        bs_col = next((c.index for c in bs.columns if c.period == it.period_override), None)
        if bs_col is None:
            continue
        for c, cell in enumerate(it.cells):
            v = cell_value(cell)
            if v is None or c in found or v == 0:
                continue
            for row in bs.rows:
                if bs_col >= len(row.cells) or cell_value(row.cells[bs_col]) is None:
                    continue
                if abs(cell_value(row.cells[bs_col])) != abs(v):
                    continue
                comp = next((k["component"] for k in components() if k["balance_re"].search(row.label)), None)
                if comp:
                    found[c] = (comp, f"equals balance-sheet line '{row.label}' at {it.period_override}")
                    break
    return found


def _header_order(raw: RawTable) -> list[str]:
    text = " ".join(raw.header)
    hits = []
    for k in components():
        if k["component"] == "total":
            continue
        m = k["header_re"].search(text)
        if m:
            hits.append((m.start(), k["component"]))
    return [c for _, c in sorted(hits)]


SHARES_WORD = re.compile(r"\bshares\b|\bnumber of\b", re.I)
CLASS_WORD = re.compile(r"\bclass ([a-c])\b", re.I)
TOTAL_CAPTION = re.compile(r"^total\b", re.I)
AMOUNT_WORD = re.compile(r"\bamount\b", re.I)
AMOUNTS_CAPTION = re.compile(r"amounts?", re.I)  # a whole caption
SHARES_TEXT = re.compile(r"shares", re.I)  # a whole caption, or the word anywhere
SHARES_ONLY = re.compile(r"(?:number of )?shares(?: outstanding| issued)?", re.I)  # a share count's caption alone
STATEMENT_LINE = re.compile(r"statements? of", re.I)
GAP_WORD = re.compile(r"[^\s/]+")
AMOUNT_ANYWHERE = re.compile(r"amount", re.I)
STACK_NOISE = re.compile(r"^\(?(?:in |\$ in |amounts in )|^(?:shares|amount|amounts|number of shares)$|statements? of", re.I)


def _component_of(caption: str) -> str | None:
    comp = next((k for k in components() if k["header_re"].search(caption)), None)
    if comp is None:
        return "total" if TOTAL_CAPTION.match(caption) else None
    return comp["component"]


def _named_component(caption: str) -> str | None:
    """The component a caption's own words name, not a "Total ..." that names no part."""
    return next((k["component"] for k in components() if k["component"] != "total" and k["header_re"].search(caption)),
                None)


def _stack_component(parts: list[str]) -> tuple[str | None, bool]:
    """The component a column's stacked header cells name, and whether it took all of them
    to name it: the lowest naming cell first, else the cells read as one caption where the
    filing broke its words over rows ("Accumulated Other" over "Comprehensive Loss"; "Total
    Halvorsen" over "Shareholders' Equity" is the parent's total, not the statement's)."""
    comp = next((c for p in reversed(parts) if (c := _component_of(p)) is not None), None)
    if comp in (None, "total") and len(parts) > 1:
        joined = _named_component(" ".join(parts))
        if joined is not None and (comp is None or joined == "parent"):
            return joined, True
    return comp, False


def _stacked_captions(raw: RawTable) -> list[tuple[str, bool, str, tuple]] | None:
    """(component, shares, caption, extra) per column from the header cells over it (extra:
    the one class of stock of a common stock column, or the caption naming which part of
    AOCI an AOCI column holds), the lowest naming cell first ("Class A" under "Common Stock" is common stock of
    class A; "Stockholders' Equity" over a group names none of them); one column named by
    no standard component is the company's own; None when more are, or a column has no
    caption."""
    if len(raw.column_headers) != raw.ncols:
        return None
    found = []
    seen_shares: set[str] = set()
    unnamed = 0
    for stack in raw.column_headers:
        parts = [p for p in stack if not STACK_NOISE.search(p)]
        comp, whole = _stack_component(parts)
        if comp is None:  # "Reserve for ESOP Debt Retirement": a component of the company's own
            unnamed += 1
            comp = f"component_{len(found) + 1}"
            if unnamed > 1 or not parts:
                return None
        shares = any(SHARES_WORD.search(p) and not AMOUNT_WORD.search(p) for p in stack) and \
            not any(AMOUNTS_CAPTION.fullmatch(p.strip()) for p in stack)
        caption = parts[-1] if comp.startswith("component_") else " ".join(parts)  # its own words, not the period's
        named = {m.lower() for m in CLASS_WORD.findall(caption)}
        klass = named.pop() if len(named) == 1 and comp == "common_stock" else None  # one class's common stock
        if shares and comp in seen_shares and not any(SHARES_TEXT.fullmatch(p.strip()) for p in stack):
            shares = False  # "Common shares" again, right of its share counts: the amount
        if shares:
            seen_shares.add(comp)
        extra = (f"class {klass}",) if klass else ()
        if comp == "aoci" and not whole:  # "Foreign Currency Translation" under "Accumulated Other Comprehensive Income"
            extra = tuple(p for p in parts if _component_of(p) is None)[-1:]
        found.append((comp, shares, caption, extra))
    return found


def _from_captions(raw: RawTable, cols: list[Column]) -> list[Column] | None:
    """Columns captioned one by one ("Common shares outstanding | Common stock | Treasury
    stock | ... | Total"), by the header cells over each column where the reader saw the
    grid: each caption names its component, and "shares" a share column."""
    from converter.detect import column_labels
    from converter.mapping.rules import match_member

    found = _stacked_captions(raw) or _named_by_column_labels(raw, cols)
    if found is None:
        captions = column_labels(raw)
        if not captions:
            return None
        comps = [_component_of(caption) for caption in captions]
        parts: set[int] = set()  # columns of a part of AOCI
        if None in comps and any(_component_of(line) == "aoci" for line in raw.header):
            # copied text: "Accumulated Other Comprehensive Income (Loss)" spanned its parts'
            # captions ("Net Unrealized Gains (Losses) on Investments") and stands over none
            parts = {k for k, (comp, caption) in enumerate(zip(comps, captions))
                     if comp is None and match_member(caption, AXIS_NAME, table=AOCI_TABLE) is not None}
            comps = ["aoci" if k in parts else comp for k, comp in enumerate(comps)]
        if None in comps:
            comps = _pairs_under_stock(raw, captions, comps)
        if None in comps:
            return None  # a caption we cannot place: use the other evidence instead
        # "Common shares | Treasury shares | Common shares": a component named again to the
        # right of its "shares" caption has its share count first, its amount second
        found = [(comp, bool(SHARES_WORD.search(caption)) and (comp in comps[k + 1:] or comp not in comps[:k]),
                  caption, (caption,) if k in parts else ()) for k, (comp, caption) in enumerate(zip(comps, captions))]
    classes = {c: match_member(c, "us-gaap:StatementClassOfStockAxis") for _, _, _, extra in found for c in extra}
    aoci_parts = {c: match_member(c, AXIS_NAME, table=AOCI_TABLE)
                  for comp, _, _, extra in found if comp == "aoci" for c in extra}
    if not any(comp == "noncontrolling" for comp, _, _, _ in found) or found[-1][0] == "parent":
        # without a noncontrolling column (or in the last column) the stockholders' equity
        # total is the total
        found = [("total" if comp == "parent" and (k == len(found) - 1 or not any(
            c == "noncontrolling" for c, _, _, _ in found)) else comp, shares, caption, extra)
            for k, (comp, shares, caption, extra) in enumerate(found)]
    out = []
    for col, (comp, shares, caption, extra) in zip(cols, found):
        member = next((k["member"] for k in components() if k["component"] == comp), "")
        part = aoci_parts.get(extra[0]) if extra and comp == "aoci" else None
        if part is not None and part.member:
            member = part.member  # the AOCI component the column holds
        dims = _component_dims(member, classes.get(extra[0]) if extra and comp != "aoci" else None)
        out.append(replace(col, component=comp, is_shares=shares, members=dims, header=caption,
                           period_evidence=col.period_evidence + f"; component: column caption '{caption}'"))
    return out


PERIOD_LINE = re.compile(r"\b(?:months|weeks|years?|quarters?) ended\b.*\b(?:19|20)\d\d\b", re.I)
PAIR_CAPTION = re.compile(r"shares|amount|par value", re.I)  # a stock's "Shares | Amount" pair


def _named_by_column_labels(raw: RawTable, cols: list[Column]) -> list[tuple[str, bool, str, tuple]] | None:
    """Copied text whose columns detection captioned one by one, the header's run-together
    words grouped as filers caption ("CommonStockTreasuryStock...Stockholders'Equity" under
    "Number of SharesAccumulatedTotal"): each caption names its component, alone or after a
    piece of the line above, naming none itself, that heads several ("Accumulated" + "Other
    Comprehensive Loss", "Total" + "Stockholders' Equity"); under a "Number of Shares" caption, a stock named again
    further right has its share count first. None unless every caption names one, and no
    caption is half of a "Shares | Amount" pair, and each component heads one column (a stock
    two: its share count and its amount under "Number of Shares"), the total the last."""
    from converter.detect import split_header_pieces

    captions = [col.label for col in cols]
    if raw.column_headers or not all(captions) or any(PAIR_CAPTION.fullmatch(c.strip()) for c in captions):
        return None
    above = [p for line in raw.header[-2:-1] for p in split_header_pieces(line) if _named_component(p) is None]
    comps = [_component_of(caption) or
             next((named for a in above if (named := _named_component(f"{a} {caption}")) is not None), None)
             for caption in captions]
    over_shares = any(SHARES_WORD.search(line) for line in raw.header[-3:-1])
    counts = Counter(comps)
    if None in comps or "total" in comps[:-1] or \
            any(n > (2 if comp in STOCK_COMPONENTS and over_shares else 1) for comp, n in counts.items()):
        return None  # a caption read apart from its column: the header line's own reading places them
    return [(comp, over_shares and comp in STOCK_COMPONENTS and comp in comps[k + 1:], caption, ())
            for k, (comp, caption) in enumerate(zip(comps, captions))]


def _pairs_under_stock(raw: RawTable, captions: list[str], comps: list[str | None]) -> list[str | None]:
    """Copied text: "Common Stock Issued" (or "Common Shares ... Treasury Shares") spanned
    "Shares | Amount" pairs and stands over no column; each pair, left to right, is the next
    stock component the header line above the captions names."""
    lines = [line for line in raw.header if line]
    above = next((lines[k - 1] for k in range(1, len(lines)) if PAIR_CAPTION.match(lines[k])), "")
    stocks = [comp for comp, _ in _components_in_order(above) if comp in STOCK_COMPONENTS]
    out, pending = list(comps), iter(stocks)
    current = None
    for k, (comp, caption) in enumerate(zip(comps, captions)):
        if comp is not None or not PAIR_CAPTION.fullmatch(caption.strip()):
            current = None
            continue
        if current is None or SHARES_WORD.search(caption):
            current = next(pending, None)
        out[k] = current
    return out


def _component_dims(member: str, class_rule) -> tuple:
    """A column's members: its component's on the equity components axis, and the class
    of stock a member rule names for it (a class A column of common stock)."""
    dims = ((AXIS, QName.std(member)),) if member else ()
    if class_rule is not None and class_rule.member:
        dims += ((QName.std(class_rule.axis), QName.std(class_rule.member)),)
    return dims


# Where a header names the components in one run ("Common StockAdditional Paid-InCapital
# ... Total Equity"): stockholders' equity (the parent's total) and the grand total.
TEXT_PARENT = re.compile(r"(?:total ?)?(?:stockholders|shareholders|shareowners)['’]? ?equity", re.I)
TEXT_TOTAL = re.compile(r"\btotal ?(?:equity|deficit)?", re.I)
STOCK_SLOTS = {"common_stock", "preferred_stock", "treasury_stock", "common_apic"}
TEXT_CLASS = re.compile(r"class\s?([a-c])(?=class|\W|$)", re.I)
SCALE_NOTE = re.compile(r"\((?:in|\$ in|amounts in|dollars in)\b[^)]*\)", re.I)


# words a caption may have beside the words that name its component ("Accumulated Other
# Comprehensive Income (Loss)"): what is left between two captions names no column
CAPTION_FILLER = re.compile(r"\(?(?:income|loss(?:es)?|deficit|earnings|net|of|tax|and|the|capital|total|amount|"
                            r"shares|stock|in|excess|par|value|equity|class|[a-c]|interests?)\)?", re.I)


def _components_in_order(text: str, *, unnamed: bool = False) -> list[tuple[str, str]]:
    """(component, the words naming it) as a header names them, left to right: the
    longest mention wins where mentions overlap ("Stock and Additional Paid-In Capital"
    over "Common Stock" and "Additional"), and neighbouring mentions of one component are
    one ("Additional" "Paid-In Capital"). With ``unnamed``, words between two mentions that
    name no standard component ("Reserve for ESOP Debt Retirement") are a column of their
    own, ("unnamed", words)."""
    mentions = []
    for k in components():
        if k["component"] in ("total", "parent"):
            continue
        mentions += [(m.start(), m.end(), k["component"]) for m in k["header_re"].finditer(text)]
    mentions += [(m.start(), m.end(), "parent") for m in TEXT_PARENT.finditer(text)]
    mentions += [(m.start(), m.end(), "total") for m in TEXT_TOTAL.finditer(text)]
    taken: list[tuple[int, int, str]] = []
    for start, end, comp in sorted(mentions, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, comp))
    order: list[tuple[str, str]] = []
    last_end = None
    for start, end, comp in sorted(taken):
        gap = text[last_end:start].strip(" /-,;") if last_end is not None else ""
        last_end = end
        # three words or more, and not the company's name before its stockholders' equity
        if unnamed and comp != "parent" and \
                len([w for w in GAP_WORD.findall(gap) if not CAPTION_FILLER.fullmatch(w)]) >= 3:
            order.append(("unnamed", gap))
        if order and order[-1][0] == comp and not text[start:end].lower().startswith(("common", "treasury")):
            order[-1] = (comp, order[-1][1] + " " + text[start:end])
        else:
            order.append((comp, text[start:end]))
    return order


def _from_header_text(raw: RawTable, cols: list[Column]) -> list[Column] | None:
    """Copy-paste headers run the captions together over several lines ("COMMON
    STOCKCAPITAL IN EXCESS ... TOTAL" / "CLASS ACLASS B" / "SHARESAMOUNTSHARESAMOUNT"):
    the components in order, common stock split by the classes named, and the first stock
    components by the "shares | amount" pairs, must come to the number of columns."""
    from converter.detect.dates import CASE_CHANGE
    from converter.mapping.rules import match_member

    lines = [CASE_CHANGE.sub(r" \1", SCALE_NOTE.sub(" ", h)) for h in raw.header if not STATEMENT_LINE.search(h)]
    # a line naming only stockholders' equity is a caption over a group of columns
    named = [h for h in lines if [c for c, _ in _components_in_order(h)] not in ([], ["parent"])]
    if not named:
        return None
    order = _components_in_order(" ".join(named), unnamed=True)
    rest = " ".join(h for h in lines if h not in named)
    classes = [c.lower() for c in TEXT_CLASS.findall(rest)]
    pairs = len(SHARES_TEXT.findall(rest)) if AMOUNT_ANYWHERE.search(rest) else 0
    comps = [comp for comp, _ in order]
    found: list[tuple[str, bool, str]] = []
    for k, (comp, words) in enumerate(order):
        if comp == "unnamed":
            found.append((comp, False, words))  # the caption where a class of stock would be
            continue
        # "Common shares" named again further right: the first is the share count
        counted = "shares" in words.lower() and comp in comps[k + 1:]
        for klass in ([f"class {c}" for c in classes] if comp == "common_stock" and len(classes) > 1 else [""]):
            if pairs and comp in STOCK_SLOTS:
                found += [(comp, True, klass), (comp, False, klass)]
                pairs -= 1
            else:
                found.append((comp, counted, klass))
        if comp == "common_stock":
            classes = []
    if found and found[-1][0] == "parent":
        found[-1] = ("total", False, "")  # the last column: the statement's total
    found = _aoci_split(found, raw, named, len(cols))
    if len(found) != len(cols) or [comp for comp, _, _ in found].count("total") != 1:
        return None
    if not any(comp == "noncontrolling" for comp, _, _ in found):
        found = [("total" if comp == "parent" else comp, shares, klass) for comp, shares, klass in found]
    members = {k["component"]: k["member"] for k in components()}
    out = []
    for col, (comp, shares, klass) in zip(cols, found):
        dims = _component_dims(members.get(comp, ""), match_member(klass, "us-gaap:StatementClassOfStockAxis")
                               if klass and comp != "unnamed" else None)
        caption = comp.replace("_", " ") + (f" {klass}" if klass else "") + (" (shares)" if shares else "")
        header = col.header or caption
        if comp == "aoci" and klass:  # one component of AOCI, the caption under it names which
            part = match_member(klass, AXIS_NAME, table=AOCI_TABLE)
            dims = _component_dims(part.member, None)
            caption = header = klass
        if comp == "unnamed":  # its caption names the company's own component (mapping makes the member)
            comp, caption = f"component_{col.index + 1}", klass
            header = caption
        out.append(replace(col, component=comp, is_shares=shares, members=dims, header=header,
                           period_evidence=col.period_evidence + f"; component: header order, {caption}"))
    return out


def _aoci_split(found: list[tuple[str, bool, str]], raw: RawTable, named: list[str], n: int) -> list:
    """'Accumulated Other Comprehensive Income (Loss)' over 'Net Unrealized Gains (Losses) on
    InvestmentsForeign Currency Translation (Losses) Gains' on a header line below: one
    column per component of AOCI the captions name, where that makes the columns."""
    from converter.detect import split_header_pieces
    from converter.detect.dates import CASE_CHANGE
    from converter.mapping.rules import match_member

    at = [k for k, (comp, _, _) in enumerate(found) if comp == "aoci"]
    if len(at) != 1 or len(found) >= n:
        return found
    below = [h for h in raw.header if CASE_CHANGE.sub(r" \1", SCALE_NOTE.sub(" ", h)) not in named]
    parts = [p for h in below for p in split_header_pieces(h)
             if match_member(p, AXIS_NAME, table=AOCI_TABLE)]
    if len(parts) < 2 or len(found) - 1 + len(parts) != n:
        return found
    k = at[0]
    return found[:k] + [("aoci", False, part) for part in parts] + found[k + 1:]


def _looks_like_shares(values: list[Decimal], neighbour: list[Decimal], ratio: int = 100) -> bool:
    big = [abs(v) for v in values if v]
    small = [abs(v) for v in neighbour if v]
    return bool(big) and all(v == v.to_integral_value() for v in big) and (
        not small or max(big) > ratio * max(small))


def _captions(raw: RawTable) -> tuple[str, ...]:
    """The header lines from the first that names a component on: the captions of the
    columns, without the title, page or period lines above them, nor copied text's period
    line below them ("Three Months Ended September 30, 2024", the block's own)."""
    first = next((k for k, line in enumerate(raw.header)
                  if [c for c, _ in _components_in_order(line)] not in ([], ["parent"])), len(raw.header))
    return tuple(line for line in raw.header[first:] if not PERIOD_LINE.search(line))


def equity_columns(raw: RawTable, cols: list[Column], items: list[LineItem], bs: Table | None,
                   previous: Table | None) -> list[Column]:
    n = len(cols)
    captioned = _from_captions(raw, cols) or _from_header_text(raw, cols)
    if captioned is not None:
        return captioned
    matches = _balance_sheet_matches(items, bs)
    if not matches and previous is not None and previous.raw is not None \
            and _captions(previous.raw) == _captions(raw) and len(previous.columns) == n:
        # A second equity table laid out like the first (the prior-year statement).
        return [replace(col, component=p.component, is_shares=p.is_shares, members=p.members, header=p.header,
                        period_evidence=col.period_evidence + "; component: same layout as the table before")
                for col, p in zip(cols, previous.columns)]
    col_values = [[cell_value(it.cells[c]) or Decimal(0) for it in items if c < len(it.cells) and not it.is_abstract]
                  for c in range(n)]
    balances = [it for it in items if isinstance(it.period_override, Instant)]
    balance_values = [[cell_value(it.cells[c]) or Decimal(0) for it in balances if c < len(it.cells)]
                      for c in range(n)]
    shares_caption = any(SHARES_CAPTION.search(line) for line in raw.header)
    assigned: dict[int, tuple[str, bool, str]] = {}  # col -> (component, is_shares, evidence)
    for c, (comp, ev) in matches.items():
        assigned[c] = (comp, False, ev)
    # The last column is the total when it sums the other amount columns in every row.
    last = n - 1
    if last not in assigned or assigned[last][0] == "total":
        amount_cols = [c for c in range(n - 1) if not (c + 1 < n and _looks_like_shares(col_values[c], col_values[c + 1]))]
        if all(sum(col_values[c][r] for c in amount_cols) == col_values[last][r] for r in range(len(col_values[last]))):
            assigned[last] = ("total", False, "sums the amount columns in every row")
    order = _header_order(raw)
    c = 0
    while c < n:
        if c in assigned:
            c += 1
            continue
        run_end = c
        while run_end + 1 < n and run_end + 1 not in assigned:
            run_end += 1
        left = next((assigned[k][0] for k in range(c - 1, -1, -1) if k in assigned), None)
        right = next((assigned[k][0] for k in range(run_end + 1, n) if k in assigned), None)
        run = list(range(c, run_end + 1))
        if len(run) == 1 and right in STOCK_COMPONENTS | {"common_apic", "apic"} and run_end + 1 in assigned and (
                _looks_like_shares(col_values[c], col_values[run_end + 1]) or
                # the balances alone: movement rows copied without their empty cells sit anywhere,
                # and a par value stock ($10 for 941 million shares) is not 100 times smaller
                _looks_like_shares(balance_values[c], balance_values[run_end + 1], ratio=20) or
                # a "Shares | Amount" caption over a whole-number column
                (shares_caption and _looks_like_shares(balance_values[c], [], 1)) or
                # a column captioned "Shares" left of the amount (174.8 million shares beside $175)
                SHARES_ONLY.fullmatch(cols[c].label.strip()) is not None):
            right = "common_stock" if right == "apic" and shares_caption else right
            assigned[c] = (right, True, f"share counts beside the {right.replace('_', ' ')} amount column")
        else:
            lo = order.index(left) + 1 if left in order else 0
            hi = order.index(right) if right in order else len(order)
            between = [k for k in order[lo:hi] if k not in {v[0] for v in assigned.values()}]
            if len(between) == 1 and len(run) == 2 and between[0] in STOCK_COMPONENTS:
                assigned[run[0]] = (between[0], True, "header order; share counts left of the amount")
                assigned[run[1]] = (between[0], False, "header order; amount right of the share counts")
            else:
                for k, col in enumerate(run):
                    comp = between[k] if k < len(between) else f"component_{col + 1}"
                    assigned[col] = (comp, False, "header order" if k < len(between) else "no evidence")
        c = run_end + 1
    members = {k["component"]: k["member"] for k in components()}
    parents = sorted(c for c, (comp, _, _) in assigned.items() if comp == "parent")
    if len(parents) > 1:  # "Total Walmart shareholders' equity" then "Total shareholders' equity"
        comp, shares, ev = assigned[parents[-1]]
        assigned[parents[-1]] = ("total", shares, ev + "; the last of two equity totals")
    # without a noncontrolling column, or right of it ("Noncontrolling Interest | Total
    # Shareholders' Equity" matching the balance sheet's total), stockholders' equity is the total
    last_noncontrolling = max((c for c, (comp, _, _) in assigned.items() if comp == "noncontrolling"), default=-1)
    assigned = {c: ("total" if comp == "parent" and c > last_noncontrolling else comp, shares, ev)
                for c, (comp, shares, ev) in assigned.items()}
    out = []
    for col in cols:
        comp, shares, ev = assigned[col.index]
        member = members.get(comp, "")
        label = {"apic": "Additional Paid-in Capital", "aoci": "Accumulated Other Comprehensive Income"}.get(
            comp, comp.replace("_", " ").title())
        dims = ((AXIS, QName.std(member)),) if member else ()
        out.append(replace(col, component=comp, is_shares=shares, members=dims,
                           header=col.header or label + (" (shares)" if shares else ""),
                           period_evidence=col.period_evidence + f"; component: {ev}"))
    return out
