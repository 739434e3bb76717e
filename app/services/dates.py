"""Dates as written in official documents: 2026年1月5日 (GB/T 9704-2012 §7.3.5.4)."""

from __future__ import annotations

import re
from datetime import date

from app.services.errors import ValidationError

CN_DATE_PATTERN = "y年M月d日"  # the CLDR pattern the text below spells out (a test compares it with babel's)
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


def format_cn_date(d: date) -> str:
    """Arabic numerals, full year, no zero padding (written out: loading babel's locale data costs
    a new process, such as convert, about 20 ms)."""
    return f"{d.year}年{d.month}月{d.day}日"


def parse_cn_date(text: str) -> date:
    """Reads "2022年6月14日" or "2022-06-14"; raises ValidationError with a Chinese message."""
    s = (text or "").strip()
    m = _CN_DATE.search(s) or _ISO_DATE.match(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise ValidationError(f"无法识别的日期：“{text}”。请写作“2026年3月20日”。")
