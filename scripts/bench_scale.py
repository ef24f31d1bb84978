"""Issue 19's numbers: what a page of one consultation costs when the database holds many others.

Subcommands (scripts/bench_scale runs them in order):
  seed BASE SLUG N OFFICER REVIEWER PASSWORD
      N reactions through the public endpoint (a few with a name and address, so that mail waits in
      the outbox), every one answered and approved (the college adopts only a complete set), some
      hidden: the measured consultation.
  clone DB SLUG TOTAL
      Copies the measured consultation's rows (reactions, senders, answers and their revisions,
      moderation, the audit log, mail and links) into every other consultation in DB until the
      database holds TOTAL reactions; a third of the copies keep their answer, so that a third of
      all reactions are answered. Half of the other consultations closed years ago, so that
      retention has addresses to erase. Copied mail counts as sent.
  measure BASE_SMALL BASE_BIG SLUG DB REQUESTS ADMIN PASSWORD OUT
      One client, REQUESTS requests per page to each server (after one warm-up), taking turns:
      median and p99 of every page, download and open data answer of the consultation, staff pages
      included; then the college's adoption of the consultation's answers, timed once on each.
      Writes JSON to OUT.
  report RESULT_JSON WORK
      The Markdown table: both databases side by side and their ratio, and the jobs' durations
      from what `inspraak jobs` printed (WORK/jobs-DB-RUN.txt).
"""
import hashlib
import http.cookiejar
import json
import random
import re
import sqlite3
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
STRIDE = 1_000_000


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def post(base, client, path, fields):
    host = urllib.parse.urlparse(base).netloc
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(f"{base}{path}", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", "Origin": base, "Host": host})
    try:
        with client.open(request) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        sys.exit(f"{path}: HTTP {error.code}: {error.read()[:500]!r}")


def get(base, client, path):
    with client.open(f"{base}{path}") as response:
        return response.read(), response.headers


def login(base, email, password):
    client = opener()
    if post(base, client, "/api/inloggen", {"email": email, "password": password}) != {"Done": None}:
        sys.exit(f"login failed for {email}")
    return client


WORDS = ("wijkteam huisarts mantelzorg respijtzorg vervoer wachtlijst jongeren ouderen buurthuis schuldhulp preventie "
         "dagbesteding eenzaamheid vrijwilligers sport school budget bereikbaarheid woningen dakloosheid opvang ggz "
         "informatie loket wijk gemeente samenwerking zorgaanbieders kosten").split()
STATUSES = ["verwerkt", "deels_verwerkt", "niet_verwerkt", "uitvoeringsplan", "kennisgenomen", "buiten_reikwijdte"]


def seed(base, slug, total, officer_email, reviewer_email, password):
    random.seed(19)
    public = opener()
    html = get(base, public, f"/consultaties/{slug}")[0].decode()
    anchors = sorted(set(re.findall(r'data-block="([^"]+)"', html)))
    if not anchors:
        sys.exit("no commentable blocks found")
    for i in range(total):
        body = f"Reactie {i}: " + " ".join(random.choice(WORDS) for _ in range(random.randint(12, 90))) + "."
        fields = {"form[consultation]": slug, "form[block]": random.choice(anchors) if random.random() > 0.1 else "",
                  "form[body]": body, "form[name]": "", "form[organisation]": "", "form[email]": ""}
        if i % 100 == 7:  # a name and an address: a receipt waits in the outbox
            fields.update({"form[name]": f"Inwoner {i}", "form[email]": f"inwoner{i}@voorbeeld.nl", "form[consent]": "on"})
        elif i % 20 == 3:  # a name only
            fields.update({"form[name]": f"Inwoner {i}", "form[consent]": "on"})
        elif i % 50 == 1:
            fields["form[organisation]"] = "Stichting Wijkkracht"
        outcome = post(base, public, "/api/reageer", fields)
        if "Done" not in outcome:
            sys.exit(f"comment refused: {outcome}")
    officer, reviewer = login(base, officer_email, password), login(base, reviewer_email, password)
    ids, page = [], 1
    while True:
        view = post(base, officer, "/api/beheer-reacties", {"slug": slug, "query": f"volgorde=oudste&pagina={page}"})
        ids += [item["id"] for item in view["items"]]
        if page >= view["pages"]:
            break
        page += 1
    answered = hidden = 0
    for n, comment in enumerate(ids):
        outcome = post(base, officer, "/api/antwoord", {
            "form[comment]": comment, "form[body]": f"Antwoord op reactie {comment}: het college neemt dit mee.",
            "form[status]": STATUSES[n % 6], "form[processed_where]": "", "form[state]": "ter_beoordeling", "form[revision]": ""})
        if "Done" not in outcome:
            sys.exit(f"answer refused: {outcome}")
        outcome = post(base, reviewer, "/api/beoordeling", {"form[comment]": comment, "form[revision]": 1, "form[decision]": "goedkeuren"})
        if "Done" not in outcome:
            sys.exit(f"approval refused: {outcome}")
        answered += 1
        if n % 50 == 5:
            outcome = post(base, officer, "/api/zichtbaarheid",
                           {"form[comment]": comment, "form[hide]": "ja", "form[reason]": "Persoonsgegevens van een derde."})
            if "Done" not in outcome:
                sys.exit(f"hiding refused: {outcome}")
            hidden += 1
    print(f"seeded {total} reactions on {slug}: {answered} answered and approved, {hidden} hidden", file=sys.stderr)


def tracking_code(seed_value):
    digest = hashlib.sha256(str(seed_value).encode()).digest()
    symbols = "".join(ALPHABET[b % 32] for b in digest[:10])
    return f"{symbols[:5]}-{symbols[5:]}"


def clone(db, slug, total):
    con = sqlite3.connect(db)
    con.create_function("new_code", 1, tracking_code, deterministic=True)
    cur = con.cursor()
    src, src_version = cur.execute(
        "SELECT c.id, (SELECT MAX(v.id) FROM document_versions v WHERE v.consultation_id = c.id) FROM consultations c WHERE c.slug = ?",
        (slug,)).fetchone()
    per_copy = cur.execute("SELECT COUNT(*) FROM comments WHERE consultation_id = ?", (src,)).fetchone()[0]
    targets = cur.execute(
        "SELECT c.id, (SELECT MAX(v.id) FROM document_versions v WHERE v.consultation_id = c.id) FROM consultations c "
        "WHERE c.id <> ? ORDER BY c.id", (src,)).fetchall()
    copies = (total - per_copy) // per_copy
    if not targets or copies < 1:
        sys.exit("nothing to clone into")
    for k, (target, _) in enumerate(targets):
        if k % 2 == 0:  # closed years ago: retention erases its addresses
            cur.execute("UPDATE consultations SET opens_on = '2021-01-04', closes_on = '2021-02-15' WHERE id = ?", (target,))
    started = time.perf_counter()
    for copy in range(copies):
        target, version = targets[copy % len(targets)]
        off = (copy + 1) * STRIDE
        cur.execute("DROP TABLE IF EXISTS temp.block_map")
        cur.execute("CREATE TEMP TABLE block_map AS SELECT o.id AS old_id, n.id AS new_id FROM blocks o JOIN blocks n "
                    "ON n.version_id = ? AND n.anchor = o.anchor WHERE o.version_id = ?", (version, src_version))
        cur.execute(
            "INSERT INTO comments (id, consultation_id, version_id, block_id, body, sender_kind, organisation, show_name, tracking_code, "
            "is_late, submitted_at) SELECT id + ?1, ?2, ?3, (SELECT new_id FROM block_map WHERE old_id = block_id), body, sender_kind, "
            "organisation, show_name, new_code(id + ?1), is_late, submitted_at FROM comments WHERE consultation_id = ?4",
            (off, target, version, src))
        cur.execute(
            "INSERT INTO comment_senders (comment_id, name, email, consent_at, email_confirmed_at, unsubscribed_at, locale, answer_mailed_at) "
            "SELECT s.comment_id + ?1, s.name, CASE WHEN s.email IS NULL THEN NULL ELSE ?3 || '.' || s.email END, s.consent_at, "
            "s.email_confirmed_at, s.unsubscribed_at, s.locale, s.answer_mailed_at "
            "FROM comment_senders s JOIN comments m ON m.id = s.comment_id WHERE m.consultation_id = ?2", (off, src, copy))
        cur.execute(
            "INSERT INTO answer_revisions (id, comment_id, revision_no, body_markdown, body_html, status, processed_where, state, author_id, "
            "created_at, remark, change_reason, joint_id) SELECT a.id + ?1, a.comment_id + ?1, a.revision_no, a.body_markdown, a.body_html, "
            "a.status, a.processed_where, a.state, a.author_id, a.created_at, a.remark, a.change_reason, NULL "
            "FROM answer_revisions a JOIN comments m ON m.id = a.comment_id WHERE m.consultation_id = ?2 AND m.id % 3 = 0", (off, src))
        cur.execute(
            "INSERT INTO comment_moderation (id, comment_id, hidden, reason, actor_id, created_at) SELECT d.id + ?1, d.comment_id + ?1, "
            "d.hidden, d.reason, d.actor_id, d.created_at FROM comment_moderation d JOIN comments m ON m.id = d.comment_id "
            "WHERE m.consultation_id = ?2", (off, src))
        cur.execute(
            "INSERT INTO comment_current (comment_id, consultation_id, revision_id, status, state, hidden) SELECT comment_id + ?1, ?2, "
            "CASE WHEN comment_id % 3 = 0 THEN revision_id + ?1 END, CASE WHEN comment_id % 3 = 0 THEN status END, "
            "CASE WHEN comment_id % 3 = 0 THEN state END, hidden FROM comment_current WHERE consultation_id = ?3", (off, target, src))
        cur.execute(
            "INSERT INTO audit_events (id, consultation_id, comment_id, actor_id, actor_name, at, field, before_value, after_value) "
            "SELECT id + ?1, ?2, comment_id + ?1, actor_id, actor_name, at, field, before_value, after_value FROM audit_events "
            "WHERE consultation_id = ?3", (off, target, src))
        # Copied mail went out long ago: what remains of a sent message is its kind and time.
        cur.execute(
            "INSERT INTO outbox (id, comment_id, kind, recipient, subject, body, unsubscribe_url, status, attempts, next_attempt_at, "
            "last_error, created_at, sent_at) SELECT o.id + ?1, o.comment_id + ?1, o.kind, NULL, o.subject, '', NULL, 'verzonden', 1, "
            "o.next_attempt_at, NULL, o.created_at, o.created_at FROM outbox o JOIN comments m ON m.id = o.comment_id "
            "WHERE m.consultation_id = ?2", (off, src))
        cur.execute(
            "INSERT INTO mail_tokens (token_hash, comment_id, purpose, created_at, expires_at, used_at) SELECT t.token_hash || '-' || ?3, "
            "t.comment_id + ?1, t.purpose, t.created_at, t.expires_at, t.used_at FROM mail_tokens t JOIN comments m ON m.id = t.comment_id "
            "WHERE m.consultation_id = ?2", (off, src, copy))
    con.commit()
    counts = {table: cur.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ["consultations", "comments", "answer_revisions", "comment_senders", "audit_events", "outbox", "mail_tokens"]}
    cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(f"cloned {copies} copies of {per_copy} reactions in {time.perf_counter() - started:.1f} s: {counts}", file=sys.stderr)


def one(base, client, path):
    t0 = time.perf_counter()
    _, headers = get(base, client, path)
    if headers.get("x-inspraak-cache") == "hit":
        sys.exit(f"{path} came from the page cache: the script measures rendering (INSPRAAK_PAGE_CACHE_MB=0)")
    return (time.perf_counter() - t0) * 1000


def summary(times):
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(round(0.99 * len(times))) - 1)]
    return {"median": statistics.median(times), "p99": p99}


