"""A SQLite file on a network drive gets a warning at start that points to the server option."""

from __future__ import annotations

from app.services.server import network_drive
from app.services.server.network_drive import network_warning, posix_reason, windows_reason

MOUNTS = """/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//fileserver/公文 /mnt/share cifs rw,vers=3.0 0 0
10.0.0.5:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /srv/nfs/local ext4 rw 0 0
"""


def test_network_file_systems_are_found_by_their_mount():
    assert "cifs" in posix_reason("/mnt/share/司法局/fazhi.sqlite3", MOUNTS)
    assert "nfs4" in posix_reason("/srv/nfs/fazhi.sqlite3", MOUNTS)
    assert posix_reason("/srv/nfs/local/fazhi.sqlite3", MOUNTS) is None  # a local disk mounted inside
    assert posix_reason("/home/clerk/fazhi.sqlite3", MOUNTS) is None
    assert posix_reason("/mnt/shared/fazhi.sqlite3", MOUNTS) is None  # only a prefix of the name


def test_unc_paths_and_mapped_drives_on_windows():
    assert "网络共享文件夹" in windows_reason(r"\\fileserver\公文\fazhi.sqlite3", drive_type=lambda _r: 3)
    assert "映射的网络驱动器 Z:" in windows_reason(r"z:\法治\fazhi.sqlite3", drive_type=lambda _r: 4)
    assert windows_reason(r"C:\Users\clerk\fazhi.sqlite3", drive_type=lambda _r: 3) is None


def test_the_warning_points_to_the_server_and_start_says_it(tmp_path, monkeypatch, capsys):
    from app.cli import main

    monkeypatch.setattr(network_drive, "network_reason", lambda _p, platform=None: "映射的网络驱动器 Z:")
    said = network_warning(tmp_path / "fazhi.sqlite3")
    assert "映射的网络驱动器 Z:" in said and "服务器" in said and "db copy --to" in said
    assert main(["--db", str(tmp_path / "fazhi.sqlite3"), "backup"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("注意：") and "网络驱动器" in err
    monkeypatch.undo()
    assert network_warning(tmp_path / "fazhi.sqlite3") is None  # the test's own folder is a local disk
