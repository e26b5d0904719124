"""Mapping: each statement cell -> a US-GAAP concept, a context, a unit and an XBRL sign.

Concepts are chosen by evidence, strongest first, and every fact records which:
  1. a rule of ``taxonomy_maps/<release>/rules.csv`` (stable id, e.g. R-BAL-011);
  2. ``learned:exact`` - the concept official filings used for this label in this statement;
  3. ``learned:fuzzy`` - the same for a near label;
  4. ``taxonomy:label`` - the closest standard label of the right period and data type;
  5. ``extension`` - a company concept named from the label.
Rows that share one concept in a note table become members of an axis (geography,
income-statement line, product or service), named by ``member_rules.csv`` or made as
company members. Signs follow the taxonomy: see ``signs.py``.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from converter.detect import PERIOD_WORDS, column_captions, is_sum, split_header_pieces, undated_caption
from converter.detect.dates import MONTH_NAME, in_year, last_full_date, make_date, period_end, period_start, quarter_of
from converter.detect.equity import components as equity_components
from converter.detect.label_numbers import classes_named, without_amounts
from converter.detect.periods import (BEGINNING, LABEL_SPAN, NAMED_BALANCE, PERIOD_END_BALANCE, YEAR_SPAN_ROW,
                                      rates_only, row_balance_date, row_quarter, ytd_months)
from converter.mapping import signs
from converter.mapping.awards import MEASURE_TYPES, RANGE_AXIS, at_beginning, award_cells, \
    caption_of as award_caption, price_range_cells
from converter.mapping.awards import activity_of as award_activity_of, measure_of as award_measure
from converter.mapping.catalog import Catalog, label_tokens, normalize_label
from converter.mapping.dividends import caption_of as dividend_caption, schedule_of as dividend_schedule_of
from converter.mapping.headings import copied_heading_stacks
from converter.mapping.maturities import family_of as maturity_family, slots as maturity_slots
from converter.mapping.members import Candidate, axis_members, caption_member, member_candidates, shared_axis
from converter.mapping.oci import (is_heading_total, is_reclassification, is_tax_line, oci_part, oci_rule,
                                  oci_total_rule, of_parent, tax_column)
from converter.mapping.registrant import name_words, without_registrant
from converter.mapping.rules import (ConcentrationRate, ConceptFamily, TableScope, balance_parts, lower_for_words,
                                     column_twins, concentration_rates, concept_families, concept_subjects,
                                     fair_value_concepts, found_in, heading_rule_ids, members_implied_by,
                                     including_nci_members, issuing_amount, line_order_rules, match_label_number,
                                     later_rules, match_member, match_reconciliation, may_open_reconciliation,
                                     match_required_members, match_rule, match_split, match_table_members,
                                     net_schedules, period_twins, roll_forward_balances, rule_text, section_concepts,
                                     measure_columns, share_concept_names, statement_alternates, table_scopes,
                                     wider_totals)
from converter.model import (HIGH_COLUMN, LABEL_COLUMN, PURE, SEC_CIK_SCHEME, SHARES, USD, USD_PER_SHARE, Column, Concept, Context, Duration,
                             Entity, ExtensionMember, Fact, Filing, Instant, LineItem, PeriodType, QName, RawCell,
                             NS, SourceRef, StatementKind, Table, Unit, in_label, value_column)
from converter.readers._common import scale_line

EXT_BASE = "http://xbrlconv.example/{prefix}/{date}"
# PER_SHARE and SHARE_COUNT start with a case-sensitive set of first letters (with "ſ",
# which IGNORECASE matches to "s"), each branch checking its own, so that the regex engine
# skips to candidates, as converter.detect.dates.DATE: same matches, quicker.
PER_SHARE = re.compile(r"(?-i:[PpEe])(?:(?<=[Pp])er (?:common |ordinary )?share|(?<=\b[Ee])ps\b)", re.I)
VALUE_PER_SHARE = re.compile(r"\b(?:fair value|price)\b.*\bper (?:common )?share\b", re.I)  # "Weighted-average fair value per share"
FOR_PER_SHARE = re.compile(r"\b(?:for|in|to compute|in computing)\b.*\b(?:per (?:common )?share|eps)\b", re.I)  # "Net income for diluted EPS"
SHARE_COUNT = re.compile(r"(?-i:[WwSsſNnAaDdEe])(?:(?<=[Ww])eighted|(?<=[Ssſ])hares used|(?<=[Nn])umber of (?:common )?shares|"
                         r"(?<=[Ssſ])hares outstanding|(?<=[Aa])nti-?dilutive|(?<=[Ssſ])ecurities excluded|"
                         r"(?<=[Dd])ilutive effect|(?<=[Ee])ffect of dilutive|(?<=[Ssſ])hare equivalents)", re.I)
MEMBER_TITLE = re.compile(r"by (?:revenue )?source|disaggregat|by (?:product|service|geograph|region|segment)|"
                          r"by (?:\w+ )?(?:end )?markets?\b|by (?:category|channel|brand|offering|line of business)|"
                          r"geographic|by type|as follows|follows:", re.I)
# a heading over a block of lines that says what they split their total by ("Net revenue by
# geographic region:"): the axis of the block's lines (_blocks_by_named_axis)
BLOCK_AXES = ((re.compile(r"\bby (?:geograph\w*|region\w*|countr\w*|geographic (?:area|region|market)s?)\b", re.I),
               "srt:StatementGeographicalAxis"),
              (re.compile(r"\bby (?:category|categories|products?|services?|product (?:line|type)s?|type|source|"
                          r"(?:\w+ )?(?:end )?markets?)\b", re.I), "srt:ProductOrServiceAxis"))
CLAIM_ORDER = [StatementKind.NOTE, StatementKind.EQUITY, StatementKind.CASHFLOW, StatementKind.COMPREHENSIVE,
               StatementKind.INCOME, StatementKind.BALANCE]
INCLUDING_NCI = "IncludingPortionAttributableToNoncontrollingInterest"
FAIR_VALUE_LEVEL_AXIS = "us-gaap:FairValueByFairValueHierarchyLevelAxis"
VALUATION_AXIS = "us-gaap:ValuationAllowancesAndReservesTypeAxis"
# the concepts of a tax rate reconciliation's lines (amounts and rates)
RECONCILING = re.compile(r"^(?:IncomeTaxReconciliation|EffectiveIncomeTaxRateReconciliation)")
EQUITY_BALANCE = re.compile(r"\b(?:beginning|ending|opening|closing)\s+balances?\b|\bbalances?,?\s+(?:at\s+)?"
                            r"(?:beginning|end)\b|equity,?\s+(?:at\s+)?(?:beginning|ending|end)", re.I)
EQUITY_TOTAL = re.compile(r"^total\b.*\bequity\b", re.I)
STATEMENT_AXES = ("srt:ProductOrServiceAxis",)  # splits a statement shows inline (expense lines are not members)
# a column or line of the whole, of no member: a total, or the amounts after a revision
# beside "As previously reported | Adjustments" (the amounts reported now)
TOTAL_CAPTION = re.compile(r"^(?:total|consolidated)\b|^as (?:adjusted|revised|restated|recast|corrected|currently reported)$",
                           re.I)
# an equity statement's line of other comprehensive income ("Unrealized gain on marketable
# securities"): the OCI statement's concept; not stock issued under "employee benefit plans"
EQUITY_OCI_LINE = re.compile(r"^(?!.*\b(?:issu|exercis|vest|purchase plan)).*"
                             r"(?:unrealized|translation|hedg|comprehensive|reclassif|pension|postretirement)", re.I)
# A sentence that introduces the table below it, or a heading ("Defined Benefit Pension Plan Assets")
INTRODUCES = re.compile(r":\s*$|\b(?:following|below|as follows|summariz)|^[^.;]{3,80}$", re.I)
LOSS_WORD = re.compile(r"\s*\((?:loss|income|expense|benefit|gain|deficit)\)", re.I)  # "operating income (loss)"
SUBTOTAL_SPLIT = re.compile(r"^total\b.+\b(?:revenues?|sales|cost of (?:revenues?|sales))$", re.I)
TOTAL_WORD = re.compile(r"^total\s+", re.I)
# "total" leading or trailing a name ("Total Google Cloud", "Google Services total")
TOTAL_AT_EITHER_END = re.compile(r"^total\s+|,?\s+total$", re.I)
# a heading over a roll-forward's movements, which names no balance of its own
MOVEMENTS_HEADING = re.compile(r"^(?:adjustments?|changes?|activity|movements?|additions?|reductions?)\b", re.I)
BALANCE_LINE = re.compile(r"\b(?:beginning|end|ending|opening|closing)\b|\bbalances?\b", re.I)
OTHER_LINE = re.compile(r"^other(?: items| assets| liabilities)?(?:,? net)?\W*$", re.I)
# the least share of a label's official facts a learned concept needs once the label's
# leading concept was passed over as off the table's subject
MIN_SHARE_AFTER_PASSING = 1 / 3
BARE_TOTAL = re.compile(r"^(?:total|subtotal|consolidated)\W*$", re.I)
# a label that carries on the row above it: it opens with a figure or a lowercase word, or
# is no more than a month's count ("June 2024 4,009.2" under "Common stock - shares issued -
# March 2025 4,009.2")
CONTINUED_LABEL = re.compile(r"^(?:[a-z]|\d)|^(?:January|February|March|April|May|June|July|August|September|"
                             r"October|November|December) (?:19|20)\d\d [\d,.]+$")
# "(loss)" beside a line's name: "Net Earnings/(Loss)" is the income statement's "NET EARNINGS"
LOSS_ASIDE = re.compile(r"\s*/?\s*\((?:loss|losses)\)", re.I)
SUBJECT_TRIES = 3  # concepts of subjects a table never speaks of passed over, at most, before a company concept
# "Segment operating income", "Total reportable segment profit": the segments' sum of a
# measure, which a reconciliation then takes to the consolidated amount
SEGMENTS_SUM = re.compile(r"^(?:total )?(?:reportable |operating )?segments?'? (?!assets?\b)(?P<measure>\w.*)$", re.I)
# a reconciling line of costs no segment carries, below the segments' operating income
CORPORATE_LINE = re.compile(r"\b(?:corporate|unallocated)\b.*\b(?:costs?|expenses?)\b", re.I)
# Ranking of near labels (Mapper._ranked), tuned leave-one-company-out on the dev corpus:
# offers below the floor are not considered; the best offer with its bonuses must reach
# RANK_ACCEPT. Learned labels outrank standard labels of the same similarity.
RANK_FLOOR = 0.5
RANK_ACCEPT = 0.75
STATEMENT_BONUS = 0.2
LEARNED_BONUS = 0.1
BALANCE_AGREES = 0.03
BALANCE_DISAGREES = -0.2
WEAK_RULES = ("extension", "taxonomy:label", "learned:fuzzy")
# a note allocating a purchase price, and the business it bought
ALLOCATION = re.compile(r"\bassets acquired and liabilities assumed\b|\ballocation of the (?:purchase price|consideration)|"
                        r"\bpurchase price allocations?\b", re.I)
ACQUIREE = re.compile(r"\b(?:completed (?:its |the |our )?(?:previously announced )?acquisition of|acquired"
                      r"(?: all (?:of the )?(?:outstanding|issued and outstanding) (?:stock|shares|equity interests) of)?)"
                      r"\s+(?P<name>[A-Z][\w&'’-]*(?: (?:[A-Z][\w&'’-]*|of|and|&))*)")
ACQUISITION_AXIS = "us-gaap:BusinessAcquisitionAxis"
LOCATION_AXIS = "us-gaap:BalanceSheetLocationAxis"
# what a concept's name adds to the thing it measures: FiniteLivedIntangibleAssets + Gross
MEASURE_SUFFIXES = frozenset({"Gross", "Net", "AccumulatedAmortization", "AccumulatedDepreciation",
                              "AccumulatedImpairmentLoss", "AtCarryingValue", "FairValueDisclosure"})
BALANCE_SHEET_PLACE = re.compile(r"\b(?:assets|liabilities)$", re.I)
REVENUE_WORDS = re.compile(r"\b(?:revenues?|sales|income)\b", re.I)
# "Investment and other income", "Net realized investment gains (losses)" beside "Products":
# a kind of income or a gain, not a product
INCOME_LINE = re.compile(r"\bincome\b|\bgains?\b|\blosses\b|\(losses?\)", re.I)
CONTRACT_REVENUE = ("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                    "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax")
SPLIT_TOTAL = re.compile(r"Revenue|^CostOf|Sales|ContractWithCustomer")  # totals a company splits by product or service
ONE_SEGMENT = re.compile(r"\b(?:single|one) (?:operating|reportable) segment\b|\bchief operating decision maker\b|"
                         r"\bcodm\b|\bsignificant segment expenses\b", re.I)
# a movement the taxonomy names each way, by the words that tell the two concepts apart
DIRECTION_WORDS = (("IncreasesResultingFrom", "DecreasesResultingFrom"),
                   ("DecreasesResultingFrom", "IncreasesResultingFrom"))
# ... unless the text counts several ("We have two reportable segments, Acute Care Services and
# Behavioral Health Services. Our chief operating decision maker ...")
SEVERAL_SEGMENTS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|several|multiple) "
                              r"(?:operating |reportable |business )?segments\b", re.I)
# a bank's loan "portfolio segment" (ASC 326) is a class of loans, not an operating segment
SEGMENT_TITLE = re.compile(r"(?<!portfolio )\bsegments?\b", re.I)
SUBTOTAL_OF = re.compile(r"^total\s+(\S.*?)\s*$", re.I)  # "TOTAL NIKE BRAND": a group's subtotal
SEGMENTS_GROUP = re.compile(r"^(?:(?:operating|reportable|business)\s+)?segments?$", re.I)
LINE_ITEM_CONFIDENCE = 0.7  # a caption chosen this surely names a line item (_name_line_items)
LINE_ITEM_LIKENESS = 0.6  # a label this like a standard concept's names a line item, not a segment
SEGMENT_ROW = re.compile(r"\bsegment (?:items|expenses|revenues?|profit|income|assets)\b", re.I)
SEGMENT_AXIS = "us-gaap:StatementBusinessSegmentsAxis"
EQUITY_AXIS = "us-gaap:StatementEquityComponentsAxis"
CONSOLIDATION_AXIS = "srt:ConsolidationItemsAxis"
RISK_AXIS = "us-gaap:DerivativeInstrumentRiskAxis"
# how a derivative hedges, whether it is designated as a hedge, and what it is
HEDGING_AXES = ("us-gaap:DerivativeInstrumentsGainLossByHedgingRelationshipAxis", "us-gaap:HedgingDesignationAxis",
                RISK_AXIS)
DERIVATIVES = re.compile(r"\bderivative|\bhedg", re.I)
NOTIONAL = "DerivativeNotionalAmount"
NONDESIGNATED = "us-gaap:NondesignatedMember"
UNDESIGNATED_GAINS = "DerivativeInstrumentsNotDesignatedAsHedgingInstrumentsGainLossNet"
GAINS = re.compile(r"\bgains?\b|\blosses\b", re.I)
INCOME_LOCATION_AXIS = "us-gaap:IncomeStatementLocationAxis"
# what a sentence introducing a roll-forward is about: "changes in the Company's <subject> were as follows"
CHANGES_OF = re.compile(r"\b(?:changes?|activity|movements?) (?:in|of) (?:the )?(?:company['’]s |our )?"
                        r"(?P<subject>[^,:;]+?) (?:were|are|was|is|for|during|as)\b", re.I)
# a column caption naming a dated balance ("Balance at December 31, 2023"), and a caption's scale
BALANCE_CAPTION = re.compile(r"\bbalances?\b|\b(?:beginning|end|ending|opening|closing) of\b", re.I)
PARENTHESES_SCALE = re.compile(r"\((?:in|\$ in|amounts in) [^)]*\)", re.I)
PARENTHESES = re.compile(r"\([^)]*\)")
ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")  # the words of an extension name
ANTIDILUTIVE = re.compile(r"anti-?dilutive", re.I)
# a cash flow line the concept dates: a balance, or a supplemental line ("dividends declared and not paid")
CASH_BALANCE_LINE = re.compile(r"end of (?:the )?(?:period|year)|\bending balances?\b|"
                               r"reconciliation|^total cash|not (?:yet )?paid", re.I)
CLASS_NAME_END = re.compile(r"\s[—–-]\s|,|;|\(|\s\$?\d")  # where a class of stock's name ends in a label
TOTAL_EQUITY = re.compile(r"total equity", re.I)
UNREAD_COMPONENT = re.compile(r"component \d+", re.I)  # the caption of an equity column none was read for
SUBTOTAL = re.compile(r"subtotal\b", re.I)
EXPENSE_WORD = re.compile(r"expense|cost|loss", re.I)
INCOME_WORD = re.compile(r"income|revenue|gain", re.I)
LONG_WORD = re.compile(r"[a-z]{4,}")
RECLASSIFICATION_AXIS = "us-gaap:ReclassificationOutOfAccumulatedOtherComprehensiveIncomeAxis"
RECLASSIFICATION_MEMBER = "us-gaap:ReclassificationOutOfAccumulatedOtherComprehensiveIncomeMember"
DERIVATIVE_RISK_AXIS = "us-gaap:DerivativeInstrumentRiskAxis"
RECLASSIFIED_FROM_AOCI = re.compile(r"\breclassifi\w* (?:out of|from) (?:aoci|accumulated other comprehensive)", re.I)
AOCI_TEXT = "accumulated other comprehensive income"  # member rules of AOCI components are bound to it
# the caption over a column of words saying where amounts are in the statements
LOCATION_CAPTION = re.compile(r"\b(?:caption|location|classification|line items?)\b", re.I)
OPERATING_SEGMENTS = "us-gaap:OperatingSegmentsMember"
CORPORATE = "us-gaap:CorporateNonSegmentMember"
CAPTIONS_RUN_TOGETHER = re.compile(r"[a-z)][A-Z]")  # "SharesWeighted": two captions, not one over all
RUNNING_HEAD = re.compile(r"^table of contents$|\bform 10-[kq]\b", re.I)  # a page's head or foot among header lines
MEASUREMENT_BASIS_AXIS = "us-gaap:FairValueByMeasurementBasisAxis"
FAIR_VALUE_ESTIMATE = "EstimateOfFairValueFairValueDisclosureMember"
LEVEL_AXIS = "us-gaap:FairValueByFairValueHierarchyLevelAxis"
DEBT_AXIS, DEBT_TYPE_AXIS = "us-gaap:DebtInstrumentAxis", "us-gaap:LongtermDebtTypeAxis"
DEBT_FAIR_VALUE = "LongTermDebtFairValue"  # what a debt fair value column names (rule R-COL-018)
# "Mortgage notes payable:" over loans named by the properties they are secured by
SECURED_HEADING = re.compile(r"^(?:mortgage|secured) (?:notes?|loans?|debt)(?: payable)?$|^mortgages(?: payable)?$")
# concepts of debt, which a list of debt instruments may total to (R-DBT-003)
# what a company owes (not the debt securities it holds)
DEBT_CONCEPT = re.compile(r"Debt(?!Securities)|Notes|Borrowing|CommercialPaper|LineOfCredit|LoansPayable|LeaseObligation")
# a debt table's deduction of the part due within a year ("Less: Current maturities"): the
# totals after it are of the long-term part, no sum of the instruments listed above it
CURRENT_MATURITIES = re.compile(r"^(?:less:? )?(?:current (?:maturities|portion)|amounts? due within one year)"
                                r"(?: of long-term debt)?$")
# "2.125% senior euro notes", "Senior Sustainability Notes": senior notes, for their type of
# debt only (as a row's own member, the words make it an instrument of its own)
KIND_OF_NOTES = re.compile(r"\b(senior)(?: [a-z]+){1,2}? (notes?)\b", re.I)
MEMBER_PLACES = ("row", "section", "column")  # where official note tables named members
RATE_TYPES = ("percentItemType", "pureItemType")
COUNT_TYPES = ("integerItemType", "nonNegativeIntegerItemType", "positiveIntegerItemType")
# a line that counts things, not money: "Stores open at end of period", "Number of employees"
_COUNTED_THINGS = (r"(?:stores?|restaurants?|locations|employees|franchisees|clubs|outlets|branches|hotels|"
                   r"warehouses|distribution centers|countries|customers|subscribers)")
COUNTED = re.compile(r"\b" + _COUNTED_THINGS + r"\b", re.I)
# ... and a table's title that says its numbers count things ("scheduled aircraft deliveries by
# year", "changes in the number of Company-operated and franchised restaurants")
COUNTED_TITLE = re.compile(r"\b(?:deliveries|fleet)\b|\bnumber of\b[^.$:]{0,60}?\b" + _COUNTED_THINGS + r"\b", re.I)
MONEY_WORDS = re.compile(r"\$|\b(?:sales|revenues?|costs?|expenses?|income|loss|per|amounts?|value|square feet)\b", re.I)
HELD_AWARDS = ("balance", "expected", "exercisable")  # award activities that are balances at a date
NEAR_MEMBER = 0.55  # likeness of a caption to a member's label, among the members of the axis it is on
# A number of years: a useful life, a remaining contractual term, "Expected life (years)".
IN_YEARS = re.compile(r"(?:weighted[- ])?\b(?:useful|remaining|contractual|expected|estimated|amortization|average)\b"
                      r"(?: [\w-]+){0,3} (?:lives?|life|terms?)\b(?! (?:debt|loans?|notes?|borrowings?))", re.I)
YEARS_NOTE = re.compile(r"\((?:in )?years?\)", re.I)
MATURITY_ROW = re.compile(r"^(?:fiscal )?(?:19|20)\d\d(?:\s*(?:-|–|through|to|and)\s*(?:(?:19|20)\d\d|thereafter))?$|"
                          r"^thereafter$|^(?:later|remaining) years$|^(?:remainder|rest) of (?:fiscal )?(?:19|20)\d\d|"
                          r"^(?:due )?(?:in|within|after) (?:one|1|two|five|ten|\w+) (?:years?|months)", re.I)
NCI = re.compile(r"non-?controlling|minority interest", re.I)
TREASURY = re.compile(r"\btreasury (?:stock|shares)\b", re.I)
OPENING_OR_CLOSING = re.compile(r"^(?:balances?,? )?(?:at |as of )?(?:the )?(?:beginning|end|ending|opening|closing)"
                                r"(?: of (?:the )?(?:period|year|fiscal year|quarter))?(?: balances?)?$", re.I)
WORKING_CAPITAL = re.compile(r"changes? in (?:operating )?(?:assets|liabilities|working capital)|"
                             r"operating assets and liabilities|working capital", re.I)
WORKING_SIDE = re.compile(r"(?P<liability>payables?\b|liabilit|accrued|deferred revenue|unearned|accounts payable)|"
                          r"receivables?\b|inventor|prepaid|\bassets?\b", re.I)
# the words of a cash flow line that uses cash, which a company concept reports as a positive amount
CASH_USE = re.compile(r"\b(?:purchases?|purchased|payments?|paid|repaid|repayments?|acquisitions?|acquired|additions?|"
                      r"capital expenditures?|capitalized|contributions?|dividends?|repurchases?|buy-?outs?|"
                      r"investments? in|expenditures?|withh[eo]ld|spent)\b", re.I)
CASH_SOURCE = re.compile(r"\b(?:received|receipts?|proceeds|sales?|borrowings?|collections?)\b", re.I)
NET_SUFFIX = re.compile(r",?\s+net$")  # "Operating lease vehicles, net"
TOTAL_ASSETS = re.compile(r"total assets", re.I)  # the line that closes a balance sheet's assets
CHANGE_IN = re.compile(r"(?:net )?(?:changes?|increases?|decreases?) in\b", re.I)  # "Change in content liabilities"
UNSECURED = re.compile(r"\bunsecured\b", re.I)
CLASS_WORDS = re.compile(r"^class [a-z0-9-]+\s+(?=common|preferred|ordinary|capital)", re.I)  # "Class A common stock"
# the line of a schedule that deducts what has been depreciated or amortized from a gross amount
ACCUMULATED = re.compile(r"^(?:less:?\s*)?accumulated (?:depreciation|amortization)\b", re.I)
NET_PART = re.compile(r"\+NET-\d+$")  # a choice a net schedule made (net_schedules.csv)
# the sides of the balance sheet a cash flow concept's change names ("...OtherOperatingCapitalNet" both)
CHANGE_OF_LIABILITY = re.compile(r"^IncreaseDecreaseIn\w*(?:Liabilit|Payable|Accrued|DeferredRevenue|OperatingCapital)")
CHANGE_OF_ASSET = re.compile(r"^IncreaseDecreaseIn\w*(?:Receivable|Inventor|Prepaid|Assets|OperatingCapital)")
GAIN_OR_LOSS = re.compile(r"\bgains?\b|\bloss(?:es)?\b.*\b(?:on|from) (?:the )?(?:sale|disposal|divestiture|"
                          r"extinguishment|investments?|securities|debt)\b|(?:exchange|currency|remeasurement) "
                          r"\(?(?:gains?|loss(?:es)?)\b", re.I)
AOCI = re.compile(r"other comprehensive|\baoci\b", re.I)
# the movements of a roll-forward of accumulated other comprehensive income's components
AOCI_MOVEMENT = re.compile(r"before reclassifications?\b|reclassified (?:out )?(?:of|from) (?:accumulated other comprehensive|aoci)"
                           r"|reclassifications? (?:out )?(?:of|from) (?:accumulated other comprehensive|aoci)", re.I)
STOCK_SHARE_BALANCE = {"common_stock": "CommonStockSharesOutstanding", "treasury_stock": "TreasuryStockCommonShares",
                       "preferred_stock": "PreferredStockSharesOutstanding"}


@dataclass(frozen=True)
class Choice:
    concept: Concept
    rule: str
    confidence: float
    why: str = ""


@dataclass
class Mapping:
    """The mapping stage's output: facts plus the extension concepts and members it made."""

    facts: list[Fact]
    concepts: dict[QName, Concept]
    members: dict[QName, ExtensionMember]
    namespace: str
    prefix: str
    entity: Entity


class _Extensions:
    """Company concepts and members, named from labels, made once per name."""

    def __init__(self, namespace: str, prefix: str):
        self.namespace, self.prefix = namespace, prefix
        self.concepts: dict[str, Concept] = {}
        self.members: dict[QName, ExtensionMember] = {}

    @staticmethod
    def camel(label: str) -> str:
        words = ALNUM_RUN.findall(rule_text(label))
        name = "".join(w[:1].upper() + w[1:] for w in words)[:120]
        if not name or name[0].isdigit():
            name = "Item" + name
        return name

    def concept(self, label: str, period_type: PeriodType, data_type: str, balance: str | None) -> Concept:
        label = INTRODUCTION_TAIL.sub("", label).strip() or label  # a sentence over a table names it
        name = self.camel(label)
        kind = "Shares" if data_type == "sharesItemType" else "PerShare" if data_type == "perShareItemType" else ""
        balance = balance if data_type == "monetaryItemType" else None
        # one name per period type, data type and balance: "Other", then "OtherShares",
        # "OtherSharesInstant" (a cash flow's "Client incentives" that adds cash and the one
        # that uses it are two concepts)
        for key in dict.fromkeys((name, name + (kind or period_type.value.title()),
                                  name + kind + period_type.value.title())):
            existing = self.concepts.get(key)
            if existing is None:
                break
            if (existing.period_type, existing.data_type, existing.balance) == (period_type, data_type, balance):
                return existing
        else:  # every spelling taken by a concept of another type: number it
            key = next(f"{key}{n}" for n in itertools.count(2) if f"{key}{n}" not in self.concepts)
        c = Concept(QName(self.namespace, key, self.prefix), period_type, data_type, balance,
                    label=_title_case(label), extension=True)
        self.concepts[key] = c
        return c

    def member(self, label: str) -> QName:
        q = QName(self.namespace, self.camel(label) + "Member", self.prefix)
        self.members.setdefault(q, ExtensionMember(q, _title_case(label) + " [Member]"))
        return q


# what a sentence introducing a table adds to the name of what it shows: "Strategic
# investments by form and measurement category[ as of January 31, 2025 were as follows (in millions):]"
INTRODUCTION_TAIL = re.compile(r"(?:\s+(?:as of|at)\s+" + MONTH_NAME + r"\s+\d{1,2},?\s+\d{4})?"
                               r"\s+(?:was|were|is|are)\s+as follows\b.*$", re.I)


def _title_case(label: str) -> str:
    t = rule_text(label)
    return t[:1].upper() + t[1:] if t else "Item"


@lru_cache(maxsize=256)
def _counts_things(table: Table) -> bool:
    """Whether a note table's title says its numbers count things ("the Company's scheduled
    aircraft deliveries by year") and no cell or word of it speaks of money."""
    about = _table_intro(table) if table.kind is StatementKind.NOTE else ""
    return bool(COUNTED_TITLE.search(about)) and not MONEY_WORDS.search(about) and \
        not any("$" in c.text for r in table.rows for c in r.cells if c is not None)


def _want_type(table: Table, row: LineItem) -> str | None:
    if table.kind is StatementKind.BALANCE:
        return None
    per_share_label, share_count, per_share = _share_words(row.label, row.section)
    if per_share_label:
        return "perShareItemType"  # "Earnings per share - basic" under a heading of share counts
    if share_count or ANTIDILUTIVE.search(table.title) or _shares_columns(table):
        return "sharesItemType"
    if per_share and not _whole_amounts(row):
        return "perShareItemType"
    values = [c.value for c in row.cells if c is not None and c.value]
    if values and table.kind is StatementKind.NOTE and (COUNTED.search(row.label) or _counts_things(table)) and \
            not MONEY_WORDS.search(f"{row.section} {row.label} {table.title}") and \
            all(v == v.to_integral_value() for v in values) and \
            not any("$" in c.text for c in row.cells if c is not None):
        return "integerItemType"  # "Stores opened 14": a count of things
    if values and table.kind in (StatementKind.INCOME, StatementKind.NOTE) and \
            all(v != v.to_integral_value() and abs(v) < 1000 for v in values) and \
            any(v.as_tuple().exponent <= -2 for v in values):
        # small amounts with cents; "$30.2" in a table "(in billions)" is an amount
        return "perShareItemType"
    return None


@lru_cache(maxsize=16384)
def _share_words(label: str, section: str) -> tuple[bool, bool, bool]:
    """What a row's label and heading say of shares: (the label names a value per share,
    the label or heading a count of shares, the label or heading a value per share). Kept
    per label and heading: the mapper asks for each row, and its patterns are slow ones
    (their first letters, "a", "e", "s", are most letters of a text)."""
    text = f"{section} {label}"
    per_share_label = bool(PER_SHARE.search(label) and not FOR_PER_SHARE.search(label) and
                           (not SHARE_COUNT.search(label) or VALUE_PER_SHARE.search(label)))
    return per_share_label, SHARE_COUNT.search(text) is not None, PER_SHARE.search(text) is not None


def _shares_columns(table: Table) -> bool:
    """Every column's header names shares ("Outstanding Shares" over "Class A | Class B"):
    the table counts shares, whatever its figures look like ("0.2" million converted)."""
    return bool(table.columns) and all(
        SHARES_CAPTION.search(" ".join(_header_stack(table, c.index)) or c.label) for c in table.columns)


SHARES_CAPTION = re.compile(r"\bshares\b", re.I)
WITH_CENTS = re.compile(r"\d\.\d")


def _whole_amounts(row: LineItem) -> bool:
    """Figures all shown without cents: amounts, even under a per-share heading ("Basic EPS"
    over "Net earnings 4,278" and "Earnings allocated to participating securities 40"),
    since amounts per share are shown to the cent."""
    shown = [c.text for c in row.cells if c is not None and c.value]
    return bool(shown) and not any(WITH_CENTS.search(t) for t in shown)


CLOSING_CASH = re.compile(r"\bend of (?:the )?(?:period|year|quarter)", re.I)


def _closing_cash_parts(table: Table) -> frozenset[int]:
    """Rows after a cash flow statement's closing balance that add up to it again ("Cash and
    cash equivalents", "Restricted cash ... in other assets", then "Total ... per above",
    after the supplemental lines): the balance's parts at the period's end, not flows."""
    items = list(table.rows)
    closing = next((k for k, r in enumerate(items) if not r.is_abstract and CLOSING_CASH.search(r.label)), None)
    if closing is None:
        return frozenset()

    def shown(row: LineItem) -> list:
        return [c.shown if c is not None and c.value is not None else None for c in row.cells]

    target = shown(items[closing])
    if not any(target):
        return frozenset()
    for k in range(closing + 2, len(items)):
        if items[k].is_abstract or shown(items[k]) != target:
            continue
        sums = [Decimal(0)] * len(target)
        for j in range(k - 1, closing, -1):  # the parts stand right above their total
            if items[j].is_abstract:
                break
            sums = [a + (v or 0) for a, v in zip(sums, shown(items[j]))]
            if all(t is None or a == t for a, t in zip(sums, target)):
                return frozenset(r.index for r in items[j:k + 1])
    return frozenset()


