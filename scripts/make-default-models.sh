#!/usr/bin/env bash
# Rebuilds the two bundled default models in assets/models with the headless trainer.
# Fixed seeds, so the same commands give the same models on the same engine.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build.mjs --main-only
node dist/main/train-cli.cjs --epochs 30 --size 32 --kind ae --align 0 --seed 1 \
  --id discovered --name "Discovered alone (λ = 0)" --out assets/models/discovered
node dist/main/train-cli.cjs --epochs 30 --size 32 --kind ae --align 1 --seed 2 \
  --id aligned --name "Aligned to height and radius (λ = 1)" --out assets/models/aligned
