"""Word's automatic numbering: the label Word would show in front of a numbered paragraph.

The label is not in the text of the paragraph; it is computed from numbering.xml (list levels with
a format such as chineseCounting and a pattern such as "%1、") and a running counter. We compute
it the way Word shows it so that an auto-numbered "一、" reads like a typed one."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.numbering import to_chinese

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
                    "taiwaneseCountingThousand", "japaneseCounting", "chineseLegalSimplified", "ideographLegalTraditional"}


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # w:isLgl: every number shown in decimal


@dataclass
class NumberingDefs:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # paragraph style → (numId, ilvl)


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def _level(lvl) -> tuple[int, Level]:
    ilvl = _int(lvl.get(W + "ilvl"), 0)
    return ilvl, Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        legal=lvl.find(W + "isLgl") is not None,
    )


def read_numbering(numbering_root, styles_root) -> NumberingDefs:
    defs = NumberingDefs()
    if numbering_root is not None:
        for an in numbering_root.iter(W + "abstractNum"):
            defs.abstract[an.get(W + "abstractNumId", "")] = dict(_level(lvl) for lvl in an.iter(W + "lvl"))
        for num in numbering_root.iter(W + "num"):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for ov in num.iter(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = _val(ov, "startOverride")
                if so is not None:
                    starts[ilvl] = _int(so, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)[1]
            defs.nums[num.get(W + "numId", "")] = (_val(num, "abstractNumId", "") or "", starts, levels)
    if styles_root is not None:
        based: dict[str, str] = {}
        direct: dict[str, tuple[str, int]] = {}
        for st in styles_root.iter(W + "style"):
            sid = st.get(W + "styleId", "")
            parent = _val(st, "basedOn")
            if parent:
                based[sid] = parent
            num_pr = st.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                direct[sid] = (_val(num_pr, "numId", "0") or "0", _int(_val(num_pr, "ilvl"), 0))
        for sid in set(direct) | set(based):
            seen, cur = set(), sid
            while cur and cur not in direct and cur not in seen:  # inherit through basedOn
                seen.add(cur)
                cur = based.get(cur)
            if cur in direct:
                defs.style_num[sid] = direct[cur]
    return defs


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalHalfWidth") or n <= 0:
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in _CHINESE_FORMATS:
        return to_chinese(n) if 1 <= n <= 999 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


class NumberingState:
    """Running counters. Lists sharing an abstract definition continue one another, as in Word,
    unless a w:num restarts a level with startOverride."""

    def __init__(self, defs: NumberingDefs):
        self.defs = defs
        self.counters: dict[str, dict[int, int]] = {}
        self.started_nums: set[str] = set()

    def label_for(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> str:
        if not num_id and style_id in self.defs.style_num:
            num_id, style_ilvl = self.defs.style_num[style_id]
            ilvl = style_ilvl if ilvl is None else ilvl
        if not num_id or num_id == "0" or num_id not in self.defs.nums:
            return ""
        ilvl = ilvl or 0
        abstract_id, starts, overrides = self.defs.nums[num_id]
        levels = {**self.defs.abstract.get(abstract_id, {}), **overrides}
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            for lv, start in starts.items():
                counters[lv] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the levels below it
        label = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in label:
                lv = levels.get(k, Level())
                value = counters.get(k, lv.start)
                label = label.replace(token, format_number(value, "decimal" if level.legal else lv.fmt))
        return label
