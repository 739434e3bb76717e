"""Typed SQLAlchemy 2 ORM. No Qt and no business rules here."""

from app.models.audit import AuditLog
from app.models.base import Base
from app.models.coverage import CoverageLink, CoverageNote, Indicator, IndicatorSystem
from app.models.issued import IssuedFile, IssuedRecord
from app.models.notice import DocNumberCounter, Issuer, Notice, NoticeIssuer
from app.models.plan import Plan
from app.models.progress import ProgressEntry
from app.models.report import AnnualReport, FigureReturn, ReportFigure, ReportSection
from app.models.setting import Setting
from app.models.task import Assignment, PlanNode
from app.models.tracking import (
    ExtensionRequest,
    FormReturn,
    Milestone,
    ReportingPeriod,
    ReportingSchedule,
    TaskClosure,
    TrackingDocument,
)
from app.models.unit import Unit, UnitAlias

__all__ = [
    "AnnualReport",
    "Assignment",
    "AuditLog",
    "Base",
    "CoverageLink",
    "CoverageNote",
    "DocNumberCounter",
    "ExtensionRequest",
    "FigureReturn",
    "FormReturn",
    "Indicator",
    "IndicatorSystem",
    "IssuedFile",
    "IssuedRecord",
    "Issuer",
    "Milestone",
    "Notice",
    "NoticeIssuer",
    "Plan",
    "PlanNode",
    "ProgressEntry",
    "ReportFigure",
    "ReportSection",
    "ReportingPeriod",
    "ReportingSchedule",
    "Setting",
    "TaskClosure",
    "TrackingDocument",
    "Unit",
    "UnitAlias",
]
