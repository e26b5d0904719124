"""Tagging accuracy on the dev corpus, leave-one-company-out, against the official XBRL.

    python benchmarks/corpus.py [--kinds html,text] [--only ko nvda] [--limit N] [--jobs 2]
                                [--corpus DIR] [--work DIR] [--out benchmarks/results/corpus.json]

For every official filing in the corpus and every input kind: strip it with the shared
``strip.py`` (html or text-noyears; text-years keeps the year rows; text-tabs is a
browser's copy of the HTML, benchmarks/browser_copy.py), convert it in-process with
``exclude_company`` set to the filing's own company token (the first token of its file
name), so nothing learned from that company is used, and score the xBRL-JSON with the
shared ``score.py``. A filing that fails to convert is recorded with its error and scored
as an empty candidate, so it counts in the pooled recall with nothing found. Prints a
table per filing and the pooled figures per kind against the targets of issue 4, and saves
everything as JSON.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.browser_copy import browser_copy  # noqa: E402
from benchmarks.workdir import work_folder  # noqa: E402
from converter._atomic import write_text  # noqa: E402
from converter.errors import ConverterError  # noqa: E402
from converter.pipeline import convert  # noqa: E402

SHARED = ROOT.parent / "shared"
STRIP = SHARED / "tools" / "strip.py"
SCORE = SHARED / "tools" / "score.py"
DEFAULT_CORPUS = SHARED / "corpus" / "dev"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "corpus.json"

# input kind -> (strip.py mode, suffix of the stripped file); text-tabs is a browser's copy
# of the stripped HTML (benchmarks/browser_copy.py)
KINDS = {"html": ("html", ".htm"), "text-noyears": ("text-noyears", ".txt"), "text-years": ("text", ".txt"),
         "text-tabs": ("html", ".txt")}
KIND_ALIASES = {"html": "html", "text": "text-noyears", "text-noyears": "text-noyears", "text-years": "text-years",
                "text-tabs": "text-tabs"}

# Pooled targets of issue 4, per input kind: (figure, minimum).
TARGETS = {
    "html": (("primary_value_recall", 0.99), ("primary_sign_ok", 0.995), ("primary_concept_acc", 0.90),
             ("notes_value_recall", 0.85), ("notes_concept_acc", 0.75), ("precision", 0.95)),
    "text-noyears": (("primary_value_recall", 0.97),),
}

EMPTY_CANDIDATE = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": {}},
                   "facts": {}}


class BenchmarkStepError(Exception):
    """A shared tool (strip.py or score.py) failed; the message carries its stderr."""


@dataclass(frozen=True)
class Task:
    filing: Path
    kind: str
    work: Path


def company_token(filing: Path) -> str:
    """The company key the learned mapping data uses: the file name's first token ("ko")."""
    return filing.name.split("-", 1)[0].lower()


