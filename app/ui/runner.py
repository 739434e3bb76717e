"""TaskRunner: slow work (import, render, export, print) off the main thread.

- one lane (a single-thread pool) for work that writes to the database, so writers never race;
  other work runs on a small shared pool;
- results and errors are delivered on the main thread;
- a progress dialog appears only when the work takes longer than ~600 ms, with a cancel button.

Work functions take a TaskControl: `control.progress(done, total, text)` reports progress and
`control.check()` raises TaskCancelled once the clerk pressed 取消. SyncRunner offers the same
interface and runs everything at once on the calling thread (tests, screenshots).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.ui.error_reporting import log_unexpected, show_error

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600

Work = Callable[["TaskControl"], Any]
DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int, str], None]


class TaskCancelled(Exception):
    """Raised inside work when the clerk cancelled it."""


class TaskControl:
    """What a running piece of work sees: cancellation and a progress reporter."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None):
        self._cancelled = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise TaskCancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self.check()
        if self._report is not None:
            self._report(done, total, text)


class TaskHandle:
    """One submitted piece of work, as seen by the caller."""

    def __init__(self, title: str, control: TaskControl):
        self.title = title
        self.control = control
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.control.cancel()

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled


class _Signals(QObject):
    done = Signal(object, object)  # handle, result
    failed = Signal(object, object)  # handle, exception
    progress = Signal(object, int, int, str)  # handle, done, total, text


class _Job(QRunnable):
    def __init__(self, work: Work, handle: TaskHandle, signals: _Signals):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._handle = handle
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(self._handle.control)
        except BaseException as exc:  # delivered to the main thread, never lost
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.done, result)

    def _emit(self, signal, value) -> None:
        try:
            signal.emit(self._handle, value)
        except RuntimeError:  # the window closed meanwhile: nobody is left to tell
            log.info("task %r finished after its runner was gone", self._handle.title)


