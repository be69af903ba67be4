# Sourced by scripts/test-n8n.sh and scripts/test-editor.sh: the temporary folder and the
# loopback-only network namespace both use.

# make_work_dir PREFIX: creates WORK, removed on exit unless PBX_SYNC_N8N_KEEP=1.
make_work_dir() {
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
	trap 'if [[ "${PBX_SYNC_N8N_KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi' EXIT
}

# run_loopback_only LABEL COMMAND...: runs COMMAND with the network cut down to loopback
# (scripts/loopback-only.sh, which test:queue uses too).
run_loopback_only() {
	echo "== $1"
	shift
	scripts/loopback-only.sh "$@"
}
