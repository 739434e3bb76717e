"""Progress entries: typed in from paper, or taken from returned forms; each change audit-logged.

Every write returns what was there before, so the GUI can undo it with `restore`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.models import Assignment, PlanNode, ProgressEntry, ReportingPeriod
from app.models.database import session_scope
from app.services import audit, versions
from app.services.errors import NotFoundError, ValidationError
from app.services.tracking.dto import EntryDTO, EntryValues
from app.services.tracking.policy import STATUSES

MAX_TEXT = 2000  # 进展情况 / 存在问题: a page of text; longer is a pasted report, not a progress note
MAX_EVIDENCE = 1000
MAX_NAME = 60


def entry_dto(e: ProgressEntry) -> EntryDTO:
    return EntryDTO(e.id, e.node_id, e.unit_id, e.period_id,
                    EntryValues(e.status, e.percent, e.text, e.problems, e.evidence),
                    e.reported_by, e.source, e.source_file, e.entered_at, e.updated_at, e.version or 0,
                    e.changed_by or "")


def check_values(v: EntryValues, where: str = "") -> EntryValues:
    """Cleans and checks one report; raises ValidationError with a Chinese sentence."""
    if v.status not in STATUSES:
        raise ValidationError(f"{where}状态“{v.status}”无效，可选：{'、'.join(STATUSES)}。")
    pct = v.percent
    if pct is not None and (isinstance(pct, bool) or not isinstance(pct, int) or not 0 <= pct <= 100):
        raise ValidationError(f"{where}完成进度应为 0 到 100 之间的整数。")
    for label, text, limit in (("进展情况", v.text, MAX_TEXT), ("存在问题", v.problems, MAX_TEXT),
                               ("佐证材料", v.evidence, MAX_EVIDENCE)):
        if len(text or "") > limit:
            raise ValidationError(f"{where}{label}有 {len(text)} 字，超过 {limit} 字的上限，请精简后再填。")
    if v.status == "已完成" and pct is None:
        pct = 100
    return EntryValues(v.status, pct, (v.text or "").strip(), (v.problems or "").strip(), (v.evidence or "").strip())


@dataclass(frozen=True)
class EntryKey:
    node_id: int
    unit_id: int
    period_id: int


@dataclass(frozen=True)
class EntryWrite:
    """One write of a batch: values None deletes the entry."""

    key: EntryKey
    values: EntryValues | None
    reported_by: str = ""
    source: str = "录入"
    source_file: str = ""
    # the entry's version on the clerk's screen (0: there was none); None: no check (imports, undo)
    expected_version: int | None = None


class EntryService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    def get(self, key: EntryKey) -> EntryDTO | None:
        with session_scope(self._sf) as s:
            e = _find(s, key)
            return entry_dto(e) if e else None

    def put(self, key: EntryKey, values: EntryValues, reported_by: str = "", source: str = "录入",
            source_file: str = "") -> EntryDTO | None:
        """Writes one entry; returns the one it replaced (None when there was none)."""
        return self.write([EntryWrite(key, values, reported_by, source, source_file)])[0]

    def delete(self, key: EntryKey) -> EntryDTO | None:
        return self.write([EntryWrite(key, None)])[0]

    def write(self, writes: list[EntryWrite]) -> list[EntryDTO | None]:
        """Several writes in one transaction (a whole returned form, an undo): all or nothing."""
        checked = any(w.expected_version is not None for w in writes)
        try:
            with session_scope(self._sf, immediate=checked, row_locks=True) as s:
                return write_entries(s, writes)
        except IntegrityError as exc:  # on a server: another clerk added the same report meanwhile
            if not checked:
                raise
            w = next(w for w in writes if w.expected_version is not None)
            raise versions.ConflictError("progress", w.key.node_id, "这一期的进展", w.expected_version, 1, []) from exc

    def restore(self, previous: list[tuple[EntryKey, EntryDTO | None]]) -> None:
        """Puts back what `write` returned (undo): entries as they were, deleted where there was none."""
        writes = [EntryWrite(k, e.values, e.reported_by, e.source, e.source_file) if e else EntryWrite(k, None)
                  for k, e in previous]
        self.write(writes)

    def history(self, node_id: int, unit_id: int) -> list[tuple[str, EntryDTO]]:
        """Every period's entry of one unit on one task, oldest first, with the period's label."""
        with session_scope(self._sf) as s:
            rows = s.execute(select(ReportingPeriod.label, ProgressEntry)
                             .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
                             .where(ProgressEntry.node_id == node_id, ProgressEntry.unit_id == unit_id)
                             .order_by(ReportingPeriod.seq)).all()
            return [(label, entry_dto(e)) for label, e in rows]


def _find(s: Session, key: EntryKey, lock: bool = False) -> ProgressEntry | None:
    q = select(ProgressEntry).where(ProgressEntry.node_id == key.node_id, ProgressEntry.unit_id == key.unit_id,
                                    ProgressEntry.period_id == key.period_id)
    if lock:
        q = q.with_for_update().execution_options(populate_existing=True)
    return s.scalar(q)


def _check_version(s: Session, w: EntryWrite, existing: ProgressEntry | None) -> None:
    """A report changed, added or removed by someone else since the clerk's screen showed it."""
    current = existing.version if existing is not None else 0
    if w.expected_version is None or w.expected_version == current:
        return
    match = f"unit={w.key.unit_id} period={w.key.period_id} "
    notes = versions.changes_since(s, "progress", w.key.node_id, w.expected_version, match)
    raise versions.ConflictError("progress", w.key.node_id, "这一期的进展", w.expected_version,
                                 current if existing is not None else None, notes)


