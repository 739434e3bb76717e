"""Writing output files all-or-nothing, without trusting the target folder.

A command that writes several files (PDF, Word, Excel) checks every target first, writes each to a
temporary file created exclusively (O_EXCL, unpredictable name) in the target's own folder, and
only when all of them are complete replaces the targets, one rename each. A symbolic link planted
where a temporary name could be guessed is never followed; a failure leaves the folder as it was.
A read-only target is refused unless the caller was told to overwrite it."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from app.services.errors import DomainError, ValidationError
from app.services.system_errors import DiskFullError, is_disk_full, os_reason


class ReadOnlyTargetError(DomainError):
    """The target exists and is read-only; nothing was written."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"“{path}”是只读文件，未写入任何文件。")


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_NEW_FILE_MODE = _default_mode()


def is_read_only(path: Path) -> bool:
    """True for an existing file without write permission (chmod 444, or Windows' 只读 attribute).
    Permission bits are read rather than os.access, which says "writable" to an administrator."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode):
        return False
    return not st.st_mode & stat.S_IWUSR or bool(getattr(st, "st_file_attributes", 0) & 1)


def _write_error(path: Path, exc: OSError) -> DomainError:
    reason = os_reason(exc)
    text = f"无法写入文件“{path}”：{reason}。未写入任何文件；请换一个位置，或先关闭正在打开该文件的程序（如 WPS、Word）。"
    return DiskFullError(text) if is_disk_full(exc) else DomainError(text)


def check_targets(paths: Iterable[Path], overwrite: bool = False) -> list[Path]:
    """Refuses, before any work is done, targets that cannot be written: a folder, a path through a
    file, the same file twice, a read-only file (unless overwrite)."""
    out: list[Path] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        key = os.path.normcase(os.path.abspath(path))
        if key in seen:
            raise ValidationError(f"同一个文件“{path}”被指定了两次，请为每种输出指定不同的文件。")
        seen.add(key)
        if path.is_dir():
            raise ValidationError(f"无法写入文件“{path}”：这是一个文件夹，请指定要写入的文件名。未写入任何文件。")
        if not path.name or path.name in (".", ".."):
            raise ValidationError(f"无法写入文件“{path}”：不是有效的文件名。未写入任何文件。")
        folder = _existing_ancestor(path.parent)
        if folder is not None and not folder.is_dir():
            raise ValidationError(f"无法写入文件“{path}”：路径中的“{folder}”是一个文件，不是文件夹。未写入任何文件。")
        if not overwrite and is_read_only(path):
            raise ReadOnlyTargetError(path)
        out.append(path)
    return out


def _existing_ancestor(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return None


def write_files(items: list[tuple[Path, bytes]], overwrite: bool = False) -> list[Path]:
    """Writes every (path, data) or none of them; returns the paths written."""
    paths = check_targets([p for p, _ in items], overwrite)
    temps: list[Path] = []
    try:
        for path, (_p, data) in zip(paths, items, strict=True):
            temps.append(_write_temp(path, data))
    except BaseException:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    _replace_all(list(zip(temps, paths, strict=True)))
    return paths


def _write_temp(path: Path, data: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mode = _NEW_FILE_MODE
        with contextlib.suppress(OSError):
            st = os.stat(path)
            mode = stat.S_IMODE(st.st_mode) | stat.S_IWUSR  # keep an existing file's permissions
        os.chmod(tmp, mode)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _write_error(path, exc) from exc
    return tmp


def _replace_all(pairs: list[tuple[Path, Path]]) -> None:
    """Renames each temporary over its target. Old versions are kept aside (hard links) until all
    renames succeeded, so a failure half-way puts back what was there."""
    kept: list[tuple[Path, Path | None]] = []  # (target, its previous version or None)
    try:
        for tmp, target in pairs:
            old = _keep_old(target)
            if is_read_only(target):  # Windows refuses to replace a read-only file
                with contextlib.suppress(OSError):
                    os.chmod(target, stat.S_IMODE(os.stat(target).st_mode) | stat.S_IWUSR)
            kept.append((target, old))
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _write_error(target, exc) from exc
    except BaseException:
        for target, old in reversed(kept):
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, target)
                elif target.exists():
                    target.unlink()
        for tmp, _target in pairs:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    for _target, old in kept:
        if old is not None:
            with contextlib.suppress(OSError):
                old.unlink()


def _keep_old(target: Path) -> Path | None:
    if not os.path.lexists(target):
        return None
    for _ in range(5):
        old = target.with_name(f".{target.name}.{os.urandom(8).hex()}.old")
        try:
            if os.name == "nt":  # Windows cannot link a link itself; a planted link is replaced, not followed
                os.link(target, old)
            else:
                os.link(target, old, follow_symlinks=False)
            return old
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            return None  # no hard links here (FAT, some network drives): no undo, the rename still works
    return None
