"""The same flows with the real TaskRunner: work runs on worker threads, the window stays live."""

from pathlib import Path

import pytest

from app.ui.main_window import MainWindow

SAMPLE = Path(__file__).parent / "data" / "测试县工作要点.txt"


@pytest.fixture
def live_window(qtbot, ctx):
    w = MainWindow(ctx)  # its own TaskRunner
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    yield w
    w.close()


def test_preview_renders_in_the_background_and_follows_edits(live_window, qtbot, ctx):
    page = live_window.notices_page
    live_window.nav.setCurrentRow(2)
    assert page.preview.state.text() == "正在生成预览…"  # the page is shown before the PDF is ready
    with qtbot.waitSignal(page.preview_ready, timeout=15000):
        pass
    first = page.preview.page_count()
    assert first > 2
    page.form.note.setText("（此件依申请公开）")
    with qtbot.waitSignal(page.preview_ready, timeout=15000):
        pass  # saved after the pause, then rendered again
    assert ctx.services.notices.get_notice(page.notice.id).note == "（此件依申请公开）"
    assert live_window.runner.active_count == 0


def test_import_wizard_analyses_on_a_worker_thread(live_window, qtbot):
    live_window.open_import(str(SAMPLE))
    wizard = live_window.import_wizard
    wizard.next()
    page = wizard.analyse_page
    qtbot.waitUntil(page.isComplete, timeout=15000)
    assert page.bar.value() == 100
    wizard.next()
    assert wizard.preview_page.tree.topLevelItemCount() == 2
    wizard.reject()
