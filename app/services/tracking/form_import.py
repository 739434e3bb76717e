"""Taking returned forms into the 台账: preview what would change, row by row, then store the rows
the clerk accepts, with the source file on record. A refused file stores nothing; the same file
imported twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.models import ExtensionRequest, FormReturn, Plan, ReportingPeriod, Unit
from app.models.database import session_scope
from app.services import audit
from app.services.errors import DomainError, InputFileError
from app.services.tracking.dto import EntryDTO, EntryValues, FormReturnDTO, PeriodDTO
from app.services.tracking.entries import EntryKey, EntryWrite, check_values, write_entries
from app.services.tracking.form_read import RawForm, read_form
from app.services.tracking.ledger import Ledger, LedgerRow

NEW, CHANGED, SAME, EMPTY = "新报送", "修改", "无变化", "未填写"


class ReturnedFile:
    """What a preview of any returned sheet (progress form, yearly figures) says about its rows;
    the dataclass using it has path, unit_name, rows (each with a kind) and already."""

    @property
    def file_name(self) -> str:
        return self.path.name

    def count(self, kind: str) -> int:
        return sum(r.kind == kind for r in self.rows)

    def summary_of(self, what: str, nothing: str) -> str:
        parts = [f"{k} {self.count(k)} 项" for k in (NEW, CHANGED, SAME, EMPTY) if self.count(k)]
        again = "（该文件已导入过）" if self.already else ""
        return f"{self.unit_name} {what}：{'，'.join(parts) or nothing}{again}"


class FormRefused(InputFileError):
    """A returned form with problems: `problems` holds one sentence each; nothing was stored."""

    def __init__(self, file_name: str, problems: list[str]):
        self.file_name = file_name
        self.problems = problems
        super().__init__(f"“{file_name}”未导入，发现 {len(problems)} 处问题：" + "；".join(
            p.rstrip("。") for p in problems) + "。")


@dataclass
class RowChange:
    excel_row: int
    serial: str
    task_title: str
    role: str
    key: EntryKey
    kind: str  # 新报送 / 修改 / 无变化 / 未填写
    new: EntryValues | None
    current: EntryValues | None  # this period's entry already in the 台账
    base: EntryValues | None  # what the form was pre-filled with (last period's)
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    extend_to: date | None = None
    accept: bool = True

    def describe(self) -> str:
        if self.kind in (SAME, EMPTY):
            return self.kind
        if not self.changes:
            return "与上期相同（本期确认）"
        return "；".join(f"{label}：{old} → {new}" for label, old, new in self.changes)


@dataclass
class FormPreview(ReturnedFile):
    path: Path
    file_hash: str
    plan_id: int
    plan_title: str
    period: PeriodDTO
    unit_id: int
    unit_name: str
    reported_by: str
    rows: list[RowChange]
    already: FormReturnDTO | None = None  # the same file was imported before

    def summary(self) -> str:
        return self.summary_of(self.period.label, "没有任务")


@dataclass
class ImportOutcome:
    preview: FormPreview
    accepted: int
    rejected: int
    unchanged: int
    previous: list[tuple[EntryKey, EntryDTO | None]]
    return_id: int | None
    extension_ids: list[int]


def preview_form(service, path: Path, plan_id: int | None = None, period_id: int | None = None) -> FormPreview:
    """Reads and checks a returned form against the 台账; raises FormRefused listing every problem.
    plan_id / period_id: what the clerk has open (a file of another plan or period is refused)."""
    raw = read_form(path)
    problems = list(raw.problems)
    ledger = _ledger_for(service, raw, problems, plan_id, period_id)
    if problems:
        raise FormRefused(Path(path).name, problems)
    rows = {(r.task.node_id, r.unit_id): r for r in ledger.rows_of_unit(raw.unit_id)}
    changes = []
    for fr in raw.rows:
        row = rows.get((fr.node_id, fr.unit_id))
        if row is None or fr.unit_id != raw.unit_id:
            problems.append(f"第{fr.excel_row}行（序号{fr.serial}）的任务已从工作要点中删除，或已不由本单位承担。")
            continue
        try:
            changes.append(_change(fr, row, ledger))
        except DomainError as exc:
            problems.append(f"第{fr.excel_row}行（序号{fr.serial}）：{exc.message}")
    if problems:
        raise FormRefused(Path(path).name, problems)
    return FormPreview(Path(path), raw.file_hash, ledger.plan_id, ledger.plan_title, ledger.period, raw.unit_id,
                       raw.unit_name, raw.reported_by, changes, service.returns.find_by_hash(raw.file_hash))


def _ledger_for(service, raw: RawForm, problems: list[str], plan_id, period_id) -> Ledger:
    name = raw.path.name
    with session_scope(service.session_factory) as s:
        plan = s.get(Plan, raw.plan_id)
        period = s.scalar(select(ReportingPeriod).where(ReportingPeriod.plan_id == raw.plan_id,
                                                        ReportingPeriod.key == raw.period_key))
        unit = s.get(Unit, raw.unit_id)
        open_plan = s.get(Plan, plan_id) if plan_id is not None else None
        open_period = s.get(ReportingPeriod, period_id) if period_id is not None else None
    if plan is None:
        raise FormRefused(name, [f"该报表所属的工作要点《{raw.plan_title}》已不在数据库中。"])
    if period is None:
        raise FormRefused(name, [f"《{plan.title}》已没有“{raw.period_label}”这一报送期（报送周期可能被修改过）。"])
    if unit is None:
        raise FormRefused(name, [f"填报单位“{raw.unit_name}”已不在单位名录中。"])
    if open_plan is not None and plan.id != open_plan.id:
        problems.append(f"这是《{plan.title}》的报表，当前打开的是《{open_plan.title}》。")
    if open_period is not None and period.id != open_period.id and (open_plan is None or plan.id == open_plan.id):
        problems.append(f"这是{period.label}的报表，当前选择的是{open_period.label}，请先切换到{period.label}再导入。")
    return service.ledger(plan.id, period.id, unit_id=unit.id)


def _change(fr, row: LedgerRow, ledger: Ledger) -> RowChange:
    current = row.entry.values if row.entry else None
    base = row.previous.values if row.previous else None
    new = None
    if fr.status is not None:
        new = check_values(EntryValues(fr.status, fr.percent, fr.text, fr.problems, fr.evidence))
    if new is None:
        kind = EMPTY
    elif current is None:
        kind = NEW
    else:
        kind = SAME if new == current else CHANGED
    diff = new.changes_from(current if current is not None else base) if new is not None else []
    return RowChange(fr.excel_row, fr.serial, row.task.title, row.role_text,
                     EntryKey(row.task.node_id, row.unit_id, ledger.period.id), kind, new, current, base, diff,
                     fr.extend_to, accept=kind in (NEW, CHANGED))


def apply_form(service, preview: FormPreview) -> ImportOutcome:
    """Stores the accepted rows, the file on record and any 延期申请, in one transaction."""
    chosen = [r for r in preview.rows if r.accept and r.kind in (NEW, CHANGED)]
    rejected = sum(1 for r in preview.rows if not r.accept and r.kind in (NEW, CHANGED))
    unchanged = sum(1 for r in preview.rows if r.kind in (SAME, EMPTY))
    source = preview.file_name
    with session_scope(service.session_factory) as s:
        writes = [EntryWrite(r.key, r.new, preview.reported_by, "报表", source) for r in chosen]
        previous = list(zip([r.key for r in chosen], write_entries(s, writes), strict=True))
        ext_ids = []
        for r in chosen:
            if r.new.status == "申请延期" and r.extend_to is not None:
                pending = s.scalar(select(ExtensionRequest).where(ExtensionRequest.node_id == r.key.node_id,
                                                                  ExtensionRequest.decision == "待审批"))
                if pending is None:
                    x = ExtensionRequest(node_id=r.key.node_id, unit_id=preview.unit_id, reason=r.new.problems,
                                         requested_deadline=r.extend_to, requested_on=service.clock(),
                                         source_file=source[:300])
                    s.add(x)
                    s.flush()
                    ext_ids.append(x.id)
        return_id = None
        if chosen or preview.already is None:
            rec = FormReturn(plan_id=preview.plan_id, period_id=preview.period.id, unit_id=preview.unit_id,
                             file_name=source[:300], file_hash=preview.file_hash, reported_by=preview.reported_by,
                             accepted=len(chosen), rejected=rejected, unchanged=unchanged)
            s.add(rec)
            s.flush()
            return_id = rec.id
            audit.record(s, "form_return", rec.id, "import",
                         f"{preview.unit_name} {preview.period.label} {source}: 采用{len(chosen)} 未采用{rejected}")
    return ImportOutcome(preview, len(chosen), rejected, unchanged, previous, return_id, ext_ids)


def undo_import(service, outcome: ImportOutcome) -> None:
    """Puts the 台账 back as it was before the import (entries, the file record, 延期申请)."""
    with session_scope(service.session_factory) as s:
        write_entries(s, [EntryWrite(k, e.values, e.reported_by, e.source, e.source_file) if e else EntryWrite(k, None)
                          for k, e in outcome.previous])
        for xid in outcome.extension_ids:
            x = s.get(ExtensionRequest, xid)
            if x is not None:
                s.delete(x)
        if outcome.return_id is not None:
            rec = s.get(FormReturn, outcome.return_id)
            if rec is not None:
                audit.record(s, "form_return", rec.id, "undo", rec.file_name)
                s.delete(rec)


def redo_import(service, outcome: ImportOutcome) -> ImportOutcome:
    return apply_form(service, outcome.preview)
