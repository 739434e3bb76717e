"""The 督办 page's screenshots for docs/gui.md (used by `screenshot DIR`): the 台账 with a red row
selected, the dashboard, one unit's view, the calendar, and the preview of a returned form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def take_tracking_shots(window, tmp: Path, shot: Callable[..., None]) -> None:
    from openpyxl import load_workbook

    from app.services.tracking import form_layout as F
    from app.services.tracking.form_export import export_forms
    from app.services.tracking.form_import import preview_form
    from app.ui.dialogs.return_preview_dialog import ReturnPreviewDialog
    from app.ui.main_window import TRACKING

    window.nav.setCurrentRow(TRACKING)
    page = window.tracking_page
    led = page.ledger
    red = next((r for r in led.task_rows() if r.light.color == "红"), None)
    if red is not None:
        page.ledger_view.select(red.task.node_id, red.unit_id)
    shot(window, "tracking-ledger.png")
    page.tabs.setCurrentWidget(page.dashboard)
    shot(window, "tracking-dashboard.png")
    page.tabs.setCurrentWidget(page.unit_view)
    busiest = max(led.units, key=lambda u: len(led.rows_of_unit(u)))
    page.unit_view.show_unit(busiest)
    shot(window, "tracking-unit.png")
    page.tabs.setCurrentWidget(page.calendar)
    shot(window, "tracking-calendar.png")
    page.tabs.setCurrentWidget(page.ledger_view)

    # a returned form as a unit fills it in (two changes), and a file that is not a form
    forms = tmp / "forms"
    paths = export_forms(led, forms, [busiest])
    wb = load_workbook(paths[0])
    ws = wb[F.DATA_SHEET]
    ws[F.REPORTER_CELL] = "王静"
    ws.cell(F.FIRST_ROW, F.PERCENT, 100)
    ws.cell(F.FIRST_ROW, F.STATUS, "已完成")
    ws.cell(F.FIRST_ROW + 1, F.TEXT, "本月召开推进会1次，完成全部调研，形成初稿。")
    wb.save(paths[0])
    bad = tmp / "某单位进展情况（自制表）.xlsx"
    bad.write_bytes(b"not a workbook")
    refused = []
    try:
        preview_form(page.tracking, bad)
    except Exception as exc:
        refused.append(exc)
    dialog = ReturnPreviewDialog([preview_form(page.tracking, paths[0], led.plan_id, led.period.id)], refused, window)
    dialog.resize(1000, 560)
    dialog.show()
    shot(dialog, "tracking-import.png")
    dialog.reject()
