"""A generator of hostile input files (nothing binary is checked in): damaged, huge, strange and
malicious .txt, .docx and .xlsx, each with what the importer must do with it.

Every case is a function that writes the file; `expect` is "refuse" (exit 2, one Chinese line),
"accept" (exit 0), or "either" (one of the two, but cleanly). `quick` cases run in ./test.sh."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.builders import (
    CONTENT_TYPES,
    PLAN,
    W,
    corrupt_member,
    declared_size_bomb,
    division_sheet,
    docx_bytes,
    many_tasks,
    para,
    plan_paragraphs,
    tiny_png,
    xlsx_bytes,
)


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str
    write: Callable[[Path], None]
    expect: str = "refuse"  # refuse | accept | either
    quick: bool = False
    words: str = ""  # a fragment the refusal must contain


CASES: list[Case] = []


def case(name: str, suffix: str, expect: str = "refuse", quick: bool = False, words: str = ""):
    def register(fn: Callable[[Path], None]) -> Callable[[Path], None]:
        CASES.append(Case(name, suffix, fn, expect, quick, words))
        return fn
    return register


# ---- text -----------------------------------------------------------------------------------
@case("空文件", ".txt", quick=True, words="空文件")
def _empty(p: Path) -> None:
    p.write_bytes(b"")


@case("只有空白", ".txt", quick=True)
def _blank(p: Path) -> None:
    p.write_bytes(b" \r\n\t\n\xe3\x80\x80\n" * 50)


@case("随机二进制", ".txt", quick=True)
def _random(p: Path) -> None:
    p.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(20_000)))


@case("只有 BOM", ".txt", quick=True)
def _bom(p: Path) -> None:
    p.write_bytes(b"\xef\xbb\xbf")


@case("UTF-16 无 BOM", ".txt", expect="either")
def _utf16(p: Path) -> None:
    p.write_bytes(PLAN.encode("utf-16-le"))


@case("GBK 编码", ".txt", expect="accept", quick=True)
def _gbk(p: Path) -> None:
    p.write_bytes(PLAN.encode("gbk"))


@case("UTF-8 中混有非法字节", ".txt", expect="either")
def _bad_utf8(p: Path) -> None:
    p.write_bytes(PLAN.encode() + b"\xff\xfe\xc0\xaf" + PLAN.encode())


@case("控制字符与 NUL", ".txt", expect="either", quick=True)
def _controls(p: Path) -> None:
    p.write_bytes(PLAN.encode().replace("。".encode(), "\x00\x07。\x1b".encode()))


@case("双向控制符与零宽字符", ".txt", expect="accept")
def _bidi(p: Path) -> None:
    p.write_text(PLAN.replace("县司法局", "县\u202e司法\u200b局\ufeff"), encoding="utf-8")


@case("仅 CR 换行", ".txt", expect="accept")
def _cr(p: Path) -> None:
    p.write_bytes(PLAN.replace("\n", "\r").encode())


@case("超过 4 MB", ".txt", quick=True, words="过大")
def _huge(p: Path) -> None:
    p.write_bytes(("一、" + "字" * 100 + "\n").encode() * 15_000)


@case("一行 3 MB 没有换行", ".txt", expect="either")
def _long_line(p: Path) -> None:
    p.write_text("示例县2026年法治政府建设工作要点" + "一、加强领导。" * 150_000, encoding="utf-8")


@case("二十万个一字条目", ".txt", quick=True, words="上限")
def _items(p: Path) -> None:
    p.write_text("示例县2026年工作要点\n一、总体\n" + "".join(f"{i}．字\n" for i in range(1, 200_001)), encoding="utf-8")


@case("十万空行", ".txt", expect="either")
def _blank_lines(p: Path) -> None:
    p.write_text(PLAN + "\n" * 100_000 + PLAN, encoding="utf-8")


@case("五千项任务", ".txt", expect="accept")
def _five_thousand(p: Path) -> None:
    p.write_text(many_tasks(5000), encoding="utf-8")


@case("不可能的日期", ".txt", expect="accept", quick=True)
def _dates(p: Path) -> None:
    p.write_text("示例县2026年法治政府建设工作要点\n一、总体\n"
                 "1．甲。（牵头单位：县司法局）2099年13月40日前完成。\n2．乙。（牵头单位：县司法局）2月30日前完成。\n"
                 "3．丙。（牵头单位：县司法局）12345678901234567890年底前完成。\n"
                 "4．丁。（牵头单位：县司法局）2026年第五季度完成。\n5．戊。（牵头单位：县司法局）9999年12月31日前完成。\n",
                 encoding="utf-8")


@case("PNG 改名为 .txt", ".txt", quick=True)
def _png_as_txt(p: Path) -> None:
    p.write_bytes(tiny_png(8, 8))


@case("PDF 文件", ".txt", words="PDF")
def _pdf(p: Path) -> None:
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


@case("以 - 开头的文件名", ".txt", expect="accept", quick=True)
def _dash(p: Path) -> None:
    p.write_text(PLAN, encoding="utf-8")


# ---- Word -----------------------------------------------------------------------------------
@case("压缩数据损坏的 .docx", ".docx", quick=True, words="已损坏")
def _corrupt_docx(p: Path) -> None:
    p.write_bytes(corrupt_member(docx_bytes(plan_paragraphs() * 40), "word/document.xml"))


@case("截断的 .docx", ".docx", quick=True)
def _truncated_docx(p: Path) -> None:
    data = docx_bytes(plan_paragraphs() * 40)
    p.write_bytes(data[: len(data) // 2])


@case("没有 document.xml 的压缩包", ".docx")
def _no_document(p: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    p.write_bytes(buf.getvalue())


@case("声明解压后 4 GB 的 .docx", ".docx", quick=True, words="过大")
def _declared_bomb(p: Path) -> None:
    p.write_bytes(declared_size_bomb(docx_bytes(plan_paragraphs()), "word/document.xml", 0xFFFF0000))


@case("真正的压缩炸弹（300 MB 的零）", ".docx", words="过大")
def _real_bomb(p: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(overrides=""))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                fh.write(chunk)
    p.write_bytes(buf.getvalue())


@case("XML 实体炸弹（billion laughs）", ".docx", quick=True, words="DOCTYPE")
def _laughs(p: Path) -> None:
    ents = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]><w:document {W}><w:body>'
           f'<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>').encode()
    p.write_bytes(docx_bytes("", doc_xml=xml))


@case("外部实体（读取本机文件）", ".docx", words="DOCTYPE")
def _xxe(p: Path) -> None:
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}>'
           f'<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    p.write_bytes(docx_bytes("", doc_xml=xml))


@case("XML 格式错误", ".docx", quick=True)
def _bad_xml(p: Path) -> None:
    p.write_bytes(docx_bytes("", doc_xml=f"<w:document {W}><w:body><w:p>".encode()))


@case("bzip2 压缩的部件", ".docx", words="压缩")
def _bzip2(p: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_BZIP2) as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{plan_paragraphs()}</w:body></w:document>")
    p.write_bytes(buf.getvalue())


@case("加密标志", ".docx")
def _encrypted(p: Path) -> None:
    data = bytearray(docx_bytes(plan_paragraphs()))
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    p.write_bytes(bytes(data))


@case("五千个部件", ".docx", words="部件过多")
def _members(p: Path) -> None:
    extra = {f"word/media/x{i}.bin": b"" for i in range(5000)}
    p.write_bytes(docx_bytes(plan_paragraphs(), extra))


@case("路径穿越的部件名", ".docx", expect="accept")
def _traversal(p: Path) -> None:
    p.write_bytes(docx_bytes(plan_paragraphs(), {"../../evil.txt": b"x", "/abs/evil.txt": b"y"}))


@case("一百层嵌套表格", ".docx", expect="either")
def _nested_tables(p: Path) -> None:
    inner = para("字")
    for _ in range(100):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    p.write_bytes(docx_bytes(plan_paragraphs() + inner))


@case("深度嵌套的 XML（一万层）", ".docx", expect="either")
def _deep_xml(p: Path) -> None:
    inner = "<w:sdt><w:sdtContent>" * 10_000 + para("字") + "</w:sdtContent></w:sdt>" * 10_000
    p.write_bytes(docx_bytes(plan_paragraphs() + inner))


@case("一万个段落", ".docx", expect="accept")
def _ten_thousand(p: Path) -> None:
    rows = []
    for part in range(1, 101):
        rows.append(para(f"{'一二三四五六七八九十'[(part - 1) % 10]}、第{part}部分"))
        rows += [para(f"{i}．推进第{part}-{i}项工作。（牵头单位：县司法局）2026年6月底前") for i in range(1, 100)]
    p.write_bytes(docx_bytes(para("示例县2026年法治政府建设工作要点") + "".join(rows)))


@case("二十万个一字段落", ".docx", words="上限")
def _docx_items(p: Path) -> None:
    p.write_bytes(docx_bytes(para("示例县2026年工作要点") + para("一、总体") + para("字") * 200_000))


@case("gridSpan 与纵向合并的怪表", ".docx", expect="either")
def _weird_table(p: Path) -> None:
    cell = ('<w:tc><w:tcPr><w:gridSpan w:val="999999"/><w:vMerge/></w:tcPr>' + para("县司法局") + "</w:tc>")
    rows = "".join(f"<w:tr>{cell * 30}</w:tr>" for _ in range(300))
    p.write_bytes(docx_bytes(plan_paragraphs() + f"<w:tbl>{rows}</w:tbl>"))


@case("文字是 .docx 扩展名", ".docx", expect="accept", quick=True)
def _text_as_docx(p: Path) -> None:
    p.write_text(PLAN, encoding="utf-8")


@case("空文档", ".docx", quick=True)
def _empty_docx(p: Path) -> None:
    p.write_bytes(docx_bytes(""))


# ---- Excel ----------------------------------------------------------------------------------
@case("合并 3500 万个单元格的 .xlsx", ".xlsx", quick=True, words="合并")
def _merged_bomb(p: Path) -> None:
    p.write_bytes(xlsx_bytes(division_sheet(3, merge="A1:AH1048576")))


@case("正常的分工表 .xlsx", ".xlsx", expect="accept", quick=True)
def _good_xlsx(p: Path) -> None:
    p.write_bytes(xlsx_bytes(division_sheet(5, merge="C2:C4")))


@case("五十万个单元格", ".xlsx", words="上限")
def _many_cells(p: Path) -> None:
    row = '<c r="A{r}"><v>1</v></c>'
    body = "".join(f'<row r="{r}">' + row.format(r=r) * 5 + "</row>" for r in range(1, 100_002))
    p.write_bytes(xlsx_bytes(f"<sheetData>{body}</sheetData>"))


@case("单元格在第 XFD1048576 格", ".xlsx", expect="either")
def _far_cell(p: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远</t></is></c></row>'
    p.write_bytes(xlsx_bytes(division_sheet(3).replace("</sheetData>", far + "</sheetData>")))


@case("无法读取的合并引用", ".xlsx", expect="either")
def _bad_merge(p: Path) -> None:
    p.write_bytes(xlsx_bytes(division_sheet(3, merge="ZZZZ0:-1")))


@case("带 DOCTYPE 的工作表", ".xlsx", quick=True, words="DOCTYPE")
def _xlsx_doctype(p: Path) -> None:
    sheet = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')
    p.write_bytes(xlsx_bytes(sheet))


@case("工作表压缩数据损坏", ".xlsx", words="损坏")
def _xlsx_corrupt(p: Path) -> None:
    p.write_bytes(corrupt_member(xlsx_bytes(division_sheet(400)), "xl/worksheets/sheet1.xml", at=50, length=200))


@case("Excel 工作簿改名为 .docx", ".docx", expect="accept")
def _xlsx_as_docx(p: Path) -> None:
    p.write_bytes(xlsx_bytes(division_sheet(5)))


# ---- old formats ----------------------------------------------------------------------------
@case("旧版 .doc（OLE 头，内容损坏）", ".doc", expect="refuse")
def _ole(p: Path) -> None:
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)


@case("RTF 文件", ".doc", expect="either")
def _rtf(p: Path) -> None:
    p.write_bytes(b"{\\rtf1\\ansi " + "一、加强领导".encode("gbk") + b"}")


def write_case(c: Case, folder: Path) -> Path:
    stem = "-以减号开头" if c.name.startswith("以 -") else f"case{CASES.index(c):02d}"
    path = folder / f"{stem}{c.suffix}"
    c.write(path)
    return path
