"""Numbers printed inside a balance sheet label, and the rate in a debt instrument's.

"Common stock, $0.01 par value; 1,400,000,000 shares authorized; 1,113,174,759 and
1,113,018,733 shares issued" carries five facts in its label, none in a value column.
Each number is read with what it counts (par value, shares authorized, issued,
outstanding, in treasury; allowances and accumulated depreciation netted from an asset; the
amortized cost or fair value of securities carried at the other)
and the value column whose date it belongs to: "X and Y ..., respectively" follows the
columns; one number belongs to the first column. The mapper turns the kinds into
concepts with the rules of ``taxonomy_maps/<release>/label_number_rules.csv``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from converter.model import LabelNumber, RawCell

MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(rf"\b{MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\b", re.I)
# ... or "$—", a zero in a list of amounts ("net of tax of $—, $65, $(10) and $235")
NUMBER = re.compile(r"(?P<dollar>\$\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<=\$)[—–]|(?<=\$ )[—–])"
                    r"(?:\s+(?P<mult>million|billion)\b)?")
DASHES = frozenset("—–")
# kinds that are amounts, shown in the table's scale
AMOUNT_KINDS = frozenset({"allowance", "accumulated_depreciation", "tax", "tax_expense", "tax_benefit",
                          "amortized_cost", "fair_value", "liquidation_preference"})
# between two numbers of one pair: "and", "and of", " shares at <date> and", "as of <date> and"
PAIR = re.compile(r"^[^;:$\d(),]*\band\b[^;:$\d()]*$", re.I)
# between the numbers of a list, one per column: "$159, $(110), and $(2,086)", "$16 in 2024, $(19) in 2023"
LIST = re.compile(r"^(?:[\s,()]|and\b|in\s+#+|million\b)*$", re.I)
CLASS_NAME = re.compile(r"\bclass\s+[a-z](?:-\d)?\s*$", re.I)  # "Class B-1 ...", "(Class A 5,899, ...)"
CLASS_COUNT = re.compile(r"\b(?P<klass>class\s+[a-z](?:-\d)?)\s+(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                         r"(?:\s+(?P<mult>million|billion)\b)?", re.I)
CLASS_GROUP = re.compile(r"\(\s*class\s+[a-z](?:-\d)?\s+[\d,.]+(?:\s*(?:,|;|,?\s*and)\s*class\s+[a-z](?:-\d)?\s+[\d,.]+)+"
                         r"\s*\)", re.I)
MULTIPLIER = {"million": 6, "billion": 9}

# What a number counts: the nearest of these words after it (in its clause), or, failing
# that, the first of them right before it.
KINDS = (
    ("par_value", re.compile(r"^\W{0,3}par value", re.I), re.compile(r"par value\W{0,4}$", re.I)),
    # "($1.30 per share)", "$0.52 per class A common stock"
    ("per_share", re.compile(r"^\W{0,3}per (?:class [a-z](?:-\d)? )?(?:common |ordinary )?(?:share|common stock)", re.I),
     None),
    ("issued_outstanding", re.compile(r"\bissued and outstanding", re.I), None),
    ("authorized", re.compile(r"\bauthorized", re.I), re.compile(r"authorized\W{0,4}$", re.I)),
    ("issued", re.compile(r"\bissued(?! and outstanding)", re.I), re.compile(r"issued\W{0,4}$", re.I)),
    ("outstanding", re.compile(r"\boutstanding", re.I), re.compile(r"outstanding\W{0,4}$", re.I)),
    ("allowance", None, re.compile(r"allowances?\b[^;$]{0,60}$", re.I)),
    # "net of tax expense (benefit) of $16": a shown tax expense; "net of income tax benefit
    # (expense) of $1,056": a shown benefit; "net of tax of $159": either (the mapping decides)
    ("tax_expense", None, re.compile(r"\btax(?:es)? expense(?: \(benefit\))? of\W*$", re.I)),
    ("tax", None, re.compile(r"\btax(?:es)? of\W*$", re.I)),
    ("tax_benefit", None, re.compile(r"\btax(?:es)? benefit(?: \(expense\))? of\W*$", re.I)),
    ("accumulated_depreciation", None, re.compile(r"accumulated (?:depreciation|amortization)[^;$]{0,60}$", re.I)),
    # a bank's securities: "at fair value (amortized cost of $612,480 and $598,310)",
    # "held to maturity (fair value of $79,305 and $81,772)"
    ("amortized_cost", None, re.compile(r"\bamortized cost(?: basis)? of\W*$", re.I)),
    ("fair_value", None, re.compile(r"\bfair (?:market )?values? of\W*$", re.I)),
    # "(liquidation preference of $115,000)": the amount the preferred shares are entitled to
    ("liquidation_preference", None, re.compile(r"liquidation (?:preference|value)(?: of)?\W{0,4}$", re.I)),
)
TREASURY = re.compile(r"treasury", re.I)
PERCENT_AFTER = re.compile(r"^\s?%")
# kinds whose one printed number, when the label gives no second, holds at every balance
# date the columns show ("$0.01 par value", "7,040 shares issued" over two dates)
EVERY_DATE = frozenset({"par_value", "authorized", "issued", "outstanding", "issued_outstanding", "treasury",
                        "liquidation_preference"})
SHARES = re.compile(r"^[^;$]{0,12}?shares\b", re.I)
SHARES_BEFORE = re.compile(r"shares\W{0,4}$", re.I)  # "... treasury shares: 1,234"
ENDS_WITH_AND = re.compile(r"\band\W*$")  # a pair of numbers that goes on past the text's end
FIGURE = re.compile(r"\b\d[\d,.]*\b")
CLAUSE_END = re.compile(r"[;$]")
AND_OR_FIGURE = re.compile(r"\s*\band\b\s*|\d[\d,.]*")


def label_numbers(label: str, locator: str, ncols: int, scale: int, shares_scale: int, *,
                  continued: bool = False) -> tuple[LabelNumber, ...]:
    """The numbers of a label with their kinds and columns; () when it prints none we know.

    A label wrapped over two rows ("...; 1,113,174,759 and" / "1,113,018,733 issued; ...")
    is read as its rows: the dangling first number of a pair is left out, and ``continued``
    says the row starts with the pair's second number (the second column's).
    """
    masked = DATE.sub(lambda m: "#" * len(m.group()), label)
    # "12,460 (Class A 5,899, Class B 870, Class C 5,691) and 12,211 (...)": each class's part
    # of the count before it; read apart, and blanked so the pair around them is seen
    parts = {m.start(): [(c.group("klass"), c) for c in CLASS_COUNT.finditer(masked, m.start(), m.end())]
             for m in CLASS_GROUP.finditer(masked)}
    for start in parts:
        end = masked.index(")", start) + 1
        masked = masked[:start] + " " * (end - start) + masked[end:]
    found = [m for m in NUMBER.finditer(masked) if not CLASS_NAME.search(masked[:m.start()])]
    owner = {id(max((m for m in found if m.end() <= start), key=lambda m: m.end(), default=None)): pieces
             for start, pieces in parts.items()}
    if found and ENDS_WITH_AND.search(label[found[-1].end():]):  # (a masked year is no pair's end)
        found = found[:-1]  # "... 1,113,174,759 and": its pair continues on the next row
    first_column = 1 if continued and found and not masked[:found[0].start()].strip(" $") else 0
    out: list[LabelNumber] = []
    i = 0
    while i < len(found):
        group = [found[i]]
        while i + 1 < len(found) and len(group) < max(ncols, 1):
            between = masked[group[-1].end():found[i + 1].start()].replace("$", "")
            if not LIST.match(between):
                named = _ahead_kind(masked[found[i + 1].end():])
                # "1,056 and 1,035 shares issued ..., and 962 and 971 shares outstanding": a number
                # whose own words name another count starts a new group
                if not PAIR.match(between) or (named and named != _ahead_kind(between)):
                    break
            i += 1
            group.append(found[i])
        i += 1
        after = masked[group[0].end():found[i].start() if i < len(found) else len(masked)]
        before = masked[:group[0].start()]
        # "6.375% Series A Cumulative Redeemable Preferred Stock": a rate, whatever words follow
        kind = "percent" if PERCENT_AFTER.match(after) else _kind(after, before, label)
        if kind is None:
            continue
        start = first_column if group[0] is found[0] else 0
        for column, m in enumerate(group, start=start):
            number = _number(m, kind, scale, shares_scale)
            if number is None:
                continue
            value, shown_scale = number
            negative = masked[:m.start()].rstrip("$ ").endswith("(") and masked[m.end():].lstrip().startswith(")")
            cell = RawCell(m.group("num"), value, negative_shown=negative, is_dash=m.group("num") in DASHES,
                           locator=locator, percent=kind == "percent")
            every = len(group) == 1 and start == 0 and kind in EVERY_DATE
            for klass, piece in [(_clause_class(masked, m.start()), m)] + owner.get(id(m), []):
                if klass:
                    cell = RawCell(piece.group("num"), _number(piece, kind, scale, shares_scale)[0], locator=locator)
                out.append(LabelNumber(cell, kind, column, shown_scale, klass=klass))
                if every:
                    first = len(out) - 1  # "$0.01 par value", "4,000,000,000 shares authorized": every date's
                    out.extend(LabelNumber(cell, kind, c, shown_scale, repeats=first, klass=klass)
                               for c in range(1, ncols))
    for cell, kind in _none_issued(label, locator, {n.kind for n in out}):
        first = len(out)
        out.append(LabelNumber(cell, kind, 0))
        out.extend(LabelNumber(cell, kind, c, repeats=first) for c in range(1, ncols))
    # "X shares issued and outstanding" states two counts: the shares issued are the same number
    # (filers tag both), nested around the one printed number
    out.extend(LabelNumber(n.cell, "issued", n.column, n.scale, repeats=j if n.repeats is None else n.repeats,
                           klass=n.klass)
               for j, n in enumerate(list(out)) if n.kind == "issued_outstanding")
    return tuple(out)


# "no shares issued and outstanding", "none issued": a count of zero in words
NONE_ISSUED = re.compile(r"\b(?P<word>[Nn]one|[Nn]o)(?=(?:\s+shares)?\s+(?P<what>issued(?:\s+(?:and|or)\s+outstanding)?"
                         r"|outstanding)\b)")


def _none_issued(label: str, locator: str, kinds: set[str]) -> list[tuple[RawCell, str]]:
    """The zero counts a label states in words ("$0.001 par value; 100 shares authorized; no
    shares issued and outstanding"), true at every column's date, with their kinds; not where
    a number already counts the same, nor where the word is not the label's first such text
    (the writers tag the first)."""
    out = []
    for m in NONE_ISSUED.finditer(label):
        what = m.group("what")
        kind = "issued_outstanding" if "outstanding" in what and "issued" in what else \
            "issued" if "issued" in what else "outstanding"
        if kind not in kinds and label.find(m.group("word")) == m.start():
            out.append((RawCell(m.group("word"), Decimal(0), is_dash=True, locator=locator), kind))
    return out


# "..., less accumulated depreciation of $10,081 and $9,570, respectively", "net of tax of $159,
# $(110), and $(2,086)": the amounts a label prints after what they count
_AMOUNT = r"\(?\$\s?\(?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?(?:\s*(?:million|billion))?"
_WHEN = r"(?:[a-z]+\.?\s+\d{1,2},?\s+)?(?:19|20)\d\d"
AMOUNTS_CLAUSE = re.compile(rf"\s+of\s+{_AMOUNT}(?:\s*(?:,\s*and|,|and|or)\s*{_AMOUNT})*"
                            rf"(?:,?\s*(?:as of|at|in)\s+{_WHEN}(?:,?\s*(?:and|or)\s+{_WHEN})?)?"
                            rf"(?:,?\s*respectively)?", re.I)


def without_amounts(label: str) -> str:
    """The label without the dollar amounts it prints, so it reads as every filer's
    ("Property, plant and equipment, less accumulated depreciation")."""
    if "$" not in label:
        return label
    return " ".join(AMOUNTS_CLAUSE.sub("", label).split()).strip(" ,;")


CLASS_WORDS = re.compile(r"\bclass\s+[a-z](?:-\d)?\b", re.I)


def classes_named(text: str) -> list[str]:
    """The classes of stock a text names, each once, in order ("Class A", "Class B")."""
    return list(dict.fromkeys(" ".join(c.split()).title() for c in CLASS_WORDS.findall(text)))


def _clause_class(masked: str, at: int) -> str:
    """The class of stock the clause around a number names, where the label names more than
    one ("...; 4,141 million Class B shares authorized, 344 million and 350 million shares
    issued ..."): "Class B"; else ""."""
    if len(classes_named(masked)) < 2:
        return ""
    start = masked.rfind(";", 0, at) + 1
    end = masked.find(";", at)
    named = classes_named(masked[start:end if end >= 0 else None])
    return named[0] if len(named) == 1 else ""


def _ahead_kind(after: str) -> str | None:
    """What the words after a number say it counts: the nearest such words in its clause
    ("5 shares authorized and none issued": authorized)."""
    after = " ".join(FIGURE.sub("", after).split())  # the pair's second number; blanked parts
    after = CLAUSE_END.split(after, maxsplit=1)[0][:45]  # the words of this number's own clause
    ahead = [(m.start(), kind) for kind, pattern, _ in KINDS if pattern and (m := pattern.search(after))]
    return min(ahead)[1] if ahead else None


def _kind(after: str, before: str, label: str) -> str | None:
    """The words after a number name what it counts ("900 shares authorized") before the
    words ahead of it do ("authorized: 10,000 shares")."""
    ahead = _ahead_kind(after)
    if ahead:
        return ahead
    for kind, _, behind in KINDS:
        if behind and behind.search(before):
            return kind
    if TREASURY.search(label) and (SHARES.search(AND_OR_FIGURE.sub("", after)) or SHARES_BEFORE.search(before)):
        return "treasury"
    return None


def _number(m: re.Match, kind: str, scale: int, shares_scale: int) -> tuple[Decimal, int] | None:
    """(the number as shown, the power of ten it is shown in)."""
    if m.group("num") in DASHES:
        return (Decimal(0), scale) if kind in AMOUNT_KINDS else None
    value = Decimal(m.group("num").replace(",", ""))
    if kind in ("par_value", "per_share"):
        return (value, 0) if m.group("dollar") or "." in m.group("num") else None
    if kind == "percent":
        return value, -2
    if m.group("mult"):
        return value, MULTIPLIER[m.group("mult").lower()]
    if kind in AMOUNT_KINDS:
        return value, scale
    # shares: in the unit the header gives shares apart ("number of shares, which are
    # reflected in thousands"); else a full count is shown as is and a short one in the
    # table's unit ("900 shares" in millions)
    if shares_scale and shares_scale != scale:
        return value, shares_scale
    return value, 0 if len(m.group("num").replace(",", "")) >= 7 else (shares_scale or scale)


# "3.60% senior notes due 2025", "$750 4.25% Notes due July 2029": one stated rate
DEBT_RATE = re.compile(r"(?<![\d.,-])(?P<num>\d{1,2}(?:\.\d{1,4})?)\s?%(?=[^%]*(?:\b(?:notes?|debentures?|bonds?)\b|"
                       r"\b(?:19|20)\d\d\b))|(?<=\b(?:19|20)\d\d )(?P<late>\d{1,2}(?:\.\d{1,4})?)\s?%", re.I)


# the words before a rate that make it a margin over a benchmark ("SOFR plus 2.25%", "LIBOR + 1.75%")
SPREAD_BEFORE = re.compile(r"\b(?:plus|over|above)\s*$|\+\s*$", re.I)


# "$750 3.5%, Feb 2024": a debt instrument's face amount printed before its rate
FACE_AMOUNT = re.compile(r"^\$\s?(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s+(?=\d{1,2}(?:\.\d{1,4})?\s?%|floating\b)", re.I)


# "2014 Notes issuance of $6.0 billion": the amount a note's label says was issued, in its own words' scale
ISSUED_AMOUNT = re.compile(r"\b(?:issuance|issue) of \$\s?(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s+(?P<scale>billion|million)\b",
                           re.I)
SCALE_WORDS = {"thousand": 3, "million": 6, "billion": 9}  # a scale named in words, as a power of ten


def debt_numbers(label: str, locator: str, cells: tuple[tuple[str, str], ...] = (),
                 scale: int = 0) -> tuple[LabelNumber, ...]:
    """The numbers a debt instrument's label prints, as of the first column's date: its face
    amount when it leads the label ("$750 3.5%, Feb 2024", in the table's scale) or says it
    was issued ("2014 Notes issuance of $6.0 billion"), and its stated rate."""
    face = FACE_AMOUNT.match(label)
    if face is None or (cells and not cells[0][0].lstrip().startswith("$")):
        issued = ISSUED_AMOUNT.search(label)
        if issued is None:
            return rate_numbers(label, locator, cells)
        shown = issued.group("num")  # "2014 Notes issuance of $6.0 billion": its own scale
        amount = LabelNumber(RawCell(shown, Decimal(shown.replace(",", "")), locator=locator), "face_amount", 0,
                             SCALE_WORDS[issued.group("scale").lower()])
        return (amount,) + rate_numbers(label, locator, cells)
    shown = face.group("num")
    where = cells[0][1] if cells else locator
    amount = LabelNumber(RawCell(shown, Decimal(shown.replace(",", "")), locator=where), "face_amount", 0, scale)
    return (amount,) + rate_numbers(label, locator, cells)


def rate_numbers(label: str, locator: str, cells: tuple[tuple[str, str], ...] = ()) -> tuple[LabelNumber, ...]:
    """The stated interest rate a debt instrument's label prints, as of the first column's
    date; () for labels that print none or a range ("1.25-3.85% notes"). ``cells`` are the
    (text, locator) pieces of a label spread over several cells: the rate's own is used."""
    # a margin over a benchmark ("6.58% (SOFR plus 2.25%)") is no stated rate
    rates = [m for m in DEBT_RATE.finditer(label) if not SPREAD_BEFORE.search(label[:m.start()])]
    if len(rates) != 1 or re.search(r"\d\s?%?\s?(?:[-–]|to)\s?" + re.escape(rates[0].group("num") or rates[0].group("late")),
                                     label):
        return ()  # ... nor is the top of a range ("fixed interest rates of 3.15% to 4.35%")
    shown = rates[0].group("num") or rates[0].group("late")
    if cells:
        locator = next((loc for text, loc in cells if re.search(rf"(?<![\d.]){re.escape(shown)}\s?%", text)), "")
        if not locator:
            return ()
    return (LabelNumber(RawCell(shown, Decimal(shown), locator=locator, percent=True), "interest_rate", 0, -2),)


# "$1.34 to $154.14", "$218.21": a row of options by range of exercise prices names its bounds
PRICE_BOUNDS = re.compile(r"^\$\s?(?P<low>\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|–|—|to)\s*\$?\s?(?P<high>\d[\d,]*(?:\.\d+)?))?$")


def range_numbers(label: str, locator: str) -> tuple[LabelNumber, ...]:
    """The bounds a range of exercise prices prints as a row's label: its lower and, for a
    range, its upper price, as of the first column's date; () for any other label."""
    bounds = PRICE_BOUNDS.match(label.strip())
    if bounds is None:
        return ()
    return tuple(LabelNumber(RawCell(bounds[part], Decimal(bounds[part].replace(",", "")), locator=locator), kind, 0)
                 for part, kind in (("low", "range_low"), ("high", "range_high")) if bounds[part])
