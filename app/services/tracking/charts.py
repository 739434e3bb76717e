"""The dashboard's bar charts as plain data: one bar per part or unit, split by light. The GUI paints
them with Qt and the 通报 as a picture (chart_image.py), from the same Chart."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.tracking.policy import LIGHTS
from app.services.tracking.stats import Summary, Tally


@dataclass(frozen=True)
class Bar:
    label: str
    key: str
    segments: tuple[tuple[str, int], ...]  # (light, count), in LIGHTS order
    note: str = ""  # shown after the bar: “完成 3/5”

    @property
    def total(self) -> int:
        return sum(n for _c, n in self.segments)


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    unit: str = "项"

    @property
    def longest(self) -> int:
        return max((b.total for b in self.bars), default=0)

    def to_dict(self) -> dict:
        return {"title": self.title, "unit": self.unit,
                "bars": [{"label": b.label, "key": b.key, "segments": [list(s) for s in b.segments], "note": b.note}
                         for b in self.bars]}

    @classmethod
    def from_dict(cls, d: dict) -> Chart:
        return cls(d["title"], tuple(Bar(b["label"], b.get("key", ""), tuple((c, int(n)) for c, n in b["segments"]),
                                         b.get("note", "")) for b in d["bars"]), d.get("unit", "项"))


def _bar(t: Tally, label: str) -> Bar:
    return Bar(label, t.key, tuple((c, t.lights[c]) for c in LIGHTS), f"完成 {t.done}/{t.total}")


def part_chart(summary: Summary) -> Chart:
    return Chart("各部分重点任务亮灯情况", tuple(_bar(t, _short_part(t.name)) for t in summary.parts))


def unit_chart(summary: Summary, limit: int | None = None) -> Chart:
    units = summary.units[:limit] if limit else summary.units
    return Chart("各牵头单位任务亮灯情况", tuple(_bar(t, t.name) for t in units))


def _short_part(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
