"""Family names read from a font file's `name` table (no third-party parser at run time), so a
Windows font installed under an unusual file name is still found by its localized or English
family name (方正小标宋简体 = FZXiaoBiaoSong-B05S, 仿宋_GB2312 = FangSong_GB2312, …)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

FAMILIES = {
    "xbs": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "华文中宋",
            "STZhongsong"),
    "fang": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong"),
    "hei": ("黑体", "SimHei"),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti"),
    "song": ("宋体", "SimSun"),
}
# The Chinese name Word and WPS show for a family read under its English name.
CHINESE_NAME = {"FZXiaoBiaoSong-B05S": "方正小标宋简体", "FZXiaoBiaoSong-B05": "方正小标宋_GBK", "STZhongsong": "华文中宋",
                "FangSong_GB2312": "仿宋_GB2312", "FangSong": "仿宋", "STFangsong": "华文仿宋", "SimHei": "黑体",
                "KaiTi_GB2312": "楷体_GB2312", "KaiTi": "楷体", "STKaiti": "华文楷体", "SimSun": "宋体"}
# Only files whose names hint at one of these families are opened.
HINTS = ("fz", "方正", "xbs", "小标宋", "gb2312", "仿宋", "楷体", "黑体", "宋体", "fang", "kai", "hei", "song",
         "zhongs")
_NAME_IDS = (1, 4, 16)  # family, full name, typographic family


def table_directory(f: BinaryIO, index: int = 0) -> tuple[bytes, dict[bytes, int]]:
    """(sfnt version tag, table tag → offset) of face `index` in an open .ttf/.ttc/.otf.
    A truncated or damaged file raises struct.error (or OSError); callers treat both as unusable."""
    head = f.read(12)
    if head[:4] == b"ttcf":
        f.seek(12 + 4 * index)
        (offset,) = struct.unpack(">I", f.read(4))
        f.seek(offset)
        head = f.read(12)
    (num,) = struct.unpack(">H", head[4:6])
    return head[:4], {r[:4]: struct.unpack(">I", r[8:12])[0] for r in (f.read(16) for _ in range(num))}


def family_names(path: Path, index: int = 0) -> set[str]:
    """Every family / full name in the face's name table (Windows UTF-16 and Mac Roman records)."""
    names: set[str] = set()
    try:
        with open(path, "rb") as f:
            _version, tables = table_directory(f, index)
            if b"name" not in tables:
                return names
            base = tables[b"name"]
            f.seek(base)
            _fmt, count, strings = struct.unpack(">HHH", f.read(6))
            records = [struct.unpack(">HHHHHH", f.read(12)) for _ in range(count)]
            for platform, _enc, _lang, name_id, length, off in records:
                if name_id not in _NAME_IDS or platform not in (1, 3):
                    continue
                f.seek(base + strings + off)
                raw = f.read(length)
                try:
                    names.add(raw.decode("utf-16-be") if platform == 3 else raw.decode("mac-roman"))
                except UnicodeDecodeError:
                    continue
    except (OSError, struct.error):
        return set()
    return {n.strip() for n in names if n.strip()}


def find_by_family(files: list[Path], role: str) -> tuple[Path, str] | None:
    """The first hinted file whose family names include one the role wants, in preference order."""
    wanted = FAMILIES[role]
    found: dict[str, Path] = {}
    for path in files:
        low = path.name.lower()
        if not low.endswith((".ttf", ".ttc")) or not any(h in low for h in HINTS):
            continue
        for name in family_names(path):
            if name in wanted:
                found.setdefault(name, path)
    for name in wanted:
        if name in found:
            return found[name], name
    return None


def office_name(path: Path, index: int, family: str, role: str) -> str:
    """The name to write into a .docx for a font file: its Chinese family name when it is one of
    the role's known families, else any Chinese name it carries, else the family as read."""
    if family in FAMILIES[role]:
        return CHINESE_NAME.get(family, family)
    names = family_names(path, index)
    for wanted in FAMILIES[role]:
        if wanted in names:
            return CHINESE_NAME.get(wanted, wanted)
    chinese = sorted(n for n in names if any("\u4e00" <= c <= "\u9fff" for c in n))
    if chinese:
        return chinese[0]
    return CHINESE_NAME.get(family, family) if family in CHINESE_NAME else (min(names, key=len) if names else family)
