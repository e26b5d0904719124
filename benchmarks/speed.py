"""Speed and memory of one conversion, against Arelle loading the official filing.

    python benchmarks/speed.py [--kinds html text] [--only ko aapl] [--repeat 3]
                               [--no-roundtrip] [--no-cli] [--work DIR] [--json FILE]

For every official filing in ../shared/corpus/dev and every input kind (``html`` is
``strip.py html``, ``text`` is ``strip.py text-noyears``; the official tool is called,
never copied), the run measures:

- ``convert``: ``converter.pipeline.convert`` in this process (read, detect, map, write
  iXBRL, xBRL-JSON, taxonomy, mapping report, manifest), median of ``--repeat`` runs, after
  one warm-up conversion that loads the mapping catalog (its cold time is printed apart);
  wall time and CPU time (``cpu``: what one core spends, steady on a shared machine);
- ``cli``: ``python -m converter convert`` in a fresh process, wall time (start-up, imports
  and catalog load included) and its peak resident memory (``os.wait4`` rusage of that one
  child: what the whole process used, not only Python objects);
- ``roundtrip``: ``converter.proof.roundtrip_filing`` (Arelle loads and validates our iXBRL
  against the 2024 taxonomies from taxonomy_maps/arelle-cache);
- ``arelle``: ``converter.arelle_bridge.load(official, validate=False)`` of the gunzipped
  official iXBRL, and the ratio arelle / convert. The official filings use the 2025
  taxonomies and their own extension schema, which are not in the offline cache, so
  Arelle parses the document and its facts without their DTS: its time is a lower bound
  of a full load and the ratio is conservative. Arelle loading our iXBRL of the same
  filing (validate=False), which resolves the whole 2024 US-GAAP DTS from the offline
  cache, is timed as well ("ar-dts"): the ratio against a full load.

Targets (issue 7) for a 10-Q of 1-4 MB on one core: median convert < 0.5 s, peak memory
< 300 MB, Arelle / convert >= 5. The summary gives them per kind over the 10-Qs and over
all filings.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter.errors import ConverterError  # noqa: E402
from converter.pipeline import convert  # noqa: E402

SHARED = ROOT.parent / "shared"
STRIP_MODES = {"html": ("html", ".htm"), "text": ("text-noyears", ".txt")}
TARGET_SECONDS = 0.5
TARGET_PEAK_MB = 300
TARGET_RATIO = 5.0


@dataclass
class Row:
    kind: str
    filing: str
    input_mb: float
    convert_s: float | None = None
    convert_cpu_s: float | None = None
    facts: int = 0
    error: str = ""
    cli_s: float | None = None
    peak_mb: float | None = None
    roundtrip_s: float | None = None
    roundtrip_ok: bool | None = None
    arelle_s: float | None = None
    arelle_cpu_s: float | None = None
    arelle_ours_s: float | None = None
    runs: list[float] = field(default_factory=list)
    cpu_runs: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.arelle_s is None or not self.convert_s:
            return None
        return self.arelle_s / self.convert_s

    @property
    def ratio_cpu(self) -> float | None:
        if self.arelle_cpu_s is None or not self.convert_cpu_s:
            return None
        return self.arelle_cpu_s / self.convert_cpu_s

    @property
    def ratio_ours(self) -> float | None:
        if self.arelle_ours_s is None or not self.convert_s:
            return None
        return self.arelle_ours_s / self.convert_s

    @property
    def quarterly(self) -> bool:
        return "-10-q-" in self.filing


def prepare(work: Path, kinds: list[str], only: list[str]) -> tuple[dict[str, dict[str, Path]], dict[str, Path]]:
    """Stripped inputs per kind and filing, and the gunzipped official iXBRL per filing."""
    officials = sorted((SHARED / "corpus" / "dev").glob("*.htm.gz"))
    if only:
        officials = [p for p in officials if any(p.name.startswith(o) for o in only)]
    names = [p.name[: -len(".htm.gz")] for p in officials]
    inputs: dict[str, dict[str, Path]] = {kind: {} for kind in kinds}
    jobs = []
    for kind in kinds:
        mode, suffix = STRIP_MODES[kind]
        (work / kind).mkdir(parents=True, exist_ok=True)
        for gz, name in zip(officials, names):
            target = work / kind / f"{name}{suffix}"
            inputs[kind][name] = target
            jobs.append((mode, gz, target))

    def strip(job) -> None:
        mode, gz, target = job
        text = subprocess.run([sys.executable, str(SHARED / "tools" / "strip.py"), mode, str(gz)],
                              check=True, capture_output=True, text=True).stdout
        target.write_text(text, encoding="utf-8")

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(strip, jobs))
    official_dir = work / "official"
    official_dir.mkdir(exist_ok=True)
    plain = {}
    for gz, name in zip(officials, names):
        plain[name] = official_dir / f"{name}.htm"
        plain[name].write_bytes(gzip.decompress(gz.read_bytes()))
    return inputs, plain


def time_convert(rows: list[Row], inputs: dict[str, dict[str, Path]], work: Path, repeat: int,
                 roundtrip: bool) -> float:
    """In-process conversions (and round trips); returns the cold first conversion's seconds."""
    first = next(p for by_name in inputs.values() for p in by_name.values())
    started = time.perf_counter()
    try:
        convert(first, work / "warmup")
    except ConverterError:
        pass  # the warm-up only loads the catalog; its own failure is measured below
    cold = time.perf_counter() - started
    results = {}
    for row in rows:
        path = inputs[row.kind][row.filing]
        out = work / "out" / row.kind / row.filing
        for _ in range(repeat):
            shutil.rmtree(out, ignore_errors=True)
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                result = convert(path, out)
            except ConverterError as exc:
                row.error = f"{exc.code}: {exc.message[:80]}"
                break
            row.runs.append(time.perf_counter() - started)
            row.cpu_runs.append(time.process_time() - started_cpu)
            row.facts = result.fact_count
            results[(row.kind, row.filing)] = result
        if row.runs:
            row.convert_s = statistics.median(row.runs)
            row.convert_cpu_s = statistics.median(row.cpu_runs)
    if roundtrip:
        from converter.proof import roundtrip_filing

        for row in rows:
            result = results.get((row.kind, row.filing))
            if result is None:
                continue
            started = time.perf_counter()
            check = roundtrip_filing(result.ixbrl_path, result.report.filing)
            row.roundtrip_s = time.perf_counter() - started
            row.roundtrip_ok = check.ok
    return cold


