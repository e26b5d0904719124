"""Numbers printed inside balance sheet labels: read, mapped, written and proven."""
import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from conftest import stripped
from converter.detect.label_numbers import label_numbers
from converter.model import Instant

IX = "http://www.xbrl.org/2013/inlineXBRL"


def kinds(label, ncols=2, scale=6):
    """(kind, text, column, scale) of each printed number, without the repeats at later dates."""
    return [(n.kind, n.cell.text, n.column, n.scale) for n in label_numbers(label, "", ncols, scale, 0)
            if n.repeats is None]


def test_labels_of_the_dev_corpus_are_read_with_what_each_number_counts():
    # AbbVie: full counts are shown as is, dates are not numbers, "X as of <date> and Y" pairs
    assert kinds("Common stock, $0.01 par value, 4,000,000,000 shares authorized, 1,831,594,494 shares issued "
                 "as of December 31, 2024 and 1,823,046,087 as of December 31, 2023") == [
        ("par_value", "0.01", 0, 0), ("authorized", "4,000,000,000", 0, 0),
        ("issued", "1,831,594,494", 0, 0), ("issued", "1,823,046,087", 1, 0)]
    # Home Depot: the kind ahead of the numbers, counts in the table's millions
    assert kinds("Common stock, par value $0.05; authorized: 10,000 shares; issued: 1,800 shares at February 2, "
                 "2025 and 1,796 shares at January 28, 2024; outstanding: 994 shares at February 2, 2025 and "
                 "992 shares at January 28, 2024") == [
        ("par_value", "0.05", 0, 0), ("authorized", "10,000", 0, 6), ("issued", "1,800", 0, 6),
        ("issued", "1,796", 1, 6), ("outstanding", "994", 0, 6), ("outstanding", "992", 1, 6)]
    # Salesforce's preferred stock: the nearest words decide ("authorized and none issued"),
    # and "none issued and outstanding" is a zero in words
    assert kinds("Preferred stock, $0.001 par value; 5 shares authorized and none issued and outstanding") == [
        ("par_value", "0.001", 0, 0), ("authorized", "5", 0, 6), ("issued_outstanding", "none", 0, 0)]
    assert kinds("Trade accounts receivable, less allowances of $503 and $506, respectively") == [
        ("allowance", "503", 0, 6), ("allowance", "506", 1, 6)]
    assert kinds("Total current assets") == [] and kinds("June 2024 4,009.2") == []
    # Visa's dividends in its statements of equity: an amount per share of a class of stock
    assert kinds("Cash dividends declared and paid, at a quarterly amount of $0.52 per class A common stock",
                 ncols=1) == [("per_share", "0.52", 0, 0)]


def test_one_number_stated_for_every_date_is_a_fact_at_each_date():
    numbers = label_numbers("Common stock, $0.25 par value; authorized — 11,200 shares; issued — 7,040 shares; "
                            "net of allowances of $503", "", 2, 6, 0)
    assert [(n.kind, n.column, n.repeats) for n in numbers] == [
        ("par_value", 0, None), ("par_value", 1, 0), ("authorized", 0, None), ("authorized", 1, 2),
        ("issued", 0, None), ("issued", 1, 4), ("allowance", 0, None)]  # an allowance is of one date


def test_a_label_wrapped_over_two_rows_keeps_its_pairs_apart():
    first = "Common shares, $2.50 par value, 1,400,000,000 authorized; 1,113,174,759 and"
    second = "1,113,018,733 issued; 593,009,409 and 604,241,260 outstanding, respectively"
    assert kinds(first) == [("par_value", "2.50", 0, 0), ("authorized", "1,400,000,000", 0, 0)]
    assert [(k, c) for k, _, c, _ in [(n.kind, n.cell.text, n.column, n.scale)
                                      for n in label_numbers(second, "", 2, 6, 0, continued=True)]] == [
        ("issued", 1), ("outstanding", 0), ("outstanding", 1)]


