"""For the GUI's import preview (and the CLI's warnings): each unit name the document prints,
with the registry unit it matches, close suggestions, or nothing — so the clerk can confirm,
map or create before anything is stored."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.services.importing.result import ImportResult
from app.services.unit_matching import Suggestion, UnitRecord, match_unit


@dataclass(frozen=True)
class PrintedUnitMatch:
    printed: str
    kind: str  # exact | alias | normalized | none (as unit_matching.MatchResult.kind)
    unit: UnitRecord | None
    suggestions: tuple[Suggestion, ...]
    tasks: int  # how many items name it (its tasks, and a heading that names units for its part)
    roles: tuple[str, ...]  # "lead" and/or "support"

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
                                    tuple(r for r in ("lead", "support") if r in roles)))
    return out


def unknown_unit_warnings(matches: list[PrintedUnitMatch]) -> list[str]:
    """Chinese lines for the CLI: units the registry does not know, with the closest names."""
    lines = []
    for m in matches:
        if m.unit is not None:
            continue
        hint = "；可能是：" + "、".join(s.unit.name for s in m.suggestions[:3]) if m.suggestions else ""
        lines.append(f"单位库中没有“{m.printed}”（{m.tasks} 项任务）{hint}")
    return lines
