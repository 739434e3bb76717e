"""Renders the pictures in docs/images from the demo notice: PDF pages as printed (a table page
shown turned, as viewers show it) and the .docx as LibreOffice lays it out, with the Windows font
names mapped to the bundled fonts. Run from the repository: .venv/bin/python scripts/make_doc_images.py"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
IMAGES = REPO / "docs" / "images"
SCALE = 72 / 72 * 1.1  # about 80 dpi


def page_image(pdf: pdfium.PdfDocument, index: int, scale: float = SCALE) -> Image.Image:
    return pdf[index].render(scale=scale).to_pil().convert("RGB")


def side_by_side(images: list[Image.Image], gap: int = 12) -> Image.Image:
    height = max(i.height for i in images)
    out = Image.new("RGB", (sum(i.width for i in images) + gap * (len(images) + 1), height + 2 * gap), "#808080")
    x = gap
    for im in images:
        out.paste(im, (x, gap + (height - im.height) // 2))
        x += im.width + gap
    return out


def main() -> None:
    from app.context import open_context
    from app.paths import resolve_paths
    from app.services.documents.builder import notice_document
    from app.services.documents.service import notice_files
    from tests.unit.documents import libreoffice

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ctx = open_context(resolve_paths(folder / "demo.sqlite3"), load_demo=True)
        s = ctx.services
        notice = s.notices.list_notices()[0]
        doc = notice_document(notice, s.plans.get_plan(notice.plan_id), s.plans.tree(notice.plan_id))
        ctx.close()
        pdf_bytes, docx_bytes, layout = notice_files(doc)
        (folder / "demo.docx").write_bytes(docx_bytes)
        lo_path = libreoffice.convert([folder / "demo.docx"], folder)[folder / "demo.docx"]
        pdf = pdfium.PdfDocument(pdf_bytes)
        lo = pdfium.PdfDocument(str(lo_path))
        n = len(pdf)
        table = next(i for i, p in enumerate(layout.pages) if p.landscape)
        issued = next(i for i, p in enumerate(layout.pages) if i and not p.landscape and p.kind == "body"
                      and doc.issued.title[:6] in p.text())
        for name, index in (("01", 0), (f"{issued + 1:02d}", issued), (f"{table + 1:02d}", table), (f"{n:02d}", n - 1)):
            page_image(pdf, index).save(IMAGES / f"demo-notice-page-{name}.png", optimize=True)
        thumbs = [page_image(pdf, i, 0.25) for i in range(n)]
        rows = [side_by_side(thumbs[k:k + 9], 6) for k in range(0, n, 9)]
        overview = Image.new("RGB", (max(r.width for r in rows), sum(r.height for r in rows)), "#808080")
        y = 0
        for r in rows:
            overview.paste(r, (0, y))
            y += r.height
        overview.save(IMAGES / "demo-notice-overview.png", optimize=True)
        picks = [0, table, len(lo) - 1]
        side_by_side([page_image(lo, i, 0.8) for i in picks]).save(IMAGES / "demo-notice-docx-in-libreoffice.png",
                                                                     optimize=True)
        print(f"PDF {n} pages, LibreOffice {len(lo)} pages; pages shown: {[i + 1 for i in picks]}")


if __name__ == "__main__":
    main()
