"""The only import stage that touches the database: one transaction stores the plan, its units
(matched to the registry, or created), and the cover notice with its issuers. Any error rolls
everything back, so a failed import never leaves half a plan behind."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models import Issuer, Notice, NoticeIssuer, Unit
from app.models.database import session_scope
from app.services import audit
from app.services.errors import ValidationError
from app.services.importing.issuer_policy import issuers_are_own, skipped_notice_message
from app.services.importing.model import Item
from app.services.importing.pipeline import ImportCancelled
from app.services.importing.result import ImportResult
from app.services.importing.store_undo import notice_fingerprint
from app.services.importing.unit_category import guess_category
from app.services.numbering import numbering_spec, parse_doc_number
from app.services.plan_snapshot import load_plan
from app.services.unit_matching import UnitRecord, match_unit

NEW_UNIT = "new"  # unit_choices value: create a unit with the printed name
SKIP_UNIT = "skip"  # unit_choices value: leave this printed name unassigned


@dataclass
class StoreReport:
    plan_id: int
    notice_id: int | None
    tasks: int
    nodes: int
    matched: dict[str, str] = field(default_factory=dict)  # printed name → registry name
    created: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # what undo of the import takes away again (see store_undo.py)
    created_unit_ids: list[int] = field(default_factory=list)
    created_issuer_ids: list[int] = field(default_factory=list)
    reactivated_unit_ids: list[int] = field(default_factory=list)
    notice_fingerprint: str = ""


def store_import(session_factory: sessionmaker[Session], result: ImportResult, *,
                 region_names: tuple[str, ...] = (), unit_choices: dict[str, int | str] | None = None,
                 source_file: str = "", is_cancelled: Callable[[], bool] | None = None,
                 keep_notice: bool | None = None) -> StoreReport:
    """Stores result as a new draft plan. unit_choices maps a printed name to a unit id, NEW_UNIT
    or SKIP_UNIT (the GUI's preview decisions); names not in it are matched, else created.

    keep_notice: store the cover notice in 公文 (its new issuers join the county's issuers). None
    decides by its issuers: kept when they are the county's own, never for a superior's document."""
    if not result.title.strip():
        raise ValidationError("原文中找不到文件标题，无法保存：请在导入时填写标题，或在原文开头写上标题后重新导入。")
    choices = unit_choices or {}
    with session_scope(session_factory, immediate=True) as s:
        resolver = _UnitResolver(s, region_names, choices)
        nodes = [_node(it, resolver) for it in result.outline]
        snapshot = {"plan": {
            "title": result.title[:200], "kind": result.kind, "year": result.year, "period": result.period[:40],
            "issuer_text": "、".join(result.notice.issuers)[:200] if result.notice else "",
            "preamble": result.preamble, "closing": result.closing, "status": "草稿",
            "numbering": numbering_spec(result.continuous_levels),
            "source_file": (source_file or result.source)[:500],
        }, "nodes": nodes}
        plan = load_plan(s, snapshot)
        audit.record(s, "plan", plan.id, "import", f"{result.source}：{len(result.tasks)} 项任务")
        report = StoreReport(plan.id, None, len(result.tasks), sum(1 for r in result.outline for _ in r.walk()),
                             matched=resolver.matched, created=resolver.created,
                             created_unit_ids=resolver.created_ids,
                             reactivated_unit_ids=resolver.reactivated_ids)
        if result.notice is not None:
            own = notice_is_own(s, result, region_names)
            if keep_notice or (keep_notice is None and own):
                report.notice_id = _store_notice(s, result, plan.id, report)
            else:
                report.warnings.append(skipped_notice_message(result, own))
        if is_cancelled is not None and is_cancelled():
            raise ImportCancelled()  # session_scope rolls the whole import back
        s.flush()
    return report


class _UnitResolver:
    def __init__(self, s: Session, region_names: tuple[str, ...], choices: dict[str, int | str]):
        self.s = s
        self.regions = region_names
        self.choices = choices
        units = s.scalars(select(Unit).options(selectinload(Unit.aliases)).where(Unit.active)).all()
        self.records = [UnitRecord(u.id, u.name, tuple(a.alias for a in u.aliases)) for u in units]
        self.cache: dict[str, int | None] = {}
        self.matched: dict[str, str] = {}
        self.created: list[str] = []
        self.created_ids: list[int] = []
        self.reactivated_ids: list[int] = []
        self.next_order = (s.scalar(select(func.max(Unit.sort_order))) or 0) + 10

    def __call__(self, printed: str) -> int | None:
        if printed not in self.cache:
            self.cache[printed] = self._resolve(printed)
        return self.cache[printed]

    def _resolve(self, printed: str) -> int | None:
        choice = self.choices.get(printed)
        if choice == SKIP_UNIT:
            return None
        if isinstance(choice, int):
            if self.s.get(Unit, choice) is None:
                raise ValidationError(f"为“{printed}”选择的单位已不存在，请重新选择。")
            return choice
        if choice != NEW_UNIT:
            m = match_unit(printed, self.records, self.regions)
            if m.unit is not None:
                self.matched[printed] = m.unit.name
                return m.unit.id
        name = printed.strip()[:120]
        existing = self.s.scalar(select(Unit).where(Unit.name == name))
        if existing is not None:  # an inactive unit of the same name comes back into use
            if not existing.active:
                self.reactivated_ids.append(existing.id)
            existing.active = True
            return existing.id
        unit = Unit(name=name, category=guess_category(name), sort_order=self.next_order)
        self.next_order += 10
        self.s.add(unit)
        self.s.flush()
        self.records.append(UnitRecord(unit.id, unit.name))
        self.created.append(name)
        self.created_ids.append(unit.id)
        return unit.id


def _node(it: Item, resolve: _UnitResolver) -> dict:
    assignments = []
    for u in it.markings.units:
        unit_id = resolve(u.name)
        if unit_id is not None:
            assignments.append({"unit_id": unit_id, "role": u.role, "note": u.note[:100]})
    return {
        "heading": it.heading, "text": it.text, "is_task": it.is_task, "original_label": it.label[:20],
        "deadline_text": it.markings.deadline_text[:100], "deadline": it.deadline.isoformat() if it.deadline else None,
        "responsible_person": it.markings.responsible[:100], "measures": it.measures,
        "assignments": assignments, "children": [_node(c, resolve) for c in it.children],
    }


def notice_is_own(s: Session, result: ImportResult, region_names: tuple[str, ...]) -> bool:
    """The cover notice's issuers are the county's own (already its issuers, or named after it)."""
    if result.notice is None:
        return False
    return issuers_are_own(result.notice.issuers, s.scalars(select(Issuer.name)).all(), region_names)


def _store_notice(s: Session, result: ImportResult, plan_id: int, report: StoreReport) -> int | None:
    n = result.notice
    warnings = report.warnings
    assert n is not None
    if not n.issuers:
        warnings.append("通知没有署名（发文机关），未保存通知，只保存了工作要点。")
        return None
    prefix, year, serial = "", None, None
    if n.doc_number:
        number = parse_doc_number(n.doc_number).number
        prefix, year, serial = number.prefix, number.year, number.serial
        taken = s.scalar(select(Notice).where(Notice.doc_prefix == prefix, Notice.doc_year == year,
                                              Notice.doc_serial == serial, Notice.is_current))
        if taken is not None:
            warnings.append(f"发文字号“{n.doc_number}”已被《{taken.title or '未命名公文'}》使用，通知已保存但未填发文字号。")
            prefix, year, serial = "", None, None
    issuers = []
    for k, name in enumerate(n.issuers):
        issuer = s.scalar(select(Issuer).where(Issuer.name == name))
        if issuer is None:
            header = n.header_text if n.header_text and len(n.issuers) == 1 else f"{name}文件"
            issuer = Issuer(name=name[:120], header_text=header[:120], prefix=prefix if k == 0 else "")
            s.add(issuer)
            s.flush()
            report.created_issuer_ids.append(issuer.id)
        issuers.append(issuer)
    notice = Notice(
        plan_id=plan_id, doc_prefix=prefix, doc_year=year, doc_serial=serial, title=n.title[:300],
        recipients=n.recipients, body=n.body, sign_date=n.sign_date, note=n.note[:200],
        attachments=json.dumps([{"kind": "plan", "title": result.title}], ensure_ascii=False),
        status="已印发" if serial is not None and n.sign_date is not None else "草稿",
    )
    notice.issuers = [NoticeIssuer(issuer_id=i.id, position=p) for p, i in enumerate(issuers)]
    s.add(notice)
    s.flush()
    notice.lineage_id = notice.id
    report.notice_fingerprint = notice_fingerprint(notice)
    audit.record(s, "notice", notice.id, "import", n.title[:80])
    return notice.id
