"""Page 1 版头: 份号/密级/紧急程度, the red 发文机关标志 (single or joint, auto-fitted), 发文字号
(+ 签发人 for 上行文), the red separator, the title and 主送.

Heights are kept in whole twips so the DOCX writer can rebuild the same vertical sequence
(its paragraphs get exactly these heights) and both files break pages in the same places."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.documents.fontbook import FontBook
from app.services.documents.model import NoticeDocument, Run
from app.services.documents.pages import RectItem, TextItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips
from app.services.documents.typeset import Line, balance_title, break_lines, place, shape


@dataclass
class Mark:
    names: list[str]
    suffix: str
    size: float
    hscale: float
    name_width: float  # pt after scaling: joint names are spread to this width
    gap: float  # pt between the names and the suffix (joint only)
    line_h: float  # pt per stacked name

    @property
    def joint(self) -> bool:
        return len(self.names) > 1

    @property
    def height(self) -> float:
        n = len(self.names)
        return n * self.size + (n - 1) * (self.line_h - self.size)


@dataclass
class Head:
    items: list = field(default_factory=list)
    boxes: list[tuple[str, int]] = field(default_factory=list)  # (what, height in twips), in order
    mark: Mark | None = None
    title_lines: list[Line] = field(default_factory=list)
    recipient_lines: list[Line] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(h for _, h in self.boxes) / 20


def fit_mark(book: FontBook, names: list[str], suffix: str) -> Mark:
    """Size and horizontal scale so the mark fits 156 mm: scale to 70 % first, then shrink."""
    size = P.mark_size_pt

    def width(text: str, s: float) -> float:
        return sum(book.advance(book.font_for("xbs", c), c) for c in text) * s

    limit = mm(P.area_w_mm)
    if len(names) == 1:
        natural = width(names[0] + suffix, size)
        gap = 0.0
    else:
        gap = size * P.mark_suffix_gap
        natural = max(width(n, size) for n in names) + gap + width(suffix, size)
    hscale = 1.0
    if natural > limit:
        hscale = max(P.mark_min_hscale, limit / natural)
        if natural * hscale > limit:
            size *= limit / (natural * hscale)
    if len(names) > 2:  # keep 正文 on page 1: stacked names shrink with their number
        size = min(size, P.mark_size_pt * P.mark_joint_max_lines / len(names))
    scaled = width(names[0], size) * hscale if len(names) == 1 else max(width(n, size) for n in names) * hscale
    return Mark(names, suffix, size, hscale, scaled, gap * size / P.mark_size_pt * hscale,
                size * (1 + P.mark_joint_gap))


def _baseline(book: FontBook, font: str, top: float, box_h: float, size: float) -> float:
    """Baseline that centres the em box of `size` in a box of height box_h starting at top."""
    em_top = top + (box_h - size) / 2
    return em_top + size * (1 + book.descent(font))


def line_items(book: FontBook, line: Line, top: float, box_h: float, red: bool = False,
               x0: float = 0.0, hscale: float = 1.0) -> list[TextItem]:
    """Text items for one typeset line, one per run of glyphs sharing font and spacing."""
    items: list[TextItem] = []
    gl, xs = line.glyphs, line.xs
    if not gl:
        return items
    base = _baseline(book, gl[0].font, top, box_h, gl[0].size)
    advance = book.advance
    for i, g in enumerate(gl):
        nat = advance(g.font, g.ch) * g.size * hscale
        cs = (xs[i + 1] - xs[i] - nat) if i + 1 < len(gl) else None
        if items:
            prev = items[-1]
            if prev.font == g.font and prev.size == g.size and (cs is None or abs(cs - prev.char_space) < 1e-3):
                prev.text += g.ch
                continue
        items.append(TextItem(x0 + xs[i], base, g.font, g.size, g.ch, cs if cs is not None else 0.0, red, hscale))
    return items


def compose_head(book: FontBook, doc: NoticeDocument) -> Head:
    head = Head()
    pitch = P.line_pitch_pt
    pitch_tw = P.line_pitch_twips
    width = mm(P.area_w_mm)
    y = 0.0
    if doc.plain:
        return _title_and_recipients(book, doc, head, y)
    # 份号, 密级和保密期限, 紧急程度: flush left on lines 1–3 (§7.2.1–7.2.3)
    for text, role in ((doc.copy_no, "fang"), (doc.secrecy, "hei"), (doc.urgency, "hei")):
        if text:
            line = break_lines(shape(book, [Run(text, role)], P.body_size_pt), width, align="left")[0]
            head.items += line_items(book, line, y, pitch)
            head.boxes.append(("top", pitch_tw))
            y += pitch
    spacer = twips(mm(P.mark_top_mm)) - sum(h for _, h in head.boxes)
    head.boxes.append(("spacer", spacer))
    y += spacer / 20
    # 发文机关标志: top edge 35 mm below the type-area top (§7.2.4)
    mark = fit_mark(book, doc.organs, doc.mark_suffix)
    head.mark = mark
    mark_tw = twips(mark.height)
    head.items += _mark_items(book, mark, y, width)
    head.boxes.append(("mark", mark_tw))
    y += mark_tw / 20
    # two blank lines, then 发文字号 (+ 签发人) (§7.2.5, §7.2.6)
    head.boxes.append(("blank", pitch_tw * P.doc_no_blank_lines))
    y += pitch * P.doc_no_blank_lines
    doc_lines = _doc_number_lines(book, doc, width)
    for line in doc_lines:
        head.items += line_items(book, line, y, pitch)
        head.boxes.append(("docno", pitch_tw))
        y += pitch
    # red separator 4 mm below 发文字号's em box (§7.2.7)
    em_bottom_in_line = (pitch + P.body_size_pt) / 2
    gap_tw = round((em_bottom_in_line + mm(P.sep_gap_mm) - pitch) * 20)
    thick_tw = twips(mm(P.sep_thickness_mm))
    head.boxes.append(("sepgap", gap_tw))
    y += gap_tw / 20
    head.items.append(RectItem(0.0, y, width, thick_tw / 20, red=True))
    head.boxes.append(("sep", thick_tw))
    y += thick_tw / 20
    # the title, 主送 and 正文 sit on the page's 22-line grid, as on every other page: two blank
    # lines are counted from the grid line the separator falls in (as Word's grid does)
    pad = -sum(h for _, h in head.boxes) % pitch_tw
    if pad:
        head.boxes.append(("gridpad", pad))
        y += pad / 20
    # title, two blank lines below the separator (§7.3.1)
    head.boxes.append(("blank", pitch_tw * P.title_blank_lines))
    y += pitch * P.title_blank_lines
    return _title_and_recipients(book, doc, head, y)


def _title_and_recipients(book: FontBook, doc: NoticeDocument, head: Head, y: float) -> Head:
    pitch = P.line_pitch_pt
    pitch_tw = P.line_pitch_twips
    width = mm(P.area_w_mm)
    head.title_lines = balance_title(shape(book, [Run(doc.title, "xbs")], P.title_size_pt), width)
    for line in head.title_lines:
        head.items += line_items(book, line, y, pitch)
        head.boxes.append(("title", pitch_tw))
        y += pitch
    # 主送: one blank line below the title, flush left (§7.3.2); without 主送 the blank line stays
    head.boxes.append(("blank", pitch_tw * P.recipients_blank_lines))
    y += pitch * P.recipients_blank_lines
    if doc.recipients:
        grid = P.tracking_pt
        head.recipient_lines = break_lines(shape(book, [Run(doc.recipients)], P.body_size_pt, grid), width,
                                           align="justify")
        for line in head.recipient_lines:
            head.items += line_items(book, line, y, pitch)
            head.boxes.append(("recipients", pitch_tw))
            y += pitch
    return head


def _mark_items(book: FontBook, mark: Mark, top: float, width: float) -> list[TextItem]:
    items: list[TextItem] = []
    s = mark.size

    def glyph_line(text: str, spread_to: float | None) -> Line:
        gl = shape(book, [Run(text, "xbs")], s)
        for g in gl:
            g.adv *= mark.hscale
        if spread_to is None:
            return break_lines(gl, 10 ** 6, align="left")[0]
        return place(gl, spread_to, 0.0, "justify", False)

    if not mark.joint:
        line = glyph_line(mark.names[0] + mark.suffix, None)
        used = sum(g.adv for g in line.glyphs)
        return line_items(book, line, top, s, red=True, x0=(width - used) / 2, hscale=mark.hscale)
    suffix_line = glyph_line(mark.suffix, None)
    suffix_w = sum(g.adv for g in suffix_line.glyphs)
    block_w = mark.name_width + mark.gap + suffix_w
    x0 = (width - block_w) / 2
    y = top
    for name in mark.names:
        items += line_items(book, glyph_line(name, mark.name_width), y, s, red=True, x0=x0, hscale=mark.hscale)
        y += mark.line_h
    mid = top + mark.height / 2 - s / 2
    items += line_items(book, suffix_line, mid, s, red=True, x0=x0 + mark.name_width + mark.gap,
                        hscale=mark.hscale)
    return items


def _doc_number_lines(book: FontBook, doc: NoticeDocument, width: float) -> list[Line]:
    size = P.body_size_pt
    one = P.char_pitch_pt
    if not doc.upward:
        return [break_lines(shape(book, [Run(doc.doc_number)], size), width, align="center")[0]]
    # 上行文: 发文字号 1 char from the left on the line of the last 签发人 (§7.2.5, §7.2.6)
    pairs = [doc.signers[i:i + 2] for i in range(0, len(doc.signers), 2)]
    label = [Run("签发人：")]
    label_w = sum(g.adv for g in shape(book, label, size))
    names_w = max(sum(g.adv for g in shape(book, [Run("　".join(p), "kai")], size)) for p in pairs)
    start = width - one - names_w - label_w
    lines = []
    for i, pair in enumerate(pairs):
        runs = ([*label] if i == 0 else []) + [Run("　".join(pair), "kai")]
        gl = shape(book, runs, size)
        x = start if i == 0 else start + label_w
        placed = break_lines(gl, 10 ** 6, align="left")[0]
        placed.xs = [x + v for v in placed.xs]
        if i == len(pairs) - 1 and doc.doc_number:
            num = break_lines(shape(book, [Run(doc.doc_number)], size), 10 ** 6, align="left")[0]
            placed.glyphs = num.glyphs + placed.glyphs
            placed.xs = [one + v for v in num.xs] + placed.xs
        lines.append(placed)
    return lines
