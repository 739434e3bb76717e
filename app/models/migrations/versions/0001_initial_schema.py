"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 12:24:51.538378
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_table('doc_number_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_serial', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doc_number_counter')),
    sa.UniqueConstraint('prefix', 'year', name=op.f('uq_doc_number_counter_prefix_year'))
    )
    op.create_table('issuer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('header_text', sa.String(length=120), nullable=False),
    sa.Column('prefix', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issuer')),
    sa.UniqueConstraint('name', name=op.f('uq_issuer_name'))
    )
    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('issuer_text', sa.String(length=200), nullable=False),
    sa.Column('preamble', sa.Text(), nullable=False),
    sa.Column('closing', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('source_file', sa.String(length=500), nullable=False),
    sa.Column('numbering', sa.String(length=12), nullable=False),
    sa.Column('superior_plan_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['superior_plan_id'], ['plan.id'], name=op.f('fk_plan_superior_plan_id_plan'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('contact_person', sa.String(length=40), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('name', name=op.f('uq_unit_name'))
    )
    op.create_table('notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('doc_prefix', sa.String(length=40), nullable=False),
    sa.Column('doc_year', sa.Integer(), nullable=True),
    sa.Column('doc_serial', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('recipients', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('attachments', sa.Text(), nullable=False),
    sa.Column('sign_date', sa.Date(), nullable=True),
    sa.Column('signature_mode', sa.String(length=10), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('cc', sa.Text(), nullable=False),
    sa.Column('printed_by', sa.String(length=120), nullable=False),
    sa.Column('print_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('lineage_id', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_notice_plan_id_plan'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice'))
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_lineage_id'), ['lineage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('uq_notice_doc_number_current', ['doc_prefix', 'doc_year', 'doc_serial'], unique=True, sqlite_where=sa.text('is_current = 1 AND doc_serial IS NOT NULL'), postgresql_where=sa.text('is_current AND doc_serial IS NOT NULL'))

    op.create_table('plan_node',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('heading', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('is_task', sa.Boolean(), nullable=False),
    sa.Column('original_label', sa.String(length=20), nullable=False),
    sa.Column('deadline_text', sa.String(length=100), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('responsible_person', sa.String(length=100), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['plan_node.id'], name=op.f('fk_plan_node_parent_id_plan_node'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_node_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_node'))
    )
    with op.batch_alter_table('plan_node', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_node_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_node_plan_id'), ['plan_id'], unique=False)

    op.create_table('unit_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_alias_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_alias')),
    sa.UniqueConstraint('alias', name=op.f('uq_unit_alias_alias'))
    )
    with op.batch_alter_table('unit_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_alias_unit_id'), ['unit_id'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_assignment_node_id_plan_node'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_assignment_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment')),
    sa.UniqueConstraint('node_id', 'unit_id', name=op.f('uq_assignment_node_id_unit_id'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_node_id'), ['node_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_unit_id'), ['unit_id'], unique=False)

    op.create_table('notice_issuer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('issuer_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issuer_id'], ['issuer.id'], name=op.f('fk_notice_issuer_issuer_id_issuer'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_notice_issuer_notice_id_notice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_issuer')),
    sa.UniqueConstraint('notice_id', 'issuer_id', name=op.f('uq_notice_issuer_notice_id_issuer_id'))
    )
    with op.batch_alter_table('notice_issuer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_issuer_notice_id'), ['notice_id'], unique=False)

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



def downgrade() -> None:
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_entry_node_id'))

    op.drop_table('progress_entry')
    with op.batch_alter_table('notice_issuer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_issuer_notice_id'))

    op.drop_table('notice_issuer')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_unit_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_node_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('unit_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_alias_unit_id'))

    op.drop_table('unit_alias')
    with op.batch_alter_table('plan_node', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_node_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_node_parent_id'))

    op.drop_table('plan_node')
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index('uq_notice_doc_number_current', sqlite_where=sa.text('is_current = 1 AND doc_serial IS NOT NULL'), postgresql_where=sa.text('is_current AND doc_serial IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_notice_plan_id'))
        batch_op.drop_index(batch_op.f('ix_notice_lineage_id'))

    op.drop_table('notice')
    op.drop_table('unit')
    op.drop_table('setting')
    op.drop_table('plan')
    op.drop_table('issuer')
    op.drop_table('doc_number_counter')
    op.drop_table('audit_log')
