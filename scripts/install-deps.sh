#!/usr/bin/env bash
# Installs the Debian packages sensorbox builds against (Debian 12 / Raspberry Pi OS bookworm).
# The Swift toolchain itself is not a Debian package: see README.md, "Set-up".
set -euo pipefail
packages=(libi2c-dev libgpiod-dev libtomlplusplus-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "sensorbox needs a Swift 6 toolchain on PATH (see README.md, Set-up)" >&2
  exit 1
fi
