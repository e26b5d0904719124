"""The main job: read -> detect -> map -> build -> write, and the ``convert`` command."""
from __future__ import annotations

import gc
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from converter.build import build_report
from converter.detect import detect
from converter.errors import ConverterError, InputError, OutputError, UnexpectedError
from converter.mapping import map_filing
from converter.model import Filing, Report
from converter.readers import read, xml_safe
from converter.warehouse.command import add_load_option, load_outputs
from converter.writers import file_stem, write_all

# An extension prefix is an XML namespace prefix and the start of every output file name:
# a letter, then letters, digits, "_" or "-", short enough for any file system.
PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")




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
            prefix: str | None = None, exclude_company: str | None = None) -> Filing:
    """Read and detect only: the typed tables, periods and scale of a filing."""
    if prefix is not None and not PREFIX.fullmatch(prefix):
        raise InputError(f"--prefix {prefix!r} is not a usable prefix",
                         hint="a letter then up to 39 letters, digits, '_' or '-'")
    if company is not None:
        company = " ".join(xml_safe(company).split()) or None  # it is written into every XML output
    return detect(read(input_path), company=company, cik=cik, prefix=prefix, exclude_company=exclude_company)


def tag(filing: Filing, *, exclude_company: str | None = None) -> Report:
    """Map every cell to a concept and context and build the checked report."""
    return build_report(filing, map_filing(filing, exclude_company=exclude_company))


def convert(input_path: str | Path, out_dir: str | Path, *, cik: str | None = None, company: str | None = None,
            prefix: str | None = None, exclude_company: str | None = None,
            progress=None) -> ConversionResult:
    """Convert one filing; outputs appear in ``out_dir`` all together or not at all."""
    step = progress or (lambda message: None)
    out_dir = _usable_out_dir(out_dir)
    stage = "reading and detecting statements"
    try:
        with _collector_paused():
            step(stage)
            filing = analyse(input_path, cik=cik, company=company, prefix=prefix, exclude_company=exclude_company)
            stage = f"mapping {sum(len(t.rows) for t in filing.tables)} rows of {len(filing.tables)} tables"
            step(stage)
            report = tag(filing, exclude_company=exclude_company)
            stage = f"writing {len(report.facts)} facts"
            step(stage)
            stem = file_stem(report)
            files = write_all(report, out_dir)
    except ConverterError:
        raise
    except Exception as exc:  # noqa: BLE001  (the safety net: chained, never swallowed)
        raise UnexpectedError(f"unexpected {type(exc).__name__} while {stage} ({input_path}): {exc}",
                              hint="a converter bug: please report it with the input") from exc
    return ConversionResult(out_dir=out_dir, files=tuple(files), fact_count=len(report.facts),
                            input_sha256=filing.document.sha256, json_path=out_dir / f"{stem}.json",
                            ixbrl_path=out_dir / f"{stem}.htm", report=report)


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off for one conversion, as it was before afterwards.

    A conversion holds a few hundred thousand objects at its peak and leaves one or two
    thousand in reference cycles: the collector's passes over the live ones found next to
    nothing and cost 5-15% of the conversion.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _usable_out_dir(out_dir: str | Path) -> Path:
    """``out_dir`` as a Path, refused up front when no folder can ever be made there."""
    out_dir = Path(out_dir)
    if "\x00" in str(out_dir):
        raise OutputError(f"--out {str(out_dir)!r} holds a NUL byte")
    try:
        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(f"--out {out_dir} exists and is not a folder")
    except OSError as exc:  # a name too long for the file system, a folder we may not search
        raise OutputError(f"cannot use --out {out_dir}: {exc.strerror or exc}") from exc
    return out_dir


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
    summary = load_outputs(args, [result.out_dir])  # only with --load; a failed load is an error
    if summary is not None:
        print(f"  loaded {summary.fact_count} facts into {args.load}")
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
    add_load_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=_run_convert)
