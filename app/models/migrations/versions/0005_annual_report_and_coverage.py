"""annual report and coverage: the 法治政府建设年度报告 (sections as drafted and edited, the units'
yearly figures and the returned figure sheets); links between county tasks and the superior's
tasks or imported indicators, 不适用 marks and 情况说明, and the indicator systems themselves.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 07:20:58.388831
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('indicator_system',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('source_file', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_system'))
    )
    op.create_table('annual_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('part_order', sa.String(length=120), nullable=False),
    sa.Column('duty_placement', sa.String(length=10), nullable=False),
    sa.Column('sign_date', sa.Date(), nullable=True),
    sa.Column('gov_doc_number', sa.String(length=60), nullable=False),
    sa.Column('joint_doc_number', sa.String(length=60), nullable=False),
    sa.Column('signers', sa.String(length=200), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('drafted_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_annual_report_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_report')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_annual_report_plan_id'))
    )
    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('system_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('score_text', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['indicator.id'], name=op.f('fk_indicator_parent_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['system_id'], ['indicator_system.id'], name=op.f('fk_indicator_system_id_indicator_system'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_system_id'), ['system_id'], unique=False)

    op.create_table('coverage_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('superior_node_id', sa.Integer(), nullable=True),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('(superior_node_id IS NULL AND indicator_id IS NOT NULL) OR (superior_node_id IS NOT NULL AND indicator_id IS NULL)', name=op.f('ck_coverage_link_one_target')),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_coverage_link_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_coverage_link_node_id_plan_node'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_coverage_link_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['superior_node_id'], ['plan_node.id'], name=op.f('fk_coverage_link_superior_node_id_plan_node'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coverage_link'))
    )
    with op.batch_alter_table('coverage_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coverage_link_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coverage_link_node_id'), ['node_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coverage_link_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coverage_link_superior_node_id'), ['superior_node_id'], unique=False)
        batch_op.create_index('uq_coverage_link_indicator', ['node_id', 'indicator_id'], unique=True, sqlite_where=sa.text('indicator_id IS NOT NULL'), postgresql_where=sa.text('indicator_id IS NOT NULL'))
        batch_op.create_index('uq_coverage_link_superior', ['node_id', 'superior_node_id'], unique=True, sqlite_where=sa.text('superior_node_id IS NOT NULL'), postgresql_where=sa.text('superior_node_id IS NOT NULL'))

    op.create_table('coverage_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('superior_node_id', sa.Integer(), nullable=True),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('(superior_node_id IS NULL AND indicator_id IS NOT NULL) OR (superior_node_id IS NOT NULL AND indicator_id IS NULL)', name=op.f('ck_coverage_note_one_target')),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_coverage_note_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_coverage_note_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['superior_node_id'], ['plan_node.id'], name=op.f('fk_coverage_note_superior_node_id_plan_node'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coverage_note'))
    )
    with op.batch_alter_table('coverage_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coverage_note_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('uq_coverage_note_indicator', ['plan_id', 'indicator_id'], unique=True, sqlite_where=sa.text('indicator_id IS NOT NULL'), postgresql_where=sa.text('indicator_id IS NOT NULL'))
        batch_op.create_index('uq_coverage_note_superior', ['plan_id', 'superior_node_id'], unique=True, sqlite_where=sa.text('superior_node_id IS NOT NULL'), postgresql_where=sa.text('superior_node_id IS NOT NULL'))

    op.create_table('report_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('source_file', sa.String(length=300), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['annual_report.id'], name=op.f('fk_report_figure_report_id_annual_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_report_figure_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_figure')),
    sa.UniqueConstraint('report_id', 'unit_id', 'field', name=op.f('uq_report_figure_report_id_unit_id_field'))
    )
    with op.batch_alter_table('report_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_figure_report_id'), ['report_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_figure_unit_id'), ['unit_id'], unique=False)

    op.create_table('report_figure_return',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('file_hash', sa.String(length=64), nullable=False),
    sa.Column('reported_by', sa.String(length=60), nullable=False),
    sa.Column('imported_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['annual_report.id'], name=op.f('fk_report_figure_return_report_id_annual_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_report_figure_return_unit_id_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_figure_return'))
    )
    with op.batch_alter_table('report_figure_return', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_figure_return_file_hash'), ['file_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_figure_return_report_id'), ['report_id'], unique=False)

    op.create_table('report_section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('heading', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('drafted_text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['annual_report.id'], name=op.f('fk_report_section_report_id_annual_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_section')),
    sa.UniqueConstraint('report_id', 'key', name=op.f('uq_report_section_report_id_key'))
    )
    with op.batch_alter_table('report_section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_section_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('report_section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_section_report_id'))

    op.drop_table('report_section')
    with op.batch_alter_table('report_figure_return', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_figure_return_report_id'))
        batch_op.drop_index(batch_op.f('ix_report_figure_return_file_hash'))

    op.drop_table('report_figure_return')
    with op.batch_alter_table('report_figure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_figure_unit_id'))
        batch_op.drop_index(batch_op.f('ix_report_figure_report_id'))

    op.drop_table('report_figure')
    with op.batch_alter_table('coverage_note', schema=None) as batch_op:
        batch_op.drop_index('uq_coverage_note_superior', sqlite_where=sa.text('superior_node_id IS NOT NULL'), postgresql_where=sa.text('superior_node_id IS NOT NULL'))
        batch_op.drop_index('uq_coverage_note_indicator', sqlite_where=sa.text('indicator_id IS NOT NULL'), postgresql_where=sa.text('indicator_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_coverage_note_plan_id'))

    op.drop_table('coverage_note')
    with op.batch_alter_table('coverage_link', schema=None) as batch_op:
        batch_op.drop_index('uq_coverage_link_superior', sqlite_where=sa.text('superior_node_id IS NOT NULL'), postgresql_where=sa.text('superior_node_id IS NOT NULL'))
        batch_op.drop_index('uq_coverage_link_indicator', sqlite_where=sa.text('indicator_id IS NOT NULL'), postgresql_where=sa.text('indicator_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_coverage_link_superior_node_id'))
        batch_op.drop_index(batch_op.f('ix_coverage_link_plan_id'))
        batch_op.drop_index(batch_op.f('ix_coverage_link_node_id'))
        batch_op.drop_index(batch_op.f('ix_coverage_link_indicator_id'))

    op.drop_table('coverage_link')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_system_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_parent_id'))

    op.drop_table('indicator')
    op.drop_table('annual_report')
    op.drop_table('indicator_system')