def filing_stem(filing: Path) -> str:
    name = filing.name
    for suffix in (".htm.gz", ".html.gz", ".htm", ".html"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return filing.stem


def _run_tool(args: list[str]) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise BenchmarkStepError(f"{Path(args[0]).name} {args[1]}: {tail[0]}")
    return done.stdout


def strip_filing(filing: Path, kind: str, dest_dir: Path) -> Path:
    """The untagged input a user would start from, made by the shared strip.py."""
    mode, suffix = KINDS[kind]
    dest = dest_dir / f"{filing_stem(filing)}{suffix}"
    stripped = _run_tool([str(STRIP), mode, str(filing)])
    write_text(dest, browser_copy(stripped) if kind == "text-tabs" else stripped)
    return dest


def score_candidate(filing: Path, candidate_json: Path) -> dict:
    """score.py's figures for one candidate xBRL-JSON (the last stdout line is its JSON)."""
    return json.loads(_run_tool([str(SCORE), str(filing), str(candidate_json)]).strip().splitlines()[-1])


def run_task(task: Task) -> dict:
    """Strip, convert (leave-one-company-out) and score one filing in one input kind."""
    token = company_token(task.filing)
    base = task.work / task.kind / filing_stem(task.filing)
    row: dict = {"filing": task.filing.name, "company": token, "kind": task.kind, "error": None,
                 "error_code": None, "seconds": {}, "facts": None, "json_path": None, "input_path": None}
    started = time.perf_counter()
    candidate = None
    try:
        step = time.perf_counter()
        stripped = strip_filing(task.filing, task.kind, base)
        row["input_path"] = str(stripped)
        row["seconds"]["strip"] = round(time.perf_counter() - step, 3)
        step = time.perf_counter()
        try:
            result = convert(stripped, base / "out", exclude_company=token)
        finally:
            row["seconds"]["convert"] = round(time.perf_counter() - step, 3)
        row["facts"] = result.fact_count
        row["json_path"] = str(result.json_path)
        candidate = result.json_path
    except ConverterError as exc:
        row["error_code"], row["error"] = exc.code, exc.message
    except BenchmarkStepError as exc:
        row["error_code"], row["error"] = "tool", str(exc)
    except Exception as exc:  # a converter bug: recorded per filing so the other filings still run
        where = traceback.extract_tb(exc.__traceback__)[-1]
        row["error_code"] = type(exc).__name__
        row["error"] = f"{exc} (at {Path(where.filename).name}:{where.lineno})"
    if candidate is None:
        candidate = base / "empty-candidate.json"
        write_text(candidate, json.dumps(EMPTY_CANDIDATE))
    step = time.perf_counter()
    try:
        row["score"] = score_candidate(task.filing, candidate)
    except BenchmarkStepError as exc:
        row["score"] = None
        row["error_code"], row["error"] = row["error_code"] or "tool", row["error"] or str(exc)
    row["seconds"]["score"] = round(time.perf_counter() - step, 3)
    row["seconds"]["total"] = round(time.perf_counter() - started, 3)
    row["worker_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return row


def _counts(score: dict) -> dict:
    """Turn score.py's 4-decimal ratios back into whole counts (exact for n below ~5000)."""
    out = {"candidate_facts": score["candidate_facts"],
           "precise": round(score["precision"] * score["candidate_facts"])}
    for part in ("primary", "notes"):
        n = score[f"{part}_n"]
        value_hits = round(score[f"{part}_value_recall"] * n)
        out[f"{part}_n"] = n
        out[f"{part}_value_hits"] = value_hits
        out[f"{part}_strict"] = round(score[f"{part}_strict_recall"] * n)
        out[f"{part}_sign_hits"] = round(score[f"{part}_sign_ok"] * value_hits)
    return out


def pool(rows: list[dict]) -> dict:
    """Pooled figures: recalls weighted by n, sign/concept by value matches, precision by candidates."""
    total: dict[str, int] = {}
    for row in rows:
        if row.get("score"):
            for key, value in _counts(row["score"]).items():
                total[key] = total.get(key, 0) + value

    def ratio(num: str, den: str) -> float | None:
        return round(total[num] / total[den], 4) if total.get(den) else None

    figures = {"filings": sum(1 for r in rows if r.get("score")),
               "converted": sum(1 for r in rows if r.get("score") and not r.get("error"))}
    for part in ("primary", "notes"):
        figures[f"{part}_value_recall"] = ratio(f"{part}_value_hits", f"{part}_n")
        figures[f"{part}_strict_recall"] = ratio(f"{part}_strict", f"{part}_n")
        figures[f"{part}_sign_ok"] = ratio(f"{part}_sign_hits", f"{part}_value_hits")
        figures[f"{part}_concept_acc"] = ratio(f"{part}_strict", f"{part}_value_hits")
        figures[f"{part}_n"] = total.get(f"{part}_n", 0)
    figures["precision"] = ratio("precise", "candidate_facts")
    figures["candidate_facts"] = total.get("candidate_facts", 0)
    return figures


def check_targets(kind: str, pooled: dict) -> list[dict]:
    """Each target of the issue for this kind, with the pooled figure and whether it is met."""
    return [{"figure": name, "target": minimum, "value": pooled.get(name),
             "met": pooled.get(name) is not None and pooled[name] >= minimum}
            for name, minimum in TARGETS.get(kind, ())]


def code_version() -> dict:
    """The commit measured and whether converter/ or taxonomy_maps/ had uncommitted changes."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else ""
    dirty = git("status", "--porcelain", "--", "converter", "taxonomy_maps")
    return {"commit": git("rev-parse", "HEAD").strip() or None,
            "uncommitted": [line[3:] for line in dirty.splitlines()]}


def select_filings(corpus: Path, only: list[str] | None, limit: int | None) -> list[Path]:
    filings = sorted(corpus.glob("*.htm.gz")) + sorted(corpus.glob("*.htm"))
    if only:
        wanted = {name.lower() for name in only}
        filings = [f for f in filings if company_token(f) in wanted or filing_stem(f).lower() in wanted
                   or f.name.lower() in wanted]
    return filings[:limit] if limit else filings


def parse_kinds(text: str) -> list[str]:
    kinds = []
    for name in text.split(","):
        name = name.strip().lower()
        if name not in KIND_ALIASES:
            raise argparse.ArgumentTypeError(f"unknown kind {name!r}: choose from html, text")
        if KIND_ALIASES[name] not in kinds:
            kinds.append(KIND_ALIASES[name])
    return kinds


COLUMNS = (("primary_value_recall", "prim VR"), ("primary_sign_ok", "sign"), ("primary_concept_acc", "concept"),
           ("notes_value_recall", "notes VR"), ("notes_concept_acc", "notes concept"), ("precision", "precision"))


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


def _shown(score: dict, key: str):
    """A share of nothing (sign or concept with no value match, precision with no facts) shows as '-'."""
    part = key.split("_", 1)[0]
    if key.endswith(("_sign_ok", "_concept_acc")) and not score.get(f"{part}_value_recall"):
        return None
    if key == "precision" and not score.get("candidate_facts"):
        return None
    return score.get(key)


def table_rows(rows: list[dict]) -> list[list[str]]:
    out = []
    for row in rows:
        score = row.get("score") or {}
        error = f"{row['error_code']}: {row['error']}" if row.get("error") else ""
        if row.get("input_path"):
            error = error.replace(row["input_path"], Path(row["input_path"]).name)
        out.append([row["filing"], row["kind"], *(_fmt(_shown(score, key)) for key, _ in COLUMNS),
                    _fmt(row.get("facts")), f"{row['seconds'].get('total', 0):.1f}", error[:100]])
    return out


def print_report(rows: list[dict], pooled: dict, targets: dict, wall: float, peak: dict) -> None:
    headers = ["filing", "kind", *(label for _, label in COLUMNS), "facts", "s", "error"]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        Console = None
    if Console:
        console = Console(width=200)
        table = Table(title="per filing (leave-one-company-out)")
        for header in headers:
            table.add_column(header, overflow="fold")
        for cells in table_rows(rows):
            table.add_row(*cells)
        console.print(table)
        for kind, figures in pooled.items():
            summary = Table(title=f"pooled, {kind}: {figures['filings']} filings scored, "
                                  f"{figures['converted']} converted")
            for header in ("figure", "value", "target", "met"):
                summary.add_column(header)
            by_name = {t["figure"]: t for t in targets[kind]}
            for key in ("primary_value_recall", "primary_strict_recall", "primary_sign_ok", "primary_concept_acc",
                        "notes_value_recall", "notes_strict_recall", "notes_sign_ok", "notes_concept_acc",
                        "precision"):
                target = by_name.get(key)
                summary.add_row(key, _fmt(figures[key]), _fmt(target["target"]) if target else "",
                                ("[green]yes[/]" if target["met"] else "[red]NO[/]") if target else "")
            console.print(summary)
    else:
        print("\t".join(headers))
        for cells in table_rows(rows):
            print("\t".join(cells))
        for kind, figures in pooled.items():
            print(f"pooled {kind}: " + ", ".join(f"{k}={_fmt(v)}" for k, v in figures.items()))
            for target in targets[kind]:
                print(f"  {target['figure']} {_fmt(target['value'])} >= {target['target']}: "
                      f"{'met' if target['met'] else 'NOT met'}")
    print(f"total {wall:.1f}s; peak memory {peak['self_mb']:.0f} MB (this process), "
          f"{peak['children_mb']:.0f} MB (largest worker or tool)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of official *.htm.gz filings")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="company tokens or file names to run")
    parser.add_argument("--limit", type=int, help="run only the first N filings (after --only)")
    parser.add_argument("--kinds", type=parse_kinds, default=["html", "text-noyears"],
                        help="comma-separated input kinds: html, text (= text-noyears), text-years, text-tabs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results JSON")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--work", type=Path,
                        help="keep stripped inputs and outputs here (default: a temp folder, removed at the end)")
    args = parser.parse_args(argv)

    corpus = args.corpus if args.corpus.is_absolute() else (ROOT / args.corpus)
    filings = select_filings(corpus, args.only, args.limit)
    if not filings:
        parser.error(f"no filings selected in {corpus}")
    with work_folder(args.work, "corpus_bench.") as work:
        return run(args, argv, corpus, filings, work)


def run(args: argparse.Namespace, argv: list[str] | None, corpus: Path, filings: list[Path], work: Path) -> int:
    """Strip, convert and score every filing in ``work``; print and save the figures."""
    tasks = [Task(filing, kind, work) for kind in args.kinds for filing in filings]

    started = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as executor:
            rows = list(executor.map(run_task, tasks))
    else:
        rows = [run_task(task) for task in tasks]
    wall = time.perf_counter() - started

    pooled = {kind: pool([r for r in rows if r["kind"] == kind]) for kind in args.kinds}
    pooled_converted = {kind: pool([r for r in rows if r["kind"] == kind and not r["error"]]) for kind in args.kinds}
    targets = {kind: check_targets(kind, pooled[kind]) for kind in args.kinds}
    peak = {"self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    command = "python benchmarks/corpus.py " + " ".join(argv if argv is not None else sys.argv[1:])
    results = {"command": command.strip(), "code": code_version(), "corpus": str(corpus),
               "work": str(work) if args.work is not None else None,
               "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(time.time() - wall)),
               "seconds": round(wall, 1), "jobs": args.jobs, "peak_memory_mb": {k: round(v, 1) for k, v in peak.items()},
               "pooled": pooled, "pooled_converted_only": pooled_converted, "targets": targets, "filings": rows}
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    write_text(out, json.dumps(results, indent=2))
    print_report(rows, pooled, targets, wall, peak)
    print(f"results: {out}; " + (f"inputs and outputs: {work}" if args.work is not None else
                                  "inputs and outputs removed (--work DIR keeps them)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
