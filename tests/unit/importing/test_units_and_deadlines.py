import pytest

from app.services.importing.deadline_text import find_deadlines
from app.services.importing.model import Item
from app.services.importing.unit_markings import extract_markings, parse_labelled, parse_unlabelled
from app.services.importing.unit_names import (
    PrintedUnit,
    looks_like_unit,
    split_top,
    split_unit_names,
    strip_qualifier,
)


def item(first_line: str, *lines: str) -> Item:
    it = Item(rank=2, number=1, label="（一）", path_label="(一)", first_line=first_line, lines=list(lines))
    extract_markings(it)
    return it


def roles(it: Item):
    return ([(u.name, u.note) for u in it.markings.units if u.role == "lead"],
            [(u.name, u.note) for u in it.markings.units if u.role == "support"])


# ---- names ----------------------------------------------------------------------------------------
def test_never_split_inside_brackets():
    assert split_top("各县（市、区）政府（管委会）、州直各部门", "、") == ["各县（市、区）政府（管委会）", "州直各部门"]


@pytest.mark.parametrize(("name", "out"), [
    ("各县市人民政府等", ("各县市人民政府", "等")),
    ("自治区人民政府有关部门按职责分工负责", ("自治区人民政府有关部门", "按职责分工负责")),
    ("县司法局牵头", ("县司法局", "牵头")),
    ("由县司法局牵头负责", ("县司法局", "牵头负责")),
    ("县司法局", ("县司法局", "")),
])
def test_qualifiers_become_notes(name, out):
    assert strip_qualifier(name) == out


def test_group_qualifier_applies_to_the_whole_group():
    assert split_unit_names("A局、B局牵头，C局按职责分工负责") == [
        [PrintedUnit("A局", "牵头"), PrintedUnit("B局", "牵头")], [PrintedUnit("C局", "按职责分工负责")]]
    assert split_unit_names("州政府办公室 政府法制办") == [[PrintedUnit("州政府办公室"), PrintedUnit("政府法制办")]]


@pytest.mark.parametrize(("name", "ok"), [("县司法局", True), ("各乡镇", True), ("有关单位", True), ("乌斯太镇", True),
                                          ("2021—2025年", False), ("试行", False), ("见附件，下同", False)])
def test_looks_like_unit(name, ok):
    assert looks_like_unit(name) is ok


# ---- marking styles -------------------------------------------------------------------------------
def test_trailing_labelled_bracket():
    it = item("加强领导。落实到位。（牵头单位：县司法局、县委宣传部；配合单位：各乡镇人民政府；完成时限：2026年6月底前）")
    assert roles(it) == ([("县司法局", ""), ("县委宣传部", "")], [("各乡镇人民政府", "")])
    assert it.markings.deadline_text == "2026年6月底前"
    assert it.first_line == "加强领导。落实到位。"
    assert it.marked


def test_labelled_lines_after_the_item():
    it = item("依法规范行政职权。", "坚持职权法定。", "责任单位：州政府办公室，州党委编办", "配合单位：州政府各部门、政府法制办",
              "责任人：张三", "完成时限：长期坚持")
    assert roles(it) == ([("州政府办公室", ""), ("州党委编办", "")], [("州政府各部门", ""), ("政府法制办", "")])
    assert it.lines == ["坚持职权法定。"]
    assert it.markings.responsible == "张三"
    assert it.markings.deadline_text == "长期坚持"


def test_bracketed_marking_line():
    it = item("推进改革。", "（责任单位：县发展改革局）")
    assert roles(it) == ([("县发展改革局", "")], [])
    assert it.lines == []


def test_unlabelled_units_before_the_comma_lead():
    it = item("深化“放管服”改革。（市编办、市审批局，市政府各部门）")
    assert roles(it) == ([("市编办", ""), ("市审批局", "")], [("市政府各部门", "")])
    assert it.first_line == "深化“放管服”改革。"


def test_unlabelled_units_with_qualifiers():
    it = item("严格执法（市司法局、市公安局牵头，各县（市、区）政府（管委会）按职责分工负责）。")
    assert roles(it) == ([("市司法局", "牵头"), ("市公安局", "牵头")], [("各县（市、区）政府（管委会）", "按职责分工负责")])
    assert it.first_line == "严格执法。"
    it = item("开展培训。（县司法局负责，县直各部门配合）")
    assert roles(it) == ([("县司法局", "负责")], [("县直各部门", "配合")])


def test_single_unit_after_a_verb_is_a_marking():
    it = item("（十）加强督查（县政府办公室）。")
    assert roles(it) == ([("县政府办公室", "")], [])


