"""文件 → 打开示例: the 示例县 sample in a database of its own, in a window of its own.

The clerk's window is hidden, not closed, and nothing is written to the clerk's file: pending edits
are saved first (they are the clerk's own), then the sample is made afresh in a temporary folder.
Going back closes the sample's window, shows the clerk's window again and deletes the folder."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from app.context import open_sample_context
from app.ui.error_reporting import show_error
from app.ui.runner import TaskRunner

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class SampleSwitch(QObject):
    def __init__(self, home: MainWindow):
        super().__init__(home)
        self.home = home
        self.window: MainWindow | None = None
        self.folder: Path | None = None

    def open_sample(self) -> None:
        if self.window is not None:
            self.window.activateWindow()
            return
        from app.ui.main_window import MainWindow

        self.home.save_pending_edits()
        folder = Path(tempfile.mkdtemp(prefix="fazhi-sample-"))
        try:
            ctx = open_sample_context(folder)
        except Exception as exc:
            shutil.rmtree(folder, ignore_errors=True)
            show_error(self.home, exc, "无法打开示例")
            return
        # a runner of its own, so progress and messages belong to the sample's window (tests run synchronously)
        runner = None if isinstance(self.home.runner, TaskRunner) else self.home.runner
        try:
            window = MainWindow(ctx, runner=runner)
        except Exception as exc:
            ctx.close()
            shutil.rmtree(folder, ignore_errors=True)
            show_error(self.home, exc, "无法打开示例")
            return
        self.window, self.folder = window, folder
        window.closed.connect(self._sample_closed)
        window.setGeometry(self.home.geometry())
        window.setWindowState(self.home.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        self.home.hide()
        log.info("sample opened in its own database")

    def close_sample(self) -> None:
        if self.window is not None:
            self.window.close()  # closed → _sample_closed

    def _sample_closed(self) -> None:
        window, folder = self.window, self.folder
        self.window = self.folder = None
        if window is None:
            return
        # shown before the sample's window is gone, so closing it never ends the program
        self.home.setGeometry(window.geometry())
        self.home.show()
        self.home.activateWindow()
        window.ctx.close()
        window.deleteLater()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        self.home.show_status("已返回您的数据库。示例数据已丢弃。")
        log.info("sample closed; back to %s", self.home.ctx.paths.db_path.name)
