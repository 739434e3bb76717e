"""Arbitrary text never crashes the engine, and nothing is drawn outside the paper."""

from __future__ import annotations

import io

import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.documents.model import Colophon, NoticeDocument, Paragraph, Run, Signature
from app.services.documents.profile import mm
from app.services.documents.service import notice_files

chars = st.sampled_from(list("法治政府建设依法行政，。、；：？！（）《》“”——……") + list("2026abcXYZ-/%. ") + ["\t"])
text = st.lists(chars, max_size=400).map("".join)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text, paras=st.lists(text, max_size=4), recipients=text, organs=st.lists(text, min_size=1, max_size=3),
       sealed=st.booleans(), cc=text)
def test_any_text_lays_out_on_the_paper(title, paras, recipients, organs, sealed, cc):
    doc = NoticeDocument(title=title[:80], organs=[o[:20] for o in organs], doc_number="示政办发〔2026〕1号",
                         recipients=recipients[:200], paragraphs=[Paragraph([Run(p)]) for p in paras],
                         signature=Signature([o[:20] for o in organs], "2026年1月5日", sealed),
                         colophon=Colophon(cc[:200], "示例县人民政府办公室", "2026年1月5日"))
    pdf, docx, layout = notice_files(doc)
    assert docx[:2] == b"PK" and len(layout.pages) % 2 == 0
    with pdfplumber.open(io.BytesIO(pdf)) as p:
        for page in p.pages:
            for c in page.chars:
                assert c["x0"] >= -0.5 and c["x1"] <= mm(210) + 0.5 and 0 <= c["top"] <= mm(297), c["text"]
