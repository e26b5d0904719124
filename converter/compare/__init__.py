"""Compare our facts with the official XBRL of the same filing, fact by fact.

``compare(ours, official)`` aligns two ``FactSet``s and classes every official fact
(match, concept/value/sign/period differs, missing) and every unmatched fact of ours
(extra), with summary figures named as ``../shared/tools/score.py`` names them.
"""
from converter.compare.core import Comparison, FactResult, compare

__all__ = ["Comparison", "FactResult", "compare"]
