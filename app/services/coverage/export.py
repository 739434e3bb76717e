"""The coverage check on paper: the full Excel workbook (every item, its county tasks, status and
note, the uncovered ones filled red; the county tasks linked to nothing; the percentage), and the
short 对照表 attached to the plan's notice."""

from __future__ import annotations

import io

from app.services.coverage.dto import COVERED, INDICATOR, NOT_APPLICABLE, UNCOVERED, Coverage
from app.services.documents.model import Column, Table, TableRow

ATTACHMENT_TITLE = {"superior": "上级文件重点任务对照表", "indicator": "指标对照表"}
STATUS_FILL = {UNCOVERED: "F4C7C3", NOT_APPLICABLE: "E3E3E3", COVERED: "C9E7CF"}


def _clean(text: str) -> str:
    from app.services.tracking.form_layout import clean

    return clean(text)


def county_names(tasks) -> str:
    return "；".join(f"{t.label}{t.title}" for t in tasks)


def attachment_table(coverage: Coverage) -> Table:
    """序号 | 上级任务 (or 指标) | 本县对应任务 | 说明: titles only, to stay short."""
    what = "指标" if coverage.kind == INDICATOR else "上级文件重点任务"
    cols = [Column("序号", 15, "center"), Column(what, 88, "justify"), Column("本县对应任务", 88, "justify"),
            Column("说明", 34, "justify")]
    rows = []
    for r in coverage.rows:
        note = r.note.text if r.note is not None else ""
        explain = f"不适用：{note}" if r.status == NOT_APPLICABLE else (note or ("" if r.linked else "未对应"))
        rows.append(TableRow([str(r.target.serial), f"{r.target.label}{r.target.title}",
                              county_names(r.linked) or "—", explain]))
    title = f"{coverage.plan_title}与《{coverage.source_title}》对照表"
    note = f"共 {len(coverage.rows)} 项，已对应 {coverage.count(COVERED)} 项，不适用 {coverage.count(NOT_APPLICABLE)} 项，" \
           f"未对应 {coverage.count(UNCOVERED)} 项，覆盖率 {coverage.percent:g}%。"
    return Table("coverage", title, cols, rows, note)


def attachment_dict(coverage: Coverage) -> dict:
    """Frozen into the notice's attachments; the engine reads tables frozen this way (kind
    “tracking-table”, the form 督办 notices use) without needing this package."""
    table = attachment_table(coverage)
    return {"kind": "tracking-table", "source": "coverage", "title": ATTACHMENT_TITLE[coverage.kind],
            "columns": [[c.title, c.width_mm, c.align] for c in table.columns],
            "rows": [r.cells for r in table.rows]}


def coverage_workbook(coverage: Coverage) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "对照情况"
    what = "指标" if coverage.kind == INDICATOR else "上级任务"
    ws.append([_clean(f"{coverage.plan_title}与《{coverage.source_title}》对照情况")])
    ws.append([_clean(coverage.summary())])
    head = ["序号", "所属部分", what, "内容", "本县对应任务", "状态", "说明／不适用理由", "建议（未确认）"]
    ws.append(head)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in coverage.rows:
        note = r.note.text if r.note is not None else ""
        suggested = "；".join(f"{t.label}{t.title}（{score:g}）" for t, score in r.suggestions)
        drafted = "（新建待核）" if r.drafted else ""
        ws.append([r.target.serial, _clean(r.target.path), _clean(f"{r.target.label}{r.target.title}"),
                   _clean(r.target.text), _clean(county_names(r.linked) + drafted), r.status, _clean(note),
                   _clean(suggested)])
        fill = PatternFill("solid", fgColor=STATUS_FILL[r.status])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
        ws.cell(ws.max_row, 6).fill = fill
    for col, width in zip("ABCDEFGH", (6, 24, 30, 60, 40, 9, 30, 36), strict=True):
        ws.column_dimensions[col].width = width
    for cell in ws[3]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A4"
    other = wb.create_sheet("未对应上级的本县任务")
    other.append(["序号", "所属部分", "本县任务", "内容"])
    for t in coverage.unlinked:
        other.append([t.serial, _clean(t.part), _clean(f"{t.label}{t.title}"), _clean(t.text)])
    for col, width in zip("ABCD", (6, 28, 36, 70), strict=True):
        other.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def coverage_json(coverage: Coverage) -> dict:
    return {
        "plan": {"id": coverage.plan_id, "title": coverage.plan_title},
        "source": {"kind": coverage.kind, "id": coverage.source_id, "title": coverage.source_title},
        "total": len(coverage.rows), "covered": coverage.count(COVERED),
        "not_applicable": coverage.count(NOT_APPLICABLE), "uncovered": coverage.count(UNCOVERED),
        "percent": coverage.percent,
        "items": [{"serial": r.target.serial, "label": r.target.label, "title": r.target.title, "status": r.status,
                   "county_tasks": [{"serial": t.serial, "label": t.label, "title": t.title} for t in r.linked],
                   "suggestions": [{"serial": t.serial, "title": t.title, "score": score} for t, score in r.suggestions],
                   "note": r.note.text if r.note else ""} for r in coverage.rows],
        "county_tasks_unlinked": [{"serial": t.serial, "label": t.label, "title": t.title}
                                  for t in coverage.unlinked],
    }
