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


def test_selftest_on_a_fresh_database(tmp_path, capsys, qapp):
    # qapp: selftest in this process would otherwise leave a QGuiApplication, on which no later
    # test can build a widget
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


def test_convert_ends_its_process_quickly_yet_completely(tmp_path):
    """After `convert` the process ends without freeing its objects one by one (run_and_exit); its
    output, its exit code, its files and the exit handlers must all still be there."""
    import os
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    sample = repo / "tests" / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "FAZHI_CACHE": str(tmp_path / "cache")}
    script = ("import atexit, logging, sys\n"
              "import app.commands.convert as convert\n"
              "from app.cli import run_and_exit\n"
              "real = convert.run\n"
              "def run(args):\n"
              "    logging.getLogger('probe').warning('探针日志')\n"
              "    return real(args)\n"
              "convert.run = run\n"
              "atexit.register(lambda: print('退出处理已运行'))\n"
              "run_and_exit(sys.argv[1:])\n")
    out = tmp_path / "a.pdf"
    done = subprocess.run([sys.executable, "-c", script, "convert", str(sample), "--pdf", str(out),
                           "--docx", str(tmp_path / "a.docx")], capture_output=True, text=True, cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("退出处理已运行") and "已写入" in done.stdout
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")
    assert (tmp_path / "a.docx").stat().st_size > 10_000
    logs = list((tmp_path / "data").rglob("*.log"))
    assert logs and any("探针日志" in p.read_text(encoding="utf-8") for p in logs)  # the log was flushed
    failed = subprocess.run([sys.executable, "-m", "app", "convert", str(tmp_path / "无此文件.txt"), "--pdf",
                             str(tmp_path / "b.pdf")], capture_output=True, text=True, cwd=repo, env=env)
    assert failed.returncode == 2 and failed.stderr.strip() and not (tmp_path / "b.pdf").exists()


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path):
    """`convert … | head -1`: the files are written, and the closed pipe is not reported as a
    failure to read or write a file."""
    import os
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    sample = repo / "tests" / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"
    env = {**os.environ, "FAZHI_CACHE": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.Popen([sys.executable, "-m", "app", "convert", str(sample), "--pdf", str(tmp_path / "a.pdf")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=repo, env=env)
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=120)
    assert err == "" and proc.returncode == 1
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
