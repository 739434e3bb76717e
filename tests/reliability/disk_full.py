"""A full disk during import, backup, migration, creation of a database and writing of outputs.

Where the machine allows (root, and mount permitted) the database lives on a small tmpfs that is
really filled; otherwise the same failures are injected in-process (SQLite's max_page_count gives
SQLITE_FULL, and the file writes raise ENOSPC). Either way the invariants are the same: a Chinese
message with "磁盘空间不足", the database unchanged and whole, no half-written file left."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.reliability.builders import PLAN
from tests.reliability.proc import Outcome, judge, run_app

SECTION = "磁盘已满"
FULL = "磁盘空间不足"
FIXTURES = Path(__file__).resolve().parent.parent / "db" / "fixtures"


@contextlib.contextmanager
def small_disk(size_mb: int = 8) -> Iterator[Path | None]:
    """A tmpfs of size_mb mounted on a temporary folder, or None when mounting is not allowed."""
    folder = Path(tempfile.mkdtemp(prefix="fazhi-full-"))
    mounted = False
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount"):
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(folder)],
                                 capture_output=True, check=False).returncode == 0
    try:
        yield folder if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fills the disk until `leave` bytes are free; returns the filler (delete it to free the space)."""
    filler = disk / f"filler-{len(list(disk.glob('filler-*')))}"
    free = shutil.disk_usage(disk).free - leave
    with open(filler, "wb") as fh:
        chunk = b"\0" * (1 << 16)
        with contextlib.suppress(OSError):
            while free > 0:
                n = fh.write(chunk[: min(len(chunk), free)])
                free -= n
    return filler


def _state(db: Path) -> tuple[str, int, str]:
    """(schema version, number of plans, integrity) read without writing."""
    con = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        plans = con.execute("SELECT count(*) FROM plan").fetchone()[0]
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        return rev, plans, ok
    finally:
        con.close()


def _torn(folder: Path) -> list[str]:
    from app.services.backup import is_good_backup

    return [p.name for p in folder.glob("*.sqlite3") if not is_good_backup(p)] if folder.is_dir() else []


def on_tmpfs(disk: Path) -> list[Outcome]:
    out: list[Outcome] = []
    src = disk.parent / f"{disk.name}-plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    try:
        out += _import_backup_convert(disk, src)
        out += _migration_sweep(disk)
        out.append(_creation(disk))
    finally:
        src.unlink(missing_ok=True)
    return out


def _import_backup_convert(disk: Path, src: Path) -> list[Outcome]:
    out = []
    db = disk / "work" / "fazhi.sqlite3"
    first = run_app(["--db", str(db), "import", str(src)])
    if first.code != 0:
        return [Outcome(SECTION, "准备数据库", False, first.stderr[-120:])]
    before = _state(db)
    filler = fill(disk)
    run = run_app(["--db", str(db), "import", str(src)])
    clean, why = judge(run, "refuse", FULL)
    after = _state(db)
    if after != before:
        clean, why = False, f"数据库变了：{before} → {after}"
    out.append(Outcome(SECTION, "导入时磁盘已满", clean, why or f"提示“{FULL}”，数据库未变，完整性通过"))
    run = run_app(["--db", str(db), "backup"])
    clean, why = judge(run, "refuse", FULL)
    leftovers = [p.name for p in (disk / "work" / "backups").glob("*")] if (disk / "work" / "backups").exists() else []
    if leftovers:
        clean, why = False, f"留下了文件：{leftovers}"
    out.append(Outcome(SECTION, "备份时磁盘已满", clean, why or "提示磁盘已满，备份文件夹中没有残留"))
    outdir = disk / "out"
    filler.unlink()
    outdir.mkdir()
    fill(disk)
    run = run_app(["convert", "--pdf", str(outdir / "a.pdf"), "--docx", str(outdir / "a.docx"), str(src)])
    clean, why = judge(run, "refuse", FULL)
    if list(outdir.iterdir()):
        clean, why = False, f"留下了文件：{[p.name for p in outdir.iterdir()]}"
    out.append(Outcome(SECTION, "输出文件时磁盘已满", clean, why or "提示磁盘已满，没有留下任何输出或临时文件"))
    for p in disk.glob("filler-*"):
        p.unlink()
    shutil.rmtree(disk / "work", ignore_errors=True)
    shutil.rmtree(outdir, ignore_errors=True)
    return out


