import pytest

from app.services.errors import InputFileError
from app.services.importing import import_file, import_text
from app.services.importing.division_table import items_from_rows, merge_rows, read_division_table
from app.services.importing.model import Item, Table
from app.services.importing.read_xlsx import cell_text, read_xlsx
from app.services.importing.table_columns import classify_header, find_header

from .builders import division_xlsx, zip_with


def test_header_found_by_its_words_below_title_rows():
    rows = [["XX县重点任务分工表", "", ""], ["", "", ""], ["序 号", "工作任务", "责任单位", "配合单位", "完成时限"]]
    h = find_header(rows)
    assert h.row == 2
    assert h.columns == {"serial": 0, "task": 1, "lead": 2, "support": 3, "deadline": 4}


def test_lead_and_responsible_columns_together():
    h = find_header([["序号", "重点任务", "牵头单位", "责任单位"]])
    assert h.columns["lead"] == 2 and h.columns["support"] == 3


def test_data_cells_are_not_headers():
    assert classify_header("加强重点领域立法") is None
    assert classify_header(" 牵头单位 ") == "lead"
    assert find_header([["1", "加强领导", "县司法局"]]) is None


def test_rows_sections_and_repeated_headers():
    t = Table([["序号", "重点任务", "牵头单位", "参加单位"], ["一、加强领导", "一、加强领导", "一、加强领导", "一、加强领导"],
               ["1", "坚持党的领导", "县司法局", "县直各部门等"], ["序号", "重点任务", "牵头单位", "参加单位"],
               ["2", "落实责任", "县政府办公室、县司法局按职责分工负责", ""]])
    rows = read_division_table(t)
    assert [(r.serial, r.task, r.section) for r in rows] == [(1, "坚持党的领导", "一、加强领导"), (2, "落实责任", "一、加强领导")]
    assert [(u.name, u.role, u.note) for u in rows[0].markings.units] == [("县司法局", "lead", ""), ("县直各部门", "support", "等")]
    assert [u.note for u in rows[1].markings.units] == ["按职责分工负责", "按职责分工负责"]


def _item(label, number, text, level=2):
    return Item(rank=2, number=number, label=label, path_label=label, first_line=text, level=level)


def test_merge_by_title_then_by_serial():
    items = [_item("（一）", 1, "坚持党的领导。各级…"), _item("（二）", 2, "落实第一责任人职责。"), _item("（三）", 3, "推进依法决策。")]
    t = Table([["序号", "重点任务", "牵头单位"], ["1", "坚持党的领导", "A局"], ["2", "落实第一责任人职责", "B局"],
               ["3", "推进科学民主依法决策", "C局"], ["9", "不存在的任务", "D局"]])
    warnings = merge_rows(items, read_division_table(t))
    assert [it.markings.lead for it in items] == [["A局"], ["B局"], ["C局"]]
    assert any("按序号对应到（三）" in w for w in warnings)
    assert any("不存在的任务" in w for w in warnings)


def test_table_only_rows_make_the_outline():
    rows = read_division_table(Table([["序号", "重点任务", "牵头单位"], ["一、甲部分", "", ""], ["1", "任务一", "A局"],
                                      ["2", "（二）任务二", "B局"]]))
    roots = items_from_rows(rows)
    assert roots[0].path_label == "一" and roots[0].first_line == "甲部分"
    assert [(c.path_label, c.first_line) for c in roots[0].children] == [("1", "任务一"), ("(二)", "任务二")]


def test_xlsx_division_table_becomes_a_plan(tmp_path):
    r = import_file(division_xlsx(tmp_path / "fengong.xlsx"))
    assert r.title == "示例县2026年法治政府建设重点任务分工表"
    assert (r.kind, r.year) == ("任务分工方案", 2026)
    assert [t.path for t in r.tasks] == [["一", "1"], ["一", "2"], ["二", "3"]]
    t1, t2, t3 = r.tasks
    assert t1.text == "深入学习贯彻习近平法治思想\n组织专题学习"
    assert (t1.deadline_text, t1.deadline, t1.responsible) == ("长期坚持", None, "张三")
    assert (t2.deadline_text, str(t2.deadline)) == ("2026年12月31日", "2026-12-31")  # a date cell
    assert [u.name for u in t3.lead] == ["县司法局", "县市场监管局"]
    assert [(u.name, u.note) for u in t3.support] == [("各乡镇人民政府（街道办事处）", "等")]
    assert str(t3.deadline) == "2026-06-30"


def test_xlsx_without_sections(tmp_path):
    r = import_file(division_xlsx(tmp_path / "flat.xlsx", title_rows=0, with_sections=False))
    assert [t.path for t in r.tasks] == [["1"], ["2"], ["3"]]


def test_xlsx_without_a_division_header_is_refused(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    p = tmp_path / "contacts.xlsx"
    wb.save(p)
    with pytest.raises(InputFileError, match="分工表"):
        import_file(p)


def test_xlsx_with_a_doctype_is_refused(tmp_path):
    p = division_xlsx(tmp_path / "ok.xlsx")
    import zipfile

    with zipfile.ZipFile(p) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["xl/sharedStrings.xml"] = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                       b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    bad = zip_with(tmp_path / "bad.xlsx", members)
    with pytest.raises(InputFileError, match="DOCTYPE"):
        read_xlsx(bad, bad.name)


def test_cell_text():
    import datetime as dt

    assert cell_text(3.0) == "3"
    assert cell_text(dt.date(2026, 6, 30)) == "2026年6月30日"
    assert cell_text(None) == ""
    assert cell_text(" 县司法局 ") == "县司法局"


def test_pipe_table_after_a_text_plan_is_merged():
    text = "\n".join(["X县2026年工作要点", "一、加强领导", "（一）坚持党的领导。内容。", "（二）落实责任。内容。",
                      "附件：重点任务分工", "| 序号 | 重点任务 | 牵头单位 | 参加单位 |", "| 1 | 坚持党的领导 | 县司法局 | 县直各部门 |",
                      "| 2 | 落实责任 | 县政府办公室 | |", "| 3 | 多出来的一行 | 县财政局 | |"])
    r = import_text(text)
    assert [[u.name for u in t.lead] for t in r.tasks] == [["县司法局"], ["县政府办公室"]]
    assert any("多出来的一行" in w for w in r.warnings)


def test_circled_serial_numbers_read_as_numbers():
    # "①".isdigit() is True but int("①") fails: such a 分工表 used to abort the whole import
    text = "\n".join(["2026年重点任务分工表", "序号 | 重点任务 | 牵头单位 | 完成时限", "① | 加强立法工作 | 县司法局 | 6月底前",
                      "② | 推进执法改革 | 县政府办公室 | 年底前", "③ | 规范行政复议 | 县司法局 | 年底前"])
    r = import_text(text)
    assert [t.title for t in r.tasks] == ["加强立法工作", "推进执法改革", "规范行政复议"]
    assert [t.path for t in r.tasks] == [["1"], ["2"], ["3"]]
