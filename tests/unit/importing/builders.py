"""Small fixture files built by code (nothing binary is committed): .docx with tables and Word
automatic numbering, .xlsx 分工表, and malformed packages."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_numbering(doc, levels: list[tuple[str, str]], abstract_id: int = 90, num_id: int = 90,
                  start_override: dict[int, int] | None = None) -> int:
    """Defines a multi-level list: levels = [(numFmt, lvlText), …] for ilvl 0, 1, …"""
    numbering = doc.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'))
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for lv, v in (start_override or {}).items()
    )
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))
    return num_id


def numbered(doc, text: str, num_id: int, ilvl: int):
    p = doc.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def add_table(doc, rows: list[list[str]]):
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


def numbered_plan_docx(path: Path) -> Path:
    """A plan whose 一、 / （一） / 1. labels come only from Word's automatic numbering, with a
    分工表 as a Word table whose lead column is merged vertically over two rows."""
    doc = Document()
    doc.add_paragraph("示例县2026年法治政府建设工作要点")
    doc.add_paragraph("为深入推进依法行政，制定本要点。")
    nid = add_numbering(doc, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    numbered(doc, "加强党对法治政府建设的领导", nid, 0)
    numbered(doc, "深入学习贯彻习近平法治思想。组织县政府常务会议专题学法。", nid, 1)
    numbered(doc, "落实第一责任人职责。县政府主要负责人履行推进法治建设第一责任人职责。", nid, 1)
    numbered(doc, "健全依法行政制度体系", nid, 0)
    numbered(doc, "加强行政规范性文件监督管理。2026年6月底前完成文件清理。", nid, 1)
    numbered(doc, "推进合法性审查全覆盖。", nid, 1)
    doc.add_paragraph("附件：重点任务分工表")
    table = add_table(doc, [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "深入学习贯彻习近平法治思想", "县司法局", "县委宣传部", "长期坚持"],
        ["2", "落实第一责任人职责", "", "县直各部门", "2026年12月底前"],
        ["3", "加强行政规范性文件监督管理", "县政府办公室、县司法局", "各乡镇人民政府", "2026年6月底前"],
        ["4", "推进合法性审查全覆盖", "县司法局", "县直各部门", "2026年年底前"],
    ])
    table.cell(1, 2).merge(table.cell(2, 2))  # 县司法局 leads rows 1 and 2 (vertical merge)
    table.cell(1, 2).text = "县司法局"
    doc.save(path)
    return path


def division_xlsx(path: Path, *, title_rows: int = 2, with_sections: bool = True) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分工表"
    for k in range(title_rows):
        ws.append(["示例县2026年法治政府建设重点任务分工表" if k == 0 else ""])
    ws.append(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "责任人"])
    rows = []
    if with_sections:
        rows.append(["一、加强党的领导", "", "", "", "", "", ""])
    rows += [
        [1, "深入学习贯彻习近平法治思想", "组织专题学习", "县司法局", "县委宣传部", "长期坚持", "张三"],
        [2, "落实第一责任人职责", "年终述法", "县政府办公室", "县直各部门", "2026年12月31日", ""],
    ]
    if with_sections:
        rows.append(["二、推进严格规范公正文明执法", "", "", "", "", "", ""])
    rows += [
        [3, "推进行政执法三项制度", "", "县司法局、县市场监管局", "各乡镇人民政府（街道办事处）等", "6月底前", ""],
    ]
    for row in rows:
        ws.append(row)
    if with_sections:
        first = title_rows + 2
        ws.merge_cells(start_row=first, start_column=1, end_row=first, end_column=7)
    wb.save(path)
    return path


def zip_with(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def minimal_docx_members(document_xml: str) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": document_xml.encode("utf-8"),
    }


def body_xml(*paragraphs: str) -> str:
    ps = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{ps}</w:body></w:document>'


def declare_size(path: Path, member: str, size: int) -> None:
    """Rewrites the uncompressed size a zip's central directory declares for member (as a zip
    bomb would declare a huge one)."""
    data = bytearray(path.read_bytes())
    sig = b"PK\x01\x02"
    pos = data.find(sig)
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        name = bytes(data[pos + 46:pos + 46 + name_len]).decode()
        if name == member:
            struct.pack_into("<I", data, pos + 24, size)
        pos = data.find(sig, pos + 4)
    path.write_bytes(bytes(data))


def docx_bytes(build) -> bytes:
    doc = Document()
    build(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


__all__ = ["add_numbering", "add_table", "body_xml", "declare_size", "division_xlsx", "docx_bytes",
           "minimal_docx_members", "numbered", "numbered_plan_docx", "qn", "zip_with"]
