# Sourced by scripts/run, scripts/test and scripts/bench: installs what is missing, idempotently,
# from crates.io, the Rust dist server and npm only (never a binary download; see README "Build notes").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.11"
# Must equal the wasm-bindgen crate version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION="0.2.130"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE_ROOT="$ROOT/target/site"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_tools() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
    if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
        # cargo-leptos' lockfile needs a newer rustc than stable 1.95: build it with nightly.
        if ! rustup toolchain list | grep -q '^nightly'; then
            say "rustup toolchain install nightly (to build cargo-leptos)"
            rustup toolchain install nightly --profile minimal
        fi
        say "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes, once)"
        cargo +nightly install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
    fi
    if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
        say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
        cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
    fi
    if [ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/end2end/node_modules/playwright-core" ] \
        || [ ! -d "$ROOT/end2end/node_modules/mailparser" ]; then
        say "npm ci (wasm-opt from binaryen, playwright-core, axe-core, mailparser)"
        (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
    fi
    # The look: NL Design System components and design tokens from npm, bundled by style/build.mjs
    # into style/build (the stylesheet cargo-leptos serves, and the themes).
    if [ ! -d "$ROOT/style/node_modules/@utrecht/component-library-css" ] \
        || [ "$ROOT/style/package-lock.json" -nt "$ROOT/style/node_modules/.package-lock.json" ]; then
        say "npm ci in style/ (NL Design System components and design tokens)"
        (cd "$ROOT/style" && npm ci --no-audit --no-fund)
    fi
    node "$ROOT/style/build.mjs"
    # cargo-leptos uses the wasm-opt it finds on PATH instead of downloading one.
    export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
}

# Cargo never deletes a test binary it has replaced, and each is about a gigabyte: a target
# directory kept between runs (as CI keeps one) grew by tens of gigabytes a run until the disk was
# full. Test and binary executables in debug/deps (names without a dot: not the proc-macro `.so`
# files) not written in the last three hours are removed; a test whose binary is gone is built
# again, its own crate only.
prune_stale_test_binaries() {
    local deps="$TARGET_DIR/debug/deps"
    [ -d "$deps" ] || return 0
    find "$deps" -maxdepth 1 -type f -executable ! -name '*.*' -mmin +180 -delete 2>/dev/null || true
}

# `--split`: the staff islands (`#[island(lazy)]`) go into WebAssembly chunks of their own, which
# resident pages never load.
build_release() {
    say "cargo leptos build --release --split"
    (cd "$ROOT" && cargo leptos build --release --split)
}

# The local SMTP server for development and tests: Debian's aiosmtpd (python3-aiosmtpd), which
# keeps every message as a file in a Maildir. Installed here when missing and we may.
ensure_mail_sink() {
    if /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then return 0; fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "apt-get install python3-aiosmtpd (the local mail server)"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-aiosmtpd
    else
        echo "Install Debian's python3-aiosmtpd for the local mail server (sudo apt-get install python3-aiosmtpd)." >&2
        return 1
    fi
}

# Starts the mail sink on 127.0.0.1:$1 writing to the Maildir $2; sets MAIL_SINK_PID and
# exports INSPRAAK_SMTP_URL for the server.
start_mail_sink() {
    /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$1" -c aiosmtpd.handlers.Mailbox "$2" >/dev/null 2>&1 &
    MAIL_SINK_PID=$!
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
            export INSPRAAK_SMTP_URL="smtp://127.0.0.1:$1"
            return 0
        fi
        sleep 0.1
    done
    echo "the mail sink on port $1 did not start" >&2
    return 1
}

# The environment the server binary reads when it is started outside cargo-leptos.
export_server_env() {
    export LEPTOS_OUTPUT_NAME=inspraak
    export LEPTOS_SITE_ROOT="$SITE_ROOT"
    export LEPTOS_SITE_PKG_DIR=pkg
    export LEPTOS_ENV=PROD
    export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
}

# Waits until the server answers on $1 (host:port), at most 60 seconds.
wait_for_server() {
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null "http://$1/"; then return 0; fi
        sleep 0.5
    done
    echo "server on $1 did not start" >&2
    return 1
}
