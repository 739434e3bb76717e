"""Two clerks in the window: a colleague's newer save is shown (who, what, when) and the clerk
chooses through the box's own buttons; other clerks' changes appear without a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.context import open_context
from app.models import AuditLog
from app.models.database import session_scope
from app.services.clerk import make_clerk
from app.ui.dialogs.messages import KEEP_MINE, RELOAD_THEIRS
from tests.pg import same_database
from tests.ui.test_plan_editor import type_heading

pytestmark = pytest.mark.both_databases


def answer_conflict(button_text: str, seen: list[str]) -> None:
    """Clicks a button of the conflict box once it is open (it runs its own event loop); gives up
    after about 30 s, so a box that never opens fails its test instead of haunting the next ones."""
    tries = iter(range(1500))

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "conflictBox":
            if next(tries, None) is not None:
                QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def _actions(ctx, node_id):
    with session_scope(ctx.session_factory) as s:
        return [(r.clerk, r.action) for r in s.scalars(select(AuditLog).where(
            AuditLog.entity == "node", AuditLog.entity_id == node_id).order_by(AuditLog.id))]


def test_keep_mine_or_reload_theirs_through_the_conflict_box(window, ctx, tmp_path):
    zhang = open_context(same_database(ctx.paths, tmp_path / "zhang"), clerk=make_clerk("张三"))
    try:
        editor = window.plans_page.editor
        node = editor.model.roots()[0].children[0]
        editor.select_node(node.id)
        zhang.services.plans.update_node(node.id, heading="张三改的标题")  # behind this window's back
        seen: list[str] = []
        answer_conflict(KEEP_MINE, seen)
        type_heading(editor, node.id, "我的标题")
        assert "张三" in seen[0] and "标题" in seen[0]
        assert ctx.services.plans.get_node(node.id).heading == "我的标题"
        assert window.plans_page.undo.stack.undoText() == "修改标题"  # kept: one undoable step

        zhang.services.plans.update_node(node.id, text="张三改的内容")
        answer_conflict(RELOAD_THEIRS, seen)
        type_heading(editor, node.id, "又一个标题")
        stored = ctx.services.plans.get_node(node.id)
        assert (stored.heading, stored.text) == ("我的标题", "张三改的内容")
        assert editor.model.node_by_id(node.id).text == "张三改的内容"  # the window shows theirs
        me = ctx.clerk.name
        assert _actions(ctx, node.id)[-4:] == [(me, "conflict-keep"), (me, "update"), ("张三", "update"),
                                               (me, "conflict-reload")]
    finally:
        zhang.close()


def test_other_clerks_changes_appear_without_a_restart(window, ctx, qtbot, tmp_path):
    zhang = open_context(same_database(ctx.paths, tmp_path / "zhang"), clerk=make_clerk("张三"))
    try:
        editor = window.plans_page.editor
        node = editor.model.roots()[0].children[0]
        window.changes.check()  # the first look only notes where the database stands
        zhang.services.plans.update_node(node.id, heading="张三改的标题")
        # as the window's timer would, look again until the news arrives (a server's a moment later)
        qtbot.waitUntil(window.changes.check, timeout=30_000)
        assert editor.model.node_by_id(node.id).heading == "张三改的标题"
        assert "张三修改了工作要点的条目" in window.statusBar().currentMessage()
        assert not window.changes.check()  # told once
    finally:
        zhang.close()


def test_the_window_looks_for_changes_by_itself(window, ctx, qtbot, tmp_path):
    from app.ui.change_follower import INTERVAL_MS

    assert window.changes.timer.interval() == INTERVAL_MS
    window.changes.timer.setInterval(50)  # the window's own timer, only sooner than every 3 s
    window.changes.timer.start()
    zhang = open_context(same_database(ctx.paths, tmp_path / "zhang"), clerk=make_clerk("张三"))
    try:
        node = window.plans_page.editor.model.roots()[0].children[0]
        qtbot.wait(200)  # its first look notes where the database stands
        zhang.services.plans.update_node(node.id, heading="张三改的标题")
        qtbot.waitUntil(lambda: window.plans_page.editor.model.node_by_id(node.id).heading == "张三改的标题",
                        timeout=30_000)
    finally:
        window.changes.stop()
        zhang.close()
