@echo off
rem Starts 法治工作台 on Windows: creates .venv on first run, installs what is missing, opens the window.
setlocal
cd /d "%~dp0"
chcp 65001 >nul
if not exist .venv\Scripts\python.exe (
    echo [法治工作台] 正在创建虚拟环境 .venv
    py -3 -m venv .venv || python -m venv .venv || (echo 需要 Python 3.11 或更高版本。 & exit /b 1)
)
.venv\Scripts\python.exe -c "import app, PySide6, sqlalchemy, reportlab, docx" 2>nul || (
    echo [法治工作台] 正在安装 Python 依赖（首次需要几分钟）
    .venv\Scripts\python.exe -m pip install -q -e . || exit /b 1
)
.venv\Scripts\python.exe -m app %*
