"""版头 in the .docx: the same vertical sequence as the PDF's page 1 (份号 … 发文机关标志, 发文字号,
red separator, title, 主送), box by box, with the heights the PDF layout chose."""

from __future__ import annotations

from app.services.documents.docx_xml import blank_line, br_run, ind, para, run, spacer
from app.services.documents.model import NoticeDocument
from app.services.documents.pages import Layout
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips


class HeadWriter:
    def __init__(self, doc: NoticeDocument, layout: Layout, mode: str, width_tw):
        self.doc, self.layout, self.mode, self.width_tw = doc, layout, mode, width_tw
        self.pitch = P.line_pitch_twips
        self.out: list[str] = []

    def write(self) -> list[str]:
        d = self.doc
        boxes = self.layout.header["boxes"]
        red = {"red": True, "mode": self.mode}
        tops = iter([t for t in ((d.copy_no, "fang"), (d.secrecy, "hei"), (d.urgency, "hei")) if t[0]])
        written: set[str] = set()  # the title and 主送 are one paragraph each, over several boxes
        for what, h in boxes:
            if what == "top":
                text, role = next(tops)
                self.out.append(para(run(text, role), "GWPlain", line=self.pitch))
            elif what in ("spacer", "gridpad"):
                self.out.append(spacer(h))
            elif what == "mark":
                self._mark(self.layout.header["mark"], h, red)
            elif what == "blank":
                self.out += [blank_line() for _ in range(h // self.pitch)]
            elif what == "sepgap":
                self._doc_number()
                thick = next(t for w, t in boxes if w == "sep")
                colour = "E60000" if self.mode == "color" else "000000"
                border = (f'<w:pBdr><w:bottom w:val="single" w:sz="{round(thick / 20 * 8)}" w:space="0" '
                          f'w:color="{colour}"/></w:pBdr>')
                self.out.append(spacer(h + thick) if self.mode == "overlay" else spacer(h, extra=border))
            elif what in ("title", "recipients") and what not in written:
                written.add(what)
                self.out.append(self._title() if what == "title" else
                                para(run(d.recipients, tracking=P.docx_tracking_twips), "GWPlain",
                                     line=self.pitch, jc="both"))
        return self.out

    def _title(self) -> str:
        lines = self.layout.header["title_lines"]
        runs = br_run("xbs", P.title_size_pt).join(run(t, "xbs", P.title_size_pt) for t in lines)
        return para(runs or run(self.doc.title, "xbs", P.title_size_pt), "GWTitle", line=self.pitch)

    def _mark(self, mark, h: int, red: dict) -> None:
        hs = round(mark.hscale * 100)
        if self.mode == "overlay":
            self.out.append(spacer(h))
            return
        if not mark.joint:
            text = mark.names[0] + mark.suffix
            self.out.append(para(run(text, "xbs", mark.size, hscale=hs, **red), "GWMark", line=h, jc="center"))
            return
        line_h = round(mark.line_h * 20)
        name_w = round(mark.name_width * 20)
        suffix_w = self.width_tw(mark.suffix, "xbs", mark.size) * mark.hscale + round(mark.gap * 20)
        names = "".join(para(run(n, "xbs", mark.size, hscale=hs, **red), "GWMark", line=line_h, jc="distribute")
                        for n in mark.names)
        suffix = para(run(mark.suffix, "xbs", mark.size, hscale=hs, **red), "GWMark", line=round(mark.size * 20),
                      jc="right")
        self.out.append(joint_mark_xml(names, suffix, name_w, round(suffix_w), h))

    def _doc_number(self) -> None:
        d = self.doc
        if not d.upward:
            self.out.append(para(run(d.doc_number), "GWPlain", line=self.pitch, jc="center"))
            return
        one = round(P.char_pitch_pt * 20)
        pairs = [d.signers[i:i + 2] for i in range(0, len(d.signers), 2)]
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{twips(mm(P.area_w_mm)) - one}"/></w:tabs>'
        for i, pair in enumerate(pairs):
            label = run("签发人：") if i == 0 else ""
            names = run("　".join(pair), "kai")
            if i < len(pairs) - 1:
                self.out.append(para(label + names, "GWPlain", line=self.pitch, jc="right", ind=ind(right=one)))
            else:
                self.out.append(para(run(d.doc_number + "\t") + label + names, "GWPlain", line=self.pitch,
                                     ind=ind(left=one, left_chars=100), extra=tab))


def joint_mark_xml(names: str, suffix: str, name_w: int, suffix_w: int, height: int) -> str:
    """联合行文: stacked organ names in one cell, “文件” vertically centred to their right."""
    cell = ('<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{body}</w:tc>')
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{name_w + suffix_w}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" '
            'w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{name_w}"/><w:gridCol w:w="{suffix_w}"/></w:tblGrid>'
            f'<w:tr><w:trPr><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>'
            + cell.format(w=name_w, body=names) + cell.format(w=suffix_w, body=suffix) + "</w:tr></w:tbl>")
