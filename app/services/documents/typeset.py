"""Grid typesetter: glyph shaping, Chinese line breaking (禁则) and balanced title lines.

Rules (GB/T 15834 and common practice): no line starts with ，。、；：？！）》”’ and the like, no
line ends with （《“‘; —— and …… are never split; runs of Latin letters and digits stay
together. A closing mark that would start a line pulls the character before it down, and the
shortened line is justified to the full measure (撑满版心); hanging the mark past the right edge
(Word's default) is available through the profile's hang_punctuation."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from app.services.documents.fontbook import FontBook
from app.services.documents.model import Run
from app.services.documents.profile import PROFILE as P

NO_START = set("，。、；：？！）》」』】〕〉”’…·～%‰℃,.;:?!)]}")
NO_END = set("（《「『【〔〈“‘([{")
HANG = set("，。、；：？！")
PAIRS = set("—…")  # —— and …… stay together
EPS = 0.01


@dataclass(slots=True)
class Glyph:
    ch: str
    font: str
    size: float
    adv: float  # advance in pt, tracking included
    role: str


@dataclass
class Line:
    glyphs: list[Glyph]
    xs: list[float]  # left edge of each glyph, from the measure's left
    last: bool = False  # last line of its paragraph (not justified)
    adjusted: bool = False  # broken early by a 禁则 rule and stretched to fill the measure
    hanging: bool = False  # ends with a punctuation mark outside the measure

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)


@dataclass
class _Atom:
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def width(self) -> float:
        return sum(g.adv for g in self.glyphs)


def shape(book: FontBook, runs: list[Run], size: float, tracking: float = 0.0) -> list[Glyph]:
    out = []
    pick = book.pick_and_advance
    for run in runs:
        role = run.role
        for ch in run.text:
            key, adv = pick(role, ch)
            out.append(Glyph(ch, key, size, adv * size + tracking, role))
    return out


def _is_word(ch: str) -> bool:
    return ch.isascii() and not ch.isspace() and ch not in "([{"


_WORD = frozenset(chr(c) for c in range(128) if _is_word(chr(c)))  # a set lookup in the inner loop


def atoms(glyphs: list[Glyph]) -> list[_Atom]:
    """Groups glyphs into units that a line break never splits."""
    out: list[_Atom] = []
    cur: _Atom | None = None
    prev = ""
    for g in glyphs:
        ch = g.ch
        if cur is not None and (ch in NO_START or prev in NO_END or (ch in PAIRS and prev == ch)
                                or (ch in _WORD and prev in _WORD)):
            cur.glyphs.append(g)
        else:
            cur = _Atom([g])
            out.append(cur)
        prev = ch
    return out


def break_lines(glyphs: list[Glyph], measure: float, first_indent: float = 0.0,
                rest_indent: float = 0.0, align: str = "justify") -> list[Line]:
    """Breaks a paragraph into lines and places every glyph (x from the measure's left)."""
    lines: list[tuple[list[Glyph], float, bool, bool]] = []  # glyphs, indent, adjusted, hanging
    cur: list[Glyph] = []
    indent = first_indent
    width = 0.0

    def flush(adjusted: bool, hanging: bool) -> None:
        nonlocal cur, width, indent
        lines.append((cur, indent, adjusted, hanging))
        cur, width, indent = [], 0.0, rest_indent

    for atom in atoms(glyphs):
        w = atom.width
        room = measure - indent
        if width + w <= room + EPS:
            cur += atom.glyphs
            width += w
            continue
        last = atom.glyphs[-1]
        if P.hang_punctuation and cur and last.ch in HANG and width + w - last.adv <= room + EPS:
            cur += atom.glyphs
            flush(False, True)
            continue
        if cur:
            flush(True, False)
            room = measure - indent
        if w <= room + EPS:
            cur += atom.glyphs
            width = w
            continue
        for g in atom.glyphs:  # an atom longer than a line: split it anywhere
            if cur and width + g.adv > room + EPS:
                flush(False, False)
                room = measure - indent
            cur.append(g)
            width += g.adv
    if cur or not lines:
        lines.append((cur, indent, False, False))
    out = []
    for i, (gl, ind, adjusted, hanging) in enumerate(lines):
        is_last = i == len(lines) - 1
        out.append(place(gl, measure, ind, align, is_last, hanging, adjusted))
    return out


def place(gl: list[Glyph], measure: float, indent: float, align: str, is_last: bool,
          hanging: bool = False, adjusted: bool = False) -> Line:
    inside = gl[:-1] if hanging else gl
    used = sum(g.adv for g in inside)
    room = measure - indent
    extra = 0.0
    x = indent
    if align == "justify" and not is_last and len(inside) > 1:
        extra = max(0.0, room - used) / (len(inside) - 1)
    elif align == "center":
        x = indent + (room - used) / 2
    elif align == "right":
        x = indent + room - used
    xs = []
    for g in gl:
        xs.append(x)
        x += g.adv + extra
    return Line(gl, xs, last=is_last, adjusted=adjusted, hanging=hanging)


# ---- titles -------------------------------------------------------------------------------
_WORDS = ("法治政府", "人民政府", "办公室", "工作要点", "实施方案", "工作方案", "重点任务", "分工方案",
          "法治", "政府", "建设", "工作", "要点", "通知", "意见", "决定", "办法", "规定", "印发", "关于",
          "转发", "批复", "报告", "管理", "年度", "任务", "分工", "方案", "规划", "计划", "纲要", "全面",
          "推进", "加强", "深化", "依法", "行政", "示例")


def _break_cost(text: str, pos: int) -> float:
    """Penalty for breaking text before index pos: inside a known word, or a weak spot."""
    cost = 0.0
    for w in _WORDS:
        start = text.find(w, max(0, pos - len(w) + 1))
        while start != -1 and start < pos:
            if start < pos < start + len(w):
                cost += 40
            start = text.find(w, start + 1)
    before, after = text[pos - 1], text[pos]
    if after in "的之和与及" or before in "的之和与及":
        cost -= 5 if before == "的" else 0
    if before == "》" or after == "《":
        cost -= 8
    return cost


def balance_title(glyphs: list[Glyph], measure: float) -> list[Line]:
    """Centred title lines of similar length, broken at word boundaries (梯形或菱形)."""
    ats = atoms(glyphs)
    total = sum(a.width for a in ats)
    text = "".join(g.ch for g in glyphs)
    if total <= measure + EPS:
        return [place(glyphs, measure, 0.0, "center", True)]
    n = 2
    while total / n > measure * 0.98:
        n += 1
    bounds = []  # (glyph index, width before)
    pos, acc = 0, 0.0
    for a in ats[:-1]:
        pos += len(a.glyphs)
        acc += a.width
        bounds.append((pos, acc))
    width_at = dict(bounds)
    cut_cost = {p: _break_cost(text, p) for p, _w in bounds}  # each break is priced once, not per candidate
    best: tuple[float, list[int]] | None = None

    def search(start_i: int, start_w: float, cuts: list[int], lines_left: int) -> None:
        nonlocal best
        if lines_left == 1:
            widths = []
            prev_w = 0.0
            for c in [*cuts, None]:
                w = (width_at[c] if c is not None else total) - prev_w
                widths.append(w)
                prev_w += w
            if max(widths) > measure + EPS:
                return
            mean = total / len(widths)
            cost = sum((w - mean) ** 2 for w in widths) / 100
            cost += sum(cut_cost[c] for c in cuts)
            cost += sum(8 for a, b in itertools.pairwise(widths) if b > a + 1)  # prefer 上长下短
            if best is None or cost < best[0]:
                best = (cost, list(cuts))
            return
        for j in range(start_i, len(bounds)):
            p, w = bounds[j]
            if w - start_w > measure + EPS:
                break
            search(j + 1, w, [*cuts, p], lines_left - 1)

    search(0, 0.0, [], n)
    if best is None:
        return break_lines(glyphs, measure, align="center")
    cuts = [0, *best[1], len(glyphs)]
    return [place(glyphs[a:b], measure, 0.0, "center", True) for a, b in itertools.pairwise(cuts)]
