"""One program window per database: an operating-system lock on a small file beside it.

The lock belongs to the open file, so the system drops it when the program ends in any way (a
crash, a kill): there is no stale lock to clean up. The window holds it while open; a second
window finds it taken and says so, and restoring a backup refuses while a window is open."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

from app.services.errors import InUseError

log = logging.getLogger(__name__)

if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    def __init__(self, db_path: Path):
        db_path = Path(db_path)
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    @property
    def held_here(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock (or the folder allows no lock file at all, where
        refusing to start would help nobody); False when another program holds it."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            log.warning("no instance lock possible at %s", self.path, exc_info=True)
            return True
        try:
            locked = _try_lock(fd)
        except OSError:
            log.warning("instance lock failed at %s", self.path, exc_info=True)
            os.close(fd)
            return True
        if not locked:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def poke(self) -> bool:
        """Tells the holder (which watches the file) that someone tried to open the database: a few
        bytes written past the locked first byte. True when written."""
        try:
            with open(self.path, "r+b") as fh:
                fh.seek(16)
                fh.write(f"{time.time():.6f}".encode() + b"\n")
            return True
        except OSError:
            return False

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @contextlib.contextmanager
    def held(self, action: str) -> Iterator[None]:
        if not self.acquire():
            raise InUseError(f"法治工作台的窗口正在使用这个数据库，无法{action}。请先关闭程序窗口，再重试。")
        try:
            yield
        finally:
            self.release()
