"""notice head elements

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 13:20:38.999205
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('copy_no', sa.String(length=12), server_default='', nullable=False))
        batch_op.add_column(sa.Column('secrecy', sa.String(length=40), server_default='', nullable=False))
        batch_op.add_column(sa.Column('urgency', sa.String(length=10), server_default='', nullable=False))
        batch_op.add_column(sa.Column('signers', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('seal_image', sa.String(length=500), server_default='', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_column('seal_image')
        batch_op.drop_column('signers')
        batch_op.drop_column('urgency')
        batch_op.drop_column('secrecy')
        batch_op.drop_column('copy_no')

