"""Undo for the unit registry: snapshots of units to put back (add, edit, delete, reorder, Excel
import) and a record of a merge that can be reversed.

A unit that is put back keeps its id, so the plans' own undo steps that name it still work."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models import (
    Assignment,
    ExtensionRequest,
    FigureReturn,
    FormReturn,
    ProgressEntry,
    ReportFigure,
    Unit,
    UnitAlias,
)
from app.models.database import session_scope
from app.services import audit
from app.services.dto import UnitDTO
from app.services.errors import InUseError, NotFoundError, ValidationError
from app.services.units import UnitService

TRACKING_MODELS = (ProgressEntry, ExtensionRequest, FormReturn, ReportFigure, FigureReturn)
_FIELDS = ("name", "short_name", "category", "contact_person", "phone", "sort_order", "active")


@dataclass(frozen=True)
class UnitSnapshot:
    id: int
    name: str
    short_name: str
    category: str
    contact_person: str
    phone: str
    sort_order: int
    active: bool
    aliases: tuple[str, ...]


Registry = dict[int, UnitSnapshot | None]  # unit id → how it looks (None: not in the registry)


@dataclass
class MergeRecord:
    source: UnitSnapshot
    target_id: int
    target_aliases: tuple[str, ...]
    # the source's assignments: (node id, role, note); and where the target already had the node, its role
    moved: list[tuple[int, str, str]] = field(default_factory=list)
    target_roles: dict[int, str] = field(default_factory=dict)
    positions: dict[tuple[int, int], int] = field(default_factory=dict)  # (node, unit) → position, before
    # the source's 督办 records (entries, extension requests, returned forms) as they were: the merge
    # moves them to the target, or drops an entry where the target reported the same task and period
    records: list[tuple[type, dict]] = field(default_factory=list)


def _snap(u: Unit) -> UnitSnapshot:
    return UnitSnapshot(u.id, u.name, u.short_name, u.category, u.contact_person, u.phone, u.sort_order, u.active,
                        tuple(a.alias for a in u.aliases))


class UnitHistory:
    def __init__(self, session_factory: sessionmaker[Session], units: UnitService):
        self._sf = session_factory
        self._units = units

    def snapshot(self, unit_ids: list[int] | None = None) -> Registry:
        """The units as they are now (all units when unit_ids is None; absent ids map to None)."""
        with session_scope(self._sf) as s:
            q = select(Unit).options(selectinload(Unit.aliases))
            if unit_ids is not None:
                q = q.where(Unit.id.in_(unit_ids))
            found: Registry = {u.id: _snap(u) for u in s.scalars(q)}
        if unit_ids is not None:
            for i in unit_ids:
                found.setdefault(i, None)
        return found

    def restore(self, registry: Registry) -> None:
        """Makes each listed unit look as recorded: recreated (same id), updated, or removed."""
        with session_scope(self._sf) as s:
            units = {u.id: u for u in s.scalars(select(Unit).where(Unit.id.in_(list(registry)))
                                                .options(selectinload(Unit.aliases)))}
            for uid, snap in registry.items():
                if snap is None and uid in units:
                    used = s.scalar(select(func.count()).where(Assignment.unit_id == uid)) or 0
                    if used:
                        raise InUseError(f"“{units[uid].name}”已承担 {used} 项任务，无法撤销它的新增。")
            for u in units.values():  # names and aliases are unique: clear first, then set
                u.aliases.clear()
                u.name = f"\x01{u.id}"  # no NUL: a server database refuses it in text
            s.flush()
            for uid, snap in registry.items():
                if snap is None:
                    if uid in units:
                        s.delete(units[uid])
                    continue
                unit = units.get(uid)
                if unit is None:
                    unit = Unit(id=uid)
                    s.add(unit)
                for f in _FIELDS:
                    setattr(unit, f, getattr(snap, f))
                unit.aliases = [UnitAlias(alias=a) for a in snap.aliases]
            try:
                s.flush()
            except Exception as exc:  # a name taken meanwhile by another unit
                raise ValidationError("单位名录已有其他改动，无法撤销这一步。") from exc
            audit.record(s, "unit", None, "restore", f"{len(registry)} units")

    # ---- merge -----------------------------------------------------------------------------
    def merge(self, source_id: int, target_id: int) -> tuple[UnitDTO, MergeRecord]:
        """UnitService.merge_units, with the record that unmerge() reverses."""
        with session_scope(self._sf) as s:
            source = s.get(Unit, source_id)
            target = s.get(Unit, target_id)
            if source is None or target is None:
                raise NotFoundError("找不到该单位，可能已被删除或合并。")
            record = MergeRecord(_snap(source), target_id, tuple(a.alias for a in target.aliases))
            mine = s.scalars(select(Assignment).where(Assignment.unit_id == source_id)).all()
            nodes = [a.node_id for a in mine]
            for a in s.scalars(select(Assignment).where(Assignment.node_id.in_(nodes))):
                record.positions[(a.node_id, a.unit_id)] = a.position
                if a.unit_id == target_id:
                    record.target_roles[a.node_id] = a.role
            record.moved = [(a.node_id, a.role, a.note or "") for a in mine]
            for model in TRACKING_MODELS:
                columns = [c.key for c in inspect(model).column_attrs]
                record.records += [(model, {c: getattr(row, c) for c in columns})
                                   for row in s.scalars(select(model).where(model.unit_id == source_id))]
        return self._units.merge_units(source_id, target_id), record

    def unmerge(self, r: MergeRecord) -> None:
        """Puts the merged unit back (same id), with its tasks, progress entries and names."""
        with session_scope(self._sf) as s:
            target = s.get(Unit, r.target_id)
            if target is None or s.get(Unit, r.source.id) is not None:
                raise ValidationError("单位名录已有其他改动，无法撤销这次合并。")
            target.aliases[:] = [a for a in target.aliases if a.alias in r.target_aliases]
            s.flush()
            source = Unit(id=r.source.id, **{f: getattr(r.source, f) for f in _FIELDS})
            source.aliases = [UnitAlias(alias=a) for a in r.source.aliases]
            s.add(source)
            s.flush()
            on_target = {a.node_id: a for a in s.scalars(select(Assignment).where(Assignment.unit_id == r.target_id))}
            for node_id, role, note in r.moved:
                kept = on_target.get(node_id)
                if node_id in r.target_roles:  # the target had the task too: the source's row was dropped
                    if kept is not None:
                        kept.role = r.target_roles[node_id]
                    s.add(Assignment(node_id=node_id, unit_id=source.id, role=role, note=note))
                elif kept is not None:  # the source's row was handed to the target
                    kept.unit_id, kept.role, kept.note = source.id, role, note
            s.flush()
            for (node_id, unit_id), pos in r.positions.items():
                a = s.scalar(select(Assignment).where(Assignment.node_id == node_id, Assignment.unit_id == unit_id))
                if a is not None:
                    a.position = pos
            for model, values in r.records:
                row = s.get(model, values["id"])
                if row is not None:
                    row.unit_id = source.id
                else:  # dropped by the merge: back as it was
                    s.add(model(**values))
            s.flush()
            audit.record(s, "unit", source.id, "unmerge", f"{source.name} ← {target.name}")
