"""One holder of a database's instance lock; the lock ends with its holder."""

import subprocess
import sys

from app.services.errors import InUseError
from app.services.instance_lock import InstanceLock


def test_second_holder_is_refused_until_the_first_lets_go(tmp_path):
    db = tmp_path / "a.sqlite3"
    first, second = InstanceLock(db), InstanceLock(db)
    assert first.acquire()
    assert not second.acquire()
    assert second.poke()  # the first window is told (it watches the file)
    try:
        with second.held("恢复备份"):
            raise AssertionError("should have been refused")
    except InUseError as err:
        assert "请先关闭程序窗口" in err.message
    first.release()
    assert second.acquire()
    second.release()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    db = tmp_path / "b.sqlite3"
    code = ("import sys, time; from app.services.instance_lock import InstanceLock;"
            f"l = InstanceLock({str(db)!r}); assert l.acquire(); print('held', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"held"
    assert not InstanceLock(db).acquire()
    proc.kill()
    proc.wait()
    lock = InstanceLock(db)
    assert lock.acquire()
    lock.release()
