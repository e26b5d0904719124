"""Time compare() on the largest dev-corpus filing against a perturbed copy of itself.

Reading is timed apart from comparing: the target is two sides of ~2,000 facts compared
in under a second. usage: python benchmarks/compare_speed.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _perturb import perturb, to_xbrl_json, write_json  # noqa: E402

from converter.compare import compare  # noqa: E402
from converter.compare.names import concept_label  # noqa: E402
from converter.readers.facts import read_facts  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def main() -> None:
    largest = max(CORPUS.glob("*.htm.gz"), key=lambda p: len(read_facts(p).facts))
    start = time.perf_counter()
    official = read_facts(largest)
    read_official = time.perf_counter() - start
    facts, _ = perturb(official, seed=2025)
    with tempfile.TemporaryDirectory() as tmp:
        ours = read_facts(write_json(to_xbrl_json(facts), Path(tmp) / "ours.json"))
    concept_label(official.facts[0].concept)  # load the label catalog once, as a long-lived process would
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        result = compare(ours, official)
        runs.append(time.perf_counter() - start)
    print(f"{largest.name}: official {len(official.facts)} facts, ours {len(ours.facts)} facts")
    print(f"read official iXBRL: {read_official:.3f} s")
    print(f"compare: best {min(runs):.3f} s, worst {max(runs):.3f} s over {len(runs)} runs "
          f"({len(result.results)} results)")


if __name__ == "__main__":
    main()
