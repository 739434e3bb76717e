"""Work-arounds for reference-counting bugs of PySide6 6.12 on Python 3.11.

`SignalInstance.emit()` returns True/False without taking a reference, so every emit from Python
code drops one reference from the bool singleton. Python before 3.12 has no immortal objects: after
a few thousand emits (an hour of clerk's work, or one test run) the interpreter aborts with
"Fatal Python error: bool_dealloc". The fix is applied only when a probe shows the leak, and it
gives back exactly the missing reference."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16


class _Probe(QObject):
    fired = Signal()


def emit_leaks_references() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    return before - sys.getrefcount(True) >= _PROBES


def install_emit_fix() -> bool:
    """Wraps SignalInstance.emit when (and only when) it leaks; returns True when installed."""
    if getattr(SignalInstance.emit, "_fazhi_fixed", False) or not emit_leaks_references():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            incref(result)  # the reference emit() should have taken
        return result

    emit._fazhi_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
    return True


def void_calls_leak_none() -> bool:
    """The same bug for None: every call of a Qt method that returns nothing (setText, addItem …)
    drops one reference from None. Probed with a method that returns nothing."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


NONE_BALLAST = 1 << 40  # more references than any session can wear down (a million calls a second for 12 days)


def install_none_fix() -> bool:
    """Thousands of Qt methods return nothing, so they cannot each be wrapped: None is given a
    reference count no session can use up instead. Python 3.11 keeps the count in the object's first
    word; from 3.12 None is immortal and the probe finds no leak. Returns True when applied."""
    if sys.implementation.name != "cpython" or not void_calls_leak_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += NONE_BALLAST
    return True
