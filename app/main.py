"""Composition root for the GUI: paths → logging → database → AppContext → MainWindow."""

from __future__ import annotations

import argparse
import logging
import sys

from app.commands.common import paths_from
from app.context import open_context
from app.logging_setup import setup_logging
from app.services.errors import DomainError

log = logging.getLogger(__name__)


def start_gui(args: argparse.Namespace):
    """Creates the application and shows the main window; returns (app, ctx, window), or an exit
    code when the database cannot be opened."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui.error_reporting import install_excepthook, user_message
    from app.ui.qt_app import create_application

    paths = paths_from(args)
    setup_logging(paths.log_dir)
    app = create_application(sys.argv[:1])
    try:
        ctx = open_context(paths)
    except DomainError as exc:
        QMessageBox.critical(None, "无法打开数据库", exc.message)
        return 2
    except Exception as exc:  # no window and, frozen, no console: this box is all the clerk sees
        log.exception("start-up failed (database %s)", paths.db_path)
        QMessageBox.critical(None, "无法启动", user_message(exc))
        return 3
    from app.ui.main_window import MainWindow  # after the database: a failure above shows sooner

    try:
        window = MainWindow(ctx)
    except Exception as exc:  # e.g. a damaged row the first page cannot show
        log.exception("main window failed to build (database %s)", paths.db_path)
        QMessageBox.critical(None, "无法启动", user_message(exc))
        ctx.close()
        return 3
    install_excepthook(lambda: window)
    window.show()
    log.info("main window shown (database %s)", paths.db_path)
    try:
        window.start_first_run()  # an empty database: the first-start dialog (non-blocking)
    except Exception:  # the window works without it; the clerk fills 设置 by hand
        log.exception("first-start check failed (database %s)", paths.db_path)
    return app, ctx, window


def run_gui(args: argparse.Namespace) -> int:
    started = start_gui(args)
    if isinstance(started, int):
        return started
    app, ctx, _window = started
    try:
        return app.exec()
    finally:
        ctx.close()
