"""Errors of the operating system, of SQLite and of a PostgreSQL server, said in Chinese.

A clerk must never read "Permission denied", "File exists" or "database or disk is full": every
place that catches an OSError or a database error turns it into a sentence with these words, and
the command line and the window fall back on `as_domain_error` for anything that slipped through."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3

from app.services.errors import DomainError

DISK_FULL = "磁盘空间不足"
BUSY_MESSAGE = "数据库正被另一个程序使用，请稍后再试。本次操作未保存任何内容。"


class DiskFullError(DomainError):
    """The disk (or the user's quota) is full; nothing was changed."""


class DatabaseBusyError(DomainError):
    """Another program held the database's write lock for longer than we wait."""

    def __init__(self, message: str = BUSY_MESSAGE):
        super().__init__(message)


class DatabaseDamagedError(DomainError):
    """SQLite found the file damaged or not a database at all."""


_OS_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EACCES: "没有权限（文件可能是只读的，或正被其他程序打开）",
    errno.EPERM: "没有权限（文件可能是只读的，或正被其他程序打开）",
    errno.EROFS: "磁盘为只读",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EEXIST: "同名文件已存在",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EIO: "磁盘读写出错（磁盘可能已损坏或已拔出）",
    errno.EBUSY: "文件正被其他程序占用",
    errno.ELOOP: "路径中的符号链接过多或成环",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EINVAL: "文件名或路径无效",
    errno.EFBIG: "文件过大",
    errno.ENOMEM: "内存不足",
}
# names some platforms lack (Windows has neither)
for _name, _reason in (("EDQUOT", "磁盘配额已用完（磁盘空间不足）"), ("ETXTBSY", "文件正被其他程序占用")):
    if hasattr(errno, _name):
        _OS_REASONS[getattr(errno, _name)] = _reason
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_WINERROR_REASONS = {  # Windows codes Python does not map to a useful errno
    32: "文件正被其他程序（如 WPS、Word）打开",
    33: "文件的一部分被其他程序锁定",
    112: DISK_FULL,
    39: DISK_FULL,
    1224: "文件正被其他程序打开",
}


def os_reason(exc: OSError) -> str:
    """The reason of an OSError as a Chinese phrase (no final punctuation)."""
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR_REASONS:
        return _WINERROR_REASONS[winerror]
    return _OS_REASONS.get(exc.errno or 0, f"系统错误（代码 {exc.errno}）" if exc.errno else "系统拒绝了这次读写")


def is_disk_full(exc: BaseException) -> bool:
    exc = _unwrap(exc)
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS or getattr(exc, "winerror", None) in (39, 112)
    if isinstance(exc, sqlite3.Error):
        return _sqlite_code(exc) == sqlite3.SQLITE_FULL or "full" in str(exc).lower()
    return False


def os_error(exc: OSError, what: str) -> DomainError:
    """`what` names the action: "无法写入文件“x.pdf”"; the result is a whole sentence."""
    reason = os_reason(exc)
    cls = DiskFullError if is_disk_full(exc) else DomainError
    return cls(f"{what}：{reason}。")


# SQLite's primary result codes (the low byte of an extended code)
_SQLITE_REASONS = {
    sqlite3.SQLITE_BUSY: BUSY_MESSAGE,
    sqlite3.SQLITE_LOCKED: BUSY_MESSAGE,
    sqlite3.SQLITE_FULL: f"{DISK_FULL}，数据库无法写入。本次操作未保存，原有数据未受影响；请清理磁盘后再试。",
    sqlite3.SQLITE_READONLY: "数据库文件是只读的（或所在文件夹不可写），无法保存。请检查文件属性和文件夹权限。",
    sqlite3.SQLITE_IOERR: "读写数据库文件时磁盘出错（磁盘可能已满、已损坏或已拔出）。本次操作未保存。",
    sqlite3.SQLITE_CORRUPT: "数据库文件已损坏。请在“设置”中从备份恢复，或用命令 backup --restore 恢复最近一份完好的备份。",
    sqlite3.SQLITE_NOTADB: "该文件不是法治工作台的数据库，或已损坏。",
    sqlite3.SQLITE_CANTOPEN: "无法打开数据库文件：文件夹不存在、没有权限，或文件正被其他程序独占。",
    sqlite3.SQLITE_PERM: "没有权限访问数据库文件。",
    sqlite3.SQLITE_NOMEM: "内存不足，数据库操作未完成。",
    sqlite3.SQLITE_PROTOCOL: BUSY_MESSAGE,
}


def _sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(exc).lower()  # older SQLite bindings: only the message
    for words, code in (("locked", sqlite3.SQLITE_BUSY), ("busy", sqlite3.SQLITE_BUSY),
                        ("disk is full", sqlite3.SQLITE_FULL), ("readonly", sqlite3.SQLITE_READONLY),
                        ("read-only", sqlite3.SQLITE_READONLY), ("disk i/o", sqlite3.SQLITE_IOERR),
                        ("malformed", sqlite3.SQLITE_CORRUPT), ("not a database", sqlite3.SQLITE_NOTADB),
                        ("unable to open", sqlite3.SQLITE_CANTOPEN)):
        if words in text:
            return code
    return None


def disk_nearly_full(path: str | os.PathLike | None) -> bool:
    """SQLite reports a full disk as a plain I/O error when the -wal or -shm file cannot grow; the
    free space of the database's folder tells the two apart."""
    if not path:
        return False
    try:
        folder = os.path.dirname(os.path.abspath(path))
        free = shutil.disk_usage(folder).free
        size = os.path.getsize(path) if os.path.exists(path) else 0
    except OSError:
        return False
    return free < max(2 << 20, size)


