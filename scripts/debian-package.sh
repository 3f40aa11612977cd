#!/usr/bin/env bash
# Sourced by the scripts that install Debian packages they need.

# debian_package PACKAGE PRESENT WHY: installs PACKAGE with apt-get unless the command PRESENT succeeds; without apt-get
# or root, warns and goes on (only what needs the package fails then).
debian_package() {
  if eval "$2" >/dev/null 2>&1; then
    return
  fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing $1 ($3)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "warning: $1 is not installed and cannot be installed here; install it for $3" >&2
  fi
}
