"""widgets of the Qt front-end."""
