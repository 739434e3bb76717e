"""Chinese numerals, outline labels and 发文字号 (〔〕) formatting and parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.errors import ValidationError

DIGITS = "零一二三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}


def to_chinese(n: int) -> str:
    """1–999 as written in official headings: 十一, 二十, 一百零五, 一百一十."""
    if not 1 <= n <= 999:
        raise ValueError(f"out of range: {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += DIGITS[hundreds] + "百"
        if tens:
            out += DIGITS[tens] + "十"
        elif ones:
            out += "零"
    elif tens:
        out += ("" if tens == 1 else DIGITS[tens]) + "十"
    if ones:
        out += DIGITS[ones]
    return out


def from_chinese(text: str) -> int:
    """Inverse of to_chinese; also accepts 一十, 〇/零 and 两. Raises ValueError."""
    s = text.strip()
    if not s or any(c not in _DIGIT_VALUE and c not in "十百" for c in s):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total = 0
    current = None
    seen_units: list[str] = []
    for c in s:
        if c in "十百":
            if c in seen_units or (seen_units and c == "百") or (c == "百" and not current):
                raise ValueError(f"not a Chinese numeral: {text!r}")
            seen_units.append(c)
            total += (1 if current is None else current) * (10 if c == "十" else 100)
            current = None
        else:
            if current is not None and current != 0:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            current = _DIGIT_VALUE[c]
    if current:
        total += current
    if not 1 <= total <= 999:
        raise ValueError(f"not a Chinese numeral in 1–999: {text!r}")
    return total


def print_label(level: int, n: int) -> str:
    """The label as printed (GB/T 9704-2012 §7.3.3): 一、 （一） 1． （1）, then ①."""
    if level <= 1:
        return f"{to_chinese(n)}、"
    if level == 2:
        return f"（{to_chinese(n)}）"
    if level == 3:
        return f"{n}．"
    if level == 4:
        return f"（{n}）"
    return chr(0x2460 + n - 1) if n <= 20 else f"{n})"


def path_label(level: int, n: int) -> str:
    """The label used in import paths (DESIGN.md §5): "一", "(一)", "1", "(1)"."""
    if level <= 1:
        return to_chinese(n)
    if level == 2:
        return f"({to_chinese(n)})"
    if level == 3:
        return str(n)
    if level == 4:
        return f"({n})"
    return chr(0x2460 + n - 1) if n <= 20 else str(n)


def continuous_levels(spec: str) -> frozenset[int]:
    """Levels whose numbers run on across parents, from Plan.numbering.

    "restart": every list starts at 1; "continuous": （一） runs on across the parts;
    "continuous:2,3": the listed levels run on (a 实施方案 numbering its 1. through 85.)."""
    if spec == "continuous":
        return frozenset({2})
    if spec.startswith("continuous:"):
        return frozenset(int(x) for x in spec.split(":", 1)[1].split(",") if x.strip().isdigit())
    return frozenset()


def numbering_spec(levels) -> str:
    levels = sorted(set(levels))
    if not levels:
        return "restart"
    if levels == [2]:
        return "continuous"
    return "continuous:" + ",".join(map(str, levels))


# ---- 发文字号 ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DocNumber:
    prefix: str
    year: int
    serial: int

    def __str__(self) -> str:
        return format_doc_number(self.prefix, self.year, self.serial)


def format_doc_number(prefix: str, year: int, serial: int) -> str:
    """代字〔2026〕5号: hexagonal brackets U+3014/U+3015, full year, no 第, no padding."""
    return f"{prefix}〔{year}〕{serial}号"


_DOC_NO = re.compile(
    r"^\s*(?P<prefix>[^\s\[\]【】〔〕()（）［］{}]+?)\s*"
    r"[\[【〔(（［{]\s*(?P<year>\d{4})\s*[\]】〕)）］}]\s*"
    r"第?\s*(?P<serial>\d{1,5})\s*号\s*$"
)


@dataclass(frozen=True)
class ParsedDocNumber:
    number: DocNumber
    was_normalized: bool  # the input used other brackets, 第, padding or spaces


def parse_doc_number(text: str) -> ParsedDocNumber:
    """Reads "许政 [2020] 20号", "X发【2017】第05号" and the like into a DocNumber."""
    m = _DOC_NO.match(text or "")
    if not m or int(m["serial"]) == 0:
        raise ValidationError(f"无法识别的发文字号：“{text}”。正确格式如“示政办发〔2026〕5号”。")
    number = DocNumber(m["prefix"], int(m["year"]), int(m["serial"]))
    return ParsedDocNumber(number, str(number) != text)
