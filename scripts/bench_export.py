"""Helper of scripts/bench_export.

seed DB SLUG N: writes N reactions straight into the SQLite database of an imported consultation
(the server is not running): varied texts of 10 to 120 words on random paragraphs, a tenth on the
document as a whole, 5 % with a name shown by consent, 1 % from organisations, 2 % hidden, and 90 %
with an approved answer in Markdown (a list in every fifth). Going through the web forms would
take hours for 50,000; the rows are the same as the store writes.

time BASE SLUG FORMAT RUNS PID N: requests the nota RUNS times and prints a Markdown table row
with the median, minimum and maximum, the size, and the server's peak resident memory."""
import random
import sqlite3
import statistics
import sys
import time
import urllib.request

WORDS = ("wijkteam huisarts mantelzorg respijtzorg vervoer wachtlijst jongeren ouderen buurthuis schuldhulp preventie "
         "dagbesteding eenzaamheid vrijwilligers sport school budget bereikbaarheid woningen dakloosheid opvang ggz "
         "informatie loket wijk gemeente samenwerking zorgaanbieders kosten veiligheid Łódź café coördinatie").split()
STATUSES = ["verwerkt", "deels_verwerkt", "niet_verwerkt", "uitvoeringsplan", "kennisgenomen", "buiten_reikwijdte"]


def words(low, high):
    return " ".join(random.choice(WORDS) for _ in range(random.randint(low, high)))


def seed(db, slug, n):
    random.seed(5)
    con = sqlite3.connect(db)
    cur = con.cursor()
    consultation, = cur.execute("SELECT id FROM consultations WHERE slug = ?", (slug,)).fetchone()
    version, = cur.execute("SELECT MAX(id) FROM document_versions WHERE consultation_id = ?", (consultation,)).fetchone()
    blocks = [r[0] for r in cur.execute("SELECT id FROM blocks WHERE version_id = ?", (version,))]
    author, = cur.execute("SELECT MIN(id) FROM users").fetchone()
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for i in range(n):
        block = None if random.random() < 0.1 else random.choice(blocks)
        organisation = "Stichting Wijkkracht" if i % 100 == 1 else None
        show_name = 1 if i % 20 == 3 else 0
        cur.execute(
            "INSERT INTO comments (consultation_id, version_id, block_id, body, sender_kind, organisation, show_name, "
            "tracking_code, is_late, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (consultation, version, block, f"Reactie {i}: {words(10, 120)}.", "organisation" if organisation else "resident",
             organisation, show_name, f"B{i:09d}", 1 if i % 40 == 0 else 0, now))
        comment = cur.lastrowid
        cur.execute("INSERT INTO comment_senders (comment_id, name, email, consent_at) VALUES (?, ?, ?, ?)",
                    (comment, f"Inwoner {i}", f"inwoner{i}@example.org", now))
        revision = status = state = None
        if i % 10 != 0:
            status = random.choice(STATUSES)
            state = "goedgekeurd"
            body = f"**Dank** voor uw reactie. {words(20, 80)}."
            if i % 5 == 0:
                body += "\n\n- " + words(3, 8) + "\n- " + words(3, 8)
            cur.execute(
                "INSERT INTO answer_revisions (comment_id, revision_no, body_markdown, body_html, status, processed_where, state, "
                "author_id, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
                (comment, body, f"<p>{body}</p>", status, "Paragraaf 3" if i % 3 == 0 else None, state, author, now))
            revision = cur.lastrowid
        cur.execute("INSERT INTO comment_current (comment_id, consultation_id, revision_id, status, state, hidden) VALUES (?, ?, ?, ?, ?, ?)",
                    (comment, consultation, revision, status, state, 1 if i % 50 == 7 else 0))
    con.commit()
    con.close()


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def timed(base, slug, fmt, runs, pid, n):
    path = f"/consultaties/{slug}/reactienota" + ("" if fmt == "page" else f".{fmt}")
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        with urllib.request.urlopen(f"{base}{path}", timeout=300) as response:
            size = len(response.read())
            assert response.status == 200
        times.append((time.perf_counter() - start) * 1000)
    label = "web page" if fmt == "page" else fmt.upper()
    print(f"| {n:,} | {label} | {size / 1024 / 1024:.1f} MiB | {statistics.median(times):.0f} ms | {min(times):.0f} ms | "
          f"{max(times):.0f} ms | {peak_kib(pid) / 1024:.0f} MiB |", flush=True)


if sys.argv[1] == "seed":
    seed(sys.argv[2], sys.argv[3], int(sys.argv[4]))
else:
    timed(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]))
