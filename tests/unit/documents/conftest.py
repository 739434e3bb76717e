"""Shared fixtures: the demo notice rendered once per test session (rendering is the slow part)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber
import pytest

from app.context import open_context
from app.paths import resolve_paths
from app.services.documents.builder import notice_document
from app.services.documents.model import NoticeDocument
from app.services.documents.pages import Layout
from app.services.documents.profile import MM
from app.services.documents.service import notice_pdf


@dataclass
class Rendered:
    doc: NoticeDocument
    layout: Layout
    data: bytes
    pdf: pdfplumber.PDF


def mm_of(pt: float) -> float:
    return pt / MM


def portrait_chars(page) -> list[dict]:
    """A page's chars in the coordinates of the portrait paper. pdfplumber reports a page with
    /Rotate 90 (a 横排表格 page, shown upright) as displayed; this turns them back."""
    if page.rotation % 360 != 90:
        return page.chars
    w = page.width
    # a glyph shown turned has its font size across the display, not down it
    return [dict(c, x0=c["top"], x1=c["bottom"], top=w - c["x1"], bottom=w - c["x0"], upright=not c["upright"],
                 size=c["size"] if c["upright"] else round(c["x1"] - c["x0"], 2))
            for c in page.chars]


@pytest.fixture(scope="session")
def demo_ctx(tmp_path_factory):
    c = open_context(resolve_paths(tmp_path_factory.mktemp("demo") / "demo.sqlite3"), load_demo=True)
    yield c
    c.close()


@pytest.fixture(scope="session")
def demo_doc(demo_ctx) -> NoticeDocument:
    s = demo_ctx.services
    notice = s.notices.list_notices()[0]
    return notice_document(notice, s.plans.get_plan(notice.plan_id), s.plans.tree(notice.plan_id))


def render(doc: NoticeDocument, mode: str = "color") -> Rendered:
    data, layout = notice_pdf(doc, mode)
    return Rendered(doc, layout, data, pdfplumber.open(io.BytesIO(data)))


@pytest.fixture(scope="session")
def demo(demo_doc) -> Rendered:
    r = render(demo_doc)
    yield r
    r.pdf.close()


@pytest.fixture(scope="session")
def demo_tree(demo_ctx):
    s = demo_ctx.services
    notice = s.notices.list_notices()[0]
    return s.plans.tree(notice.plan_id)
