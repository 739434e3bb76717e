"""The render-ready NoticeDocument as JSON and back, for the issued record (公文存档).

Generic over the model's dataclasses: each field is decoded by its declared type (nested
dataclasses, lists, optional values, paths), so a field added to the model later needs no code
here; a field missing from an old record takes its default."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from app.services.documents import model
from app.services.documents.model import NoticeDocument

FORMAT = 1


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def dumps(doc: NoticeDocument) -> str:
    return json.dumps({"format": FORMAT, "notice": _plain(doc)}, ensure_ascii=False, sort_keys=True)


def loads(text: str) -> NoticeDocument:
    return _decode(NoticeDocument, json.loads(text)["notice"])


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(inner[0], value)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [_decode(item, v) for v in value]
    if kind is Path:
        return Path(value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        known = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{k: _decode(hints[k], v) for k, v in value.items() if k in known})
    return value
