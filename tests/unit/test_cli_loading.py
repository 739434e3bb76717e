"""The command line loads only what the named command needs (issue 10): convert never loads the
database layer, Alembic or Qt; help and errors still know every command."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import COMMANDS, build_parser, command_name, main, wanted_commands

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_every_module_registers_the_command_named_after_it():
    assert _subcommands(build_parser()) == [command_name(m) for m in COMMANDS]
    assert "import" in _subcommands(build_parser())


def test_a_named_command_loads_its_module_alone():
    assert wanted_commands(["--db", "x.sqlite3", "convert", "a.txt", "--pdf", "a.pdf"]) == ("app.commands.convert",)
    assert wanted_commands(["--db=x.sqlite3", "import", "a.txt"]) == ("app.commands.import_cmd",)
    assert wanted_commands([]) == ("app.commands.gui",)  # no command: the window
    assert wanted_commands(["--db", "convert"]) == ("app.commands.gui",)  # "convert" is the database's name here
    for argv in (["--help"], ["-h"], ["--version"], ["nonsense"], ["--", "convert"]):
        assert wanted_commands(argv) == COMMANDS
    assert _subcommands(build_parser(["convert", "a.txt"])) == ["convert"]


def test_help_of_a_command_and_errors_stay_chinese(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["convert", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "--pdf" in out and "显示本帮助并退出" in out
    with pytest.raises(SystemExit) as exc:
        main(["convert", "a.txt"])
    assert exc.value.code == 2
    assert "缺少参数：--pdf" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(command_name(m) in out for m in COMMANDS)


def test_convert_loads_no_database_layer_alembic_or_qt(tmp_path):
    script = ("import sys; from app.cli import main; code = main(sys.argv[1:]); "
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', 'PySide6', 'app'}), "
              "sorted(m for m in sys.modules if m.startswith(('app.models', 'app.context'))), code)")
    proc = subprocess.run([sys.executable, "-c", script, "--db", str(tmp_path / "never.sqlite3"), "convert", str(SAMPLE),
                           "--pdf", str(tmp_path / "a.pdf"), "--docx", str(tmp_path / "a.docx")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "['app'] [] 0"
    assert (tmp_path / "a.pdf").stat().st_size > 0 and (tmp_path / "a.docx").stat().st_size > 0
    assert not (tmp_path / "never.sqlite3").exists()
