#!/usr/bin/env bash
# Restores Nerva.Interop from a local folder feed into a fresh console project
# and runs a linear-layer feedforward through it, as a user of the package would.
#   tests/package/consume.sh FEED_FOLDER
set -euo pipefail

feed="$(cd "${1:?usage: consume.sh FEED_FOLDER}" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="$(ls "$feed"/Nerva.Interop.*.nupkg | head -n 1)"
version="$(basename "$package" .nupkg)"
version="${version#Nerva.Interop.}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Outside the repository, so none of its Directory.Build.props apply; a fresh
# packages folder, so no cached copy of an older build is used.
cp -r "$here/Consumer" "$work/"
cat > "$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG

echo "package: $package"
unzip -l "$package" | grep -q 'runtimes/linux-x64/native/libnerva_native.so' ||
    { echo "FAILED: the package has no runtimes/linux-x64/native/libnerva_native.so"; exit 1; }

output="$(cd "$work/Consumer" && dotnet run -c Release -p:NervaPackageVersion="$version" \
    -p:RestorePackagesPath="$work/packages" --configfile "$work/NuGet.config" 2>&1)" ||
    { echo "$output"; echo "FAILED: the consumer project did not build or run"; exit 1; }
echo "$output"

if ! grep -qx 'Y = 8 23' <<<"$output"; then
    echo "FAILED: expected the line 'Y = 8 23'"
    exit 1
fi
if ! grep -qx 'test accuracy 1.00' <<<"$output"; then
    echo "FAILED: expected the line 'test accuracy 1.00' (two separated classes)"
    exit 1
fi
echo "package consumption: 1 passed, 0 failed"
