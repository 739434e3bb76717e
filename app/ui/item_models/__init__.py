"""item_models of the Qt front-end."""
