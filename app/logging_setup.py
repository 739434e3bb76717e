"""A rotating log file per data folder; the user only ever sees Chinese messages, the log keeps details."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: Path | None = None


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that never speaks on the console: on a full disk or a vanished folder the record is
    dropped (the standard handler prints its own traceback to stderr, which the clerk would see)."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)  # only once there is something to log
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None:
                self.stream.close()
        except OSError:
            pass
        self.stream = None  # the next record tries to open the file again


class _Silent(logging.Handler):
    """Stands in before the log file is known, so Python's last-resort handler never prints to stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        pass


def silence_console() -> None:
    root = logging.getLogger()
    if not any(getattr(h, "_fazhi", False) for h in root.handlers):
        handler = _Silent()
        handler._fazhi = True  # type: ignore[attr-defined]
        root.addHandler(handler)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    global _configured
    log_file = log_dir / "fazhi.log"
    if _configured == log_file:
        return log_file
    root = logging.getLogger()
    root.setLevel(level)
    try:
        # delay: no folder and no file are made until something is logged
        handler: logging.Handler = QuietFileHandler(log_file, maxBytes=2_000_000, backupCount=3,
                                                    encoding="utf-8", delay=True)
    except OSError:
        handler = _Silent()  # a read-only folder must not stop the program
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for h in list(root.handlers):
        if getattr(h, "_fazhi", False):
            root.removeHandler(h)
    handler._fazhi = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _configured = log_file
    return log_file
