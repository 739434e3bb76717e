"""The editable .docx of a notice: the same model and vertical sequence as the PDF, as styled
paragraphs (WPS and Word safe). Header heights come from the PDF layout, so both break pages alike."""

from __future__ import annotations

from app.services.documents.compose import attachment_label, figure_box
from app.services.documents.docx_base import DocxBuilder, landscape_sect, portrait_sect
from app.services.documents.docx_table import colophon_xml, table_xml
from app.services.documents.docx_xml import br_run, ind, inline_picture, para, run, seal_anchor, spacer
from app.services.documents.flow import paragraph_lines
from app.services.documents.fontbook import FontBook
from app.services.documents.model import Figure, NoticeDocument, Paragraph, Run, Table
from app.services.documents.pages import Layout
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips
from app.services.documents.signature import SEAL_LABEL
from app.services.documents.typeset import balance_title, shape

LEVEL_STYLE = {0: "GWBody", 1: "GWH1", 2: "GWH2", 3: "GWH3", 4: "GWH4"}


class NoticeDocx:
    def __init__(self, doc: NoticeDocument, layout: Layout, book: FontBook, mode: str = "color"):
        # the layout may have moved an over-long 主送 to the 版记: write what it laid out
        self.doc, self.layout, self.book, self.mode = layout.header.get("doc", doc), layout, book, mode
        self.b = DocxBuilder()
        self.pitch = P.line_pitch_twips

    def width_tw(self, text: str, role: str = "fang", size: float = 16.0, tracking: float = 0.0) -> int:
        return round(sum(g.adv for g in shape(self.book, [Run(text, role)], size, tracking)) * 20)

    def title_lines(self, title: str, width: float | None = None) -> list[str]:
        """The same balanced breaks as the PDF."""
        glyphs = shape(self.book, [Run(title, "xbs")], P.title_size_pt)
        return [ln.text for ln in balance_title(glyphs, width or mm(P.area_w_mm))]

    def blank(self, n: int = 1, **kw) -> None:
        for _ in range(n):
            self.b.add(spacer(self.pitch, **kw))

    # ---- 版头 ------------------------------------------------------------------------------
    def head(self) -> None:
        d, mark = self.doc, self.layout.header["mark"]
        boxes = self.layout.header["boxes"]
        red = {"red": True, "mode": self.mode}
        tops = [(d.copy_no, "fang"), (d.secrecy, "hei"), (d.urgency, "hei")]
        for text, role in [t for t in tops if t[0]]:
            self.b.add(para(run(text, role), "GWPlain", line=self.pitch))
        for what, h in boxes:
            if what in ("spacer", "gridpad"):
                self.b.add(spacer(h))
            elif what == "mark":
                self._mark(mark, h, red)
            elif what == "blank":
                self.blank(h // self.pitch)
            elif what == "docno":
                pass  # written once below, after the loop reaches it
            elif what == "sepgap":
                self._doc_number()
                thick = next(t for w, t in boxes if w == "sep")
                border = (f'<w:pBdr><w:bottom w:val="single" w:sz="{round(thick / 20 * 8)}" w:space="0" '
                          f'w:color="{"E60000" if self.mode == "color" else "000000"}"/></w:pBdr>')
                if self.mode == "overlay":
                    self.b.add(spacer(h + thick))
                else:
                    self.b.add(spacer(h, extra=border))
        self._title(d.title, self.layout.header["title_lines"])
        if d.recipients:
            self.blank(P.recipients_blank_lines)
            self.b.add(para(run(d.recipients, tracking=P.docx_tracking_twips), "GWPlain", line=self.pitch,
                            jc="both"))

    def _mark(self, mark, h: int, red: dict) -> None:
        hs = round(mark.hscale * 100)
        if self.mode == "overlay":
            self.b.add(spacer(h))
            return
        if not mark.joint:
            text = mark.names[0] + mark.suffix
            self.b.add(para(run(text, "xbs", mark.size, hscale=hs, **red), "GWMark", line=h, jc="center"))
            return
        line_h = round(mark.line_h * 20)
        name_w = round(mark.name_width * 20)
        suffix_w = self.width_tw(mark.suffix, "xbs", mark.size) * mark.hscale + round(mark.gap * 20)
        names = "".join(para(run(n, "xbs", mark.size, hscale=hs, **red), "GWMark", line=line_h, jc="distribute")
                        for n in mark.names)
        suffix = para(run(mark.suffix, "xbs", mark.size, hscale=hs, **red), "GWMark", line=round(mark.size * 20),
                      jc="right")
        self.b.add(table_xml_joint(names, suffix, name_w, round(suffix_w), h))

    def _doc_number(self) -> None:
        d = self.doc
        if not d.upward:
            self.b.add(para(run(d.doc_number), "GWPlain", line=self.pitch, jc="center"))
            return
        one = round(P.char_pitch_pt * 20)
        pairs = [d.signers[i:i + 2] for i in range(0, len(d.signers), 2)]
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{twips(mm(P.area_w_mm)) - one}"/></w:tabs>'
        for i, pair in enumerate(pairs):
            label = run("签发人：") if i == 0 else ""
            names = run("　".join(pair), "kai")
            if i < len(pairs) - 1:
                self.b.add(para(label + names, "GWPlain", line=self.pitch, jc="right", ind=ind(right=one)))
            else:
                self.b.add(para(run(d.doc_number + "\t") + label + names, "GWPlain", line=self.pitch,
                                ind=ind(left=one, left_chars=100), extra=tab))

    def _title(self, title: str, lines: list[str], page_break: bool = False) -> None:
        runs = br_run("xbs", P.title_size_pt).join(run(t, "xbs", P.title_size_pt) for t in lines)
        self.b.add(para(runs or run(title, "xbs", P.title_size_pt), "GWTitle", line=self.pitch,
                        page_break=page_break))

    # ---- 主体 ------------------------------------------------------------------------------
    def keep_last_with_signature(self) -> bool:
        """“Keep with next” on the last paragraph of 正文, so 署名 never stands alone on a page.
        Word and LibreOffice move that whole paragraph, so it is set only for a short paragraph
        that is not the first: a long one would drag 正文 off page 1 (then the PDF's carrying of
        two lines and the editors' page break before 署名 still end on the same page)."""
        d = self.doc
        if d.signature is None or d.attachments or len(d.paragraphs) < 2:
            return False
        return len(paragraph_lines(self.book, d.paragraphs[-1])) <= 4

    def paragraphs(self, paras: list[Paragraph], keep_last: bool = False) -> None:
        for i, p in enumerate(paras):
            runs = "".join(run(r.text, r.role) for r in p.runs)
            keep = keep_last and i == len(paras) - 1
            self.b.add(para(runs, LEVEL_STYLE.get(p.level, "GWBody"), keep_next=keep,
                            extra='<w:widowControl/>' if keep else ""))

    def attachment_note(self, titles: list[str]) -> None:
        self.blank(P.attach_note_blank_lines)
        first = round(P.indent_chars * P.char_pitch_pt * 20)
        lead = self.width_tw("附件：", tracking=P.tracking_pt)
        for i, t in enumerate(titles):
            num = f"{i + 1}." if len(titles) > 1 else ""
            num_w = self.width_tw(num, tracking=P.tracking_pt) if num else 0
            text = ("附件：" if i == 0 else "") + num + t
            left = first + lead + num_w
            start = first if i == 0 else first + lead
            self.b.add(para(run(text, tracking=P.docx_tracking_twips), "GWPlain", line=self.pitch,
                            ind=ind(left=left, hanging=left - start)))

    def seal(self, centre_twips: int) -> str:
        """A floating seal image over 署名 (colour drafts only), labelled as a draft aid."""
        path = self.doc.signature.seal_image
        if path is None or self.mode != "color":
            return ""
        r_id, _image = self.b.doc.part.get_or_add_image(str(path))
        self.seal_count = getattr(self, "seal_count", 0) + 1
        return seal_anchor(r_id, centre_twips, self.seal_count, SEAL_LABEL)

    def sig_blanks(self) -> int:
        """The blank lines the PDF layout chose before 署名 (tightened when room was short)."""
        chosen = self.layout.header.get("sig_blanks")
        if chosen is not None:
            return chosen
        return P.sealed_blank_lines if self.doc.signature.sealed else P.unsealed_blank_lines

    def signature(self) -> None:
        sig = self.doc.signature
        tr = P.docx_tracking_twips
        one = round(P.char_pitch_pt * 20)
        date_w = self.width_tw(sig.date_text, tracking=P.tracking_pt)
        keep = {"keep_next": True}
        if sig.sealed:
            self.blank(self.sig_blanks(), **keep)
            rows = [sig.organs[i:i + 2] for i in range(0, len(sig.organs), 2)]
            right_date = round(P.sealed_date_right_chars * one)
            width = twips(mm(P.area_w_mm))
            centre = width - right_date - date_w // 2
            for r, row in enumerate(rows):
                name = row[-1]
                name_w = self.width_tw(name, tracking=P.tracking_pt)
                right = max(0, right_date + (date_w - name_w) // 2)
                last = r == len(rows) - 1
                seals = "".join(self.seal(x) for x in ([width // 4] if len(row) == 2 else [])
                                + [centre if last else width * 3 // 4])
                if len(row) == 2:
                    first_w = self.width_tw(row[0], tracking=P.tracking_pt)
                    half = width // 4 - first_w // 2
                    text = seals + run(row[0], tracking=tr) + run("\t") + run(name, tracking=tr)
                    stop = twips(mm(P.area_w_mm)) - right
                    tabs = f'<w:tabs><w:tab w:val="right" w:pos="{stop}"/></w:tabs>'
                    self.b.add(para(text, "GWPlain", line=self.pitch, ind=ind(left=max(0, half)), extra=tabs,
                                    **keep))
                else:
                    self.b.add(para(seals + run(name, tracking=tr), "GWPlain", line=self.pitch, jc="right",
                                    ind=ind(right=right), **keep))
                if r < len(rows) - 1:
                    self.blank(P.joint_seal_row_lines - 1, **keep)
            self.b.add(para(run(sig.date_text, tracking=tr), "GWPlain", line=self.pitch, jc="right",
                            ind=ind(right=right_date, right_chars=round(P.sealed_date_right_chars * 100))))
        else:
            self.blank(self.sig_blanks(), **keep)
            names_w = max((self.width_tw(n, tracking=P.tracking_pt) for n in sig.organs), default=0)
            width = twips(mm(P.area_w_mm))
            name_x = width - 2 * one - names_w
            date_x = name_x + 2 * one
            if date_x + date_w > width - 2 * one:
                date_x = width - 2 * one - date_w
                name_x = date_x - 2 * one
            for n in sig.organs:
                self.b.add(para(run(n, tracking=tr), "GWPlain", line=self.pitch, ind=ind(left=name_x), **keep))
            self.b.add(para(run(sig.date_text, tracking=tr), "GWPlain", line=self.pitch, ind=ind(left=date_x)))
        if self.doc.note:
            self.b.add(para(run(self.doc.note, tracking=tr), "GWPlain", line=self.pitch,
                            ind=ind(first=round(2 * one), first_chars=200)))

    # ---- whole document --------------------------------------------------------------------
    def build(self) -> bytes:
        d = self.doc
        self.head()
        self.paragraphs(d.paragraphs, keep_last=self.keep_last_with_signature())
        if not d.issued and d.attachments:
            self.attachment_note(d.attachment_titles())
        if d.signature:
            self.signature()
        elif d.note:
            self.b.add(para(run(d.note), "GWBody"))
        attachments = d.attachments
        if d.issued:
            self._title(d.issued.title, self.title_lines(d.issued.title), page_break=True)
            self.blank(1)
            self.paragraphs(d.issued.paragraphs)
            if d.issued.attachments:
                self.attachment_note(d.attachment_titles())
            attachments = d.issued.attachments
        landscape_open = False
        for i, att in enumerate(attachments):
            label = attachment_label(i, len(attachments))
            if att.table is not None:
                self._end_section(portrait_sect(self.b.footers) if not landscape_open
                                  else landscape_sect(self.b.footers))
                self._table_attachment(label, att.title, att.table)
                landscape_open = True
                continue
            if landscape_open:
                self._end_section(landscape_sect(self.b.footers))
                landscape_open = False
            self.b.add(para(run(label, "hei"), "GWPlain", line=self.pitch, page_break=True))
            self.blank(P.attachment_title_line - 2)
            self._title(att.title, self.title_lines(att.title))
            self.blank(1)
            self.paragraphs(att.paragraphs)
            self.figures(att.figures)
        return self._finish(landscape_open)

    def figures(self, figures: list[Figure]) -> None:
        """Each picture centred on its own line, at the size the PDF gives it."""
        for fig in figures:
            box = figure_box(fig)
            item = box.items[0]
            r_id, _image = self.b.doc.part.get_or_add_image(str(fig.image))
            self.figure_count = getattr(self, "figure_count", 0) + 1
            pic = inline_picture(r_id, round(item.w * 12700), round(item.h * 12700), self.figure_count, "图表")
            # single line spacing: the style's exact grid pitch would clip the picture to one line
            self.b.add(para(pic, "GWPlain", jc="center", line=240, line_rule="auto"))

    def _table_attachment(self, label: str, title: str, table: Table) -> None:
        self.b.add(para(run(label, "hei"), "GWPlain", line=self.pitch))
        self.blank(P.attachment_title_line - 2)
        self._title(title, self.title_lines(title, mm(P.area_h_mm)))
        self.blank(1)
        self.b.add(table_xml(table))

    def _end_section(self, sect: str) -> None:
        self.b.add(spacer(20, sect=sect))

    def _finish(self, landscape_open: bool) -> bytes:
        """版记 where the PDF put it: on this page, on a new even page, or after a blank page
        (the blank page and the 版记 page then carry no page number, §7.5)."""
        case = self.layout.header.get("colophon", "none")
        col = self.doc.colophon
        gap = round(self.layout.header.get("colophon_gap", 0.0) * 20)
        footers = self.b.footers
        current = landscape_sect(footers) if landscape_open else portrait_sect(footers)
        if col is None:
            return self.b.save(current)
        if landscape_open:
            self._end_section(current)  # the next section starts on a new page
            current = portrait_sect(footers)
            if case == "new":
                self.b.add(colophon_xml(self.book, col, False, gap))
                return self.b.save(current)
        if case == "blank":
            if not landscape_open:
                self._end_section(current)
            self.b.add(spacer(20))
            self.b.add(colophon_xml(self.book, col, True, gap))
            return self.b.save(portrait_sect(self.b.empty_footers()))
        self.b.add(colophon_xml(self.book, col, case == "new", gap))
        return self.b.save(current)


def table_xml_joint(names: str, suffix: str, name_w: int, suffix_w: int, height: int) -> str:
    """联合行文: stacked organ names in one cell, “文件” vertically centred to their right."""
    cell = ('<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{body}</w:tc>')
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{name_w + suffix_w}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" '
            'w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{name_w}"/><w:gridCol w:w="{suffix_w}"/></w:tblGrid>'
            f'<w:tr><w:trPr><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>'
            + cell.format(w=name_w, body=names) + cell.format(w=suffix_w, body=suffix) + "</w:tr></w:tbl>")


def notice_docx(doc: NoticeDocument, layout: Layout, book: FontBook, mode: str = "color") -> bytes:
    return NoticeDocx(doc, layout, book, mode).build()
