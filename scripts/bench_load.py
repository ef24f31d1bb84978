"""Helpers of scripts/bench_load.

prepare BASE SLUG COMMENTS WORK  loads the comments through the public endpoint, signs in the
                                 bench officer, saves every public page's bytes (plain and as the
                                 app sends them gzipped) under WORK/www for nginx, and prints shell
                                 assignments (TRACK_PATH, STAFF_PATH, STAFF_COOKIE, ...).
parse-wrk                        reads wrk --latency output on stdin, prints "req/s p50 p99 errors".
row NAME ENCODING APP REF        prints one Markdown table row.
"""
import gzip
import os
import re
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_render import load_comments  # noqa: E402


def fetch(url, headers=None, data=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers


def prepare(base, slug, comments, work):
    host = urllib.parse.urlparse(base).netloc
    anchors, code = load_comments(base, slug, comments)

    login = urllib.parse.urlencode({"email": "bench@gemeente.example", "password": "bench-wachtwoord-1234"}).encode()
    request = urllib.request.Request(f"{base}/api/inloggen", data=login, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", "Origin": base, "Host": host})
    with urllib.request.urlopen(request) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    session = next((c.split(";")[0] for c in cookies if c.startswith("inspraak_sessie=")), None)
    if not session:
        sys.exit("the bench officer could not sign in")

    pages = [
        ("home", "/", "home.html"),
        ("document", f"/consultaties/{slug}", "document.html"),
        ("document, comment form open", f"/consultaties/{slug}?alinea={anchors[0]}", "document-form.html"),
        ("nota (web page)", f"/consultaties/{slug}/reactienota", "nota.html"),
        ("resultaat", f"/consultaties/{slug}/resultaat", "resultaat.html"),
        ("adviezen (letters)", f"/consultaties/{slug}/adviezen", "adviezen.html"),
        ("open data: index", "/api/v1/consultaties", "index.json"),
        ("open data: reacties", f"/api/v1/consultaties/{slug}/reacties", "reacties.json"),
    ]
    www = os.path.join(work, "www")
    os.makedirs(www, exist_ok=True)
    with open(os.path.join(work, "pages.txt"), "w") as listing, open(os.path.join(work, "sizes.txt"), "w") as sizes:
        for name, path, file in pages:
            plain = fetch(base + path)[0]
            packed, headers = fetch(base + path, {"Accept-Encoding": "gzip"})
            if headers.get("Content-Encoding") != "gzip":
                packed = gzip.compress(plain, 6)
            for target, data in ((file, plain), (file + ".gz", packed)):
                with open(os.path.join(www, target), "wb") as out:
                    out.write(data)
            listing.write(f"{name}|{path}|{file}\n")
            sizes.write(f"| {name} | {len(plain):,} | {len(packed):,} |\n")
    print(f"TRACK_PATH='/volg/{code}'")
    print(f"STAFF_PATH='/beheer/consultaties/{slug}'")
    print(f"STAFF_COOKIE='{session}'")
    print(f"DOCUMENT_FORM_PATH='/consultaties/{slug}?alinea={anchors[0]}'")


def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(text):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    socket = re.search(r"Socket errors:.*", text)
    print(f"{rps:.0f} {p50:.2f} {p99:.2f} {int(errors.group(1)) if errors else 0}{' socket-errors' if socket else ''}")


def row(name, encoding, app, ref):
    a = app.split()
    cells = [f"{int(a[0]):,}", f"{a[1]} ms", f"{a[2]} ms"]
    if a[3] != "0":
        cells[0] += f" ({a[3]} non-2xx)"
    if ref:
        r = ref.split()
        cells += [f"{int(r[0]):,}", f"{r[1]} ms", f"{r[2]} ms", f"{100 * int(a[0]) / max(1, int(r[0])):.1f} %"]
    else:
        cells += ["", "", "", ""]
    print(f"| {name} | {encoding} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "prepare":
        prepare(args[0], args[1], int(args[2]), args[3])
    elif command == "parse-wrk":
        parse_wrk(sys.stdin.read())
    elif command == "row":
        row(*args)
    else:
        sys.exit(f"unknown command {command}")
