"""`python -m app import FILE [--json]`."""

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli import main

from .conftest import SAMPLE_FILES

REPO = Path(__file__).resolve().parents[3]


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAZHI_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True, timeout=120, env=env)


def test_json_prints_the_analysis_and_never_opens_the_database(tmp_path):
    db = tmp_path / "never.sqlite3"
    proc = run_cli("import", str(SAMPLE_FILES["xinjiang"]), "--json", db=db)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout.decode("utf-8"))
    assert data["title"] == "自治区法治政府建设2022年工作要点" and len(data["tasks"]) == 35
    assert not db.exists() and not list(tmp_path.iterdir())


def test_errors_exit_2_with_one_chinese_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli("import", str(empty), db=tmp_path / "db.sqlite3")
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8").strip()
    assert "空文件" in err and "\n" not in err and "Traceback" not in err
    assert proc.stdout == b""


def test_store_prints_a_summary_and_warnings(tmp_path, capsys):
    db = tmp_path / "fazhi.sqlite3"
    assert main(["--db", str(db), "import", str(SAMPLE_FILES["changji"])]) == 0
    out = capsys.readouterr().out
    assert "已导入《自治州全面推进依法行政 加快建设法治政府实施方案》" in out
    assert "重点任务 30 项" in out
    # a superior's notice (昌吉州) is not stored, nor its issuer added to the county's issuers
    assert "通知《关于印发" in out and "未保存" in out and "不是本县的发文机关" in out
    assert "注意：" in out and "编号不连续" in out
    assert "单位库中没有“州政府办公室”" in out  # the demo registry is the fictional 示例县's
    assert db.exists()
    assert main(["--db", str(db), "import", str(SAMPLE_FILES["changji"]), "--keep-notice"]) == 0
    out = capsys.readouterr().out
    assert "通知《关于印发" in out and "已保存" in out


def test_bad_files_through_the_cli(tmp_path, capsys):
    garbage = tmp_path / "x.docx"
    garbage.write_bytes(os.urandom(3000))
    missing = tmp_path / "missing.txt"
    for path in (garbage, missing):
        assert main(["--db", str(tmp_path / "db.sqlite3"), "import", str(path), "--json"]) == 2
        err = capsys.readouterr().err.strip()
        assert err and "\n" not in err and "Traceback" not in err
