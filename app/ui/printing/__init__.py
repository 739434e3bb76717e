"""Printing: a preview with page thumbnails, the system print dialog, and true-scale painting."""
