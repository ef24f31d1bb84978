"""Load script for the officers' workbench (issue 4). Seeds N reactions through the public server
function (a fifth of them campaign letters, the rest varied texts), answers part of them as an
officer and approves part as a reviewer, then times the reactions list page for the heaviest
filter and the grouping suggestions page, and prints Markdown table rows.

Usage: bench_workbench.py BASE SLUG N REQUESTS OFFICER_EMAIL REVIEWER_EMAIL PASSWORD SERVER_LOG"""
import http.cookiejar
import json
import random
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, slug, total, requests = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
officer_email, reviewer_email, password, server_log = sys.argv[5:9]
host = urllib.parse.urlparse(base).netloc
random.seed(4)


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def post(client, path, fields):
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(f"{base}{path}", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", "Origin": base, "Host": host})
    try:
        with client.open(request) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        sys.exit(f"{path}: HTTP {error.code}: {error.read()[:500]!r}")


def get(client, path):
    with client.open(f"{base}{path}") as response:
        return response.read()


public = opener()
html = get(public, f"/consultaties/{slug}").decode()
anchors = sorted(set(re.findall(r'data-block="([^"]+)"', html)))
if not anchors:
    sys.exit("no commentable blocks found")
popular = anchors[: max(1, len(anchors) // 10)]

TEMPLATES = [
    "Als mantelzorger vraag ik het college om respijtzorg binnen twee weken beschikbaar te maken in plaats van vier weken. "
    "Wie vastloopt kan niet een maand wachten op een adempauze.",
    "Wij als bewoners van de wijk willen dat het buurthuis open blijft, ook in de avonduren en in het weekend. "
    "Het is de enige plek waar ouderen en jongeren elkaar ontmoeten.",
    "Ik maak bezwaar tegen het sluiten van de dagbesteding aan de Kerkstraat. Mensen met dementie hebben een vaste plek nodig "
    "en de reistijd naar de nieuwe locatie is te lang.",
    "De wachtlijst voor beschermd wonen is veel te lang. Ik vraag het college om extra plekken in de regio en om "
    "tijdelijke opvang voor wie nu op straat dreigt te komen.",
    "Jongeren moeten mee kunnen praten over dit beleid. Organiseer een jongerenpanel en zorg dat de jongerenraad "
    "op tijd om advies wordt gevraagd.",
]
WORDS = ("wijkteam huisarts mantelzorg respijtzorg vervoer wachtlijst jongeren ouderen buurthuis schuldhulp preventie "
         "dagbesteding eenzaamheid vrijwilligers sport school budget bereikbaarheid woningen dakloosheid opvang ggz "
         "informatie loket wijk gemeente samenwerking zorgaanbieders kosten").split()
SIGNS = ["Met vriendelijke groet,", "Groet,", "Hoogachtend,", ""]

start = time.perf_counter()
for i in range(total):
    if i % 5 == 0:
        template = TEMPLATES[(i // 5) % len(TEMPLATES)]
        extra = random.choice(["", " Ik zorg al jaren voor mijn moeder.", " Dit raakt mijn gezin direct.", " Neem dit alstublieft serieus."])
        body = f"Geacht college,\n\n{template}{extra}\n\n{random.choice(SIGNS)}\nbewoner {i}"
        block = popular[(i // 5) % len(popular)]
    else:
        body = f"Reactie {i}: " + " ".join(random.choice(WORDS) for _ in range(random.randint(12, 90))) + "."
        block = random.choice(anchors) if random.random() > 0.1 else ""
    outcome = post(public, "/api/reageer", {
        "form[consultation]": slug, "form[block]": block, "form[body]": body,
        "form[name]": "", "form[organisation]": "Stichting Wijkkracht" if i % 50 == 1 else "", "form[email]": ""})
    if "Done" not in outcome:
        sys.exit(f"comment refused: {outcome}")
seeded = time.perf_counter() - start

officer, reviewer = opener(), opener()
for client, email in ((officer, officer_email), (reviewer, reviewer_email)):
    if post(client, "/api/inloggen", {"email": email, "password": password}) != {"Done": None}:
        sys.exit(f"login failed for {email}")

# Answer 40%: a quarter of those stay concept, the rest go for review; the reviewer approves half of those.
ids = []
page = 1
while True:
    view = post(officer, "/api/beheer-reacties", {"slug": slug, "query": f"volgorde=oudste&pagina={page}"})
    ids += [item["id"] for item in view["items"]]
    if page >= view["pages"]:
        break
    page += 1
statuses = ["verwerkt", "deels_verwerkt", "niet_verwerkt", "uitvoeringsplan", "kennisgenomen", "buiten_reikwijdte"]
answered = approved = 0
for n, comment in enumerate(ids):
    if n % 5 >= 2:
        continue
    state = "concept" if n % 4 == 0 else "ter_beoordeling"
    outcome = post(officer, "/api/antwoord", {"form[comment]": comment, "form[body]": f"Antwoord op reactie {comment}.",
                                             "form[status]": statuses[n % 6], "form[processed_where]": "", "form[state]": state,
                                             "form[revision]": ""})
    if "Done" not in outcome:
        sys.exit(f"answer refused: {outcome}")
    answered += 1
    if state == "ter_beoordeling" and n % 2 == 0:
        outcome = post(reviewer, "/api/beoordeling", {"form[comment]": comment, "form[revision]": 1, "form[decision]": "goedkeuren"})
        if "Done" not in outcome:
            sys.exit(f"approval refused: {outcome}")
        approved += 1


def timed(path, count):
    get(officer, path)  # warm-up
    times = []
    size = 0
    for _ in range(count):
        t0 = time.perf_counter()
        size = len(get(officer, path))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(round(0.99 * len(times))) - 1)]
    return statistics.median(times), p99, size


section = re.findall(r'data-block="([^"]+)"', html)
lists = {
    "no filter, first page": f"/beheer/consultaties/{slug}/reacties",
    # Every filter at once, a free-text scan, document order and a deep page: the most work per request.
    "heaviest: text search + status + sender + on time + document order, page 3":
        f"/beheer/consultaties/{slug}/reacties?q=wijk&status=nog_niet_beantwoord&afzender=inwoner&tijdig=op_tijd&pagina=3",
    "deepest page (400 of 400)": f"/beheer/consultaties/{slug}/reacties?pagina=400",
}
print(f"| reactions seeded through /api/reageer | {total} in {seeded:.0f} s |")
print(f"| answers saved by the officer / approved by the reviewer | {answered} / {approved} |")
for name, path in lists.items():
    median, p99, size = timed(path, requests)
    print(f"| list page, {name}: median / p99 ({requests} requests) | {median:.1f} ms / {p99:.1f} ms ({size // 1024} KiB HTML) |")

heaviest_query = "q=wijk&status=nog_niet_beantwoord&afzender=inwoner&tijdig=op_tijd&pagina=3"
post(officer, "/api/beheer-reacties", {"slug": slug, "query": heaviest_query})
api_times = []
for _ in range(requests):
    t0 = time.perf_counter()
    post(officer, "/api/beheer-reacties", {"slug": slug, "query": heaviest_query})
    api_times.append((time.perf_counter() - t0) * 1000)
api_times.sort()
api_p99 = api_times[min(len(api_times) - 1, int(round(0.99 * len(api_times))) - 1)]
print(f"| same heaviest filter, the server function alone (data as JSON, no HTML): median / p99 | "
      f"{statistics.median(api_times):.1f} ms / {api_p99:.1f} ms |")

median, p99, size = timed(f"/beheer/consultaties/{slug}/groepen", max(5, requests // 10))
print(f"| grouping suggestions page (load {total} texts, group, render): median / p99 | {median:.0f} ms / {p99:.0f} ms |")
with open(server_log) as log:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", log.read())
    durations = [int(m) for m in re.findall(r"grouping suggested.*?ms=(\d+)", plain)]
if durations:
    print(f"| grouping alone (suggest_groups on {total} reactions, from the server log): median | {statistics.median(durations):.0f} ms |")
dashboard = timed(f"/beheer/consultaties/{slug}", requests)
print(f"| dashboard page: median / p99 | {dashboard[0]:.1f} ms / {dashboard[1]:.1f} ms |")
