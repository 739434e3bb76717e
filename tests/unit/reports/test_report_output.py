"""Both variants through the GB/T 9704 engine pass the format checker once the clerk filled what is
left to fill; the publication version has no 版头, 文号, 签发人 or 版记."""

import pdfplumber
import pytest

from app.services.errors import NotFoundError, ValidationError
from app.services.reports import template as T
from app.services.reports.report_output import check_report, render_report, report_model


def finish(r) -> None:
    """What a clerk completes before sending: 文号, 签发人, and the parts left 【待补充】."""
    rs = r.reports
    rs.update(r.plan_id, gov_doc_number="示政发〔2027〕3号", joint_doc_number="示发〔2027〕2号",
              signers=["王明", "李华"])
    for s in rs.report(r.plan_id).sections:
        if "【待补充】" in s.text:
            rs.set_section(s.id, text=s.text.replace("【待补充】", "加强法治政府建设队伍建设"))


@pytest.mark.parametrize("variant", ["gov", "joint"])
def test_both_variants_pass_the_format_checker(drafted, variant, tmp_path):
    doc, notes = report_model(drafted.reports, drafted.plan_id, variant)
    assert any("【待补充】" in f for f in check_report(doc))  # until the clerk writes it
    finish(drafted)
    out = render_report(drafted.reports, drafted.ctx.document_service(), drafted.plan_id, variant,
                        tmp_path / "r.pdf", tmp_path / "r.docx")
    assert out.findings == [] and notes == []
    assert out.pages >= 5 and (tmp_path / "r.docx").stat().st_size > 10_000
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        first = pdf.pages[0].extract_text()
        last = pdf.pages[-1].extract_text()
        assert len(pdf.pages) % 2 == 0  # the 版记 ends on an even page
    assert "法治政府建设情况的报告" in first.replace("\n", "")
    if variant == "gov":
        assert "示例县人民政府文件" in first.replace(" ", "") and "示政发〔2027〕3号" in first
        assert "中共示例县委、示例县人大常委会：" in first and "签发人" not in first
    else:
        assert "签发人" in first and "示发〔2027〕2号" in first
        assert "中共示例市委、示例市人民政府：" in first
        assert "示例市委全面依法治市委员会办公室" in last  # 抄送
    assert "特此报告。" in "".join(p.extract_text() for p in pdfplumber.open(tmp_path / "r.pdf").pages)


def test_publication_version_has_no_head_number_signers_or_colophon(drafted, tmp_path):
    finish(drafted)
    out = render_report(drafted.reports, drafted.ctx.document_service(), drafted.plan_id, "joint",
                        tmp_path / "p.pdf", None, publication=True)
    assert out.findings == []
    with pdfplumber.open(tmp_path / "p.pdf") as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
        page1 = pdf.pages[0]
        reds = [c for c in page1.chars if c.get("non_stroking_color") not in (None, (0,), [0], (0, 0, 0), [0, 0, 0])]
        title_top = min(c["top"] for c in page1.chars)
    flat = text.replace("\n", "").replace(" ", "")
    assert "〔2027〕" not in flat and "签发人" not in flat and "抄送" not in flat and "日印发" not in flat
    assert reds == [] and title_top < 37 / 25.4 * 72 + 20  # the title on the first line of the type area


def test_never_drafted_report_is_refused_and_bad_variant_and_number(reported, tmp_path):
    with pytest.raises(NotFoundError, match="还没有起草"):
        render_report(reported.reports, reported.ctx.document_service(), reported.plan_id, "gov", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(ValidationError, match="未知的报告类型"):
        report_model(reported.reports, reported.plan_id, "city")
    with pytest.raises(ValidationError, match="六角括号"):
        reported.reports.update(reported.plan_id, gov_doc_number="示政发[2027]3号")
    with pytest.raises(ValidationError):
        reported.reports.update(reported.plan_id, duty_placement="middle")


def test_fields_without_a_value_are_visible_and_reported(drafted):
    rs = drafted.reports
    opening = rs.report(drafted.plan_id).section(T.OPENING)
    rs.set_section(opening.id, text=opening.text + "全年{不存在的数据}项，{网上可办率}。")
    rid = rs.report(drafted.plan_id).id
    asked = next(u for u in rs.figures.asked(rid) if "网上可办事项" in u.fields)
    from app.services.reports.figures import FigureWrite

    rs.figures.write(rid, [FigureWrite(asked.unit_id, "网上可办事项", None)])
    doc, notes = report_model(rs, drafted.plan_id, "gov")
    assert "“{不存在的数据}”不是数据表中的数据项。" in notes and "数据项“网上可办率”还没有单位填报。" in notes
    assert any("【不存在的数据】" in f for f in check_report(doc))
