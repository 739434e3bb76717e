"""Settings declared once, typed, stored in the database so a backup carries them."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, fields

from sqlalchemy.orm import Session, sessionmaker

from app.models import Setting
from app.models.database import session_scope
from app.services.errors import ValidationError

log = logging.getLogger(__name__)


@dataclass
class Settings:
    county_name: str = ""  # asked by the first-start dialog; 设置 changes it
    default_issuer_id: int | None = None
    print_mode: str = "color"  # color | overlay (套红) | mono
    font_paths: dict[str, str] = field(default_factory=dict)  # role → file chosen by the clerk
    last_plan_id: int | None = None
    recent_files: list[str] = field(default_factory=list)
    last_folder: str = ""  # where the last file was opened or saved: the next dialog starts there
    fonts_reported: str = ""  # the font substitutions the clerk was last told about (once, not per export)
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    demo_loaded: bool = False  # the 示例县 sample was loaded into this database
    sample_database: bool = False  # a database made to hold the sample (打开示例, demo, screenshot)
    first_start_done: bool = False  # the first-start dialog was answered (or put aside) here
    sample_offer_made: bool = False  # the clerk kept an old untouched sample when offered its removal
    # 督办 (county defaults; a plan's own schedule is set on the 督办 page)
    track_rhythm: str = "monthly"  # monthly | quarterly | half-year | year-end
    track_due_day: int = 25  # units report by this day …
    track_due_next_month: bool = False  # … of the month after the period instead of its last month
    track_warn_days: int = 15  # 黄灯 this many days before the deadline
    track_lag_yellow: int = 10  # 黄灯 when this many points behind 序时进度 …
    track_lag_red: int = 30  # … 红灯 when more than this many
    track_unreported_light: str = "黄"  # 未报送 by the due date: 黄 or 红
    track_issuer_id: int | None = None  # 发文机关 of 催报 / 督办通知 / 通报 (None: the default issuer)
    track_bulletin_prefix: str = ""  # 代字 of the 通报 series; its 序号 is the 期数 (empty: issuer 代字 + 督)
    track_annual_dates: list[dict] = field(default_factory=list)  # [{"month", "day", "text"}]; empty: built-in
    # 年度报告 (defaults for a new year's report; the report page changes one year's)
    report_part_order: list[str] = field(default_factory=list)  # part keys; empty: the statutory order
    report_duty_placement: str = "chapter"  # chapter | section: the 第一责任人 part on its own or inside 一
    report_superior: str = ""  # 主送 of the joint report: “中共××市委、××市人民政府”
    report_joint_cc: str = ""  # 抄送 of the joint report, e.g. the city's 依法治市办
    report_gov_cc: str = ""  # 抄送 of the 县政府 report
    report_figure_fields: list[dict] = field(default_factory=list)  # the figures sheet; empty: built-in


_FIELD_NAMES = {f.name for f in fields(Settings)}
SAMPLE_COUNTY = "示例县"

# What the clerk reads when a stored value is damaged or of the wrong shape
LABELS = {"county_name": "县名", "default_issuer_id": "默认发文机关", "print_mode": "印制方式",
          "font_paths": "字体文件", "last_plan_id": "上次打开的工作要点", "recent_files": "最近打开的文件",
          "last_folder": "上次使用的文件夹", "fonts_reported": "已说明的字体替代", "window_geometry": "窗口位置",
          "demo_loaded": "示例数据", "sample_database": "示例数据库", "first_start_done": "首次使用",
          "sample_offer_made": "示例删除询问", "track_rhythm": "督办报送周期", "track_due_day": "督办报送日",
          "track_due_next_month": "督办报送月份", "track_warn_days": "临期黄灯天数", "track_lag_yellow": "序时黄灯阈值",
          "track_lag_red": "序时红灯阈值", "track_unreported_light": "未报送灯色", "track_issuer_id": "督办发文机关",
          "track_bulletin_prefix": "督查通报代字", "track_annual_dates": "年度报告日期",
          "report_part_order": "年度报告各部分顺序", "report_duty_placement": "第一责任人部分的位置",
          "report_superior": "联合报告的主送机关", "report_joint_cc": "联合报告的抄送机关",
          "report_gov_cc": "县政府报告的抄送机关", "report_figure_fields": "年度数据表的数据项"}
# Values with a fixed set of choices; every other value is checked by its declared type.
_CHOICES = {"print_mode": ("color", "overlay", "mono"), "track_rhythm": ("monthly", "quarterly", "half-year", "year-end"),
            "track_unreported_light": ("黄", "红"), "report_duty_placement": ("chapter", "section")}
_TYPE_WORDS = {"str": "文字", "int": "整数", "int | None": "编号", "bool": "是或否",
               "dict[str, str]": "“名称 → 文字”的对应表", "list[str]": "文字的列表", "list[dict]": "条目的列表"}
_TYPES = {f.name: f.type for f in fields(Settings)}  # the annotations as written (postponed: strings)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


_CHECK = {
    "str": lambda v: isinstance(v, str),
    "int": _is_int,
    "int | None": lambda v: v is None or (_is_int(v) and v > 0),
    "bool": lambda v: isinstance(v, bool),
    "dict[str, str]": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str)
                                                          for k, x in v.items()),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "list[dict]": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
}


def shape_problem(key: str, value) -> str:
    """"" when the value has the shape of its setting; else a Chinese sentence saying what was wanted."""
    if key in _CHOICES:
        if value in _CHOICES[key]:
            return ""
        wanted = "、".join(_CHOICES[key])
    elif _CHECK[_TYPES[key]](value):
        return ""
    else:
        wanted = _TYPE_WORDS[_TYPES[key]]
    return f"设置“{LABELS.get(key, key)}”的值格式不正确（应为{wanted}）"


class SettingsService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory
        self.problems: list[str] = []  # values found damaged or of the wrong shape at the last load

    def load(self) -> Settings:
        """Every stored value of the right shape; a damaged or wrong-shaped one (a list where the font
        files' mapping belongs) falls back to its default and is named in `problems`."""
        with session_scope(self._sf) as s:
            stored = {row.key: row.value for row in s.query(Setting).all()}
        values = {}
        self.problems = []
        for key, raw in stored.items():
            if key not in _FIELD_NAMES:
                continue
            try:
                value = json.loads(raw)
            except (ValueError, TypeError):
                self.problems.append(f"设置“{LABELS.get(key, key)}”的值已损坏，已改用默认值。")
                continue
            why = shape_problem(key, value)
            if why:
                self.problems.append(f"{why}，已改用默认值；请在“设置”中重新选择。")
                continue
            values[key] = value
        if "county_name" not in values and values.get("demo_loaded") is True:
            values["county_name"] = SAMPLE_COUNTY  # databases that got the sample before the county was asked
        for line in self.problems:
            log.warning("%s", line)
        return Settings(**values)

    def set(self, key: str, value) -> None:
        if key not in _FIELD_NAMES:
            raise KeyError(key)
        why = shape_problem(key, value)
        if why:
            raise ValidationError(f"{why}，未保存。")
        with session_scope(self._sf, immediate=True) as s:  # merge reads, then writes
            s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
