"""设置 → 数据库: a server's fields, a connection test, the password to the credential store (never a
file), the choice kept for the next start, and the clerk's name in the audit log."""

from __future__ import annotations

import json

import pytest

from app.paths import read_local_config, resolve_paths
from app.services.server import credentials
from app.ui.main_window import SETTINGS


def fill(box, target, password=""):
    box.use_server.setChecked(True)
    box.host.setText(target.host)
    box.port.setText(str(target.port))
    box.dbname.setText(target.dbname)
    box.user.setText(target.user)
    box.password.setText(password)


@pytest.mark.postgres
def test_server_fields_test_and_save_for_the_next_start(window, ctx, pg_cluster, memory_keyring, monkeypatch):
    window.nav.setCurrentRow(SETTINGS)
    box = window.settings_page.database_box
    assert box.use_file.isChecked() and not box.server_fields.isEnabled()
    target = pg_cluster.new_database(prefix="settings")
    try:
        fill(box, target, password="mi-ma-123")
        box.test_button.click()
        assert box.result.text().startswith("✔ 已连接到 PostgreSQL") and "空的" in box.result.text()
        box.save_button.click()
        assert "下次启动时连接服务器" in box.result.text() and box.password.text() == ""
        stored = (ctx.paths.data_dir / "local-settings.json").read_text(encoding="utf-8")
        assert "mi-ma-123" not in stored and json.loads(stored)["database"]["dbname"] == target.dbname
        assert memory_keyring.kept[(credentials.SERVICE, box.target().credential_key)] == "mi-ma-123"
        # the next start without --db (this data folder standing in for the user's) opens the server
        monkeypatch.setattr("app.paths.user_data_dir", lambda *a, **k: str(ctx.paths.data_dir))
        chosen = resolve_paths(environ={}, frozen=False)
        assert chosen.server == box.target() and chosen.server.password is None
        box.use_file.setChecked(True)
        box.save_button.click()
        assert read_local_config(ctx.paths.data_dir)["database"] == {"kind": "file"}
        assert resolve_paths(environ={}, frozen=False).server is None
    finally:
        pg_cluster.drop_database(target.dbname)


def test_missing_fields_and_an_unreachable_server_are_said(window, tmp_path):
    window.nav.setCurrentRow(SETTINGS)
    box = window.settings_page.database_box
    box.use_server.setChecked(True)
    box.test_button.click()
    assert box.result.text() == "✘ 请填写服务器地址（主机名或 IP 地址）。"
    box.host.setText(str(tmp_path / "nothing-listens-here"))
    box.dbname.setText("fazhi")
    box.user.setText("clerk")
    box.test_button.click()
    assert "无法连接数据库服务器" in box.result.text()


def test_the_clerks_name_goes_into_the_audit_log(window, ctx):
    window.nav.setCurrentRow(SETTINGS)
    box = window.settings_page.database_box
    box.clerk.setText("王芳")
    box.clerk.editingFinished.emit()
    assert ctx.clerk.name == "王芳" and "王芳" in window.statusBar().currentMessage()
    plan = ctx.services.plans.list_plans()[0]
    ctx.services.plans.update_plan(plan.id, title=plan.title + "（修订）")
    from sqlalchemy import select

    from app.models import AuditLog
    from app.models.database import session_scope

    with session_scope(ctx.session_factory) as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert (last.clerk, last.entity, last.action) == ("王芳", "plan", "update")
    assert read_local_config(ctx.paths.data_dir)["clerk_name"] == "王芳"
