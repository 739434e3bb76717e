"""The .docx skeleton: mirrored A4 sections on the 579-twip grid, odd/even footers “— PAGE —”
(also on landscape table pages, where they stand where portrait pages have them), and the body
assembled from XML snippets into one document part (python-docx packages it)."""

from __future__ import annotations

import io
import itertools

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from app.services.documents.docx_package import DocxMeta, font_names, prepare_package, resolve_font_tokens
from app.services.documents.docx_xml import ind, para, rpr
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}
NS = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


def _refs(footer_ids: tuple[str, str] | None) -> str:
    if not footer_ids:
        return ""
    return (f'<w:footerReference w:type="default" r:id="{footer_ids[0]}"/>'
            f'<w:footerReference w:type="even" r:id="{footer_ids[1]}"/>')


def portrait_sect(footer_ids: tuple[str, str] | None, start: str = "nextPage", grid: bool = True) -> str:
    """A4 portrait, the 28 × 22 grid. start="evenPage" begins the section on the next even page
    (the word processor adds a blank page when needed); grid=False leaves out the line grid,
    which LibreOffice would otherwise add above the first line of such a section."""
    top, inside = twips(mm(P.top_mm)), twips(mm(P.inside_mm))
    bottom, outside = twips(mm(P.bottom_mm)), twips(mm(P.outside_mm))
    # footer text top 7 mm below the type area; its 14 pt line grows upwards from the footer edge
    footer = twips(mm(P.bottom_mm - P.page_no_gap_mm)) - round(P.page_no_size_pt * 20)
    grid_xml = f'<w:docGrid w:type="lines" w:linePitch="{P.line_pitch_twips}"/>' if grid else ""
    return (f'<w:sectPr>{_refs(footer_ids)}<w:type w:val="{start}"/>'
            f'<w:pgSz w:w="{twips(mm(P.page_w_mm))}" w:h="{twips(mm(P.page_h_mm))}"/>'
            f'<w:pgMar w:top="{top}" w:right="{outside}" w:bottom="{bottom}" w:left="{inside}" '
            f'w:header="851" w:footer="{footer}" w:gutter="0"/>{grid_xml}</w:sectPr>')


def landscape_sect(footer_ids: tuple[str, str] | None) -> str:
    """A4 landscape with the same 225 × 156 mm type area (table pages). Word mirrors a landscape
    page's left and right margins on even pages and cannot mirror top and bottom, so the margins
    are symmetric, each within GB/T 9704's ±1 mm of the portrait page's."""
    top, side = twips(mm(P.landscape_top_mm)), twips(mm(P.landscape_side_mm))
    return (f'<w:sectPr>{_refs(footer_ids)}<w:type w:val="nextPage"/>'
            f'<w:pgSz w:w="{twips(mm(P.page_h_mm))}" w:h="{twips(mm(P.page_w_mm))}" w:orient="landscape"/>'
            f'<w:pgMar w:top="{top}" w:right="{side}" w:bottom="{top}" w:left="{side}" '
            f'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')


