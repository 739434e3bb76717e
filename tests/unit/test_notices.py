import multiprocessing
import threading
from datetime import date

import pytest

from app.context import open_context
from app.services.errors import DuplicateError, FrozenError, ValidationError
from tests.pg import address_of

pytestmark = pytest.mark.both_databases  # the services on SQLite and on the PostgreSQL server


@pytest.fixture
def issuer(empty_ctx):
    return empty_ctx.services.notices.add_issuer("示例县人民政府办公室", prefix="示政办发")


def test_allocation_is_sequential_per_prefix_and_year(empty_ctx):
    n = empty_ctx.services.notices
    assert [n.allocate_serial("示政办发", 2026) for _ in range(3)] == [1, 2, 3]
    assert n.allocate_serial("示政办发", 2027) == 1
    assert n.allocate_serial("示司发", 2026) == 1
    assert n.suggest_serial("示政办发", 2026) == 4


def test_allocation_from_threads_never_duplicates(empty_ctx):
    n = empty_ctx.services.notices
    got: list[int] = []
    errors: list[BaseException] = []

    def worker():
        try:
            for _ in range(10):
                got.append(n.allocate_serial("示政办发", 2026))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(got) == list(range(1, 61))


def _allocate_in_process(db: str, folder: str, count: int, queue) -> None:
    from tests.pg import paths_for

    ctx = open_context(paths_for(db, folder), load_demo=False)
    try:
        queue.put([ctx.services.notices.allocate_serial("示政办发", 2026) for _ in range(count)])
    finally:
        ctx.close()


def test_allocation_from_processes_never_duplicates(empty_ctx, tmp_path):
    """4 programs take numbers at once (on the server: 500 each, queueing on the counter's row lock)."""
    server = empty_ctx.paths.server
    db = address_of(empty_ctx.paths)
    each = 500 if server else 8
    mp = multiprocessing.get_context("spawn")
    queue = mp.Queue()
    procs = [mp.Process(target=_allocate_in_process, args=(db, str(tmp_path / "pc"), each, queue)) for _ in range(4)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    flat = sorted(x for r in results for x in r)
    assert flat == list(range(1, 4 * each + 1))
    assert empty_ctx.services.notices.suggest_serial("示政办发", 2026) == 4 * each + 1


def test_manual_number_is_checked_for_duplicates(empty_ctx, issuer):
    n = empty_ctx.services.notices
    first = n.create_notice([issuer.id], title="关于甲的通知", doc_year=2026, doc_serial=7)
    assert first.doc_number == "示政办发〔2026〕7号"
    with pytest.raises(DuplicateError) as err:
        n.create_notice([issuer.id], title="关于乙的通知", doc_year=2026, doc_serial=7)
    assert "示政办发〔2026〕7号" in err.value.message and "8号" in err.value.message
    assert n.suggest_serial("示政办发", 2026) == 8  # a typed number moves the counter on
    second = n.create_notice([issuer.id], title="关于乙的通知", allocate_number=True, sign_date=date(2026, 5, 1))
    assert second.doc_number == "示政办发〔2026〕8号"
    with pytest.raises(DuplicateError):
        n.update_notice(second.id, doc_serial=7)
    assert n.get_notice(second.id).doc_serial == 8


def test_issued_notice_is_frozen_and_revised(empty_ctx, issuer):
    n = empty_ctx.services.notices
    draft = n.create_notice([issuer.id], title="关于甲的通知")
    with pytest.raises(ValidationError):
        empty_ctx.issuing.issue(draft.id)  # no 文号 yet
    n.update_notice(draft.id, doc_year=2026, doc_serial=3, sign_date=date(2026, 3, 20))
    issued = empty_ctx.issuing.issue(draft.id)
    assert issued.status == "已印发"
    with pytest.raises(FrozenError):
        n.update_notice(draft.id, title="改")
    with pytest.raises(FrozenError):
        n.delete_notice(draft.id)
    rev = n.new_revision(draft.id)
    assert (rev.revision, rev.status, rev.doc_number, rev.lineage_id) == (2, "草稿", issued.doc_number, draft.id)
    n.update_notice(rev.id, title="关于甲的通知（修订）")  # the revision keeps its own 文号 legally
    assert [x.id for x in n.list_notices()] == [rev.id]
    assert len(n.list_notices(include_old_revisions=True)) == 2
    assert n.get_notice(draft.id).title == "关于甲的通知"


def test_prefix_and_serial_validation(empty_ctx, issuer):
    n = empty_ctx.services.notices
    with pytest.raises(ValidationError):
        n.allocate_serial("示政〔办〕发", 2026)
    with pytest.raises(ValidationError):
        n.create_notice([issuer.id], title="x", doc_year=2026, doc_serial=0)
    with pytest.raises(ValidationError):
        n.create_notice([], title="x")


def test_joint_issuers_keep_their_order(empty_ctx, issuer):
    n = empty_ctx.services.notices
    party = n.add_issuer("中共示例县委办公室", prefix="示委办发")
    joint = n.create_notice([party.id, issuer.id], title="联合通知", allocate_number=True,
                            sign_date=date(2026, 4, 1))
    assert [i.name for i in joint.issuers] == ["中共示例县委办公室", "示例县人民政府办公室"]
    assert joint.doc_number == "示委办发〔2026〕1号"  # the lead organ's 代字
    assert party.header_text == "中共示例县委办公室文件"


def test_head_elements_are_validated(empty_ctx, issuer):
    n = empty_ctx.services.notices
    ok = n.create_notice([issuer.id], title="上行请示", copy_no="000003", secrecy="机密★5年", urgency="加急",
                         signers=["张明", "李华"])
    assert (ok.copy_no, ok.secrecy, ok.urgency, ok.signers) == ("000003", "机密★5年", "加急", ("张明", "李华"))
    for bad, word in ((dict(copy_no="0000001"), "份号"), (dict(copy_no="A1"), "份号"),
                      (dict(secrecy="内部"), "密级"), (dict(urgency="很急"), "紧急程度")):
        with pytest.raises(ValidationError, match=word):
            n.update_notice(ok.id, **bad)
    assert n.get_notice(ok.id).secrecy == "机密★5年"


def test_listing_notices_takes_the_same_queries_however_many_there_are(empty_ctx, issuer):
    from sqlalchemy import event

    n = empty_ctx.services.notices
    other = n.add_issuer("示例县司法局", prefix="示司发")
    statements: list[str] = []
    event.listen(empty_ctx.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def queries() -> int:
        statements.clear()
        listed = n.list_notices()
        assert all(x.issuers for x in listed)
        return len(statements)

    n.create_notice([issuer.id, other.id], title="一")
    few = queries()
    for i in range(8):
        n.create_notice([issuer.id] if i % 2 else [other.id, issuer.id], title=f"第{i}件")
    assert queries() == few


def test_plan_issue_date_is_the_newest_current_notice_of_the_plan(ctx):
    n, plan_id = ctx.services.notices, ctx.demo_plan_id
    demo = next(x for x in n.list_notices() if x.plan_id == plan_id)
    assert n.plan_issue_date(plan_id) == demo.sign_date
    issuer = demo.issuers[0].id
    n.create_notice([issuer], plan_id=plan_id, title="无日期")  # no 成文日期: not counted
    newer = n.create_notice([issuer], plan_id=plan_id, title="补充通知", sign_date=date(2026, 5, 8))
    assert n.plan_issue_date(plan_id) == date(2026, 5, 8)
    n.delete_notice(newer.id)
    assert n.plan_issue_date(plan_id) == demo.sign_date
    assert n.plan_issue_date(plan_id + 1000) is None
