"""法治工作台 (Fazhi Desk)."""

from app._version import VERSION as __version__  # noqa: F401  (kept equal to pyproject.toml by a test)

APP_NAME = "法治工作台"
APP_ID = "FazhiDesk"