def _converted(tmp_path_factory, name: str):
    """(the stripped input, the conversion's result) of a corpus filing, its company left out."""
    from converter.pipeline import convert
    company = name.split("-")[0]
    work = tmp_path_factory.mktemp(company)
    src = stripped(work, name)
    return src, convert(src, work / "out", exclude_company=company)


@pytest.fixture(scope="module")
def unp(tmp_path_factory):
    return _converted(tmp_path_factory, "unp-10-q-2025-07-24")


def test_label_numbers_become_facts_tagged_inside_the_users_label(unp):
    src, result = unp
    root = etree.parse(str(result.ixbrl_path)).getroot()
    tagged = {(el.get("name"), el.text) for el in root.iter(f"{{{IX}}}nonFraction")}
    assert ("us-gaap:CommonStockSharesAuthorized", "1,400,000,000") in tagged
    assert ("us-gaap:CommonStockParOrStatedValuePerShare", "2.50") in tagged
    authorized = next(el for el in root.iter(f"{{{IX}}}nonFraction")
                      if el.get("name") == "us-gaap:CommonStockSharesAuthorized")
    label_cell = next(a for a in authorized.iterancestors() if etree.QName(a).localname == "td")
    assert "par value" in "".join(label_cell.itertext())  # in the label, where the user printed it
    # "1,400,000,000 authorized" holds at both balance dates: two facts, one tag nested in the other
    both = [el for el in root.iter(f"{{{IX}}}nonFraction") if el.get("name") == "us-gaap:CommonStockSharesAuthorized"]
    assert len(both) == 2 and both[1].getparent() is both[0] and both[0].get("contextRef") != both[1].get("contextRef")


@pytest.mark.arelle
def test_label_numbers_round_trip(unp):
    from converter import proof
    src, result = unp
    outcome = proof.roundtrip(result.ixbrl_path, src)
    assert outcome.mismatches == () and outcome.report.ok
    assert outcome.matched == outcome.facts and outcome.untagged_label_numbers == 0


def test_label_number_facts_have_the_columns_dates(unp):
    from converter.readers import read
    from converter.detect import detect
    from converter.mapping import map_filing
    src, _ = unp
    facts = map_filing(detect(read(src)), exclude_company="unp").facts
    outstanding = {f.context.period: f.value for f in facts if f.concept.local == "CommonStockSharesOutstanding"
                   and f.rule.startswith("LN-")}
    assert outstanding == {Instant(dt.date(2025, 6, 30)): Decimal("593009409"),
                           Instant(dt.date(2024, 12, 31)): Decimal("604241260")}


def test_label_number_rules_have_unique_ids_and_known_concepts():
    from converter.mapping.catalog import Catalog
    from converter.mapping.rules import load_label_number_rules
    rules = load_label_number_rules()
    assert len({r.id for r in rules}) == len(rules) > 10
    catalog = Catalog.load()
    for rule in rules:
        if not rule.concept:  # the tax part of the row's own concept, found by calculation
            assert rule.kind in ("tax", "tax_expense", "tax_benefit"), rule.id
            continue
        concept = catalog.concept(rule.concept)
        # balance sheet counts are instants; dividends per share, of an equity row's period, a
        # preferred stock's dividend rate and the bounds of a range of exercise prices (the
        # taxonomy's) durations
        want = "duration" if (rule.kind == "per_share" and "dividend" in rule.row.pattern) or \
            rule.kind.startswith("range_") or rule.kind == "percent" else "instant"
        assert concept is not None and concept.period_type.value == want, rule.id


def test_an_oci_lines_tax_is_the_part_its_calculation_subtracts(tmp_path):
    """Amazon: 'Foreign currency translation adjustments, net of tax of $100, $(55), and $226'.
    The wording says neither expense nor benefit, and the statement's printed taxes have the
    opposite sign of their lines (a loss of 2,586 net of tax of $100): they show the tax's
    effect, so the tax expense is -100, as the official filing tags it."""
    from converter.pipeline import analyse, tag
    src = stripped(tmp_path, "amzn-10-k-2025-02-07")
    facts = [f for f in tag(analyse(src), exclude_company="amzn").facts
             if f.label.startswith("Foreign currency translation adjustments, net of tax") and f.rule.startswith("LN-")]
    assert {f.concept.local for f in facts} == {"OtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentTax"}
    assert sorted(f.value for f in facts) == [Decimal("-226000000"), Decimal("-100000000"), Decimal("55000000")]