def _check_key(s: Session, key: EntryKey, cache: dict) -> None:
    node_plan = cache.get(("node", key.node_id))
    if node_plan is None:
        node = s.get(PlanNode, key.node_id)
        if node is None or not node.is_task:
            raise NotFoundError("找不到该项任务，可能已被删除或不再是重点任务。")
        node_plan = cache[("node", key.node_id)] = node.plan_id
    period = cache.get(("period", key.period_id))
    if period is None:
        period = s.get(ReportingPeriod, key.period_id)
        if period is None:
            raise NotFoundError("找不到该报送期，可能已被删除。")
        cache[("period", key.period_id)] = period
    if period.plan_id != node_plan:
        raise ValidationError("报送期与任务不属于同一份工作要点。")
    if ("assign", key.node_id, key.unit_id) not in cache:
        found = s.scalar(select(Assignment.id).where(Assignment.node_id == key.node_id,
                                                     Assignment.unit_id == key.unit_id))
        if found is None:
            raise ValidationError("该单位不承担这项任务，不能为它登记进展。")
        cache[("assign", key.node_id, key.unit_id)] = True


def write_entries(s: Session, writes: list[EntryWrite]) -> list[EntryDTO | None]:
    out: list[EntryDTO | None] = []
    cache: dict = {}
    for w in writes:
        existing = _find(s, w.key, lock=w.expected_version is not None)
        _check_version(s, w, existing)
        before = entry_dto(existing) if existing is not None else None
        out.append(before)
        if w.values is None:
            if existing is not None:
                s.delete(existing)
                audit.record(s, "progress", w.key.node_id, "delete",
                             f"unit={w.key.unit_id} period={w.key.period_id} {existing.status}",
                             version=existing.version + 1)
            continue
        _check_key(s, w.key, cache)
        values = check_values(w.values)
        if before is not None and before.values == values and existing.source_file == (w.source_file or ""):
            continue  # the same report again changes nothing
        if existing is None:
            existing = ProgressEntry(node_id=w.key.node_id, unit_id=w.key.unit_id, period_id=w.key.period_id)
            s.add(existing)
        existing.status, existing.percent, existing.text = values.status, values.percent, values.text
        existing.problems, existing.evidence = values.problems, values.evidence
        existing.reported_by = (w.reported_by or "")[:MAX_NAME]
        existing.source, existing.source_file = w.source, (w.source_file or "")[:300]
        existing.updated_at = datetime.now()
        version = versions.bump(s, existing)  # a new report: 1
        s.flush()
        audit.record(s, "progress", w.key.node_id, "create" if before is None else "update",
                     f"unit={w.key.unit_id} period={w.key.period_id} {values.status}"
                     f"{'' if values.percent is None else f' {values.percent}%'} {values.text[:60]}",
                     version=version)
    return out
