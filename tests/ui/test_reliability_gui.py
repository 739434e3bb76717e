"""The window's side of issue 11/16: one window per database (a second start brings the first to the
front and says so), a damaged database offers the latest good backup, a read-only export target is
asked about."""

from __future__ import annotations

import argparse
import sys

import pytest

from app import main as gui_main
from app.services.backup import create_backup
from app.ui.single_instance import ALREADY_OPEN
from tests.reliability.hostile_db import damage_one_page, make_database


@pytest.fixture
def started(qapp, tmp_path):
    """Windows started through start_gui, closed and unlocked afterwards."""
    windows = []
    hook = sys.excepthook
    yield windows
    for _app, ctx, window in windows:
        window.close()
        ctx.close()
        window._single_instance.release()
    sys.excepthook = hook


def test_a_second_start_on_the_same_database_brings_the_first_window_forward(qtbot, dialogs, started, tmp_path):
    args = argparse.Namespace(db=str(tmp_path / "one.sqlite3"))
    first = gui_main.start_gui(args)
    assert not isinstance(first, int)
    started.append(first)
    window = first[2]
    raised = []
    window._single_instance.window = type("Spy", (), {
        "windowState": window.windowState, "setWindowState": window.setWindowState, "show": window.show,
        "raise_": lambda self=None: raised.append(True), "activateWindow": window.activateWindow})()
    assert gui_main.start_gui(args) == 0
    assert dialogs.kinds("information") == [ALREADY_OPEN.format(shown="，已把那个窗口切换到前面")]
    qtbot.waitUntil(lambda: bool(raised), timeout=30_000)
    other = gui_main.start_gui(argparse.Namespace(db=str(tmp_path / "two.sqlite3")))
    assert not isinstance(other, int)  # another database opens in a window of its own
    started.append(other)


def test_a_damaged_database_offers_the_latest_good_backup(dialogs, started, tmp_path):
    db = make_database(tmp_path / "d" / "fazhi.sqlite3", rows=400)
    good = create_backup(db, tmp_path / "d" / "backups")
    damage_one_page(db)
    dialogs.confirm = False
    assert gui_main.start_gui(argparse.Namespace(db=str(db))) == 2
    question = dialogs.kinds("question")[0]
    assert "已损坏" in question and f"{good.created:%Y-%m-%d %H:%M}" in question
    dialogs.confirm = True
    result = gui_main.start_gui(argparse.Namespace(db=str(db)))
    assert not isinstance(result, int)
    started.append(result)
    assert dialogs.kinds("information")[-1].startswith("数据库已恢复为")
    assert len(result[1].services.units.list_units()) == 400
    assert list((tmp_path / "d" / "backups").glob("fazhi-replaced-*.sqlite3.bad"))


def test_exporting_over_a_read_only_file_asks_first(window, dialogs, tmp_path):
    window.nav.setCurrentRow(2)
    page = window.notices_page
    target = tmp_path / "只读.pdf"
    target.write_bytes(b"old")
    target.chmod(0o444)
    dialogs.confirm = False
    dialogs.files = [str(target)]
    page.export_pdf()
    assert any("只读文件" in t for t in dialogs.kinds("question"))
    assert target.read_bytes() == b"old"
    dialogs.confirm = True
    dialogs.files = [str(target)]
    page.export_pdf()
    assert target.read_bytes().startswith(b"%PDF")
