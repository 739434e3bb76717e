"""设置 → 数据库 (this PC's own choice): the database file, or a shared server (host, port, database,
user, TLS mode; the password goes to the operating system's credential store), and the clerk's name
written in the audit log. A new choice takes effect at the next start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from app.server_target import DEFAULT_PORT, SSL_LABELS, SSL_MODES, ServerAddressError, make_target
from app.services.clerk import os_login
from app.services.errors import DomainError
from app.services.server import credentials, local_settings
from app.ui.widgets.no_wheel_combo import NoWheelComboBox


class DatabaseBox(QGroupBox):
    status_message = Signal(str)

    def __init__(self, ctx, submit: Callable, parent=None):
        super().__init__("数据库（本机设置）", parent)
        self.ctx = ctx
        self._submit = submit  # the window's TaskRunner.submit: connecting may take seconds
        paths = ctx.paths
        self.current = QLabel(f"当前使用：{paths.display_name}" + ("" if paths.server else f"（{paths.db_path}）"))
        self.current.setWordWrap(True)
        self.use_file = QRadioButton("本机数据库文件（只有这台电脑使用）")
        self.use_server = QRadioButton("服务器上的共用数据库（PostgreSQL，几位同事共用）")
        group = QButtonGroup(self)
        for b in (self.use_file, self.use_server):
            group.addButton(b)
        saved = local_settings.chosen_server(paths.data_dir)
        shown = paths.server.as_config() if paths.server else saved
        self.host = QLineEdit(str(shown.get("host", "")))
        self.host.setPlaceholderText("服务器地址，如 192.168.1.10")
        self.port = QLineEdit(str(shown.get("port", DEFAULT_PORT)))
        self.port.setMaximumWidth(80)
        self.dbname = QLineEdit(str(shown.get("dbname", "")))
        self.dbname.setPlaceholderText("如 fazhi")
        self.user = QLineEdit(str(shown.get("user", "")))
        self.user.setPlaceholderText("信息中心分配的用户名")
        self.sslmode = NoWheelComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(SSL_LABELS[mode], mode)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(shown.get("sslmode", "prefer"))))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("保存在系统凭据中，不写入任何文件")
        self.clerk = QLineEdit(local_settings.read_local_config(paths.data_dir).get("clerk_name", ""))
        self.clerk.setObjectName("clerkName")
        self.clerk.setPlaceholderText(f"留空则用系统登录名“{os_login()}”")
        self.clerk.editingFinished.connect(self.save_clerk)
        self.server_fields = QWidget()
        sf = QFormLayout(self.server_fields)
        sf.setContentsMargins(18, 0, 0, 0)
        addr = QHBoxLayout()
        addr.addWidget(self.host, 1)
        addr.addWidget(QLabel("端口"))
        addr.addWidget(self.port)
        sf.addRow("服务器", addr)
        sf.addRow("数据库", self.dbname)
        sf.addRow("用户名", self.user)
        sf.addRow("密码", self.password)
        sf.addRow("加密方式", self.sslmode)
        self.test_button = QPushButton("测试连接")
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test)
        self.save_button = QPushButton("保存（下次启动时生效）")
        self.save_button.setObjectName("saveDatabase")
        self.save_button.clicked.connect(self.save)
        self.result = QLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.current)
        form.addRow(self.use_file)
        form.addRow(self.use_server)
        form.addRow(self.server_fields)
        form.addRow(buttons)
        form.addRow(self.result)
        form.addRow("操作人姓名", self.clerk)
        (self.use_server if paths.server or saved.get("kind") == "server" else self.use_file).setChecked(True)
        self.use_server.toggled.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        server = self.use_server.isChecked()
        self.server_fields.setEnabled(server)
        self.test_button.setEnabled(server)

    def target(self):
        """The server the fields describe; ServerAddressError says what is missing."""
        return make_target(self.host.text(), self.dbname.text(), self.user.text(), self.port.text().strip() or 0,
                           self.sslmode.currentData())

    def test(self) -> None:
        try:
            target = self.target()
        except ServerAddressError as exc:
            self._show(str(exc), False)
            return
        password = self.password.text() or None
        self.result.setText("正在连接……")
        self._submit(lambda control: local_settings.test_connection(target, password),
                     lambda text: self._show(text, True), lambda exc: self._show(getattr(exc, "message", str(exc)), False),
                     title="正在连接服务器…", show_progress=False)

    def _show(self, text: str, ok: bool) -> None:
        self.result.setText(("✔ " if ok else "✘ ") + text)

    def save(self) -> None:
        try:
            target = self.target() if self.use_server.isChecked() else None
            if target is not None and self.password.text():
                credentials.set_password(target, self.password.text())
            local_settings.save_database(self.ctx.paths.data_dir, target)
        except ServerAddressError as exc:
            self._show(str(exc), False)
            return
        except DomainError as exc:
            self._show(exc.message, False)
            return
        self.password.clear()
        told = (f"已保存：下次启动时连接{target.label}。" if target else "已保存：下次启动时使用本机数据库文件。")
        self._show(told, True)
        self.status_message.emit(told)

    def save_clerk(self) -> None:
        name = self.clerk.text().strip()
        stored = local_settings.read_local_config(self.ctx.paths.data_dir).get("clerk_name", "")
        if name == stored:
            return
        try:
            self.ctx.set_clerk_name(name)
        except DomainError as exc:
            self._show(exc.message, False)
            return
        self.status_message.emit(f"操作记录中的姓名已改为“{self.ctx.clerk.name}”。")
