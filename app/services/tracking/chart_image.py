"""A Chart as a PNG for the 通报 (PDF and DOCX): the same bars, colours and legend the dashboard paints."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from app.services.private_temp import private_dir
from app.services.tracking.charts import Chart
from app.services.tracking.policy import LIGHT_BAR, LIGHT_NAME, LIGHTS

WIDTH = 1800  # px for the 156 mm type area: about 290 dpi
ROW, GAP, TOP, LEGEND = 50, 12, 100, 84


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def chart_height_mm(chart: Chart, width_mm: float = 156.0) -> float:
    return width_mm * _height(chart) / WIDTH


def _height(chart: Chart) -> int:
    return TOP + len(chart.bars) * (ROW + GAP) + LEGEND


def render_chart(chart: Chart, font_path: Path, bold_path: Path | None = None, index: int = 0) -> bytes:
    h = _height(chart)
    img = Image.new("RGB", (WIDTH, h), "white")
    d = ImageDraw.Draw(img)
    text = ImageFont.truetype(str(font_path), 34, index=index)
    small = ImageFont.truetype(str(font_path), 30, index=index)
    head = ImageFont.truetype(str(bold_path or font_path), 44, index=index if bold_path is None else 0)
    d.text((WIDTH / 2, 20), chart.title, font=head, fill="black", anchor="mt")
    label_w, note_w = int(WIDTH * 0.30), int(WIDTH * 0.13)
    x0, x1 = label_w + 20, WIDTH - note_w - 10
    scale = (x1 - x0) / max(1, chart.longest)
    y = TOP
    for bar in chart.bars:
        mid = y + ROW / 2
        label = bar.label
        while d.textlength(label, font=text) > label_w - 10 and len(label) > 2:
            label = label[:-2] + "…"
        d.text((label_w, mid), label, font=text, fill="black", anchor="rm")
        x = x0
        for colour, n in bar.segments:
            if not n:
                continue
            w = n * scale
            d.rectangle((x, y, x + w, y + ROW), fill=_rgb(LIGHT_BAR[colour]))
            if w > d.textlength(str(n), font=small) + 8:
                d.text((x + w / 2, mid), str(n), font=small, fill="white", anchor="mm")
            x += w
        d.text((x1 + 14, mid), bar.note or str(bar.total), font=small, fill=(60, 60, 60), anchor="lm")
        y += ROW + GAP
    d.line((x0, TOP - 6, x0, y - GAP + 6), fill=(120, 120, 120), width=2)
    lx = WIDTH / 2 - 2 * 260 + 40
    ly = y + 24
    for colour in LIGHTS:
        d.rectangle((lx, ly, lx + 40, ly + 30), fill=_rgb(LIGHT_BAR[colour]))
        d.text((lx + 52, ly + 15), LIGHT_NAME[colour], font=small, fill="black", anchor="lm")
        lx += 260
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True, dpi=(290, 290))
    return buf.getvalue()


def chart_file(chart: Chart, font_path: Path, bold_path: Path | None = None, index: int = 0) -> Path:
    """The chart's PNG in this process's own folder, named by its content (drawn once per content)."""
    key = hashlib.sha256(json.dumps([chart.to_dict(), str(font_path), str(bold_path)], ensure_ascii=False)
                         .encode("utf-8")).hexdigest()[:24]
    path = private_dir("fazhi-charts-") / f"chart-{key}.png"
    if not path.is_file():
        path.write_bytes(render_chart(chart, font_path, bold_path, index))
    return path
