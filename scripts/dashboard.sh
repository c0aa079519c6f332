#!/usr/bin/env bash
# Install the project and open the dashboard on the seed articles.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e .
exec .venv/bin/streamlit run app.py "$@"
