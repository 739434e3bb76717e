"""CLI subcommands; each module offers register(subparsers)."""
