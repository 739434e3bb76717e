"""督办台账: reporting schedule and periods, progress entries per task × unit × period,
序时目标, 延期申请, 销号, returned forms and the notices drafted about a period.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 05:07:42.327551
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reporting_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=12), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_reporting_period_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_period')),
    sa.UniqueConstraint('plan_id', 'key', name=op.f('uq_reporting_period_plan_id_key'))
    )
    with op.batch_alter_table('reporting_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reporting_period_plan_id'), ['plan_id'], unique=False)

    op.create_table('reporting_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('rhythm', sa.String(length=12), nullable=False),
    sa.Column('due_day', sa.Integer(), nullable=False),
    sa.Column('due_next_month', sa.Boolean(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_reporting_schedule_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_schedule')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_reporting_schedule_plan_id'))
    )
    op.create_table('extension_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('requested_deadline', sa.Date(), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('approved_deadline', sa.Date(), nullable=True),
    sa.Column('decision_note', sa.String(length=200), nullable=False),
    sa.Column('source_file', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_extension_request_node_id_plan_node'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_extension_request_unit_id_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extension_request'))
    )
    with op.batch_alter_table('extension_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_extension_request_node_id'), ['node_id'], unique=False)

    op.create_table('form_return',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('file_hash', sa.String(length=64), nullable=False),
    sa.Column('reported_by', sa.String(length=60), nullable=False),
    sa.Column('imported_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_period.id'], name=op.f('fk_form_return_period_id_reporting_period'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_form_return_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_form_return_unit_id_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_form_return'))
    )
    with op.batch_alter_table('form_return', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_return_file_hash'), ['file_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_form_return_plan_id'), ['plan_id'], unique=False)

    op.create_table('task_closure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('reopened_on', sa.Date(), nullable=True),
    sa.Column('reopen_reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_task_closure_node_id_plan_node'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_closure'))
    )
    with op.batch_alter_table('task_closure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_closure_node_id'), ['node_id'], unique=False)

    op.create_table('task_milestone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('target_percent', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_task_milestone_node_id_plan_node'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_milestone')),
    sa.UniqueConstraint('node_id', 'due', name=op.f('uq_task_milestone_node_id_due'))
    )
    op.create_table('tracking_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_tracking_document_notice_id_notice'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_period.id'], name=op.f('fk_tracking_document_period_id_reporting_period'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_tracking_document_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tracking_document'))
    )
    with op.batch_alter_table('tracking_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tracking_document_plan_id'), ['plan_id'], unique=False)

    # The old progress_entry had no service and no screen, so it is replaced, not altered. Any rows a
    # clerk's file might hold are copied into the audit log first, so nothing is lost silently.
    conn = op.get_bind()
    old = conn.execute(sa.text(
        "SELECT id, node_id, unit_id, period, entry_date, status, text FROM progress_entry")).fetchall()
    for row in old:
        conn.execute(sa.text(
            "INSERT INTO audit_log (entity, entity_id, action, detail) VALUES ('progress', :id, 'migrate', :d)"),
            {"id": row[1], "d": f"升级前的进展记录：单位{row[2]}，{row[3]} {row[4] or ''}，{row[5]}：{row[6]}"[:2000]})
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_entry_node_id'))
    op.drop_table('progress_entry')
    op.create_table('progress_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('reported_by', sa.String(length=60), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('source_file', sa.String(length=300), nullable=False),
    sa.Column('entered_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_progress_entry_node_id_plan_node'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_period.id'], name=op.f('fk_progress_entry_period_id_reporting_period'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_progress_entry_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_entry')),
    sa.UniqueConstraint('node_id', 'unit_id', 'period_id', name=op.f('uq_progress_entry_node_id_unit_id_period_id'))
    )
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_entry_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_entry_unit_id'), ['unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_entry_unit_id'))
        batch_op.drop_index(batch_op.f('ix_progress_entry_period_id'))
    op.drop_table('progress_entry')
    op.create_table('progress_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_progress_entry_node_id_plan_node'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_progress_entry_unit_id_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_entry'))
    )
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_entry_node_id'), ['node_id'], unique=False)

    with op.batch_alter_table('tracking_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tracking_document_plan_id'))

    op.drop_table('tracking_document')
    op.drop_table('task_milestone')
    with op.batch_alter_table('task_closure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_closure_node_id'))

    op.drop_table('task_closure')
    with op.batch_alter_table('form_return', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_return_plan_id'))
        batch_op.drop_index(batch_op.f('ix_form_return_file_hash'))

    op.drop_table('form_return')
    with op.batch_alter_table('extension_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_extension_request_node_id'))

    op.drop_table('extension_request')
    op.drop_table('reporting_schedule')
    with op.batch_alter_table('reporting_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reporting_period_plan_id'))

    op.drop_table('reporting_period')
