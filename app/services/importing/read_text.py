"""Plain text: detect the encoding from the bytes, say which one was used, refuse what is not text.

Order: a byte-order mark decides; NUL bytes in the UTF-16 pattern mean UTF-16; valid UTF-8 is
UTF-8; otherwise GB18030 and Big5 are both tried and the one that reads as more ordinary Chinese
wins. A file no encoding reads as text is refused rather than guessed."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from app.services.errors import InputFileError

MAX_TEXT_BYTES = 4 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8（带 BOM）"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16（小端，带 BOM）"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16（大端，带 BOM）"),
)


@lru_cache(maxsize=1)
def _gb2312_levels() -> tuple[frozenset[str], frozenset[str]]:
    """GB2312's 3755 most common hanzi (level 1) and the 3008 others (level 2)."""
    level1, level2 = set(), set()
    for hi in range(0xB0, 0xF8):
        target = level1 if hi <= 0xD7 else level2
        for lo in range(0xA1, 0xFF):
            try:
                target.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(level1), frozenset(level2)


def plausibility(text: str) -> float:
    """0..1: how much the text looks like ordinary (simplified) Chinese with ASCII."""
    level1, level2 = _gb2312_levels()
    if not text:
        return 0.0
    score = 0.0
    for ch in text:
        o = ord(ch)
        if 0x20 <= o < 0x7F or ch in "\t\n\r" or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF \
                or 0x2010 <= o <= 0x206F or ch in level1:
            score += 1.0
        elif ch in level2:
            score += 0.5
        elif 0x4E00 <= o <= 0x9FFF:
            score += 0.2
    return score / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text with NUL bytes is UTF-16 (each ASCII character carries one) or it is binary: both byte
    orders are tried and kept only if the result reads as ordinary Chinese."""
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text[:20000])
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= 0.75 else None


def _t2s(text: str) -> str:
    from app.services.importing.clean_chars import to_simplified  # lazy: OpenCC loads a dictionary

    return to_simplified(text)


def decode_text(data: bytes, name: str = "文件") -> tuple[str, str]:
    """(text, label of the encoding used). Raises InputFileError for empty or non-text input."""
    if not data.strip(b" \t\r\n\x00") or data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise InputFileError(f"“{name}”是空文件，没有可导入的内容。")
    text = label = None
    for bom, codec, bom_label in _BOMS:
        if data.startswith(bom):
            try:
                text, label = data[len(bom):].decode(codec), bom_label
            except UnicodeDecodeError as exc:
                raise InputFileError(f"“{name}”以 {bom_label} 标记开头，但内容无法按该编码读取，文件可能已损坏。") from exc
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputFileError(f"“{name}”不是文本文件（含有二进制数据），无法导入。请选择 .txt、.docx 或 .xlsx 文件。")
        label = "UTF-16（无 BOM）"
    if text is None:
        try:
            text, label = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            text, label = _decode_legacy(data, name)
    _check_controls(text, name)
    return text, label


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    candidates = []
    for codec, label in (("gb18030", "GB18030/GBK"), ("big5", "Big5（繁体）")):
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = decoded[:20000]
        candidates.append((plausibility(_t2s(sample)), codec, label, decoded))
    if not candidates:
        raise InputFileError(
            f"无法识别“{name}”的文字编码（不是 UTF-8、UTF-16、GB18030 或 Big5），也可能不是文本文件。"
            "请用记事本打开后“另存为”UTF-8 编码再导入。"
        )
    candidates.sort(key=lambda c: -c[0])
    best = candidates[0]
    if best[0] < 0.75:
        raise InputFileError(
            f"“{name}”的内容读出来不像中文文本（按 {best[2]} 读取时大部分是乱码），已拒绝导入。"
            "请确认文件类型，或另存为 UTF-8 编码后再试。"
        )
    return best[3], best[2]


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_controls(text: str, name: str) -> None:
    sample = text[:200000]
    bad = len(_CONTROL.findall(sample))
    if bad > max(3, len(sample) // 200):
        raise InputFileError(f"“{name}”含有大量控制字符，不是正常的文本文件，无法导入。")


def strip_controls(text: str) -> tuple[str, int]:
    """Drops the few stray control characters a text may carry (form feeds become line breaks)."""
    text = text.replace("\f", "\n").replace("\v", "\n")
    return _CONTROL.subn("", text)


def split_lines(text: str) -> list[str]:
    """Lines with every line-break convention (\\r\\n, \\r, U+2028) treated alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n")
