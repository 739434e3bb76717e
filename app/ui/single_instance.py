"""One window per database. The first window holds the database's instance lock and watches the
lock file; a program started a second time on the same database finds the lock taken, touches the
file (the first window comes to the front), tells the clerk, and ends. Two windows editing one
database would overwrite each other's changes; bringing the open one forward is what the clerk
wanted. (QtCore's file watcher rather than a local socket: the bundle leaves QtNetwork out.)"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt
from PySide6.QtWidgets import QWidget

from app.services.instance_lock import InstanceLock

log = logging.getLogger(__name__)

ALREADY_OPEN = ("这个数据库已在另一个法治工作台窗口中打开{shown}。同一个数据库同一时间只能在一个窗口中编辑，"
                "以免两边的修改互相覆盖；请在那个窗口中继续工作。")


class SingleInstance(QObject):
    def __init__(self, db_path: Path):
        super().__init__()
        self.lock = InstanceLock(db_path)
        self.watcher: QFileSystemWatcher | None = None
        self.window: QWidget | None = None

    def claim(self) -> bool:
        """True for the first window on this database (it now watches for later starts)."""
        if not self.lock.acquire():
            return False
        if self.lock.held_here:
            self.watcher = QFileSystemWatcher([str(self.lock.path)], self)
            self.watcher.fileChanged.connect(self._bring_to_front)
        return True

    def ask_first_to_show(self) -> bool:
        return self.lock.poke()

    def _bring_to_front(self, _path: str = "") -> None:
        w = self.window
        if w is None:
            return
        if w.windowState() & Qt.WindowState.WindowMinimized:
            w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
        w.show()
        w.raise_()
        w.activateWindow()

    def release(self) -> None:
        if self.watcher is not None:
            self.watcher.deleteLater()
            self.watcher = None
        self.lock.release()
