from datetime import date

import pytest

from app.services.importing import import_text
from app.services.importing.cover import parse_cn_date_line, parse_cover, split_organs
from app.services.importing.cover_title import plan_kind, plan_title_from, year_in
from app.services.importing.outline import build_outline
from app.services.importing.tasks import is_guiding


# ---- cover ----------------------------------------------------------------------------------------
def test_full_cover_in_gbt9704_order():
    lines = ["示例县人民政府办公室文件", "示政办发〔2026〕5号", "关于印发《示例县2026年法治政府建设工作要点》的通知",
             "各乡镇人民政府，县政府各部门：", "《示例县2026年法治政府建设工作要点》已经县政府同意，现印发给你们。", "附件：示例县2026年法治政府建设工作要点",
             "示例县人民政府办公室", "2026年3月20日", "（此件公开发布）", "附件", "示例县2026年法治政府建设工作要点", "为推进…，制定本要点。"]
    cover = parse_cover(lines)
    n = cover.notice
    assert n.header_text == "示例县人民政府办公室文件"
    assert n.doc_number == "示政办发〔2026〕5号"
    assert n.title == "关于印发《示例县2026年法治政府建设工作要点》的通知"
    assert n.recipients == "各乡镇人民政府，县政府各部门"
    assert n.body.endswith("附件：示例县2026年法治政府建设工作要点")
    assert n.issuers == ["示例县人民政府办公室"]
    assert n.sign_date == date(2026, 3, 20)
    assert n.note == "（此件公开发布）"
    assert cover.title == "示例县2026年法治政府建设工作要点"
    assert cover.preamble == ["为推进…，制定本要点。"]


@pytest.mark.parametrize(("printed", "normal"), [
    ("许政 [2020] 20号", "许政〔2020〕20号"),
    ("X政发【2017】第05号", "X政发〔2017〕5号"),
    ("示政办发(2026)5号", "示政办发〔2026〕5号"),
])
def test_malformed_doc_numbers_are_normalized_with_a_warning(printed, normal):
    cover = parse_cover([printed, "关于印发《X方案》的通知", "各单位：", "现印发。", "X县人民政府", "2020年5月6日", "X方案"])
    assert cover.notice.doc_number == normal
    assert any(printed in w and normal in w for w in cover.warnings)


def test_title_over_two_lines_and_joint_signature():
    lines = ["中共示例县委 示例县人民政府关于印发《示例县法治政府建设", "实施方案》的通知", "各乡镇党委、政府：", "现印发给你们。",
             "中共示例县委", "示例县人民政府", "二〇二二年五月四日", "示例县法治政府建设实施方案", "（2021—2025年）"]
    cover = parse_cover(lines)
    assert cover.notice.title.endswith("实施方案》的通知")
    assert cover.notice.issuers == ["中共示例县委", "示例县人民政府"]
    assert cover.notice.sign_date == date(2022, 5, 4)
    assert cover.title == "示例县法治政府建设实施方案（2021—2025年）"
    assert cover.period == "2021—2025年"


def test_doc_number_from_page_metadata():
    cover = parse_cover(["关于印发《X要点》的通知", "各单位：", "现印发。", "X县人民政府", "2022年1月2日", "X要点"],
                        {"发文字号": "X政发〔2022〕3号"})
    assert cover.notice.doc_number == "X政发〔2022〕3号"
    assert any("信息栏" in w for w in cover.warnings)


def test_no_cover_at_all():
    cover = parse_cover(["阿拉善经济开发区加快推进法治政府建设实施方案", "为深入贯彻落实…，制定如下实施方案。"])
    assert cover.notice is None
    assert cover.title == "阿拉善经济开发区加快推进法治政府建设实施方案"
    assert cover.preamble == ["为深入贯彻落实…，制定如下实施方案。"]


def test_no_title_anywhere_never_takes_the_file_name():
    cover = parse_cover([])
    assert cover.title == "" and cover.title_guessed and "请填写标题" in cover.title_note
    cover = parse_cover([], {"标题": "示例县2026年法治政府建设工作要点"})  # a web page's own title
    assert cover.title == "示例县2026年法治政府建设工作要点"


