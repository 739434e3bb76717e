"""The issued document's own title, its period, its year and its kind."""

from __future__ import annotations

import re
from datetime import date

from app.services.importing.labels import parse_label
from app.services.importing.marking_words import is_marking_line

_KIND_END = re.compile(r"(?:方案|要点|规划|意见|计划|办法|清单|分工|纲要|措施|细则|安排|任务)(?:[（(][^）)]*[）)])?$")
_PERIOD_LINE = re.compile(r"^[（(]\s*(\d{4})\s*[—\-–－~～至到]+\s*(\d{4})\s*年?\s*[）)]$")
_PERIOD = re.compile(r"(\d{4})\s*[—\-–－~～至到]+\s*(\d{4})\s*年")
_YEAR = re.compile(r"(\d{4})\s*年")
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年")
# A year written digit by digit: 二〇二二, also with 零, ○ or a letter O for the zero.
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}

KINDS = (("任务分工方案", "任务分工方案"), ("分工方案", "任务分工方案"), ("分工表", "任务分工方案"), ("工作要点", "年度工作要点"),
         ("要点", "年度工作要点"), ("工作安排", "年度工作要点"),
         ("工作计划", "年度工作要点"), ("实施方案", "实施方案"), ("实施纲要", "实施方案"), ("方案", "实施方案"))


def _title_like(line: str) -> bool:
    return (bool(line) and len(line) <= 80 and not any(c in line for c in "。；：！？") and parse_label(line) is None
            and not is_marking_line(line))


def plan_title_from(lines: list[str]) -> tuple[str, str, int]:
    """(title, period such as "2021—2025年", lines used) from the lines after the cover."""
    if not lines or not _title_like(lines[0]) or "，" in lines[0]:
        return "", "", 0
    title = lines[0]
    used = 1
    period = ""
    while used < len(lines) and used < 4:
        nxt = lines[used]
        pm = _PERIOD_LINE.match(nxt)
        if pm:
            period = f"{pm.group(1)}—{pm.group(2)}年"
            title += f"（{period}）"
            used += 1
            continue
        if (not _KIND_END.search(title) and _title_like(nxt) and "，" not in nxt and len(nxt) <= 30
                and _KIND_END.search(nxt)):
            title += nxt  # a long title broken over two lines
            used += 1
            continue
        break
    if not period:
        m = _PERIOD.search(title)
        if m:
            period = f"{m.group(1)}—{m.group(2)}年"
    return title, period, used


def digit_year(text: str) -> int:
    """"2022" or "二〇二二" as a number; raises ValueError for anything else."""
    return int("".join(_CN_DIGIT.get(c, c) for c in text))


def year_in(text: str) -> int | None:
    """The first plausible year written in the text (Arabic or 二〇二二 style); a period
    "2021—2025年" gives its first year."""
    m = _PERIOD.search(text or "")
    if m and 1990 <= int(m.group(1)) <= 2100:
        return int(m.group(1))
    for m in _YEAR.finditer(text or ""):
        y = int(m.group(1))
        if 1990 <= y <= 2100:
            return y
    m = _CN_YEAR.search(text or "")
    if m:
        y = digit_year(m.group(1))
        if 1990 <= y <= 2100:
            return y
    return None


def plan_kind(title: str) -> str:
    for word, kind in KINDS:
        if word in title:
            return kind
    return "其他"


def metadata_date(metadata: dict[str, str]) -> date | None:
    for key in ("成文日期", "成文时间", "印发日期", "发布日期", "发布时间"):
        m = re.search(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})", metadata.get(key, ""))
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None
