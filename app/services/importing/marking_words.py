"""The words that introduce unit and deadline markings, shared by cleaning, the outline and the
unit stage so that all of them agree on what a marking line is."""

from __future__ import annotations

import re

LEAD_WORDS = ("牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "主责部门", "责任主体", "负责单位",
              "承办单位", "实施单位", "主办单位", "牵头")
SUPPORT_WORDS = ("配合单位", "配合部门", "参加单位", "参加部门", "参与单位", "参与部门", "协办单位", "协助单位",
                 "协同单位", "协作单位", "配合")
DEADLINE_WORDS = ("完成时限", "完成时间", "时间节点", "时限要求", "完成期限", "办结时限", "时限", "时间")
PERSON_WORDS = ("责任人", "责任领导", "联系人")

_ALL = sorted(LEAD_WORDS + SUPPORT_WORDS + DEADLINE_WORDS + PERSON_WORDS, key=len, reverse=True)
LABEL_RE = re.compile("(" + "|".join(_ALL) + r")\s*[：:]\s*")
LINE_RE = re.compile(r"^[（(【\[]?\s*(" + "|".join(_ALL) + r")\s*[：:]")


def role_of(word: str) -> str:
    """lead | support | deadline | person"""
    if word in SUPPORT_WORDS:
        return "support"
    if word in DEADLINE_WORDS:
        return "deadline"
    if word in PERSON_WORDS:
        return "person"
    return "lead"


def is_marking_line(line: str) -> bool:
    """A line that only states units, a deadline or a person ("责任单位：州政府办公室")."""
    return bool(LINE_RE.match(line))
