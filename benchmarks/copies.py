"""Copies of the crafted filings against their HTML: the facts each copy loses or adds.

    python benchmarks/copies.py [--jobs 2] [FIXTURE.htm ...]

For each crafted HTML filing (all of tests/fixtures/html by default), the facts the
converter gives from the HTML and from three copies a user may paste instead: the shared
strip.py's seed-style text without and with its rows of years (the HTML rewritten as XHTML
first, since strip.py reads XML) and a browser's copy (benchmarks/browser_copy.py). A fact
is its concept (a company's own concepts and members all count as one name: a copy may
word them differently), period, members, unit and value. A copy that loses and adds
nothing gives exactly its HTML's facts.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree, html as lxml_html  # noqa: E402

from benchmarks.browser_copy import browser_copy  # noqa: E402
from converter.detect import detect  # noqa: E402
from converter.mapping import map_filing  # noqa: E402
from converter.readers import read  # noqa: E402

STRIP = ROOT.parent / "shared" / "tools" / "strip.py"
FIXTURES = ROOT / "tests" / "fixtures" / "html"
COPIES = ("text-noyears", "text", "tabs")
STANDARD = ("us-gaap", "srt", "dei", "country")


def _named(name) -> str:
    return name.local if name.prefix in STANDARD else "(company's)"


def facts(path: Path) -> Counter:
    """The facts of one input, a company's own names made one."""
    return Counter((_named(f.concept), f.context.period, tuple((_named(a), _named(m)) for a, m in f.context.dimensions),
                    f.unit, f.value) for f in map_filing(detect(read(path))).facts)


def copy_of(source: Path, kind: str, folder: Path) -> Path:
    """``source`` as a user would paste it: ``text-noyears`` or ``text`` (strip.py), ``tabs``."""
    out = folder / f"{source.stem}.{kind}.txt"
    if kind == "tabs":
        out.write_text(browser_copy(source.read_text(encoding="utf-8")), encoding="utf-8")
        return out
    xhtml = folder / f"{source.stem}.xhtml"
    root = lxml_html.parse(str(source), parser=lxml_html.HTMLParser(encoding="utf-8")).getroot()
    xhtml.write_bytes(etree.tostring(root, method="xml", encoding="utf-8"))
    out.write_bytes(subprocess.run([sys.executable, str(STRIP), kind, str(xhtml)], capture_output=True,
                                   check=True).stdout)
    return out


def compare(source: Path) -> tuple[str, int, list[tuple[int, int]]]:
    """(fixture, its HTML's facts, (lost, added) per copy)."""
    base = facts(source)
    with tempfile.TemporaryDirectory(prefix="copies-") as tmp:
        found = [facts(copy_of(source, kind, Path(tmp))) for kind in COPIES]
    return source.stem, sum(base.values()), [(sum((base - got).values()), sum((got - base).values())) for got in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixtures", nargs="*", type=Path, help="crafted HTML filings (default: tests/fixtures/html)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args(argv)
    sources = args.fixtures or sorted(FIXTURES.glob("*.htm"))
    if not STRIP.exists():
        print(f"error: the shared strip tool is not at {STRIP}", file=sys.stderr)
        return 2
    print(f"{'filing':<20} {'facts':>6}  " + "  ".join(f"{kind + ' lost/added':>22}" for kind in COPIES))
    exact = 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for name, n, diffs in pool.map(compare, sources):
            exact += all(d == (0, 0) for d in diffs)
            print(f"{name:<20} {n:>6}  " + "  ".join(f"{f'{lost} / {added}':>22}" for lost, added in diffs), flush=True)
    print(f"{exact} of {len(sources)} filings: every copy gives exactly the HTML's facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
