"""Indicator systems the clerk brings, as a three-level list from .xlsx or numbered text; tasks
linked to indicators, coverage, and a per-indicator 情况说明 with 不适用. Test files made here."""

import pytest
from openpyxl import Workbook

from app.services.coverage.dto import CONFIRMED, COVERED, INDICATOR, NOT_APPLICABLE
from app.services.coverage.indicator_reader import read_indicators
from app.services.errors import InputFileError, NotFoundError

# a short made-up system in the shape of a 示范指标体系 (一级 → 二级 → 三级 numbered on)
ROWS = [
    ("一、政府职能依法全面履行", "1.推进权责清单管理", "1.动态调整县级政府部门权责清单并向社会公布", "3"),
    ("一、政府职能依法全面履行", "1.推进权责清单管理", "2.严格执行市场准入负面清单", "2"),
    ("一、政府职能依法全面履行", "2.优化法治化营商环境", "3.落实公平竞争审查制度，清理妨碍统一市场的规定", "3"),
    ("二、依法行政制度体系完善", "3.加强规范性文件监督管理", "4.行政规范性文件合法性审核率100%", "4"),
    ("二、依法行政制度体系完善", "4.推进地方立法", "5.制定地方性法规、规章符合立法程序", "2"),
]


def xlsx(path, rows=ROWS, merged=True):
    wb = Workbook()
    ws = wb.active
    ws.append(["示例市县法治政府建设指标（测试用）"])
    ws.append(["一级指标", "二级指标", "三级指标", "分值"])
    for r in rows:
        ws.append(list(r))
    if merged:  # 一级 and 二级 merged down the rows they span, as such tables are printed
        ws.merge_cells("A3:A5")
        ws.merge_cells("B3:B4")
        ws.merge_cells("A6:A7")
    wb.save(path)
    return path


def test_xlsx_with_merged_cells_reads_three_levels(tmp_path):
    system = read_indicators(xlsx(tmp_path / "指标.xlsx"))
    assert [system.count(k) for k in (1, 2, 3)] == [2, 4, 5]
    first = system.roots[0]
    assert (first.label, first.text) == ("一、", "政府职能依法全面履行")
    assert [c.text for c in first.children] == ["推进权责清单管理", "优化法治化营商环境"]
    leaf = first.children[0].children[1]
    assert (leaf.label, leaf.text, leaf.score_text) == ("2.", "严格执行市场准入负面清单", "2")


def test_numbered_text_reads_three_levels_and_wrapped_lines(tmp_path):
    text = tmp_path / "考核细则.txt"
    text.write_text("某省法治政府建设考核细则（测试用）\n一、组织领导\n（一）落实第一责任人职责\n"
                    "1.党政主要负责人年度述法\n2.政府常务会议会前学法\n不少于4次\n"
                    "（二）法治督察\n3.开展年度法治督察\n二、依法行政\n（三）规范性文件\n4.合法性审核全覆盖\n",
                    encoding="utf-8")
    system = read_indicators(text)
    assert system.name == "某省法治政府建设考核细则（测试用）"
    assert [system.count(k) for k in (1, 2, 3)] == [2, 3, 4]
    assert system.roots[0].children[0].children[1].text == "政府常务会议会前学法不少于4次"


@pytest.mark.parametrize("content, words", [
    (b"", "空文件"),
    ("一些说明文字。\n没有分级编号。\n".encode(), "找不到分级的指标"),
])
def test_refused_files(tmp_path, content, words):
    path = tmp_path / "指标.txt"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=words):
        read_indicators(path)


def test_coverage_against_indicators_with_notes(checked, tmp_path):
    svc, pid = checked.service, checked.plan_id
    system, _warnings = svc.indicators.import_file(xlsx(tmp_path / "指标.xlsx"))
    assert system.describe() == "一级 2 项、二级 4 项、三级 5 项"
    cov = svc.coverage(pid, system.id)
    assert cov.kind == INDICATOR and [r.target.label for r in cov.rows] == ["1.", "2.", "3.", "4.", "5."]
    assert cov.rows[0].target.path == "一、政府职能依法全面履行 › 1.推进权责清单管理"
    suggested = {r.target.serial: [t.title for t, _s in r.suggestions] for r in cov.rows}
    assert "动态调整权责清单" in suggested[1] and "持续优化法治化营商环境" in suggested[3]
    assert "加强行政规范性文件制定和监督管理" in suggested[4]
    for r in cov.rows[:4]:
        if r.suggestions:
            svc.set_link(pid, r.suggestions[0][0].node_id, INDICATOR, r.target.id, CONFIRMED)
    svc.set_note(pid, INDICATOR, cov.rows[4].target.id, True, "县级政府无权制定地方性法规、规章")
    svc.set_note(pid, INDICATOR, cov.rows[0].target.id, False, "已于9月公布调整后的权责清单")
    cov = svc.coverage(pid, system.id)
    assert cov.rows[4].status == NOT_APPLICABLE and cov.rows[0].note.text.startswith("已于9月")
    assert cov.count(COVERED) == 4 and cov.percent == 100.0
    # the superior's check is a separate list: indicator links do not count there
    assert svc.coverage(pid).count(COVERED) == 0


def test_deleting_a_system_is_undone_with_its_links(checked, tmp_path):
    svc, pid = checked.service, checked.plan_id
    system, _w = svc.indicators.import_file(xlsx(tmp_path / "指标.xlsx"))
    row = svc.coverage(pid, system.id).rows[0]
    svc.set_link(pid, row.suggestions[0][0].node_id, INDICATOR, row.target.id, CONFIRMED)
    svc.set_note(pid, INDICATOR, row.target.id, False, "说明")
    snap = svc.indicators.delete(system.id)
    with pytest.raises(NotFoundError):
        svc.coverage(pid, system.id)
    svc.indicators.restore(snap)
    again = svc.coverage(pid, system.id)
    assert again.rows[0].status == COVERED and again.rows[0].note.text == "说明"
