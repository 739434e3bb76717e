"""What Word and WPS show besides the text (issue 9, points 2–4): real core and app properties,
the fonts actually used (with alternatives), zh-CN, Word 2013+ compatibility, the fonts a
Windows PC has, and a draft a leader can edit freely."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import datetime, timedelta

from lxml import etree

from app import APP_NAME
from app.paths import resources_dir
from app.services.documents.fonts import office_font_names, resolve_fonts
from app.services.documents.service import notice_files, table_docx
from app.services.documents.tables import division_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONTS = resources_dir() / "fonts"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def xml(data: bytes, name: str):
    return etree.fromstring(parts(data)[name])


def test_core_and_app_properties_are_the_notices_not_the_templates(demo_doc):
    _pdf, docx, _layout = notice_files(demo_doc, pdf=False)
    p = parts(docx)
    core = p["docProps/core.xml"].decode()
    assert "python-docx" not in core and "2013" not in core
    assert f"<dc:title>{demo_doc.title}</dc:title>" in core
    assert f"<dc:creator>{demo_doc.signature.organs[0]}</dc:creator>" in core
    assert f"<dc:subject>{demo_doc.issued.title}</dc:subject>" in core and "<dc:language>zh-CN" in core
    created = datetime.fromisoformat(core.split("<dcterms:created")[1].split(">")[1].split("<")[0].replace("Z", "+00:00"))
    assert abs(datetime.now(created.tzinfo) - created) < timedelta(minutes=5)
    app = p["docProps/app.xml"].decode()
    assert f"<Application>{APP_NAME}</Application>" in app and "Macintosh" not in app
    assert "<AppVersion>" in app
    assert not any("thumbnail" in n or "theme" in n or "stylesWithEffects" in n or "customXml" in n for n in p)
    assert "thumbnail" not in p["_rels/.rels"].decode()


def test_font_table_lists_the_fonts_used_with_alternatives_zh_cn_and_word_2013_mode(demo_doc):
    _pdf, docx, _layout = notice_files(demo_doc, pdf=False)
    fonts = xml(docx, "word/fontTable.xml")
    table = {f.get(f"{W}name"): f for f in fonts.iter(f"{W}font")}
    assert set(table) == {"仿宋", "黑体", "楷体", "方正小标宋简体", "宋体", "Times New Roman"}
    assert table["仿宋"].find(f"{W}charset").get(f"{W}val") == "86"  # GB2312 character set
    assert table["方正小标宋简体"].find(f"{W}altName").get(f"{W}val") == "华文中宋"
    every = b"".join(parts(docx).values())
    for gone in ("MS Mincho", "MS Gothic", "Calibri", "Cambria", "ja-JP", "ＭＳ"):
        assert gone.encode() not in every, gone
    settings = xml(docx, "word/settings.xml")
    mode = [c for c in settings.iter(f"{W}compatSetting") if c.get(f"{W}name") == "compatibilityMode"]
    assert [c.get(f"{W}val") for c in mode] == ["15"]
    assert settings.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"
    styles = xml(docx, "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert settings.find(f"{W}evenAndOddHeaders") is not None and settings.find(f"{W}mirrorMargins") is not None


def test_the_draft_names_the_fonts_this_pc_has(tmp_path, demo_doc):
    """仿宋_GB2312 where installed, else the stock 仿宋; a file chosen in 设置 by its family name."""
    win = tmp_path / "Fonts"
    win.mkdir()
    shutil.copy(FONTS / "FandolFang-Regular.ttf", win / "仿宋_GB2312.ttf")  # stands in for the installed font
    shutil.copy(FONTS / "FandolKai-Regular.ttf", win / "simkai.ttf")
    names = office_font_names(resolve_fonts(windows_dirs=[win], other_dirs=[]))
    assert names["fang"] == "仿宋_GB2312" and names["kai"] == "楷体" and names["hei"] == "黑体"
    chosen = resolve_fonts(configured={"hei": str(FONTS / "FandolHei-Regular.ttf")}, windows_dirs=[], other_dirs=[])
    assert office_font_names(chosen)["hei"] == "FandolHei"
    _pdf, docx, _layout = notice_files(demo_doc, choice=resolve_fonts(windows_dirs=[win], other_dirs=[]), pdf=False)
    east = {f.get(f"{W}eastAsia") for f in xml(docx, "word/document.xml").iter(f"{W}rFonts")}
    assert {"仿宋_GB2312", "楷体"} <= east and "仿宋" not in east
    table = {f.get(f"{W}name"): f for f in xml(docx, "word/fontTable.xml").iter(f"{W}font")}
    assert table["仿宋_GB2312"].find(f"{W}altName").get(f"{W}val") == "仿宋"  # a PC without it uses 仿宋


def test_the_draft_is_editable(demo_doc):
    _pdf, docx, _layout = notice_files(demo_doc, pdf=False)
    doc = xml(docx, "word/document.xml")
    assert not [h for h in doc.iter(f"{W}trHeight") if h.get(f"{W}hRule") == "exact" and
                h.getparent().getparent().getparent().find(f"{W}tblPr/{W}tblpPr") is not None]  # 版记 rows grow
    tiny = [p for p in doc.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}sz") is not None
            and p.find(f"{W}pPr/{W}rPr/{W}sz").get(f"{W}val") == "2"]
    assert all(p.find(f"{W}pPr/{W}sectPr") is not None or p.getprevious().tag == f"{W}tbl" for p in tiny)
    assert not [r for r in doc.iter(f"{W}r") if r.find(f"{W}rPr/{W}sz") is not None
                and r.find(f"{W}rPr/{W}sz").get(f"{W}val") == "2"]  # no run of 1 pt type
    styles = {s.get(f"{W}styleId"): s for s in xml(docx, "word/styles.xml").iter(f"{W}style")}
    levels = {sid: styles[sid].find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") for sid in
              ("GWTitle", "GWH1", "GWH2", "GWH3", "GWH4")}
    assert levels == {"GWTitle": "0", "GWH1": "1", "GWH2": "2", "GWH3": "3", "GWH4": "4"}


def test_colophon_is_floated_to_the_foot_of_an_even_page_section(demo_doc):
    _pdf, docx, layout = notice_files(demo_doc, pdf=False)
    doc = xml(docx, "word/document.xml")
    pos = [t.find(f"{W}tblPr/{W}tblpPr") for t in doc.iter(f"{W}tbl")]
    floats = [p for p in pos if p is not None]
    assert len(floats) == 1 and floats[0].get(f"{W}tblpYSpec") == "bottom"
    assert floats[0].get(f"{W}vertAnchor") == "margin"
    last = doc.find(f"{W}body/{W}sectPr")
    assert layout.header["colophon"] != "same" and last.find(f"{W}type").get(f"{W}val") == "evenPage"
    # no page breaks or spacers copied from the PDF's layout after page 1
    assert len([p for p in doc.iter(f"{W}pageBreakBefore")]) == 1  # the issued document's title
    landscape = [s for s in doc.iter(f"{W}sectPr") if s.find(f"{W}pgSz").get(f"{W}orient") == "landscape"]
    assert landscape
    footers = {n: v.decode() for n, v in parts(docx).items() if n.startswith("word/footer")}
    turned = [f for f in footers.values() if 'vert="vert"' in f]
    assert len(turned) == 2 and all(" PAGE " in f for f in turned)  # odd and even landscape numbers


def test_a_table_on_its_own_is_a_landscape_document(demo_tree):
    docx = table_docx(division_table(demo_tree))
    doc = xml(docx, "word/document.xml")
    size = doc.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size.get(f"{W}orient") == "landscape"
    assert "重点任务分工表" in parts(docx)["docProps/core.xml"].decode()


def test_marks_squeezed_to_pull_a_lone_character_back_are_narrower_in_the_draft_too(monkeypatch):
    import app.services.documents.typeset as typeset
    from app.services.documents.flow import paragraph_lines
    from app.services.documents.fontbook import FontBook
    from app.services.documents.model import Paragraph, Run
    from app.services.documents.profile import PROFILE as P
    from app.services.documents.service import font_choice

    from .test_pdf_variants import simple

    base = "依法行政，规范用权。" * 8
    book = FontBook(font_choice())
    with monkeypatch.context() as m:  # a text whose last line would hold one character alone
        m.setattr(typeset, "_pull_back_lone_character", lambda lines, measure: None)
        text = next(base[:n] + "府。" for n in range(40, 80)
                    if typeset.is_lone_character(paragraph_lines(book, Paragraph([Run(base[:n] + "府。")]))[-1].glyphs))
    doc = simple(paragraphs=[Paragraph([Run(text)])])
    _pdf, docx, layout = notice_files(doc, pdf=False)
    assert layout.header["squeezed"]
    runs = xml(docx, "word/document.xml").iter(f"{W}r")
    narrower = [r for r in runs if r.find(f"{W}rPr/{W}spacing") is not None
                and int(r.find(f"{W}rPr/{W}spacing").get(f"{W}val")) < P.docx_tracking_twips]
    assert narrower and all("".join(t.text for t in r.iter(f"{W}t")) in "，。" for r in narrower)


def test_xml_escaping_is_the_standard_librarys():
    from xml.sax import saxutils

    from app.services.documents.docx_xml import escape, quoteattr

    for text in ("", "a&b<c>d", 'say "hi"', "it's", """both ' and " here""", "tab\tnl\ncr\r", "（《“‘([{", "&amp;"):
        assert escape(text) == saxutils.escape(text)
        assert escape(text, {'"': "&quot;"}) == saxutils.escape(text, {'"': "&quot;"})
        assert quoteattr(text) == saxutils.quoteattr(text)
