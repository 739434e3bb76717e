"""pages of the Qt front-end."""
