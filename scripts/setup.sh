#!/usr/bin/env bash
# Installs the Debian packages kamerzoek needs to build, test and benchmark, skipping any already present.
set -euo pipefail
want=(build-essential cmake pkg-config libxapian-dev xapian-tools libpoppler-private-dev poppler-utils
      libicu-dev libcli11-dev nlohmann-json3-dev nettle-dev zlib1g-dev libzstd-dev libmimalloc-dev googletest libgtest-dev
      hunspell-nl clang libclang-rt-14-dev)
if [ "${1:-}" = "--bench" ]; then
  want+=(libcairo2-dev libpango1.0-dev fonts-dejavu-core xapian-omega recollcmd python3 time)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
