#!/usr/bin/env bash
# SlurmDeck's main job on a default that needs no extra hardware: install what is
# missing, build, and start SlurmDeck. With a display it opens the GUI; without one it
# says so, prints what the CLI reports and writes a screenshot of the main window.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh build
cmake --preset release >/dev/null
cmake --build --preset release

gui="$root/build/release/app/slurmdeck"
cli="$root/build/release/app/slurmdeck-cli"

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: starting SlurmDeck"
  exec "$gui" "$@"
fi

shot="$root/build/slurmdeck-main-window.png"
echo "run: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open."
echo "run: here is what the headless front reports instead:"
"$cli" version
QT_QPA_PLATFORM=offscreen "$gui" --screenshot "$shot" 2>/dev/null
echo "run: a screenshot of the main window is at $shot"
echo "run: on a desktop, start it with: $gui"
