"""Unit lists as printed → one name per unit, with qualifiers kept as notes.

"州发改委、工商局，政府法制办" → 州发改委 | 工商局 | 政府法制办. Separators inside brackets never
split ("各县（市、区）政府（管委会）" is one unit). A qualifier at the end of a 、-group belongs to
the whole group: "A、B牵头" means both lead; "X、Y按职责分工负责" means both, each by its duties."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "（(《【〔“"
_CLOSE = "）)》】〕”"
# Longest first, so "按职责分工负责" is taken whole before "负责".
QUALIFIERS = ("按照职责分工负责", "按职责分工负责", "按职责分工落实", "按职责分工", "按照职责负责", "按职责负责",
              "分别负责", "共同负责", "牵头负责", "配合落实", "参与配合", "牵头", "配合", "参与", "参加", "协助", "协办",
              "负责", "落实", "等")
_BRACKETED_QUALIFIER = re.compile(r"[（(【\[](牵头|配合|参与|协助|牵头单位|配合单位|主责)[）)】\]]$")
SUPPORT_QUALIFIERS = ("配合", "参与", "参加", "协助", "协办", "配合落实", "参与配合")
UNIT_END = re.compile(
    r"(?:局|委|办|厅|院|部|会|所|中心|政府|公署|管委会|公司|集团|镇|乡|街道|办事处|单位|部门|机构|队|站|处|科|室|小组|署|馆|"
    r"报社|合作社|联社|电视台|广播电视台|协会|联合会|团委|妇联|工会|党委|党组|工委|支队|大队|法院|检察院|银行|分行|支行|"
    r"海关|分局|总局|园区|开发区|"
    r"学校|医院|法庭|检察室|司法所|派出所|人武部|县委|区委|市委|州委|盟委|旗委|成员单位|有关单位|有关部门|"
    r"各部门|各单位|各乡镇|各街镇)$"
)


@dataclass(frozen=True)
class PrintedUnit:
    name: str
    note: str = ""


def split_top(text: str, seps: str) -> list[str]:
    """Splits on any of seps outside brackets and quotes."""
    parts, buf, depth = [], [], 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip(" 　")]


def strip_qualifier(name: str) -> tuple[str, str]:
    """("各县市人民政府等", …) → ("各县市人民政府", "等"); a leading 由 goes too."""
    name = name.strip().strip("。；;，,、 ")
    if name.startswith("由") and len(name) > 3:
        name = name[1:]
    notes: list[str] = []
    m = _BRACKETED_QUALIFIER.search(name)
    if m and m.start() >= 2:  # "县司法局（牵头）"
        notes.append(m.group(1))
        name = name[:m.start()]
    changed = not notes
    while changed:
        changed = False
        for q in QUALIFIERS:
            if name.endswith(q) and len(name) > len(q) + 1:
                name = name[: -len(q)].rstrip("、，, ")
                notes.insert(0, q)
                changed = True
                break
    return name, "".join(notes)


_AND = re.compile("以及|及")


def split_and(name: str) -> list[str]:
    """“市级各有关部门及各县市区政府” → two units: 及 (以及) separates two names each of which ends
    like a unit and the first not inside brackets; never inside a name (“科学技术及信息化局”,
    “县司法局及其派出机构”)."""
    for m in _AND.finditer(name):
        left, right = name[:m.start()], name[m.end():]
        depth = sum(left.count(c) for c in _OPEN) - sum(left.count(c) for c in _CLOSE)
        if depth or right.startswith("其") or len(left) < 2:
            continue
        if UNIT_END.search(left) and looks_like_unit(strip_qualifier(right)[0]):
            return [left, *split_and(right)]
    return [name]


def split_unit_names(text: str) -> list[list[PrintedUnit]]:
    """Comma groups (，；) of 、-separated units (及 too, between two unit names), qualifiers moved
    into notes."""
    groups = []
    for group_text in split_top(text, "，,；;"):
        names = [part for n in split_top(group_text, "、/") for part in split_and(n)]
        if len(names) == 1 and " " in names[0]:
            spaced = names[0].split()
            if all(UNIT_END.search(strip_qualifier(p)[0]) for p in spaced):
                names = spaced  # "州政府办公室 政府法制办": units set apart by spaces
        units = [PrintedUnit(*strip_qualifier(n)) for n in names]
        tail_note = units[-1].note if units else ""
        if tail_note:  # "A、B牵头": the qualifier closes the whole group
            units = [u if u.note else PrintedUnit(u.name, tail_note) for u in units]
        units = [u for u in units if u.name]
        if units:
            groups.append(units)
    return groups


def looks_like_unit(name: str) -> bool:
    name = name.strip()
    return 2 <= len(name) <= 40 and not any(c in name for c in "。，；：") and bool(
        UNIT_END.search(name) or name.startswith(("各", "有关")))
