"""The issued record keeps the render-ready model as JSON; it comes back equal, tables and all."""

import json
from pathlib import Path

from app.services.documents import model_codec
from app.services.documents.model import Signature


def test_demo_model_round_trips(demo_doc):
    text = model_codec.dumps(demo_doc)
    back = model_codec.loads(text)
    assert back == demo_doc
    tables = [a.table for a in back.issued.attachments if a.table is not None]
    assert tables and tables[0].rows and tables[0].columns[0].title
    assert json.loads(text)["format"] == model_codec.FORMAT


def test_paths_and_missing_fields(demo_doc):
    demo_doc_copy = model_codec.loads(model_codec.dumps(demo_doc))
    demo_doc_copy.signature = Signature(["甲"], "2026年1月5日", seal_image=Path("seal.png"))
    back = model_codec.loads(model_codec.dumps(demo_doc_copy))
    assert back.signature.seal_image == Path("seal.png")
    data = json.loads(model_codec.dumps(back))
    del data["notice"]["note"]  # a record written before a field existed
    data["notice"]["retired_field"] = 1  # or after one was dropped
    old = model_codec.loads(json.dumps(data))
    assert old.note == "" and old.title == back.title
