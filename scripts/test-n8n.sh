#!/usr/bin/env bash
# npm run test:n8n: the package in a real n8n (docs/dev/proofs.md, "Proof in a real n8n").
#  1. make sure a real n8n is cached (scripts/ensure-n8n.sh; a cold cache takes ~6-10 min);
#  2. `npm pack` (its prepack builds), check that the tarball holds exactly what n8n needs, and
#     install it into a temporary n8n user folder as docs/install.md says;
#  3. with the network cut down to loopback where the machine allows it (unshare -n), check
#     what n8n loaded and run the example workflows (test/n8n/cases.ts) with `n8n execute`, the
#     credential Tests and n8n's SSRF protection (n8n start), the change triggers, and the
#     N8N_CUSTOM_EXTENSIONS install.
#
#   PBX_SYNC_N8N_VERSION n8n version: 2.41.1 (default) or 1.123.81, the last 1.x (own cache folder)
#   PBX_SYNC_N8N_CACHE   n8n cache folder (default ~/.cache/n8n-nodes-pbx-sync/n8n-<version>)
#   PBX_SYNC_N8N_NETNS   auto (default) | 1 (require an isolated network) | 0 (do not isolate)
#   PBX_SYNC_N8N_ONLY    runs only the cases whose name matches this regular expression
#   PBX_SYNC_N8N_KEEP    1 keeps the temporary folder (user folder, logs) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
started=$(date +%s)
TS_NODE="$ROOT/node_modules/.bin/ts-node"

echo "== real n8n ${PBX_SYNC_N8N_VERSION:-2.41.1}"
# The cache path is the last line ensure-n8n.sh prints (everything else goes to stderr).
CACHE="$(scripts/ensure-n8n.sh | tail -n 1)"

source scripts/n8n-run.sh
make_work_dir pbx-sync-n8n

echo "== npm pack (prepack builds) and install the tarball into $WORK as docs/install.md says"
"$TS_NODE" --transpile-only test/n8n/run.ts prepare --cache "$CACHE" --work "$WORK"

RUN=("$TS_NODE" --transpile-only test/n8n/run.ts run --cache "$CACHE" --work "$WORK")
run_loopback_only run "${RUN[@]}"
echo "test:n8n passed on n8n ${PBX_SYNC_N8N_VERSION:-2.41.1} in $(( $(date +%s) - started )) s"
