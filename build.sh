#!/usr/bin/env bash
# Sets up, builds, tests and packages Nerva for .NET on Debian 12.
#
#   ./build.sh setup          install what a fresh machine lacks (as root)
#   ./build.sh build          build the native library (CMake, Release) and the .NET projects
#   ./build.sh generate       regenerate the P/Invoke bindings from native/include/nerva/nerva.h
#   ./build.sh test           build, then run every test suite
#   ./build.sh pack           build the NuGet package into artifacts/packages
#   ./build.sh train [ARGS]   train the main-job MLP on Fashion-MNIST, or run 'nerva train ARGS'
#
# Verbs run in the order given: './build.sh setup test'.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$ROOT/build"
JOBS="$(nproc)"
CONFIGURATION=Release
APT_PACKAGES=(cmake g++ make binutils unzip clang-format libeigen3-dev googletest libgtest-dev intel-mkl libmkl-dev dataset-fashion-mnist)
POWERSHELL_VERSION=7.6.10

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

# Adds the non-free component (Intel MKL lives there) to apt's Debian sources.
enable_non_free() {
    local sources=/etc/apt/sources.list.d/debian.sources
    if [[ -f $sources ]]; then
        if ! grep -Eq '^Components:.*\bnon-free\b' "$sources"; then
            sed -i -E 's/^(Components:.*\bmain\b.*)$/\1 non-free/' "$sources"
            return 0
        fi
    elif [[ -f /etc/apt/sources.list ]] && ! grep -Eq '^deb .*\bnon-free\b' /etc/apt/sources.list; then
        sed -i -E 's/^(deb .* main)( .*)?$/\1\2 non-free/' /etc/apt/sources.list
        return 0
    fi
    return 1
}

setup() {
    step "setup: Debian packages"
    local missing=()
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    if ((${#missing[@]} > 0)); then
        [[ $(id -u) -eq 0 ]] || fail "installing ${missing[*]} needs root: run 'sudo ./build.sh setup'"
        enable_non_free || true
        apt-get update -qq
        # Keep the system's reference BLAS as the default; Nerva links MKL statically.
        echo "libmkl-rt libmkl-rt/use-as-default-blas-lapack boolean false" | debconf-set-selections
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "all present: ${APT_PACKAGES[*]}"
    fi

    step "setup: .NET SDK"
    command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install the 'dotnet-sdk-10.0' package or the SDK from https://dot.net, then run this again"
    local version
    version="$(dotnet --version)"
    [[ ${version%%.*} -ge 10 ]] || fail "the .NET SDK is $version but 10.0 or later is required"
    echo "dotnet $version"

    step "setup: PowerShell $POWERSHELL_VERSION (for build.ps1)"
    if [[ ! -x $BUILD/tools/pwsh ]]; then
        dotnet tool install --tool-path "$BUILD/tools" PowerShell --version "$POWERSHELL_VERSION" >/dev/null
    fi
    "$BUILD/tools/pwsh" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()'
}

# Configures and builds one native configuration into build/<name>.
build_native() {
    local name=$1
    shift
    cmake -S "$ROOT/native" -B "$BUILD/$name" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    cmake --build "$BUILD/$name" -j "$JOBS"
}

build() {
    step "build: native library (MKL, Release)"
    build_native native -DNERVA_USE_MKL=ON
    step "build: .NET projects"
    dotnet build "$ROOT/Nerva.Native.sln" -c "$CONFIGURATION" -nologo -v quiet
}

generate() {
    step "generate: P/Invoke bindings"
    dotnet run --project "$ROOT/bindings/Nerva.Bindings.Cli" -c "$CONFIGURATION" -- \
        --header "$ROOT/native/include/nerva/nerva.h" --include "$ROOT/native/include" \
        --output "$ROOT/src/Nerva.Interop/Interop"
}

run_ctest() {
    (cd "$BUILD/$1" && ctest --output-on-failure -j "$JOBS")
}

check_format() {
    step "test: C++ formatting (.clang-format)"
    find "$ROOT/native" \( -name '*.h' -o -name '*.cpp' \) -print0 | xargs -0 clang-format --dry-run --Werror
    echo "every native source file matches .clang-format"
}

test_all() {
    check_format
    build
    step "test: native suites (MKL)"
    run_ctest native

    step "test: native suites (Eigen alone)"
    build_native native-eigen -DNERVA_USE_MKL=OFF
    run_ctest native-eigen

    step "test: native suites (AddressSanitizer + UndefinedBehaviorSanitizer)"
    cmake -S "$ROOT/native" -B "$BUILD/native-asan" -DCMAKE_BUILD_TYPE=Debug -DNERVA_SANITIZE=ON >/dev/null
    cmake --build "$BUILD/native-asan" -j "$JOBS"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 run_ctest native-asan

    step "test: .NET suites"
    dotnet test "$ROOT/Nerva.Native.sln" -c "$CONFIGURATION" --no-build -nologo

    step "test: the NuGet package, consumed from a local feed"
    pack
    "$ROOT/tests/package/consume.sh" "$ROOT/artifacts/packages"

    step "test: the NativeAOT binary trains like the JIT one"
    "$ROOT/tests/cli/aot.sh"
}

pack() {
    step "pack: NuGet package"
    rm -f "$ROOT"/artifacts/packages/Nerva.Interop.*.nupkg
    dotnet pack "$ROOT/src/Nerva.Interop" -c "$CONFIGURATION" -o "$ROOT/artifacts/packages" -nologo -v quiet
    ls "$ROOT"/artifacts/packages/Nerva.Interop.*.nupkg
}

# The main job: a 784-1024-512-10 ReLU network on Fashion-MNIST.
MAIN_JOB=(--dataset fashion-mnist --layers "ReLU;ReLU;Linear" --layer-sizes "784;1024;512;10"
    --layer-weights XavierNormalized --optimizers "Nesterov(0.9)" --loss SoftmaxCrossEntropy
    --learning-rate "Constant(0.01)" --batch-size 100 --epochs 10 --seed 1)

train() {
    build
    (($# > 0)) || set -- "${MAIN_JOB[@]}"
    step "train: nerva train $*"
    dotnet "$ROOT/src/Nerva.Cli/bin/$CONFIGURATION/net10.0/nerva.dll" train "$@"
}

[[ $# -gt 0 ]] || { sed -n '2,/^set /{/^#/p}' "$0"; exit 2; }
while [[ $# -gt 0 ]]; do
    verb=$1
    shift
    case $verb in
        setup) setup ;;
        build) build ;;
        generate) generate ;;
        test) test_all ;;
        pack) pack ;;
        train) train "$@"; exit 0 ;;
        *) fail "unknown verb '$verb'; use setup, build, generate, test, pack or train" ;;
    esac
done
