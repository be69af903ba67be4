# Sourced by scripts/test-n8n.sh and scripts/test-editor.sh: the temporary folder and the
# loopback-only network namespace both use.

# make_work_dir PREFIX: creates WORK, removed on exit unless PBX_SYNC_N8N_KEEP=1.
make_work_dir() {
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
	trap 'if [[ "${PBX_SYNC_N8N_KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi' EXIT
}

# run_loopback_only LABEL COMMAND...: runs COMMAND in a network namespace with only loopback
# when the machine allows it (PBX_SYNC_N8N_NETNS: auto, 1 = require it, 0 = never).
run_loopback_only() {
	local label="$1"
	shift
	local netns="${PBX_SYNC_N8N_NETNS:-auto}"
	if [[ "$netns" != 0 ]] && command -v unshare >/dev/null && command -v ip >/dev/null &&
		unshare -n sh -c 'ip link set lo up' 2>/dev/null; then
		echo "== $label (network namespace: loopback only)"
		unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"
	elif [[ "$netns" == 1 ]]; then
		echo "PBX_SYNC_N8N_NETNS=1 but this machine cannot create a network namespace (unshare -n)" >&2
		return 1
	else
		echo "== $label (no network namespace available: configured for loopback only)"
		"$@"
	fi
}
