"""`demo --out DIR`: writes the demo plan's outputs without touching the user's database."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from app.commands.common import demo_context, output_dir
from app.services.demo_output import write_demo_outputs
from app.services.errors import DomainError


def register(sub) -> None:
    p = sub.add_parser("demo", help="用示例数据生成输出文件（不改动您的数据库）")
    p.add_argument("--out", default="demo-output", metavar="DIR", help="输出文件夹（默认 demo-output）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = output_dir(args.out)
    with tempfile.TemporaryDirectory(prefix="fazhi-demo-") as tmp:
        ctx = demo_context(Path(tmp))
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
