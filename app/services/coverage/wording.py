"""A superior task's wording turned to the county's, for a county task made from it in one step:
a fixed table of rewrites (自治区人民政府 → 县人民政府, 自治区司法厅 → 县司法局, 全区 → 全县 …),
each counted so the clerk sees what changed. The result is a draft for the clerk to confirm."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SUP = r"(?:新疆维吾尔自治区|内蒙古自治区|广西壮族自治区|宁夏回族自治区|西藏自治区|自治区|省|市|州)"
# (pattern, replacement, what the clerk reads); applied in this order
RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"自治区、地（州、市）、县（市、区）|省、市、县三级|省、市、县|自治区、地、县、乡、村五级"), "县",
     "多级并列 → 县"),
    (re.compile(r"全(?:自治)?[区省市州]各级(?:人民)?政府"), "县政府", "全区各级政府 → 县政府"),
    (re.compile(r"依法治(?:自治区|省|区|市|州)"), "依法治县", "依法治省/市/区 → 依法治县"),
    (re.compile(rf"{_SUP}(党委|委员会)(?=[^办]|$)"), "县委", "上级党委 → 县委"),
    (re.compile(rf"{_SUP}(人民政府|政府)"), r"县\1", "上级政府 → 县政府"),
    (re.compile(rf"{_SUP}(人大常委会|人民代表大会常务委员会)"), r"县\1", "上级人大常委会 → 县人大常委会"),
    (re.compile(rf"{_SUP}([\u4e00-\u9fff]{{1,8}}?)厅"), r"县\1局", "上级厅 → 县局"),
    (re.compile(rf"{_SUP}([\u4e00-\u9fff]{{1,8}}?)(局|委|办)(?![\u4e00-\u9fff]{{0,1}}员)"), r"县\1\2",
     "上级部门 → 县级部门"),
    (re.compile(r"全(?:自治)?区|全省|全市|全州"), "全县", "全区/全省/全市 → 全县"),
    (re.compile(r"(?:(?<=县委)|(?<=县政府)|(?<=县人民政府))办公厅"), "办公室", "办公厅 → 办公室"),
    (re.compile(r"各级人民政府|各级政府"), "县政府", "各级政府 → 县政府"),
    (re.compile(rf"{_SUP}层面"), "县级层面", "上级层面 → 县级层面"),
    (re.compile(rf"(?<![\u4e00-\u9fff]){_SUP}(?=[\u4e00-\u9fff])|(?<=[，。；、“（])自治区"), "县", "自治区/省/市 → 县"),
)


@dataclass
class Adapted:
    text: str
    changes: list[tuple[str, int]] = field(default_factory=list)  # (rule, count)

    def describe(self) -> str:
        return "；".join(f"{what} {n} 处" for what, n in self.changes) or "未作改动"


_TITLE = re.compile(r"《[^《》]*》")  # a regulation's or a document's name is quoted as it is


def adapt(text: str) -> Adapted:
    counts: dict[str, int] = {}
    pieces = []
    last = 0
    for m in [*_TITLE.finditer(text or ""), None]:
        end = m.start() if m else len(text or "")
        pieces.append(_rewrite((text or "")[last:end], counts))
        if m:
            pieces.append(m.group(0))
            last = m.end()
    return Adapted("".join(pieces), list(counts.items()))


def _rewrite(out: str, counts: dict[str, int]) -> str:
    for pattern, repl, what in RULES:
        out, n = pattern.subn(repl, out)
        if n:
            counts[what] = counts.get(what, 0) + n
    return re.sub(r"县县", "县", out)
