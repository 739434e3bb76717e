"""Issuing a notice (印发): the issued record that keeps what was issued, byte for byte."""

from app.services.issuing.issue_service import IssueService

__all__ = ["IssueService"]
