"""Note tables read from stripped corpus filings: header cells over each column, periods
from those cells, from headings inside the table and from the sentence above it, and the
members the columns and rows name (learned from the other companies' official filings)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
import importlib.util
import re

import pytest

from converter.detect import detect
from converter.mapping import _table_text, map_filing
from converter.model import USD, USD_PER_SHARE, Duration, Instant, QName, StatementKind
from converter.readers import read

from conftest import REPO, SHARED, stripped

EQUITY_AXIS = QName.std("us-gaap:StatementEquityComponentsAxis")
SEGMENT_AXIS = QName.std("us-gaap:StatementBusinessSegmentsAxis")


def _filing(tmp_path_factory, name: str):
    return detect(read(stripped(tmp_path_factory.mktemp(name.split("-")[0]), name)))


@pytest.fixture(scope="module")
def meta(tmp_path_factory):
    return _filing(tmp_path_factory, "meta-10-k-2025-01-30")


@pytest.fixture(scope="module")
def ko(tmp_path_factory):
    return _filing(tmp_path_factory, "ko-10-q-2025-07-24")


@pytest.fixture(scope="module")
def nflx(tmp_path_factory):
    return _filing(tmp_path_factory, "nflx-10-q-2025-07-18")


def _table(filing, label: str, header: str = ""):
    hits = [t for t in filing.tables if any(r.label == label for r in t.rows) and header in " ".join(t.raw.header)]
    assert hits, f"no table has a row {label!r}"
    return hits[0]


def test_each_column_keeps_the_header_cells_over_it(meta):
    intangibles = _table(meta, "Acquired technology")
    stacks = intangibles.raw.column_headers
    assert stacks[1] == ("December 31, 2024", "Gross Carrying Amount")
    assert stacks[6] == ("December 31, 2023", "Net Carrying Amount")


def test_a_date_over_a_group_of_columns_dates_each_of_them(meta):
    intangibles = _table(meta, "Acquired technology")
    dates = [c.period for c in intangibles.columns]
    assert dates[1:4] == [Instant(dt.date(2024, 12, 31))] * 3
    assert dates[4:] == [Instant(dt.date(2023, 12, 31))] * 3


def test_years_alone_in_an_annual_report_are_fiscal_years_of_either_kind(tmp_path_factory):
    # "(in millions) | 2024 | 2023 | 2022" over a 10-K note: the fiscal years, and the row's
    # concept decides whether a column is the year or its last day
    unh = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    taxes = _table(unh, "Income before income taxes", "2022")
    assert [c.period for c in taxes.columns] == [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in (2024, 2023, 2022)]
    assert all(c.period_open for c in taxes.columns)
    options = _table(unh, "Outstanding at beginning of period", "Exercise Price")
    assert {c.period for c in options.columns} == {Instant(dt.date(2024, 12, 31))}  # no year in the header: none invented


def test_a_dateless_header_takes_the_date_of_the_sentence_above(tmp_path_factory):
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    securities = [t for t in crm.tables if "Amortized Cost" in " ".join(t.raw.header) and
                  any(r.label == "Asset-backed securities" for r in t.rows)]
    assert [t.columns[0].period for t in securities[:2]] == [Instant(dt.date(2025, 1, 31)),
                                                              Instant(dt.date(2024, 1, 31))]


def test_headings_that_name_periods_date_the_rows_under_them(ko):
    segments = _table(ko, "Third party", "Latin America")
    third_party = [r for r in segments.rows if r.label == "Third party"]
    assert [r.period_override for r in third_party[:2]] == [Duration(dt.date(2025, 3, 29), dt.date(2025, 6, 27)),
                                                            Duration(dt.date(2024, 3, 30), dt.date(2024, 6, 28))]


def test_segment_columns_are_company_segments(ko):
    mapping = map_filing(ko, exclude_company="ko")
    segments = _table(ko, "Third party", "Latin America")
    latin = next(c.index for c in segments.columns if c.label == "Latin America")
    dims = {f.context.dimensions for f in mapping.facts if f.source.table == segments.index and f.source.column == latin}
    assert dims and all(len(d) == 1 and d[0][0] == SEGMENT_AXIS and d[0][1].prefix == mapping.prefix for d in dims)
    # the table is "by operating segment and Corporate": Corporate is shown as a peer of the
    # segments, a member of their axis (not a reconciling item, which would make the
    # segments operating segments of the consolidation items axis as well)
    corporate = next(c.index for c in segments.columns if c.label == "Corporate")
    dims = {f.context.dimensions for f in mapping.facts if f.source.table == segments.index and f.source.column == corporate}
    assert dims == {((SEGMENT_AXIS, QName.std("us-gaap:CorporateMember")),)}


def test_a_roll_forward_of_aoci_components_is_equity_by_component(nflx):
    mapping = map_filing(nflx, exclude_company="nflx")
    aoci = _table(nflx, "Balances as of June 30, 2025", "Foreign Currency Translation Adjustments")
    balances = [f for f in mapping.facts if f.source.table == aoci.index and isinstance(f.context.period, Instant)]
    by_column = {f.source.column: (f.concept.local, f.context.dimensions) for f in balances}
    assert by_column[0] == ("StockholdersEquity",
                            ((EQUITY_AXIS, QName.std("us-gaap:AccumulatedTranslationAdjustmentMember")),))
    assert by_column[len(aoci.columns) - 1] == ("StockholdersEquity",
                                                ((EQUITY_AXIS, QName.std("us-gaap:AccumulatedOtherComprehensiveIncomeMember")),))


def test_learned_cells_are_what_the_learner_makes(tmp_path):
    """The committed data holds, for two companies, exactly what the script learns from their
    filings (re-run the script when the readers change)."""
    spec = importlib.util.spec_from_file_location("learn_cells", REPO / "taxonomy_maps" / "scripts" / "learn_cells.py")
    learn_cells = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(learn_cells)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("nflx-10-q-2025-07-18", "abbv-10-k-2025-02-14"):
        (corpus / f"{name}.htm.gz").symlink_to(SHARED / "corpus" / "dev" / f"{name}.htm.gz")
    out = tmp_path / "cells.csv"
    assert learn_cells.main(["--shared", str(SHARED), "--corpus", str(corpus), "--out", str(out)]) == 0
    learned = [line for line in out.read_text(encoding="utf-8").splitlines()[2:]]
    committed = [line for line in (REPO / "taxonomy_maps" / "us-gaap-2024" / "learned_cells.csv")
                 .read_text(encoding="utf-8").splitlines() if line.startswith(("nflx,", "abbv,"))]
    assert learned and learned == committed


def test_a_column_over_rows_of_their_own_members_is_not_learned_as_a_member():
    """Under "Effective Interest Rate" each debt instrument row is a company member of its own:
    the column names none (its facts share the axis, not the member). A column whose facts
    all carry one company member ("North America") is learned as naming it."""
    from types import SimpleNamespace as NS
    spec = importlib.util.spec_from_file_location("learn_cells", REPO / "taxonomy_maps" / "scripts" / "learn_cells.py")
    learn_cells = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(learn_cells)
    us, ext = "{http://fasb.org/us-gaap/2024}", "{http://example.com/2024}"

    def fact(concept, *dims):
        return NS(concept=us + concept, dims=tuple((us + a, m) for a, m in dims))

    table = NS(columns=[NS(label="Principal"), NS(label="Effective interest rate")],
               raw=NS(column_headers=(("Principal",), ("Effective interest rate",))),
               rows=[NS(index=i, label=f"Notes due 203{i}", section="") for i in range(3)])
    grid = {(i, 0): [fact("DebtInstrumentFaceAmount")] for i in range(3)}
    grid.update({(i, 1): [fact("DebtInstrumentInterestRateEffectivePercentage",
                               ("DebtInstrumentAxis", f"{ext}Notes203{i}Member"))] for i in range(3)})
    assert not [f for f in learn_cells.learn_table(table, grid, frozenset()) if f[0] == "column"]
    for i in range(3):
        grid[(i, 1)] = [fact("Revenues", ("StatementBusinessSegmentsAxis", f"{ext}NorthAmericaMember"))]
    table.columns[1].label = "North America"
    table.raw.column_headers = (("Principal",), ("North America",))
    assert ("column", "north america", "us-gaap:StatementBusinessSegmentsAxis", "ext") in \
        learn_cells.learn_table(table, grid, frozenset())


def test_copy_paste_equity_headers_run_together_are_split_into_their_columns(tmp_path_factory):
    # "COMMON STOCKCAPITAL IN EXCESS ... TOTAL" / "CLASS ACLASS B" / "SHARESAMOUNTSHARESAMOUNT"
    nke = detect(read(stripped(tmp_path_factory.mktemp("nke-text"), "nke-10-k-2025-07-17", "text-noyears")))
    equity = next(t for t in nke.tables if t.kind.value == "equity")
    assert [(c.component, c.is_shares) for c in equity.columns] == [
        ("common_stock", True), ("common_stock", False), ("common_stock", True), ("common_stock", False),
        ("apic", False), ("aoci", False), ("retained_earnings", False), ("total", False)]
    class_a = QName.std("us-gaap:CommonClassAMember")
    assert [any(m == class_a for _, m in c.members) for c in equity.columns[:4]] == [True, True, False, False]


@pytest.fixture(scope="module")
def abbv(tmp_path_factory):
    return _filing(tmp_path_factory, "abbv-10-k-2025-02-14")


def test_percentages_are_rates_in_pure_units(abbv):
    """'22.0%' in a tax rate reconciliation is the rate 0.220 (unit pure), not a number dropped."""
    mapping = map_filing(abbv, exclude_company="abbv")
    rates = [f for f in mapping.facts if f.label == "Effective tax rate" and f.unit is not None and f.unit.id == "pure"]
    assert rates and {f.concept.local for f in rates} == {"EffectiveIncomeTaxRateContinuingOperations"}
    assert sorted(f.value for f in rates) == sorted(Decimal(t.source.text.strip("()%")) / 100 * (-1 if "(" in t.source.text else 1)
                                                    for t in rates)


def test_pro_forma_results_after_an_acquisition_take_the_pro_forma_concepts(abbv):
    """AbbVie's unaudited pro forma results (as if its acquisitions had closed a year
    earlier) restate net revenues and net earnings: scope NS-035 (a note table with revenue
    and net income lines under words "pro forma") gives them BusinessAcquisitionsProForma*
    (R-PFA-*). Before, they clashed with the income statement's amounts and became company
    concepts; the statements and other notes keep Revenues and NetIncomeLoss."""
    mapping = map_filing(abbv, exclude_company="abbv")
    pro_forma = [t for t in abbv.tables if [r.label for r in t.rows] == ["Net revenues", "Net earnings"]]
    assert len(pro_forma) == 1
    pro_forma = pro_forma[0]
    by_row = {f.label: f for f in mapping.facts if f.source.table == pro_forma.index}
    assert by_row["Net revenues"].concept.local == "BusinessAcquisitionsProFormaRevenue"
    assert by_row["Net revenues"].rule == "R-PFA-001"
    assert by_row["Net earnings"].concept.local == "BusinessAcquisitionsProFormaNetIncomeLoss"
    elsewhere = {f.concept.local for f in mapping.facts if f.source.table != pro_forma.index}
    assert not {c for c in elsewhere if "ProForma" in c}


def test_abbvies_pension_plan_assets_are_categories_by_level(abbv):
    """AbbVie's defined benefit plan assets (Equities: U.S. large cap, U.S. mid cap,
    International; Fixed income securities: ... ; then 'Total', 'Total assets measured at NAV'
    and 'Fair value of plan assets'): before, each line took a concept near its label
    (NoncurrentAssets for 'International', a deferred tax asset for 'Other') or a company
    concept, and clashed. Now all are the plan's assets at fair value by category."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if [r.label for r in t.rows][-1:] == ["Fair value of plan assets"]
                 and any(r.label == "U.S. large cap" for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    assert {f.concept.local for f in facts} == {"DefinedBenefitPlanFairValueOfPlanAssets"}
    members = {f.label: m.local for f in facts for a, m in f.context.dimensions
               if a.local == "DefinedBenefitPlanByPlanAssetCategoriesAxis"}
    assert members["U.S. large cap"] == "DefinedBenefitPlanEquitySecuritiesUsLargeCapMember"
    assert members["Corporate debt instruments"] == "CorporateDebtSecuritiesMember"
    assert "Fair value of plan assets" not in members and "Total" not in members
    nav = [f for f in facts if f.label == "Total assets measured at NAV"]
    assert nav and all(any(m.local == "FairValueMeasuredAtNetAssetValuePerShareMember" for _, m in f.context.dimensions)
                       for f in nav)
    assert not [f for f in facts if "conflict" in f.rule]


def test_a_total_of_basic_and_dilutive_shares_is_the_diluted_shares(nflx):
    """Netflix's per share note ends its diluted part with "Weighted-average number of
    shares", the sum of the basic shares and the dilutive awards above it. Near labels read
    it as basic shares again, which then clashed with the basic line and became a company
    concept; the taxonomy's calculations add basic and incremental shares into the diluted
    shares, and the label names them (``_calculated_totals``)."""
    mapping = map_filing(nflx, exclude_company="nflx")
    total = [f for f in mapping.facts if f.label == "Weighted-average number of shares"]
    assert len(total) == 4
    assert {f.concept.local for f in total} == {"WeightedAverageNumberOfDilutedSharesOutstanding"}
    assert {f.rule for f in total} == {"calculation:sum"}
    basic = {f.context: f.value for f in mapping.facts if f.source.table == total[0].source.table
             and f.concept.local == "WeightedAverageNumberOfSharesOutstandingBasic"}
    added = {f.context: f.value for f in mapping.facts if f.source.table == total[0].source.table
             and f.concept.local == "IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"}
    assert all(f.value == basic[f.context] + added[f.context] for f in total)


def test_a_debt_instruments_label_states_its_rate(nflx):
    """'4.375% Notes' under notes due: the stated rate, on the instrument's member, in pure units."""
    mapping = map_filing(nflx, exclude_company="nflx")
    stated = [f for f in mapping.facts if f.concept.local == "DebtInstrumentInterestRateStatedPercentage"]
    assert stated and all(f.unit.id == "pure" and 0 < f.value < 1 for f in stated)
    assert all(any(axis.local == "DebtInstrumentAxis" for axis, _ in f.context.dimensions) for f in stated)


def test_oci_lines_take_their_part_stage_and_tax(tmp_path_factory):
    """Alphabet's comprehensive income: 'Change in net unrealized gains (losses)' under the
    available-for-sale heading (which also lists a reclassification) is what arose on those
    securities; the same words under the cash flow hedges heading are the hedges'."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    statement = next(t for t in googl.tables if t.kind.value == "comprehensive")
    chosen = {(googl.tables[f.source.table].rows[f.source.row].section, f.label): f.concept.local
              for f in mapping.facts if f.source.table == statement.index}
    by_label = {}
    for (section, label), concept in chosen.items():
        by_label.setdefault(label, set()).add(concept)
    assert by_label["Change in net unrealized gains (losses)"] == {
        "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax",
        "OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAfterTax"}
    assert {f.rule for f in mapping.facts if f.source.table == statement.index
            and f.label == "Change in net unrealized gains (losses)"} == {"OCI-AFS-AN", "OCI-CFH-AN"}


def test_an_annual_maturity_schedule_takes_the_year_concepts(abbv):
    """AbbVie's 'Operating leases | Finance leases' over 2025 ... Thereafter: the payments due
    in the next twelve months, year two ... after year five, per family of the column."""
    mapping = map_filing(abbv, exclude_company="abbv")
    by_concept = {f.concept.local for f in mapping.facts if f.rule in ("MAT-OPL", "MAT-FNL")}
    assert {"LesseeOperatingLeaseLiabilityPaymentsDueNextTwelveMonths", "LesseeOperatingLeaseLiabilityPaymentsDueYearFive",
            "LesseeOperatingLeaseLiabilityPaymentsDueAfterYearFive", "FinanceLeaseLiabilityPaymentsDueNextTwelveMonths"} \
        <= by_concept
    assert all(isinstance(f.context.period, Instant) and not f.context.dimensions
               for f in mapping.facts if f.rule in ("MAT-OPL", "MAT-FNL"))


def test_a_quarterly_maturity_schedule_opens_with_the_rest_of_the_fiscal_year(tmp_path_factory):
    """NVIDIA's 10-Q: '2026 (excluding the first half of fiscal year 2026)', 2027 ... 2030,
    '2031 and thereafter', 'Total' under future amortization expense: the rest of the fiscal
    year, then the next twelve months and years two to four counted from the next fiscal
    year (the taxonomy has no 'after year four' concept here: a company concept). Its lease
    and purchase obligation schedules read the same way."""
    nvda = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(nvda, exclude_company="nvda")
    table = next(t for t in nvda.tables if any(r.label.startswith("2026 (excluding") for r in t.rows)
                 and "amortization" in _table_text(t))
    facts = {f.label: f for f in mapping.facts if f.source.table == table.index}
    assert facts["2026 (excluding the first half of fiscal year 2026)"].concept.local == \
        "FiniteLivedIntangibleAssetsAmortizationExpenseRemainderOfFiscalYear"
    assert facts["2027"].concept.local == "FiniteLivedIntangibleAssetsAmortizationExpenseNextTwelveMonths"
    assert facts["2030"].concept.local == "FiniteLivedIntangibleAssetsAmortizationExpenseYearFour"
    assert facts["2030"].value == Decimal(11_000_000) and facts["2030"].context.period == Instant(dt.date(2025, 7, 27))
    assert mapping.concepts[facts["2031 and thereafter"].concept].extension
    assert "LesseeOperatingLeaseLiabilityPaymentsRemainderOfFiscalYear" in {f.concept.local for f in mapping.facts}


@pytest.mark.parametrize("label", ["Remainder of 2025", "2025 (remaining six months)", "Balance of fiscal 2025",
                                   "2025 (excluding the six months ended June 30, 2025)"])
def test_the_rest_of_the_year_opens_a_quarterly_schedule_only(label):
    from converter.mapping.maturities import slots
    labels = [label, "2026", "2027", "2028", "2029", "2030", "Thereafter", "Total"]
    assert slots(labels, 2025, interim=True) == {0: "remainder", 1: "year_1", 2: "year_2", 3: "year_3", 4: "year_4",
                                                  5: "year_5", 6: "after_5", 7: "total"}
    assert slots(labels[1:], 2025, interim=True) == {}  # a 10-Q's schedule without the rest of the year
    assert slots(labels, 2024) == {}  # an annual report's does not open with one


def test_measures_over_repeated_lines_are_no_members(abbv):
    """AbbVie's lease table repeats 'Operating / Finance' under 'Weighted-average remaining
    lease term (years)' and 'Weighted-average discount rate': the headings name what is
    measured, not products. The rates are the lease kinds' discount rates with no member;
    the terms are numbers of years, which no numeric fact carries."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if any(r.label == "Weighted-average discount rate" for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    assert {f.concept.local for f in facts} == {"OperatingLeaseWeightedAverageDiscountRatePercent",
                                                "FinanceLeaseWeightedAverageDiscountRatePercent"}
    assert len(facts) == 6 and not any(f.context.dimensions for f in facts)


def test_rows_closed_by_a_total_are_its_members_and_the_net_line_after_it_is_not(abbv):
    """AbbVie's 'Land / Buildings / Equipment / Construction in progress' over 'Property and
    equipment, gross', then 'Less accumulated depreciation' and '..., net': the four rows are
    the gross total's concept on PropertyPlantAndEquipmentByTypeAxis; the two after it name
    no member."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = _table(abbv, "Construction in progress")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    dims = {f.label: {(a.local, m.local) for a, m in f.context.dimensions} for f in facts}
    concept = {f.label: f.concept for f in facts}
    assert ("PropertyPlantAndEquipmentByTypeAxis", "LandMember") in dims["Land"]
    assert concept["Land"] == concept["Construction in progress"] == concept["Property and equipment, gross"]
    assert not dims["Property and equipment, gross"] and not dims["Property and equipment, net"]
    assert not dims["Less accumulated depreciation"]


def test_amounts_under_a_per_share_heading_are_money_of_their_part(abbv):
    """AbbVie's EPS note: 'Basic EPS' and 'Diluted EPS' headings over 'Net earnings
    attributable to AbbVie Inc. $4,278' and 'Earnings allocated to participating securities
    40': amounts in millions (no cents), each part's own concept; only '$2.40' is per share."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = _table(abbv, "Earnings allocated to participating securities")
    facts = [f for f in mapping.facts if f.source.table == table.index and f.source.column == 0]
    allocated = [f for f in facts if f.label == "Earnings allocated to participating securities"]
    assert [(f.concept.local, f.unit, f.value) for f in sorted(allocated, key=lambda f: f.source.row)] == [
        ("ParticipatingSecuritiesDistributedAndUndistributedEarningsLossBasic", USD, Decimal(40_000_000)),
        ("ParticipatingSecuritiesDistributedAndUndistributedEarningsLossDiluted", USD, Decimal(40_000_000))]
    available = sorted((f for f in facts if f.label == "Earnings available to common shareholders"),
                       key=lambda f: f.source.row)
    assert [f.concept.local for f in available] == ["NetIncomeLossAvailableToCommonStockholdersBasic",
                                                    "NetIncomeLossAvailableToCommonStockholdersDiluted"]
    per_share = [f for f in facts if f.unit == USD_PER_SHARE]
    assert [f.concept.local for f in sorted(per_share, key=lambda f: f.source.row)] == ["EarningsPerShareBasic",
                                                                                      "EarningsPerShareDiluted"]


def test_lines_each_of_its_own_concept_are_not_members_of_where_they_are_shown(abbv):
    """'Interest expense $2,808 / Interest income (648) / Interest expense, net $2,160': the
    two lines name amounts of their own, not two members of the income statement location
    axis under the net amount."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = _table(abbv, "Interest income")
    facts = [f for f in mapping.facts if f.source.table == table.index and f.label in ("Interest expense", "Interest income")]
    assert facts and not any(f.context.dimensions for f in facts)
    assert {f.label: f.concept.local for f in facts}["Interest expense"] == "InterestExpense"


def test_property_types_and_the_accumulated_depreciation_taken_off_them(tmp_path_factory):
    """Nike's 'Land and improvements / ... / Internal-use software / ... / Total property,
    plant and equipment, gross / Less accumulated depreciation and amortization / TOTAL ...,
    NET': the types are standard members (M-PPE-002, M-PPE-003); the accumulated line is
    taken off the gross total, a concept of its own, no member of the net amount."""
    nke = _filing(tmp_path_factory, "nke-10-k-2025-07-17")
    mapping = map_filing(nke, exclude_company="nke")
    table = _table(nke, "Internal-use software")
    facts = {f.label: f for f in mapping.facts if f.source.table == table.index and f.source.column == 0}
    member = {label: {m.local for _, m in f.context.dimensions} for label, f in facts.items()}
    assert member["Land and improvements"] == {"LandAndLandImprovementsMember"}
    assert member["Internal-use software"] == {"SoftwareDevelopmentMember"}
    accumulated = facts["Less accumulated depreciation and amortization"]
    assert not accumulated.context.dimensions
    assert accumulated.concept.local == "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"


def test_a_property_schedule_naming_finance_leases_is_the_wider_schedule(meta):
    """Meta's 'Land / ... / Finance lease right-of-use assets / Construction in progress /
    Property and equipment, gross / Less: Accumulated depreciation / ..., net': the totals
    are property and finance lease right-of-use assets (NET-002); the lines stay gross
    property of each type."""
    mapping = map_filing(meta, exclude_company="meta")
    table = _table(meta, "Finance lease right-of-use assets", "")
    facts = {f.label: f for f in mapping.facts if f.source.table == table.index and f.source.column == 0}
    wider = "PropertyPlantAndEquipmentAndFinanceLeaseRightOfUseAsset"
    assert facts["Property and equipment, gross"].concept.local == f"{wider}BeforeAccumulatedDepreciationAndAmortization"
    assert facts["Less: Accumulated depreciation"].concept.local == f"{wider}AccumulatedDepreciationAndAmortization"
    assert facts["Property and equipment, net"].concept.local == f"{wider}AfterAccumulatedDepreciationAndAmortization"
    assert facts["Land"].concept.local == facts["Construction in progress"].concept.local == "PropertyPlantAndEquipmentGross"
    assert {m.local for _, m in facts["Land"].context.dimensions} == {"LandMember"}


def test_a_caption_over_every_column_names_the_award_before_the_sentence_above(nflx):
    """Netflix's 'activities related to the Company's unvested RSUs and PSUs' over one table
    whose every column sits under 'Unvested Restricted Stock Units': the units' facts are
    restricted stock units, not a company member for awards other than options."""
    mapping = map_filing(nflx, exclude_company="nflx")
    table = _table(nflx, "Granted", "Unvested Restricted Stock Units")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    assert facts
    assert {m for f in facts for a, m in f.context.dimensions if a.local == "AwardTypeAxis"} == \
        {QName.std("us-gaap:RestrictedStockUnitsRSUMember")}


def test_amounts_before_and_after_a_revision_are_members_of_the_restatement_axis(tmp_path_factory):
    """Tesla's recast of 2024 for the new crypto assets standard: 'Consolidated Statement of
    Operations (unaudited): | As Previously Reported | Adjustments from Adoption of ... | As
    Adjusted' is a note on the revision, not a second income statement; the reported and
    adjustment columns are members of srt:RestatementAxis (M-RVS-*), the adjusted one of none."""
    tsla = _filing(tmp_path_factory, "tsla-10-q-2025-07-24")
    revised = [t for t in tsla.tables if "As Previously Reported" in " ".join(t.raw.header)]
    assert len(revised) == 3 and all(t.kind is StatementKind.NOTE for t in revised)
    mapping = map_filing(tsla, exclude_company="tsla")
    for table in revised:
        taxes = {f.source.column: f for f in mapping.facts if f.source.table == table.index
                 and f.label in ("Provision for income taxes", "Deferred tax assets")}
        assert [tuple(m.local for _, m in taxes[c].context.dimensions) for c in range(3)] == [
            ("ScenarioPreviouslyReportedMember",), ("RestatementAdjustmentMember",), ()]
        assert len({taxes[c].concept for c in range(3)}) == 1 and not taxes[0].concept.local.startswith("Provision")


def test_an_unlabelled_line_adding_up_every_heading_is_the_tables_total(nflx):
    """Netflix's investments: 'Cash', 'Level 1 securities:' ..., 'Level 2 securities:' ...,
    then a line of no label adding up all of them: the table's total, under no heading, so
    none of its facts is of level 2."""
    table = _table(nflx, "Government securities", "Amortized Cost")
    last = table.rows[-1]
    assert last.label == "" and last.is_total and last.section == ""
    mapping = map_filing(nflx, exclude_company="nflx")
    facts = [f for f in mapping.facts if f.source.table == table.index and f.source.row == last.index]
    assert facts and not any(a.local == "FairValueByFairValueHierarchyLevelAxis"
                             for f in facts for a, _ in f.context.dimensions)


def test_a_date_across_the_value_columns_dates_the_block_of_rows_below(tmp_path_factory):
    """Alphabet's offsetting of derivatives: 'As of December 31, 2023' and its captions, two
    rows, then 'As of December 31, 2024' spanning the value columns and the same captions
    and rows again, in one table: the date is a heading of the rows below it, which are at
    the end of 2024, not an empty row."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    table = _table(googl, "Derivatives assets")
    dated = [r for r in table.rows if r.label == "As of December 31, 2024"]
    assert len(dated) == 1 and dated[0].is_abstract
    below = [r for r in table.rows if r.index > dated[0].index]
    assert [r.label for r in below] == ["Derivatives assets", "Derivatives liabilities"]
    assert all(r.period_override == Instant(dt.date(2024, 12, 31)) for r in below)


def test_a_zero_shown_under_shares_is_tagged_though_the_line_moves_no_shares(tmp_path_factory):
    """Salesforce's equity statement prints '0', not '—', under the shares of 'Net income':
    a number the round trip requires tagged, unlike the seed's dashes (3b6334a)."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    equity = next(t for t in crm.tables if t.kind is StatementKind.EQUITY)
    net_income = next(r for r in equity.rows if r.label == "Net income")
    shares = [c.index for c in equity.columns if c.is_shares]
    shown = [c for c in shares if (cell := net_income.cell_at(c)) is not None and cell.value is not None]
    assert shown and all(net_income.cell_at(c).text.strip() == "0" for c in shown)
    tagged = {f.source.column for f in mapping.facts if f.source.table == equity.index and f.source.row == net_income.index}
    assert set(shown) <= tagged


def test_a_tables_introduction_names_the_award_all_its_numbers_are_about(tmp_path_factory):
    """Visa's 'The following table summarizes the Company's RSU activity:' puts every number
    of that table on AwardTypeAxis = RestrictedStockUnitsRSUMember; the option activity
    table's option concepts need no member to say so."""
    v = _filing(tmp_path_factory, "v-10-k-2024-11-13")
    mapping = map_filing(v, exclude_company="v")
    rsu = next(t for t in v.tables if "RSU activity" in (t.raw.context_before or ("",))[-1])
    members = [{m.local for a, m in f.context.dimensions if a.local == "AwardTypeAxis"}
               for f in mapping.facts if f.source.table == rsu.index]
    assert members and all(m == {"RestrictedStockUnitsRSUMember"} for m in members)
    options = [f for f in mapping.facts if "Option" in f.concept.local and f.source is not None
               and v.tables[f.source.table].kind.value == "note"]
    assert options and not any(m.local == "EmployeeStockOptionMember" for f in options for _, m in f.context.dimensions)



def test_awards_other_than_options_always_have_an_award_type(tmp_path_factory):
    """Home Depot's 'restricted stock and restricted stock unit activity' is by RSUs
    (T-AWD-005); Union Pacific's 'retention awards' name no standard award type, so their
    nonvested units go on AwardTypeAxis with a company member (REQ-001): official filings
    never report those concepts without an award type."""
    for name, expected in (("hd-10-k-2025-03-21", "RestrictedStockUnitsRSUMember"),
                           ("unp-10-q-2025-07-24", "ShareBasedAwardsOtherThanOptionsMember")):
        filing = _filing(tmp_path_factory, name)
        mapping = map_filing(filing, exclude_company=name.split("-")[0])
        units = [f for f in mapping.facts if "EquityInstrumentsOtherThanOptions" in f.concept.local]
        award_types = [{m.local for a, m in f.context.dimensions if a.local == "AwardTypeAxis"} for f in units]
        assert units and all(award_types), name
        assert {expected} in award_types, (name, award_types)


def test_aoci_roll_forwards_are_the_parents_unless_the_statements_have_noncontrolling_interests(nflx, tmp_path_factory):
    """'Other comprehensive income (loss) before reclassifications' and 'Amounts reclassified
    from accumulated other comprehensive income' by component: the parent's portion where the
    statements have no noncontrolling interests (Netflix, R-NOT-130/131), the whole where they
    have (Walmart, R-NCI-011/012), as the official filings of both kinds of company tag them."""
    cases = ((nflx, "nflx", "OciBeforeReclassificationsNetOfTaxAttributableToParent",
              "ReclassificationFromAociCurrentPeriodNetOfTaxAttributableToParent"),
             (_filing(tmp_path_factory, "wmt-10-k-2025-03-14"), "wmt",
              "OtherComprehensiveIncomeLossBeforeReclassificationsNetOfTax",
              "ReclassificationFromAccumulatedOtherComprehensiveIncomeCurrentPeriodNetOfTax"))
    for filing, name, before, reclassified in cases:
        mapping = map_filing(filing, exclude_company=name)
        concepts = {f.concept.local for f in mapping.facts if "before reclassification" in f.label.lower()}
        assert before in concepts, (name, concepts)
        concepts = {f.concept.local for f in mapping.facts
                    if f.label.lower().startswith(("amounts reclassified from accumulated", "reclassifications to income"))}
        assert reclassified in concepts, (name, concepts)
    # the roll-forward's net line is the parent's other comprehensive income too (R-NOT-132)
    net = {f.concept.local for f in map_filing(nflx, exclude_company="nflx").facts
           if f.label == "Net change in accumulated other comprehensive income (loss)"}
    assert net == {"OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent"}


def test_the_total_column_of_an_aoci_roll_forward_carries_no_aoci_member_on_its_flows(nflx):
    """Other comprehensive income is the whole change of accumulated OCI: in the 'Total'
    column its lines take no AccumulatedOtherComprehensiveIncomeMember (IMP-001), while
    the column's balances keep it; the components' columns keep their own members."""
    mapping = map_filing(nflx, exclude_company="nflx")
    table = next(nflx.tables[f.source.table] for f in mapping.facts if f.rule == "R-NOT-130")
    total = next(c.index for c in table.columns if "Total" in table.raw.column_headers[c.index])
    facts = [f for f in mapping.facts if f.source.table == table.index]
    members = lambda f: {m.local for a, m in f.context.dimensions if a.local == "StatementEquityComponentsAxis"}
    flows = [f for f in facts if f.source.column == total and f.rule in ("R-NOT-130", "R-NOT-131", "R-NOT-132")]
    balances = [f for f in facts if f.source.column == total and f.concept.local == "StockholdersEquity"]
    assert flows and all(not members(f) for f in flows)
    assert balances and all(members(f) == {"AccumulatedOtherComprehensiveIncomeMember"} for f in balances)
    assert all(members(f) for f in facts if f.source.column != total and f.rule == "R-NOT-130")


