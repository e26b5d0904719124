"""Speed and memory of one conversion, against Arelle loading the official filing with a DTS.

    python benchmarks/speed.py [--kinds html text] [--only ko aapl] [--repeat 3] [--arelle-repeat 3]
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
- ``ar-std`` (the primary comparison, ``ratio`` = ar-std / convert, wall and CPU):
  ``converter.arelle_bridge.load(standin, validate=False)``, one load right after each of
  the ``--repeat`` conversions (median kept), so that each pair runs at the same machine
  speed (a shared machine's speed drifts by a third within a run), where ``standin`` is the
  official iXBRL made loadable WITH a DTS offline by ``benchmarks/standin.py``. The official
  filings use the 2025 US-GAAP/SRT/DEI releases and their own extension schema, none of
  which is in the offline cache (``taxonomy_maps/arelle-cache``). The stand-in is the
  official document with every year-versioned fasb.org / xbrl.sec.gov namespace that has a
  cached 2024 schema (us-gaap, srt, dei, country, stpr) rewritten to that 2024 release,
  and its ``link:schemaRef`` pointed at a generated extension schema that imports the
  cached 2024 us-gaap, dei, srt and country schemas (as our writer's ``.xsd`` does) and
  declares the company's concepts used by the document's ix facts (types from the unit
  or the ix element, periodType from the context), its members (``domainItemType``) and
  axes (``xbrldt:dimensionItem``). Other namespaces without a cached schema (ecd, cyd)
  get stand-in schemas the same way, and concepts new in 2025 a supplement schema beside
  the cached 2024 one. ``loaded`` shows the facts Arelle loaded with a concept against
  the ix facts of the official document (all of them on the dev corpus). It is still a
  lower bound of a real EDGAR load: no company linkbases (labels, presentation,
  calculation, definition and its hypercubes), small stand-ins in place of the full ecd
  and cyd schemas, and facts in EDGAR's own ``ixt-sec:`` formats left
  untransformed (Arelle applies them only with EDGAR's transforms plugin, not
  installed; the benchmark reads their numeric values as None, its only change to
  ``arelle_bridge.load``'s reading);
- ``ar-bare``: the same load of the official document as published, which has no DTS
  offline (its schemaRef is missing), so Arelle parses the document and its facts only:
  far below a real load; kept for comparison with earlier figures;
- ``ar-ours``: Arelle loading our iXBRL of the same filing (validate=False), which resolves
  the whole 2024 US-GAAP DTS and our linkbases from the offline cache: a full load of a
  different, smaller document.

The other Arelle loads are medians of ``--arelle-repeat`` loads. All of them run in a fresh
worker process, after one warm-up load there: in the benchmark's own process, after dozens of conversions and round
trips, the larger live heap made Python's cyclic collector slow Arelle down by up to half
(pg's stand-in 1.1 s fresh, 1.9 s at the end of a full run), which would flatter us.

Targets (issue 7) for a 10-Q of 1-4 MB on one core: median convert < 0.5 s, peak memory
< 300 MB, Arelle / convert >= 5. The summary gives them per kind over the 10-Qs and over
all filings.
"""
from __future__ import annotations

