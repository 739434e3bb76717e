"""Web-page furniture around a document copied from a government site: breadcrumbs, the 索引号
metadata block, share/print links and the footer menu. The metadata is kept (成文日期 and
发文字号 can stand in for a missing cover) and every dropped line is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.services.importing.labels import parse_label

META_KEYS = ("索引号", "发布机构", "发文机关", "发文单位", "公开方式", "组配分类", "主题分类", "体裁分类", "信息分类",
             "发文字号", "文号", "成文日期", "成文时间", "发布日期", "发布时间", "印发日期", "生效日期", "废止日期",
             "公文时效", "时效性", "有效性", "效力状态", "公开时限", "公开范围", "公开形式", "信息来源", "文章来源",
             "来源", "责任编辑", "编辑", "作者", "浏览次数", "点击数", "阅读次数", "访问次数", "字号", "字体",
             "主题词", "关键词", "所属机构", "统一编号", "标题", "制发机构", "发布单位", "成文单位")
# Pages set keys out as "索 引 号", and as cells of a "|" table as well as with a colon.
_KEY_ALT = "|".join(r"\s?".join(k) for k in sorted(META_KEYS, key=len, reverse=True))
_META_LINE = re.compile(rf"^[\[【|｜]?\s*(?:{_KEY_ALT})\s*(?:[\]】|｜]|[:：])")
_META_PAIR = re.compile(rf"[\[【|｜]?\s*({_KEY_ALT})\s*(?:[\]】|｜]\s*|[:：]\s*)")
_PUNCT_ONLY = re.compile(r"^[\s:：,，.。;；_\-—·•*]+$")  # never "|": an empty cell of a "|" table
_BREADCRUMB = re.compile(r"(?:当前|您的|现在的|所在)的?位置\s*[:：]")
_NAV_LINE = re.compile(r"^[>›»〉]|首页\s*[>›»〉]")
_BANNER = re.compile(r"^今天是|^无障碍|^(?:简体|繁体)\s*[|｜]|^(?:设为首页|加入收藏)")
_SITE_NAMES = re.compile(r"^[\u4e00-\u9fff]{2,15}(?:网|门户)(?:\s*[|｜]\s*[\u4e00-\u9fff]{2,15}(?:网|门户))+$")
# Lines that mark the end of the article on a web page; what follows them is the site footer.
_END_MARKERS = re.compile(
    r"^(?:[\[【]\s*)?(?:扫一扫在手机(?:上)?(?:打开|查看)|打印本页|关闭窗口|打印\s*关闭|【?打印】?\s*【?关闭】?|分享到|"
    r"相关链接|相关文件|相关稿件|相关阅读|上一篇|下一篇|返回顶部|网站地图|版权所有|Copyright|©|主办[:：]|承办[:：]|"
    r"技术支持|网站标识码|.*ICP备)"
)
_SINGLE_FURNITURE = re.compile(
    r"^(?:[\[【]\s*)?(?:打印|关闭|收藏|纠错|打印本页|关闭窗口|字体[:：]?\s*大\s*中\s*小|分享(?:到)?[:：]?|"
    r"扫一扫在手机(?:上)?(?:打开|查看)当前页(?:面)?|【?\s*(?:大|中|小)\s*】?)(?:\s*[\]】])?$"
)


@dataclass
class FurnitureReport:
    removed: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)


def parse_metadata(line: str) -> dict[str, str]:
    """"索引号: 1150/2022-00025 发布机构: 綦江区政府办公室" → {"索引号": …, "发布机构": …}."""
    found = list(_META_PAIR.finditer(line))
    out: dict[str, str] = {}
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(line)
        value = line[m.end():end].strip(" []【】|｜")
        key = re.sub(r"\s", "", m.group(1))
        if value and key not in out:
            out[key] = value
    return out


def is_meta_line(line: str) -> bool:
    return bool(_META_LINE.match(line)) and len(line) <= 160 and not line.endswith("。")


def remove_furniture(lines: list[str]) -> tuple[list[str], FurnitureReport]:
    report = FurnitureReport()
    keep: list[str] = []
    in_breadcrumb = False
    for line in lines:
        s = line.strip()
        if not s:
            keep.append(line)
            continue
        drop = False
        if _END_MARKERS.match(s):
            pass  # decided by _cut_footer, which looks at what follows
        elif _PUNCT_ONLY.match(s):
            drop = True  # what is left of a layout table: ":", "|||"
        elif _BREADCRUMB.search(s) and len(s) <= 120 and "。" not in s:
            drop, in_breadcrumb = True, True
        elif (in_breadcrumb and _NAV_LINE.search(s)) or (_NAV_LINE.search(s) and "首页" in s):
            drop = True
        elif is_meta_line(s):
            drop = True
            for key, value in parse_metadata(s).items():
                report.metadata.setdefault(key, value)
        elif _SITE_NAMES.match(s) or _SINGLE_FURNITURE.match(s) or (_BANNER.search(s) and len(s) <= 60):
            drop = True
        if not _NAV_LINE.search(s) and not _BREADCRUMB.search(s):
            in_breadcrumb = False
        if drop:
            report.removed.append(s)
        else:
            keep.append(line)
    return _cut_footer(keep, report), report


def _cut_footer(lines: list[str], report: FurnitureReport) -> list[str]:
    """From an end-of-article marker on, a run of short lines without sentences is the footer."""
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or not _END_MARKERS.match(s):
            continue
        tail = [t.strip() for t in lines[i + 1:] if t.strip()]
        if all(len(t) <= 40 and "。" not in t and "|" not in t and parse_label(t) is None for t in tail):
            report.removed.extend([s, *tail])
            return lines[:i]
        if _SINGLE_FURNITURE.match(s) or (len(s) <= 60 and "。" not in s):
            report.removed.append(s)
            lines = [*lines[:i], "", *lines[i + 1:]]
    return lines
