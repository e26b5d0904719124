"""Shared test set-up: where the repo and ../shared are, and the golden-file switch."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "samples" / "liveperson-10q-2021q2.txt"


def stripped(folder: Path, filing: str, kind: str = "html") -> Path:
    """A dev corpus filing stripped by the shared tool (html, text or text-noyears), as a user's input."""
    src = folder / f"{filing}.{'htm' if kind == 'html' else 'txt'}"
    src.write_bytes(subprocess.run([sys.executable, str(SHARED / "tools/strip.py"), kind,
                                    str(SHARED / f"corpus/dev/{filing}.htm.gz")], capture_output=True, check=True).stdout)
    return src


def copies_benchmark():
    """benchmarks/copies.py as a module: how a crafted filing is copied and its facts compared."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("copies_benchmark", REPO / "benchmarks" / "copies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_style_copy(folder: Path, html: Path, kind: str = "text-noyears") -> Path:
    """A crafted HTML filing (tests/fixtures/html) as the shared tool copies a filing to text
    (``text`` or ``text-noyears``, the seed's style), made as benchmarks/copies.py makes it."""
    return copies_benchmark().copy_of(html, kind, folder)


def crafted_conversion(folder: Path, name: str, content: str, company: str = "ACME Corp."):
    """A crafted document written into ``folder`` and converted: (its path, the result)."""
    from converter.pipeline import convert

    source = folder / name
    source.write_text(content, encoding="utf-8")
    return source, convert(source, folder / "out", company=company)


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current outputs (on purpose, then review the diff)")


@pytest.fixture(scope="session")
def regen_golden(request) -> bool:
    return request.config.getoption("--regen-golden")


@pytest.fixture(scope="session")
def seed_conversion(tmp_path_factory):
    """The seed converted once for the whole session."""
    from converter.pipeline import convert

    out = tmp_path_factory.mktemp("seed-out")
    return convert(SEED, out)
