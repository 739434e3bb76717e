"""ReportService: the year's report on a plan — created on first use, drafted and re-drafted from
the 督办台账 without overwriting what the clerk edited unless asked, edited section by section, and
its properties (part order, 文号, 签发人, dates). Every change returns what undo needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import AnnualReport, Plan, ReportSection
from app.models.database import session_scope
from app.services import audit
from app.services.errors import NotFoundError, ValidationError
from app.services.plans import PlanService
from app.services.reports import template as T
from app.services.reports.drafting import draft_all
from app.services.reports.dto import Conflict, Redraft, ReportDTO, SectionDTO
from app.services.reports.figures import FigureService
from app.services.reports.year_facts import (
    YearFacts,
    facts_from,
    next_plan_from,
    next_year_plan_id,
    supervision_counts,
)

MAX_TEXT = 20000
EDITABLE = ("part_order", "duty_placement", "sign_date", "gov_doc_number", "joint_doc_number", "signers",
            "submitted_on", "published_on")


def _dto(s: Session, r: AnnualReport) -> ReportDTO:
    plan = s.get(Plan, r.plan_id)
    rows = s.scalars(select(ReportSection).where(ReportSection.report_id == r.id)
                     .order_by(ReportSection.position, ReportSection.id)).all()
    return ReportDTO(r.id, r.plan_id, plan.title if plan else "", r.year, tuple(T.part_order(r.part_order)),
                     r.duty_placement or T.CHAPTER, r.sign_date, r.gov_doc_number, r.joint_doc_number,
                     tuple(x for x in r.signers.split("、") if x), r.submitted_on, r.published_on, r.drafted_at,
                     tuple(SectionDTO(x.id, x.key, x.heading, x.text, x.drafted_text) for x in rows))


class ReportService:
    def __init__(self, session_factory: sessionmaker[Session], plans: PlanService, tracking: Callable[[], object],
                 settings, clock: Callable[[], date] = date.today):
        self._sf = session_factory
        self.plans = plans
        self._tracking = tracking  # built on first use
        self.settings = settings  # the live Settings
        self.clock = clock
        self.figures = FigureService(session_factory, settings)

    # ---- the report ------------------------------------------------------------------------
    def report(self, plan_id: int, create: bool = True) -> ReportDTO | None:
        """The plan's report, created (empty, with the county's default order) the first time;
        with create=False, None when there is none yet."""
        with session_scope(self._sf) as s:
            r = s.scalar(select(AnnualReport).where(AnnualReport.plan_id == plan_id))
            if r is None and not create:
                return None
            if r is None:
                plan = s.get(Plan, plan_id)
                if plan is None:
                    raise NotFoundError("找不到该工作要点，可能已被删除。")
                if plan.year is None:
                    raise ValidationError(f"《{plan.title}》没有填写年度，无法起草年度报告；请在“工作要点 → 属性”中填写年度。")
                placement = self.settings.report_duty_placement
                r = AnnualReport(plan_id=plan_id, year=plan.year,
                                 part_order=",".join(T.part_order(self.settings.report_part_order)),
                                 duty_placement=placement if placement in T.PLACEMENTS else T.CHAPTER)
                s.add(r)
                s.flush()
                audit.record(s, "annual_report", r.id, "create", plan.title[:80])
            return _dto(s, r)

    def update(self, plan_id: int, **fields) -> dict:
        """Changes the report's properties; returns their values before, for undo."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"unknown report fields: {sorted(unknown)}")
        _check(fields)
        report = self.report(plan_id)
        with session_scope(self._sf) as s:
            r = s.get(AnnualReport, report.id)
            before = {k: getattr(r, k) for k in fields}
            for k, v in fields.items():
                if k == "part_order":
                    v = ",".join(T.part_order(v))
                elif k == "signers":
                    v = "、".join(x.strip() for x in (v if isinstance(v, (list, tuple)) else str(v).split("、"))
                                 if x.strip())[:200]
                setattr(r, k, v)
            audit.record(s, "annual_report", r.id, "update", ",".join(sorted(fields)))
            return before

    def checklist(self, plan_id: int) -> list:
        """The year's report dates, each ticked from the report's state (report_calendar.py)."""

        from app.models import FigureReturn
        from app.services.reports.report_calendar import report_checklist

        report = self.report(plan_id, create=False)
        if report is None:  # nothing done yet: the dates all the same, none ticked
            plan = self.plans.get_plan(plan_id)
            if plan.year is None:
                return []
            report = ReportDTO(0, plan_id, plan.title, plan.year, tuple(T.PARTS), T.CHAPTER, None, "", "", (), None,
                               None, None, ())
            return report_checklist(report, 0, 0, self.settings.track_annual_dates)
        asked = {u.unit_id for u in self.figures.asked(report.id)}
        with session_scope(self._sf) as s:
            returned = set(s.scalars(select(FigureReturn.unit_id).where(FigureReturn.report_id == report.id)))
        return report_checklist(report, len(asked), len(asked & returned), self.settings.track_annual_dates)

    # ---- drafting --------------------------------------------------------------------------
    def facts(self, plan_id: int) -> YearFacts:
        tracking = self._tracking()
        schedule = tracking.schedule(plan_id)
        if not schedule.periods:
            raise NotFoundError("该工作要点还没有报送期，无法从督办台账起草。")
        ledger = tracking.ledger(plan_id, schedule.periods[-1].id)
        facts = facts_from(ledger, self.plans.tree(plan_id))
        with session_scope(self._sf) as s:
            facts.bulletins, facts.forms_returned = supervision_counts(s, plan_id)
            next_id = next_year_plan_id(s, plan_id, facts.year)
        if next_id is not None:
            facts.next_plan = next_plan_from(self.plans.get_plan(next_id).title, self.plans.tree(next_id))
        return facts

    def preview_draft(self, plan_id: int) -> Redraft:
        """The new draft of every section and the edited sections it would replace."""
        report = self.report(plan_id)
        facts = self.facts(plan_id)
        fields = self.figures.fields()
        totals = self.figures.totals(report.id)
        rhythm = self._tracking().schedule(plan_id).rhythm
        county = (self.settings.county_name or "").strip() or "我县"
        sections = draft_all(facts, county, fields, totals, rhythm)
        conflicts = []
        for d in sections:
            cur = report.section(d.key)
            if cur is not None and cur.edited and d.text != cur.drafted_text and d.text != cur.text:
                conflicts.append(Conflict(d.key, d.heading or "开头", cur.text, d.text))
        return Redraft(sections, conflicts, facts.notes)

    def apply_draft(self, plan_id: int, redraft: Redraft, replace: set[str] | frozenset[str] = frozenset()) -> list:
        """Writes the draft: untouched sections take the new text; an edited one keeps the clerk's
        text unless its key is in `replace` (its draft is remembered either way). Sections the
        draft no longer makes go when untouched and stay when edited. Returns the sections before."""
        report = self.report(plan_id)
        before = [_snapshot(x, i) for i, x in enumerate(report.sections)]
        order = {d.key: i for i, d in enumerate(redraft.sections)}
        with session_scope(self._sf) as s:
            rows = {x.key: x for x in s.scalars(select(ReportSection).where(ReportSection.report_id == report.id))}
            for d in redraft.sections:
                row = rows.get(d.key)
                if row is None:
                    s.add(ReportSection(report_id=report.id, key=d.key, position=order[d.key], heading=d.heading,
                                        text=d.text, drafted_text=d.text))
                    continue
                untouched = row.text == row.drafted_text
                if untouched or d.key in replace:
                    row.text = d.text
                row.drafted_text, row.position = d.text, order[d.key]
                if untouched or d.key in replace or not row.heading:
                    row.heading = d.heading
            for key, row in rows.items():
                if key not in order:
                    if row.text == row.drafted_text:
                        s.delete(row)
                    else:
                        row.position = len(order) + row.position  # an edited section the plan lost: kept, last
            r = s.get(AnnualReport, report.id)
            r.drafted_at = datetime.now()
            if r.sign_date is None:
                r.sign_date = self.clock()
            audit.record(s, "annual_report", report.id, "draft", f"替换已修改部分 {len(replace)} 处")
        return before

    def restore_sections(self, plan_id: int, snapshot: list[dict]) -> list[dict]:
        """Puts the sections back as in the snapshot; returns the ones replaced (for redo)."""
        report = self.report(plan_id)
        now = [_snapshot(x, i) for i, x in enumerate(report.sections)]
        with session_scope(self._sf) as s:
            for row in s.scalars(select(ReportSection).where(ReportSection.report_id == report.id)):
                s.delete(row)
            s.flush()
            for d in snapshot:
                s.add(ReportSection(report_id=report.id, **d))
        return now

    def set_section(self, section_id: int, text: str | None = None, heading: str | None = None) -> tuple[str, str]:
        """The clerk's edit of one section; returns (text, heading) before."""
        if text is not None and len(text) > MAX_TEXT:
            raise ValidationError(f"这一部分有 {len(text)} 字，超过 {MAX_TEXT} 字的上限，请精简或分到其他部分。")
        with session_scope(self._sf) as s:
            row = s.get(ReportSection, section_id)
            if row is None:
                raise NotFoundError("找不到报告的这一部分，可能已重新起草。")
            before = (row.text, row.heading)
            if text is not None:
                row.text = text.replace("\r\n", "\n")
            if heading is not None:
                row.heading = heading.strip()[:200]
            audit.record(s, "report_section", row.id, "edit", row.key)
            return before


def _snapshot(x: SectionDTO, position: int) -> dict:
    return {"key": x.key, "position": position, "heading": x.heading, "text": x.text, "drafted_text": x.drafted_text}


def _check(fields: dict) -> None:
    from app.services.checks import check_doc_number

    placement = fields.get("duty_placement")
    if placement is not None and placement not in T.PLACEMENTS:
        raise ValidationError("第一责任人部分只能单独成章或作为“主要举措和成效”的一节。")
    for key in ("gov_doc_number", "joint_doc_number"):
        text = (fields.get(key) or "").strip()
        problems = check_doc_number(text) if text else []
        if problems:
            raise ValidationError(problems[0].message)
    for key in ("sign_date", "submitted_on", "published_on"):
        v = fields.get(key)
        if v is not None and not isinstance(v, date):
            raise ValidationError("日期格式不正确。")
