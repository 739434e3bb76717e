"""The window's 年度报告 menu, kept apart so the window can build it without loading the page."""

# (text, method of ReportActions); None is a separator
MENU = (("起草 / 重新起草", "draft"), None, ("导出县政府报告（报县委、县人大）…", "export_gov"),
        ("导出联合报告（报上级党委、政府）…", "export_joint"), ("导出公开版…", "export_public"), None,
        ("导出年度数据表…", "export_sheets"), ("导入回收数据表…", "import_sheets"))
