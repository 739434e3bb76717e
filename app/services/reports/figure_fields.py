"""The yearly figures a report quotes: which ones (a setting; the built-in list follows what
reports print — 学法, 常务会议题, 规范性文件, 重大决策, 复议, 应诉, 出庭率, 政务公开, 网上可办),
who reports each, their county totals (rates computed from the summed counts), and the fields
the clerk puts in the text as {名称}, replaced by the total when the report is printed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.services.errors import ValidationError

DEFAULT_FIELDS: tuple[dict, ...] = (
    {"name": "会前学法次数", "unit": "次", "phrase": "县政府常务会议会前学法{}次", "units": ["县政府办公室"]},
    {"name": "法治专题讲座", "unit": "期", "phrase": "举办领导干部法治专题讲座{}期", "units": ["县司法局"]},
    {"name": "常务会法治议题", "unit": "个", "phrase": "县政府常务会议研究法治政府建设议题{}个",
     "units": ["县政府办公室"]},
    {"name": "规范性文件审核", "unit": "件", "phrase": "合法性审核行政规范性文件{}件", "units": ["县司法局"]},
    {"name": "规范性文件备案", "unit": "件", "phrase": "报备行政规范性文件{}件", "units": ["县司法局"]},
    {"name": "重大行政决策", "unit": "项", "phrase": "作出重大行政决策{}项", "units": ["县政府办公室"]},
    {"name": "行政复议案件", "unit": "件", "phrase": "办理行政复议案件{}件", "units": ["县司法局"]},
    {"name": "行政应诉案件", "unit": "件", "phrase": "办理行政应诉案件{}件", "units": ["县司法局"]},
    {"name": "负责人出庭应诉", "unit": "件", "phrase": "", "units": ["县司法局"]},
    {"name": "出庭应诉率", "rate": ["负责人出庭应诉", "行政应诉案件"], "phrase": "行政机关负责人出庭应诉率{}"},
    {"name": "政务公开条数", "unit": "条", "phrase": "主动公开政府信息{}条", "units": []},
    {"name": "政务服务事项", "unit": "项", "phrase": "", "units": ["县政务服务中心"]},
    {"name": "网上可办事项", "unit": "项", "phrase": "", "units": ["县政务服务中心"]},
    {"name": "网上可办率", "rate": ["网上可办事项", "政务服务事项"], "phrase": "政务服务事项网上可办率{}"},
    {"name": "执法培训人次", "unit": "人次", "phrase": "培训行政执法人员{}人次", "units": []},
)
FIELD = re.compile(r"[{｛]([^{}｛｝\n]{1,20})[}｝]")
_NAME_OK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()]{1,20}$")


@dataclass(frozen=True)
class FigureField:
    name: str
    unit: str = ""  # 次 件 项 …; empty for a rate
    phrase: str = ""  # how the opening quotes it: “办理行政复议案件{}件”
    units: tuple[str, ...] = ()  # the units asked for it; empty: every unit of the plan
    rate: tuple[str, str] | None = None  # numerator, denominator (both other fields' names)

    @property
    def collected(self) -> bool:
        return self.rate is None


def fields_from(configured: list[dict] | None) -> list[FigureField]:
    """The figures in 设置 (the built-in list when empty); a damaged entry is refused with the
    reason, so the clerk sees it where the list is edited."""
    out: list[FigureField] = []
    for k, d in enumerate(configured or DEFAULT_FIELDS, start=1):
        name = str(d.get("name", "")).strip()
        if not _NAME_OK.match(name):
            raise ValidationError(f"第{k}个数据项的名称“{name[:20]}”不可用：请用 1～20 个汉字、字母或数字。")
        rate = d.get("rate")
        out.append(FigureField(name, str(d.get("unit", "")).strip()[:6], str(d.get("phrase", "")).strip()[:60],
                               tuple(str(u) for u in d.get("units", []) or ()),
                               (str(rate[0]), str(rate[1])) if isinstance(rate, (list, tuple)) and len(rate) == 2
                               else None))
    names = [f.name for f in out]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise ValidationError(f"数据项“{'、'.join(sorted(dup))}”重名，请改名后再保存。")
    for f in out:
        if f.rate and not all(r in names for r in f.rate):
            raise ValidationError(f"比率“{f.name}”所用的数据项“{'、'.join(r for r in f.rate if r not in names)}”不存在。")
    return out


def fields_to_settings(fields: list[FigureField]) -> list[dict]:
    out = []
    for f in fields:
        d: dict = {"name": f.name, "phrase": f.phrase}
        if f.rate:
            d["rate"] = list(f.rate)
        else:
            d |= {"unit": f.unit, "units": list(f.units)}
        out.append(d)
    return out


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class FigureTotals:
    """The county totals: sums over units, rates from the sums; `reported` counts the units."""

    fields: list[FigureField]
    sums: dict[str, float] = field(default_factory=dict)
    reported: dict[str, int] = field(default_factory=dict)

    def value(self, name: str) -> float | None:
        f = next((x for x in self.fields if x.name == name), None)
        if f is None:
            return None
        if f.rate is None:
            return self.sums.get(name)
        top, bottom = self.sums.get(f.rate[0]), self.sums.get(f.rate[1])
        if top is None or not bottom:
            return None
        return round(100 * top / bottom, 1)

    def text(self, name: str) -> str | None:
        """As printed in the report: “12”, “96.4%”; None when no unit gave it."""
        f = next((x for x in self.fields if x.name == name), None)
        v = self.value(name)
        if f is None or v is None:
            return None
        return f"{format_number(v)}%" if f.rate else format_number(v)


def totals(fields: list[FigureField], values: list[tuple[str, float | None]]) -> FigureTotals:
    out = FigureTotals(fields)
    for name, value in values:
        if value is None:
            continue
        out.sums[name] = out.sums.get(name, 0.0) + value
        out.reported[name] = out.reported.get(name, 0) + 1
    return out


def place_fields(text: str, figures: FigureTotals) -> tuple[str, list[str]]:
    """The text with every {名称} replaced by its total; a field without a value becomes a visible
    placeholder 【名称】 the format checker lists. Returns the text and one note per problem."""
    known = {f.name for f in figures.fields}
    notes: list[str] = []

    def repl(m: re.Match) -> str:
        name = m.group(1).strip()
        if name not in known:
            notes.append(f"“{{{name}}}”不是数据表中的数据项。")
            return f"【{name[:12]}】"
        value = figures.text(name)
        if value is None:
            notes.append(f"数据项“{name}”还没有单位填报。")
            return f"【{name[:12]}】"
        return value

    return FIELD.sub(repl, text or ""), notes
