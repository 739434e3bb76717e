"""Emitting signals from Python must not wear down the bool singletons (PySide6 6.12 on 3.11)."""

import sys

from PySide6.QtCore import QObject, QStringListModel, Signal

import app.ui  # noqa: F401  (installs the fix)
from app.ui.qt_fixes import emit_leaks_references


class Sender(QObject):
    changed = Signal(int, str)


def test_emit_keeps_reference_counts_balanced():
    sender = Sender()
    model = QStringListModel(["甲", "乙"])
    seen = []
    sender.changed.connect(lambda n, s: seen.append(n))
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for i in range(500):
        sender.changed.emit(i, "x")
        model.dataChanged.emit(model.index(0, 0), model.index(1, 0))
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert len(seen) == 500
    assert abs(after[0] - before[0]) < 20 and abs(after[1] - before[1]) < 20
    assert not emit_leaks_references()
