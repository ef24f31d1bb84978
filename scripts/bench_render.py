"""Loads N comments into a consultation through the public server function, then times GET
/consultaties/{slug} sequentially (one client) and prints Markdown table rows.
`load_comments` is shared with scripts/bench_load.py."""
import json
import random
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request


def get(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


def load_comments(base, slug, comments):
    """Sends `comments` comments on random paragraphs; returns the paragraphs' anchors and the
    first receipt's tracking code."""
    host = urllib.parse.urlparse(base).netloc
    html = get(f"{base}/consultaties/{slug}").decode()
    anchors = sorted(set(re.findall(r'data-block="([^"]+)"', html)))
    if not anchors:
        sys.exit("no commentable blocks found on the page (data-block attributes)")
    random.seed(2)
    code = None
    for i in range(comments):
        body = urllib.parse.urlencode({
            "form[consultation]": slug,
            "form[block]": random.choice(anchors),
            "form[body]": f"Reactie {i}: " + "Wij vragen aandacht voor de uitvoering in de wijken. " * random.randint(1, 8),
            "form[name]": "", "form[organisation]": "", "form[email]": "",
        }).encode()
        request = urllib.request.Request(f"{base}/api/reageer", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
            "Origin": base, "Host": host})
        with urllib.request.urlopen(request) as response:
            outcome = json.loads(response.read())
            if "Done" not in outcome:
                sys.exit(f"comment refused: {outcome}")
            code = code or outcome["Done"]["code"]
    return anchors, code


def main():
    base, slug, comments, requests = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    page_url = f"{base}/consultaties/{slug}"
    anchors, _ = load_comments(base, slug, comments)
    get(page_url)  # warm-up
    times, size = [], 0
    for _ in range(requests):
        start = time.perf_counter()
        size = len(get(page_url))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(round(0.99 * len(times))) - 1)]
    print(f"| render /consultaties/{slug}, {comments} comments, {requests} requests: median | {statistics.median(times):.1f} ms |")
    print(f"| same: p99 | {p99:.1f} ms |")
    print(f"| page size (HTML, uncompressed) | {size} bytes |")
    print(f"| blocks on the page | {len(anchors)} |")


if __name__ == "__main__":
    main()
