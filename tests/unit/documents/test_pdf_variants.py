"""Joint issuance, 上行文, unsealed signatures, print modes, seal images, tables and the blank-page rule."""

from __future__ import annotations

import copy
import io
import struct
import zlib

import pdfplumber
import pytest

from app.services.documents.model import Attachment, Colophon, NoticeDocument, Paragraph, Run, Signature
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.service import table_pdf
from app.services.documents.tables import division_table, matrix_table, unit_list_table
from app.services.errors import ValidationError

from .conftest import mm_of, render
from .test_pdf_notice import area_left, body_chars, is_red, lines_of


def simple(**kw) -> NoticeDocument:
    base = dict(title="关于做好2026年法治政府建设年度报告工作的通知", organs=["示例县人民政府办公室"],
                doc_number="示政办发〔2026〕3号", recipients="各乡镇人民政府，县政府各部门：",
                paragraphs=[Paragraph([Run("为做好年度报告工作，现将有关事项通知如下。" * 4)])],
                signature=Signature(["示例县人民政府办公室"], "2026年1月5日"),
                colophon=Colophon("", "示例县人民政府办公室", "2026年1月5日"))
    base.update(kw)
    return NoticeDocument(**base)


def test_joint_mark_stacks_organs_with_wen_jian_centred_to_the_right():
    doc = simple(organs=["示例县人民政府办公室", "示例县司法局", "示例县财政局"],
                 signature=Signature(["示例县人民政府办公室", "示例县司法局", "示例县财政局"], "2026年1月5日"))
    r = render(doc)
    red = [c for c in r.pdf.pages[0].chars if is_red(c)]
    rows = lines_of(red)
    names = ["".join(c["text"] for c in row) for row in rows]
    assert any("示例县人民政府办公室" in n for n in names)
    assert mm_of(min(c["top"] for c in red)) == pytest.approx(72, abs=1)
    wen = [c for c in red if c["text"] in "文件"]
    stack_top, stack_bottom = min(c["top"] for c in red), max(c["bottom"] for c in red)
    mid = (min(c["top"] for c in wen) + max(c["bottom"] for c in wen)) / 2
    assert mid == pytest.approx((stack_top + stack_bottom) / 2, abs=2)
    assert min(c["x0"] for c in wen) > max(c["x1"] for c in red if c["text"] not in "文件") - 0.1
    assert max(c["x1"] for c in red) - min(c["x0"] for c in red) <= mm(156) + 0.1
    # one 署名 per organ; 正文 still starts on page 1
    text = r.pdf.pages[0].extract_text() + r.pdf.pages[-1].extract_text()
    assert "示例县财政局" in text.replace(" ", "")
    assert not r.layout.warnings


def test_upward_document_puts_doc_number_left_and_signer_right():
    left = area_left(1)
    r = render(simple(signers=["张三", "李四"]))
    line = next(ln for ln in lines_of(r.pdf.pages[0].chars) if any(c["text"] == "号" for c in ln))
    assert line[0]["x0"] == pytest.approx(left + P.char_pitch_pt, abs=0.5)  # 1 char from the left
    assert line[-1]["x1"] == pytest.approx(left + mm(156) - P.char_pitch_pt, abs=1.0)  # 1 char from the right
    assert all("Kai" in c["fontname"] for c in line if c["text"] in "张三李四")  # names in 楷体
    # three signers: two per line, the 文号 on the line of the last one, wrapped names aligned
    r = render(simple(signers=["张三", "李四", "王五"]))
    rows = [ln for ln in lines_of(r.pdf.pages[0].chars) if any(c["text"] in "张王" for c in ln)]
    assert len(rows) == 2 and any(c["text"] == "号" for c in rows[1])
    first = next(c for c in rows[0] if c["text"] == "张")
    assert next(c for c in rows[1] if c["text"] == "王")["x0"] == pytest.approx(first["x0"], abs=0.5)


