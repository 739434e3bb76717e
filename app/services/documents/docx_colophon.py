"""版记 in the .docx, placed with the word processor's own means so that it stays at the foot of the
last page, which is even, however Word, WPS or LibreOffice break the pages before it:

* it is a table floated to the bottom of the type area (tblpYSpec="bottom"), so it sits on the
  type-area bottom of whatever page it falls on;
* unless the PDF could keep it on the last page of 正文, it starts a final section of type
  evenPage: the word processor begins it on the next even page and leaves a blank page before
  it when needed.

Rows have no fixed heights, so a third 抄送 line simply makes the 版记 taller."""

from __future__ import annotations

from app.services.documents.docx_xml import ind, para, run
from app.services.documents.flow import hanging_lines
from app.services.documents.fontbook import FontBook
from app.services.documents.model import Colophon, Run
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips
from app.services.documents.typeset import shape


def colophon_rows(book: FontBook, col: Colophon) -> list[tuple[str, str]]:
    """(cell paragraph, cell borders) per row: 主送 and 抄送 rows, then the 印发 row; rules thick
    first and last, thin between (§7.4.1)."""
    size = P.colophon_size_pt
    one = round(size * 20 * P.colophon_indent_chars)
    width = twips(mm(P.area_w_mm))
    pitch = P.line_pitch_twips
    thick = f'w:val="single" w:sz="{P.colophon_docx_thick_eighths}" w:space="0" w:color="000000"'
    thin = f'w:val="single" w:sz="{P.colophon_docx_thin_eighths}" w:space="0" w:color="000000"'
    rows = []
    parts = [(lead, text) for lead, text in (("主送：", col.recipients), ("抄送：", col.cc)) if text]
    for i, (label, text) in enumerate(parts):
        lead = round(sum(g.adv for g in shape(book, [Run(label)], size)) * 20)
        body = para(run(label + text, "fang", size), "GWColophon", line=pitch,
                    ind=ind(left=one + lead, right=one, hanging=lead))
        top = f"<w:top {thick}/>" if i == 0 else '<w:top w:val="nil"/>'
        bottom = f"<w:bottom {thin}/>" if i == len(parts) - 1 else '<w:bottom w:val="nil"/>'
        rows.append((body, top + bottom))
    tab = f'<w:tabs><w:tab w:val="right" w:pos="{width - one}"/></w:tabs>'
    printed = para(run(f"{col.printed_by}\t{col.print_date_text}印发", "fang", size), "GWColophon", line=pitch,
                   ind=ind(left=one, left_chars=100), extra=tab)
    rows.append((printed, f"<w:top {thin if parts else thick}/><w:bottom {thick}/>"))
    return rows


def colophon_lines(book: FontBook, col: Colophon) -> int:
    """Grid lines the 版记 takes (as the PDF lays it out)."""
    size = P.colophon_size_pt
    one = size * P.colophon_indent_chars
    n = 1
    for label, text in (("主送：", col.recipients), ("抄送：", col.cc)):
        if text:
            n += len(hanging_lines(book, label, [text], one, size=size, tracking=0.0, right=one))
    return n


def colophon_xml(book: FontBook, col: Colophon) -> str:
    """The 版记 as a full-width table floated to the foot of the type area. Its horizontal place
    is given from the page edge (the outside margin: the 版记 page is always even), which is also
    what LibreOffice needs to float a table as wide as the type area."""
    width = twips(mm(P.area_w_mm))
    x = twips(mm(P.outside_mm))
    out = [f'<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" '
           f'w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{x}" w:tblpYSpec="bottom"/>'
           f'<w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar>'
           '<w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
           '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>']
    for body, borders in colophon_rows(book, col):
        out.append(f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                   f'<w:tcBorders>{borders}</w:tcBorders></w:tcPr>{body}</w:tc></w:tr>')
    out.append("</w:tbl>")
    return "".join(out)