def test_notes_named_by_their_issue_date_are_debt_instruments(meta):
    """Meta's 'August 2022 Notes | May 2023 Notes | ...' name no rate and no maturity, but
    each is one issue of notes: a DebtInstrumentAxis member (M-DBT-003)."""
    from converter.mapping.rules import match_member
    mapping = map_filing(meta, exclude_company="meta")
    facts = [f for f in mapping.facts if f.label in ("August 2022 Notes", "May 2023 Notes")]
    assert facts and all(any(a.local == "DebtInstrumentAxis" for a, _ in f.context.dimensions) for f in facts)
    assert match_member("2028 senior sustainability notes", "us-gaap:DebtInstrumentAxis").id == "M-DBT-003"
    assert match_member("2025", "us-gaap:DebtInstrumentAxis") is None
    assert match_member("notes receivable", "us-gaap:DebtInstrumentAxis") is None


def test_tax_rate_reconciliation_lines_take_the_reconciliation_concepts(tmp_path_factory):
    """A reconciliation from the statutory rate: Alphabet's in percentages, Salesforce's in
    amounts. Each line a TXR rule names takes the rate or the amount concept of that rule;
    what raises the tax is as shown, a credit that lowers it is positive."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    facts = {(f.label, f.context.period.end.year): f for f in map_filing(googl, exclude_company="googl").facts
             if f.rule.startswith("TXR-")}
    foreign = facts[("Foreign income taxed at different rates", 2024)]
    assert foreign.concept.local == "EffectiveIncomeTaxRateReconciliationForeignIncomeTaxRateDifferential"
    research = facts[("Federal research credit", 2024)]
    assert research.concept.local == "EffectiveIncomeTaxRateReconciliationTaxCreditsResearch"
    assert research.source.text.startswith("(") and research.value == Decimal(research.source.text.strip("()%")) / 100
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    facts = {(f.label, f.context.period.end.year): f for f in map_filing(crm, exclude_company="crm").facts
             if f.rule.startswith("TXR-")}
    credits, other = facts[("Tax credits", 2025)], facts[("Other, net", 2025)]
    assert (credits.concept.local, credits.value) == ("IncomeTaxReconciliationTaxCredits", Decimal("270000000"))
    assert (other.concept.local, other.value) == ("IncomeTaxReconciliationOtherAdjustments", Decimal("-35000000"))


def test_settlements_dispositions_and_tax_contingencies_reconcile_the_rate(tmp_path_factory):
    """More lines of a tax rate reconciliation have the taxonomy's own reconciliation
    concepts: audits and settlements (TXR-012), dispositions of businesses (TXR-013),
    unrecognized tax benefits (TXR-014), foreign earnings after 'Tax impact of' (TXR-004)
    and 'All other, net' (TXR-011); UnitedHealth's dispositions and Walmart's change in
    unrecognized tax benefits as their amounts and rates."""
    from converter.mapping.rules import match_reconciliation
    assert match_reconciliation("Tax audits, settlements and reserves").id == "TXR-012"
    assert match_reconciliation("Conclusion of audits").id == "TXR-012"
    assert match_reconciliation("Tax effect of dispositions and other strategic transactions").id == "TXR-013"
    assert match_reconciliation("Change in unrecognized tax benefits").id == "TXR-014"
    assert match_reconciliation("Tax impact of foreign earnings and losses").id == "TXR-004"
    assert match_reconciliation("All other, net").id == "TXR-011"
    for name, label, rule in (("unh-10-k-2025-02-27", "Tax effect of dispositions", "TXR-013"),
                              ("wmt-10-k-2025-03-14", "Change in unrecognized tax benefits", "TXR-014")):
        filing = _filing(tmp_path_factory, name)
        facts = [f for f in map_filing(filing, exclude_company=name.split("-")[0]).facts if f.label.startswith(label)]
        assert facts and {f.rule for f in facts} == {rule}, name


def test_finance_lease_cost_lines_and_cash_paid_for_interest(meta, tmp_path_factory):
    """Under 'Finance lease cost', Meta's 'Interest' and 'Amortization of right-of-use
    assets' are the finance lease's interest and amortization (R-LSE-030/031); Salesforce's
    supplemental cash flow lines, read as a table of their own, are cash paid ('Interest'
    under 'Cash paid during the period for': R-CSH-097), not a finance lease's interest,
    whose own line 'Interest on lease liabilities' keeps that concept."""
    mapping = map_filing(meta, exclude_company="meta")
    table = _table(meta, "Amortization of right-of-use assets", "")
    facts = {f.label: f.concept.local for f in mapping.facts if f.source.table == table.index}
    assert facts["Interest"] == "FinanceLeaseInterestExpense"
    assert facts["Amortization of right-of-use assets"] == "FinanceLeaseRightOfUseAssetAmortization"
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    paid = [f for f in mapping.facts if f.label == "Interest" and crm.tables[f.source.table].rows[f.source.row].section
            .startswith("Cash paid")]
    assert paid and {f.concept.local for f in paid} == {"InterestPaidNet"}
    lease = [f for f in mapping.facts if f.label == "Interest on lease liabilities"]
    assert lease and {f.concept.local for f in lease} == {"FinanceLeaseInterestExpense"}


def test_realized_gains_and_losses_on_available_for_sale_securities(ko, tmp_path_factory):
    """'The sale and/or maturity of available-for-sale debt securities resulted in the
    following realized activity': Coca-Cola's 'Gross gains', 'Gross losses' and 'Proceeds'
    (scope NS-020, R-AFS-001..003), and Amazon's 'Realized gains' on marketable debt
    securities, are the available-for-sale securities' realized gains, losses and proceeds,
    not company concepts."""
    mapping = map_filing(ko, exclude_company="ko")
    table = _table(ko, "Gross gains")
    concepts = {f.label: f.concept.local for f in mapping.facts if f.source.table == table.index}
    assert concepts == {"Gross gains": "DebtSecuritiesAvailableForSaleRealizedGain",
                        "Gross losses": "DebtSecuritiesAvailableForSaleRealizedLoss",
                        "Proceeds": "ProceedsFromSaleAndMaturityOfAvailableForSaleSecurities"}
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = _table(amzn, "Realized gains")
    gains = [f for f in mapping.facts if f.source.table == table.index and f.label == "Realized gains"]
    assert gains and {f.concept.local for f in gains} == {"DebtSecuritiesAvailableForSaleRealizedGain"}


def test_a_reconciliation_of_shares_issued_and_held_in_treasury(tmp_path_factory):
    """Home Depot's reconciliation of its shares: 'Shares at beginning / end of year' under
    'Common stock' are the shares issued, under 'Treasury stock' the treasury shares, a
    positive count although shown in parentheses; the year's repurchases are treasury shares
    acquired and 'Shares issued under employee stock plans, net' shares issued for
    share-based compensation (R-NOT-144..148); its 'Cash dividends per share', not said to be
    declared, are those paid (R-NOT-149)."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    mapping = map_filing(hd, exclude_company="hd")
    table = _table(hd, "Shares at beginning of year")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    by_line = {}
    for f in facts:
        by_line.setdefault((table.rows[f.source.row].section, f.label), set()).add(f.concept.local)
    assert by_line[("Common stock", "Shares at end of year")] == {"CommonStockSharesIssued"}
    assert by_line[("Treasury stock", "Shares at end of year")] == {"TreasuryStockCommonShares"}
    assert by_line[("Treasury stock", "Repurchases of common stock")] == {"TreasuryStockSharesAcquired"}
    assert by_line[("Common stock", "Shares issued under employee stock plans, net")] == \
        {"StockIssuedDuringPeriodSharesShareBasedCompensation"}
    assert by_line[("Treasury stock", "Cash dividends per share")] == {"CommonStockDividendsPerShareCashPaid"}
    treasury = [f for f in facts if f.concept.local == "TreasuryStockCommonShares"]
    assert treasury and all(f.value > 0 and f.source.text.startswith("(") for f in treasury)


def test_award_activity_dated_by_its_rows_is_read_as_award_activity(nflx, tmp_path_factory):
    """Apple's 'Balance as of September 28, 2024 / RSUs granted / RSUs vested' and Netflix's
    'Balances as of December 31, 2024 / Granted / Vested' are dated by their rows, so their
    columns keep no labels: the captions over them ('Number of RSUs', 'Weighted-Average
    Grant-Date Fair Value') still say units, and each cell is its activity's concept."""
    aapl = _filing(tmp_path_factory, "aapl-10-q-2025-08-01")
    for filing, name, label in ((aapl, "aapl", "RSUs granted"), (nflx, "nflx", "Granted")):
        facts = [f for f in map_filing(filing, exclude_company=name).facts
                 if f.label == label and f.rule.startswith("AWD-UNT")]
        assert {f.concept.local for f in facts} == {
            "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsGrantsInPeriod",
            "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsGrantsInPeriodWeightedAverageGrantDateFairValue"}, name


def test_a_bare_total_takes_the_concept_the_tables_title_names(tmp_path_factory):
    """Home Depot's 'United States | Foreign | Total' under a sentence about earnings before
    provision for income taxes: the 'Total' is that amount (title rule R-TTL-006), and so
    its parts are its domestic and foreign parts."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    facts = [f for f in map_filing(hd, exclude_company="hd").facts if f.rule == "R-TTL-006"]
    assert facts and all(f.label == "Total" for f in facts)
    assert {f.concept.local for f in facts} == {
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"}
    table = facts[0].source.table
    parts = {f.concept.local for f in map_filing(hd, exclude_company="hd").facts
             if f.source.table == table and f.label in ("United States", "Foreign")}
    assert parts == {"IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic",
                     "IncomeLossFromContinuingOperationsBeforeIncomeTaxesForeign"}


def test_a_balance_line_in_a_note_of_the_years_flows_is_the_balance_at_the_years_end(tmp_path_factory):
    """Walmart's segment note lists 'Total assets' under each segment beside net sales and
    operating income, under the fiscal years' columns: Assets at each year's end, not a
    company flow of the year."""
    wmt = _filing(tmp_path_factory, "wmt-10-k-2025-03-14")
    facts = [f for f in map_filing(wmt, exclude_company="wmt").facts
             if f.label == "Total assets" and wmt.tables[f.source.table].kind is StatementKind.NOTE]
    assert facts and {f.concept.local for f in facts} == {"Assets"}
    assert all(isinstance(f.context.period, Instant) for f in facts)

def test_an_investment_table_by_cost_gains_losses_and_fair_value(tmp_path_factory):
    """Apple's 'Adjusted Cost | Unrealized Gains | Unrealized Losses | Fair Value | ...' over
    security types: the available-for-sale concepts of those columns (column rules that
    hold beside a cost column), each row a standard FinancialInstrumentAxis member."""
    aapl = _filing(tmp_path_factory, "aapl-10-q-2025-08-01")
    mapping = map_filing(aapl, exclude_company="aapl")
    table = _table(aapl, "Corporate debt securities")
    facts = [f for f in mapping.facts if f.source.table == table.index and f.label == "Corporate debt securities"]
    by_column = {table.columns[f.source.column].label: f for f in facts}
    assert by_column["Adjusted Cost"].concept.local == "AvailableForSaleDebtSecuritiesAmortizedCostBasis"
    assert by_column["Unrealized Gains"].concept.local == "AvailableForSaleDebtSecuritiesAccumulatedGrossUnrealizedGainBeforeTax"
    assert by_column["Fair Value"].concept.local == "AvailableForSaleSecuritiesDebtSecurities"
    assert all(dict(f.context.dimensions).get(QName.std("us-gaap:FinancialInstrumentAxis")) ==
               QName.std("us-gaap:CorporateDebtSecuritiesMember") for f in facts)
    treasury = [f for f in mapping.facts if f.source.table == table.index and f.label == "U.S. Treasury securities"]
    assert treasury and all(m.local == "USTreasurySecuritiesMember" for f in treasury for a, m in f.context.dimensions
                            if a.local == "FinancialInstrumentAxis")


def test_headings_over_nearly_the_same_lines_are_segments(meta):
    mapping = map_filing(meta, exclude_company="meta")
    table = next(t for t in meta.tables if {r.section for r in t.rows} >= {"Family of Apps", "Reality Labs"})
    dims = {table.rows[f.source.row].section: f.context.dimensions for f in mapping.facts
            if f.source.table == table.index and f.label == "Revenue"}
    assert dims["Family of Apps"][0][0] == SEGMENT_AXIS and dims["Reality Labs"][0][0] == SEGMENT_AXIS
    assert dims["Family of Apps"] != dims["Reality Labs"]


def test_concept_columns_repeated_for_each_date(meta):
    """Meta's intangibles: 'Gross Carrying Amount | Accumulated Amortization | Net Carrying
    Amount' under December 31, 2024 and again under December 31, 2023: each caption is the
    same concept at its own date, each row a class of intangible asset."""
    mapping = map_filing(meta, exclude_company="meta")
    table = _table(meta, "Acquired technology")
    facts = [f for f in mapping.facts if f.source.table == table.index and f.label == "Acquired technology"]
    chosen = {(table.columns[f.source.column].label, f.context.period): f.concept.local for f in facts}
    for day in (dt.date(2024, 12, 31), dt.date(2023, 12, 31)):
        assert chosen[("Gross Carrying Amount", Instant(day))] == "FiniteLivedIntangibleAssetsGross"
        assert chosen[("Accumulated Amortization", Instant(day))] == "FiniteLivedIntangibleAssetsAccumulatedAmortization"
        assert chosen[("Net Carrying Amount", Instant(day))] == "FiniteLivedIntangibleAssetsNet"
    assert all(any(a.local == "FiniteLivedIntangibleAssetsByMajorClassAxis" for a, _ in f.context.dimensions)
               for f in facts if "Weighted" not in table.columns[f.source.column].label)


def test_52_53_week_years_start_the_day_after_the_year_before_ends(tmp_path_factory):
    """Home Depot's fiscal 2024 ran 53 weeks, January 29, 2024 to February 2, 2025; Adobe's
    fiscal 2022 (a 'Fiscal 2022' heading in its segment table) began December 4, 2021, the
    day after fiscal 2021 ended. Neither is a calendar year back from its end, nor 52 weeks."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    mapping = map_filing(hd, exclude_company="hd")
    ending = {f.context.period for f in mapping.facts
              if isinstance(f.context.period, Duration) and f.context.period.end == dt.date(2025, 2, 2)}
    assert ending == {Duration(dt.date(2024, 1, 29), dt.date(2025, 2, 2))}
    adbe = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    segments = _table(adbe, "Fiscal 2022")
    fiscal_2022 = {r.period_override for r in segments.rows if r.period_override is not None
                   and r.period_override.end == dt.date(2022, 12, 2)}
    assert fiscal_2022 == {Duration(dt.date(2021, 12, 4), dt.date(2022, 12, 2))}


def test_segment_headings_over_the_same_lines_even_when_the_last_goes_on(tmp_path_factory):
    """Amazon's 'North America / International / AWS' headings over Net sales, Operating
    expenses, Operating income (loss), then 'Consolidated' with the same lines and the
    reconciliation to net income: each segment heading is a company member of the
    segments axis; the consolidated lines take none."""
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = next(t for t in amzn.tables if {r.section for r in t.rows} >= {"North America", "AWS", "Consolidated"})
    by_section: dict = {}
    for f in mapping.facts:
        if f.source.table == table.index and f.label.startswith("Net sales"):
            by_section.setdefault(table.rows[f.source.row].section, set()).add(f.context.dimensions)
    for segment in ("North America", "International", "AWS"):
        (dims,) = by_section[segment]
        assert len(dims) == 1 and dims[0][0] == SEGMENT_AXIS and dims[0][1].prefix == mapping.prefix
    assert by_section["Consolidated"] == {()}


