"""For the GUI's import preview (and the CLI's warnings): each unit name the document prints,
with the registry unit it matches, close suggestions, or nothing — so the clerk can confirm,
map or create before anything is stored."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.services.importing.result import ImportResult
from app.services.unit_matching import Suggestion, UnitRecord, canonical, match_unit

# A superior's or a neighbour's body and the county's counterpart differ in their level only:
# 州司法局 / 自治区公安厅 / 市卫生健康委 ↔ 县司法局 / 县公安局 / 县卫生健康局.
_LEVEL = re.compile(r"^(?:自治区|自治州|自治县|省|市|州|县|区|旗|盟|地区)")
_SUFFIX = re.compile(r"(?:厅|委)$")


@dataclass(frozen=True)
class PrintedUnitMatch:
    printed: str
    kind: str  # exact | alias | normalized | none (as unit_matching.MatchResult.kind)
    unit: UnitRecord | None
    suggestions: tuple[Suggestion, ...]
    tasks: int  # how many items name it (its tasks, and a heading that names units for its part)
    roles: tuple[str, ...]  # "lead" and/or "support"
    confident: UnitRecord | None = None  # a suggestion sure enough to be the default choice

    @property
    def status(self) -> str:
        """matched | suggested | unknown"""
        if self.unit is not None:
            return "matched"
        return "suggested" if self.suggestions else "unknown"


def match_printed_units(result: ImportResult, records: Iterable[UnitRecord], region_names: Iterable[str] = (),
                        limit: int = 5) -> list[PrintedUnitMatch]:
    """One entry per printed name, in order of first appearance."""
    records = list(records)
    regions = tuple(region_names)
    usage: dict[str, tuple[int, set[str]]] = {}
    for _item, u in result.unit_mentions():
        count, roles = usage.get(u.name, (0, set()))
        roles.add(u.role)
        usage[u.name] = (count + 1, roles)
    out = []
    for name, (count, roles) in usage.items():
        m = match_unit(name, records, regions, limit)
        out.append(PrintedUnitMatch(name, m.kind, m.unit, m.suggestions, count,
                                    tuple(r for r in ("lead", "support") if r in roles),
                                    None if m.unit is not None else confident_suggestion(name, m.suggestions, regions)))
    return out


def level_free(name: str, region_names: Iterable[str] = ()) -> str:
    """The body's name without its level: “州政府办公室” → “政府办公室”, “自治区应急管理厅” → “应急管理局”."""
    s = canonical(name)
    if s.startswith("中共") and len(s) > 4:
        s = s[2:]
    for region in region_names:
        if region and s.startswith(region) and len(s) > len(region) + 1:
            s = s[len(region):]
    s = _LEVEL.sub("", s, count=1) if len(s) > 3 else s
    s = s.replace("人民政府", "政府")
    return _SUFFIX.sub("局", s) if len(s) > 2 else s


def confident_suggestion(printed: str, suggestions: Iterable[Suggestion],
                         region_names: Iterable[str] = ()) -> UnitRecord | None:
    """The one suggestion that is the same body at another level, or none when that is not clear."""
    regions = tuple(region_names)
    key = level_free(printed, regions)
    same = [s.unit for s in suggestions
            if any(level_free(n, regions) == key for n in (s.unit.name, *s.unit.aliases))]
    return same[0] if len(same) == 1 else None


def unknown_unit_warnings(matches: list[PrintedUnitMatch]) -> list[str]:
    """Chinese lines for the CLI: units the registry does not know, with the closest names."""
    lines = []
    for m in matches:
        if m.unit is not None:
            continue
        hint = "；可能是：" + "、".join(s.unit.name for s in m.suggestions[:3]) if m.suggestions else ""
        lines.append(f"单位库中没有“{m.printed}”（{m.tasks} 项任务）{hint}")
    return lines
