#!/usr/bin/env bash
# Installs what the browser tests need: Debian's Chromium, which Playwright drives by path
# (/usr/bin/chromium), and a CJK font so screenshots show Chinese rather than boxes.
# Playwright's own browser download cannot reach the network here: `playwright install` is never
# called. The Python package (playwright) comes with the `test` extra of pyproject.toml.
set -euo pipefail

want=()
[ -x /usr/bin/chromium ] || want+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
  want+=(fonts-noto-cjk)
fi
if [ "${#want[@]}" -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "找不到 apt-get：请手动安装 ${want[*]}（浏览器测试需要 /usr/bin/chromium）" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi

echo "安装浏览器测试所需的软件包：${want[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${want[@]}"

if [ ! -x /usr/bin/chromium ]; then
  echo "安装后仍找不到 /usr/bin/chromium" >&2
  exit 1
fi