def _migration_sweep(disk: Path) -> list[Outcome]:
    """An old database migrated with less and less room: each time either it is migrated, or it is
    refused with 磁盘空间不足 and stays at its old version, whole, with any backup made still good."""
    problems, refused, migrated = [], 0, 0
    size = (FIXTURES / "schema-0001.sqlite3").stat().st_size
    for leave in (0, 8 << 10, size // 2, size, size + (32 << 10), 2 * size, 3 * size, 6 * size):
        work = disk / f"m{leave}"
        work.mkdir()
        db = work / "old.sqlite3"
        shutil.copy(FIXTURES / "schema-0001.sqlite3", db)
        filler = fill(disk, leave)
        run = run_app(["--db", str(db), "selftest"])
        filler.unlink()
        rev, _plans, ok = _state(db)
        if run.code == 2:
            clean, why = judge(run, "refuse", FULL)
            refused += clean
            if rev != "0001":
                clean, why = False, f"拒绝后结构版本变成了 {rev}"
        else:
            clean, why = (run.code in (0, 1) and "Traceback" not in run.stderr), f"退出码 {run.code}"
            migrated += clean
        if ok != "ok":
            clean, why = False, f"完整性：{ok}"
        torn = _torn(work / "backups")
        if torn:
            clean, why = False, f"残缺的备份：{torn}"
        if not clean:
            problems.append(f"余 {leave} 字节：{why}")
        shutil.rmtree(work, ignore_errors=True)
    return [Outcome(SECTION, "升级数据库时磁盘已满（8 种剩余空间）", not problems,
                    "；".join(problems) or f"{refused} 次拒绝（原库未变、备份完好），{migrated} 次升级成功")]


def _creation(disk: Path) -> Outcome:
    db = disk / "new" / "fazhi.sqlite3"
    db.parent.mkdir()
    filler = fill(disk)
    run = run_app(["--db", str(db), "selftest"])
    clean, why = judge(run, "refuse", FULL)
    filler.unlink()
    again = run_app(["--db", str(db), "selftest"])
    if again.code not in (0, 1) or "[通过] 数据库" not in again.stdout:
        clean, why = False, f"腾出空间后仍打不开：{again.stderr.strip()[-100:]}"
    return Outcome(SECTION, "新建数据库时磁盘已满", clean, why or "提示磁盘已满；腾出空间后正常新建")


# ---- without a tmpfs: the same failures, injected -----------------------------------------
def injected(folder: Path) -> list[Outcome]:
    from sqlalchemy import event

    from app.context import open_context
    from app.paths import resolve_paths
    from app.services import backup as backup_service
    from app.services import output_files
    from app.services.importing import import_text
    from app.services.system_errors import DiskFullError

    out = []
    db = folder / "inj.sqlite3"
    ctx = open_context(resolve_paths(db), load_demo=True)
    try:
        pages = ctx.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        ctx.engine.dispose()
        event.listen(ctx.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages}"))
        before = _state(db)
        try:
            ctx.services.imports.store(import_text(PLAN * 40))
            clean, why = False, "写满后导入却成功了"
        except DiskFullError as exc:
            clean, why = FULL in exc.message, exc.message
        if _state(db) != before:
            clean, why = False, "数据库变了"
        out.append(Outcome(SECTION, "导入时数据库写满（注入）", clean, "提示磁盘空间不足，数据库未变" if clean else why))
    finally:
        ctx.close()
    for name, target, attr in (("输出文件时磁盘已满（注入）", output_files.os, "fsync"),
                               ("备份时磁盘已满（注入）", backup_service, "backup_file")):
        original = getattr(target, attr)

        def enospc(*_a, **_k):
            raise OSError(errno.ENOSPC, "No space left on device")

        setattr(target, attr, enospc)
        outdir = folder / f"o-{attr}"
        outdir.mkdir()
        try:
            if attr == "fsync":
                output_files.write_files([(outdir / "a.pdf", b"%PDF"), (outdir / "b.docx", b"PK")])
            else:
                backup_service.create_backup(db, outdir)
            clean, why = False, "却成功了"
        except DiskFullError as exc:
            clean, why = FULL in exc.message and not list(outdir.iterdir()), exc.message
        finally:
            setattr(target, attr, original)
        out.append(Outcome(SECTION, name, clean, "提示磁盘空间不足，没有留下文件" if clean else why))
    return out
