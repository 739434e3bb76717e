"""A rotating log file per data folder; the user only ever sees Chinese messages, the log keeps details."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: Path | None = None


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    global _configured
    log_file = log_dir / "fazhi.log"
    if _configured == log_file:
        return log_file
    root = logging.getLogger()
    root.setLevel(level)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # a read-only folder must not stop the program
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for h in list(root.handlers):
        if getattr(h, "_fazhi", False):
            root.removeHandler(h)
    handler._fazhi = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _configured = log_file
    return log_file
