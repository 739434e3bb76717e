"""WordprocessingML snippets for the DOCX writer: runs and paragraphs with explicit fonts on every
run (ascii/hAnsi Times New Roman, eastAsia 仿宋 …, w:hint="eastAsia"), the 公文 styles (with
outline levels for the navigation pane), and nothing that depends on a theme (DESIGN.md §6).

Fonts are written as role tokens (`"@fang@"`); the package resolves them to the names of the fonts
this PC has when it is saved (docx_package.resolve_font_tokens), so every snippet stays a pure
function of the text."""

from __future__ import annotations

import re

from app.services.documents.profile import PROFILE as P
from app.services.text_quality import is_placeholder

RED = "E60000"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LATIN = "latin"  # the role token of the Latin font (Times New Roman)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # control characters XML 1.0 cannot hold
_QUOTE = {'"': "&quot;"}  # text never contains a bare quote, so a font token can never appear in it


def escape(data: str, entities: dict[str, str] | None = None) -> str:
    """&, < and > as entities, then `entities` (xml.sax.saxutils.escape's rules: that module loads
    urllib, http and ssl with it, a tenth of a second the DOCX writer need not pay)."""
    data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in (entities or {}).items():
        data = data.replace(char, entity)
    return data


def quoteattr(data: str) -> str:
    """An attribute value with its quotes, as xml.sax.saxutils.quoteattr writes it."""
    data = escape(data, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    if '"' in data:
        return '"' + data.replace('"', "&quot;") + '"' if "'" in data else f"'{data}'"
    return f'"{data}"'


def font_token(role: str) -> str:
    return f"@{role}@"


def rfonts(role: str, latin: str | None = None) -> str:
    east = font_token(role)
    latin = font_token(latin or LATIN)
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}" '
            f'w:hint="eastAsia"/>')


def rpr(role: str, size: float, red: bool = False, tracking: int = 0, hscale: int = 100,
        latin: str | None = None, mode: str = "color", highlight: bool = False) -> str:
    parts = [rfonts(role, latin)]
    if red and mode == "color":
        parts.append(f'<w:color w:val="{RED}"/>')  # mono: black; overlay: the writer leaves it out
    if tracking:
        parts.append(f'<w:spacing w:val="{tracking}"/>')
    if hscale != 100:
        parts.append(f'<w:w w:val="{hscale}"/>')
    half = round(size * 2)
    parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if highlight:
        parts.append('<w:highlight w:val="yellow"/>')
    parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def text_xml(text: str) -> str:
    """w:t / w:tab elements for text (tabs become w:tab; characters XML cannot hold are dropped)."""
    text = _NOT_XML.sub("", text) if text else text
    return "".join('<w:tab/>' if part == "\t" else f'<w:t xml:space="preserve">{escape(part, _QUOTE)}</w:t>'
                   for part in re.split("(\t)", text) if part)


def run(text: str, role: str = "fang", size: float = 16.0, **kw) -> str:
    """A run of text; a placeholder left for the clerk (【发文机关】, a blank date) is highlighted."""
    body = text_xml(text)
    if not body:
        return ""
    return f"<w:r>{rpr(role, size, highlight=is_placeholder(text), **kw)}{body}</w:r>"


def br_run(role: str = "fang", size: float = 16.0) -> str:
    return f"<w:r>{rpr(role, size)}<w:br/></w:r>"


def ppr(style: str, line: int | None = None, jc: str | None = None, ind: str = "", keep_next: bool = False,
        page_break: bool = False, extra: str = "", sect: str = "", mark: str = "", widow: bool | None = None,
        before: int = 0, line_rule: str = "exact") -> str:
    """Paragraph properties in the schema's order (Word refuses files that break it): … jc,
    then the paragraph mark's rPr, then a section break's sectPr."""
    parts = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if widow is not None:
        parts.append("<w:widowControl/>" if widow else '<w:widowControl w:val="0"/>')
    parts.append(extra)
    # no extra space between Chinese and Latin/digits (LibreOffice reads this per paragraph only)
    parts.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>')
    if line is not None:
        parts.append(f'<w:spacing w:before="{before}" w:after="0" w:line="{line}" w:lineRule="{line_rule}"/>')
    if ind:
        parts.append(ind)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return "<w:pPr>" + "".join(parts) + mark + sect + "</w:pPr>"


def para(runs: str, style: str = "GWBody", **kw) -> str:
    return f"<w:p>{ppr(style, **kw)}{runs}</w:p>"


def blank_line(**kw) -> str:
    """An empty grid line: text typed into it comes out in the body's own 3号仿宋."""
    return para("", "GWPlain", line=P.line_pitch_twips, **kw)


def spacer(height_twips: int, **kw) -> str:
    """An empty paragraph exactly height_twips tall, in the body's type (a gap of the 版头 that is
    not a whole grid line: above the mark, below the 文号)."""
    return para("", "GWPlain", line=height_twips, **kw)


