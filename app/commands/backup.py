"""`backup [--list]`: copies the database to the backup folder, or lists the copies."""

from __future__ import annotations

import argparse

from app.commands.common import context_from
from app.services.backup import create_backup, list_backups


def register(sub) -> None:
    p = sub.add_parser("backup", help="备份数据库到备份文件夹（--list 列出已有备份）")
    p.add_argument("--list", action="store_true", help="只列出已有备份")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    ctx = context_from(args, load_demo=False)
    paths = ctx.paths
    ctx.close()
    if args.list:
        backups = list_backups(paths.backup_dir)
        if not backups:
            print("还没有备份。")
        for b in backups:
            print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.size / 1024:,.0f} KB  {b.path.name}")
        return 0
    info = create_backup(paths.db_path, paths.backup_dir)
    print(f"已备份：{info.path.name}（{info.size / 1024:,.0f} KB），位于备份文件夹 {paths.backup_dir}")
    return 0
