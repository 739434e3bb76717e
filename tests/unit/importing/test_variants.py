"""Shapes of other documents of this family, written small: the importer must follow general
rules, not the four samples."""

from datetime import date

from docx import Document

from app.services.importing import import_file, import_text

from .builders import add_table


def test_notice_title_over_three_lines_and_no_signature():
    r = import_text("\n".join([
        "西政办〔2020〕20号", "西平县人民政府办公室", "关于印发西平县2020年度法治政府建设", "工作安排的通知",
        "各乡镇人民政府,各街道办事处,县直有关单位:", "《西平县2020年度法治政府建设工作安排》已经县政府同意,现印发给你们。",
        "2020年7月8日", "西平县2020年度法治政府建设工作安排", "现就做好2020年度法治政府建设工作安排如下:",
        "一、依法全面履行政府职能", "(一)为推动经济高质量发展提供法治保障。加强备案审查。",
        "责任单位:县政府办公室、县司法局、各有关部门,乡镇人民政府按职责分工分别负责。"]))
    n = r.notice
    assert n.title == "西平县人民政府办公室关于印发西平县2020年度法治政府建设工作安排的通知"
    assert (n.doc_number, n.issuers, n.sign_date) == ("西政办〔2020〕20号", ["西平县人民政府办公室"], date(2020, 7, 8))
    assert any("发文机关取自标题" in w for w in r.warnings)
    assert (r.kind, r.year) == ("年度工作要点", 2020)
    t = r.tasks[0]
    assert [u.name for u in t.lead] == ["县政府办公室", "县司法局", "各有关部门", "乡镇人民政府"]
    assert t.lead[-1].note == "按职责分工分别负责"


def test_metadata_in_a_pipe_table_fills_the_notice():
    r = import_text("\n".join([
        "索 引 号 | 1162/2025-48086 | 主题分类 | 金政发 |", "发文字号 | 金政发〔2025〕33号 | 制发机构 | |", "有效性 | |||",
        "成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |",
        "标 题 | 金昌市人民政府关于印发《金昌市创建全国法治政府建设示范市实施方案》的通知 |",
        "永昌县、金川区人民政府,市政府各部门:", "《金昌市创建全国法治政府建设示范市实施方案》已经市委、市政府同意,现印发给你们。",
        "金昌市人民政府", "2025年6月13日", "(此件公开发布)", "金昌市创建全国法治政府建设示范市实施方案",
        "一、总体要求", "坚持以习近平新时代中国特色社会主义思想为指导。", "二、主要创建任务",
        "(一)完善推进机制。建立健全工作机制。(牵头单位:市委依法治市办;责任单位:市直各部门)",
        "(二)健全职能体系。动态调整权责清单,2025年9月底前完成。(牵头单位:市委编办)"]))
    n = r.notice
    assert n.title == "金昌市人民政府关于印发《金昌市创建全国法治政府建设示范市实施方案》的通知"
    assert (n.doc_number, n.issuers, n.note) == ("金政发〔2025〕33号", ["金昌市人民政府"], "（此件公开发布）")
    assert [[u.name for u in t.support] for t in r.tasks] == [["市直各部门"], []]  # 责任单位 under a 牵头单位
    assert (r.tasks[1].deadline_text, r.tasks[1].deadline) == ("2025年9月底前", date(2025, 9, 30))


def test_stray_layout_lines_are_not_the_recipients():
    r = import_text("\n".join([
        "中共张掖市委张掖市人民政府关于印发《张掖市法治政府建设实施方案(2016-2020年)》的通知", "",
        "发布时间: 2024-12-17 15:16 来源:张掖市人民政府办公室", " : ", "", "市委发〔2017〕23号", "",
        "各县区委、县区人民政府,市委各部门:", "", "《张掖市法治政府建设实施方案(2016-2020年)》已经同意,现印发给你们。", "",
        "中共张掖市委   张掖市人民政府", "", "2017年4月24日", "", "张掖市法治政府建设实施方案(2016-2020年)", "",
        "一、总体要求", "", "(一)指导思想。以马克思列宁主义为指导。", "", "二、主要任务", "", "(一)依法全面履行政府职能", "",
        "1.推进政府职能转变。深化行政审批制度改革。", "", "2.推行权力清单制度。"]))
    n = r.notice
    assert n.recipients == "各县区委、县区人民政府，市委各部门"
    assert (n.doc_number, n.issuers) == ("市委发〔2017〕23号", ["中共张掖市委", "张掖市人民政府"])
    assert (r.title, r.year, r.period) == ("张掖市法治政府建设实施方案（2016-2020年）", 2016, "2016—2020年")
    assert [t.path for t in r.tasks] == [["二", "(一)", "1"], ["二", "(一)", "2"]]


