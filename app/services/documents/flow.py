"""Flowing text on the 22 × 28 grid: line boxes placed page after page, keep-together groups."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.documents.fontbook import FontBook
from app.services.documents.head import line_items
from app.services.documents.model import Paragraph, Run
from app.services.documents.pages import ImageItem, Page, RectItem, TextItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.typeset import Line, break_lines, shape

EPS = 0.05


@dataclass
class Box:
    """One grid line (or a fixed-height strip) of flowing content; items relative to its top."""

    height: float
    items: list = field(default_factory=list)
    kind: str = "text"  # text | blank
    line: Line | None = None


def shift(items: list, dy: float) -> list:
    out = []
    for it in items:
        if isinstance(it, TextItem):
            out.append(TextItem(it.x, it.baseline + dy, it.font, it.size, it.text, it.char_space, it.red,
                                it.hscale, it.draft_only))
        elif isinstance(it, RectItem):
            out.append(RectItem(it.x, it.top + dy, it.w, it.h, it.red, it.fill, it.stroke))
        elif isinstance(it, ImageItem):
            out.append(ImageItem(it.path, it.x, it.top + dy, it.w, it.h, it.red))
    return out


def blank(n: int = 1) -> list[Box]:
    return [Box(P.line_pitch_pt, kind="blank") for _ in range(n)]


def text_boxes(book: FontBook, lines: list[Line], x0: float = 0.0) -> list[Box]:
    pitch = P.line_pitch_pt
    return [Box(pitch, line_items(book, ln, 0.0, pitch, x0=x0), "text", ln) for ln in lines]


def paragraph_lines(book: FontBook, para: Paragraph, size: float | None = None) -> list[Line]:
    size = size or P.body_size_pt
    width = mm(P.area_w_mm)
    glyphs = shape(book, para.runs, size, P.tracking_pt)
    indent = para.indent_chars * P.char_pitch_pt
    return break_lines(glyphs, width, first_indent=indent, align=para.align)


def hanging_lines(book: FontBook, lead: str, items: list[str], first_indent: float,
                  size: float | None = None, tracking: float | None = None, right: float = 0.0) -> list[Line]:
    """“附件：1.XXX” / “抄送：…”: later items and wrapped lines align after the lead."""
    size = size or P.body_size_pt
    tracking = P.tracking_pt if tracking is None else tracking
    width = mm(P.area_w_mm) - right
    lead_w = sum(g.adv for g in shape(book, [Run(lead)], size, tracking))
    out: list[Line] = []
    for i, item in enumerate(items):
        numbered = len(items) > 1
        num = f"{i + 1}." if numbered else ""
        num_w = sum(g.adv for g in shape(book, [Run(num)], size, tracking)) if num else 0.0
        text = (lead if i == 0 else "") + num + item
        glyphs = shape(book, [Run(text)], size, tracking)
        first = first_indent if i == 0 else first_indent + lead_w
        out += break_lines(glyphs, width, first_indent=first, rest_indent=first_indent + lead_w + num_w,
                           align="left")
    return out


class Flow:
    """Places boxes on portrait pages; a box that does not fit starts a new page."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.y = 0.0
        self.lines: list[tuple[int, Line, str]] = []

    @property
    def room(self) -> float:
        return mm(P.area_h_mm) - self.y

    def new_page(self, kind: str = "body") -> Page:
        self.pages.append(Page(kind=kind))
        self.y = 0.0
        return self.pages[-1]

    def place(self, boxes: list[Box], kind: str = "body") -> None:
        for box in boxes:
            if not self.pages or box.height > self.room + EPS:
                if self.pages:
                    self.pages[-1].full = True  # the flow ran on: this page is full
                self.new_page()
            page = self.pages[-1]
            page.items += shift(box.items, self.y)
            if box.line is not None:
                self.lines.append((len(self.pages) - 1, box.line, kind))
            page.body_lines += 1
            self.y += box.height

    def keep(self, boxes: list[Box], kind: str = "body") -> None:
        """Places boxes on one page, starting a new page when they do not fit here."""
        if sum(b.height for b in boxes) > self.room + EPS and self.y > 0:
            self.new_page()
        self.place(boxes, kind)
