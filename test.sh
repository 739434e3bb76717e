#!/usr/bin/env bash
# Sets up like run.sh (plus the test tools), then runs the whole suite headless.
set -uo pipefail
cd "$(dirname "$0")" || exit 1
. scripts/setup.sh
fazhi_ensure_debs required $FAZHI_APT_RUNTIME || exit 1
fazhi_ensure_debs optional $FAZHI_APT_TEST
fazhi_ensure_debs required $FAZHI_APT_SERVER_TEST || exit 1
fazhi_ensure_venv test || exit 1
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m ruff check app tests bench scripts || exit 1
# The tests marked postgres run against this cluster; conftest fails them loudly if it is not there.
FAZHI_TEST_PG=$(scripts/pg_test_server.sh start) || { fazhi_say "测试用 PostgreSQL 未能启动。"; exit 1; }
export FAZHI_TEST_PG
trap 'scripts/pg_test_server.sh stop "$FAZHI_TEST_PG"' EXIT
.venv/bin/python -m pytest -q -p no:cacheprovider "$@" || exit 1
# The bundle step proves build_installer.spec is complete; FAZHI_SKIP_BUNDLE=1 skips it locally.
if [ -z "${FAZHI_SKIP_BUNDLE:-}" ] && [ $# -eq 0 ]; then
    scripts/check_bundle.sh || exit 1
fi
