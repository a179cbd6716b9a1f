#!/usr/bin/env bash
# Recounts the KPI read model (need_kpi_count) of a MySQL/MariaDB database from its need table, in one
# transaction, with the statements migration V48 ran (cn.needsloop.intake.NeedCounts.REBUILD):
#   bench/rebuild-kpis.sh --db needsloop
# Stop the app first: a need changed while it runs may be counted twice or not at all.
set -euo pipefail
source "$(dirname "$0")/common.sh"
DB=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) DB="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[[ "$DB" =~ ^[A-Za-z0-9_]+$ ]] || { echo "give the database: --db NAME" >&2; exit 2; }
build_once
generator rebuild-kpis --db "$DB" --jdbc "jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/"
