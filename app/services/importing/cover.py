"""The cover notice (关于印发《…》的通知) and the plan's own title, from the lines before the
first outline label.

A cover reads, in GB/T 9704 order: [发文机关标志] [发文字号] 标题 主送： 正文 署名 成文日期 [附注],
then the issued document's title. Copies drop parts of it (the changji sample starts at 主送),
so each part is found by its own shape rather than by position."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.services.errors import ValidationError
from app.services.importing.cover_title import digit_year, plan_title_from
from app.services.importing.model import NoticeFields
from app.services.numbering import from_chinese, parse_doc_number

NOTICE_TITLE = re.compile(r"关于.{2,}的(?:通知|通报|决定|意见|函|批复|报告)》?$|印发.{2,}(?:通知|方案)》?$")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,12}\s*[〔\[【(（［{]\s*\d{4}\s*[〕\]】)）］}]\s*第?\s*\d{1,5}\s*号$")
DATE_LINE = re.compile(r"^(\d{4}|[〇零○Ｏ一二三四五六七八九O]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                       r"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")
ORGAN_END = re.compile(r"(?:政府|委员会|委|办公室|办公厅|厅|局|部|院|会|中心|公署|办|署|所|处|队|组|室|党组|党委|工委|"
                       r"集团|公司|办事处|镇|乡|街道|法院|检察院|政协|人大常委会|领导小组)$")
_HEADER = re.compile(r"^\S{4,30}文件$")
_ATTACH_MARK = re.compile(r"^附件\s*\d{0,2}$")
_NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")  # （此件公开发布） （联系人：…，电话：…）
# A sentence of a cover notice: it issues the document and asks for it to be carried out.
NOTICE_BODY = re.compile(r"(?:印发|转发|印送)(?:给)?(?:你们|你单位|各单位)|请(?:结合实际[，,]?)?(?:认真)?(?:贯彻|遵照|抓好|组织实施)|"
                         r"^现将《")


def is_note_line(line: str) -> bool:
    """The 附注 under the date: one bracketed line."""
    return bool(_NOTE.match(line)) and not re.match(r"^[（(]\s*\d{4}\s*[—\-–－~～至到]", line)


_DOC_NUMBER_IN = re.compile(r"(?P<prefix>[\u4e00-\u9fffA-Za-z]{1,12})\s*[〔\[【(（［{]\s*\d{4}\s*[〕\]】)）］}]\s*第?\s*\d{1,5}\s*号")
_KIND_WORDS = ("通知", "通报", "决定", "意见", "批复", "报告", "函")


def _unquote(title: str) -> str:
    """A web page may quote the title, or put the 文号 before it: "京政办发〔2016〕26号《…的通知》";
    inside such quotes the title's own 《》 became 〈〉, which are turned back."""
    m = re.search(r"《([^《》]*(?:关于|印发)[^《》]*)》$", title)
    if not m:
        return title
    inner = m.group(1)
    return inner.replace("〈", "《").replace("〉", "》") if "《" not in inner else inner


def split_number_and_title(line: str) -> list[str]:
    """Web mirrors print the 文号 on the title's line, before or after it ("X政办发〔2018〕12号《关于
    印发〈…〉的通知》", "关于印发《…》的通知 X政办发〔2018〕12号"): the title and the 文号 as two
    lines, so that each is read for what it is. Any other line comes back unchanged."""
    m = _DOC_NUMBER_IN.search(line)
    if not m:
        return [line]
    start = m.start()
    prefix = m.group("prefix")
    for kind in _KIND_WORDS:  # "…的通知X政办发〔…": the title's last word is not part of the 代字
        if kind in prefix:
            start = m.start() + prefix.rindex(kind) + len(kind)
    number = line[start:m.end()].strip()
    rest = (line[:start] + " " + line[m.end():]).strip()
    title = _unquote(rest.strip(" 　"))
    if rest and NOTICE_TITLE.search(title):
        return [title, number]
    return [line]


