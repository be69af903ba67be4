#!/usr/bin/env bash
# npm run test:editor: the package in a real n8n editor, driven in headless Chromium
# (test/editor/run.ts says what it checks). Needs Debian's chromium (/usr/bin/chromium):
# installed here with apt-get when missing; puppeteer-core never downloads a browser.
#
#   PBX_SYNC_N8N_CACHE   n8n cache folder (default ~/.cache/n8n-nodes-pbx-sync/n8n-2.41.1)
#   PBX_SYNC_N8N_NETNS   auto (default) | 1 (require an isolated network) | 0 (do not isolate)
#   PBX_SYNC_N8N_KEEP    1 keeps the temporary folder (screenshots, user folder, logs)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
started=$(date +%s)
TS_NODE="$ROOT/node_modules/.bin/ts-node"

if [[ ! -x /usr/bin/chromium && -z "${PBX_SYNC_CHROMIUM:-}" ]]; then
	echo "== chromium (Debian package)"
	if [[ $(id -u) == 0 ]]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
		echo "chromium is missing: sudo apt-get install -y chromium" >&2
		exit 1
	fi
fi

echo "== real n8n"
CACHE="$(scripts/ensure-n8n.sh | tail -n 1)"

source scripts/n8n-run.sh
make_work_dir pbx-sync-editor

echo "== npm pack (prepack builds) and install the tarball into $WORK"
"$TS_NODE" --transpile-only test/editor/run.ts prepare --cache "$CACHE" --work "$WORK"

RUN=("$TS_NODE" --transpile-only test/editor/run.ts run --cache "$CACHE" --work "$WORK")
run_loopback_only "editor test" "${RUN[@]}"
echo "test:editor passed in $(( $(date +%s) - started )) s"
