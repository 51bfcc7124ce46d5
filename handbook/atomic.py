"""Writing files so that an interrupted run leaves the old file or the new one, never half of one.

The new bytes go to a temporary file in the same folder (same file system), are
flushed to disk, and then replace the target in one `os.replace` / `os.link` step.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs are not serialised there
    fcntl = None  # type: ignore[assignment]


def _temp_copy(path: Path, data: bytes, mode: int | None) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping its permissions; raises OSError, the old file intact."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    temp = _temp_copy(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def create_file(path: Path, data: bytes) -> None:
    """Create `path` with `data` atomically; FileExistsError when it exists (never overwrites)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_copy(path, data, 0o666 & ~_umask())
    try:
        try:
            os.link(temp, path)  # fails if `path` exists, unlike a rename
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: check, then rename
            if path.exists():
                raise FileExistsError(str(path)) from None
            os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def lock_path(path: Path) -> Path:
    """The sidecar lock file of `path`: a dot-file beside it, which MkDocs and the check never read."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path`'s sidecar lock file, waiting for another holder to finish.

    The lock is on the sidecar, not on `path`, because `replace_file` swaps `path` for a
    new file: a lock on the old one would no longer guard the name. The sidecar stays
    (removing it would let a waiting run lock a file nobody else sees).
    """
    if fcntl is None:
        yield
        return
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
