"""Whose document is it? The cover notice of an imported file is the county's own (last year's
plan, issued by the county) or a superior's (the city's or the province's plan). Only the county's
own notice goes into 公文 by default: a superior's issuer must never join the county's issuers
without the clerk deciding so."""

from __future__ import annotations

from collections.abc import Iterable

from app.services.importing.result import ImportResult
from app.services.unit_matching import canonical


def own_issuer(name: str, known: Iterable[str], region_names: Iterable[str]) -> bool:
    """An issuer already in the county's list, or one whose name starts with the county's name."""
    c = canonical(name)
    if not c:
        return False
    if any(canonical(k) == c for k in known):
        return True
    for region in region_names:
        r = canonical(region)
        if r and (c.startswith(r) or c.startswith("中共" + r)):
            return True
    return False


def issuers_are_own(issuers: Iterable[str], known: Iterable[str], region_names: Iterable[str]) -> bool:
    names = [n for n in issuers if n.strip()]
    known, regions = list(known), list(region_names)
    return bool(names) and all(own_issuer(n, known, regions) for n in names)


def skipped_notice_message(result: ImportResult, own: bool) -> str:
    n = result.notice
    who = "、".join(n.issuers) if n and n.issuers else "未署名的机关"
    number = f"（{n.doc_number}）" if n and n.doc_number else ""
    if own:
        return f"按您的选择，封面通知{number}未存入“公文”。"
    return (f"封面通知由“{who}”印发{number}，不是本县的发文机关：通知未存入“公文”，"
            "发文机关也未加入本县的发文机关名单（发文机关记在工作要点的属性中）。")
