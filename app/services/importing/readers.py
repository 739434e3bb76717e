"""Stage 1, read: a file on disk → SourceDoc (lines and tables), whatever its format.

The bytes decide the format, not the extension: a .docx that is really text is read as text
(and the clerk is told), a Word file named .txt is read as Word. Sizes are checked before
anything is read, so a huge file costs nothing."""

from __future__ import annotations

import io
from pathlib import Path

from app.services.errors import InputFileError
from app.services.importing.model import Block, SourceDoc
from app.services.importing.read_text import MAX_TEXT_BYTES, decode_text, split_lines, strip_controls
from app.services.system_errors import os_reason

MAX_OFFICE_BYTES = 40 * 1024 * 1024
# A real 工作要点 has a few hundred lines; past this the document is not one (or not one piece),
# and the clerk waits minutes for a result nobody can use. docs/importing.md states the limit.
MAX_LINES = 20_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPREADSHEET_EXT = (".xls", ".et", ".xlsx", ".ett")


def sniff(head: bytes) -> str:
    """zip | ole | pdf | rtf | text, from the first bytes."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def read_file(path: Path) -> SourceDoc:
    doc = _read_any(Path(path))
    lines = sum(1 for b in doc.blocks if isinstance(b, str) and b.strip())
    lines += sum(len(b.rows) for b in doc.blocks if not isinstance(b, str))
    if lines > MAX_LINES:
        raise InputFileError(
            f"“{Path(path).name}”有 {lines:,} 行（段落和表格行），超过导入上限 {MAX_LINES:,} 行。"
            "工作要点、实施方案一般只有几百行；请确认选择的文件是否正确，或把文件拆成几份分别导入。")
    return doc


def _read_any(path: Path) -> SourceDoc:
    name = path.name
    try:
        if not path.is_file():
            raise InputFileError(f"找不到文件“{path}”，或它不是一个文件。")
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputFileError(f"无法打开“{name}”：{os_reason(exc)}。") from exc
    if size == 0:
        raise InputFileError(f"“{name}”是空文件，没有可导入的内容。")
    kind = sniff(head)
    ext = path.suffix.lower()
    limit = MAX_TEXT_BYTES if kind == "text" else MAX_OFFICE_BYTES
    if size > limit:
        raise InputFileError(
            f"“{name}”过大（{_mb(size)}），超过导入上限 {_mb(limit)}。工作要点、实施方案一般不足 1 MB，"
            "请确认选择的文件是否正确，或把正文另存为较小的文件再导入。"
        )
    if kind == "pdf":
        raise InputFileError(f"暂不支持导入 PDF（“{name}”）。请用 WPS/Word 打开后另存为 .docx，或复制正文存为 .txt 再导入。")
    if kind in ("ole", "rtf"):
        from app.services.importing.read_legacy import convert_with_libreoffice

        target = "xlsx" if ext in _SPREADSHEET_EXT else "docx"
        data = convert_with_libreoffice(path, target)
        doc = _read_zip(io.BytesIO(data), f"{path.stem}.{target}", target)
        doc.warnings.insert(0, f"“{name}”是旧版 {ext or 'Office'} 格式，已通过 LibreOffice 转换后读取，请核对结果。")
        return doc
    if kind == "zip":
        return _read_zip(path, name, {".docx": "docx", ".xlsx": "xlsx"}.get(ext, ""))
    return _read_text(path, name, ext)


def _read_zip(source, name: str, expected: str) -> SourceDoc:
    import zipfile  # with the Word and Excel readers (lxml), only for a zip package: a .txt needs none

    from app.services.importing.read_docx import read_docx
    from app.services.importing.read_xlsx import read_xlsx

    try:
        with zipfile.ZipFile(source) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputFileError(f"“{name}”不是有效的 Word/Excel 文件（压缩包已损坏）。") from exc
    if isinstance(source, io.BytesIO):
        source.seek(0)
    warnings: list[str] = []
    if "word/document.xml" in names:
        if expected != "docx":
            warnings.append(f"“{name}”的扩展名不是 .docx，但内容是 Word 文档，已按 Word 文档读取。")
        blocks: list[Block] = read_docx(source, name)
    elif "xl/workbook.xml" in names:
        if expected != "xlsx":
            warnings.append(f"“{name}”的扩展名不是 .xlsx，但内容是 Excel 工作簿，已按 Excel 读取。")
        blocks = list(read_xlsx(source, name))
    else:
        raise InputFileError(f"“{name}”是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件，无法导入。")
    if not any((b.strip() if isinstance(b, str) else b.rows) for b in blocks):
        raise InputFileError(f"“{name}”中没有文字内容，无法导入。")
    return SourceDoc(name=name, blocks=blocks, warnings=warnings)


_OFFICE_NAME = {".docx": "Word 文档", ".doc": "Word 文档", ".wps": "WPS 文档", ".xlsx": "Excel 工作簿",
                ".xls": "Excel 工作簿", ".et": "WPS 表格"}


def _read_text(path: Path, name: str, ext: str) -> SourceDoc:
    data = path.read_bytes()
    try:
        text, label = decode_text(data, name)
    except InputFileError as exc:
        if ext not in _OFFICE_NAME:
            raise
        # named as an Office file but neither a package nor text: say what the name promised
        raise InputFileError(f"“{name}”不是有效的{_OFFICE_NAME[ext]}：文件已损坏，或扩展名与内容不符。"
                             "请在 WPS/Word 中打开它另存一份后再导入。") from exc
    warnings: list[str] = []
    if ext in (".docx", ".xlsx", ".doc", ".wps", ".xls"):
        warnings.append(f"“{name}”的扩展名是 {ext}，但内容是纯文本，已按文本文件读取。")
    if label != "UTF-8":
        warnings.append(f"文件编码识别为 {label}（不是 UTF-8），已按此编码读取；如出现乱码请另存为 UTF-8 后重新导入。")
    text, dropped = strip_controls(text)
    if dropped:
        warnings.append(f"删除了 {dropped} 个控制字符。")
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        raise InputFileError(f"“{name}”中没有文字内容，无法导入。")
    return SourceDoc(name=name, blocks=list(lines), warnings=warnings)
