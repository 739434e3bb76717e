"""The four real documents, asserted in detail. Expectations come from reading the documents
(see tests/data/samples), not from the parser's output."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.numbering import to_chinese


def by_path(result, *path):
    for t in result.tasks:
        if t.path == list(path):
            return t
    raise AssertionError(f"no task at {path}")


def names(refs):
    return [u.name for u in refs]


@pytest.mark.parametrize(("name", "count"), [("xinjiang", 35), ("qijiang", 85), ("alashan", 24), ("changji", 30)])
def test_task_counts(sample, name, count):
    assert len(sample(name).tasks) == count


# ---- xinjiang: 工作要点 with a cover notice and a one-cell-per-line 分工表 --------------------------
def test_xinjiang_plan_and_notice(sample):
    r = sample("xinjiang")
    assert r.title == "自治区法治政府建设2022年工作要点"
    assert (r.kind, r.year) == ("年度工作要点", 2022)
    n = r.notice
    assert n.title == "关于印发《自治区法治政府建设2022年工作要点》的通知"
    assert n.doc_number == "新政办发〔2022〕31号"
    assert n.issuers == ["新疆维吾尔自治区人民政府办公厅"]
    assert n.sign_date == date(2022, 6, 14)
    assert n.recipients == "伊犁哈萨克自治州，各州、市、县（市）人民政府，各行政公署，自治区人民政府各部门、各直属机构"
    assert n.body.startswith("《自治区法治政府建设2022年工作要点》已经自治区党委")
    assert n.body.endswith("于2022年6月23日前报自治区司法厅（联系方式：0991-2956537）。")
    assert n.note == ""
    assert r.preamble.startswith("自治区法治政府建设2022年工作坚持以习近平新时代中国特色社会主义思想为指导")


def test_xinjiang_paths_follow_continuous_numbering(sample):
    r = sample("xinjiang")
    parts = [3, 8, 3, 3, 4, 2, 4, 3, 2, 3]  # items under 一 … 十, numbered (一) to (三十五) throughout
    expected, k = [], 1
    for part, size in enumerate(parts, start=1):
        for _ in range(size):
            expected.append([to_chinese(part), f"({to_chinese(k)})"])
            k += 1
    assert [t.path for t in r.tasks] == expected
    assert r.continuous_levels == (2,)


def test_xinjiang_units_come_from_the_attached_table(sample):
    r = sample("xinjiang")
    t = by_path(r, "一", "(一)")
    assert t.title == "深入学习贯彻习近平法治思想"
    assert names(t.lead) == ["自治区司法厅"]
    assert names(t.support) == ["自治区人民政府有关部门"]
    t = by_path(r, "二", "(四)")
    assert t.title == "全面实行政府权责清单制度"
    assert names(t.lead) == ["自治区人民政府有关部门"] and t.lead[0].note == "按职责分工负责"
    assert t.support == []
    t = by_path(r, "二", "(六)")
    assert names(t.lead) == ["自治区市场监管局", "发改委", "住建厅"]  # kept as printed
    t = by_path(r, "五", "(十九)")
    assert names(t.lead) == ["自治区市场监管局", "卫生健康委", "自然资源厅", "生态环境厅", "应急管理厅", "人社厅"]
    assert {u.note for u in t.lead} == {"按职责分工负责"}
    t = by_path(r, "八", "(二十八)")
    assert names(t.support) == ["自治区政务服务和公共资源交易中心", "自治区人民政府有关部门"]
    t = by_path(r, "九", "(三十二)")
    assert t.title == "深入推进“互联网+”监管执法"
    assert names(t.lead) == ["自治区公安厅", "司法厅", "市场监管局", "政务服务和公共资源交易中心", "自治区各行政执法部门"]
    assert all(t.lead or t.support for t in r.tasks)


def test_xinjiang_deadlines(sample):
    r = sample("xinjiang")
    with_deadline = {tuple(t.path): (t.deadline_text, t.deadline) for t in r.tasks if t.deadline_text}
    end = date(2022, 12, 31)
    assert with_deadline == {
        ("二", "(四)"): ("2022年年底前", end),
        ("二", "(七)"): ("2022年年底前", end),
        ("五", "(二十)"): ("2022年年底前", end),
        ("七", "(二十五)"): ("2022年年底前", end),
        ("九", "(三十二)"): ("2022年年底前", end),
        ("十", "(三十五)"): ("年底前", end),
    }


def test_xinjiang_text_and_furniture(sample):
    r = sample("xinjiang")
    t = by_path(r, "一", "(二)")
    assert t.text == ("坚持党的领导。各级政府要在党委统一领导下，履行法治政府建设主体责任，主动向党委报告法治政府建设中的"
                      "重大问题。落实法治政府建设年度报告制度，按时向社会公开。")
    assert all("相关链接" not in t.text for t in r.tasks)
    assert any("相关链接" in w for w in r.warnings)


# ---- qijiang: 实施方案 2021—2025, joint notice, no units -------------------------------------------
def test_qijiang_plan_and_joint_notice(sample):
    r = sample("qijiang")
    assert r.title == "重庆市綦江区法治政府建设实施方案（2021—2025年）"
    assert (r.kind, r.year, r.period) == ("实施方案", 2021, "2021—2025年")
    n = r.notice
    assert n.title.startswith("中共重庆市綦江区委 重庆市綦江区人民政府关于印发《重庆市綦江区法治政府建设")
    assert n.title.endswith("实施方案（2021—2025年）》的通知")
    assert n.issuers == ["中共重庆市綦江区委", "重庆市綦江区人民政府"]
    assert n.sign_date == date(2022, 5, 4)
    assert n.doc_number is None
    assert n.recipients.startswith("各街道党工委、办事处，各镇党委、人民政府")
    assert n.recipients.endswith("在綦市属机构")
    assert n.body == "经区委、区政府研究同意，现将《重庆市綦江区法治政府建设实施方案（2021—2025年）》印发给你们，请认真贯彻执行。"
    assert n.note == "（此件公开发布）"
    assert r.preamble.startswith("为全面准确贯彻《法治政府建设实施纲要（2021—2025年）》")
    assert r.closing.startswith("全区各街镇、各部门要全面准确贯彻落实本实施方案")


def test_qijiang_tasks_are_the_numbered_items(sample):
    r = sample("qijiang")
    assert [t.path[-1] for t in r.tasks] == [str(k) for k in range(1, 86)]
    assert by_path(r, "二", "(四)", "1").title == (
        "坚持优化政府组织结构与促进政府职能转变、理顺部门职责关系统筹结合，机构设置更加科学、职能更加优化、权责更加协同")
    assert by_path(r, "六", "(十五)", "36").title == "健全规范应急处置收集、使用个人信息机制制度，切实保护公民个人信息"
    long = by_path(r, "十", "(三十三)", "85")
    assert len(long.title) == 60 and long.title.startswith("加强法治政府建设宣传报道，统筹各级各类媒体资源")
    assert by_path(r, "八", "(二十二)", "52").title.startswith("办理各级人民代表大会及其常委会")  # "52. 办理"
    assert all(not t.lead and not t.support for t in r.tasks)
    guiding = {h["heading"] for h in r.to_dict()["outline"][0]["children"]}
    assert guiding == {"指导思想", "主要原则", "总体目标"}  # in the outline, not tasks
    assert not any(t.path[:2] == ["一", "(一)"] for t in r.tasks)
    assert r.continuous_levels == (2, 3)  # （一）… and 1.–85. both run on across their parents


def test_qijiang_deadlines(sample):
    r = sample("qijiang")
    got = {t.path[-1]: (t.deadline_text, t.deadline) for t in r.tasks if t.deadline_text}
    assert got == {
        "44": ("到2022年年底", date(2022, 12, 31)),
        "46": ("2022年年底前", date(2022, 12, 31)),
        "48": ("到2025年年底", date(2025, 12, 31)),
        "56": ("2023年年底前", date(2023, 12, 31)),
        "64": ("2023年年底前", date(2023, 12, 31)),
        "66": ("2025年年底前", date(2025, 12, 31)),
        "75": ("2025年年底前", date(2025, 12, 31)),
        "76": ("每年4月1日前", None),  # recurring in a five-year plan: no single date
    }


def test_qijiang_web_furniture_is_gone(sample):
    r = sample("qijiang")
    everything = r.to_json()
    for furniture in ("索引号", "您当前的位置", "扫一扫在手机打开当前页", "智能问答", "新媒体矩阵", "重庆市人民政府网"):
        assert furniture not in everything.split('"warnings"')[0]


# ---- alashan: 实施方案 with trailing (牵头单位：…) and hard-wrapped lines -----------------------------
def test_alashan_plan(sample):
    r = sample("alashan")
    assert r.title == "阿拉善经济开发区加快推进法治政府建设实施方案"
    assert r.kind == "实施方案"
    assert r.year == 2019  # from the page's 成文时间, said in the warnings
    assert any("2019" in w and "成文" in w for w in r.warnings)
    assert r.notice is None
    assert [t.path for t in r.tasks][:2] == [["二", "(三)"], ["二", "(四)"]]
    assert r.tasks[-1].path == ["五", "(二十六)"]


def test_alashan_units_in_trailing_brackets(sample):
    r = sample("alashan")
    t = by_path(r, "二", "(三)")
    assert t.title == "加强规范性文件制定工作"
    assert names(t.lead) == ["综合办公室", "乌斯太镇"] and t.support == []
    assert t.text.endswith("建立规范性文件清理长效机制。")  # the marking left the text
    assert "牵头单位" not in t.text
    t = by_path(r, "二", "(四)")
    assert names(t.lead) == ["综合办公室", "党群工作部", "发改局", "乌斯太镇", "监察局"]
    t = by_path(r, "二", "(七)")
    assert names(t.lead) == ["综合办公室", "行政审批服务局", "市场监管局"]  # 责任单位
    t = by_path(r, "三", "(十五)")  # the closing bracket is missing in the document
    assert names(t.lead) == ["乌斯太镇"]
    assert any("没有闭合" in w for w in r.warnings)
    t = by_path(r, "四", "(十九)")
    assert names(t.lead) == ["各行政执法单位"]


def test_alashan_hard_wraps_are_joined(sample):
    r = sample("alashan")
    outline = r.to_dict()["outline"]
    first = outline[0]["children"][0]
    assert first["heading"] == "总体要求"
    assert "十九届二中、三中全会精神" in first["text"]
    t = by_path(r, "二", "(五)")
    assert "完善行政执法程序，贯彻落实行政执法程序规范" in t.text
    assert "\n" not in t.text
    assert any("硬换行" in w for w in r.warnings)


# ---- changji: 实施方案 with 责任单位/配合单位 lines, notice without title ------------------------------
def test_changji_notice_without_title(sample):
    r = sample("changji")
    assert r.title == "自治州全面推进依法行政 加快建设法治政府实施方案"
    assert r.year == 2015
    n = r.notice
    assert n.issuers == ["昌吉回族自治州人民政府"]
    assert n.sign_date == date(2015, 7, 30)
    assert n.recipients.startswith("各县市人民政府，新疆准东经济技术开发区")
    assert n.title == "关于印发《自治州全面推进依法行政 加快建设法治政府实施方案》的通知"
    assert any("未找到通知标题" in w for w in r.warnings)
    assert n.doc_number is None


def test_changji_units_from_lines(sample):
    r = sample("changji")
    t = by_path(r, "二", "(一)", "1")
    assert t.title == "依法规范行政职权"
    assert names(t.lead) == ["州政府办公室", "州党委编办"]
    assert names(t.support) == ["州政府各部门", "政府法制办"]
    assert "责任单位" not in t.text and "配合单位" not in t.text
    t = by_path(r, "二", "(一)", "5")
    assert names(t.lead) == ["州环保局", "发改委", "安监局", "国土资源局", "审计局", "城乡规划管理局", "政府法制办",
                             "政府应急管理办公室"]
    t = by_path(r, "二", "(三)", "1")
    assert names(t.support) == ["各县市人民政府", "州政府各部门"]
    t = by_path(r, "二", "(六)", "2")  # 责任主体
    assert names(t.lead) == ["州信访局"]
    assert names(t.support) == ["州政府各部门", "政府法制办"]
    t = by_path(r, "二", "(七)", "4")
    assert t.title == "强化法制宣传教育，推动全社会树立法治意识"


def test_changji_structure(sample):
    r = sample("changji")
    paths = [t.path for t in r.tasks]
    assert paths[0] == ["二", "(一)", "1"]
    assert paths[-1] == ["二", "(八)", "6"]  # printed 6 after 3: kept, and warned about
    assert ["二", "(八)", "4"] not in paths
    assert any("3.之后是6." in w for w in r.warnings)
    assert all(t.path[0] == "二" for t in r.tasks)  # 总体要求 and 保障措施 are not tasks
    assert all("原文略有删节" not in t.text for t in r.tasks)
    assert all(t.deadline_text == "" for t in r.tasks)
