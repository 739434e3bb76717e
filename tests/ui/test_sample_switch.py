"""文件 → 打开示例: the sample in a database of its own, a banner, one click back, the clerk's file
untouched."""

import hashlib
from pathlib import Path

import pytest

from app.context import open_context
from app.paths import resolve_paths
from app.ui.widgets.sample_banner import BANNER_TEXT


def file_hashes(db: Path) -> dict[str, str]:
    """The database file and its write-ahead log, as bytes on disk (not the -shm index, which
    SQLite rewrites on every read)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(db.parent.glob(db.name + "*")) if p.is_file() and not p.name.endswith("-shm")}


@pytest.fixture
def ctx(tmp_path):
    """The clerk's own database, in use: one unit, one plan (the `window` fixture opens it)."""
    c = open_context(resolve_paths(tmp_path / "own" / "fazhi.sqlite3"))
    c.services.settings.set("first_start_done", True)
    c.services.units.add_unit("县司法局", category="县政府部门")
    c.services.plans.create_plan("郸城县2026年法治政府建设工作要点", year=2026)
    c.settings = c.services.settings.load()
    yield c
    c.close()


@pytest.fixture
def home(window):
    return window


def file_action(window, name: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)")
    return next(a for a in menu.actions() if a.objectName() == name)


def test_the_sample_opens_and_closes_without_touching_the_clerks_file(qtbot, home):
    db = home.ctx.paths.db_path
    home.plans_page.editor.panel.commit_pending()
    before = file_hashes(db)
    assert "fazhi.sqlite3" in before
    action = file_action(home, "action_sample")
    assert action.text() == "打开示例(&D)"
    action.trigger()
    sample = home.sample_switch.window
    assert sample is not None and sample.isVisible() and not home.isVisible()
    assert sample.ctx.is_sample and sample.ctx.paths.db_path != db
    folder = sample.ctx.paths.db_path.parent
    assert folder.is_dir() and db.parent not in folder.parents
    assert sample.sample_banner.isVisible() and sample.sample_banner.text.text() == BANNER_TEXT
    assert "示例数据" in sample.windowTitle()
    assert sample.plans_page.editor.plan.title == "示例县2026年法治政府建设工作要点"
    assert len(sample.units_page.model.units()) > 40
    # the clerk tries things out in the sample: they stay there
    sample.ctx.services.units.add_unit("县档案馆", category="县政府部门")
    assert file_action(sample, "action_sample").text() == "返回我的数据库(&B)"
    sample.sample_banner.back_button.click()
    assert home.isVisible() and home.sample_switch.window is None
    assert not folder.exists()
    assert "已返回您的数据库" in home.statusBar().currentMessage()
    assert file_hashes(db) == before
    assert [u.name for u in home.ctx.services.units.list_units()] == ["县司法局"]
    assert [p.title for p in home.ctx.services.plans.list_plans()] == ["郸城县2026年法治政府建设工作要点"]
    # and again: a fresh sample, the earlier trial gone
    action.trigger()
    again = home.sample_switch.window
    assert again.ctx.services.units.match("县档案馆").unit is None
    again.close()  # the window's own close button goes back as well
    assert home.isVisible() and file_hashes(db) == before


def test_a_pending_edit_of_the_clerk_is_saved_before_the_sample_opens(qtbot, home):
    page = home.plans_page
    plan_id = page.current_plan_id()
    node_id = home.ctx.services.plans.add_node(plan_id, heading="总体要求")
    page.show_plan(plan_id, node_id)
    page.editor.panel.text.setPlainText("坚持党对法治政府建设的领导。")  # typed, not yet committed
    file_action(home, "action_sample").trigger()
    assert home.ctx.services.plans.tree(plan_id)[0].text == "坚持党对法治政府建设的领导。"
    home.sample_switch.close_sample()
    assert home.isVisible()
