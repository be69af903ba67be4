#!/usr/bin/env bash
# npm run test:n8n: the package in a real n8n 2.x (docs/dev/proofs.md, "Proof in a real n8n").
#  1. build, and check that `npm pack` holds exactly what n8n needs;
#  2. make sure a real n8n is cached (scripts/ensure-n8n.sh; a cold cache takes ~6-8 min);
#  3. pack the package and install the tarball into a temporary n8n user folder the way n8n
#     installs community packages;
#  4. with the network cut down to loopback where the machine allows it (unshare -n), check
#     what n8n loaded and run the example workflows (test/n8n/cases.ts) with `n8n execute`.
#
#   PBX_SYNC_N8N_CACHE   n8n cache folder (default ~/.cache/n8n-nodes-pbx-sync/n8n-2.41.1)
#   PBX_SYNC_N8N_NETNS   auto (default) | 1 (require an isolated network) | 0 (do not isolate)
#   PBX_SYNC_N8N_ONLY    runs only the cases whose name matches this regular expression
#   PBX_SYNC_N8N_KEEP    1 keeps the temporary folder (user folder, logs) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
started=$(date +%s)
TS_NODE="$ROOT/node_modules/.bin/ts-node"

echo "== build"
npm run --silent build >/dev/null
echo "== package contents"
"$TS_NODE" --transpile-only test/n8n/pack.ts

echo "== real n8n"
# The cache path is the last line ensure-n8n.sh prints (everything else goes to stderr).
CACHE="$(scripts/ensure-n8n.sh | tail -n 1)"

source scripts/n8n-run.sh
make_work_dir pbx-sync-n8n

echo "== install the packed package into $WORK"
"$TS_NODE" --transpile-only test/n8n/run.ts prepare --cache "$CACHE" --work "$WORK"

RUN=("$TS_NODE" --transpile-only test/n8n/run.ts run --cache "$CACHE" --work "$WORK")
run_loopback_only run "${RUN[@]}"
echo "test:n8n passed in $(( $(date +%s) - started )) s"
