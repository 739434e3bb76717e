"""Command line: `python -m app [--db PATH] [COMMAND]`; the GUI is the default command.

Each command lives in app/commands/<name>.py with register(subparsers); later features add
their module to COMMANDS."""

from __future__ import annotations

import argparse
import importlib
import logging
import re
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
    "app.commands.track",
)

log = logging.getLogger(__name__)


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own words in Chinese: usage, section titles, -h and errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"参数有误：{translate_error(message)}\n使用 --help 查看用法。\n")


# argparse's error texts, in Chinese; anything else is shown as argparse wrote it.
_ERRORS = (
    (re.compile(r"argument (\S+): invalid choice: '?([^' ]+)'? \(choose from (.*)\)"),
     lambda m: f"{m[1]} 不能是“{m[2]}”，可选：{m[3].replace(chr(39), '')}"),
    (re.compile(r"the following arguments are required: (.*)"), lambda m: f"缺少参数：{m[1]}"),
    (re.compile(r"unrecognized arguments: (.*)"), lambda m: f"无法识别的参数：{m[1]}"),
    (re.compile(r"argument (\S+): expected one argument"), lambda m: f"{m[1]} 后面需要一个值"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '?([^']*)'?"), lambda m: f"{m[1]} 的值“{m[3]}”无效"),
)


def translate_error(message: str) -> str:
    for pattern, say in _ERRORS:
        m = pattern.search(message)
        if m:
            return say(m)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="fazhi", description=f"{APP_NAME}：法治政府建设工作要点编制与公文印发")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据文件夹；也可用环境变量 FAZHI_DB）")
    parser._positionals.title = "命令"
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
