"""Path tricks against the command line: planted links, read-only and impossible targets, names
that look like options, things that are not files, and a LibreOffice that never returns."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

from tests.reliability.builders import PLAN
from tests.reliability.hostile_db import damage_one_page, make_database
from tests.reliability.proc import Outcome, judge, run_app

SECTION = "路径与文件"
VICTIM = b"victim: must never change\n"


def _plan(folder: Path) -> Path:
    src = folder / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    return src


def _case(name: str, run, expect: str, words: str = "", extra_ok: bool = True, extra_why: str = "",
          section: str = SECTION) -> Outcome:
    clean, why = judge(run, expect, words)
    if clean and not extra_ok:
        clean, why = False, extra_why
    return Outcome(section, name, clean, why or f"{run.seconds:.1f} 秒")


def planted_links(folder: Path) -> list[Outcome]:
    out = []
    if not hasattr(os, "symlink"):
        return out
    src = _plan(folder)
    victim = folder / "victim.txt"
    victim.write_bytes(VICTIM)
    target = folder / "out.pdf"
    for name in ("out.pdf.part", ".out.pdf.part", "out.pdf.tmp", "out.pdf~"):
        (folder / name).symlink_to(victim)
    run = run_app(["convert", "--pdf", str(target), str(src)], cwd=folder)
    ok = victim.read_bytes() == VICTIM and target.is_file() and not target.is_symlink()
    out.append(_case("预置在临时文件名上的符号链接", run, "accept", extra_ok=ok, extra_why="链接指向的文件被改写"))
    link = folder / "link.pdf"
    link.symlink_to(victim)
    run = run_app(["convert", "--pdf", str(link), str(src)], cwd=folder)
    ok = victim.read_bytes() == VICTIM and link.is_file() and not link.is_symlink()
    out.append(_case("输出路径本身是符号链接", run, "accept", extra_ok=ok, extra_why="链接指向的文件被改写"))
    return out


def read_only_target(folder: Path) -> list[Outcome]:
    src = _plan(folder)
    target = folder / "只读.pdf"
    target.write_bytes(VICTIM)
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    docx = folder / "同时.docx"
    run = run_app(["convert", "--pdf", str(target), "--docx", str(docx), str(src)])
    ok = target.read_bytes() == VICTIM and not docx.exists()
    first = _case("只读的输出文件（不加 --overwrite）", run, "refuse", "--overwrite", ok, "只读文件被改写，或写了其他文件")
    run = run_app(["convert", "--pdf", str(target), "--docx", str(docx), "--overwrite", str(src)])
    ok = target.read_bytes().startswith(b"%PDF") and docx.is_file()
    second = _case("只读的输出文件（加 --overwrite）", run, "accept", extra_ok=ok, extra_why="没有覆盖")
    return [first, second]


def all_or_nothing(folder: Path) -> list[Outcome]:
    src = _plan(folder)
    out = []
    empty = folder / "无任务.txt"
    empty.write_text("示例县2026年法治政府建设工作要点\n一、总体要求\n坚持依法行政。\n", encoding="utf-8")
    cases = [
        ("没有任务却要 --xlsx", ["convert", "--pdf", "a.pdf", "--docx", "a.docx", "--xlsx", "a.xlsx", empty.name]),
        ("--docx 指向一个文件里面", ["convert", "--pdf", "b.pdf", "--docx", "plan.txt/b.docx", src.name]),
        ("同一个文件指定两次", ["convert", "--pdf", "c.pdf", "--docx", "c.pdf", src.name]),
        ("输出路径是文件夹", ["convert", "--pdf", "d.pdf", "--docx", "sub", src.name]),
        ("文件名过长", ["convert", "--pdf", "e.pdf", "--docx", "长" * 300 + ".docx", src.name]),
    ]
    (folder / "sub").mkdir()
    for name, args in cases:
        before = sorted(p.name for p in folder.iterdir())
        run = run_app(args, cwd=folder)
        after = sorted(p.name for p in folder.iterdir())
        out.append(_case(name, run, "refuse", extra_ok=after == before, extra_why=f"留下了 {set(after) - set(before)}"))
    run = run_app(["convert", "--pdf", "新/文件夹/f.pdf", src.name], cwd=folder)
    out.append(_case("输出到尚不存在的文件夹", run, "accept", extra_ok=(folder / "新/文件夹/f.pdf").is_file(),
                     extra_why="没有写出"))
    return out


def odd_inputs(folder: Path) -> list[Outcome]:
    out = []
    dash = folder / "-减号开头.txt"
    dash.write_text(PLAN, encoding="utf-8")
    run = run_app(["import", "--json", dash.name], cwd=folder)
    # argparse's refusal: the usage line, the error, the --help hint (all Chinese), exit 2
    ok = run.code == 2 and "文件名写在 -- 之后" in run.stderr and "Traceback" not in run.stderr
    out.append(Outcome(SECTION, "以 - 开头的文件名（没写 --）", ok, "提示用 -- 传文件名" if ok else run.stderr[-120:]))
    run = run_app(["import", "--json", "--", dash.name], cwd=folder)
    out.append(_case("以 - 开头的文件名（写了 --）", run, "accept"))
    (folder / "目录.txt").mkdir()
    out.append(_case("输入是文件夹", run_app(["import", "--json", "目录.txt"], cwd=folder), "refuse"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "管道.txt")
        out.append(_case("输入是命名管道", run_app(["import", "--json", "管道.txt"], cwd=folder, timeout=30), "refuse"))
    if Path("/dev/zero").exists():
        out.append(_case("输入是 /dev/zero", run_app(["import", "--json", "/dev/zero"], timeout=30), "refuse"))
    out.append(_case("--db 是文件夹", run_app(["--db", str(folder / "目录.txt"), "selftest"]), "refuse"))
    return out


def databases(folder: Path) -> list[Outcome]:
    """Files that are not what they seem: a newer schema (refused, not a byte changed), one damaged
    page (found at start, restore offered and done), a backup of a damaged file refused."""
    section = "数据库文件"
    out = []
    newer = make_database(folder / "newer.sqlite3", rows=50)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num='9999future'")
    con.commit()
    con.close()
    before = newer.read_bytes()
    run = run_app(["--db", str(newer), "selftest"])
    out.append(_case("更新版本写的数据库", run, "refuse", "原文件未作任何修改", newer.read_bytes() == before,
                     "原文件被改动了（字节不同）", section))
    db = make_database(folder / "damaged" / "fazhi.sqlite3", rows=400)
    ok = run_app(["--db", str(db), "backup"]).code == 0
    damage_one_page(db)
    before = db.read_bytes()
    run = run_app(["--db", str(db), "selftest"])
    out.append(_case("一页被改写的数据库：启动时发现", run, "refuse", "backup --restore",
                     ok and db.read_bytes() == before, "原文件被改动了", section))
    run = run_app(["--db", str(db), "backup"])
    out.append(_case("损坏的数据库不做备份", run, "refuse", "已损坏", section=section))
    run = run_app(["--db", str(db), "backup", "--restore"])
    check = run_app(["--db", str(db), "selftest"])
    restored = check.code == 0 or "[通过] 数据库" in check.stdout
    out.append(_case("从最近的完好备份恢复", run, "accept", extra_ok=restored, extra_why="恢复后自检未通过",
                     section=section))
    return out


FAKE_SOFFICE = """#!{python}
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
open({pids!r}, "w").write(f"{{os.getpid()}} {{child.pid}}")
time.sleep(600)
"""


def hanging_libreoffice(folder: Path) -> Outcome:
    """A soffice that never returns and leaves a helper running: stopped at the timeout with its
    whole process group, a Chinese message, nothing left behind."""
    from app.services.errors import InputFileError
    from app.services.importing import import_file, read_legacy
    from app.services.importing.readers import OLE_MAGIC

    fake = folder / "soffice"
    pids = folder / "pids"
    fake.write_text(FAKE_SOFFICE.format(python=sys.executable, pids=str(pids)), encoding="utf-8")
    fake.chmod(0o755)
    doc = folder / "旧文件.doc"
    doc.write_bytes(OLE_MAGIC + b"\0" * 600)
    saved = read_legacy.find_soffice, read_legacy.CONVERT_TIMEOUT_S
    read_legacy.find_soffice, read_legacy.CONVERT_TIMEOUT_S = (lambda: str(fake)), 3
    t0 = time.perf_counter()
    try:
        import_file(doc)
        clean, why = False, "挂起的转换却成功了"
    except InputFileError as exc:
        clean, why = "超时" in exc.message, exc.message
    finally:
        read_legacy.find_soffice, read_legacy.CONVERT_TIMEOUT_S = saved
    seconds = time.perf_counter() - t0
    alive = [pid for pid in _pids(pids) if _outlives_kill(pid)]
    if alive:
        clean, why = False, f"留下了进程 {alive}"
        for pid in alive:
            os.kill(pid, 9)
    return Outcome(SECTION, "LibreOffice 挂起不返回", clean, why if not clean else f"{seconds:.1f} 秒后结束整个进程组")


def _pids(path: Path) -> list[int]:
    for _ in range(50):
        if path.exists() and path.read_text().strip():
            return [int(x) for x in path.read_text().split()]
        time.sleep(0.1)
    return []


def _outlives_kill(pid: int, seconds: float = 5.0) -> bool:
    """Still running after a moment: a killed process may take a little while to go on a loaded machine."""
    deadline = time.monotonic() + seconds
    while _alive(pid):
        if time.monotonic() > deadline:
            return True
        time.sleep(0.05)
    return False


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it is not running)."""
    stat_file = Path(f"/proc/{pid}/stat")
    if stat_file.exists():
        return stat_file.read_text().split(") ")[-1][:1] not in ("Z", "X")
    if os.name == "nt":
        return subprocess.run(["tasklist", "/FI", f"PID eq {pid}"], capture_output=True, text=True,
                              check=False).stdout.count(str(pid)) > 0
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def run_all(folder: Path, progress=print) -> list[Outcome]:
    out: list[Outcome] = []
    for fn in (planted_links, read_only_target, all_or_nothing, odd_inputs, databases, hanging_libreoffice):
        sub = folder / fn.__name__
        sub.mkdir()
        got = fn(sub)
        for o in got if isinstance(got, list) else [got]:
            out.append(o)
            progress(f"  {'通过' if o.clean else '未通过'}  {o.section} {o.name}：{o.detail}")
        shutil.rmtree(sub, ignore_errors=True)
    return out