def sqlite_error(exc: sqlite3.Error, db_path: str | os.PathLike | None = None) -> DomainError | None:
    """A DomainError for the database errors a clerk can meet; None for a programming error."""
    code = _sqlite_code(exc)
    if code == sqlite3.SQLITE_IOERR and disk_nearly_full(db_path):
        code = sqlite3.SQLITE_FULL
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_PROTOCOL):
        return DatabaseBusyError()
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError(_SQLITE_REASONS[code])
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DatabaseDamagedError(_SQLITE_REASONS[code])
    if code in _SQLITE_REASONS:
        return DomainError(_SQLITE_REASONS[code])
    return None


SERVER_UNREACHABLE = ("无法连接数据库服务器：服务器未开机、地址或端口不对，或网络不通。本次操作未保存；"
                      "请检查“设置 → 数据库”中的地址，或联系信息中心。")
SERVER_BUSY = "数据正被另一位同事修改，等待超时。本次操作未保存任何内容，请稍后再试。"
SERVER_CLASH = "您的修改与另一位同事的修改同时发生，服务器只保留了先到的一份。本次操作未保存，请再试一次。"
_SERVER_REASONS = {  # SQLSTATE → what the clerk reads
    "28P01": "服务器拒绝了登录：用户名或密码不正确。请在“设置 → 数据库”中重新输入密码。",
    "28000": "服务器不允许这台电脑以该用户登录（用户名不存在，或服务器的访问规则 pg_hba.conf 中没有这台电脑）。"
             "请检查用户名，或联系信息中心。",
    "3D000": "服务器上没有这个数据库。请检查“设置 → 数据库”中的数据库名称，或请信息中心先建好数据库。",
    "42501": "服务器上的账户权限不足，无法完成这次操作。请信息中心按 docs/server.md 为该账户授权。",
    "53100": "数据库服务器的磁盘空间不足，无法保存。本次操作未保存，原有数据未受影响；请联系信息中心。",
    "53200": "数据库服务器内存不足，操作未完成。请稍后再试。",
    "53300": "数据库服务器的连接数已满。请稍后再试，或请信息中心调高 max_connections。",
    "57P01": "数据库服务器正在关闭或重启，操作未完成。请稍后再试。",
    "57P02": "数据库服务器正在关闭或重启，操作未完成。请稍后再试。",
    "57P03": "数据库服务器正在启动，暂时不能连接。请稍后再试。",
    "55P03": SERVER_BUSY,
    "40001": SERVER_CLASH,
    "40P01": SERVER_CLASH,
    "25006": "这个数据库在服务器上是只读的，无法保存。请联系信息中心。",
}
_SERVER_WORDS = (  # libpq reports connection failures without a SQLSTATE
    ("password authentication failed", "28P01"),
    ("no password supplied", "28P01"),
    ("no pg_hba.conf entry", "28000"),
    ("role", "28000"),  # FATAL: role "x" does not exist
    ("does not exist", "3D000"),
    ("too many clients", "53300"),
    ("the database system is shutting down", "57P01"),
    ("the database system is starting up", "57P03"),
)
_TLS_WORDS = (
    ("server does not support ssl", "服务器没有开启加密连接（TLS）。请信息中心开启，或把“设置 → 数据库”中的加密方式改为“尽量加密”。"),
    ("certificate verify failed", "服务器证书验证失败：证书不是受信任的机构签发，或已过期。请联系信息中心。"),
    ("does not match host name", "服务器证书上的主机名与所填地址不一致。请按证书上的名称填写服务器地址，或联系信息中心。"),
    ("root certificate file", "要验证服务器证书，这台电脑需要信息中心提供的根证书（见 docs/server.md）。"),
)


class ServerUnreachableError(DomainError):
    """The database server could not be reached (or the connection to it was lost)."""


def is_server_error(exc: BaseException) -> bool:
    """An error of the PostgreSQL driver (psycopg), told apart without importing it."""
    return type(exc).__module__.split(".")[0] in ("psycopg", "psycopg_binary")


def server_error(exc: BaseException) -> DomainError | None:
    """A DomainError for what a clerk can meet on a server database; None for a programming error."""
    if not is_server_error(exc):
        return None
    state = getattr(exc, "sqlstate", None) or ""
    text = str(exc).lower()
    for words, said in _TLS_WORDS:
        if words in text:
            return DomainError(said)
    if not state:
        state = next((code for words, code in _SERVER_WORDS if words in text), "")
    if state in ("55P03", "40001", "40P01"):
        return DatabaseBusyError(_SERVER_REASONS[state])
    if state == "53100":
        return DiskFullError(_SERVER_REASONS[state])
    if state in _SERVER_REASONS:
        return DomainError(_SERVER_REASONS[state])
    if state.startswith("08") or (not state and type(exc).__name__ in ("OperationalError", "InterfaceError")):
        return ServerUnreachableError(SERVER_UNREACHABLE)
    return None


def _unwrap(exc: BaseException) -> BaseException:
    """SQLAlchemy wraps the driver's exception; its `orig` is the sqlite3 one."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def as_domain_error(exc: BaseException, db_path: str | os.PathLike | None = None) -> DomainError | None:
    """A Chinese DomainError for an OS or database error from anywhere; None when it is neither."""
    if isinstance(exc, DomainError):
        return exc
    inner = _unwrap(exc)
    if isinstance(inner, sqlite3.Error):
        return sqlite_error(inner, db_path)
    if is_server_error(inner):
        return server_error(inner)
    if isinstance(inner, MemoryError):
        return DomainError("内存不足，操作未完成。请关闭其他程序后再试，或换一个较小的文件。")
    if isinstance(inner, OSError):
        name = inner.filename if isinstance(inner.filename, str) else ""
        where = f"读写文件“{name}”时出错" if name else "读写文件时出错"
        return os_error(inner, where)
    return None