def _opening_or_closing(label: str) -> bool:
    """A balance at the start (BEGINNING) or at the end (PERIOD_END_BALANCE) of the period."""
    return bool(BEGINNING.search(label) or PERIOD_END_BALANCE.search(label))


# Balance words a line names its balance by ("Board authorized shares remaining")
BALANCE_WORDS = re.compile(r"\b(?:ending|closing|opening|beginning) balance\b|\bremaining$", re.I)
# Lines that are balances wherever they stand: in a segment note under the year's columns,
# "Total assets" is the assets at the year's end, not a flow of the year.
BALANCE_LINE_IN_FLOWS = re.compile(
    r"^(?:total )?(?:segment |identifiable )?(?:assets|long-lived assets|noncurrent assets|inventor(?:y|ies)(?:, net)?|"
    r"(?:net )?property(?:,)? (?:plant )?(?:and )?equipment(?:, net)?|goodwill|accounts receivable(?:, net)?)$", re.I)


# Lines that are flows wherever they stand, even under columns of dates ("December 31, 2024"
# over a segment table's capital expenditures, "Gross profit as a percentage of revenue"): a
# company concept for one is a duration.
FLOW_LINE = re.compile(
    r"^(?:total )?(?:purchases? of|payments? (?:for|of|to)|proceeds from|capital expenditures|"
    r"additions? to|(?:net )?(?:gains?|loss(?:es)?)(?: \(gains?\))? on|depreciation(?: and amortization)?(?: expense)?$|"
    r"amortization(?: expense)?$|impairment(?:s| charges?)? of|provision for|repurchases? of|issuances? of|"
    r"(?:cash )?dividends (?:declared|paid)|(?:gross|operating) (?:profit|margin|income)|"
    r".*\bas an? (?:percent(?:age)?|share) of (?:total )?(?:net )?(?:revenues?|sales))\b", re.I)


def _expected_period(table: Table, row: LineItem, cash_parts: frozenset[int] = frozenset()) -> PeriodType | None:
    """The period type a row's concept must have; ``cash_parts``: the table's
    ``_closing_cash_parts``, found once per table by the caller."""
    if row.period_override is not None and row.period_open:
        return None
    if row.period_override is not None:
        return PeriodType.INSTANT if isinstance(row.period_override, Instant) else PeriodType.DURATION
    if table.kind is StatementKind.BALANCE:
        return PeriodType.INSTANT
    if table.kind is StatementKind.CASHFLOW:
        if BEGINNING.search(row.label) or CASH_BALANCE_LINE.search(f"{row.label} {row.section}"):
            return None  # balances, or a supplemental line the concept dates ("dividends declared and not paid")
        if row.index in cash_parts:
            return PeriodType.INSTANT
        return PeriodType.DURATION
    if table.kind in (StatementKind.INCOME, StatementKind.COMPREHENSIVE, StatementKind.EQUITY):
        return PeriodType.DURATION
    if table.columns and all(c.period_open for c in table.columns):
        return None  # "2024" or no date at all: the row's concept decides
    if table.kind is StatementKind.NOTE and _opening_or_closing(row.label):
        return PeriodType.INSTANT  # a roll-forward's opening or closing balance, in columns of periods
    if _balance_among_flows(table, row.label):
        return None  # its concept dates it: a balance at the column's end
    column_type = _column_type(table)
    if table.kind is StatementKind.NOTE and column_type is PeriodType.INSTANT and _rolled_forward_movement(table, row):
        return PeriodType.DURATION  # a movement of the year that ends on the column's date
    return column_type


def _rolled_forward_movement(table: Table, row: LineItem) -> bool:
    """A note line below a roll-forward's opening balance ("Reserves ..., January 1") and above
    its closing one ("..., December 31"), under columns dated at the year's end: a movement
    of the year ("Provision for current year claims"), which a company concept must date so."""
    return any(r.index < row.index and not r.is_abstract and BEGINNING.search(r.label) for r in table.rows) and \
        any(r.index > row.index and not r.is_abstract and PERIOD_END_BALANCE.search(r.label) for r in table.rows)


def _balance_among_flows(table: Table, label: str) -> bool:
    """A note line that is a balance wherever it stands (BALANCE_LINE_IN_FLOWS), even under
    columns of periods: its concept, the balance sheet's, dates it."""
    return table.kind is StatementKind.NOTE and BALANCE_LINE_IN_FLOWS.match(label.strip()) is not None


SCALE_CAPTION = re.compile(r"^\(?(?:in |\$ in |amounts in |dollars in )?(?:thousands|millions|billions)\b[^)]*\)?$", re.I)


def _header_words(table: Table) -> tuple[tuple[str, ...], ...]:
    """Copied text, which keeps no header cells: a header line whose words are one caption
    per value column ("2025 2026 2027 2028 2029 ThereafterTotal"), else none."""
    for line in reversed(table.raw.header if table.raw is not None else ()):
        words = [word for piece in split_header_pieces(line) for word in piece.split()]
        if len(words) == len(table.columns):
            return tuple((word,) for word in words)
    return ()


def _header_stack(table: Table, column: int) -> tuple[str, ...]:
    """The header cells over a column, top to bottom."""
    stacks = table.header_stacks
    return stacks[column] if column < len(stacks) else ()


def _lowest_header(table: Table, column: int) -> str:
    """The header cell right over a column, period or not ("2026", "Thereafter")."""
    stack = _header_stack(table, column)
    return stack[-1] if stack else table.columns[column].header if column < len(table.columns) else ""


def _caption(table: Table, column: int) -> str:
    """The lowest header cell over a column that is not a period or the scale."""
    stack = _header_stack(table, column)
    return next((text for text in reversed(stack) if not _periodish(text)), table.columns[column].label)


@lru_cache(maxsize=16384)
def _class_named(label: str) -> str:
    """The class of stock a row label starts with ("Class A common stock, $0.0001 par
    value..." -> "Class A common stock"; "Class B — 1,186 and 1,205 shares" -> "Class B"),
    when a member rule names it; else "". Kept per label: asked of every row of a table
    about stock, in more than one step."""
    if len(classes_named(label)) > 1:
        return ""  # "Class A, Class B, and Class C stock": the row is every class's
    head = CLASS_NAME_END.split(label, maxsplit=1)[0].strip()
    for text in (head, " ".join(head.split()[:2])):
        if text and match_member(text, "us-gaap:StatementClassOfStockAxis"):
            return text
    return ""


# a paragraph that only states the scale of the table below it
SCALE_ONLY = re.compile(r"^\(?(?:(?:in|dollars in|amounts in|\$ in|U\.S\. dollars in) )?(?:millions|thousands|billions)"
                        r"(?:,? except (?:per[- ]share|share)[^)]*)?\)?\.?$", re.I)


def _sentence_above(table: Table) -> str:
    """The paragraph right above the table; where that introduces nothing (a page number, a
    footnote of the table before) and the one stating the table's scale does ("Information
    about our operations by segment is as follows (in millions):"), or the sentence ending
    in a colon that copied text left among the header lines, that one."""
    raw = table.raw
    if raw is None:
        return ""
    before = raw.context_before
    near = before[-1] if before else ""
    if len(before) > 1 and SCALE_ONLY.match(near.strip()):
        near = before[-2]  # "(In millions)" alone between the introducing sentence and the table
    # a scale alone stated far above ("(Dollars in millions ...)" under the notes' heading)
    # says how the figures are counted, not what the table is about
    scale = raw.scale_text if raw.scale_text in before or not scale_line(raw.scale_text) else ""
    return _sentence_among(near, scale, raw.header)


@lru_cache(maxsize=4096)
def _sentence_among(near: str, scale_text: str, header: tuple[str, ...]) -> str:
    """_sentence_above of a table's paragraph right above, scale paragraph and header lines:
    kept by those texts, as a table's rows ask for it again and again."""
    if scale_text and not INTRODUCES.search(near) and INTRODUCES.search(scale_text) and \
            not SCALE_ONLY.match(scale_text.strip()):  # "(In millions)" alone says nothing of the table
        return scale_text
    if not INTRODUCES.search(near):  # copied text: the introducing sentence read as a header line
        return next((line for line in header if len(line) > 40 and line.rstrip().endswith(":")), near)
    return near


def _table_text(table: Table) -> str:
    """The table's title and the sentence above it: what the table says it is about."""
    above = _sentence_above(table)
    return table.title if above == table.title else f"{table.title} {above}"


def _members_about(table: Table) -> str:
    """What a table is about for member rules bound to a kind of table: its title and the
    sentence above it, and a roll-forward of accumulated other comprehensive income's
    components is about that whatever a page break left above it ("Table of Contents")."""
    text = _table_text(table)
    if not AOCI.search(text) and any(AOCI_MOVEMENT.search(r.label) for r in table.rows):
        text += " (accumulated other comprehensive income)"
    return text


def _heads_headings(table: Table, section: str) -> bool:
    """``section`` is the heading that opens the table over the headings of its lines."""
    rows = table.rows
    return len(rows) > 1 and rows[0].is_abstract and rows[1].is_abstract and rows[0].label == section


def _table_intro(table: Table) -> str:
    """The table's title and the sentence above it if that sentence introduces the table
    ("The following table summarizes our RSU activity:") or is a heading, not one that ends
    a paragraph about something else ("... related to nonvested stock options.")."""
    return _table_text(table) if _introduces(_sentence_above(table)) else table.title


@lru_cache(maxsize=4096)
def _introduces(sentence: str) -> bool:
    """Whether a sentence introduces what follows it (INTRODUCES), kept per sentence."""
    return INTRODUCES.search(sentence) is not None


def _table_scopes(table: Table, release: str) -> tuple[TableScope, ...]:
    """The kinds of table whose lines have rules of their own (table_scopes.csv) a table is."""
    scopes = [s for s in table_scopes(release) if table.kind.value in s.tables]
    if not scopes:
        return ()
    rows = " ".join(f"{r.section} {r.label}" for r in table.rows).lower()
    text = f"{_table_text(table)} {rows}"
    rows_lowered, text_lowered = lower_for_words(rows), lower_for_words(text)
    return tuple(s for s in scopes if (s.rows is None or found_in(s.rows, rows, rows_lowered)) and
                 (s.text is None or found_in(s.text, text, text_lowered)))


def _passing_over(choice: Choice, passed: list[str]) -> Choice:
    """``choice``, its evidence naming the concepts passed over for it (of subjects the table
    never speaks of), if any."""
    if not passed:
        return choice
    return replace(choice, why=f"{choice.why}; passed over {', '.join(passed)}: the table never names its subject")


class _Subjects:
    """The subjects (concept_subjects.csv) a note table's title, the paragraphs above it and
    its lines never speak of (a statement's, for an industry's subjects): near labels do
    not make its lines concepts of theirs. Asked
    per concept chosen, the table's words read once and only where a concept of a subject
    comes up (most tables choose none)."""

    def __init__(self, table: Table | None, release: str):
        self.table = table
        self.note = table is not None and table.kind is StatementKind.NOTE
        self.release = release
        self._text: str | None = None
        self._spoken: dict[str, bool] = {}

    def off(self, name: str) -> bool:
        """Whether the concept ``name`` is of a subject the table never speaks of."""
        if self.table is None:
            return False
        for subject in concept_subjects(self.release):
            if (self.note or subject.statements) and subject.concepts.search(name):
                if subject.id not in self._spoken:
                    self._spoken[subject.id] = subject.text.search(self._words()) is not None
                if not self._spoken[subject.id]:
                    return True
        return False

    def _words(self) -> str:
        if self._text is None:
            table = self.table
            paragraphs = list(table.raw.context_before) if table.raw is not None else []
            self._text = " ".join([_table_text(table), _table_intro(table)] + paragraphs +
                                  [f"{r.section} {r.label}" for r in table.rows])
        return self._text


def _segment_subtotals(captions: dict[int, str]) -> dict[str, str]:
    """Total columns among segments that another total column follows ("NORTH AMERICA | ...
    | TOTAL NIKE BRAND | CONVERSE | CORPORATE | TOTAL NIKE, INC"): each adds up a group of
    the segments, a member of the segments axis named by what it totals ("NIKE BRAND");
    the last total is the company's. A bare "Total", or one of "segments", names no group."""
    totals = [text for _, text in sorted(captions.items()) if TOTAL_CAPTION.match(text)]
    return {text: found.group(1) for text in totals[:-1] if text != totals[-1] and
            (found := SUBTOTAL_OF.match(text)) and not SEGMENTS_GROUP.match(found.group(1))}


def _about_segments(table: Table) -> bool:
    """The table's title or the sentence above it speaks of segments, or one of its rows
    does ("Other segment items" under the captions of the segments)."""
    return bool(SEGMENT_TITLE.search(_table_text(table))) or \
        any(SEGMENT_ROW.search(r.label) for r in table.rows if not r.is_abstract)


def _line_item_likeness(catalog: Catalog, label: str) -> float:
    """How near a label is to the nearest standard line item's (0..1)."""
    return max((score for _, score in catalog.search_label(label, limit=1)), default=0.0)


def _segment_captions(tables, catalog: Catalog) -> frozenset[str]:
    """The names the company gives its segments: in its note tables about segments, the
    captions over the columns, the row labels repeated under two or more headings
    ("Google Cloud" under "Revenues:" and under "Operating income (loss):") that name no
    standard line item, or else the headings such a line item repeats under ("Revenues"
    under "Automotive:" and "Energy:" is the measure, the headings are the segments);
    totals and periods left out."""
    out: set[str] = set()
    for table in tables:
        if table.kind is not StatementKind.NOTE or table.raw is None or not _about_segments(table):
            continue
        # copied text keeps no header cells: the columns' captions read from its header line
        captions = {stack[-1] for stack in table.raw.column_headers if stack} or \
            {c.label for c in table.columns if c.label}
        sections: dict[str, set[str]] = {}
        for row in table.rows:
            if not row.is_abstract and row.section:
                sections.setdefault(row.label, set()).add(row.section)
        for label, under in sections.items():
            if len(under) < 2:
                continue
            likeness = _line_item_likeness(catalog, label)
            # "Net sales" under "North America" and "AWS": the headings are segments; not where
            # each heading is a line item more plainly than the label ("Property and Casualty
            # Insurance" under "Revenues:" and "Income (loss) before income taxes:")
            if likeness >= LINE_ITEM_LIKENESS and \
                    not all(_line_item_likeness(catalog, heading) > likeness for heading in under):
                captions |= under
            else:
                captions.add(label)
        named = {text for text in captions if not TOTAL_CAPTION.match(text) and not _periodish(text)}
        if len(named) >= 2:
            out |= named
    return frozenset(out)


def _column_type(table: Table) -> PeriodType:
    """Instant or duration, as the table's first column is dated."""
    first = table.columns[0].period if table.columns else None
    return PeriodType.INSTANT if isinstance(first, Instant) else PeriodType.DURATION


# the confidence of a learned label as alike as the line's own words (0.3 + 0.4 x score):
# below it, a near label
ALIKE_LABEL_CONFIDENCE = 0.7


def _income_key(label: str) -> str:
    """An income statement line's words, "(loss)" aside, for finding it again by name."""
    return LOSS_ASIDE.sub("", label).strip().lower()


CURRENT_PART = re.compile(r"^current (?:assets|liabilities)\b", re.I)
NONCURRENT_PART = re.compile(r"\b(?:non-?current|long-term) (?:assets|liabilities)\b", re.I)
CURRENT_TOTAL = re.compile(r"^total current (?:assets|liabilities)\b", re.I)
SIDE_TOTAL = re.compile(r"^total (?:assets|liabilities)\b", re.I)


def _balance_parts(table: Table):
    """(row, "current" | "noncurrent" | None) for a balance sheet's lines: a heading names
    the part, else a line between a side's current total and the side's total is noncurrent,
    and a line under a heading nested in the current part ("Accounts receivable, net:" below
    "Current assets:") is current up to the part's total."""
    below_current = in_current = False
    for i, row in enumerate(table.rows):
        section = row.section or ""
        if NONCURRENT_PART.search(section):
            yield row, "noncurrent"
        elif CURRENT_PART.search(section):
            in_current = in_current or _current_total_ahead(table.rows[i:])
            yield row, "current"
        else:
            yield row, "noncurrent" if below_current else "current" if in_current else None
        if CURRENT_TOTAL.match(row.label or ""):
            below_current, in_current = True, False
        elif SIDE_TOTAL.match(row.label or ""):
            below_current = in_current = False


NEGATION = re.compile(r"\bnot\b", re.I)
NAMED_NOTES = re.compile(r"\d%.*\bdue\b (?:in )?(?:19|20)\d\d\b", re.I)  # "7.875% senior notes due 2029"


def _negation_added(label: str, standard: str) -> bool:
    """Whether a standard label says "not" where the line does not: the words alike leave
    it out, and "Revenues from contracts with customers" is no "Revenue Not from Contract
    with Customer"."""
    return bool(NEGATION.search(standard)) and not NEGATION.search(label)


def _current_total_ahead(rows) -> bool:
    """Whether the part's total comes before the side's: only then do nested headings stay in it."""
    for row in rows:
        if CURRENT_TOTAL.match(row.label or ""):
            return True
        if SIDE_TOTAL.match(row.label or ""):
            return False
    return False


def _dated_balances(first: LineItem, last: LineItem) -> bool:
    """Whether a table's first and last lines are balances of two dates ("Balance at December
    31, 2024" ... "Balance at June 30, 2025"): a roll-forward, whatever words it uses."""
    return isinstance(first.period_override, Instant) and isinstance(last.period_override, Instant) and \
        first.period_override.date < last.period_override.date


def _fits(concept: Concept | None, period: PeriodType | None, want: str | None) -> bool:
    if concept is None:
        return False
    if period is not None and concept.period_type is not period:
        return False
    if want is not None:
        return concept.data_type == want
    return concept.data_type in ("monetaryItemType", "sharesItemType", "perShareItemType")


