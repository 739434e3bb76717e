"""法治工作台 (Fazhi Desk)."""

from importlib import metadata as _metadata

APP_NAME = "法治工作台"
APP_ID = "FazhiDesk"

try:
    __version__ = _metadata.version("fazhi-desk")
except _metadata.PackageNotFoundError:  # frozen bundle or a plain checkout
    from app._version import VERSION as __version__  # noqa: F401
