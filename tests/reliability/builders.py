"""Builders for the hostile files: Office packages written by hand (so that they can be broken in
exactly one place), a PNG whose header lies about its size, and a plan of any number of tasks."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

PLAN = ("示例县2026年法治政府建设工作要点\n一、加强党的领导\n"
        "1．深入学习贯彻习近平法治思想。（牵头单位：县司法局；配合单位：县委宣传部）2026年6月底前完成。\n"
        "2．落实第一责任人职责。（牵头单位：县政府办公室）2026年12月底前完成。\n")


# ---- packages built by hand ------------------------------------------------------------------
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
       '+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="{target}"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bytes(body: str, extra: dict[str, bytes] | None = None, doc_xml: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(overrides=(
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/>')))
        z.writestr("_rels/.rels", _RELS.format(target="word/document.xml"))
        z.writestr("word/document.xml", doc_xml if doc_xml is not None else
                   f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def plan_paragraphs() -> str:
    return "".join(para(line) for line in PLAN.strip().split("\n"))


def xlsx_bytes(sheet: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(overrides=(
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')))
        z.writestr("_rels/.rels", _RELS.format(target="xl/workbook.xml"))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel}><sheets>'
                                      '<sheet name="分工表" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", _RELS.format(target="worksheets/sheet1.xml").replace(
            "officeDocument/2006/relationships/officeDocument", "officeDocument/2006/relationships/worksheet"))
        z.writestr("xl/worksheets/sheet1.xml", sheet if isinstance(sheet, bytes) else
                   f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}>{sheet}</worksheet>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def inline_row(r: int, values: list[str]) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


def division_sheet(rows: int = 3, merge: str = "") -> str:
    head = inline_row(1, ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    body = "".join(inline_row(i + 2, [str(i + 1), f"推进第{i + 1}项工作", "县司法局", "县公安局", "2026年6月底前"])
                   for i in range(rows))
    merged = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>' if merge else ""
    return f"<sheetData>{head}{body}</sheetData>{merged}"


def corrupt_member(data: bytes, member: str, at: int = 100, length: int = 300) -> bytes:
    """Flips bytes inside one member's compressed data (the zip directory stays intact)."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + at, min(start + at + length, start + info.compress_size)):
        out[k] ^= 0x5A
    return bytes(out)


def declared_size_bomb(data: bytes, member: str, size: int) -> bytes:
    """Rewrites the uncompressed size a member declares in the central directory."""
    out = bytearray(data)
    name = member.encode()
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        n = struct.unpack("<H", out[pos + 28: pos + 30])[0]
        if out[pos + 46: pos + 46 + n] == name:
            out[pos + 24: pos + 28] = struct.pack("<I", size)
            break
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def many_tasks(n: int) -> str:
    units = ["县司法局", "县公安局", "县财政局", "县民政局", "县教育局", "县卫健委", "县住建局", "县市场监管局"]
    cn = "一二三四五六七八九十"
    lines = ["示例县2026年法治政府建设工作要点", "", "为全面推进依法行政，制定本要点。", ""]
    k = 0
    for part in range(1, max(1, n // 100) + 1):
        label = cn[part - 1] if part <= 10 else (("" if part < 20 else cn[part // 10 - 1]) + "十"
                                                  + (cn[part % 10 - 1] if part % 10 else ""))
        lines.append(f"{label}、第{part}部分工作")
        for i in range(1, 101):
            k += 1
            if k > n:
                break
            lines.append(f"{i}．推进第{k}项重点工作，完善相关制度，加强监督检查，确保各项措施落实到位。"
                         f"（牵头单位：{units[k % 8]}；配合单位：{units[(k + 1) % 8]}、{units[(k + 3) % 8]}）"
                         f"2026年{k % 12 + 1}月底前完成。")
    return "\n".join(lines) + "\n"


def tiny_png(w: int, h: int, declared: tuple[int, int] | None = None) -> bytes:
    """A valid grey PNG; `declared` overrides the header's size (a decompression bomb claims more)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    dw, dh = declared or (w, h)
    raw = b"".join(b"\0" + b"\x80" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", dw, dh, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