def test_the_wording_of_a_printed_tax_says_what_its_positive_is():
    """'tax expense (benefit) of', 'tax benefit (expense) of' and the plain 'tax of'."""
    kinds = {label: [n.kind for n in label_numbers(label, "", 3, 6, 0)] for label in (
        "Pension and post-employment benefits, net of tax expense (benefit) of $206, $(6) and $272",
        "Net change, net of income tax benefit (expense) of $1,056, $(698), and $190",
        "Foreign currency translation adjustments, net of tax of $100, $(55), and $226")}
    assert list(kinds.values()) == [["tax_expense"] * 3, ["tax_benefit"] * 3, ["tax"] * 3]


def test_a_printed_tax_follows_its_concepts_balance(tmp_path):
    """AbbVie prints 'net of tax expense (benefit) of $206 ...' on its pension line, whose tax
    concept is a credit (a positive is a benefit): the expense of 206 is -206, as filed."""
    from converter.pipeline import analyse, tag
    src = stripped(tmp_path, "abbv-10-k-2025-02-14")
    facts = [f for f in tag(analyse(src), exclude_company="abbv").facts
             if f.label.startswith("Pension and post-employment benefits, net of tax") and f.rule.startswith("LN-")]
    assert {f.concept.local for f in facts} == {"OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansTax"}
    assert sorted(f.value for f in facts) == [Decimal("-272000000"), Decimal("-206000000"), Decimal("6000000")]


def test_dividends_per_share_in_an_equity_row_label(tmp_path):
    """Union Pacific: 'Dividends declared ($1.30 per share)' in the equity statement."""
    from converter.pipeline import analyse, tag
    src = stripped(tmp_path, "unp-10-q-2025-07-24")
    facts = [f for f in tag(analyse(src), exclude_company="unp").facts
             if f.concept.local == "CommonStockDividendsPerShareDeclared"]
    q2_2024 = [f for f in facts if f.context.period.start == dt.date(2024, 4, 1)]
    assert [f.value for f in q2_2024] == [Decimal("1.30")] and not q2_2024[0].context.dimensions


def test_shares_issued_and_outstanding_are_both_counts_of_one_printed_number():
    numbers = label_numbers("Common stock, $0.001 par value; 6,000 shares authorized; 3,224 and 3,216 shares "
                            "issued and outstanding", "", 2, 6, 0)
    pairs = [(n.kind, n.cell.text, n.column, n.repeats) for n in numbers]
    assert ("issued_outstanding", "3,224", 0, None) in pairs and ("issued_outstanding", "3,216", 1, None) in pairs
    first = pairs.index(("issued_outstanding", "3,224", 0, None))
    assert ("issued", "3,224", 0, first) in pairs  # nested around the same number, not printed twice


def test_amounts_printed_in_a_label_are_left_out_of_its_wording():
    from converter.detect.label_numbers import without_amounts
    assert without_amounts("Property, plant and equipment, less accumulated depreciation of $10,081 and $9,570, "
                           "respectively") == "Property, plant and equipment, less accumulated depreciation"
    assert without_amounts("Other, net of tax of $0, $(1), and $1") == "Other, net of tax"
    assert without_amounts("Accounts receivable, net of allowance of $32 million and $29 million at June 30, "
                           "2025 and December 31, 2024") == "Accounts receivable, net of allowance"
    assert without_amounts("Dividends ($1.02 per share)") == "Dividends ($1.02 per share)"  # no 'of': kept
    assert without_amounts("Common stock, $0.01 par value") == "Common stock, $0.01 par value"


