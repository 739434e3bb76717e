"""Run by bench_gui in a fresh interpreter: start the GUI the way `python -m app` does, print one
line as soon as the main window has been shown and painted, then quit."""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()


def main(db: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.cli import build_parser
    from app.main import start_gui

    argv = ["--db", db, "gui"]
    started = start_gui(build_parser(argv).parse_args(argv))  # what `python -m app` loads
    if isinstance(started, int):
        return started
    app, ctx, window = started
    app.processEvents()
    window.repaint()
    print(f"SHOWN {(time.perf_counter() - START) * 1000:.1f}", flush=True)
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
