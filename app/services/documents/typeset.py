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
    squeeze: float = 0.0  # pt taken off a punctuation mark's blank half (标点挤压)


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


# Space added between Chinese and Latin letters or digits, in em. GB/T 9704 and Word (with
# w:autoSpaceDE/DN off, as the .docx asks) add none; LibreOffice adds 0.2 em whatever the file
# says, and tests set this to lay a document out as LibreOffice does (docs/documents.md).
ASIAN_LATIN_SPACE_EM = 0.0


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def shape(book: FontBook, runs: list[Run], size: float, tracking: float = 0.0) -> list[Glyph]:
    out = []
    pick = book.pick_and_advance
    for run in runs:
        role = run.role
        for ch in run.text:
            key, adv = pick(role, ch)
            out.append(Glyph(ch, key, size, adv * size + tracking, role))
    return out


def _asian_latin_space(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs with ASIAN_LATIN_SPACE_EM added where Chinese meets Latin letters or digits."""
    out = [Glyph(g.ch, g.font, g.size, g.adv, g.role) for g in glyphs]
    for a, b in itertools.pairwise(out):
        if (_is_han(a.ch) and _is_latin(b.ch)) or (_is_latin(a.ch) and _is_han(b.ch)):
            a.adv += ASIAN_LATIN_SPACE_EM * a.size
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
    if ASIAN_LATIN_SPACE_EM:
        glyphs = _asian_latin_space(glyphs)
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
    if align == "justify":
        _pull_back_lone_character(lines, measure)
    out = []
    for i, (gl, ind, adjusted, hanging) in enumerate(lines):
        is_last = i == len(lines) - 1
        out.append(place(gl, measure, ind, align, is_last, hanging, adjusted))
    return out


SQUEEZABLE = set("，。、；：？！）》”’】〕〉")  # marks whose right half is blank: squeezing keeps their ink in place
SQUEEZE_MAX = 0.5  # em a mark may lose


def is_lone_character(glyphs: list[Glyph]) -> bool:
    """A 孤字 line: one character alone (with the marks that may not start a line after it)."""
    chars = [g for g in glyphs if g.ch not in NO_START and not g.ch.isspace()]
    return len(chars) == 1 and "\u3400" <= chars[0].ch <= "\u9fff"


def _squeezable(glyphs: list[Glyph]) -> float:
    return sum(g.size * SQUEEZE_MAX for g in glyphs if g.ch in SQUEEZABLE)


def _squeeze(glyphs: list[Glyph], room: float) -> None:
    """Takes what glyphs exceed room off their marks' blank halves, evenly."""
    need = sum(g.adv for g in glyphs) - room
    marks = [g for g in glyphs if g.ch in SQUEEZABLE]
    if need <= 0 or not marks:
        return
    share = min(need / len(marks) + EPS / len(marks), marks[0].size * SQUEEZE_MAX)
    for g in marks:
        g.squeeze = share
        g.adv -= share


def _tight(lines: list[tuple], measure: float) -> list[tuple] | None:
    """The glyphs of these lines set again, one line fewer, each line taking what its marks can
    make room for; None when they do not fit."""
    ats = atoms([g for gl, *_ in lines for g in gl])
    out, i = [], 0
    for _gl, indent, _adjusted, _hanging in lines[:-1]:
        room = measure - indent
        cur: list[Glyph] = []
        while i < len(ats):
            cand = cur + ats[i].glyphs
            if sum(g.adv for g in cand) - _squeezable(cand) > room + EPS:
                break
            cur = cand
            i += 1
        if not cur:
            return None
        out.append((cur, indent, room))
    if i < len(ats):
        return None
    for cur, _indent, room in out:
        _squeeze(cur, room)
    return [(cur, indent, False, False) for cur, indent, _room in out]


def _pull_back_lone_character(lines: list[tuple], measure: float) -> None:
    """A paragraph ending in a 孤字 line: squeeze the blank halves of the marks on the lines above
    (as professional Chinese typesetting does, never past the type area: one, then two, then
    three lines) until the lone character and its marks fit; when they cannot, leave it."""
    if len(lines) < 2 or not is_lone_character(lines[-1][0]) or any(h for *_x, h in lines[-4:]):
        return
    for k in (1, 2, 3):
        if k >= len(lines):
            return
        tail = [([Glyph(g.ch, g.font, g.size, g.adv, g.role) for g in gl], ind, adj, h)
                for gl, ind, adj, h in lines[-k - 1:]]
        tight = _tight(tail, measure)
        if tight is not None:
            lines[-k - 1:] = tight
            return


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
INSIDE_WORD = 1000.0  # a break inside a word: only when no line break between words fits


def _break_cost(text: str, pos: int, between_words: set[int]) -> float:
    """Penalty for breaking text before index pos: inside a word (prohibitive), or a weak spot."""
    cost = 0.0 if pos in between_words else INSIDE_WORD
    before, after = text[pos - 1], text[pos]
    if before.isspace() or after.isspace():
        cost -= 10  # the source's own line break of a two-line title
    if before == "的":
        cost -= 5
    if before == "》" or after == "《":
        cost -= 8
    return cost


def _trim(glyphs: list[Glyph]) -> list[Glyph]:
    """A title line never starts or ends with a space."""
    start, end = 0, len(glyphs)
    while start < end and glyphs[start].ch.isspace():
        start += 1
    while end > start and glyphs[end - 1].ch.isspace():
        end -= 1
    return glyphs[start:end]


def balance_title(glyphs: list[Glyph], measure: float) -> list[Line]:
    """Centred title lines of similar length (梯形或菱形: the upper lines not shorter), broken only
    between words (words.py) and never where a 禁则 rule forbids it."""
    from app.services.documents.words import boundaries

    glyphs = _trim(glyphs)
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
    between = boundaries(text)
    cut_cost = {p: _break_cost(text, p, between) for p, _w in bounds}  # each break priced once
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
    return [place(_trim(glyphs[a:b]), measure, 0.0, "center", True) for a, b in itertools.pairwise(cuts)]
