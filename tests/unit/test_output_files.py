"""Outputs written all-or-nothing, through exclusive temporaries, never following planted links."""

import errno
import os
import stat

import pytest

from app.services import output_files
from app.services.errors import DomainError, ValidationError
from app.services.output_files import ReadOnlyTargetError, check_targets, is_read_only, write_files
from app.services.system_errors import DiskFullError


def failing_for(real, suffix: str, exc: Exception):
    """`real`, except that a call whose first or second argument ends with `suffix` raises `exc`."""
    def call(*args):
        if any(str(a).endswith(suffix) for a in args[:2]):
            raise exc
        return real(*args)
    return call


def test_every_file_or_none_when_the_second_cannot_be_written(tmp_path, monkeypatch):
    (tmp_path / "a.pdf").write_bytes(b"old a")
    no_room = output_files._write_error(tmp_path / "b.docx", OSError(errno.ENOSPC, "No space left on device"))
    monkeypatch.setattr(output_files, "_write_temp", failing_for(output_files._write_temp, "b.docx", no_room))
    with pytest.raises(DiskFullError, match="磁盘空间不足"):
        write_files([(tmp_path / "a.pdf", b"new a"), (tmp_path / "b.docx", b"new b")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"old a"


def test_a_rename_failing_half_way_puts_back_what_was_there(tmp_path, monkeypatch):
    (tmp_path / "a.pdf").write_bytes(b"old a")
    real = os.replace
    monkeypatch.setattr(output_files.os, "replace", failing_for(real, "b.docx", OSError(errno.EIO, "I/O error")))
    with pytest.raises(DomainError, match="磁盘读写出错"):
        write_files([(tmp_path / "a.pdf", b"new a"), (tmp_path / "b.docx", b"new b")])
    monkeypatch.setattr(output_files.os, "replace", real)
    assert (tmp_path / "a.pdf").read_bytes() == b"old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


def test_targets_are_checked_before_any_work(tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    for bad in ([tmp_path / "folder"], [tmp_path / "file" / "x.pdf"], [tmp_path / "a.pdf", tmp_path / "a.pdf"]):
        with pytest.raises(ValidationError, match=r"无法写入文件|指定了两次"):
            check_targets(bad)
    ro = tmp_path / "ro.pdf"
    ro.write_bytes(b"x")
    ro.chmod(stat.S_IRUSR)
    assert is_read_only(ro)
    with pytest.raises(ReadOnlyTargetError, match="只读"):
        check_targets([ro])
    assert check_targets([ro], overwrite=True) == [ro]


def test_new_files_get_ordinary_permissions_and_old_ones_keep_theirs(tmp_path):
    [new] = write_files([(tmp_path / "n.pdf", b"x")])
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask
    old = tmp_path / "o.pdf"
    old.write_bytes(b"x")
    old.chmod(0o640)
    write_files([(old, b"y")])
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_bytes() == b"y"
