from app.services.importing.clean_furniture import parse_metadata, remove_furniture
from app.services.importing.clean_pages import remove_page_furniture
from app.services.importing.clean_wrap import continues, ends_sentence, join_wrapped
from app.services.importing.cleaning import clean_text
from app.services.importing.model import Table
from app.services.importing.text_tables import split_text_tables


def test_metadata_lines_are_dropped_and_kept_as_metadata():
    assert parse_metadata("索引号：8115/2019-00097 发布机构：综合办公室") == {
        "索引号": "8115/2019-00097", "发布机构": "综合办公室"}
    assert parse_metadata("[ 索引号 ] 1150/2022-00025 [ 发文字号 ]") == {"索引号": "1150/2022-00025"}
    lines = ["您当前的位置：首页", "> 政府信息公开 〉 政策法规", "[ 成文日期 ] 2022-05-04 [ 发布日期 ] 2022-05-30",
             "公文时效：有效", "中国政府网|重庆市人民政府网", "【打印】【关闭】", "一、正文"]
    kept, report = remove_furniture(lines)
    assert [k for k in kept if k] == ["一、正文"]
    assert report.metadata == {"成文日期": "2022-05-04", "发布日期": "2022-05-30", "公文时效": "有效"}
    assert len(report.removed) == 6


def test_site_footer_after_end_marker_is_cut():
    lines = ["（三）最后一项。", "扫一扫在手机打开当前页", "智能问答", "便民地图", "微博 公开信箱 智能问答"]
    assert remove_furniture(lines)[0] == ["（三）最后一项。"]


def test_end_marker_followed_by_text_only_drops_itself():
    lines = ["（三）一项。", "打印本页", "（四）另一项，内容较长，写成了完整的句子。"]
    kept, _ = remove_furniture(lines)
    assert [k for k in kept if k] == ["（三）一项。", "（四）另一项，内容较长，写成了完整的句子。"]


def test_prose_that_mentions_a_key_is_kept():
    lines = ["各单位要按照发布机构的要求，做好信息公开。", "编辑工作由县委宣传部负责。"]
    assert remove_furniture(lines)[0] == lines


def test_page_numbers_standalone_and_spliced():
    lines = ["— 3 —", "- 4 -", "第5页", "第 6 页 共 9 页", "7/9", "加强行政— 8 —执法队伍建设",
             "（2021—2025年）", "完成率3-5个百分点", "—9—完善制度"]
    out, report = remove_page_furniture(lines)
    assert out == ["加强行政执法队伍建设", "（2021—2025年）", "完成率3-5个百分点", "完善制度"]
    assert report.page_numbers == 7


def test_running_headers_are_dropped_after_their_first_appearance():
    lines = ["新政办发〔2022〕31号", "（一）加强", "新政办发〔2022〕31号", "领导。（二）落实新政办发〔2022〕31号责任。",
             "新政办发〔2022〕31号", "（此前《新政办发〔2022〕31号》）"]
    out, report = remove_page_furniture(lines)
    assert out == ["新政办发〔2022〕31号", "（一）加强", "领导。（二）落实责任。", "（此前《新政办发〔2022〕31号》）"]
    assert report.headers == 3


def test_repeated_marking_lines_are_not_headers():
    lines = ["1.甲。", "配合单位：州政府各部门", "2.乙。", "配合单位：州政府各部门", "3.丙。", "配合单位：州政府各部门"]
    assert remove_page_furniture(lines)[0] == lines


def test_sentence_ends():
    assert ends_sentence("落实到位。")
    assert ends_sentence("主送单位：")
    assert ends_sentence("“两个维护”。”")
    assert ends_sentence("（此件公开发布）")
    assert not ends_sentence("开展“法治六进”")
    assert not ends_sentence("十九届二中、")


def test_hard_wraps_joined_across_blank_lines():
    lines = ["（一）总体要求。全面贯彻党的十九大和十九届二中、", "", "三中全会精神，加强领导。",
             "（二）工作目标和基本原则。经过坚持不懈的努力，到", "", "2020年基本建成。"]
    out, joins = join_wrapped(lines)
    assert out == ["（一）总体要求。全面贯彻党的十九大和十九届二中、三中全会精神，加强领导。",
                   "（二）工作目标和基本原则。经过坚持不懈的努力，到2020年基本建成。"]
    assert joins == 2


def test_what_is_never_joined():
    assert not continues("阿拉善经济开发区加快推进法治政府建设实施方案", "为深入贯彻落实…")  # title
    assert not continues("一、深入学习贯彻习近平法治思想，加强党对法治政府建设的领导", "各级政府要…")  # heading
    assert not continues("（一）指导思想", "高举中国特色社会主义伟大旗帜")
    assert not continues("中共重庆市綦江区委 重庆市綦江区人民政府", "2022年5月4日")  # signature
    assert not continues("各单位要加强领导，", "（二）落实责任。")  # a new item
    assert not continues("各单位要加强领导，落实", "责任单位：县司法局")  # a marking line
    assert not continues("（一）落实责任。完成工作，", "附件：重点任务分工")
    assert continues("各街道党工委、办事处，各镇党委、人民政府，", "区级国家机关各部门：")
    assert continues("建立健全工作机制，落实", "责任到人。")