def test_traditional_web_copy_with_pinyin():
    r = import_text("\n".join([
        "廣東省法治政府建設實施綱要", "五、健全行政執(zhí)法體制機制", "目標:健全行政執(zhí)法體制,創(chuàng)新行政執(zhí)法方式。",
        "22.理順行政執(zhí)法體制。發(fā)揮縣(市、區(qū))政府貼近基層的優(yōu)勢。",
        "23.規(guī)範行政執(zhí)法程序。(牽頭單位:省法制辦;配合單位:省直有關單位)"]))
    assert r.title == "广东省法治政府建设实施纲要"
    assert r.tasks[0].text == "理顺行政执法体制。发挥县（市、区）政府贴近基层的优势。"
    assert [u.name for u in r.tasks[1].lead] == ["省法制办"] and [u.name for u in r.tasks[1].support] == ["省直有关单位"]
    assert any("繁体字" in w for w in r.warnings) and any("拼音" in w for w in r.warnings)


def test_four_levels_without_markings():
    lines = ["成都市法治政府建设实施方案(2021-2025年)", "一、总体要求", "坚持以习近平新时代中国特色社会主义思想为指导。", "二、工作任务",
             "(一)健全政府机构职能体系", "1.推进政府机构职能优化协同高效", "(1)规范行政权力运行。优化职能配置。", "(2)深化权责清单管理。",
             "2.深入推进“放管服”改革", "(1)推进行政审批制度改革。", "(2)深化“证照分离”改革。", "(3)推进投资审批制度改革。2022年底前完成。",
             "三、组织保障", "(一)加强党的领导。各级党委要切实加强领导。"]
    r = import_text("\n".join(lines))
    assert [t.path[-1] for t in r.tasks] == ["(1)", "(2)", "(1)", "(2)", "(3)"]
    assert r.tasks[-1].deadline == date(2022, 12, 31) or r.tasks[-1].deadline is None
    assert r.tasks[-1].deadline_text == "2022年底前"


def test_layout_tables_in_a_word_cover(tmp_path):
    doc = Document()
    add_table(doc, [["示例县人民政府办公室文件"]])
    for line in ["示政办发〔2026〕5号", "关于印发《示例县2026年法治政府建设工作要点》的通知", "各乡镇人民政府，县政府各部门：",
                 "现将《示例县2026年法治政府建设工作要点》印发给你们。"]:
        doc.add_paragraph(line)
    add_table(doc, [["示例县人民政府办公室", "示例县司法局"]])  # two organs signing side by side
    for line in ["2026年3月20日", "示例县2026年法治政府建设工作要点", "一、加强领导", "（一）落实责任。（牵头单位：县司法局）"]:
        doc.add_paragraph(line)
    p = tmp_path / "cover.docx"
    doc.save(p)
    r = import_file(p)
    n = r.notice
    assert n.header_text == "示例县人民政府办公室文件"
    assert n.issuers == ["示例县人民政府办公室", "示例县司法局"]
    assert [u.name for u in r.tasks[0].lead] == ["县司法局"]
    assert not any("不是重点任务分工表" in w for w in r.warnings)


def test_quoted_title_repeated_number_and_no_plan_title():
    r = import_text("\n".join([
        "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》",
        "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》", "京政办发〔2016〕26号", "京政办发〔2016〕26号",
        "各区人民政府,市政府各委、办、局:", "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们。", "北京市人民政府办公厅",
        "2016年5月28日", "2016年是全面建成小康社会决胜阶段的开局之年。", "一、围绕深化改革推进公开",
        "(一)进一步推进权力清单公开", "对权力清单进行动态调整。", "(二)推进行政审批公开", "公开审批事项。"]))
    # the title was quoted whole, its own 《》 written 〈〉: unquoted, they are 《》 again
    assert r.notice.title == "北京市人民政府办公厅关于印发《北京市2016年政务公开工作要点》的通知"
    assert r.notice.doc_number == "京政办发〔2016〕26号"
    assert (r.title, r.year, r.kind) == ("北京市2016年政务公开工作要点", 2016, "年度工作要点")
    assert r.preamble == "2016年是全面建成小康社会决胜阶段的开局之年。"
    assert [t.path for t in r.tasks] == [["一", "(一)"], ["一", "(二)"]]


def test_site_banners_are_furniture():
    r = import_text("\n".join([
        "今天是:2019年10月31日 星期三", "无障碍 简体| 繁体", "您所在的位置:政务公开 > 工作报告", "2020年静海区法治政府建设情况报告",
        "文章来源:司法局 更新时间:2021/03/29 11:30:01", "2020年静海区法治政府建设情况报告", "2020年,静海区坚持依法行政。",
        "一、主要举措", "(一)加强组织领导", "1.加强党的领导。区委研究部署。", "2.强化考核评价。纳入绩效考核。"]))
    assert r.title == "2020年静海区法治政府建设情况报告" and r.notice is None
    assert r.preamble == "2020年，静海区坚持依法行政。"
    assert len(r.tasks) == 2
