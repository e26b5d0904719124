"""Fuzzing ``convert`` with generated text and markup and with mutated real filings.

Whatever the input, only the package's own errors (``ConverterError``) escape, and the
output folder either holds a complete set of outputs listed in its manifest.json or
nothing new. Runs are few and derandomized so the suite stays fast and repeatable.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from converter.errors import ConverterError
from converter.pipeline import convert

from conftest import SEED, SHARED

AAPL = SHARED / "corpus" / "dev" / "aapl-10-q-2025-08-01.htm.gz"
# No shrinking: an example that fails is reported as generated (a whole filing shrinks slowly).
FUZZ = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
MUTATE = settings(FUZZ, max_examples=10)

NUMBERS = st.sampled_from(["1,234", "(56)", "—", "-", "$", "$ 1,003", "0", "12.5", "(1,234.56)", "%", "2025", "2024",
                           "9,999,999,999,999,999,999", ".5", "1,2,3", "(", ")", "1e5", "١٢٣", "\xa0"])
WORDS = st.sampled_from(["Cash", "Total assets", "Net income", "Revenue", "Three Months Ended", "Six Months Ended",
                         "June 30,", "December 31, 2024", "As of", "(in millions)", "in thousands, except per share",
                         "CONDENSED CONSOLIDATED BALANCE SHEETS", "Statements of Operations", "Item 1.",
                         "Financial Statements", "Total liabilities and equity", "Weeks Ended", "Class A", "\x0c",
                         "<", "&amp;", "&#0;", "\ud7ff", "\u2028", "Fiscal 2025", "per share", "Basic", ""])
PIECES = st.one_of(NUMBERS, WORDS, st.text(max_size=12))


def _outputs_complete_or_absent(out: Path, before: dict[str, bytes], converted: bool) -> None:
    """A finished conversion left a full manifest-listed set; a refused one left ``out`` as it was."""
    assert not list(out.parent.glob(f".{out.name}.staging.*")), "staging folder left behind"
    now = {p.name: p.read_bytes() for p in out.iterdir()} if out.is_dir() else {}
    if not converted:
        assert now == before
        return
    manifest = json.loads(now["manifest.json"])
    assert set(manifest["files"]) == set(now)
    assert all(now[name] for name in manifest["files"])


def _convert_checked(source: Path, out: Path) -> None:
    before = {p.name: p.read_bytes() for p in out.iterdir()} if out.is_dir() else {}
    try:
        convert(source, out)
    except ConverterError as exc:
        assert exc.code.startswith("XC") and str(exc)
        assert exc.code != "XC900", f"safety net caught a bug: {exc!r} caused by {exc.__cause__!r}"
        _outputs_complete_or_absent(out, before, converted=False)
    else:
        _outputs_complete_or_absent(out, before, converted=True)


@FUZZ
@given(st.text(max_size=2000))
def test_any_text(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("text")
    source = folder / "input.txt"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    _convert_checked(source, folder / "out")


@FUZZ
@given(st.lists(st.lists(PIECES, max_size=8).map(lambda parts: "\xa0".join(parts)), min_size=2, max_size=60))
def test_statement_like_text(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("lines")
    source = folder / "input.txt"
    source.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    _convert_checked(source, folder / "out")


SPANS = st.sampled_from(["", ' colspan="3"', ' rowspan="2"', ' colspan="-1"', ' colspan="abc"', ' rowspan="99999"',
                         ' colspan="0"', ' style="vertical-align:super"'])
CELL = st.builds(lambda span, tag, text: f"<{tag}{span}>{text}</{tag}>", SPANS, st.sampled_from(["td", "th", "td"]),
                 PIECES)
ROW = st.lists(CELL, max_size=8).map(lambda cells: "<tr>" + "".join(cells) + "</tr>")
TABLE = st.builds(lambda caption, rows, cut: (f"<p>{caption}</p><table>" + "".join(rows) + "</table>")[:cut],
                  WORDS, st.lists(ROW, min_size=1, max_size=25), st.integers(min_value=10, max_value=10_000))


@FUZZ
@given(st.lists(st.one_of(TABLE, WORDS.map(lambda w: f"<div>{w}</div>"), st.text(max_size=30)), min_size=1,
                max_size=8))
def test_generated_markup(tmp_path_factory, parts):
    folder = tmp_path_factory.mktemp("html")
    source = folder / "input.htm"
    source.write_text("<html><body>" + "".join(parts) + "</body></html>", encoding="utf-8",
                      errors="surrogatepass")
    _convert_checked(source, folder / "out")


# --- mutated real filings ------------------------------------------------------------


@pytest.fixture(scope="module")
def filings() -> dict[str, str]:
    """The seed text and a real 10-Q as untagged HTML (the official strip tool, called)."""
    html = subprocess.run([sys.executable, str(SHARED / "tools" / "strip.py"), "html", str(AAPL)],
                          check=True, capture_output=True, text=True).stdout
    return {"text": SEED.read_text(encoding="utf-8"), "html": html}


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _mutate(text: str, kind: str, how: str, rng: random.Random) -> str:
    if how == "drop-cells" and kind == "html":
        cells = [m.start() for m in re.finditer(r"<td\b", text)]
        doomed = set(rng.sample(cells, k=len(cells) // 5))
        return re.sub(r"<td\b[^>]*>.*?</td>", lambda m: "" if m.start() in doomed else m.group(0), text, flags=re.S)
    if how == "drop-cells":
        return "\n".join(re.sub(r"\xa0[^\xa0]*", "", line, count=1) if rng.random() < 0.2 else line
                         for line in text.splitlines())
    if how == "cut-tags":
        tags = [m.start() for m in re.finditer(r"<[a-zA-Z/]", text)] or [len(text) // 2]
        for at in sorted(rng.sample(tags, k=min(len(tags), 40)), reverse=True):
            text = text[:at] + text[at + rng.randint(1, 6):]
        return text[: rng.randint(len(text) // 2, len(text))]
    if how == "garble-numbers":
        garbage = ["1,23x", "l0O", "(12", "12)", "1.2.3", "99999999999999999999999", "-", "1,,2", "$$", "½"]
        return NUMBER.sub(lambda m: rng.choice(garbage) if rng.random() < 0.1 else m.group(0), text)
    if how == "shuffle-lines":  # a block of rows, headers and titles out of order
        lines = text.splitlines()
        start = rng.randrange(len(lines))
        block = lines[start:start + rng.randint(5, 200)]
        rng.shuffle(block)
        return "\n".join(lines[:start] + block + lines[start + len(block):])
    if how == "bad-dates":  # impossible days, far years, lost period words
        text = re.sub(r"\b(January|February|April|June|September|November) \d{1,2}\b",
                      lambda m: f"{m.group(1)} {rng.choice([0, 31, 30, 32, 99])}", text)
        text = re.sub(r"\b(?:19|20)\d\d\b", lambda m: str(rng.choice([1899, 2099, 9999, int(m.group(0))])), text)
        return re.sub(r"(?i)\bmonths ended\b|\bas of\b", lambda m: rng.choice(["", "weeks", m.group(0)]), text)
    raise AssertionError(how)


@MUTATE
@given(kind=st.sampled_from(["text", "html"]),
       how=st.sampled_from(["drop-cells", "cut-tags", "garble-numbers", "shuffle-lines", "bad-dates", "cp1252",
                            "utf-16"]),
       seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_filings(filings, tmp_path_factory, kind, how, seed):
    folder = tmp_path_factory.mktemp("mutated")
    source = folder / ("input.txt" if kind == "text" else "input.htm")
    text = filings[kind]
    if how == "cp1252":
        source.write_bytes(text.encode("cp1252", errors="replace"))
    elif how == "utf-16":
        source.write_bytes(text.encode("utf-16"))
    else:
        source.write_text(_mutate(text, kind, how, random.Random(seed)), encoding="utf-8")
    _convert_checked(source, folder / "out")


def test_a_failed_conversion_over_earlier_outputs_leaves_them_untouched(filings, tmp_path):
    """A good conversion, then a refused one into the same folder: the first set stays whole."""
    out = tmp_path / "out"
    good = tmp_path / "good.txt"
    good.write_text(filings["text"], encoding="utf-8")
    _convert_checked(good, out)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert "manifest.json" in first
    bad = tmp_path / "bad.txt"
    bad.write_text("\n".join(line for line in filings["text"].splitlines() if "ended" not in line.lower()
                             and "as of" not in line.lower() and not re.search(r"20\d\d", line)))
    with pytest.raises(ConverterError):
        convert(bad, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_an_impossible_header_date_is_a_period_error_not_a_crash(tmp_path):
    source = tmp_path / "june31.txt"
    source.write_text(SEED.read_text(encoding="utf-8").replace("June 30", "June 31"), encoding="utf-8")
    _convert_checked(source, tmp_path / "out")
