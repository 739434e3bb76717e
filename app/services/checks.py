"""公文 format checker: the mistakes clerks are corrected on (GB/T 9704-2012, GB/T 15834-2011).

Each check returns Findings with a Chinese message; `check_notice` runs them all on a
render-ready NoticeDocument, `check_layout` on its laid-out pages (a character alone on a
paragraph's last line, a title broken inside a word). Nothing here changes the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.importing.labels import parse_label
from app.services.text_quality import corruption, describe, placeholders

_DOC_NO_OK = re.compile(r"^[^〔〕\[\]【】()（）]+〔\d{4}〕[1-9]\d*号$")
_DATE_OK = re.compile(r"^\d{4}年[1-9]\d?月[1-9]\d?日$")
_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]"
_HALF_PUNCT = re.compile(rf"(?<={_CJK})[,;:?!()]|[,;:?!()](?={_CJK})")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    where: str = ""

    def text(self) -> str:
        return f"{self.where}：{self.message}" if self.where else self.message


def check_doc_number(text: str) -> list[Finding]:
    """代字〔2026〕5号: hexagonal brackets, full year, no 第, no padding (§7.2.5)."""
    if not text:
        return []
    out = []
    if re.search(r"[\[\]【】()（）]", text) or ("〔" not in text and re.search(r"\d{4}", text)):
        out.append(Finding("doc_number_brackets", f"发文字号“{text}”的年份应使用六角括号〔〕。"))
    if "第" in text:
        out.append(Finding("doc_number_di", f"发文字号“{text}”中不加“第”字。"))
    if re.search(r"[〕\]】)）]\s*第?0\d", text):
        out.append(Finding("doc_number_padding", f"发文字号“{text}”的序号不编虚位（不在前面加0）。"))
    if not out and not _DOC_NO_OK.match(text):
        out.append(Finding("doc_number_form", f"发文字号“{text}”格式不规范，应如“示政办发〔2026〕5号”。"))
    return out


def check_date(text: str, where: str = "成文日期") -> list[Finding]:
    """2026年1月5日: Arabic numerals, full year, no zero padding (§7.3.5.4)."""
    if not text or _DATE_OK.match(text):
        return []
    return [Finding("date_format", f"“{text}”应写作“2026年1月5日”的形式：阿拉伯数字，年份写全，月日不编虚位。",
                    where)]


def check_attachment_note(listed: list[str], attachments: list[str]) -> list[Finding]:
    """附件说明 must name every attachment, in order, without final punctuation (§7.3.4)."""
    out = []
    for name in listed:
        if name and name[-1] in "。，；：.,;:":
            out.append(Finding("attachment_punct", f"附件名称“{name}”后不加标点符号。", "附件说明"))
    clean = [n.rstrip("。，；：.,;:") for n in listed]
    if clean != list(attachments):
        out.append(Finding("attachment_mismatch",
                           f"附件说明（{'、'.join(clean) or '无'}）与所附附件（{'、'.join(attachments) or '无'}）"
                           "的名称或顺序不一致。", "附件说明"))
    return out


def check_headings(paragraphs: list[str]) -> list[Finding]:
    """Heading numerals: 1、 at level 3 (should be 1．), skipped or repeated numbers per level."""
    out = []
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    running = {1: 0, 2: 0, 3: 0, 4: 0}  # 通篇连续编号 (（一）…（三十五） across parts) is allowed too
    for text in paragraphs:
        found = parse_label(text.strip())  # the importer's reading of 一、（一）1．（1）
        if found is None or not 1 <= found.rank <= 4:
            continue
        level, n, label = found.rank, found.number, found.printed.strip()
        if level == 3 and label.endswith("、"):
            out.append(Finding("heading_level3_dun", f"第三层序号“{label}”应写作“{n}．”（不用顿号）。",
                               text[:20]))
        expected = last[level] + 1
        if n == last[level]:
            out.append(Finding("heading_repeated", f"序号“{label}”重复。", text[:20]))
        elif n not in (expected, running[level] + 1, 1):
            out.append(Finding("heading_skipped", f"序号“{label}”不连续，应为第{expected}个。", text[:20]))
        last[level] = n
        running[level] = n
        for deeper in range(level + 1, 5):
            last[deeper] = 0
    return out


def check_punctuation(text: str, where: str = "") -> list[Finding]:
    """Half-width , ; : ? ! ( ) next to Chinese text, and nested 《《 (use 〈〉 inside 《》)."""
    out = []
    for m in _HALF_PUNCT.finditer(text):
        ctx = text[max(0, m.start() - 6): m.end() + 6]
        out.append(Finding("half_width_punct", f"中文中使用了半角标点“{m.group(0)}”：…{ctx}…", where))
    depth = 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
            if depth > 1:
                out.append(Finding("nested_title_marks", "书名号内再用书名号时应改为单书名号〈〉："
                                   f"…{text[max(0, i - 8): i + 8]}…", where))
        elif ch == "》":
            depth = max(0, depth - 1)
    return out


def check_placeholders(fields: list[tuple[str, str]]) -> list[Finding]:
    """Fields still holding a placeholder (“【发文机关】”, “〔　　〕号”, “　年　月　日”)."""
    out = []
    for where, text in fields:
        for ph in dict.fromkeys(placeholders(text)):
            out.append(Finding("placeholder", f"“{ph}”是待填的占位内容，印发前请填写。", where))
    return out


def check_corruption(fields: list[tuple[str, str]]) -> list[Finding]:
    """Runs of question marks and mojibake copied from a source."""
    out = []
    for where, text in fields:
        found = corruption(text)
        if found:
            out.append(Finding("corrupted", f"{describe(found)}，请对照原件改正。", where))
    return out


def check_date_year(doc_number: str, date_text: str, where: str = "成文日期") -> list[Finding]:
    """A 成文日期 in another year than the 文号's 〔年份〕 contradicts the document."""
    number = re.search(r"〔(\d{4})〕", doc_number or "")
    date = re.match(r"^(\d{4})年", date_text or "")
    if number and date and number.group(1) != date.group(1):
        return [Finding("date_year", f"“{date_text}”与发文字号的年份{number.group(1)}不一致，请核对。", where)]
    return []


