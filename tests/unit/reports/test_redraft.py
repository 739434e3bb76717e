"""A re-draft never overwrites what the clerk edited without asking; undo puts the sections back."""

from app.services.reports import template as T


def section(r, key):
    return r.reports.report(r.plan_id).section(key)


def test_edited_section_is_kept_and_listed_when_the_draft_changes(drafted):
    rs, pid = drafted.reports, drafted.plan_id
    other = section(drafted, T.OTHER)
    rs.set_section(other.id, text="我县没有其他需要报告的情况。")
    shortcomings_before = section(drafted, T.SHORTCOMINGS).text
    # the year moves on: a unit reports task 10 done, so the draft of 存在的不足 changes too
    unchanged = rs.preview_draft(pid)
    assert unchanged.conflicts == []  # the draft of the edited part did not change: nothing to ask
    drafted.ctx.services.plans.clone_plan(pid, 2027)  # next year's plan now exists …
    rs.set_section(section(drafted, T.NEXT_YEAR).id, text="2027年，我县将重点抓好三件事。")
    redraft = rs.preview_draft(pid)
    assert [c.key for c in redraft.conflicts] == [T.NEXT_YEAR]  # … so its draft differs from the edit
    conflict = redraft.conflicts[0]
    assert conflict.current == "2027年，我县将重点抓好三件事。" and "示例县2027年法治政府建设工作要点" in conflict.new
    rs.apply_draft(pid, redraft)  # not asked to replace
    assert section(drafted, T.NEXT_YEAR).text == "2027年，我县将重点抓好三件事。"
    assert section(drafted, T.NEXT_YEAR).edited
    assert section(drafted, T.OTHER).text == "我县没有其他需要报告的情况。"
    assert section(drafted, T.SHORTCOMINGS).text == shortcomings_before
    # once kept, the same draft is not asked about again
    assert rs.preview_draft(pid).conflicts == []


def test_replaced_when_the_clerk_says_so_and_undo_restores(drafted):
    rs, pid = drafted.reports, drafted.plan_id
    rs.set_section(section(drafted, T.DUTY).id, text="（已改写）")
    before = rs.report(pid).sections
    drafted.ctx.services.plans.clone_plan(pid, 2027)
    rs.set_section(section(drafted, T.NEXT_YEAR).id, text="手写的安排。")
    redraft = rs.preview_draft(pid)
    snapshot = rs.apply_draft(pid, redraft, replace={T.NEXT_YEAR})
    assert "示例县2027年法治政府建设工作要点" in section(drafted, T.NEXT_YEAR).text
    assert not section(drafted, T.NEXT_YEAR).edited
    assert section(drafted, T.DUTY).text == "（已改写）"  # not named: kept
    rs.restore_sections(pid, snapshot)
    assert section(drafted, T.NEXT_YEAR).text == "手写的安排。"
    assert [s.key for s in rs.report(pid).sections] == [s.key for s in before]


def test_a_part_removed_from_the_plan_goes_unless_edited(drafted):
    rs, pid = drafted.reports, drafted.plan_id
    plans = drafted.ctx.services.plans
    roots = plans.tree(pid)
    last, before_last = roots[-1], roots[-2]
    rs.set_section(section(drafted, T.measures_key(before_last.id)).id, text="本部分由办事员改写。")
    plans.delete_node(last.id)
    plans.delete_node(before_last.id)
    rs.apply_draft(pid, rs.preview_draft(pid))
    keys = [s.key for s in rs.report(pid).sections]
    assert T.measures_key(last.id) not in keys  # untouched: gone with its part
    assert T.measures_key(before_last.id) in keys  # edited: kept, never lost


def test_section_text_limit_and_unknown_section(drafted):
    import pytest

    from app.services.errors import NotFoundError, ValidationError

    with pytest.raises(ValidationError, match="超过 20000 字"):
        drafted.reports.set_section(section(drafted, T.OTHER).id, text="字" * 20001)
    with pytest.raises(NotFoundError):
        drafted.reports.set_section(999999, text="x")
