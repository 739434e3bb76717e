"""Small standard questions (confirm, ask for a name, pick a file) in one place.

Everything here goes through Qt's static dialogs, so tests replace them with monkeypatch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
IMPORT_FILTER = "可导入的文件 (*.txt *.docx *.xlsx);;文本文件 (*.txt);;Word 文档 (*.docx);;Excel 工作簿 (*.xlsx)"


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "确定") -> bool:
    box = QMessageBox.question(parent, title, text,
                               QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                               QMessageBox.StandardButton.No)
    return box == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    value = (value or "").strip()
    return value if ok and value else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    """Index of the chosen item, or None."""
    if not items:
        return None
    value, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    return items.index(value) if ok and value in items else None


def ask_int(parent: QWidget | None, title: str, label: str, value: int, lo: int, hi: int) -> int | None:
    result, ok = QInputDialog.getInt(parent, title, label, value, lo, hi)
    return result if ok else None


# Where file dialogs start: the last folder used (kept in the settings by the main window), else the
# clerk's Documents folder; never the program's own folder, which is where a bare name would point.
_folder_store: dict[str, Callable] = {"get": lambda: "", "put": lambda _folder: None}


def remember_folders(get: Callable[[], str], put: Callable[[str], None]) -> None:
    _folder_store["get"], _folder_store["put"] = get, put


def start_folder() -> str:
    last = _folder_store["get"]() or ""
    if last and Path(last).is_dir():
        return last
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def _used(path: str) -> str | None:
    if path:
        _folder_store["put"](str(Path(path).parent))
    return path or None


def open_file(parent: QWidget | None, title: str, filters: str, folder: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder or start_folder(), filters)
    return _used(path)


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder()) / suggested), filters)
    return _used(path)


def open_files(parent: QWidget | None, title: str, filters: str, folder: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder or start_folder(), filters)
    paths = list(paths or [])
    if paths:
        _used(paths[0])
    return paths


def choose_folder(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, folder or start_folder())
    if path:
        _folder_store["put"](path)
    return path or None


def open_dialog(dialog: QDialog) -> None:
    """Shows a dialog window-modal without blocking (QDialog.open, never exec).

    Called through QDialog: PySide6 6.12's QPrintDialog and QPageSetupDialog hide the argument-less
    open() behind their open(receiver, member) overload, which raises TypeError."""
    QDialog.open(dialog)


KEEP_MINE = "保留我的修改"
RELOAD_THEIRS = "重新载入（采用同事的修改）"


def resolve_conflict(parent: QWidget | None, text: str) -> bool:
    """Someone else saved first: True to keep mine (saved over theirs), False to reload theirs.
    Closing the box reloads: nothing is written over a colleague's change without a click."""
    box = QMessageBox(QMessageBox.Icon.Warning, "同事已修改", text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("conflictBox")
    box.setInformativeText("重新载入会显示同事保存的内容，您这次的修改不保存；保留我的修改会用您的内容覆盖同事的修改。"
                           "两种选择都会记入操作记录。")
    reload = box.addButton(RELOAD_THEIRS, QMessageBox.ButtonRole.RejectRole)
    keep = box.addButton(KEEP_MINE, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(reload)
    box.setEscapeButton(reload)
    box.exec()
    return box.clickedButton() is keep