def _fields(doc) -> list[tuple[str, str]]:
    """(where, text) of every piece of text a notice prints."""
    fields = [("标题", doc.title), ("发文机关标志", "".join(doc.organs) + doc.mark_suffix),
              ("发文字号", doc.doc_number), ("主送机关", doc.recipients)]
    fields += [(f"正文第{i}段", p.text) for i, p in enumerate(doc.paragraphs, start=1)]
    if doc.signature:
        fields += [("署名", "、".join(doc.signature.organs)), ("成文日期", doc.signature.date_text)]
    if doc.colophon:
        fields += [("印发机关", doc.colophon.printed_by), ("印发日期", doc.colophon.print_date_text),
                   ("抄送", doc.colophon.cc)]
    owner = doc.issued.attachments if doc.issued else doc.attachments
    if doc.issued:
        short = doc.issued.title[:12]
        fields += [(f"《{short}》第{i}段", p.text) for i, p in enumerate(doc.issued.paragraphs, start=1)]
    for att in owner:
        if att.table is not None:
            fields += [(f"{att.title}第{k}行", " ".join(r.cells)) for k, r in enumerate(att.table.rows, start=1)]
        fields += [(att.title, p.text) for p in att.paragraphs]
    return fields


def check_notice(doc) -> list[Finding]:
    """Every check on a render-ready NoticeDocument."""
    fields = _fields(doc)
    out = check_placeholders(fields) + check_corruption(fields)
    out += [f for f in check_doc_number(doc.doc_number) if not placeholders(doc.doc_number)]
    if doc.signature:
        out += check_date_year(doc.doc_number, doc.signature.date_text)
        if not placeholders(doc.signature.date_text):
            out += check_date(doc.signature.date_text)
        if not doc.signature.date_text:
            out.append(Finding("date_missing", "缺少成文日期。", "成文日期"))
    if doc.colophon and doc.colophon.print_date_text and not placeholders(doc.colophon.print_date_text):
        out += check_date(doc.colophon.print_date_text, "印发日期")
    out += check_punctuation(doc.title, "标题")
    out += check_punctuation(doc.recipients, "主送机关")
    if doc.recipients and not doc.recipients.endswith("："):
        out.append(Finding("recipients_colon", "主送机关末尾应使用全角冒号“：”。", "主送机关"))
    for i, p in enumerate(doc.paragraphs, start=1):
        out += check_punctuation(p.text, f"正文第{i}段")
    out += check_headings([p.text for p in doc.paragraphs])
    if doc.issued:
        out += check_headings([p.text for p in doc.issued.paragraphs])
        for i, p in enumerate(doc.issued.paragraphs, start=1):
            out += check_punctuation(p.text, f"《{doc.issued.title[:12]}》第{i}段")
    return out


def check_layout(layout) -> list[Finding]:
    """On the laid-out pages: paragraphs whose last line holds a single character (孤字) the
    typesetter could not pull back, and titles broken inside a word."""
    from app.services.documents.typeset import is_lone_character
    from app.services.documents.words import broken_inside_word

    out = []
    for page, line, _kind in layout.lines:
        if line.last and is_lone_character(line.glyphs):
            out.append(Finding("lone_character", f"段落末行只有“{line.text}”一个字（孤字），可调整文字避免。",
                               f"第{page + 1}页"))
    for lines in layout.header.get("titles", []):
        for word in broken_inside_word(lines):
            out.append(Finding("title_break", f"标题在词语“{word}”中间换行。", "／".join(lines)[:40]))
    return out
