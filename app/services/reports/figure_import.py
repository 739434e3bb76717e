"""Taking returned 年度数据表 in: read without trusting (tracking/form_sheet.py), refuse with every
problem named, preview each figure against what is on record, store what the clerk accepts with
the file on record; undo puts everything back. The same shape as the 督办 returns, so the same
preview dialog shows both."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.models import AnnualReport, FigureReturn, Unit
from app.models.database import session_scope
from app.services import audit
from app.services.errors import InputFileError
from app.services.reports import figure_sheet as F
from app.services.reports.figures import FigureValue, FigureWrite
from app.services.tracking.form_import import CHANGED, EMPTY, NEW, SAME, FormRefused, ReturnedFile
from app.services.tracking.form_sheet import cell_number, cell_text, is_formula, load_returned, meta_values


@dataclass
class FigureChange:
    excel_row: int
    serial: str
    task_title: str  # the figure's name (the preview dialog's “重点任务” column)
    unit_id: int
    field: str
    kind: str  # 新报送 / 修改 / 无变化 / 未填写
    new: FigureValue | None
    current: FigureValue | None
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    accept: bool = True
    role: str = ""

    def describe(self) -> str:
        if self.kind in (SAME, EMPTY):
            return self.kind
        return "；".join(f"{label}：{old} → {new}" for label, old, new in self.changes)


@dataclass
class FigurePreview(ReturnedFile):
    path: Path
    file_hash: str
    report_id: int
    year: int
    unit_id: int
    unit_name: str
    reported_by: str
    rows: list[FigureChange]
    already: bool = False

    def summary(self) -> str:
        return self.summary_of(f"{self.year}年度数据表", "没有数据项")


@dataclass
class FigureOutcome:
    preview: FigurePreview
    accepted: int
    previous: list[FigureWrite]
    return_id: int | None


def preview_sheet(service, path: Path, report_id: int | None = None) -> FigurePreview:
    """service: the FigureService. report_id: the report open in the window (another's is refused)."""
    path = Path(path)
    name = path.name
    wb, file_hash = load_returned(path, "年度数据表")
    problems: list[str] = []
    try:
        if F.META_SHEET not in wb.sheetnames or wb[F.META_SHEET]["A1"].value != F.FORM_MARK:
            raise InputFileError(f"“{name}”不是法治工作台导出的年度数据表（找不到识别信息），无法导入。"
                                 "请让填报单位在下发的原表上填写。")
        if F.DATA_SHEET not in wb.sheetnames:
            raise InputFileError(f"“{name}”中找不到“{F.DATA_SHEET}”工作表，可能被改名或删除了。")
        v = meta_values(wb, F.META_SHEET, 11)
        try:
            rid, year, unit_id, count = int(v[2]), int(v[4]), int(v[5]), int(v[8])
            ids = str(v[9] or "").split("|")
        except (TypeError, ValueError) as exc:
            raise InputFileError(f"“{name}”的识别信息不完整或被改动过，无法确认是哪个单位的数据表。") from exc
        if str(v[1]) != F.FORM_VERSION:
            raise InputFileError(f"“{name}”是另一版本程序导出的数据表，请用本程序重新导出后再发给单位。")
        if F.form_checksum(rid, year, unit_id, ids) != str(v[10] or "") or len(ids) != count:
            raise InputFileError(f"“{name}”的识别信息被改动过（校验不符），无法确认是哪个单位的数据表。"
                                 "请让填报单位在下发的原表上填写后重新发回。")
        ws = wb[F.DATA_SHEET]
        header = [cell_text(ws.cell(F.HEADER_ROW, j).value) for j in range(1, F.NOTE + 1)]
        if header != [t for t, _w in F.COLUMNS[:F.NOTE]]:
            raise FormRefused(name, [f"第{F.HEADER_ROW}行的表头被改动过（列被插入、删除或移动），无法按列读取。"])
        reported_by = cell_text(ws[F.REPORTER_CELL].value)[:60]
        rows = _rows(ws, ids, unit_id, problems)
    finally:
        wb.close()
    with session_scope(service.session_factory) as s:
        report = s.get(AnnualReport, rid)
        unit = s.get(Unit, unit_id)
        seen = s.scalar(select(FigureReturn.id).where(FigureReturn.file_hash == file_hash).limit(1))
    if report is None:
        raise FormRefused(name, ["该数据表所属的年度报告已不在数据库中。"])
    if unit is None:
        raise FormRefused(name, ["填报单位已不在单位名录中。"])
    if report_id is not None and report_id != rid:
        problems.append(f"这是{year}年度报告的数据表，与当前打开的年度报告不是同一份。")
    known = {f.name for f in service.fields()}
    problems += [f"数据项“{r.field}”已不在数据表的设置中。" for r in rows if r.field not in known]
    if problems:
        raise FormRefused(name, problems)
    current = service.values(rid)
    for r in rows:
        r.current = current.get((unit_id, r.field))
        _classify(r)
    return FigurePreview(path, file_hash, rid, year, unit_id, unit.name, reported_by, rows, seen is not None)


def _rows(ws, ids: list[str], unit_id: int, problems: list[str]) -> list[FigureChange]:
    rows = []
    for k, expected in enumerate(ids):
        r = F.FIRST_ROW + k
        found = cell_text(ws.cell(r, F.FIELD_ID).value)
        if found != expected:
            problems.append(f"第{r}行与原表不符：行被插入、删除或调整了顺序，请勿改动行。")
            return rows
        where = f"第{r}行（{expected}）"
        value_cell, note_cell = ws.cell(r, F.VALUE), ws.cell(r, F.NOTE)
        for c, what in ((value_cell, "本单位数值"), (note_cell, "备注")):
            if is_formula(c):
                problems.append(f"{where}“{what}”是公式，请直接填写数字或文字，不要使用公式。")
                c.value = None
        try:
            value = cell_number(value_cell.value)
        except ValueError:
            problems.append(f"{where}“{str(value_cell.value)[:20]}”不是数字，请填写阿拉伯数字（如 12）。")
            value = None
        if value is not None and value < 0:
            problems.append(f"{where}数值不能为负数。")
        note = cell_text(note_cell.value)
        if len(note) > F.MAX_NOTE:
            problems.append(f"{where}备注有 {len(note)} 字，超过 {F.MAX_NOTE} 字的上限。")
        new = FigureValue(value, note[:F.MAX_NOTE], "报表") if value is not None or note else None
        rows.append(FigureChange(r, str(k + 1), expected, unit_id, expected, EMPTY, new, None))
    extra = F.FIRST_ROW + len(ids)
    if any(ws.cell(extra, j).value not in (None, "") for j in range(1, F.FIELD_ID + 1)):
        problems.append(f"第{extra}行是原表没有的新增行，请勿在表中增加行。")
    return rows


def _classify(r: FigureChange) -> None:
    cur, new = r.current, r.new
    if new is None:
        r.kind = EMPTY
    elif cur is None:
        r.kind = NEW
    else:
        r.kind = SAME if (cur.value, cur.note) == (new.value, new.note) else CHANGED
    if r.kind in (NEW, CHANGED):
        if new.value != (cur.value if cur else None):
            r.changes.append(("数值", F.shown(cur.value if cur else None), F.shown(new.value)))
        if new.note != (cur.note if cur else ""):
            r.changes.append(("备注", (cur.note if cur else "") or "（空）", new.note or "（空）"))
    r.accept = r.kind in (NEW, CHANGED)


def apply_sheet(service, preview: FigurePreview) -> FigureOutcome:
    chosen = [r for r in preview.rows if r.accept and r.kind in (NEW, CHANGED)]
    writes = [FigureWrite(r.unit_id, r.field, FigureValue(r.new.value, r.new.note, "报表", preview.file_name))
              for r in chosen]
    previous = service.write(preview.report_id, writes) if writes else []
    return_id = None
    with session_scope(service.session_factory) as s:
        if chosen or not preview.already:
            rec = FigureReturn(report_id=preview.report_id, unit_id=preview.unit_id, file_name=preview.file_name[:300],
                               file_hash=preview.file_hash, reported_by=preview.reported_by, accepted=len(chosen),
                               unchanged=len(preview.rows) - len(chosen))
            s.add(rec)
            s.flush()
            return_id = rec.id
            audit.record(s, "report_figure_return", rec.id, "import",
                         f"{preview.unit_name} {preview.file_name}: 采用{len(chosen)}")
    return FigureOutcome(preview, len(chosen), previous, return_id)


def undo_sheet(service, outcome: FigureOutcome) -> None:
    service.write(outcome.preview.report_id, outcome.previous)
    if outcome.return_id is not None:
        with session_scope(service.session_factory) as s:
            rec = s.get(FigureReturn, outcome.return_id)
            if rec is not None:
                s.delete(rec)
