"""issued records: the model and the exact PDF / DOCX bytes of every issued notice

Notices issued before this revision get their record when first opened (backfilled = 1);
plans with an issued notice show 已印发.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 05:17:33.201586
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('model_json', sa.Text(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('backfilled', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_issued_record_notice_id_notice'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_record')),
    sa.UniqueConstraint('notice_id', name=op.f('uq_issued_record_notice_id'))
    )
    op.create_table('issued_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['issued_record.id'], name=op.f('fk_issued_file_record_id_issued_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_file')),
    sa.UniqueConstraint('record_id', 'format', 'mode', name=op.f('uq_issued_file_record_id_format_mode'))
    )
    with op.batch_alter_table('issued_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_file_record_id'), ['record_id'], unique=False)
    op.execute("UPDATE plan SET status = '已印发' WHERE status = '草稿' AND id IN "
               "(SELECT plan_id FROM notice WHERE status = '已印发' AND plan_id IS NOT NULL)")



def downgrade() -> None:
    with op.batch_alter_table('issued_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_file_record_id'))

    op.drop_table('issued_file')
    op.drop_table('issued_record')