def test_counts_by_class_in_parentheses_are_each_classs_own():
    """Alphabet prints each count with its parts by class: '12,460 (Class A 5,899, Class B 870,
    Class C 5,691) and 12,211 (...) shares issued and outstanding'. The totals pair up across
    the parentheses, and each part is a count of its class at its total's date."""
    label = ("Class A, Class B, and Class C stock and additional paid-in capital, $0.001 par value per share: "
             "300,000 shares authorized (Class A 180,000, Class B 60,000, Class C 60,000); 12,460 (Class A 5,899, "
             "Class B 870, Class C 5,691) and 12,211 (Class A 5,835, Class B 861, Class C 5,515) shares issued and "
             "outstanding")
    numbers = label_numbers(label, "", 2, 6, 0)
    firsts = [(n.kind, n.cell.text, n.column, n.klass) for n in numbers if n.repeats is None]
    assert ("authorized", "180,000", 0, "Class A") in firsts and ("authorized", "300,000", 0, "") in firsts
    assert ("issued_outstanding", "12,460", 0, "") in firsts and ("issued_outstanding", "12,211", 1, "") in firsts
    assert ("issued_outstanding", "870", 0, "Class B") in firsts and ("issued_outstanding", "5,515", 1, "Class C") in firsts
    # numbers in text order: the writers find each after the one before
    texts = [n.cell.text for n in numbers if n.repeats is None]
    assert texts[:6] == ["0.001", "300,000", "180,000", "60,000", "60,000", "12,460"]


def test_a_clause_naming_one_class_makes_its_counts_that_classs():
    """Meta: '...; 5,000 million Class A shares authorized, 2,190 million and 2,211 million
    shares issued and outstanding ...; 4,141 million Class B shares authorized, 344 million and
    350 million ...': each clause's counts are its class's; a label of one class leaves them be."""
    label = ("Common stock, $0.000006 par value; 5,000 million Class A shares authorized, 2,190 million and 2,211 "
             "million shares issued and outstanding, as of December 31, 2024 and 2023, respectively; 4,141 million "
             "Class B shares authorized, 344 million and 350 million shares issued and outstanding, as of December "
             "31, 2024 and 2023, respectively")
    firsts = [(n.kind, n.cell.text, n.column, n.klass) for n in label_numbers(label, "", 2, 6, 0) if n.repeats is None]
    assert ("authorized", "4,141", 0, "Class B") in firsts and ("issued_outstanding", "350", 1, "Class B") in firsts
    assert ("authorized", "5,000", 0, "Class A") in firsts and ("par_value", "0.000006", 0, "") in firsts
    single = label_numbers("Class A common stock, $0.01 par value; 100 shares authorized", "", 2, 6, 0)
    assert all(n.klass == "" for n in single)


def test_a_count_before_a_pair_of_years_is_not_a_dangling_pair():
    """Visa: '5 shares issued and outstanding as of September 30, 2024 and 2023' ends in
    'and 2023', a year, not the first half of a pair continued on the next row."""
    numbers = label_numbers("Preferred stock, $0.0001 par value, 5 shares issued and outstanding as of September 30, "
                            "2024 and 2023", "", 2, 6, 0)
    assert ("issued_outstanding", "5", 0) in [(n.kind, n.cell.text, n.column) for n in numbers]
    assert [n.cell.text for n in label_numbers("Common shares, 1,400 authorized; 1,113 and", "", 2, 6, 0)] == \
        ["1,400", "1,400"]  # a real dangling pair is still left to the next row


def test_treasury_shares_in_parentheses_with_their_dates():
    """Netflix: 'Treasury stock at cost (31,228,532 and 25,953,460 shares at June 30, 2025 and
    December 31, 2024, respectively)': the pair's second number stands between the first
    and 'shares'."""
    numbers = label_numbers("Treasury stock at cost (31,228,532 and 25,953,460 shares at June 30, 2025 and "
                            "December 31, 2024, respectively)", "", 2, 3, 0)
    assert [(n.kind, n.cell.text, n.column, n.scale) for n in numbers] == [
        ("treasury", "31,228,532", 0, 0), ("treasury", "25,953,460", 1, 0)]


