import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.errors import ValidationError
from app.services.numbering import (
    format_doc_number,
    from_chinese,
    parse_doc_number,
    path_label,
    print_label,
    to_chinese,
)


@pytest.mark.parametrize(("n", "text"), [
    (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"), (100, "一百"),
    (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"), (205, "二百零五"), (999, "九百九十九"),
])
def test_to_chinese_known_values(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


@given(st.integers(min_value=1, max_value=999))
def test_numeral_round_trip(n):
    assert from_chinese(to_chinese(n)) == n


def test_from_chinese_variants_and_garbage():
    assert from_chinese("一十") == 10
    assert from_chinese("两百") == 200
    for bad in ("", "十十", "百", "abc", "二二", "零", "一千"):
        with pytest.raises(ValueError):
            from_chinese(bad)


@pytest.mark.parametrize("n", [0, 1000, -3])
def test_to_chinese_out_of_range(n):
    with pytest.raises(ValueError):
        to_chinese(n)


def test_labels_per_level():
    assert [print_label(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3．", "（3）"]
    assert [path_label(level, 12) for level in (1, 2, 3, 4)] == ["十二", "(十二)", "12", "(12)"]


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=999))
def test_path_label_round_trips_through_its_number(level, n):
    label = path_label(level, n).strip("()")
    assert (from_chinese(label) if level <= 2 else int(label)) == n


def test_doc_number_format():
    assert format_doc_number("示政办发", 2026, 5) == "示政办发〔2026〕5号"


@pytest.mark.parametrize(("raw", "prefix", "year", "serial", "normalized"), [
    ("新政办发〔2022〕31号", "新政办发", 2022, 31, False),
    ("许政 [2020] 20号", "许政", 2020, 20, True),
    ("X发【2017】第05号", "X发", 2017, 5, True),
    ("示政办发(2026)7号", "示政办发", 2026, 7, True),
])
def test_doc_number_parse(raw, prefix, year, serial, normalized):
    parsed = parse_doc_number(raw)
    assert (parsed.number.prefix, parsed.number.year, parsed.number.serial) == (prefix, year, serial)
    assert parsed.was_normalized is normalized


@given(st.text(alphabet="示政办发司法局县委", min_size=1, max_size=6),
       st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=9999))
def test_doc_number_round_trip(prefix, year, serial):
    parsed = parse_doc_number(format_doc_number(prefix, year, serial))
    assert str(parsed.number) == format_doc_number(prefix, year, serial)
    assert not parsed.was_normalized


@pytest.mark.parametrize("bad", ["", "示政办发2026年5号", "〔2026〕5号", "示政办发〔26〕5号", "示政办发〔2026〕0号"])
def test_doc_number_rejects_garbage_with_chinese_message(bad):
    with pytest.raises(ValidationError) as err:
        parse_doc_number(bad)
    assert "发文字号" in err.value.message
