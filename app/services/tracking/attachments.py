"""Turns the 督办 attachments frozen into a notice (charts and a table) into the document engine's
Attachment; the engine's builder calls this for attachment kinds starting with “tracking-”."""

from __future__ import annotations

from app.services.documents.model import Attachment, Column, Figure, Table, TableRow
from app.services.tracking.chart_image import chart_file, chart_height_mm
from app.services.tracking.charts import Chart

FIGURE_WIDTH_MM = 156.0


def build_attachment(a: dict) -> Attachment:
    kind = a.get("kind")
    title = a.get("title", "")
    if kind == "tracking-figures":
        from app.services.documents.service import font_choice

        fonts = font_choice()
        body, head = fonts.primary("fang"), fonts.primary("hei")
        figures = []
        for d in a.get("charts", []):
            chart = Chart.from_dict(d)
            path = chart_file(chart, body.path, head.path if head.index == 0 else None, body.index)
            figures.append(Figure(path, FIGURE_WIDTH_MM, chart_height_mm(chart, FIGURE_WIDTH_MM)))
        return Attachment(title, figures=figures)
    if kind == "tracking-table":
        cols = [Column(t, float(w), align) for t, w, align in a.get("columns", [])]
        rows = [TableRow([r[0]], section=True) if len(r) == 1 else TableRow(list(r)) for r in a.get("rows", [])]
        return Attachment(title, table=Table("tracking", title, cols, rows))
    return Attachment(title)
