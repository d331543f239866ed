#!/usr/bin/env bash
# Fetches the web client's browser libraries from the npm registry (versions pinned by
# src/main/frontend/package-lock.json) and copies the files the pages load into TARGET/vendor.
# Usage: build-vendor.sh TARGET_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=$1
work=$target/frontend
vendor=$target/vendor
marker=$vendor/.lock-sha256
lock_sum=$(sha256sum "$here/src/main/frontend/package-lock.json" "$0" | sha256sum | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$lock_sum" ]; then
  echo "Browser libraries are up to date."
  exit 0
fi
rm -rf "$work" "$vendor"
mkdir -p "$work" "$vendor"
cp "$here/src/main/frontend/package.json" "$here/src/main/frontend/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
modules=$work/node_modules
cp "$modules/hls.js/dist/hls.mjs" "$vendor/hls.mjs"
cp "$modules/p2p-media-loader-core/dist/p2p-media-loader-core.es.js" "$vendor/p2p-media-loader-core.js"
# the hls.js integration imports the core by its package name: point it at the file beside it,
# so that pages need no import map
sed 's#from "p2p-media-loader-core"#from "./p2p-media-loader-core.js"#' \
  "$modules/p2p-media-loader-hlsjs/dist/p2p-media-loader-hlsjs.es.js" > "$vendor/p2p-media-loader-hlsjs.js"
grep -q 'from "./p2p-media-loader-core.js"' "$vendor/p2p-media-loader-hlsjs.js"
# Plyr, the player's controls (a self-contained module, its styles and its icons; the player
# points Plyr at these, never at Plyr's CDN)
cp "$modules/plyr/dist/plyr.mjs" "$vendor/plyr.mjs"
cp "$modules/plyr/dist/plyr.css" "$vendor/plyr.css"
cp "$modules/plyr/dist/plyr.svg" "$vendor/plyr.svg"
for package in hls.js p2p-media-loader-core p2p-media-loader-hlsjs; do
  cp "$modules/$package/LICENSE" "$vendor/LICENSE.$package" 2>/dev/null || true
done
cp "$modules/plyr/LICENSE.md" "$vendor/LICENSE.plyr"
echo "$lock_sum" > "$marker"
echo "Browser libraries copied into $vendor"
