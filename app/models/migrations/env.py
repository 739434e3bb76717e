"""Alembic environment: the engine (or a connection already holding the write lock) is handed over by
app.models.migrate, never built from a URL here."""

from alembic import context

from app.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
    )
    with context.begin_transaction():  # inside the caller's transaction when it holds one
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)  # the caller commits
        return
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        _run(connection)
        connection.commit()


run_migrations_online()
