# The program's version (read at start-up instead of package metadata); kept equal to pyproject by a test.
VERSION = "0.1.0"