class Mapper:
    def __init__(self, filing: Filing, *, release: str = "us-gaap-2024", exclude_company: str | None = None):
        self.filing = filing
        self.catalog = Catalog.load(release)
        self.release = release
        self.exclude = exclude_company
        prefix = filing.prefix or "co"
        self.namespace = EXT_BASE.format(prefix=prefix, date=filing.period_end.strftime("%Y%m%d"))
        self.ext = _Extensions(self.namespace, prefix)
        self.entity = Entity(SEC_CIK_SCHEME, (filing.cik or "0000000000").zfill(10))
        self.facts: list[Fact] = []
        self.used: dict[QName, Concept] = {}
        # noncontrolling interests anywhere in the statements change what "net income" means
        self.nci = any(NCI.search(r.label) for t in filing.tables if t.kind.primary for r in t.rows)
        # a quarterly report: its maturity schedules open with the rest of the fiscal year
        self._interim = not filing.document_type.startswith("10-K")
        # treasury stock on the statements: repurchased shares are held, not retired
        self.treasury = any(TREASURY.search(text) for t in filing.tables if t.kind.primary
                            for text in itertools.chain((r.label for r in t.rows), (c.label for c in t.columns)))
        self.registrant = name_words(filing.company or "")
        # the balance sheets' lines by name and side: a working capital change that names no
        # side ("Operating lease vehicles") changes the line of that name
        self._balance_sides = _balance_sheet_sides(filing.tables)
        self._candidate_memo: dict[tuple, list[Candidate]] = {}
        self._rate_memo: dict[tuple[int, int], Choice] = {}  # (table, row) -> the concept of its percentages
        self._measure_memo: dict[tuple[str, str], tuple | None] = {}  # (concept, column caption) -> its measure there
        self._share_memo: dict[int, ConcentrationRate] = {}  # table -> the kind of share of net sales its rows show
        self._table_member_memo: dict[int, tuple] = {}  # table -> the members all its numbers share
        self._cash_parts_memo: dict[int, frozenset[int]] = {}  # table -> its closing cash balance's parts
        self._title_memo: dict[int, Choice | None] = {}  # table -> the concept its title rules name
        self._titled_memo: dict[tuple, Choice | None] = {}  # (table, data type, side) -> its title's balance
        self._about_memo: dict[int, str] = {}  # table -> what member rules bound to a kind of table read
        self._derivatives_memo: dict[int, str] = {}  # table -> what it says about derivatives, or ""
        # what the standard calculations add into Revenues beside revenue from contracts
        self._other_revenues = {name for name, weight in self.catalog.calc_children("us-gaap:Revenues")
                                if weight > 0 and name not in CONTRACT_REVENUE}
        # the income statement's lines by label: their one concept and product or service member
        self._income_lines: dict[str, tuple[Concept, tuple]] | None = None
        self._years_memo: dict[int, frozenset[int]] = {}  # table -> its columns of numbers of years
        self._column_members_memo: dict[int, dict[int, tuple]] = {}  # table -> _column_members
        # (period, dimensions) -> the one Context object of the facts that have it: the writers
        # look a fact's context up by identity first, not by a deep dataclass hash
        self._contexts: dict[tuple, Context] = {}
        self._reconciliation_sign: dict[tuple[int, int], int] = {}  # (table, row) -> its tax reconciliation sign
        self._acquisition: QName | None = None  # the business acquired, while its purchase price table is mapped
        # the kinds of table being mapped, whose own rules come first: "acquisition", or the scopes
        # of table_scopes.csv ("deferredtax", "pension", "utb", "lease", "nogrossprofit"...)
        self._scopes: tuple[str, ...] = ()
        self._credits_deducted = False  # ... and whether its credit lines shown in parentheses are deducted
        self._by_level = False  # ... and whether its columns are fair value levels
        self._subjects = _Subjects(None, release)  # ... and the subjects it never speaks of
        # choose's answers by its arguments, which hold while the scopes and subjects do
        self._chosen: dict[tuple, Choice | None] = {}
        # the periods the filing's columns and headings name, by end and length: a flow dated
        # by an "as of" column takes the statements' own period (a 53-week year), not a guess
        self._durations_ending: dict[dt.date, dict[int, Duration]] = {}
        # the names the company gives its segments in its tables about them (_segment_captions)
        self._segment_captions = _segment_captions(filing.tables, self.catalog)
        # ... those that read like no line item, which a header over a note's rows may name
        self._segment_names = {name: re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
                               for name in sorted(self._segment_captions)
                               if not any(score >= LINE_ITEM_LIKENESS for _, score in self.catalog.search_label(name, limit=1))}
        for table in filing.tables:
            for p in [c.period for c in table.columns] + [r.period_override for r in table.rows]:
                if isinstance(p, Duration):
                    self._durations_ending.setdefault(p.end, {}).setdefault(p.months, p)

    # --- concept choice -----------------------------------------------------------

    def _likely_period(self, label: str, default: PeriodType) -> PeriodType:
        """Instant or duration for a company concept whose column does not say: what the
        standard concepts with the nearest labels are; a purchase, payment, gain or loss is a
        flow, an opening, ending or remaining balance a balance."""
        if FLOW_LINE.match(label.strip()):
            return PeriodType.DURATION
        if _opening_or_closing(label) or BALANCE_WORDS.search(label):
            return PeriodType.INSTANT  # "Medical costs payable, beginning of period", "..., ending balance at June 30"
        votes = {PeriodType.INSTANT: 0.0, PeriodType.DURATION: 0.0}
        for c, score in self.catalog.search_label(label, limit=5):
            if score >= RANK_FLOOR:
                votes[c.period_type] += score
        if votes[PeriodType.INSTANT] == votes[PeriodType.DURATION]:
            return default
        return max(votes, key=votes.get)

    def choose(self, kind: str, section: str, label: str, period: PeriodType | None, want: str | None,
               *, balance_hint: str | None = None, company_balance: str | None = None, nci: bool = False,
               default: PeriodType = PeriodType.DURATION, exclude: frozenset[str] = frozenset(),
               before_tax: bool = False, split: bool = False, above: str = "", carried: str = "",
               extend: bool = True) -> Choice | None:
        """The concept of a row; ``exclude`` names concepts another line of the statement holds,
        ``company_balance`` is the balance of a company concept where it is not ``balance_hint``,
        ``before_tax`` and ``split`` say an OCI line's heading lists its tax and its
        reclassifications apart, ``above`` is the line an OCI tax line follows, ``carried``
        the earlier line naming the OCI part it continues. Where nothing fits, a company
        concept made from the label, or None when not to ``extend`` the taxonomy.

        Kept by the arguments for the table being mapped (its scopes and subjects): a table's
        rows are asked for again by the steps that read it (a company concept made the first
        time is found again)."""
        key = (kind, section, label, period, want, balance_hint, company_balance, nci, default, exclude,
               before_tax, split, above, carried, extend)
        if key not in self._chosen:
            self._chosen[key] = self._choose(kind, section, label, period, want, balance_hint, company_balance, nci,
                                             default, exclude, before_tax, split, above, carried, extend)
        return self._chosen[key]

    def _choose(self, kind: str, section: str, label: str, period: PeriodType | None, want: str | None,
                balance_hint: str | None, company_balance: str | None, nci: bool, default: PeriodType,
                exclude: frozenset[str], before_tax: bool, split: bool, above: str, carried: str,
                extend: bool) -> Choice | None:
        shown, label = label, without_amounts(without_registrant(label, self.registrant))
        # an equity statement's OCI line its own rules do not name ("Unrealized gain on
        # marketable securities"): the OCI statement's concept
        equity_oci = kind == "equity" and EQUITY_OCI_LINE.search(label) is not None and \
            not self._matching_rule(kind, section, label, nci=nci)
        if (kind == "comprehensive" or equity_oci) and \
                (oci := oci_rule(label, section, before_tax=before_tax, split=split, above=above,
                                 release=self.release, carried=carried)):
            c = self.catalog.concept(oci.concept)
            if _fits(c, period, want) and str(c.qname) not in exclude:
                return Choice(c, oci.id, 0.85, f"OCI line: {oci.part} {oci.stage}, {oci.tax} (rule {oci.id})")
        rule = self._matching_rule(kind, section, label, nci=nci)
        if rule:
            c = self.catalog.concept(rule.concept)
            twins = period_twins(self.release)
            if period is not None and c is not None and c.period_type is not period and rule.concept in twins:
                twin_id, twin = twins[rule.concept]  # the rate for the year's cost, not at year end
                c = self.catalog.concept(twin)
                rule = replace(rule, id=f"{rule.id}+{twin_id}")
            # a note's "as of" columns may hold flows (anti-dilutive shares for the period)
            if (_fits(c, period, want) or (kind == "note" and _fits(c, None, want))) and str(c.qname) not in exclude:
                # a rule of the kind of table (warranty activity's "Additions") knows more than
                # what the label meant in other filers' tables of any kind
                scoped = any("+" in statements for statements in rule.statements)
                overruled = None if scoped else \
                    self._learned_overrules(kind, label, rule.concept, rule.confidence, period, want, exclude)
                return overruled or Choice(c, rule.id, rule.confidence, f"rule {rule.id}")
        passed: list[str] = []  # concepts of subjects the table never speaks of, passed over
        if label.strip() and not BARE_TOTAL.match(label):  # "Total" alone names no concept of its own
            for _ in range(SUBJECT_TRIES):
                # once a concept is passed over, the label's other learned concepts count only
                # where they are not a small minority of its uses (measured: none was right)
                if passed:
                    exclude = exclude | self._learned_minority(kind, label, MIN_SHARE_AFTER_PASSING)
                found = self._learned_exact(kind, label, period, want, exclude=exclude,
                                            side=balance_hint if kind == "balance" else None) or \
                    self._ranked(kind, label, period, want, balance_hint, exclude)
                if found is None:
                    break
                if not self._subjects.off(found.concept.qname.local):
                    return _passing_over(found, passed)
                # a concept of a subject the table never speaks of ("Net additions" of equity
                # securities are no goodwill acquired): the next best, else a company concept
                passed.append(found.concept.qname.local)
                exclude = exclude | {str(found.concept.qname)}
        if not extend:
            return None
        data_type = want or "monetaryItemType"
        ext = self.ext.concept(shown or section or "Unlabeled item",
                               period or self._likely_period(f"{section} {label}" if section else label, default),
                               data_type, company_balance or balance_hint)
        return _passing_over(Choice(ext, "extension", 0.3, "no rule, learned label or standard label fits"), passed)

    def _matching_rule(self, kind: str, section: str, label: str, *, nci: bool):
        """The first rule for the line: one for statements with noncontrolling interests
        (``nci``), for the kind of table being mapped (a purchase price allocation, or a kind
        of table_scopes.csv) or with treasury stock where the filing or table has them, else a
        plain one."""
        return (nci and match_rule(kind + "+nci", section, label, self.release)) or \
            self._scoped_rule(kind, section, label) or \
            (self.treasury and match_rule(kind + "+treasury", section, label, self.release)) or \
            match_rule(kind, section, label, self.release)

    def _scoped_rule(self, kind: str, section: str, label: str):
        """The first rule of ``kind`` bound to a kind of table being mapped ("note+pension",
        "column+derivatives"), else None."""
        scoped = (match_rule(f"{kind}+{scope}", section, label, self.release) for scope in self._scopes)
        return next((rule for rule in scoped if rule), None)

    def _ranked(self, kind: str, label: str, period: PeriodType | None, want: str | None,
                balance_hint: str | None, exclude: frozenset[str] = frozenset()) -> Choice | None:
        """The best-supported standard concept for a label no rule or learned label names.

        Near labels of the official filings and standard labels each offer concepts with a
        similarity (0..1); a concept the standard taxonomy presents in this kind of statement,
        or whose balance agrees with the row's side, earns a little more, one whose balance
        contradicts it loses. "Fuel" in an income statement is FuelCosts this way, although
        the words alone are not alike enough.
        """
        offers: dict[str, tuple[float, str, str]] = {}

        def offer(name: str, score: float, rule: str, why: str) -> None:
            if score > offers.get(name, (0.0,))[0]:
                offers[name] = (score, rule, why)

        for name, score, _ in self.catalog.learned_fuzzy(kind, label, exclude_company=self.exclude,
                                                         min_score=RANK_FLOOR):
            offer(name, score + LEARNED_BONUS, "learned:fuzzy", f"official filings used it for a label {score:.0%} alike")
        for c, score in self.catalog.search_label(label, period_type=period, limit=12):
            if score >= RANK_FLOOR and not _negation_added(label, c.label):
                offer(str(c.qname), score, "taxonomy:label", f"standard label '{c.label}' {score:.0%} alike")
        best: tuple[float, Concept, str, str] | None = None
        for name, (score, rule, why) in offers.items():
            c = self.catalog.concept(name)
            if not _fits(c, period, want) or str(c.qname) in exclude:
                continue
            total = score
            if kind != "note" and kind in self.catalog.statements_of(name):
                total += STATEMENT_BONUS
            if balance_hint and c.balance:
                total += BALANCE_AGREES if c.balance == balance_hint else BALANCE_DISAGREES
            if kind == "cashflow" and _names_another_side(label, c.qname.local):
                total += BALANCE_DISAGREES
            if best is None or total > best[0]:
                best = (total, c, rule, why)
        if best is None or best[0] < RANK_ACCEPT:
            return None
        total, c, rule, why = best
        return Choice(c, rule, round(min(0.75, 0.3 + 0.4 * total), 3), why)

    def _learned_exact(self, kind: str, label: str, period: PeriodType | None, want: str | None, *,
                       majority: bool = False, exclude: frozenset[str] = frozenset(),
                       side: str | None = None) -> Choice | None:
        """The concept official filings used for this label in this kind of table; with
        ``majority``, only their top concept, and only when at least 3 facts, 60%, agree.
        A balance sheet ``side`` (debit for assets) puts the concepts of that balance first:
        "Deferred income taxes" is an asset above total assets and a liability below."""
        learned = self.catalog.learned(kind, label, exclude_company=self.exclude)
        total = sum(n for _, n in learned)
        if majority and (total < 3 or learned[0][1] / total < 0.6):
            return None
        if side and not majority:
            learned = sorted(learned, key=lambda pair: self._other_side(pair[0], side))
        for name, n in learned[:1] if majority else learned:
            c = self.catalog.concept(name)
            if _fits(c, period, want) and str(c.qname) not in exclude:
                return Choice(c, "learned:exact", round(0.6 + 0.3 * n / total, 3),
                              f"{n} of {total} official facts with this label in a {kind} table"
                              + (" (over a weaker rule)" if majority else ""))
        return None

    def _learned_minority(self, kind: str, label: str, share: float) -> frozenset[str]:
        """The concepts official filings used for this label in under ``share`` of its facts
        in this kind of table ("General and administrative": one filer's derivative gains of
        22 facts, most of them other concepts' members)."""
        learned = self.catalog.learned(kind, label, exclude_company=self.exclude)
        total = sum(n for _, n in learned)
        return frozenset(name for name, n in learned if n < share * total)

    def _period_type(self, table: Table, row: LineItem) -> PeriodType | None:
        """``_expected_period``, with the cash flow statement's closing balance parts found once."""
        if table.index not in self._cash_parts_memo:
            self._cash_parts_memo[table.index] = _closing_cash_parts(table) \
                if table.kind is StatementKind.CASHFLOW else frozenset()
        return _expected_period(table, row, self._cash_parts_memo[table.index])

    def _other_side(self, name: str, side: str) -> bool:
        c = self.catalog.concept(name)
        return c is not None and c.balance is not None and c.balance != side

    def _learned_overrules(self, kind: str, label: str, rule_concept: str, confidence: float,
                           period: PeriodType | None, want: str | None,
                           exclude: frozenset[str] = frozenset()) -> Choice | None:
        """A weak rule gives way when official filings agree on another concept for the label;
        not to a treasury stock concept where the statements show no treasury stock (an asset
        manager's "Repurchases of common stock" retires them, as the rule's share count says)."""
        if confidence >= 0.9 or not label.strip():
            return None
        choice = self._learned_exact(kind, label, period, want, majority=True, exclude=exclude)
        if choice and not self.treasury and choice.concept.qname.local.startswith("TreasuryStock"):
            return None
        return choice if choice and choice.concept.qname.local != rule_concept else None

    # --- contexts and facts -------------------------------------------------------

    def _period(self, table: Table, row: LineItem, col: Column, concept: Concept):
        p = row.period_override or col.period
        if row.year is not None and row.period_override is None:
            p = in_year(p, row.year)
        if row.period_override is None and table.kind is StatementKind.NOTE and (k := row_quarter(row.label)):
            p = quarter_of(p, k)  # "First quarter" under "Six Months Ended June 30, 2025"
        if concept.period_type is PeriodType.INSTANT and isinstance(p, Duration):
            if BEGINNING.search(row.label):
                return Instant(p.start - dt.timedelta(days=1))
            return Instant(p.end)
        if concept.period_type is PeriodType.INSTANT and isinstance(p, Instant) and row.period_override is None and \
                BEGINNING.search(row.label) and any(r.period_override is None and PERIOD_END_BALANCE.search(r.label)
                                                    for r in table.rows):
            # a roll-forward under "May 31, 2025" columns: its "beginning of the period" line
            # is the balance a year before, where the table also closes on an "end" line
            return Instant(self._year_to_date(p.date).start - dt.timedelta(days=1))
        if concept.period_type is PeriodType.DURATION and isinstance(p, Instant):
            if row.period_override is not None and p.date not in self._durations_ending and \
                    (year := self._fiscal_year_holding(p.date)) is not None:
                return year  # a flow on the day a row names ("April 18, 2023": notes issued): that year's
            return self._year_to_date(p.date)
        return p

    def _fiscal_year_holding(self, day: dt.date) -> Duration | None:
        """The fiscal year of the filing's own columns that holds ``day``, if any."""
        years = [d for ends in self._durations_ending.values() for d in ends.values()
                 if d.months == 12 and d.start <= day <= d.end]
        return min(years, key=lambda d: d.end) if years else None

    def _year_to_date(self, end: dt.date) -> Duration:
        """The report's year to date ending ``end``: the period the filing's own columns name
        (a 53-week year), else the one its length makes."""
        months = ytd_months(self.filing)
        return self._durations_ending.get(end, {}).get(months) or \
            Duration(period_start(end, months, 0, self.filing.fiscal_year_end), end)

    def _rate_choice(self, table: Table, row: LineItem, choice: Choice) -> Choice:
        """The concept of a row's percentages ("21.0 %" beside "$ 1,234" in a tax rate
        reconciliation): a rate concept for the same label."""
        if choice.concept.data_type in RATE_TYPES:
            return choice
        key = (table.index, row.index)
        if key not in self._rate_memo:  # asked once per percentage of the row
            self._rate_memo[key] = self.choose(table.kind.value, row.section, row.label or "Total",
                                               self._period_type(table, row), "percentItemType", nci=self.nci,
                                               default=_column_type(table))
        return self._rate_memo[key]

    def _revenue_share(self, table: Table, amount: Choice, dims: tuple) -> tuple[Choice, tuple] | None:
        """A note's percentage beside revenue of a region, product or segment ("United States |
        $170,447 | 49 %") that no rate concept names: its share of net sales, a concentration of
        the kind the table's rows name (concentration_rates.csv); the total's ("100 %") is of
        the kind its rows above named."""
        axes = {str(axis) for axis, _ in dims}
        rules = [r for r in concentration_rates(self.release) if r.amount.match(amount.concept.qname.local)]
        named = next((r for r in rules if r.row_axis in axes), None)
        if named is not None:
            self._share_memo.setdefault(table.index, named)
        rule = named or (self._share_memo.get(table.index) if rules and not dims else None)
        concept = self.catalog.concept(rule.rate) if rule is not None else None
        pairs = [(self.catalog.axis(a), self.catalog.member(m)) for a, m in (rule.benchmark, rule.kind)] if rule else []
        if concept is None or any(a is None or m is None for a, m in pairs):
            return None
        why = f"a share of net sales beside {amount.concept.qname} (rule {rule.id})"
        return Choice(concept, rule.id, min(amount.confidence, 0.75), why), dims + tuple(pairs)

    def _table_members(self, table: Table, concept: Concept) -> tuple:
        """Members a table's every number shares, by what it says it is about
        (table_members.csv): a note's by its title and the sentence introducing it, any
        table's entity by the lines above it ("Parent Company Only"); its rows' and columns'
        own members come first."""
        if table.index not in self._table_member_memo:
            rules = match_table_members(" ".join(table.raw.context_before[-3:]) + " " + table.title
                                        if table.raw is not None else table.title, self.release, scope="any")
            if table.kind is StatementKind.NOTE:
                # a caption over every column ("Unvested Restricted Stock Units") before the
                # sentence above, which may name more ("the Company's unvested RSUs and PSUs")
                over_all = {stack[0] for stack in table.header_stacks if stack}
                if len(over_all) == 1 and len(table.header_stacks) == len(table.columns) > 1:
                    rules += match_table_members(over_all.pop(), self.release)
                elif not table.header_stacks and table.raw is not None and \
                        (first := next((line for line in table.raw.header if not RUNNING_HEAD.search(line)), "")) and \
                        not CAPTIONS_RUN_TOGETHER.search(first):
                    # copied text keeps no header cells: its first header line, one caption over them all
                    rules += match_table_members(first, self.release)
                axes = {r.axis for r in rules}
                rules += tuple(r for r in match_table_members(_table_intro(table), self.release) if r.axis not in axes)
            texts = (" ".join(table.raw.context_before[-3:]) if table.raw is not None else "", table.title,
                     _table_intro(table))
            found = ((self.catalog.axis(r.axis), self._table_member(r, texts), r.unless_concept) for r in rules)
            self._table_member_memo[table.index] = tuple((a, m, u) for a, m, u in found if a and m)
        members = self._table_member_memo[table.index]
        if not members:  # most tables: asked once per number
            return ()
        return tuple((a, m) for a, m, unless in members if unless is None or not unless.search(concept.qname.local))

    def _entity_sections(self, table: Table, choices: dict[int, Choice]) -> dict[int, tuple]:
        """A balance sheet's lines under a heading of consolidated entities ("Assets of
        consolidated investment products:", "Liabilities of consolidated VIEs:"): the
        entities' member (table_members.csv, scope ``section``), so that their cash, debt and
        other liabilities are the statement's concepts in a context of their own. The lines
        are those indented under the heading, where the reader tells indents, up to the first
        total or heading."""
        if table.kind is not StatementKind.BALANCE or table.raw is None or len(table.raw.rows) != len(table.rows):
            return {}
        dims: dict[int, tuple] = {}
        held, depth = (), None  # the open heading's member, and its indent
        for row in table.rows:
            indent = table.raw.rows[row.index].indent
            if held and (row.is_abstract or row.is_total or
                         (depth is not None and indent is not None and indent <= depth)):
                held = ()
            if row.is_abstract:
                for rule in match_table_members(row.label, self.release, scope="section"):
                    axis, member = self.catalog.axis(rule.axis), self._table_member(rule, (row.label,))
                    if axis is not None and member is not None:
                        held, depth = ((axis, member),), indent
            elif held and row.index in choices:
                dims[row.index] = held
        return dims

    def _table_member(self, rule, texts: tuple[str, ...]) -> QName | None:
        """A table member rule's member: a standard one, or ("ext") the company's, named by
        the words the rule's pattern picks out of the table's texts ("our 2022 Restructuring")."""
        if rule.member != "ext":
            return self.catalog.member(rule.member)
        found = next((m for text in texts if (m := rule.text.search(rule_text(text)))), None)
        return self.ext.member(found.group("name")) if found is not None else None

    def _required_axis(self, concepts: list[Concept]) -> QName | None:
        """The one axis filers always report each of ``concepts`` on (required_members.csv),
        if every one of them has it: the axis whose members a table's rows are."""
        axes = {tuple(rule.axis for rule in match_required_members(c.qname.local, self.release))
                if not c.extension else () for c in concepts}
        if len(axes) != 1 or len(shared := axes.pop()) != 1:
            return None
        return self.catalog.axis(shared[0])

    def _required_members(self, concept: Concept, dims: tuple) -> tuple[tuple, str]:
        """``dims`` with a company member on each axis filers always report ``concept`` on
        and nothing in the table named (required_members.csv: the units of "RSU and
        performance share activity" are by award type, a type of the company's own), and why."""
        if concept.extension:
            return dims, ""
        added, why = [], []
        for rule in match_required_members(concept.qname.local, self.release):
            axis = self.catalog.axis(rule.axis)
            if axis is not None and all(str(a) != str(axis) for a, _ in dims):
                added.append((axis, self.ext.member(rule.member_label)))
                why.append(f"{rule.axis.split(':')[-1]} by rule {rule.id}")
        return (dims + tuple(added), "; ".join(why)) if added else (dims, "")

    def add_fact(self, table: Table, row: LineItem, col: Column, choice: Choice | None, dims, f: int, *,
                 period=None):
        """One fact of a cell; ``period`` where the column's does not hold (an award balance's date)."""
        cell = row.cells[col.index] if col.index < len(row.cells) else None
        if cell is None or cell.value is None or choice is None:
            return
        if is_statement_ratio(table, cell):
            return
        note = table.kind is StatementKind.NOTE  # asked a few times below, for every number
        if cell.percent and choice.concept.data_type not in RATE_TYPES:  # "21.0 %" beside "$ 1,234"
            amount, choice = choice, self._rate_choice(table, row, choice)
            if choice.concept.extension and note and \
                    (share := self._revenue_share(table, amount, tuple(dims))) is not None:
                choice, dims = share
            f = signs.factor(self.catalog, table, row, choice.concept)
        if note and col.label and not choice.concept.extension:
            choice = self._measured_by_column(choice, col.label)
        concept = choice.concept
        if cell.percent != (concept.data_type in RATE_TYPES):
            return  # a rate's number is a percentage
        years = self._years_memo.get(table.index)
        if years is None:
            years = self._years_memo[table.index] = counted_in_years(table)
        if is_years_count(table, row.label, col.index, cell, years, row.section):
            return
        if f == 1 and note and cell.negative_shown and not concept.extension and \
                ((signs.always_subtracted(self.catalog, concept) and not signs.reclassification(concept)) or
                 signs.loss_amount(concept) or
                 signs.share_count_held(concept)):
            # "Accumulated Amortization | (3,208)", "Unrealized Losses | (22)", treasury shares
            # "(1,432)": the amount or count deducted
            f = -1
        f = self._reconciliation_sign.get((table.index, row.index), f)
        if cell.negative_shown and (self._acquisition is not None or
                                    (self._credits_deducted and concept.balance == "credit")):
            # a purchase price allocation deducts the liabilities assumed ("Long-term debt (246)"
            # is 246), a deferred tax note its liabilities ("Goodwill and other intangibles (2,200)")
            f = -1
        if note and cell.high is None and (twin := self._direction_twin(concept, cell.shown * f)) is not None:
            # "Changes due to currency translation" 4, 1, (15) in a roll-forward of unrecognized
            # tax benefits: increases of 4 and 1, a decrease of 15 (the taxonomy names each way)
            concept, choice, f = twin, replace(choice, concept=twin), -f
        unit, scale = _unit_and_scale(table, row, concept, col)
        dims = _one_member_per_axis(tuple(dims) + self._table_members(table, concept))
        dims, why = self._required_members(concept, dims)
        if why:
            choice = replace(choice, why=f"{choice.why}; {why}")
        if note and (self._by_level or any(str(axis) == FAIR_VALUE_LEVEL_AXIS for axis, _ in dims)):
            # ... a total column beside the levels ("Total | Level 1 | Level 2") is their fair value too
            choice = self._fair_value_choice(choice)
            concept = choice.concept
        # a member that says what the concept already says ("Land and land improvements":
        # LandAndLandImprovements, not also the LandAndLandImprovementsMember of PP&E by type;
        # under a heading "Finite-lived intangible assets", FiniteLivedIntangibleAssetsGross
        # is not also of the FiniteLivedIntangibleAssetsMember)
        if dims:
            dims = tuple((axis, member) for axis, member in dims if not _restates(member, concept, in_note=note))
        if note and dims:  # ... or that it implies (implied_members.csv)
            implied = members_implied_by(concept.qname.local, self.release)
            dims = tuple((axis, member) for axis, member in dims if str(member) not in implied)
        if note and concept.qname.local.endswith(INCLUDING_NCI):
            dims = self._including_nci(dims)
        period = period or self._period(table, row, col, concept)
        self.used[concept.qname] = concept
        ends = [(cell, col.index, dims)]
        if cell.high is not None and (bounds := self._range_members()) is not None:
            # "4.80% - 4.95%": the range's lower and upper ends, each a fact of its own
            rest = tuple((axis, member) for axis, member in dims if axis != bounds[0][0])
            ends = [(cell, col.index, rest + (bounds[0],)), (cell.high, HIGH_COLUMN + col.index, rest + (bounds[1],))]
        for shown, column, end_dims in ends:
            self.facts.append(Fact(
                concept=concept.qname, context=self._context(period, end_dims), unit=unit,
                value=(shown.shown * f).scaleb(scale) + Decimal(0), decimals=_decimals(shown.text, scale),
                source=SourceRef(table.index, row.index, column, shown.locator, shown.text),
                rule=choice.rule, confidence=choice.confidence, label=row.label, scale=scale, evidence=choice.why,
                id=f"f-{table.index}-{row.index}-{column}"))

    def _direction_twin(self, concept: Concept, value: Decimal) -> Concept | None:
        """The concept of the other direction where the taxonomy names a movement each way
        ("...IncreasesResultingFrom..." and "...DecreasesResultingFrom...") and the amount is
        negative: the other one takes it, positive. None otherwise."""
        if value >= 0 or concept.extension:
            return None
        name = concept.qname.local
        for one, other in DIRECTION_WORDS:
            if one in name:
                return self.catalog.concept(name.replace(one, other, 1))
        return None

    def _context(self, period, dims: tuple) -> Context:
        context = self._contexts.get((period, dims))
        if context is None:
            context = self._contexts[(period, dims)] = Context(self.entity, period, dims)
        return context

    def _measured_by_column(self, choice: Choice, caption: str) -> Choice:
        """A row's concept of one measure ("...WithinOneYearFairValue") in a column captioned
        with another ("Amortized Cost"): the same name ending in that measure
        (measure_columns.csv), where the taxonomy has it."""
        key = (str(choice.concept.qname), caption)
        if key not in self._measure_memo:
            self._measure_memo[key] = self._column_measure(choice.concept, caption)
        found = self._measure_memo[key]
        if found is None:
            return choice
        concept, rule_id = found
        return Choice(concept, f"{choice.rule}+{rule_id}", choice.confidence,
                      f"{choice.why}; the column '{caption}' measures it (rule {rule_id})")

    def _column_measure(self, concept: Concept, caption: str) -> tuple[Concept, str] | None:
        """(the concept, the rule id) ``caption`` turns ``concept`` into, else None."""
        rules = measure_columns(self.release)
        named = [r for r in rules if r.caption.search(caption)]
        local = concept.qname.local
        ending = next((s for s in sorted((s for r in rules for s in r.suffixes), key=len, reverse=True)
                       if local.endswith(s)), None)
        if len(named) != 1 or ending is None or ending in named[0].suffixes:
            return None
        found = (self.catalog.concept(f"{concept.qname.prefix}:{local[:-len(ending)]}{suffix}")
                 for suffix in named[0].suffixes)
        other = next((c for c in found if c is not None), None)
        return (other, named[0].id) if other is not None else None

    def _range_members(self) -> tuple[tuple[QName, QName], tuple[QName, QName]] | None:
        """(srt:RangeAxis, its minimum), (srt:RangeAxis, its maximum): the dimensions of a
        range's two ends; None where the taxonomy lacks them."""
        axis, low, high = (self.catalog.axis("srt:RangeAxis"), self.catalog.member("srt:MinimumMember"),
                           self.catalog.member("srt:MaximumMember"))
        return ((axis, low), (axis, high)) if axis and low and high else None

    def _instead(self, choice: Choice, name: str, rule_id: str, reason: str) -> Choice:
        """``choice`` with the concept ``name`` a data rule puts in its place (the rule id added
        to its rule, the reason to its evidence); ``choice`` itself if the taxonomy has no such
        concept."""
        concept = self.catalog.concept(name)
        if concept is None:
            return choice
        return Choice(concept, f"{choice.rule}+{rule_id}", choice.confidence,
                      f"{choice.why}; {reason} (rule {rule_id})")

    def _fair_value_choice(self, choice: Choice) -> Choice:
        """A carrying amount split by fair value hierarchy level is that amount's fair value."""
        found = fair_value_concepts(self.release).get(choice.concept.qname.local)
        return self._instead(choice, found[1], found[0], "by fair value level, its fair value") if found else choice

    def _including_nci(self, dims: tuple) -> tuple:
        """Equity including the noncontrolling interests' part, by AOCI component: the
        components' members that include that part too."""
        nci = including_nci_members(self.release)
        out = []
        for axis, member in dims:
            wider = nci.get(str(member))
            out.append((axis, (self.catalog.member(wider) or member) if wider else member))
        return tuple(out)

    # --- tables ---------------------------------------------------------------------

    def map_table(self, table: Table) -> None:
        start = len(self.facts)
        self._acquisition = self._business_acquired(table)
        scopes = () if self._acquisition else _table_scopes(table, self.release)
        self._scopes = ("acquisition",) if self._acquisition else tuple(s.scope for s in scopes)
        self._credits_deducted = any(s.credits_deducted for s in scopes)
        self._subjects, self._chosen = _Subjects(table, self.release), {}
        self._map_table(table)
        if table.kind is StatementKind.INCOME:
            self._income_lines = None  # _as_income_lines reads them again with this statement's lines
        self._acquisition, self._scopes, self._credits_deducted, self._by_level = None, (), False, False
        self._subjects, self._chosen = _Subjects(None, self.release), {}
        if table.kind is StatementKind.NOTE:
            self._deducted_by_total(start)
        self._operating_segments(start)

    def _business_acquired(self, table: Table) -> QName | None:
        """The company member of the business whose purchase price a note table allocates
        ("fair value of assets acquired and liabilities assumed as of the acquisition date"),
        named by the paragraphs above ("completed its acquisition of Cerevel Therapeutics")."""
        if table.kind is not StatementKind.NOTE or table.raw is None or \
                not ALLOCATION.search(_table_intro(table)) or self.catalog.axis(ACQUISITION_AXIS) is None:
            return None
        for paragraph in reversed(table.raw.context_before):
            if found := ACQUIREE.search(paragraph):
                return self.ext.member(found.group("name").strip())
        return self.ext.member("Acquisitions")

    def _operating_segments(self, start: int) -> None:
        """Segments shown beside a reconciling item of theirs ("Corporate", "Reconciling
        items", on ConsolidationItemsAxis) are the operating segments: filers tag each
        segment's numbers with OperatingSegmentsMember as well, so that the segments and the
        reconciling items are members of one axis that adds up to the consolidated amount."""
        consolidation, segments = self.catalog.axis(CONSOLIDATION_AXIS), self.catalog.axis(SEGMENT_AXIS)
        operating = self.catalog.member(OPERATING_SEGMENTS)
        if consolidation is None or segments is None or operating is None:
            return
        facts = self.facts[start:]
        if not any(axis == consolidation for f in facts for axis, _ in f.context.dimensions):
            return
        for k, f in enumerate(facts):
            axes = {axis for axis, _ in f.context.dimensions}
            if segments in axes and consolidation not in axes:
                context = replace(f.context, dimensions=f.context.dimensions + ((consolidation, operating),))
                self.facts[start + k] = replace(f, context=context)

    def _hedging_members(self, table: Table, lines: set[int], column_axes: set[QName]) -> dict[int, tuple]:
        """A derivatives note's lines under headings that say how the instruments hedge
        ("Derivatives in cash flow hedging relationships", "Not designated as hedging
        instruments") and what they are ("Foreign exchange contracts"), one heading inside
        the other: each line (``lines``; the other rows are headings) takes the members its
        headings and its own label name. A heading holds until the next one that names a
        member of its axis; one that says how instruments hedge opens a new group, so the
        instruments named before it lapse."""
        about = self._derivatives_about(table)
        if not about:
            return {}
        in_force: dict[str, str] = {}
        found: dict[int, tuple] = {}
        for r in table.rows:
            named = _hedging_named(r.label, about)
            if r.index not in lines:  # a heading
                if named and set(named) - {RISK_AXIS}:
                    in_force = {}
                in_force.update(named)
                continue
            members = named if r.is_total else {**in_force, **named}
            pairs = tuple((axis, member) for a, m in members.items()
                          if (axis := self.catalog.axis(a)) is not None and axis not in column_axes
                          and (member := self.catalog.member(m)) is not None)
            if pairs:
                found[r.index] = pairs
        return found

    def _derivatives_about(self, table: Table) -> str:
        """What a table about derivatives or hedging says it is about (title, sentence above,
        headings); "" for any other table. Asked by several passes over a table, worked out once."""
        if table.index not in self._derivatives_memo:
            headings = " ".join(dict.fromkeys(r.section for r in table.rows if r.section))
            about = f"{self._about(table)} {headings}"
            self._derivatives_memo[table.index] = about if DERIVATIVES.search(about) else ""
        return self._derivatives_memo[table.index]

    def _instrument_lines(self, table: Table, hedged: dict[int, tuple], choices: dict[int, Choice]) -> None:
        """Lines that only name instruments or hedges ("Foreign exchange contracts", "Cash
        flow hedges"): under a title about notional amounts, those amounts; in a table of
        gains, the gains of instruments not designated as hedges where that is their member."""
        if not hedged:
            return  # no line names a hedging member: nothing to look up
        title = self._title_concept(table)
        notional = title is not None and title.concept.qname.local == NOTIONAL
        gains = GAINS.search(self._about(table))  # its title, or the sentence above it
        undesignated = self.catalog.member(NONDESIGNATED)
        about = self._derivatives_about(table)
        for index, dims in hedged.items():
            label = table.rows[index].label
            if len(label.split()) > 4 or not _hedging_named(label, about):
                continue
            if notional:
                choices[index] = Choice(title.concept, f"{title.rule}+member", title.confidence, title.why)
            elif gains and any(member == undesignated for _, member in dims) and \
                    (concept := self.catalog.concept(UNDESIGNATED_GAINS)) is not None:
                choices[index] = Choice(concept, "R-DRV-001", 0.7,
                                        "gains of derivatives not designated as hedges, as the heading says")

    def _segments_sum(self, table: Table, choices: dict[int, Choice], row_dims: dict[int, tuple],
                      column_axes: set[QName]) -> dict[int, tuple]:
        """A line that sums a measure over the segments ("Segment operating income") in a table
        whose columns and that line name no segment: the operating segments' amount, which
        filers tag as OperatingSegmentsMember of ConsolidationItemsAxis (the reconciling
        items and the consolidated total add up to it on that axis)."""
        consolidation, segments = self.catalog.axis(CONSOLIDATION_AXIS), self.catalog.axis(SEGMENT_AXIS)
        if consolidation is None or consolidation in column_axes or segments in column_axes:
            return {}
        member = ((consolidation, self.catalog.member(OPERATING_SEGMENTS)),)
        found = {r.index: member for r in table.rows
                 if r.index in choices and not row_dims.get(r.index) and SEGMENTS_SUM.match(r.label)}
        if found and (corporate := self.catalog.member(CORPORATE)) is not None:
            # after it, the reconciling lines the company keeps out of its segments ("Other
            # corporate expenses, net", "Unallocated cost of revenue and operating expenses")
            found |= {r.index: ((consolidation, corporate),) for r in table.rows
                      if r.index > min(found) and r.index in choices and not row_dims.get(r.index)
                      and CORPORATE_LINE.search(r.label)}
        return found

    def _deducted_by_total(self, start: int) -> None:
        """A note's balances shown in parentheses whose concept another concept of the same
        table subtracts ("Total deferred tax liabilities (5,071)" above "Net deferred tax
        assets"): the parentheses show the subtraction, the amount is positive. Flows are
        left as shown (a segment's intersegment eliminations are negative costs)."""
        facts = self.facts[start:]
        here = {str(f.concept) for f in facts}
        for k, f in enumerate(facts):
            concept = self.used[f.concept]
            if f.value is None or f.value >= 0 or not f.source.text.lstrip("$ ").startswith("(") or \
                    concept.extension or concept.period_type is not PeriodType.INSTANT:
                continue
            weights = self.catalog.ancestors(str(f.concept))
            if any(weights.get(total) == frozenset({-1}) for total in here):
                self.facts[start + k] = replace(f, value=-f.value)

    def _map_table(self, table: Table) -> None:
        if table.kind is StatementKind.EQUITY:
            self._equity(table)
            for row in table.rows:
                self._label_number_facts(table, row, None)
            return None
        if table.kind is StatementKind.NOTE and self._award_activity(table):  # dated balances too
            return None
        if table.kind is StatementKind.NOTE and len(table.columns) > 1 and \
                any(r.period_override and row_balance_date(r.label) for r in table.rows):
            col_dims = self._column_members(table)
            if 2 * len(col_dims) >= len(table.columns):
                return self._member_columns_roll_forward(table, col_dims)
            if all(c.header for c in table.columns):
                return self._column_concepts(table)
        if table.kind is StatementKind.NOTE and (self._dividend_schedule(table) or self._offsetting(table) or
                                                 self._sideways_roll_forward(table) or
                                                 self._balance_columns_roll_forward(table) or
                                                 self._reclassified_by_line(table) or
                                                 self._reclassified_by_location(table) or self._oci_by_tax(table) or
                                                 self._concept_columns(table)):
            return None
        kind = table.kind.value
        choices: dict[int, Choice] = {}
        asked: dict[int, tuple] = {}  # row -> (label, period, data type, balance hint, before tax, split, line above,
        #                                      line naming the OCI part)
        # headings of comprehensive income whose tax is a line of its own: the other lines are before tax
        taxed = {r.section for r in table.rows if is_tax_line(r.label)} if kind == "comprehensive" else set()
        # ... and those that split a part's change into what arose and what was reclassified
        split = {r.section for r in table.rows if is_reclassification(r.label)} if kind == "comprehensive" else set()
        in_assets = True
        title_choice = self._title_concept(table)
        above = ""  # the last line of comprehensive income that is no tax line
        named_balance: dict[str | None, Choice | None] = {}  # data type -> the balance the dated rows name
        carried = ("", "")  # (heading, the last line of it that named a part of OCI) the next lines continue
        parts = _per_share_parts(table) if "twoclass" in self._scopes else {}
        for row in table.rows:
            if row.is_abstract:
                continue
            period, want = self._period_type(table, row), _want_type(table, row)
            hint = _balance_hint(table, row, in_assets, self._balance_sides)
            company_hint = _balance_hint(table, row, in_assets, self._balance_sides, company=True) \
                if table.kind is StatementKind.CASHFLOW else hint  # the only statement where they differ
            if table.kind is StatementKind.NOTE and row_balance_date(row.label):
                # a roll-forward's balance rows are the balance the table is about: the one
                # the row names before its date ("Goodwill - January 1, 2023"), else the title's
                if want not in named_balance:
                    # a rule of the kind of table names it first ("Balance at December 31, 2024"
                    # of a loyalty program's roll-forward: the contract liability)
                    scoped = self._scoped_balance(table)
                    named_balance[want] = scoped if scoped is not None and \
                        _fits(scoped.concept, PeriodType.INSTANT, want) else self._named_balance(table, want)
                choices[row.index] = named_balance[want] or \
                    (title_choice if title_choice and title_choice.concept.period_type is PeriodType.INSTANT else
                     self.choose("balance", "", table.title, PeriodType.INSTANT, want, balance_hint=hint))
            elif table.kind is StatementKind.NOTE and row.section and OPENING_OR_CLOSING.match(row.label) and \
                    not MOVEMENTS_HEADING.match(row.section):
                # "Beginning of period" under "Projected benefit obligations": that balance (not
                # under "Adjustments related to ...", a heading of the movements above it)
                choices[row.index] = self.choose(kind, "", row.section, PeriodType.INSTANT, want, balance_hint=hint)
            elif table.kind is StatementKind.NOTE and OPENING_OR_CLOSING.match(row.label) and \
                    not self._scoped_rule(kind, "", row.label) and \
                    (titled := self._titled_balance(table, want, title_choice, hint)) is not None:
                # "Balance at beginning of period" names no balance of its own: the one the
                # table's title or introduction is about, as for dated balance rows
                choices[row.index] = titled
            elif table.kind is StatementKind.NOTE and not row.section and BARE_TOTAL.match(row.label or "Total") \
                    and title_choice is not None and _fits(title_choice.concept, period, want):
                choices[row.index] = title_choice  # "Total" of "The components of income before income taxes"
            else:
                label = _unwrapped_label(table, row) or row.label or "Total"
                if table.kind is StatementKind.NOTE and row.section and BARE_TOTAL.match(label) and \
                        not match_rule(kind, row.section, label, self.release):
                    # "Net Sales" / ... / "Consolidated": the heading names the total; a heading
                    # over the table's headings ("Assets:" over "Cash equivalents:" ...) is what
                    # the total adds up ("Total assets")
                    label = f"Total {row.section}" if _heads_headings(table, row.section) else row.section
                label = _without_span(row, label)
                if table.kind is StatementKind.NOTE and (summed := SEGMENTS_SUM.match(label)):
                    label = summed["measure"]  # the segments' operating income (OperatingSegmentsMember below)
                part_line = carried[1] if carried[0] == row.section else ""
                asked[row.index] = (label, period, want, hint, row.section in taxed, row.section in split, above,
                                    part_line)
                # a row dated by a year heading ("2024" over the lines) is of that year where
                # neither the column nor a concept says otherwise
                default = PeriodType.DURATION if isinstance(row.period_override, Duration) else _column_type(table)
                # a balance line among a note's flows ("Total assets" by segment) is the balance sheet's
                line_kind = "balance" if period is None and _balance_among_flows(table, label) else kind
                if kind == "income" and (OCI_HEADING.search(row.section) or COMPREHENSIVE_LINE.match(label)):
                    line_kind = "comprehensive"  # "Statements of Operations and Comprehensive Loss": its OCI part
                choices[row.index] = self.choose(line_kind, " ".join(filter(None, (parts.get(row.index), row.section))),
                                                 label, period, want, balance_hint=hint, company_balance=company_hint,
                                                 nci=self.nci, default=default,
                                                 before_tax=row.section in taxed, split=row.section in split,
                                                 above=above, carried=part_line)
                if table.kind is StatementKind.NOTE and choices[row.index].concept.extension and \
                        (bare := _without_heading(label, row.section)):
                    # "Total Google Cloud costs and expenses" under "Google Cloud": its costs and expenses
                    choices[row.index] = self.choose(line_kind, row.section, bare, period, want, balance_hint=hint,
                                                     nci=self.nci, default=default)
                if kind == "comprehensive" and not is_tax_line(label):
                    above = label
                    if oci_part(label):  # a part's total closes it
                        carried = (row.section, "" if is_heading_total(label) else label)
            if TOTAL_ASSETS.match(row.label):
                in_assets = False
        if table.kind is StatementKind.BALANCE:
            self._part_twins(table, choices)
        if table.kind is StatementKind.NOTE:
            self._years_only_period_types(table, choices)
            self._tax_reconciliation(table, choices)
            self._other_lines(table, choices)
            self._rolled_balance(table, choices)
            self._net_schedule(table, choices)
            self._calculated_totals(table, choices)
            stated_dims = self._as_income_lines(table, choices)
        col_dims = self._column_members(table)
        self._by_level = any(str(axis) == FAIR_VALUE_LEVEL_AXIS for dims in col_dims.values() for axis, _ in dims)
        column_axes = {axis for dims in col_dims.values() for axis, _ in dims} | \
            {axis for col in table.columns for axis, _ in col.members}
        named_segment = self._segment_over_rows(table)
        if named_segment is not None:
            column_axes.add(self.catalog.axis(SEGMENT_AXIS))  # the rows are no segments: the header named one
        if self._acquisition is not None:  # a business's assets and liabilities: lines, not members
            row_dims = {}
        elif table.kind is StatementKind.NOTE:
            row_dims = self._row_members(table, choices, column_axes)
        else:
            row_dims = self._statement_members(table, choices)
        if table.kind in (StatementKind.NOTE, StatementKind.INCOME):
            self._revenues_beyond_contracts(table, choices)  # after the lines took their members
        if table.kind is StatementKind.NOTE and self._acquisition is None:
            if "planassets" not in self._scopes:  # a plan's assets name their categories with their headings
                for index, dims in self._section_members(table, choices, column_axes).items():
                    row_dims[index] = row_dims.get(index, ()) + dims
                row_dims.update(_headings_as_members(table, choices, row_dims))
            hedged = self._hedging_members(table, set(choices), column_axes)
            for index, dims in hedged.items():
                kept = tuple(pair for pair in row_dims.get(index, ()) if str(pair[0]) not in HEDGING_AXES)
                row_dims[index] = kept + dims
            self._instrument_lines(table, hedged, choices)
            row_dims.update(self._segments_sum(table, choices, row_dims, column_axes))
            for index, dims in stated_dims.items():
                if not any(a == axis for a, _ in row_dims.get(index, ()) for axis, _ in dims):
                    row_dims[index] = row_dims.get(index, ()) + dims
        else:
            row_dims.update(self._class_of_stock_rows(table, choices))
            row_dims.update(self._entity_sections(table, choices))
            self._one_line_per_concept(table, choices, asked, set(row_dims))
            self._by_line_below(table, choices)
        flow_rows = _cash_flow_rows(table, choices)
        expense_blocks = signs.expense_block_factors(table, {i: c.concept for i, c in choices.items()})
        debt_columns = self._debt_columns(table, row_dims, col_dims)
        table_dims = self._one_segment(table, col_dims, row_dims, named_segment) if self._acquisition is None else \
            ((self.catalog.axis(ACQUISITION_AXIS), self._acquisition),)
        schedule, by_column = self._maturities(table)
        places = self._text_locations(table) if table.kind is StatementKind.NOTE else {}
        for row in table.rows:
            choice = choices.get(row.index)
            if choice is None:
                continue
            if table.kind is StatementKind.NOTE and not row.is_total:
                choice, _ = self._by_section(row, choice)
            f = expense_blocks.get(row.index) or \
                signs.factor(self.catalog, table, row, choice.concept, in_flow_section=row.index in flow_rows)
            for col in table.columns:
                dims = col.members + col_dims.get(col.index, ()) + row_dims.get(row.index, ()) + table_dims + \
                    places.get((row.index, col.index), ())
                named = debt_columns.get(col.index) or schedule.get((row.index, col.index))
                # amounts due in a year to come are owed at the balance sheet date (a column
                # a year names, which copied text may have dated in the past)
                due = Instant(self.filing.period_end) if named is not None and \
                    (by_column or period_end(col.period) > self.filing.period_end) else None
                use = named or (self._column_twin(table, col, choice) if table.kind is StatementKind.NOTE else choice)
                g = f if named is None and use.concept.qname == choice.concept.qname else \
                    signs.factor(self.catalog, table, row, use.concept)
                self.add_fact(table, row, col, use, _one_member_per_axis(dims), g, period=due)
        for row in table.rows:
            self._label_number_facts(table, row, choices.get(row.index), row_dims.get(row.index, ()))

    def _column_twin(self, table: Table, col: Column, choice: Choice) -> Choice:
        """A row's concept under a column captioned as one of two kinds (column_twins.csv):
        Amazon's "Total long-term lease liabilities" is the operating leases' under "Operating
        Leases" and the finance leases' under "Finance Leases"; a debt security's maturity is
        the held-to-maturity one under "Held-to-Maturity". The column's word is surer than the
        row's, so the fact outranks a total column's of the same concept."""
        twin = column_twins(self.release).get(choice.concept.qname.local)
        if twin is None:
            return choice
        # the kind may head a group of columns ("Held-to-Maturity" over "Amortized Cost | Fair Value")
        caption = " ".join(t for t in _header_stack(table, col.index) if not _periodish(t)) or _caption(table, col.index)
        a, b = twin.caption_a.search(caption) is not None, twin.caption_b.search(caption) is not None
        if a == b:
            return choice  # neither kind, or both ("Operating and finance leases")
        concept = self.catalog.concept(twin.concept_a if a else twin.concept_b)
        if concept is None:
            return choice
        return Choice(concept, f"{choice.rule}+{twin.id}", max(choice.confidence, 0.9),
                      f"column '{caption}'; {choice.why}")

    def _by_line_below(self, table: Table, choices: dict[int, Choice]) -> None:
        """A statement line whose concept the line right below it changes (line_order.csv):
        a change in cash shown above the effect of exchange rates is the change before it."""
        rules = {r.concept: r for r in line_order_rules(self.release) if table.kind.value in r.statements}
        if not rules:
            return
        rows = [r for r in table.rows if r.index in choices]
        for row, below in zip(rows, rows[1:]):
            rule = rules.get(choices[row.index].concept.qname.local)
            if rule is not None and choices[below.index].concept.qname.local == rule.followed_by:
                choices[row.index] = self._instead(choices[row.index], rule.instead, rule.id,
                                                   f"above {rule.followed_by}")

    def _net_schedule(self, table: Table, choices: dict[int, Choice]) -> None:
        """A note that lists what a net amount is made of ("Land / Buildings / Property, plant
        and equipment / Less: accumulated depreciation / Property, plant and equipment, net",
        net_schedules.csv): the line above the accumulated one is the gross total, the lines it
        sums are gross parts, whatever near labels said. The schedule is told by the net line's
        concept, else by the accumulated line's."""
        rows = [r for r in table.rows if r.index in choices]
        for at, row in enumerate(rows):
            if not ACCUMULATED.match(row.label) or at == 0 or at + 1 >= len(rows):
                continue
            names = (choices[rows[at + 1].index].concept.qname.local, choices[row.index].concept.qname.local)
            schedule = next((s for s in net_schedules(self.release) if s.net == names[0]), None) or \
                next((s for s in net_schedules(self.release) if s.accumulated == names[1]), None)
            gross = rows[at - 1]
            # the gross total, or the one line above the accumulated one ("Customer contracts /
            # Less: Accumulated amortization / Intangible assets, net"): it is its own total
            if schedule is None or not (gross.is_total or at == 1):
                continue
            # a line naming what only a wider schedule holds ("Finance leases" among the
            # property): that schedule, whatever the net line's words matched
            wider = next((s for s in net_schedules(self.release) if s.lines is not None and s.part == schedule.part
                          and any(s.lines.search(r.label) for r in rows[:at + 2])), None)
            if wider is not None:
                schedule = wider
                choices[rows[at + 1].index] = self._instead(choices[rows[at + 1].index], schedule.net, schedule.id,
                                                            "the net amount of the wider schedule a line names")
            why = "a line of a schedule of gross less accumulated amounts"
            choices[row.index] = self._instead(choices[row.index], schedule.accumulated, schedule.id, why)
            choices[gross.index] = self._instead(choices[gross.index], schedule.gross, schedule.id, why)
            for part in reversed(rows[:at - 1]):
                if part.is_total or part.section != gross.section:
                    break
                choices[part.index] = self._instead(choices[part.index], schedule.part, schedule.id, why)

    def _calculated_totals(self, table: Table, choices: dict[int, Choice]) -> None:
        """A total that took a concept it cannot be, a company concept or that of a line it
        adds up (Netflix's "Weighted-average number of shares" below the basic shares and the
        dilutive awards, which near labels read as basic shares again), is the nearest concept
        the taxonomy's calculations add its lines' concepts into: basic plus incremental
        shares are the diluted shares. Only where the total's words name that concept, as
        lines mapped wrong would lead a bare "Total" astray."""
        rows = [r for r in table.rows if not r.is_abstract and r.index in choices]
        for at, row in enumerate(rows):
            if not row.is_total:
                continue
            parts = _summed_lines(rows[:at], row)
            names = {str(choices[r.index].concept.qname) for r in parts}
            current = choices[row.index].concept
            if len(names) < 2 or any(choices[r.index].concept.extension for r in parts) or \
                    not (current.extension or str(current.qname) in names):
                continue
            total = self._nearest_sum(names)
            if total is None or total.period_type is not current.period_type or total.data_type != current.data_type \
                    or not set(label_tokens(row.label)) & set(label_tokens(total.label)):
                continue
            choices[row.index] = Choice(total, "calculation:sum", 0.7,
                                        f"the total of lines the taxonomy's calculations add into {total.qname.local}")

    def _nearest_sum(self, names: set[str]) -> Concept | None:
        """The one concept every one of ``names`` adds into (weight +1) in the fewest arcs,
        up to two; None if none or a tie."""
        reach: dict[str, int] = {}
        for depth in (2, 1):  # the shallower depth overwrites
            for ancestor in set.intersection(*({a for a, signs in self.catalog.ancestors(n, max_depth=depth).items()
                                                if 1 in signs} for n in names)):
                reach[ancestor] = depth
        if not reach:
            return None
        nearest = min(reach.values())
        found = [a for a, d in reach.items() if d == nearest]
        return self.catalog.concept(found[0]) if len(found) == 1 else None

    def _debt_columns(self, table: Table, row_dims: dict[int, tuple], col_dims: dict[int, tuple]) -> dict[int, Choice]:
        """Columns of a table of debt instruments whose caption names the amount ("Principal
        Amount", "Level 2 Fair Value"): that amount of each instrument, whatever the rows'
        own concept (the carrying amount under the dated columns); percentages under no
        caption are the stated rates. A table of a debt's fair value and carrying amount
        (scope debtfairvalue: "Senior notes" under "Fair Value (Level 1) | Carrying Value")
        has its fair value column read so too, and its carrying amount where a member of the
        measurement basis says which measure it is (the concept is the fair value
        disclosure's); else the carrying amount is the line's own concept."""
        debt_axis = self.catalog.axis(DEBT_AXIS)
        if "debtfairvalue" in self._scopes and not row_dims:
            found = {}
            for col in table.columns:
                choice = self._debt_column(table, col)
                if choice is not None and choice.concept.qname.local == DEBT_FAIR_VALUE:
                    found[col.index] = choice
            fair = next(iter(found.values()), None)
            for col in table.columns:
                if fair is not None and col.index not in found and any(
                        str(axis) == MEASUREMENT_BASIS_AXIS for axis, _ in col.members + col_dims.get(col.index, ())):
                    found[col.index] = Choice(fair.concept, fair.rule, fair.confidence,
                                              f"{fair.why}; the carrying amount of the same disclosure, by its member")
            return found
        if not any(axis == debt_axis for dims in row_dims.values() for axis, _ in dims):
            return {}
        return {col.index: choice for col in table.columns if (choice := self._debt_column(table, col)) is not None}

    def _listed_instruments(self, table: Table, parts: list[LineItem], found: dict) -> list[LineItem]:
        """Rows of a table of amount columns that list debt instruments by name and rate
        ("4.800% Senior notes due November 15, 2029"), where no row's caption named a debt
        member already: at least three, and most of the lines. Other filers' axes of the
        columns' concepts (a pledging purpose) do not say what such rows are."""
        debt_axis = self.catalog.axis(DEBT_AXIS)
        if any(pair and pair[0] == debt_axis for pair in found.values()):
            return []
        about = _table_text(table)
        listed = [r for r in parts if match_member(rule_text(r.label), DEBT_AXIS, table=about)]
        return listed if len(listed) >= 3 and 2 * len(listed) >= len(parts) else []

    def _debt_column(self, table: Table, col: Column, *, listed: bool = False) -> Choice | None:
        """The amount a column of a table of debt instruments names by its caption (debtcolumn
        rules), if any; over instruments ``listed`` as rows under amount columns, also the
        captions only such a list's columns are read by (debtlistcolumn: "Carrying Amount")."""
        # a column of percentages under no caption at all: the notes' coupons (R-COL-025)
        captions = _header_stack(table, col.index) or (col.label,)  # copied text: no header cells, the caption read
        kinds = ("debtcolumn", "debtlistcolumn") if listed else ("debtcolumn",)
        rule = next(filter(None, (match_rule(kind, "", caption, self.release)
                                  for kind in kinds for caption in captions)), None)
        concept = self.catalog.concept(rule.concept) if rule else None
        if concept is None or (concept.data_type in RATE_TYPES and
                               not (table.raw is not None and rates_only(table.raw, col.index))):
            return None  # "3.70" under "Contractual Interest Rate" without a "%": not read as a rate
        return Choice(concept, rule.id, rule.confidence, f"the column names it (rule {rule.id})")

    def _one_line_per_concept(self, table: Table, choices: dict[int, Choice], asked: dict[int, tuple],
                              members: set[int]) -> None:
        """A statement reports a concept on one line: where lines without members that show
        different numbers chose the same concept, the most confident keeps it and the others
        choose again without it ("Equity income (loss), net" is not the net income above it)."""
        excluded: dict[int, set[str]] = {}
        for _ in range(4):
            lines: dict[QName, list[int]] = {}
            for i, choice in choices.items():
                if i in asked and i not in members and not choice.concept.extension:
                    lines.setdefault(choice.concept.qname, []).append(i)
            moved = False
            for qname, rows in lines.items():
                if len(rows) < 2 or not self._disagree(table, [table.rows[i] for i in rows], choices[rows[0]].concept):
                    continue  # one line, one line shown twice (a subtotal repeated), or other dates (opening cash)
                keep = max(rows, key=lambda i: (choices[i].confidence, -i))
                for i in rows:
                    if i == keep:
                        continue
                    excluded.setdefault(i, set()).add(str(qname))
                    label, period, want, hint, before_tax, split, above, carried = asked[i]
                    row = table.rows[i]
                    choices[i] = self.choose(table.kind.value, row.section, label, period, want, balance_hint=hint,
                                             nci=self.nci, default=_column_type(table), exclude=frozenset(excluded[i]),
                                             before_tax=before_tax, split=split, above=above, carried=carried)
                    moved = True
            if not moved:
                return

    def _part_twins(self, table: Table, choices: dict[int, Choice]) -> None:
        """A line's part of the balance sheet outranks what its words were learned as: Adobe's
        second "Deferred revenue", among its long-term liabilities, is not the current one
        (balance_parts.csv). The twin is taken where the taxonomy has it and no other line holds it."""
        held = {str(c.concept.qname) for c in choices.values()}
        for row, part in _balance_parts(table):
            choice = choices.get(row.index)
            if choice is None or choice.concept.extension or part is None:
                continue
            name = choice.concept.qname.local
            for rule in balance_parts(self.release):
                if rule.part != part or not rule.name.search(name):
                    continue
                twin = self.catalog.concept(rule.name.sub(rule.twin, name))
                if twin is not None and _fits(twin, choice.concept.period_type, choice.concept.data_type) \
                        and str(twin.qname) not in held:
                    choices[row.index] = Choice(twin, f"{choice.rule}+{rule.id}", choice.confidence,
                                                f"{choice.why}; a {part} line (rule {rule.id})")
                    held.add(str(twin.qname))
                break

    def _disagree(self, table: Table, rows: list[LineItem], concept: Concept) -> bool:
        """Whether lines of one concept would report two numbers for one date or period."""
        seen: dict = {}
        for row in rows:
            for col in table.columns:
                cell = row.cells[col.index] if col.index < len(row.cells) else None
                if cell is None or cell.value is None:
                    continue
                period = self._period(table, row, col, concept)
                if seen.setdefault((period, col.members), abs(cell.value)) != abs(cell.value):
                    return True
        return False

    def _label_number_facts(self, table: Table, row: LineItem, choice: Choice | None, row_dims: tuple = ()) -> None:
        """Facts for the numbers a label prints ("$0.01 par value; 1,400,000,000 shares
        authorized"), each at the date of its value column; concepts from label_number_rules.csv.
        A rule without a concept means the tax part of the row's own concept: the child the
        standard calculation subtracts from it ("..., net of tax of $159": the NetOfTax line's Tax)."""
        axis = "us-gaap:StatementClassOfStockAxis"
        named_class = _class_named(row.label)  # "Class A common stock, $0.0001 par value...", "Class B — 1,186 and..."
        class_dims = ((self.catalog.axis(axis), self._member(named_class, axis)),) if named_class else ()
        for k, number in enumerate(row.label_numbers):
            rule = match_label_number(number.kind, row.label, self.release)
            name = (rule.concept or self._tax_part(choice)) if rule else None
            concept = self.catalog.concept(name) if name else None
            if concept is None or number.column >= len(table.columns):
                continue
            col = table.columns[number.column]
            period = Instant(col.period.end) if isinstance(col.period, Duration) and \
                concept.period_type is PeriodType.INSTANT else col.period
            if isinstance(period, Instant) and concept.period_type is PeriodType.DURATION:
                period = self._year_to_date(period_end(period))  # a range's bounds beside options held at a date
            members = col.members
            if table.kind is StatementKind.EQUITY:  # columns are components: the row says the period
                if concept.period_type is not PeriodType.DURATION:
                    continue
                period = row.period_override if isinstance(row.period_override, Duration) else col.period
                members = ()
            value = number.cell.shown * signs.label_tax_factor(table, number.kind, concept) \
                if number.kind.startswith("tax") else number.cell.shown
            unit, _ = _unit_and_scale(table, row, concept)  # the scale is the number's own
            own_class = ((self.catalog.axis(axis), self._member(number.klass, axis)),) if number.klass else class_dims
            members = _one_member_per_axis(members + own_class + row_dims + self._table_members(table, concept))
            members, _ = self._required_members(concept, members)
            cell = number.cell
            self.used[concept.qname] = concept
            self.facts.append(Fact(
                concept=concept.qname, context=self._context(period, members), unit=unit,
                value=value.scaleb(number.scale) + Decimal(0), decimals=_decimals(cell.text, number.scale),
                source=SourceRef(table.index, row.index, LABEL_COLUMN + k, cell.locator, cell.text),
                rule=rule.id, confidence=0.85, label=row.label, scale=number.scale,
                evidence=f"'{cell.text}' printed in the label counts {number.kind.replace('_', ' ')} "
                         f"(rule {rule.id}), at the date of column {number.column + 1}",
                id=f"f-{table.index}-{row.index}-{LABEL_COLUMN + k}"))

    def _column_members(self, table: Table) -> dict[int, tuple]:
        """Note columns captioned by members ("Level 1 | Level 2 | Level 3 | Total"): the
        captions must name standard members for most non-total columns, else none is used.
        Where the reader saw the header grid, each header row is read on its own
        ("Pension Plans" over "2024 | 2023"). Read once per table: a table that is not of
        concept columns (_concept_columns) asks again when its rows are mapped."""
        found = self._column_members_memo.get(table.index)
        if found is None:
            found = self._column_members_memo[table.index] = self._read_column_members(table)
        return found

    def _read_column_members(self, table: Table) -> dict[int, tuple]:
        if table.kind is not StatementKind.NOTE or self._scoped_captions(table):
            return {}
        labelled = any(c.label for c in table.columns)
        found = (labelled and self._captions_naming(table, self._equity_component_member)) or \
            self._stacked_members(table) or \
            (labelled and self._captions_naming(table, lambda caption: self._caption_member(caption, table))) or {}
        return _measured_both_ways(found)

    def _scoped_captions(self, table: Table) -> bool:
        """Whether column rules of the kind of table being mapped name every captioned
        column ("Assets | Liabilities" over derivatives): amounts, not members."""
        captioned = [c.label for c in table.columns if c.label and not TOTAL_CAPTION.match(c.label)]
        captions = " | ".join(dict.fromkeys(captioned))
        return bool(captioned) and all(self._scoped_rule("column", captions, label) for label in captioned)

    def _captions_naming(self, table: Table, find) -> dict[int, tuple]:
        """Column -> (axis, member) ``find`` reads from each caption, when it names one for
        most (60%) of the non-total columns; else {}."""
        named = [c for c in table.columns if not TOTAL_CAPTION.match(c.label)]
        found = {c.index: find(c.label) for c in table.columns}
        if named and sum(found[c.index] is not None for c in named) >= max(1, len(named) * 0.6):
            return {i: (pair,) for i, pair in found.items() if pair is not None}
        return {}

    def _maturities(self, table: Table) -> tuple[dict[tuple[int, int], Choice], bool]:
        """(row, column) -> concept for an annual report's maturity schedule ("2025 | ... |
        Thereafter | Total" under "Operating leases | Finance leases"), each column of
        the family its caption or the table's title names; and whether the years are the
        columns (_maturities_by_column)."""
        if table.kind is not StatementKind.NOTE or _counts_things(table):
            return {}, False  # (aircraft to be delivered by year are no payments due)
        rows = [r for r in table.rows if not r.is_abstract]
        slot_of = maturity_slots([r.label for r in rows], self.filing.period_end.year, interim=self._interim)
        if not slot_of:
            by_column = self._maturities_by_column(table, rows)
            return by_column, bool(by_column)
        about = _table_text(table)
        out: dict[tuple[int, int], Choice] = {}
        for col in table.columns:
            caption = _caption(table, col.index)
            if len(table.columns) > 1 and TOTAL_CAPTION.match(caption):
                continue  # the total of the families beside it
            family = maturity_family(caption, about, release=self.release)
            if family is None:
                continue
            for position, slot in slot_of.items():
                concept = self.catalog.concept(family.concepts[slot]) if family.concepts.get(slot) else None
                if concept is None:  # "Thereafter" after four full years: no concept of the family, nor another family's
                    year_one = self.catalog.concept(family.concepts["year_1"])
                    concept = self.ext.concept(f"{family.family.replace('_', ' ')} {SLOT_WORDS[slot]}", PeriodType.INSTANT,
                                               "monetaryItemType", year_one.balance if year_one else None)
                    out[(rows[position].index, col.index)] = Choice(
                        concept, "extension", 0.3, f"maturity schedule: {SLOT_WORDS[slot]} of {family.family}")
                    continue
                out[(rows[position].index, col.index)] = Choice(
                    concept, family.id, 0.8, f"maturity schedule: {slot.replace('_', ' ')} of {family.family}")
        return out, False

    def _maturities_by_column(self, table: Table, rows: list[LineItem]) -> dict[tuple[int, int], Choice]:
        """The same schedule turned on its side ("2025 | 2026 | ... | Thereafter | Total" over
        "Operating lease liabilities", "Unconditional purchase obligations"): each row of
        the family its label names, else of a company concept per year of the row's own."""
        stacks = table.header_stacks
        if len(stacks) != len(table.columns):
            stacks = _header_words(table)
        if len(stacks) != len(table.columns):
            return {}
        # the lowest caption over each column that is no scale ("(in millions)" under the years)
        slot_of = maturity_slots([next((t for t in reversed(stack) if not SCALE_CAPTION.match(t)), "")
                                  for stack in stacks], self.filing.period_end.year, interim=self._interim)
        if not slot_of:
            return {}
        about = _table_text(table)
        family_of = {row.index: maturity_family(row.label, about, release=self.release) for row in rows}
        for row in rows:  # a line that adds the interest ("Long-term debt principal and interest") is
            if family_of[row.index] is not None and family_of[row.index].family == "debt" and \
                    WITH_INTEREST.search(row.label):  # no schedule of principal (a lease's payments hold it)
                family_of[row.index] = None
        # a family several lines name is the total's ("Total commitments" under "Other
        # commitments"): the others are lines of their own
        totaling = {r.index for r in rows if r.is_total or TOTAL_CAPTION.match(r.label)}
        totals = {family_of[i].id for i in totaling if family_of[i] is not None}
        out: dict[tuple[int, int], Choice] = {}
        for row in rows:
            family = family_of[row.index]
            if family is not None and family.id in totals and row.index not in totaling:
                family = None
            for column, slot in slot_of.items():
                name = family.concepts.get(slot, "") if family is not None else ""
                concept = self.catalog.concept(name) if name else None
                if concept is not None:
                    out[(row.index, column)] = Choice(concept, family.id, 0.8,
                                                      f"maturity schedule: {SLOT_WORDS[slot]} of {family.family}")
                else:
                    ext = self.ext.concept(f"{row.label} {SLOT_WORDS[slot]}", PeriodType.INSTANT, "monetaryItemType",
                                           "credit")
                    out[(row.index, column)] = Choice(ext, "extension", 0.3,
                                                      f"maturity schedule: {SLOT_WORDS[slot]} of '{row.label}'")
        return out

    def _one_segment(self, table: Table, col_dims: dict, row_dims: dict, named: str | None) -> tuple:
        """A note about the company's one operating segment ("selected financial information
        with respect to the Company's single operating segment", the segment expenses the
        chief operating decision maker reviews): every number is the segment's, a company
        member of the segments axis; so is a note whose header over its rows ``named`` one of
        the company's segments (_segment_over_rows); unless columns or rows already name segments."""
        if table.kind is not StatementKind.NOTE:
            return ()
        if named is None:
            text = _table_text(table)
            if not ONE_SEGMENT.search(text) or SEVERAL_SEGMENTS.search(text):
                return ()
        axis = self.catalog.axis(SEGMENT_AXIS)
        if any(a == axis for dims in (*col_dims.values(), *row_dims.values()) for a, _ in dims) or \
                any(a == axis for col in table.columns for a, _ in col.members):
            return ()
        return ((axis, self._member(named, SEGMENT_AXIS) if named else self.ext.member("Segment")),)

    def _segment_over_rows(self, table: Table) -> str | None:
        """The one segment of the company's the header over a note's rows names ("Walmart
        U.S. net sales by merchandise category" over "Grocery / General merchandise"), not
        a column's caption: every number of the table is that segment's."""
        if table.kind is not StatementKind.NOTE or table.raw is None or not self._segment_names:
            return None
        header = " ".join(table.raw.header)
        columns = " ".join([*(text for stack in table.header_stacks for text in stack),
                            *(c.label for c in table.columns if c.label)])
        named = [name for name, mention in self._segment_names.items()
                 if mention.search(header) and not mention.search(columns)]
        if not named and (titled := TITLE_SEGMENT.search(table.title)):
            # "... operating income for our Primary segment": the segment its tables call "Primary Segment"
            named = [name for name in self._segment_names
                     if SEGMENT_WORD.sub("", name).strip().lower() == titled["name"].lower() and
                     not self._segment_names[name].search(columns)]
        return named[0] if len(named) == 1 else None

    def _stacked_members(self, table: Table) -> dict[int, tuple]:
        """Members named by the header cells over the columns, one header row at a time
        (counted from the bottom): the captions of a row must agree on an axis."""
        stacks = table.header_stacks
        if not stacks and any(c.label for c in table.columns):  # copied text: the header line's captions
            stacks = tuple((c.label,) if c.label else () for c in table.columns)
        if len(stacks) != len(table.columns) or len(stacks) < 2:
            return {}
        dims: dict[int, tuple] = {}
        for level in range(max(len(stack) for stack in stacks)):
            captions = {c: stack[-1 - level] for c, stack in enumerate(stacks)
                        if level < len(stack) and not _periodish(stack[-1 - level])}
            distinct = sorted(set(captions.values()))
            if not distinct:
                continue
            found = {text: self._candidates(text, ("column",), table) for text in distinct}
            axis = shared_axis(list(found.values()))
            named = [text for text in distinct if not TOTAL_CAPTION.match(text)]
            if len(named) >= 2 and axis != SEGMENT_AXIS and not self._name_line_items(named) and \
                    (_about_segments(table) or all(text in self._segment_captions for text in named)):
                # "by operating segment", or the segments a table about them names (a goodwill
                # roll-forward under "Google Services | Google Cloud | Other Bets | Total")
                axis = SEGMENT_AXIS
            elif axis is None or (len(distinct) == 1 and found[distinct[0]][0].weight < 2):
                continue
            pairs = {}
            subtotals = _segment_subtotals(captions) if axis == SEGMENT_AXIS else {}
            for c, text in captions.items():
                own = next((f for f in found[text][:1] if f.axis != axis and f.source.startswith("member rule")
                            and f.member != "ext"), None)
                if own is not None and axis != SEGMENT_AXIS:
                    # "Book value" beside "(Level 1)": a member rule names its own axis
                    pair = (self.catalog.axis(own.axis), self.catalog.member(own.member))
                else:
                    pair = self._segment_member(text, table, found[text]) if axis == SEGMENT_AXIS else \
                        (self.catalog.axis(axis), self._on_axis(text, axis, found[text]))
                    if pair[1] is None and text in subtotals:
                        pair = (pair[0], self.ext.member(subtotals[text]))
                if pair[1] is not None and all(a != pair[0] for a, _ in dims.get(c, ())):
                    pairs[c] = (pair, max((f.weight for f in found[text] if f.member == str(pair[1])), default=0.0))
            # a member two captions name is the one that names it best: "Fair Value" beside
            # "Significant Other Observable Inputs (Level 2)" is the total, not level 2 again
            strongest: dict = {}
            for pair, weight in pairs.values():
                strongest[pair] = max(strongest.get(pair, 0.0), weight)
            for c, (pair, weight) in pairs.items():
                if weight >= strongest[pair]:
                    dims[c] = dims.get(c, ()) + (pair,)
        return dims

    def _name_line_items(self, captions: list[str]) -> bool:
        """Captions that each name a distinct line item of an income statement by a rule or
        a label learned with confidence ("Net Sales | Earnings Before Income Taxes | Net
        Earnings" over a segment's rows): the amounts measured, not the segments."""
        chosen = [self.choose("income", "", text, PeriodType.DURATION, None, extend=False) for text in captions]
        return all(c is not None and c.confidence >= LINE_ITEM_CONFIDENCE for c in chosen) and \
            len({c.concept.qname for c in chosen}) == len(chosen)

    def _segment_member(self, caption: str, table: Table, found: list[Candidate] | None = None) -> tuple:
        """(axis, member) of a caption in a table of segments: the company's segment, or a
        reconciling column or heading ("Corporate", "Eliminations") on ConsolidationItemsAxis,
        as filers tag them (member rules bound to segment tables). The caller found the
        segments, in the table's words or its captions: a table of segments either way."""
        about = _table_text(table)
        if not SEGMENT_TITLE.search(about):  # "NORTH AMERICA | ... | CONVERSE | CORPORATE"
            about += " (segments)"
        rule = match_member(caption, CONSOLIDATION_AXIS, table=about) or match_member(caption, SEGMENT_AXIS, table=about)
        if rule and rule.member:  # ... or the segments no one reports apart ("All other")
            return self.catalog.axis(rule.axis), self.catalog.member(rule.member)
        axis = self.catalog.axis(SEGMENT_AXIS)
        if found is None:
            return axis, None if TOTAL_CAPTION.match(caption) else self.ext.member(caption)
        return axis, self._on_axis(caption, SEGMENT_AXIS, found)

    def _rows_axis(self, table: Table, parts: list[LineItem]) -> str | None:
        """The axis the rows name members of: at least two rows, and half of them, name
        candidates, and the candidates share the axis."""
        named = [found for r in parts if (found := self._candidates(r.label, MEMBER_PLACES, table))]
        return shared_axis(named) if len(named) >= 2 and 2 * len(named) >= len(parts) else None

    def _about(self, table: Table) -> str:
        """_members_about, once per table."""
        if table.index not in self._about_memo:
            self._about_memo[table.index] = _members_about(table)
        return self._about_memo[table.index]

    def _candidates(self, text: str, places: tuple[str, ...], table: Table | None = None) -> list[Candidate]:
        about = self._about(table) if table is not None else ""
        key = (text, places, about)
        if key not in self._candidate_memo:
            self._candidate_memo[key] = member_candidates(self.catalog, text, places, exclude_company=self.exclude,
                                                          table=about)
        return self._candidate_memo[key]

    def _on_axis(self, text: str, axis: str, found: list[Candidate], *, make: bool = True) -> QName | None:
        """The member ``text`` names on ``axis``: its best candidate there, else (unless a
        total) a company member made from it."""
        best = next((c for c in found if c.axis == axis), None)
        if best is not None and best.member != "ext":
            return self._standard_member(best.member)
        if (best is None and not make) or not text.strip() or TOTAL_CAPTION.match(text):
            return None
        return (self._near_member(text, axis) if best is None else None) or self.ext.member(text)

    def _near_member(self, text: str, axis: str) -> QName | None:
        """A standard member of ``axis`` that ``text`` names once the axis's own words are
        added: "Marketing-related" on the axis of "Finite Lived Intangible Assets by Major
        Class" is MarketingRelatedIntangibleAssetsMember. Every word of the caption is the
        member's, and every other word of the member's is the axis's ("Subscription" is no
        SubscriptionAndCirculationMember of products and services)."""
        members = axis_members(self.release).get(axis, frozenset())
        words = set(label_tokens(text))
        axis_words = set(label_tokens(self.catalog.dimension_label(axis)))
        for member, score in self.catalog.search_member(text, limit=5):
            if score < NEAR_MEMBER:
                break
            name = f"{member.prefix}:{member.local}"
            own = set(label_tokens(self.catalog.dimension_label(name)))
            if name in members and words <= own and own <= words | axis_words:
                return member
        return None

    def _standard_member(self, name: str) -> QName | None:
        """A standard member by its prefixed name; country members are not in the catalog."""
        return QName.std(name) if name.startswith("country:") else self.catalog.member(name)

    def _equity_component_member(self, caption: str) -> tuple[QName, QName] | None:
        """A note column captioned like an equity statement's ("Capital Surplus",
        "Reinvested Earnings"): its component on the equity components axis."""
        if not caption.strip():
            return None
        comp = next((k for k in equity_components() if k["header_re"].search(caption)), None)
        if comp is None or not comp["member"]:
            return None
        return self.catalog.axis(EQUITY_AXIS), QName.std(comp["member"])

    def _title_concept(self, table: Table) -> Choice | None:
        """The concept a table's title names as its subject, else the sentence introducing it
        ("Changes in the carrying amount of goodwill were as follows:" over a table titled by
        its column captions): title rules."""
        if table.index not in self._title_memo:  # asked by several table shapes in turn
            rule = match_rule("title", "", table.title, self.release) or \
                match_rule("title", "", _table_intro(table), self.release)
            c = self.catalog.concept(rule.concept) if rule else None
            self._title_memo[table.index] = \
                Choice(c, rule.id, rule.confidence, f"table title rule {rule.id}") if c is not None else None
        return self._title_memo[table.index]

    def _revenues_beyond_contracts(self, table: Table, choices: dict[int, Choice]) -> None:
        """A total of revenue from contracts with customers whose lines include revenue of
        another kind the standard calculations add into Revenues beside it (premiums earned,
        lease income, investment income): the total is Revenues."""
        others = self._other_revenues
        revenues = self.catalog.concept("us-gaap:Revenues")
        lines: list[LineItem] = []
        for row in table.rows:
            choice = choices.get(row.index)
            if choice is None:
                lines = []  # a heading opens the lines of the next total
                continue
            if row.is_total and str(choice.concept.qname) in CONTRACT_REVENUE and \
                    any(str(choices[r.index].concept.qname) in others for r in lines):
                choices[row.index] = Choice(revenues, f"{choice.rule}+calc:revenues", choice.confidence,
                                            "a total of contract revenue and revenue of other kinds")
            lines = [] if row.is_total else lines + [row]

    def _as_income_lines(self, table: Table, choices: dict[int, Choice]) -> dict[int, tuple]:
        """A note's line named as a line the income statement splits by product or service
        ("Products", "Services" again under each segment) is that line: its concept and its
        member, where no rule of the note named the line (what other filers' lines of that
        name were, or a company concept, knows less). Any other line of the income statement
        lends its concept only to a note line nothing else named ("Technology and
        development" under a segment). Row -> the member to add."""
        lines = self._income_statement_lines()
        statement_concepts = {concept.qname for concept, _ in lines.values()}
        out: dict[int, tuple] = {}
        for row in table.rows:
            choice = choices.get(row.index)
            line = lines.get(_income_key(row.label))
            if choice is None or line is None or choice.rule.startswith("R-") or BARE_TOTAL.match(row.label) or \
                    OTHER_LINE.match(row.label) or line[0].period_type is not choice.concept.period_type:
                continue
            # a line of no product or service: only where nothing else named it, or where what
            # named it is the statement's concept of another line ("Equity income (loss) - net"
            # is no net income where the statement says which line net income is), or where it
            # shows the statement line's amounts for the same periods and only a near label named
            # it ("Net realized and unrealized investment gains (losses)" closing a note of gains
            # by type; not "Income (loss) before income taxes" over a tax note's domestic and
            # foreign parts, which other filers' notes report with a concept of their own)
            if not line[1] and not choice.concept.extension and choice.concept.qname not in statement_concepts \
                    and not (choice.confidence < ALIKE_LABEL_CONFIDENCE and self._shows_statement_amounts(table, row)):
                continue
            concept, dims = line
            if concept.qname != choice.concept.qname:
                choices[row.index] = Choice(concept, f"{choice.rule}+statement", choice.confidence,
                                            f"the income statement's line '{row.label}' ({concept.qname.local})")
            out[row.index] = dims
        return out

    def _shows_statement_amounts(self, table: Table, row: LineItem) -> bool:
        """Whether a note's line shows, in two columns at least and in every column of a period
        the income statement also shows, the amounts of the statement's line of its words."""
        key = _income_key(row.label)
        for other in self.filing.tables:
            if other.kind is not StatementKind.INCOME:
                continue
            for line in other.rows:
                if _income_key(line.label) != key:
                    continue
                shown = {other.columns[k].period: c.shown for k, c in enumerate(line.cells)
                         if k < len(other.columns) and c is not None and c.value is not None}
                pairs = [(c.shown, shown[table.columns[k].period]) for k, c in enumerate(row.cells)
                         if k < len(table.columns) and c is not None and c.value is not None
                         and table.columns[k].period in shown]
                if len(pairs) >= 2 and all(a == b for a, b in pairs):
                    return True
        return False

    def _income_statement_lines(self) -> dict[str, tuple[Concept, tuple]]:
        """The income statement's lines by their words, "(loss)" aside ("Net Earnings/(Loss)"
        is the statement's "NET EARNINGS"): (concept, product or service member), for words
        that name one line only."""
        if self._income_lines is None:
            seen: dict[str, set[tuple[Concept, tuple]]] = {}
            for f in self.facts:
                dims = tuple(pair for pair in f.context.dimensions if str(pair[0]) in STATEMENT_AXES)
                if self.filing.tables[f.source.table].kind is StatementKind.INCOME and f.label and \
                        len(dims) == len(f.context.dimensions) and f.unit == USD:
                    seen.setdefault(_income_key(f.label), set()).add((self.used[f.concept], dims))
            self._income_lines = {label: next(iter(found)) for label, found in seen.items() if len(found) == 1}
        return self._income_lines

    def _header_concept(self, table: Table) -> Choice | None:
        """The concept the header over a note's rows names as what they split ("net sales by
        merchandise category"): header rules."""
        if table.raw is None or not (rule := match_rule("header", "", " ".join(table.raw.header), self.release)):
            return None
        c = self.catalog.concept(rule.concept)
        return Choice(c, rule.id, rule.confidence, f"header rule {rule.id}") if c is not None else None

    def _row_members(self, table: Table, choices: dict[int, Choice], column_axes: set[QName]) -> dict[int, tuple]:
        """Note tables whose rows are members of one concept (by source, region, line item).

        Two shapes: a title that names the concept ("Amounts include stock-based
        compensation expense") over rows that are income-statement lines; or rows closed by
        totals, where each block of rows takes the concept of the total that closes it (a
        total that is itself a member, "Total Americas", passes on the final total's concept).
        """
        rows = [r for r in table.rows if r.index in choices]
        parts = [r for r in rows if not r.is_total]
        title_choice = self._title_concept(table)
        header_choice = self._header_concept(table)
        if len(rows) < 2 and title_choice is None:
            return {}
        if rows and SEGMENTS_SUM.match(rows[0].label):
            return {}  # a reconciliation from the segments' sum: its lines are items, not members
        if len(rows) > 2 and (BEGINNING.search(rows[0].label) and PERIOD_END_BALANCE.search(rows[-1].label) or
                              _dated_balances(rows[0], rows[-1])):
            return {}  # a roll-forward: its lines move the opening balance, they are no parts of the closing one
        if "planassets" in self._scopes:
            return self._plan_asset_members(table, rows)
        if segment_lines := self._segments_of_total(table, rows, choices):
            return segment_lines
        if title_choice is not None and not any(r.is_total for r in rows):
            axis = "us-gaap:IncomeStatementLocationAxis"
            if sum(bool(match_member(r.label, axis)) for r in parts) < len(parts) / 2:
                return {}
            return self._assign(rows, axis, title_choice, choices)
        debt = self._debt_instruments(table, parts, rows, choices)
        if debt:
            return debt
        # the rows the last total closes; the line or two after it ("Less accumulated
        # depreciation", "Property and equipment, net") work from that total and name no member
        last = next((i for i in range(len(rows) - 1, -1, -1) if rows[i].is_total), None)
        revenue_block = False
        if last is None or len(rows) - 1 - last > 2 or (last < len(rows) - 1 and column_axes):
            # more lines past the total, or member columns: other line items follow; unless
            # a table of no member columns opens with its revenue by product ("Bulk / Industrial /
            # Premium / Total freight revenues / ... / Total operating revenues", then expenses)
            last = None if column_axes else self._revenue_block_end(rows, choices)
            if last is None:
                return self._heading_blocks(table, rows, choices)
            revenue_block = True
        # a segment table's later blocks ("Segment operating profit:" over the segments, after
        # their net sales): each heading's own total names the segments' concept
        after = self._heading_blocks(table, rows[last + 1:], choices, segments_only=True) if revenue_block else {}
        rows = rows[:last + 1]
        parts = [r for r in rows if not r.is_total]
        if len(parts) < 2 or 2 * sum(bool(MATURITY_ROW.match(r.label)) for r in parts) >= len(parts):
            return {}  # rows of years ("2025", "2026", "Thereafter"): a maturity schedule, not members
        if len(parts) >= 2 and all(choices[r.index].rule.startswith("R-") for r in parts) and \
                len({choices[r.index].concept.qname for r in parts}) == len(parts):
            return {}  # rules named a concept for every line ("Current / Federal")
        if len({choices[r.index].concept.data_type for r in parts if not choices[r.index].concept.extension}) > 1:
            return {}  # "Net income", "Weighted-average shares", "Basic EPS": amounts of kinds no one total sums
        if blocks := self._blocks_by_named_axis(rows, choices):
            return blocks
        geo = sum(bool(match_member(r.label, "srt:StatementGeographicalAxis")) for r in rows)
        concepts = [choices[r.index].concept.qname for r in parts]
        repeated = len(set(concepts)) < len(concepts)
        weak = all(choices[r.index].rule in ("extension", "taxonomy:label", "learned:fuzzy") for r in parts)
        row_axis = self._rows_axis(table, parts)
        if row_axis is not None and (self.catalog.axis(row_axis) in column_axes or (
                row_axis.endswith("LocationAxis") and
                all(choices[r.index].rule.startswith(("R-", "learned:exact")) for r in parts))):
            row_axis = None  # ... or lines that name where amounts are shown, each its own concept
        # a table about segments whose lines name no standard concept: the lines are segments
        by_segment = _about_segments(table) and sum(choices[r.index].concept.extension for r in parts) >= 2
        # most lines are the company's own names, summed by a total of revenue or cost
        closing = header_choice if header_choice is not None and choices[rows[-1].index].concept.extension \
            else choices[rows[-1].index]
        products = 2 * sum(choices[r.index].concept.extension for r in parts) >= len(parts) and \
            not closing.concept.extension and SPLIT_TOTAL.search(closing.concept.qname.local)
        headings = " ".join(dict.fromkeys(r.section for r in table.rows if r.section))  # "Revenue by End Market"
        if not (geo >= 2 or repeated or row_axis or (MEMBER_TITLE.search(f"{table.title} {headings}") and weak)
                or by_segment or products):
            return {}
        def titled(choice: Choice, label: str = "") -> Choice:
            # a note's total its title names ("stock-based compensation expense by line
            # item"), not the cash flow statement's add-back of the same amount, nor a
            # company concept of a bare "Total" ("property, equipment ... net" by region),
            # nor what other filers' bare "Total" most often was (restructuring charges by
            # line item are not stock-based compensation)
            cash_only = self.catalog.statements_of(str(choice.concept.qname)) == {"cashflow"}
            guessed = BARE_TOTAL.match(label) is not None and choice.rule.startswith("learned:")
            named = title_choice or header_choice
            return named if named is not None and (cash_only or choice.concept.extension or guessed) else choice

        final = choices[rows[-1].index] = titled(choices[rows[-1].index], rows[-1].label)
        # lines the company calls its segments ("North America / International / AWS /
        # Corporate") in a table about them: segments, whatever else their names could be
        # (not the lines under a segment's heading, which measure it)
        own_segments = _about_segments(table) and self.catalog.axis(SEGMENT_AXIS) not in column_axes and \
            sum(r.label in self._segment_captions and r.section not in self._segment_captions for r in parts) >= 2
        if own_segments:
            axis = SEGMENT_AXIS
        elif geo >= 2:
            axis = "srt:StatementGeographicalAxis"
        elif row_axis:
            axis = row_axis
        elif revenue_block:
            axis = "srt:ProductOrServiceAxis"
        else:
            probe = next((m for m in (match_member(r.label) for r in parts) if m), None)
            # segments already captioning the columns leave the rows to be something else
            # (Nike's "Footwear | Apparel | Equipment" under segment columns: products)
            segments = by_segment and self.catalog.axis(SEGMENT_AXIS) not in column_axes
            axis = probe.axis if probe and not probe.axis.endswith("LocationAxis") else \
                (SEGMENT_AXIS if segments else None) or self._learned_axis(final.concept, column_axes) or \
                ("srt:ProductOrServiceAxis" if SPLIT_TOTAL.search(final.concept.qname.local) else None)
            if axis is None:
                return {}
        if axis == SEGMENT_AXIS and self.catalog.axis(axis) in column_axes:
            return {}
        dims: dict[int, tuple] = {}
        block: list[LineItem] = []
        for r in rows:
            if not r.is_total:
                if not ACCUMULATED.match(r.label):  # "Less accumulated depreciation": taken off, no member
                    block.append(r)
                continue
            # a total that is itself a member ("Total Americas"; "Total freight revenues" of a
            # revenue block: freight among the products) passes on the final total's concept
            member_total = r is not rows[-1] and (self._member(r.label, axis, make=False) is not None or
                                                  (revenue_block and choices[r.index].concept.extension))
            closing = final if member_total else choices[r.index]
            if block and all(NET_PART.search(choices[b.index].rule) for b in block) and \
                    len({choices[b.index].concept.qname for b in block}) == 1:
                closing = choices[block[0].index]  # the parts' concept a net schedule named, not its wider total's
            named = own_segments and sum(b.label in self._segment_captions for b in block) >= 2
            if axis == SEGMENT_AXIS and not named and \
                    (closing.concept.extension or not all(choices[b.index].concept.extension for b in block)):
                block = [r] if member_total else []  # segments are lines no standard concept names,
                continue                              # summed by a total that names one
            if repeated and block and (closing.rule == "extension" or
                                       BARE_TOTAL.match(r.label) and not _heads_headings(table, r.section)):
                # a total that names nothing ("Total") of rows that share one concept: that concept
                # (not one the heading over the table's headings names: "Assets:" ... "Total")
                shared = Counter(choices[b.index].concept.qname for b in block).most_common(1)[0][0]
                closing = titled(next(choices[b.index] for b in block if choices[b.index].concept.qname == shared),
                                 r.label)
                choices[r.index] = closing
            dims.update(self._assign(block, axis, closing, choices, table))
            block = [r] if member_total else []
        return dims | after

    def _segments_of_total(self, table: Table, rows: list[LineItem], choices: dict[int, Choice]) -> dict[int, tuple]:
        """Lines that name segments of the final total by its own words ("Primary segment net
        sales", "Other net sales" over "Net sales") or by the names the filing's segment tables
        give them ("Google Services total", "Google Cloud" over "Total revenues"): the total's
        concept for each segment, and
        the product lines a segment's subtotal closes ("Building Materials", "Décor") the
        total's concept for that product of that segment. Empty when fewer than two lines
        name a segment a member rule or the filing's segment captions know."""
        if len(rows) < 3 or not rows[-1].is_total or not rows[-1].label:
            return {}
        final, total_words = choices[rows[-1].index], rows[-1].label.lower()
        if final.concept.extension or not SPLIT_TOTAL.search(final.concept.qname.local):
            return {}
        about = _table_text(table)
        segments = {}
        for r in rows[:-1]:
            name = r.label[:-len(total_words)].strip(" -–,:") if r.label.lower().endswith(" " + total_words) else \
                self._segment_caption_of(r.label)
            rule = match_member(name, SEGMENT_AXIS, table=about) if name else None
            if rule and rule.member:
                segments[r.index] = (self.catalog.axis(SEGMENT_AXIS), self.catalog.member(rule.member))
            elif name in self._segment_captions:
                segments[r.index] = (self.catalog.axis(SEGMENT_AXIS), self.ext.member(name))
        if len(segments) < 2:
            return {}
        dims: dict[int, tuple] = {}
        block: list[LineItem] = []
        for r in rows[:-1]:
            if r.index not in segments:
                block.append(r)
                continue
            dims[r.index] = (segments[r.index],)
            for line in block if r.is_total else ():
                if (product := self._member(line.label, "srt:ProductOrServiceAxis")) is not None:
                    dims[line.index] = ((self.catalog.axis("srt:ProductOrServiceAxis"), product), segments[r.index])
            block = []
        for index in dims:
            choices[index] = Choice(final.concept, f"{final.rule}+member", min(final.confidence, 0.85),
                                    f"a part of '{rows[-1].label}' ({final.concept.qname}) by segment and product")
        return dims

    def _segment_caption_of(self, label: str) -> str:
        """The segment caption a line is, alone or as its total ("Google Services total",
        "Total Google Cloud"); else ""."""
        bare = TOTAL_AT_EITHER_END.sub("", label).strip(" -–,:")
        return bare if bare in self._segment_captions else ""

    def _blocks_by_named_axis(self, rows: list[LineItem], choices: dict[int, Choice]) -> dict[int, tuple]:
        """Blocks of lines under headings that say what they split the total by, each closed by
        its own total of one concept ("Net revenue by category:" over "Payment network", "Value-
        added services and solutions", "Net revenue"; then "Net revenue by geographic region:"
        over "Americas", ...): each block's lines are members of the axis its heading names
        (BLOCK_AXES), not one axis for the whole table."""
        blocks = [list(run) for _, run in itertools.groupby(rows, key=lambda r: r.section)]
        if len(blocks) < 2 or not all(len(b) >= 3 and b[-1].is_total and not any(r.is_total for r in b[:-1])
                                      for b in blocks):
            return {}
        axes = [next((axis for pattern, axis in BLOCK_AXES if pattern.search(b[0].section)), None) for b in blocks]
        if None in axes or len(set(axes)) < 2 or \
                len({choices[b[-1].index].concept.qname for b in blocks}) != 1:
            return {}
        dims: dict[int, tuple] = {}
        for block, axis in zip(blocks, axes):
            dims.update(self._assign(block[:-1], axis, choices[block[-1].index], choices))
        return dims

    def _heading_blocks(self, table: Table, rows: list[LineItem], choices: dict[int, Choice], *,
                        segments_only: bool = False) -> dict[int, tuple]:
        """Lines under a heading that its own total closes ("Debt securities - available-for-
        sale:" ... "Total debt securities - available-for-sale"), in a table of other lines
        too: where no line names a standard concept of its own and they name members of one
        axis ("U.S. government and agency obligations"), they are members under the total's
        concept; in a table about segments, lines the filing's segment tables name segments
        ("Segment operating profit:" over them) are those segments (only these where
        ``segments_only``)."""
        dims: dict[int, tuple] = {}
        for _, run in itertools.groupby(rows, key=lambda r: r.section):
            *parts, total = list(run)
            if not total.is_total or not _totals_its_heading(total) or len(parts) < 2 or \
                    not all(choices[r.index].rule.startswith(WEAK_RULES) for r in parts):
                continue
            segments = _about_segments(table) and sum(r.label in self._segment_captions for r in parts) >= 2
            if choices[total.index].concept.extension:
                if not segments:
                    continue
                # a measure of the company's own by segment ("Adjusted EBITDA:" over the segments
                # and "Total Adjusted EBITDA"): one company concept the heading names
                own = choices[total.index].concept
                choices[total.index] = Choice(self.ext.concept(total.section.strip(" :"), own.period_type,
                                                               own.data_type, own.balance),
                                              "extension", choices[total.index].confidence,
                                              f"the company's measure '{total.section.strip(' :')}' by segment")
            if segments:
                dims.update(self._assign(parts, SEGMENT_AXIS, choices[total.index], choices, table))
                continue
            if segments_only:
                continue
            probe = next((m for m in (match_member(r.label) for r in parts) if m and m.member), None)
            if probe is not None and not probe.axis.endswith("LocationAxis"):
                dims.update(self._assign(parts, probe.axis, choices[total.index], choices, table))
        return dims

    @staticmethod
    def _revenue_block_end(rows: list[LineItem], choices: dict[int, Choice]) -> int | None:
        """Where a table's opening block of revenue by product ends: the first total of a
        standard revenue concept over lines most of which are the company's own, two of them
        at least names rather than kinds of revenue."""
        for i, r in enumerate(rows):
            concept = choices[r.index].concept
            if not r.is_total or concept.extension or not SPLIT_TOTAL.search(concept.qname.local) or \
                    concept.qname.local.startswith("CostOf"):
                continue
            parts = [p for p in rows[:i] if not p.is_total]
            named = [p for p in parts if choices[p.index].concept.extension and not REVENUE_WORDS.search(p.label)]
            # products are names ("Bulk", "Industrial"), not kinds of revenue ("Net sales",
            # "Membership and other income" of a segment)
            return i if len(named) >= 2 and 2 * sum(choices[p.index].concept.extension for p in parts) >= len(parts) \
                else None
        return None

    def _ruled_sections(self, table: Table, rows: list[LineItem], column_axes: set[QName]) -> dict[int, tuple]:
        """Headings over different lines that each name a standard member by a member rule,
        all on one axis ("Defined benefit plans" over three assumptions, "Other
        post-employment plans" over one): each heading's member for the lines under it."""
        headings = {r.section for r in rows}
        if len(headings) < 2 or len(rows) < 3:
            return {}
        named = {}
        for heading in headings:
            rule = match_member(heading, table=self._about(table))
            if rule is None or not rule.member or rule.member.startswith("country:"):
                return {}
            named[heading] = (self.catalog.axis(rule.axis), self.catalog.member(rule.member))
        pairs = set(named.values())
        if len({axis for axis, _ in pairs}) != 1 or len(pairs) < len(headings) or \
                any(axis is None or member is None or axis in column_axes for axis, member in pairs):
            return {}
        return {r.index: (named[r.section],) for r in rows}

    def _section_members(self, table: Table, choices: dict[int, Choice], column_axes: set[QName]) -> dict[int, tuple]:
        """Note tables that repeat the same lines under headings ("Americas" / Net sales,
        Operating income; "Europe" / Net sales, Operating income): each heading is a member.

        Under a title about segments the headings are the company's segments (its own
        members on the segments axis, as filers tag them); otherwise a heading that names a
        standard member takes it and its axis, and the rest take the axis other companies
        split the line's concept on.
        """
        # headings that date the lines under them ("Three Months Ended July 27, 2025") are periods
        rows = [r for r in table.rows if r.index in choices and r.section and not r.is_abstract
                and not _periodish(r.section)]
        lines_under: dict[str, list[str]] = {}
        for r in rows:
            lines_under.setdefault(r.section, []).append(LOSS_WORD.sub("", rule_text(r.label)))
        shapes = Counter(tuple(lines) for lines in lines_under.values())
        shape, count = shapes.most_common(1)[0] if shapes else ((), 0)
        # a last heading ("Consolidated") may go on past the shared lines to reconcile them
        # ... and lines may differ in one place of three or more ("Loss from operations")
        slack = 1 if len(shape) >= 3 else 0
        shaped = {section for section, lines in lines_under.items() if len(lines) >= len(shape) and
                  sum(a != b for a, b in zip(lines, shape)) <= slack}
        covered = [r for r in rows if r.section in shaped]
        # the same lines, in the same order, under at least two headings, and most of the table
        if count < 2 or len(covered) < 0.8 * len(rows):
            return self._ruled_sections(table, rows, column_axes)
        seen = Counter()  # each row's place under its heading: the first len(shape) are the shared lines
        repeated = []
        for r in covered:
            if seen[r.section] < len(shape):
                repeated.append(r)
            seen[r.section] += 1
        # a line a rule named by its heading ("Current" under "U.S. Federal" is
        # CurrentFederalTaxExpenseBenefit, under "U.S. State" the state's) takes no member for it
        # ... and so does a line of percentages whose rate a rule names by its heading
        # ("Operating" under "Weighted-average discount rate")
        by_heading = heading_rule_ids(self.release)
        repeated = [r for r in repeated if choices[r.index].rule not in by_heading and
                    not (signs.all_percent(r) and self._rate_choice(table, r, choices[r.index]).rule in by_heading)]
        about = _table_text(table)
        segments = SEGMENT_TITLE.search(about)
        if segments:
            # a reconciling heading between the segments ("Corporate and support") lists
            # fewer lines than they do: each of its lines is that reconciling item's
            repeated += [r for r in rows if r.section not in shaped and
                         match_member(r.section, CONSOLIDATION_AXIS, table=about)]
        dims: dict[int, tuple] = {}
        for r in repeated:
            if TOTAL_CAPTION.match(r.section):
                continue
            found = None if segments else self._caption_member(r.section)
            if found is None:
                axis = SEGMENT_AXIS if segments else \
                    self._learned_axis(choices[r.index].concept, column_axes) or "srt:ProductOrServiceAxis"
                if axis == SEGMENT_AXIS and not segments and r.section not in self._segment_captions:
                    # revenue is most often split by segment, but a heading the company never
                    # calls a segment, in a table that does not speak of them, is a product
                    axis = "srt:ProductOrServiceAxis"
                found = self._segment_member(r.section, table) if segments else \
                    (self.catalog.axis(axis), self._member(r.section, axis))
            if found[0] not in column_axes:
                dims[r.index] = (found,)
        return dims

    def _caption_member(self, caption: str, table: Table | None = None) -> tuple[QName, QName] | None:
        """The member a caption names; in ``table``, by the member rules of its kind too."""
        return caption_member(self.catalog, caption, exclude_company=self.exclude,
                              table=self._about(table) if table is not None else "")

    def _learned_axis(self, concept: Concept, taken: set[QName]) -> str | None:
        """The axis other companies split this concept on in their notes, if they agree on
        one; not an axis the table's columns already use (Level 1 | Level 2 columns)."""
        if concept.extension:
            return None
        axes = [a for a in self.catalog.learned_axes(str(concept.qname), exclude_company=self.exclude)
                if self.catalog.axis(a) is not None and self.catalog.axis(a) not in taken]
        return axes[0] if axes else None

    def _tax_part(self, choice: Choice | None) -> str | None:
        if choice is None or choice.concept.extension:
            return None
        return next((child for child, weight in self.catalog.calc_children(str(choice.concept.qname))
                     if weight < 0 and child.endswith("Tax") and not child.endswith(("NetOfTax", "AfterTax"))), None)

    def _class_of_stock_rows(self, table: Table, choices: dict[int, Choice]) -> dict[int, tuple]:
        """Rows named by a class of stock under a heading that names the amount ("Basic
        Earnings Per Share" / "Class A common stock $9.74"): the heading's concept, the class
        as a member of the class of stock axis."""
        axis = "us-gaap:StatementClassOfStockAxis"
        dims: dict[int, tuple] = {}
        for row in table.rows:
            named_class = _class_named(row.label)
            if row.is_abstract or not row.section or row.index not in choices or not named_class:
                continue
            own = match_rule(table.kind.value, row.section, CLASS_WORDS.sub("", row.label), self.release) \
                if table.kind is StatementKind.BALANCE else None
            if own is not None and (concept := self.catalog.concept(own.concept)) is not None:
                # "Class A common stock, $0.0001 par value ..." under "Stockholders' equity": the
                # line's own words name its amount (common stock), the heading only the total
                choices[row.index] = Choice(concept, f"{own.id}+class", own.confidence, f"rule {own.id}, its class a member")
            else:
                heading = self.choose(table.kind.value, "", row.section, self._period_type(table, row),
                                      _want_type(table, row))
                if heading.concept.extension:
                    continue
                choices[row.index] = Choice(heading.concept, f"{heading.rule}+class", min(heading.confidence, 0.85),
                                            f"the heading '{row.section}' names the amount; {heading.why}")
            dims[row.index] = ((self.catalog.axis(axis), self._member(named_class, axis)),)
        return dims

    def _statement_members(self, table: Table, choices: dict[int, Choice]) -> dict[int, tuple]:
        """Lines of a statement that split a total by standard members ("Products",
        "Services" above "Total net sales") take the total's concept with the member."""
        if table.kind not in (StatementKind.INCOME, StatementKind.BALANCE):
            return {}
        dims: dict[int, tuple] = {}
        block: list[LineItem] = []
        pending: list[LineItem] = []  # a company-named split under a subtotal that names no concept of its own
        for row in table.rows:
            if row.is_abstract:
                block, pending = [], []
                continue
            if not row.is_total:
                block.append(row)
                continue
            total = choices.get(row.index)
            if table.kind is StatementKind.INCOME and len(block) >= 2 and total is not None and \
                    total.rule in WEAK_RULES and SUBTOTAL_SPLIT.search(row.label) and \
                    all(b.index in choices and choices[b.index].concept.extension for b in block):
                # "Automotive sales / leasing" over "Total automotive revenues", itself a line of
                # "Total revenues": the subtotal is a product too, its lines are its parts
                pending, block = pending + block, [row]
                continue
            rules = [match_member(r.label) for r in block]
            splits = len(block) >= 2 and all(rule and rule.member and rule.axis in STATEMENT_AXES
                                             and rule.axis == rules[0].axis for rule in rules)
            total = choices.get(row.index)
            if splits and total is not None and not total.concept.extension:
                dims.update(self._assign(block, rules[0].axis, total, choices))
            elif table.kind is StatementKind.INCOME and total is not None and \
                    total.rule.startswith(("R-", "learned:exact")) and SPLIT_TOTAL.search(total.concept.qname.local) and \
                    len(named := [b for b in block if b.index in choices and not choices[b.index].rule.startswith("R-")]) >= 2 \
                    and all(b.index in choices for b in block) and any(choices[b.index].rule in WEAK_RULES for b in named):
                # "Subscription", "Product" above "Total revenue": lines the company names,
                # no rule or official filing knows, splitting a revenue or cost of revenue total
                # (not operating expenses): its products and services; a line a rule names
                # ("Premiums") keeps its own concept, and so does a kind of income ("Investment
                # and other income")
                dims.update(self._assign([b for b in pending + named if not INCOME_LINE.search(b.label)],
                                         "srt:ProductOrServiceAxis", total, choices))
                for sub in (b for b in block if b.is_total and b.index not in dims):
                    part = replace(sub, label=TOTAL_WORD.sub("", sub.label))  # "Total automotive revenues"
                    dims.update(self._assign([part], "srt:ProductOrServiceAxis", total, choices))
            block, pending = [], []
        return dims

    def _assign(self, rows: list[LineItem], axis: str, base: Choice, choices: dict[int, Choice],
                table: Table | None = None) -> dict:
        axis_q = self.catalog.axis(axis)
        dims = {}
        names = _instrument_names(table, rows) if axis == DEBT_AXIS and table is not None else {}
        for r in rows:
            split = None if base.concept.extension else match_split(base.concept.qname.local, r.label, self.release)
            if split is not None and (concept := self.catalog.concept(split.concept)) is not None:
                choices[r.index] = Choice(concept, split.id, min(base.confidence, 0.85),
                                          f"the part '{r.label}' of {base.concept.qname} (rule {split.id})")
                continue
            pair = self._segment_member(r.label, table) if axis == SEGMENT_AXIS and table is not None else \
                (axis_q, self._member(names.get(r.index, r.label), axis, table=table))
            if pair[1] is None:
                continue
            dims[r.index] = (pair,) + self._debt_type(r, axis, table)
            choices[r.index] = Choice(base.concept, f"{base.rule}+member", min(base.confidence, 0.85),
                                      f"member of {axis} under concept {base.concept.qname}")
        return dims

    def _plan_asset_members(self, table: Table, rows: list[LineItem]) -> dict[int, tuple]:
        """A benefit plan's assets by category (scope NS-037: "U.S. large cap", "Corporate debt
        instruments" under "Equities" and "Fixed income securities", by fair value level): each
        line is a member of the plan asset categories (member rules M-PLA-*), a generic one
        ("Other") named with its heading and a repeated name numbered; a subtotal is the
        standard category its words name, another total and the final line none. Investments at net
        asset value are measured so, not by level; where they follow, the lines above them
        are the assets measured at levels 1, 2 and 3 (a column of no level is their sum)."""
        axis = self.catalog.axis(PLAN_ASSET_AXIS)
        level_axis = self.catalog.axis(FAIR_VALUE_LEVEL_AXIS)
        nav = next((i for i, r in enumerate(rows) if NAV_LINE.search(r.label)), None)
        about = _table_text(table)
        def category(text: str):
            return match_member(text, PLAN_ASSET_AXIS, table=about)
        dims: dict[int, tuple] = {}
        named: set[str] = set()
        for at, row in enumerate(rows):
            if at == nav:
                dims[row.index] = ((level_axis, self._standard_member(NAV_MEMBER)),)
                continue
            levels = ((level_axis, self._standard_member(LEVELS_MEMBER)),) if nav is not None and at < nav else ()
            name = TOTAL_AT_EITHER_END.sub("", row.label).strip() if row.is_total else row.label
            if not name or at == len(rows) - 1:
                if levels:
                    dims[row.index] = levels
                continue
            if row.section and (GENERIC_LINE.match(rule_text(name)) or category(name) is None and
                                category(f"{row.section} {name}") is not None):
                name = f"{row.section} {name}"  # "Other" under "Fixed income securities"
            if name in named:
                name = f"{name} {row.index}"  # a second "Other" of the same heading
            named.add(name)
            rule = category(name)
            member = self._standard_member(rule.member) if rule else \
                self._member(name, PLAN_ASSET_AXIS, make=not row.is_total)  # "Total investments at fair value": none
            dims[row.index] = ((axis, member),) + levels if member is not None else levels
        return dims

    def _debt_instruments(self, table: Table, parts: list[LineItem], rows: list[LineItem],
                          choices: dict[int, Choice]) -> dict[int, tuple]:
        """A table listing debt instruments ("3.60% senior notes due 2025", ..., or loans named
        by the properties they are secured by under "Mortgage notes payable:"): each is a
        member of DebtInstrumentAxis under the concept of the total that follows them, or
        the carrying amount of a debt instrument; a total whose concept is no debt's is the
        long-term debt."""
        about = _table_text(table)
        listed = [r for r in parts if match_member(rule_text(r.label), DEBT_AXIS, table=about) or
                  (SECURED_HEADING.match(rule_text(r.section)) and choices[r.index].concept.extension)]
        if (len(listed) < 3 and not (len(listed) == 2 == len(parts) and all(NAMED_NOTES.search(r.label)
                                                                         for r in listed))) \
                or 2 * len(listed) < len(parts):
            return {}  # two lines only where both name a rate and a maturity: a fair value table of the notes
        last = max(r.index for r in listed)
        cut = next((r.index for r in rows if r.index > last and CURRENT_MATURITIES.match(rule_text(r.label))), None)
        total_row = next((r for r in rows if r.index > last and r.is_total and (cut is None or r.index < cut)
                          and not choices[r.index].concept.extension), None)
        total = choices[total_row.index] if total_row is not None else None
        if total is not None and cut is not None and total.concept.qname.local.endswith("Noncurrent"):
            # the instruments' sum above "Less: Current maturities" holds the current part too
            total = choices[total_row.index] = Choice(self.catalog.concept("LongTermDebt"), "R-DBT-300", 0.6,
                                                      "the total of a list of debt instruments, before the "
                                                      "current maturities are deducted")
        if total is not None and not DEBT_CONCEPT.search(total.concept.qname.local):
            # "Net long-term carrying amount" is no equity security's under a list of notes
            total = choices[total_row.index] = Choice(self.catalog.concept("LongTermDebt"), "R-DBT-003", 0.6,
                                                      "the total of a list of debt instruments")
        if UNSECURED.search(about):  # "senior unsecured long-term debt consisted of ...": the notes' kind
            base = Choice(self.catalog.concept("UnsecuredLongTermDebt"), "R-DBT-002", 0.65,
                          "an unsecured debt instrument's carrying amount, as the table says")
        else:
            base = total or Choice(self.catalog.concept("DebtInstrumentCarryingAmount"), "R-DBT-001", 0.6,
                                   "a debt instrument's carrying amount")
        return self._assign(listed, DEBT_AXIS, base, choices, table)

    def _debt_type(self, row: LineItem, axis: str, table: Table | None) -> tuple:
        """A debt instrument row ("4.25% senior notes due 2029") is also of the type of debt
        its label, heading or table names ("senior notes"), else the sentence introducing
        the table: LongtermDebtTypeAxis."""
        if axis != DEBT_AXIS:
            return ()
        text = " ".join((row.label, row.section, table.title if table is not None else ""))
        rule = match_member(KIND_OF_NOTES.sub(r"\1 \2", text), DEBT_TYPE_AXIS)
        if rule is None and table is not None:  # "we had $58.0 billion of unsecured senior notes outstanding"
            rule = match_member(KIND_OF_NOTES.sub(r"\1 \2", _sentence_above(table)), DEBT_TYPE_AXIS)
        if rule is None or not rule.member:
            return ()
        return ((self.catalog.axis(DEBT_TYPE_AXIS), self.catalog.member(rule.member)),)

    def _member(self, label: str, axis: str, *, make: bool = True, table: Table | None = None) -> QName | None:
        """The member ``label`` names on ``axis``; with ``table``, the member rules bound to
        its kind of table too ("Commercial and industrial" in a note about loans, "Shares
        issuable under the ESPP" in a table of antidilutive securities)."""
        rule = match_member(label, axis, table=self._about(table) if table is not None else "")
        if rule and rule.member:
            return self._standard_member(rule.member)
        found = [c for c in self._candidates(label, MEMBER_PLACES, table) if c.axis == axis]
        return self._on_axis(label, axis, found, make=make)

    def _equity_by_rows(self, table: Table) -> None:
        """Equity statements laid out by rows: a heading per component ("Retained earnings")
        with its beginning balance, movements and ending balance; periods are the columns.
        Balances are StockholdersEquity at the period's start or end, under the component's
        member; the statement's own total rows carry no member."""
        axis = QName.std(EQUITY_AXIS)
        members = {k["component"]: k for k in equity_components() if k["member"]}
        for row in table.rows:
            if row.is_abstract:
                continue
            comp = next((k for k in members.values() if row.section and k["header_re"].search(row.section)), None)
            is_total = bool(EQUITY_TOTAL.search(row.label))
            # "Dividends declared per share" (not "Dividends ($0.51 per share)"): no component's
            per_share = bool(PER_SHARE.search(PARENTHESES.sub(" ", row.label)))
            dims = () if is_total or per_share or comp is None else ((axis, QName.std(comp["member"])),)
            if EQUITY_BALANCE.search(row.label) or is_total:  # "Total stockholders' equity": the closing one
                name = "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest" \
                    if is_total and TOTAL_EQUITY.search(row.label) else "StockholdersEquity"
                choice = Choice(self.catalog.concept(name), "R-EQU-001", 0.9, "a balance of the component")
            else:
                choice = self.choose("equity", row.section, row.label, PeriodType.DURATION,
                                     "perShareItemType" if per_share else "monetaryItemType",
                                     nci=self.nci, balance_hint=_reduction_hint(row))
            f = 1 if per_share else signs.equity_factor(choice.concept)
            for col in table.columns:
                self.add_fact(table, row, col, choice, dims, f)

    def _equity(self, table: Table) -> None:
        if not any(c.component for c in table.columns):
            return self._equity_by_rows(table)
        kind = table.kind.value
        with_nci_column = any(c.component == "noncontrolling" for c in table.columns)
        nci = self.nci or with_nci_column
        opening: tuple[Choice, Instant] | None = None  # the last balance: its concept and date
        for row in table.rows:
            if row.is_abstract:
                continue
            balance = isinstance(row.period_override, Instant)
            period = PeriodType.INSTANT if balance else PeriodType.DURATION
            if not balance and opening is not None and \
                    (adoption := match_rule("adoption", row.section, row.label, self.release)) is not None:
                self._adoption_effect(table, row, adoption, *opening)
                continue
            amount = self.choose(kind, row.section, row.label, period, "monetaryItemType", nci=nci,
                                 balance_hint=None if balance else _reduction_hint(row))
            if balance and with_nci_column and amount.concept.qname.local == "StockholdersEquity":
                # with a noncontrolling column, every balance is equity including it
                amount = Choice(self.catalog.concept(
                    "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"), amount.rule,
                    amount.confidence, "balance of a statement with a noncontrolling interest column")
            if balance:
                opening = (amount, row.period_override)
            if not balance and amount.concept.qname.prefix == "us-gaap" and \
                    (issuing := issuing_amount(amount.concept.qname.local, self.release)) and \
                    any(c.is_shares and (cell := row.cell_at(c.index)) is not None and cell.value
                        for c in table.columns):
                amount = Choice(self.catalog.concept(issuing.amount_with_shares), f"{amount.rule}+{issuing.id}",
                                amount.confidence, "the row issues shares: an issuance, not a paid-in capital adjustment")
            rule = self._matching_rule(kind, row.section, row.label, nci=False)
            moves_shares = any((cell := row.cell_at(c.index)) is not None and cell.value for c in table.columns
                               if c.is_shares)
            for col in table.columns:
                members = col.members or self._own_component(col)
                if col.component == "temporary_noncontrolling":
                    # redeemable noncontrolling interests, shown beside equity but outside it
                    choice = self._temporary_equity(row, col, period)
                    if choice is not None:
                        self.add_fact(table, row, col, choice, (), signs.equity_factor(choice.concept))
                    continue
                if col.is_shares:
                    if balance:
                        name = STOCK_SHARE_BALANCE.get(col.component, "CommonStockSharesOutstanding")
                        choice = Choice(self.catalog.concept(name), amount.rule, amount.confidence,
                                        "share balance of the component")
                    elif rule and rule.shares_concept:
                        choice = Choice(self.catalog.concept(rule.shares_concept), rule.id, rule.confidence)
                    elif amount.rule.startswith("learned:") and (learned := self._learned_exact(
                            kind, row.label, PeriodType.DURATION, "sharesItemType")):
                        # the share count official filings gave this label, rather than the
                        # pair of an amount concept another filer's label chose
                        choice = learned
                    elif not moves_shares and (shown := row.cell_at(col.index)) is not None and shown.is_dash:
                        # "—" under the shares of "Net loss" or of "Stock-based compensation
                        # expense": a line that moves none, no count to make up (the expense's
                        # pair, shares issued, would take the count of the issuance row)
                        continue
                    elif shares := self._shares_of(amount):
                        choice = shares
                    else:
                        choice = Choice(self.ext.concept(row.label + " shares", PeriodType.DURATION,
                                                         "sharesItemType", None), "extension", 0.3)
                    f = signs.share_factor(row, col, choice.concept)
                else:
                    choice = amount
                    f = signs.equity_factor(choice.concept)
                self.add_fact(table, row, col, choice, members, f)

    def _adoption_effect(self, table: Table, row: LineItem, rule, balance: Choice, day: Instant) -> None:
        """A new accounting standard's cumulative effect on the opening balances ("Adjustments
        for prior periods from adopting ASU 2023-08", rule R-ADO-*): the balance's concept at
        its date, on the adjustment member of the period-of-adoption axis, as filers tag it;
        a column of shares moves none."""
        adjustment = (self.catalog.axis("srt:CumulativeEffectPeriodOfAdoptionAxis"),
                      self.catalog.member("srt:CumulativeEffectPeriodOfAdoptionAdjustmentMember"))
        choice = Choice(balance.concept, rule.id, rule.confidence,
                        f"rule {rule.id}: the cumulative effect of adopting a standard on the balance of {day.date}")
        for col in table.columns:
            if col.is_shares or col.component == "temporary_noncontrolling":
                continue
            members = col.members or self._own_component(col)
            self.add_fact(table, row, col, choice, members + (adjustment,), signs.equity_factor(choice.concept),
                          period=day)

    def _temporary_equity(self, row: LineItem, col: Column, period: PeriodType) -> Choice | None:
        """A line of the column of redeemable noncontrolling interests an equity statement
        shows beside equity (temporary equity, no component of equity): its balance and its
        share of net income have concepts of their own (R-TEQ-*), other movements are
        company concepts named after the column and the line; None for a "—" no rule names
        (no company concept made for nothing)."""
        rule = match_rule("temporary", row.section, row.label, self.release)
        if rule is not None and (c := self.catalog.concept(rule.concept)) is not None and _fits(c, period, None):
            return Choice(c, rule.id, rule.confidence, f"rule {rule.id}: redeemable noncontrolling interests")
        shown = row.cell_at(col.index)
        if shown is None or shown.is_dash:
            return None
        # a movement shown in parentheses lowers the balance: a debit, reported positive
        side = "debit" if shown.negative_shown else "credit"
        ext = self.ext.concept(f"{col.header} {row.label}", period, "monetaryItemType", side)
        return Choice(ext, "extension", 0.3, "a movement of redeemable noncontrolling interests no rule names")

    def _own_component(self, col: Column) -> tuple:
        """An equity column no standard component names ("Reserve for ESOP Debt Retirement"):
        a company member of the components axis made from its caption."""
        if not col.component.startswith("component_") or not col.header or \
                UNREAD_COMPONENT.fullmatch(col.header):  # no caption was read: nothing to name it by
            return ()
        return ((self.catalog.axis(EQUITY_AXIS), self.ext.member(col.header)),)

    def _shares_of(self, amount: Choice) -> Choice | None:
        """The share-count concept of the movement an equity row's amount concept names
        (share_concepts.csv, else the taxonomy's Value/Shares pair), when the taxonomy has it."""
        if amount.concept.qname.prefix != "us-gaap":
            return None
        for rule_id, name in share_concept_names(amount.concept.qname.local, self.release):
            c = self.catalog.concept(name)
            if c is not None and _fits(c, PeriodType.DURATION, "sharesItemType"):
                return Choice(c, f"{amount.rule}+{rule_id}", min(amount.confidence, 0.8),
                              f"shares of the row's amount concept {amount.concept.qname.local}")
        return None

    def _tax_reconciliation(self, table: Table, choices: dict[int, Choice]) -> None:
        """A tax rate reconciliation (a line at the statutory rate, then what moves the rate
        away from it): each line a rule of tax_reconciliation.csv names takes that rule's
        amount concept, and its percentages the rule's rate concept."""
        lines = [r for r in table.rows if r.index in choices]
        if not any(may_open_reconciliation(r.label, self.release) for r in lines):
            return  # no line's rule can be one that opens
        found = {r.index: rule for r in lines if (rule := match_reconciliation(r.label, self.release))}
        if not any(rule.opens for rule in found.values()) or len(found) < 3:
            return
        ruled: set[int] = set()
        for index, rule in found.items():
            amount, rate = self.catalog.concept(rule.amount_concept), self.catalog.concept(rule.percent_concept)
            if amount is None or rate is None:
                continue
            why = f"tax rate reconciliation line (rule {rule.id})"
            choices[index] = Choice(amount, rule.id, 0.85, why)
            self._rate_memo[(table.index, index)] = Choice(rate, rule.id, 0.85, why)
            ruled.add(index)
        # what raises the tax is as shown; a credit that lowers it is positive, rate and amount
        # alike: the lines the rules named, and the table's other reconciling lines
        for index, choice in choices.items():
            if index in ruled or (index not in found and RECONCILING.match(choice.concept.qname.local)):
                self._reconciliation_sign[(table.index, index)] = -1 if choice.concept.balance == "credit" else 1

    def _years_only_period_types(self, table: Table, choices: dict[int, Choice]) -> None:
        """A note whose columns name years only ("2024 | 2023"), where each row's concept dates
        it: lines no rule names take the period type most of the table's standard concepts
        have (a deferred tax table's lines are balances, "Depreciation and amortization"
        there too), not the one labels like theirs elsewhere suggest."""
        if not table.columns or not all(c.period_open for c in table.columns):
            return
        types = Counter(c.concept.period_type for c in choices.values()
                        if not c.concept.extension and c.concept.data_type == "monetaryItemType")
        if not types:
            return
        kind, seen = types.most_common(1)[0]
        if seen < 4 or 3 * seen < 2 * sum(types.values()):
            return
        for row in table.rows:
            choice = choices.get(row.index)
            if choice is None or choice.rule.startswith("R-") or choice.concept.period_type is kind or \
                    choice.concept.data_type != "monetaryItemType" or row.period_override is not None or \
                    (row.is_total and not choice.concept.extension) or \
                    _opening_or_closing(row.label):
                continue  # a roll-forward's opening and closing lines are _rolled_balance's
            again = self.choose(table.kind.value, row.section, row.label or row.section or "Total", kind,
                                "monetaryItemType", nci=self.nci, default=kind)
            if again is not None:
                choices[row.index] = replace(again, why=f"{again.why}; {kind.value} as most of the table's "
                                                        f"standard concepts")

    def _other_lines(self, table: Table, choices: dict[int, Choice]) -> None:
        """A note's "Other" line that no rule names is the other part of the total below it:
        the one child of that total's concept in the standard calculations named as other
        ("Other" over "Total deferred tax liabilities": DeferredTaxLiabilitiesOther), unless
        another line of the table holds that concept already or several children are."""
        rows = [r for r in table.rows if r.index in choices]
        taken = {c.concept.qname for c in choices.values()}
        for k, row in enumerate(rows):
            if not OTHER_LINE.match(row.label.strip()) or choices[row.index].rule.startswith("R-"):
                continue
            total = next((r for r in rows[k + 1:] if r.is_total), None)
            parent = choices[total.index].concept if total is not None else None
            if parent is None or parent.extension:
                continue
            other = self._other_part(parent, taken)
            if other is not None:
                taken.add(other.qname)
                choices[row.index] = Choice(other, "calc:other", 0.7,
                                            f"the other part of '{total.label}' ({parent.qname.local}) in "
                                            f"the standard calculations")

    def _other_part(self, parent: Concept, taken: set) -> Concept | None:
        """The one part of ``parent`` in the standard calculations named as other: among its
        children, else their children (AccountsPayableAndAccruedLiabilitiesCurrent adds
        AccruedLiabilitiesCurrent, which adds OtherAccruedLiabilitiesCurrent); None where
        none or several are."""
        level = [parent]
        for _ in range(2):
            level = [c for above in level for child, weight in self.catalog.calc_children(str(above.qname))
                     if weight > 0 and (c := self.catalog.concept(child)) is not None
                     and c.period_type is parent.period_type]
            parts = [c for c in level if c.qname not in taken]
            # "...Other" (DeferredTaxAssetsOther) before "Other..." (OtherAccruedLiabilitiesCurrent);
            # other words inside a name (DeferredTaxAssetsOtherLossCarryforwards) are some other part
            for named in ([c for c in parts if c.qname.local.endswith("Other")],
                          [c for c in parts if c.qname.local.startswith("Other")]):
                if len(named) == 1:
                    return named[0]
                if named:
                    return None
        return None

    def _rolled_balance(self, table: Table, choices: dict[int, Choice]) -> None:
        """The opening and closing lines of a roll-forward whose movements rules name
        ("Settlements with tax authorities", "Lapse of statute of limitations"): the balance
        those movements change (roll_forwards.csv), whatever the lines call it ("Beginning
        balance", "Unrecognized tax benefits, end of the period")."""
        rules = Counter(c.rule for c in choices.values())
        for rule_id, movements, name in roll_forward_balances(self.release):
            balance = self.catalog.concept(name)
            if balance is None or sum(rules[m] for m in movements) < 2:
                continue
            lines = [r for r in table.rows if r.index in choices]
            for row in {lines[0].index: lines[0], lines[-1].index: lines[-1]}.values():
                if BALANCE_LINE.search(row.label) and choices[row.index].concept.qname != balance.qname:
                    choices[row.index] = Choice(balance, rule_id, 0.8, f"the balance the movements of rules "
                                                                      f"{', '.join(sorted(movements))} change")
            return  # a table rolls one balance forward

    def _titled_balance(self, table: Table, want: str | None, title_choice: Choice | None,
                        hint: str | None) -> Choice | None:
        """The standard balance a roll-forward's title or introduction is about ("changes in
        deferred revenue"), or None; looked up once per table, data type and side (a table's
        opening and closing lines ask the same)."""
        if title_choice is not None and title_choice.concept.period_type is PeriodType.INSTANT:
            return title_choice
        key = (table.index, want, hint)
        if key not in self._titled_memo:
            # extend=False: a company concept named after the sentence would be made for nothing
            intro = _table_intro(table)
            choice = self.choose("balance", "", intro, PeriodType.INSTANT, want, balance_hint=hint, extend=False)
            if (choice is None or choice.concept.extension) and (subject := CHANGES_OF.search(intro)):
                # "The changes in the Company's valuation allowance on deferred tax assets were
                # as follows:": the balance the sentence is about
                choice = self.choose("balance", "", subject.group("subject"), PeriodType.INSTANT, want,
                                     balance_hint=hint, extend=False)
            self._titled_memo[key] = None if choice is None or choice.concept.extension else choice
        return self._titled_memo[key]

    def _named_balance(self, table: Table, want: str | None = None) -> Choice | None:
        """The standard balance a roll-forward's dated rows name before their date
        ("Goodwill - January 1, 2023"), or None."""
        for row in table.rows:
            named = NAMED_BALANCE.match(row.label.strip(" :"))
            if named:
                choice = self.choose("balance", "", named.group("name"), PeriodType.INSTANT, want, balance_hint="debit",
                                     extend=False)  # no company concept made for a name it does not keep
                if choice is not None and not choice.concept.extension:
                    return choice
        return None

    def _scoped_balance(self, table: Table) -> Choice | None:
        """The balance a rule of the kind of table names on a dated balance row ("Balance at
        December 31, 2023" in the changes of outstanding shares: SharesOutstanding), or None."""
        for row in table.rows:
            if isinstance(row.period_override, Instant) and (rule := self._scoped_rule("note", row.section, row.label)):
                concept = self.catalog.concept(rule.concept)
                if concept is not None and concept.period_type is PeriodType.INSTANT:
                    return Choice(concept, rule.id, rule.confidence, f"rule {rule.id}: a balance of this kind of table")
        return None

    def _member_columns_roll_forward(self, table: Table, col_dims: dict[int, tuple]) -> None:
        """A roll-forward whose columns are members ("Foreign Currency Translation
        Adjustments | Cash Flow Hedges | Total"): the balance rows are the one balance the
        table follows (stockholders' equity for equity components), the rows between its
        movements; each column adds its member."""
        equity_axis = QName.std(EQUITY_AXIS)
        title_choice = self._title_concept(table)
        if any(axis == equity_axis for dims in col_dims.values() for axis, _ in dims):
            if AOCI.search(self._about(table)):  # the total of the components is the whole of AOCI
                aoci = QName.std("us-gaap:AccumulatedOtherComprehensiveIncomeMember")
                col_dims = {**{c.index: ((equity_axis, aoci),) for c in table.columns
                               if TOTAL_CAPTION.match(_caption(table, c.index))}, **col_dims}
            name = "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest" if self.nci else \
                "StockholdersEquity"
            balance = Choice(self.catalog.concept(name), "R-EQU-001", 0.8, "balance of equity components")
        elif title_choice is not None and title_choice.concept.period_type is PeriodType.INSTANT:
            balance = title_choice
        else:
            balance = self._scoped_balance(table) or self._named_balance(table) or \
                self.choose("balance", "", table.title, PeriodType.INSTANT, None, balance_hint="debit")
        for row in table.rows:
            if row.is_abstract:
                continue
            if isinstance(row.period_override, Instant):
                choice = balance
            else:
                choice = self.choose("note", row.section, _without_span(row, row.label), PeriodType.DURATION,
                                     _want_type(table, row), nci=self.nci)
            f = signs.factor(self.catalog, table, row, choice.concept)
            for col in table.columns:
                dims = col.members + col_dims.get(col.index, ())
                self.add_fact(table, row, col, choice, _one_member_per_axis(dims), f)

    def _measured_lines(self, table: Table, label: dict) -> bool:
        """Whether every column is captioned by a measure (measure_columns.csv: "Amortized Cost |
        Fair Value") and the rules of the kind of table being mapped name most of its lines
        ("Due in one year or less" in a schedule of debt securities' maturities): the lines are
        line items each column measures (_measured_by_column), not members of the captions."""
        if not self._scopes:
            return False
        rules = measure_columns(self.release)
        if not all(label[c.index] and any(r.caption.search(label[c.index].lower()) for r in rules)
                   for c in table.columns):
            return False
        rows = [r for r in table.rows if not r.is_abstract and any(c is not None and c.value is not None for c in r.cells)]
        named = sum(1 for r in rows if self._scoped_rule("note", r.section, r.label))
        return bool(rows) and 2 * named > len(rows)

    def _concept_columns(self, table: Table) -> bool:
        """Note tables whose columns are different amounts of one date or period and whose
        rows are the things measured ("Adjusted Cost | Unrealized Gains | Fair Value" over
        Money market funds, U.S. Treasury securities): each column a concept, each row a
        member, each heading ("Level 1:") a member too. False when the table is not one.
        """
        label = _stacked_captions(table)
        if self._measured_lines(table, label):
            return False
        stacked = any(label[c.index] != c.label for c in table.columns)
        # "Adjusted Cost | Unrealized Gains | Fair Value | Cash and Cash Equivalents | Short-Term
        # Investments", read as member columns: the last columns say where the fair value sits
        # on the balance sheet (where no column is read as a member, their captions name concepts)
        members = self._column_members(table)
        located = self._located_columns(table, label) if members else {}
        amounts = [c for c in table.columns if c.index not in located]
        # a total column is no amount of its own ("Total"), unless it names one under a
        # heading ("Total Fair Value | Total Unrealized Loss")
        named = [c for c in amounts if label[c.index] and (stacked or not TOTAL_CAPTION.match(label[c.index]))]
        # one date, or the same captions again for each date ("Gross | Accumulated
        # amortization | Net" under December 31, 2024, then under December 31, 2023)
        if len(amounts) < 2 or len({(c.period, label[c.index]) for c in amounts}) < len(amounts) or \
                len(named) < len(amounts) - 1 or (not located and members):
            return False
        if all(self._debt_column(table, c) is not None for c in amounts):
            return False  # "Principal Amount at Par | Level 2 Fair Value" over notes: _debt_columns
        # "January 31, 2024 | Additions and retirements, net | January 31, 2025" under "Intangible
        # Assets, Gross": a movement between two balances of the caption over them, no group of its own
        moves = {c.index for c in amounts if isinstance(c.period, Duration) and
                 any(isinstance(b.period, Instant) and label[b.index] and label[c.index] != label[b.index]
                     and label[c.index].startswith(label[b.index]) for b in amounts)}
        by_period: dict = {}
        for c in amounts:
            if c.index not in moves:
                by_period.setdefault(c.period, []).append(label[c.index])
        groups = sorted(by_period.values(), key=len)
        # ... or each caption over its own run of dates ("Notional Values" at two dates, then
        # "Gain (Loss) Recognized in OCI" for four periods)
        runs = [(caption, len(list(run))) for caption, run in itertools.groupby(label[c.index] for c in amounts)]
        by_caption = len(runs) >= 2 and len({caption for caption, _ in runs}) == len(runs) and \
            all(caption and count >= 2 for caption, count in runs)
        if len(groups) > 1 and not by_caption and \
                (len(groups[0]) < 2 or any(not set(g) <= set(groups[-1]) for g in groups)):
            return False
        # ... read with the headings every column stands under ("Less than 12 Months" over
        # "Estimated Fair Value | Gross Unrealized Loss"), which say what the captions measure
        stacks = table.header_stacks
        common = [p for p in (stacks[0] if stacks else ()) if undated_caption(p) and all(p in s for s in stacks)]
        captions = " | ".join(dict.fromkeys([*common, *(label[c.index] for c in amounts)]))
        # a single date's columns say instant or duration; where dates repeat, headers read
        # as "twelve months ended" may still head balances: the caption's concept says; rows
        # dated by headings inside the table ("Three Months Ended June 27, 2025") say it for them
        # (rows all dated by year headings, "Fiscal 2024" over the lines, leave it to the caption)
        dated = {None if r.period_open else type(r.period_override) for r in table.rows if not r.is_abstract}
        columns = {c.index: self._column_choice(captions, label[c.index], PeriodType.DURATION if c.index in moves else
                                                None if len(groups) > 1 or dated == {None} else
                                                PeriodType.INSTANT if isinstance(c.period, Instant) and dated != {Duration}
                                                else PeriodType.DURATION,
                                                PeriodType.INSTANT if isinstance(c.period, Instant)
                                                else PeriodType.DURATION) for c in amounts}
        chosen = {label[c.index]: columns[c.index].concept.qname for c in amounts}
        if len(set(chosen.values())) < len(chosen):
            return False  # captions that name no distinct amounts: not concept columns
        ruled = sum(columns[c.index].rule.startswith("R-COL") for c in amounts)
        if (stacked or located) and 2 * ruled < len(amounts):
            return False  # headings read down that no column rule knows: leave the rows to say it
        for index in located:  # the amount of the column left of them, by place
            columns[index] = columns[amounts[-1].index]
        found = {r.index: self._caption_member(r.label) for r in table.rows if not r.is_abstract}
        debt_axis = self.catalog.axis(DEBT_AXIS)
        for index, name in _instrument_names(table, [r for r in table.rows if found.get(r.index)
                                                     and found[r.index][0] == debt_axis]).items():
            found[index] = (debt_axis, self._member(name, DEBT_AXIS))
        parts = [r for r in table.rows if not r.is_abstract and not r.is_total and not TOTAL_CAPTION.match(r.label)]
        listed = self._listed_instruments(table, parts, found)
        for r in listed:  # "6.875% Senior notes due June 15, 2027" under "Principal | Carrying Amount"
            found[r.index] = (debt_axis, self._member(r.label, DEBT_AXIS))
        axes = Counter(pair[0] for pair in found.values() if pair)
        row_axis = self._rows_axis(table, parts)
        learned = next((a for ch in columns.values() if (a := self._learned_axis(ch.concept, set()))), None)
        segments = _about_segments(table) and row_axis is None
        hedged = self._hedging_members(table, {r.index for r in table.rows if not r.is_abstract}, set())
        if hedged and any(match_member(label[c.index], INCOME_LOCATION_AXIS, table=self._derivatives_about(table))
                          for c in amounts):
            return False  # "Revenues | Other income (expense), net": where the gains are recognized
        if hedged:  # "Foreign currency contracts" over "Designated as cash flow hedges": the headings' members
            axis = None
        elif segments:  # "Beauty | Grooming | ... | Corporate" under "Net Sales | Net Earnings"
            axis = self.catalog.axis(SEGMENT_AXIS)
            found = {r.index: self._segment_member(r.label, table) for r in table.rows if not r.is_abstract}
        elif axes:
            axis = axes.most_common(1)[0][0]
            if listed:  # the instruments' columns name their amounts ("Principal": the face amount)
                columns.update({c.index: choice for c in amounts if (choice := self._debt_column(table, c, listed=True))})
        elif row_axis or learned:
            axis = self.catalog.axis(row_axis or learned)
        elif any(SPLIT_TOTAL.search(ch.concept.qname.local) for ch in columns.values()):
            axis = self.catalog.axis("srt:ProductOrServiceAxis")
        elif sum(not ch.concept.extension and DEBT_CONCEPT.search(ch.concept.qname.local) is not None
                 for ch in columns.values()) >= 2:
            axis = debt_axis  # "Current | Long-Term | Unused Committed Amount" over the instruments owed
            columns.update({c.index: choice for c in amounts if (choice := self._debt_column(table, c)) is not None})
        elif (required := self._required_axis([columns[c.index].concept for c in amounts])) is not None:
            axis = required  # "Ownership Share | Plant in Service" over the plants: the axis the columns are always on
        else:
            return False  # rows that name no members ("Granted | Exercised" under "Shares | Price"): not one
        shown_deducted = {c.index for c in table.columns if signs.column_shown_negative(table, c.index)}
        places = self._text_locations(table)
        last_total = max((r.index for r in table.rows if r.is_total or TOTAL_CAPTION.match(r.label)), default=None)
        for row in table.rows:
            if row.is_abstract:
                continue
            dims: tuple = hedged.get(row.index, ())
            subtotal = _totals_its_heading(row)  # "Total road" under "Road:": its heading's, not the table's
            grand_total = bool(TOTAL_CAPTION.match(row.label)) and not subtotal
            # a quarter's row ("First quarter") is a period of the columns, no member
            if not (hedged or row.is_total or grand_total or SUBTOTAL.match(row.label) or
                    row_quarter(row.label)):
                pair = found.get(row.index)
                member = pair[1] if pair else self._member(row.label, str(axis))
                if member is not None:
                    dims += ((pair[0] if segments else axis, member),)
            # a heading's member ("Equipment:") after the line's own: on the same axis the
            # line ("Locomotives") is the narrower, the heading is its total's
            heading = self._caption_member(row.section) if row.section and not grand_total and not hedged else None
            if heading is None and axis == debt_axis and row.section and not grand_total:
                # "Recourse debt:" over its instruments: a type of debt, each instrument one of it
                heading = (self.catalog.axis(DEBT_TYPE_AXIS), self._member(row.section, DEBT_TYPE_AXIS))
            if heading is None and subtotal and not (hedged or segments or _names_concept(row.section, columns)):
                heading = (axis, self._member(row.section, str(axis)))  # a heading no standard member names
            if heading is not None and heading[1] is not None:
                dims += (heading,)
            for col in table.columns:
                choice = columns[col.index]
                if row.index == last_total:
                    choice = self._wider_total(table, row, choice)
                choice, row_dims = self._by_section(row, choice, dims, table)
                member_choice = Choice(choice.concept, f"{choice.rule}+columns", min(choice.confidence, 0.8),
                                       f"column '{label[col.index]}' names the amount; {choice.why}")
                concept = choice.concept
                if col.index in shown_deducted and concept.period_type is PeriodType.INSTANT and \
                        concept.balance is not None and not concept.extension:
                    f = -1  # "Fair Value (Liability) | (217)": a balance the column shows in parentheses
                else:
                    f = signs.factor(self.catalog, table, row, concept)
                self.add_fact(table, row, col, member_choice, _one_member_per_axis(
                    col.members + row_dims + located.get(col.index, ()) + places.get((row.index, col.index), ())), f)
        return True

    def _by_section(self, row: LineItem, choice: Choice, dims: tuple = (),
                    table: Table | None = None) -> tuple[Choice, tuple]:
        """A column's concept that the heading over the row, or for some rules the row's own
        label, turns into another (section_concepts.csv), with the row's members ``dims``,
        whose axis follows the new concept where the rule says: amortized cost under
        "held-to-maturity" is that kind's, a gross carrying amount of "Total indefinite-lived
        intangible assets" theirs, not a finite-lived one, and a class of finite-lived
        intangible assets under an indefinite-lived heading a class of those. A row of
        derivatives under no heading is under what its ``table`` says it is about ("...
        instruments designated as net investment hedges")."""
        heading = row.section or (self._derivatives_about(table) if table is not None else "")
        rule = next((r for r in section_concepts(self.release).get(choice.concept.qname.local, ())
                     if r.section.search(heading) or (r.label is not None and r.label.search(row.label))), None)
        if rule is None:
            return choice, dims
        moves = {self.catalog.axis(old): self.catalog.axis(new) for old, new in rule.axes}
        dims = tuple((moves.get(axis) or axis, member) for axis, member in dims)
        return self._instead(choice, rule.instead, rule.id, f"under '{heading or row.label}'"), dims

    def _wider_total(self, table: Table, row: LineItem, choice: Choice) -> Choice:
        """A table's last total that also sums lines of another kind than its column's concept
        (wider_totals.csv: the indefinite-lived intangible assets below the finite-lived ones)
        reports the wider concept."""
        rule = wider_totals(self.release).get(choice.concept.qname.local)
        if rule is None or not any(rule.lines_above.search(f"{r.section} {r.label}")
                                   for r in table.rows if r.index < row.index):
            return choice
        return self._instead(choice, rule.instead, rule.id, "a wider total")

    def _text_locations(self, table: Table) -> dict[tuple[int, int], tuple]:
        """A table about derivatives with a column of words captioned as the place of the
        amounts in the statements ("Balance sheet caption", "Financial Statement Line Item
        Impacted"): (row, column) -> the words' member on the balance sheet location axis
        for a balance, the income statement location axis for a span, for the value columns
        right of them."""
        raw = table.raw
        # leases and deferred taxes say where they sit too, but filers tag the place only
        # of derivatives, whose same instruments sit in several places
        about = self._derivatives_about(table) if raw is not None and LOCATION_CAPTION.search(raw.text_caption) else ""
        if not about:
            return {}
        places: dict[tuple[int, int], tuple] = {}
        for row in table.rows:
            texts = raw.rows[row.index].column_texts if row.index < len(raw.rows) else ()
            for col in table.columns:
                text = texts[col.index].strip() if col.index < len(texts) else ""
                if not text:
                    continue
                period = row.period_override or col.period
                name = LOCATION_AXIS if isinstance(period, Instant) else INCOME_LOCATION_AXIS
                rule = match_member(text, name, table=about)  # "Net operating revenues": where gains arise
                member = self._standard_member(rule.member) if rule and rule.member else self._member(text, name)
                if member is not None:
                    places[(row.index, col.index)] = ((self.catalog.axis(name), member),)
        return places

    def _located_columns(self, table: Table, label: dict[int, str]) -> dict[int, tuple]:
        """The last columns of a table whose captions name places on the balance sheet ("Cash
        and Cash Equivalents | Short-Term Investments | Non-current Assets"): column -> its
        member; nothing unless one is a standard place and two other columns are left."""
        axis = self.catalog.axis(LOCATION_AXIS)
        located: dict[int, tuple] = {}
        for col in reversed(table.columns):
            caption = label[col.index]
            member = self._member(caption, LOCATION_AXIS, make=False) if caption else None
            if member is None and caption and BALANCE_SHEET_PLACE.search(caption):
                member = self._member(caption, LOCATION_AXIS)  # "Non-current Assets": a place of its own
            if member is None:
                break
            located[col.index] = ((axis, member),)
        standard = any(m.namespace == axis.namespace for (_, m), in located.values())
        return located if standard and len(located) < len(table.columns) - 1 else {}

    def _reclassified_by_line(self, table: Table) -> bool:
        """A note of amounts reclassified out of AOCI whose columns are the income statement
        lines they went to ("Revenues | Cost of Revenues | ... | Provision for Income Taxes |
        Total Reclassifications"): each cell that line's concept, the total net income, on
        ReclassificationOutOfAccumulatedOtherComprehensiveIncomeAxis and the AOCI component
        the row's heading names, as filers tag them. The amounts are effects on net income,
        so an expense line's value is the effect negated. False when the table is not one."""
        axis = self.catalog.axis(RECLASSIFICATION_AXIS)
        member = self.catalog.member(RECLASSIFICATION_MEMBER)
        if axis is None or member is None or len(table.columns) < 2 or \
                not RECLASSIFIED_FROM_AOCI.search(_table_text(table)):
            return False
        lines: dict[int, Choice] = {}
        for col in table.columns:
            # the total column: the reclassifications' whole effect on net income
            rule = match_rule("reclassificationcolumn", "", col.label, self.release)
            if rule is not None and (concept := self.catalog.concept(rule.concept)) is not None:
                lines[col.index] = Choice(concept, rule.id, rule.confidence, f"column rule {rule.id}: '{col.label}'")
                continue
            choice = self.choose("income", "", col.label, PeriodType.DURATION, None, extend=False)
            if choice is None or choice.confidence < LINE_ITEM_CONFIDENCE:
                return False  # a caption that names no income statement line: not this table
            lines[col.index] = choice
        if len({c.concept.qname for c in lines.values()}) < len(lines):
            return False
        component: tuple = ()  # the AOCI component the last heading naming one names
        for row in table.rows:
            named = self._aoci_component(row.label, row.section) or component
            if row.is_abstract:
                component = named  # "Gains (losses) on derivatives in cash flow hedging relationship"
                continue
            for col in table.columns:
                choice = lines[col.index]
                f = -1 if choice.concept.balance == "debit" else 1
                self.add_fact(table, row, col, choice, col.members + ((axis, member),) + named, f)
        return True

    def _aoci_component(self, *texts: str) -> tuple:
        """The component of AOCI the first of ``texts`` a member rule of AOCI components holds
        for names ("Unrealized gains (losses) on cash flow hedges"), as dimensions; () if none."""
        rule = next(filter(None, (match_member(text, EQUITY_AXIS, table=AOCI_TEXT) for text in texts if text)), None)
        if rule is None or not rule.member:
            return ()
        return ((self.catalog.axis(EQUITY_AXIS), self.catalog.member(rule.member)),)

    def _reclassified_by_location(self, table: Table) -> bool:
        """A note of amounts reclassified out of AOCI whose rows say in a column of words the
        income statement line the amounts went to ("Foreign exchange contracts | Revenue |
        2,046", "| Benefit (provision) for income taxes | (346)", "| Net of income tax |
        1,706"): each row that line's concept (the net of tax lines and the total net income,
        rules R-RCL-*), on ReclassificationOutOfAccumulatedOtherComprehensiveIncomeAxis, the
        AOCI component its heading names and the instrument its label names; an expense
        line's value is the effect negated, as in _reclassified_by_line. False when the
        table is not one."""
        raw = table.raw
        axis, member = self.catalog.axis(RECLASSIFICATION_AXIS), self.catalog.member(RECLASSIFICATION_MEMBER)
        if raw is None or axis is None or member is None or not LOCATION_CAPTION.search(raw.text_caption) or \
                not RECLASSIFIED_FROM_AOCI.search(_table_text(table)):
            return False
        lines: dict[int, tuple[Choice, bool]] = {}  # row -> (its line's concept, whether it is the table's total)
        for row in table.rows:
            if row.is_abstract:
                continue
            texts = [t.strip() for t in raw.rows[row.index].column_texts if t.strip()]
            words = texts[0] if texts else row.label
            rule = match_rule("reclassificationline", "", words, self.release) or \
                match_rule("reclassificationcolumn", "", words, self.release)
            if rule is not None and (concept := self.catalog.concept(rule.concept)) is not None:
                lines[row.index] = (Choice(concept, rule.id, rule.confidence, f"rule {rule.id}: '{words}'"), not texts)
                continue
            choice = self.choose("income", "", words, PeriodType.DURATION, None, extend=False)
            if choice is None or choice.confidence < LINE_ITEM_CONFIDENCE:
                return False  # words that name no income statement line: not this table
            lines[row.index] = (choice, False)
        components = {r.index: self._aoci_component(r.label) for r in table.rows if r.is_abstract}
        if not lines or not any(components.values()):
            return False  # no heading names a component of AOCI: derivatives by where their gains went
        component: tuple = ()  # the AOCI component the last heading naming one names, for the lines below it
        for row in table.rows:
            if row.is_abstract:
                component = components[row.index]
            if row.index not in lines:
                continue
            choice, total = lines[row.index]
            dims: tuple = ((axis, member),) + (() if total else component)
            instrument = match_member(row.label, DERIVATIVE_RISK_AXIS) if row.label and not total else None
            if instrument is not None and instrument.member:
                dims += ((self.catalog.axis(DERIVATIVE_RISK_AXIS), self.catalog.member(instrument.member)),)
            f = -1 if choice.concept.balance == "debit" else 1
            for col in table.columns:
                self.add_fact(table, row, col, choice, col.members + dims, f)
        return True

    def _oci_by_tax(self, table: Table) -> bool:
        """Notes of OCI lines whose columns split each amount by tax ("Before-Tax Amount |
        Income Tax | After-Tax Amount"): each cell the concept of its line's part of OCI, its
        stage and its column's tax treatment (oci_concepts.csv), with no members. Under a
        heading that nets its lines ("Net foreign currency translation adjustments") the
        other lines are the part arising in the period or reclassified. A table of the
        parent's portion ("OCI attributable to shareowners of the Company") takes the
        taxonomy's concepts of that portion where it has them. False when the table is not one."""
        if len(table.columns) < 2 or not any("tax" in c.label.lower() for c in table.columns):
            return False
        taxes = [tax_column(c.label) for c in table.columns]
        lines = [r for r in table.rows if not r.is_abstract]
        if None in taxes or len(set(taxes)) < 2 or \
                sum(1 for r in lines if oci_rule(r.label, r.section, release=self.release)) < 2:
            return False
        split = {r.section for r in lines if is_reclassification(r.label) or is_heading_total(r.label)}
        parent_table = of_parent(_table_text(table))
        for row in lines:
            total = is_heading_total(row.label)
            parent = parent_table or of_parent(row.label)
            for col, tax in zip(table.columns, taxes):
                rule = oci_total_rule(row.label, tax, self.release) or \
                    oci_rule(row.label, row.section, tax=tax, split=row.section in split, total=total,
                             release=self.release)
                name = (rule.parent if parent and rule.parent else rule.concept) if rule else ""
                concept = self.catalog.concept(name) if name else None
                if rule and concept is not None:
                    portion = "+parent" if name == rule.parent else ""
                    choice = Choice(concept, f"{rule.id}{portion}", 0.8,
                                    f"OCI line: {rule.part} {rule.stage}, {tax} (rule {rule.id}, column '{col.label}')"
                                    + ("; the parent's portion: the table or line says 'attributable to'"
                                       if portion else ""))
                else:
                    choice = self.choose("comprehensive", row.section, f"{row.label} {col.label}",
                                         PeriodType.DURATION, None, nci=self.nci)
                f = signs.factor(self.catalog, table, row, choice.concept) if choice.concept.extension else \
                    signs.oci_factor(self.catalog, choice.concept)
                self.add_fact(table, row, col, choice, col.members, f)
        return True

    def _award_activity(self, table: Table) -> bool:
        """Share-based award activity ("Outstanding at January 1 / Granted / Exercised ..."
        by "Options | Weighted-average exercise price | ..."): each cell the concept of its
        row's activity and its column's measure (awards.py); False when the table is not one."""
        cells = award_cells(table, self.release) or price_range_cells(table, self.release)
        if not cells:
            return False
        # the member of each group of cells: the award type of a group of columns ("Restricted
        # Stock Units | Performance Share Units"), a row's price range ("$1.34 to $154.14")
        grouped = {(cell.axis, cell.group): ((self.catalog.axis(cell.axis), self._member(cell.group, cell.axis)),)
                   for cell in cells.values() if cell.group}
        # a price range's other cells ("Weighted-Average Remaining Contractual Life") are of that range too
        ranges = {ri: grouped[cell.axis, cell.group] for (ri, _), cell in cells.items()
                  if cell.group and cell.axis == RANGE_AXIS}
        for row in table.rows:
            for col in table.columns:
                if (row.index, col.index) not in cells and not row.is_abstract:
                    # a cell no (activity, measure) pair names (a remaining term in years): its own words
                    caption = award_caption(table, col.index)
                    dated = isinstance(row.period_override, Instant)  # "RSUs expected to vest at December 31"
                    # what is outstanding, exercisable or expected to vest is held at a date
                    held = award_activity_of(row.label) in HELD_AWARDS
                    choice = self.choose("note", caption, f"{row.label} {caption}",
                                         PeriodType.INSTANT if held else None, MEASURE_TYPES.get(award_measure(caption)),
                                         default=PeriodType.INSTANT if dated or held else _column_type(table))
                    period = self._award_balance_date(table, row, col) if held else None
                    self.add_fact(table, row, col, choice, col.members + ranges.get(row.index, ()),
                                  signs.factor(self.catalog, table, row, choice.concept), period=period)
        for (ri, ci), cell in cells.items():
            row, col = table.rows[ri], table.columns[ci]
            concept = self.catalog.concept(cell.concept)
            source = row.cells[ci] if ci < len(row.cells) else None
            if concept is None or source is None or source.value is None:
                continue
            choice = Choice(concept, cell.rule, 0.8, f"award activity: {cell.activity} x {cell.measure} "
                                                     f"('{row.label}' under '{award_caption(table, ci)}')")
            period = self._award_balance_date(table, row, col) if concept.period_type is PeriodType.INSTANT else None
            members = grouped[cell.axis, cell.group] if cell.group else col.members
            self.add_fact(table, row, col, choice, members, -1 if source.shown < 0 else 1, period=period)
        for row in table.rows:  # a range's bounds, printed as its label ("$1.34 to $154.14")
            if row.label_numbers and row.index in ranges:
                self._label_number_facts(table, row, None, row_dims=ranges[row.index])
        return True

    def _award_balance_date(self, table: Table, row: LineItem, col: Column) -> Instant:
        """The date of an award balance: the one its label names (the first of a month is
        the day before, as XBRL instants end a day), the start of the table's period for
        "beginning of year", else the column's date."""
        if isinstance(row.period_override, Instant):
            return row.period_override
        named = last_full_date(row.label)
        if named is not None:
            return Instant(named - dt.timedelta(days=1) if named.day == 1 else named)
        p = col.period
        end = period_end(p)
        if not at_beginning(row.label):
            return Instant(end)
        start = p.start if isinstance(p, Duration) else self._year_to_date(end).start
        return Instant(start - dt.timedelta(days=1))

    def _column_choice(self, captions: str, caption: str, period: PeriodType | None, dated: PeriodType) -> Choice:
        """The concept a column caption names: a column rule that holds for the table's set
        of captions ("Fair Value" beside "Amortized Cost | Unrealized Gains"), else the
        caption's own choice; a company concept is of the kind the column's date (``dated``)
        says where the caption's concept would have said ("Amount" under "January 31, 2025")."""
        # ... first one for the kind of table ("Assets | Liabilities" over derivatives: theirs)
        rule = self._scoped_rule("column", captions, caption) or match_rule("column", captions, caption, self.release)
        # (a rule may name a rate: "Ownership Share" beside a jointly owned plant's amounts)
        if rule and (c := self.catalog.concept(rule.concept)) is not None and \
                _fits(c, period, c.data_type if c.data_type in RATE_TYPES else None):
            return Choice(c, rule.id, rule.confidence, f"column rule {rule.id}: '{caption}' beside {captions!r}")
        line = self._income_statement_lines().get(_income_key(caption)) if caption else None
        if line is not None and not line[1] and _fits(line[0], period, None):
            return Choice(line[0], "statement", 0.8, f"the income statement's line '{caption}' ({line[0].qname.local})")
        return self.choose("note", "", caption or "Total", period, None, extend=period is not None) or \
            self.choose("note", "", caption or "Total", dated, None)

    def _dividend_schedule(self, table: Table) -> bool:
        """A schedule of dividends (dividends.py): each row's figures the dividend's, dated by
        its fiscal quarter of declaration or its day of payment, the concept its column's
        caption names (rules declareddividendcolumn, paiddividendcolumn). False when the
        table is not one."""
        schedule = dividend_schedule_of(table, _table_text(table))
        if schedule is None:
            return False
        kind = "declareddividendcolumn" if schedule.declared else "paiddividendcolumn"
        base_year = schedule.years.get(table.columns[0].index)
        for col in table.columns:
            caption = dividend_caption(table, col, schedule)
            rule = match_rule(kind, "", caption, self.release)
            concept = self.catalog.concept(rule.concept) if rule else None
            if concept is None:
                continue  # a column no rule names: left untagged rather than guessed
            choice = Choice(concept, rule.id, rule.confidence, f"dividend schedule: column '{caption}' (rule {rule.id})")
            shift = schedule.years[col.index] - base_year if schedule.years else 0
            for row in table.rows:
                day = schedule.dates.get(row.index)
                if day is None:
                    continue
                period = self._fiscal_quarter(day) if schedule.declared else Duration(day, day)
                if shift:
                    period = in_year(period, period.end.year + shift)
                self.add_fact(table, row, col, choice, (), 1, period=period)
        return True

    def _fiscal_quarter(self, day: dt.date) -> Duration:
        """The fiscal quarter that holds ``day``: of a fiscal year of the filing's own columns,
        else of the fiscal year its year end makes."""
        year = self._fiscal_year_holding(day)
        if year is None:
            month, last = self.filing.fiscal_year_end
            end = make_date(day.year, month, last)
            end = end if end >= day else make_date(day.year + 1, month, last)
            year = Duration(period_start(end, 12, 0, self.filing.fiscal_year_end), end)
        # a 52/53-week year's quarters run to its end: one holds the day (else the year does)
        return next((q for k in range(1, 5) if (q := quarter_of(year, k)).start <= day <= q.end), year)

    def _offsetting(self, table: Table) -> bool:
        """Derivatives offset under master netting arrangements ("Gross Amounts Recognized |
        Gross Amounts Offset | Net Amounts Presented | Financial Instruments | ... | Net
        Amounts" over "Derivative assets", "Derivative liabilities"): each cell the concept its
        column names for its row's side (rules column+offsetting, whose section is the row's
        label), as a positive amount; False when the table is not one."""
        if "offsetting" not in self._scopes:
            return False
        lines = [r for r in table.rows if not r.is_abstract]
        captions = {c.index: _caption(table, c.index) for c in table.columns}
        rules = {(r.index, c.index): rule for r in lines for c in table.columns
                 if (rule := match_rule("column+offsetting", r.label, captions[c.index], self.release))}
        if not lines or len({column for _, column in rules}) < 3:
            return False
        for row in lines:
            for col in table.columns:
                rule = rules.get((row.index, col.index))
                concept = self.catalog.concept(rule.concept) if rule else None
                if concept is not None:
                    choice = Choice(concept, rule.id, rule.confidence,
                                    f"rule {rule.id}: '{captions[col.index]}' of '{row.label}'")
                else:  # a column no rule names ("Cash Collateral Received"): its own words
                    choice = self.choose("note", row.section, f"{row.label} {captions[col.index]}",
                                         PeriodType.INSTANT, None)
                cell = row.cells[col.index] if col.index < len(row.cells) else None
                self.add_fact(table, row, col, choice, col.members,
                              -1 if cell is not None and cell.shown is not None and cell.shown < 0 else 1)
        return True

    def _sideways_roll_forward(self, table: Table) -> bool:
        """A roll-forward on its side: the columns are the opening balance, the movements and
        the closing balance ("Balance at Beginning of Year | Additions | Usage | Balance at End
        of Year"), each row a year (detect's year rows: "Year ended December 31, 2022"). A
        10-K's Schedule II (scope "valuation") has rules of its own for its columns, and may
        instead list its reserves under headings of years; the reserve a row, its heading or
        the introduction names ("Allowance for doubtful accounts") is the member. False when
        the table is not one."""
        rows = [r for r in table.rows if not r.is_abstract]
        if not rows or not all(isinstance(r.period_override, Duration) for r in rows):
            return False  # most tables: their rows take the columns' periods
        shown = column_captions(table.raw) if table.raw is not None else []
        captions = {c.index: shown[c.index] if len(shown) == len(table.columns) else c.header for c in table.columns}
        if not any(BEGINNING.search(t) for t in captions.values()) or \
                not any(PERIOD_END_BALANCE.search(t) for t in captions.values()):
            return False
        # Schedule II's heading is often a line or two above the sentence introducing it
        context = " ".join((table.title, *(table.raw.context_before[-3:] if table.raw is not None else ())))
        schedule = any(s.scope == "valuation" and s.text is not None and s.text.search(context)
                       for s in table_scopes(self.release))
        if not schedule and not all(YEAR_SPAN_ROW.match(r.label.strip(" :")) for r in rows):
            return False  # lines of things measured, each its own balance: read row by row
        for col in table.columns:
            caption = captions[col.index]
            opening = bool(BEGINNING.search(caption))
            rule = match_rule("note+valuation", "", caption, self.release) if schedule else None
            if rule is not None:
                choice = Choice(self.catalog.concept(rule.concept), rule.id, rule.confidence,
                                f"rule {rule.id}: a column of Schedule II, valuation and qualifying accounts")
            elif opening or PERIOD_END_BALANCE.search(caption):
                choice = self._titled_balance(table, None, None, None) or \
                    self.choose("balance", "", caption, PeriodType.INSTANT, None)
            else:
                choice = self.choose("note", "", caption, PeriodType.DURATION, None)
            for row in rows:
                span = row.period_override
                period = None if choice.concept.period_type is not PeriodType.INSTANT else \
                    Instant(span.start - dt.timedelta(days=1)) if opening else Instant(span.end)
                dims = self._reserve_member(row, context) if schedule else ()
                self.add_fact(table, row, col, choice, dims, signs.factor(self.catalog, table, row, choice.concept),
                              period=period)
        return True

    def _balance_columns_roll_forward(self, table: Table) -> bool:
        """A roll-forward whose columns are balances and the movements between them ("Balance
        at December 31, 2023 | Purchases | Sales | Changes in Fair Value | Other | Balance at
        December 31, 2024") and whose rows are what is rolled forward ("Marketable
        securities", "Nonmarketable securities", "Total"): at a balance column each row's
        balance (a bare total the balance the title names), at a movement column that
        movement of the row's balance over the column's span. False when the table is not one."""
        if table.raw is None or any(r.period_override is not None for r in table.rows):
            return False
        captions = column_captions(table.raw)
        if len(captions) != len(table.columns):
            return False
        balances = [isinstance(c.period, Instant) and bool(BALANCE_CAPTION.search(captions[c.index]))
                    for c in table.columns]
        moves = [isinstance(c.period, Duration) for c in table.columns]
        if sum(balances) < 2 or not balances[0] or not balances[-1] or not any(moves) or \
                not all(b or m for b, m in zip(balances, moves)):
            return False
        titled = self._titled_balance(table, None, None, None)
        for row in table.rows:
            if row.is_abstract:
                continue
            total = BARE_TOTAL.match(row.label or "Total") is not None
            name = "" if total else row.label
            balance = titled if total and titled is not None else \
                self.choose("balance", "", name or _table_intro(table), PeriodType.INSTANT, None)
            for col in table.columns:
                if balances[col.index]:
                    choice = balance
                else:
                    caption = PARENTHESES_SCALE.sub("", captions[col.index]).strip()
                    choice = self.choose("note", name, f"{name} {caption}".strip(), PeriodType.DURATION, None)
                self.add_fact(table, row, col, choice, col.members,
                              signs.factor(self.catalog, table, row, choice.concept))
        return True

    def _reserve_member(self, row: LineItem, context: str) -> tuple:
        """The reserve a Schedule II row follows, named by its label, its heading or else the
        table's introduction ("the allowance for credit losses"), as its member; () where none
        names one."""
        for text in (row.label, row.section, context):
            rule = match_member(text, VALUATION_AXIS, self.release, table=context) if text else None
            if rule is not None:
                return ((self.catalog.axis(rule.axis), self.catalog.member(rule.member)),)
        return ()

    def _column_concepts(self, table: Table) -> None:
        """Roll-forwards whose columns are different balances (receivables, deferred revenue)."""
        title_choice = self._title_concept(table)
        for col in table.columns:
            for row in table.rows:
                if row.is_abstract:
                    continue
                balance = isinstance(row.period_override, Instant)
                want = _want_type(table, row)  # a count of restaurants at each date, not an amount
                if balance:
                    choice = self.choose("balance", "", col.header, PeriodType.INSTANT, want, balance_hint="debit")
                elif title_choice is not None and len(table.columns) == 1:
                    choice = title_choice
                else:
                    choice = self.choose("note", col.header, f"{row.label} {col.header}", PeriodType.DURATION,
                                         want)
                f = signs.factor(self.catalog, table, row, choice.concept)
                self.add_fact(table, row, col, choice, col.members, f)


