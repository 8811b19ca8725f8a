#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + color.png + outline.png at the zip's root) for
# sideloading or upload by an admin. Usage: MicrosoftAppId=<your Azure Bot's app id> manifests/teams/build-package.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${MicrosoftAppId:?Set MicrosoftAppId to the app id of the Azure Bot registration, a GUID.}"
if ! [[ "$MicrosoftAppId" =~ ^[0-9a-fA-F-]{36}$ ]]; then
  echo "MicrosoftAppId must be a GUID, got '$MicrosoftAppId'." >&2
  exit 2
fi
out="${1:-$here/coalitionbot-teams.zip}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s/{{MICROSOFT_APP_ID}}/$MicrosoftAppId/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
echo "Wrote $out"
