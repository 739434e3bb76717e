"""`python -m bench [NAME...]`: runs bench/bench_*.py and prints each figure against its target."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    failed = 0
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if getattr(module, "EXPLICIT_ONLY", False) and not argv:
            print(f"== {name}：用时较长，需单独运行：python -m bench {name.removeprefix('bench_')}")
            continue
        print(f"== {name}")
        for m in module.run():
            print("  " + m.line())
            failed += not m.ok
    print("全部达标。" if not failed else f"{failed} 项未达标。")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
