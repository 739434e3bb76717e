"""Variants seen on real documents (issue 9, point 5): a unit marking closing a group of sub-items,
a “|” task table with 负责科室, 及 between unit names, a web mirror's cover line, corruption."""

from __future__ import annotations

from app.services.importing import import_text
from app.services.importing.unit_names import split_unit_names

GROUP = """示例县2023年法治政府建设工作要点
一、推进依法行政
1.加强行政执法监督。具体包括：
(1)开展案卷评查；
(2)开展执法检查；
(3)组织业务培训；
(4)推行执法公示。
(责任单位:县司法局、县委依法治县办)
2.深化政务公开。全面推进决策公开。(责任单位:县政府办)
二、加强组织保障
3.落实第一责任人职责。(责任单位:县委组织部)"""


def names(refs):
    return [u.name for u in refs]


def test_a_marking_after_a_group_of_sub_items_belongs_to_the_item_above_them():
    r = import_text(GROUP)
    assert [t.path for t in r.tasks] == [["一", "1"], ["一", "2"], ["二", "3"]]
    first = r.tasks[0]
    assert names(first.lead) == ["县司法局", "县委依法治县办"]
    assert "（1）开展案卷评查" in first.text and "（4）推行执法公示" in first.text  # the sub-items are its content
    assert not any("未标明责任单位" in w for w in r.warnings)


def test_sub_items_with_their_own_markings_keep_them():
    text = GROUP.replace("(1)开展案卷评查；", "(1)开展案卷评查。(责任单位:县司法局)").replace(
        "(2)开展执法检查；", "(2)开展执法检查。(责任单位:县市场监管局)")
    r = import_text(text)
    paths = [t.path for t in r.tasks]
    assert ["一", "1", "(1)"] in paths and ["一", "1", "(2)"] in paths
    last = next(t for t in r.tasks if t.path == ["一", "1", "(4)"])
    assert names(last.lead) == ["县司法局", "县委依法治县办"]  # the line after (4) stays with (4)


def test_a_pipe_table_one_row_per_line_with_a_section_column_is_a_division_table():
    r = import_text("\n".join([
        "示例县司法局2023年工作要点", "序号|重点任务|负责科室|完成时限",
        "1|加强行政执法监督，开展案卷评查|执法监督科|2023年6月底前", "2|深化普法宣传|普法与依法治理科|2023年12月底前",
        "3|规范行政复议|行政复议与应诉科及办公室|长期坚持", "4|推进法律援助|公共法律服务管理科|2023年9月底前"]))
    assert len(r.tasks) == 4
    assert names(r.tasks[0].lead) == ["执法监督科"] and r.tasks[0].deadline_text == "2023年6月底前"
    assert names(r.tasks[2].lead) == ["行政复议与应诉科", "办公室"]


def test_a_pipe_table_with_a_responsible_section_column_fills_the_numbered_items():
    r = import_text("\n".join([
        "示例县司法局2023年工作要点", "一、加强执法监督", "（一）开展案卷评查。", "（二）开展执法检查。",
        "附件：重点任务分工表", "序号 | 重点任务 | 责任科室 | 配合科室 | 完成时限",
        "1 | 开展案卷评查 | 执法监督科 | 办公室 | 2023年6月底前", "2 | 开展执法检查 | 执法监督科 | 普法科 | 2023年9月底前",
        "3 | 开展业务培训 | 政治处 |  | 2023年10月底前", "4 | 推行执法公示 | 执法监督科 |  | 长期坚持"]))
    first = r.tasks[0]
    assert names(first.lead) == ["执法监督科"] and names(first.support) == ["办公室"]


def test_ji_separates_two_unit_names_but_never_splits_a_name():
    def split(text):
        return [u.name for g in split_unit_names(text) for u in g]

    assert split("市级各有关部门及各县市区政府") == ["市级各有关部门", "各县市区政府"]
    assert split("州发改委、工商局及各县市人民政府") == ["州发改委", "工商局", "各县市人民政府"]
    assert split("市场监管局以及市卫生健康委") == ["市场监管局", "市卫生健康委"]
    assert split("科学技术及信息化局") == ["科学技术及信息化局"]
    assert split("县司法局及其派出机构") == ["县司法局及其派出机构"]
    assert split("各县（市、区）政府及管委会") == ["各县（市、区）政府", "管委会"]
    r = import_text("示例县要点\n一、加强领导\n（一）压实责任。（责任单位：市级各有关部门及各县市区政府）\n（二）强化督查。（责任单位：县委办）")
    assert names(r.tasks[0].lead) == ["市级各有关部门", "各县市区政府"]


MIRROR = """某政辦發(fā)〔2018〕12號《關(guān)於印發(fā)〈某某縣2018年法治政府建設(shè)工作要點(diǎn)〉的通知》
現(xiàn)將《某某縣2018年法治政府建設(shè)工作要點(diǎn)》印發(fā)給你們，請認(rèn)真貫徹執(zhí)行。
一、加強(qiáng)黨的領(lǐng)導(dǎo)
（一）深入學(xué)習(xí)貫徹習(xí)近平法治思想。組織專題學(xué)習(xí)。（牽頭單位：縣司法局）
（二）壓實(shí)第一責(zé)任人職責(zé)。將履行情況列入述職內(nèi)容。（牽頭單位：縣委組織部）"""


def test_a_mirrors_cover_line_with_number_and_quoted_title_in_traditional_characters():
    r = import_text(MIRROR, "mirror-2018-gzyd.txt")
    assert r.title == "某某县2018年法治政府建设工作要点"
    n = r.notice
    assert n.title == "关于印发《某某县2018年法治政府建设工作要点》的通知"
    assert n.doc_number == "某政办发〔2018〕12号"
    assert n.body == "现将《某某县2018年法治政府建设工作要点》印发给你们，请认真贯彻执行。"
    assert r.preamble == ""  # the notice's sentence is not the plan's first paragraph
    assert len(r.tasks) == 2 and "mirror" not in r.title


def test_the_number_after_the_title_on_one_line():
    r = import_text("关於印發《某某縣2018年法治政府建設工作要點》的通知 某政辦發〔2018〕12號\n"
                    + MIRROR.split("\n", 1)[1], "x.txt")
    assert r.notice.doc_number == "某政办发〔2018〕12号"
    assert r.notice.title == "关于印发《某某县2018年法治政府建设工作要点》的通知"
    assert r.title == "某某县2018年法治政府建设工作要点"


def test_a_file_name_never_becomes_the_title():
    r = import_text("一、加强领导\n（一）压实责任。（牵头单位：县委办）", "去年的要点.docx")
    assert r.title == "" and not any("去年的要点" in w for w in r.warnings)
    assert any("找不到文件标题" in w for w in r.warnings)


def test_corruption_is_kept_and_reported_with_its_place():
    r = import_text(MIRROR.replace("組織專題學(xué)習(xí)", "組織??????學(xué)習(xí)").replace("述職內(nèi)容", "è¿°è\u0081Œ"))
    found = [w for w in r.warnings if "乱码" in w]
    assert len(found) == 2
    assert found[0].startswith("一（一）“深入学习贯彻习近平法治思") and "？？？？？？" in found[0]
    assert found[1].startswith("一（二）") and "è¿°" in found[1]
