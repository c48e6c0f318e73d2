#!/usr/bin/env bash
# The harness adapter: ../shared/peers/run-all N --peer motesarkiv=$PWD/cmd/motesarkiv-bench/peer.sh
# run-all calls it as `peer.sh CORPUS.jsonl RESULT.json --reps R`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
result="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
shift 2
cd "$root"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/motesarkiv-bench" ./cmd/motesarkiv-bench
"$bin/motesarkiv-bench" peer "$corpus" "$result" --harness "$root/../shared/peers" "$@"
