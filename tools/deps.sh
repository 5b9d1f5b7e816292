#!/bin/sh
# deps.sh: install the Debian packages defuse needs, but only those missing.
# Each line of the table is "check package": a check is either pc:NAME
# (pkg-config module), bin:NAME (a command on PATH) or file:PATH.
# Then the npm packages of the mock LRS (tests/lrs), from its package-lock.json.
set -u
cd "$(dirname "$0")/.." || exit 1

TABLE='
pc:lua5.4            liblua5.4-dev
pc:libcjson          libcjson-dev
pc:sqlite3           libsqlite3-dev
pc:fontconfig        libfontconfig-dev
pc:sdl2              libsdl2-dev
pc:SDL2_ttf          libsdl2-ttf-dev
pc:SDL2_image        libsdl2-image-dev
pc:cmocka            libcmocka-dev
file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
bin:pkg-config       pkg-config
bin:Xvfb             xvfb
bin:xdotool          xdotool
bin:xwd              x11-apps
bin:dot              graphviz
bin:sqlite3          sqlite3
bin:luac5.4            lua5.4
pc:libcurl           libcurl4-openssl-dev
pc:nettle            nettle-dev
bin:node             nodejs
bin:npm              npm
bin:clang            clang libclang-rt-dev
bin:llvm-symbolizer  llvm
'

have() {
    case "$1" in
    pc:*) pkg-config --exists "${1#pc:}" 2>/dev/null ;;
    bin:*) command -v "${1#bin:}" >/dev/null 2>&1 ;;
    file:*) test -e "${1#file:}" ;;
    esac
}

missing=""
# pkg-config itself may be missing; then every pc: check fails and the
# package list simply includes pkg-config and the -dev packages.
while read -r check pkg; do
    [ -z "$check" ] && continue
    have "$check" || missing="$missing $pkg"
done <<EOT
$TABLE
EOT

# The mock LRS (tests/lrs) needs its validator from npm; npm ci installs exactly the
# versions of its package-lock.json.
npm_missing() {
    [ -f tests/lrs/package.json ] && [ ! -d tests/lrs/node_modules/@learninglocker/xapi-validation ]
}

# npm_install: quiet npm ci; on failure one line with npm's first real reason.
npm_install() {
    echo "deps: installing the mock LRS's npm packages (npm ci --prefix tests/lrs)"
    if ! command -v npm >/dev/null 2>&1; then
        echo "deps: npm is missing, cannot install the packages of tests/lrs" >&2
        return 1
    fi
    log=$(mktemp "${TMPDIR:-/tmp}/deps-npm.XXXXXX") || return 1
    if npm ci --prefix tests/lrs --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    why=$(sed -n -E '/^npm (ERR!|error) +(code|syscall|errno) /d; s/^npm (ERR!|error) +//p' "$log" |
        sed -n 1p)
    echo "deps: npm ci --prefix tests/lrs failed: ${why:-no reason given} (full output: $log)" >&2
    return 1
}

if [ -z "$missing" ]; then
    if npm_missing; then
        npm_install || exit 1
        echo "deps: done"
    else
        echo "deps: all present"
    fi
    exit 0
fi

echo "deps: installing:$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "deps: missing packages:$missing" >&2
    echo "deps: run as root or with sudo: apt-get install$missing" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT="$SUDO apt-get -y -q -o Dpkg::Use-Pty=0 --no-install-recommends"

# Package lists are missing on a fresh image; fetch them first then.
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    $SUDO apt-get -q update || exit 1
fi
if ! $APT install $missing; then
    echo "deps: install failed; refreshing package lists and retrying" >&2
    $SUDO apt-get -q update && $APT install $missing || {
        echo "deps: could not install:$missing" >&2
        exit 1
    }
fi
if npm_missing; then
    npm_install || exit 1
fi
echo "deps: done"
