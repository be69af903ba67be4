#!/usr/bin/env bash
# npm run test:queue: the package in n8n's queue mode (docs/guides/scaling-out.md, docs/dev/proofs.md).
#  1. make sure a real n8n is cached (scripts/ensure-n8n.sh);
#  2. install Redis and PostgreSQL from Debian's packages when missing (needs root and apt);
#  3. `npm pack` (prepack builds), check the tarball and install it into a temporary n8n user
#     folder as docs/install.md says (test/n8n/run.ts prepare, the same as npm run test:n8n);
#  4. with the network cut down to loopback where the machine allows it (unshare -n), start
#     PostgreSQL, Redis, the sandboxes, n8n main and 2 workers, run the executions through the
#     queue and check them (test/queue/run.ts); everything is stopped afterwards.
#
#   PBX_SYNC_N8N_CACHE   n8n cache folder (default ~/.cache/n8n-nodes-pbx-sync/n8n-2.41.1)
#   PBX_SYNC_N8N_NETNS   auto (default) | 1 (require an isolated network) | 0 (do not isolate)
#   PBX_SYNC_N8N_KEEP    1 keeps the temporary folder (user folder, logs) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
started=$(date +%s)
TS_NODE="$ROOT/node_modules/.bin/ts-node"


echo "== real n8n"
CACHE="$(scripts/ensure-n8n.sh | tail -n 1)"

echo "== Redis and PostgreSQL"
pg_installed() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || command -v postgres >/dev/null; }
if ! command -v redis-server >/dev/null || ! pg_installed; then
	if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
		echo "Redis and PostgreSQL are needed (as root: apt-get install -y redis-server postgresql)" >&2
		exit 1
	fi
	apt-get update -qq
	# policy-rc.d (containers) or this flag keep the packages' own services from starting.
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql >/dev/null
fi
echo "$(redis-server --version | cut -d' ' -f1-3), PostgreSQL $(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pbx-sync-queue.XXXXXX")"
cleanup() {
	if [[ "${PBX_SYNC_N8N_KEEP:-0}" == 1 ]]; then
		echo "kept $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

echo "== npm pack (prepack builds) and install the tarball into $WORK"
"$TS_NODE" --transpile-only test/n8n/run.ts prepare --cache "$CACHE" --work "$WORK"

RUN=("$TS_NODE" --transpile-only test/queue/run.ts --cache "$CACHE" --work "$WORK")
scripts/loopback-only.sh "${RUN[@]}"
echo "test:queue passed in $(( $(date +%s) - started )) s"
