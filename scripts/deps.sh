#!/usr/bin/env bash
# deps.sh -- install the Debian packages heaptrail needs, if any are missing.
# As root it runs apt-get; otherwise it prints the exact apt-get line and fails.
set -euo pipefail
PKGS=(build-essential autoconf automake libtool autoconf-archive pkg-config
      libjemalloc-dev libunwind-dev libsqlite3-dev libgtk-4-dev libgraphviz-dev
      graphviz sqlite3 python3 python3-numpy clang libclang-rt-14-dev xvfb xauth)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "heaptrail needs these Debian packages; run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
