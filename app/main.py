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


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.main_window import MainWindow
    from app.ui.qt_app import create_application

    paths = paths_from(args)
    setup_logging(paths.log_dir)
    app = create_application(sys.argv[:1])
    try:
        ctx = open_context(paths)
    except DomainError as exc:
        QMessageBox.critical(None, "无法打开数据库", exc.message)
        return 2
    window = MainWindow(ctx)
    window.show()
    code = app.exec()
    ctx.close()
    return code
