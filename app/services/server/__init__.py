"""A shared PostgreSQL database for several clerks: the password in the credential store, opening
and migrating on the server, backups with pg_dump, copying between a file and a server, and the
warning for a SQLite file on a network drive."""