import argparse
import decimal
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.standin import Standin  # noqa: E402
from benchmarks.standin import build as build_standin  # noqa: E402
from benchmarks.workdir import work_folder  # noqa: E402
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
    standin_s: float | None = None  # Arelle's load of the official filing's stand-in, with a DTS
    standin_cpu_s: float | None = None
    ix_facts: int | None = None  # ix facts in the official document
    standin_facts: int | None = None  # facts Arelle loaded from the stand-in
    standin_defined: int | None = None  # ... of which have a concept in the DTS
    standin_errors: int | None = None  # Arelle's error messages on the stand-in (validate=False) ...
    standin_untransformed: int | None = None  # ... besides the facts whose SEC transformation it lacks
    arelle_s: float | None = None  # Arelle's load of the bare official document (no DTS)
    arelle_cpu_s: float | None = None
    arelle_ours_s: float | None = None  # Arelle's load of our iXBRL (2024 DTS)
    arelle_ours_cpu_s: float | None = None
    runs: list[float] = field(default_factory=list)
    cpu_runs: list[float] = field(default_factory=list)
    standin_runs: list[float] = field(default_factory=list)  # each right after the conversion of runs
    standin_cpu_runs: list[float] = field(default_factory=list)

    @staticmethod
    def _ratio(arelle: float | None, ours: float | None) -> float | None:
        return None if arelle is None or not ours else arelle / ours

    @property
    def ratio(self) -> float | None:
        """The primary ratio: Arelle loading the official filing's stand-in with a DTS / convert (wall)."""
        return self._ratio(self.standin_s, self.convert_s)

    @property
    def ratio_cpu(self) -> float | None:
        return self._ratio(self.standin_cpu_s, self.convert_cpu_s)

    @property
    def ratio_first(self) -> float | None:
        """The same with the first of the runs: the mapping's label and member memos have not
        met this input's labels yet (but for the warm-up's filing, and text inputs, timed after
        the same filing's html), as in a batch that converts each filing once; the median of
        the runs has them warm."""
        return self._ratio(self.standin_s, self.runs[0] if self.runs else None)

    @property
    def ratio_bare(self) -> float | None:
        """Arelle parsing the official document without any DTS / convert (wall)."""
        return self._ratio(self.arelle_s, self.convert_s)

    @property
    def ratio_bare_cpu(self) -> float | None:
        return self._ratio(self.arelle_cpu_s, self.convert_cpu_s)

    @property
    def ratio_ours(self) -> float | None:
        """Arelle loading our iXBRL of the same filing with the 2024 DTS / convert (wall)."""
        return self._ratio(self.arelle_ours_s, self.convert_s)

    @property
    def ratio_ours_cpu(self) -> float | None:
        return self._ratio(self.arelle_ours_cpu_s, self.convert_cpu_s)

    @property
    def quarterly(self) -> bool:
        return "-10-q-" in self.filing


def prepare(work: Path, kinds: list[str], only: list[str]
            ) -> tuple[dict[str, dict[str, Path]], dict[str, Path], dict[str, Standin]]:
    """Stripped inputs per kind and filing, the gunzipped official iXBRL per filing and its
    stand-in that Arelle loads with a DTS (benchmarks/standin.py)."""
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
    plain, standins = {}, {}
    for gz, name in zip(officials, names):
        plain[name] = official_dir / f"{name}.htm"
        plain[name].write_bytes(gzip.decompress(gz.read_bytes()))
        standins[name] = build_standin(plain[name], work / "standin" / name)
    return inputs, plain, standins


def time_convert(rows: list[Row], inputs: dict[str, dict[str, Path]], standins: dict[str, Standin], work: Path,
                 repeat: int, roundtrip: bool) -> float:
    """In-process conversions, each followed by Arelle's load of the same filing's stand-in in
    the worker process (paired in time, so that the machine's changing speed moves both sides
    of a ratio alike), then the round trips; returns the cold first conversion's seconds."""
    first = next(p for by_name in inputs.values() for p in by_name.values())
    started = time.perf_counter()
    try:
        convert(first, work / "warmup")
    except ConverterError:
        pass  # the warm-up only loads the catalog; its own failure is measured below
    cold = time.perf_counter() - started
    results = {}
    with ArelleWorker() as arelle:
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
                wall, cpu = arelle.ask("standin", row.filing, standins[row.filing].path, 1)
                row.standin_runs.append(wall)
                row.standin_cpu_runs.append(cpu)
            if row.runs:
                row.convert_s = statistics.median(row.runs)
                row.convert_cpu_s = statistics.median(row.cpu_runs)
                row.standin_s = statistics.median(row.standin_runs)
                row.standin_cpu_s = statistics.median(row.standin_cpu_runs)
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


def _arelle_counts(path: Path) -> tuple[int, int, int, int]:
    """Facts Arelle loads from a document, those with a concept in its DTS, its error messages
    other than an unknown transformation, and those (``ixt-sec:`` formats, see _tolerant_value)."""
    from converter import arelle_bridge

    def count(model, collector) -> tuple[int, int]:
        return len(model.facts), sum(1 for fact in model.facts if fact.concept is not None)

    report, (facts, defined) = arelle_bridge._run(
        arelle_bridge._options(path, validate=False, calcs="none"), count)
    untransformed = sum(1 for m in report.errors if m.code.endswith(":invalidTransformation"))
    return facts, defined, len(report.errors) - untransformed, untransformed


