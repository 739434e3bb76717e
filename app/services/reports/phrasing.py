"""The register of an annual report: “一是……。二是……。”, units as “县司法局牵头，县财政局配合”,
evidence documents as “印发《…》（示政办发〔2026〕8号）”, sentences without doubled marks."""

from __future__ import annotations

import re

from app.services.numbering import to_chinese

TO_FILL = "【待补充】"  # a visible placeholder: the format checker lists it until the clerk writes


def ordinal(i: int) -> str:
    return f"{to_chinese(i)}是"


def sentence(text: str) -> str:
    """One clause: trimmed, inner line breaks joined, without its final mark."""
    t = re.sub(r"\s*\n\s*", "", (text or "").strip())
    return t.rstrip("。；;，,、 ")


def units_clause(lead: list[str], support: list[str]) -> str:
    lead = [u for u in lead if u]
    support = [u for u in support if u]
    if not lead:
        return ""
    text = f"{'、'.join(lead)}牵头"
    if support:
        more = "等" if len(support) > 3 else ""
        text += f"，{'、'.join(support[:3])}{more}配合"
    return text


_DOC_NO = re.compile(r"[\u4e00-\u9fff]{2,10}〔\d{4}〕\d+号")
_BOOK = re.compile(r"《[^《》]{2,80}》")


def evidence_clause(evidence: str) -> str:
    """Documents named in the evidence, as a report cites them; other references are left out."""
    titles = _BOOK.findall(evidence or "")
    numbers = _DOC_NO.findall(evidence or "")
    if titles:
        cited = "、".join(titles[:3])
        return f"印发{cited}" + (f"（{'、'.join(numbers[:len(titles[:3])])}）" if numbers else "")
    if numbers:
        return f"相关文件：{'、'.join(numbers[:3])}"
    return ""


def join_clauses(*parts: str) -> str:
    return "，".join(p for p in (sentence(x) for x in parts) if p)


def paragraph(head: str, body: str) -> str:
    """“一是标题。正文。”"""
    head, body = sentence(head), sentence(body)
    return f"{head}。{body}。" if body else f"{head}。"