def measure(base_small, base_big, slug, db, requests, admin_email, password, out):
    """Both servers run at once; each request to one is followed by the same request to the
    other, so that whatever else the machine does falls on both alike."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    code = con.execute("SELECT m.tracking_code FROM comments m JOIN consultations c ON c.id = m.consultation_id "
                       "WHERE c.slug = ? ORDER BY m.id LIMIT 1", (slug,)).fetchone()[0]
    con.close()
    bases = {"small": base_small, "big": base_big}
    # A session cookie that names no session: the page is rendered as for any anonymous reader,
    # past the render cache (also in a build where INSPRAAK_PAGE_CACHE_MB=0 does not turn it off).
    public = urllib.request.build_opener()
    public.addheaders = [("Cookie", "inspraak_sessie=AAAAAAAAAAAAAAAAAAAAAA")]
    staff = {db: login(base, admin_email, password) for db, base in bases.items()}
    pages = [
        ("public", "document page", f"/consultaties/{slug}"),
        ("public", "nota (web)", f"/consultaties/{slug}/reactienota"),
        ("public", "result page", f"/consultaties/{slug}/resultaat"),
        ("public", "nota .md", f"/consultaties/{slug}/reactienota.md"),
        ("public", "nota .docx", f"/consultaties/{slug}/reactienota.docx"),
        ("public", "nota .xlsx", f"/consultaties/{slug}/reactienota.xlsx"),
        ("public", "nota .csv", f"/consultaties/{slug}/reactienota.csv"),
        ("public", "open data: document", f"/api/v1/consultaties/{slug}"),
        ("public", "open data: reactions", f"/api/v1/consultaties/{slug}/reacties"),
        ("public", "tracking page", f"/volg/{code}"),
        ("staff", "dashboard", f"/beheer/consultaties/{slug}"),
        ("staff", "workbench, first page", f"/beheer/consultaties/{slug}/reacties"),
        ("staff", "workbench, text search + filters + document order",
         f"/beheer/consultaties/{slug}/reacties?q=wijk&status=nog_niet_beantwoord&afzender=inwoner&tijdig=op_tijd&volgorde=document"),
        ("staff", "audit log", f"/beheer/consultaties/{slug}/logboek"),
        ("staff", "outbox page (all consultations)", "/beheer/post"),
        ("public", "home page (lists every consultation)", "/"),
        ("public", "open data: index (every consultation)", "/api/v1/consultaties"),
    ]
    results = []
    for who, name, path in pages:
        times = {"small": [], "big": []}
        for db, base in bases.items():
            one(base, public if who == "public" else staff[db], path)  # warm-up
        for _ in range(requests):
            for db, base in bases.items():
                times[db].append(one(base, public if who == "public" else staff[db], path))
        results.append({"name": name, "path": path, "small": summary(times["small"]), "big": summary(times["big"])})
    today = time.strftime("%Y-%m-%d")
    adoption = {}
    for db, base in bases.items():
        t0 = time.perf_counter()
        outcome = post(base, staff[db], "/api/vaststelling", {"form[slug]": slug, "form[adopted_on]": today})
        adoption[db] = {"ms": (time.perf_counter() - t0) * 1000, "outcome": outcome}
        if "Done" not in outcome:
            sys.exit(f"adoption refused: {outcome}")
    with open(out, "w") as f:
        json.dump({"pages": results, "adoption": adoption}, f)


def jobs(work, db, run):
    """What `inspraak jobs` printed: (addresses erased, ms), (mails sent, ms)."""
    text = open(f"{work}/jobs-{db}-{run}.txt").read()
    sweep = re.search(r"Bewaartermijn: (\d+) e-mailadressen gewist in ([\d.]+) ms", text)
    mail = re.search(r"Post: (\d+) verzonden.*? in ([\d.]+) ms", text)
    return (int(sweep.group(1)), float(sweep.group(2))) if sweep else None, (int(mail.group(1)), float(mail.group(2))) if mail else None


def report(result_json, work):
    result = json.load(open(result_json))
    print("| page | 1 consultation: median / p99 | 20 consultations: median / p99 | ratio of medians / p99s |")
    print("| --- | --- | --- | --- |")
    worst = 0.0
    for page in result["pages"]:
        a, b = page["small"], page["big"]
        ratio, ratio99 = b["median"] / a["median"], b["p99"] / a["p99"]
        if "every consultation" not in page["name"] and "all consultations" not in page["name"]:
            worst = max(worst, ratio)
        print(f"| {page['name']} | {a['median']:.1f} / {a['p99']:.1f} ms | {b['median']:.1f} / {b['p99']:.1f} ms | {ratio:.2f} / {ratio99:.2f} |")
    small, big = result["adoption"]["small"], result["adoption"]["big"]
    answers = small["outcome"]["Done"].get("answers", "") if isinstance(small["outcome"]["Done"], dict) else ""
    print(f"| the college's adoption of the consultation's {answers} answers | {small['ms']:.1f} ms | {big['ms']:.1f} ms | "
          f"{big['ms'] / small['ms']:.2f} |")
    for run, what in (("first", "first run"), ("again", "again, nothing left to do")):
        small_sweep, small_mail = jobs(work, "small", run)
        big_sweep, big_mail = jobs(work, "big", run)
        print(f"| retention sweep, {what}: addresses erased | {small_sweep[1]:.1f} ms ({small_sweep[0]}) | "
              f"{big_sweep[1]:.1f} ms ({big_sweep[0]}) | |")
        if small_mail and big_mail:
            print(f"| outbox round, {what}: mails sent to the local SMTP server | {small_mail[1]:.1f} ms ({small_mail[0]}) | "
                  f"{big_mail[1]:.1f} ms ({big_mail[0]}) | |")
    print(f"\nworst ratio of medians over the consultation's own pages: {worst:.2f} (goal: at most 1.15)")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "seed":
        seed(args[0], args[1], int(args[2]), args[3], args[4], args[5])
    elif command == "clone":
        clone(args[0], args[1], int(args[2]))
    elif command == "measure":
        measure(args[0], args[1], args[2], args[3], int(args[4]), args[5], args[6], args[7])
    elif command == "report":
        report(args[0], args[1])
    else:
        sys.exit(__doc__)
