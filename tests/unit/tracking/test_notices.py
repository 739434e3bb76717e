
"""催报, 督办通知 and 通报: numbered in the 文号 register, re-drafted in place, passing the format
checker, rendered through the GB/T 9704 engine (charts in the PDF and DOCX, the table as XLSX)."""

import re
import zipfile

import pdfplumber
import pytest
from openpyxl import load_workbook

from app.services.checks import check_notice
from app.services.errors import ValidationError
from app.services.tracking.tracking_notices import bulletin_prefix, render_files


@pytest.mark.parametrize("kind", ["催报", "督办", "通报"])
def test_each_notice_passes_the_format_checker(tracked, kind):
    notice = tracked.service.paperwork.draft(kind, tracked.plan_id)
    docs = tracked.ctx.document_service()
    assert check_notice(docs.notice_model(notice.id)) == []
    assert notice.doc_number.startswith("示法办") and notice.plan_id == tracked.plan_id


def test_reminder_names_the_units_and_tasks_missing(tracked):
    n = tracked.service.paperwork.draft("催报", tracked.plan_id)
    assert n.recipients == "县信访局、县统计局："
    assert "1．县信访局：第24项“推进信访工作法治化”。" in n.body and "逾期未报送" in n.body


def test_supervision_lists_red_first_with_reasons(tracked):
    n = tracked.service.paperwork.draft("督办", tracked.plan_id)
    lines = n.body.split("\n")
    assert lines[1].startswith("（一）第10项“开展行政规范性文件专项清理”（牵头单位：县司法局")
    assert "已超过完成时限" in lines[1] and "一事一文" in n.body


def test_bulletin_totals_praise_lagging_and_missing(tracked):
    n = tracked.service.paperwork.draft("通报", tracked.plan_id)
    assert "共确定重点任务30项" in n.body and "已完成（含已销号）8项，占27%" in n.body
    # every count of the status and light breakdowns carries its share of the 30 tasks
    shares = re.findall(r"(推进中|长期推进|申请延期|未启动|中止|未报送|[红黄绿灰]灯)(\d+)项（占(\d+)%）", n.body)
    assert {k for k, _n, _p in shares} >= {"红灯", "黄灯", "绿灯", "推进中"}
    assert all(int(p) == round(100 * int(k) / 30) for _w, k, p in shares)
    assert sum(int(k) for w, k, _p in shares if w.endswith("灯")) == 30
    assert "县委编办牵头的第15项“深化行政执法体制改革”在完成时限前提前完成" in n.body
    assert "1．第10项“开展行政规范性文件专项清理”（县司法局，红灯）" in n.body
    assert "县信访局、县统计局未在2026年11月25日前报送" in n.body
    assert [a["kind"] for a in n.attachments] == ["tracking-figures", "tracking-table"]


def test_redraft_keeps_the_number_and_issued_stays_frozen(tracked):
    paper = tracked.service.paperwork
    first = paper.draft("通报", tracked.plan_id)
    again = paper.draft("通报", tracked.plan_id)
    assert (again.id, again.doc_number) == (first.id, first.doc_number)
    assert paper.issue_number(first) == "第1期"
    tracked.ctx.issuing.issue(first.id)
    assert paper.draft("通报", tracked.plan_id).id == first.id  # issued: returned as it is
    second = paper.draft("通报", tracked.plan_id, fresh=True)
    assert second.doc_serial == first.doc_serial + 1  # the next 期
    assert [k for k, _n in paper.documents(tracked.plan_id)] == ["通报", "通报"]


def test_nothing_to_chase_is_said_in_chinese(tracked):
    ledger = tracked.service.ledger(tracked.plan_id)
    for r in ledger.rows:
        if r.role == "lead" and r.entry is None and r.task.closure is None and r.last is not None:
            from app.services.tracking.entries import EntryKey
            tracked.service.entries.put(EntryKey(r.task.node_id, r.unit_id, ledger.period.id), r.last.values)
    with pytest.raises(ValidationError, match="均已报送，无需催报"):
        tracked.service.paperwork.draft("催报", tracked.plan_id)


def test_bulletin_files_pdf_with_charts_docx_with_pictures_and_xlsx(tracked, tmp_path):
    notice = tracked.service.paperwork.draft("通报", tracked.plan_id)
    result = render_files(tracked.ctx.document_service(), notice, tmp_path / "b.pdf", tmp_path / "b.docx",
                          tmp_path / "b.xlsx")
    assert len(result.written) == 3
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
        chart_page = next(p for p in pdf.pages if (p.extract_text() or "").startswith("附件1"))
        assert "重点任务推进情况统计图" in chart_page.extract_text()
        assert len(chart_page.images) == 2  # the part chart and the unit chart
        assert "草稿示意" not in (chart_page.extract_text() or "")  # a chart is not a seal
    assert "关于2026年11月全县法治政府建设重点任务推进情况的通报" in text.replace("\n", "")
    with zipfile.ZipFile(tmp_path / "b.docx") as z:
        assert len([n for n in z.namelist() if n.startswith("word/media/")]) == 2
    ws = load_workbook(tmp_path / "b.xlsx").active
    lights = {ws.cell(r, 7).value: ws.cell(r, 7).fill.fgColor.rgb for r in range(4, ws.max_row + 1)
              if ws.cell(r, 7).value in ("红", "黄", "绿")}
    assert lights["红"].endswith("F4C7C3") and lights["绿"].endswith("C9E7CF")


def test_bulletin_prefix_rule():
    assert bulletin_prefix("示法办发", "") == "示法办督"
    assert bulletin_prefix("示法办", "") == "示法办督"
    assert bulletin_prefix("示法办发", "示督通") == "示督通"


def test_the_whole_ledger_workbook(tracked, tmp_path):
    path = tracked.service.export_ledger(tracked.plan_id, None, tmp_path / "台账.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["督办台账", "图例", "统计", "历次报送"]
    ws = wb["督办台账"]
    red = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 12).value == "红"]
    assert red and ws.cell(red[0], 12).fill.fgColor.rgb.endswith("F4C7C3")
    assert "已超过完成时限" in "".join(str(ws.cell(r, 13).value) for r in red)
    legend = " ".join(str(c.value) for row in wb["图例"].iter_rows() for c in row if c.value)
    assert "落后序时进度 10 个百分点" in legend and "超过 30 个百分点" in legend
    history = wb["历次报送"]
    assert history.cell(4, 5).value == "2026年3月" and history.cell(4, 13).value == "2026年11月"
