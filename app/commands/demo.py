"""`demo --out DIR`: writes the demo plan's outputs without touching the user's database."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from app.context import open_context
from app.paths import resolve_paths
from app.services.demo_output import write_demo_outputs
from app.services.errors import DomainError


def register(sub) -> None:
    p = sub.add_parser("demo", help="用示例数据生成输出文件（不改动您的数据库）")
    p.add_argument("--out", default="demo-output", metavar="DIR", help="输出文件夹（默认 demo-output）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"无法创建输出文件夹“{out}”：{exc.strerror or exc}") from exc
    with tempfile.TemporaryDirectory(prefix="fazhi-demo-") as tmp:
        ctx = open_context(resolve_paths(Path(tmp) / "demo.sqlite3"), load_demo=True)
        try:
            plan_id = ctx.demo_plan_id
            if plan_id is None:
                raise DomainError("示例数据未能载入。")
            written = write_demo_outputs(ctx.services.plans, ctx.services.notices, plan_id, out)
        finally:
            ctx.close()
    print(f"示例输出已写入 {out}：")
    for path in written:
        print(f"  {path.name}")
    return 0
