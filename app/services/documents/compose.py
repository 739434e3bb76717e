"""Lays out a whole notice: 版头 → 正文 → 附件说明 → 署名/日期 → 附注 → the issued document →
附件 pages → 版记 on an even last page, then page numbers (GB/T 9704-2012 §7)."""

from __future__ import annotations

import copy

from app.services.documents.flow import Box, Flow, blank, hanging_lines, paragraph_lines, shift, text_boxes
from app.services.documents.fontbook import FontBook
from app.services.documents.head import compose_head, line_items
from app.services.documents.model import Attachment, Colophon, Figure, NoticeDocument, Run
from app.services.documents.pages import ImageItem, Layout, Page, RectItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.signature import SEAL_LABEL, blank_options, signature_boxes
from app.services.documents.table_layout import table_pages
from app.services.documents.typeset import balance_title, break_lines, shape
from app.services.errors import ValidationError


def attachment_label(index: int, count: int) -> str:
    return "附件" if count == 1 else f"附件{index + 1}"


def layout_notice(book: FontBook, doc: NoticeDocument) -> Layout:
    flow = Flow()
    head = compose_head(book, doc)
    moved = []
    if doc.recipients and head.height + P.line_pitch_pt > mm(P.area_h_mm) and doc.colophon:
        # 主送 too long for 正文 to start on page 1: it moves to the 版记 as “主送：” (§7.3.2)
        doc = copy.deepcopy(doc)
        doc.colophon.recipients, doc.recipients = doc.recipients.rstrip("：:") + "。", ""
        head = compose_head(book, doc)
        moved.append("主送机关过长，正文无法从首页开始，已按 GB/T 9704-2012 §7.3.2 移至版记。")
    page = flow.new_page()
    page.items += head.items
    flow.y = head.height
    warnings: list[str] = list(moved)
    squeezed: dict[int, list[tuple[int, float]]] = {}
    held = _paragraph_boxes(book, doc.paragraphs, squeezed)
    if not doc.issued and doc.attachments:
        held += blank(P.attach_note_blank_lines) + _attachment_note(book, doc.attachment_titles())
    sig_blanks = None
    if doc.signature:
        sig_blanks, notes = _place_signature(book, flow, doc, held)
        warnings += notes
    else:
        flow.place(held)
        if doc.note:
            flow.place(text_boxes(book, break_lines(shape(book, [Run(doc.note)], P.body_size_pt, P.tracking_pt),
                                                    mm(P.area_w_mm), first_indent=2 * P.char_pitch_pt)))
    if not any(p == 0 for p, _line, _kind in flow.lines):
        warnings.append("正文未能从首页开始：请缩短主送机关或标题（GB/T 9704-2012 §7.3.3）。")
    attachments = doc.attachments
    if doc.issued:
        flow.new_page()
        flow.place(_title_boxes(book, doc.issued.title) + blank(1))
        boxes = _paragraph_boxes(book, doc.issued.paragraphs, squeezed)
        if doc.issued.attachments:
            boxes += blank(P.attach_note_blank_lines) + _attachment_note(book, doc.attachment_titles())
        flow.place(boxes)
        attachments = doc.issued.attachments
    for i, att in enumerate(attachments):
        _attachment_pages(book, flow, att, attachment_label(i, len(attachments)))
    case = _place_colophon(book, flow, doc.colophon) if doc.colophon else "none"
    titles = [[ln.text for ln in head.title_lines]]  # every title as broken, for the format checker
    if doc.issued:
        titles.append(_title_texts(book, doc.issued.title, mm(P.area_w_mm)))
    titles += [_title_texts(book, a.title, mm(P.area_h_mm if a.table else P.area_w_mm)) for a in attachments]
    number_pages(book, flow.pages)
    _label_seals(book, flow.pages)
    return Layout(flow.pages, warnings=warnings, lines=flow.lines,
                  header={"boxes": head.boxes, "mark": head.mark, "colophon": case, "sig_blanks": sig_blanks,
                          "doc": doc, "squeezed": squeezed, "titles": titles,
                          "title_lines": [ln.text for ln in head.title_lines]})