def page_field(size: float) -> str:
    r = rpr("song", size, latin="song")
    dash = P.page_no_dash
    return (f'<w:r>{r}<w:t xml:space="preserve">{dash} </w:t></w:r>'
            f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{r}<w:t>1</w:t></w:r>'
            f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r>{r}<w:t xml:space="preserve"> {dash}</w:t></w:r>')


def _footer_xml(even: bool, kind: str) -> str:
    """kind: numbers | empty | landscape, and numbers-tall | empty-tall for the 版记's section:
    there the footer fills the bottom margin (space above the number), because LibreOffice takes
    the bottom margin of a section begun on an even page to be the footer's distance and height
    (Word places the number as usual: the space is above it)."""
    size = P.page_no_size_pt
    one = round(size * 20 * P.page_no_side_chars)
    line = round(size * 20)
    before = 0
    if kind.endswith("-tall"):
        kind = kind.removesuffix("-tall")
        before = twips(mm(P.page_no_gap_mm)) - 10  # bottom margin − footer distance − the number's line
    if kind == "empty":
        body = para("", "GWFooter", line=line, before=before)
    elif kind == "landscape":
        body = para(landscape_number(even), "GWFooter")
    else:
        indent = ind(left=one, left_chars=100) if even else ind(right=one, right_chars=100)
        body = para(page_field(size), "GWFooter", jc="left" if even else "right", ind=indent, line=line, before=before)
    return f'<w:ftr {NS}>{body}</w:ftr>'


def landscape_number(even: bool) -> str:
    """The page number of a landscape page where a portrait page has it (GB/T 9704 §8): the
    landscape page is printed turned counter-clockwise (its top at the paper's left edge), so the
    number stands at its left edge, read from top to bottom — bottom-left on odd pages, top-left
    on even ones. A text box in the footer, its text turned 90° clockwise."""
    size = P.page_no_size_pt
    length = mm(40)  # room along the edge; the number is aligned to the end nearest the corner
    # portrait em box of the number: top 7 mm below the type area (269 mm from the paper's top)
    em_top = mm(P.top_mm + P.area_h_mm + P.page_no_gap_mm)
    x = mm(P.page_h_mm) - em_top - size  # landscape: from the left edge to the em box's foot
    one = size * P.page_no_side_chars
    if even:  # portrait: left of the type area (切口 side on even pages), 1 char in
        y, jc = mm(P.outside_mm) + one, "left"
    else:  # portrait: right of the type area, 1 char in
        y, jc = mm(P.page_w_mm - P.outside_mm) - one - length, "right"
    emu = 12700
    w, h = round(size * emu), round(length * emu)
    content = para(page_field(size), "GWFooter", jc=jc, line=round(size * 20))
    shape = (f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{3 if even else 2}" '
             'behindDoc="0" locked="1" layoutInCell="0" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
             f'<wp:positionH relativeFrom="page"><wp:posOffset>{round(x * emu)}</wp:posOffset></wp:positionH>'
             f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(y * emu)}</wp:posOffset></wp:positionV>'
             f'<wp:extent cx="{w}" cy="{h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
             f'<wp:docPr id="{901 if even else 900}" name="页码"/><a:graphic>'
             '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
             '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
             f'<a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
             f'<a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
             '<wps:bodyPr rot="0" vert="vert" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
             '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>')
    return f'<w:r><w:drawing>{shape}</w:drawing></w:r>'


class DocxBuilder:
    def __init__(self, names: dict[str, str] | None = None, meta: DocxMeta | None = None):
        self.doc = Document()
        self.names = font_names(names)
        prepare_package(self.doc, self.names, meta or DocxMeta())
        self.parts: list[str] = []
        self._numbers = itertools.count(1)
        self._pairs: dict[str, tuple[str, str]] = {}

    def footers(self, kind: str = "numbers") -> tuple[str, str]:
        """(odd, even) footer relationship ids of a kind (see _footer_xml)."""
        if kind not in self._pairs:
            ids = []
            for even in (False, True):
                blob = resolve_font_tokens(_footer_xml(even, kind), self.names).encode()
                partname = PackURI(f"/word/footer{next(self._numbers)}.xml")
                part = Part(partname, FOOTER_TYPE, blob, self.doc.part.package)
                ids.append(self.doc.part.relate_to(part, RT.FOOTER))
            self._pairs[kind] = (ids[0], ids[1])
        return self._pairs[kind]

    def add(self, xml: str) -> None:
        self.parts.append(xml)

    def save(self, final_sect: str) -> bytes:
        """The body as one document part, parsed once (moving thousands of parsed elements into
        python-docx's template document costs time that grows with the square of its size)."""
        body = resolve_font_tokens("".join(self.parts) + final_sect, self.names)
        self.doc.part._element = parse_xml(f'<w:document {NS}><w:body>{body}</w:body></w:document>')
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()
