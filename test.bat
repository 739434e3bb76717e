@echo off
rem Runs the test suite on Windows (offscreen Qt).
setlocal
cd /d "%~dp0"
chcp 65001 >nul
if not exist .venv\Scripts\python.exe (
    py -3 -m venv .venv || python -m venv .venv || (echo 需要 Python 3.11 或更高版本。 & exit /b 1)
)
.venv\Scripts\python.exe -c "import pytest, pytestqt, app" 2>nul || (
    .venv\Scripts\python.exe -m pip install -q -e .[test] || exit /b 1
)
set QT_QPA_PLATFORM=offscreen
.venv\Scripts\python.exe -m pytest -q %*