# ``python -m converter`` that reports, on its last stderr line, its own peak resident
# memory: VmHWM belongs to the process's address space since exec, whereas rusage's
# ru_maxrss also counts the parent's memory copied at fork.
_CLI = ("import sys\nfrom converter.cli import main\ntry:\n    code = main(sys.argv[1:])\nfinally:\n"
        "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "    print(hwm.split()[1], file=sys.stderr)\nsys.exit(code)\n")


def time_cli(rows: list[Row], inputs: dict[str, dict[str, Path]], work: Path) -> None:
    """Each conversion as a fresh ``python -m converter convert``: wall time and peak RSS."""
    for row in rows:
        out = work / "cli" / row.kind / row.filing
        shutil.rmtree(out, ignore_errors=True)
        command = [sys.executable, "-c", _CLI, "convert", str(inputs[row.kind][row.filing]),
                   "--out", str(out), "--quiet"]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        row.cli_s = time.perf_counter() - started
        lines = done.stderr.split()
        row.peak_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else None  # kB
        if done.returncode and not row.error:
            row.error = f"cli exit status {done.returncode}"


def time_arelle(rows: list[Row], officials: dict[str, Path], work: Path) -> None:
    """Arelle's plain load of each official iXBRL, and of our iXBRL of the same filing
    (which resolves its whole 2024 DTS from the offline cache), after one warm-up load."""
    from converter import arelle_bridge

    seconds = {}
    names = sorted({row.filing for row in rows})
    arelle_bridge.load(officials[names[0]], validate=False)
    for name in names:
        started, started_cpu = time.perf_counter(), time.process_time()
        arelle_bridge.load(officials[name], validate=False)
        seconds[name] = (time.perf_counter() - started, time.process_time() - started_cpu)
    for row in rows:
        row.arelle_s, row.arelle_cpu_s = seconds[row.filing]
        ours = sorted((work / "out" / row.kind / row.filing).glob("*.htm"))
        if row.convert_s is not None and ours:
            started = time.perf_counter()
            arelle_bridge.load(ours[0], validate=False)
            row.arelle_ours_s = time.perf_counter() - started


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def summarize(rows: list[Row]) -> dict:
    """Per kind, over the 10-Qs and over all filings: medians, worst peak, ratios, targets met."""
    out = {}
    for kind in sorted({r.kind for r in rows}):
        for scope, chosen in (("10-Q", [r for r in rows if r.kind == kind and r.quarterly]),
                              ("all", [r for r in rows if r.kind == kind])):
            done = [r for r in chosen if r.convert_s is not None]
            if not done:
                continue
            ratios = [r.ratio for r in done if r.ratio is not None]
            ratios_ours = [r.ratio_ours for r in done if r.ratio_ours is not None]
            peaks = [r.peak_mb for r in chosen if r.peak_mb is not None]
            clis = [r.cli_s for r in chosen if r.cli_s is not None]
            trips = [r.roundtrip_s for r in done if r.roundtrip_s is not None]
            median_convert = statistics.median(r.convert_s for r in done)
            median_cpu = statistics.median(r.convert_cpu_s for r in done)
            ratios_cpu = [r.ratio_cpu for r in done if r.ratio_cpu is not None]
            figures = {
                "filings": len(chosen), "converted": len(done),
                "median_convert_s": round(median_convert, 3),
                "max_convert_s": round(max(r.convert_s for r in done), 3),
                "median_convert_cpu_s": round(median_cpu, 3),
                "median_cli_s": round(statistics.median(clis), 3) if clis else None,
                "max_peak_mb": round(max(peaks), 1) if peaks else None,
                "median_roundtrip_s": round(statistics.median(trips), 3) if trips else None,
                "median_ratio": round(statistics.median(ratios), 2) if ratios else None,
                "min_ratio": round(min(ratios), 2) if ratios else None,
                "median_ratio_cpu": round(statistics.median(ratios_cpu), 2) if ratios_cpu else None,
                "median_ratio_ours_dts": round(statistics.median(ratios_ours), 2) if ratios_ours else None,
            }
            figures["targets_met"] = {
                "convert": median_convert < TARGET_SECONDS,
                "convert_cpu": median_cpu < TARGET_SECONDS,
                "memory": None if not peaks else max(peaks) < TARGET_PEAK_MB,
                "ratio": None if not ratios else statistics.median(ratios) >= TARGET_RATIO,
            }
            out[f"{kind}/{scope}"] = figures
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", default=["html", "text"], choices=sorted(STRIP_MODES))
    parser.add_argument("--only", nargs="+", default=[], help="company tokens or file name starts")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs per filing (median kept)")
    parser.add_argument("--no-roundtrip", action="store_true", help="skip the Arelle round trips")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI runs (and peak memory)")
    parser.add_argument("--work", type=Path, help="keep inputs and outputs here (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the rows and the summary as JSON")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="xbrlconv-speed."))
    inputs, officials = prepare(work, args.kinds, args.only)
    rows = [Row(kind, name, path.stat().st_size / 2**20)
            for kind, by_name in inputs.items() for name, path in sorted(by_name.items())]
    cold = time_convert(rows, inputs, work, max(1, args.repeat), not args.no_roundtrip)
    time_arelle(rows, officials, work)
    if not args.no_cli:
        time_cli(rows, inputs, work)

    print(f"{'kind':<5} {'filing':<26} {'MB':>5} {'convert':>8} {'cpu':>6} {'cli':>6} {'peakMB':>7} {'trip':>6} "
          f"{'arelle':>7} {'ratio':>6} {'ar-dts':>7} {'ratio':>6}  facts/error")
    for r in rows:
        trip = _fmt(r.roundtrip_s, "6.2f") + ("" if r.roundtrip_ok in (None, True) else "!")
        print(f"{r.kind:<5} {r.filing:<26} {r.input_mb:5.2f} {_fmt(r.convert_s, '8.3f')} {_fmt(r.convert_cpu_s, '6.3f')} {_fmt(r.cli_s, '6.2f')} "
              f"{_fmt(r.peak_mb, '7.1f')} {trip:>6} {_fmt(r.arelle_s, '7.2f')} {_fmt(r.ratio, '6.1f')} "
              f"{_fmt(r.arelle_ours_s, '7.2f')} {_fmt(r.ratio_ours, '6.1f')}  "
              f"{r.error or r.facts}")
    summary = summarize(rows)
    print(f"\ncold first conversion (catalog load included): {cold:.2f}s; work folder {work}")
    for scope, figures in summary.items():
        met = ", ".join(f"{k} {'met' if v else 'MISSED' if v is not None else 'n/a'}"
                        for k, v in figures["targets_met"].items())
        print(f"{scope:<11} median convert {figures['median_convert_s']}s wall, {figures['median_convert_cpu_s']}s CPU "
              f"(max {figures['max_convert_s']}s), "
              f"median cli {_fmt(figures['median_cli_s'], '')}s, peak {_fmt(figures['max_peak_mb'], '')} MB, "
              f"median round trip {_fmt(figures['median_roundtrip_s'], '')}s, Arelle/convert median "
              f"{figures['median_ratio']} (min {figures['min_ratio']}; CPU {figures['median_ratio_cpu']}), Arelle with DTS (our iXBRL)/convert median "
              f"{figures['median_ratio_ours_dts']}; targets: {met}")
    if args.json:
        args.json.write_text(json.dumps({
            "command": " ".join([Path(sys.argv[0]).name] + sys.argv[1:]),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                     text=True).stdout.strip(),
            "cold_first_convert_s": round(cold, 3),
            "summary": summary,
            "rows": [asdict(r) | {"ratio": r.ratio, "ratio_cpu": r.ratio_cpu, "ratio_ours_dts": r.ratio_ours} for r in rows],
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
