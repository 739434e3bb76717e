"""The window's 对照 menu, kept apart so the window can build it without loading the page."""

# (text, method of CoverageActions); None is a separator
MENU = (("导入上级文件…", "import_superior"), ("导入指标体系…", "import_indicators"), None,
        ("导出对照情况 Excel…", "export_xlsx"), ("把对照表附到印发通知", "attach_table"))
