"""The window's 督办 menu, kept apart so the window can build it without loading the 督办 page."""

# the window's 督办 menu: (text, method of TrackingActions); None is a separator
MENU = (("导出本期进展报表…", "export_forms"), ("导入回收报表…", "import_returns"), None,
        ("生成催报通知", "remind"), ("生成督办通知", "supervise"), ("生成督查通报", "bulletin"),
        ("导出通报附表 Excel…", "export_bulletin_table"), None, ("导出整个台账 Excel…", "export_ledger"), None,
        ("报送周期…", "edit_schedule"), ("修改本期截止日…", "edit_due"))
