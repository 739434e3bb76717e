"""Paints a Layout with reportlab: A4 portrait, mirrored margins for duplex, rotated table pages.

Print modes: color (red parts red), overlay (套红: red parts left out, every position unchanged),
mono (red parts in black; seal images left out)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.services.documents.model import PRINT_MODES
from app.services.documents.pages import ImageItem, Layout, Page, RectItem, TextItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm

PAGE_W, PAGE_H = mm(P.page_w_mm), mm(P.page_h_mm)


def area_left(number: int) -> float:
    """Type-area left edge: 订口 28 mm on the left of odd pages, on the right of even ones."""
    return mm(P.inside_mm) if number % 2 else mm(P.outside_mm)


def render_pdf(layout: Layout, mode: str = "color", title: str = "", author: str = "") -> bytes:
    if mode not in PRINT_MODES:
        raise ValueError(mode)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("法治工作台")
    images: dict[Path, ImageReader] = {}
    for page in layout.pages:
        _paint_page(c, page, mode, images)
        c.showPage()
    c.save()
    return buf.getvalue()


def _paint_page(c: Canvas, page: Page, mode: str, images: dict) -> None:
    x0 = area_left(page.number or 1)
    top = PAGE_H - mm(P.top_mm)
    c.saveState()
    if page.landscape:
        # landscape content rotated 90° counter-clockwise: its top at the paper's left edge (§8)
        c.translate(x0, mm(P.page_h_mm - P.top_mm - P.area_h_mm))
        c.rotate(90)
        _paint_items(c, page.items, 0.0, 0.0, mode, images)
    else:
        _paint_items(c, page.items, x0, top, mode, images)
    c.restoreState()
    _paint_items(c, page.footer, x0, top, mode, images)


def _colour(c: Canvas, red: bool, mode: str) -> bool:
    """Sets the fill colour; False when the item is not printed in this mode."""
    if red and mode == "overlay":
        return False
    if red and mode == "color":
        c.setFillColorRGB(*P.red_rgb)
        c.setStrokeColorRGB(*P.red_rgb)
    else:
        c.setFillColorRGB(0, 0, 0)
        c.setStrokeColorRGB(0, 0, 0)
    return True


def _paint_items(c: Canvas, items: list, ox: float, oy: float, mode: str, images: dict) -> None:
    """Items are in type-area coordinates (y down from the top); ox/oy map them to the canvas."""
    text = None
    state: tuple | None = None
    for it in items:
        if isinstance(it, TextItem):
            if not _colour_ok(it.red, mode):
                continue
            if text is None:
                text = c.beginText()
            key = (it.font, it.size, round(it.char_space, 4), it.hscale, it.red)
            if key != state:
                text.setFont(it.font, it.size)
                text.setCharSpace(it.char_space / it.hscale)
                text.setHorizScale(it.hscale * 100)
                if it.red and mode == "color":
                    text.setFillColorRGB(*P.red_rgb)
                else:
                    text.setFillColorRGB(0, 0, 0)
                state = key
            _text_out(c, text, it, ox + it.x, oy - it.baseline)
        elif isinstance(it, RectItem):
            if not _colour(c, it.red, mode):
                continue
            if it.fill:
                c.rect(ox + it.x, oy - it.top - it.h, it.w, it.h, stroke=0, fill=1)
            else:
                c.setLineWidth(it.stroke)
                c.rect(ox + it.x, oy - it.top - it.h, it.w, it.h, stroke=1, fill=0)
        elif isinstance(it, ImageItem):
            if mode != "color":
                continue
            reader = images.get(it.path)
            if reader is None:
                reader = images[it.path] = ImageReader(str(it.path))
            c.drawImage(reader, ox + it.x, oy - it.top - it.h, it.w, it.h, mask="auto")
    if text is not None:
        c.drawText(text)


def _text_out(c: Canvas, text, it: TextItem, x: float, y: float) -> None:
    """Writes a run; each reportlab subset gets its own origin, so readers that drop the
    character spacing at the end of a text string (pdfminer does) still see exact positions."""
    font = pdfmetrics.getFont(it.font)
    parts = font.splitString(it.text, c._doc)
    if len(parts) == 1:
        text.setTextOrigin(x, y)
        text.textOut(it.text)
        return
    widths = font.face.charWidths
    default = font.face.defaultWidth
    pos = 0
    for _subset, codes in parts:
        piece = it.text[pos:pos + len(codes)]
        text.setTextOrigin(x, y)
        text.textOut(piece)
        x += sum(widths.get(ord(ch), default) / 1000 * it.size * it.hscale + it.char_space for ch in piece)
        pos += len(codes)


def _colour_ok(red: bool, mode: str) -> bool:
    return not (red and mode == "overlay")
