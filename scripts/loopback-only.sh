#!/usr/bin/env bash
# Runs a command with the network cut down to loopback where the machine allows it (a network
# namespace from unshare -n), else as it is (everything it starts listens on 127.0.0.1 only).
# Used by npm run test:n8n and npm run test:queue.
#
#   PBX_SYNC_N8N_NETNS   auto (default) | 1 (require an isolated network) | 0 (do not isolate)
set -euo pipefail
netns="${PBX_SYNC_N8N_NETNS:-auto}"
if [[ "$netns" != 0 ]] && command -v unshare >/dev/null && command -v ip >/dev/null &&
	unshare -n sh -c 'ip link set lo up' 2>/dev/null; then
	echo "== run (network namespace: loopback only, so n8n cannot reach anything else)"
	exec unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"
elif [[ "$netns" == 1 ]]; then
	echo "PBX_SYNC_N8N_NETNS=1 but this machine cannot create a network namespace (unshare -n)" >&2
	exit 1
fi
echo "== run (no network namespace available: n8n is configured for loopback only)"
exec "$@"
