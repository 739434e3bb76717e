"""TaskRunner: work off the main thread, results on it, progress only after ~600 ms, cancel."""

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.services.errors import ValidationError
from app.ui.runner import PROGRESS_DELAY_MS, SyncRunner, TaskCancelled, TaskRunner

WAIT_MS = 30_000  # a wait returns as soon as its condition holds; the margin is for a loaded machine


@pytest.fixture
def runner(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    r = TaskRunner(parent)
    yield r
    r.cancel_all()
    r.wait_idle(WAIT_MS)


def test_result_arrives_on_the_main_thread(runner, qtbot):
    seen = {}

    def work(control):
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(value):
        seen["value"] = value
        seen["main"] = threading.current_thread() is threading.main_thread()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=WAIT_MS):
        handle = runner.submit(work, done)
    assert seen == {"worker": False, "value": 42, "main": True}
    assert handle.finished and runner.progress_dialog(handle) is None


def test_progress_appears_only_after_the_delay_and_cancel_stops_the_work(runner, qtbot):
    release = threading.Event()
    progress = []
    results = []

    def work(control):
        for i in range(1000):
            control.progress(i, 1000, f"第 {i} 步")
            if release.wait(0.01):
                break
        control.check()
        return "finished"

    started = time.monotonic()
    handle = runner.submit(work, results.append, title="正在导入…", on_progress=lambda d, t, s: progress.append(d))
    qtbot.wait(PROGRESS_DELAY_MS // 2)
    # A stalled machine may have passed the delay during the wait; only an early dialog is wrong.
    assert runner.progress_dialog(handle) is None or time.monotonic() - started >= PROGRESS_DELAY_MS / 1000
    qtbot.waitUntil(lambda: runner.progress_dialog(handle) is not None, timeout=WAIT_MS)
    assert time.monotonic() - started >= PROGRESS_DELAY_MS / 1000 - 0.05
    dialog = runner.progress_dialog(handle)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.labelText().startswith("第 "), timeout=WAIT_MS)
    assert progress and progress == sorted(progress)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert handle.cancelled
    qtbot.waitUntil(lambda: handle.finished, timeout=WAIT_MS)
    assert isinstance(handle.error, TaskCancelled)
    assert results == []


def test_errors_reach_the_error_callback_or_a_chinese_message(runner, qtbot, dialogs):
    errors = []

    def fail(control):
        raise ValidationError("标题不能为空。")

    runner.submit(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors[0].message == "标题不能为空。"
    runner.submit(fail)
    qtbot.waitUntil(lambda: bool(dialogs.kinds("warning")), timeout=WAIT_MS)
    assert dialogs.kinds("warning") == ["标题不能为空。"]


def test_write_lane_runs_one_at_a_time(runner, qtbot):
    active = []
    overlap = []
    lock = threading.Lock()

    def write(control):
        with lock:
            active.append(1)
            overlap.append(len(active))
        time.sleep(0.03)
        with lock:
            active.pop()

    for _ in range(4):
        runner.submit(write, writes=True, show_progress=False)
    assert runner.wait_idle(WAIT_MS)
    assert overlap == [1, 1, 1, 1]


def test_sync_runner_has_the_same_interface(dialogs):
    runner = SyncRunner()
    out = []
    runner.submit(lambda c: (c.progress(1, 2, "半"), 7)[1], out.append, on_progress=lambda *a: out.append(a))
    assert out == [(1, 2, "半"), 7]
    runner.submit(lambda c: (_ for _ in ()).throw(ValidationError("不行。")))
    assert dialogs.kinds("warning") == ["不行。"]


@pytest.mark.parametrize("make", [lambda parent: SyncRunner(), TaskRunner])
def test_an_unexpected_error_handed_to_on_error_is_still_logged(make, qtbot, caplog):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = make(parent)
    errors = []

    def fail(control):
        raise KeyError("no such column")

    runner.submit(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    # the clerk is told "详细信息已写入日志文件": the traceback must be there
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[1] is errors[0]]
    assert logged and "fail" in caplog.text
    caplog.clear()
    runner.submit(lambda c: (_ for _ in ()).throw(ValidationError("不行。")), on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=WAIT_MS)
    assert not [r for r in caplog.records if r.exc_info]  # a DomainError is not a fault
    runner.wait_idle(WAIT_MS)