# the detector's words of a period caption, and a scale named anywhere ("Level 1 (in millions)")
# ... and a month and day over the year's row ("September 30," over "2025")
PERIODISH = re.compile(PERIOD_WORDS.pattern + r"|\bin (?:millions|thousands|billions)\b"
                       rf"|^{MONTH_NAME}\s+\d{{1,2}},?$", re.I)


@lru_cache(maxsize=4096)
def _periodish(caption: str) -> bool:
    """A header cell naming a period or the scale, not a member. Kept per caption: a
    filing's few hundred captions are asked about thousands of times."""
    return bool(PERIODISH.search(caption))


def is_statement_ratio(table: Table, cell: RawCell) -> bool:
    """A percentage in a primary statement ("% of net sales", "change %"): left untagged,
    as official filings leave them; the round trip counts these cells apart."""
    return cell.percent and table.kind.primary


def is_years_count(table: Table, label: str, column: int, cell: RawCell,
                   years_columns: frozenset[int] | None = None, section: str = "") -> bool:
    """A number (under 100) of years: its column's caption says so ("Weighted Average Life
    Remaining", "Useful Life (Years)"), or its row's label or heading starts by saying so
    ("Weighted-average remaining lease term" over "Operating"); not a row that only mentions one
    ("Buildings (useful lives of 10 to 40 years)"), nor an amount whose copied caption ran
    into a years caption (amounts are larger). A number of years is an XBRL duration
    ("P5Y7M"), which no numeric fact carries: left untagged, and the round trip counts
    these cells apart. ``years_columns``: the table's, when the caller keeps them."""
    if not _under_a_hundred(cell) or not 0 <= column < len(table.columns):
        return False
    if _starts_with_years(label) or _starts_with_years(section):
        return True
    return column in (years_columns if years_columns is not None else counted_in_years(table))


