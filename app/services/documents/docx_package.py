"""The package around the document body: what Word, WPS and the file's 属性 show.

python-docx starts from its own template (author "python-docx", created 2013, application
"Microsoft Macintosh Word", a thumbnail, MS Mincho/Calibri in the font table, ja-JP, Word 2010
compatibility mode). Every one of those parts is rewritten here: real core and app properties, a
lean styles part with the 公文 styles, the fonts actually used (each with its alternative, so a PC
without it does not fall back to 宋体), zh-CN, and Word 2013+ compatibility (no 兼容模式)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from app import APP_NAME
from app.services.documents.docx_xml import W_NS, escape, quoteattr, rfonts, style_defs
from app.services.documents.fonts import LATIN_DOCX_NAME, ROLES, STOCK_OFFICE_NAME
from app.services.documents.profile import PROFILE as P
from app.services.documents.typeset import NO_END, NO_START

_TOKEN = re.compile(r'"@(\w+)@"')
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_WORD = "http://schemas.microsoft.com/office/word"
_DROPPED = (RT.THEME, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", RT.CUSTOM_XML,
            RT.NUMBERING, RT.WEB_SETTINGS)

# (alternative name, panose, family, pitch, charset) of the fonts a 公文 names; the alternative is
# what Word and WPS try when the named font is missing (the stock Windows font for a _GB2312 one).
FONT_FACTS = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed", "86"),
    "仿宋": ("FangSong", "02010609060101010101", "modern", "fixed", "86"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed", "86"),
    "楷体": ("KaiTi", "02010609060101010101", "modern", "fixed", "86"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed", "86"),
    "宋体": ("SimSun", "02010600030101010101", "auto", "variable", "86"),
    "方正小标宋简体": ("华文中宋", "02000000000000000000", "auto", "variable", "86"),
    "方正小标宋_GBK": ("方正小标宋简体", "02000000000000000000", "auto", "variable", "86"),
    "华文中宋": ("STZhongsong", "02010600040101010101", "auto", "variable", "86"),
    "华文仿宋": ("仿宋", "02010600040101010101", "auto", "variable", "86"),
    "华文楷体": ("楷体", "02010600040101010101", "auto", "variable", "86"),
    LATIN_DOCX_NAME: ("", "02020603050405020304", "roman", "variable", "00"),
}


@dataclass
class DocxMeta:
    """Core and app properties: title, author (the issuer), subject, when it was made."""

    title: str = ""
    author: str = ""
    subject: str = ""
    created: datetime = field(default_factory=lambda: datetime.now().astimezone())


def resolve_font_tokens(xml: str, names: dict[str, str]) -> str:
    """Role tokens → the font names this document asks for."""
    return _TOKEN.sub(lambda m: quoteattr(names.get(m.group(1), LATIN_DOCX_NAME)), xml)


def font_names(chosen: dict[str, str] | None) -> dict[str, str]:
    names = dict(STOCK_OFFICE_NAME)
    names.update(chosen or {})
    names["latin"] = LATIN_DOCX_NAME
    return names


def app_version() -> str:
    """Our version as the XX.YYYY form Word writes (0.1.0 → 0.0100)."""
    from app import __version__

    parts = [int(p) for p in re.findall(r"\d+", __version__)[:3]] + [0, 0, 0]
    return f"{parts[0]}.{parts[1]:02d}{parts[2]:02d}"


def styles_xml(names: dict[str, str]) -> str:
    normal = (f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
              '<w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" '
              f'w:line="{P.line_pitch_twips}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>'
              f'<w:rPr>{rfonts("fang")}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>')
    basics = ('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
              '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
              '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
              '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
              '</w:tblCellMar></w:tblPr></w:style>'
              '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
              '<w:semiHidden/></w:style>')
    own = "".join(s.replace(f' xmlns:w="{W_NS}"', "") for s in style_defs())
    xml = (f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{rfonts("fang")}'
           '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>'
           '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
           '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
           f'</w:docDefaults>{normal}{basics}{own}</w:styles>')
    return resolve_font_tokens(xml, names)


def settings_xml() -> str:
    """Mirrored margins and odd/even footers for duplex printing; our line-breaking rules as Word's
    kinsoku lists; Word 2013+ compatibility (mode 15), zh-CN."""
    compat = "".join(f'<w:compatSetting w:name="{n}" w:uri="{_WORD}" w:val="{v}"/>' for n, v in (
        ("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1), ("enableOpenTypeFeatures", 1),
        ("doNotFlipMirrorIndents", 1), ("differentiateMultirowTableHeaders", 1)))
    return (f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:mirrorMargins/>'
            f'<w:defaultTabStop w:val="{round(P.char_pitch_pt * 20 * 2)}"/><w:evenAndOddHeaders/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:noLineBreaksAfter w:lang="zh-CN" w:val={quoteattr("".join(sorted(NO_END)))}/>'
            f'<w:noLineBreaksBefore w:lang="zh-CN" w:val={quoteattr("".join(sorted(NO_START)))}/>'
            f'<w:compat><w:spaceForUL/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:useFELayout/>{compat}</w:compat>'
            '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def font_table_xml(names: dict[str, str]) -> str:
    """Every font the document names, with its alternative and classification."""
    used = list(dict.fromkeys(names[r] for r in (*ROLES, "latin")))
    out = []
    for name in used:
        alt, panose, family, pitch, charset = FONT_FACTS.get(name, ("", "", "auto", "variable", "86"))
        parts = [f'<w:altName w:val={quoteattr(alt)}/>' if alt else "",
                 f'<w:panose1 w:val="{panose}"/>' if panose else "",
                 f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>']
        out.append(f'<w:font w:name={quoteattr(name)}>{"".join(parts)}</w:font>')
    return f'<w:fonts xmlns:w="{W_NS}">{"".join(out)}</w:fonts>'


def app_xml() -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_EXTENDED}">'
            f'<Application>{escape(APP_NAME)}</Application><DocSecurity>0</DocSecurity>'
            f'<AppVersion>{app_version()}</AppVersion></Properties>').encode()


def prepare_package(doc: DocxDocument, names: dict[str, str], meta: DocxMeta) -> None:
    """Replaces the template's parts with ours and drops the ones a 公文 draft does not need."""
    part = doc.part
    for rel in list(part.rels.values()):
        if rel.reltype in _DROPPED:
            del part.rels[rel.rId]
    package = part.package
    for rel in list(package.rels.values()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel.rId]
    part._styles_part._element = parse_xml(styles_xml(names))
    part._settings_part._element = parse_xml(settings_xml())
    for p in package.iter_parts():
        name = str(p.partname)
        if name == "/word/fontTable.xml":
            p._blob = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       + font_table_xml(names)).encode()
        elif name == "/docProps/app.xml":
            p._blob = app_xml()
    core = doc.core_properties
    core.title = meta.title
    core.author = meta.author
    core.last_modified_by = meta.author
    core.subject = meta.subject
    core.comments = f"由{APP_NAME}生成的公文草稿"
    core.language = "zh-CN"
    core.keywords = ""
    core.category = "公文"
    core.revision = 1
    core.created = core.modified = meta.created
