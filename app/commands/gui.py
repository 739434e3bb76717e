import argparse


def register(sub) -> None:
    p = sub.add_parser("gui", help="打开图形界面（默认）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.main import run_gui  # Qt is imported only when the window is wanted

    return run_gui(args)
