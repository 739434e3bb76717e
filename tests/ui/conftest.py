"""GUI test fixtures: no modal dialog ever blocks (DESIGN.md §7); answers are scripted per test."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.ui.runner import SyncRunner


class ScriptedDialogs:
    """Stands in for Qt's static dialogs. Tests queue answers and read what was shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.confirm = True
        self.texts: list[str | None] = []
        self.items: list[int | None] = []
        self.ints: list[int | None] = []
        self.files: list[str] = []

    def kinds(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.shown if k == kind]

    def _box(self, kind):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            if kind == "question":
                return QMessageBox.StandardButton.Yes if self.confirm else QMessageBox.StandardButton.No
            return QMessageBox.StandardButton.Ok
        return show

    def get_text(self, parent, title, label, *args, **kwargs):
        self.shown.append(("text", title, label))
        value = self.texts.pop(0) if self.texts else None
        return (value or "", value is not None)

    def get_item(self, parent, title, label, items, current=0, editable=False, *args, **kwargs):
        self.shown.append(("item", title, label + "\n" + "\n".join(items)))
        index = self.items.pop(0) if self.items else None
        return (items[index], True) if index is not None else ("", False)

    def get_int(self, parent, title, label, value=0, *args, **kwargs):
        self.shown.append(("int", title, label))
        answer = self.ints.pop(0) if self.ints else value
        return (answer, answer is not None)

    def file(self, parent=None, title="", folder="", *args, **kwargs):
        self.shown.append(("file", title, folder))  # folder: where the dialog starts
        return (self.files.pop(0) if self.files else "", "")


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> ScriptedDialogs:
    d = ScriptedDialogs()
    for kind in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, d._box(kind))
    monkeypatch.setattr(QInputDialog, "getText", d.get_text)
    monkeypatch.setattr(QInputDialog, "getItem", d.get_item)
    monkeypatch.setattr(QInputDialog, "getInt", d.get_int)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", d.file)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", d.file)
    from app.ui.dialogs import messages

    # each window wires the folder memory to its own database: none outlives its test
    monkeypatch.setattr(messages, "_folder_store", dict(messages._folder_store))
    return d


@pytest.fixture
def window(qtbot, ctx):
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx, runner=SyncRunner())
    w.changes.stop()  # tests look for other clerks' changes themselves (changes.check()), never mid-dialog
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    yield w
    w.close()


@pytest.fixture
def clerk(window, qtbot):
    """The clerk's moves in the plan editor through the real widgets (see tests/ui/clerk.py)."""
    from tests.ui.clerk import Clerk

    return Clerk(window, qtbot)
