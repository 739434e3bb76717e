"""Half-width punctuation inside Chinese text → the full-width forms official documents use.

Only punctuation touching Chinese is changed: "1,000", "10:30", "http://" and "(ICP)" in an
English phrase stay as they are. Brackets are changed in pairs so they stay balanced."""

from __future__ import annotations

import re

from app.services.importing.clean_chars import is_cjk_context, is_hanzi

_SIMPLE = {",": "，", ";": "；", "?": "？", "!": "！", ":": "："}


def _prev(s: list[str], i: int) -> str:
    j = i - 1
    while j >= 0 and s[j] == " ":
        j -= 1
    return s[j] if j >= 0 else ""


def _next(s: list[str], i: int) -> str:
    j = i + 1
    while j < len(s) and s[j] == " ":
        j += 1
    return s[j] if j < len(s) else ""


_MARKS = re.compile(r"[,;?!:.]")
_CN_LABEL = re.compile(r"\s*[一二三四五六七八九十百零〇两]{1,4}$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _widen_once(line: str) -> tuple[str, int]:
    s = list(line)
    changed = 0
    for m in _MARKS.finditer(line):
        i, ch = m.start(), m.group()
        if ch in _SIMPLE:
            before, after = _prev(s, i), _next(s, i)
            if ch == ":" and (after == "/" or (before.isdigit() and after.isdigit())):
                continue
            if ch == "," and before.isdigit() and after.isdigit():
                continue
            if ch in "?!:" and not is_cjk_context(before or " "):
                continue
            if is_cjk_context(before or " ") or is_cjk_context(after or " "):
                s[i] = _SIMPLE[ch]
                changed += 1
        elif ch == "." and i > 0 and is_hanzi(s[i - 1]) and (i + 1 == len(s) or is_cjk_context(s[i + 1])) \
                and not _CN_LABEL.match(line, 0, i):  # "一.总体要求" is a label, not a sentence end
            s[i] = "。"
            changed += 1
    if "(" in line or ")" in line:
        changed += _widen_pairs(s, "(", ")", "（", "）")
    if "<" in line and ">" in line:
        changed += _widen_pairs(s, "<", ">", "〈", "〉")
    if '"' in line:
        changed += _widen_quotes(s)
    return ("".join(s) if changed else line), changed


def _widen_pairs(s: list[str], op: str, cl: str, wide_op: str, wide_cl: str) -> int:
    """Brackets whose content or neighbours are Chinese become full-width, as a pair."""
    changed = 0
    stack: list[int] = []
    pairs: list[tuple[int, int | None]] = []
    marks = (op, wide_op, cl, wide_cl)
    for i in [k for k, c in enumerate(s) if c in marks] if op in s or cl in s else []:
        ch = s[i]
        if ch in (op, wide_op):
            stack.append(i)
        elif ch in (cl, wide_cl):
            if stack:
                pairs.append((stack.pop(), i))
            elif ch == cl == ")" and is_cjk_context(_prev(s, i) or " "):
                s[i] = wide_cl
                changed += 1
    pairs.extend((i, None) for i in stack)  # unclosed: "(牵头单位:乌斯太镇" at the end of a line
    for a, b in pairs:
        end = b if b is not None else len(s)
        inner = s[a + 1:end]
        chinese = _HAN.search("".join(inner)) is not None or is_cjk_context(_prev(s, a) or " ") or (
            b is not None and is_cjk_context(_next(s, b) or " "))
        if op == "<" and _HAN.search("".join(inner)) is None:
            chinese = False  # "<" ">" are comparison signs unless they wrap a Chinese title
        if not chinese:
            continue
        if s[a] == op:
            s[a] = wide_op
            changed += 1
        if b is not None and s[b] == cl:
            s[b] = wide_cl
            changed += 1
    return changed


def _widen_quotes(s: list[str]) -> int:
    """Straight double quotes around Chinese words become “ ” (only when they pair up)."""
    if '"' not in s:
        return 0
    idx = [i for i, ch in enumerate(s) if ch == '"']
    if not idx or len(idx) % 2:
        return 0
    changed = 0
    for a, b in zip(idx[0::2], idx[1::2], strict=True):
        if any(is_hanzi(c) for c in s[a + 1:b]):
            s[a], s[b] = "“", "”"
            changed += 2
    return changed


_ASCII_PUNCT = re.compile(r"[,;:?!.()<>\"]")


def widen_punctuation(text: str) -> tuple[str, int]:
    """Applied until nothing changes, so that widening one mark (which makes its neighbour's
    context Chinese) cannot leave a second pass with more to do."""
    total = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.isascii() or not _ASCII_PUNCT.search(line):
            continue
        for _ in range(8):
            line, n = _widen_once(line)
            total += n
            if not n or not _ASCII_PUNCT.search(line):
                break
        lines[k] = line
    return "\n".join(lines), total
