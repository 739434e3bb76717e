"""Old binary formats (.doc, .wps, .xls, .et, .rtf) go through LibreOffice when it is installed.

LibreOffice runs headless with a throw-away profile, so it neither touches the user's own
profile nor collides with a LibreOffice window that is already open."""

from __future__ import annotations

import os
import shutil
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
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise InputFileError(f"LibreOffice 转换“{path.name}”超时（{CONVERT_TIMEOUT_S} 秒），请另存为 .docx 后再导入。") from exc
        except OSError as exc:
            raise InputFileError(_NOT_INSTALLED.format(ext=ext)) from exc
        out = tmpdir / "out" / f"source.{target}"
        if not out.is_file():
            raise InputFileError(f"LibreOffice 无法转换“{path.name}”，文件可能已损坏或加密。请在 Word/WPS 中另存为 .docx 后再导入。")
        return out.read_bytes()
