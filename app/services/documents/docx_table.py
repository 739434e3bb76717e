"""DOCX tables: fixed tblW + gridCol + tcW for WPS (it ignores autofit), a repeated header row,
and the 版记 as a borderless one-column table floated to the type-area bottom."""

from __future__ import annotations

from app.services.documents.docx_xml import br_run, ind, para, run, spacer
from app.services.documents.flow import hanging_lines
from app.services.documents.fontbook import FontBook
from app.services.documents.model import Colophon, Run, Table
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips
from app.services.documents.table_layout import column_widths
from app.services.documents.typeset import shape

JC = {"left": "left", "center": "center", "justify": "both"}


def _cell(body: str, width: int, span: int = 1) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}</w:tcPr>{body}</w:tc>'


def _cell_paras(text: str, style: str, role: str, size: float, jc: str) -> str:
    parts = (text or "").split("\n")
    return "".join(para(run(p, role, size), style, jc=jc) for p in parts)


def table_xml(table: Table) -> str:
    widths = [round(w * 20) for w in column_widths(table)]
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


def colophon_xml(book: FontBook, col: Colophon, page_break: bool, gap_twips: int) -> str:
    """版记 rows of whole grid lines; thick rules first and last, thin between (§7.4.1). A spacer
    paragraph of the height the PDF layout left free pushes it down to the type-area bottom
    (an inline table: LibreOffice turns a full-width floating table into an inline one anyway)."""
    size = P.colophon_size_pt
    one = round(size * 20 * P.colophon_indent_chars)
    width = twips(mm(P.area_w_mm))
    pitch = P.line_pitch_twips
    thick = f'w:val="single" w:sz="{P.colophon_docx_thick_eighths}" w:space="0" w:color="000000"'
    thin = f'w:val="single" w:sz="{P.colophon_docx_thin_eighths}" w:space="0" w:color="000000"'
    rows = []
    n_lines = 1
    parts = [(lead, text) for lead, text in (("主送：", col.recipients), ("抄送：", col.cc)) if text]
    for i, (label, text) in enumerate(parts):
        lines = hanging_lines(book, label, [text], one / 20, size=size, tracking=0.0, right=one / 20)
        lead = round(sum(g.adv for g in shape(book, [Run(label)], size)) * 20)
        body = para(run(label + text, "fang", size), "GWColophon", line=pitch,
                    ind=ind(left=one + lead, right=one, hanging=lead))
        top = f"<w:top {thick}/>" if i == 0 else '<w:top w:val="nil"/>'
        bottom = f"<w:bottom {thin}/>" if i == len(parts) - 1 else '<w:bottom w:val="nil"/>'
        rows.append((len(lines), body, top + bottom))
        n_lines += len(lines)
    tab = f'<w:tabs><w:tab w:val="right" w:pos="{width - one}"/></w:tabs>'
    printed = para(run(f"{col.printed_by}\t{col.print_date_text}印发", "fang", size), "GWColophon", line=pitch,
                   ind=ind(left=one, left_chars=100), extra=tab)
    rows.append((1, printed, f"<w:top {thin if parts else thick}/><w:bottom {thick}/>"))
    out = [spacer(max(20, gap_twips - 60), page_break=page_break),  # 3 pt for the rules
           f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" '
           'w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
           '<w:tblLook w:val="0000"/></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>']
    for count, body, borders in rows:
        out.append(f'<w:tr><w:trPr><w:trHeight w:val="{count * pitch}" w:hRule="exact"/></w:trPr>'
                   f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:tcBorders>{borders}</w:tcBorders>'
                   f'</w:tcPr>{body}</w:tc></w:tr>')
    out.append("</w:tbl>")
    return "".join(out)


def table_document(book: FontBook, table: Table) -> bytes:
    """A table on its own: landscape A4 pages, title centred, header row repeated (all black: a
    table has no red parts, so every print mode gives the same file)."""
    from app.services.documents.docx_base import DocxBuilder, landscape_sect
    from app.services.documents.typeset import balance_title

    b = DocxBuilder()
    pitch = P.line_pitch_twips
    lines = [ln.text for ln in balance_title(shape(book, [Run(table.title, "xbs")], P.title_size_pt),
                                              mm(P.area_h_mm))]
    b.add(spacer(pitch * (P.attachment_title_line - 1)))
    runs = br_run("xbs", P.title_size_pt).join(run(t, "xbs", P.title_size_pt) for t in lines)
    b.add(para(runs, "GWTitle", line=pitch))
    b.add(spacer(pitch))
    b.add(table_xml(table))
    if table.note:
        b.add(para(run(table.note, "fang", P.table_body_size_pt), "GWTable"))
    return b.save(landscape_sect(b.footers))
