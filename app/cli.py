"""Command line: `python -m app [--db PATH] [COMMAND]`; the GUI is the default command.

Each command lives in app/commands/<name>.py with register(subparsers); later features add
their module to COMMANDS."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from app import APP_NAME, __version__
from app.services.errors import DomainError

COMMANDS = (
    "app.commands.gui",
    "app.commands.demo",
    "app.commands.selftest",
    "app.commands.render",
    "app.commands.convert",
    "app.commands.backup",
    "app.commands.import_cmd",
    "app.commands.screenshot",
)

log = logging.getLogger(__name__)


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English
        self.print_usage(sys.stderr)
        self.exit(2, f"参数有误：{message}\n使用 --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="fazhi", description=f"{APP_NAME}：法治政府建设工作要点编制与公文印发")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据文件夹；也可用环境变量 FAZHI_DB）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "gui"])
    try:
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print("程序内部错误，操作未完成，数据未受影响。详细信息已写入日志文件。", file=sys.stderr)
        return 3
