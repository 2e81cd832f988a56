#!/usr/bin/env bash
# The end-to-end tests drive the system's Chromium and Firefox ESR (no test tool may download
# a browser of its own). When one is missing, install it from Debian's packages if we can
# (root with apt-get), or stop at once with one line saying what to install: never a wall of
# per-test "browser not found" failures.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox="${FIREFOX_PATH:-/usr/bin/firefox-esr}"

missing_pkgs=()
missing_custom=()
check() { # path, package, variable
  [ -x "$1" ] && return 0
  if [ -n "${!3:-}" ]; then missing_custom+=("$3=$1"); else missing_pkgs+=("$2"); fi
}
check "$chromium" chromium CHROMIUM_PATH
check "$firefox" firefox-esr FIREFOX_PATH

if [ ${#missing_custom[@]} -gt 0 ]; then
  echo "factcard: no browser at ${missing_custom[*]}: point the variable at an installed browser, or unset it to use Debian's chromium / firefox-esr." >&2
  exit 1
fi
[ ${#missing_pkgs[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "factcard: installing ${missing_pkgs[*]} from Debian's packages for the end-to-end tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null
  exit 0
fi

echo "factcard: the end-to-end tests need ${missing_pkgs[*]}: run 'sudo apt-get install ${missing_pkgs[*]}' (or set CHROMIUM_PATH / FIREFOX_PATH to installed browsers), then npm test again." >&2
exit 1
