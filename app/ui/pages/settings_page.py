"""设置 page: county name, default issuer, print mode, issuers, 督办 defaults, fonts, data folder and backups,
and this PC's database (file or server) and clerk name."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.backup import create_backup, list_backups
from app.ui.dialogs import messages
from app.ui.error_reporting import reports_errors
from app.ui.widgets.database_box import DatabaseBox
from app.ui.widgets.tracking_settings_box import TrackingSettingsBox

PRINT_MODES = (("color", "彩色（红头、印章套红）"), ("overlay", "套红纸（不印红色部分）"), ("mono", "黑白"))
FONT_ROLES = (("xbs", "小标宋（标题、发文机关标志）"), ("fang", "仿宋（正文）"), ("hei", "黑体（一级标题）"),
              ("kai", "楷体（二级标题）"), ("song", "宋体（页码）"))


class SettingsPage(QScrollArea):
    status_message = Signal(str)
    settings_changed = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        # the page scrolls down only; every row below is narrow enough for 1024×700 and 150 %
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        s = ctx.settings

        self.county = QLineEdit(s.county_name)
        self.county.setObjectName("countyEdit")
        self.county.editingFinished.connect(self._county_changed)
        self.default_issuer = QComboBox()
        self.default_issuer.setObjectName("defaultIssuer")
        self.default_issuer.currentIndexChanged.connect(
            lambda _i: self._set("default_issuer_id", self.default_issuer.currentData()))
        self.print_mode = QComboBox()
        self.print_mode.setObjectName("printMode")
        for key, text in PRINT_MODES:
            self.print_mode.addItem(text, key)
        self.print_mode.setCurrentIndex(max(0, self.print_mode.findData(s.print_mode)))
        self.print_mode.currentIndexChanged.connect(lambda _i: self._set("print_mode", self.print_mode.currentData()))
        general = QGroupBox("基本")
        f = QFormLayout(general)
        f.addRow("本县（区）名称", self.county)
        f.addRow("默认发文机关", self.default_issuer)
        f.addRow("打印方式", self.print_mode)

        self.issuers = QListWidget()
        self.issuers.setObjectName("issuerList")
        self.issuers.setMaximumHeight(90)
        self.issuers.currentItemChanged.connect(self._issuer_selected)
        self.issuer_name = QLineEdit()
        self.issuer_name.setPlaceholderText("如“示例县人民政府办公室”")
        self.issuer_header = QLineEdit()
        self.issuer_header.setPlaceholderText("如“示例县人民政府办公室文件”（可空）")
        self.issuer_prefix = QLineEdit()
        self.issuer_prefix.setPlaceholderText("如“示政办发”")
        add_issuer = QPushButton("添加发文机关")
        add_issuer.clicked.connect(self.add_issuer)
        self.update_issuer_button = QPushButton("保存修改")
        self.update_issuer_button.setObjectName("updateIssuer")
        self.update_issuer_button.setToolTip("把上面选中的发文机关改为左边填写的全称、标志和代字")
        self.update_issuer_button.setEnabled(False)
        self.update_issuer_button.clicked.connect(self.update_issuer)
        issuer_box = QGroupBox("发文机关")
        il = QVBoxLayout(issuer_box)
        il.addWidget(self.issuers)
        new_issuer = QFormLayout()
        new_issuer.addRow("全称", self.issuer_name)
        new_issuer.addRow("发文机关标志", self.issuer_header)
        prefix_row = QHBoxLayout()
        prefix_row.addWidget(self.issuer_prefix, 1)
        prefix_row.addWidget(add_issuer)
        prefix_row.addWidget(self.update_issuer_button)
        new_issuer.addRow("代字", prefix_row)
        il.addLayout(new_issuer)

        font_box = QGroupBox("公文字体（留空则自动查找：Windows 字体 → 程序自带字体）")
        ff = QFormLayout(font_box)
        self.font_edits: dict[str, QLineEdit] = {}
        for role, label in FONT_ROLES:
            edit = QLineEdit(s.font_paths.get(role, ""))
            edit.setPlaceholderText("自动")
            edit.editingFinished.connect(self._save_fonts)
            pick = QPushButton("选择…")
            pick.clicked.connect(lambda _=False, r=role: self._pick_font(r))
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            line.addWidget(pick)
            ff.addRow(label, line)
            self.font_edits[role] = edit
        self.font_report = QLabel("（打开本页时检查字体）")
        self.font_report.setObjectName("fontReport")
        self.font_report.setWordWrap(True)
        ff.addRow("当前使用", self.font_report)

        data_box = QGroupBox("数据")
        df = QFormLayout(data_box)
        paths = ctx.paths
        where = ("数据库", paths.display_name) if paths.server else ("数据库文件", paths.db_path)
        for label, value in (where, ("备份文件夹", paths.backup_dir), ("日志文件夹", paths.log_dir)):
            v = QLabel(str(value))
            v.setWordWrap(True)
            df.addRow(label, v)
        self.backup_label = QLabel()
        backup = QPushButton("立即备份")
        backup.setObjectName("backupButton")
        backup.clicked.connect(self.backup_now)
        brow = QHBoxLayout()
        brow.addWidget(self.backup_label, 1)
        brow.addWidget(backup)
        df.addRow("备份", brow)

        self.tracking_box = TrackingSettingsBox(s, self._set)
        self.database_box = DatabaseBox(ctx, lambda *a, **k: self.ctx.runner.submit(*a, **k))
        self.database_box.status_message.connect(self.status_message)
        body = QWidget()
        lay = QVBoxLayout(body)
        for box in (general, issuer_box, self.tracking_box, font_box, data_box, self.database_box):
            lay.addWidget(box)
        lay.addStretch(1)
        self.setWidget(body)
        self._fonts_checked = False
        self.reload()

    def activate(self) -> None:
        self.reload()
        if not self._fonts_checked:
            self._fonts_checked = True
            self._check_fonts()

    def reload(self) -> None:
        if not self.county.hasFocus():  # the first start may have set it behind this page
            self.county.setText(self.ctx.settings.county_name)
        issuers = self.ctx.services.notices.list_issuers()
        self.issuers.clear()
        self.default_issuer.blockSignals(True)
        self.default_issuer.clear()
        self.default_issuer.addItem("（无）", None)
        for i in issuers:
            item = QListWidgetItem(f"{i.name}　代字：{i.prefix or '—'}　标志：{i.header_text}")
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.issuers.addItem(item)
            self.default_issuer.addItem(i.name, i.id)
        self.default_issuer.setCurrentIndex(max(0, self.default_issuer.findData(self.ctx.settings.default_issuer_id)))
        self.default_issuer.blockSignals(False)
        self.tracking_box.set_issuers(issuers, self.ctx.settings.track_issuer_id)
        backups = self._backups()
        self.backup_label.setText(f"已有 {len(backups)} 份备份" + (
            f"，最近一次 {backups[0].created:%Y-%m-%d %H:%M}" if backups else ""))

    def _set(self, key: str, value) -> None:
        if getattr(self.ctx.settings, key) == value:
            return
        self.ctx.set_setting(key, value)
        self.settings_changed.emit()
        self.status_message.emit("设置已保存。")

    def _county_changed(self) -> None:
        name = self.county.text().strip()
        self._set("county_name", name)
        self.ctx.services.units.region_names = (name,) if name else ()  # 示例县司法局 = 县司法局

    def _save_fonts(self) -> None:
        paths = {r: e.text().strip() for r, e in self.font_edits.items() if e.text().strip()}
        if paths != self.ctx.settings.font_paths:
            self._set("font_paths", paths)
            self._check_fonts()

    def _pick_font(self, role: str) -> None:
        path = messages.open_file(self, "选择字体文件", "TrueType 字体 (*.ttf *.ttc)")
        if path:
            self.font_edits[role].setText(path)
            self._save_fonts()

    def _check_fonts(self) -> None:
        from app.services.documents.fonts import resolve_fonts

        configured = dict(self.ctx.settings.font_paths)
        self.ctx.runner.submit(lambda control: resolve_fonts(self.ctx.resources, configured),
                               self._show_fonts, self._font_error, title="正在检查字体…", show_progress=False)

    def _show_fonts(self, choice) -> None:
        lines = choice.describe() + [s.text() for s in choice.role_substitutions]
        self.font_report.setText("\n".join(lines))

    def _font_error(self, exc: BaseException) -> None:
        self.font_report.setText(getattr(exc, "message", "字体检查失败。"))

    @reports_errors
    def add_issuer(self) -> None:
        issuer = self.ctx.services.notices.add_issuer(self.issuer_name.text(), self.issuer_header.text(),
                                                      self.issuer_prefix.text())
        self._issuer_saved(f"已添加发文机关“{issuer.name}”。")

    def _issuer_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        issuer = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.update_issuer_button.setEnabled(issuer is not None)
        if issuer is not None:
            self.issuer_name.setText(issuer.name)
            self.issuer_header.setText(issuer.header_text)
            self.issuer_prefix.setText(issuer.prefix)

    @reports_errors
    def update_issuer(self) -> None:
        item = self.issuers.currentItem()
        if item is None:
            return
        issuer = self.ctx.services.notices.update_issuer(item.data(Qt.ItemDataRole.UserRole).id,
                                                         self.issuer_name.text(), self.issuer_header.text(),
                                                         self.issuer_prefix.text())
        self._issuer_saved(f"已修改发文机关“{issuer.name}”。")

    def _issuer_saved(self, text: str) -> None:
        for e in (self.issuer_name, self.issuer_header, self.issuer_prefix):
            e.clear()
        self.reload()
        self.settings_changed.emit()
        self.status_message.emit(text)

    def _backups(self) -> list:
        if self.ctx.paths.server is not None:
            from app.services.server.pg_backup import list_dumps

            return list_dumps(self.ctx.paths.backup_dir)
        return list_backups(self.ctx.paths.backup_dir)

    def backup_now(self) -> None:
        paths = self.ctx.paths
        if paths.server is not None:  # pg_dump into this PC's backup folder (or why it cannot)
            from app.services.server.pg_backup import dump_server
            from app.services.server.server_open import server_password

            work = lambda control: dump_server(paths.server, server_password(paths), paths.backup_dir)  # noqa: E731
        else:
            work = lambda control: create_backup(paths.db_path, paths.backup_dir)  # noqa: E731
        self.ctx.runner.submit(work,
                               lambda info: (self.reload(), self.status_message.emit(f"已备份到 {info.path.name}")),
                               title="正在备份数据库…")
