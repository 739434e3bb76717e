import pytest

from app.services.errors import DuplicateError


def test_updating_issuers_keeps_an_issuer_that_stays(ctx):
    notices = ctx.services.notices
    notice = notices.list_notices()[0]
    lead = notice.issuers[0].id
    other = notices.add_issuer("示例县司法局", prefix="示司发")
    updated = notices.update_notice(notice.id, issuer_ids=[lead])
    assert [i.id for i in updated.issuers] == [lead]
    updated = notices.update_notice(notice.id, issuer_ids=[other.id, lead])
    assert [i.id for i in updated.issuers] == [other.id, lead]
    updated = notices.update_notice(notice.id, issuer_ids=[lead, other.id])
    assert [i.name for i in updated.issuers] == ["示例县人民政府办公室", "示例县司法局"]


def test_a_refused_number_leaves_the_issuers_alone(ctx):
    notices = ctx.services.notices
    first = notices.list_notices()[0]
    second = notices.create_notice([first.issuers[0].id], title="另一份通知", doc_year=2026)
    with pytest.raises(DuplicateError):
        notices.update_notice(second.id, issuer_ids=[first.issuers[0].id], doc_serial=first.doc_serial)
    assert [i.id for i in notices.get_notice(second.id).issuers] == [first.issuers[0].id]
