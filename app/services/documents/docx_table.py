"""DOCX tables: fixed tblW + gridCol + tcW for WPS (it ignores autofit), a repeated header row,
rows that may break across pages (keeping two lines of a cell's paragraph on each side, as the
PDF does), and a table on its own as a landscape document."""

from __future__ import annotations

from app.services.documents.docx_base import DocxBuilder, landscape_sect
from app.services.documents.docx_package import DocxMeta
from app.services.documents.docx_xml import blank_line, br_run, para, run
from app.services.documents.fontbook import FontBook
from app.services.documents.model import Run, Table
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips
from app.services.documents.table_layout import table_column_widths
from app.services.documents.typeset import balance_title, shape

JC = {"left": "left", "center": "center", "justify": "both"}


def _cell(body: str, width: int, span: int = 1) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}</w:tcPr>{body}</w:tc>'


def _cell_paras(text: str, style: str, role: str, size: float, jc: str) -> str:
    parts = (text or "").split("\n")
    return "".join(para(run(p, role, size), style, jc=jc) for p in parts)


def table_xml(book: FontBook, table: Table) -> str:
    widths = [round(w * 20) for w in table_column_widths(book, table)]
    total = sum(widths)
    pad = twips(mm(P.table_pad_mm))
    rule = round(P.table_rule_pt * 8)
    border = f'w:val="single" w:sz="{rule}" w:space="0" w:color="000000"'
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>'
           f'<w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:top w:w="{pad}" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
           f'<w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
           '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    head = "".join(_cell(_cell_paras(c.title, "GWTableHead", "hei", P.table_head_size_pt, "center"), w)
                   for c, w in zip(table.columns, widths, strict=True))
    out.append(f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>")
    for row in table.rows:
        if row.section:
            body = _cell(_cell_paras(row.cells[0], "GWTable", "hei", P.table_body_size_pt, "left"), total,
                         len(widths))
        else:
            body = "".join(_cell(_cell_paras(t, "GWTable", "fang", P.table_body_size_pt, JC[c.align]), w)
                           for t, c, w in zip(row.cells, table.columns, widths, strict=True))
        out.append(f"<w:tr>{body}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def title_xml(book: FontBook, title: str, width_pt: float, page_break: bool = False) -> str:
    """A centred 2号小标宋 title, broken where the PDF breaks it."""
    lines = [ln.text for ln in balance_title(shape(book, [Run(title, "xbs")], P.title_size_pt), width_pt)]
    runs = br_run("xbs", P.title_size_pt).join(run(t, "xbs", P.title_size_pt) for t in lines)
    return para(runs or run(title, "xbs", P.title_size_pt), "GWTitle", line=P.line_pitch_twips, page_break=page_break)


def table_document(book: FontBook, table: Table, names: dict[str, str] | None = None,
                   meta: DocxMeta | None = None) -> bytes:
    """A table on its own: landscape A4 pages, title centred, header row repeated, page numbers at
    the foot (all black: a table has no red parts, so every print mode gives the same file)."""
    b = DocxBuilder(names, meta or DocxMeta(title=table.title, subject=table.title))
    for _ in range(P.attachment_title_line - 1):
        b.add(blank_line())
    b.add(title_xml(book, table.title, mm(P.area_h_mm)))
    b.add(blank_line())
    b.add(table_xml(book, table))
    b.add(para(run(table.note, "fang", P.table_body_size_pt), "GWTable") if table.note else para("", "GWTable"))
    return b.save(landscape_sect(b.footers()))