def may_count_years(table: Table, cell: RawCell) -> bool:
    """A number (under 100, no currency sign) in a table whose header names a number of
    years somewhere: a years count whichever way copied captions were split between the
    columns (the split follows the captions learned, so another analysis of the same text
    may put "Contractual Term" over a neighbouring column). The round trip's lenient test."""
    if not _under_a_hundred(cell) or "$" in cell.text or table.raw is None:
        return False
    return _names_years(" ".join(table.raw.header))


def counted_in_years(table: Table) -> frozenset[int]:
    """The columns whose caption names a number of years (is_years_count)."""
    return frozenset(c.index for c in table.columns if _names_years(_caption(table, c.index)))


def _under_a_hundred(cell: RawCell) -> bool:
    """A number, not a percentage, that could count years."""
    return not cell.percent and cell.value is not None and abs(cell.value) < 100


@lru_cache(maxsize=16384)
def _starts_with_years(text: str) -> bool:
    """Whether a row's label or heading starts by naming a number of years ("Weighted-average
    remaining lease term"), or names them in parentheses. Kept per text: asked for every
    number under a hundred."""
    return bool(IN_YEARS.match(text) or YEARS_NOTE.search(text))


def _names_years(text: str) -> bool:
    """Whether a caption or header names a number of years ("Remaining Term", "(in years)")."""
    return bool(IN_YEARS.search(text) or YEARS_NOTE.search(text))


