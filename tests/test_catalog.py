"""The taxonomy catalog: concepts, labels, calculation and presentation structure, learned labels."""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from converter.mapping.catalog import Catalog, normalize_label
from converter.model import NS, PeriodType


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_assets_is_an_instant_debit_monetary_concept(catalog):
    assets = catalog.concept("Assets")
    assert assets is not None
    assert assets.period_type is PeriodType.INSTANT
    assert assets.balance == "debit"
    assert assets.is_monetary
    assert assets.qname.namespace == NS["us-gaap"]
    assert catalog.concept("us-gaap:Assets") is assets
    assert catalog.concept("{%s}Assets" % NS["us-gaap"]) is assets


def test_concept_types_and_families(catalog):
    assert catalog.concept("EarningsPerShareBasic").is_per_share
    assert catalog.concept("WeightedAverageNumberOfSharesOutstandingBasic").is_shares
    assert catalog.concept("NetIncomeLoss").period_type is PeriodType.DURATION
    assert catalog.concept("dei:EntityCommonStockSharesOutstanding").is_shares
    assert catalog.concept("srt:ProductionBarrelsOfOilEquivalents1").qname.prefix == "srt"
    assert catalog.concept("NoSuchConceptAnywhere") is None
    # abstracts and members are not concepts a fact can use
    assert catalog.concept("StatementOfFinancialPositionAbstract") is None
    assert catalog.concept("CommonStockMember") is None


def test_blank_labels_are_derived_from_the_name(catalog):
    concept = catalog.concept("AcceleratedShareRepurchasesAdjustmentToRecordedAmount")
    assert concept.label == "Accelerated Share Repurchases Adjustment to Recorded Amount"
    assert catalog.label_source("AcceleratedShareRepurchasesAdjustmentToRecordedAmount") == "derived"
    assert catalog.label_source("Assets") != "derived"


@pytest.mark.parametrize("name", [
    "srt:AmericasMember", "srt:AsiaPacificMember", "us-gaap:EMEAMember", "us-gaap:CommonStockMember",
    "us-gaap:TreasuryStockCommonMember", "us-gaap:AdditionalPaidInCapitalMember",
    "us-gaap:RetainedEarningsMember", "us-gaap:AccumulatedOtherComprehensiveIncomeMember",
])
def test_members(catalog, name):
    qname = catalog.member(name)
    assert qname is not None and str(qname) == name
    assert catalog.axis(name) is None


def test_axes(catalog):
    for name in ("us-gaap:StatementEquityComponentsAxis", "srt:StatementGeographicalAxis",
                 "srt:ProductOrServiceAxis", "us-gaap:StatementBusinessSegmentsAxis"):
        assert str(catalog.axis(name)) == name
    assert catalog.axis("StatementEquityComponentsAxis").namespace == NS["us-gaap"]
    assert catalog.axis("ProductOrServiceAxis").namespace == NS["srt"]
    assert catalog.dimension_label("srt:AmericasMember") == "Americas [Member]"


def test_calculation_weights_carry_the_sign_convention(catalog):
    investing = "NetCashProvidedByUsedInInvestingActivities"
    assert catalog.calc_weight(investing, "PaymentsToAcquirePropertyPlantAndEquipment") == -1
    assert catalog.calc_weight("us-gaap:AssetsCurrent", "us-gaap:CashAndCashEquivalentsAtCarryingValue") == 1
    assert catalog.calc_weight("Assets", "NetIncomeLoss") is None
    assert ("us-gaap:AssetsCurrent", 1) in catalog.calc_children("Assets")
    assert ("us-gaap:Assets", 1) in catalog.calc_parents("AssetsCurrent")


def test_statement_affinity(catalog):
    assert "balance" in catalog.statements_of("Assets")
    assert "cashflow" in catalog.statements_of("PaymentsToAcquirePropertyPlantAndEquipment")
    assert "income" in catalog.statements_of("EarningsPerShareBasic")
    assert catalog.statements_of("NoSuchConceptAnywhere") == frozenset()


@pytest.mark.parametrize("label, expected", [
    ("Total current assets", "AssetsCurrent"),
    ("Accounts receivable, net", "AccountsReceivableNet"),
    ("Total stockholders' equity", "StockholdersEquity"),
    ("Total shareholders’ equity", "StockholdersEquity"),
    ("Depreciation and amortization", "DepreciationAndAmortization"),
    ("Net cash used in investing activities", "NetCashProvidedByUsedInInvestingActivities"),
])
def test_search_label_ranks_the_standard_concept_first(catalog, label, expected):
    best, score = catalog.search_label(label)[0]
    assert best.qname.local == expected
    assert 0 < score <= 1


