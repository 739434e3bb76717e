"""The words that introduce unit and deadline markings, shared by cleaning, the outline and the
unit stage so that all of them agree on what a marking line is."""

from __future__ import annotations

import re

LEAD_WORDS = ("牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "主责部门", "责任主体", "负责单位",
              "承办单位", "实施单位", "主办单位", "牵头科室", "负责科室", "责任科室", "牵头处室", "负责处室", "责任处室",
              "牵头")
SUPPORT_WORDS = ("配合单位", "配合部门", "参加单位", "参加部门", "参与单位", "参与部门", "协办单位", "协助单位",
                 "协同单位", "协作单位", "配合科室", "配合处室", "配合")
DEADLINE_WORDS = ("完成时限", "完成时间", "时间节点", "时限要求", "完成期限", "办结时限", "时限", "时间")
PERSON_WORDS = ("责任人", "责任领导", "联系人")
# "（责任分工：A牵头，B配合）": roles come from the qualifiers or from the comma, as if unlabelled.
MIXED_WORDS = ("责任分工", "任务分工", "分工")
# With one of these present, 责任单位 names the units that carry the work out under the lead.
STRONG_LEAD_WORDS = ("牵头单位", "牵头部门", "牵头科室", "牵头处室", "牵头")
_RESPONSIBLE_WORDS = ("责任单位", "责任部门", "责任主体", "责任科室", "责任处室")

_ALL = sorted(LEAD_WORDS + SUPPORT_WORDS + DEADLINE_WORDS + PERSON_WORDS + MIXED_WORDS, key=len, reverse=True)
LABEL_RE = re.compile("(" + "|".join(_ALL) + r")\s*[：:]\s*")
LINE_RE = re.compile(r"^[（(【\[]?\s*(" + "|".join(_ALL) + r")\s*[：:]")


def role_of(word: str, with_strong_lead: bool = False) -> str:
    """lead | support | deadline | person | mixed"""
    if word in SUPPORT_WORDS or (with_strong_lead and word in _RESPONSIBLE_WORDS):
        return "support"
    if word in MIXED_WORDS:
        return "mixed"
    if word in DEADLINE_WORDS:
        return "deadline"
    if word in PERSON_WORDS:
        return "person"
    return "lead"


def is_marking_line(line: str) -> bool:
    """A line that only states units, a deadline or a person ("责任单位：州政府办公室")."""
    return bool(LINE_RE.match(line))