def test_a_reconciling_heading_between_segments_that_lists_fewer_lines(tmp_path_factory):
    """Walmart's segment results: three segments over six lines each, then 'Corporate and
    support' over three of them, then 'Consolidated'. The corporate lines are that
    reconciling item (ConsolidationItemsAxis), so the segments' lines are the operating
    segments' as well, and the corporate 'Operating loss' is no company concept of its own."""
    wmt = _filing(tmp_path_factory, "wmt-10-k-2025-03-14")
    mapping = map_filing(wmt, exclude_company="wmt")
    table = next(t for t in wmt.tables if {r.section for r in t.rows} >= {"Corporate and support", "Consolidated"}
                 and any(r.label == "Membership and other income" for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    dims = {(table.rows[f.source.row].section, f.label): {(a.local, m.local) for a, m in f.context.dimensions}
            for f in facts}
    corporate = ("ConsolidationItemsAxis", "CorporateNonSegmentMember")
    assert dims[("Corporate and support", "Operating loss")] == {corporate}
    assert ("ConsolidationItemsAxis", "OperatingSegmentsMember") in dims[("Walmart U.S.", "Net sales")]
    assert dims[("Consolidated", "Net sales")] == set()
    assert {f.concept.local for f in facts if f.label == "Operating loss"} == {"OperatingIncomeLoss"}


def test_a_corporate_column_beside_segment_columns_is_a_reconciling_item(tmp_path_factory):
    """Nike's 'NORTH AMERICA | ... | CONVERSE | CORPORATE | TOTAL NIKE, INC' tables never
    say 'segment' in words; their captions are the segments. 'CORPORATE' beside them is the
    reconciling item on ConsolidationItemsAxis, not a segment, and the segments' columns
    are the operating segments."""
    nke = _filing(tmp_path_factory, "nke-10-k-2025-07-17")
    mapping = map_filing(nke, exclude_company="nke")
    table = next(t for t in nke.tables if "CORPORATE" in [c.label for c in t.columns]
                 and any(r.label == "Demand creation expense" for r in t.rows))
    by_column: dict = {}
    for f in mapping.facts:
        if f.source.table == table.index:
            by_column.setdefault(table.columns[f.source.column].label, set()).add(
                tuple((a.local, m.local) for a, m in f.context.dimensions))
    assert by_column["CORPORATE"] == {(("ConsolidationItemsAxis", "CorporateNonSegmentMember"),)}
    assert all(("ConsolidationItemsAxis", "OperatingSegmentsMember") in dims
               for dims in by_column["GREATER CHINA"])


def test_a_total_column_before_the_last_adds_up_a_group_of_segments(tmp_path_factory):
    """Nike's 'TOTAL NIKE BRAND' column sits between its brand's segments and 'CONVERSE |
    CORPORATE | TOTAL NIKE, INC': it totals a group of segments, a company member of the
    segments axis among the operating segments, not a second consolidated total that
    clashes with the last column."""
    nke = _filing(tmp_path_factory, "nke-10-k-2025-07-17")
    mapping = map_filing(nke, exclude_company="nke")
    table = next(t for t in nke.tables if "TOTAL NIKE BRAND" in [c.label for c in t.columns]
                 and any(r.label == "Demand creation expense" for r in t.rows))
    brand = [c.index for c in table.columns if c.label == "TOTAL NIKE BRAND"]
    facts = [f for f in mapping.facts if f.source.table == table.index and f.source.column in brand]
    assert facts
    for f in facts:
        dims = {(a.local, m.local) for a, m in f.context.dimensions}
        assert ("ConsolidationItemsAxis", "OperatingSegmentsMember") in dims
        assert ("StatementBusinessSegmentsAxis", "NikeBrandMember") in dims
    company = [f for f in mapping.facts if f.source.table == table.index
               and f.source.column == table.columns[-1].index]
    assert table.columns[-1].label.startswith("TOTAL NIKE, INC")
    assert company and all(not f.context.dimensions for f in company)
    assert not any(f.rule.endswith("conflict") for f in facts)


def test_lines_named_as_the_segments_are_segments_not_regions(tmp_path_factory):
    """Amazon's segment assets list 'North America / International / AWS / Corporate' over
    'Consolidated'. The segment note heads its lines with those names, so here they are the
    segments (not the North America region, not non-US), and 'Corporate' is the reconciling
    item."""
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = next(t for t in amzn.tables if [r.label for r in t.rows][:4] ==
                 ["North America", "International", "AWS", "Corporate"] and "segment assets" in _table_text(t))
    dims = {f.label: {(a.local, m.local) for a, m in f.context.dimensions}
            for f in mapping.facts if f.source.table == table.index}
    for segment in ("North America", "International"):
        assert ("ConsolidationItemsAxis", "OperatingSegmentsMember") in dims[segment]
        assert {a for a, _ in dims[segment]} == {"ConsolidationItemsAxis", "StatementBusinessSegmentsAxis"}
    assert dims["Corporate"] == {("ConsolidationItemsAxis", "CorporateNonSegmentMember")}


def test_a_note_total_that_is_a_statement_line_takes_its_concept(tmp_path_factory):
    """Amazon's segment assets close on 'Consolidated', which no rule names; its figures
    are the balance sheet's total assets (the note goes a year further back), so it and the
    segments above it are Assets, not a company concept. Total liabilities and equity shows
    the same figures; the table speaks of assets."""
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = next(t for t in amzn.tables if [r.label for r in t.rows][:4] ==
                 ["North America", "International", "AWS", "Corporate"] and "segment assets" in _table_text(t))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    assert len(facts) == 15 and {f.concept.local for f in facts} == {"Assets"}
    assert {f.rule.rsplit("+", 1)[-1] for f in facts} == {"statement"}


def test_an_other_column_beside_a_segment_is_all_other_segments(tmp_path_factory):
    """Home Depot's goodwill by 'Primary Segment | Other | Total': 'Other' is the segments
    not reported apart (AllOtherSegmentsMember), not a company segment called Other, and
    'Primary segment' the reportable segments before them (M-SEG-002), a standard member."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    mapping = map_filing(hd, exclude_company="hd")
    table = next(t for t in hd.tables if any(r.label.startswith("Goodwill, balance at") for r in t.rows))
    members = {(table.raw.column_headers[f.source.column][-1], m.local) for f in mapping.facts
               if f.source.table == table.index for a, m in f.context.dimensions if a.local == "StatementBusinessSegmentsAxis"}
    assert {m for caption, m in members if caption == "Other"} == {"AllOtherSegmentsMember"}
    assert {m for caption, m in members if caption == "Primary Segment"} == \
        {"ReportableSegmentAggregationBeforeOtherOperatingSegmentMember"}


def test_each_caption_over_its_own_run_of_dates_names_its_amount(ko):
    """Coca-Cola's net investment hedges: 'Notional Values' over two dates, then 'Gain (Loss)
    Recognized in OCI' over four periods. Each caption names its columns' amount: the notional
    amounts at the dates, the hedges' gains in OCI (net investment hedges, as the table says)
    for the periods, not the title's notional amount dated at each period's end."""
    mapping = map_filing(ko, exclude_company="ko")
    table = next(t for t in ko.tables if "Notional Values" in [c.label for c in t.columns]
                 and "Gain (Loss) Recognized in OCI" in [c.label for c in t.columns])
    facts = [f for f in mapping.facts if f.source.table == table.index and f.label == "Foreign currency contracts"]
    by_caption = {}
    for f in facts:
        by_caption.setdefault(table.columns[f.source.column].label, set()).add(
            (f.concept.local, type(f.context.period).__name__))
    assert by_caption["Notional Values"] == {("DerivativeNotionalAmount", "Instant")}
    assert by_caption["Gain (Loss) Recognized in OCI"] == {
        ("OtherComprehensiveIncomeLossNetInvestmentHedgeGainLossBeforeReclassificationAndTax", "Duration")}


def test_segment_rows_under_a_total_that_names_the_amount(tmp_path_factory):
    """Alphabet's segment note: 'Revenues' over Google Services, Google Cloud, Other Bets and
    'Total revenues'; the segment rows name no concept, so each is a company member of the
    segments axis under the total's revenue concept. Meta's headings 'Family of Apps' and
    'Reality Labs' over the same lines (one says 'Loss from operations') are segments too."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    table = next(t for t in googl.tables if any(r.section == "Revenues" and r.label == "Google Cloud" for r in t.rows))
    cloud = [f for f in mapping.facts if f.source.table == table.index and f.label == "Google Cloud"
             and table.rows[f.source.row].section == "Revenues"]
    assert cloud and {f.concept for f in cloud} == {next(f.concept for f in mapping.facts if f.source.table == table.index
                                                          and f.label == "Total revenues")}
    assert all(f.context.dimensions[0][0] == SEGMENT_AXIS for f in cloud)


def test_a_heading_the_table_lists_as_a_member_is_that_member(tmp_path_factory):
    """Alphabet's segment note lists 'Google Cloud' among the segments' revenues, then again
    as the heading over that segment's expenses ('Employee compensation expenses', 'Total
    Google Cloud costs and expenses'): the lines under the heading are of that segment, and
    the total without the segment's name in it is the costs and expenses."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    table = next(t for t in googl.tables if any(r.section == "Revenues" and r.label == "Google Cloud" for r in t.rows))
    member = {f.context.dimensions for f in mapping.facts if f.source.table == table.index
              and f.label == "Google Cloud" and table.rows[f.source.row].section == "Revenues"}
    under = [f for f in mapping.facts if f.source.table == table.index and table.rows[f.source.row].section == "Google Cloud"]
    assert len(member) == 1 and under and {f.context.dimensions for f in under} == member
    total = {f.concept.local for f in under if f.label == "Total Google Cloud costs and expenses"}
    assert total == {"CostsAndExpenses"}


@pytest.mark.parametrize("name", ["aapl-10-q-2025-08-01", "nvda-10-q-2025-08-27"])
def test_the_segments_sum_opens_a_reconciliation(tmp_path_factory, name):
    """'Segment operating income', then the items that take it to the consolidated amount
    (research and development, stock-based compensation, interest): the first line is the
    operating segments' operating income (OperatingSegmentsMember of ConsolidationItemsAxis,
    as filers tag it), and the items below are line items, not members of one concept; a
    line of corporate or unallocated costs among them is the reconciling item."""
    filing = _filing(tmp_path_factory, name)
    mapping = map_filing(filing, exclude_company=name.split("-")[0])
    table = _table(filing, "Segment operating income")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    summed = [f for f in facts if f.label == "Segment operating income"]
    assert summed and {f.concept.local for f in summed} == {"OperatingIncomeLoss"}
    assert {tuple((a.local, m.local) for a, m in f.context.dimensions) for f in summed} == \
        {(("ConsolidationItemsAxis", "OperatingSegmentsMember"),)}
    items = [f for f in facts if f.label != "Segment operating income"]
    corporate = [f for f in items if re.search(r"corporate|unallocated", f.label, re.I)]
    assert items and not any(f.context.dimensions for f in items if f not in corporate)
    assert {tuple((a.local, m.local) for a, m in f.context.dimensions) for f in corporate} == \
        {(("ConsolidationItemsAxis", "CorporateNonSegmentMember"),)}

def test_derivative_lines_take_the_members_their_headings_name(tmp_path_factory):
    """AbbVie's derivatives on the balance sheet: 'Foreign currency forward exchange
    contracts' over 'Designated as net investment hedges', 'Not designated as hedges',
    then 'Interest rate swap contracts' over 'Designated as fair value hedges': each line is
    of its heading's instrument and of the hedge its label names. Apple's notional amounts
    ('Derivative instruments designated as accounting hedges' over 'Foreign exchange
    contracts'): the title's notional amount, designated, of foreign exchange contracts."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if any(r.label == "Designated as fair value hedges" for r in t.rows))
    members = {(f.label, frozenset(m.local for a, m in f.context.dimensions if a.local != "BalanceSheetLocationAxis"))
               for f in mapping.facts if f.source.table == table.index}
    # the 'Balance sheet caption' of the liabilities, between the asset and liability columns
    places = {f.source.column: {a.local: m.local for a, m in f.context.dimensions}.get("BalanceSheetLocationAxis")
              for f in mapping.facts if f.source.table == table.index and f.label == "Designated as cash flow hedges"}
    assert places == {0: "PrepaidExpensesAndOtherCurrentAssetsMember", 1: "PrepaidExpensesAndOtherCurrentAssetsMember",
                      2: "AccountsPayableAndAccruedLiabilitiesMember", 3: "AccountsPayableAndAccruedLiabilitiesMember"}
    assert ("Designated as net investment hedges", frozenset(
        {"ForeignExchangeForwardMember", "NetInvestmentHedgingMember", "DesignatedAsHedgingInstrumentMember"})) in members
    assert ("Not designated as hedges", frozenset({"ForeignExchangeForwardMember", "NondesignatedMember"})) in members
    assert ("Designated as fair value hedges", frozenset(
        {"InterestRateSwapMember", "FairValueHedgingMember", "DesignatedAsHedgingInstrumentMember"})) in members
    assert all(not dims for label, dims in members if label == "Total derivatives")
    aapl = _filing(tmp_path_factory, "aapl-10-q-2025-08-01")
    mapping = map_filing(aapl, exclude_company="aapl")
    table = next(t for t in aapl.tables if "notional amounts" in _table_text(t))
    first = [f for f in mapping.facts if f.source.table == table.index and f.source.row == 1]
    assert first and {f.concept.local for f in first} == {"DerivativeNotionalAmount"}
    assert {frozenset(m.local for _, m in f.context.dimensions) for f in first} == \
        {frozenset({"ForeignExchangeContractMember", "DesignatedAsHedgingInstrumentMember"})}


def test_derivative_gains_by_the_income_statement_line_they_sit_in(tmp_path_factory):
    """Alphabet's gains on derivatives under 'Revenues | Other income (expense), net' for
    each year: those captions are where the gains are recognized (IncomeStatementLocationAxis),
    not revenue and other income themselves; the lines under 'Effect of non designated
    hedges' ('Foreign exchange contracts', 'Other contracts') are the gains of derivatives
    not designated as hedges."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    table = next(t for t in googl.tables if any(r.label == "Effect of non designated hedges" for r in t.rows))
    revenue_column = next(c.index for c in table.columns if c.label == "Revenues")
    nondesignated = [f for f in mapping.facts if f.source.table == table.index and f.source.column == revenue_column
                     and table.rows[f.source.row].section == "Effect of non designated hedges"
                     and not table.rows[f.source.row].is_total]
    assert nondesignated and {f.concept.local for f in nondesignated} == \
        {"DerivativeInstrumentsNotDesignatedAsHedgingInstrumentsGainLossNet"}
    for f in nondesignated:
        dims = {a.local: m.local for a, m in f.context.dimensions}
        assert dims["IncomeStatementLocationAxis"] == "SalesMember"
        assert dims["HedgingDesignationAxis"] == "NondesignatedMember"

def test_derivatives_by_the_statement_line_a_column_of_words_names(ko):
    """Coca-Cola's derivatives: 'Foreign currency contracts' twice under 'Assets:', told
    apart by the column captioned 'Financial Statement Line Item Impacted' ('Prepaid
    expenses and other current assets', 'Other noncurrent assets'): each its place on the
    balance sheet. In the gains table the caption stands between the gain in OCI and the
    gain reclassified into income, and names where both arise (income statement location)."""
    mapping = map_filing(ko, exclude_company="ko")
    fair = next(t for t in ko.tables if t.raw.text_caption.startswith("Financial Statement Line Item")
                and any(r.label == "Total assets" for r in t.rows))
    places = {}
    for f in mapping.facts:
        if f.source.table == fair.index and fair.rows[f.source.row].label == "Foreign currency contracts":
            dims = {a.local: m.local for a, m in f.context.dimensions}
            places.setdefault(fair.rows[f.source.row].section, set()).add(dims.get("BalanceSheetLocationAxis"))
    assert places["Assets"] == {"PrepaidExpensesAndOtherCurrentAssetsMember", "OtherNoncurrentAssetsMember"}
    assert places["Liabilities"] == {"AccountsPayableAndAccruedLiabilitiesMember", "OtherNoncurrentLiabilitiesMember"}
    gains = next(t for t in ko.tables if "Gain (Loss) Reclassified from AOCI into Income" in " ".join(t.raw.header))
    row = next(r for r in gains.rows if r.label == "Foreign currency contracts")
    located = {f.source.column: {a.local: m.local for a, m in f.context.dimensions}.get("IncomeStatementLocationAxis")
               for f in mapping.facts if f.source.table == gains.index and f.source.row == row.index}
    assert located == {0: "SalesMember", 1: "SalesMember"}


def test_gains_recognized_in_oci_and_reclassified_into_income_by_column_captions(ko):
    """Coca-Cola's cash flow hedges: 'Gain (Loss) Recognized in OCI' and 'Gain (Loss)
    Reclassified from AOCI into Income' name the amount of each column (R-COL-026..027),
    where the captions alone used to give company concepts."""
    mapping = map_filing(ko, exclude_company="ko")
    gains = next(t for t in ko.tables if "Gain (Loss) Reclassified from AOCI into Income" in " ".join(t.raw.header))
    concepts = {f.source.column: f.concept.local for f in mapping.facts if f.source.table == gains.index}
    assert concepts == {0: "OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAndTax",
                        1: "OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationBeforeTax"}


def test_property_categories_under_headings_keep_their_own_members(tmp_path_factory):
    """Union Pacific's property by category: 'Cost | Accumulated depreciation | Net book
    value' name the amounts (R-COL-028..030); 'Locomotives' under 'Equipment:' is its own
    member, not the heading's; 'Total road' is the heading's total (a company member, no
    standard one names roads), 'Total equipment' EquipmentMember, the last 'Total' none."""
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    table = next(t for t in unp.tables if any(r.label == "Locomotives" for r in t.rows))
    first = {}
    for f in mapping.facts:
        if f.source.table == table.index and f.source.column == 0:
            first[table.rows[f.source.row].label] = (f.concept.local, {m.local for _, m in f.context.dimensions})
    assert first["Locomotives"][0] == "PropertyPlantAndEquipmentGross"
    assert first["Locomotives"][1] and "EquipmentMember" not in first["Locomotives"][1]
    assert first["Total equipment"][1] == {"EquipmentMember"}
    assert first["Total road"][1] and first["Total road"][1] != first["Total"][1]
    assert first["Total"] == ("PropertyPlantAndEquipmentGross", set())


def test_percentages_beside_revenue_by_region_are_shares_of_net_sales(tmp_path_factory):
    """Alphabet's revenues by geography with a percentage beside each amount ("APAC |
    $56,815 | 16 %"): the percentage is the region's share of net sales
    (ConcentrationRiskPercentage1 of SalesRevenueNetMember, a geographic concentration,
    CR-001), not a company concept per row; the total's 100 % is of the same kind."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    table = next(t for t in googl.tables if [r.label for r in t.rows][:3] == ["United States", "EMEA", "APAC"])
    shares = {}
    for f in mapping.facts:
        if f.source.table == table.index and f.concept.local == "ConcentrationRiskPercentage1":
            shares[table.rows[f.source.row].label] = {a.local: m.local for a, m in f.context.dimensions}
    assert shares["APAC"] == {"StatementGeographicalAxis": "AsiaPacificMember",
                              "ConcentrationRiskByBenchmarkAxis": "SalesRevenueNetMember",
                              "ConcentrationRiskByTypeAxis": "GeographicConcentrationRiskMember"}
    assert shares["Total revenues"] == {"ConcentrationRiskByBenchmarkAxis": "SalesRevenueNetMember",
                                        "ConcentrationRiskByTypeAxis": "GeographicConcentrationRiskMember"}


def test_a_restructuring_reserve_roll_forward_by_kind_of_cost(tmp_path_factory):
    """P&G's restructuring reserve by 'Separation Costs | Asset-Related Costs | Other Costs |
    Total': the reserve rows are RestructuringReserve, costs incurred RestructuringCharges,
    costs paid PaymentsForRestructuring (R-RST-*, in a table about restructuring), each
    column the kind of cost on RestructuringCostAndReserveAxis (M-RST-*), the total none."""
    pg = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    mapping = map_filing(pg, exclude_company="pg")
    table = _table(pg, "RESERVE JUNE 30, 2024")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    concepts = {f.label: f.concept.local for f in facts}
    assert concepts["RESERVE JUNE 30, 2024"] == "RestructuringReserve"
    assert concepts["Costs incurred for the three months ended March 31, 2025"] == "RestructuringCharges"
    assert concepts["Costs paid/settled for the nine months ended March 31, 2025"] == "PaymentsForRestructuring"
    members = {f.source.column: tuple(m.local for _, m in f.context.dimensions) for f in facts}
    assert [members[c.index] for c in table.columns] == [
        ("EmployeeSeveranceMember",), ("FacilityClosingMember",), ("OtherRestructuringMember",), ()]

def test_basic_and_diluted_under_a_shares_heading_in_a_note(tmp_path_factory):
    """Union Pacific's earnings per share note: 'Basic' and 'Diluted' under 'Weighted-average
    number of shares outstanding' are the weighted average shares (R-INC-018..019), as in
    the income statement, not company concepts named 'Basic' and 'Diluted'."""
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    table = _table(unp, "Dilutive effect of retention shares and units")
    concepts = {f.label: f.concept.local for f in mapping.facts if f.source.table == table.index}
    assert concepts["Basic"] == "WeightedAverageNumberOfSharesOutstandingBasic"
    assert concepts["Diluted"] == "WeightedAverageNumberOfDilutedSharesOutstanding"

def test_products_above_a_revenue_total_and_a_consolidated_total_named_by_its_heading(tmp_path_factory):
    """Amazon's 'Net Sales' heading over Online stores ... Other and 'Consolidated': the
    total takes its heading's revenue concept, and the company-named lines above it are its
    products and services. A bare 'Total' names nothing: Union Pacific's other income lines
    are not revenue because other companies' 'Total' rows mostly were."""
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = _table(amzn, "Online stores")
    facts = {f.label: f for f in mapping.facts if f.source.table == table.index}
    assert "Revenue" in facts["Consolidated"].concept.local and not facts["Consolidated"].context.dimensions
    assert facts["Online stores"].concept == facts["Consolidated"].concept
    assert facts["Online stores"].context.dimensions[0][0] == QName.std("srt:ProductOrServiceAxis")
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    other = _table(unp, "Real estate income")
    totals = [f for f in map_filing(unp, exclude_company="unp").facts if f.source.table == other.index and f.label == "Total"]
    assert totals and not any("Revenue" in f.concept.local for f in totals)


def test_award_activity_tables_take_the_concept_of_each_activity_and_measure(tmp_path_factory):
    """Visa's option activity ('Options | Weighted-Average Exercise Price | ... | Aggregate
    Intrinsic Value (in millions)') and RSU activity: each cell the taxonomy's concept for
    its row's activity and its column's measure; counts as shown (the '(in millions)' is the
    intrinsic value column's alone), prices per share, balances at the dates their labels
    name and changes over the fiscal year."""
    v = _filing(tmp_path_factory, "v-10-k-2024-11-13")
    mapping = map_filing(v, exclude_company="v")
    options = next(t for t in v.tables if "option activity" in (t.raw.context_before or ("",))[-1])
    from converter.detect import column_caption
    facts = {(f.label, column_caption(options.raw, options.columns[f.source.column]).split()[0]): f
             for f in mapping.facts if f.source.table == options.index}
    granted = facts[("Granted", "Options")]
    assert granted.concept.local == "ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsGrantsInPeriodGross"
    assert granted.unit.id == "shares" and granted.value == Decimal(granted.source.text.replace(",", ""))
    assert granted.context.period == Duration(dt.date(2023, 10, 1), dt.date(2024, 9, 30))
    price = facts[("Granted", "Weighted-Average")]
    assert price.concept.local.endswith("OptionsGrantsInPeriodWeightedAverageExercisePrice") and price.unit.id == "USD_per_share"
    opening = next(f for (label, measure), f in facts.items() if measure == "Options" and label.startswith("Outstanding")
                   and "2023" in label)
    assert opening.concept.local.endswith("OptionsOutstandingNumber") and opening.context.period == Instant(dt.date(2023, 9, 30))
    intrinsic = [f for (label, measure), f in facts.items() if measure == "Aggregate"]
    assert intrinsic and all(f.value == Decimal(f.source.text.strip("$").replace(",", "")) * 10 ** 6 for f in intrinsic)
    rsu = next(t for t in v.tables if "RSU activity" in (t.raw.context_before or ("",))[-1])
    vested = [f for f in mapping.facts if f.source.table == rsu.index and f.label == "Vested"]
    assert {f.concept.local for f in vested} == {
        "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsVestedInPeriod",
        "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsVestedInPeriodWeightedAverageGrantDateFairValue"}
    assert all(f.value > 0 for f in vested)  # "(2,953,860)" vested is a number of units, not a negative


def test_the_parts_of_a_total_the_taxonomy_names_take_their_own_concepts(meta):
    """'Domestic / Foreign' over income before provision for income taxes: the taxonomy's
    Domestic and Foreign concepts (split_concepts.csv), not the total on a geographic member."""
    mapping = map_filing(meta, exclude_company="meta")
    parts = {f.label: f for f in mapping.facts if f.label in ("Domestic", "Foreign")
             and "BeforeIncomeTaxes" in f.concept.local}
    assert parts["Domestic"].concept.local == "IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic"
    assert parts["Foreign"].concept.local == "IncomeLossFromContinuingOperationsBeforeIncomeTaxesForeign"
    assert not parts["Domestic"].context.dimensions and parts["Domestic"].rule.startswith("S-PTX")


def test_a_tax_provision_split_federal_and_state_takes_the_split_concepts(tmp_path_factory):
    """Alphabet's 'Current: Federal and state / Foreign / Total': the combined federal and
    state concept, not a geographical member of the total."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    chosen = {(googl.tables[f.source.table].rows[f.source.row].section, f.label): f for f in mapping.facts
              if f.label == "Federal and state"}
    assert chosen[("Current", "Federal and state")].concept.local == "CurrentFederalStateAndLocalTaxExpenseBenefit"
    assert chosen[("Deferred", "Federal and state")].concept.local == "DeferredFederalStateAndLocalTaxExpenseBenefit"
    assert not chosen[("Current", "Federal and state")].context.dimensions


@pytest.mark.parametrize("name, shows", [("nvda-10-q-2025-08-27", "country members"),
                                         ("pg-10-q-2025-04-24", "tagged percentages")])
def test_note_members_and_percentages_validate_and_round_trip(tmp_path, name, shows):
    """nvda's revenue by country takes country members (country:TW), which the offline
    country schema must declare; pg's non-GAAP table of concept columns has a row of
    percentage changes, which must be tagged as rates, not dropped."""
    from converter.pipeline import convert
    from converter.proof import roundtrip
    source = stripped(tmp_path, name)
    result = convert(source, tmp_path / "out")
    countries = {m for f in result.report.facts for _, m in f.context.dimensions if m.prefix == "country"}
    percentages = [f for f in result.report.facts if f.source and "%" in f.source.text]
    assert {"country members": countries, "tagged percentages": percentages}[shows]
    proof = roundtrip(result.ixbrl_path, source)
    assert proof.report.ok, proof.report.errors[:3]
    assert not proof.mismatches, proof.mismatches[:3]
    assert proof.matched + proof.untagged_dashes + proof.untagged_label_numbers + proof.untagged_ratios + \
        proof.untagged_years == proof.cells


def test_a_subtotal_of_company_named_revenue_lines_is_a_product_of_the_total(tmp_path_factory):
    """Tesla's income statement: 'Automotive sales / regulatory credits / leasing' over
    'Total automotive revenues', which with 'Energy generation and storage' and 'Services and
    other' makes 'Total revenues'. Every line, the subtotal too, is the total's revenue
    concept on a ProductOrServiceAxis member; the grand total has none."""
    tsla = _filing(tmp_path_factory, "tsla-10-q-2025-07-24")
    mapping = map_filing(tsla, exclude_company="tsla")
    income = next(t for t in tsla.tables if t.kind.value == "income")
    facts = {(income.rows[f.source.row].section, f.label): f for f in mapping.facts if f.source.table == income.index}
    total = facts[("Revenues", "Total revenues")]
    assert not total.context.dimensions
    for label in ("Automotive sales", "Automotive leasing", "Total automotive revenues", "Energy generation and storage"):
        f = facts[("Revenues", label)]
        assert f.concept == total.concept, label
        assert f.context.dimensions[0][0] == QName.std("srt:ProductOrServiceAxis"), label


def test_an_income_statement_line_of_either_nature_is_signed_by_its_wording(abbv, tmp_path_factory):
    """AbbVie's 'Interest expense, net 2,160' is net interest expense: the income-natured
    concept InterestIncomeExpenseNonoperatingNet is -2,160; 'Other operating expense (income),
    net (7)' is income of 7: +7. Salesforce's 'Losses on strategic investments, net (121)'
    already shows its loss by the parentheses: GainLossOnInvestments -121."""
    mapping = map_filing(abbv, exclude_company="abbv")
    income = next(t for t in abbv.tables if t.kind.value == "income")
    facts = {f.label: f for f in mapping.facts if f.source.table == income.index and f.source.column == 0}
    interest = facts["Interest expense, net"]
    assert interest.concept.local == "InterestIncomeExpenseNonoperatingNet" and interest.value < 0
    other = facts["Other operating expense (income), net"]
    assert other.source.text.startswith("(") and other.value > 0
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    statement = next(t for t in crm.tables if t.kind.value == "income")
    losses = [f for f in map_filing(crm, exclude_company="crm").facts
              if f.source.table == statement.index and f.label.startswith("Losses on strategic investments")]
    assert losses and all(f.value < 0 for f in losses)


@pytest.fixture(scope="module")
def tsla(tmp_path_factory):
    return _filing(tmp_path_factory, "tsla-10-q-2025-07-24")


def test_a_roll_forwards_opening_and_closing_balances_are_instants(tsla):
    """Tesla's warranty note under 'Three Months Ended | Six Months Ended' columns: the
    'beginning of period' row is a balance on the day before each column's span starts,
    the 'end of period' row one on its last day; the movements between stay spans."""
    mapping = map_filing(tsla, exclude_company="tsla")
    table = _table(tsla, "Accrued warranty - beginning of period")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    spans = {f.source.column: table.columns[f.source.column].period for f in facts}
    assert all(isinstance(p, Duration) for p in spans.values())
    for f in facts:
        span = spans[f.source.column]
        if f.label == "Accrued warranty - beginning of period":
            assert f.context.period == Instant(span.start - dt.timedelta(days=1)), f
        elif f.label == "Accrued warranty - end of period":
            assert f.context.period == Instant(span.end), f
        else:
            assert f.context.period == span, f
    assert {f.label for f in facts} >= {"Accrued warranty - beginning of period", "Accrued warranty - end of period"}


def test_a_table_bound_member_rule_comes_before_an_unbound_one():
    """'Postretirement Benefit Plans' is a plan in a benefits note, and the component of
    AOCI in a table about accumulated other comprehensive income (P&G's roll-forward)."""
    from converter.mapping.rules import match_member
    aoci = "Changes in accumulated other comprehensive income (AOCI) by component"
    assert match_member("Postretirement Benefit Plans", table="Net periodic benefit cost").member == \
        "us-gaap:OtherPostretirementBenefitPlansDefinedBenefitMember"
    assert match_member("Postretirement Benefit Plans", table=aoci).member == \
        "us-gaap:AccumulatedDefinedBenefitPlansAdjustmentMember"
    assert match_member("Currency Translation and Other", table=aoci).member == \
        "us-gaap:AccumulatedTranslationAdjustmentMember"
    assert match_member("Investment Securities", table=aoci).member == \
        "us-gaap:AccumulatedNetUnrealizedInvestmentGainLossMember"


def test_derivative_instruments_are_members_of_their_risk():
    """'Commodity contracts' beside 'Foreign currency contracts' in a hedging note is the
    commodity risk's member, not an investment type (M-DER-001..003)."""
    from converter.mapping.rules import match_member
    assert match_member("Commodity contracts").member == "us-gaap:CommodityContractMember"
    assert match_member("Commodity contracts").axis == "us-gaap:DerivativeInstrumentRiskAxis"
    assert match_member("Foreign currency contracts").member == "us-gaap:ForeignExchangeContractMember"
    assert match_member("Foreign exchange forward contracts").member == "us-gaap:ForeignExchangeContractMember"
    assert match_member("Interest rate contracts").member == "us-gaap:InterestRateContractMember"
    assert match_member("Commodity prices") is None


def test_aoci_component_columns_are_equity_component_members(tmp_path_factory):
    """P&G's AOCI roll-forward ('Investment Securities | Postretirement Benefit Plans |
    Foreign Currency Translation | Total AOCI'): each column is its component of AOCI."""
    pg = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    mapping = map_filing(pg, exclude_company="pg")
    table = _table(pg, "OCI before reclassifications")
    members = {f.source.column: {m.local for a, m in f.context.dimensions if a == EQUITY_AXIS}
               for f in mapping.facts if f.source.table == table.index}
    # the balances of equity including the noncontrolling interests' part take the
    # components' including-NCI members (nci_members.csv), the movements the plain ones
    nci = "IncludingPortionAttributableToNoncontrollingInterestMember"
    assert members[0] <= {"AccumulatedNetUnrealizedInvestmentGainLossMember", f"AccumulatedNetInvestmentGainLoss{nci}"}
    assert members[1] <= {"AccumulatedDefinedBenefitPlansAdjustmentMember", f"AccumulatedDefinedBenefitPlansAdjustment{nci}"}
    assert members[2] <= {"AccumulatedTranslationAdjustmentMember", f"AccumulatedForeignCurrencyAdjustment{nci}"}
    assert all(members[k] for k in range(3))


def test_a_per_share_row_under_a_heading_of_share_counts_is_per_share(tmp_path_factory):
    """Union Pacific's EPS note: 'Earnings per share - basic' ($3.16) follows the rows under
    'Weighted-average number of shares outstanding': a per-share amount, not millions of shares."""
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    table = next(t for t in unp.tables if t.kind is StatementKind.NOTE
                 and any(r.label == "Earnings per share - basic" for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    eps = [f for f in facts if f.label == "Earnings per share - basic"]
    shares = [f for f in facts if f.value == Decimal("594100000")]  # 'Basic' under the heading, in millions
    assert eps and {f.concept.local for f in eps} == {"EarningsPerShareBasic"}
    assert Decimal("3.16") in {f.value for f in eps}
    assert shares and all(f.unit.id == "shares" for f in shares)


def test_concept_columns_under_a_heading_of_a_period_are_flows_of_it(ko):
    """Coca-Cola's cash flow hedges: 'Gain (Loss) Recognized in OCI | ... Reclassified from
    AOCI into Income' over rows under 'Three Months Ended June 27, 2025': every amount is
    of that quarter, not a balance at its end."""
    mapping = map_filing(ko, exclude_company="ko")
    table = _table(ko, "Three Months Ended June 27, 2025", "Gain (Loss) Recognized in OCI")
    periods = {f.context.period for f in mapping.facts if f.source.table == table.index}
    assert periods and all(isinstance(p, Duration) for p in periods)
    assert Duration(dt.date(2025, 3, 29), dt.date(2025, 6, 27)) in periods


def test_segment_columns_under_period_headings(tmp_path_factory):
    """NVIDIA's segment note: 'Compute & Networking | Graphics | Total' over 'Revenue / Other
    segment items / Operating income (loss)' repeated under 'Three Months Ended Jul 27, 2025'
    and the other periods. The row 'Other segment items' says the columns are segments; the
    headings date the rows and are no members. (The total's operating income is not the
    income statement's, so the columns are the operating segments', the total too.)"""
    nvda = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(nvda, exclude_company="nvda")
    table = _table(nvda, "Other segment items", "Compute & Networking")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    axes = {a.local for f in facts for a, _ in f.context.dimensions}
    assert axes == {"StatementBusinessSegmentsAxis", "ConsolidationItemsAxis"}
    first = {f.source.column: f for f in facts if f.source.row == 1}
    assert {m.local for _, m in first[0].context.dimensions} == {"ComputeNetworkingMember", "OperatingSegmentsMember"}
    assert {m.local for _, m in first[2].context.dimensions} == {"OperatingSegmentsMember"}  # the total column
    assert first[0].context.period == Duration(dt.date(2025, 4, 28), dt.date(2025, 7, 27))


def test_a_company_concept_under_a_year_heading_is_a_flow_of_that_year(tmp_path_factory):
    """UnitedHealth's segment note has no dates over its columns, only year headings
    ('2024', '2023', '2022') over the lines: 'Total revenues - unaffiliated customers', which
    no standard label names, is each year's revenue, not a balance at its end; 'Earnings
    from operations' is each year's operating income (rule R-INC-009)."""
    unh = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    mapping = map_filing(unh, exclude_company="unh")
    table = _table(unh, "Earnings from operations", "UnitedHealthcare")
    revenue = [f for f in mapping.facts if f.source.table == table.index
               and f.label == "Total revenues - unaffiliated customers"]
    assert revenue and all(f.concept.prefix != "us-gaap" for f in revenue)
    earnings = [f for f in mapping.facts if f.source.table == table.index and f.label == "Earnings from operations"]
    assert {f.concept.local for f in earnings} == {"OperatingIncomeLoss"}
    for facts in (revenue, earnings):
        assert all(isinstance(f.context.period, Duration) for f in facts)
        assert Duration(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) in {f.context.period for f in facts}


def test_one_year_in_a_header_of_level_captions_dates_every_column(tmp_path_factory):
    """AbbVie's pension plan assets: 'as of December 31 (in millions) | 2024 | Quoted prices
    ... (Level 1) | ... (Level 2) | ... (Level 3)': every column is December 31, 2024, not
    one year further back per column."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    table = _table(abbv, "U.S. large cap", "Significant unobservable inputs (Level 3)")
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 12, 31))] * 4


def test_a_heading_right_above_a_note_table_names_its_members(tmp_path_factory):
    """AbbVie's 'Defined Benefit Pension Plan Assets' heads the table of plan assets by
    level: every number is the pension plans' (T-RET-001), as the introducing sentence
    of another filing would say."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    table = _table(abbv, "U.S. large cap", "Significant unobservable inputs (Level 3)")
    members = [{m.local for _, m in f.context.dimensions} for f in mapping.facts if f.source.table == table.index]
    assert members and all("PensionPlansDefinedBenefitMember" in found for found in members)


def test_oci_lines_by_tax_columns(ko):
    """Coca-Cola's OCI note: 'Before-Tax Amount | Income Tax | After-Tax Amount' over the
    lines of each part of OCI. Each cell is its line's concept for the column's tax
    treatment, with no members; the tax reduces OCI as shown, (84), so the tax expense
    concept holds +84 million."""
    from converter.mapping.oci import tax_column
    assert [tax_column(c) for c in ("Before-Tax Amount", "Income Tax", "After-Tax Amount", "Level 1")] == \
        ["before", "tax", "net", None]
    mapping = map_filing(ko, exclude_company="ko")
    table = _table(ko, "Translation adjustments arising during the period", "Before-Tax Amount")
    facts = {f.source.column: f for f in mapping.facts
             if f.source.table == table.index and f.label == "Translation adjustments arising during the period"}
    assert [facts[c].concept.local for c in range(3)] == [
        "OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationGainLossBeforeReclassificationAndTax",
        "OtherComprehensiveIncomeForeignCurrencyTranslationGainLossArisingDuringPeriodTax",
        "OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationGainLossArisingDuringPeriodNetOfTax"]
    assert [facts[c].value for c in range(3)] == [Decimal("95000000"), Decimal("84000000"), Decimal("11000000")]
    assert not any(f.context.dimensions for f in facts.values())


def test_oci_of_the_parent_takes_the_parents_portion_concepts(ko):
    """Coca-Cola's OCI note is 'OCI attributable to shareowners of The Coca-Cola Company':
    a part's net change takes the taxonomy's concept of the parent's portion where it has
    one ('Net foreign currency translation adjustments', the pension plans' net change),
    and the OCI total line is OCI as a whole, not the pension heading above it: nothing
    clashes with the statement of comprehensive income, which includes the noncontrolling
    interests, so nothing is left as a company concept."""
    from converter.mapping.oci import of_parent
    assert of_parent("The following tables present OCI attributable to shareowners of The Coca-Cola Company")
    assert not of_parent("Other comprehensive income (loss) attributable to noncontrolling interests")
    mapping = map_filing(ko, exclude_company="ko")
    table = _table(ko, "Translation adjustments arising during the period", "Before-Tax Amount")
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    assert [facts["Net foreign currency translation adjustments", c].concept.local for c in range(3)] == [
        "OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationAdjustmentBeforeTaxPortionAttributableToParent",
        "OtherComprehensiveIncomeForeignCurrencyTranslationAdjustmentTaxPortionAttributableToParent",
        "OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationAdjustmentNetOfTaxPortionAttributableToParent"]
    total = [facts[label, c] for label, c in facts if label.startswith("Other comprehensive income (loss) attributable")]
    assert sorted(f.concept.local for f in total) == [
        "OtherComprehensiveIncomeLossBeforeTaxPortionAttributableToParent",
        "OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent",
        "OtherComprehensiveIncomeLossTaxPortionAttributableToParent1"]
    assert all(f.rule.endswith("+parent") for f in total)


def test_dilutive_securities_between_basic_and_diluted_shares_are_incremental_shares(tsla, tmp_path_factory):
    """An EPS note with basic and diluted weighted-average shares adds the dilutive
    securities between them (scope NS-019): Tesla's 'Stock-based awards', 'Convertible
    senior notes' and 'Warrants', P&G's 'Stock options and other unvested equity awards'
    under 'Add effect of dilutive securities' are incremental shares (R-EPS-001..003), not
    the anti-dilutive securities other filers list under the same words; a line that says
    anti-dilutive keeps its own concept."""
    from converter.mapping.rules import match_rule
    assert match_rule("note+dilution", "", "Stock-based awards").concept == \
        "IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"
    assert match_rule("note+dilution", "", "Anti-dilutive stock options excluded") is None
    assert match_rule("note+dilution", "Antidilutive securities excluded", "Stock options") is None
    concepts = {}
    for filing, company in ((tsla, "tsla"), (_filing(tmp_path_factory, "pg-10-q-2025-04-24"), "pg")):
        mapping = map_filing(filing, exclude_company=company)
        eps = {t.index for t in filing.tables if any("diluted" in r.label.lower() for r in t.rows)}
        concepts.update({f.label: f.concept.local for f in mapping.facts if f.source.table in eps})
    assert concepts["Stock-based awards"] == "IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"
    assert concepts["Convertible senior notes"] == "IncrementalCommonSharesAttributableToConversionOfDebtSecurities"
    assert concepts["Warrants"] == "IncrementalCommonSharesAttributableToCallOptionsAndWarrants"
    assert concepts["Stock options and other unvested equity awards"] == \
        "IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"


def test_total_assets_at_fair_value_is_the_fair_value_disclosure(tmp_path_factory):
    """UnitedHealth's fair value summary closes with 'Total assets at fair value': the
    assets' fair value (R-FVL-002), at each level, not a company concept."""
    from converter.mapping.rules import match_rule
    assert match_rule("note", "", "Total liabilities at fair value").concept == "LiabilitiesFairValueDisclosure"
    assert match_rule("note", "", "Total assets") is None or \
        match_rule("note", "", "Total assets").concept != "AssetsFairValueDisclosure"
    unh = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    mapping = map_filing(unh, exclude_company="unh")
    facts = [f for f in mapping.facts if f.label == "Total assets at fair value"]
    assert facts and {f.concept.local for f in facts} == {"AssetsFairValueDisclosure"}
    assert {m.local for f in facts for _, m in f.context.dimensions} >= {"FairValueInputsLevel1Member"}


def test_indefinite_lived_lines_of_an_intangibles_table_are_indefinite_lived(meta, tmp_path_factory):
    """Under 'Gross Carrying Amount | Accumulated Amortization | Net Carrying Amount', Meta's
    'Total indefinite-lived assets' is IndefiniteLivedIntangibleAssetsExcludingGoodwill
    (SC-008/009, by the line's own words), not a finite-lived total clashing with the real
    one; Home Depot's 'Trade names' under an indefinite-lived heading are that concept too,
    their member on the indefinite-lived classes' axis."""
    mapping = map_filing(meta, exclude_company="meta")
    total = [f for f in mapping.facts if f.label == "Total indefinite-lived assets" and f.value]
    assert total and {f.concept.local for f in total} == {"IndefiniteLivedIntangibleAssetsExcludingGoodwill"}
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    mapping = map_filing(hd, exclude_company="hd")
    indefinite = [f for f in mapping.facts if f.concept.local == "IndefiniteLivedIntangibleAssetsExcludingGoodwill"]
    assert indefinite and all(f.label == "Trade names" for f in indefinite)
    assert {(a.local, m.local) for f in indefinite for a, m in f.context.dimensions} == \
        {("IndefiniteLivedIntangibleAssetsByMajorClassAxis", "TradeNamesMember")}


def test_a_segment_line_no_rule_names_takes_the_income_statements_concept(nflx):
    """Netflix's single segment lists 'Technology and development' and 'Sales and
    marketing', which no rule or learned label names: they are the income statement's lines
    of the same words (ResearchAndDevelopmentExpense, SellingAndMarketingExpense), not
    company concepts."""
    mapping = map_filing(nflx, exclude_company="nflx")
    table = next(t for t in nflx.tables if t.kind is StatementKind.NOTE
                 and any(r.label == "Technology and development" for r in t.rows))
    concepts = {f.label: f.concept.local for f in mapping.facts if f.source.table == table.index}
    assert concepts["Technology and development"] == "ResearchAndDevelopmentExpense"
    assert concepts["Sales and marketing"] == "SellingAndMarketingExpense"


def test_a_small_minority_of_a_labels_uses_is_no_concept_for_it(nflx, tsla):
    """Once the concept official filings used most for a label is passed over as off the
    table's subject, a concept they used in under a third of the label's facts is no
    choice either: Netflix's segment 'General and administrative' is no derivative gain (3
    of 22 facts, one filer's), Tesla's 'Other current liabilities' no contract liability."""
    for filing, company, label, wrong in ((nflx, "nflx", "General and administrative", "DerivativeGainLossOnDerivativeNet"),
                                          (tsla, "tsla", "Other current liabilities", "ContractWithCustomerLiability")):
        mapping = map_filing(filing, exclude_company=company)
        concepts = {f.concept.local for f in mapping.facts if f.label == label}
        assert concepts and wrong not in concepts
    mapping = map_filing(tsla, exclude_company="tsla")
    assert "OtherLiabilitiesCurrent" in {f.concept.local for f in mapping.facts if f.label == "Other current liabilities"}


def test_an_equity_line_of_several_award_plans_is_share_based_compensation(tmp_path_factory):
    """Union Pacific's 'Conversion, stock option exercises, forfeitures, ESPP, and other' is
    stock issued for share-based compensation as a whole (R-EQU-028), not the employee stock
    purchase plan it names among others (R-EQU-005 keeps a line of that plan alone)."""
    from converter.mapping.rules import match_rule
    assert match_rule("equity", "", "Employee stock purchase plan").id == "R-EQU-005"
    assert match_rule("equity", "", "Issuance of common stock under ESPP").id == "R-EQU-005"
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    facts = [f for f in mapping.facts if f.label.startswith("Conversion, stock option exercises")]
    assert {f.concept.local for f in facts} == {"StockIssuedDuringPeriodValueShareBasedCompensation",
                                                 "StockIssuedDuringPeriodSharesShareBasedCompensation"}


def test_intra_entity_transactions_in_oci_are_long_term_intercompany_adjustments(ko):
    """Coca-Cola's 'Gains (losses) on intra-entity transactions that are of a long-term
    investment nature' is the translation of long-term intercompany balances
    (AdjustmentForLongTermIntercompanyTransactions*, OCI-ICO-*), not gains on securities its
    word 'investment' suggested."""
    from converter.mapping.oci import oci_part
    assert oci_part("Gains (losses) on intra-entity transactions that are of a long-term investment nature") == \
        "intercompany"
    mapping = map_filing(ko, exclude_company="ko")
    facts = [f for f in mapping.facts if f.label.startswith("Gains (losses) on intra-entity transactions")]
    assert facts and {f.concept.local for f in facts} == {
        "AdjustmentForLongTermIntercompanyTransactionsGrossOfTax",
        "AdjustmentForLongTermIntercompanyTransactionsTaxExpenseBenefit",
        "AdjustmentForLongTermIntercompanyTransactionsNetOfTax"}


def test_income_tax_lines_under_jurisdiction_headings(tmp_path_factory):
    """Amazon's tax provision lists 'Current / Deferred / Total' under 'U.S. Federal',
    'U.S. State' and 'International' (the reverse of 'Federal / State / Foreign' under
    'Current:'): each line is its jurisdiction's concept (R-NOT-111..119), and the headings
    are no members."""
    from converter.mapping.rules import match_rule
    assert match_rule("note", "Current:", "Federal").concept == "CurrentFederalTaxExpenseBenefit"
    assert match_rule("note", "U.S. Federal", "Current").concept == "CurrentFederalTaxExpenseBenefit"
    assert match_rule("note", "Federal", "Total income tax expense") is None  # the overall total
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = next(t for t in amzn.tables if [r.label for r in t.rows[:4]] == ["U.S. Federal", "Current", "Deferred", "Total"])
    facts = [f for f in mapping.facts if f.source.table == table.index and f.source.column == 0]
    concepts = {(f.context.dimensions, table.rows[f.source.row].section, f.label): f.concept.local for f in facts}
    assert concepts[((), "U.S. Federal", "Current")] == "CurrentFederalTaxExpenseBenefit"
    assert concepts[((), "U.S. State", "Deferred")] == "DeferredStateAndLocalIncomeTaxExpenseBenefit"
    assert concepts[((), "International", "Total")] == "ForeignIncomeTaxExpenseBenefitContinuingOperations"


def test_a_maturity_schedule_on_its_side(tmp_path_factory):
    """Amazon's commitments: '2025 | 2026 | ... | 2029 | Thereafter | Total' over 'Operating
    lease liabilities', 'Unconditional purchase obligations' ...: each amount is owed at the
    balance sheet date, of its family's concept for the year (or a company concept per year
    for a row no family names), not a flow of a year to come. A family two lines name is
    the total's."""
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = _table(amzn, "Leases not yet commenced")
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    lease = facts[("Operating lease liabilities", 0)]
    assert lease.concept.local == "LesseeOperatingLeaseLiabilityPaymentsDueNextTwelveMonths"
    assert lease.context.period == Instant(dt.date(2024, 12, 31))
    assert facts[("Operating lease liabilities", 5)].concept.local == "LesseeOperatingLeaseLiabilityPaymentsDueAfterYearFive"
    assert {f.context.period for f in facts.values()} == {Instant(dt.date(2024, 12, 31))}
    # 'Other commitments' and 'Total commitments' both name contractual obligations: the
    # total takes them, the other line is one of the company's own
    assert facts[("Total commitments", 0)].concept.local == "ContractualObligationDueInNextTwelveMonths"
    assert facts[("Total commitments", 6)].concept.local == "ContractualObligation"
    assert facts[("Other commitments", 0)].concept.prefix == "amazoncom"


@pytest.mark.parametrize("name", ["pg-10-q-2025-04-24", "amzn-10-k-2025-02-07"])
def test_moving_a_conflict_makes_no_new_one(tmp_path_factory, name):
    """Conflicting values move to company concepts named from their rows; where that name
    already holds another value at the same date (a schedule's years, a segment table's
    columns) the column's header, else a number, tells them apart: no concept, context and
    unit hold two values in the end."""
    filing = _filing(tmp_path_factory, name)
    mapping = map_filing(filing, exclude_company=name.split("-")[0])
    held: dict = {}
    clashes = [f for f in mapping.facts if held.setdefault((f.concept, f.context, f.unit), f.value) != f.value]
    assert clashes == []
    assert any(f.rule == "extension:conflict" for f in mapping.facts)


def test_two_year_groups_of_captions_date_their_columns(tmp_path_factory):
    """Salesforce's restructuring note: 'Fiscal Year Ended January 31, 2025 | Fiscal Year
    Ended January 31, 2024' over 'Workforce Reduction | Office Space Reductions | Total'
    each: the three columns of a group are its year, not three years back in turn."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    table = _table(crm, "Liability, beginning of the period", "Workforce Reduction")
    fy2025 = Duration(dt.date(2024, 2, 1), dt.date(2025, 1, 31))
    fy2024 = Duration(dt.date(2023, 2, 1), dt.date(2024, 1, 31))
    assert [c.period for c in table.columns] == [fy2025] * 3 + [fy2024] * 3


def test_maturity_dates_as_row_labels_are_no_balance_dates(tmp_path_factory):
    """Nike's long-term debt lists its notes by maturity ('March 27, 2027', 'November 1,
    2026'): dates after the period end are no balances of a roll-forward, so the book
    values keep their columns' dates (May 31, 2025 and 2024)."""
    nke = _filing(tmp_path_factory, "nke-10-k-2025-07-17")
    table = _table(nke, "March 27, 2027")
    assert all(r.period_override is None for r in table.rows)


def test_a_column_of_years_dates_its_rows(tmp_path_factory):
    """P&G's segment results: 'Beauty | 2025 | $3,490 | ...' over '| 2024 | 3,550 | ...'
    under 'Three Months Ended March 31 | Nine Months Ended March 31': the years are no
    figures; each row's amounts are of its year's quarter and nine months."""
    pg = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    mapping = map_filing(pg, exclude_company="pg")
    table = next(t for t in pg.tables if any(r.label == "Grooming" for r in t.rows) and "Net Sales" in " ".join(t.raw.header))
    assert [r.year for r in table.rows[:2]] == [2025, 2024] and table.rows[1].label == "Beauty"
    periods = {(f.source.row, f.source.column): f.context.period for f in mapping.facts if f.source.table == table.index}
    assert periods[(0, 0)] == Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert periods[(1, 0)] == Duration(dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert periods[(1, 3)] == Duration(dt.date(2023, 7, 1), dt.date(2024, 3, 31))
    assert "2025" not in {f.source.text for f in mapping.facts if f.source.table == table.index}
    # each column is named by its header cells, not by a year its header never gave it
    assert [c.header for c in table.columns[:2]] == ["Three Months Ended March 31 Net Sales",
                                                    "Three Months Ended March 31 Earnings/(Loss) Before Income Taxes"]


def test_no_member_restates_its_facts_concept(tmp_path_factory):
    """Home Depot's debt table rows are 'Senior Notes' lines: their concept is SeniorNotes,
    and the SeniorNotesMember of the long-term debt type axis would say it twice (the
    official filing has no such context)."""
    from conftest import stripped
    from converter.pipeline import analyse, tag
    report = tag(analyse(stripped(tmp_path_factory.mktemp("hd"), "hd-10-k-2025-03-21")), exclude_company="hd")
    senior = [f for f in report.facts if f.concept.local == "SeniorNotes"]
    assert senior
    assert not [f for f in report.facts if f.concept.prefix == "us-gaap" and
                any(m.local == f.concept.local + "Member" for _, m in f.context.dimensions)]


def test_rows_under_segment_columns_are_products(tmp_path_factory):
    """Nike disaggregates revenues with its segments as columns and 'Footwear', 'Apparel',
    'Equipment' as rows closed by 'TOTAL REVENUES': the segments axis is the columns', so
    the rows are products (revenue on ProductOrServiceAxis), not segments left unnamed."""
    mapping = map_filing(_filing(tmp_path_factory, "nke-10-k-2025-07-17"), exclude_company="nke")
    footwear = [f for f in mapping.facts if f.label == "Footwear" and f.concept.local.startswith("Revenue")]
    assert footwear
    axes = {tuple(sorted(a.local for a, _ in f.context.dimensions)) for f in footwear}
    # beside "Corporate" (a reconciling item) the segments are also the operating segments
    assert ("ConsolidationItemsAxis", "ProductOrServiceAxis", "StatementBusinessSegmentsAxis") in axes


def test_aoci_by_component_including_noncontrolling_interests_takes_those_members(tmp_path_factory):
    """AbbVie's AOCI roll-forward reports equity including the noncontrolling interests'
    part by component: the components' members that include that part too
    (nci_members.csv), as filed; every member the file names is in the taxonomy."""
    from converter.mapping.catalog import Catalog
    from converter.mapping.rules import including_nci_members
    catalog = Catalog.load()
    pairs = including_nci_members()
    assert pairs and all(catalog.member(a) and catalog.member(b) for a, b in pairs.items())
    mapping = map_filing(_filing(tmp_path_factory, "abbv-10-k-2025-02-14"), exclude_company="abbv")
    members = {m.local for f in mapping.facts if f.concept.local == "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
               for _, m in f.context.dimensions}
    assert "AccumulatedForeignCurrencyAdjustmentIncludingPortionAttributableToNoncontrollingInterestMember" in members
    assert "AccumulatedTranslationAdjustmentMember" not in members


def test_an_aoci_roll_forward_after_a_page_break_takes_its_components_members(tmp_path_factory):
    """Union Pacific's second AOCI roll-forward follows a page break ("Table of Contents" is
    the line above it, not the note's heading): its rows' movements ("before
    reclassifications", "reclassified from accumulated other comprehensive income") say
    what it is, so its column captions are AOCI components, not pension plans or concepts."""
    filing = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    table = next(t for t in filing.tables if t.raw is not None and t.raw.context_before
                 and t.raw.context_before[-1] == "Table of Contents"
                 and any("before reclassifications" in r.label for r in t.rows))
    mapping = map_filing(filing, exclude_company="unp")
    dims = {(f.source.column, m.local) for f in mapping.facts if f.source.table == table.index
            for a, m in f.context.dimensions if a == EQUITY_AXIS}
    assert {(0, "AccumulatedDefinedBenefitPlansAdjustmentMember"), (1, "AccumulatedTranslationAdjustmentMember"),
            (2, "AccumulatedGainLossNetCashFlowHedgeParentMember")} <= dims
    opening = [f for f in mapping.facts if f.source.table == table.index and f.source.row == 0]
    assert {f.concept.local for f in opening} <= {"StockholdersEquity", "AccumulatedOtherComprehensiveIncomeLossNetOfTax"}


def test_a_copied_aoci_roll_forward_names_its_components_by_its_header_line(tmp_path_factory):
    """In copied text the same Union Pacific table has no header grid, only the line
    "MillionsDefined benefit plansForeign currency translationUnrealized gain on derivative
    instruments [a]Total": its rows are dated, and the captions of that line still name
    the AOCI components of its columns."""
    filing = detect(read(stripped(tmp_path_factory.mktemp("unp"), "unp-10-q-2025-07-24", "text-noyears")))
    table = next(t for t in filing.tables if any("before reclassifications" in r.label for r in t.rows)
                 and [c.label for c in t.columns][:2] == ["Defined benefit plans", "Foreign currency translation"])
    mapping = map_filing(filing, exclude_company="unp")
    dims = {(f.source.column, m.local) for f in mapping.facts if f.source.table == table.index
            for a, m in f.context.dimensions if a == EQUITY_AXIS}
    assert {(0, "AccumulatedDefinedBenefitPlansAdjustmentMember"), (1, "AccumulatedTranslationAdjustmentMember"),
            (2, "AccumulatedGainLossNetCashFlowHedgeParentMember")} <= dims


def test_a_copied_segment_tables_captions_name_its_segments(tmp_path_factory):
    """Coca-Cola's copied segment table has no header grid, only its caption line
    ('Europe, Middle East & AfricaLatin AmericaNorthAmerica...'), grouped into one caption
    per column: those captions are read as the grid's are, so the columns are its segments
    (Corporate too, the table being "by operating segment and Corporate"), not columns
    without members."""
    filing = detect(read(stripped(tmp_path_factory.mktemp("ko"), "ko-10-q-2025-07-24", "text-noyears")),
                    exclude_company="ko")
    table = next(t for t in filing.tables if [c.label for c in t.columns][:2] == ["Europe, Middle East & Africa",
                                                                                 "Latin America"])
    mapping = map_filing(filing, exclude_company="ko")
    members = {f.source.column: (a.local, m.local) for f in mapping.facts if f.source.table == table.index
               for a, m in f.context.dimensions}
    assert members[0] == ("StatementBusinessSegmentsAxis", "EuropeMiddleEastAfricaMember")
    assert members[4] == ("StatementBusinessSegmentsAxis", "BottlingInvestmentsMember")
    assert members[5] == ("StatementBusinessSegmentsAxis", "CorporateMember")
    assert 7 not in members  # "Consolidated": the total


def test_columns_captioned_by_the_segments_of_the_segment_note_are_segments(tmp_path_factory):
    """Alphabet's goodwill roll-forward says nothing of segments, but its columns "Google
    Services | Google Cloud | Other Bets" are the names its segment note repeats under
    each measure: segment members. Tesla's segment note repeats "Revenues" and "Gross
    profit" under each segment: those name line items, not segments."""
    from converter.mapping import Mapper, _segment_captions
    filing = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapper = Mapper(filing, exclude_company="googl")
    assert {"Google Services", "Google Cloud", "Other Bets"} <= mapper._segment_captions
    assert not {"Revenues", "Total revenues"} & mapper._segment_captions
    goodwill = next(t for t in filing.tables if "carrying amount of goodwill" in t.raw.scale_text)
    mapping = map_filing(filing, exclude_company="googl")
    members = {(f.source.column, m.local) for f in mapping.facts if f.source.table == goodwill.index
               for a, m in f.context.dimensions if a == SEGMENT_AXIS}
    assert {c for c, _ in members} == {0, 1, 2} and len({m for _, m in members}) == 3
    tesla = _filing(tmp_path_factory, "tsla-10-q-2025-07-24")
    assert not {"Revenues", "Cost of revenues", "Gross profit"} & _segment_captions(tesla.tables, mapper.catalog)


def test_headings_over_different_lines_that_name_plans_are_their_members(tmp_path_factory):
    """AbbVie's assumption tables list three rates under "Defined benefit plans" and one
    under "Other post-employment plans": the lines differ, but both headings name plan
    types by member rules, so each line takes its heading's plan; the two discount rates
    no longer clash."""
    filing = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    table = next(t for t in filing.tables if sum(r.label == "Discount rate" for r in t.rows) == 2
                 and len({r.section for r in t.rows}) == 2)
    mapping = map_filing(filing, exclude_company="abbv")
    plans = {}
    for f in mapping.facts:
        if f.source.table == table.index:
            row = next(r for r in table.rows if r.index == f.source.row)
            plans.setdefault(row.section, set()).update(m.local for a, m in f.context.dimensions
                                                         if a.local == "RetirementPlanTypeAxis")
    assert plans == {"Defined benefit plans": {"PensionPlansDefinedBenefitMember"},
                     "Other post-employment plans": {"OtherPostretirementBenefitPlansDefinedBenefitMember"}}
    assert not any(f.rule.startswith("extension:conflict") for f in mapping.facts if f.source.table == table.index)


def test_unrecognized_tax_benefit_roll_forward_lines_take_their_concepts(tmp_path_factory):
    """Every 10-K rolls its unrecognized tax benefits forward, each filer in its own words
    (R-NOT-120..124). Nike's 'Gross increases related to prior period tax positions' 11 and
    'Lapse of statute of limitations' (45) are the fiscal year's increase and reduction,
    both positive amounts."""
    from converter.mapping.rules import match_rule
    for label, rule in (("Additions for tax positions of prior years", "R-NOT-120"),
                        ("Decrease in unrecognized tax benefits related to prior years", "R-NOT-121"),
                        ("Additions based on tax positions related to the current year", "R-NOT-122"),
                        ("Reductions due to lapse of statute of limitations", "R-NOT-123"),
                        ("Settlements with tax authorities", "R-NOT-124")):
        assert match_rule("note", "", label).id == rule, label
    assert match_rule("note", "", "Increases in prior year revenue") is None
    mapping = map_filing(_filing(tmp_path_factory, "nke-10-k-2025-07-17"), exclude_company="nke")
    fy2025 = {(f.concept.local, f.value) for f in mapping.facts
              if f.context.period == Duration(dt.date(2024, 6, 1), dt.date(2025, 5, 31)) and not f.context.dimensions}
    assert ("UnrecognizedTaxBenefitsIncreasesResultingFromPriorPeriodTaxPositions", Decimal(11000000)) in fy2025
    assert ("UnrecognizedTaxBenefitsReductionsResultingFromLapseOfApplicableStatuteOfLimitations", Decimal(45000000)) in fy2025


def test_a_deduction_shown_in_parentheses_in_a_note_column_is_a_positive_amount(tmp_path_factory):
    """Meta's intangible assets show 'Accumulated Amortization | (247)' beside the gross
    amounts: the taxonomy subtracts accumulated amortization wherever it adds it up, so the
    parentheses show a deduction, 247 (as on a balance sheet)."""
    from converter.mapping.catalog import Catalog
    from converter.mapping.signs import always_subtracted
    catalog = Catalog.load()
    assert always_subtracted(catalog, catalog.concept("FiniteLivedIntangibleAssetsAccumulatedAmortization"))
    assert not always_subtracted(catalog, catalog.concept("FiniteLivedIntangibleAssetsNet"))
    mapping = map_filing(_filing(tmp_path_factory, "meta-10-k-2025-01-30"), exclude_company="meta")
    amortization = [f for f in mapping.facts if f.concept.local == "FiniteLivedIntangibleAssetsAccumulatedAmortization"
                    and f.context.period == Instant(dt.date(2024, 12, 31))]
    assert amortization and all(f.value >= 0 for f in amortization)
    assert {Decimal(247000000), Decimal(478000000)} <= {f.value for f in amortization}


def test_a_deferred_tax_benefit_in_the_tax_note_is_negative(tmp_path_factory):
    """Salesforce's income tax note lists 'Deferred: Federal (982)' among positive current
    taxes: a concept of either nature (an expense or a benefit) shown in parentheses in a
    table that shows its expenses as they are is the benefit, -982, not an expense shown as
    a deduction."""
    mapping = map_filing(_filing(tmp_path_factory, "crm-10-k-2025-03-05"), exclude_company="crm")
    deferred = {f.value for f in mapping.facts if f.concept.local == "DeferredFederalIncomeTaxExpenseBenefit"
                and f.context.period == Duration(dt.date(2024, 2, 1), dt.date(2025, 1, 31)) and not f.context.dimensions}
    assert deferred == {Decimal(-982000000)}


def test_deferred_tax_liabilities_in_parentheses_above_the_net_are_positive(tmp_path_factory):
    """Meta's deferred tax note shows 'Total deferred tax liabilities' in parentheses above
    'Net deferred tax assets': the net subtracts the liabilities, so the parentheses show
    the subtraction and the liabilities are a positive balance, as filed."""
    meta = _filing(tmp_path_factory, "meta-10-k-2025-01-30")
    mapping = map_filing(meta, exclude_company="meta")
    liabilities = [f for f in mapping.facts if f.concept.local == "DeferredIncomeTaxLiabilities"
                   and f.label.startswith("Total deferred tax liabilities")]
    assert liabilities and all(f.value > 0 for f in liabilities)


def test_an_unrealized_loss_shown_in_parentheses_is_a_positive_loss(tmp_path_factory):
    """Apple's marketable securities show 'Unrealized Losses | (1,254)': a concept that
    measures a loss (not a gain or loss) is a positive amount however it is shown."""
    from converter.mapping.catalog import Catalog
    from converter.mapping.signs import loss_amount
    catalog = Catalog.load()
    assert loss_amount(catalog.concept("AvailableForSaleDebtSecuritiesAccumulatedGrossUnrealizedLossBeforeTax"))
    assert not loss_amount(catalog.concept("OtherComprehensiveIncomeLossNetOfTax"))
    assert not loss_amount(catalog.concept("ForeignCurrencyTransactionGainLossBeforeTax"))
    mapping = map_filing(_filing(tmp_path_factory, "aapl-10-q-2025-08-01"), exclude_company="aapl")
    losses = [f for f in mapping.facts if f.concept.local == "AvailableForSaleDebtSecuritiesAccumulatedGrossUnrealizedLossBeforeTax"]
    assert losses and all(f.value >= 0 for f in losses) and any(f.value > 0 for f in losses)


def test_repeated_column_captions_are_read_with_the_headings_over_them(tmp_path_factory):
    """Alphabet's securities in an unrealized loss position: 'Less than 12 Months | 12 Months
    or Greater | Total' over 'Fair Value | Unrealized Loss' each. Read down, the six captions
    name six amounts (R-COL-008..013); the losses, shown in parentheses, are positive."""
    mapping = map_filing(_filing(tmp_path_factory, "googl-10-k-2025-02-05"), exclude_company="googl")
    facts = {(f.concept.local, f.value) for f in mapping.facts if f.label == "Government bonds"
             and f.context.period == Instant(dt.date(2023, 12, 31))}
    assert ("DebtSecuritiesAvailableForSaleContinuousUnrealizedLossPositionLessThan12Months", Decimal(1456000000)) in facts
    assert ("DebtSecuritiesAvailableForSaleContinuousUnrealizedLossPosition12MonthsOrLongerAccumulatedLoss",
            Decimal(657000000)) in facts
    assert ("DebtSecuritiesAvailableForSaleUnrealizedLossPositionAccumulatedLoss", Decimal(679000000)) in facts


def test_total_assets_split_by_fair_value_level_is_their_fair_value(tmp_path_factory):
    """Coca-Cola's fair value table totals its assets under 'Level 1 | Level 2 | Level 3':
    a carrying amount split by fair value level is the fair value (FV-001,
    AssetsFairValueDisclosure); the concepts the file names are in the taxonomy."""
    from converter.mapping.catalog import Catalog
    from converter.mapping.rules import fair_value_concepts
    catalog = Catalog.load()
    assert all(catalog.concept(a) and catalog.concept(b) for a, (_, b) in fair_value_concepts().items())
    mapping = map_filing(_filing(tmp_path_factory, "ko-10-q-2025-07-24"), exclude_company="ko")
    by_level = [f for f in mapping.facts if any(a.local == "FairValueByFairValueHierarchyLevelAxis"
                                                for a, _ in f.context.dimensions)]
    assert any(f.concept.local == "AssetsFairValueDisclosure" for f in by_level)
    assert not any(f.concept.local == "Assets" for f in by_level)


def test_a_reduction_shown_in_parentheses_in_a_note_is_positive_on_a_company_concept(tmp_path_factory):
    """UnitedHealth's medical costs payable roll-forward: 'Payments for current year
    (231,890)' takes a company concept; a line that names a reduction, shown in parentheses,
    is the amount it reduces by (231,890), as the standard settlement and benefits-paid
    concepts are reported (UnitedHealth's own claims-paid concept is). Salesforce's
    restructuring 'Payments (198)' is the standard PaymentsForRestructuring, positive as well."""
    from converter.mapping.signs import REDUCTION
    assert REDUCTION.match("Benefits paid") and REDUCTION.match("Settlements during the period")
    assert not REDUCTION.match("Other") and not REDUCTION.match("Net periodic benefit cost")
    mapping = map_filing(_filing(tmp_path_factory, "unh-10-k-2025-02-27"), exclude_company="unh")
    paid = [f for f in mapping.facts if f.label == "Payments for current year" and mapping.concepts[f.concept].extension
            and f.source.text.startswith("(")]
    assert paid and all(f.value > 0 for f in paid)
    assert Decimal(231890000000) in {f.value for f in paid}
    mapping = map_filing(_filing(tmp_path_factory, "crm-10-k-2025-03-05"), exclude_company="crm")
    paid = [f for f in mapping.facts if f.label == "Payments" and f.source.text.startswith("(")]
    assert paid and all(f.value > 0 and f.concept.local == "PaymentsForRestructuring" for f in paid)


def test_a_note_total_its_title_names_is_not_the_cash_flow_add_back(tmp_path_factory):
    """Tesla's 'stock-based compensation expense by line item' closes with 'Total': the
    rows' learned concept, ShareBasedCompensation, is the cash flow statement's add-back
    (the taxonomy presents it nowhere else); the title names the expense
    (AllocatedShareBasedCompensationExpense), by line item."""
    mapping = map_filing(_filing(tmp_path_factory, "tsla-10-q-2025-07-24"), exclude_company="tsla")
    rows = [f for f in mapping.facts if f.label == "Research and development"
            and any(a.local == "IncomeStatementLocationAxis" for a, _ in f.context.dimensions)]
    assert rows and {f.concept.local for f in rows} == {"AllocatedShareBasedCompensationExpense"}


def test_a_roll_forward_balance_named_before_its_date_takes_that_concept(tmp_path_factory):
    """Amazon's goodwill by segment ('Goodwill - January 1, 2023' ... under 'North America |
    International | AWS | Consolidated'): the balance rows name the balance, Goodwill, where
    the table's title (its header) names none."""
    mapping = map_filing(_filing(tmp_path_factory, "amzn-10-k-2025-02-07"), exclude_company="amzn")
    rows = [f for f in mapping.facts if f.label == "Goodwill - December 31, 2023"]
    assert rows and {f.concept.local for f in rows} == {"Goodwill"}
    assert {f.context.period for f in rows} == {Instant(dt.date(2023, 12, 31))}


def test_derivative_amounts_named_by_captions_over_the_dates(tmp_path_factory):
    """P&G's hedging table: 'Notional Amount | Fair Value Asset | Fair Value (Liability)', each
    over two dates, then rows of contracts. The captions over the dates are the columns'
    own (no header line names six columns), the column rules name the amounts (R-COL-014..016),
    the rows name the risk, and the liabilities the column shows in parentheses are positive."""
    filing = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    table = _table(filing, "Interest rate contracts", "Notional Amount")
    assert [c.label for c in table.columns] == ["Notional Amount"] * 2 + ["Fair Value Asset"] * 2 + \
        ["Fair Value (Liability)"] * 2
    mapping = map_filing(filing, exclude_company="pg")
    march = Instant(dt.date(2025, 3, 31))
    facts = {(f.concept.local, f.value) for f in mapping.facts if f.label == "Interest rate contracts"
             and f.context.period == march and
             (QName.std("us-gaap:DerivativeInstrumentRiskAxis"), QName.std("us-gaap:InterestRateContractMember"))
             in f.context.dimensions}
    assert ("DerivativeNotionalAmount", Decimal(3034000000)) in facts
    assert ("DerivativeFairValueOfDerivativeLiability", Decimal(217000000)) in facts


def test_derivative_column_rules_name_the_amounts(tmp_path_factory):
    """Adobe's 'Fair Value Asset Derivatives | Fair Value Liability Derivatives' under each
    year: the column rules name both amounts (R-COL-015, R-COL-016), not a label's likeness."""
    mapping = map_filing(_filing(tmp_path_factory, "adbe-10-k-2025-01-13"), exclude_company="adbe")
    end = Instant(dt.date(2024, 11, 29))
    total = {f.concept.local: (f.value, f.rule) for f in mapping.facts
             if f.label == "Total derivatives" and f.context.period == end}
    assert total == {"DerivativeFairValueOfDerivativeAsset": (Decimal(129000000), "R-COL-015+columns"),
                     "DerivativeFairValueOfDerivativeLiability": (Decimal(11000000), "R-COL-016+columns")}


def test_a_goodwill_roll_forward_by_segment_dates_goodwill(tmp_path_factory, meta):
    """'Goodwill by reportable segment and activity was as follows:' over 'Balances at
    November 29, 2024' (Adobe), and Meta's table under segment captions introduced by
    'Changes in the carrying amount of goodwill ...': the dated rows are goodwill by segment
    (title rule R-TTL-005, read in the title or the sentence introducing the table)."""
    for filing, company, day in ((_filing(tmp_path_factory, "adbe-10-k-2025-01-13"), "adbe", dt.date(2024, 11, 29)),
                                 (meta, "meta", dt.date(2024, 12, 31))):
        mapping = map_filing(filing, exclude_company=company)
        balances = [f for f in mapping.facts if f.context.period == Instant(day) and f.rule.startswith("R-TTL-005")]
        assert balances and all(f.concept.local == "Goodwill" for f in balances), company
        assert any(axis == SEGMENT_AXIS for f in balances for axis, _ in f.context.dimensions), company


def test_other_in_a_goodwill_roll_forward_is_goodwills_other_change(tmp_path_factory):
    """Home Depot's goodwill roll-forward by segment lists 'Other' between the balances: the
    other increase or decrease of goodwill (R-GDW-005), not the revenue a second choice of
    the bare label had made it."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    mapping = map_filing(hd, exclude_company="hd")
    table = next(t for t in hd.tables if "goodwill" in t.title.lower() and any(r.label == "Other" for r in t.rows))
    others = [f for f in mapping.facts if f.source.table == table.index and f.label == "Other"]
    assert others and {f.concept.local for f in others} == {"GoodwillOtherIncreaseDecrease"}


def test_other_above_a_total_is_that_totals_other_part(tmp_path_factory):
    """Home Depot's deferred taxes: 'Other' closes both the assets and the liabilities before
    their totals. Each is the other part of its total in the standard calculations
    (DeferredTaxAssetsOther under DeferredTaxAssetsGross, DeferredTaxLiabilitiesOther under
    DeferredIncomeTaxLiabilities, or the deferred tax rules of each side), not one learned
    'Other' concept that then conflicts."""
    mapping = map_filing(_filing(tmp_path_factory, "hd-10-k-2025-03-21"), exclude_company="hd")
    day = Instant(dt.date(2025, 2, 2))
    others = {f.concept.local: abs(f.value) for f in mapping.facts
              if f.label == "Other" and f.context.period == day and
              f.rule in ("calc:other", "R-DTX-012", "R-DTX-021")}
    assert others == {"DeferredTaxAssetsOther": Decimal(77000000), "DeferredTaxLiabilitiesOther": Decimal(183000000)}


def test_other_above_a_total_may_be_an_other_part_one_level_down(abbv):
    """AbbVie's 'Other' above 'Accounts payable and accrued liabilities': no child of that
    total is named as other, but accrued liabilities, one of them, adds
    OtherAccruedLiabilitiesCurrent: that is the line (calc:other), not a company concept."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = _table(abbv, "Royalty and license arrangements")
    others = [f for f in mapping.facts if f.source.table == table.index and f.label == "Other"]
    assert others and {(f.concept.local, f.rule) for f in others} == {("OtherAccruedLiabilitiesCurrent", "calc:other")}


def test_lease_settlement_and_award_tax_lines_name_their_concepts(tmp_path_factory):
    """Lines the corpus filers word differently: rules R-NOT-124 and R-NOT-126..128 name
    them, and Apple's 'Income tax benefit related to share-based compensation expense' is
    that benefit, not the income statement's tax expense (which conflicted)."""
    from converter.mapping.rules import match_rule
    expected = {
        "Reductions due to settlements": "UnrecognizedTaxBenefitsDecreasesResultingFromSettlementsWithTaxingAuthorities",
        "Decreases related to settlements of prior year tax positions":
            "UnrecognizedTaxBenefitsDecreasesResultingFromSettlementsWithTaxingAuthorities",
        "Tax settlements": "UnrecognizedTaxBenefitsDecreasesResultingFromSettlementsWithTaxingAuthorities",
        "Lease assets obtained in exchange for new finance lease liabilities":
            "RightOfUseAssetObtainedInExchangeForFinanceLeaseLiability",
        "Property and equipment acquired under finance leases, net of remeasurements and modifications":
            "RightOfUseAssetObtainedInExchangeForFinanceLeaseLiability",
        "Assets obtained in exchange for new operating lease liabilities":
            "RightOfUseAssetObtainedInExchangeForOperatingLeaseLiability",
        "Income tax benefit recognized for equity awards": "EmployeeServiceShareBasedCompensationTaxBenefitFromCompensationExpense",
    }
    assert {label: getattr(match_rule("note", "", label), "concept", None) for label in expected} == expected
    assert match_rule("note", "", "Settlements") is None  # a pension plan's settlements stay theirs
    mapping = map_filing(_filing(tmp_path_factory, "aapl-10-q-2025-08-01"), exclude_company="aapl")
    benefit = [f for f in mapping.facts if f.label.startswith("Income tax benefit related to share-based")]
    assert benefit and {f.concept.local for f in benefit} == {"EmployeeServiceShareBasedCompensationTaxBenefitFromCompensationExpense"}


def test_a_line_that_loses_its_concept_takes_the_next_one_it_is_known_by(tmp_path_factory):
    """Home Depot's Primary segment reports 'Depreciation and amortization' twice: 2,779 among
    its significant expenses and 3,350 (with the depreciation in cost of sales) in the next
    note. Where the first holds the concept for the segment, the second line takes the next
    concept official filings used for its label (DepreciationDepletionAndAmortization), not a
    company concept. (Amazon's operating and finance lease maturities, two tables of the same
    lines, used to need this too; the finance table's column now says whose lease it is:
    column_twins.csv.)"""
    mapping = map_filing(_filing(tmp_path_factory, "hd-10-k-2025-03-21"), exclude_company="hd")
    moved = {(f.concept.local, f.value) for f in mapping.facts
             if f.label == "Depreciation and amortization" and f.rule == "learned:exact+conflict"}
    assert moved == {("DepreciationDepletionAndAmortization", Decimal(3350000000))}
    mapping = map_filing(_filing(tmp_path_factory, "amzn-10-k-2025-02-07"), exclude_company="amzn")
    day = Instant(dt.date(2024, 12, 31))
    present = {f.concept.local: f.value for f in mapping.facts
               if f.label == "Present value of lease liabilities" and f.context.period == day}
    assert present["FinanceLeaseLiability"] == Decimal(10602000000)
    assert "OperatingLeaseLiability" in present


def test_a_roll_forward_of_tax_positions_opens_and_closes_on_unrecognized_tax_benefits(tmp_path_factory):
    """Mastercard's reconciliation of unrecognized tax benefits: 'Beginning balance' and
    'Ending balance' (under the heading 'Reductions' of the movements above it) are
    UnrecognizedTaxBenefits, dated at the start and the end of each year: the table's rule
    names them (R-UTB-006), and where no rule would, the movements between them, tax
    positions, settlements and lapses (R-NOT-120..124), say so (RF-001, roll_forwards.csv;
    Salesforce's 'End of period' under a heading of tax positions, tested above)."""
    from converter.mapping.catalog import Catalog
    from converter.mapping.rules import load_rules, roll_forward_balances
    catalog, rule_ids = Catalog.load(), {rule.id for rule in load_rules()}
    assert all(catalog.concept(balance) and movements <= rule_ids for _, movements, balance in roll_forward_balances())
    mapping = map_filing(_filing(tmp_path_factory, "ma-10-k-2025-02-12"), exclude_company="ma")
    ending = {f.context.period: (f.concept.local, f.value) for f in mapping.facts
              if f.label == "Ending balance" and f.rule in ("R-UTB-006", "RF-001")}
    assert ending[Instant(dt.date(2024, 12, 31))] == ("UnrecognizedTaxBenefits", Decimal(304000000))
    opening = {f.concept.local for f in mapping.facts if f.label == "Beginning balance"
               and f.context.period == Instant(dt.date(2021, 12, 31))}
    assert opening == {"UnrecognizedTaxBenefits"}


def test_a_revenue_block_opening_a_segment_table_is_by_product(tmp_path_factory):
    """Union Pacific's one-segment table opens with 'Bulk / Industrial / Premium / Total
    freight revenues / ... / Total operating revenues' and goes on with the segment's
    expenses: the opening lines are revenue by product (ProductOrServiceAxis), the expense
    lines below the revenue total take no product member."""
    mapping = map_filing(_filing(tmp_path_factory, "unp-10-q-2025-07-24"), exclude_company="unp")
    product = QName.std("srt:ProductOrServiceAxis")
    bulk = [f for f in mapping.facts if f.label == "Bulk"]
    assert bulk and all(f.concept.local.startswith("Revenue") for f in bulk)
    assert all(product in {a for a, _ in f.context.dimensions} for f in bulk)
    assert all(SEGMENT_AXIS in {a for a, _ in f.context.dimensions} for f in bulk)  # still the one segment's
    depreciation = [f for f in mapping.facts if f.label == "Depreciation" and
                    SEGMENT_AXIS in {a for a, _ in f.context.dimensions}]
    assert depreciation and all(product not in {a for a, _ in f.context.dimensions} for f in depreciation)


def test_a_purchase_price_allocation_is_dated_and_named_by_its_acquisition(tmp_path_factory):
    """AbbVie's 'fair value of assets acquired and liabilities assumed as of the acquisition
    date' names no date in its header: the paragraphs above do ('On August 1, 2024, AbbVie
    completed its previously announced acquisition of Cerevel Therapeutics'; not the later
    'finalized during the three months ended December 31, 2024' of ImmunoGen's). Every line
    is the acquired business's (BusinessAcquisitionAxis), takes its business combination
    concept (R-ACQ-*), and a liability assumed shown in parentheses is a positive amount."""
    mapping = map_filing(_filing(tmp_path_factory, "abbv-10-k-2025-02-14"), exclude_company="abbv")
    acquisition = QName.std("us-gaap:BusinessAcquisitionAxis")
    debt = [f for f in mapping.facts if f.label == "Long-term debt" and
            acquisition in {a for a, _ in f.context.dimensions}]
    assert {f.context.period for f in debt} == {Instant(dt.date(2024, 8, 1))}
    immunogen = {f.context.period for f in mapping.facts if f.label == "Goodwill" and
                 acquisition in {a for a, _ in f.context.dimensions}}
    assert immunogen == {Instant(dt.date(2024, 8, 1)), Instant(dt.date(2024, 2, 12))}
    cerevel = next(f for f in debt if f.context.period == Instant(dt.date(2024, 8, 1)))
    assert cerevel.concept.local == \
        "BusinessCombinationRecognizedIdentifiableAssetsAcquiredAndLiabilitiesAssumedNoncurrentLiabilitiesLongTermDebt"
    assert cerevel.value == Decimal(246000000)
    assert [m.local for a, m in cerevel.context.dimensions if a == acquisition] == ["CerevelTherapeuticsMember"]


def test_purchase_price_allocations_in_aggregate_are_by_acquisition(tmp_path_factory):
    """Mastercard's 'fair values of the purchase price allocations in aggregate' name no
    one business: the year's acquisitions together are a company member, each column
    (2024, 2022) dated at its year's end."""
    mapping = map_filing(_filing(tmp_path_factory, "ma-10-k-2025-02-12"), exclude_company="ma")
    acquisition = QName.std("us-gaap:BusinessAcquisitionAxis")
    net = {f.context.period: f.value for f in mapping.facts if f.label == "Net assets acquired" and
           acquisition in {a for a, _ in f.context.dimensions} and f.rule == "R-ACQ-018"}
    assert net == {Instant(dt.date(2024, 12, 31)): Decimal(2781000000), Instant(dt.date(2022, 12, 31)): Decimal(325000000)}


def test_columns_that_place_the_fair_value_on_the_balance_sheet(tmp_path_factory):
    """Tesla's 'Adjusted Cost | Gross Unrealized Gains | Gross Unrealized Losses | Fair Value |
    Cash and Cash Equivalents | Short-Term Investments': the first four captions name amounts,
    the last two say where the fair value sits (BalanceSheetLocationAxis), so 'Adjusted Cost'
    is the amortized cost of the row's securities, not a member of a place."""
    mapping = map_filing(_filing(tmp_path_factory, "tsla-10-q-2025-07-24"), exclude_company="tsla")
    location = QName.std("us-gaap:BalanceSheetLocationAxis")
    paper = [f for f in mapping.facts if f.label == "Commercial paper" and f.context.period == Instant(dt.date(2025, 6, 30))
             and f.rule.endswith("+columns")]
    cost = [f for f in paper if f.concept.local == "AvailableForSaleDebtSecuritiesAmortizedCostBasis"]
    assert [f.value for f in cost] == [Decimal(3107000000)]
    assert location not in {a for a, _ in cost[0].context.dimensions}
    placed = {m.local: f.value for f in paper for a, m in f.context.dimensions if a == location}
    assert placed == {"CashAndCashEquivalentsMember": Decimal(0), "ShortTermInvestmentsMember": Decimal(3110000000)}


def test_a_heading_that_restates_the_concept_adds_no_member(tmp_path_factory):
    """Visa's intangible assets under the heading 'Finite-lived intangible assets': the
    gross amount of 'Customer relationships' is FiniteLivedIntangibleAssetsGross by its class,
    not also of the FiniteLivedIntangibleAssetsMember the heading names."""
    mapping = map_filing(_filing(tmp_path_factory, "v-10-k-2024-11-13"), exclude_company="v")
    gross = [f for f in mapping.facts if f.label == "Customer relationships" and
             f.concept.local == "FiniteLivedIntangibleAssetsGross"]
    assert gross
    assert all(m.local != "FiniteLivedIntangibleAssetsMember" for f in gross for _, m in f.context.dimensions)
    assert all(m.local == "CustomerRelationshipsMember" for f in gross for _, m in f.context.dimensions)


def test_deferred_tax_lines_take_the_concept_of_their_side(tmp_path_factory):
    """Home Depot's deferred taxes list 'Merchandise inventories' under Assets and again under
    Liabilities: each takes its side's deferred tax concept (R-DTX-*, rules of 'note+deferredtax'),
    and a liability shown in parentheses is a positive deferred tax liability."""
    mapping = map_filing(_filing(tmp_path_factory, "hd-10-k-2025-03-21"), exclude_company="hd")
    end = Instant(dt.date(2025, 2, 2))
    facts = [f for f in mapping.facts if f.rule.startswith("R-DTX") and f.context.period == end]
    by = {(f.label, f.concept.local): f.value for f in facts}
    assert ("State income taxes", "DeferredTaxAssetsStateTaxes") in by
    assert ("Merchandise inventories", "DeferredTaxAssetsInventory") in by
    assert ("Merchandise inventories", "DeferredTaxLiabilitiesDeferredExpenseCapitalizedInventoryCosts") in by
    assert by[("Goodwill and other intangibles", "DeferredTaxLiabilitiesGoodwillAndIntangibleAssets")] == \
        Decimal(2200000000)
    assert ("Total deferred tax assets, net of valuation allowance", "DeferredTaxAssetsNet") in by  # R-DTX-022


def test_a_balance_line_in_a_deferred_tax_note_takes_its_sides_concept(tmp_path_factory):
    """Mastercard's deferred tax assets list 'Property and equipment', a balance sheet line by
    its words: under the deferred tax assets it is their part for property (R-DTX-010)."""
    mapping = map_filing(_filing(tmp_path_factory, "ma-10-k-2025-02-12"), exclude_company="ma")
    ppe = {f.concept.local for f in mapping.facts if f.label == "Property and equipment" and f.rule.startswith("R-DTX")}
    assert ppe == {"DeferredTaxAssetsPropertyPlantAndEquipment"}


def test_benefit_plan_roll_forwards_name_their_lines_by_their_heading(tmp_path_factory):
    """AbbVie's pension note repeats 'Beginning of period', 'Benefits paid' and 'End of
    period' under 'Projected benefit obligations' and 'Fair value of plan assets': each takes
    its heading's concept (R-PEN-*, rules of 'note+pension'), and 'Company contributions' is
    the employer's contribution to the plans, not a learned near-label."""
    mapping = map_filing(_filing(tmp_path_factory, "abbv-10-k-2025-02-14"), exclude_company="abbv")
    pension = [f for f in mapping.facts if f.rule.startswith("R-PEN")]
    paid = {f.concept.local for f in pension if f.label == "Benefits paid"}
    assert paid == {"DefinedBenefitPlanBenefitObligationBenefitsPaid", "DefinedBenefitPlanPlanAssetsBenefitsPaid"}
    opening = {f.concept.local for f in pension if f.label == "Beginning of period"
               and f.context.period == Instant(dt.date(2023, 12, 31))}
    assert opening == {"DefinedBenefitPlanBenefitObligation", "DefinedBenefitPlanFairValueOfPlanAssets"}
    assert {f.concept.local for f in pension if f.label == "Company contributions"} == \
        {"DefinedBenefitPlanContributionsByEmployer"}
    assert all(f.value > 0 for f in pension if f.label == "Benefits paid" and f.value)  # "(347)" paid 347


def test_an_unrecognized_tax_benefits_roll_forward_names_its_settlements_and_balances(tmp_path_factory):
    """Nike's 'Unrecognized tax benefits, beginning of the period ... Settlements (5) ...
    UNRECOGNIZED TAX BENEFITS, END OF THE PERIOD': in a roll-forward of unrecognized tax
    benefits (rules of 'note+utb'), a bare 'Settlements' is the decrease from settlements with
    tax authorities, paid as shown, and the closing line the balance at the year's end."""
    mapping = map_filing(_filing(tmp_path_factory, "nke-10-k-2025-07-17"), exclude_company="nke")
    settled = {f.value for f in mapping.facts if f.label == "Settlements" and f.rule == "R-UTB-004"
               and f.concept.local == "UnrecognizedTaxBenefitsDecreasesResultingFromSettlementsWithTaxingAuthorities"}
    assert Decimal(5000000) in settled
    closing = {f.context.period: f.value for f in mapping.facts
               if f.label == "UNRECOGNIZED TAX BENEFITS, END OF THE PERIOD" and f.concept.local == "UnrecognizedTaxBenefits"}
    assert closing.get(Instant(dt.date(2025, 5, 31))) == Decimal(1026000000)


def test_deferred_income_tax_headings_are_deferred_tax_headings(tmp_path_factory):
    """UnitedHealth heads its sides 'Deferred income tax assets' and 'Deferred income tax
    liabilities': the same deferred tax note (NS-001), its lines named by their side."""
    mapping = map_filing(_filing(tmp_path_factory, "unh-10-k-2025-02-27"), exclude_company="unh")
    shares = {f.concept.local for f in mapping.facts if f.label == "Share-based compensation" and f.rule.startswith("R-DTX")}
    assert shares == {"DeferredTaxAssetsTaxDeferredExpenseCompensationAndBenefitsShareBasedCompensationCost"}


def test_revenue_headings_a_company_never_calls_segments_are_products(abbv):
    """AbbVie's net revenues table lists "United States | International | Total" under a
    heading per medicine ("Humira", "Skyrizi"). Revenue is most often split by segment, but
    the table does not speak of segments and the company calls no heading a segment: the
    medicines are products (ProductOrServiceAxis), as the filer tags them."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if any(r.section == "Humira" for r in t.rows))
    humira = [f for f in mapping.facts if f.source.table == table.index and
              table.rows[f.source.row].section == "Humira"]
    assert humira
    for f in humira:
        dims = {a.local: m.local for a, m in f.context.dimensions}
        assert dims.get("ProductOrServiceAxis") == "HumiraMember" and "StatementBusinessSegmentsAxis" not in dims


def test_a_number_of_years_is_no_amount(tmp_path_factory):
    """Amazon's intangible assets table ends with a column "Weighted Average Life Remaining"
    (16.8, 10.9 ...) under the table's "in millions": a number of years is an XBRL duration,
    not 16.8 million dollars, so its cells take no numeric fact; the amounts beside them do."""
    filing = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(filing, exclude_company="amzn")
    table = _table(filing, "Marketing-related", "Weighted Average Life Remaining")
    life = next(c.index for c in table.columns if c.label == "Weighted Average Life Remaining")
    columns = {f.source.column for f in mapping.facts if f.source.table == table.index}
    assert life not in columns and {0, 1, 2} <= columns


def test_intangible_classes_under_gross_accumulated_and_net_columns(tmp_path_factory):
    """Amazon's "Acquired Intangibles, Gross | Accumulated Amortization | Acquired
    Intangibles, Net" columns name the three amounts (R-COL-005..007), and its rows the
    classes: "Marketing-related" is the MarketingRelatedIntangibleAssetsMember once the
    words of the class axis ("Finite Lived Intangible Assets by Major Class") are added."""
    filing = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(filing, exclude_company="amzn")
    table = _table(filing, "Marketing-related", "Accumulated Amortization")
    marketing = [f for f in mapping.facts if f.source.table == table.index and f.label == "Marketing-related"]
    assert {f.concept.local for f in marketing} == \
        {"FiniteLivedIntangibleAssetsGross", "FiniteLivedIntangibleAssetsAccumulatedAmortization",
         "FiniteLivedIntangibleAssetsNet"}
    assert {m.local for f in marketing for _, m in f.context.dimensions} == {"MarketingRelatedIntangibleAssetsMember"}


def test_revenue_from_the_opening_deferred_revenue_is_a_flow(tmp_path_factory):
    """Apple's "Portion of total net sales that was included in deferred revenue as of the
    beginning of the period" is revenue recognized over the column's quarter or nine months
    (R-NOT-137), not a balance at the period's start."""
    filing = _filing(tmp_path_factory, "aapl-10-q-2025-08-01")
    mapping = map_filing(filing, exclude_company="aapl")
    facts = [f for f in mapping.facts if f.label.startswith("Portion of total net sales that was included")]
    assert facts and {f.concept.local for f in facts} == {"ContractWithCustomerLiabilityRevenueRecognized"}
    assert Duration(dt.date(2025, 3, 30), dt.date(2025, 6, 28)) in {f.context.period for f in facts}


def test_pension_amounts_recognized_on_the_balance_sheet_are_balances(abbv):
    """Under "Amounts recognized on the consolidated balance sheets" AbbVie's pension table
    names the balance sheet lines the plans sit in: "Accounts payable and accrued
    liabilities" is the plans' current liability, "Other long-term liabilities" the
    noncurrent one, "Accumulated other comprehensive loss (income)" the plans' AOCI, each at
    the year end (R-PEN-023..025), not a change over the year."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if any(r.label == "Funded status, end of period" for r in t.rows) and
                 any(r.label == "Accounts payable and accrued liabilities" for r in t.rows))
    by_label = {}
    for f in mapping.facts:
        if f.source.table == table.index:
            by_label.setdefault(f.label, set()).add((f.concept.local, type(f.context.period).__name__))
    assert by_label["Accounts payable and accrued liabilities"] == \
        {("PensionAndOtherPostretirementDefinedBenefitPlansCurrentLiabilities", "Instant")}
    assert by_label["Other long-term liabilities"] == \
        {("PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent", "Instant")}
    assert by_label["Accumulated other comprehensive loss (income)"] == \
        {("DefinedBenefitPlanAccumulatedOtherComprehensiveIncomeBeforeTax", "Instant")}


def test_expected_benefit_payments_are_a_maturity_schedule_at_the_year_end(abbv):
    """AbbVie's "years ending December 31 | Defined benefit plans | Other post-employment
    plans" over the rows 2025 ... 2029, "2030 to 2034": the stub's date names the rows'
    years, not two columns a year apart; each row is a year of the expected benefit payments
    (MAT-BEN; "2030 to 2034" the five years after), owed at the balance sheet date."""
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if any(r.label == "2030 to 2034" for r in t.rows))
    assert {c.period for c in table.columns} == {Instant(dt.date(2024, 12, 31))}
    facts = {(f.label, f.concept.local) for f in mapping.facts if f.source.table == table.index}
    assert ("2025", "DefinedBenefitPlanExpectedFutureBenefitPaymentsNextTwelveMonths") in facts
    assert ("2030 to 2034", "DefinedBenefitPlanExpectedFutureBenefitPaymentsFiveFiscalYearsThereafter") in facts


def test_copied_balance_captions_shown_twice_are_two_year_ends(tmp_path_factory):
    """Mastercard's copied intangible assets table has only the caption line "Gross Carrying
    AmountAccumulated AmortizationNet Carrying Amount" twice, its year row lost: the first
    run is at the year end, the second at the year end before, not both at the period end
    (where the two years' amounts would clash)."""
    filing = detect(read(stripped(tmp_path_factory.mktemp("ma"), "ma-10-k-2025-02-12", "text-noyears")),
                    exclude_company="ma")
    table = next(t for t in filing.tables if [c.label for c in t.columns] ==
                 ["Gross Carrying Amount", "Accumulated Amortization", "Net Carrying Amount"] * 2)
    assert [c.period for c in table.columns] == [Instant(dt.date(2024, 12, 31))] * 3 + [Instant(dt.date(2023, 12, 31))] * 3


def test_awards_expected_to_vest_are_held_at_the_year_end(tmp_path_factory):
    """Adobe's restricted stock unit activity ends with "Expected to vest", a cell no award
    rule names: what is expected to vest is held at the year end (an instant), not a grant
    over the year that a near label had made it."""
    filing = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    mapping = map_filing(filing, exclude_company="adbe")
    expected = [f for f in mapping.facts if f.label == "Expected to vest" and f.value == Decimal("534.75")]
    assert expected and all(f.context.period == Instant(dt.date(2024, 11, 29)) for f in expected)


def test_the_total_column_beside_fair_value_levels_is_fair_value_too(tmp_path_factory):
    """Adobe's assets measured at fair value: a total column, then "Quoted Prices in Active
    Markets ... | Significant Other Observable Inputs | Significant Unobservable Inputs". The
    level columns' amounts are fair values (FV-001), and so is the total of the levels
    beside them, not the balance sheet's total assets split by instrument."""
    filing = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    mapping = map_filing(filing, exclude_company="adbe")
    table = next(t for t in filing.tables if t.title.startswith("Quoted Prices in Active Markets") and
                 any(r.label == "Corporate debt securities" for r in t.rows))
    corporate = {(f.source.column, f.concept.local) for f in mapping.facts
                 if f.source.table == table.index and f.label == "Corporate debt securities"}
    assert (0, "AssetsFairValueDisclosure") in corporate and not any(c == "Assets" for _, c in corporate)


def test_lease_lines_named_by_their_kind_of_lease_heading(tmp_path_factory):
    """AbbVie's lease balances list 'Current' and 'Noncurrent' under 'Operating' and again under
    'Finance': in a note of operating and finance leases (NS-004) each takes its kind's
    liability (R-LSE-*), not a company concept left over from their conflict."""
    mapping = map_filing(_filing(tmp_path_factory, "abbv-10-k-2025-02-14"), exclude_company="abbv")
    day = Instant(dt.date(2024, 12, 31))
    current = {f.concept.local: f.value for f in mapping.facts if f.label == "Current" and f.rule.startswith("R-LSE")
               and f.context.period == day}
    assert current == {"OperatingLeaseLiabilityCurrent": Decimal(178000000), "FinanceLeaseLiabilityCurrent": Decimal(17000000)}


def test_segment_rows_under_line_item_columns_are_segments(tmp_path_factory):
    """Procter & Gamble's segment table is turned on its side: its rows are the segments
    (each over a row per year, "Beauty | 2025 | $3,490"), its columns the amounts ("Net Sales |
    Earnings/(Loss) Before Income Taxes | Net Earnings/(Loss)"). The columns name the concepts,
    the rows the segments; "Corporate" is a reconciling item, and the segments beside it are
    also the operating segments on ConsolidationItemsAxis, as filers tag them."""
    filing = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    mapping = map_filing(filing, exclude_company="pg")
    table = _table(filing, "Fabric & Home Care", "Net Sales")
    consolidation = QName.std("srt:ConsolidationItemsAxis")
    facts = [f for f in mapping.facts if f.source.table == table.index]
    beauty = [f for f in facts if f.label == "Beauty"]
    assert len(beauty) == 12
    for f in beauty:
        dims = dict(f.context.dimensions)
        assert dims[SEGMENT_AXIS].local == "BeautyMember"
        assert dims[consolidation] == QName.std("us-gaap:OperatingSegmentsMember")
    assert {f.concept.local for f in beauty if f.value == Decimal(3490000000)} == \
        {"RevenueFromContractWithCustomerExcludingAssessedTax"}
    assert {f.context.period for f in beauty if f.value == Decimal(3490000000)} == \
        {Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31))}
    corporate = {f.context.dimensions for f in facts if f.label == "Corporate"}
    assert corporate == {((consolidation, QName.std("us-gaap:CorporateNonSegmentMember")),)}


def test_segment_columns_beside_corporate_are_operating_segments(tmp_path_factory):
    """UnitedHealth's segment table has a column per segment and one "Corporate and
    Eliminations" (a reconciling item, CorporateNonSegmentMember): the segments beside it
    are the operating segments on ConsolidationItemsAxis too, as filers tag them; the
    consolidated column has neither (the product and service lines' members aside)."""
    filing = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    mapping = map_filing(filing, exclude_company="unh")
    table = _table(filing, "Total revenues - unaffiliated customers", "Corporate and Eliminations")
    consolidation = QName.std("srt:ConsolidationItemsAxis")
    by_column = {}
    for f in mapping.facts:
        if f.source.table == table.index:
            by_column.setdefault(table.columns[f.source.column].label, set()).add(
                tuple(pair for pair in f.context.dimensions if pair[0].local != "ProductOrServiceAxis"))
    for dims in by_column["Optum Health"]:
        assert dict(dims)[consolidation] == QName.std("us-gaap:OperatingSegmentsMember")
        assert dict(dims)[SEGMENT_AXIS].local == "OptumHealthMember"
    assert by_column["Corporate and Eliminations"] == \
        {((consolidation, QName.std("us-gaap:CorporateNonSegmentMember")),)}
    assert by_column["Consolidated"] == {()}
    # and a segment group's "Optum Eliminations" is the intersegment elimination (M-CON-002)
    assert by_column["Optum Eliminations"] == {((consolidation, QName.std("us-gaap:IntersegmentEliminationMember")),)}


def test_a_copied_table_going_on_under_a_segment_tables_captions_is_by_segment(tmp_path_factory):
    """Coca-Cola's copied six-month segment table has no sentence of its own over it; it
    goes on under the caption line of the three months' table, whose sentence ('Information
    about our Company's operations by operating segment and Corporate is as follows (in
    millions):') it takes with its scale: its captions name segments, not regions."""
    filing = detect(read(stripped(tmp_path_factory.mktemp("ko"), "ko-10-q-2025-07-24", "text-noyears")),
                    exclude_company="ko")
    mapping = map_filing(filing, exclude_company="ko")
    six = next(t for t in filing.tables if any(r.label == "Third party" for r in t.rows) and
               any(h.startswith("Six Months Ended") for h in t.raw.header))
    latin = next(c.index for c in six.columns if c.label == "Latin America")
    dims = {f.context.dimensions for f in mapping.facts if f.source.table == six.index and f.source.column == latin}
    assert dims and all(d[0][0] == SEGMENT_AXIS for d in dims)


def test_a_copied_maturity_schedule_by_year_columns(tmp_path_factory):
    """Amazon's copied commitments table heads its columns '2025 2026 2027 2028 2029
    ThereafterTotal' (one line, no header cells): the words are the columns' captions, each
    amount the family's concept for its year, owed at the balance sheet date (copied text
    dated the columns as past years)."""
    filing = detect(read(stripped(tmp_path_factory.mktemp("amzn"), "amzn-10-k-2025-02-07", "text-noyears")),
                    exclude_company="amzn")
    mapping = map_filing(filing, exclude_company="amzn")
    leases = {f.concept.local: (f.context.period, f.value) for f in mapping.facts
              if f.label == "Operating lease liabilities" and f.concept.local.startswith("LesseeOperatingLease")}
    balance_date = Instant(dt.date(2024, 12, 31))
    assert leases["LesseeOperatingLeaseLiabilityPaymentsDueNextTwelveMonths"] == (balance_date, Decimal(12002000000))
    assert leases["LesseeOperatingLeaseLiabilityPaymentsDueAfterYearFive"] == (balance_date, Decimal(44443000000))


def test_senior_notes_named_with_more_words_are_of_the_senior_notes_type(abbv):
    """AbbVie's '2.125% senior euro notes due 2029 (€550 principal)' is an instrument of its
    own on DebtInstrumentAxis and, like '4.25% senior notes due 2028', of the senior notes
    type of debt (LongtermDebtTypeAxis), as filed."""
    mapping = map_filing(abbv, exclude_company="abbv")
    euro = [f for f in mapping.facts if f.label.lower().startswith("2.125% senior euro notes due 2029")]
    assert euro
    for fact in euro:
        dims = {a.local: m for a, m in fact.context.dimensions}
        assert "DebtInstrumentAxis" in dims
        assert dims.get("LongtermDebtTypeAxis") == QName.std("us-gaap:SeniorNotesMember")


def test_a_copied_sentence_introducing_a_one_segment_table_names_the_segment(tmp_path_factory):
    """Mastercard's copied 'The following represents the selected financial information
    regularly reviewed by the CODM to assess performance of the Payment Solutions segment
    ...:' is the sentence introducing the table, as its paragraph is in the HTML; it says the
    numbers are the one segment's (a company member of the segments axis)."""
    src = stripped(tmp_path_factory.mktemp("ma"), "ma-10-k-2025-02-12", "text-noyears")
    filing = detect(read(src), exclude_company="ma")
    table = _table(filing, "Personnel")
    assert "CODM" in table.raw.context_before[-1]
    facts = [f for f in map_filing(filing, exclude_company="ma").facts if f.source.table == table.index]
    assert facts and all(any(a.local == "StatementBusinessSegmentsAxis" for a, _ in f.context.dimensions)
                         for f in facts)


def test_book_and_fair_value_columns_are_measurement_bases_beside_the_levels(abbv, tmp_path_factory):
    """AbbVie's debt at fair value: 'Book value | Approximate fair values | (Level 1) |
    (Level 2) | (Level 3)': the first two are the carrying amount and the estimate of fair
    value on the measurement basis axis, not company members of the hierarchy levels, and the
    levels split the fair value. Home
    Depot's 'Carrying Amount' alone over its debt table's dates takes no basis member."""
    mapping = map_filing(abbv, exclude_company="abbv")
    current = [f for f in mapping.facts if f.label.startswith("Current portion of long-term debt and finance lease")
               and f.context.dimensions]
    bases = {m.local for f in current for a, m in f.context.dimensions if a.local == "FairValueByMeasurementBasisAxis"}
    assert bases == {"CarryingReportedAmountFairValueDisclosureMember", "EstimateOfFairValueFairValueDisclosureMember"}
    levels = [f for f in current if any(a.local == "FairValueByFairValueHierarchyLevelAxis" for a, _ in f.context.dimensions)]
    assert levels and not any(m.prefix != "us-gaap" for f in levels for a, m in f.context.dimensions)
    # the levels split the fair value: they are on its basis too
    assert all(("FairValueByMeasurementBasisAxis", "EstimateOfFairValueFairValueDisclosureMember") in
               {(a.local, m.local) for a, m in f.context.dimensions} for f in levels)
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    assert not any(a.local == "FairValueByMeasurementBasisAxis" for f in map_filing(hd, exclude_company="hd").facts
                   for a, _ in f.context.dimensions if f.label.startswith("Total senior notes"))


def test_a_purchase_under_dated_columns_is_a_flow_over_the_year(tmp_path_factory):
    """UnitedHealth's segment table dates its columns "December 31, 2024" and lists, beside
    the assets, "Purchases of property, equipment and capitalized software": no standard
    concept is near enough, so the company concept made for it is a duration (the year to
    that date), not a balance at the column's date. An opening balance is a balance."""
    from converter.mapping import Mapper
    from converter.model import PeriodType
    filing = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    mapping = map_filing(filing, exclude_company="unh")
    purchases = [f for f in mapping.facts if f.label.startswith("Purchases of property, equipment")]
    assert purchases and all(isinstance(f.context.period, Duration) for f in purchases)
    assert Mapper(filing, exclude_company="unh")._likely_period("Total assets", PeriodType.INSTANT) is PeriodType.INSTANT
    # under columns of years alone, the medical costs payable roll-forward's opening line is a balance
    opening = [f for f in mapping.facts if f.label == "Medical costs payable, beginning of period"]
    assert opening and all(isinstance(f.context.period, Instant) for f in opening)


def test_a_debt_tables_uncaptioned_percentages_are_the_notes_stated_rates(tmp_path_factory):
    """Mastercard's debt table prints each note's coupon before its description, under no
    caption ("4.100 % | Senior Notes due January 2028 | $ 750 | $ — | 4.262 %"): the stated
    rate of that note (R-COL-025); the captioned "Effective Interest Rate" column the effective one."""
    filing = _filing(tmp_path_factory, "ma-10-k-2025-02-12")
    mapping = map_filing(filing, exclude_company="ma")
    debt = _table(filing, "Senior Notes due January 2032")
    row = next(r for r in debt.rows if r.label == "Senior Notes due January 2032")
    rates = {f.source.column: (f.concept.local, f.value) for f in mapping.facts
             if f.source.table == debt.index and f.source.row == row.index and f.concept.local.endswith("Percentage")}
    assert rates == {0: ("DebtInstrumentInterestRateStatedPercentage", Decimal("0.04350")),
                     3: ("DebtInstrumentInterestRateEffectivePercentage", Decimal("0.04446"))}


def test_debt_rows_take_the_type_of_notes_the_sentence_above_names(tmp_path_factory):
    """Amazon's debt rows say "2014 Notes issuance of $6.0 billion"; the sentence above the
    table says they are "unsecured senior notes": each row is a senior note as well as an
    instrument of its own."""
    filing = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(filing, exclude_company="amzn")
    debt = _table(filing, "2014 Notes issuance of $6.0 billion")
    types = {m for f in mapping.facts if f.source.table == debt.index and f.label.startswith("2014 Notes")
             for a, m in f.context.dimensions if a.local == "LongtermDebtTypeAxis"}
    assert types == {QName.std("us-gaap:SeniorNotesMember")}


def test_a_list_of_notes_totals_to_long_term_debt(tmp_path_factory):
    """NVIDIA's notes ("3.20% Notes Due 2026", ...) add up to a "Net long-term carrying amount"
    that a near label of another filing would make an equity security: under a list of debt
    instruments the total is the long-term debt (R-DBT-003)."""
    filing = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(filing, exclude_company="nvda")
    debt = _table(filing, "3.20% Notes Due 2026")
    total = {f.concept.local for f in mapping.facts if f.source.table == debt.index
             and f.label == "Net long-term carrying amount"}
    assert total == {"LongTermDebt"}


def test_an_award_roll_forward_over_three_years_dates_each_years_lines(tmp_path_factory):
    """Amazon's RSU table runs "Outstanding as of January 1, 2022 / Units granted / ... /
    Outstanding as of December 31, 2022 / Units granted / ..." down to 2024 in one column:
    the lines between two balances are the year between them, each balance its own date."""
    filing = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    units = _table(filing, "Outstanding as of January 1, 2022")
    granted = [r.period_override for r in units.rows if r.label == "Units granted"]
    assert granted == [Duration(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in (2022, 2023, 2024)]
    assert units.rows[0].period_override == Instant(dt.date(2021, 12, 31))


def test_award_lines_after_the_closing_balance_keep_their_own_date_and_kind(tmp_path_factory):
    """Visa's and Mastercard's unit tables open and close on "Outstanding as of <date>" rows,
    so their rows date them; the unit counts keep their own scale (the header's "(in millions)"
    is not theirs) and Mastercard's "RSUs expected to vest at December 31, 2024" is a balance
    at that date, its grant-date fair value a price per unit."""
    visa = _filing(tmp_path_factory, "v-10-k-2024-11-13")
    granted = {f.value for f in map_filing(visa, exclude_company="v").facts
               if f.label == "Granted" and f.concept.local.endswith("OtherThanOptionsGrantsInPeriod")}
    assert Decimal("3221842") in granted
    ma = _filing(tmp_path_factory, "ma-10-k-2025-02-12")
    expected = [f for f in map_filing(ma, exclude_company="ma").facts
                if f.label.startswith("RSUs expected to vest at December 31, 2024")]
    assert expected and all(f.context.period == Instant(dt.date(2024, 12, 31)) for f in expected)
    assert Decimal("403") in {f.value for f in expected}


def test_a_margin_under_dated_columns_is_a_flow_over_the_year(tmp_path_factory):
    """Adobe's segment table dates its columns "November 29, 2024" and gives each segment's
    "Gross profit as a percentage of revenue": a ratio of flows, so the company concept made
    for it is a duration over the fiscal year, not a balance at the date."""
    filing = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    margins = [f for f in map_filing(filing, exclude_company="adbe").facts
               if f.label == "Gross profit as a percentage of revenue"]
    assert margins and all(isinstance(f.context.period, Duration) for f in margins)


def test_a_balance_named_with_at_and_its_date_dates_its_row(tmp_path_factory):
    """P&G's goodwill roll-forward runs from "Goodwill at June 30, 2024" to "Goodwill at March
    31, 2025" under columns of segments dated by the report: the rows are balances at their
    own dates and the lines between them the nine months between (NAMED_BALANCE)."""
    filing = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    goodwill = _table(filing, "Goodwill at June 30, 2024")
    periods = {r.label: r.period_override for r in goodwill.rows}
    assert periods["Goodwill at June 30, 2024"] == Instant(dt.date(2024, 6, 30))
    assert periods["Translation and other"] == Duration(dt.date(2024, 7, 1), dt.date(2025, 3, 31))
    opening = {f.concept.local for f in map_filing(filing, exclude_company="pg").facts
               if f.label == "Goodwill at June 30, 2024"}
    assert opening == {"Goodwill"}


def test_a_cash_flow_line_gives_its_concept_to_the_tax_notes_total_deferred(tmp_path_factory):
    """Adobe's cash flow adds back "Deferred income taxes" of (426) for fiscal 2023 and its
    tax note totals deferred tax expense at (422): the one concept cannot hold both, and the
    statement's line, which also carries tax credits, takes DeferredIncomeTaxesAndTaxCredits
    (statement_alternates.csv) while the note keeps DeferredIncomeTaxExpenseBenefit."""
    mapping = map_filing(_filing(tmp_path_factory, "adbe-10-k-2025-01-13"), exclude_company="adbe")
    year = Duration(dt.date(2022, 12, 3), dt.date(2023, 12, 1))
    by_concept = {}
    for f in mapping.facts:
        if f.context.period == year and not f.context.dimensions and \
                f.concept.local in ("DeferredIncomeTaxExpenseBenefit", "DeferredIncomeTaxesAndTaxCredits"):
            by_concept.setdefault(f.concept.local, set()).add(f.value)
    assert by_concept == {"DeferredIncomeTaxExpenseBenefit": {Decimal(-422000000)},
                          "DeferredIncomeTaxesAndTaxCredits": {Decimal(-426000000)}}


def test_a_roll_forward_line_that_opens_on_beginning_is_the_balance_a_year_before(tmp_path_factory):
    """Alphabet's unrecognized tax benefits: "Beginning gross unrecognized tax benefits" under
    the 2024 column is the balance at December 31, 2023 (9,438), the same the 2023 column
    ends on, not a second value at the column's own end."""
    mapping = map_filing(_filing(tmp_path_factory, "googl-10-k-2025-02-05"), exclude_company="googl")
    balances = {}
    for f in mapping.facts:
        if f.concept.local == "UnrecognizedTaxBenefits" and not f.context.dimensions:
            balances.setdefault(f.context.period, set()).add(f.value)
    assert balances[Instant(dt.date(2023, 12, 31))] == {Decimal(9438000000)}
    assert balances[Instant(dt.date(2021, 12, 31))] == {Decimal(5158000000)}


def test_a_maturity_table_measures_its_rows_by_cost_and_by_fair_value(tmp_path_factory):
    """Amazon's contractual maturities of debt securities: "Amortized Cost | Estimated Fair
    Value" over "Due within one year" and later buckets; each column is its own measure of
    the bucket (measure_columns.csv), AmortizedCost and FairValue, not one concept holding
    two values."""
    mapping = map_filing(_filing(tmp_path_factory, "amzn-10-k-2025-02-07"), exclude_company="amzn")
    at = Instant(dt.date(2024, 12, 31))
    values = {f.concept.local: f.value for f in mapping.facts if f.context.period == at and not f.context.dimensions
              and f.concept.local.startswith("AvailableForSaleSecuritiesDebtMaturitiesWithinOneYear")}
    assert values == {"AvailableForSaleSecuritiesDebtMaturitiesWithinOneYearAmortizedCost": Decimal(78065000000),
                      "AvailableForSaleSecuritiesDebtMaturitiesWithinOneYearFairValue": Decimal(78046000000)}


def test_measure_columns_name_measures_the_taxonomy_pairs():
    """Every measure ending of measure_columns.csv is the ending of a us-gaap name whose
    other measure the taxonomy also has (AvailableForSale...WithinOneYear AmortizedCost and
    FairValue), and ids are unique."""
    from converter.mapping.catalog import Catalog
    from converter.mapping.rules import measure_columns
    rules, names = measure_columns(), {c.qname.local for c in Catalog.load().concepts()}
    assert rules and len({r.id for r in rules}) == len(rules)
    for rule in rules:
        others = [s for r in rules if r is not rule for s in r.suffixes]
        assert any(name.endswith(suffix) and any(name[:-len(suffix)] + o in names for o in others)
                   for suffix in rule.suffixes for name in names), rule.id


def test_amounts_that_agree_once_rounded_are_one_amount_not_a_conflict(tmp_path_factory):
    """Adobe's income statement shows diluted shares of 450 million for fiscal 2024 and its
    net income per share note 449.7 million: rounded to the statement's millions they
    agree, so both keep WeightedAverageNumberOfDilutedSharesOutstanding (XBRL's consistent
    duplicates), each with its own decimals, instead of the note's becoming a company concept."""
    mapping = map_filing(_filing(tmp_path_factory, "adbe-10-k-2025-01-13"), exclude_company="adbe")
    year = Duration(dt.date(2023, 12, 2), dt.date(2024, 11, 29))
    diluted = {(f.value, f.decimals) for f in mapping.facts if f.context.period == year and not f.context.dimensions
               and f.concept.local == "WeightedAverageNumberOfDilutedSharesOutstanding"}
    assert diluted == {(Decimal(450000000), -6), (Decimal(449700000), -5)}


def test_notes_of_one_label_are_told_apart_by_their_maturity(tmp_path_factory):
    """Netflix lists "3.625% Senior Notes" three times (due June 2025, May 2027 and June
    2030, in "Issuance Date | Maturity" columns of words): each is a debt instrument of its
    own, named with its maturity, so their principal amounts keep DebtInstrumentFaceAmount
    instead of colliding into company concepts."""
    filing = _filing(tmp_path_factory, "nflx-10-q-2025-07-18")
    mapping = map_filing(filing, exclude_company="nflx")
    rows = [f for f in mapping.facts if f.label == "3.625% Senior Notes" and f.context.period == Instant(dt.date(2024, 12, 31))]
    members = {m.local for f in rows for a, m in f.context.dimensions if a.local == "DebtInstrumentAxis"}
    assert len(members) == 3 and any("2030" in m for m in members)
    assert not [f for f in rows if f.rule == "extension:conflict"]


def test_a_one_line_schedule_on_its_side_is_a_table_in_its_scale(tmp_path_factory):
    """Visa's "2025 | 2026 | 2027 | 2028 | 2029 | Thereafter | Total" over "(in millions)"
    and one line, "Estimated future amortization expense $701 ...": a table of one row
    under a header of years and "Thereafter" is still a table (one row is otherwise none),
    its "(in millions)" is its scale and no caption of a year, and each column is the
    amortization due in that year."""
    mapping = map_filing(_filing(tmp_path_factory, "v-10-k-2024-11-13"), exclude_company="v")
    due = {f.concept.local: f.value for f in mapping.facts if f.label == "Estimated future amortization expense"
           and f.context.period == Instant(dt.date(2024, 9, 30)) and f.rule.startswith("MAT-AMZ")}
    assert due["FiniteLivedIntangibleAssetsAmortizationExpenseNextTwelveMonths"] == Decimal(701000000)
    assert due["FiniteLivedIntangibleAssetsAmortizationExpenseAfterYearFive"] == Decimal(142000000)


def test_a_two_class_per_share_note_tells_its_basic_part_from_its_diluted_part(tmp_path_factory):
    """Alphabet's net income per share note by class of stock repeats "Net income" and
    "Number of shares used in per share computation" under "Numerator:" and "Denominator:"
    in a basic and a diluted part: the part's heading above those headings says which
    (R-TWO-*, rules of two-class tables), so the diluted part's lines are the diluted amounts."""
    mapping = map_filing(_filing(tmp_path_factory, "googl-10-k-2025-02-05"), exclude_company="googl")
    year = Duration(dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    class_a = {}
    for f in mapping.facts:
        if f.context.period == year and [m.local for _, m in f.context.dimensions] == ["CommonClassAMember"]:
            class_a.setdefault(f.concept.local, set()).add(f.value)
    assert class_a["NetIncomeLossAvailableToCommonStockholdersBasic"] == {Decimal(27518000000)}
    assert class_a["NetIncomeLossAvailableToCommonStockholdersDiluted"] == {Decimal(31360000000)}
    assert class_a["WeightedAverageNumberOfSharesOutstandingBasic"] == {Decimal(5994000000)}
    assert class_a["WeightedAverageNumberOfDilutedSharesOutstanding"] == {Decimal(6881000000)}


def test_assets_and_liabilities_columns_of_a_derivatives_table_are_derivative_amounts(tmp_path_factory):
    """Alphabet's derivatives at fair value: "Assets(1) | Liabilities(2)" under each date over
    foreign exchange and other contracts. In a table about derivatives (NS-011) those
    captions, read without their footnote marks, are derivative assets and liabilities
    (R-COL-031..032), not the total assets and liabilities members of a concentration
    benchmark."""
    mapping = map_filing(_filing(tmp_path_factory, "googl-10-k-2025-02-05"), exclude_company="googl")
    rows = [f for f in mapping.facts if f.label == "Other contracts" and f.context.period == Instant(dt.date(2023, 12, 31))
            and any(m.local == "NondesignatedMember" for _, m in f.context.dimensions)
            and f.concept.local != "DerivativeNotionalAmount"]  # the notional amounts' table
    assert {f.concept.local: f.value for f in rows} == {"DerivativeFairValueOfDerivativeAsset": Decimal(114000000),
                                                         "DerivativeFairValueOfDerivativeLiability": Decimal(47000000)}
    assert not [f for f in rows for a, _ in f.context.dimensions if a.local == "ConcentrationRiskByBenchmarkAxis"]


def test_lines_under_a_heading_its_own_total_closes_are_members_of_that_total(tmp_path_factory):
    """UnitedHealth's fair value table by level lists "U.S. government and agency
    obligations", "State and municipal obligations", ... under "Debt securities -
    available-for-sale", closed by "Total debt securities - available-for-sale", among
    other lines (cash, equity securities, a percentage row): the heading's lines name no
    concept of their own but instruments, members under the total's concept."""
    mapping = map_filing(_filing(tmp_path_factory, "unh-10-k-2025-02-27"), exclude_company="unh")
    level_1 = {(f.concept.local, f.value) for f in mapping.facts
               if f.label == "U.S. government and agency obligations" and f.context.period == Instant(dt.date(2024, 12, 31))
               and {m.local for _, m in f.context.dimensions} >= {"FairValueInputsLevel1Member"}}
    assert ("AvailableForSaleSecuritiesDebtSecurities", Decimal(4194000000)) in level_1
    members = {m.local for f in mapping.facts if f.label == "U.S. government and agency obligations"
               and f.concept.local == "AvailableForSaleSecuritiesDebtSecurities" for _, m in f.context.dimensions}
    assert "USTreasuryAndGovernmentMember" in members


def test_property_by_geography_takes_the_concept_its_title_names(tmp_path_factory):
    """Mastercard's "geographical location of the Company's property, equipment and
    right-of-use assets, net, as of December 31" lists United States, Other countries and a
    bare "Total" under three years: the title names the amounts (R-TTL-009), so the total is
    PropertyPlantAndEquipmentNet instead of a company concept, each region its member, and
    the years are the balances at their ends."""
    mapping = map_filing(_filing(tmp_path_factory, "ma-10-k-2025-02-12"), exclude_company="ma")
    net = {(f.context.period, tuple(m.local for _, m in f.context.dimensions)): f.value for f in mapping.facts
           if f.concept.local == "PropertyPlantAndEquipmentNet" and f.rule.startswith("R-TTL-009")}
    assert net[(Instant(dt.date(2024, 12, 31)), ("US",))] == Decimal(1095000000)
    assert net[(Instant(dt.date(2022, 12, 31)), ())] == Decimal(2006000000)


def test_an_outstanding_column_is_the_count_of_an_award_activity_table(tmp_path_factory):
    """Salesforce's restricted stock activity captions its counts 'Outstanding (in millions)'
    beside 'Weighted Average Grant Date Fair Value': the count of units, so the table is
    award activity and its balances the nonvested units at the dates the rows name."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if "Restricted stock activity" in t.title)
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    opening = facts[("Balance as of January 31, 2024", 0)]
    assert opening.concept.local == \
        "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsNonvestedNumber"
    assert opening.context.period == Instant(dt.date(2024, 1, 31)) and opening.value == Decimal(28_000_000)
    granted = facts[("Granted - restricted stock units and awards", 0)]
    assert granted.concept.local.endswith("OtherThanOptionsGrantsInPeriod")


def test_an_award_table_with_a_group_of_columns_per_award(tmp_path_factory):
    """Walmart's activity of 'Restricted Stock Units' and 'Restricted Stock and
    Performance-based Restricted Stock Units', each over 'Shares | Weighted-Average
    Grant-Date Fair Value Per Share': each group's cells are award activity under the
    award type its caption names, the standard member where one does (M-AWD-001)."""
    wmt = _filing(tmp_path_factory, "wmt-10-k-2025-03-14")
    mapping = map_filing(wmt, exclude_company="wmt")
    table = next(t for t in wmt.tables if t.title.startswith("The following table shows the activity for restricted"))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    rsus, others = facts[("Granted", 0)], facts[("Granted", 2)]
    assert rsus.concept.local == others.concept.local == \
        "ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsGrantsInPeriod"
    assert [(a.local, m.local) for a, m in rsus.context.dimensions] == [("AwardTypeAxis", "RestrictedStockUnitsRSUMember")]
    (axis, member), = others.context.dimensions
    assert axis.local == "AwardTypeAxis" and member.prefix != "us-gaap" and rsus.value == Decimal(46_054_000)
    price = facts[("Granted", 3)]
    assert price.concept.local.endswith("GrantsInPeriodWeightedAverageGrantDateFairValue") and price.context.dimensions == \
        others.context.dimensions


def test_copied_text_groups_award_columns_by_the_line_above_their_captions(tmp_path_factory):
    """The same Walmart table copied as text: 'Restricted Stock UnitsRestricted Stock and
    Performance-based Restricted Stock Units' over the captions line; the two pieces each
    head two of the four columns, as the HTML reader's header cells do."""
    from conftest import stripped
    from converter.detect import detect
    from converter.readers import read
    wmt = detect(read(stripped(tmp_path_factory.mktemp("wmt-text"), "wmt-10-k-2025-03-14", "text-noyears")),
                 exclude_company="wmt")
    mapping = map_filing(wmt, exclude_company="wmt")
    table = next(t for t in wmt.tables if t.title.startswith("The following table shows the activity for restricted"))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    members = [facts[("Granted", c)].context.dimensions[0][1] for c in range(4)]
    assert members[0] == members[1] == QName.std("us-gaap:RestrictedStockUnitsRSUMember")
    assert members[2] == members[3] and members[2].prefix != "us-gaap"


def test_options_by_range_of_exercise_prices(tmp_path_factory):
    """Salesforce's options outstanding and exercisable by range of exercise prices: each
    range ("$1.34 to $154.14") a member of the price range axis under the concept of its
    column (price_ranges.csv: number and weighted-average price, outstanding or exercisable,
    the group caption over the columns says which); the total row the options outstanding
    and exercisable at the date."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if any(r.label == "$157.70 to $167.45" for r in t.rows))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    number, exercisable = facts[("$157.70 to $167.45", 0)], facts[("$157.70 to $167.45", 4)]
    assert number.concept.local == \
        "ShareBasedCompensationSharesAuthorizedUnderStockOptionPlansExercisePriceRangeNumberOfOutstandingOptions"
    assert exercisable.concept.local.endswith("ExercisePriceRangeExercisableOptionsWeightedAverageExercisePrice1")
    assert number.value == Decimal(1_000_000) and exercisable.value == Decimal("162.27")
    assert number.context.period == Instant(dt.date(2025, 1, 31))
    (axis, member), = number.context.dimensions
    assert axis.local == "ShareBasedCompensationSharesAuthorizedUnderStockOptionPlansByExercisePriceRangeAxis"
    assert exercisable.context.dimensions == number.context.dimensions
    total = facts[("", 3)]
    assert total.concept.local == "ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsExercisableNumber"
    assert total.context.dimensions == () and total.value == Decimal(6_000_000)


def test_a_debt_tables_rate_column_shows_its_percent_sign_once(tmp_path_factory):
    """Salesforce's notes: 'Contractual Interest Rate' shows '0.625%' on its first row and
    '3.70', '1.50' below it: rates all (the stated rate of each note), and 'Outstanding
    Principal as of January 31, 2025' names the face amount (R-COL-017)."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if any(r.label == "2028 Senior Notes" for r in t.rows))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    rate, principal = facts[("2028 Senior Notes", 0)], facts[("2028 Senior Notes", 1)]
    assert rate.concept.local == "DebtInstrumentInterestRateStatedPercentage" and rate.value == Decimal("0.0370")
    assert principal.concept.local == "DebtInstrumentFaceAmount" and principal.value == Decimal(1_500_000_000)
    assert rate.context.dimensions == principal.context.dimensions


def test_notes_named_by_their_dates_are_instruments_of_their_own(tmp_path_factory):
    """Walmart lists the notes it issued by issue date, five on "April 18, 2023", told apart
    by their maturity dates; Nike names its notes by maturity date alone. Each row is a debt
    instrument of its own; Walmart's principal is the face amount on the day of issue, its
    net proceeds the proceeds of the fiscal year that holds that day; Nike's book values are
    long-term debt (not the debt securities an investor holds)."""
    wmt = _filing(tmp_path_factory, "wmt-10-k-2025-03-14")
    mapping = map_filing(wmt, exclude_company="wmt")
    issued = next(t for t in wmt.tables if sum(r.label == "April 18, 2023" for r in t.rows) == 5)
    facts = [f for f in mapping.facts if f.source.table == issued.index and f.label == "April 18, 2023"]
    members = {m for f in facts for a, m in f.context.dimensions if a.local == "DebtInstrumentAxis"}
    assert len(members) == 5
    by_concept = {f.concept.local: f.context.period for f in facts}
    assert by_concept["DebtInstrumentFaceAmount"] == Instant(dt.date(2023, 4, 18))
    assert by_concept["ProceedsFromIssuanceOfLongTermDebt"] == Duration(dt.date(2023, 2, 1), dt.date(2024, 1, 31))
    nke = _filing(tmp_path_factory, "nke-10-k-2025-07-17")
    mapping = map_filing(nke, exclude_company="nke")
    table = next(t for t in nke.tables if any(r.label == "March 27, 2030" for r in t.rows))
    book = [f for f in mapping.facts if f.source.table == table.index and f.label == "March 27, 2030"
            and f.source.column >= 2]
    assert book and {f.concept.local for f in book} == {"LongTermDebt"}
    assert all(any(a.local == "DebtInstrumentAxis" for a, _ in f.context.dimensions) for f in book)


def test_a_table_of_the_vies_assets_and_liabilities_is_theirs(tmp_path_factory):
    """Tesla: 'The aggregate carrying values of the variable interest entities' assets and
    liabilities ... were as follows' over balance sheet lines: every amount is the
    consolidated VIEs' (VariableInterestEntityPrimaryBeneficiaryMember), not the company's."""
    tsla = _filing(tmp_path_factory, "tsla-10-q-2025-07-24")
    mapping = map_filing(tsla, exclude_company="tsla")
    table = next(t for t in tsla.tables if "variable interest entities" in _table_text(t)
                 and any(r.label == "Total current assets" for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    assert facts and all(("ConsolidatedEntitiesAxis", "VariableInterestEntityPrimaryBeneficiaryMember") in
                         {(a.local, m.local) for a, m in f.context.dimensions} for f in facts)


def test_a_table_about_a_named_restructuring_is_that_plans(meta):
    """Meta: 'A summary of our 2022 Restructuring pre-tax charges ... is as follows': every
    charge is that plan's, a company member of RestructuringPlanAxis named after it."""
    mapping = map_filing(meta, exclude_company="meta")
    tables = [t for t in meta.tables if "our 2022 Restructuring" in _table_text(t)]
    facts = [f for f in mapping.facts if f.source.table in {t.index for t in tables}]
    plans = {m for f in facts for a, m in f.context.dimensions if a.local == "RestructuringPlanAxis"}
    assert facts and len(plans) == 1 and "2022Restructuring" in plans.pop().local
    assert all(any(a.local == "RestructuringPlanAxis" for a, _ in f.context.dimensions) for f in facts)


def test_amounts_reclassified_out_of_aoci_by_the_lines_they_went_to(nflx):
    """Netflix's 'amounts reclassified from AOCI to the Consolidated Statement of Operations'
    by 'Revenues | Cost of Revenues | Interest and other income (expense) | Provision for
    Income Taxes | Total Reclassifications': each column that line's concept (the total net
    income), on the reclassification axis and the component the heading names (cash flow
    hedges over 'Foreign exchange contracts'); effects on income, so an expense is negated."""
    mapping = map_filing(nflx, exclude_company="nflx")
    table = next(t for t in nflx.tables if "Total Reclassifications" in [c.label for c in t.columns]
                 and any(r.label == "Amount of gains (losses) reclassified from AOCI" and
                         r.cells[0] is not None and r.cells[0].text.strip() == "(37,385)" for r in t.rows))
    row = next(r for r in table.rows if r.cells[0] is not None and r.cells[0].text.strip() == "(37,385)")
    facts = {table.columns[f.source.column].label: f for f in mapping.facts
             if f.source.table == table.index and f.source.row == row.index}
    assert facts.pop("Revenues").concept.local in ("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax")
    assert {c: f.concept.local for c, f in facts.items()} == {
        "Cost of Revenues": "CostOfRevenue",
        "Interest and other income (expense)": "NonoperatingIncomeExpense",
        "Provision for Income Taxes": "IncomeTaxExpenseBenefit", "Total Reclassifications": "NetIncomeLoss"}
    assert facts["Total Reclassifications"].value == Decimal(-28_537_000)
    assert facts["Cost of Revenues"].value == Decimal(-344_000)
    assert facts["Provision for Income Taxes"].value == Decimal(-8_504_000)
    assert {(a.local, m.local) for a, m in facts["Cost of Revenues"].context.dimensions} == {
        ("ReclassificationOutOfAccumulatedOtherComprehensiveIncomeAxis",
         "ReclassificationOutOfAccumulatedOtherComprehensiveIncomeMember"),
        ("StatementEquityComponentsAxis", "AccumulatedGainLossNetCashFlowHedgeParentMember")}


def test_a_copied_hedge_table_reads_its_gains_in_oci_by_their_column(tmp_path_factory):
    """Coca-Cola's copied cash flow hedges, 'Gain (Loss)Recognized in OCIFinancial Statement
    Line Item ImpactedGain (Loss) Reclassified from AOCI into Income' over 'Foreign currency
    contracts$(501) Net operating revenues$(69)': the first column's caption is 'Gain (Loss)
    Recognized in OCI' (the words column's caption run into it is no part of it), so its figure is the gain
    in OCI before reclassification (R-COL-026), under the revenue line's location."""
    folder = tmp_path_factory.mktemp("ko-text")
    ko = detect(read(stripped(folder, "ko-10-q-2025-07-24", "text-noyears")), exclude_company="ko")
    mapping = map_filing(ko, exclude_company="ko")
    table = next(t for t in ko.tables if t.raw.text_caption and t.columns[0].label == "Gain (Loss) Recognized in OCI")
    gain = next(f for f in mapping.facts if f.source.table == table.index and f.source.row == 0 and f.source.column == 0)
    assert gain.concept.local == "OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAndTax"
    assert gain.value == Decimal(-501_000_000)
    assert ("IncomeStatementLocationAxis", "SalesMember") in [(a.local, m.local) for a, m in gain.context.dimensions]


def test_segments_whose_total_operating_income_is_not_the_statements_are_the_operating_segments(tmp_path_factory):
    """NVIDIA's 'Compute & Networking | Graphics | Total': the total operating income
    ($30,605 million for the quarter) is not the income statement's ($28,440 million, after
    the costs no segment carries), so the columns are the operating segments'
    (OperatingSegmentsMember), the total too; Meta's segments add up to the statement's
    operating income and keep the segment member alone."""
    operating = ("ConsolidationItemsAxis", "OperatingSegmentsMember")
    nvda = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(nvda, exclude_company="nvda")
    table = next(t for t in nvda.tables if [c.label for c in t.columns] == ["Compute & Networking", "Graphics", "Total"])
    by_column: dict = {}
    for f in mapping.facts:
        if f.source.table == table.index and f.label == "Operating income (loss)":
            by_column.setdefault(table.columns[f.source.column].label, set()).add(
                frozenset((a.local, m.local) for a, m in f.context.dimensions))
    assert by_column["Total"] == {frozenset({operating})}
    assert all(operating in dims and len(dims) == 2 for dims in by_column["Graphics"])
    meta = _filing(tmp_path_factory, "meta-10-k-2025-01-30")
    mapping = map_filing(meta, exclude_company="meta")
    segment_facts = [f for f in mapping.facts if any(a == SEGMENT_AXIS for a, _ in f.context.dimensions)
                     and f.label == "Revenue"]
    assert segment_facts and not any(operating in {(a.local, m.local) for a, m in f.context.dimensions}
                                     for f in segment_facts)


def test_corporate_costs_below_the_segments_operating_income_are_the_reconciling_item(tmp_path_factory):
    """Apple's reconciliation 'Segment operating income / Research and development expense /
    Other corporate expenses, net / Total operating income': the corporate line is the
    reconciling item (CorporateNonSegmentMember); research and development stays as it is."""
    aapl = _filing(tmp_path_factory, "aapl-10-q-2025-08-01")
    mapping = map_filing(aapl, exclude_company="aapl")
    table = next(t for t in aapl.tables if [r.label for r in t.rows][:1] == ["Segment operating income"])
    dims = {f.label: {(a.local, m.local) for a, m in f.context.dimensions}
            for f in mapping.facts if f.source.table == table.index}
    assert dims["Other corporate expenses, net"] == {("ConsolidationItemsAxis", "CorporateNonSegmentMember")}
    assert dims["Research and development expense"] == set()
    assert dims["Segment operating income"] == {("ConsolidationItemsAxis", "OperatingSegmentsMember")}


def test_debt_amount_columns_over_rows_that_name_no_members_are_instruments(tmp_path_factory):
    """Tesla's debt summary: 'Net Carrying Value Current | Long-Term | Unpaid Principal Balance |
    Unused Committed Amount | Contractual Interest Rates' over 'RCF Credit Agreement', 'China
    Working Capital Facility'... under 'Recourse debt' and 'Non-recourse debt'. No row names
    a standard member, yet the columns are amounts of debt: each row is an instrument of the
    company's (DebtInstrumentAxis), each heading a type of debt (LongtermDebtTypeAxis), and
    the columns the debt rules' amounts (every cell was a company concept named by its row)."""
    tsla = _filing(tmp_path_factory, "tsla-10-q-2025-07-24")
    mapping = map_filing(tsla, exclude_company="tsla")
    table = next(t for t in tsla.tables if any(r.label == "China Working Capital Facility" for r in t.rows)
                 and t.columns[0].period == Instant(dt.date(2025, 6, 30)))
    from converter.model import HIGH_COLUMN
    facts = {(f.label, table.columns[f.source.column % HIGH_COLUMN].label, f.source.column >= HIGH_COLUMN): f
             for f in mapping.facts if f.source.table == table.index}
    long_term = facts[("China Working Capital Facility", "Net Carrying Value Long-Term", False)]
    assert long_term.concept.local == "LongTermDebt" and long_term.value == Decimal("2790000000")
    dims = {(a.local, m.local) for a, m in long_term.context.dimensions}
    assert dims == {("DebtInstrumentAxis", "ChinaWorkingCapitalFacilityMember"),
                    ("LongtermDebtTypeAxis", "NonRecourseDebtMember")}
    assert facts[("RCF Credit Agreement", "Unused Committed Amount", False)].concept.local == \
        "DebtInstrumentUnusedBorrowingCapacityAmount"
    rate = facts[("Energy Asset-backed Notes", "Contractual Interest Rates", False)]
    assert rate.concept.local == "DebtInstrumentInterestRateStatedPercentage" and rate.value == Decimal("0.0508")


def test_movement_columns_between_balances_under_concept_captions(tmp_path_factory):
    """Salesforce's intangible assets: 'Intangible Assets, Gross' over 'January 31, 2024 |
    Additions and retirements, net | January 31, 2025', the same for 'Accumulated
    Amortization', then 'Intangible Assets, Net' over the two dates. The captions name the
    balances' concepts and the movement is its own flow of the year, each row a class of
    intangible asset (the table was read by rows: each line's one concept for every column)."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if "Additions and retirements, net" in " ".join(t.raw.header)
                 and any(r.label == "Customer relationships" for r in t.rows))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    concepts = [facts[("Customer relationships", c)].concept.local for c in range(8)]
    assert concepts[0] == concepts[2] == "FiniteLivedIntangibleAssetsGross"
    assert concepts[3] == concepts[5] == "FiniteLivedIntangibleAssetsAccumulatedAmortization"
    assert concepts[6] == concepts[7] == "FiniteLivedIntangibleAssetsNet"
    moved = facts[("Customer relationships", 1)]
    assert moved.context.period == Duration(dt.date(2024, 2, 1), dt.date(2025, 1, 31))
    assert {(a.local, m.local) for a, m in moved.context.dimensions} == \
        {("FiniteLivedIntangibleAssetsByMajorClassAxis", "CustomerRelationshipsMember")}


def test_copied_text_names_the_segments_by_its_column_captions(tmp_path_factory):
    """Adobe as copied text: 'Subscription revenue by segment' lists 'Digital Media / Digital
    Experience / Publishing and Advertising'. The segment note's header line names the same
    captions over its columns (text keeps no header cells to read them from, as markup does),
    so those rows are the company's segments."""
    folder = tmp_path_factory.mktemp("adbe-text")
    adbe = detect(read(stripped(folder, "adbe-10-k-2025-01-13", "text-noyears")))
    mapping = map_filing(adbe, exclude_company="adbe")
    table = next(t for t in adbe.tables if t.title.startswith("Subscription revenue by segment"))
    dims = {f.label: {(a.local, m.local) for a, m in f.context.dimensions}
            for f in mapping.facts if f.source.table == table.index}
    assert dims["Digital Media"] == {("StatementBusinessSegmentsAxis", "DigitalMediaMember")}
    assert dims["Total subscription revenue"] == set()


def test_a_restructuring_plan_the_paragraph_above_announces_is_the_tables_member(tmp_path_factory):
    """Salesforce's restructuring roll-forward: 'In January 2023, the Company announced a
    restructuring plan ...' in the paragraph above the table's introduction ('... activities
    related to the Company's restructuring initiatives'). Every number is of that plan
    (RestructuringPlanAxis, a company member, as filers tag it: T-RST-002)."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if any(r.label == "Liability, beginning of the period" for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    plans = {m for f in facts for a, m in f.context.dimensions if a.local == "RestructuringPlanAxis"}
    assert facts and len(plans) == 1 and all(any(a.local == "RestructuringPlanAxis" for a, _ in f.context.dimensions)
                                             for f in facts)
    assert next(iter(plans)).prefix == mapping.prefix


def test_copied_texts_caption_over_every_column_names_the_tables_award(tmp_path_factory):
    """Netflix as copied text: 'Unvested Restricted Stock Units' heads the award table (a
    page's 'Table of Contents' above it), the sentence above names 'RSUs and PSUs'. The one
    caption over every column says which award the table counts, as the markup's header
    cell does (the numbers took the generic 'awards other than options' member)."""
    folder = tmp_path_factory.mktemp("nflx-text")
    nflx = detect(read(stripped(folder, "nflx-10-q-2025-07-18", "text-noyears")))
    mapping = map_filing(nflx, exclude_company="nflx")
    table = next(t for t in nflx.tables if "Unvested Restricted Stock Units" in t.raw.header)
    members = {m.local for f in mapping.facts if f.source.table == table.index for _, m in f.context.dimensions}
    assert members == {"RestrictedStockUnitsRSUMember"}


def test_a_bare_total_of_charges_by_line_item_takes_the_concept_its_sentence_names(meta):
    """Meta's "summary of our 2022 Restructuring pre-tax charges" lists cost of revenue,
    research and development... and a bare "Total". Other filers' tables of income
    statement lines mostly total stock-based compensation, but the sentence above names the
    amount (R-TTL-010): the total and each line are restructuring charges, the lines members
    of the income statement location axis."""
    mapping = map_filing(meta, exclude_company="meta")
    table = next(t for t in meta.tables if "Restructuring pre-tax charges" in " ".join(t.raw.context_before))
    facts = [f for f in mapping.facts if f.source.table == table.index and f.context.period.end == dt.date(2024, 12, 31)]
    total = next(f for f in facts if f.label == "Total")
    assert (total.concept.local, total.value, total.rule) == ("RestructuringCharges", Decimal(389000000), "R-TTL-010")
    line = next(f for f in facts if f.label == "Research and development")
    assert line.concept.local == "RestructuringCharges"
    assert ("IncomeStatementLocationAxis", "ResearchAndDevelopmentExpenseMember") in \
        {(a.local, m.local) for a, m in line.context.dimensions}


def test_a_warranty_roll_forward_takes_the_warranty_concepts(tmp_path_factory):
    """Tesla's "Accrued warranty activity": the accrued warranty at the start and end of each
    period, "Warranty costs incurred" (payments), "Provision for warranty" (warranties
    issued) and the change for pre-existing warranties: the warranty table's own rules
    (R-WTY), not company concepts. Costs incurred shown as (398) are 398 paid."""
    tsla = _filing(tmp_path_factory, "tsla-10-q-2025-07-24")
    mapping = map_filing(tsla, exclude_company="tsla")
    quarter = Duration(dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    facts = {(f.concept.local, f.context.period): (f.value, f.rule) for f in mapping.facts if f.rule.startswith("R-WTY")}
    assert facts[("StandardProductWarrantyAccrual", Instant(dt.date(2025, 3, 31)))] == (Decimal(7214000000), "R-WTY-001")
    assert facts[("StandardProductWarrantyAccrual", Instant(dt.date(2025, 6, 30)))][0] == Decimal(7512000000)
    assert facts[("StandardProductWarrantyAccrualPayments", quarter)] == (Decimal(398000000), "R-WTY-002")
    assert facts[("StandardProductWarrantyAccrualWarrantiesIssued", quarter)][0] == Decimal(591000000)
    assert facts[("ProductWarrantyAccrualPreexistingIncreaseDecrease", quarter)][0] == Decimal(105000000)


def test_generic_balance_lines_are_the_balance_the_title_names(tmp_path_factory):
    """NVIDIA's "changes in short- and long-term deferred revenue": its "Balance at beginning
    of period" and "Balance at end of period" name no balance of their own, so they are the
    one the sentence introducing the table is about (R-TTL-011), the contract liability; and
    in its warranty activity, "Additions" is the warranty table's rule (R-WTY-003), not what
    other filers' "Additions" most often were (goodwill acquired)."""
    nvda = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(nvda, exclude_company="nvda")
    balances = {f.context.period: f.value for f in mapping.facts
                if f.concept.local == "ContractWithCustomerLiability" and f.rule == "R-TTL-011"}
    assert balances[Instant(dt.date(2025, 1, 26))] == Decimal(1813000000)
    assert balances[Instant(dt.date(2025, 7, 27))] == Decimal(2035000000)
    additions = {f.concept.local for f in mapping.facts if f.label == "Additions" and f.value == Decimal(220000000)}
    assert additions == {"StandardProductWarrantyAccrualWarrantiesIssued"}


def test_accrued_liabilities_among_deferred_tax_assets_are_their_own_part(tmp_path_factory):
    """Walmart's deferred tax assets list "Accrued liabilities": the accrued liabilities part of
    reserves and accruals (R-DTX-023), as the official filings of three other companies
    tag it, not the wider reserves and accruals."""
    wmt = _filing(tmp_path_factory, "wmt-10-k-2025-03-14")
    mapping = map_filing(wmt, exclude_company="wmt")
    accrued = {f.concept.local for f in mapping.facts if f.label == "Accrued liabilities" and f.rule == "R-DTX-023"}
    assert accrued == {"DeferredTaxAssetsTaxDeferredExpenseReservesAndAccrualsAccruedLiabilities"}


def test_capital_expenditures_by_segment_are_the_segment_expenditure_concept(tmp_path_factory):
    """UnitedHealth's segment table lists "Purchases of property, equipment and capitalized
    software" under each segment's revenues and earnings: the segment disclosure's
    expenditure for additions to long-lived assets (R-SEG-001), not the cash flow
    statement's purchases. Amazon's "Total net additions to property and equipment are as
    follows", after a paragraph on allocating them among the segments, lists the segments
    and "Consolidated": the amounts the sentence names (R-TTL-013), each segment a member."""
    unh = map_filing(_filing(tmp_path_factory, "unh-10-k-2025-02-27"), exclude_company="unh")
    purchases = {f.concept.local for f in unh.facts
                 if f.label == "Purchases of property, equipment and capitalized software" and f.context.dimensions}
    assert purchases == {"SegmentExpenditureAdditionToLongLivedAssets"}
    # its "Total operating costs" by segment is the costs and expenses (R-NOT-142), not a
    # lease cost its words are near
    costs = {f.concept.local for f in unh.facts if f.label == "Total operating costs"
             and SEGMENT_AXIS in {axis for axis, _ in f.context.dimensions}}
    assert costs == {"CostsAndExpenses"}
    amzn = map_filing(_filing(tmp_path_factory, "amzn-10-k-2025-02-07"), exclude_company="amzn")
    year = Duration(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    additions = {f.label: f for f in amzn.facts if f.rule.startswith("R-TTL-013") and f.context.period == year}
    assert additions["Consolidated"].value == Decimal(85752000000)
    assert additions["Consolidated"].concept.local == "SegmentExpenditureAdditionToLongLivedAssets"
    assert additions["AWS"].value == Decimal(53267000000) and additions["AWS"].context.dimensions


def test_lease_cash_flows_and_assets_obtained_take_the_lease_concepts(tmp_path_factory):
    """Alphabet's supplemental lease table: "Operating cash flows used for finance leases" is
    the interest paid on finance lease liabilities (R-LSE-014), "Financing cash flows used
    for finance leases" their principal (R-LSE-015), and "Finance leases" under "Assets
    obtained in exchange for lease liabilities" the right-of-use assets so obtained
    (R-LSE-019). A balance line "Operating lease liabilities" is no payment."""
    from converter.mapping.rules import match_rule
    assert match_rule("note", "", "Operating lease liabilities") is None or \
        match_rule("note", "", "Operating lease liabilities").concept != "OperatingLeasePayments"
    assert match_rule("note", "", "Cash paid for operating leases").concept == "OperatingLeasePayments"
    mapping = map_filing(_filing(tmp_path_factory, "googl-10-k-2025-02-05"), exclude_company="googl")
    by_label = {}
    for f in mapping.facts:
        if f.rule.startswith(("R-LSE-014", "R-LSE-015", "R-LSE-019")):
            by_label.setdefault(f.label, set()).add(f.concept.local)
    assert by_label["Operating cash flows used for finance leases"] == {"FinanceLeaseInterestPaymentOnLiability"}
    assert by_label["Financing cash flows used for finance leases"] == {"FinanceLeasePrincipalPayments"}
    assert by_label["Finance leases"] == {"RightOfUseAssetObtainedInExchangeForFinanceLeaseLiability"}


def test_gains_on_equity_securities_and_realized_losses_on_debt_securities(tmp_path_factory):
    """Alphabet's "Gain (loss) on equity securities, net" and its "Gross realized loss on
    debt securities" are the standard equity securities gain (R-NOT-139) and available-for-
    sale realized loss (R-NOT-141), not company concepts; a bare "Realized gains" says
    nothing of which securities."""
    from converter.mapping.rules import match_rule
    assert match_rule("note", "", "Realized gains") is None
    assert match_rule("note", "", "Total indefinite-lived intangible assets").id == "R-NOT-138"
    mapping = map_filing(_filing(tmp_path_factory, "googl-10-k-2025-02-05"), exclude_company="googl")
    concepts = {f.label: f.concept.local for f in mapping.facts if f.rule.startswith(("R-NOT-139", "R-NOT-141"))}
    assert concepts["Gain (loss) on equity securities, net"] == "EquitySecuritiesFvNiGainLoss"
    assert concepts["Gross realized loss on debt securities"] == "DebtSecuritiesAvailableForSaleRealizedLoss"


def test_a_notes_net_income_is_the_statement_line_of_the_same_words(tmp_path_factory):
    """Mastercard's income statement has noncontrolling interests: its "Net income" is the
    consolidated ProfitLoss, "Net income attributable to Mastercard" the parent's. The EPS
    note's "Net income" names the same line (FAM-007), whichever of the two the rule for
    the words alone would take."""
    ma = _filing(tmp_path_factory, "ma-10-k-2025-02-12")
    mapping = map_filing(ma, exclude_company="ma")
    income = next(t.index for t in ma.tables if t.kind is StatementKind.INCOME)
    stated = {f.concept.local for f in mapping.facts if f.source.table == income and f.label.lower() == "net income"}
    in_eps = {f.concept.local for f in mapping.facts if f.label == "Net income" and f.rule.endswith("+FAM-007")}
    assert stated == in_eps == {"ProfitLoss"}


def test_a_near_label_does_not_make_a_line_a_concept_of_a_subject_the_table_never_names(tmp_path_factory):
    """NVIDIA's "Net additions" to its non-marketable equity securities is near what other
    filers' goodwill roll-forwards call their acquisitions, and AbbVie's "Payments and other
    adjustments" of its restructuring reserve near a goodwill adjustment; neither table
    speaks of goodwill (concept_subjects.csv SUB-001), so neither line is a goodwill concept."""
    nvda = map_filing(_filing(tmp_path_factory, "nvda-10-q-2025-08-27"), exclude_company="nvda")
    additions = [f for f in nvda.facts if f.label == "Net additions"]
    assert additions and not any(f.concept.local.startswith("Goodwill") for f in additions)
    # and the fact says why: the concept it passed over
    assert all("passed over GoodwillAcquiredDuringPeriod" in f.evidence for f in additions)
    abbv = map_filing(_filing(tmp_path_factory, "abbv-10-k-2025-02-14"), exclude_company="abbv")
    payments = {f.concept.local for f in abbv.facts if f.label == "Payments and other adjustments"}
    assert payments and not any(name.startswith("Goodwill") for name in payments)
    # Mastercard's investments on the balance sheet: its "Total investments" is no asset of a
    # business acquired (SUB-006), the table speaking of no acquisition
    ma = map_filing(_filing(tmp_path_factory, "ma-10-k-2025-02-12"), exclude_company="ma")
    investments = {f.concept.local for f in ma.facts if f.label == "Total investments"}
    assert investments and not any(name.startswith("BusinessCombination") for name in investments)
    # Adobe's segment results list "Cost of revenue" per segment: in notes the words mostly
    # closed stock-based compensation by line item, but this table speaks of no compensation
    # (SUB-008): the segments' cost of revenue
    adbe = map_filing(_filing(tmp_path_factory, "adbe-10-k-2025-01-13"), exclude_company="adbe")
    by_segment = {f.concept.local for f in adbe.facts if f.label == "Cost of revenue"
                  and SEGMENT_AXIS in {axis for axis, _ in f.context.dimensions}}
    assert by_segment and "AllocatedShareBasedCompensationExpense" not in by_segment
    # Mastercard's "Deferred compensation assets" in its fair value table: no deferred tax
    # asset (SUB-009), the table speaking of no taxes; the plan's assets
    deferred = {f.concept.local for f in ma.facts if f.label == "Deferred compensation assets"}
    assert deferred == {"DeferredCompensationPlanAssets"}


def test_a_lease_tables_balance_sheet_lines_are_the_lease_amounts_under_their_heading(tmp_path_factory):
    """Alphabet's supplemental balance sheet information of its leases names the balance
    sheet line each amount sits in: "Accrued expenses and other liabilities" under
    "Operating leases" is the current operating lease liability, under "Finance Leases" the
    current finance lease liability, and "Other long-term liabilities" there the noncurrent
    one (R-LSE-020..023)."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    table = next(t for t in googl.tables if "Finance Leases" in {r.section for r in t.rows}
                 and any(r.label == "Accrued expenses and other liabilities" for r in t.rows))
    by_line = {(r.section, r.label): {f.concept.local for f in mapping.facts
                                      if f.source.table == table.index and f.source.row == r.index}
               for r in table.rows}
    assert by_line[("Operating leases", "Accrued expenses and other liabilities")] == {"OperatingLeaseLiabilityCurrent"}
    assert by_line[("Finance Leases", "Accrued expenses and other liabilities")] == {"FinanceLeaseLiabilityCurrent"}
    assert by_line[("Finance Leases", "Other long-term liabilities")] == {"FinanceLeaseLiabilityNoncurrent"}


def test_accrued_wages_and_personnel_costs_in_a_note_are_employee_related_liabilities(tmp_path_factory):
    """Walmart's accrued liabilities note lists "Accrued wages and benefits", Mastercard's
    "Personnel costs", AbbVie's "Salaries, wages and commissions": balances of what is owed
    to employees (R-NOT-143), which left-out filers' own wordings made company concepts. The
    rule names a balance: a duration column of expenses does not take it."""
    from converter.mapping.rules import match_rule
    assert match_rule("note", "", "Salaries, wages and commissions").id == "R-NOT-143"
    assert match_rule("note", "", "Compensation and benefits") is None or \
        match_rule("note", "", "Compensation and benefits").id != "R-NOT-143"
    wmt = map_filing(_filing(tmp_path_factory, "wmt-10-k-2025-03-14"), exclude_company="wmt")
    accrued = {(f.concept.local, type(f.context.period)) for f in wmt.facts if f.label == "Accrued wages and benefits"}
    assert accrued == {("EmployeeRelatedLiabilitiesCurrent", Instant)}


def _schedule_ii_facts(filing, company: str) -> dict:
    mapping = map_filing(filing, exclude_company=company)
    return {(f.concept.local, f.context.period, f.context.dimensions): f.value for f in mapping.facts
            if f.concept.local.startswith("ValuationAllowancesAndReserves")}


@pytest.mark.parametrize("kind", ["html", "text-noyears"])
def test_a_schedule_ii_on_its_side_rolls_each_year_forward(tmp_path_factory, kind):
    """Alphabet's Schedule II, "Valuation and Qualifying Accounts": columns "Balance at
    Beginning of Year | Additions | Usage | Balance at End of Year" (copied text glues them:
    "Balance atBeginning of Year..."), a row per year ("Year ended December 31, 2022"). Each
    row is its year; the opening balance is the instant before it, the closing its end; the
    columns take Schedule II's concepts (R-VAL) and the reserve the introduction names
    ("the allowance for credit losses") is the member. Usage shown as (2,301) is 2,301."""
    googl = detect(read(stripped(tmp_path_factory.mktemp("googl"), "googl-10-k-2025-02-05", kind)))
    facts = _schedule_ii_facts(googl, "googl")
    credit = ((QName.std("us-gaap:ValuationAllowancesAndReservesTypeAxis"),
               QName.std("us-gaap:AllowanceForCreditLossMember")),)
    year_2022 = Duration(dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert facts[("ValuationAllowancesAndReservesBalance", Instant(dt.date(2021, 12, 31)), credit)] == Decimal(1389000000)
    assert facts[("ValuationAllowancesAndReservesChargedToCostAndExpense", year_2022, credit)] == Decimal(2125000000)
    assert facts[("ValuationAllowancesAndReservesDeductions", year_2022, credit)] == Decimal(2301000000)
    assert facts[("ValuationAllowancesAndReservesBalance", Instant(dt.date(2024, 12, 31)), credit)] == Decimal(1636000000)
    assert len(facts) == 10  # 3 years x 2 movements, 4 balances (each year's close is the next one's opening)


# an annual report with a balance sheet, then its Schedule II (the tests add the schedule's table)
ANNUAL_REPORT = """<html><body>
<p>ACME Corp. Annual report on Form 10-K for the fiscal year ended December 31, 2024</p>
<p>CONSOLIDATED BALANCE SHEETS</p><p>(in thousands)</p>
<table>
<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Cash and cash equivalents</td><td>1,200</td><td>1,000</td></tr>
<tr><td>Total assets</td><td>1,200</td><td>1,000</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>1,200</td><td>1,000</td></tr>
</table>
<p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><p>(in thousands)</p>
"""
SCHEDULE_II = ANNUAL_REPORT + """<table>
<tr><td></td><td>Balance at Beginning of Period</td><td>Charged to Costs and Expenses</td>
<td>Charged to Other Accounts</td><td>Deductions</td><td>Balance at End of Period</td></tr>
<tr><td>Allowance for doubtful accounts:</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>Fiscal 2024</td><td>40</td><td>12</td><td>1</td><td>(9)</td><td>44</td></tr>
<tr><td>Fiscal 2023</td><td>35</td><td>10</td><td>2</td><td>(7)</td><td>40</td></tr>
<tr><td>Deferred tax asset valuation allowance:</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>Fiscal 2024</td><td>300</td><td>25</td><td>-</td><td>(15)</td><td>310</td></tr>
<tr><td>Fiscal 2023</td><td>280</td><td>30</td><td>-</td><td>(10)</td><td>300</td></tr>
</table></body></html>"""


def _crafted_schedule_ii(folder, markup: str) -> tuple[dict, tuple, tuple]:
    """The Schedule II facts of a crafted annual report, and the allowance for doubtful
    accounts' and the deferred tax valuation allowance's members."""
    source = folder / "acme.htm"
    source.write_text(markup, encoding="utf-8")
    axis = QName.std("us-gaap:ValuationAllowancesAndReservesTypeAxis")
    return (_schedule_ii_facts(detect(read(source)), ""),
            ((axis, QName.std("us-gaap:AllowanceForCreditLossMember")),),
            ((axis, QName.std("us-gaap:ValuationAllowanceOfDeferredTaxAssetsMember")),))


def test_a_schedule_ii_names_each_reserve_by_its_heading(tmp_path):
    """A Schedule II of two reserves, each under its heading, its rows fiscal years alone
    ("Fiscal 2024", the annual report's own year, over "Fiscal 2023"): each heading is the
    reserve's member, each row its fiscal year, "Charged to Other Accounts" its own concept."""
    facts, doubtful, deferred = _crafted_schedule_ii(tmp_path, SCHEDULE_II)
    year_2023 = Duration(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert facts[("ValuationAllowancesAndReservesBalance", Instant(dt.date(2022, 12, 31)), doubtful)] == Decimal(35000)
    assert facts[("ValuationAllowancesAndReservesChargedToOtherAccounts", year_2023, doubtful)] == Decimal(2000)
    assert facts[("ValuationAllowancesAndReservesDeductions", year_2023, deferred)] == Decimal(10000)
    assert facts[("ValuationAllowancesAndReservesBalance", Instant(dt.date(2024, 12, 31)), deferred)] == Decimal(310000)


def test_a_company_concept_under_dated_columns_is_a_balance_at_that_date(tmp_path_factory):
    """Walmart's long-term debt by currency: "Amount | Average Rate" under "January 31, 2025"
    and again under "January 31, 2024". "Amount" names no standard concept, so it becomes a
    company concept; the dates over its columns make it a balance at each date, not a flow
    over the fiscal year its caption alone would suggest."""
    wmt = _filing(tmp_path_factory, "wmt-10-k-2025-03-14")
    mapping = map_filing(wmt, exclude_company="wmt")
    amounts = {f.context.period: f.value for f in mapping.facts
               if f.label == "U.S. dollar denominated" and f.concept.local == "Amount" and f.rule.startswith("extension")}
    assert amounts == {Instant(dt.date(2025, 1, 31)): Decimal(31406000000),
                       Instant(dt.date(2024, 1, 31)): Decimal(34527000000)}


def test_a_quarters_row_is_that_quarter_of_its_columns_span(tmp_path_factory):
    """Union Pacific's share repurchases: "First quarter [b]" and "Second quarter [c]" over
    "Total", under "Six Months Ended June 30, 2025 | 2024" (each over "Number of shares
    purchased | Average price paid"). Each quarter's row is that quarter of its column's
    half-year, not the half-year again, and no member of a repurchase program; the total
    is the half-year. In a table about repurchases, "Number of shares purchased" is the
    treasury shares acquired (column rule R-REP-002), not an employee stock purchase plan's
    shares that another filer's label said."""
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    shares = {(f.label, f.context.period): (f.value, f.context.dimensions) for f in mapping.facts
              if f.concept.local == "TreasuryStockSharesAcquired" and f.rule == "R-REP-002+columns"}
    assert shares[("First quarter [b]", Duration(dt.date(2025, 1, 1), dt.date(2025, 3, 31)))] == (Decimal(5745601), ())
    assert shares[("Second quarter [c]", Duration(dt.date(2024, 4, 1), dt.date(2024, 6, 30)))] == (Decimal(492320), ())
    assert shares[("Total", Duration(dt.date(2025, 1, 1), dt.date(2025, 6, 30)))] == (Decimal(11857159), ())


def test_a_region_named_with_its_abbreviation_is_the_standard_region(tmp_path_factory):
    """Netflix's revenues by region: "Europe, Middle East, and Africa (EMEA)", "Latin America
    (LATAM)", "Asia-Pacific (APAC)". Nothing was learned of the captions with their
    abbreviations, so each is what it names without one: the standard regions on the
    geographical axis, not company members of products and services."""
    nflx = _filing(tmp_path_factory, "nflx-10-q-2025-07-18")
    mapping = map_filing(nflx, exclude_company="nflx")
    regions = {f.label: f.context.dimensions for f in mapping.facts if "(LATAM)" in f.label or "(APAC)" in f.label
               or "(EMEA)" in f.label}
    geo = QName.std("srt:StatementGeographicalAxis")
    assert regions == {"Europe, Middle East, and Africa (EMEA)": ((geo, QName.std("us-gaap:EMEAMember")),),
                       "Latin America (LATAM)": ((geo, QName.std("srt:LatinAmericaMember")),),
                       "Asia-Pacific (APAC)": ((geo, QName.std("srt:AsiaPacificMember")),)}


SCHEDULE_II_BY_YEAR = ANNUAL_REPORT + """<table>
<tr><td></td><td>Balance at Beginning of Year</td><td>Additions Charged to Expense</td>
<td>Deductions</td><td>Balance at End of Year</td></tr>
<tr><td>Year ended December 31, 2024</td><td></td><td></td><td></td><td></td></tr>
<tr><td>Allowance for doubtful accounts</td><td>40</td><td>12</td><td>(9)</td><td>43</td></tr>
<tr><td>Deferred tax asset valuation allowance</td><td>300</td><td>25</td><td>(15)</td><td>310</td></tr>
<tr><td>Year ended December 31, 2023</td><td></td><td></td><td></td><td></td></tr>
<tr><td>Allowance for doubtful accounts</td><td>35</td><td>10</td><td>(5)</td><td>40</td></tr>
<tr><td>Deferred tax asset valuation allowance</td><td>280</td><td>30</td><td>(10)</td><td>300</td></tr>
</table></body></html>"""


def test_a_schedule_ii_under_headings_of_years_names_each_reserve_by_its_row(tmp_path):
    """The other layout of Schedule II: a heading per year ("Year ended December 31, 2024"),
    a row per reserve under it. Each row is its heading's year, each reserve its row's
    member, the columns Schedule II's concepts as when the rows are the years."""
    facts, doubtful, deferred = _crafted_schedule_ii(tmp_path, SCHEDULE_II_BY_YEAR)
    assert facts[("ValuationAllowancesAndReservesBalance", Instant(dt.date(2022, 12, 31)), doubtful)] == Decimal(35000)
    assert facts[("ValuationAllowancesAndReservesChargedToCostAndExpense",
                  Duration(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), deferred)] == Decimal(25000)
    assert facts[("ValuationAllowancesAndReservesDeductions",
                  Duration(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), doubtful)] == Decimal(5000)
    assert facts[("ValuationAllowancesAndReservesBalance", Instant(dt.date(2024, 12, 31)), deferred)] == Decimal(310000)


def test_pension_cost_adds_its_lines_as_shown_and_a_gain_concept_is_their_opposite(tmp_path_factory):
    """Coca-Cola's net periodic benefit cost: "Amortization of net actuarial loss (gain)" 26
    for pensions adds a loss to the cost, (1) for other benefits a gain. The concept
    (DefinedBenefitPlanAmortizationOfGainsLosses, which the cost subtracts) is positive for a
    gain: -26 and +1, as the filer tagged them."""
    ko = _filing(tmp_path_factory, "ko-10-q-2025-07-24")
    mapping = map_filing(ko, exclude_company="ko")
    quarter = Duration(dt.date(2025, 3, 29), dt.date(2025, 6, 27))
    last_year = Duration(dt.date(2024, 3, 30), dt.date(2024, 6, 28))
    amortized = {(f.context.period, f.context.dimensions[0][1].local): f.value for f in mapping.facts
                 if f.concept.local == "DefinedBenefitPlanAmortizationOfGainsLosses" and f.context.dimensions}
    assert amortized[(quarter, "PensionPlansDefinedBenefitMember")] == Decimal(-26000000)
    assert amortized[(last_year, "OtherPostretirementBenefitPlansDefinedBenefitMember")] == Decimal(1000000)


def test_amortization_in_a_pension_oci_table_is_the_reclassification_from_aoci(tmp_path_factory):
    """AbbVie's "pre-tax losses (gains) included in other comprehensive income" for its
    plans: "Amortization of actuarial loss (52)" there is the reclassification out of
    accumulated OCI (NS-017, R-POC-001), -52, not the net periodic cost's amortization,
    which the cost table beside it reports (52 there, -52 as the gain concept); the two no
    longer collide, so neither becomes a company concept."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    year = Duration(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    pension = QName.std("us-gaap:PensionPlansDefinedBenefitMember")
    facts = {(f.concept.local, f.rule): f.value for f in mapping.facts if f.context.period == year
             and f.label == "Amortization of actuarial loss" and any(m == pension for _, m in f.context.dimensions)}
    reclassified = "OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlans" \
                   "ForNetGainLossBeforeTax"
    assert facts == {(reclassified, "R-POC-001"): Decimal(-52000000),
                     ("DefinedBenefitPlanAmortizationOfGainsLosses", "R-PEN-020"): Decimal(-52000000)}


def test_a_credit_shown_in_parentheses_in_a_pension_cost_lowers_the_cost(tmp_path_factory):
    """AbbVie's other post-retirement plans: "Amortization of prior service credit (36)" in
    the net periodic cost. The cost adds the concept as it is (a prior service cost is
    positive), so the credit is -36, not the 36 an expense shown as a deduction would be."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    credits = {f.context.period.end.year: f.value for f in mapping.facts
               if f.concept.local == "DefinedBenefitPlanAmortizationOfPriorServiceCostCredit"
               and f.label == "Amortization of prior service credit"}
    assert credits == {2024: Decimal(-36000000), 2023: Decimal(-36000000), 2022: Decimal(-38000000)}


def test_a_note_line_naming_both_natures_is_read_by_the_first(tmp_path_factory):
    """Mastercard's segment note lists "Other (income) expense, net" among its expenses:
    (20) there is income of 20 and 7 an expense of 7, so the concept whose positive is
    income (OtherNonoperatingIncomeExpense) is +20 and -7, as in the income statement."""
    ma = _filing(tmp_path_factory, "ma-10-k-2025-02-12")
    mapping = map_filing(ma, exclude_company="ma")
    other = {f.context.period.end.year: f.value for f in mapping.facts
             if f.label == "Other (income) expense, net" and f.concept.local == "OtherNonoperatingIncomeExpense"
             and ma.tables[f.source.table].kind is StatementKind.NOTE}
    assert other == {2024: Decimal(20000000), 2023: Decimal(-7000000), 2022: Decimal(23000000)}


def test_a_note_line_of_one_nature_shown_as_is_takes_the_concepts_sign_for_it(tmp_path_factory):
    """AbbVie's amounts in accumulated other comprehensive income: "Actuarial loss, net
    $1,303". The concept (...NetGainsLossesBeforeTax) is positive for a gain, so a loss
    shown as a positive amount is -1,303, as in an income statement ("Other income
    (expense)" concepts take the nature the label names)."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    losses = {(f.context.period, f.context.dimensions[0][1].local): f.value for f in mapping.facts
              if f.label == "Actuarial loss, net"
              and f.concept.local == "DefinedBenefitPlanAccumulatedOtherComprehensiveIncomeNetGainsLossesBeforeTax"}
    assert losses[(Instant(dt.date(2024, 12, 31)), "PensionPlansDefinedBenefitMember")] == Decimal(-1303000000)
    assert losses[(Instant(dt.date(2023, 12, 31)), "PensionPlansDefinedBenefitMember")] == Decimal(-2290000000)


def test_every_reconciling_line_of_a_tax_rate_reconciliation_is_as_shown(tmp_path_factory):
    """Adobe's rate reconciliation: "Effects of non-U.S. operations (198)" lowers the tax.
    No reconciliation rule names the line (its concept comes from other filers' labels),
    but it is a line of the reconciliation all the same: as shown, -198, not an expense
    shown as a deduction (+198)."""
    adbe = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    mapping = map_filing(adbe, exclude_company="adbe")
    effects = {f.context.period.end.year: f.value for f in mapping.facts if f.label == "Effects of non-U.S. operations"
               and f.concept.local == "IncomeTaxReconciliationForeignIncomeTaxRateDifferential"}
    assert effects == {2024: Decimal(-198000000), 2023: Decimal(-116000000), 2022: Decimal(-7000000)}


def test_a_stock_compensation_tables_tax_benefit_is_the_benefit_of_that_compensation(tmp_path_factory):
    """Home Depot's stock-based compensation expense, "Income tax benefit (92)": in a table
    about stock-based compensation (NS-018) the tax benefit is that compensation's
    (R-SBC-001), a positive 92, not the income tax expense of the year it resembles
    (which then collided with the statement's and became a company concept)."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    mapping = map_filing(hd, exclude_company="hd")
    benefits = {f.context.period.end.year: (f.value, f.rule) for f in mapping.facts if f.label == "Income tax benefit"
                and f.concept.local == "EmployeeServiceShareBasedCompensationTaxBenefitFromCompensationExpense"}
    assert benefits[2025] == (Decimal(92000000), "R-SBC-001") and len(benefits) == 3


def test_a_heading_over_every_column_says_what_their_captions_measure(tmp_path_factory):
    """NVIDIA's unrealized losses: "Less than 12 Months" over "Estimated Fair Value | Gross
    Unrealized Loss" at each date. Alone the captions name no concept; read under the
    heading every column shares they are the fair value and the loss of securities in a
    loss position for less than twelve months (R-COL-037, R-COL-038), at either date."""
    nvda = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(nvda, exclude_company="nvda")
    corporate = {(f.concept.local, f.context.period): f.value for f in mapping.facts
                 if f.label == "Corporate debt securities" and f.rule.startswith("R-COL-03")}
    position = "DebtSecuritiesAvailableForSaleContinuousUnrealizedLossPositionLessThan12Months"
    assert corporate[(position, Instant(dt.date(2025, 7, 27)))] == Decimal(3539000000)
    assert corporate[(position, Instant(dt.date(2025, 1, 26)))] == Decimal(5291000000)
    assert corporate[(position + "AccumulatedLoss", Instant(dt.date(2025, 1, 26)))] == Decimal(29000000)


def test_an_equity_rows_share_count_is_what_filings_gave_its_label(tmp_path_factory):
    """Meta's "Issuance of common stock" in its statement of stockholders' equity: its
    amount took what another filer's label chose (stock options exercised), and its share
    count followed as that concept's pair. Official filings gave the label's share count
    as new issues (NVIDIA's, Meta left out): that is the count's concept."""
    meta = _filing(tmp_path_factory, "meta-10-k-2025-01-30")
    mapping = map_filing(meta, exclude_company="meta")
    counts = {f.concept.local for f in mapping.facts if f.label == "Issuance of common stock"
              and f.unit is not None and f.unit.id == "shares"}
    assert counts == {"StockIssuedDuringPeriodSharesNewIssues"}


def test_a_measure_column_named_as_an_income_statement_line_is_that_line(tmp_path_factory):
    """P&G's segment results: 'Net Sales | Earnings/(Loss) Before Income Taxes | Net
    Earnings/(Loss)' over Beauty, Grooming, ... Its income statement's 'NET EARNINGS' is
    net income including the noncontrolling interests (ProfitLoss, above 'attributable to
    Procter & Gamble'): each segment's 'Net Earnings/(Loss)' column is that line, whatever
    other filers' 'net earnings' columns were."""
    pg = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    mapping = map_filing(pg, exclude_company="pg")
    table = next(t for t in pg.tables if any(r.label == "Grooming" for r in t.rows)
                 and "Net Earnings/(Loss)" in " ".join(t.raw.header))
    statement = next(f for f in mapping.facts if pg.tables[f.source.table].kind is StatementKind.INCOME
                     and f.label == "NET EARNINGS")
    assert statement.concept.local == "ProfitLoss"
    facts = [f for f in mapping.facts if f.source.table == table.index and f.label == "Grooming"]
    assert "ProfitLoss" in {f.concept.local for f in facts}
    assert "NetIncomeLoss" not in {f.concept.local for f in facts}


def test_a_note_line_is_no_other_income_statement_lines_concept(ko):
    """Coca-Cola's segment table lists 'Equity income (loss) — net' and 'Other income
    (loss) — net' under each quarter; near labels of other filers say net income, but the
    income statement names its net income line otherwise and has lines of these very words:
    the note's lines are the statement's (equity method income, other nonoperating income),
    not net income nor a company concept the clash with net income would leave."""
    mapping = map_filing(ko, exclude_company="ko")
    statement = {f.label: f.concept.local for f in mapping.facts
                 if ko.tables[f.source.table].kind is StatementKind.INCOME and not f.context.dimensions}
    table = next(t for t in ko.tables if any(r.label == "Equity income (loss) — net" for r in t.rows)
                 and t.kind is StatementKind.NOTE and "Consolidated" in " ".join(t.raw.header))
    for label in ("Equity income (loss) — net", "Other income (loss) — net"):
        concepts = {f.concept.local for f in mapping.facts if f.source.table == table.index and f.label == label}
        assert concepts == {statement[label]}, label


def test_a_reconciliation_opening_at_the_federal_income_tax_rate_is_a_tax_rate_reconciliation(tmp_path_factory):
    """Nike's reconciliation opens with 'Federal income tax rate' (no word 'statutory'): that
    line is the rate at the federal statutory rate (TXR-001), which makes the table a tax rate
    reconciliation, so 'Foreign earnings' below it is the foreign rate differential."""
    nke = _filing(tmp_path_factory, "nke-10-k-2025-07-17")
    mapping = map_filing(nke, exclude_company="nke")
    table = next(t for t in nke.tables if any(r.label == "Federal income tax rate" for r in t.rows))
    concepts = {f.label: f.concept.local for f in mapping.facts if f.source.table == table.index}
    assert concepts["Federal income tax rate"] == "EffectiveIncomeTaxRateReconciliationAtFederalStatutoryIncomeTaxRate"
    assert concepts["Foreign earnings"] == "EffectiveIncomeTaxRateReconciliationForeignIncomeTaxRateDifferential"


def test_copied_headings_over_repeated_captions_say_what_each_column_measures(tmp_path_factory):
    """Meta's unrealized losses copied as text: 'Less than 12 months12 months or greaterTotal'
    over 'Fair ValueUnrealized Losses' three times. Copied text keeps no header cells, so the
    heading line is cut into as many headings as divide the columns ('months12 months': a
    heading ends, the next opens with its count) and each column reads its heading with its
    caption, as the HTML reader's header cells give them: a position less than twelve months
    old, twelve months or longer, and in all."""
    meta = detect(read(stripped(tmp_path_factory.mktemp("meta-text"), "meta-10-k-2025-01-30", "text-noyears")),
                  exclude_company="meta")
    mapping = map_filing(meta, exclude_company="meta")
    table = next(t for t in meta.tables if any("12 months or greater" in h for h in t.raw.header))
    assert not table.raw.column_headers
    by_column = {f.source.column: f.concept.local for f in mapping.facts
                 if f.source.table == table.index and f.label == "Corporate debt securities"}
    assert by_column[0] == "DebtSecuritiesAvailableForSaleContinuousUnrealizedLossPositionLessThan12Months"
    assert by_column[3] == "DebtSecuritiesAvailableForSaleContinuousUnrealizedLossPosition12MonthsOrLongerAccumulatedLoss"
    assert by_column[4] == "DebtSecuritiesAvailableForSaleUnrealizedLossPosition"


def test_a_statement_label_wrapped_onto_a_second_row_reads_as_one(tmp_path_factory):
    """Union Pacific's balance sheet wraps its common stock line: 'Common shares, $2.50 par
    value, 1,400,000,000 authorized; 1,113,174,759 and' on a row of its own (a heading, no
    figures), then '1,113,018,733 issued; 593,009,409 and 604,241,260 outstanding,
    respectively' with the amounts. The second row carries on the first (it opens with a
    figure): the two read as one label, the common stock's value (R-BAL-023, which knows
    'common shares' too), not a company concept named from the share counts."""
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    balance = next(t for t in unp.tables if t.kind is StatementKind.BALANCE)
    line = next(r for r in balance.rows if r.label.startswith("1,113,018,733 issued"))
    facts = [f for f in mapping.facts if f.source.table == balance.index and f.source.row == line.index
             and f.unit == USD]
    assert facts and {f.concept.local for f in facts} == {"CommonStockValue"}


def test_a_months_share_count_under_the_common_stock_heading_is_the_common_stock_line(tmp_path_factory):
    """P&G's balance sheet: 'Common stock – shares issued – March 2025 4,009.2' heads a row
    of no figures, and the amounts stand on 'June 2024 4,009.2' below it: a label of no
    more than a month's count carries on the heading, so the line is the common stock's
    value, not a company concept named 'June 2024 4,009.2'."""
    pg = _filing(tmp_path_factory, "pg-10-q-2025-04-24")
    mapping = map_filing(pg, exclude_company="pg")
    balance = next(t for t in pg.tables if t.kind is StatementKind.BALANCE)
    line = next(r for r in balance.rows if r.label == "June 2024 4,009.2")
    facts = [f for f in mapping.facts if f.source.table == balance.index and f.source.row == line.index
             and f.unit == USD]
    assert facts and {f.concept.local for f in facts} == {"CommonStockValue"}


def test_a_balance_line_below_the_current_total_takes_the_noncurrent_twin(tmp_path_factory):
    """Adobe lists 'Deferred revenue' and 'Income taxes payable' twice, under 'Current
    liabilities' and under 'Long-term liabilities'. The words were learned as current
    concepts; a line of the long-term part takes the noncurrent twin (BP-001), and the
    current lines keep theirs."""
    adbe = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    mapping = map_filing(adbe, exclude_company="adbe")
    sheet = next(t for t in adbe.tables if t.kind is StatementKind.BALANCE)
    by_line = {}
    for f in mapping.facts:
        if f.source.table == sheet.index and f.label in ("Deferred revenue", "Income taxes payable"):
            by_line.setdefault((sheet.rows[f.source.row].section, f.label), set()).add(f.concept.local)
    assert by_line[("Long-term liabilities", "Deferred revenue")] == {"ContractWithCustomerLiabilityNoncurrent"}
    assert by_line[("Long-term liabilities", "Income taxes payable")] == {"AccruedIncomeTaxesNoncurrent"}
    assert all(name.endswith("Current") and not name.endswith("Noncurrent")
               for (section, _), names in by_line.items() if section == "Current liabilities" for name in names)


def test_a_pension_plans_assumed_rates_are_the_plans_at_year_end_and_for_the_years_cost(tmp_path_factory):
    """AbbVie's weighted-average assumptions: 'Discount rate' had met the leases' discount
    rate by its words. In a table of a plan's rates (a discount rate beside compensation
    increases or the expected return on assets: NS-021) the rates at year end are the
    benefit obligation's, and the same words over a year's columns the net periodic cost's
    (period_twins.csv)."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    found = {(f.label, isinstance(f.context.period, Instant)): f.concept.local for f in mapping.facts
             if f.label in ("Discount rate", "Discount rate for determining service cost",
                            "Expected long-term rate of return on plan assets")}
    assert found[("Discount rate", True)] == "DefinedBenefitPlanAssumptionsUsedCalculatingBenefitObligationDiscountRate"
    assert found[("Discount rate for determining service cost", False)] == \
        "DefinedBenefitPlanAssumptionsUsedCalculatingNetPeriodicBenefitCostDiscountRate"
    assert found[("Expected long-term rate of return on plan assets", False)] == \
        "DefinedBenefitPlanAssumptionsUsedCalculatingNetPeriodicBenefitCostExpectedLongTermReturnOnAssets"


def test_a_lease_tables_columns_say_whose_liability_a_line_is(tmp_path_factory):
    """Amazon's lease liabilities by column ('Operating Leases | Finance Leases | Total'): each
    line's concept is the operating leases' under the first column and the finance leases'
    under the second (column_twins.csv): 'Present value of lease liabilities' is
    OperatingLeaseLiability and FinanceLeaseLiability, and the total column, of neither kind,
    gives way to them."""
    amzn = _filing(tmp_path_factory, "amzn-10-k-2025-02-07")
    mapping = map_filing(amzn, exclude_company="amzn")
    table = next(t for t in amzn.tables if [c.label for c in t.columns] == ["Operating Leases", "Finance Leases", "Total"])
    by_cell = {(f.label, f.source.column): f.concept.local for f in mapping.facts if f.source.table == table.index}
    assert by_cell[("Present value of lease liabilities", 0)] == "OperatingLeaseLiability"
    assert by_cell[("Present value of lease liabilities", 1)] == "FinanceLeaseLiability"
    assert by_cell[("Less: current portion of lease liabilities", 1)] == "FinanceLeaseLiabilityCurrent"
    assert by_cell[("Total long-term lease liabilities", 1)] == "FinanceLeaseLiabilityNoncurrent"
    assert by_cell[("Present value of lease liabilities", 2)] not in ("OperatingLeaseLiability", "FinanceLeaseLiability")


def test_a_share_repurchase_table_names_shares_and_price_by_column_and_programs_by_row(tmp_path_factory):
    """Adobe's 'Share repurchase activities ... were as follows:' lists its repurchase
    agreements ("ASR entered into in March 2024") under fiscal-year headings, beside
    'Number of Shares Delivered (in millions) | Average Price Paid Per Share': each column a
    concept (R-REP-002/003), each agreement a member of the share repurchase program axis
    (M-SRP-001), each number over the fiscal year its heading names."""
    adbe = _filing(tmp_path_factory, "adbe-10-k-2025-01-13")
    mapping = map_filing(adbe, exclude_company="adbe")
    table = next(t for t in adbe.tables if t.title.startswith("Share repurchase activities"))
    row = next(r for r in table.rows if r.label == "ASR entered into in March 2024")
    facts = {f.concept.local: f for f in mapping.facts if f.source.table == table.index and f.source.row == row.index}
    assert set(facts) == {"TreasuryStockSharesAcquired", "TreasuryStockAcquiredAverageCostPerShare"}
    shares, price = facts["TreasuryStockSharesAcquired"], facts["TreasuryStockAcquiredAverageCostPerShare"]
    assert (shares.value, price.value, price.unit) == (Decimal("5200000"), Decimal("475.94"), USD_PER_SHARE)
    assert shares.context.period == price.context.period == Duration(dt.date(2023, 12, 2), dt.date(2024, 11, 29))
    assert [(a.local, m.prefix) for a, m in shares.context.dimensions] == [("ShareRepurchaseProgramAxis", "adobe")]


def test_an_unrecognized_tax_benefits_roll_forward_with_its_movements_under_headings_of_periods(tmp_path_factory):
    """Salesforce's reconciliation of unrecognized tax benefits puts 'Gross increases' and
    'Gross decreases' under 'Tax positions taken in prior period' (and again under '...
    current period'): each the heading's kind of movement (R-UTB-007..009); 'Currency
    translation effect' (1) a decrease of 1 (R-UTB-010); and 'End of period' under that
    heading the balance those movements change (RF-001, roll_forwards.csv), not a company
    concept made from the heading."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if any(r.label == "Currency translation effect" for r in t.rows)
                 and any(r.label == "Gross decreases" for r in t.rows))
    year = Duration(dt.date(2024, 2, 1), dt.date(2025, 1, 31))
    found = {(table.rows[f.source.row].section, f.label): (f.concept.local, f.value) for f in mapping.facts
             if f.source.table == table.index and f.context.period in (year, Instant(dt.date(2025, 1, 31)))}
    prior, current = "Tax positions taken in prior period", "Tax positions taken in current period"
    assert found[(prior, "Gross increases")] == \
        ("UnrecognizedTaxBenefitsIncreasesResultingFromPriorPeriodTaxPositions", Decimal("53000000"))
    assert found[(prior, "Gross decreases")] == \
        ("UnrecognizedTaxBenefitsDecreasesResultingFromPriorPeriodTaxPositions", Decimal("65000000"))
    assert found[(current, "Gross increases")] == \
        ("UnrecognizedTaxBenefitsIncreasesResultingFromCurrentPeriodTaxPositions", Decimal("378000000"))
    assert found[(current, "Currency translation effect")] == \
        ("UnrecognizedTaxBenefitsDecreasesResultingFromForeignCurrencyTranslation", Decimal("1000000"))
    assert found[(current, "End of period")] == ("UnrecognizedTaxBenefits", Decimal("2419000000"))
    assert {f.rule for f in mapping.facts if f.source.table == table.index and f.label == "End of period"} == {"RF-001"}


def test_a_loss_contingency_roll_forward_names_its_balance_movements_and_current_portion(tmp_path_factory):
    """Union Pacific's 'Our environmental liability activity was as follows:' and 'Our
    personal injury liability activity ...': the beginning and ending balances are the
    accrual (R-ENV-001, R-LCT-001), accruals and payments its movements, 'Current portion,
    ending balance at June 30,' the current part at June 30 (an instant, not the half year);
    the personal injury numbers are of that kind of contingency (T-LCN-001)."""
    unp = _filing(tmp_path_factory, "unp-10-q-2025-07-24")
    mapping = map_filing(unp, exclude_company="unp")
    june = Instant(dt.date(2025, 6, 30))
    half = Duration(dt.date(2025, 1, 1), dt.date(2025, 6, 30))

    def facts_of(opening):
        table = next(t for t in unp.tables if t.title.startswith(opening))
        return {(f.label, f.context.period): f for f in mapping.facts if f.source.table == table.index}

    environmental = facts_of("Our environmental liability activity")
    assert environmental[("Beginning balance", Instant(dt.date(2024, 12, 31)))].concept.local == \
        "AccrualForEnvironmentalLossContingencies"
    assert environmental[("Accruals", half)].concept.local == "AccrualForEnvironmentalLossContingenciesChargesToExpenseForNewLosses"
    assert (environmental[("Payments", half)].concept.local, environmental[("Payments", half)].value) == \
        ("AccrualForEnvironmentalLossContingenciesPayments1", Decimal("41000000"))
    current = next(f for (label, period), f in environmental.items() if label.startswith("Current portion") and period == june)
    assert (current.concept.local, current.value) == ("AccruedEnvironmentalLossContingenciesCurrent", Decimal("69000000"))
    injury = facts_of("Our personal injury liability activity")
    ending = next(f for (label, period), f in injury.items() if label.startswith("Ending balance") and period == june)
    assert (ending.concept.local, ending.value) == ("LossContingencyAccrualAtCarryingValue", Decimal("370000000"))
    assert injury[("Payments", half)].concept.local == "LossContingencyAccrualPayments"
    assert all([(a.local, m.local) for a, m in f.context.dimensions] ==
               [("LossContingenciesByNatureOfContingencyAxis", "PersonalInjuryMember")] for f in injury.values())


def test_litigation_accrual_roll_forwards_of_a_kind_of_litigation_are_its_members(tmp_path_factory):
    """Visa rolls its accrued litigation forward in one table and then each kind of it ('the
    accrual activity related to U.S. covered litigation') in tables of their own: balances,
    provisions and payments of the loss contingency accrual (NS-023, R-LCT-001..003), the
    kind's tables on a member of LossContingenciesByNatureOfContingencyAxis (T-LCN-002), so
    that their balances are no second value of the first table's."""
    v = _filing(tmp_path_factory, "v-10-k-2024-11-13")
    mapping = map_filing(v, exclude_company="v")
    year_end = Instant(dt.date(2024, 9, 30))

    def facts_of(opening):
        table = next(t for t in v.tables if t.title.startswith(opening))
        return {(f.label, f.context.period): f for f in mapping.facts if f.source.table == table.index}

    accrued = facts_of("The following table summarizes the activity related to accrued litigation")
    ending = accrued[("Balance as of end of period", year_end)]
    assert (ending.concept.local, ending.value, ending.context.dimensions) == \
        ("LossContingencyAccrualAtCarryingValue", Decimal("1727000000"), ())
    assert accrued[("Payments for legal matters", Duration(dt.date(2023, 10, 1), year_end.date))].concept.local == \
        "LossContingencyAccrualPayments"
    covered = facts_of("The following table summarizes the accrual activity related to U.S. covered litigation")
    ending = covered[("Balance as of end of period", year_end)]
    assert (ending.concept.local, ending.value) == ("LossContingencyAccrualAtCarryingValue", Decimal("1537000000"))
    assert [(a.local, m.prefix) for a, m in ending.context.dimensions] == \
        [("LossContingenciesByNatureOfContingencyAxis", "visa")]


def test_a_level_3_roll_forward_of_liabilities_names_its_balance_additions_and_payments(tmp_path_factory):
    """AbbVie's 'changes in fair value of contingent consideration liabilities' under 'no
    transfers ... into or out of Level 3': the balances are the Level 3 liabilities'
    reconciled value (R-L3L-001), 'Additions' their purchases, 'Payments' (1,995) their
    settlements of 1,995 (scope NS-024), not what 'Beginning balance' meant elsewhere."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    mapping = map_filing(abbv, exclude_company="abbv")
    table = next(t for t in abbv.tables if t.title.startswith("There have been no transfers of assets or liabilities"))
    found = {(f.label, f.context.period): (f.concept.local, f.value) for f in mapping.facts if f.source.table == table.index}
    prefix = "FairValueMeasurementWithUnobservableInputsReconciliation"
    year = Duration(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert found[("Beginning balance", Instant(dt.date(2023, 12, 31)))] == \
        (f"{prefix}sRecurringBasisLiabilityValue", Decimal("19890000000"))
    assert found[("Ending balance", Instant(dt.date(2024, 12, 31)))] == \
        (f"{prefix}sRecurringBasisLiabilityValue", Decimal("21666000000"))
    assert found[("Payments", year)] == (f"{prefix}RecurringBasisLiabilitySettlements", Decimal("1995000000"))
    assert found[("Additions", Duration(dt.date(2022, 1, 1), dt.date(2022, 12, 31)))] == \
        (f"{prefix}RecurringBasisLiabilityPurchases", Decimal("32000000"))


def test_a_closing_balance_under_a_heading_of_movements_is_the_tables_balance(tmp_path_factory):
    """Nvidia's roll-forward of non-marketable equity securities puts 'Balance at end of
    period' under the heading 'Adjustments related to non-marketable equity securities',
    which names the movements above it, not a balance: the closing line is the balance the
    title names (R-TTL-012), as the opening line above the heading is."""
    nvda = _filing(tmp_path_factory, "nvda-10-q-2025-08-27")
    mapping = map_filing(nvda, exclude_company="nvda")
    table = next(t for t in nvda.tables if t.title.startswith("Adjustments to the carrying value of our non-marketable"))
    closing = [f for f in mapping.facts if f.source.table == table.index and f.label == "Balance at end of period"]
    opening = [f for f in mapping.facts if f.source.table == table.index and f.label == "Balance at beginning of period"]
    assert closing and opening
    assert {f.concept.local for f in closing} == {f.concept.local for f in opening} == \
        {"EquitySecuritiesWithoutReadilyDeterminableFairValueAmount"}
    assert Decimal("3799000000") in {f.value for f in closing if f.context.period == Instant(dt.date(2025, 7, 27))}


def test_a_table_of_changes_in_outstanding_shares_counts_shares(tmp_path_factory):
    """Mastercard's changes in outstanding Class A and Class B stock, 'Outstanding Shares'
    over both columns, in millions with one decimal ('0.2' converted): every figure is a
    count of shares, not dollars nor an amount per share. Its dated balances are the shares
    outstanding (R-SHC-001 in a table of that kind), not a concept named after the title."""
    ma = _filing(tmp_path_factory, "ma-10-k-2025-02-12")
    mapping = map_filing(ma, exclude_company="ma")
    table = next(t for t in ma.tables if "changes in the company" in t.title.lower()
                 and any(r.label.startswith("Conversion of Class B") for r in t.rows))
    facts = [f for f in mapping.facts if f.source.table == table.index]
    assert facts and {str(f.unit) for f in facts} == {"xbrli:shares"}
    concepts = {f.label: f.concept.local for f in facts}
    assert concepts["Conversion of Class B to Class A common stock"] == "ConversionOfStockSharesConverted1"
    balances = [f for f in facts if f.label.startswith("Balance at")]
    assert balances and {f.concept.local for f in balances} == {"SharesOutstanding"}
    assert {f.rule for f in balances} == {"R-SHC-001"}


def test_maturities_under_a_held_to_maturity_heading_are_held_to_maturity(tmp_path_factory):
    """UnitedHealth's debt securities by contractual maturity: 'Available-for-Sale |
    Held-to-Maturity', each over 'Amortized Cost | Fair Value'. A row's maturity concept is
    the available-for-sale one under the first heading and the held-to-maturity one under
    the second (column_twins.csv), whose amortized cost is its net carrying amount."""
    unh = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    mapping = map_filing(unh, exclude_company="unh")
    table = next(t for t in unh.tables if "by contractual maturity" in t.title
                 and any(r.label == "Due after ten years" for r in t.rows))
    concepts = {f.source.column: f.concept.local for f in mapping.facts
                if f.source.table == table.index and f.label == "Due after ten years"}
    assert concepts == {0: "AvailableForSaleSecuritiesDebtMaturitiesAfterTenYearsAmortizedCost",
                        1: "AvailableForSaleSecuritiesDebtMaturitiesAfterTenYearsFairValue",
                        2: "HeldToMaturitySecuritiesDebtMaturitiesAfterTenYearsNetCarryingAmount",
                        3: "HeldToMaturitySecuritiesDebtMaturitiesAfterTenYearsFairValue"}
    within = {f.source.column: f.concept.local for f in mapping.facts
              if f.source.table == table.index and f.label == "Due in one year or less"}
    assert within[2] == "HeldToMaturitySecuritiesDebtMaturitiesWithinOneYearNetCarryingAmount"


def test_shares_available_for_grant_beside_option_activity(tmp_path_factory):
    """Salesforce's stock option activity opens on 'Shares Available for Grant' beside
    'Outstanding Stock Options | Weighted-Average Exercise Price | Aggregate Intrinsic Value'.
    The first column counts the shares the plans may still grant, not options, so the table
    is read as award activity (it had two columns of counts and was not), each price unscaled."""
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    mapping = map_filing(crm, exclude_company="crm")
    table = next(t for t in crm.tables if any(r.label == "Increase in shares authorized" for r in t.rows))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index}
    opening = "Balance as of January 31, 2024"
    assert facts[(opening, 0)].concept.local == "ShareBasedCompensationArrangementByShareBasedPaymentAwardNumberOfSharesAvailableForGrant"
    assert facts[(opening, 0)].value == Decimal(60000000)
    assert facts[(opening, 1)].concept.local == "ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsOutstandingNumber"
    price = facts[(opening, 2)]
    assert price.concept.local == "ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsOutstandingWeightedAverageExercisePrice"
    assert price.value == Decimal("185.77")


def test_an_eps_computation_is_line_items_not_members_of_its_share_total(tmp_path_factory, nflx):
    """Netflix's EPS computation repeats 'Net income' and 'Weighted-average shares of common
    stock' under basic and diluted, above a share total: the lines are amounts of different
    kinds (dollars, shares, dollars per share), each its own concept, not members of the
    class of stock axis under the share total's concept (a basic EPS of 7,350 shares).
    Meta's 'Net income for diluted EPS' is dollars, though its label names EPS."""
    mapping = map_filing(nflx, exclude_company="nflx")
    table = next(t for t in nflx.tables if [r.label for r in t.rows][:2] == ["Basic earnings per share", "Net income"])
    facts = [f for f in mapping.facts if f.source.table == table.index and f.source.column == 0]
    by_label = {f.label: f for f in facts}
    assert by_label["Basic earnings per share"].concept.local == "EarningsPerShareBasic"
    assert by_label["Basic earnings per share"].value == Decimal("7.35")
    assert by_label["Net income"].concept.local == "NetIncomeLoss"
    assert not any(a.local == "StatementClassOfStockAxis" for f in facts for a, _ in f.context.dimensions)
    meta = _filing(tmp_path_factory, "meta-10-k-2025-01-30")
    diluted = [f for f in map_filing(meta, exclude_company="meta").facts if f.label == "Net income for diluted EPS"]
    assert diluted and {str(f.unit) for f in diluted} == {"iso4217:USD"}


def test_derivatives_offset_under_master_netting_take_each_columns_concept_by_side(tmp_path_factory, nflx):
    """Alphabet's and Netflix's offsetting tables: 'Gross Amounts Recognized | Gross Amounts
    Offset | Net Amounts Presented | Financial Instruments | ... | Net Amounts' over
    'Derivative assets' and 'Derivative liabilities' (scope NS-027). Each column names one
    concept for the assets and its twin for the liabilities (R-OFS-*), the amounts offset
    shown in parentheses as positive amounts; the columns clashed into company concepts before."""
    googl = _filing(tmp_path_factory, "googl-10-k-2025-02-05")
    mapping = map_filing(googl, exclude_company="googl")
    table = next(t for t in googl.tables if t.kind is StatementKind.NOTE and "Not Offset" in t.title
                 and any(r.label == "Derivatives liabilities" for r in t.rows))
    facts = {(f.label, f.source.column): f for f in mapping.facts if f.source.table == table.index
             and f.context.period == Instant(dt.date(2023, 12, 31))}
    assert facts[("Derivatives assets", 0)].concept.local == "DerivativeFairValueOfDerivativeAsset"
    offset = facts[("Derivatives assets", 1)]
    assert offset.concept.local == "DerivativeAssetFairValueGrossLiability" and offset.value == Decimal(82000000)
    assert facts[("Derivatives liabilities", 1)].concept.local == "DerivativeLiabilityFairValueGrossAsset"
    assert facts[("Derivatives liabilities", 2)].concept.local == "DerivativeLiabilities"
    assert facts[("Derivatives liabilities", 3)].concept.local == "DerivativeLiabilityNotOffsetPolicyElectionDeduction"
    netflix = [f for f in map_filing(nflx, exclude_company="nflx").facts if f.rule.startswith("R-OFS")]
    assert {f.concept.local for f in netflix} >= {"DerivativeAssets", "DerivativeLiabilities"}


def test_a_schedule_of_dividends_dates_each_dividend(tmp_path_factory):
    """Dividend schedules, one row per dividend: AbbVie's 'Date Declared | Payment Date |
    Dividend Per Share' for 2024, 2023 and 2022 side by side (only 2024's dates kept) and
    Salesforce's 'Record Date | Payment Date | Dividend per Share | Amount' are dividends
    declared in the fiscal quarter of the first date; UnitedHealth's 'Payment Date | Amount
    per Share | Total Amount Paid' dividends paid on the day ("March 19" of the 2024 the
    title names). The years row and the dates made company concepts before."""
    abbv = _filing(tmp_path_factory, "abbv-10-k-2025-02-14")
    facts = [f for f in map_filing(abbv, exclude_company="abbv").facts if f.label == "09/06/24 11/15/24"]
    assert {(f.concept.local, f.context.period, f.value) for f in facts} == {
        ("CommonStockDividendsPerShareDeclared", Duration(dt.date(y, 7, 1), dt.date(y, 9, 30)), Decimal(v))
        for y, v in ((2024, "1.55"), (2023, "1.48"), (2022, "1.41"))}
    table = abbv.tables[facts[0].source.table]
    mapping = map_filing(abbv, exclude_company="abbv")
    assert not [f for f in mapping.facts
                if f.source.table == table.index and f.label in ("2024", "Date Declared Payment Date")]
    # the round trip counts the years of that row untagged, as a header's (it found them missing)
    from converter import proof
    from converter.arelle_bridge import ValidationReport
    result = proof.match_cells(abbv, mapping.facts, ValidationReport((), ()))
    assert not [m for m in result.mismatches if m.fact_id.startswith(f"f-{table.index}-")]
    crm = _filing(tmp_path_factory, "crm-10-k-2025-03-05")
    table = next(t for t in crm.tables if "Record Date" in " ".join(t.raw.header))
    december = {f.concept.local: f for f in map_filing(crm, exclude_company="crm").facts
                if f.source.table == table.index and f.source.row == 3}
    assert december["CommonStockDividendsPerShareDeclared"].value == Decimal("0.40")
    assert december["Dividends"].value == Decimal(388_000_000)
    assert december["Dividends"].context.period == Duration(dt.date(2024, 11, 1), dt.date(2025, 1, 31))
    unh = _filing(tmp_path_factory, "unh-10-k-2025-02-27")
    paid = {f.concept.local: f for f in map_filing(unh, exclude_company="unh").facts if f.label == "March 19"}
    assert paid["CommonStockDividendsPerShareCashPaid"].value == Decimal("1.88")
    assert paid["PaymentsOfDividendsCommonStock"].value == Decimal(1_729_000_000)
    assert paid["PaymentsOfDividendsCommonStock"].context.period == Duration(dt.date(2024, 3, 19), dt.date(2024, 3, 19))


def test_a_copied_schedule_of_dividends_with_its_captions_run_together_dates_each_dividend(tmp_path):
    """Salesforce's dividends as copied text: "Record DatePayment DateDividend per ShareAmount"
    over "March 14, 2024April 11, 2024$0.40 $388". The captions still name the record date
    that dates each dividend (they were not found where no space parted them, and every
    dividend became a company concept for the whole year)."""
    crm = detect(read(stripped(tmp_path, "crm-10-k-2025-03-05", "text-noyears")))
    table = next(t for t in crm.tables if "Record DatePayment Date" in " ".join(t.raw.header))
    december = {f.concept.local: f for f in map_filing(crm, exclude_company="crm").facts
                if f.source.table == table.index and f.label.startswith("December 18, 2024")}
    assert december["CommonStockDividendsPerShareDeclared"].value == Decimal("0.40")
    assert december["Dividends"].value == Decimal(388_000_000)
    assert december["Dividends"].context.period == Duration(dt.date(2024, 11, 1), dt.date(2025, 1, 31))


def test_product_lines_within_a_segment_take_its_member_and_the_totals_concept(tmp_path_factory):
    """Home Depot's net sales by merchandising department within its Primary segment:
    sixteen departments, 'Primary segment net sales' (their sum, though the shares of net
    sales beside them add up to 95.8% and it shows 96.0%), 'Other net sales', 'Net sales'.
    The lines naming segments by the total's own words are net sales of those segments
    (member rules M-SEG-002, M-SEG-001), the departments net sales of their product in the
    Primary segment; they were company concepts before, 'Building Materials' a balance."""
    hd = _filing(tmp_path_factory, "hd-10-k-2025-03-21")
    table = next(t for t in hd.tables if any(r.label == "Storage & Organization" for r in t.rows))
    assert next(r for r in table.rows if r.label == "Primary segment net sales").is_total
    facts = {(f.label, f.source.column): f for f in map_filing(hd, exclude_company="hd").facts
             if f.source.table == table.index}
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    segment = {a.local: m.local for a, m in facts[("Primary segment net sales", 0)].context.dimensions}
    assert facts[("Primary segment net sales", 0)].concept.local == revenue
    assert segment == {"StatementBusinessSegmentsAxis": "ReportableSegmentAggregationBeforeOtherOperatingSegmentMember"}
    materials = facts[("Building Materials", 0)]
    assert materials.concept.local == revenue and materials.value == Decimal(12_423_000_000)
    dims = {a.local: m.local for a, m in materials.context.dimensions}
    assert dims == {"ProductOrServiceAxis": "BuildingMaterialsMember", **segment}
    other = facts[("Other net sales", 0)]
    assert other.concept.local == revenue and \
        {a.local: m.local for a, m in other.context.dimensions} == {"StatementBusinessSegmentsAxis": "AllOtherSegmentsMember"}
    assert facts[("Net sales", 0)].context.dimensions == ()
