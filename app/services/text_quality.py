"""Text a clerk must look at before a document goes out: placeholders left for them to fill in,
and corruption copied from a source (runs of question marks, replacement characters, mojibake
that mirrors produce). Shared by the importer (warnings with the place), the document converter
(placeholders that look like placeholders), the format checker and the plan's problem list."""

from __future__ import annotations

import functools
import re

# What the converter prints where the source says nothing: visibly blank or bracketed, never a
# value that could pass for the real one.
BLANK_DOC_NUMBER = "　　〔　　　　〕　　号"
BLANK_DATE = "　　　　年　　月　　日"


def placeholder(what: str) -> str:
    """“【发文机关】”: the field's name in black lenticular brackets."""
    return f"【{what}】"


_PLACEHOLDER = re.compile(r"【[^【】]{2,12}】|（发文机关）|^[\s　]*〔[\s　]*〕[\s　]*号$|^[\s　]*年[\s　]*月[\s　]*日$")
_QUESTION_RUN = re.compile(r"[?？]{2,}")
_MOJIBAKE = re.compile(
    "\ufffd+"  # the replacement character a failed decoding leaves
    r"|锟斤拷|烫烫|屯屯"  # classic GBK / MSVC debris
    r"|[ÃÂâåæçèéêïðäöü][\u0080-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+"  # UTF-8 read as Latin-1
    r"|[锛銆鈥鍙鐨鏄鏈浠绗閮缁瑙鎴鍚闂鍔璁]{2,}"  # UTF-8 read as GBK: characters no 公文 uses
)
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{3,}")


@functools.cache  # a document repeats its characters: each is encoded once
def _rare(ch: str) -> bool:
    """Outside GB2312, the character set a simplified 公文 is written in."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def _gbk_mojibake(text: str) -> list[str]:
    """UTF-8 read as GBK turns each Chinese character into one and a half rare ones (“发布时间” →
    “鍙戝竷鏃堕棿”): a run of Chinese characters, half of them or more outside GB2312."""
    out = []
    for m in _HAN_RUN.finditer(text):
        rare = [i for i, c in enumerate(m.group(0)) if _rare(c)]
        if len(rare) >= 2 and len(rare) * 2 >= len(m.group(0)):
            out.append(m.group(0)[rare[0]:rare[-1] + 1])
    return out


def placeholders(text: str) -> list[str]:
    """The placeholders in text."""
    return [m.group(0) for m in _PLACEHOLDER.finditer(text or "")]


def is_placeholder(text: str) -> bool:
    return bool(placeholders(text))


def corruption(text: str) -> list[str]:
    """Fragments of text that corruption left: “？？？？”, “�”, “é¦–”, “锟斤拷”…"""
    text = text or ""
    found = [m.group(0) for m in _QUESTION_RUN.finditer(text)]
    found += [m.group(0) for m in _MOJIBAKE.finditer(text)]
    return found + _gbk_mojibake(text)


def describe(fragments: list[str]) -> str:
    shown = "、".join(f"“{f[:8]}”" for f in dict.fromkeys(fragments))
    return f"有乱码 {shown}"
