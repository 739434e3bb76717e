"""Run by bench_gui in a fresh interpreter: start the GUI the way `python -m app` does, print one
line as soon as the main window has been shown and painted, then quit. With "preview", open the
公文 page next (Ctrl+3, as a clerk does) and print a second line once the first notice preview has
been shown and painted."""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()


def main(db: str, preview: bool = False) -> int:
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
    if preview:
        opened = time.perf_counter()
        window.nav.setCurrentRow(2)
        page = window.notices_page
        done = []
        page.preview_ready.connect(lambda: done.append(True))
        while not done:
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - opened > 60:
                return 1
        app.processEvents()
        window.repaint()
        print(f"PREVIEW {(time.perf_counter() - opened) * 1000:.1f}", flush=True)
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "preview" in sys.argv[2:]))
