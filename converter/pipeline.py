"""The main job: read -> detect -> map -> build -> write, and the ``convert`` command."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from converter.build import build_report
from converter.detect import detect
from converter.errors import InputError
from converter.mapping import map_filing
from converter.model import Filing, Report
from converter.readers import read
from converter.writers import file_stem, write_all

@dataclass(frozen=True)
class ConversionResult:
    out_dir: Path
    files: tuple[Path, ...]
    fact_count: int
    input_sha256: str
    json_path: Path
    ixbrl_path: Path
    report: Report


def analyse(input_path: str | Path, *, cik: str | None = None, company: str | None = None,
            prefix: str | None = None) -> Filing:
    """Read and detect only: the typed tables, periods and scale of a filing."""
    return detect(read(input_path), company=company, cik=cik, prefix=prefix)


def tag(filing: Filing, *, exclude_company: str | None = None) -> Report:
    """Map every cell to a concept and context and build the checked report."""
    return build_report(filing, map_filing(filing, exclude_company=exclude_company))


def convert(input_path: str | Path, out_dir: str | Path, *, cik: str | None = None, company: str | None = None,
            prefix: str | None = None, exclude_company: str | None = None,
            progress=None) -> ConversionResult:
    """Convert one filing; outputs appear in ``out_dir`` all together or not at all."""
    step = progress or (lambda message: None)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out {out_dir} exists and is not a folder")
    step("reading and detecting statements")
    filing = analyse(input_path, cik=cik, company=company, prefix=prefix)
    step(f"mapping {sum(len(t.rows) for t in filing.tables)} rows of {len(filing.tables)} tables")
    report = tag(filing, exclude_company=exclude_company)
    step(f"writing {len(report.facts)} facts")
    stem = file_stem(report)
    files = write_all(report, out_dir)
    return ConversionResult(out_dir=out_dir, files=tuple(files), fact_count=len(report.facts),
                            input_sha256=filing.document.sha256, json_path=out_dir / f"{stem}.json",
                            ixbrl_path=out_dir / f"{stem}.htm", report=report)


def _run_convert(args) -> int:
    started = time.perf_counter()

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"  {message}...", file=sys.stderr)

    result = convert(args.input, args.out, cik=args.cik, company=args.company, prefix=args.prefix,
                     progress=progress)
    report = result.report
    kinds = sorted({t.kind.value for t in report.filing.tables})
    low = sum(1 for f in report.facts if f.confidence < 0.5)
    print(f"{report.filing.company} {report.filing.document_type} period ending {report.filing.period_end}: "
          f"{len(report.filing.tables)} tables ({', '.join(kinds)}), {result.fact_count} facts, "
          f"{low} low-confidence, {len(report.calculations)} calculation arcs "
          f"in {time.perf_counter() - started:.2f}s")
    for path in result.files:
        print(f"  wrote {path}")
    if args.load:
        from converter.warehouse import load_paths
        summary = load_paths([result.out_dir], args.load)
        print(f"  loaded into {args.load}: {summary}")
    return 0


def add_command(subparsers) -> None:
    p = subparsers.add_parser("convert", help="tag a text or HTML 10-Q/10-K as inline XBRL and xBRL-JSON",
                              description="Convert an untagged filing into inline XBRL, xBRL-JSON, an extension "
                                          "taxonomy and a mapping report.")
    p.add_argument("input", help="the filing: copy-paste text or untagged EDGAR HTML (may be gzipped)")
    p.add_argument("--out", required=True, help="output folder (created; files replaced atomically)")
    p.add_argument("--cik", help="the registrant's SEC CIK, for the entity identifier and dei facts")
    p.add_argument("--company", help="registrant name, when the text does not say it plainly")
    p.add_argument("--prefix", help="extension prefix and file name stem (default: from the company name)")
    p.add_argument("--load", metavar="TARGET", help="also load the facts into a warehouse target")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=_run_convert)
