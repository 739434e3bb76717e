"""A first guess at the registry category of a unit the import has to create; the clerk can
change it in the unit registry."""

from __future__ import annotations

import re

_GROUP = re.compile(r"^各|有关部门$|有关单位$|各部门$|成员单位$|各单位$")
_TOWN = re.compile(r"(?:镇|乡|街道|街道办事处|苏木)$")
_JUSTICE = re.compile(r"(?:法院|检察院|法庭|检察室)$")
_PARTY = re.compile(r"^(?:中共|县委|区委|市委|州委|旗委|盟委)|(?:纪委|监委|党委|党组|工委|宣传部|组织部|统战部|政法委|编办)")
_MASS = re.compile(r"(?:总工会|工会|团委|妇联|科协|残联|工商联|公司|集团|银行)$")
_GOV = re.compile(r"(?:局|委|办|办公室|中心|厅|署)$")


def guess_category(name: str) -> str:
    """One of app.models.unit.UNIT_CATEGORIES."""
    if _GROUP.search(name):
        return "集合"
    if _TOWN.search(name):
        return "乡镇街道"
    if _JUSTICE.search(name):
        return "司法机关"
    if _PARTY.search(name):
        return "县委部门"
    if _MASS.search(name):
        return "群团企业"
    if _GOV.search(name):
        return "县政府部门"
    return "其他"
