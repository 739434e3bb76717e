from pathlib import Path

from app.paths import DB_FILENAME, resolve_paths


def test_default_is_the_user_data_folder(tmp_path):
    p = resolve_paths(environ={}, frozen=False, exe_dir=tmp_path)
    assert p.db_path.name == DB_FILENAME and not p.portable
    assert "FazhiDesk" in str(p.data_dir)
    assert p.backup_dir.parent == p.data_dir


def test_env_then_flag_override(tmp_path):
    env = {"FAZHI_DB": str(tmp_path / "env.sqlite3")}
    assert resolve_paths(environ=env, frozen=False).db_path == tmp_path / "env.sqlite3"
    flag = resolve_paths(tmp_path / "flag.sqlite3", environ=env, frozen=False)
    assert flag.db_path == tmp_path / "flag.sqlite3"
    assert flag.backup_dir == tmp_path / "backups"


def test_portable_mode_only_when_frozen_with_marker(tmp_path):
    assert not resolve_paths(environ={}, frozen=True, exe_dir=tmp_path).portable
    (tmp_path / "portable").write_text("")
    p = resolve_paths(environ={}, frozen=True, exe_dir=tmp_path)
    assert p.portable and p.db_path == tmp_path / "data" / DB_FILENAME
    assert not resolve_paths(environ={}, frozen=False, exe_dir=tmp_path).portable
    assert resolve_paths(Path(tmp_path / "x.sqlite3"), environ={}, frozen=True, exe_dir=tmp_path).db_path.name == "x.sqlite3"


def test_cache_folder_user_portable_or_named(tmp_path):
    from app.paths import cache_dir

    user = cache_dir(environ={}, frozen=False, exe_dir=tmp_path)
    assert "FazhiDesk" in str(user) and user != resolve_paths(environ={}, frozen=False, exe_dir=tmp_path).data_dir
    (tmp_path / "portable").write_text("")
    assert cache_dir(environ={}, frozen=True, exe_dir=tmp_path) == tmp_path / "data" / "cache"
    assert cache_dir(environ={"FAZHI_CACHE": str(tmp_path / "c")}, frozen=True, exe_dir=tmp_path) == tmp_path / "c"
