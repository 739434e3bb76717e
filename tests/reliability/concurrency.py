"""Several programs on one database: creating it together, a write lock held by someone else, and
文号 allocated from several processes at once."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from tests.reliability.builders import PLAN
from tests.reliability.proc import Outcome, judge, run_app, run_python

SECTION = "并发与占用"
BUSY_WORDS = "数据库正被另一个程序使用，请稍后再试"


def _parallel(fns) -> list:
    results: list = [None] * len(fns)

    def one(i, fn):
        results[i] = fn()

    threads = [threading.Thread(target=one, args=(i, fn)) for i, fn in enumerate(fns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def concurrent_creation(folder: Path, trials: int, writers: int = 3) -> list[Outcome]:
    """`writers` imports started together into a database that does not exist yet: all succeed, the
    file holds every import once (a new database starts empty), and passes the integrity check."""
    src = folder / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    out = []
    for t in range(trials):
        db = folder / f"new-{t}.sqlite3"
        runs = _parallel([lambda db=db: run_app(["--db", str(db), "import", str(src)], timeout=120)] * writers)
        bad = [judge(r, "accept")[1] for r in runs if not judge(r, "accept")[0]]
        con = sqlite3.connect(db)
        plans = con.execute("SELECT count(*) FROM plan").fetchone()[0]
        ok = con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
        if plans != writers:
            bad.append(f"工作要点 {plans} 个（应为 {writers}）")
        if not ok:
            bad.append("完整性检查未通过")
        out.append(Outcome(SECTION, f"{writers} 个进程同时新建并导入（第 {t + 1} 次）", not bad,
                           "；".join(bad) or f"全部成功，工作要点 {plans} 个"))
    return out


def hold_write_lock(db: Path, hold: float | threading.Event, started: threading.Event) -> None:
    """Holds the write lock for `hold` seconds, or until the event `hold` is set (at most a minute)."""
    con = sqlite3.connect(db, isolation_level=None, timeout=30)
    con.execute("BEGIN IMMEDIATE")
    started.set()
    if isinstance(hold, threading.Event):
        hold.wait(60)
    else:
        time.sleep(hold)
    con.execute("ROLLBACK")
    con.close()


def busy_database(folder: Path, hold_s: float = 15.0, short_s: float = 3.0) -> list[Outcome]:
    """Another program holds the write lock: for longer than we wait, the import says so in Chinese
    after the wait and saves nothing; for a moment, the import waits and succeeds."""
    db = folder / "busy.sqlite3"
    src = folder / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    first = run_app(["--db", str(db), "import", str(src)])
    out = []
    for hold, expect in ((hold_s, "refuse"), (short_s, "accept")):
        before = _plans(db)
        started = threading.Event()
        holder = threading.Thread(target=hold_write_lock, args=(db, hold, started))
        holder.start()
        started.wait(30)
        run = run_app(["--db", str(db), "import", str(src)], timeout=hold + 60)
        holder.join()
        clean, why = judge(run, expect, BUSY_WORDS if expect == "refuse" else "")
        after = _plans(db)
        if expect == "refuse" and after != before:
            clean, why = False, f"拒绝了却保存了内容（{before} → {after}）"
        if expect == "accept" and after != before + 1:
            clean, why = False, f"成功了却没有保存（{before} → {after}）"
        name = f"另一程序占用写锁 {hold:.0f} 秒"
        out.append(Outcome(SECTION, name, clean and first.code == 0,
                           why or f"{run.seconds:.1f} 秒后{'给出占用提示' if expect == 'refuse' else '导入成功'}"))
    return out


def _plans(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM plan").fetchone()[0]
    finally:
        con.close()


def number_allocation(folder: Path, processes: int = 4, each: int = 50) -> Outcome:
    """文号 allocated from several processes at once: no number is given twice, none is lost."""
    db = folder / "numbers.sqlite3"
    runs = _parallel([lambda: run_python(["-m", "tests.reliability.writers", "allocate", str(db), str(each)],
                                         timeout=300)] * processes)
    serials = [int(line.split()[1]) for r in runs for line in r.stdout.splitlines() if line.startswith("serial ")]
    duplicates = len(serials) - len(set(serials))
    failed = [r.stderr.strip().splitlines()[-1][:80] for r in runs if r.code != 0 and r.stderr.strip()]
    complete = sorted(serials) == list(range(1, processes * each + 1))
    clean = not duplicates and not failed and complete
    detail = (f"{processes} 个进程各分配 {each} 个，共 {len(serials)} 个，重复 {duplicates} 个"
              + ("" if complete else "，编号不连续或缺失") + (f"；出错：{failed[0]}" if failed else ""))
    return Outcome(SECTION, "多进程同时分配文号", clean, detail, duplicates=duplicates)