SLOT_WORDS = {"remainder": "due in the rest of the fiscal year", "after_4": "due after year four",
              "year_1": "due in the next twelve months", "year_2": "due in year two", "year_3": "due in year three",
              "year_4": "due in year four", "year_5": "due in year five", "after_5": "due after year five",
              "total": "total", "less_interest": "less interest", "present_value": "present value"}


def _stacked_captions(table: Table) -> dict[int, str]:
    """Column -> the caption that names its amount: its own ("Fair Value"), or, where the
    same caption repeats under different headings of one date ("Less than 12 Months |
    12 Months or Greater" over "Fair Value | Unrealized Loss" each), the headings over it
    read down ("Less than 12 Months Fair Value"), dates and scale left out."""
    own = {c.index: c.label for c in table.columns}
    stacks = table.header_stacks or copied_heading_stacks(table)
    if len({(c.period, c.label) for c in table.columns}) == len(table.columns) or len(stacks) != len(table.columns) \
            or not all(c.label for c in table.columns):
        return own  # captions of their own, none, or no headings over them
    stacked = {c.index: " ".join(p for p in stacks[c.index] if undated_caption(p)).strip() for c in table.columns}
    if len({(c.period, stacked[c.index]) for c in table.columns}) < len(table.columns):
        return own
    return stacked


