"""dialogs of the Qt front-end."""
