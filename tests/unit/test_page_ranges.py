"""Page ranges as typed in the print preview."""

import pytest

from app.services.documents.page_ranges import format_pages, parse_pages
from app.services.errors import ValidationError


@pytest.mark.parametrize("text,pages", [
    ("", [1, 2, 3, 4, 5, 6]), ("全部", [1, 2, 3, 4, 5, 6]), ("2", [2]), ("1-3,5", [1, 2, 3, 5]),
    ("1－3，5", [1, 2, 3, 5]), (" 4 至 2 ", [2, 3, 4]), ("1、1、6", [1, 6]), ("5~6;1", [1, 5, 6]),
])
def test_parse(text, pages):
    assert parse_pages(text, 6) == pages


@pytest.mark.parametrize("text,why", [("0", "超出"), ("2-7", "超出"), ("甲", "看不懂"), ("1--2", "看不懂"),
                                      ("，", "至少")])
def test_refused_with_a_reason(text, why):
    with pytest.raises(ValidationError, match=why):
        parse_pages(text, 6)


def test_format_is_the_shortest_text_and_round_trips():
    assert format_pages([1, 2, 3, 4, 5, 6], 6) == ""
    assert format_pages([5, 1, 2, 3], 6) == "1-3,5"
    assert format_pages([2, 4, 6], 6) == "2,4,6"
    for pages in ([1], [1, 3], [2, 3, 4, 6]):
        assert parse_pages(format_pages(pages, 6), 6) == pages
    assert parse_pages("", 0) == []