def carrier(**kw) -> str:
    """The paragraph Word needs after a table to hold a section break: 1 pt high, so it never
    starts a page of its own (nothing is meant to be typed there)."""
    return para("", "GWPlain", line=20, mark=rpr("fang", 1), **kw)


def ind(left: int = 0, right: int = 0, first: int = 0, hanging: int = 0, first_chars: int | None = None,
        left_chars: int | None = None, right_chars: int | None = None) -> str:
    attrs = [f'w:left="{left}"', f'w:right="{right}"']
    if hanging:
        attrs.append(f'w:hanging="{hanging}"')
    else:
        attrs.append(f'w:firstLine="{first}"')
    if first_chars is not None:
        attrs.append(f'w:firstLineChars="{first_chars}"')
    if left_chars is not None:
        attrs.append(f'w:leftChars="{left_chars}"')
    if right_chars is not None:
        attrs.append(f'w:rightChars="{right_chars}"')
    return f"<w:ind {' '.join(attrs)}/>"


def _style(sid: str, name: str, role: str, size: float, line: int | None, jc: str, first_chars: int = 0,
           red: bool = False, tracking: int = 0, based: str = "", latin: str | None = None,
           outline: int | None = None, widow: bool = False) -> str:
    first = round(first_chars / 100 * size * 20)
    spacing = (f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>' if line
               else '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>')
    ind_xml = ind(first=first, first_chars=first_chars) if first_chars else ind()
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    outline_xml = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    widow_xml = "<w:widowControl/>" if widow else '<w:widowControl w:val="0"/>'
    return (f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
            f'<w:name w:val="{name}"/>{based_xml}<w:qFormat/>'
            # w:overflowPunct on: LibreOffice 7.4 then pulls a character down exactly as the PDF
            # does (with it off, LibreOffice hangs the mark and drops it from view)
            f'<w:pPr>{widow_xml}<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/>'
            f'<w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>'
            f'{spacing}{ind_xml}<w:jc w:val="{jc}"/>{outline_xml}</w:pPr>'
            f'{rpr(role, size, red=red, tracking=tracking, latin=latin)}</w:style>')


def style_defs() -> list[str]:
    """The 公文 paragraph styles. Title and headings carry outline levels (标题 1, 一、 2, （一） 3 …)
    so Word's and WPS's navigation pane lists the document's structure."""
    pitch = P.line_pitch_twips
    tr = P.docx_tracking_twips
    return [
        _style("GWBody", "公文正文", "fang", 16, pitch, "both", 200, tracking=tr),
        _style("GWH1", "公文一级标题", "hei", 16, pitch, "both", 200, tracking=tr, outline=1),
        _style("GWH2", "公文二级标题", "kai", 16, pitch, "both", 200, tracking=tr, outline=2),
        _style("GWH3", "公文三级标题", "fang", 16, pitch, "both", 200, tracking=tr, outline=3),
        _style("GWH4", "公文四级标题", "fang", 16, pitch, "both", 200, tracking=tr, outline=4),
        _style("GWPlain", "公文无缩进", "fang", 16, pitch, "left", tracking=tr),
        _style("GWTitle", "公文标题", "xbs", 22, pitch, "center", outline=0),
        _style("GWMark", "发文机关标志", "xbs", P.mark_size_pt, None, "center", red=True),
        _style("GWColophon", "版记", "fang", 14, pitch, "left"),
        # cells keep two lines of a paragraph on each side of a page break, as the PDF does
        _style("GWTable", "表格文字", "fang", P.table_body_size_pt, round(P.table_line_pt * 20), "left", widow=True),
        _style("GWTableHead", "表头", "hei", P.table_head_size_pt, round(P.table_head_line_pt * 20), "center"),
        _style("GWFooter", "页码", "song", P.page_no_size_pt, round(P.page_no_size_pt * 20), "left", latin="song"),
    ]


def seal_anchor(r_id: str, centre_twips: int, n: int, label: str) -> str:
    """A run holding a floating picture (wp:anchor; python-docx writes only inline ones): the seal,
    42 mm, centred on centre_twips across the type area and a little below the 署名 line's top."""
    d = round(P.seal_diameter_mm * 36000)  # EMU
    x = max(0, min(centre_twips * 635 - d // 2, round(P.area_w_mm * 36000) - d))
    y = round(P.line_pitch_twips * P.seal_centre_lines * 635) - d // 2
    uid = 1000 + n
    return (f'<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{uid}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{d}" cy="{d}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{uid}" name="印章{n}" descr="{escape(label)}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{uid}" name="seal.png" descr="{escape(label)}"/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch>'
            f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{d}" cy="{d}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
            '</a:graphic></wp:anchor></w:drawing></w:r>')


def inline_picture(r_id: str, width_emu: int, height_emu: int, n: int, name: str) -> str:
    """A run holding an inline picture (a chart in an attachment), sized in EMU."""
    uid = 2000 + n
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{width_emu}" cy="{height_emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{uid}" name="{escape(name)}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{uid}" name="figure{n}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width_emu}" cy="{height_emu}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
            '</a:graphic></wp:inline></w:drawing></w:r>')
