"""The quick subset of the reliability suite (the full run: `python -m bench reliability`).

Hostile files in-process, a few kills of a writer, concurrent creation, a busy database, 文号
from two processes, a full disk (a real tmpfs when the machine allows it, injected failures
always), path tricks and a hanging LibreOffice."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from app.cli import main
from app.context import DatabaseOpenError, open_context
from app.paths import resolve_paths
from app.services.backup import create_backup
from app.services.errors import DomainError, InputFileError
from app.services.importing import import_file, import_text
from app.services.output_files import write_files
from app.services.system_errors import BUSY_MESSAGE, DatabaseBusyError
from tests.reliability import concurrency, crash, disk_full, paths
from tests.reliability.builders import PLAN
from tests.reliability.hostile import CASES, write_case
from tests.reliability.hostile_runs import convert_case
from tests.reliability.proc import cjk_line

QUICK = [c for c in CASES if c.quick]


@pytest.mark.parametrize("case", QUICK, ids=[c.name for c in QUICK])
def test_hostile_file_is_refused_or_read_cleanly(case, tmp_path):
    path = write_case(case, tmp_path)
    try:
        result = import_file(path)
    except InputFileError as err:
        assert case.expect != "accept", err.message
        assert "\n" not in err.message and cjk_line(err.message), err.message
        assert case.words in err.message
    else:
        assert case.expect != "refuse", f"{case.name} was accepted"
        assert result.tasks


def test_a_corrupt_docx_through_convert_is_one_chinese_line_and_no_file(tmp_path):
    outcome = convert_case(next(c for c in CASES if c.name == "压缩数据损坏的 .docx"), tmp_path)
    assert outcome.clean, outcome.detail


def test_writer_killed_at_random_loses_no_committed_write(tmp_path):
    outcome = crash.crash_test(tmp_path, kills=3, seed=5, progress=None)
    assert outcome.clean, outcome.detail
    assert outcome.lost == 0 and outcome.torn == 0


def test_three_programs_create_one_new_database_together(tmp_path):
    [outcome] = concurrency.concurrent_creation(tmp_path, trials=1, writers=3)
    assert outcome.clean, outcome.detail


def test_numbers_from_two_processes_never_repeat(tmp_path):
    outcome = concurrency.number_allocation(tmp_path, processes=2, each=10)
    assert outcome.clean and outcome.duplicates == 0, outcome.detail


def test_a_busy_database_is_said_in_chinese_after_the_wait_and_nothing_is_saved(tmp_path, monkeypatch):
    from app.models import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    ctx = open_context(resolve_paths(tmp_path / "b.sqlite3"), load_demo=True)
    try:
        before = len(ctx.services.plans.list_plans())
        started, release = threading.Event(), threading.Event()
        holder = threading.Thread(target=concurrency.hold_write_lock, args=(ctx.paths.db_path, release, started))
        holder.start()
        assert started.wait(60)
        try:
            with pytest.raises(DatabaseBusyError) as err:
                ctx.services.imports.store(import_text(PLAN))
        finally:
            release.set()
            holder.join()
        assert err.value.message == BUSY_MESSAGE
        assert len(ctx.services.plans.list_plans()) == before
        ctx.services.imports.store(import_text(PLAN))  # the lock is gone: it works
        assert len(ctx.services.plans.list_plans()) == before + 1
    finally:
        ctx.close()


def test_full_disk_injected(tmp_path):
    outcomes = disk_full.injected(tmp_path)
    assert outcomes and all(o.clean for o in outcomes), [(o.name, o.detail) for o in outcomes if not o.clean]


def test_full_disk_for_real_where_a_tmpfs_can_be_mounted(tmp_path):
    """On a really full disk (tmpfs) when allowed, else the injected failures once more in a new folder:
    never skipped."""
    with disk_full.small_disk(4) as disk:
        if disk is None:
            assert all(o.clean for o in disk_full.injected(tmp_path))
            return
        db = disk / "fazhi.sqlite3"
        ctx = open_context(resolve_paths(db), load_demo=True)
        try:
            before = len(ctx.services.plans.list_plans())
            filler = disk_full.fill(disk)
            with pytest.raises(DomainError, match="磁盘空间不足"):
                ctx.services.imports.store(import_text(PLAN * 30))
            with pytest.raises(DomainError, match="磁盘空间不足"):
                create_backup(db, disk / "backups")
            assert not list((disk / "backups").glob("*")) if (disk / "backups").exists() else True
            with pytest.raises(DomainError, match="磁盘空间不足"):
                write_files([(disk / "out" / "a.pdf", b"%PDF" * 100_000), (disk / "out" / "b.docx", b"PK")])
            assert not (disk / "out").exists() or not list((disk / "out").iterdir())
            filler.unlink()
            assert len(ctx.services.plans.list_plans()) == before
        finally:
            ctx.close()
        old = disk / "old.sqlite3"
        shutil.copy(disk_full.FIXTURES / "schema-0001.sqlite3", old)
        filler = disk_full.fill(disk, 8 << 10)
        with pytest.raises(DatabaseOpenError, match="磁盘空间不足"):
            open_context(resolve_paths(old), load_demo=False)
        filler.unlink()
        con = sqlite3.connect(old)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()


def test_a_link_planted_at_a_temporary_name_is_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(paths.VICTIM)
    for name in ("out.pdf.part", ".out.pdf.part"):
        (tmp_path / name).symlink_to(victim)
    write_files([(tmp_path / "out.pdf", b"%PDF-1.4")])
    assert victim.read_bytes() == paths.VICTIM
    assert (tmp_path / "out.pdf").read_bytes() == b"%PDF-1.4"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.pdf.part", "out.pdf", "out.pdf.part", "victim.txt"]


def test_convert_writes_every_output_or_none(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("示例县2026年法治政府建设工作要点\n一、总体要求\n坚持依法行政。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", "--pdf", str(out / "a.pdf"), "--docx", str(out / "a.docx"), "--xlsx",
                 str(out / "a.xlsx"), str(empty)]) == 2
    assert "未写入任何文件" in capsys.readouterr().err and not out.exists()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["convert", "--pdf", str(out / "b.pdf"), "--docx", str(tmp_path / "file" / "b.docx"), str(src)]) == 2
    assert not out.exists()
    ro = tmp_path / "ro.pdf"
    ro.write_bytes(b"old")
    ro.chmod(0o444)
    assert main(["convert", "--pdf", str(ro), "--docx", str(out / "c.docx"), str(src)]) == 2
    assert "--overwrite" in capsys.readouterr().err and ro.read_bytes() == b"old" and not out.exists()
    assert main(["convert", "--pdf", str(ro), "--docx", str(out / "c.docx"), "--overwrite", str(src)]) == 0
    assert ro.read_bytes().startswith(b"%PDF") and (out / "c.docx").is_file()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith((".part", ".old"))]


def test_a_hanging_libreoffice_is_stopped_with_its_whole_process_group(tmp_path):
    outcome = paths.hanging_libreoffice(tmp_path)
    assert outcome.clean, outcome.detail


def test_the_unit_registry_export_goes_through_the_safe_writer(services, tmp_path):
    from app.services.unit_io import export_units

    victim = tmp_path / "victim.txt"
    victim.write_bytes(paths.VICTIM)
    (tmp_path / "单位名录.xlsx.part").symlink_to(victim)
    target = tmp_path / "单位名录.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(DomainError, match="只读"):
        export_units(services.units, target)  # a read-only file is refused, not half-replaced
    assert target.read_bytes() == b"old"
    target.chmod(0o644)
    assert export_units(services.units, target) > 0
    assert target.read_bytes()[:2] == b"PK" and victim.read_bytes() == paths.VICTIM


def test_charts_are_drawn_in_a_folder_of_the_process_own(tmp_path):
    from app.services.documents.service import font_choice
    from app.services.tracking.chart_image import chart_file
    from app.services.tracking.charts import Bar, Chart

    body = font_choice().primary("fang")
    chart = Chart("各单位报送情况", (Bar("县司法局", "u1", (("绿", 3),)),))
    first = chart_file(chart, body.path, None, body.index)
    assert first.is_file() and first.parent.parent == Path(tempfile.gettempdir())
    assert first.parent.name != "fazhi-charts" and stat.S_IMODE(first.parent.stat().st_mode) == 0o700


def _blank_png(path: Path, width: int, height: int) -> None:
    """A white RGB PNG written row by row: a 144-megapixel scan without 432 MB in this process."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    squeeze = zlib.compressobj(1)
    row = b"\x00" + b"\xff" * (3 * width)
    with path.open("wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        data = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()
        fh.write(chunk(b"IDAT", data) + chunk(b"IEND", b""))


def test_a_144_megapixel_seal_is_reduced_within_the_memory_bound_and_quietly(tmp_path):
    """Issue 16.5: 12,000 × 12,000 pixels (1.6 GB and a warning on stderr before) — reduced to the
    2,000 pixels a seal can use, in a process that stays under 700 MB, with nothing on stderr."""
    import subprocess
    import sys

    seal = tmp_path / "印章扫描.png"
    _blank_png(seal, 12_000, 12_000)
    # the probe's own high-water mark: ru_maxrss would start at this test process's peak
    probe = ("import os, sys\n"
             "from PIL import Image\n"
             "from app.services.documents.seal_image import prepare_seal\n"
             "from tests.reliability.proc import high_water_kb\n"
             "out = prepare_seal(sys.argv[1])\n"
             "print(max(Image.open(out).size), high_water_kb(os.getpid()) // 1024)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(seal)], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0 and done.stderr == "", done.stderr[-2000:]
    side, peak_mb = map(int, done.stdout.split())
    assert side == 2000
    assert peak_mb < 700, f"peak {peak_mb} MB"


def test_an_immediate_busy_while_opening_is_tried_again_within_the_wait(tmp_path, monkeypatch):
    """SQLite says "busy" at once, without its busy handler, in moments another program creates or
    closes the file (seen once as a failed start of two programs allocating 文号 together). Opening
    tries again within the usual wait; only a lock that outlasts it is said as busy."""
    from app.models import database, migrate

    real = migrate.inspect_file
    answers = iter([True, True])

    def flaky(path, check=True):
        if next(answers, False):
            err = sqlite3.OperationalError("database is locked")
            err.sqlite_errorcode = sqlite3.SQLITE_BUSY
            raise err
        return real(path, check)

    monkeypatch.setattr(migrate, "inspect_file", flaky)
    ctx = open_context(resolve_paths(tmp_path / "n.sqlite3"), load_demo=False)
    try:
        assert ctx.services.notices.allocate_serial("测试发", 2026) == 1
    finally:
        ctx.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    answers = iter([True] * 1000)
    with pytest.raises(DatabaseOpenError, match="正被另一个程序使用"):
        open_context(resolve_paths(tmp_path / "m.sqlite3"), load_demo=False)
