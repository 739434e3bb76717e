"""PySide6 front-end. Talks to services, never to a database session."""

from app.ui.qt_fixes import install_emit_fix, install_none_fix

install_emit_fix()  # before any widget emits a signal (see qt_fixes)
install_none_fix()  # before the first setText: a long session would otherwise abort (see qt_fixes)