def test_a_count_of_none_in_words_is_a_zero():
    # Tesla, Salesforce: "no shares issued and outstanding", "none issued or outstanding"
    assert kinds("Preferred stock; $0.001 par value; 100 shares authorized; no shares issued and outstanding")[-1] == \
        ("issued_outstanding", "no", 0, 0)
    assert kinds("Preferred stock, $1 par value, 10 shares authorized; none issued")[-1] == ("issued", "none", 0, 0)
    # the writers tag a label's first such text: "no" inside "nonvoting" comes first, so no zero
    assert [k for k, *_ in kinds("Common stock nonvoting; no shares issued")] == []


@pytest.fixture(scope="module")
def tsla(tmp_path_factory):
    return _converted(tmp_path_factory, "tsla-10-q-2025-07-24")


def test_none_issued_is_tagged_as_a_zero_on_its_word(tsla):
    tags = etree.parse(str(tsla[1].ixbrl_path)).getroot().iter(f"{{{IX}}}nonFraction")
    issued = [el for el in tags if el.get("name") == "us-gaap:PreferredStockSharesIssued"]
    assert {("".join(el.itertext()), el.get("format")) for el in issued} == {("no", "ixt:fixed-zero")}
    assert len({el.get("contextRef") for el in issued}) == 2  # both balance dates, one word


@pytest.mark.arelle
def test_none_issued_round_trips(tsla):
    from converter import proof
    src, result = tsla
    outcome = proof.roundtrip(result.ixbrl_path, src)
    assert outcome.mismatches == () and outcome.report.ok and outcome.untagged_label_numbers == 0


def test_a_debt_label_prints_its_face_amount_before_its_rate():
    """'$750 3.5%, Feb 2024' in a table in millions: a face amount of 750 million and a
    stated rate of 3.5%, both as of the first column's date; a label that leads with no
    amount gives the rate alone."""
    from converter.detect.label_numbers import debt_numbers
    face, rate = debt_numbers("$750 3.5%, Feb 2024", "/td[1]", (), scale=6)
    assert (face.kind, face.cell.value, face.scale, face.column) == ("face_amount", Decimal(750), 6, 0)
    assert (rate.kind, rate.cell.value) == ("interest_rate", Decimal("3.5"))
    assert [n.kind for n in debt_numbers("$1,000 floating rate, Jul 2026", "/td[1]", (), scale=6)] == ["face_amount"]
    assert [n.kind for n in debt_numbers("3.60% senior notes due 2025", "/td[1]", (), scale=6)] == ["interest_rate"]


def test_a_debt_label_saying_what_was_issued_prints_its_face_amount():
    """Amazon's 'April 2022 Notes issuance of $12.8 billion' states the notes' face amount in
    its own words' scale, beside the table's figures in millions."""
    from converter.detect.label_numbers import debt_numbers
    face, = debt_numbers("April 2022 Notes issuance of $12.8 billion", "/td[1]", (), scale=6)
    assert (face.kind, face.cell.value, face.scale, face.column) == ("face_amount", Decimal("12.8"), 9, 0)
    assert debt_numbers("Notes issued in 2022", "/td[1]", (), scale=6) == ()


def test_each_receivables_allowance_takes_its_own_concept(tmp_path):
    """UnitedHealth's balance sheet prints the allowances of two receivables in their labels:
    'Accounts receivable, net of allowances of $...' and 'Other current receivables, net of
    allowances of $2,864 and $2,084'. Both took the accounts receivable allowance (LN-012),
    clashed, and the second became a company concept; the other receivables' allowance is
    AllowanceForDoubtfulOtherReceivablesCurrent (LN-025)."""
    from converter.detect import detect
    from converter.mapping import map_filing
    from converter.readers import read
    filing = detect(read(stripped(tmp_path, "unh-10-k-2025-02-27")))
    facts = [f for f in map_filing(filing, exclude_company="unh").facts if f.source.column >= 1000]
    other = {f.context.period: (f.concept.local, f.rule, f.value) for f in facts
             if f.label.startswith("Other current receivables")}
    assert other == {Instant(dt.date(2024, 12, 31)): ("AllowanceForDoubtfulOtherReceivablesCurrent", "LN-025",
                                                      Decimal(2864000000)),
                     Instant(dt.date(2023, 12, 31)): ("AllowanceForDoubtfulOtherReceivablesCurrent", "LN-025",
                                                      Decimal(2084000000))}
    accounts = {f.concept.local for f in facts if f.label.startswith("Accounts receivable")}
    assert accounts == {"AllowanceForDoubtfulAccountsReceivableCurrent"}