def test_unsealed_signature_and_sealed_date_positions():
    right = area_left(1) + mm(156)
    sealed = render(simple())
    date = [ln for ln in lines_of(body_chars(sealed.pdf.pages[0])) if "".join(c["text"] for c in ln) == "2026年1月5日"]
    assert date and date[0][-1]["x1"] == pytest.approx(right - 4 * P.char_pitch_pt, abs=0.5)
    unsealed = render(simple(signature=Signature(["示例县人民政府办公室"], "2026年1月5日", sealed=False)))
    rows = {"".join(c["text"] for c in ln): ln for ln in lines_of(body_chars(unsealed.pdf.pages[0]))}
    name, day = rows["示例县人民政府办公室"], rows["2026年1月5日"]
    assert name[-1]["x1"] == pytest.approx(right - 2 * P.char_pitch_pt, abs=0.5)  # 右空二字
    assert day[0]["x0"] == pytest.approx(name[0]["x0"] + 2 * P.char_pitch_pt, abs=0.5)  # 右移二字


def _png(path):
    raw = b"".join(b"\x00" + bytes([230, 0, 0, 255]) * 8 for _ in range(8))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 6, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_overlay_leaves_out_red_parts_at_unchanged_positions_and_mono_prints_black(demo_doc, tmp_path):
    doc = copy.deepcopy(demo_doc)
    doc.signature.seal_image = _png(tmp_path / "seal.png")
    colour, overlay, mono = render(doc), render(doc, "overlay"), render(doc, "mono")
    c0, o0, m0 = colour.pdf.pages[0], overlay.pdf.pages[0], mono.pdf.pages[0]
    assert any(is_red(c) for c in c0.chars) and any(is_red(r) for r in c0.rects)
    assert not any(is_red(c) for c in o0.chars) and not o0.rects
    black = [(c["text"], round(c["x0"], 2), round(c["top"], 2)) for c in c0.chars if not is_red(c)]
    assert black == [(c["text"], round(c["x0"], 2), round(c["top"], 2)) for c in o0.chars]
    assert not any(is_red(c) for c in m0.chars) and len(m0.chars) == len(c0.chars)
    seal_page = next(i for i, p in enumerate(colour.pdf.pages) if p.images)
    assert "草稿示意" in colour.pdf.pages[seal_page].extract_text()
    assert not overlay.pdf.pages[seal_page].images and not mono.pdf.pages[seal_page].images
    assert "草稿示意" not in mono.pdf.pages[seal_page].extract_text()


def test_colophon_after_a_blank_page_leaves_both_unnumbered():
    """Text ending on an even page with no room: blank odd page, 版记 on the next even page."""
    for n in range(70, 130, 2):
        doc = simple(paragraphs=[Paragraph([Run("依法行政规范用权" * n)])], colophon=Colophon(
            "县委各部门，县人大常委会办公室，县政协办公室。", "示例县人民政府办公室", "2026年1月5日"))
        r = render(doc)
        if r.layout.header["colophon"] == "blank":
            break
    else:
        pytest.fail("no text length produced the blank-page case")
    pages = r.layout.pages
    assert len(pages) % 2 == 0 and not pages[-1].numbered and not pages[-2].numbered
    assert not r.pdf.pages[-2].chars  # the blank page
    assert [c for c in r.pdf.pages[-1].chars if c["top"] > mm(P.top_mm + P.area_h_mm)] == []
    assert r.pdf.pages[-3].extract_text().strip().endswith(f"— {len(pages) - 2} —")


def test_table_pages_repeat_the_header_and_continue_a_broken_row(demo_tree):
    """A table on its own is printed on landscape paper: header on every page, numbers at the foot."""
    table = division_table(demo_tree)
    data, layout = table_pdf(table)
    foot_top = mm(P.landscape_top_mm + P.area_w_mm)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 3
        text = ""
        for i, page in enumerate(pdf.pages, start=1):
            assert page.rotation == 0 and page.width == pytest.approx(mm(297), abs=0.5)
            assert page.height == pytest.approx(mm(210), abs=0.5)
            heads = [c for c in page.chars if c["size"] == pytest.approx(P.table_head_size_pt)]
            assert "序号重点任务牵头单位参加单位完成时限" in ["".join(c["text"] for c in ln) for ln in lines_of(heads)]
            foot = [c for c in page.chars if c["top"] > foot_top]
            assert "".join(c["text"] for c in sorted(foot, key=lambda c: c["x0"])) == f"— {i} —"
            one = P.page_no_size_pt
            if i % 2:
                assert max(c["x1"] for c in foot) == pytest.approx(page.width - mm(P.landscape_side_mm) - one, abs=0.5)
            else:
                assert min(c["x0"] for c in foot) == pytest.approx(mm(P.landscape_side_mm) + one, abs=0.5)
            text += "".join("".join(c["text"] for c in ln) for ln in lines_of(page.chars))
        # every task text appears once, whole, across the pages (broken rows continue cleanly)
        for row in table.rows:
            if not row.section:
                assert row.cells[1][:12] in text
    assert all(p.numbered and p.sheet_landscape for p in layout.pages)


