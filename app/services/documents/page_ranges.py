"""Page ranges as a clerk types them ("1-3，5", "2至4") ↔ the list of page numbers to print."""

from __future__ import annotations

import re
import unicodedata

from app.services.errors import ValidationError

_SEPARATORS = re.compile(r"[,，、;；\s]+")
_DASH = re.compile(r"\s*[-–—~～至到]\s*")


def parse_pages(text: str, count: int) -> list[int]:
    """1-based page numbers, ascending and without repeats; empty text or "全部" means every page."""
    text = unicodedata.normalize("NFKC", text or "").strip()  # full-width digits and dashes
    if count <= 0:
        return []
    if not text or text == "全部":
        return list(range(1, count + 1))
    pages: set[int] = set()
    for part in _SEPARATORS.split(_DASH.sub("-", text)):
        if not part:
            continue
        m = re.fullmatch(r"(\d{1,5})(?:-(\d{1,5}))?", part)
        if m is None:
            raise ValidationError(f"页码范围“{text}”看不懂：请写成“1-3，5”这样的形式。")
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if first > last:
            first, last = last, first
        if first < 1 or last > count:
            raise ValidationError(f"页码范围“{part}”超出了文件的页数（共 {count} 页）。")
        pages.update(range(first, last + 1))
    if not pages:
        raise ValidationError("请至少选择一页。")
    return sorted(pages)


def format_pages(pages: list[int], count: int) -> str:
    """The shortest text for the pages: "" when they are all pages, else "1-3,5"."""
    pages = sorted(set(pages))
    if pages == list(range(1, count + 1)):
        return ""
    parts: list[str] = []
    start = prev = None
    for p in [*pages, None]:
        if start is not None and p is not None and p == prev + 1:
            prev = p
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = p
    return ",".join(parts)
