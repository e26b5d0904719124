"""Where a benchmark keeps its stripped inputs and outputs while it runs."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def work_folder(keep: Path | None, prefix: str) -> Iterator[Path]:
    """``keep`` when the user names one (left in place), else a temporary folder removed at
    the end: a corpus run's inputs and outputs take 150-350 MB."""
    if keep is not None:
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        yield Path(scratch)