def test_search_label_filters_by_period_type(catalog):
    results = catalog.search_label("Net income", period_type="instant", limit=20)
    assert results and all(c.period_type is PeriodType.INSTANT for c, _ in results)
    assert catalog.search_label("  (1) ") == []


@pytest.mark.parametrize("raw, expected", [
    ("Total current assets (Note 9):", "total current assets"),
    ("Revenue (1) (2)", "revenue"),
    ("Revenue(2)(4)", "revenue"),
    ("Other income, net [1] [a]", "other income, net"),
    ("Net income (loss)", "net income (loss)"),
    ("Cash \u2014 end of period*", "cash - end of period"),
    ("  $\u00a0Goodwill  ", "goodwill"),
    ("Stockholders\u2019 equity (see Notes 3 and 4)", "stockholders' equity"),
    ("Property and equipment, net of accumulated depreciation", "property and equipment, net of accumulated depreciation"),
    ("Noncurrent liabilities", "noncurrent liabilities"),
])
def test_normalize_label(raw, expected):
    assert normalize_label(raw) == expected


def test_learned_labels_from_the_official_filings(catalog):
    assert catalog.learned("balance", "Total current assets")[0][0] == "us-gaap:AssetsCurrent"
    assert catalog.learned("balance", "  TOTAL CURRENT ASSETS:")[0][0] == "us-gaap:AssetsCurrent"
    assert catalog.learned("income", "no such row label anywhere") == []


def test_learned_leaves_one_company_out(catalog):
    label = "Purchases of property and equipment"
    entries = catalog.learned_entries("cashflow", label)
    companies = {e.company for e in entries}
    assert len(companies) >= 3
    left_out = sorted(companies)[0]
    kept = catalog.learned_entries("cashflow", label, exclude_company=left_out)
    assert kept and all(e.company != left_out for e in kept)
    dropped = sum(e.count for e in entries if e.company == left_out)
    assert dropped > 0
    assert sum(n for _, n in catalog.learned("cashflow", label)) - dropped == \
        sum(n for _, n in catalog.learned("cashflow", label, exclude_company=left_out))


def test_learned_sign_evidence(catalog):
    """Capital expenditures are shown in parentheses but are positive XBRL values."""
    entries = [e for e in catalog.learned_entries("cashflow", "Purchases of property and equipment")
               if e.concept == "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"]
    assert entries
    assert sum(e.parens_count for e in entries) == sum(e.count for e in entries)
    assert sum(e.negated_count for e in entries) == 0


def test_learned_fuzzy_finds_near_labels(catalog):
    results = catalog.learned_fuzzy("cashflow", "Purchases of property & equipment, net")
    assert results[0][0] == "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"
    assert all(0 < score <= 1 for _, score, _ in results)


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MAPS = Path(__file__).resolve().parents[1] / "taxonomy_maps"
BUILT_FILES = ("concepts.csv", "dei-concepts.csv", "srt-concepts.csv", "members.csv", "axes.csv",
               "calculations.csv", "presentation.csv")


def _script(name):
    spec = importlib.util.spec_from_file_location(name, MAPS / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared")
def test_committed_catalog_files_are_what_the_build_script_makes(tmp_path):
    assert _script("build_catalog").main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in BUILT_FILES:
        assert (tmp_path / name).read_bytes() == (MAPS / "us-gaap-2024" / name).read_bytes(), name


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared")
def test_committed_learned_labels_are_what_the_learner_makes(tmp_path):
    """Re-learn one filing (the smallest, to stay fast) and find exactly its committed rows."""
    filing = min((SHARED / "corpus" / "dev").glob("*.htm.gz"), key=lambda p: p.stat().st_size)
    company = filing.name.split("-", 1)[0]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / filing.name).symlink_to(filing)
    out = tmp_path / "learned_labels.csv"
    assert _script("learn_corpus").main(["--shared", str(SHARED), "--corpus", str(corpus), "--out", str(out)]) == 0
    committed = (MAPS / "us-gaap-2024" / "learned_labels.csv").read_text(encoding="utf-8").splitlines()
    relearned = out.read_text(encoding="utf-8").splitlines()
    assert relearned[:2] == committed[:2]  # notice and header
    assert relearned[2:] == [line for line in committed[2:] if line.startswith(company + ",")]
    assert len(relearned) > 100


