#!/usr/bin/env pwsh
# Sets up, builds, tests and packages Nerva for .NET; the PowerShell twin of build.sh.
#
#   ./build.ps1 setup          install what a fresh Debian 12 machine lacks (as root)
#   ./build.ps1 build          build the native library (CMake, Release) and the .NET projects
#   ./build.ps1 generate       regenerate the P/Invoke bindings from native/include/nerva/nerva.h
#   ./build.ps1 test           build, then run every test suite
#   ./build.ps1 pack           build the NuGet package into artifacts/packages
#   ./build.ps1 train [ARGS]   train the main-job MLP on Fashion-MNIST, or run 'nerva train ARGS'
#
# Verbs run in the order given: './build.ps1 setup test'.
[CmdletBinding()]
param(
    [Parameter(Position = 0, ValueFromRemainingArguments = $true)]
    [string[]] $Arguments
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true

$Root = $PSScriptRoot
$Build = Join-Path $Root 'build'
$Jobs = [Environment]::ProcessorCount
$Configuration = 'Release'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Write-Step([string] $Message) { Write-Host "`n==> $Message" }

function Invoke-Setup {
    # The Debian part needs apt and root; build.sh holds that one implementation.
    Write-Step 'setup (delegated to build.sh setup)'
    & bash (Join-Path $Root 'build.sh') setup
}

function Build-Native([string] $Name, [string[]] $Options) {
    & cmake -S (Join-Path $Root 'native') -B (Join-Path $Build $Name) -DCMAKE_BUILD_TYPE=Release @Options | Out-Null
    & cmake --build (Join-Path $Build $Name) -j $Jobs
}

function Invoke-Build {
    Write-Step 'build: native library (MKL, Release)'
    Build-Native 'native' @('-DNERVA_USE_MKL=ON')
    Write-Step 'build: .NET projects'
    & dotnet build (Join-Path $Root 'Nerva.Native.sln') -c $Configuration -nologo -v quiet
}

function Invoke-Generate {
    Write-Step 'generate: P/Invoke bindings'
    & dotnet run --project (Join-Path $Root 'bindings/Nerva.Bindings.Cli') -c $Configuration -- `
        --header (Join-Path $Root 'native/include/nerva/nerva.h') --include (Join-Path $Root 'native/include') `
        --output (Join-Path $Root 'src/Nerva.Interop/Interop')
}

function Invoke-CTest([string] $Name) {
    Push-Location (Join-Path $Build $Name)
    try { & ctest --output-on-failure -j $Jobs } finally { Pop-Location }
}

function Invoke-Pack {
    Write-Step 'pack: NuGet package'
    $packages = Join-Path $Root 'artifacts/packages'
    Remove-Item (Join-Path $packages 'Nerva.Interop.*.nupkg') -ErrorAction SilentlyContinue
    & dotnet pack (Join-Path $Root 'src/Nerva.Interop') -c $Configuration -o $packages -nologo -v quiet
}

function Test-Format {
    Write-Step 'test: C++ formatting (.clang-format)'
    $files = Get-ChildItem -Path (Join-Path $Root 'native') -Recurse -Include '*.h', '*.cpp' | ForEach-Object FullName
    & clang-format --dry-run --Werror @files
    Write-Host 'every native source file matches .clang-format'
}

function Invoke-Test {
    Test-Format
    Invoke-Build
    Write-Step 'test: native suites (MKL)'
    Invoke-CTest 'native'

    Write-Step 'test: native suites (Eigen alone)'
    Build-Native 'native-eigen' @('-DNERVA_USE_MKL=OFF')
    Invoke-CTest 'native-eigen'

    Write-Step 'test: native suites (AddressSanitizer + UndefinedBehaviorSanitizer)'
    & cmake -S (Join-Path $Root 'native') -B (Join-Path $Build 'native-asan') -DCMAKE_BUILD_TYPE=Debug -DNERVA_SANITIZE=ON | Out-Null
    & cmake --build (Join-Path $Build 'native-asan') -j $Jobs
    $env:ASAN_OPTIONS = 'detect_leaks=1:abort_on_error=1'
    $env:UBSAN_OPTIONS = 'print_stacktrace=1:halt_on_error=1'
    Invoke-CTest 'native-asan'

    Write-Step 'test: .NET suites'
    & dotnet test (Join-Path $Root 'Nerva.Native.sln') -c $Configuration --no-build -nologo

    Write-Step 'test: the NuGet package, consumed from a local feed'
    Invoke-Pack
    & bash (Join-Path $Root 'tests/package/consume.sh') (Join-Path $Root 'artifacts/packages')

    Write-Step 'test: the NativeAOT binary trains like the JIT one'
    & bash (Join-Path $Root 'tests/cli/aot.sh')
}

# The main job: a 784-1024-512-10 ReLU network on Fashion-MNIST.
$MainJob = @('--dataset', 'fashion-mnist', '--layers', 'ReLU;ReLU;Linear', '--layer-sizes', '784;1024;512;10',
    '--layer-weights', 'XavierNormalized', '--optimizers', 'Nesterov(0.9)', '--loss', 'SoftmaxCrossEntropy',
    '--learning-rate', 'Constant(0.01)', '--batch-size', '100', '--epochs', '10', '--seed', '1')

function Invoke-Train([string[]] $TrainArguments) {
    if (-not $TrainArguments) { $TrainArguments = $MainJob }
    Invoke-Build
    Write-Step "train: nerva train $TrainArguments"
    & dotnet (Join-Path $Root "src/Nerva.Cli/bin/$Configuration/net10.0/nerva.dll") train @TrainArguments
}

if (-not $Arguments) {
    Get-Content $PSCommandPath | Select-Object -Skip 1 -First 10
    exit 2
}

for ($i = 0; $i -lt $Arguments.Count; $i++) {
    switch ($Arguments[$i]) {
        'setup' { Invoke-Setup }
        'build' { Invoke-Build }
        'generate' { Invoke-Generate }
        'test' { Invoke-Test }
        'pack' { Invoke-Pack }
        'train' {
            $rest = if ($i + 1 -lt $Arguments.Count) { $Arguments[($i + 1)..($Arguments.Count - 1)] } else { @() }
            Invoke-Train $rest
            exit 0
        }
        default { Write-Error "unknown verb '$($Arguments[$i])'; use setup, build, generate, test, pack or train"; exit 2 }
    }
}