def test_unit_list_and_matrix_tables(demo_tree):
    units = unit_list_table(demo_tree)
    assert units.rows[0].section and "县司法局" in "".join(r.cells[0] for r in units.rows if r.section)
    matrix = matrix_table(demo_tree)
    lead_total = sum(int(r.cells[2]) for r in matrix.rows)
    assert lead_total == sum(1 for r in division_table(demo_tree).rows if not r.section and r.cells[2]) or \
        lead_total >= 30
    for t in (units, matrix):
        data, layout = table_pdf(t)
        assert data.startswith(b"%PDF") and layout.pages


def test_text_attachment_page_has_label_on_line_1_and_title_on_line_3():
    doc = simple(attachments=[Attachment("示例县法治督察工作方案", paragraphs=[Paragraph([Run("一、督察范围")])])])
    r = render(doc)
    att = next(p for p in r.pdf.pages if "附件" in p.extract_text()[:4])
    rows = lines_of(body_chars(att))
    assert "".join(c["text"] for c in rows[0]) == "附件"
    top = mm(P.top_mm)
    assert rows[0][0]["x0"] == pytest.approx(area_left(att.page_number), abs=0.3)
    title_row = rows[1]
    k = ((title_row[0]["top"] + title_row[0]["bottom"]) / 2 - top) / P.line_pitch_pt
    assert int(k) == 2  # line 3
    first = r.pdf.pages[0].extract_text().replace(" ", "") + r.pdf.pages[1].extract_text().replace(" ", "")
    assert "附件：示例县法治督察工作方案" in first


def test_overlong_recipients_move_to_the_colophon_so_body_starts_on_page_1():
    units = "，".join(f"示例县第{i}局" for i in range(1, 50)) + "："
    doc = simple(recipients=units, colophon=Colophon("县委各部门。", "示例县人民政府办公室", "2026年1月5日"))
    r = render(doc)
    assert any("移至版记" in w for w in r.layout.warnings)
    assert any(p == 0 for p, _line, _kind in r.layout.lines)  # 正文 on page 1
    last = r.pdf.pages[-1].extract_text().replace(" ", "")
    assert "主送：示例县第1局" in last and "抄送：县委各部门。" in last
    rules = [x for x in r.pdf.pages[-1].rects if x["width"] == pytest.approx(mm(156), abs=0.01)]
    assert sorted(round(mm_of(x["height"]), 2) for x in rules) == [0.25, 0.35, 0.35]
    assert min(x["top"] for x in rules) > mm(P.top_mm)  # the whole 版记 inside the type area
    with pytest.raises(ValidationError, match="版记"):
        render(simple(recipients="，".join(f"示例县第{i}局" for i in range(1, 200)) + "："))


def test_copy_number_secrecy_and_urgency_on_lines_1_to_3_mark_unmoved():
    r = render(simple(copy_no="000001", secrecy="秘密★1年", urgency="特急"))
    page = r.pdf.pages[0]
    rows = lines_of([c for c in body_chars(page) if c["top"] < mm(P.top_mm + 30)])
    texts = ["".join(c["text"] for c in row) for row in rows]
    assert texts[:3] == ["000001", "秘密★1年", "特急"]
    for k, row in enumerate(rows[:3]):
        assert row[0]["x0"] == pytest.approx(area_left(1), abs=0.05)  # flush left
        centre = (row[0]["top"] + row[0]["bottom"]) / 2 - mm(P.top_mm)
        assert centre == pytest.approx((k + 0.5) * P.line_pitch_pt, abs=0.5)  # grid lines 1–3
    assert all("Hei" in c["fontname"] for c in rows[1] + rows[2] if c["text"] not in "1★")
    red = [c for c in page.chars if is_red(c)]
    assert mm_of(min(c["top"] for c in red)) == pytest.approx(72, abs=1)
