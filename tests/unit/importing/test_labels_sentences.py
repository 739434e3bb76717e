import pytest

from app.services.importing.labels import parse_label
from app.services.importing.sentences import split_first_sentence, split_heading, title_of


@pytest.mark.parametrize(("line", "rank", "number", "path", "rest"), [
    ("一、总体要求", 1, 1, "一", "总体要求"),
    ("十二、加强领导", 1, 12, "十二", "加强领导"),
    ("（三十五）全面加强", 2, 35, "(三十五)", "全面加强"),
    ("(四)全面实行", 2, 4, "(四)", "全面实行"),
    ("1.依法规范", 3, 1, "1", "依法规范"),
    ("52. 办理各级", 3, 52, "52", "办理各级"),
    ("3．加强", 3, 3, "3", "加强"),
    ("2、推进", 3, 2, "2", "推进"),
    ("（1）细化", 4, 1, "(1)", "细化"),
    ("(12)细化", 4, 12, "(12)", "细化"),
    ("③落实", 5, 3, "③", "落实"),
    ("第二部分 主要任务", 0, 2, "第二部分", "主要任务"),
])
def test_labels(line, rank, number, path, rest):
    label = parse_label(line)
    assert (label.rank, label.number, label.path_label, label.rest) == (rank, number, path, rest)


@pytest.mark.parametrize("line", ["一是加强领导", "2022年年底前完成", "3.5倍", "（2021—2025年）", "（此件公开发布）",
                                  "三中全会精神", "1.", "", "二〇二二年六月十四日", "十九届四中全会"])
def test_not_labels(line):
    assert parse_label(line) is None


def test_first_sentence_ignores_ends_inside_brackets_and_quotes():
    assert split_first_sentence("开展“学法。用法”活动。其余") == ("开展“学法。用法”活动。", "其余")
    assert split_first_sentence("（一）加强领导（见《办法。》）。下文") == ("（一）加强领导（见《办法。》）。", "下文")
    assert split_first_sentence("没有句号") == ("没有句号", "")


@pytest.mark.parametrize(("text", "title"), [
    ("全面实行政府权责清单制度。2022年年底前动态调整。", "全面实行政府权责清单制度"),
    ("指导思想", "指导思想"),
    ("健全规范应急处置收集、使用个人信息机制制度，切实保护公民个人信息。", "健全规范应急处置收集、使用个人信息机制制度，切实保护公民个人信息"),
    ("甲" * 80 + "。", "甲" * 60),
])
def test_title(text, title):
    assert title_of(text) == title


def test_heading_split():
    assert split_heading("坚持党的领导。各级政府要…") == ("坚持党的领导", "各级政府要…")
    assert split_heading("指导思想") == ("指导思想", "")
    long = "乙" * 70 + "。后文"
    assert split_heading(long) == ("", long)
