import subprocess
import sys

from app import __version__
from app.cli import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_bad_arguments_get_a_chinese_message(capsys):
    try:
        main(["no-such-command"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "参数有误" in capsys.readouterr().err


def test_selftest_on_a_fresh_database(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "s.sqlite3"), "selftest"])
    out = capsys.readouterr().out
    assert "[通过] 数据库" in out
    assert "[通过] 资源文件" in out
    assert "[通过] 标题分词" in out  # the word segmenter is installed (and bundled)
    assert code == (0 if "[失败]" not in out else 1)


def test_demo_output_headless(tmp_path):
    out = tmp_path / "demo"
    proc = subprocess.run([sys.executable, "-m", "app", "demo", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = (out / "示例工作要点.txt").read_text(encoding="utf-8")
    assert text.startswith("示例县2026年法治政府建设工作要点")
    assert "九、" in text and "牵头单位：" in text


def test_db_error_is_one_chinese_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(bad), "selftest"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "数据库" in proc.stderr.strip().splitlines()[-1]


def test_argparse_speaks_chinese(capsys):
    import pytest

    for argv, words in ((["no-such-command"], "不能是“no-such-command”"), (["import"], "缺少参数：FILE"),
                        (["--db"], "--db 后面需要一个值"), (["selftest", "extra"], "无法识别的参数：extra")):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        assert words in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示本帮助并退出" in out and "usage" not in out


def test_screenshot_size_is_read_or_refused_in_chinese():
    import pytest

    from app.commands.screenshot import parse_size
    from app.services.errors import ValidationError

    assert parse_size("1366x768") == (1366, 768) and parse_size(" 1024×700 ") == (1024, 700)
    with pytest.raises(ValidationError, match="宽x高"):
        parse_size("大屏幕")
