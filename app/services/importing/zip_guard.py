"""Opening Office files (zip packages) without trusting them.

A zip bomb declares a huge uncompressed size or uses a compression whose output per input byte
is unbounded; XML inside may declare entities. We refuse all of that before any part is parsed:
zipfile truncates every member at its declared size, so checking the declared sizes bounds the
memory used, and only the two compressions Office writes are accepted."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from app.services.errors import InputFileError

MAX_MEMBERS = 3000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_ALLOWED_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

# No DTD is loaded, no entity resolved, nothing fetched from a network; huge_tree stays off so
# lxml's own depth and size limits apply.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


def open_package(source: Path | BinaryIO, name: str, kind: str) -> zipfile.ZipFile:
    """The zip, once its directory has been checked against the limits above."""
    try:
        zf = zipfile.ZipFile(source)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputFileError(f"“{name}”不是有效的 {kind} 文件（压缩包已损坏）。请在 Word/WPS 中打开后另存一次再导入。") from exc
    if len(infos) > MAX_MEMBERS:
        zf.close()
        raise InputFileError(f"“{name}”包含的部件过多（{len(infos)} 个），不像正常的 {kind} 文件，已拒绝读取。")
    total = 0
    for info in infos:
        if info.compress_type not in _ALLOWED_COMPRESSION or info.flag_bits & 0x1:
            zf.close()
            raise InputFileError(f"“{name}”使用了 {kind} 不会使用的压缩或加密方式，已拒绝读取。")
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            zf.close()
            raise InputFileError(
                f"“{name}”解压后过大（超过 {MAX_TOTAL_BYTES // (1024 * 1024)} MB），"
                "可能是损坏或恶意构造的文件（压缩炸弹），已拒绝读取。"
            )
    return zf


def read_member(zf: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes, or None when the package has no such part."""
    try:
        with zf.open(name) as fh:
            return fh.read(MAX_MEMBER_BYTES + 1)
    except KeyError:
        return None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:  # CRC, truncation
        where = f"“{Path(str(zf.filename)).name}”中" if zf.filename else "文件中"
        raise InputFileError(f"{where}的“{name}”部分已损坏（压缩数据出错），无法读取。"
                             "请用 Word、Excel 或 WPS 打开后另存一次再导入。") from exc


def has_doctype(data: bytes) -> bool:
    """True when the XML declares a DTD (the way entity tricks start), in UTF-8 or UTF-16."""
    head = data[:4096]
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        for word in ("<!DOCTYPE", "<!ENTITY"):
            if word.encode(enc) in head or word.lower().encode(enc) in head:
                return True
    return False


def check_no_doctype(zf: zipfile.ZipFile, file_name: str) -> None:
    """Refuses a package whose XML parts declare a DTD; Office never writes one."""
    for info in zf.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")):
            data = read_member(zf, info.filename) or b""
            if has_doctype(data):
                raise InputFileError(f"“{file_name}”中含有 XML 实体声明（DOCTYPE），这不是 Word/Excel 正常生成的内容，已拒绝读取。")


def parse_xml(data: bytes, part: str) -> etree._Element:
    if has_doctype(data):
        raise InputFileError(f"文件的“{part}”部分含有 XML 实体声明（DOCTYPE），这不是正常的 Office 文件，已拒绝读取。")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputFileError(f"文件的“{part}”部分已损坏（XML 格式错误），无法读取。") from exc
    if root.getroottree().docinfo.doctype:
        raise InputFileError(f"文件的“{part}”部分含有 XML 实体声明（DOCTYPE），已拒绝读取。")
    return root