def test_unlabelled_bracket_with_a_deadline():
    it = item("完成清理。（县司法局，2026年年底前）")
    assert roles(it) == ([("县司法局", "")], [])
    assert it.markings.deadline_text == "2026年年底前"


def test_brackets_that_are_not_markings_stay():
    for text in ("指导各县（市、区）政府（管委会）。", "制定实施方案（2021—2025年）。", "推广应用（内蒙古）协调监管平台。",
                 "开展培训（见附件）。"):
        it = item(text)
        assert it.first_line == text
        assert not it.marked


def test_unclosed_labelled_bracket_runs_to_the_end():
    it = Item(rank=2, number=15, label="（十五）", path_label="(十五)", first_line="建立机制。（牵头单位：乌斯太镇")
    warnings = extract_markings(it)
    assert roles(it) == ([("乌斯太镇", "")], [])
    assert it.first_line == "建立机制。"
    assert warnings and "没有闭合" in warnings[0]


def test_inline_labels_at_the_end_of_a_paragraph():
    it = item("加强监督。牵头单位：县司法局；配合单位：县财政局")
    assert roles(it) == ([("县司法局", "")], [("县财政局", "")])
    assert it.first_line == "加强监督。"


def test_a_unit_named_twice_keeps_its_first_role():
    marks = parse_labelled("牵头单位：县司法局；配合单位：县司法局、县财政局")
    assert marks.lead == ["县司法局"] and marks.support == ["县财政局"]


def test_parse_unlabelled_refuses_prose():
    assert parse_unlabelled("详见附件，按要求报送") is None
    assert parse_unlabelled("") is None


# ---- inline deadlines -----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("2022年年底前动态调整权责清单。", ["2022年年底前"]),
    ("到2025年年底，实现出庭应诉率位于前列。", ["到2025年年底"]),
    ("6月底前完成清理，9月30日前报送。", ["6月底前", "9月30日前"]),
    ("每年4月1日前公布上一年度报告。", ["每年4月1日前"]),
    ("此项工作长期坚持。", ["长期坚持"]),
    ("确保年底前接受不少于60学时培训。", ["年底前"]),
    ("2023年底前基本建成。", ["2023年底前"]),
    ("2026年第三季度完成。", ["2026年第三季度"]),
    ("到2020年基本建成法治政府。", []),  # a target year, not a deadline
    ("一年内发生多起案件的。", []),
    ("落实《2022年前三季度工作方案》。", []),  # inside a title
    ("2022年前完成。", []),  # ambiguous: by 2022, or before it?
])
def test_inline_deadlines(text, found):
    assert find_deadlines(text) == found


# ---- further styles met in documents of this family -----------------------------------------------
def test_responsible_units_support_when_a_lead_is_named():
    it = item("乙任务。（牵头单位：县司法局；责任单位：各乡镇人民政府）")
    assert roles(it) == ([("县司法局", "")], [("各乡镇人民政府", "")])
    it = item("丙任务。", "牵头单位：县政府办公室", "责任单位：县直各部门")  # across two lines
    assert roles(it) == ([("县政府办公室", "")], [("县直各部门", "")])


def test_bracketed_lead_qualifier_inside_a_list():
    it = item("丁任务。（责任单位：县司法局（牵头）、县财政局、县审计局）")
    assert roles(it) == ([("县司法局", "牵头")], [("县财政局", ""), ("县审计局", "")])


def test_square_brackets_and_a_division_label():
    it = item("戊任务。【责任分工：县公安局牵头，县司法局配合】")
    assert roles(it) == ([("县公安局", "牵头")], [("县司法局", "配合")])
    it = item("己任务。【县发展改革局、县财政局，县直各部门】")
    assert roles(it) == ([("县发展改革局", ""), ("县财政局", "")], [("县直各部门", "")])


def test_units_closing_a_heading_line_with_its_body_below():
    it = item("深化“放管服”改革（市编办、市审批局，市政府各部门）", "推进简政放权。")
    assert roles(it) == ([("市编办", ""), ("市审批局", "")], [("市政府各部门", "")])
    assert it.first_line == "深化“放管服”改革" and it.lines == ["推进简政放权。"]


@pytest.mark.parametrize(("bracket", "deadline"), [("（县司法局，2026年12月底前完成）", "2026年12月底前完成"),
                                                   ("（县司法局，长期坚持）", "长期坚持"), ("（县司法局，持续推进）", "持续推进")])
def test_deadline_inside_an_unlabelled_bracket(bracket, deadline):
    it = item("完成清理。" + bracket)
    assert roles(it) == ([("县司法局", "")], [])
    assert it.markings.deadline_text == deadline
