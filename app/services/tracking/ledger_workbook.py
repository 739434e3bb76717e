"""The whole 台账 as one Excel workbook: this period's grid (task × unit) with the lights as cell
colours, a legend with the rules in force, the counts by part and unit, and every period's status
side by side (each cell coloured by that period's light)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.services.tracking.form_layout import clean
from app.services.tracking.ledger import Ledger
from app.services.tracking.policy import LIGHT_FILL, LIGHT_MEANING, LIGHT_NAME, LIGHTS, LightPolicy, cn_date
from app.services.tracking.stats import Summary, summarize

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
COLUMNS = (("序号", 6), ("部分", 16), ("重点任务", 36), ("责任单位", 14), ("职责", 6), ("完成时限", 12),
           ("状态", 9), ("进度", 7), ("本期进展情况", 42), ("存在问题", 20), ("佐证材料", 16), ("灯", 6),
           ("亮灯原因", 30), ("本期报送", 14))
LIGHT_COL = 12


def _styles(wb: Workbook) -> None:
    for name, bold, align in (("lg_head", True, "center"), ("lg_cell", False, "left"), ("lg_mid", False, "center")):
        wb.add_named_style(NamedStyle(
            name=name, font=Font(name="黑体" if bold else "宋体", size=10), border=BORDER,
            alignment=Alignment(horizontal=align, vertical="center" if align == "center" else "top", wrap_text=True),
            fill=PatternFill("solid", fgColor="D9E2F3") if bold else PatternFill()))
    for c in LIGHTS:
        wb.add_named_style(NamedStyle(name=f"lg_{c}", font=Font(name="宋体", size=10), border=BORDER,
                                      alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                                      fill=PatternFill("solid", fgColor=LIGHT_FILL[c])))


def row_height(values, columns) -> float:
    """Points for the tallest wrapped cell (Excel sizes rows itself; WPS and LibreOffice do not)."""
    lines = max(-(-len(str(v)) // max(1, int(w / 1.7))) for v, (_t, w) in zip(values, columns, strict=False) if v)
    return max(15.0, 12.5 * lines + 4)


def _title(ws, text: str, sub: str, ncol: int) -> None:
    ws.cell(1, 1, clean(text)).font = Font(name="黑体", size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(2, 1, clean(sub)).font = Font(name="宋体", size=10, color="404040")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)


def _header(ws, row: int, columns) -> None:
    for j, (title, width) in enumerate(columns, start=1):
        ws.cell(row, j, title).style = "lg_head"
        ws.column_dimensions[get_column_letter(j)].width = width


def ledger_workbook(ledger: Ledger, policy: LightPolicy, history: list[Ledger] | None = None) -> bytes:
    wb = Workbook()
    _styles(wb)
    ws = wb.active
    ws.title = "督办台账"
    _title(ws, f"{ledger.plan_title}督办台账（{ledger.period.label}）",
           f"统计截至{cn_date(ledger.as_of)}；本期报送截止{cn_date(ledger.period.due)}；灯色说明见“图例”表。",
           len(COLUMNS))
    _header(ws, 4, COLUMNS)
    r = 4
    for row in sorted(ledger.rows, key=lambda x: (x.task.serial, x.role != "lead")):
        r += 1
        v = row.last.values if row.last else None
        reported = "已报送" if row.entry else ("逾期未报" if ledger.period_closed and row.role == "lead" else "未报送")
        if row.entry is None and row.last is not None:
            reported += f"（沿用{row.last_label}）"
        cells = (row.task.serial, row.task.part_name, row.task.text, row.unit_name, row.role_text,
                 row.task.deadline_text, row.status_text or "—", f"{v.percent}%" if v and v.percent is not None else "",
                 v.text if v else "", v.problems if v else "", v.evidence if v else "", row.light.color,
                 row.light.explain(), reported)
        for j, value in enumerate(cells, start=1):
            c = ws.cell(r, j, clean(value) if isinstance(value, str) else value)
            c.style = f"lg_{row.light.color}" if j == LIGHT_COL else ("lg_mid" if j in (1, 5, 7, 8) else "lg_cell")
        ws.row_dimensions[r].height = row_height(cells, COLUMNS)
    ws.freeze_panes = "D5"
    ws.auto_filter.ref = f"A4:{get_column_letter(len(COLUMNS))}{max(r, 5)}"
    _page(ws, 4)
    _legend(wb.create_sheet("图例"), policy)
    _tallies(wb.create_sheet("统计"), summarize(ledger))
    if history:
        _history(wb.create_sheet("历次报送"), history)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _legend(ws, policy: LightPolicy) -> None:
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 10, 70
    ws.cell(1, 1, "灯色图例").font = Font(name="黑体", size=14)
    for i, c in enumerate(LIGHTS, start=3):
        ws.cell(i, 1, LIGHT_NAME[c]).style = f"lg_{c}"
        ws.cell(i, 2, LIGHT_MEANING[c]).style = "lg_cell"
    rules = (
        f"完成时限：距完成时限 {policy.warn_days} 天以内亮黄灯，超过完成时限仍未完成亮红灯（批准延期的按延期后的时限）。",
        f"序时进度：进度落后序时进度 {policy.lag_yellow} 个百分点及以上亮黄灯，落后超过 {policy.lag_red} 个百分点亮红灯；"
        "设有序时目标的任务按序时目标计算。",
        f"未报送：牵头单位过了报送截止日仍未报送本期进展，亮{policy.unreported}灯。",
        "已完成、已销号亮绿灯；中止亮灰灯；配合单位未单独报送、尚未到截止日未报送的亮灰灯。",
        "灯色由程序按以上规则计算，不手工填写；阈值可在“设置 → 督办”中调整。",
    )
    ws.cell(8, 1, "亮灯规则").font = Font(name="黑体", size=11)
    for i, text in enumerate(rules, start=9):
        ws.cell(i, 1, f"{i - 8}.")
        c = ws.cell(i, 2, text)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[i].height = 30


def _tallies(ws, summary: Summary) -> None:
    cols = (("名称", 34), ("任务（项）", 10), ("已完成", 8), ("完成率", 8), *tuple((LIGHT_NAME[c], 8) for c in LIGHTS))
    r = 1
    for title, items in (("按部分统计（以牵头单位报送为准）", summary.parts), ("按牵头单位统计", summary.units)):
        ws.cell(r, 1, title).font = Font(name="黑体", size=12)
        _header(ws, r + 1, cols)
        r += 1
        for t in items:
            r += 1
            values = (t.name, t.total, t.done, f"{t.done_pct}%", *(t.lights[c] for c in LIGHTS))
            for j, v in enumerate(values, start=1):
                ws.cell(r, j, clean(v) if isinstance(v, str) else v).style = "lg_cell" if j == 1 else "lg_mid"
        r += 2


def _history(ws, history: list[Ledger]) -> None:
    cols = (("序号", 6), ("重点任务", 30), ("责任单位", 14), ("职责", 6), *tuple((h.period.label, 11) for h in history))
    _title(ws, "历次报送情况", "每格为该期的状态和进度，底色为该期截止时的灯色。", len(cols))
    _header(ws, 4, cols)
    index = {(row.task.node_id, row.unit_id): i for i, row in enumerate(history[-1].rows)}
    r0 = 4
    for i, row in enumerate(history[-1].rows):
        r = r0 + 1 + i
        for j, v in enumerate((row.task.serial, row.task.title, row.unit_name, row.role_text), start=1):
            ws.cell(r, j, clean(v) if isinstance(v, str) else v).style = "lg_mid" if j in (1, 4) else "lg_cell"
    for k, led in enumerate(history, start=5):
        for row in led.rows:
            i = index.get((row.task.node_id, row.unit_id))
            if i is None:
                continue
            e = row.entry
            text = (f"{e.status}{'' if e.percent is None else f' {e.percent}%'}" if e else
                    ("已销号" if row.task.closure else "未报"))
            ws.cell(r0 + 1 + i, k, text).style = f"lg_{row.light.color}"
    ws.freeze_panes = "E5"
    _page(ws, 4)


def _page(ws, header_row: int) -> None:
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