@pytest.mark.parametrize(("line", "d"), [("2022年6月14日", date(2022, 6, 14)), ("二〇二二年六月十四日", date(2022, 6, 14)),
                                         ("2022年13月1日", None), ("2022年6月14日印发", None)])
def test_date_lines(line, d):
    assert parse_cn_date_line(line) == d


def test_organs():
    assert split_organs("中共重庆市綦江区委 重庆市綦江区人民政府") == ["中共重庆市綦江区委", "重庆市綦江区人民政府"]
    assert split_organs("新疆维吾尔自治区人民政府办公厅") == ["新疆维吾尔自治区人民政府办公厅"]
    assert split_organs("请认真贯彻执行。") is None


def test_title_year_kind():
    assert plan_title_from(["阿拉善经济开发区加快推进", "法治政府建设实施方案", "为…"]) == (
        "阿拉善经济开发区加快推进法治政府建设实施方案", "", 2)
    assert year_in("（2021—2025年）") == 2021
    assert year_in("二〇二二年工作要点") == 2022
    assert year_in("没有年份") is None
    assert [plan_kind(t) for t in ("X县2022年法治政府建设工作要点", "X实施方案", "X重点任务分工方案", "X意见")] == [
        "年度工作要点", "实施方案", "任务分工方案", "其他"]


# ---- outline --------------------------------------------------------------------------------------
def test_outline_nests_by_label_style_and_skips_levels():
    outline, warnings = build_outline(["一、甲", "1.子一", "2.子二", "（1）细目", "二、乙", "（一）丙", "1.丁"], [])
    a, b = outline.roots
    assert [c.path_label for c in a.children] == ["1", "2"]
    assert a.children[1].children[0].path_label == "(1)" and a.children[1].children[0].level == 3
    assert b.children[0].children[0].level == 3
    assert warnings == []


def test_outline_stops_at_the_attachment_and_finds_closing():
    outline, warnings = build_outline(
        ["一、甲", "（一）乙。内容。", "各单位要高度重视，确保落实。", "附件：分工表", "附件正文一", "附件正文二"], ["前言"])
    assert outline.closing == ["各单位要高度重视，确保落实。"]
    assert outline.attachment_note == "附件：分工表"
    assert outline.preamble == ["前言"]
    assert any("附件部分" in w for w in warnings)


def test_numbering_gaps_are_reported():
    _, warnings = build_outline(["一、甲", "（一）a", "（三）b"], [])
    assert any("（一）之后是（三）" in w for w in warnings)


# ---- tasks ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("heading", "guiding"), [
    ("指导思想", True), ("总体要求和工作目标", True), ("工作目标和基本原则", True), ("保障措施", True), ("组织领导", True),
    ("加强组织领导，完善法治政府建设推进机制", False), ("健全依法决策机制", False),
])
def test_guiding_headings(heading, guiding):
    assert is_guiding(heading) is guiding


def test_task_level_follows_the_markings():
    r = import_text("\n".join([
        "X县实施方案", "一、总体要求", "（一）指导思想。坚持…。", "二、主要任务", "（一）甲任务。内容。", "1.甲细则。",
        "责任单位：县司法局", "2.乙细则。", "责任单位：县财政局", "（二）乙任务。", "1.丙细则。", "责任单位：县公安局",
        "2.丁细则，未标单位。", "三、保障措施", "（一）加强领导。"]))
    assert [t.path for t in r.tasks] == [["二", "(一)", "1"], ["二", "(一)", "2"], ["二", "(二)", "1"], ["二", "(二)", "2"]]
    assert any("未标明责任单位" in w and "二（二）2" in w for w in r.warnings)