def test_join_keeps_a_space_between_latin_words():
    assert join_wrapped(["推进数据开放，open", "data 建设"]) == (["推进数据开放，open data 建设"], 1)


def test_one_cell_per_line_table_is_rebuilt_from_its_header():
    lines = ["附件 重点任务分工 |", "|", "序号 |", "重点任务 |", "牵头单位 |", "参加单位 |", "1 |", "坚持党的领导 |",
             "自治区司法厅 |", "有关部门 |", "2 |", "全面实行权责清单 |", "有关部门按职责分工负责 |", "|", "之后的正文"]
    blocks, warnings = split_text_tables(lines)
    assert blocks[0] == "附件 重点任务分工"
    assert blocks[1].rows == [["序号", "重点任务", "牵头单位", "参加单位"], ["1", "坚持党的领导", "自治区司法厅", "有关部门"],
                              ["2", "全面实行权责清单", "有关部门按职责分工负责", ""]]
    assert blocks[2] == "之后的正文"
    assert warnings == []


def test_one_cell_per_line_resyncs_on_the_serial_column():
    lines = ["序号 |", "重点任务 |", "牵头单位 |", "1 |", "甲 |", "A局 |", "多余 |", "2 |", "乙 |", "B局 |"]
    blocks, warnings = split_text_tables(lines)
    assert blocks[0].rows == [["序号", "重点任务", "牵头单位"], ["1", "甲", "A局"], ["2", "乙", "B局"]]
    assert warnings and "跳过" in warnings[0]


def test_row_per_line_pipe_table_and_wrapped_cell():
    lines = ["| 序号 | 重点任务 | 牵头单位 |", "| 1 | 加强领导 | 县司法局 |", "| 2 | 依法行政 | 县政府办公室 |",
             "| 3 | 严格执法 | 县公安局 |"]
    blocks, _ = split_text_tables(lines)
    assert blocks[0].rows[2] == ["2", "依法行政", "县政府办公室"]
    wrapped = ["序号 |", "重点任务 |", "牵头单位 |", "1 |", "甲 |", "自治区司法厅、", "财政厅 |"]
    assert split_text_tables(wrapped)[0][0].rows[1] == ["1", "甲", "自治区司法厅、财政厅"]


def test_a_few_pipes_in_prose_are_not_a_table():
    lines = ["中国政府网|重庆市人民政府网", "一、正文"]
    assert split_text_tables(lines)[0] == lines


def test_clean_text_runs_every_stage():
    text = "\n".join(["您当前的位置：首页", "一、總體要求", "(一)加強領導。落實", "", "責任。", "— 2 —", "扫一扫在手机打开当前页", "智能问答"])
    cleaned = clean_text(text)
    assert cleaned.blocks == ["一、总体要求", "（一）加强领导。落实责任。"]
    assert "智能问答" in cleaned.removed
    assert not any(isinstance(b, Table) for b in cleaned.blocks)


def test_tab_separated_rows_and_leading_pipes_make_tables():
    from app.services.importing.cleaning import clean_text

    text = "\n".join(["序号\t重点任务\t牵头单位", "1\t加强领导\t县司法局", "2\t依法行政\t县政府办公室", "3\t严格执法\t县公安局",
                      "一、\t总体要求"])
    blocks = clean_text(text).blocks
    assert blocks[0].rows[1] == ["1", "加强领导", "县司法局"]
    assert blocks[1] == "一、总体要求"  # one tab after a list number is not a table
    lines = ["| 序号", "| 重点任务", "| 牵头单位", "| 1", "| 甲", "| A局"]
    assert split_text_tables(lines)[0][0].rows == [["序号", "重点任务", "牵头单位"], ["1", "甲", "A局"]]


def test_one_cell_per_line_with_circled_serials():
    lines = ["序号 |", "重点任务 |", "牵头单位 |", "① |", "甲 |", "A局 |", "多余 |", "② |", "乙 |", "B局 |"]
    blocks, warnings = split_text_tables(lines)
    assert blocks[0].rows == [["序号", "重点任务", "牵头单位"], ["①", "甲", "A局"], ["②", "乙", "B局"]]
    assert warnings and "跳过" in warnings[0]


def test_text_that_looks_like_a_table_mark_stays_text():
    # cleaning stands a "\x00T<n>\x00" line in for each table; text once passed for one and crashed
    assert clean_text("甲\n\x00T\n\x00T0\x00乙").blocks == ["甲", "T", "T0乙"]
