"""Business logic in plain Python + SQLAlchemy. Never imports Qt (a test enforces it)."""