def _place_signature(book: FontBook, flow: Flow, doc: NoticeDocument, held: list[Box]) -> tuple[int, list[str]]:
    """正文 and the signature block: tighten the blank lines before 署名 (2 → 1 → 0) until the block
    fits beside 正文; otherwise carry the last lines of 正文 over with it (never all of page 1's)."""
    keep = _last_text_boxes(held, P.keep_lines_with_signature)
    flow.place(held[: len(held) - keep])
    group = held[len(held) - keep:]
    for blanks in blank_options(doc.signature):
        tail, notes = signature_boxes(book, doc.signature, doc.note, blanks)
        if sum(b.height for b in group + tail) <= flow.room + 0.05:
            flow.place(group + tail)
            return blanks, notes
    blanks = blank_options(doc.signature)[0]
    tail, notes = signature_boxes(book, doc.signature, doc.note, blanks)
    if len(flow.pages) == 1 and not any(p == 0 for p, _line, _kind in flow.lines) and group:
        flow.place(group[:1])  # 正文 must start on page 1 (§7.3.3)
        group = group[1:]
    flow.keep(group + tail)
    return blanks, notes


def _last_text_boxes(boxes: list[Box], n: int) -> int:
    """How many trailing boxes hold the last n text lines (blank boxes between them included)."""
    count = seen = 0
    for box in reversed(boxes):
        if seen >= n:
            break
        count += 1
        seen += box.kind == "text"
    return count


def _paragraph_boxes(book: FontBook, paragraphs, squeezed: dict | None = None) -> list[Box]:
    """Line boxes of body paragraphs; squeezed (id of a paragraph → [(character index, pt)])
    collects the marks a paragraph squeezed to pull a lone last character back, for the .docx."""
    out: list[Box] = []
    for para in paragraphs:
        lines = paragraph_lines(book, para)
        if squeezed is not None:
            marks = [(i, g.squeeze) for i, g in enumerate(g for ln in lines for g in ln.glyphs) if g.squeeze]
            if marks:
                squeezed[id(para)] = marks
        out += text_boxes(book, lines)
    return out


def _attachment_note(book: FontBook, titles: list[str]) -> list[Box]:
    return text_boxes(book, hanging_lines(book, "附件：", titles, P.indent_chars * P.char_pitch_pt))


def _title_texts(book: FontBook, title: str, width: float) -> list[str]:
    return [ln.text for ln in balance_title(shape(book, [Run(title, "xbs")], P.title_size_pt), width)]


def _title_boxes(book: FontBook, title: str) -> list[Box]:
    lines = balance_title(shape(book, [Run(title, "xbs")], P.title_size_pt), mm(P.area_w_mm))
    return [Box(P.line_pitch_pt, line_items(book, ln, 0.0, P.line_pitch_pt), "text", None) for ln in lines]


def _attachment_pages(book: FontBook, flow: Flow, att: Attachment, label: str) -> None:
    if att.table is not None:
        flow.pages += table_pages(book, att.table, label, att.title)
        flow.y = mm(P.area_h_mm)  # nothing flows onto a rotated page
        return
    flow.new_page()
    label_line = break_lines(shape(book, [Run(label, "hei")], P.body_size_pt), mm(P.area_w_mm), align="left")
    flow.place(text_boxes(book, label_line) + blank(P.attachment_title_line - 2))
    flow.place(_title_boxes(book, att.title) + blank(1))
    flow.place(_paragraph_boxes(book, att.paragraphs))
    for fig in att.figures:
        flow.keep([figure_box(fig)])


