"""undo of the Qt front-end."""
