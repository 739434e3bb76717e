"""Backups of a server database with PostgreSQL's own tool, pg_dump (custom format, restorable with
pg_restore as docs/server.md shows), written whole or not at all into this PC's backup folder.

pg_dump is a separate program: it comes with PostgreSQL's client tools. When it is not installed the
clerk is told so in Chinese and pointed to the server's own nightly backups."""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from app.server_target import ServerTarget
from app.services.backup import BackupInfo
from app.services.errors import DomainError
from app.services.system_errors import DiskFullError, os_reason

log = logging.getLogger(__name__)

DUMP_SUFFIX = ".dump"
NO_PG_DUMP = ("这台电脑上没有 PostgreSQL 的备份工具 pg_dump，无法从这里备份服务器上的数据库。"
              "请安装 PostgreSQL 客户端工具（与服务器同一大版本或更新），或由信息中心在服务器上按 docs/server.md 定时备份。")
TIMEOUT_S = 3600


class PgDumpMissingError(DomainError):
    def __init__(self):
        super().__init__(NO_PG_DUMP)


class PgDumpTooOldError(DomainError):
    """This PC's pg_dump is of an older major version than the server."""


def find_tool(name: str) -> Path | None:
    """pg_dump / pg_restore: FAZHI_PG_BIN, the newest versioned folder (Debian, Windows installer),
    then PATH."""
    exe = name + (".exe" if os.name == "nt" else "")
    folders = [os.environ.get("FAZHI_PG_BIN", "")]
    patterns = ["/usr/lib/postgresql/*/bin"]
    if os.name == "nt":
        patterns = [os.path.join(os.environ.get(v, ""), "PostgreSQL", "*", "bin")
                    for v in ("ProgramFiles", "ProgramW6432") if os.environ.get(v)]
    for pattern in patterns:
        folders += sorted(glob.glob(pattern), key=_version_key, reverse=True)
    for folder in folders:
        if folder and (Path(folder) / exe).is_file():
            return Path(folder) / exe
    found = shutil.which(name)
    return Path(found) if found else None


def _version_key(folder: str) -> tuple:
    return tuple(int(n) for n in re.findall(r"\d+", folder)[-2:])


def tool_env(target: ServerTarget, password: str | None) -> dict[str, str]:
    """libpq's own variables: the password never appears on a command line or in a log."""
    env = dict(os.environ)
    env.update(PGHOST=target.host, PGPORT=str(target.port), PGUSER=target.user, PGDATABASE=target.dbname,
               PGSSLMODE=target.sslmode, PGCONNECT_TIMEOUT="10", PGAPPNAME="fazhi-desk-backup")
    if password:
        env["PGPASSWORD"] = password
    return env


def dump_server(target: ServerTarget, password: str | None, backup_dir: Path, reason: str = "manual") -> BackupInfo:
    tool = find_tool("pg_dump")
    if tool is None:
        raise PgDumpMissingError()
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        safe = re.sub(r"[^\w.-]+", "_", target.dbname)
        final = backup_dir / f"{safe}-{stamp}-{reason}{DUMP_SUFFIX}"
        fd, name = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=".part", dir=backup_dir)
        os.close(fd)
    except OSError as exc:
        cls = DiskFullError if "空间" in os_reason(exc) else DomainError
        raise cls(f"备份失败：无法写入备份文件夹“{backup_dir}”：{os_reason(exc)}。") from exc
    tmp = Path(name)
    try:
        _run(tool, ["--format=custom", "--no-owner", "--no-privileges", f"--file={tmp}"], target, password)
        restore = find_tool("pg_restore")
        if restore is not None:  # the archive reads back: its table of contents lists our tables
            listing = _run(restore, ["--list", str(tmp)], target, password)
            if "alembic_version" not in listing:
                raise DomainError("备份失败：备份文件校验未通过（其中没有法治工作台的表）。")
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    log.info("server backup written: %s", final.name)
    st = final.stat()
    return BackupInfo(final, datetime.fromtimestamp(st.st_mtime), st.st_size)


def _run(tool: Path, args: list[str], target: ServerTarget, password: str | None) -> str:
    try:
        done = subprocess.run([str(tool), *args], env=tool_env(target, password), capture_output=True,
                              timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise DomainError("备份失败：pg_dump 一小时内没有完成，已停止。请由信息中心在服务器上备份。") from exc
    except OSError as exc:
        raise DomainError(f"备份失败：无法运行 {tool.name}：{os_reason(exc)}。") from exc
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        log.warning("%s failed (%s): %s", tool.name, done.returncode, err.strip()[-500:])
        reason = _dump_reason(err)
        raise (PgDumpTooOldError if reason == TOO_OLD else DomainError)(f"备份失败：{reason}")
    return done.stdout.decode("utf-8", "replace")


TOO_OLD = "这台电脑上的 pg_dump 版本比服务器旧。请安装与服务器同一大版本或更新的 PostgreSQL 客户端工具。"


def _dump_reason(err: str) -> str:
    text = err.lower()
    if "server version mismatch" in text or "aborting because of server version" in text:
        return TOO_OLD
    if "password authentication failed" in text or "no password supplied" in text:
        return "服务器拒绝了登录：用户名或密码不正确。"
    if "permission denied" in text:
        return "服务器上的账户没有读取全部表的权限。请信息中心按 docs/server.md 授权，或在服务器上备份。"
    if "no space left" in text or "could not write" in text:
        return "磁盘空间不足，没有留下不完整的备份。"
    if "could not connect" in text or "connection" in text:
        return "无法连接数据库服务器。请检查网络和“设置 → 数据库”中的地址。"
    return "pg_dump 报告了错误（详细信息已写入日志文件），没有留下不完整的备份。"


def list_dumps(backup_dir: Path) -> list[BackupInfo]:
    """Finished server backups in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for p in backup_dir.glob(f"*{DUMP_SUFFIX}"):
        if p.name.startswith("."):
            continue
        with contextlib.suppress(OSError):
            st = p.stat()
            found.append(BackupInfo(p, datetime.fromtimestamp(st.st_mtime), st.st_size))
    return sorted(found, key=lambda b: b.created, reverse=True)