def test_without_markings_the_lowest_level_holds_the_tasks_and_sparse_sub_points_stay_inside():
    lines = ["X县工作要点", "一、指导思想", "坚持…。", "二、重点任务"]
    for k in range(1, 7):
        lines.append(f"（{'一二三四五六'[k - 1]}）任务{k}。内容{k}。")
    lines += ["（1）细目甲。", "（2）细目乙。", "三、工作要求", "各单位要…。"]
    r = import_text("\n".join(lines))
    assert [t.path for t in r.tasks] == [["二", f"({c})"] for c in "一二三四五六"]
    assert r.tasks[-1].text == "任务6。内容6。\n（1）细目甲。\n（2）细目乙。"


def test_a_document_without_any_item_is_refused():
    from app.services.errors import InputFileError

    with pytest.raises(InputFileError, match="编号条目"):
        import_text("这是一段普通的文字。\n没有任何编号。")


def test_half_bracket_labels():
    r = import_text("X县要点\n一、甲\n1）子任务一。（责任单位：县司法局）\n2）子任务二。（责任单位：县财政局）")
    assert [t.path for t in r.tasks] == [["一", "(1)"], ["一", "(2)"]]


def test_labels_inside_the_notice_do_not_start_the_outline():
    r = import_text("\n".join([
        "关于印发《示例县2022年法治政府建设工作要点》的通知", "示政办发〔2022〕3号", "各乡镇人民政府，县政府各部门：",
        "现将《示例县2022年法治政府建设工作要点》印发给你们，请认真贯彻落实。", "附件：1.示例县2022年法治政府建设工作要点",
        "2.示例县2022年法治政府建设重点任务分工表", "示例县人民政府办公室", "2022年3月1日", "示例县2022年法治政府建设工作要点",
        "一、加强党的领导", "（一）落实第一责任人职责。（牵头单位：县司法局）"]))
    assert r.title == "示例县2022年法治政府建设工作要点"
    assert r.notice.issuers == ["示例县人民政府办公室"] and r.notice.doc_number == "示政办发〔2022〕3号"
    assert r.notice.body.endswith("2.示例县2022年法治政府建设重点任务分工表")
    assert [t.path for t in r.tasks] == [["一", "(一)"]]


def test_a_notice_whose_body_is_the_plan():
    r = import_text("\n".join([
        "示例县人民政府办公室关于做好2022年法治政府建设工作的通知", "各乡镇人民政府，县政府各部门：", "现将有关事项通知如下：",
        "一、加强党的领导", "（一）落实第一责任人职责。（牵头单位：县司法局）", "（二）推进依法决策。（牵头单位：县政府办公室）",
        "各单位要高度重视，确保落实。", "示例县人民政府办公室", "2022年3月1日", "（此件公开发布）"]))
    assert r.title == "示例县人民政府办公室关于做好2022年法治政府建设工作的通知" and r.year == 2022
    n = r.notice
    assert (n.body, n.issuers, str(n.sign_date), n.note) == (
        "现将有关事项通知如下：", ["示例县人民政府办公室"], "2022-03-01", "（此件公开发布）")
    assert [t.path for t in r.tasks] == [["一", "(一)"], ["一", "(二)"]]
    assert r.closing == "各单位要高度重视，确保落实。"
    assert any("通知正文即为工作要点" in w for w in r.warnings)


def test_a_plan_signed_at_its_end():
    r = import_text("X县2022年工作要点\n一、甲\n（一）乙。（牵头单位：县司法局）\nX县人民政府\n2022年3月1日")
    assert r.tasks[0].text == "乙。"
    assert any("署名和日期" in w for w in r.warnings)


def test_a_title_shown_twice_by_a_web_page_is_read_once():
    cover = parse_cover(["示例县法治政府建设实施方案", "示例县法治政府建设实施方案", "为推进…，制定本方案。"])
    assert cover.title == "示例县法治政府建设实施方案"
    assert cover.preamble == ["为推进…，制定本方案。"]


def test_other_notes_under_the_date():
    cover = parse_cover(["关于印发《X方案》的通知", "各单位：", "现印发。", "X县人民政府", "2022年1月2日", "（联系人：张三，电话：1234567）", "X方案"])
    assert cover.notice.note == "（联系人：张三，电话：1234567）"
    assert cover.title == "X方案"