class TaskRunner(QObject):
    """Runs work on worker threads and calls back on the main thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None, delay_ms: int = PROGRESS_DELAY_MS):
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._delay_ms = delay_ms
        self._write_lane = QThreadPool(self)
        self._write_lane.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._signals = _Signals()
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._callbacks: dict[int, tuple[DoneCallback | None, ErrorCallback | None]] = {}
        self._dialogs: dict[int, QProgressDialog] = {}
        self._handles: dict[int, TaskHandle] = {}
        self._progress_callbacks: dict[int, ProgressCallback] = {}
        self._lanes: dict[str, QThreadPool] = {}

    # ---- public ------------------------------------------------------------------------
    def submit(self, work: Work, on_done: DoneCallback | None = None, on_error: ErrorCallback | None = None,
               *, title: str = "正在处理…", writes: bool = False, lane: str | None = None,
               cancellable: bool = True, show_progress: bool = True,
               on_progress: ProgressCallback | None = None) -> TaskHandle:
        """Runs work(control) on a worker thread. writes=True uses the database-write lane;
        lane="render" (any name) a single-thread lane of its own, for work that must not overlap."""
        handle = TaskHandle(title, None)  # type: ignore[arg-type]
        handle.control = TaskControl(lambda d, t, s: self._report(handle, d, t, s))
        key = id(handle)
        self._handles[key] = handle
        self._callbacks[key] = (on_done, on_error)
        if on_progress is not None:
            self._progress_callbacks[key] = on_progress
        if len(self._handles) == 1:
            self.busy_changed.emit(True)
        if show_progress:
            QTimer.singleShot(self._delay_ms, self, lambda: self._show_dialog(handle, cancellable))
        self._pool_for(writes, lane).start(_Job(work, handle, self._signals))
        return handle

    def _report(self, handle: TaskHandle, done: int, total: int, text: str) -> None:
        try:
            self._signals.progress.emit(handle, done, total, text)
        except RuntimeError:
            handle.cancel()

    def cancel_all(self) -> None:
        for handle in list(self._handles.values()):
            handle.cancel()

    def _pool_for(self, writes: bool, lane: str | None) -> QThreadPool:
        if writes:
            return self._write_lane
        if lane is None:
            return self._pool
        if lane not in self._lanes:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._lanes[lane] = pool
        return self._lanes[lane]

    @property
    def active_count(self) -> int:
        return len(self._handles)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Blocks (processing events) until every submitted task has been delivered."""
        from PySide6.QtCore import QCoreApplication, QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        while self._handles and timer.elapsed() < timeout_ms:
            for pool in (self._pool, self._write_lane, *self._lanes.values()):
                pool.waitForDone(10)
            QCoreApplication.processEvents()
        return not self._handles

    def progress_dialog(self, handle: TaskHandle) -> QProgressDialog | None:
        return self._dialogs.get(id(handle))

    # ---- main-thread delivery ------------------------------------------------------------
    def _show_dialog(self, handle: TaskHandle, cancellable: bool) -> None:
        key = id(handle)
        if key not in self._handles or handle.finished:
            return
        dlg = QProgressDialog(handle.title, "取消" if cancellable else "", 0, 0, self._parent_widget)
        dlg.setObjectName("taskProgressDialog")
        dlg.setWindowTitle("请稍候")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        if not cancellable:
            dlg.setCancelButton(None)
        dlg.canceled.connect(lambda: self._cancel(handle))
        self._dialogs[key] = dlg
        dlg.show()

    def _cancel(self, handle: TaskHandle) -> None:
        handle.cancel()
        dlg = self._dialogs.get(id(handle))
        if dlg is not None:
            dlg.setLabelText("正在取消…")

    @Slot(object, int, int, str)
    def _on_progress(self, handle: TaskHandle, done: int, total: int, text: str) -> None:
        callback = self._progress_callbacks.get(id(handle))
        if callback is not None and not handle.cancelled:
            callback(done, total, text)
        dlg = self._dialogs.get(id(handle))
        if dlg is None or handle.cancelled:
            return
        dlg.setMaximum(max(total, 0))
        dlg.setValue(min(done, total) if total else 0)
        if text:
            dlg.setLabelText(text)

    @Slot(object, object)
    def _on_done(self, handle: TaskHandle, result: Any) -> None:
        on_done, _ = self._finish(handle)
        handle.result = result
        if handle.cancelled:
            return
        if on_done is not None:
            on_done(result)

    @Slot(object, object)
    def _on_failed(self, handle: TaskHandle, exc: BaseException) -> None:
        _, on_error = self._finish(handle)
        handle.error = exc
        if isinstance(exc, TaskCancelled) or handle.cancelled:
            return
        _deliver_error(exc, on_error, self._parent_widget)

    def _finish(self, handle: TaskHandle):
        key = id(handle)
        handle.finished = True
        self._handles.pop(key, None)
        callbacks = self._callbacks.pop(key, (None, None))
        self._progress_callbacks.pop(key, None)
        dlg = self._dialogs.pop(key, None)
        if dlg is not None:
            dlg.hide()
            dlg.deleteLater()
        if not self._handles:
            self.busy_changed.emit(False)
        return callbacks


def _deliver_error(exc: BaseException, on_error: ErrorCallback | None, parent: QWidget | None) -> None:
    """To the caller's handler (logged first when it is a fault), or as a message box."""
    if on_error is None:
        show_error(parent, exc)
        return
    log_unexpected(exc)
    on_error(exc)


class SyncRunner:
    """The same interface, run at once on the calling thread: for tests and screenshots."""

    active_count = 0

    def __init__(self) -> None:
        self.submitted: list[str] = []

    def submit(self, work: Work, on_done: DoneCallback | None = None, on_error: ErrorCallback | None = None,
               *, title: str = "正在处理…", writes: bool = False, lane: str | None = None,
               cancellable: bool = True, show_progress: bool = True,
               on_progress: ProgressCallback | None = None) -> TaskHandle:
        handle = TaskHandle(title, TaskControl(on_progress))
        self.submitted.append(title)
        try:
            handle.result = work(handle.control)
        except TaskCancelled:
            handle.finished = True
            return handle
        except Exception as exc:
            handle.finished = True
            handle.error = exc
            _deliver_error(exc, on_error, None)
            return handle
        handle.finished = True
        if on_done is not None:
            on_done(handle.result)
        return handle

    def wait_idle(self, timeout_ms: int = 0) -> bool:
        return True
