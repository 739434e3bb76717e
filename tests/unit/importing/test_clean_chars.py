import pytest

from app.services.importing.clean_chars import normalize_chars, remove_pinyin, simplify
from app.services.importing.clean_punct import widen_punctuation
from app.services.importing.cleaning import CharCounts, clean_chars, tidy_spaces


def test_fullwidth_letters_digits_and_odd_spaces():
    assert normalize_chars("２０２２年ＡＰＰ\u3000建设\u00a0平台") == ("2022年APP 建设 平台", 7)
    assert normalize_chars("⑴落实 ⒉推进 ㈢加强") == ("(1)落实 2.推进 (三)加强", 3)
    assert normalize_chars("零宽\u200b字符") == ("零宽字符", 0)
    assert normalize_chars("，（）：")[0] == "，（）："  # punctuation is left to widen_punctuation


def test_traditional_to_simplified_counts_and_examples():
    text, n, examples = simplify("關於加強黨的領導")
    assert text == "关于加强党的领导"
    assert n == 6
    assert examples == ["關→关", "於→于", "強→强"]
    assert simplify("关于加强党的领导") == ("关于加强党的领导", 0, [])
    assert simplify("ASCII only") == ("ASCII only", 0, [])


def test_simplification_is_phrase_aware():
    assert simplify("頭髮乾淨")[0] == "头发干净"


@pytest.mark.parametrize(("text", "out", "n"), [
    ("發(fā)展(zhǎn)", "發展", 2),
    ("發（fā）展（zhǎn）", "發展", 2),
    ("法(fǎ)治(zhì)的(de)建设", "法治的建设", 3),  # toneless "de" goes once toned ones are seen
    ("發展(fāzhǎn)", "發展", 1),
    ("旅(lǚ)游", "旅游", 1),
    ("推进APP(app)建设(ICP)", "推进APP(app)建设(ICP)", 0),  # abbreviations are not pinyin
    ("的(de)建设", "的(de)建设", 0),  # toneless alone: not enough evidence
    ("发(fā)(zhǎn)", "发", 2),  # removing one exposes the next
    ("(fā)开头", "(fā)开头", 0),  # pinyin is only dropped after a hanzi
])
def test_pinyin_left_by_converters(text, out, n):
    assert remove_pinyin(text) == (out, n)


@pytest.mark.parametrize(("text", "out"), [
    ("责任单位:县司法局,县财政局;配合单位:各乡镇", "责任单位：县司法局，县财政局；配合单位：各乡镇"),
    ("各县(市、区)政府(管委会)", "各县（市、区）政府（管委会）"),
    ("(牵头单位:乌斯太镇", "（牵头单位：乌斯太镇"),  # unclosed, as in the alashan sample
    ('落实"放管服"改革', "落实“放管服”改革"),
    ("印发《阿拉善盟贯彻<关于加快推进法治政府建设实施意见>实施方案》", "印发《阿拉善盟贯彻〈关于加快推进法治政府建设实施意见〉实施方案》"),
    ("完成率达1,000件,时间10:30", "完成率达1,000件，时间10:30"),
    ("见http://example.org/a", "见http://example.org/a"),
    ("English, (ICP) stays.", "English, (ICP) stays."),
    ("推进改革.下一步", "推进改革。下一步"),
    ("3.5倍", "3.5倍"),
    ("a > b 且 c<d", "a > b 且 c<d"),
])
def test_widen_punctuation(text, out):
    assert widen_punctuation(text)[0] == out


def test_widening_is_complete_in_one_call():
    once, _ = widen_punctuation("中,(1),(2)")
    assert widen_punctuation(once) == (once, 0)


def test_clean_chars_counts_each_kind():
    counts = CharCounts()
    out = clean_chars("發(fā)揮作用,ＡＰＰ", counts)
    assert out == "发挥作用，APP"
    assert (counts.pinyin, counts.traditional, counts.punctuation, counts.widths) == (1, 2, 1, 3)


@pytest.mark.parametrize(("line", "out"), [
    ("  一、  加强   领导  ", "一、加强 领导"),
    ("建立 “掌上办” 平台", "建立“掌上办”平台"),
    ("中共重庆市綦江区委         重庆市綦江区人民政府", "中共重庆市綦江区委 重庆市綦江区人民政府"),
])
def test_tidy_spaces(line, out):
    assert tidy_spaces(line) == out
