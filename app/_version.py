# The program's version (package metadata is slow to read at start-up and absent in the bundle);
# kept equal to pyproject.toml by a test.
VERSION = "0.1.0"
