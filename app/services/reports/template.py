"""The report's skeleton: the five statutory parts (中办国办 厅字〔2019〕28号, 第二十四条 practice),
their order and headings, where the 第一责任人 part sits, and each variant's title, addressee and
signing organs. What varies between counties is a setting, read through ReportTemplate."""

from __future__ import annotations

from dataclasses import dataclass

MEASURES, SHORTCOMINGS, DUTY, NEXT_YEAR, OTHER = "measures", "shortcomings", "duty", "next_year", "other"
OPENING = "opening"
PARTS = (MEASURES, SHORTCOMINGS, DUTY, NEXT_YEAR, OTHER)  # the order of the statutory list
PART_NAMES = {MEASURES: "主要举措和成效", SHORTCOMINGS: "存在的不足和原因",
              DUTY: "党政主要负责人履行推进法治建设第一责任人职责情况", NEXT_YEAR: "下一年度主要安排",
              OTHER: "其他需要报告的情况"}
CHAPTER, SECTION = "chapter", "section"  # the 第一责任人 part as a chapter of its own, or inside 一
PLACEMENTS = {CHAPTER: "单独成章", SECTION: "作为“主要举措和成效”的第一节"}
GOV, JOINT = "gov", "joint"
VARIANTS = {GOV: "县政府报县委、县人大常委会", JOINT: "县委、县政府联合报上级党委、政府"}


def part_order(configured: list[str] | str | None) -> list[str]:
    """The five parts in the configured order: unknown keys are dropped, missing ones appended in
    statutory order (a damaged setting never loses a part)."""
    if isinstance(configured, str):
        configured = [k.strip() for k in configured.split(",")]
    seen = [k for k in dict.fromkeys(configured or []) if k in PARTS]
    return seen + [k for k in PARTS if k not in seen]


def measures_key(part_id: int | None) -> str:
    return f"{MEASURES}:{part_id if part_id is not None else 0}"


def is_measures(key: str) -> bool:
    return key.startswith(f"{MEASURES}:")


@dataclass(frozen=True)
class Organs:
    county: str  # 示例县
    gov: str  # 示例县人民政府
    party: str  # 中共示例县委员会 (署名, 发文机关标志)
    party_short: str  # 中共示例县委 (title, 主送)
    congress: str  # 示例县人大常委会


def organs_for(county: str, gov_name: str = "", party_name: str = "") -> Organs:
    county = county.strip() or "【本县】"
    gov = gov_name.strip() or f"{county}人民政府"
    party = party_name.strip() or f"中共{county}委员会"
    short = party.removesuffix("员会") if party.endswith("委员会") else party
    return Organs(county, gov, party, short, f"{county}人大常委会")


def title_for(variant: str, organs: Organs, year: int) -> str:
    what = f"关于{year}年度法治政府建设情况的报告"
    return f"{organs.gov}{what}" if variant == GOV else f"{organs.party_short}　{organs.gov}{what}"


def recipients_for(variant: str, organs: Organs, superior: str) -> str:
    """县政府 → 县委、县人大常委会; joint → the 上级 党委、政府 set in 设置 (a placeholder until then)."""
    if variant == GOV:
        return f"{organs.party_short}、{organs.congress}："
    return f"{superior.strip().rstrip('：:') or '【上级党委】、【上级政府】'}："


def signing_organs(variant: str, organs: Organs) -> list[str]:
    return [organs.gov] if variant == GOV else [organs.party, organs.gov]
