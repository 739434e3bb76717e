"""`track forms|import|status|bulletin|ledger`: outputs, and exit 2 with one Chinese line on bad input."""

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services.tracking import form_layout as F
from tests.unit.tracking.conftest import tracked_context


@pytest.fixture
def db(tmp_path):
    t = tracked_context(tmp_path / "cli.sqlite3")
    t.ctx.close()
    return str(tmp_path / "cli.sqlite3")


def run(db, *args):
    return main(["--db", db, "track", *args])


def test_status_text_and_json(db, capsys):
    assert run(db, "status", "1", "--period", "2026-11") == 0
    out = capsys.readouterr().out
    assert "重点任务 30 项，已完成 8 项（27%）" in out and "未报送：县信访局、县统计局" in out
    assert run(db, "status", "1", "--period", "11", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"]["label"] == "2026年11月" and data["lights"]["红"] == 3
    assert {m["unit"] for m in data["missing"]} == {"县信访局", "县统计局"}
    row = next(r for r in data["rows"] if r["task"] == 10 and r["role"] == "lead")
    assert row["light"] == "红" and row["reasons"][0].startswith("已超过完成时限")


def test_forms_then_import_filled_return(db, tmp_path, capsys):
    out = tmp_path / "forms"
    assert run(db, "forms", "1", "--period", "2026年12月", "--out", str(out), "--unit", "县审计局") == 0
    (path,) = out.glob("*.xlsx")
    wb = load_workbook(path)
    ws = wb[F.DATA_SHEET]
    ws.cell(F.FIRST_ROW, F.PERCENT, 95)
    wb.save(path)
    capsys.readouterr()
    assert run(db, "import", str(path), "--dry-run") == 0
    assert "进度：82% → 95%" in capsys.readouterr().out  # December's early report was pre-filled
    assert run(db, "import", str(path)) == 0
    assert "已写入 1 项" in capsys.readouterr().out
    assert run(db, "import", str(path)) == 0
    assert "无变化 1 项（该文件已导入过）；已写入 0 项" in capsys.readouterr().out


def test_bulletin_and_ledger_files(db, tmp_path, capsys):
    assert run(db, "bulletin", "1", "--period", "2026-11", "--pdf", str(tmp_path / "b.pdf"),
               "--xlsx", str(tmp_path / "b.xlsx")) == 0
    out = capsys.readouterr().out
    assert f"督查通报第1期：示法办督〔{date.today().year}〕1号" in out  # numbered in the year it is issued and (tmp_path / "b.pdf").stat().st_size > 10_000
    assert run(db, "ledger", "1", "--out", str(tmp_path / "l.xlsx")) == 0
    assert (tmp_path / "l.xlsx").is_file()


@pytest.mark.parametrize(("args", "words"), [
    (("status", "99"), "找不到该工作要点"),
    (("forms", "1", "--period", "13月", "--out", "x"), "找不到报送期“13月”"),
    (("forms", "1", "--out", "x", "--unit", "县外星局"), "没有需要“县外星局”报送的任务"),
    (("bulletin", "1"), "请至少指定一个输出文件"),
    (("import", "missing.xlsx"), "找不到文件"),
])
def test_bad_input_exits_2_with_one_chinese_line(db, tmp_path, capsys, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    assert run(db, *args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0]
