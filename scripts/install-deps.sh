#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12's packages (run as root).
# Node.js and npm (the dashboard's build and browser test) come with the machine (docs/service.md).
# Chromium prints the PDF reports (tandem brief -o brief.pdf) and fonts-noto-cjk gives the
# Chinese edition real glyphs. --test adds what only the tests need: pdftotext and pdffonts
# (poppler-utils) to read the PDFs back, a PostgreSQL 15 server that the tests start in a folder
# of their own (the service's store on both engines), pytest and the notebook runner.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git clang-format
  libeigen3-dev libopenblas-dev liblapacke-dev libsuitesparse-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev
  libcsv-dev libutf8proc-dev libxlsxwriter-dev libspectra-dev libqpdf-dev
  libsqlite3-dev libpqxx-dev libsodium-dev libcpp-httplib-dev
  libgtest-dev libbenchmark-dev libcpptoml-dev coinor-libcbc-dev libxapian-dev
  python3 python3-dev pybind11-dev python3-numpy python3-pandas time
  chromium fonts-noto-cjk
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(poppler-utils postgresql-15 python3-pytest python3-nbclient python3-nbformat python3-ipykernel)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
