"""A SQLite file on a network drive: said at start, pointing to the server option.

SQLite's locks (and its WAL's shared memory) do not hold over SMB or NFS: two PCs on one shared
file can both write, and a dropped connection can leave the file damaged. Found here: a UNC path or
a mapped network drive on Windows, a network file system in /proc/mounts elsewhere."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path, PureWindowsPath

log = logging.getLogger(__name__)

NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "afs", "9p", "ncpfs", "coda", "ceph", "glusterfs",
    "lustre", "gpfs", "davfs", "fuse.sshfs", "sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.rclone",
    "fuse.cephfs", "fuse.s3fs",
})
DRIVE_REMOTE = 4  # GetDriveTypeW


def windows_reason(path: str, drive_type=None) -> str | None:
    p = PureWindowsPath(path)
    if path.startswith(("\\\\", "//")):
        return f"网络共享文件夹（{p.anchor.rstrip(chr(92))}）"
    if p.drive and len(p.drive) == 2:
        kind = (drive_type or _drive_type)(p.drive + "\\")
        if kind == DRIVE_REMOTE:
            return f"映射的网络驱动器 {p.drive.upper()}"
    return None


def _drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]


def posix_reason(path: str, mounts: str | None = None) -> str | None:
    """The file system of the longest mount point holding `path`, from /proc/mounts' text."""
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, fstype = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, fstype = point, fields[2]
    if fstype in NETWORK_FS:
        return f"网络文件系统（{fstype}，挂载于 {best}）"
    return None


def network_reason(path: Path, platform: str | None = None) -> str | None:
    """Where the file is when that is a network drive; None on a local disk (or when unknown)."""
    platform = platform or sys.platform
    try:
        if platform.startswith("win"):
            return windows_reason(str(path))
        return posix_reason(os.path.realpath(path))
    except Exception:  # a warning must never stop the program
        log.debug("network drive check failed", exc_info=True)
        return None


def network_warning(db_path: Path) -> str | None:
    reason = network_reason(db_path.parent if not db_path.exists() else db_path)
    if reason is None:
        return None
    log.warning("database %s is on a network drive (%s)", db_path, reason)
    return (f"数据库文件“{db_path.name}”位于{reason}上。几台电脑通过共享文件夹同时使用一个数据库文件时，"
            "文件锁并不可靠，一次断网或断电就可能损坏数据库。几位同事共用数据时，请改用服务器数据库："
            "由信息中心按说明（docs/server.md）安装 PostgreSQL，在“设置 → 数据库”中选择“服务器”，"
            "并用 fazhi db copy --to 把现有数据复制过去。只有一台电脑使用时，请把数据库放在本机磁盘上。")
