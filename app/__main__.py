from app import regex_cache

regex_cache.install()  # before the modules that compile their patterns on import

from app.cli import run_and_exit  # noqa: E402

run_and_exit()
