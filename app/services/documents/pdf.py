"""Paints a Layout with reportlab: A4 portrait, mirrored margins for duplex, rotated table pages
(which carry /Rotate 90 so that viewers show them upright; printing fits them back onto portrait
paper), landscape sheets for a table on its own.

Print modes: color (red parts red), overlay (套红: red parts left out, every position unchanged),
mono (red parts in black; seal images left out). The document information names the title, the
issuer and the issued document; no font is referenced that is not embedded and used."""

from __future__ import annotations

import io
import zlib
from itertools import repeat

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app import APP_NAME, __version__
from app.services.documents.model import PRINT_MODES
from app.services.documents.pages import ImageItem, Layout, Page, RectItem, TextItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm

PAGE_W, PAGE_H = mm(P.page_w_mm), mm(P.page_h_mm)
rl_config.useA85 = 0  # binary Flate streams: ASCII85 only makes files larger and slower to write
FLATE_LEVEL = 2  # half the time of zlib's default level for a file 6 % larger (font subsets are most of it)


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    def encode(self, text):
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, FLATE_LEVEL)


pdfdoc.PDFZCompress = _Flate()  # reportlab looks it up at each use: pages, font files, ToUnicode maps


def area_left(number: int) -> float:
    """Type-area left edge: 订口 28 mm on the left of odd pages, on the right of even ones."""
    return mm(P.inside_mm) if number % 2 else mm(P.outside_mm)


def render_pdf(layout: Layout, mode: str = "color", title: str = "", author: str = "", subject: str = "",
               compress: bool = True) -> bytes:
    """compress=False leaves pages and fonts unpacked (the on-screen preview: the same pages, drawn
    without the 10 % of the time that packing takes; never a file the clerk keeps)."""
    if mode not in PRINT_MODES:
        raise ValueError(mode)
    buf = io.BytesIO()
    # a TrueType initial font: reportlab would otherwise name Helvetica on every page, unembedded
    first = next((it.font for pg in layout.pages for it in pg.items + pg.footer if isinstance(it, TextItem)), None)
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), pageCompression=int(compress), initialFontName=first, lang="zh-CN")
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator(APP_NAME)
    c.setProducer(f"{APP_NAME} {__version__}（reportlab）")
    memo: dict = {}  # for this document: image readers by path, subset font names by (font, subset)
    for page in layout.pages:
        _paint_page(c, page, mode, memo)
        c.showPage()
    c.save()
    return buf.getvalue()


def _paint_page(c: Canvas, page: Page, mode: str, memo: dict) -> None:
    if page.sheet_landscape:
        c.setPageSize((PAGE_H, PAGE_W))
        c.setPageRotation(0)
        x0, top = mm(P.landscape_side_mm), PAGE_W - mm(P.landscape_top_mm)
        _paint_items(c, page.items, x0, top, mode, memo)
        _paint_items(c, page.footer, x0, top, mode, memo)
        return
    # reportlab swaps the MediaBox of a rotated page: give it the turned size so the paper stays portrait
    c.setPageSize((PAGE_H, PAGE_W) if page.landscape else (PAGE_W, PAGE_H))
    c.setPageRotation(90 if page.landscape else 0)
    x0 = area_left(page.number or 1)
    top = PAGE_H - mm(P.top_mm)
    c.saveState()
    if page.landscape:
        # landscape content rotated 90° counter-clockwise: its top at the paper's left edge (§8)
        c.translate(x0, mm(P.page_h_mm - P.top_mm - P.area_h_mm))
        c.rotate(90)
        _paint_items(c, page.items, 0.0, 0.0, mode, memo)
    else:
        _paint_items(c, page.items, x0, top, mode, memo)
    c.restoreState()
    _paint_items(c, page.footer, x0, top, mode, memo)


def _paint_items(c: Canvas, items: list, ox: float, oy: float, mode: str, memo: dict) -> None:
    """Items are in type-area coordinates (y down from the top); ox/oy map them to the canvas.
    Text and rules are written as PDF operators directly (reportlab's helpers are the slow part)."""
    ops: list[str] = []
    gfx: list[str] = []
    state: list = [None, None, None, None, None]  # font, size, Tc, Tz, colour
    for it in items:
        if isinstance(it, TextItem):
            if not _colour_ok(it.red, mode) or (it.draft_only and mode != "color"):
                continue
            _text_ops(c, ops, state, it, ox + it.x, oy - it.baseline, it.red and mode == "color", memo)
        elif isinstance(it, RectItem):
            if not _colour_ok(it.red, mode):
                continue
            rgb = "%.3f %.3f %.3f" % (P.red_rgb if it.red and mode == "color" else (0, 0, 0))
            box = f"{ox + it.x:.3f} {oy - it.top - it.h:.3f} {it.w:.3f} {it.h:.3f} re"
            if it.fill:
                gfx.append(f"{rgb} rg {box} f")
            else:
                gfx.append(f"{rgb} RG {it.stroke:.2f} w {box} S")
        elif isinstance(it, ImageItem):
            if it.red and mode != "color":  # a seal picture; a chart prints in every mode
                continue
            reader = memo.get(it.path)
            if reader is None:
                reader = memo[it.path] = ImageReader(str(it.path))
            c.drawImage(reader, ox + it.x, oy - it.top - it.h, it.w, it.h, mask="auto")
    if gfx:
        c._code.append("q " + " ".join(gfx) + " Q")
    if ops:
        c._code.append("BT " + " ".join(ops) + " ET")


def _text_ops(c: Canvas, ops: list[str], state: list, it: TextItem, x: float, y: float, red: bool,
              memo: dict) -> None:
    """PDF text operators for one run, written directly (reportlab's textOut is the slow part).
    Each font subset piece gets its own origin (Tm), so readers that drop the character spacing
    at the end of a text string (pdfminer does) still measure exact positions."""
    font = pdfmetrics.getFont(it.font)
    doc = c._doc
    cs = it.char_space / it.hscale
    if state[2] != cs:
        ops.append(f"{cs:.4f} Tc")
        state[2] = cs
    if state[3] != it.hscale:
        ops.append(f"{it.hscale * 100:.2f} Tz")
        state[3] = it.hscale
    if state[4] != red:
        ops.append("%.3f %.3f %.3f rg" % (P.red_rgb if red else (0, 0, 0)))
        state[4] = red
    width = font.face.charWidths.get
    default = repeat(font.face.defaultWidth)
    step = it.size * it.hscale / 1000
    text, pos, escape = it.text, 0, c._escape
    for subset, codes in font.splitString(text, doc):
        name = memo.get((it.font, subset))
        if name is None:  # the first use registers the subset with the document; later ones only repeat it
            name = memo[it.font, subset] = font.getSubsetInternalName(subset, doc)
        if state[0] != name or state[1] != it.size:
            ops.append(f"{name} {it.size:.2f} Tf")
            state[0], state[1] = name, it.size
        ops.append(f"1 0 0 1 {x:.3f} {y:.3f} Tm ({escape(codes)}) Tj")
        n = len(codes)
        x += sum(map(width, map(ord, text[pos:pos + n]), default)) * step + it.char_space * n
        pos += n


def _colour_ok(red: bool, mode: str) -> bool:
    return not (red and mode == "overlay")
