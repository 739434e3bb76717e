"""The crash test: a writer (tests/reliability/writers.py) is SIGKILLed at random moments, over and
over on one database; after each kill every write it reported as done must be there, the file must
pass SQLite's full integrity check, and the backup folder must hold no torn backup."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from pathlib import Path

from app.services.backup import is_good_backup, list_backups
from app.services.numbering import format_doc_number
from tests.reliability.proc import Outcome, kill, python_env, start_python

SECTION = "崩溃（SIGKILL）"


def crash_test(folder: Path, kills: int, seed: int = 11, progress=print) -> Outcome:
    rng = random.Random(seed)
    db = folder / "crash.sqlite3"
    reported: list[str] = []
    lost: list[str] = []
    torn: set[str] = set()
    broken = ""
    in_backup = 0
    for k in range(kills):
        proc = start_python(["-m", "tests.reliability.writers", "mixed", str(db), str(rng.randrange(4))],
                            env=python_env())
        # a quarter of the kills land while the program starts (creating or opening the file), the
        # rest while it writes
        early = rng.random() < 0.25
        delay = rng.uniform(0.0, 1.5) if early else None
        lines, err = _read_until_killed(proc, delay, rng.uniform(0.05, 1.5))
        if "Traceback" in err or "错误" in err:
            broken = f"写入进程自己出错：{err.strip().splitlines()[-1][:100]}"
        in_backup += bool(lines) and lines[-1] == "begin backup"
        lines = [ln for ln in lines if ln != "begin backup"]
        reported += lines
        verdict = _verify(db, lines)
        lost += verdict[0]
        torn |= _torn_backups(folder / "backups")
        if verdict[1]:
            broken = verdict[1]
        if progress and (k + 1) % 10 == 0:
            progress(f"  崩溃测试：已强杀 {k + 1}/{kills} 次，报告写入 {len(reported)} 条，丢失 {len(lost)}，"
                     f"残缺备份 {len(torn)}")
    offered = list_backups(folder / "backups")
    detail = (f"强杀 {kills} 次（{in_backup} 次在备份途中），确认写入 {len(reported)} 条（其中备份 {sum(1 for r in reported if r.startswith('backup'))} 份），"
              f"丢失 {len(lost)}，完整性 {'失败：' + broken if broken else '全部通过'}，可恢复的备份 {len(offered)} 份")
    return Outcome(SECTION, "写入中途强杀", not lost and not broken and not torn, detail,
                   kills=kills, lost=len(lost), torn=len(torn))


def _read_until_killed(proc, delay_from_start: float | None, delay_after_ready: float) -> tuple[list[str], str]:
    """(the writer's report lines up to the kill, its stderr). Lines a killed process had written
    are still in the pipe and are read after the kill."""
    watchdog = threading.Timer(120, kill, [proc])  # a writer stuck before "ready" must not stop the run
    watchdog.start()
    try:
        if delay_from_start is not None:
            time.sleep(delay_from_start)
        elif proc.stdout.readline().strip() == b"ready":  # blocks until the database is open
            time.sleep(delay_after_ready)
        kill(proc)
        rest = proc.stdout.read()
        err = proc.stderr.read()
        proc.wait()
    finally:
        watchdog.cancel()
    lines = [ln for ln in rest.decode("utf-8", "replace").splitlines() if ln and ln != "ready"]
    return lines, err.decode("utf-8", "replace")


def _verify(db: Path, lines: list[str]) -> tuple[list[str], str]:
    """(reported writes missing from the file, integrity complaint or "")."""
    if not db.exists():
        return list(lines), "" if not lines else "数据库文件不见了"
    con = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
    try:
        verdict = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if not lines:
            return [], "" if verdict == ["ok"] else "; ".join(verdict)
        missing = []
        for line in lines:
            kind, _, value = line.partition(" ")
            if kind == "serial":
                found = con.execute("SELECT 1 FROM audit_log WHERE action='allocate' AND detail=?",
                                    (format_doc_number("测试发", 2026, int(value)),)).fetchone()
            elif kind == "unit":
                found = con.execute("SELECT 1 FROM unit WHERE name=?", (value,)).fetchone()
            elif kind == "plan":
                found = con.execute("SELECT 1 FROM plan WHERE id=?", (int(value),)).fetchone()
            elif kind == "backup":
                found = is_good_backup(db.parent / "backups" / value) or not (db.parent / "backups" / value).exists()
            else:
                found = None
            if not found:
                missing.append(line)
        return missing, "" if verdict == ["ok"] else "; ".join(verdict)
    finally:
        con.close()


def _torn_backups(folder: Path) -> set[str]:
    """Files named as backups that are not whole: not SQLite, failing the full check, or with a
    journal beside them. (Hidden .part files are temporaries, never offered.)"""
    if not folder.is_dir():
        return set()
    torn = set()
    for p in folder.glob("*.sqlite3"):
        if p.name.startswith("."):
            continue
        if not is_good_backup(p) or not _full_check(p):
            torn.add(p.name)
    return torn


def _full_check(path: Path) -> bool:
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
        try:
            return con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            con.close()
    except sqlite3.Error:
        return False
