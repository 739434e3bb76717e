"""This PC's own settings (设置 → 数据库): which database to open and the clerk's name.

They cannot live in the database like the other settings: they say which database that is, and the
clerk's name belongs to the PC, not to the office. Kept as JSON beside the data folder, without any
password (that is in the credential store, services.server.credentials)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from app.paths import LOCAL_CONFIG, read_local_config
from app.server_target import ServerTarget
from app.services.errors import DomainError
from app.services.server.credentials import get_password
from app.services.system_errors import as_domain_error, os_error


def save_local(data_dir: Path, **values) -> None:
    """Merges values into the PC's settings file, written whole or not at all."""
    data = read_local_config(data_dir)
    data.update(values)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".local-settings.", suffix=".part", dir=data_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(name, data_dir / LOCAL_CONFIG)
    except OSError as exc:
        raise os_error(exc, f"无法保存本机设置到“{data_dir}”") from exc


def save_database(data_dir: Path, target: ServerTarget | None) -> None:
    """None: the database file of this PC."""
    save_local(data_dir, database={"kind": "server", **target.as_config()} if target else {"kind": "file"})


def chosen_server(data_dir: Path) -> dict:
    """The server fields last saved (shown again in 设置 even while the file is in use)."""
    chosen = read_local_config(data_dir).get("database") or {}
    return chosen if isinstance(chosen, dict) else {}


def test_connection(target: ServerTarget, password: str | None) -> str:
    """A Chinese sentence saying what is on the server; DomainError when it cannot be reached."""
    from sqlalchemy import text

    from app.models.migrate import head_revision
    from app.models.server_engine import make_server_engine
    from app.models.server_migrate import inspect_server

    engine = make_server_engine(target, password or target.password or get_password(target), pool_size=1)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
        state = inspect_server(engine)
    except Exception as exc:
        said = as_domain_error(exc)
        if said is None:
            raise
        raise DomainError(said.message) from exc
    finally:
        engine.dispose()
    server = f"已连接到 PostgreSQL {str(version).split()[0]}。"
    if state.revision is None and not state.has_tables:
        return server + "这个数据库是空的：第一次连接时会建好法治工作台的数据表，也可以先用 fazhi db copy --to 复制现有数据。"
    if state.revision is None:
        return server + "但这个数据库里有其他程序的表，不能用于法治工作台。请信息中心另建一个空数据库。"
    head = head_revision()
    if state.revision == head:
        return server + f"数据库结构版本 {head}，与本程序一致。"
    return server + f"数据库结构版本 {state.revision}（本程序为 {head}），启动时会按需要升级或提示。"
