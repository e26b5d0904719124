"""Learn the column captions official filings print over their value columns.

usage: python taxonomy_maps/scripts/learn_captions.py [--shared DIR] [--corpus DIR] [--out FILE]

Each official inline XBRL filing in ../shared/corpus/dev/*.htm.gz is stripped to the
untagged HTML a user would start from (../shared/tools/strip.py, a build-time dependency
only), read and detected by the converter itself; every header cell standing over value
columns that is no date, scale or lone year ("Amortized Cost", "Level 1", "Weighted-
Average Exercise Price") is kept, once per company. Copied text runs a header's cells and
their wrapped lines together ("AmortizedCostFairValue"); the detector groups such pieces
into the captions at least two companies use (converter.detect.grouped_captions). The
output, ``taxonomy_maps/detect/learned_captions.csv``, keeps the company on every row so
the detector can leave one company out when the benchmark scores that company.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from converter.detect import caption_key, detect, undated_caption  # noqa: E402  (needs the repo on sys.path)
from converter.model import Document, InputKind  # noqa: E402
from converter.readers.html import parse_html  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from learn_corpus import learner_args, write_learned  # noqa: E402  (the learned CSVs share one writer)

DEFAULT_OUT = ROOT / "taxonomy_maps" / "detect" / "learned_captions.csv"
LETTERS = re.compile(r"[a-z]{2}")


def captions(path: Path, strip) -> set[str]:
    """The column captions of one filing's tables, as caption_key keeps them."""
    root, raw_tables, prose = parse_html(strip.html(path))
    doc = Document(path=str(path), kind=InputKind.HTML, text=prose, tables=raw_tables, sha256="", native=root)
    found = set()
    for table in detect(doc).tables:
        for stack in table.raw.column_headers:
            for piece in stack:
                key = caption_key(piece)
                if undated_caption(piece) and LETTERS.search(key) and len(key) <= 80:
                    found.add(key)
    return found


def learn(corpus: Path, strip) -> list[tuple[str, str]]:
    rows = set()
    for path in sorted(corpus.glob("*.htm.gz")):
        company = path.name.split("-")[0]
        found = captions(path, strip)
        rows.update((company, caption) for caption in found)
        print(f"{path.name}: {len(found)} captions", file=sys.stderr)
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    args = learner_args(argv, __doc__.splitlines()[0], DEFAULT_OUT)
    import strip

    write_learned(args.out, ["company", "caption"], learn(args.corpus or args.shared / "corpus" / "dev", strip))
    return 0


if __name__ == "__main__":
    sys.exit(main())
