"""Work-arounds for reference-counting bugs of PySide6 6.12 on Python 3.11 (True/False, None).

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


# ---- None --------------------------------------------------------------------------------------
# The same release returns None from every void method (setText, resizeSection, invalidate …)
# without taking a reference, so each call from Python drops one reference from None. None starts
# with a few thousand: a clerk's hour of clicking (or one big repaint through a Python model) ends in
# "Fatal Python error: none_dealloc". Python 3.12 made None immortal; on 3.11 None is given a
# reserve of references that no session can use up (the interpreter never frees None anyway).
_NONE_RESERVE = 1 << 40


class _VoidProbe(QObject):
    pass


def void_calls_leak_none() -> bool:
    probe = _VoidProbe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


_none_fixed = False


def install_none_fix() -> bool:
    """Gives None its reserve once, when (and only when) void calls wear it down; True when given."""
    global _none_fixed
    if _none_fixed or sys.version_info >= (3, 12) or not void_calls_leak_none():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    refcount.value += _NONE_RESERVE
    _none_fixed = True
    return True
