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


def test_void_calls_never_wear_down_none():
    """Each void method of PySide6 6.12 drops a reference to None on Python 3.11; tens of thousands
    of calls (an afternoon of editing, or repainting a filtered outline) must not end the program."""
    from app.ui.qt_fixes import _NONE_RESERVE, install_none_fix

    probe = QObject()
    natural = sys.getrefcount(None) % _NONE_RESERVE  # the references None would have without the fix
    for i in range(natural + 5000):  # more void calls than that: without the fix, none_dealloc
        probe.setObjectName(str(i % 7))
    assert sys.getrefcount(None) > 1000
    assert install_none_fix() is False  # given once, never twice
