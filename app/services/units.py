"""The unit registry (责任单位): add, edit, aliases, merge, delete, and matching printed names."""

from __future__ import annotations

from sqlalchemy import func, or_, select
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
from app.models.unit import UNIT_CATEGORIES
from app.services import audit
from app.services.dto import UnitDTO
from app.services.errors import DuplicateError, InUseError, NotFoundError, ValidationError
from app.services.unit_matching import MatchResult, UnitRecord, canonical, match_unit

_EDITABLE = ("name", "short_name", "category", "contact_person", "phone", "sort_order", "active")


def to_dto(unit: Unit, usage: int = 0) -> UnitDTO:
    return UnitDTO(
        id=unit.id,
        name=unit.name,
        short_name=unit.short_name,
        category=unit.category,
        aliases=tuple(a.alias for a in unit.aliases),
        contact_person=unit.contact_person,
        phone=unit.phone,
        sort_order=unit.sort_order,
        active=unit.active,
        usage=usage,
    )


class UnitService:
    def __init__(self, session_factory: sessionmaker[Session], region_names: tuple[str, ...] = ()):
        self._sf = session_factory
        self.region_names = region_names

    # ---- reading -------------------------------------------------------------------------
    def list_units(self, search: str = "", category: str | None = None) -> list[UnitDTO]:
        with session_scope(self._sf) as s:
            usage = dict(
                s.execute(select(Assignment.unit_id, func.count()).group_by(Assignment.unit_id)).all()
            )
            q = select(Unit).options(selectinload(Unit.aliases)).order_by(Unit.sort_order, Unit.id)
            if category:
                q = q.where(Unit.category == category)
            if search.strip():
                like = f"%{search.strip()}%"
                q = q.where(
                    or_(Unit.name.like(like), Unit.short_name.like(like),
                        Unit.aliases.any(UnitAlias.alias.like(like)))
                )
            return [to_dto(u, usage.get(u.id, 0)) for u in s.scalars(q)]

    def get(self, unit_id: int) -> UnitDTO:
        with session_scope(self._sf) as s:
            unit = self._load(s, unit_id)
            usage = s.scalar(select(func.count()).where(Assignment.unit_id == unit_id)) or 0
            return to_dto(unit, usage)

    def active_ids(self) -> set[int]:
        with session_scope(self._sf) as s:
            return set(s.scalars(select(Unit.id).where(Unit.active)))

    def records(self) -> list[UnitRecord]:
        with session_scope(self._sf) as s:
            units = s.scalars(select(Unit).options(selectinload(Unit.aliases)).where(Unit.active)).all()
            return [UnitRecord(u.id, u.name, tuple(a.alias for a in u.aliases)) for u in units]

    def match(self, printed_name: str) -> MatchResult:
        return match_unit(printed_name, self.records(), self.region_names)

    # ---- writing -------------------------------------------------------------------------
    def add_unit(self, name: str, *, short_name: str = "", category: str = "其他",
                 aliases: tuple[str, ...] | list[str] = (), contact_person: str = "", phone: str = "",
                 sort_order: int | None = None, active: bool = True) -> UnitDTO:
        name = self._clean_name(name)
        self._check_category(category)
        with session_scope(self._sf) as s:
            self._ensure_free(s, name)
            if sort_order is None:
                sort_order = (s.scalar(select(func.max(Unit.sort_order))) or 0) + 10
            unit = Unit(name=name, short_name=short_name.strip(), category=category,
                        contact_person=contact_person.strip(), phone=phone.strip(), sort_order=sort_order,
                        active=active)
            s.add(unit)
            s.flush()
            self._replace_aliases(s, unit, aliases)
            audit.record(s, "unit", unit.id, "create", name)
            s.flush()
            return to_dto(unit)

    def update_unit(self, unit_id: int, **fields) -> UnitDTO:
        unknown = set(fields) - set(_EDITABLE) - {"aliases"}
        if unknown:
            raise ValueError(f"unknown unit fields: {sorted(unknown)}")
        with session_scope(self._sf) as s:
            unit = self._load(s, unit_id)
            if "name" in fields:
                fields["name"] = self._clean_name(fields["name"])
                if fields["name"] != unit.name:
                    self._ensure_free(s, fields["name"], except_unit=unit.id)
            if "category" in fields:
                self._check_category(fields["category"])
            for key in _EDITABLE:
                if key in fields:
                    setattr(unit, key, fields[key])
            if "aliases" in fields:
                self._replace_aliases(s, unit, fields["aliases"])
            audit.record(s, "unit", unit.id, "update", ",".join(sorted(fields)))
            s.flush()
            return to_dto(unit)

    def set_aliases(self, unit_id: int, aliases: list[str] | tuple[str, ...]) -> UnitDTO:
        return self.update_unit(unit_id, aliases=tuple(aliases))

    def check_deletable(self, unit_id: int) -> None:
        """Raises InUseError (with the way out: merging) while the unit has tasks."""
        with session_scope(self._sf) as s:
            self._check_unused(s, self._load(s, unit_id))

    def delete_unit(self, unit_id: int) -> None:
        with session_scope(self._sf) as s:
            unit = self._load(s, unit_id)
            self._check_unused(s, unit)
            audit.record(s, "unit", unit.id, "delete", unit.name)
            s.delete(unit)

    @staticmethod
    def _check_unused(s: Session, unit: Unit) -> None:
        used = s.scalar(select(func.count()).where(Assignment.unit_id == unit.id)) or 0
        if used:
            raise InUseError(
                f"“{unit.name}”仍承担 {used} 项任务，不能删除。"
                "如该单位已撤并，请使用“合并到其他单位”，任务会一并转过去。"
            )
        reported = s.scalar(select(func.count()).select_from(ProgressEntry)
                            .where(ProgressEntry.unit_id == unit.id)) or 0
        if reported:
            raise InUseError(
                f"“{unit.name}”有 {reported} 条督办进展记录，不能删除。"
                "如该单位已撤并，请使用“合并到其他单位”，进展记录会一并转过去。"
            )
        figures = s.scalar(select(func.count()).select_from(ReportFigure).where(ReportFigure.unit_id == unit.id)) or 0
        if figures:
            raise InUseError(
                f"“{unit.name}”有 {figures} 项年度报告数据，不能删除。"
                "如该单位已撤并，请使用“合并到其他单位”，数据会一并转过去。"
            )

    def merge_units(self, source_id: int, target_id: int) -> UnitDTO:
        """Moves every assignment and progress entry of source to target; source's names become aliases."""
        if source_id == target_id:
            raise ValidationError("不能把单位合并到它自己。")
        with session_scope(self._sf) as s:
            source = self._load(s, source_id)
            target = self._load(s, target_id)
            on_target = {a.node_id: a for a in s.scalars(select(Assignment).where(Assignment.unit_id == target_id))}
            for a in s.scalars(select(Assignment).where(Assignment.unit_id == source_id)).all():
                existing = on_target.get(a.node_id)
                if existing is None:
                    a.unit_id = target_id
                else:
                    if a.role == "lead":  # the stronger role wins
                        existing.role = "lead"
                    s.delete(a)
            s.flush()
            merge_progress(s, source_id, target_id)
            moved = [source.name, *(al.alias for al in source.aliases)]
            source_name = source.name
            s.delete(source)
            s.flush()
            have = {canonical(target.name), *(canonical(al.alias) for al in target.aliases)}
            for n in moved:
                if canonical(n) not in have:
                    target.aliases.append(UnitAlias(alias=n))
                    have.add(canonical(n))
            audit.record(s, "unit", target.id, "merge", f"{source_name} → {target.name}")
            s.flush()
            return to_dto(target, s.scalar(select(func.count()).where(Assignment.unit_id == target_id)) or 0)

    def set_order(self, unit_ids: list[int]) -> None:
        """Sort order 10, 20, 30… in the given order (the registry's printing order)."""
        with session_scope(self._sf) as s:
            for pos, unit_id in enumerate(unit_ids, start=1):
                self._load(s, unit_id).sort_order = pos * 10
            audit.record(s, "unit", None, "reorder", f"{len(unit_ids)} units")

    # ---- helpers -------------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, unit_id: int) -> Unit:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("找不到该单位，可能已被删除或合并。")
        return unit

    @staticmethod
    def _clean_name(name: str) -> str:
        name = (name or "").strip()
        if not name:
            raise ValidationError("单位名称不能为空。")
        if len(name) > 120:
            raise ValidationError("单位名称过长（最多 120 个字）。")
        return name

    @staticmethod
    def _check_category(category: str) -> None:
        if category not in UNIT_CATEGORIES:
            raise ValidationError(f"未知的单位类别“{category}”。可选：{'、'.join(UNIT_CATEGORIES)}。")

    @staticmethod
    def _ensure_free(s: Session, name: str, except_unit: int | None = None) -> None:
        clash = s.scalar(select(Unit).where(Unit.name == name))
        if clash is not None and clash.id != except_unit:
            raise DuplicateError(f"单位“{name}”已存在。")
        alias = s.scalar(select(UnitAlias).where(UnitAlias.alias == name))
        if alias is not None and alias.unit_id != except_unit:
            raise DuplicateError(f"“{name}”已是单位“{alias.unit.name}”的别名。")

    def _replace_aliases(self, s: Session, unit: Unit, aliases) -> None:
        wanted: list[str] = []
        for a in aliases:
            a = (a or "").strip()
            if a and a != unit.name and a not in wanted:
                wanted.append(a)
        for a in wanted:
            if s.scalar(select(Unit).where(Unit.name == a, Unit.id != unit.id)) is not None:
                raise DuplicateError(f"别名“{a}”与已有单位名称相同。")
            other = s.scalar(select(UnitAlias).where(UnitAlias.alias == a, UnitAlias.unit_id != unit.id))
            if other is not None:
                raise DuplicateError(f"别名“{a}”已属于单位“{other.unit.name}”。")
        unit.aliases[:] = [al for al in unit.aliases if al.alias in wanted]
        s.flush()
        have = {al.alias for al in unit.aliases}
        for a in wanted:
            if a not in have:
                unit.aliases.append(UnitAlias(alias=a))


def merge_progress(s: Session, source_id: int, target_id: int) -> None:
    """Moves the source unit's 督办 records to the target; where both reported on the same task in the
    same period, the target's own report stays."""
    taken = set(s.execute(select(ProgressEntry.node_id, ProgressEntry.period_id)
                          .where(ProgressEntry.unit_id == target_id)).all())
    for p in s.scalars(select(ProgressEntry).where(ProgressEntry.unit_id == source_id)).all():
        if (p.node_id, p.period_id) in taken:
            s.delete(p)
        else:
            p.unit_id = target_id
    have = set(s.execute(select(ReportFigure.report_id, ReportFigure.field).where(ReportFigure.unit_id == target_id)))
    for f in s.scalars(select(ReportFigure).where(ReportFigure.unit_id == source_id)).all():
        if (f.report_id, f.field) in have:  # the year's figure the target gave itself stays
            s.delete(f)
        else:
            f.unit_id = target_id
    for model in (ExtensionRequest, FormReturn, FigureReturn):
        for row in s.scalars(select(model).where(model.unit_id == source_id)):
            row.unit_id = target_id
    s.flush()
