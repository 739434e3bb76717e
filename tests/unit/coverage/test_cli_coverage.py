"""`coverage PLAN --superior FILE [--xlsx] [--json]`: outputs, the same file not imported twice, and
exit 2 with one Chinese line on bad input."""

import json

import pytest

from app.cli import main
from tests.unit.coverage.conftest import SUPERIOR_FILE, county_context


@pytest.fixture
def db(tmp_path):
    c = county_context(tmp_path / "cli.sqlite3", with_superior=False)
    c.ctx.close()
    return str(tmp_path / "cli.sqlite3")


def test_text_json_and_excel(db, tmp_path, capsys):
    assert main(["--db", db, "coverage", "1", "--superior", str(SUPERIOR_FILE)]) == 0
    out = capsys.readouterr().out
    assert "已导入上级文件（35 项重点任务）" in out and "覆盖率 0%" in out
    assert "建议：第4项 动态调整权责清单" in out
    assert main(["--db", db, "coverage", "1", "--superior", str(SUPERIOR_FILE), "--json",
                 "--xlsx", str(tmp_path / "c.xlsx")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 35 and data["source"]["title"] == "自治区法治政府建设2022年工作要点"
    assert data["items"][3]["suggestions"][0]["title"] == "动态调整权责清单"
    assert (tmp_path / "c.xlsx").stat().st_size > 5000
    assert main(["--db", db, "coverage", "1"]) == 0  # the stored superior, not imported again
    assert "已导入" not in capsys.readouterr().out


@pytest.mark.parametrize("args, words", [
    (["coverage", "1"], "还没有上级文件"),
    (["coverage", "9", "--superior", str(SUPERIOR_FILE)], "找不到该工作要点"),
    (["coverage", "1", "--superior", "不存在的文件.docx"], "找不到文件"),
    (["coverage", "1", "--indicators", "不存在的指标.xlsx"], "找不到文件"),
])
def test_bad_input_exit_2_one_chinese_line(db, capsys, args, words):
    assert main(["--db", db, *args]) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1
