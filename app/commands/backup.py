"""`backup [--list | --restore [NAME]]`: copies the database to the backup folder, lists the
complete copies, or puts one back in place of the database."""

from __future__ import annotations

import argparse

from app.commands.common import context_from, paths_from
from app.services.backup import create_backup, find_backup, list_backups, restore_backup
from app.services.errors import DomainError
from app.services.instance_lock import InstanceLock


def register(sub) -> None:
    p = sub.add_parser("backup", help="备份数据库到备份文件夹（--list 列出已有备份，--restore 从备份恢复）")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="只列出完好的备份")
    what.add_argument("--restore", nargs="?", const="", metavar="NAME",
                      help="用备份恢复数据库（不写名称时用最近一份完好的备份）；被替换的文件会保留在备份文件夹")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if paths_from(args).server is not None:
        return run_server(args)
    if args.list:
        return print_list(list_backups(paths_from(args).backup_dir), "还没有完好的备份。")  # the database is not opened
    if args.restore is not None:
        return restore(args)
    ctx = context_from(args, load_demo=False)
    paths = ctx.paths
    ctx.close()
    info = create_backup(paths.db_path, paths.backup_dir)
    print(f"已备份：{info.path.name}（{info.size / 1024:,.0f} KB），位于备份文件夹 {paths.backup_dir}")
    return 0


def print_list(backups: list, none: str) -> int:
    if not backups:
        print(none)
    for b in backups:
        print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.size / 1024:,.0f} KB  {b.path.name}")
    return 0


def run_server(args: argparse.Namespace) -> int:
    """A server database: pg_dump files in this PC's backup folder; restoring is the IT's job."""
    from app.services.server.pg_backup import dump_server, list_dumps
    from app.services.server.server_open import server_password

    paths = paths_from(args)
    if args.list:
        return print_list(list_dumps(paths.backup_dir), "还没有服务器数据库的备份。")
    if args.restore is not None:
        raise DomainError("服务器上的数据库不能从这里恢复：恢复会替换所有同事的数据，须由信息中心在服务器上用 "
                          "pg_restore 完成（步骤见 docs/server.md 的“备份与恢复”）。")
    ctx = context_from(args, load_demo=False)  # the server answers and the schema is this version's
    ctx.close()
    info = dump_server(paths.server, server_password(paths), paths.backup_dir)
    print(f"已备份服务器数据库：{info.path.name}（{info.size / 1024:,.0f} KB），位于备份文件夹 {paths.backup_dir}")
    return 0


def restore(args: argparse.Namespace) -> int:
    paths = paths_from(args)
    chosen = find_backup(paths.backup_dir, args.restore or None)
    with InstanceLock(paths.db_path).held("恢复备份"):
        kept = restore_backup(chosen.path, paths.db_path)
    print(f"已恢复：数据库已换成 {chosen.created:%Y-%m-%d %H:%M:%S} 的备份（{chosen.path.name}）。")
    if kept is not None:
        print(f"原来的数据库文件已保留为 {kept}")
    return 0
