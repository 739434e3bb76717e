"""署名, 成文日期, seal room and 附注 (GB/T 9704-2012 §7.3.5, §7.3.6).

Sealed: the date 4 characters from the right, each 署名 centred over it (joint: names side by
side in rows of two, one seal each). Unsealed: 署名 2 characters from the right, the date on the
next line starting 2 characters right of the 署名's first character (when the date is longer,
it sits 2 characters from the right and the 署名 moves left); joint names stack below the lead."""

from __future__ import annotations

from app.services.documents.flow import Box, blank, text_boxes
from app.services.documents.fontbook import FontBook
from app.services.documents.head import line_items
from app.services.documents.model import Run, Signature
from app.services.documents.pages import ImageItem
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.typeset import Line, break_lines, shape

SEAL_LABEL = "草稿示意：印章图像仅供审阅，不是正式用印或电子印章"


def _line_at(book: FontBook, text: str, x: float) -> Line:
    line = break_lines(shape(book, [Run(text)], P.body_size_pt, P.tracking_pt), 10 ** 6, align="left")[0]
    line.xs = [x + v for v in line.xs]
    return line


def _width(book: FontBook, text: str) -> float:
    return sum(g.adv for g in shape(book, [Run(text)], P.body_size_pt, P.tracking_pt))


def blank_options(sig: Signature) -> list[int]:
    """Blank lines before 署名, most room first: §7.3.5.5 asks to tighten the spacing rather than
    leave the 署名 on a page of its own."""
    start = P.sealed_blank_lines if sig.sealed else P.unsealed_blank_lines
    return list(range(start, -1, -1))


def signature_boxes(book: FontBook, sig: Signature, note: str,
                    blanks: int | None = None) -> tuple[list[Box], list[str]]:
    """Boxes from the first blank line after 正文 down to 附注; also the notes to report."""
    if blanks is None:
        blanks = blank_options(sig)[0]
    width = mm(P.area_w_mm)
    ch = P.char_pitch_pt
    pitch = P.line_pitch_pt
    notes: list[str] = []
    boxes: list[Box] = []
    date_w = _width(book, sig.date_text)
    if sig.sealed:
        boxes += blank(blanks)
        date_x = width - P.sealed_date_right_chars * ch - date_w
        centre = date_x + date_w / 2
        rows = _seal_rows(sig.organs)
        name_rows: list[Box] = []
        centres: list[list[float]] = []
        for r, row in enumerate(rows):
            last_row = r == len(rows) - 1
            cols = [centre] if len(row) == 1 else [width / 4, centre if last_row else width * 3 / 4]
            centres.append(cols)
            items = []
            for name, cx in zip(row, cols, strict=True):
                w = _width(book, name)
                x = min(max(0.0, cx - w / 2), width - w)
                items += line_items(book, _line_at(book, name, x), 0.0, pitch)
            name_rows.append(Box(pitch, items))
            if not last_row:
                name_rows += blank(P.joint_seal_row_lines - 1)
        date_box = text_boxes(book, [_line_at(book, sig.date_text, date_x)])[0]
        boxes += [*name_rows, date_box]
        if sig.seal_image is not None:
            _add_seals(boxes, sig, centres, len(boxes) - len(name_rows) - 1)
            notes.append("印章图像仅作草稿示意，已在页面上注明。")
    else:
        boxes += blank(blanks)
        names_w = max((_width(book, n) for n in sig.organs), default=0.0)
        name_x = width - P.unsealed_name_right_chars * ch - names_w
        date_x = name_x + P.unsealed_date_shift_chars * ch
        if date_x + date_w > width - P.unsealed_name_right_chars * ch:
            date_x = width - P.unsealed_name_right_chars * ch - date_w
            name_x = date_x - P.unsealed_date_shift_chars * ch
        for name in sig.organs:
            x = name_x + (names_w - _width(book, name)) / 2 if len(sig.organs) > 1 else name_x
            boxes += text_boxes(book, [_line_at(book, name, x)])
        boxes += text_boxes(book, [_line_at(book, sig.date_text, date_x)])
    if note:
        boxes += text_boxes(book, [_line_at(book, note, P.note_indent_chars * ch)])
    return boxes, notes


def _seal_rows(organs: list[str]) -> list[list[str]]:
    rows = [organs[i:i + 2] for i in range(0, len(organs), 2)]
    return rows or [[""]]


def _add_seals(boxes: list[Box], sig: Signature, centres: list[list[float]], first: int) -> None:
    """A seal image centred on each 署名, pressing it and (the last one) the date; rows of seals
    never extend past the type area."""
    d = mm(P.seal_diameter_mm)
    pitch = P.line_pitch_pt
    row_box = first
    for _r, cols in enumerate(centres):
        box = boxes[row_box]
        for cx in cols:
            x = min(max(0.0, cx - d / 2), mm(P.area_w_mm) - d)
            # the seal's centre sits a little above the 署名 line's bottom: 署名 and date below it
            box.items.append(ImageItem(sig.seal_image, x, pitch * P.seal_centre_lines - d / 2, d, d))
        row_box += P.joint_seal_row_lines