def _unwrapped_label(table: Table, row: LineItem) -> str | None:
    """A statement line whose label the filing wrapped onto a second row: the heading row
    right above it ends mid-sentence and this row's words carry on ("Common shares, $2.50 par
    value, 1,400,000,000 authorized; 1,113,174,759 and" over "1,113,018,733 issued; ...
    outstanding"): the two read as one label; None for any other row."""
    if table.kind is StatementKind.NOTE or row.index == 0 or not CONTINUED_LABEL.match(row.label):
        return None
    above = table.rows[row.index - 1]
    return f"{above.label} {row.label}" if above.is_abstract and above.label == row.section else None


def _without_span(row: LineItem, label: str) -> str:
    """A flow row's label without the span its period already says ("Costs incurred for the
    six months ended December 31, 2024": costs incurred)."""
    if isinstance(row.period_override, Duration) and (bare := LABEL_SPAN.sub("", label)):
        return bare
    return label


def _hedging_named(label: str, about: str) -> dict[str, str]:
    """axis -> standard member, for each of the hedging axes the label names a member of."""
    return {axis: rule.member for axis in HEDGING_AXES
            if (rule := match_member(label, axis, table=about)) is not None and rule.member}


def _without_heading(label: str, heading: str) -> str:
    """A label that repeats its heading's words inside it, without them; "" if it does not."""
    if len(heading) < 4 or heading.lower() == label.lower():
        return ""
    bare = re.sub(rf"\b{re.escape(heading)}\b", " ", label, count=1, flags=re.I)
    return " ".join(bare.split()) if bare != label else ""