def parse_cn_date_line(line: str) -> date | None:
    m = DATE_LINE.match(line.strip())
    if not m:
        return None
    try:
        y = digit_year(m.group(1))
        mo = int(m.group(2)) if m.group(2).isdigit() else from_chinese(m.group(2))
        d = int(m.group(3)) if m.group(3).isdigit() else from_chinese(m.group(3))
        return date(y, mo, d)
    except ValueError:
        return None


def split_organs(line: str) -> list[str] | None:
    """The organs of a 署名 line ("中共X区委 X区人民政府"), or None when it is not one."""
    if any(c in line for c in "。，；：、") or len(line) > 90:
        return None
    parts = line.split()
    if all(ORGAN_END.search(p) and len(p) >= 4 for p in parts):
        return parts
    whole = line.replace(" ", "")
    return [whole] if ORGAN_END.search(whole) and len(whole) >= 4 else None


@dataclass
class Cover:
    notice: NoticeFields | None
    title: str
    period: str
    preamble: list[str]
    warnings: list[str] = field(default_factory=list)
    title_guessed: bool = False  # no title in the text; taken from the notice or the file name
    title_note: str = ""  # where a guessed title came from: a warning while the guess stands


def _doc_number(line: str, warnings: list[str]) -> str | None:
    try:
        parsed = parse_doc_number(line)
    except ValidationError:
        return None
    text = str(parsed.number)
    if parsed.was_normalized:
        warnings.append(f"发文字号“{line}”格式不规范，已改为“{text}”（年份用六角括号〔〕）。")
    return text


def parse_cover(lines: list[str], metadata: dict[str, str] | None = None) -> Cover:
    metadata = metadata or {}
    warnings: list[str] = []
    # A web page often shows its title twice (page title, then article title): read it once.
    lines = [line for k, line in enumerate(lines) if k == 0 or line != lines[k - 1]]
    n = len(lines)
    notice = NoticeFields()
    i = 0
    found_any = False
    while i < n and i < 4 and (_HEADER.match(lines[i]) or lines[i].startswith("签发人")):
        if _HEADER.match(lines[i]):
            notice.header_text = lines[i]
        i += 1
    title_at = next((k for k in range(i, min(n, i + 6)) if NOTICE_TITLE.search(lines[k])), None)
    if title_at is None:  # a long title broken over two lines
        title_at = next((k for k in range(i, min(n - 1, i + 6))
                         if "关于" in lines[k] and NOTICE_TITLE.search(lines[k] + lines[k + 1])), None)
        if title_at is not None:
            lines = [*lines[:title_at], lines[title_at] + lines[title_at + 1], *lines[title_at + 2:]]
            n = len(lines)
    search_from = i
    for k in range(i, min(n, (title_at if title_at is not None else i) + 3)):
        if DOC_NUMBER.match(lines[k]):
            notice.doc_number = _doc_number(lines[k], warnings)
            found_any = found_any or notice.doc_number is not None
            search_from = max(search_from, k + 1)
    if title_at is not None:
        notice.title = _unquote(lines[title_at])
        found_any = True
        search_from = max(search_from, title_at + 1)
        above = lines[title_at - 1] if title_at > i else ""
        if not notice.title.startswith(above) and not DOC_NUMBER.match(above) and split_organs(above):
            notice.title = above + notice.title  # the issuer's name is the first line of a long title
    while search_from < n and DOC_NUMBER.match(lines[search_from]):
        notice.doc_number = notice.doc_number or _doc_number(lines[search_from], warnings)
        search_from += 1
    rec_at = next((k for k in range(search_from, min(n, search_from + 3))
                   if lines[k].endswith("：") and "。" not in lines[k] and 3 <= len(lines[k]) <= 300
                   and (title_at is not None or "各" in lines[k] or "，" in lines[k] or "、" in lines[k])), None)
    date_at = None
    if rec_at is not None:
        notice.recipients = lines[rec_at].rstrip("：")
        found_any = True
        date_at = next((k for k in range(rec_at + 1, min(n, rec_at + 40)) if parse_cn_date_line(lines[k])), None)
    elif title_at is not None:
        date_at = next((k for k in range(title_at + 1, min(n, title_at + 40)) if parse_cn_date_line(lines[k])), None)
    end = search_from if rec_at is None else rec_at + 1
    if date_at is not None:
        notice.sign_date = parse_cn_date_line(lines[date_at])
        sig_start = date_at
        organs: list[str] = []
        while sig_start - 1 > (rec_at if rec_at is not None else title_at) and len(organs) < 6:
            got = split_organs(lines[sig_start - 1])
            if got is None:
                break
            organs = got + organs
            sig_start -= 1
        notice.issuers = organs
        body_from = (rec_at if rec_at is not None else title_at) + 1
        notice.body = "\n".join(lines[body_from:sig_start])
        end = date_at + 1
        if end < n and is_note_line(lines[end]):
            notice.note = lines[end].replace("(", "（").replace(")", "）")
            end += 1
    elif title_at is not None:  # no date: the notice's own sentences still belong to it
        start = end
        while end < n and NOTICE_BODY.search(lines[end]) and not DATE_LINE.match(lines[end]):
            end += 1
        notice.body = "\n".join(lines[start:end])
    if not found_any or (title_at is None and date_at is None and notice.doc_number is None):
        notice, end = None, i
    while end < n and _ATTACH_MARK.match(lines[end]):
        end += 1
    title, period, used = plan_title_from(lines[end:])
    preamble = lines[end + used:]
    if notice is not None:
        _complete_notice(notice, title, metadata, warnings)
    note = ""
    if not title:
        title, note = _title_fallback(notice, metadata)
    return Cover(notice, title, period, preamble, warnings, bool(note), note)