def test_a_banks_securities_print_their_other_measure_in_the_label():
    """A bank carries securities available for sale at fair value and states their amortized
    cost in the label, held-to-maturity ones the other way round (crafted bank 10-Q): each
    pair is read in the table's scale, one number per date, and becomes the amortized cost
    basis (LN-031) or the fair value (LN-032); both were left unread."""
    assert kinds("Securities available for sale, at fair value (amortized cost of $612,480 and $598,310, "
                 "respectively)", scale=3) == [("amortized_cost", "612,480", 0, 3), ("amortized_cost", "598,310", 1, 3)]
    assert kinds("Securities held to maturity (fair value of $79,305 and $81,772, respectively)", scale=3) == [
        ("fair_value", "79,305", 0, 3), ("fair_value", "81,772", 1, 3)]
    from test_mapping import _bank_html_facts
    printed = {(f.concept.local, f.context.period, f.value) for f in _bank_html_facts() if f.source.column >= 1000}
    assert ("AvailableForSaleDebtSecuritiesAmortizedCostBasis", Instant(dt.date(2025, 9, 30)),
            Decimal(612_480_000)) in printed
    assert ("HeldToMaturitySecuritiesFairValue", Instant(dt.date(2024, 12, 31)), Decimal(81_772_000)) in printed


def test_a_reits_preferred_stock_prints_its_rate_and_liquidation_preference():
    """A crafted REIT's preferred stock line: '6.375% Series A ... Preferred Stock' is the
    dividend rate, not 6,375 thousand more shares authorized (the kind behind it); the
    '(liquidation preference of $115,000)' is an amount in the table's thousands, at both
    dates the line speaks of."""
    label = ("Preferred stock, $0.01 par value; 50,000,000 shares authorized; 6.375% Series A Cumulative Redeemable "
             "Preferred Stock, 4,600,000 shares issued and outstanding as of March 31, 2025 and December 31, 2024 "
             "(liquidation preference of $115,000)")
    assert kinds(label, scale=3) == [
        ("par_value", "0.01", 0, 0), ("authorized", "50,000,000", 0, 0), ("percent", "6.375", 0, -2),
        ("issued_outstanding", "4,600,000", 0, 0), ("liquidation_preference", "115,000", 0, 3)]
    found = label_numbers(label, "", 2, 3, 0)
    assert [n.column for n in found if n.kind == "liquidation_preference"] == [0, 1]
    assert next(n for n in found if n.kind == "percent").cell.percent


def test_a_dash_in_a_list_of_label_amounts_keeps_the_later_ones_in_their_columns():
    """'Reclassification ..., net of tax of $—, $65, $(10) and $235, respectively' over four
    columns (the crafted bank's comprehensive income): the '$—' is the first column's zero.
    It was skipped, so 65 took the third quarter of 2025, 10 the quarter before and 235 the
    nine months of 2025, each a period off."""
    assert kinds("Reclassification adjustment for net (gains) losses on sales of securities included in net "
                 "income, net of tax of $—, $65, $(10) and $235, respectively", ncols=4, scale=3) == [
        ("tax", "—", 0, 3), ("tax", "65", 1, 3), ("tax", "10", 2, 3), ("tax", "235", 3, 3)]
    from test_mapping import _bank_html_facts
    taxes = {f.context.period.start: f.value for f in _bank_html_facts() if f.source.table == 2
             and f.concept.local == "OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIForSaleOfSecuritiesTax"}
    assert taxes[dt.date(2025, 7, 1)] == 0 and abs(taxes[dt.date(2024, 7, 1)]) == Decimal(65_000)
