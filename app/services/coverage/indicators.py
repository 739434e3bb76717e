"""Indicator systems in the database: stored from a file the clerk brings, listed, read as
targets of the coverage check (the deepest level), and removed with a snapshot to undo it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import CoverageLink, CoverageNote, Indicator, IndicatorSystem
from app.models.database import session_scope
from app.services import audit
from app.services.coverage.dto import INDICATOR, Target
from app.services.coverage.indicator_reader import RawIndicator, RawSystem, read_indicators
from app.services.errors import NotFoundError

LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级"}


@dataclass(frozen=True)
class SystemDTO:
    id: int
    name: str
    source_file: str
    counts: tuple[int, int, int]  # 一级, 二级, 三级

    def describe(self) -> str:
        return "、".join(f"{LEVEL_NAMES[k + 1]} {n} 项" for k, n in enumerate(self.counts) if n)


@dataclass
class IndicatorDTO:
    id: int
    level: int
    label: str
    text: str
    score_text: str = ""
    children: list[IndicatorDTO] = field(default_factory=list)


class IndicatorService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    def import_file(self, path: Path, name: str = "") -> tuple[SystemDTO, list[str]]:
        """Reads and stores the file; returns the system and the reader's notes."""
        raw = read_indicators(Path(path))
        return self.store(raw, name.strip() or raw.name, Path(path).name), raw.warnings

    def store(self, raw: RawSystem, name: str, source_file: str = "") -> SystemDTO:
        with session_scope(self._sf) as s:
            system = IndicatorSystem(name=(name or "指标体系")[:200], source_file=source_file[:500])
            s.add(system)
            s.flush()
            _add(s, system.id, None, raw.roots)
            audit.record(s, "indicator_system", system.id, "import", f"{system.name}（{source_file}）")
            return _dto(s, system)

    def systems(self) -> list[SystemDTO]:
        with session_scope(self._sf) as s:
            return [_dto(s, x) for x in s.scalars(select(IndicatorSystem).order_by(IndicatorSystem.id))]

    def system(self, system_id: int) -> SystemDTO:
        with session_scope(self._sf) as s:
            return _dto(s, _get(s, system_id))

    def tree(self, system_id: int) -> list[IndicatorDTO]:
        with session_scope(self._sf) as s:
            _get(s, system_id)
            rows = s.scalars(select(Indicator).where(Indicator.system_id == system_id)
                             .order_by(Indicator.position, Indicator.id)).all()
            nodes = {r.id: IndicatorDTO(r.id, r.level, r.label, r.text, r.score_text) for r in rows}
            roots = []
            for r in rows:
                (nodes[r.parent_id].children if r.parent_id in nodes else roots).append(nodes[r.id])
            return roots

    def targets(self, system_id: int) -> list[Target]:
        """The deepest indicators (those without children), with the levels above as their path."""
        out: list[Target] = []

        def walk(items: list[IndicatorDTO], above: list[IndicatorDTO]) -> None:
            for it in items:
                if it.children:
                    walk(it.children, [*above, it])
                else:
                    path = " › ".join(f"{a.label}{a.text[:30]}" for a in above)
                    out.append(Target(INDICATOR, it.id, len(out) + 1, it.label, path, it.text[:60], it.text))

        walk(self.tree(system_id), [])
        return out

    def delete(self, system_id: int) -> dict:
        """Removes the system with its links and notes; returns a snapshot `restore` puts back."""
        with session_scope(self._sf) as s:
            system = _get(s, system_id)
            ids = list(s.scalars(select(Indicator.id).where(Indicator.system_id == system_id)))
            snap = {"system": {"id": system.id, "name": system.name, "source_file": system.source_file},
                    "indicators": [_row(x) for x in s.scalars(select(Indicator).where(
                        Indicator.system_id == system_id).order_by(Indicator.id))],
                    "links": [_row(x) for x in s.scalars(select(CoverageLink).where(
                        CoverageLink.indicator_id.in_(ids)))] if ids else [],
                    "notes": [_row(x) for x in s.scalars(select(CoverageNote).where(
                        CoverageNote.indicator_id.in_(ids)))] if ids else []}
            s.delete(system)
            audit.record(s, "indicator_system", system_id, "delete", system.name)
            return snap

    def restore(self, snap: dict) -> int:
        """Undo of delete: the same ids, so links held elsewhere stay valid."""
        with session_scope(self._sf) as s:
            s.add(IndicatorSystem(**snap["system"]))
            s.flush()
            for model, key in ((Indicator, "indicators"), (CoverageLink, "links"), (CoverageNote, "notes")):
                for values in snap[key]:
                    s.add(model(**values))
                s.flush()
            return snap["system"]["id"]


def _row(obj) -> dict:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in ("decided_at", "updated_at")}


def _get(s: Session, system_id: int) -> IndicatorSystem:
    system = s.get(IndicatorSystem, system_id)
    if system is None:
        raise NotFoundError("找不到该指标体系，可能已被删除。")
    return system


def _dto(s: Session, system: IndicatorSystem) -> SystemDTO:
    levels = list(s.scalars(select(Indicator.level).where(Indicator.system_id == system.id)))
    return SystemDTO(system.id, system.name, system.source_file, tuple(levels.count(k) for k in (1, 2, 3)))


def _add(s: Session, system_id: int, parent_id: int | None, items: list[RawIndicator]) -> None:
    for pos, it in enumerate(items):
        row = Indicator(system_id=system_id, parent_id=parent_id, level=it.level, position=pos,
                        label=it.label[:20], text=it.text, score_text=it.score_text[:40])
        s.add(row)
        s.flush()
        _add(s, system_id, row.id, it.children)
