"""The units' yearly figures of one report: who is asked for what, the values on record, the
county totals, and writes that return what they replaced (undo, and a returned sheet's import)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import AnnualReport, Assignment, PlanNode, ReportFigure, Unit
from app.models.database import session_scope
from app.services.errors import NotFoundError, ValidationError
from app.services.reports.figure_fields import FigureField, FigureTotals, fields_from, totals
from app.services.tracking.ledger import COLLECTIVE

MAX_VALUE = 1e9


@dataclass(frozen=True)
class FigureValue:
    value: float | None
    note: str = ""
    source: str = "录入"
    source_file: str = ""


@dataclass(frozen=True)
class FigureWrite:
    unit_id: int
    field: str
    value: FigureValue | None  # None: no figure on record


@dataclass(frozen=True)
class AskedUnit:
    unit_id: int
    name: str
    fields: tuple[str, ...]


class FigureService:
    def __init__(self, session_factory: sessionmaker[Session], settings):
        self._sf = session_factory
        self.settings = settings

    @property
    def session_factory(self) -> sessionmaker[Session]:
        return self._sf

    def fields(self) -> list[FigureField]:
        return fields_from(self.settings.report_figure_fields)

    def asked(self, report_id: int) -> list[AskedUnit]:
        """Every unit asked for figures, with the figures asked of it: a figure with named units goes
        to those; one without goes to every unit with a task in the plan."""
        fields = [f for f in self.fields() if f.collected]
        with session_scope(self._sf) as s:
            report = s.get(AnnualReport, report_id)
            if report is None:
                raise NotFoundError("找不到该年度报告。")
            units = {u.id: u for u in s.scalars(select(Unit).where(Unit.active, Unit.category != COLLECTIVE))}
            in_plan = set(s.scalars(select(Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
                                    .where(PlanNode.plan_id == report.plan_id)))
        by_name = {u.name: uid for uid, u in units.items()}
        asked: dict[int, list[str]] = {}
        for f in fields:
            targets = [by_name[n] for n in f.units if n in by_name] if f.units else \
                [uid for uid in units if uid in in_plan]
            for uid in targets:
                asked.setdefault(uid, []).append(f.name)
        order = sorted(asked, key=lambda uid: (units[uid].sort_order, units[uid].name))
        return [AskedUnit(uid, units[uid].name, tuple(asked[uid])) for uid in order]

    def values(self, report_id: int) -> dict[tuple[int, str], FigureValue]:
        with session_scope(self._sf) as s:
            return {(r.unit_id, r.field): FigureValue(r.value, r.note, r.source, r.source_file)
                    for r in s.scalars(select(ReportFigure).where(ReportFigure.report_id == report_id))}

    def totals(self, report_id: int) -> FigureTotals:
        fields = self.fields()
        return totals(fields, [(f, v.value) for (_u, f), v in self.values(report_id).items()])

    def write(self, report_id: int, writes: list[FigureWrite]) -> list[FigureWrite]:
        """Stores the values (None removes one); returns what each replaced, in the same order."""
        for w in writes:
            if w.value is not None and w.value.value is not None and not 0 <= w.value.value <= MAX_VALUE:
                raise ValidationError(f"数据“{w.field}”的值 {w.value.value:g} 不在 0 到 10 亿之间。")
        with session_scope(self._sf) as s:
            return [_write(s, report_id, w) for w in writes]


def _write(s: Session, report_id: int, w: FigureWrite) -> FigureWrite:
    row = s.scalar(select(ReportFigure).where(ReportFigure.report_id == report_id, ReportFigure.unit_id == w.unit_id,
                                              ReportFigure.field == w.field))
    before = FigureWrite(w.unit_id, w.field, FigureValue(row.value, row.note, row.source, row.source_file)
                         if row is not None else None)
    v = w.value
    if v is None or (v.value is None and not v.note.strip()):
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(ReportFigure(report_id=report_id, unit_id=w.unit_id, field=w.field, value=v.value, note=v.note[:200],
                           source=v.source, source_file=v.source_file[:300]))
    else:
        row.value, row.note, row.source, row.source_file = v.value, v.note[:200], v.source, v.source_file[:300]
    s.flush()
    return before
