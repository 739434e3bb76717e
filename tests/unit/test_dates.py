from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.dates import format_cn_date, parse_cn_date
from app.services.deadlines import deadline_date, deadline_problem
from app.services.errors import ValidationError


def test_format_has_no_padding():
    assert format_cn_date(date(2026, 1, 5)) == "2026年1月5日"
    assert format_cn_date(date(2026, 12, 31)) == "2026年12月31日"


@given(st.dates(min_value=date(1949, 10, 1), max_value=date(2199, 12, 31)))
def test_date_round_trip(d):
    assert parse_cn_date(format_cn_date(d)) == d


def test_parse_iso_and_errors():
    assert parse_cn_date("2022-06-14") == date(2022, 6, 14)
    for bad in ("", "明天", "2022年13月1日", "2022年2月30日"):
        with pytest.raises(ValidationError):
            parse_cn_date(bad)


@pytest.mark.parametrize(("text", "expected"), [
    ("2022年年底前", date(2022, 12, 31)),
    ("6月底前", date(2026, 6, 30)),
    ("2月底前", date(2026, 2, 28)),
    ("每年4月1日前", date(2026, 4, 1)),
    ("到2025年年底", date(2025, 12, 31)),
    ("2026年上半年", date(2026, 6, 30)),
    ("第三季度", date(2026, 9, 30)),
    ("年底前", date(2026, 12, 31)),
    ("2026年6月底前启动，年底前完成", date(2026, 12, 31)),
    ("长期坚持", None),
    ("每季度", None),
    ("", None),
])
def test_deadline_dates(text, expected):
    assert deadline_date(text, 2026) == expected


def test_deadline_without_plan_year_needs_an_explicit_year():
    assert deadline_date("6月底前", None) is None
    assert deadline_date("2024年6月底前", None) == date(2024, 6, 30)


@pytest.mark.parametrize(("text", "why"), [
    ("2099年13月40日前", "没有13月"),
    ("2月30日前", "2月没有30日"),
    ("2月29日前", "2月没有29日"),  # 2026 is not a leap year
    ("12345678901234567890年底前", "不在 2000–2100 年之间"),
    ("2026年第五季度", "没有第五季度"),
    ("9999年12月31日", "年份“9999”不在 2000–2100 年之间"),
    ("1999年底前", "不在 2000–2100 年之间"),
    ("12月32日", "12月没有32日"),
    ("十三月底前", "没有十三月"),
])
def test_impossible_dates_keep_their_text_and_get_no_date(text, why):
    assert why in deadline_problem(text, 2026)
    assert deadline_date(text, 2026) is None


@pytest.mark.parametrize("text", ["2024年2月29日前", "2100年底", "3个月内完成", "每年4月1日前", "第四季度", "长期坚持"])
def test_possible_dates_are_no_problem(text):
    assert deadline_problem(text, 2026) == ""


def test_the_written_out_date_is_babels():
    from datetime import date, timedelta

    from babel.dates import format_date

    from app.services.dates import CN_DATE_PATTERN, format_cn_date

    day = date(1999, 12, 25)
    while day < date(2031, 2, 1):
        assert format_cn_date(day) == format_date(day, CN_DATE_PATTERN, locale="zh_CN")
        day += timedelta(days=37)
    for d in (date(2026, 1, 5), date(2024, 2, 29), date(2030, 12, 31), date(1, 1, 1)):
        assert format_cn_date(d) == format_date(d, CN_DATE_PATTERN, locale="zh_CN")