def _headings_as_members(table: Table, choices: dict, row_dims: dict[int, tuple]) -> dict[int, tuple]:
    """Lines under a heading that another part of the table lists as a member ("Google
    Services" among the segments' revenues, then as the heading over that segment's
    expenses): that member for the lines under it that have none."""
    named: dict[str, tuple] = {}
    for r in table.rows:
        if len(row_dims.get(r.index, ())) == 1 and not r.is_total:
            named.setdefault(rule_text(r.label), row_dims[r.index])
    found = {}
    for r in table.rows:
        if r.index in choices and r.section and not row_dims.get(r.index) and \
                rule_text(r.label) != rule_text(r.section) and (pair := named.get(rule_text(r.section))):
            found[r.index] = pair
    return found


def _restates(member: QName, concept: Concept, *, in_note: bool) -> bool:
    """A member named as the concept is; in a note also a standard member that is the
    concept's name but for a measure (FiniteLivedIntangibleAssetsMember of
    FiniteLivedIntangibleAssetsGross): it says nothing the concept does not. (An equity
    statement's components keep theirs: retained earnings' balance is of the
    RetainedEarningsMember.)"""
    stem = member.local.removesuffix("Member")
    return member.local == concept.qname.local + "Member" or \
        (in_note and not concept.extension and member.namespace == concept.qname.namespace and
         concept.qname.local.startswith(stem) and concept.qname.local[len(stem):] in MEASURE_SUFFIXES)


def _measured_both_ways(dims: dict[int, tuple]) -> dict[int, tuple]:
    """Columns' members without the measurement basis unless the columns show both bases
    ("Book value | Approximate fair values"): "Carrying Amount" alone over a debt table's
    dates is what its concepts already say."""
    bases = {member: axis for pairs in dims.values() for axis, member in pairs if str(axis) == MEASUREMENT_BASIS_AXIS}
    if len(bases) > 1:  # the hierarchy's levels beside them split the fair value
        fair = next(((axis, member) for member, axis in bases.items() if member.local == FAIR_VALUE_ESTIMATE), None)
        return {c: pairs + (fair,) if fair and any(str(a) == LEVEL_AXIS for a, _ in pairs) and
                not any(str(a) == MEASUREMENT_BASIS_AXIS for a, _ in pairs) else pairs for c, pairs in dims.items()}
    kept = {c: tuple(p for p in pairs if str(p[0]) != MEASUREMENT_BASIS_AXIS) for c, pairs in dims.items()}
    return {c: pairs for c, pairs in kept.items() if pairs}


def _totals_its_heading(row: LineItem) -> bool:
    """A line that repeats the heading it sits under after "Total" ("Total road" under
    "Road:"): the total of that heading's lines."""
    return bool(row.section) and TOTAL_WORD.sub("", row.label).strip(" :").lower() == row.section.strip(" :").lower()


def _names_concept(heading: str, columns: dict[int, Choice]) -> bool:
    """A heading that says what the columns' amounts are ("Definite-lived intangible
    assets" over gross and net amounts), not a group of them ("Road"): most of its words are
    a column concept's."""
    words = set(label_tokens(heading))
    return any(2 * len(words & set(label_tokens(c.concept.label))) >= len(words) for c in columns.values())


def _one_member_per_axis(dims: tuple) -> tuple:
    """A context holds one member per axis: the first found (column before row) wins."""
    if len(dims) < 2:  # most numbers: nothing to choose between
        return tuple(dims)
    seen, out = set(), []
    for axis, member in dims:
        if axis not in seen:
            seen.add(axis)
            out.append((axis, member))
    return tuple(out)


def _reduction_hint(row: LineItem) -> str:
    """A company equity movement shown in parentheses reduces equity: made with a debit
    balance, it is reported as a positive amount, like dividends and share repurchases."""
    return "debit" if signs.all_shown_negative(row) else "credit"


def _cash_flow_rows(table: Table, choices: dict[int, Choice]) -> set[int]:
    """Rows of a cash flow statement that add into operating, investing or financing cash."""
    if table.kind is not StatementKind.CASHFLOW:
        return set()
    last_total = max((r.index for r in table.rows if r.index in choices and
                      choices[r.index].concept.qname.local.startswith("NetCashProvidedByUsedIn")), default=-1)
    return {i for i in choices if i < last_total}


def _names_another_side(label: str, name: str) -> bool:
    """Whether a cash flow concept changes a side of the balance sheet the line does not name:
    "Change in content liabilities" is no change of operating assets and liabilities,
    "Operating lease vehicles" no change of a lease liability."""
    sides = {"liability" if m.group("liability") else "asset" for m in WORKING_SIDE.finditer(label)}
    named = {side for side, pattern in (("liability", CHANGE_OF_LIABILITY), ("asset", CHANGE_OF_ASSET))
             if pattern.search(name)}
    return bool(named - sides)


def _first_direction(label: str) -> str | None:
    """The balance of a cash flow line that names a use and a source of cash, the first
    named being the positive ("(paid) received" is paid, credit; "proceeds (repayments)"
    debit), as the taxonomy's PaymentsForProceedsFrom... and ProceedsFromRepaymentsOf... are;
    None when it names one way or none."""
    use, source = CASH_USE.search(label), CASH_SOURCE.search(label)
    if use is None or source is None:
        return None
    return "credit" if use.start() < source.start() else "debit"


def _balance_sheet_sides(tables: list[Table]) -> dict[str, str]:
    """The balance sheets' line names ("operating lease vehicles" of "Operating lease vehicles,
    net") and their side: "asset" above total assets, "liability" below it. A name on both
    sides (deposits held for customers, an asset and the liability to return it) has none."""
    sides: dict[str, set[str]] = {}
    for table in tables:
        if table.kind is not StatementKind.BALANCE:
            continue
        side = "asset"
        for row in table.rows:
            if TOTAL_ASSETS.match(row.label):
                side = "liability"
            elif not row.is_abstract:
                sides.setdefault(_line_name(row.label), set()).add(side)
    return {name: side for name, (side, *others) in sides.items() if not others}


def _line_name(label: str) -> str:
    return NET_SUFFIX.sub("", normalize_label(label))


def _balance_hint(table: Table, row: LineItem, in_assets: bool, balance_sides: dict[str, str], *,
                  company: bool = False) -> str | None:
    """The balance a line's words and signs suggest, which ranks standard concepts, or with
    ``company`` the one a company concept of the line is made with."""
    if table.kind is StatementKind.CASHFLOW:
        if WORKING_CAPITAL.search(row.section) or CHANGE_IN.match(row.label):
            # a change in an asset uses cash when it grows (credit), in a liability brings it
            # (debit); a line naming both ("other assets and liabilities") reads as its first,
            # one naming neither as the balance sheet line of its name
            if side := WORKING_SIDE.search(row.label):
                return "debit" if side.group("liability") else "credit"
            if named := balance_sides.get(_line_name(row.label)):
                return "credit" if named == "asset" else "debit"
        if GAIN_OR_LOSS.search(row.label) or signs.both_natures(row.label):
            # a gain (loss) the reconciliation takes out of net income: positive is a gain (credit)
            return "credit"
        if company and (first := _first_direction(row.label)):
            # a line naming both ways, "Collateral (paid) received": positive is the first named
            return first
        # a use of cash, or a source; for a company concept, a line in parentheses that names no
        # use of cash and changes no working capital ("VE territory covered losses incurred
        # (139)", "Loans to care providers (9,033)") is a negative amount, as filers make them
        uses = not company or WORKING_CAPITAL.search(row.section) or CASH_USE.search(row.label)
        return "credit" if signs.all_shown_negative(row) and uses else "debit"
    if table.kind is StatementKind.BALANCE:  # a deduction shown in parentheses is of the other side
        return "debit" if in_assets != signs.contra_line(row) else "credit"
    if table.kind is StatementKind.INCOME:
        return "debit" if EXPENSE_WORD.search(f"{row.section} {row.label}") and \
            not INCOME_WORD.search(row.label) else "credit"
    return None


def _unit_and_scale(table: Table, row: LineItem, concept: Concept, col: Column | None = None) -> tuple[Unit, int]:
    if concept.data_type in RATE_TYPES:
        return PURE, -2  # "21.0 %" is 0.210
    if concept.data_type in COUNT_TYPES:
        return PURE, 0  # stores, employees: a count, in no currency and not in the table's thousands
    if concept.is_per_share:
        return USD_PER_SHARE, table.per_share_scale
    if col is not None and col.scale is not None:
        return (SHARES if concept.is_shares else USD), col.scale  # "Number of shares (in millions)"
    if concept.is_shares:
        return SHARES, table.shares_scale
    return USD, row.scale if row.scale is not None else table.scale


DECIMAL_PLACES = re.compile(r"\.(\d+)")


def _decimals(text: str, scale: int) -> int:
    m = DECIMAL_PLACES.search(text)
    shown = len(m.group(1)) if m else 0
    return shown - scale


def _claim_strength(mapper: Mapper, idx: list[int]) -> tuple:
    """Whose value keeps the concept: the statement that reports it first hand (balance
    sheet, then income, comprehensive income, cash flows, equity; notes last), then the
    more confident choice, then the longer table (a full statement over a summary)."""
    def one(i: int) -> tuple:
        f = mapper.facts[i]
        table = mapper.filing.tables[f.source.table]
        return CLAIM_ORDER.index(table.kind), f.confidence, len(table.rows)
    return max(one(i) for i in idx)


def _statement_signs(mapper: Mapper) -> None:
    """A note's amount that a primary statement reports for the same concept and period with
    the other sign is that amount shown the other way: a deduction ("Net (income) loss
    attributable to noncontrolling interest" (721) where the income statement has 721 of
    income), or an expense in parentheses beside a segment's figures ("Provision for income
    taxes" (506,262)). It takes the statement's sign, whatever members it has."""
    tables = mapper.filing.tables
    stated: dict[tuple, set[Decimal]] = {}
    for f in mapper.facts:
        if f.value and not f.context.dimensions and tables[f.source.table].kind is not StatementKind.NOTE and \
                not mapper.used[f.concept].extension:
            stated.setdefault((f.concept, f.context.period, f.unit), set()).add(f.value)
    for i, f in enumerate(mapper.facts):
        values = stated.get((f.concept, f.context.period, f.unit)) if f.value else None
        if values and -f.value in values and f.value not in values and \
                tables[f.source.table].kind is StatementKind.NOTE:
            mapper.facts[i] = replace(f, value=-f.value, rule=f"{f.rule}+sign-of-statement",
                                      evidence=f"{f.evidence}; a statement reports the amount of "
                                               f"{f.concept.local} with the other sign")


def _resolve_conflicts(mapper: Mapper) -> None:
    """Two values for one concept and context cannot both be right: the less confident
    group of facts moves to the next concept official note tables used for its label
    (``_second_choice``), else to a company concept named from its own row label; where
    that name already holds another value in the context, with its column's header, else numbered,
    so the move makes no new conflict."""
    groups: dict[tuple, dict[Decimal, list[int]]] = {}
    for i, f in enumerate(mapper.facts):
        groups.setdefault((f.concept, f.context, f.unit), {}).setdefault(f.value, []).append(i)
    contested = {key: sorted(by_value.values(), key=lambda idx: _claim_strength(mapper, idx), reverse=True)
                 for key, by_value in groups.items() if len(by_value) > 1 and not _consistent(mapper, by_value)}
    # what each (concept, context, unit) holds once resolved: its one value, or the winner's
    values = {key: next(iter(by_value)) for key, by_value in groups.items() if len(by_value) == 1}
    values.update({key: mapper.facts[ranked[0][0]].value for key, ranked in contested.items()})
    moved: dict[tuple, QName] = {}  # an equity statement's (table, row, concept, period) -> where it went
    for key, ranked in contested.items():
        concept = mapper.used[key[0]]
        for idx in _statement_gives_way(mapper, values, key, ranked)[1:]:
            if _statement_alternate(mapper, values, idx, key, "another statement") or \
                    _second_choice(mapper, values, idx, concept):
                continue
            for i in idx:
                f = mapper.facts[i]
                table = mapper.filing.tables[f.source.table]
                column = value_column(f.source.column)
                # a number printed in a label is named by its row, and so is an equity statement's:
                # its columns are components, members of the row's one concept
                by_column = len(table.columns) > 1 and any(r.period_override for r in table.rows) and \
                    not in_label(f.source.column) and table.kind is not StatementKind.EQUITY
                label = table.columns[column].header if by_column else f.label
                if by_column and isinstance(f.context.period, Duration):
                    label = f"{f.label} {label}"  # a roll-forward's change row: "Increase, net: Unbilled"
                # the row's other columns at the same date (a schedule's years, all owed at the
                # balance sheet date): the column's caption tells them apart, else a number
                header = _lowest_header(table, column)
                ext = _unclaimed_extension(mapper, values, f, concept, itertools.chain(
                    (label, f"{label} {header}"), (f"{label[:80]} {header[:20]} {n}" for n in range(2, 100))))
                mapper.used[ext.qname] = ext
                mapper.facts[i] = replace(f, concept=ext.qname, rule="extension:conflict", confidence=0.3)
                if table.kind is StatementKind.EQUITY:
                    moved[(f.source.table, f.source.row, f.concept, f.context.period)] = ext.qname
    _dashes_follow(mapper, values, moved)
    still_used = {f.concept for f in mapper.facts}
    mapper.used = {q: c for q, c in mapper.used.items() if q in still_used}


def _dashes_follow(mapper: Mapper, values: dict, moved: dict[tuple, QName]) -> None:
    """A row's dashes of the concept one of its facts left, for the same period, go with it:
    an equity statement's second issuance of stock in a year ("at-the-market offering" beside
    a "follow-on offering") moves its amounts to a concept of its own, and its dashes under
    the other components, no claim of their own (consistent with the first line's), stayed
    with the first line's concept. Only on equity statements, whose rows are one line item
    each: a note's row may rightly hold two concepts (a fair value table's derivatives, a
    liability in one column and an asset's dashes in another); figures stay where they are.
    Not where the company concept holds another value."""
    if not moved:
        return
    for i, f in enumerate(mapper.facts):
        ext = moved.get((f.source.table, f.source.row, f.concept, f.context.period)) if f.value == 0 else None
        if ext is None or values.get((ext, f.context, f.unit), f.value) != f.value:
            continue
        values[(ext, f.context, f.unit)] = f.value
        mapper.facts[i] = replace(f, concept=ext, rule="extension:conflict", confidence=0.3)


# the part of a combined statement of operations and comprehensive income below net income
OCI_HEADING = re.compile(r"\bother comprehensive (?:income|loss|\(?loss\)? income|income \(loss\))", re.I)
COMPREHENSIVE_LINE = re.compile(r"^(?:total )?comprehensive (?:income|loss|\(?loss\)? income|income \(loss\))\b", re.I)
WITH_INTEREST = re.compile(r"\b(?:and|including|plus) (?:related )?interest\b", re.I)
PLAN_ASSET_AXIS = "us-gaap:DefinedBenefitPlanByPlanAssetCategoriesAxis"
NAV_MEMBER = "us-gaap:FairValueMeasuredAtNetAssetValuePerShareMember"
LEVELS_MEMBER = "us-gaap:FairValueInputsLevel12And3Member"
NAV_LINE = re.compile(r"\bnet asset value\b|\bNAV\b")
GENERIC_LINE = re.compile(r"^(?:all )?other(?: investments| assets)?$", re.I)
# a sentence above a note that says whose numbers it holds: "... for our Primary segment"
TITLE_SEGMENT = re.compile(r"\b(?:for|of) (?:our|the|its) (?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) "
                           r"(?:reportable |operating )?segment\b(?!s)")
SEGMENT_WORD = re.compile(r"\bsegment\b", re.I)


PER_SHARE_PART = re.compile(r"\b(?:basic|diluted)\b", re.I)


def _summed_lines(above: list[LineItem], total: LineItem) -> list[LineItem]:
    """The lines right above a total, back to the last total, heading or line of another
    section, if they add up to it (``is_sum``, as detection reads totals); else none."""
    parts: list[LineItem] = []
    for row in reversed(above):
        if row.is_total or row.section != total.section or row.index + len(parts) + 1 != total.index:
            break
        parts.insert(0, row)
    return parts if is_sum([*parts, total], len(parts), 0) else []


def _per_share_parts(table: Table) -> dict[int, str]:
    """A two-class net income per share note in two parts, each under a heading ("Basic net
    income per share:", "Diluted net income per share:") with headings of its own inside
    ("Numerator:", "Denominator:"): row -> the heading of its part, which the nearer
    heading hides ("Net income" under "Numerator:" of the diluted part is diluted)."""
    parts, part = {}, ""
    for row in table.rows:
        if row.is_abstract and PER_SHARE_PART.search(row.label):
            part = row.label
        elif part and not row.is_abstract:
            parts[row.index] = part
    return parts


def _instrument_names(table: Table, rows: list[LineItem]) -> dict[int, str]:
    """Debt instruments a table lists under one label ("3.625% Senior Notes" twice, one due
    May 2027 and one June 2030; five notes issued "April 18, 2023"): row -> its label with
    the last words beside its figures that tell those rows apart (the maturity, not a
    "Fixed" they share), else the last ones, so that each is a member of its own; rows whose
    label is their own are left out."""
    counts = Counter(r.label for r in rows)
    raw = table.raw
    if raw is None:
        return {}
    names = {}
    for label in (label for label, n in counts.items() if n > 1):
        same = [r for r in rows if r.label == label and r.index < len(raw.rows)]
        columns = [[t.strip() for t in raw.rows[r.index].column_texts if t.strip()] for r in same]
        # the words that tell the rows apart (a maturity date), else the last the rows show
        width = min((len(words) for words in columns), default=0)
        telling = next((k for k in reversed(range(width)) if len({words[k] for words in columns}) == len(same)), -1)
        for r, words in zip(same, columns):
            if words:
                names[r.index] = f"{r.label} {words[telling]}"
    return names


def _consistent(mapper: Mapper, by_value: dict[Decimal, list[int]]) -> bool:
    """Values that agree once rounded to the coarsest precision shown ("450" million on the
    income statement, "449.7" in the note) are one amount, as XBRL's duplicate facts rule
    reads them: no conflict."""
    coarsest = min(mapper.facts[i].decimals for idx in by_value.values() for i in idx)
    step = Decimal(1).scaleb(-coarsest)
    return len({v.quantize(step, ROUND_HALF_UP) for v in by_value}) == 1


def _statement_gives_way(mapper: Mapper, values: dict, key: tuple, ranked: list[list[int]]) -> list[list[int]]:
    """A statement line whose concept a note reports with another value can mean more than
    the note's line (statement_alternates.csv: the cash flow's "Deferred income taxes" and
    the tax note's total deferred tax): it moves to its alternate, when that holds no other
    value in the context, and the note keeps the concept. The groups still contesting it."""
    if not any(mapper.filing.tables[mapper.facts[idx[0]].source.table].kind is StatementKind.NOTE
               for idx in ranked[1:]) or not _statement_alternate(mapper, values, ranked[0], key, "a note"):
        return ranked
    values[key] = mapper.facts[ranked[1][0]].value
    return ranked[1:]


def _statement_alternate(mapper: Mapper, values: dict, idx: list[int], key: tuple, other: str) -> bool:
    """A statement's lines whose concept ``other`` table reports with another value, moved
    to the alternate of their statement (statement_alternates.csv) if it holds no other
    value in the context: the equity statement's consolidated net income, which leaves out
    the redeemable noncontrolling interests the income statement's includes. True when moved."""
    kinds = {mapper.filing.tables[mapper.facts[i].source.table].kind for i in idx}
    if key[0].namespace != NS["us-gaap"] or len(kinds) != 1 or StatementKind.NOTE in kinds:
        return False  # a statement's lines alone
    rule = statement_alternates(mapper.release).get((key[0].local, kinds.pop().value))
    alt = mapper.catalog.concept(f"us-gaap:{rule.instead}") if rule is not None else None
    first = mapper.facts[idx[0]]
    if alt is None or values.get((alt.qname, key[1], key[2]), first.value) != first.value:
        return False
    values[(alt.qname, key[1], key[2])] = first.value
    mapper.used[alt.qname] = alt
    for i in idx:
        f = mapper.facts[i]
        mapper.facts[i] = replace(f, concept=alt.qname, rule=f"{f.rule}+{rule.id}",
                                  evidence=f"{f.evidence}; {other} reports {key[0].local} with another value "
                                           f"(rule {rule.id})")
    return True


# the evidence a second choice needs: the label itself in official note tables (measured on
# the corpus, learned:exact alone helps; near labels and the taxonomy's labels pick worse
# concepts as often as better ones); or the next rule of the label ("Net income available to
# common stockholders": net income's rule, then the two-class rule's concept where net
# income holds another value)
SECOND_CHOICE_RULES = ("learned:exact", "R-")


def _second_choice(mapper: Mapper, values: dict, idx: list[int], concept: Concept) -> bool:
    """A note line that lost its concept to another value: the next standard concept its
    label names, if that one holds no other value in the context; True when moved there."""
    first = mapper.facts[idx[0]]
    table = mapper.filing.tables[first.source.table]
    if in_label(first.source.column) or \
            any(mapper.filing.tables[mapper.facts[i].source.table].kind is not StatementKind.NOTE for i in idx):
        return False
    row = table.rows[first.source.row]
    alt = mapper.choose("note", row.section, row.label or "Total", concept.period_type, _want_type(table, row),
                        exclude=frozenset({str(concept.qname)}))
    if alt.concept.extension or not alt.rule.startswith(SECOND_CHOICE_RULES):
        alt = _next_rule(mapper, row, concept) or alt
    if alt.concept.extension or alt.concept.period_type is not concept.period_type or \
            alt.concept.data_type != concept.data_type or not alt.rule.startswith(SECOND_CHOICE_RULES):
        return False
    key = (alt.concept.qname, first.context, first.unit)
    if values.get(key, first.value) != first.value:
        return False
    values[key] = first.value
    mapper.used[alt.concept.qname] = alt.concept
    for i in idx:
        mapper.facts[i] = replace(mapper.facts[i], concept=alt.concept.qname, rule=f"{alt.rule}+conflict",
                                  confidence=min(alt.confidence, 0.5),
                                  evidence=f"{alt.why}; {concept.qname.local} holds another value here")
    return True


def _next_rule(mapper: Mapper, row, concept: Concept) -> Choice | None:
    """The next rule a note line's label matches whose concept is not the one it lost ("Net
    income available to common stockholders": net income's rule first, the two-class
    rule's NetIncomeLossAvailableToCommonStockholdersBasic next)."""
    for rule in later_rules("note", row.section, row.label or "Total", mapper.release):
        c = mapper.catalog.concept(rule.concept)
        if c is not None and c.qname != concept.qname:
            return Choice(c, rule.id, rule.confidence, f"rule {rule.id}")
    return None


def _unclaimed_extension(mapper: Mapper, values: dict, f: Fact, concept: Concept, labels) -> Concept:
    """The company concept of the first label whose name holds no other value in the fact's
    context, so that moving a conflict does not make a new one; ``values`` learns it."""
    for label in labels:
        ext = mapper.ext.concept(label, concept.period_type, concept.data_type, concept.balance)
        if values.setdefault((ext.qname, f.context, f.unit), f.value) == f.value:
            return ext
    return ext


def _as_in_statements(mapper: Mapper) -> None:
    """A note's measure takes the concept of its family (concept_families.csv) the primary
    statements took: their one concept of it, else that of the statement line of the same
    label ("Net sales" and "Total revenues" of an income statement that has both). So does a
    balance the cash flow statement shows of a family of the balance sheet's (its "Restricted
    cash" reconciling cash is the balance sheet's restricted cash, current or noncurrent)."""
    tables, gaap = mapper.filing.tables, NS["us-gaap"]
    family_of = {name: family for family in concept_families(mapper.release) for name in family.concepts}
    stated: dict[str, dict[str, QName]] = {}  # family -> statement line label -> its concept
    in_notes: list[tuple[int, ConceptFamily]] = []
    for k, f in enumerate(mapper.facts):
        family = family_of.get(f.concept.local)
        if family is None or f.concept.namespace != gaap:
            continue
        kind = tables[f.source.table].kind
        if kind is StatementKind.NOTE or (kind is StatementKind.CASHFLOW and "cashflow" not in family.statements
                                          and isinstance(f.context.period, Instant)):
            in_notes.append((k, family))
        elif kind.value in family.statements and not f.context.dimensions:
            stated.setdefault(family.id, {}).setdefault(f.label.lower(), f.concept)
    only = {}  # family -> the one concept the statements used for it
    for family, labels in stated.items():
        concepts = set(labels.values())
        if len(concepts) == 1:
            only[family] = concepts.pop()
    for k, family in in_notes:
        f = mapper.facts[k]
        concept = only.get(family.id) or stated.get(family.id, {}).get(f.label.lower())
        if concept is not None and concept != f.concept:
            mapper.facts[k] = replace(f, concept=concept, rule=f"{f.rule}+{family.id}",
                                      evidence=f"{f.evidence}; the statements report it as {concept.local}")


def _cell_facts(mapper: Mapper) -> list[tuple[int, Fact]]:
    """(index, fact) of the facts read from tables' value cells (not the numbers in labels)."""
    return [(k, f) for k, f in enumerate(mapper.facts)
            if f.value is not None and f.source is not None and f.source.column < LABEL_COLUMN]


def _stated_amounts(mapper: Mapper, cells: list[tuple[int, Fact]]) -> dict[tuple, Decimal]:
    """(concept, period, unit) -> the amount the primary statements show for it, no member."""
    tables = mapper.filing.tables
    return {(f.concept, f.context.period, f.unit): f.value for _, f in cells
            if tables[f.source.table].kind.primary and not f.context.dimensions}


def _lines_as_in_statements(mapper: Mapper) -> None:
    """A company concept of a note whose figures without members are a line of the primary
    statements is that line ("Consolidated" under segment assets that add up to the balance
    sheet's total assets): its facts in that table, the segments' too, take the statement
    line's concept. At least two figures must be the line's, same period and amount, and
    none other than it where the statements show the line (a note may go a year further
    back than the balance sheet)."""
    tables = mapper.filing.tables
    cells = _cell_facts(mapper)
    stated = _stated_amounts(mapper, cells)
    showing: dict[tuple, set[QName]] = {}  # (period, unit, amount) -> the statement concepts showing it
    plain: dict[tuple[int, QName], list[Fact]] = {}  # (note table, company concept) -> its facts of no member
    labels: dict[QName, str] = {}  # statement concept -> the statement's label for it
    for _, f in cells:
        if f.context.dimensions:
            continue
        if tables[f.source.table].kind.primary:
            labels.setdefault(f.concept, f.label.lower())
            showing.setdefault((f.context.period, f.unit, f.value), set()).add(f.concept)
        elif mapper.used[f.concept].extension:
            plain.setdefault((f.source.table, f.concept), []).append(f)
    moved: dict[tuple[int, QName], QName] = {}
    for key, facts in plain.items():
        lines = set().union(*(showing.get((f.context.period, f.unit, f.value), set()) for f in facts))
        fits = []
        for line in lines:
            amounts = [stated.get((line, f.context.period, f.unit)) for f in facts]
            agree = sum(a == f.value for a, f in zip(amounts, facts))
            if agree >= 2 and all(a is None or a == f.value for a, f in zip(amounts, facts)):
                fits.append(line)
        if len(fits) > 1:  # total assets and total liabilities and equity: the one the table speaks of
            about = set(LONG_WORD.findall(_table_text(tables[key[0]]).lower()))
            heard = {line: len(set(LONG_WORD.findall(labels[line])) - {"total"} & about) for line in fits}
            best = max(heard.values())
            fits = [line for line in fits if best and heard[line] == best]
        if len(fits) == 1:
            moved[key] = fits[0]
    for k, f in enumerate(mapper.facts):
        concept = moved.get((f.source.table, f.concept)) if f.source is not None else None
        if concept is not None:
            mapper.facts[k] = replace(f, concept=concept, rule=f"{f.rule}+statement",
                                      evidence=f"{f.evidence}; its total is the statements' {concept.local}")


def _segments_apart_from_statements(mapper: Mapper) -> None:
    """A segment table whose total operating income is not the statements' for the same
    period ("Compute & Networking | Graphics | Total", before the costs no segment carries):
    its totals add up the operating segments only, which filers tag as
    OperatingSegmentsMember of ConsolidationItemsAxis, the segments too (the reconciling
    items and the consolidated amount are other members of that axis)."""
    consolidation, segments = mapper.catalog.axis(CONSOLIDATION_AXIS), mapper.catalog.axis(SEGMENT_AXIS)
    operating = mapper.catalog.member(OPERATING_SEGMENTS)
    if consolidation is None or segments is None or operating is None:
        return
    tables = mapper.filing.tables
    cells = _cell_facts(mapper)
    stated = _stated_amounts(mapper, cells)
    by_table: dict[int, list[int]] = {}  # note table -> indexes of its facts
    for k, f in cells:
        if not tables[f.source.table].kind.primary:
            by_table.setdefault(f.source.table, []).append(k)
    for indexes in by_table.values():
        facts = [mapper.facts[k] for k in indexes]
        axes = [{axis for axis, _ in f.context.dimensions} for f in facts]
        if any(consolidation in a for a in axes) or not any(segments in a for a in axes):
            continue
        # the rows and columns of the segments' own figures: a total beside them is theirs
        lines = {(f.source.row, "row") for f, a in zip(facts, axes) if a == {segments}} | \
            {(f.source.column, "column") for f, a in zip(facts, axes) if a == {segments}}
        totals = {k for k, f, a in zip(indexes, facts, axes) if not a and
                  ((f.source.row, "row") in lines or (f.source.column, "column") in lines)}
        if not any(f.concept.local == "OperatingIncomeLoss" and
                   f.value != stated.get((f.concept, f.context.period, f.unit), f.value)
                   for f in (mapper.facts[k] for k in totals)):
            continue
        for k, a in zip(indexes, axes):
            if a == {segments} or (not a and k in totals):
                f = mapper.facts[k]
                mapper.facts[k] = replace(f, context=replace(f.context, dimensions=f.context.dimensions +
                                                             ((consolidation, operating),)),
                                          evidence=f"{f.evidence}; the segments' total is not the statements'")


def map_filing(filing: Filing, *, release: str = "us-gaap-2024", exclude_company: str | None = None) -> Mapping:
    mapper = Mapper(filing, release=release, exclude_company=exclude_company)
    for table in filing.tables:
        mapper.map_table(table)
    _as_in_statements(mapper)
    _lines_as_in_statements(mapper)
    _segments_apart_from_statements(mapper)
    _statement_signs(mapper)
    _resolve_conflicts(mapper)
    return Mapping(facts=mapper.facts, concepts=dict(mapper.used), members=dict(mapper.ext.members),
                   namespace=mapper.namespace, prefix=mapper.ext.prefix, entity=mapper.entity)
