"""Old binary formats (.doc, .wps, .xls, .et, .rtf) go through LibreOffice when it is installed.

LibreOffice runs headless with a throw-away profile, so it neither touches the user's own
profile nor collides with a LibreOffice window that is already open."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from app.services.errors import InputFileError

CONVERT_TIMEOUT_S = 120
_NOT_INSTALLED = (
    "读取 {ext} 文件需要 LibreOffice，但本机未安装。请在 Word 或 WPS 中打开该文件，"
    "“另存为”.docx（表格另存为 .xlsx）后再导入；或安装 LibreOffice 后重试。"
)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        if root:
            candidate = Path(root) / "LibreOffice" / "program" / "soffice.exe"
            if candidate.is_file():
                return str(candidate)
    return None


def convert_with_libreoffice(path: Path, target: str) -> bytes:
    """The converted file's bytes (target "docx" or "xlsx")."""
    ext = path.suffix.lower() or "旧格式"
    soffice = find_soffice()
    if soffice is None:
        raise InputFileError(_NOT_INSTALLED.format(ext=ext))
    with tempfile.TemporaryDirectory(prefix="fazhi-convert-") as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / f"source{path.suffix.lower() or '.doc'}"
        shutil.copyfile(path, src)  # a plain ASCII name: LibreOffice mangles some non-ASCII paths
        profile = (tmpdir / "profile").resolve().as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(tmpdir / "out"), str(src)]
        try:
            run_to_end(cmd, CONVERT_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise InputFileError(f"LibreOffice 转换“{path.name}”超时（{CONVERT_TIMEOUT_S} 秒），请另存为 .docx 后再导入。") from exc
        except OSError as exc:
            raise InputFileError(_NOT_INSTALLED.format(ext=ext)) from exc
        out = tmpdir / "out" / f"source.{target}"
        if not out.is_file():
            raise InputFileError(f"LibreOffice 无法转换“{path.name}”，文件可能已损坏或加密。请在 Word/WPS 中另存为 .docx 后再导入。")
        return out.read_bytes()


def run_to_end(cmd: list[str], timeout: float) -> int:
    """Runs cmd in a process group of its own; on timeout the whole group is killed (soffice starts
    soffice.bin, which a plain kill of the first process would leave running), and waited for."""
    if os.name == "nt":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, creationflags=flags)
    else:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return proc.wait(timeout=timeout)
    except BaseException:  # the timeout, or the clerk cancelling: nothing may be left running
        _kill_group(proc)
        raise


def _kill_group(proc: subprocess.Popen) -> None:
    if os.name == "nt":
        # taskkill /T ends the whole tree; the process group alone does not on Windows
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
