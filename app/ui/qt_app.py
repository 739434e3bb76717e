"""Creating the QApplication: Chinese translations for Qt's own dialogs, an application font."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, __version__
from app.paths import resources_dir

# Preferred UI families, first found wins (Windows, then the Debian packages of DESIGN.md §8).
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "SimSun", "WenQuanYi Zen Hei",
            "AR PL UMing CN", "Noto Sans CJK SC")


def ensure_platform() -> None:
    """Without a display, fall back to the offscreen platform instead of aborting."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def install_translations(app: QApplication) -> list[QTranslator]:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = []
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        tr = QTranslator(app)
        if tr.load(name, path):
            app.installTranslator(tr)
            loaded.append(tr)
    return loaded


def pick_ui_font() -> QFont | None:
    families = set(QFontDatabase.families())
    for fam in UI_FONTS:
        if fam in families:
            f = QFont(fam)
            f.setPointSize(10)
            return f
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    ensure_platform()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app._fazhi_translators = install_translations(app)  # keep references alive
    icon = resources_dir() / "icons" / "app.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    font = pick_ui_font()
    if font is not None:
        app.setFont(font)
    return app
