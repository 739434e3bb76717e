"""Where a shared PostgreSQL database is: host, port, database, user and TLS mode (never a password).

Written as `postgresql://user@host:port/database?sslmode=require` on the command line (--db or
FAZHI_DB) and kept field by field in the PC's own configuration (设置 → 数据库). A password typed into
such a URL is used for this run only and never shown or logged; the one kept between runs lives in
the operating system's credential store (app.services.credentials)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, quote, unquote, urlsplit

SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
SSL_LABELS = {"disable": "不加密", "prefer": "尽量加密（默认）", "require": "必须加密",
              "verify-ca": "加密并验证证书", "verify-full": "加密并验证证书和主机名"}
DEFAULT_PORT = 5432
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class ServerAddressError(ValueError):
    """The text is not a usable server address; the message is a Chinese sentence."""


@dataclass(frozen=True)
class ServerTarget:
    host: str
    dbname: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"
    password: str | None = field(default=None, repr=False, compare=False)  # from a typed URL only

    @property
    def is_socket(self) -> bool:
        """A Unix-socket folder instead of a host name (the test cluster, or a server on this PC)."""
        return self.host.startswith("/")

    @property
    def credential_key(self) -> str:
        """The name the password is kept under in the credential store."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    @property
    def label(self) -> str:
        where = "本机" if self.is_socket else f"{self.host}:{self.port}"
        return f"服务器 {where}/{self.dbname}（用户 {self.user}）"

    def display_url(self) -> str:
        """The address as typed, without any password: safe for logs and the window."""
        return self.url_text(with_password=False)

    def url_text(self, with_password: bool = False) -> str:
        auth = quote(self.user, safe="")
        if with_password and self.password:
            auth += ":" + quote(self.password, safe="")
        query = [f"sslmode={self.sslmode}"] if self.sslmode != "prefer" else []
        if self.is_socket:
            query = [f"host={quote(self.host, safe='/')}", f"port={self.port}", *query]
            netloc = f"{auth}@"
        else:
            host = f"[{self.host}]" if ":" in self.host else self.host
            netloc = f"{auth}@{host}:{self.port}"
        return f"postgresql://{netloc}/{quote(self.dbname, safe='')}" + (f"?{'&'.join(query)}" if query else "")

    def with_database(self, dbname: str) -> ServerTarget:
        return replace(self, dbname=dbname)

    def as_config(self) -> dict:
        return {"host": self.host, "port": self.port, "dbname": self.dbname, "user": self.user,
                "sslmode": self.sslmode}


def is_server_url(text: str | None) -> bool:
    return bool(text) and str(text).split(":", 1)[0].lower() in SCHEMES and "://" in str(text)


def parse_server_url(text: str) -> ServerTarget:
    """postgresql://user[:password]@host[:port]/database[?sslmode=…]; a socket folder may be given as
    ?host=/path (and ?port=)."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError as exc:
        raise ServerAddressError(f"服务器地址“{_hide(text)}”的格式不对（端口应为数字）。") from exc
    if parts.scheme.lower() not in SCHEMES:
        raise ServerAddressError("服务器地址应以 postgresql:// 开头。")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    host = query.get("host") or parts.hostname or ""
    port = int(query["port"]) if query.get("port", "").isdigit() else (port or DEFAULT_PORT)
    dbname = unquote(parts.path.lstrip("/"))
    user = unquote(parts.username or "") or query.get("user", "")
    password = unquote(parts.password) if parts.password else None
    return make_target(host, dbname, user, port, query.get("sslmode", "prefer"), password)


def make_target(host: str, dbname: str, user: str, port: int | str = DEFAULT_PORT, sslmode: str = "prefer",
                password: str | None = None) -> ServerTarget:
    """A checked ServerTarget from the fields of 设置 or a parsed URL."""
    host, dbname, user = (host or "").strip(), (dbname or "").strip(), (user or "").strip()
    if not host:
        raise ServerAddressError("请填写服务器地址（主机名或 IP 地址）。")
    if not dbname:
        raise ServerAddressError("请填写数据库名称。")
    if not user:
        raise ServerAddressError("请填写登录服务器的用户名。")
    if not re.fullmatch(r"[\w.\-:/\[\]]+", host):
        raise ServerAddressError(f"服务器地址“{host}”中有不能用的字符。")
    try:
        port = int(port)
    except (TypeError, ValueError):
        raise ServerAddressError("端口应为 1 到 65535 之间的数字。") from None
    if not 0 < port < 65536:
        raise ServerAddressError("端口应为 1 到 65535 之间的数字。")
    if sslmode not in SSL_MODES:
        raise ServerAddressError(f"加密方式“{sslmode}”无效，可选：{'、'.join(SSL_MODES)}。")
    return ServerTarget(host=host.strip("[]"), dbname=dbname, user=user, port=port, sslmode=sslmode,
                        password=password)


def target_from_config(data: dict) -> ServerTarget:
    return make_target(data.get("host", ""), data.get("dbname", ""), data.get("user", ""),
                       data.get("port", DEFAULT_PORT), data.get("sslmode", "prefer"))


def _hide(text: str) -> str:
    """The address without a password, for a message about a malformed one."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", text)
