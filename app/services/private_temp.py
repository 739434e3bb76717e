"""A folder of this process's own for pictures made on the way to a document (reduced seals, 督办
charts): created with an unpredictable name that only this user can enter, removed at exit. A fixed
name under the shared temporary folder could be prepared by someone else (planted links)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path


@cache
def private_dir(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder
