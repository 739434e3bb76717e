"""The render-ready model: what the PDF, DOCX and XLSX renderers all read.

Plain dataclasses, no layout: the notice (版头, 主体, 版记), its body blocks with heading levels,
the issued document, attachments (text or tables) and the colophon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PRINT_MODES = ("color", "overlay", "mono")
PRINT_MODE_LABEL = {"color": "彩色", "overlay": "套红（不印红色部分）", "mono": "黑白"}


@dataclass(frozen=True)
class Run:
    """A stretch of text in one font role: fang (仿宋), hei (黑体), kai (楷体), xbs (小标宋), song (宋体)."""

    text: str
    role: str = "fang"


# Heading font per level (GB/T 9704-2012 §7.3.3): 一、 黑体, （一） 楷体, 1． and （1） 仿宋.
HEADING_ROLE = {1: "hei", 2: "kai", 3: "fang", 4: "fang"}


@dataclass
class Paragraph:
    """A body paragraph; level 0 is plain text, 1–4 are headings 一、 （一） 1． （1）."""

    runs: list[Run]
    level: int = 0
    indent_chars: float = 2.0  # first-line indent
    align: str = "justify"  # justify | left | center | right

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Column:
    title: str
    width_mm: float
    align: str = "left"  # left | center | justify


@dataclass
class TableRow:
    cells: list[str]
    section: bool = False  # one cell spanning every column (a part heading or a unit)


@dataclass
class Table:
    kind: str  # division | unit-list | matrix
    title: str
    columns: list[Column]
    rows: list[TableRow]
    note: str = ""  # printed under the table, e.g. how the table was built


@dataclass
class Figure:
    """A picture (a chart) centred in the type area, after an attachment's paragraphs."""

    image: Path
    width_mm: float
    height_mm: float


@dataclass
class Attachment:
    """附件N: a new page with its label on line 1 and its title centred on line 3."""

    title: str
    table: Table | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass
class IssuedDocument:
    """The document a 印发 notice issues: a new page with its own title, then its attachments."""

    title: str
    paragraphs: list[Paragraph]
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class Signature:
    organs: list[str]  # 署名, lead first
    date_text: str  # 成文日期 as printed: 2026年3月20日
    sealed: bool = True
    seal_image: Path | None = None  # a draft aid only; labelled on the page


@dataclass
class Colophon:
    """版记: 抄送 and 印发机关 + 印发日期."""

    cc: str = ""
    printed_by: str = ""
    print_date_text: str = ""
    recipients: str = ""  # 主送 moved here when it would keep 正文 off page 1 (§7.3.2)


@dataclass
class NoticeDocument:
    title: str
    organs: list[str]  # 发文机关标志 names (without 文件), lead first
    mark_suffix: str = "文件"
    doc_number: str = ""
    copy_no: str = ""  # 份号
    secrecy: str = ""  # 密级和保密期限
    urgency: str = ""  # 紧急程度
    signers: list[str] = field(default_factory=list)  # 签发人 (上行文 only)
    recipients: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)  # the notice's own 附件
    signature: Signature | None = None
    note: str = ""  # 附注
    issued: IssuedDocument | None = None
    colophon: Colophon | None = None
    # a document for publication (a report on the government website): no 版头 (mark, 文号, red
    # separator); the title stands on the first line of the type area
    plain: bool = False

    @property
    def upward(self) -> bool:
        return bool(self.signers)

    def attachment_titles(self) -> list[str]:
        """The titles the 附件说明 lists (the issued document's when there is one)."""
        owner = self.issued.attachments if self.issued else self.attachments
        return [a.title for a in owner]


def body(text: str, level: int = 0) -> Paragraph:
    return Paragraph([Run(text)], level=level)
