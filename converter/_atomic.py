"""Atomic writes: a file appears whole or not at all; a folder of outputs likewise."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from converter.errors import OutputError


# Files written inside a staging folder (staged_dir), to be flushed to disk together before
# they move out: syncing each as it is written made the disk commit once per file.
_UNSYNCED: ContextVar[list[Path] | None] = ContextVar("unsynced", default=None)


def write_bytes(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder, then rename over the target; on disk before
    the rename, or (in a staging folder) before the folder's files move out."""
    path = Path(path)
    unsynced = _UNSYNCED.get()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if unsynced is None:
                os.fsync(fh.fileno())
            else:
                unsynced.append(path)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _umask() -> int:
    """The process umask (mkstemp makes 0600 files; outputs should look like any other file)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


@contextmanager
def staged_dir(out_dir: Path, *, seal: str | None = None):
    """Yield a hidden staging folder beside ``out_dir``; on success move its files in.

    Nothing reaches ``out_dir`` unless the whole block succeeds, so a failed conversion
    leaves earlier outputs as they were and no half-written files. ``seal`` names the file
    that vouches for the set (a manifest): the old one is removed before any file moves and
    the new one moves last, so a process killed while moving leaves a folder with no seal,
    never a seal beside a mix of old and new files.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.staging."))
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    unsynced: list[Path] = []
    token = _UNSYNCED.set(unsynced)
    try:
        try:
            yield stage
        finally:
            _UNSYNCED.reset(token)
        for path in unsynced:  # the first flush commits the others' data too: the rest are quick
            _fsync(path)
        out_dir.mkdir(parents=True, exist_ok=True)
        items = sorted(stage.iterdir(), key=lambda item: (item.name == seal, item.name))
        if seal is not None and (stage / seal).exists():
            (out_dir / seal).unlink(missing_ok=True)
        for item in items:
            os.replace(item, out_dir / item.name)
    except OSError as exc:
        raise OutputError(f"cannot write outputs to {out_dir}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
