"""Word .docx: paragraphs and tables in document order, with automatic numbering shown.

We read the package ourselves (not through python-docx) so that every byte passes the zip and XML
guards first, and so that tables, content controls and numbering come out in reading order."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from app.services.errors import InputFileError
from app.services.importing.docx_numbering import NumberingState, read_numbering
from app.services.importing.model import Block, Table
from app.services.importing.zip_guard import open_package, parse_xml, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "txbxContent", MC_FALLBACK, W + "pPr", W + "rPr", W + "del", W + "moveFrom"}


def read_docx(source: Path | BinaryIO, name: str) -> list[Block]:
    with open_package(source, name, "Word") as zf:
        data = read_member(zf, "word/document.xml")
        if data is None:
            raise InputFileError(f"“{name}”是压缩包，但不是 Word 文档（缺少 word/document.xml）。")
        document = parse_xml(data, "word/document.xml")
        numbering = read_member(zf, "word/numbering.xml")
        styles = read_member(zf, "word/styles.xml")
        defs = read_numbering(parse_xml(numbering, "word/numbering.xml") if numbering else None,
                              parse_xml(styles, "word/styles.xml") if styles else None)
    body = document.find(W + "body")
    if body is None:
        raise InputFileError(f"“{name}”中没有正文。")
    reader = _BodyReader(NumberingState(defs))
    reader.container(body)
    return reader.blocks


class _BodyReader:
    def __init__(self, numbering: NumberingState):
        self.numbering = numbering
        self.blocks: list[Block] = []

    def container(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                text = self.paragraph(child)
                self.blocks.extend(text.split("\n"))
            elif tag == W + "tbl":
                self.blocks.append(Table(self.table(child)))
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins"):
                self.container(child.find(W + "sdtContent") if tag == W + "sdt" else child)

    def paragraph(self, p) -> str:
        parts: list[str] = []
        _runs_text(p, parts)
        text = "".join(parts)
        ppr = p.find(W + "pPr")
        num_id = ilvl = style = None
        if ppr is not None:
            style_el = ppr.find(W + "pStyle")
            style = style_el.get(W + "val") if style_el is not None else None
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                nid = num_pr.find(W + "numId")
                lvl = num_pr.find(W + "ilvl")
                num_id = nid.get(W + "val") if nid is not None else None
                ilvl = int(lvl.get(W + "val", "0")) if lvl is not None and lvl.get(W + "val", "0").isdecimal() else None
        label = self.numbering.label_for(num_id, ilvl, style)
        return label + text if label else text

    def table(self, tbl) -> list[list[str]]:
        rows: list[list[str]] = []
        above: dict[int, str] = {}  # grid column → text of the cell a vertical merge continues
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl:
                continue  # rows of nested tables are read as text of their cell
            row: list[str] = []
            col = 0
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = 1
                merge = None
                if tcpr is not None:
                    gs = tcpr.find(W + "gridSpan")
                    if gs is not None and gs.get(W + "val", "1").isdecimal():
                        span = max(1, min(50, int(gs.get(W + "val"))))
                    vm = tcpr.find(W + "vMerge")
                    if vm is not None:
                        merge = vm.get(W + "val", "continue")
                text = self.cell_text(tc)
                if merge == "continue":
                    text = above.get(col, "")
                above[col] = text
                row.append(text)
                row.extend([""] * (span - 1))
                col += span
            rows.append(row)
        return rows

    def cell_text(self, tc) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == W + "p":
                lines.append(self.paragraph(child))
            elif child.tag == W + "tbl":
                lines.extend("　".join(c for c in r if c) for r in self.table(child))
            elif child.tag == W + "sdt":
                inner = _BodyReader(self.numbering)
                inner.container(child.find(W + "sdtContent") if child.find(W + "sdtContent") is not None else child)
                lines.extend(b for b in inner.blocks if isinstance(b, str))
        return "\n".join(line for line in lines if line.strip())


def _runs_text(el, parts: list[str]) -> None:
    """Visible text of a paragraph in order: w:t, tabs and breaks; deleted text and the duplicated
    fallback copy of drawings are skipped."""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            parts.append("")
        else:
            _runs_text(child, parts)
