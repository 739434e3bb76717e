"""Composition root for the GUI: paths → logging → one window per database → database → AppContext
→ MainWindow."""

from __future__ import annotations

import argparse
import logging
import sys

from app.commands.common import paths_from
from app.context import DatabaseDamagedOnOpen, open_context
from app.logging_setup import setup_logging
from app.services.backup import restore_backup
from app.services.errors import DomainError

log = logging.getLogger(__name__)


def start_gui(args: argparse.Namespace):
    """Creates the application and shows the main window; returns (app, ctx, window), or an exit
    code when the database cannot be opened (or is already open in another window)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.ui.error_reporting import install_excepthook, user_message
    from app.ui.qt_app import create_application
    from app.ui.single_instance import ALREADY_OPEN, SingleInstance

    paths = paths_from(args)
    setup_logging(paths.log_dir)
    app = create_application(sys.argv[:1])
    instance = SingleInstance(paths.db_path)
    if not instance.claim():
        shown = instance.ask_first_to_show()
        log.info("database %s is already open in another window", paths.db_path)
        QMessageBox.information(None, "法治工作台已打开", ALREADY_OPEN.format(shown="，已把那个窗口切换到前面" if shown else ""))
        return 0
    try:
        ctx = open_damaged_or_restored(paths)
    except DomainError as exc:
        instance.release()
        QMessageBox.critical(None, "无法打开数据库", exc.message)
        return 2
    except Exception as exc:  # no window and, frozen, no console: this box is all the clerk sees
        instance.release()
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
        instance.release()
        return 3
    instance.window = window
    window._single_instance = instance  # lives as long as the window
    install_excepthook(lambda: window)
    window.show()
    log.info("main window shown (database %s)", paths.server.display_url() if paths.server else paths.db_path)
    for text in ctx.warnings:  # a database file on a network drive: said once, without blocking
        box = QMessageBox(QMessageBox.Icon.Warning, "数据库位置", text, QMessageBox.StandardButton.Ok, window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    try:
        window.start_first_run()  # an empty database: the first-start dialog (non-blocking)
    except Exception:  # the window works without it; the clerk fills 设置 by hand
        log.exception("first-start check failed (database %s)", paths.db_path)
    return app, ctx, window


def open_damaged_or_restored(paths):
    """open_context; when the quick check finds the file damaged and a good backup exists, the clerk
    is offered to restore it (the damaged file is kept beside the backups)."""
    from PySide6.QtWidgets import QMessageBox

    try:
        return open_context(paths)
    except DatabaseDamagedOnOpen as exc:
        if exc.backup is None:
            raise
        good = exc.backup
        answer = QMessageBox.question(
            None, "数据库已损坏",
            f"{exc.message}\n\n是否用 {good.created:%Y-%m-%d %H:%M} 的备份恢复数据库？"
            "损坏的文件会保留在备份文件夹中（不会删除），该备份之后所做的修改需要重新录入。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            raise
        kept = restore_backup(good.path, paths.db_path)
        log.warning("restored %s from %s at the clerk's request (damaged file kept as %s)", paths.db_path,
                    good.path.name, kept)
        ctx = open_context(paths)
        QMessageBox.information(None, "已从备份恢复",
                                f"数据库已恢复为 {good.created:%Y-%m-%d %H:%M} 的备份。"
                                + (f"损坏的文件保留为“{kept.name}”。" if kept else ""))
        return ctx


def run_gui(args: argparse.Namespace) -> int:
    started = start_gui(args)
    if isinstance(started, int):
        return started
    app, ctx, window = started
    try:
        return app.exec()
    finally:
        ctx.close()
        window._single_instance.release()
