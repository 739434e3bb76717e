"""Positioned page content: what the layout produces and the PDF painter draws.

Coordinates are points from the type area's top-left corner, y growing downwards; on landscape
(rotated table) pages they are relative to the landscape type area (225 × 156 mm)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class TextItem:
    x: float
    baseline: float
    font: str
    size: float
    text: str
    char_space: float = 0.0
    red: bool = False
    hscale: float = 1.0
    draft_only: bool = False  # printed only with the draft seal image (colour mode)


@dataclass(slots=True)
class RectItem:
    x: float
    top: float
    w: float
    h: float
    red: bool = False
    fill: bool = True  # False: stroked outline of width `stroke`
    stroke: float = 0.0


@dataclass(slots=True)
class ImageItem:
    path: Path
    x: float
    top: float
    w: float
    h: float
    red: bool = True  # a seal image is a red part (left out in 套红 and mono modes)


@dataclass
class Page:
    items: list = field(default_factory=list)
    footer: list = field(default_factory=list)  # page number etc., always in portrait coordinates
    landscape: bool = False  # a 横排表格 page: landscape content (drawn turned on portrait paper)
    sheet_landscape: bool = False  # a table on its own: the paper itself is landscape
    numbered: bool = True
    kind: str = "body"  # body | blank | colophon | table
    body_lines: int = 0  # grid lines of flowing text placed on this page
    full: bool = False  # the text ran on to the next page from here

    number: int = 0  # physical page number, 1-based

    def text(self) -> str:
        return "".join(i.text for i in self.items if isinstance(i, TextItem))


@dataclass
class Layout:
    pages: list[Page]
    substitutions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines: list = field(default_factory=list)  # (page index, Line, kind) of every body line
    header: dict = field(default_factory=dict)  # page-1 geometry shared with the DOCX writer
