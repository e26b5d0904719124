"""Filings per second of ``xbrlconv batch`` with 1 and 2 workers on the stripped dev corpus.

    python benchmarks/batch_speed.py [--mode html|text-noyears] [--workers 1 2] [--keep DIR]

Strips every ../shared/corpus/dev filing with the official strip.py, then runs the
batch on a fresh local Dask cluster for each worker count (fresh output folders, so
nothing is skipped). The time includes the cluster's start; a second run over the same
outputs is also timed to show what the manifest skip costs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.workdir import work_folder  # noqa: E402
from converter.batch import run_batch  # noqa: E402

SHARED = ROOT.parent / "shared"


def strip_corpus(folder: Path, mode: str) -> list[Path]:
    suffix = ".htm" if mode == "html" else ".txt"
    made = []
    for gz in sorted((SHARED / "corpus" / "dev").glob("*.htm.gz")):
        target = folder / (gz.name[: -len(".htm.gz")] + suffix)
        text = subprocess.run([sys.executable, str(SHARED / "tools" / "strip.py"), mode, str(gz)],
                              check=True, capture_output=True, text=True).stdout
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", default="html", choices=("html", "text-noyears"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder (default: removed at the end)")
    args = parser.parse_args()
    with work_folder(args.keep, "batch_speed.") as work:
        return run(args, work)


def run(args: argparse.Namespace, work: Path) -> int:
    """Stripped corpus filings converted as a batch with each number of workers, then again."""
    inputs = work / "in"
    inputs.mkdir(parents=True, exist_ok=True)
    filings = strip_corpus(inputs, args.mode)
    print(f"{len(filings)} stripped filings ({args.mode}) in {inputs}")
    for workers in args.workers:
        out = work / f"out-{workers}"
        started = time.perf_counter()
        report = run_batch(inputs, out, workers=workers)
        seconds = time.perf_counter() - started
        counts = report.counts
        print(f"workers={workers}: {len(filings) / seconds:.3f} filings/s "
              f"({seconds:.1f}s; {counts['converted']} converted, {counts['failed']} failed)")
        for status in report.statuses:
            if status.status == "failed":
                print(f"  failed {Path(status.input).name}: {status.message}")
        started = time.perf_counter()
        rerun = run_batch(inputs, out, workers=workers)
        print(f"  rerun: {time.perf_counter() - started:.1f}s, {rerun.counts['skipped']} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
