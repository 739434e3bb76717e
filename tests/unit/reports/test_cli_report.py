"""`report PLAN --variant gov|joint [--pdf] [--docx] [--public]`: outputs, and exit 2 with one Chinese
line on bad input."""

import pytest

from app.cli import main
from tests.unit.reports.conftest import reported_context


@pytest.fixture
def db(tmp_path):
    r = reported_context(tmp_path / "cli.sqlite3")
    r.ctx.close()
    return str(tmp_path / "cli.sqlite3")


def test_text_then_files_in_both_variants(db, tmp_path, capsys):
    assert main(["--db", db, "report", "1", "--variant", "gov"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已起草《示例县2026年法治政府建设工作要点》2026年度报告。")
    assert "一、主要举措和成效" in out and "县政府常务会议会前学法12次" in out
    assert "检查：正文" in out and "【待补充】" in out  # what the clerk still has to write
    for variant in ("gov", "joint"):
        assert main(["--db", db, "report", "1", "--variant", variant, "--pdf", str(tmp_path / f"{variant}.pdf"),
                     "--docx", str(tmp_path / f"{variant}.docx")]) == 0
        out = capsys.readouterr().out
        assert "已写入" in out and "共 " in out and "已起草" not in out  # drafted once only
    assert main(["--db", db, "report", "1", "--public", "--pdf", str(tmp_path / "p.pdf")]) == 0
    assert (tmp_path / "p.pdf").stat().st_size > 10_000


@pytest.mark.parametrize("args, words", [
    (["report", "99", "--variant", "gov"], "找不到该工作要点"),
    (["report", "1", "--variant", "city"], "--variant 不能是“city”"),
    (["report", "x"], "PLAN 的值“x”无效"),
])
def test_bad_input_exit_2_one_chinese_line(db, capsys, args, words):
    with pytest.raises(SystemExit) if "city" in words or "无效" in words else _nothing():
        code = main(["--db", db, *args])
        assert code == 2
    err = capsys.readouterr().err
    assert words in err


def test_unwritable_output_is_one_line(db, tmp_path, capsys):
    main(["--db", db, "report", "1"])
    capsys.readouterr()
    target = tmp_path / "ro.pdf"
    target.write_bytes(b"old")
    target.chmod(0o444)
    code = main(["--db", db, "report", "1", "--pdf", str(target)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "--overwrite" in err
    assert target.read_bytes() == b"old"


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