def _tolerant_value(fact):
    """``arelle_bridge._value``, but None for a numeric fact whose text Arelle left untransformed:
    the official filings use a few SEC transformations (``ixt-sec:numwordsen``, "three")
    that Arelle applies only with EDGAR's transforms plugin, which is not installed."""
    try:
        return _BRIDGE_VALUE(fact)
    except decimal.InvalidOperation:
        return None


_BRIDGE_VALUE = None


def _timed_load(path: Path, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``arelle_bridge.load(path, validate=False)`` over ``repeat`` loads."""
    from converter import arelle_bridge

    walls, cpus = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        arelle_bridge.load(path, validate=False)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - started_cpu)
    return statistics.median(walls), statistics.median(cpus)


class ArelleWorker:
    """Arelle's loads in a fresh process (``--arelle-worker``), one job at a time over pipes:
    in this process, after dozens of conversions and round trips, the live heap made
    Python's cyclic collector slow Arelle's loads by up to half, which would flatter us.
    The worker warms up (imports, first-load caches) on its first job's document."""

    def __enter__(self) -> ArelleWorker:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--arelle-worker"], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return self

    def ask(self, kind: str, key: str, path: Path, repeat: int):
        """(median wall, median CPU) of ``repeat`` loads, or the counts of ``_arelle_counts``."""
        self.process.stdin.write(json.dumps([kind, key, str(path), repeat]) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the Arelle worker stopped on {kind} {key}")
        return json.loads(line)

    def __exit__(self, *exc) -> None:
        self.process.stdin.close()
        self.process.wait()


def time_arelle(rows: list[Row], standins: dict[str, Standin], officials: dict[str, Path], work: Path,
                repeat: int) -> None:
    """Per filing, besides the paired stand-in loads of ``time_convert``: the facts Arelle
    loads from the stand-in, its plain load of the official document (no DTS), and its load
    of our iXBRL of the same filing (the whole 2024 DTS); medians of ``repeat`` loads."""
    with ArelleWorker() as arelle:
        for name in sorted({row.filing for row in rows}):
            counts = arelle.ask("count", name, standins[name].path, 0)
            bare = arelle.ask("bare", name, officials[name], repeat)
            for row in rows:
                if row.filing == name:
                    row.ix_facts = standins[name].ix_facts
                    row.standin_facts, row.standin_defined, row.standin_errors, row.standin_untransformed = counts
                    row.arelle_s, row.arelle_cpu_s = bare
        for row in rows:
            ours = sorted((work / "out" / row.kind / row.filing).glob("*.htm"))
            if row.convert_s is not None and ours:
                row.arelle_ours_s, row.arelle_ours_cpu_s = arelle.ask("ours", row.kind, ours[0], repeat)


def arelle_worker() -> int:
    """The Arelle loads of ``ArelleWorker``, in this (fresh) process: a JSON line
    [kind, key, path, repeat] in, a JSON line (median wall, median CPU) or counts out.
    Arelle's own prints go to stderr, so that stdout carries only the answers."""
    from converter import arelle_bridge

    global _BRIDGE_VALUE
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _BRIDGE_VALUE, arelle_bridge._value = arelle_bridge._value, _tolerant_value  # see _tolerant_value
    warm = False
    for line in sys.stdin:
        kind, _key, path, repeat = json.loads(line)
        if not warm:
            arelle_bridge.load(Path(path), validate=False)
            warm = True
        value = _arelle_counts(Path(path)) if kind == "count" else _timed_load(Path(path), repeat)
        answers.write(json.dumps(value) + "\n")
        answers.flush()
    return 0


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
            def med(values):
                values = [v for v in values if v is not None]
                return round(statistics.median(values), 2) if values else None

            ratios = [r.ratio for r in done if r.ratio is not None]
            ratios_cpu = [r.ratio_cpu for r in done if r.ratio_cpu is not None]
            peaks = [r.peak_mb for r in chosen if r.peak_mb is not None]
            clis = [r.cli_s for r in chosen if r.cli_s is not None]
            trips = [r.roundtrip_s for r in done if r.roundtrip_s is not None]
            median_convert = statistics.median(r.convert_s for r in done)
            median_cpu = statistics.median(r.convert_cpu_s for r in done)
            figures = {
                "filings": len(chosen), "converted": len(done),
                "median_convert_s": round(median_convert, 3),
                "max_convert_s": round(max(r.convert_s for r in done), 3),
                "median_convert_cpu_s": round(median_cpu, 3),
                "median_cli_s": round(statistics.median(clis), 3) if clis else None,
                "max_peak_mb": round(max(peaks), 1) if peaks else None,
                "median_roundtrip_s": round(statistics.median(trips), 3) if trips else None,
                # primary: Arelle loading the official filing's stand-in with a DTS
                "median_arelle_standin_s": med(r.standin_s for r in done),
                "median_arelle_standin_cpu_s": med(r.standin_cpu_s for r in done),
                "median_ratio": med(ratios),
                "min_ratio": round(min(ratios), 2) if ratios else None,
                "median_ratio_cpu": med(ratios_cpu),
                "min_ratio_cpu": round(min(ratios_cpu), 2) if ratios_cpu else None,
                "median_first_convert_s": round(statistics.median(r.runs[0] for r in done), 3),
                "median_ratio_first": med(r.ratio_first for r in done),
                "standin_facts_defined": sum(r.standin_defined or 0 for r in done),
                "official_ix_facts": sum(r.ix_facts or 0 for r in done),
                "standin_errors": sum(r.standin_errors or 0 for r in done),
                "standin_untransformed": sum(r.standin_untransformed or 0 for r in done),
                # extra columns: the bare official document (no DTS), our iXBRL (2024 DTS)
                "median_ratio_bare": med(r.ratio_bare for r in done),
                "median_ratio_bare_cpu": med(r.ratio_bare_cpu for r in done),
                "median_ratio_ours_dts": med(r.ratio_ours for r in done),
                "median_ratio_ours_dts_cpu": med(r.ratio_ours_cpu for r in done),
            }
            figures["targets_met"] = {
                "convert": median_convert < TARGET_SECONDS,
                "convert_cpu": median_cpu < TARGET_SECONDS,
                "memory": None if not peaks else max(peaks) < TARGET_PEAK_MB,
                "ratio": None if not ratios else statistics.median(ratios) >= TARGET_RATIO,
                "ratio_cpu": None if not ratios_cpu else statistics.median(ratios_cpu) >= TARGET_RATIO,
            }
            out[f"{kind}/{scope}"] = figures
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", default=["html", "text"], choices=sorted(STRIP_MODES))
    parser.add_argument("--only", nargs="+", default=[], help="company tokens or file name starts")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs per filing (median kept)")
    parser.add_argument("--arelle-repeat", type=int, default=3, help="Arelle loads per document (median kept)")
    parser.add_argument("--no-roundtrip", action="store_true", help="skip the Arelle round trips")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI runs (and peak memory)")
    parser.add_argument("--work", type=Path,
                        help="keep inputs and outputs here (default: a temp folder, removed at the end)")
    parser.add_argument("--json", type=Path, help="also write the rows and the summary as JSON")
    parser.add_argument("--arelle-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.arelle_worker:
        return arelle_worker()
    with work_folder(args.work, "xbrlconv-speed.") as work:
        return run(args, work)


def run(args: argparse.Namespace, work: Path) -> int:
    """Time every conversion, round trip and Arelle load in ``work``; print (and save) the figures."""
    inputs, officials, standins = prepare(work, args.kinds, args.only)
    rows = [Row(kind, name, path.stat().st_size / 2**20)
            for kind, by_name in inputs.items() for name, path in sorted(by_name.items())]
    cold = time_convert(rows, inputs, standins, work, max(1, args.repeat), not args.no_roundtrip)
    time_arelle(rows, standins, officials, work, max(1, args.arelle_repeat))
    if not args.no_cli:
        time_cli(rows, inputs, work)

    print(f"{'kind':<5} {'filing':<26} {'MB':>5} {'convert':>8} {'cpu':>6} {'cli':>6} {'peakMB':>7} {'trip':>6} "
          f"{'ar-std':>7} {'ratio':>6} {'r-cpu':>6} {'loaded':>11} {'ar-bare':>7} {'ratio':>6} {'ar-ours':>7} {'ratio':>6}"
          f"  facts/error")
    for r in rows:
        trip = _fmt(r.roundtrip_s, "6.2f") + ("" if r.roundtrip_ok in (None, True) else "!")
        loaded = "-" if r.standin_defined is None else f"{r.standin_defined}/{r.ix_facts}"
        print(f"{r.kind:<5} {r.filing:<26} {r.input_mb:5.2f} {_fmt(r.convert_s, '8.3f')} {_fmt(r.convert_cpu_s, '6.3f')} "
              f"{_fmt(r.cli_s, '6.2f')} {_fmt(r.peak_mb, '7.1f')} {trip:>6} {_fmt(r.standin_s, '7.2f')} "
              f"{_fmt(r.ratio, '6.1f')} {_fmt(r.ratio_cpu, '6.1f')} {loaded:>11} {_fmt(r.arelle_s, '7.2f')} "
              f"{_fmt(r.ratio_bare, '6.1f')} {_fmt(r.arelle_ours_s, '7.2f')} {_fmt(r.ratio_ours, '6.1f')}  "
              f"{r.error or r.facts}")
    summary = summarize(rows)
    print(f"\ncold first conversion (catalog load included): {cold:.2f}s; " +
          (f"work folder {work}" if args.work is not None else "work folder removed (--work DIR keeps it)"))
    print("ar-std: Arelle loads the official filing's stand-in WITH a DTS (2024 releases, stand-in extension "
          "schema, no company linkbases), the primary comparison; loaded: facts with a concept / ix facts of the "
          "official document; ar-bare: the official document without any DTS; ar-ours: our iXBRL with the 2024 DTS")
    for scope, figures in summary.items():
        met = ", ".join(f"{k} {'met' if v else 'MISSED' if v is not None else 'n/a'}"
                        for k, v in figures["targets_met"].items())
        print(f"{scope:<11} median convert {figures['median_convert_s']}s wall, {figures['median_convert_cpu_s']}s CPU "
              f"(max {figures['max_convert_s']}s), "
              f"median cli {_fmt(figures['median_cli_s'], '')}s, peak {_fmt(figures['max_peak_mb'], '')} MB, "
              f"median round trip {_fmt(figures['median_roundtrip_s'], '')}s; Arelle with DTS (official stand-in, "
              f"{figures['standin_facts_defined']}/{figures['official_ix_facts']} facts) / convert median "
              f"{figures['median_ratio']} wall (min {figures['min_ratio']}), {figures['median_ratio_cpu']} CPU "
              f"(min {figures['min_ratio_cpu']}), {figures['median_ratio_first']} wall for each filing's first "
              f"conversion ({figures['median_first_convert_s']}s, cold label memos); no DTS {figures['median_ratio_bare']} wall, "
              f"{figures['median_ratio_bare_cpu']} CPU; our iXBRL with DTS {figures['median_ratio_ours_dts']} wall, "
              f"{figures['median_ratio_ours_dts_cpu']} CPU; targets: {met}")
    if args.json:
        args.json.write_text(json.dumps({
            "command": " ".join([Path(sys.argv[0]).name] + sys.argv[1:]),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                     text=True).stdout.strip(),
            "cold_first_convert_s": round(cold, 3),
            "summary": summary,
            "rows": [asdict(r) | {"ratio": r.ratio, "ratio_cpu": r.ratio_cpu, "ratio_bare": r.ratio_bare,
                                  "ratio_bare_cpu": r.ratio_bare_cpu, "ratio_ours_dts": r.ratio_ours,
                                  "ratio_ours_dts_cpu": r.ratio_ours_cpu} for r in rows],
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
