"""Several clerks on one database: a version and the last editor on tasks, notices and progress
entries (a save based on an older version is a conflict), and the clerk and program in the audit log.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 08:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

VERSIONED = ('plan_node', 'notice', 'progress_entry')


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        # "continuous:1,2,3" outgrew 12 characters; SQLite never enforced the length, so there the
        # table is left as it is (rebuilding it would cascade-delete its children).
        op.alter_column('plan', 'numbering', type_=sa.String(length=40), existing_nullable=False)
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
            batch_op.add_column(sa.Column('changed_by', sa.String(length=60), server_default='', nullable=False))
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('clerk', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('client', sa.String(length=40), server_default='', nullable=False))
        batch_op.add_column(sa.Column('entity_version', sa.Integer(), nullable=True))
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.alter_column('plan', 'numbering', type_=sa.String(length=12), existing_nullable=False)
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')
        batch_op.drop_column('entity_version')
        batch_op.drop_column('client')
        batch_op.drop_column('clerk')
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('changed_by')
            batch_op.drop_column('version')
