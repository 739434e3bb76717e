"""Writer processes for the crash and concurrency cases: `python -m tests.reliability.writers KIND DB …`.

Each writer prints one line per write *after* the service call returned (the transaction is
committed), flushing at once; the parent kills it at a random moment and then checks that every
printed write is in the database. "ready" is printed once the database is open."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SMALL_PLAN = ("示例县{n}号测试工作要点\n一、加强领导\n"
              "1．推进第{n}项工作。（牵头单位：县司法局；配合单位：县公安局）2026年6月底前完成。\n"
              "2．完善制度。（牵头单位：县政府办公室）2026年12月底前完成。\n")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def mixed(db: Path, seed: int) -> None:
    """Allocates 文号, adds units, imports small plans and makes backups, in turn, until killed."""
    from app.context import open_context
    from app.paths import resolve_paths
    from app.services.backup import create_backup
    from app.services.importing import import_text

    ctx = open_context(resolve_paths(db), load_demo=False)
    say("ready")
    pid = os.getpid()
    i = 0
    while True:
        i += 1
        op = (seed + i) % 4
        if op == 0:
            serial = ctx.services.notices.allocate_serial("测试发", 2026)
            say(f"serial {serial}")
        elif op == 1:
            name = f"测试单位{pid}-{i}"
            ctx.services.units.add_unit(name)
            say(f"unit {name}")
        elif op == 2:
            result = import_text(SMALL_PLAN.format(n=f"{pid}-{i}"))
            report = ctx.services.imports.store(result)
            say(f"plan {report.plan_id}")
        else:
            say("begin backup")
            info = create_backup(ctx.paths.db_path, ctx.paths.backup_dir)
            say(f"backup {info.path.name}")


def allocate(db: Path, count: int) -> None:
    from app.context import open_context
    from app.paths import resolve_paths

    ctx = open_context(resolve_paths(db), load_demo=False)
    say("ready")
    for _ in range(count):
        say(f"serial {ctx.services.notices.allocate_serial('并发发', 2026)}")
    ctx.close()


def main(argv: list[str]) -> int:
    kind, db = argv[0], Path(argv[1])
    if kind == "mixed":
        mixed(db, int(argv[2]) if len(argv) > 2 else 0)
    elif kind == "allocate":
        allocate(db, int(argv[2]))
    else:
        raise SystemExit(f"unknown writer {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