def figure_box(fig: Figure) -> Box:
    """A picture on whole grid lines, centred; never wider or taller than the type area."""
    w = min(mm(fig.width_mm), mm(P.area_w_mm))
    h = min(mm(fig.height_mm) * w / mm(fig.width_mm), mm(P.area_h_mm) - P.line_pitch_pt)
    w = h * mm(fig.width_mm) / mm(fig.height_mm)
    lines = -(-h // P.line_pitch_pt)
    return Box(lines * P.line_pitch_pt, [ImageItem(fig.image, (mm(P.area_w_mm) - w) / 2, 0.0, w, h, red=False)],
               "figure")


def colophon_boxes(book: FontBook, col: Colophon) -> list[Box]:
    """抄送 lines, then the 印发 line; rules: thick above and below, thin between (§7.4)."""
    size = P.colophon_size_pt
    one = size * P.colophon_indent_chars
    width = mm(P.area_w_mm)
    pitch = P.line_pitch_pt
    thick, thin = mm(P.colophon_thick_mm), mm(P.colophon_thin_mm)
    boxes: list[Box] = []
    for lead, text in (("主送：", col.recipients), ("抄送：", col.cc)):
        if text:
            lines = hanging_lines(book, lead, [text], one, size=size, tracking=0.0, right=one)
            boxes += [Box(pitch, line_items(book, ln, 0.0, pitch), "text", ln) for ln in lines]
    printed = shape(book, [Run(col.printed_by)], size)
    right = shape(book, [Run(f"{col.print_date_text}印发")], size)
    left_line = break_lines(printed, width, first_indent=one, align="left")[0]
    right_w = sum(g.adv for g in right)
    right_line = break_lines(right, 10 ** 6, align="left")[0]
    right_line.xs = [width - one - right_w + v for v in right_line.xs]
    row = Box(pitch, line_items(book, left_line, 0.0, pitch) + line_items(book, right_line, 0.0, pitch), "text")
    boxes.append(row)
    boxes[0].items.append(RectItem(0.0, -thick, width, thick))
    if col.cc or col.recipients:
        row.items.append(RectItem(0.0, -thin / 2, width, thin))
    row.items.append(RectItem(0.0, pitch - thick, width, thick))
    return boxes


def _place_colophon(book: FontBook, flow: Flow, col: Colophon) -> str:
    """版记 on the type-area bottom of the last page, which must be even (§7.4.1, §6.2): where it
    went (same | new | blank page)."""
    boxes = colophon_boxes(book, col)
    height = sum(b.height for b in boxes) + mm(P.colophon_thick_mm)
    if height > mm(P.area_h_mm):
        raise ValidationError("版记（主送、抄送）超过一整页，无法排在末页下端，请精简主送或抄送机关。")
    last = flow.pages[-1]
    fits = not last.landscape and flow.room >= height - 0.05 and last.kind == "body"
    n = len(flow.pages)
    if fits and n % 2 == 0:
        case = "same"
    elif fits or n % 2 == 1:
        flow.new_page("colophon")
        case = "new"
    else:
        flow.new_page("blank")
        flow.pages[-1].numbered = False
        flow.new_page("colophon")
        flow.pages[-1].numbered = False
        case = "blank"
    flow.y = mm(P.area_h_mm) - sum(b.height for b in boxes)
    page = flow.pages[-1]
    for b in boxes:
        page.items += shift(b.items, flow.y)
        flow.y += b.height
    return case


def number_pages(book: FontBook, pages: list[Page]) -> None:
    """“— N —” in 4号 宋体, dash top 7 mm below the type area; odd right, even left, 1 char in."""
    size = P.page_no_size_pt
    for i, page in enumerate(pages, start=1):
        page.number = i
        if not page.numbered:
            continue
        # a landscape sheet (a table on its own) has its number below its own type area
        top = mm(P.area_w_mm if page.sheet_landscape else P.area_h_mm) + mm(P.page_no_gap_mm)
        width = mm(P.area_h_mm if page.sheet_landscape else P.area_w_mm)
        text = f"{P.page_no_dash} {i} {P.page_no_dash}"
        line = break_lines(shape(book, [Run(text, "song")], size), 10 ** 6, align="left")[0]
        w = sum(g.adv for g in line.glyphs)
        x = width - size * P.page_no_side_chars - w if i % 2 else size * P.page_no_side_chars
        page.footer += line_items(book, line, top - (P.line_pitch_pt - size) / 2, P.line_pitch_pt, x0=x)


def _label_seals(book: FontBook, pages: list[Page]) -> None:
    for page in pages:
        if any(isinstance(i, ImageItem) and i.red for i in page.items):  # a seal, not a chart
            line = break_lines(shape(book, [Run(SEAL_LABEL)], 10.5), 10 ** 6, align="left")[0]
            for it in line_items(book, line, -mm(P.top_mm) + mm(15), 10.5):
                it.red = it.draft_only = True
                page.footer.append(it)

