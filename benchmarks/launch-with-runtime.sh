#!/usr/bin/env bash
# Starts a built .NET app (its apphost) with the private runtime that
# benchmarks/setup.sh unpacked into build/bench-runtime: trixie's dynamic
# loader, glibc and libstdc++. Only this process and its children see them.
#
#   benchmarks/launch-with-runtime.sh PATH/TO/APPHOST [ARGS...]
#
# The apphost is copied to APPHOST.trixie beside it (it finds its .dll by the
# name stored inside it) and the copy's ELF interpreter is set to the private
# loader with patchelf. LD_LIBRARY_PATH makes that loader take glibc and
# libstdc++ from the same folder; other libraries come from the system.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$ROOT/build/bench-runtime/root/usr/lib/x86_64-linux-gnu"
[[ $# -ge 1 ]] || { echo "usage: $0 PATH/TO/APPHOST [ARGS...]" >&2; exit 2; }
[[ -x $LIB/ld-linux-x86-64.so.2 ]] || { echo "launch-with-runtime.sh: error: $LIB/ld-linux-x86-64.so.2 is missing; run benchmarks/setup.sh" >&2; exit 1; }

apphost=$1
shift
patched="$apphost.trixie"
if [[ ! -x $patched || $apphost -nt $patched ]]; then
    cp "$apphost" "$patched"
    patchelf --set-interpreter "$LIB/ld-linux-x86-64.so.2" "$patched"
fi
DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}" \
    LD_LIBRARY_PATH="$LIB${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$patched" "$@"