@pytest.mark.parametrize("header, expected", [
    ("Americas", "srt:AmericasMember"),
    ("Asia Pacific", "srt:AsiaPacificMember"),
    ("EMEA", "us-gaap:EMEAMember"),
    ("Additional Paid-in Capital", "us-gaap:AdditionalPaidInCapitalMember"),
    ("Retained earnings", "us-gaap:RetainedEarningsMember"),
])
def test_search_member_finds_standard_members(catalog, header, expected):
    assert str(catalog.search_member(header)[0][0]) == expected


def test_search_member_does_not_overrate_unknown_words(catalog):
    results = catalog.search_member("Hosted services")
    assert results and results[0][1] < 0.8


def test_placements_give_parent_and_order(catalog):
    placements = catalog.placements("AssetsCurrent")
    balance = [p for p in placements if p[0] == "balance"]
    assert balance
    kind, role, parent, order, depth = balance[0]
    assert role.startswith("StatementOfFinancialPosition") and parent.startswith("us-gaap:")
    assert order > 0 and depth > 0


def test_learned_entries_carry_section_and_position(catalog):
    entries = catalog.learned_entries("balance", "Total current assets")
    assert entries and all(0.0 <= e.position <= 1.0 for e in entries)
    assert all(e.total_count == e.count for e in entries)  # "Total ..." rows are totals
    cash = catalog.learned_entries("balance", "Cash and cash equivalents")
    assert any("current assets" in e.section for e in cash)


def test_stale_catalog_pickles_are_pruned_to_the_newest_few(tmp_path):
    import os
    from converter.mapping.catalog import KEPT_CACHES, _remove_stale_caches
    pickles = [tmp_path / f"catalog-us-gaap-2024-{i:02d}.pickle" for i in range(5)]
    for i, p in enumerate(pickles):
        p.write_bytes(b"x")
        os.utime(p, (1000 + i, 1000 + i))
    current = pickles[0]  # the one this checkout loads, whatever its age
    _remove_stale_caches(current, "us-gaap-2024")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert current.name in left and len(left) == KEPT_CACHES
    assert pickles[4].name in left and pickles[1].name not in left  # the newest others stay


def test_every_country_member_the_mapping_data_can_emit_is_declared_offline():
    """A country member the offline country schema lacks fails validation
    (xbrldie:ExplicitMemberUndefinedQNameError), so the mapping data may only name declared ones."""
    maps = Path(__file__).resolve().parents[1] / "taxonomy_maps"
    schema = (maps / "arelle-cache/https/xbrl.sec.gov/country/2024/country-2024.xsd").read_text(encoding="utf-8")
    declared = set(re.findall(r'<xs:element id="country_([A-Z]{2})"', schema))
    used = {code for path in maps.glob("*/*.csv")
            for code in re.findall(r"\bcountry:([A-Z]{2})\b", path.read_text(encoding="utf-8"))}
    assert used and used <= declared, sorted(used - declared)


def test_a_standard_member_named_exactly_outranks_a_company_member_others_made(catalog):
    """'Machinery and equipment': one filer made a company member of it, the taxonomy has
    MachineryAndEquipmentMember word for word; left out of its own data, Netflix's line
    takes the standard member."""
    from converter.mapping.members import member_candidates

    found = member_candidates(catalog, "Machinery and equipment", ("row", "section", "column"), exclude_company="nflx")
    assert any(c.member == "ext" for c in found)  # the company member is a candidate still ...
    assert found[0].member == "us-gaap:MachineryAndEquipmentMember"  # ... after the standard one


def test_ancestors_are_kept_per_depth(catalog):
    """Incremental shares add into the diluted shares' adjustment, which adds into the
    diluted shares: two arcs up. A walk of one arc asked after a walk of two (or of the
    default four) finds the adjustment alone; the memo kept the first walk's answer for any
    depth (``Mapper._nearest_sum`` asks at two depths)."""
    incremental = "us-gaap:IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"
    two = catalog.ancestors(incremental, max_depth=2)
    one = catalog.ancestors(incremental, max_depth=1)
    assert "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding" in two
    assert set(one) == {"us-gaap:WeightedAverageNumberDilutedSharesOutstandingAdjustment"}
    assert set(catalog.ancestors(incremental)) >= set(two)
