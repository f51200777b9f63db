#!/usr/bin/env bash
# Renders the hicolor PNG sizes of the icon from its SVG (librsvg2-bin). Run after editing the
# SVG; the PNGs are checked in so the build needs no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" org.eikona.Eikona.svg -o "hicolor/${size}x${size}/apps/org.eikona.Eikona.png"
done
