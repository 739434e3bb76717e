"""The .docx skeleton: styles without theme fonts, mirrored A4 sections on the 579-twip grid,
odd/even footers “— PAGE —”, and body assembly from XML snippets (python-docx underneath)."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from app.services.documents.docx_xml import ind, para, rfonts, rpr, style_defs
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm, twips

# CT_Settings elements that follow w:mirrorMargins (the schema fixes their order)
_AFTER_MIRROR = {
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
    "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType",
    "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
    "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop",
    "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
    "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr",
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
}
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
NS = nsdecls("w", "r", "wp", "a", "pic")


def portrait_sect(footer_ids: tuple[str, str] | None, title_pg: bool = False) -> str:
    top, inside = twips(mm(P.top_mm)), twips(mm(P.inside_mm))
    bottom, outside = twips(mm(P.bottom_mm)), twips(mm(P.outside_mm))
    # footer text top 7 mm below the type area; its 14 pt line grows upwards from the footer edge
    footer = twips(mm(P.bottom_mm - P.page_no_gap_mm)) - round(P.page_no_size_pt * 20)
    refs = ""
    if footer_ids:
        refs = (f'<w:footerReference w:type="default" r:id="{footer_ids[0]}"/>'
                f'<w:footerReference w:type="even" r:id="{footer_ids[1]}"/>')
    return (f'<w:sectPr {NS}>{refs}<w:type w:val="nextPage"/>'
            f'<w:pgSz w:w="{twips(mm(P.page_w_mm))}" w:h="{twips(mm(P.page_h_mm))}"/>'
            f'<w:pgMar w:top="{top}" w:right="{outside}" w:bottom="{bottom}" w:left="{inside}" '
            f'w:header="851" w:footer="{footer}" w:gutter="0"/>'
            f'{"<w:titlePg/>" if title_pg else ""}'
            f'<w:docGrid w:type="lines" w:linePitch="{P.line_pitch_twips}"/></w:sectPr>')


def landscape_sect(footer_ids: tuple[str, str] | None) -> str:
    """A4 landscape with the same 225 × 156 mm type area (table pages)."""
    refs = ""
    if footer_ids:
        refs = (f'<w:footerReference w:type="default" r:id="{footer_ids[0]}"/>'
                f'<w:footerReference w:type="even" r:id="{footer_ids[1]}"/>')
    top, bottom = twips(mm(P.inside_mm)), twips(mm(P.outside_mm))
    left, right = twips(mm(P.bottom_mm)), twips(mm(P.top_mm))
    return (f'<w:sectPr {NS}>{refs}<w:type w:val="nextPage"/>'
            f'<w:pgSz w:w="{twips(mm(P.page_h_mm))}" w:h="{twips(mm(P.page_w_mm))}" w:orient="landscape"/>'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            f'w:header="567" w:footer="567" w:gutter="0"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{P.line_pitch_twips}"/></w:sectPr>')


def _footer_xml(even: bool, empty: bool = False) -> bytes:
    size = P.page_no_size_pt
    one = round(size * 20 * P.page_no_side_chars)
    dash = P.page_no_dash
    if empty:
        body = para("", "GWFooter")
    else:
        r = rpr("song", size, latin="宋体")
        field = (f'<w:r>{r}<w:t xml:space="preserve">{dash} </w:t></w:r>'
                 f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
                 f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                 f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
                 f'<w:r>{r}<w:t>1</w:t></w:r>'
                 f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
                 f'<w:r>{r}<w:t xml:space="preserve"> {dash}</w:t></w:r>')
        indent = ind(left=one, left_chars=100) if even else ind(right=one, right_chars=100)
        body = para(field, "GWFooter", jc="left" if even else "right", ind=indent)
    return f'<w:ftr {NS}>{body}</w:ftr>'.encode()


class DocxBuilder:
    def __init__(self) -> None:
        self.doc = Document()
        self.body = self.doc.element.body
        for child in list(self.body):
            self.body.remove(child)
        self.parts: list[str] = []
        self._setup_styles()
        self._setup_settings()
        self.footers = self._add_footers(False)
        self.no_footers: tuple[str, str] | None = None

    # ---- document-wide -----------------------------------------------------------------
    def _setup_styles(self) -> None:
        styles = self.doc.styles.element
        for el in styles.iter(qn("w:rFonts")):
            for attr in THEME_ATTRS:
                el.attrib.pop(qn(attr), None)
        defaults = styles.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        old = rpr_default.find(qn("w:rFonts"))
        new = parse_xml(rfonts("fang").replace("<w:rFonts ", f"<w:rFonts {nsdecls('w')} ", 1))
        if old is not None:
            rpr_default.replace(old, new)
        else:
            rpr_default.insert(0, new)
        for xml in style_defs():
            styles.append(parse_xml(xml))
        normal = self.doc.styles["Normal"].element
        normal_rpr = normal.find(qn("w:rPr"))
        if normal_rpr is None:
            normal.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rfonts('fang')}</w:rPr>"))
        # Removing the theme part keeps Word and WPS from substituting 等线/Calibri.
        for rel in list(self.doc.part.rels.values()):
            if rel.reltype == RT.THEME:
                self.doc.part.drop_rel(rel.rId)

    def _setup_settings(self) -> None:
        self.doc.settings.odd_and_even_pages_header_footer = True  # w:evenAndOddHeaders, in place
        settings = self.doc.settings.element
        if settings.find(qn("w:mirrorMargins")) is None:
            el = parse_xml(f"<w:mirrorMargins {nsdecls('w')}/>")
            later = next((c for c in settings if c.tag.split("}")[-1] in _AFTER_MIRROR), None)
            if later is not None:
                later.addprevious(el)
            else:
                settings.append(el)

    def _add_footers(self, empty: bool) -> tuple[str, str]:
        ids = []
        for even in (False, True):
            n = len(self.doc.part.package.parts) + 1
            partname = PackURI(f"/word/footer{n}{'e' if empty else ''}.xml")
            part = Part(partname, "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
                        _footer_xml(even, empty), self.doc.part.package)
            ids.append(self.doc.part.relate_to(part, RT.FOOTER))
        return ids[0], ids[1]

    def empty_footers(self) -> tuple[str, str]:
        if self.no_footers is None:
            self.no_footers = self._add_footers(True)
        return self.no_footers

    # ---- body ----------------------------------------------------------------------------
    def add(self, xml: str) -> None:
        self.parts.append(xml)

    def save(self, final_sect: str) -> bytes:
        # The whole document.xml is parsed once. Appending the parsed body into python-docx's tree
        # instead (lxml moving nodes between documents) grows with the square of the body's size:
        # 2.7 s at 250 tasks, minutes at 5,000.
        body_xml = "".join(self.parts) + final_sect
        part = self.doc.part
        shell = etree.tostring(part._element, encoding="unicode")
        declared = part._element.nsmap
        missing = " ".join(d for d in NS.split(" ") if d.split("=")[0].removeprefix("xmlns:") not in declared)
        empty = re.search(r"<w:body\s*/>|<w:body>\s*</w:body>", shell)
        if empty is None:  # python-docx changed its template: fall back to moving the nodes
            wrapper = parse_xml(f"<w:body {NS}>{body_xml}</w:body>")
            self.body.extend(list(wrapper))
        else:
            part._element = parse_xml(f"{shell[:empty.start()]}<w:body {missing}>{body_xml}</w:body>"
                                      f"{shell[empty.end():]}")
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()
