# Fallback when the package metadata is absent (PyInstaller bundle); kept equal to pyproject by a test.
VERSION = "0.1.0"