def _complete_notice(notice: NoticeFields, plan_title: str, metadata: dict[str, str], warnings: list[str]) -> None:
    if not notice.doc_number and metadata.get("发文字号"):
        notice.doc_number = _doc_number(metadata["发文字号"], warnings)
        if notice.doc_number:
            warnings.append(f"发文字号取自网页信息栏：{notice.doc_number}。")
    if not notice.title and NOTICE_TITLE.search(metadata.get("标题", "")):
        notice.title = metadata["标题"]
        warnings.append("通知标题取自网页信息栏。")
    if not notice.title:
        m = re.search(r"《([^《》]{2,80})》", notice.body)
        if m and "印发" in notice.body:
            notice.title = f"关于印发《{m.group(1)}》的通知"
            warnings.append(f"未找到通知标题，已按正文补为“{notice.title}”，请核对。")
        elif plan_title:
            notice.title = f"关于印发《{plan_title}》的通知"
            warnings.append(f"未找到通知标题，已按文件标题补为“{notice.title}”，请核对。")
    if not notice.issuers and "关于" in notice.title:
        organs = split_organs(notice.title[:notice.title.index("关于")])
        if organs:  # "中共X区委 X区人民政府关于印发…": the title names the issuers
            notice.issuers = organs
            warnings.append(f"通知没有署名，发文机关取自标题：{'、'.join(organs)}。")
    if not notice.issuers:
        warnings.append("通知中未找到署名（发文机关）。")
    if notice.sign_date is None:
        warnings.append("通知中未找到成文日期。")


def _title_fallback(notice: NoticeFields | None, metadata: dict[str, str]) -> tuple[str, str]:
    """(title, warning): the title the notice issues, else the web page's own title. Never the
    file name (it says nothing about the document): without a title the result has none, and
    saving or typesetting asks for one."""
    for text in ((notice.title or notice.body) if notice else "", metadata.get("标题", "")):
        m = re.search(r"[《〈]([^《》〈〉]{2,80})[》〉]", text)
        if m:
            return m.group(1), f"未找到文件标题，已取通知中的《{m.group(1)}》。"
    title = metadata.get("标题", "").strip()
    if title and not NOTICE_TITLE.search(title):
        return title, f"未找到文件标题，已取网页信息栏中的标题“{title}”。"
    return "", "原文中找不到文件标题（通知中的《》、文件开头的标题或分工表的标题），请填写标题。"
