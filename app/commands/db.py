"""`db copy --to postgresql://… | --from postgresql://…`: moves an office's database onto a server
(or takes an offline copy back into a file), then verifies every table."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import paths_from
from app.services.errors import DomainError


def register(sub) -> None:
    p = sub.add_parser("db", help="数据库：复制到服务器（db copy --to）或从服务器复制回文件（db copy --from）")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(p))
    c = what.add_parser("copy", help="把本机数据库文件复制到服务器上的空数据库，或反过来；复制后逐表校验")
    way = c.add_mutually_exclusive_group(required=True)
    way.add_argument("--to", metavar="URL", help="目标：服务器上的空数据库，如 postgresql://fazhi@192.168.1.10/fazhi")
    way.add_argument("--from", dest="source", metavar="URL",
                     help="来源：服务器上的数据库；复制到 --db 指定的新文件")
    c.set_defaults(func=run_copy)


def run_copy(args: argparse.Namespace) -> int:
    from app.server_target import is_server_url

    url = args.to or args.source
    if not is_server_url(url):
        raise DomainError("--to / --from 后面应是服务器地址，如 postgresql://fazhi@192.168.1.10/fazhi。")
    if args.source and not getattr(args, "db", None):
        raise DomainError("从服务器复制时，请用 --db 指定要新建的数据库文件，如 fazhi --db 副本.sqlite3 db copy --from …")
    from app.services.server.copy_run import copy_file_to_server, copy_server_to_file

    paths = paths_from(args)
    if paths.server is not None:
        raise DomainError("--db 应是本机的数据库文件；服务器地址请写在 --to 或 --from 后面。")
    if args.to:
        checks = copy_file_to_server(paths, url, say=print)
        where = "服务器"
    else:
        checks = copy_server_to_file(url, Path(paths.db_path), paths.backup_dir, say=print)
        where = f"文件 {paths.db_path}"
    rows = sum(c.rows for c in checks)
    print(f"已复制到{where}并校验：{len(checks)} 个表、共 {rows} 行，行数和每个表的校验值（SHA-256）都与源数据库一致。")
    return 0
