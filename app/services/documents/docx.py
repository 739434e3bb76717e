"""The editable .docx of a notice: the same model and vertical sequence as the PDF, as styled
paragraphs (WPS and Word safe). Page 1's header heights come from the PDF layout; everything after
it breaks pages by the word processor's own rules (new pages, sections, the 版记's even page)."""

from __future__ import annotations

from app.services.documents.compose import attachment_label, figure_box
from app.services.documents.docx_base import DocxBuilder, landscape_sect, portrait_sect
from app.services.documents.docx_colophon import colophon_xml
from app.services.documents.docx_head import HeadWriter
from app.services.documents.docx_package import DocxMeta
from app.services.documents.docx_table import table_xml, title_xml
from app.services.documents.docx_xml import blank_line, carrier, ind, inline_picture, para, run, seal_anchor
from app.services.documents.flow import paragraph_lines
from app.services.documents.fontbook import FontBook
from app.services.documents.model import Figure, NoticeDocument, Paragraph, Run, Table
from app.services.documents.pages import Layout
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips
from app.services.documents.signature import SEAL_LABEL
from app.services.documents.typeset import shape

LEVEL_STYLE = {0: "GWBody", 1: "GWH1", 2: "GWH2", 3: "GWH3", 4: "GWH4"}


class NoticeDocx:
    def __init__(self, doc: NoticeDocument, layout: Layout, book: FontBook, mode: str = "color",
                 names: dict[str, str] | None = None):
        # the layout may have moved an over-long 主送 to the 版记: write what it laid out
        self.doc, self.layout, self.book, self.mode = layout.header.get("doc", doc), layout, book, mode
        organs = self.doc.signature.organs if self.doc.signature else self.doc.organs
        meta = DocxMeta(title=self.doc.title, author="、".join(o for o in organs if o),
                        subject=self.doc.issued.title if self.doc.issued else self.doc.title)
        self.b = DocxBuilder(names, meta)
        self.pitch = P.line_pitch_twips
        self.seal_count = 0
        self.sections = 0  # closed so far

    def width_tw(self, text: str, role: str = "fang", size: float = 16.0, tracking: float = 0.0) -> int:
        return round(sum(g.adv for g in shape(self.book, [Run(text, role)], size, tracking)) * 20)

    def blank(self, n: int = 1, **kw) -> None:
        for _ in range(n):
            self.b.add(blank_line(**kw))

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

    def runs(self, p: Paragraph) -> str:
        """The paragraph's runs; marks the PDF squeezed (to pull a lone last character back) get
        the same narrower spacing, so the word processor breaks the lines alike."""
        squeezed = dict(self.layout.header.get("squeezed", {}).get(id(p), []))
        if not squeezed:
            return "".join(run(r.text, r.role) for r in p.runs)
        out, pos = [], 0
        for r in p.runs:
            plain = ""
            for ch in r.text:
                if pos in squeezed:
                    out.append(run(plain, r.role))
                    out.append(run(ch, r.role, tracking=P.docx_tracking_twips - round(squeezed[pos] * 20)))
                    plain = ""
                else:
                    plain += ch
                pos += 1
            out.append(run(plain, r.role))
        return "".join(out)

    def paragraphs(self, paras: list[Paragraph], keep_last: bool = False) -> None:
        for i, p in enumerate(paras):
            runs = self.runs(p)
            keep = keep_last and i == len(paras) - 1
            self.b.add(para(runs, LEVEL_STYLE.get(p.level, "GWBody"), keep_next=keep, widow=True if keep else None))

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
        self.seal_count += 1
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
        width = twips(mm(P.area_w_mm))
        self.blank(self.sig_blanks(), **keep)
        if sig.sealed:
            rows = [sig.organs[i:i + 2] for i in range(0, len(sig.organs), 2)]
            right_date = round(P.sealed_date_right_chars * one)
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
                    tabs = f'<w:tabs><w:tab w:val="right" w:pos="{width - right}"/></w:tabs>'
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
            names_w = max((self.width_tw(n, tracking=P.tracking_pt) for n in sig.organs), default=0)
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
        for xml in HeadWriter(d, self.layout, self.mode, self.width_tw).write():
            self.b.add(xml)
        self.paragraphs(d.paragraphs, keep_last=self.keep_last_with_signature())
        if not d.issued and d.attachments:
            self.attachment_note(d.attachment_titles())
        if d.signature:
            self.signature()
        elif d.note:
            self.b.add(para(run(d.note), "GWBody"))
        attachments = d.attachments
        if d.issued:
            self.b.add(title_xml(self.book, d.issued.title, mm(P.area_w_mm), page_break=True))
            self.blank(1)
            self.paragraphs(d.issued.paragraphs)
            if d.issued.attachments:
                self.attachment_note(d.attachment_titles())
            attachments = d.issued.attachments
        landscape = False
        for i, att in enumerate(attachments):
            label = attachment_label(i, len(attachments))
            if att.table is not None:
                self.end_section(landscape_sect(self.b.footers("landscape")) if landscape
                                 else self.portrait_sect())
                self._table_attachment(label, att.title, att.table)
                landscape = True
                continue
            if landscape:
                self.end_section(landscape_sect(self.b.footers("landscape")))
                landscape = False
            self.b.add(para(run(label, "hei"), "GWPlain", line=self.pitch, page_break=True))
            self.blank(P.attachment_title_line - 2)
            self.b.add(title_xml(self.book, att.title, mm(P.area_w_mm)))
            self.blank(1)
            self.paragraphs(att.paragraphs)
            self.figures(att.figures)
        return self._finish(landscape)

    def portrait_sect(self, **kw) -> str:
        """The sections after the first leave out the line grid (see portrait_sect)."""
        return portrait_sect(self.b.footers(), grid=self.sections == 0, **kw)

    def end_section(self, sect: str) -> None:
        """Closes the current section: its properties go into its last paragraph, or into a
        carrier paragraph when it ends with a table."""
        last = self.b.parts[-1] if self.b.parts else ""
        if last.startswith("<w:p>") and "</w:pPr>" in last and "<w:sectPr>" not in last:
            self.b.parts[-1] = last.replace("</w:pPr>", sect + "</w:pPr>", 1)
        else:
            self.b.add(carrier(sect=sect))
        self.sections += 1

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
        self.b.add(title_xml(self.book, title, mm(P.area_h_mm)))
        self.blank(1)
        self.b.add(table_xml(self.book, table))

    def _finish(self, landscape: bool) -> bytes:
        """版记 at the foot of the last page, which is even (§7.4.1): on the last page of 正文
        where the PDF keeps it there, else in a final section that starts on an even page. The
        blank page the word processor may add before it, and the 版记 page after such a blank
        page, carry no number (§7.5)."""
        col = self.doc.colophon
        current = landscape_sect(self.b.footers("landscape")) if landscape else self.portrait_sect()
        if col is None:
            return self.b.save(current)
        case = self.layout.header.get("colophon", "new")
        table = colophon_xml(self.book, col)
        if case == "same" and not landscape:
            self.b.add(table)
            self.b.add(carrier())  # the floating table's anchor, on this page
            return self.b.save(current)
        self.end_section(current)
        # the section's first paragraph takes its page break (a floating table cannot: LibreOffice
        # would lose the break), the one after the table anchors it
        self.b.add(para("", "GWPlain"))
        self.b.add(table)
        self.b.add(para("", "GWPlain"))
        footers = self.b.footers("empty-tall" if case == "blank" else "numbers-tall")
        return self.b.save(portrait_sect(footers, start="evenPage", grid=False))


def notice_docx(doc: NoticeDocument, layout: Layout, book: FontBook, mode: str = "color",
                names: dict[str, str] | None = None) -> bytes:
    return NoticeDocx(doc, layout, book, mode, names).build()
