#!/usr/bin/env bash
# Installs what the benchmarks need beyond './build.sh setup', without
# changing the system's C and C++ runtime libraries.
#
#   benchmarks/setup.sh
#
# 1. Debian 12 packages (as root): python3-torch (the PyTorch reference),
#    patchelf, valgrind and linux-perf (profiling).
# 2. A private runtime for the TorchSharp benchmark in build/bench-runtime/.
#    TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13 or
#    later) but Debian 12 ships libstdc++ from GCC 12. Debian 13 (trixie)
#    ships GCC 14's libstdc++, which in turn needs glibc 2.38, and Debian 12
#    has glibc 2.36. So the script downloads trixie's libc6, libstdc++6 and
#    libgcc-s1 with apt, using a private sources list, state and cache under
#    build/bench-runtime/apt (the system's apt state is not touched), and
#    unpacks them with dpkg-deb -x. benchmarks/run.sh then starts only the
#    benchmark process with trixie's dynamic loader (a patched copy of the
#    benchmark's apphost) and LD_LIBRARY_PATH pointing there.
# 3. Debian 12's OpenBLAS (libopenblas0-pthread), downloaded and unpacked
#    into build/bench-runtime/openblas, not installed: installing it would
#    make it the system's default libblas.so.3 through the alternatives
#    system. Debian's python3-torch calls the system BLAS (BLAS_INFO=generic),
#    and the default here is the reference BLAS, which build.sh keeps. The
#    PyTorch reference runs with LD_LIBRARY_PATH pointing at OpenBLAS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNTIME="$ROOT/build/bench-runtime"
APT_PACKAGES=(python3-torch patchelf valgrind linux-perf hyperfine)
TRIXIE_PACKAGES=(libc6 libstdc++6 libgcc-s1)

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

step "Debian packages: ${APT_PACKAGES[*]}"
missing=()
for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
    [[ $(id -u) -eq 0 ]] || fail "installing ${missing[*]} needs root: run 'sudo benchmarks/setup.sh'"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "all present"
fi

step "private runtime from Debian trixie: ${TRIXIE_PACKAGES[*]} -> $RUNTIME"
APT_DIR="$RUNTIME/apt"
mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/debs"
cat >"$APT_DIR/sources.list" <<'SOURCES'
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
SOURCES
APT_OPTIONS=(
    -o "Dir::Etc::SourceList=$APT_DIR/sources.list"
    -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$APT_DIR/lists"
    -o "Dir::Cache=$APT_DIR/cache"
    -o "APT::Architectures=amd64"
    -o "Acquire::Languages=none"
    -o "APT::Sandbox::User=root"
)
apt-get "${APT_OPTIONS[@]}" update -qq
(cd "$APT_DIR/debs" && apt-get "${APT_OPTIONS[@]}" download "${TRIXIE_PACKAGES[@]/%//trixie}")
for deb in "$APT_DIR"/debs/*.deb; do
    dpkg-deb -x "$deb" "$RUNTIME/root"
done
LIB="$RUNTIME/root/usr/lib/x86_64-linux-gnu"
[[ -x $LIB/ld-linux-x86-64.so.2 && -e $LIB/libstdc++.so.6 ]] || fail "the trixie packages did not contain $LIB/ld-linux-x86-64.so.2 and libstdc++.so.6"
[[ $(objdump -T "$LIB/libstdc++.so.6") == *GLIBCXX_3.4.32* ]] || fail "$LIB/libstdc++.so.6 lacks GLIBCXX_3.4.32"
"$LIB/ld-linux-x86-64.so.2" --version | head -1
echo "libstdc++: $(readlink "$LIB/libstdc++.so.6")"

step "OpenBLAS for the PyTorch reference -> $RUNTIME/openblas"
mkdir -p "$APT_DIR/bookworm-debs"
(cd "$APT_DIR/bookworm-debs" && apt-get -o APT::Sandbox::User=root download libopenblas0-pthread)
for deb in "$APT_DIR"/bookworm-debs/libopenblas0-pthread_*.deb; do
    dpkg-deb -x "$deb" "$RUNTIME/openblas"
done
[[ -e $RUNTIME/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]] || fail "libopenblas0-pthread did not contain openblas-pthread/libblas.so.3"
echo "OpenBLAS: $(ls "$RUNTIME"/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-*.so)"
