"""Command line: `python -m app [--db PATH] [COMMAND]`; the GUI is the default command.

Each command lives in app/commands/<name>.py with register(subparsers); later features add
their module to COMMANDS. The command's name is the module's (import_cmd → import): a command
line that names its command loads only that module, so `convert` never pays for the database
layer or Qt; help, errors and unknown commands load them all."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib
import logging
import os
import re
import sys
from typing import NoReturn

from app import APP_NAME, __version__
from app.logging_setup import setup_logging, silence_console
from app.services.errors import DomainError
from app.services.system_errors import as_domain_error

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
    "app.commands.db",
    "app.commands.report",
    "app.commands.coverage",
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
        hint = dash_hint(_SEEN_ARGV)
        self.exit(2, f"参数有误：{translate_error(message)}{hint}\n使用 --help 查看用法。\n")


_SEEN_ARGV: list[str] = []  # the arguments being parsed, for the hint below
_RAN: list[str | None] = [None]  # the command main() ran last
_KNOWN_OPTIONS: set[str] = set()


def dash_hint(argv: list[str]) -> str:
    """A file name beginning with "-" is read as an option; say how to pass it."""
    for token in argv:
        if token == "--":
            break
        if token.startswith("-") and len(token) > 1 and token.split("=")[0] not in _KNOWN_OPTIONS:
            rest = [t for t in argv if t != token]
            example = " ".join([*rest, "--", token])
            return (f"。“{token}”以“-”开头，会被当作选项；如果它是文件名，请把选项写在前面、文件名写在 -- 之后"
                    f"（例如：fazhi {example}），或写成 ./{token}。")
    return ""


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


def command_name(module: str) -> str:
    return module.rsplit(".", 1)[-1].removesuffix("_cmd")


def wanted_commands(argv: list[str] | None) -> tuple[str, ...]:
    """The command modules this command line needs: the one it names, gui when it names none,
    every module for help, --version and anything unusual (argparse then speaks for them all)."""
    if argv is None:
        return COMMANDS
    by_name = {command_name(m): m for m in COMMANDS}
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help", "--version", "--"):
            return COMMANDS
        if token == "--db":
            next(tokens, None)
        elif not token.startswith("-"):
            return (by_name[token],) if token in by_name else COMMANDS
    return (by_name["gui"],)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for argv (every command when None)."""
    parser = ChineseArgumentParser(prog="fazhi", description=f"{APP_NAME}：法治政府建设工作要点编制与公文印发")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出")
    parser.add_argument("--db", metavar="PATH", help="数据库文件，或服务器地址 postgresql://用户@主机/数据库"
                        "（默认在用户数据文件夹或“设置 → 数据库”所选；也可用环境变量 FAZHI_DB）")
    parser._positionals.title = "命令"
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    for name in wanted_commands(argv):
        importlib.import_module(name).register(sub)
    _KNOWN_OPTIONS.update(_option_strings(parser))
    return parser


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    found: set[str] = set()
    for action in parser._actions:
        found.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= _option_strings(child)
    return found


def main(argv: list[str] | None = None) -> int:
    silence_console()  # until a command opens its log file, nothing is logged to the console
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    _SEEN_ARGV[:] = argv
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    _open_log(args)
    _RAN[0] = args.command
    try:
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output stopped early (… | head): nothing to say
        _quiet_stdout()
        return 1
    except Exception as exc:
        log.exception("unexpected error in command %s", args.command)
        known = as_domain_error(exc)  # a full disk, a locked database, a file in use: said in Chinese
        if known is not None:
            print(known.message, file=sys.stderr)
            return 2
        print("程序内部错误，操作未完成，数据未受影响。详细信息已写入日志文件。", file=sys.stderr)
        return 3


# Commands that hold no database, window or open file once they return: their process may end
# without freeing its objects one by one (see run_and_exit).
QUICK_EXIT = frozenset({"convert"})


def _quiet_stdout() -> None:
    """Points stdout at the null device, so that flushing it at exit cannot fail a second time
    (the way Python's documentation advises for a closed pipe)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """`python -m app`: main(), then the end of the process. After `convert` the interpreter would
    spend about a tenth of the command's time freeing font tables, the layout and XML trees one
    object at a time; the operating system frees them at once. Output and the log are flushed and
    the exit handlers run (temporary folders are removed) before the process ends."""
    code = main(argv)
    if _RAN[0] in QUICK_EXIT:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        logging.shutdown()
        atexit._run_exitfuncs()
        os._exit(code)
    sys.exit(code)


def _open_log(args: argparse.Namespace) -> None:
    """Every command logs to the data folder's log file (convert too, which opens no database)."""
    from app.commands.common import paths_from

    try:
        setup_logging(paths_from(args).log_dir)
    except Exception:  # a log that cannot be opened must not stop the command
        log.debug("log file not opened", exc_info=True)
