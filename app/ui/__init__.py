"""PySide6 front-end. Talks to services, never to a database session."""
