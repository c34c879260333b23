#!/usr/bin/env python3
"""Production smoke test: the production settings under gunicorn, on PostgreSQL and Redis.

    make prod-smoke          (or: .venv/bin/python scripts/prod_smoke.py)

Recreates the database SMOKE_DATABASE (default sos_smoke) on the PostgreSQL
server at 127.0.0.1:5432, empties Redis database 14 on 127.0.0.1:6379, runs
`manage.py release` (the deploy step of docs/production.md) and load_demo,
starts two gunicorns sharing the database and Redis, as two app servers would
(127.0.0.1:8114 and :8115), and `manage.py db_worker`, checks the site over
HTTP, and stops every process it started, whatever happens. For the donation
steps it runs the Stripe double (tests/stripe_double) and a small SMTP sink in
threads of this process: a card gift, its signed webhook, the receipt emailed
by the worker; then concurrent gifts through both servers (gapless receipt
numbers, totals), a publish through one seen at once on the other, a backup
restored into an empty database (ledger, media, the site serving it; :8116),
and a deploy of a changed stylesheet (no cached page links a missing file).
Exit status 0 when every check passed. Only the standard library, requests and
the double are used here; Django runs in the child processes, with the Python
of SMOKE_RUNTIME_PYTHON (`make prod-smoke`: a virtualenv of the runtime lock only).
"""

import email
import email.policy
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
# Not resolved: a virtualenv's python is a symlink, and only its own path selects the env.
PYTHON = os.path.abspath(os.environ.get("SMOKE_RUNTIME_PYTHON", ROOT / ".venv" / "bin" / "python"))
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
PORT = int(os.environ.get("SMOKE_PORT", "8114"))
PORT_2 = PORT + 1  # the second app server
PORT_RESTORED = PORT + 2  # the site served from the restored backup
BASE_URL = f"http://127.0.0.1:{PORT}"
BASE_URL_2 = f"http://127.0.0.1:{PORT_2}"
POSTGRES = os.environ.get("SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("SMOKE_DATABASE", "sos_smoke")
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 14
LANGUAGES = ("ky", "ru", "en")

WORKDIR = Path(tempfile.mkdtemp(prefix="sos-prod-smoke-"))
ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SMOKE_"))},
    "DJANGO_SETTINGS_MODULE": "sos_site.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "off",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{PORT},https://127.0.0.1:{PORT_2}",
    "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
    "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}",
    "EMAIL_URL": "consolemail://",
    "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{PORT}",
    "MEDIA_ROOT": str(WORKDIR / "media"),
    "STATIC_ROOT": str(WORKDIR / "static"),
    "DONATIONS_DEMO_GATEWAY": "off",
    "WEB_CONCURRENCY": "2",
    "GUNICORN_BIND": f"127.0.0.1:{PORT}",
    # One proxy in front (here: this script); the concurrent donors come from their own
    # addresses in X-Forwarded-For, requests without the header count as 127.0.0.1.
    "TRUSTED_PROXY_COUNT": "1",
}
for key in ("SENTRY_DSN", "AWS_STORAGE_BUCKET_NAME"):
    ENV.pop(key, None)

# Behind the TLS proxy every request arrives with this header (SECURE_PROXY_SSL_HEADER).
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "sos-prod-smoke"}

STARTED = []  # (name, Popen, log path) of every background process
RESULTS = []  # (ok, description)


# --- bookkeeping --------------------------------------------------------------


def check(ok, description):
    RESULTS.append((bool(ok), description))
    print(f"  {'ok ' if ok else 'FAIL'}  {description}", flush=True)
    return bool(ok)


def step(title):
    print(f"\n== {title}", flush=True)


def run(*args, timeout=900, cwd=ROOT, env=None, script="manage.py"):
    """Run a manage.py command in the production environment; stop on failure."""
    print(f"$ {script} {' '.join(args)}", flush=True)
    result = subprocess.run(  # noqa: S603 (our own fixed commands)
        [PYTHON, script, *args],
        cwd=cwd,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        print(result.stdout[-4000:], result.stderr[-4000:], sep="\n")
        raise SystemExit(f"{script} {args[0]} failed ({result.returncode})")
    return result.stdout


def start(name, *command, cwd=ROOT, env=None):
    """Start a background process in its own process group, output to a log file."""
    log_path = WORKDIR / f"{name}.log"
    log = open(log_path, "a")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(  # noqa: S603 (our own fixed commands)
        command,
        cwd=cwd,
        env={**ENV, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    STARTED.append((name, process, log_path))
    print(f"started {name} (pid {process.pid}), log {log_path}", flush=True)
    return process


def stop(names=None):
    """Stop the processes this script started (those named, or all), gently, then firmly."""
    chosen = [entry for entry in STARTED if names is None or entry[0] in names]
    for _name, process, _ in reversed(chosen):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    for name, process, _ in reversed(chosen):
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        print(f"stopped {name} (pid {process.pid})", flush=True)
    STARTED[:] = [entry for entry in STARTED if entry not in chosen]


def stop_everything():
    """The trap: stop every process this script started."""
    stop()


def _terminate(signum, frame):
    raise SystemExit(f"interrupted by signal {signum}")


# --- services -----------------------------------------------------------------


def _resp(*parts):
    payload = f"*{len(parts)}\r\n".encode()
    for part in parts:
        data = str(part).encode()
        payload += b"$%d\r\n%s\r\n" % (len(data), data)
    return payload


def redis_command(*parts, db=REDIS_DB):
    """Run one command on one of our Redis databases over a plain socket (RESP); its reply."""
    with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=2) as conn:
        conn.sendall(_resp("SELECT", db) + _resp(*parts))
        reply = b""
        while reply.count(b"\r\n") < 2:
            chunk = conn.recv(1024)
            if not chunk:
                break
            reply += chunk
    lines = reply.split(b"\r\n")
    if not lines[0].startswith(b"+OK") or len(lines) < 2:
        raise SystemExit(f"Redis on {REDIS_HOST}:{REDIS_PORT} answered {reply!r}")
    return lines[1].decode()


def recreate_database(name=DATABASE):
    """Drop and create an empty database (through psycopg, in the project's virtualenv)."""
    snippet = (
        "import sys, psycopg\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as conn:\n"
        "    conn.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\" WITH (FORCE)')\n"
        "    conn.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')\n"
    )
    command = [PYTHON, "-c", snippet, POSTGRES, name]
    subprocess.run(command, check=True, timeout=60)  # noqa: S603 (our own fixed command)


def wait_until_up(name="gunicorn", base_url=BASE_URL, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        gunicorn = next(process for entry, process, _ in STARTED if entry == name)
        if gunicorn.poll() is not None:
            raise SystemExit(f"{name} exited during start-up; see its log above")
        try:
            if requests.get(f"{base_url}/healthz", headers=HEADERS, timeout=10).ok:
                return
        except requests.RequestException:
            pass  # not listening yet, or still loading
        time.sleep(0.5)
    raise SystemExit(f"{name} did not answer on {base_url} within {timeout} s")


# --- checks -------------------------------------------------------------------


def get(path, **kwargs):
    return requests.get(
        BASE_URL + path, headers=HEADERS, timeout=15, allow_redirects=False, **kwargs
    )


def check_health():
    step("Health check")
    response = get("/healthz")
    body = response.json() if response.ok else {}
    check(response.status_code == 200, f"/healthz answers 200 (got {response.status_code})")
    check(body.get("database") == "ok", "/healthz: database ok")
    check(body.get("cache") == "ok", "/healthz: Redis cache ok")
    check("no-store" in response.headers.get("Cache-Control", ""), "/healthz is never cached")


def check_pages():
    step("Pages in each language")
    root = get("/")
    check(root.status_code in (301, 302), f"/ redirects to a language (got {root.status_code})")
    home_html = ""
    for language in LANGUAGES:
        response = get(f"/{language}/")
        check(response.status_code == 200, f"/{language}/ answers 200 (got {response.status_code})")
        check(
            f'lang="{language}"' in response.text,
            f"/{language}/ is marked lang={language}",
        )
        if language == "ky":
            home_html = response.text
    missing = get("/ky/no-such-page-smoke/")
    check(missing.status_code == 404, f"an unknown page is a 404 (got {missing.status_code})")
    admin = get("/admin/login/")
    check(admin.status_code == 200, f"the admin login page answers (got {admin.status_code})")
    return home_html


def check_security_headers():
    step("Security headers")
    headers = get("/ky/").headers
    expected = {
        "Strict-Transport-Security": "max-age=",
        "Content-Security-Policy": "default-src 'self'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    for name, fragment in expected.items():
        check(fragment in headers.get(name, ""), f"{name}: {headers.get(name, 'missing')[:70]}")
    csp = headers.get("Content-Security-Policy", "")
    check("'unsafe-inline'" not in csp, "public CSP has no 'unsafe-inline'")
    check("frame-ancestors 'none'" in csp, "public CSP forbids framing")
    redirect = requests.get(f"{BASE_URL}/ky/", timeout=15, allow_redirects=False)
    check(
        redirect.status_code == 301 and redirect.headers["Location"].startswith("https://"),
        "plain HTTP is redirected to HTTPS",
    )


def check_static(home_html):
    step("Static files")
    match = re.search(r'href="(/static/[^"]+\.css)"', home_html)
    if not check(match, "the home page links a stylesheet under /static/"):
        return
    response = get(match.group(1))
    cache_control = response.headers.get("Cache-Control", "")
    check(response.status_code == 200, f"{match.group(1)} answers 200")
    check("immutable" in cache_control, f"hashed static file is immutable ({cache_control})")
    check("max-age=315360000" in cache_control, "hashed static file is cached for ten years")


def check_cache_in_redis():
    step("Redis")
    keys = int(redis_command("DBSIZE").lstrip(":"))
    check(keys > 0, f"the site stored {keys} keys in Redis database {REDIS_DB}")


# --- donations ----------------------------------------------------------------

DONOR_EMAIL = "smoke.donor@example.org"
WEBHOOK_SECRET = "whsec_smoke_" + secrets.token_hex(16)
MAILBOX = []  # (recipients, raw message bytes) received by the SMTP sink


class SMTPSink(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) to receive Django's mail: no auth, no TLS, keep everything."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 smoke-sink ESMTP")
        recipients = []
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250 smoke-sink")
            elif verb == b"MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == b"RCPT":
                recipients.append(line.decode(errors="replace").split(":", 1)[1].strip(" <>\r\n"))
                self.reply("250 OK")
            elif verb == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(part[1:] if part.startswith(b"..") else part)
                MAILBOX.append((recipients, b"".join(data)))
                self.reply("250 OK queued")
            elif verb == b"QUIT":
                self.reply("221 Bye")
                return
            else:  # RSET, NOOP, anything else
                self.reply("250 OK")


def start_donation_services():
    """The Stripe double and an SMTP sink in threads; point the production settings at them."""
    sys.path.insert(0, str(ROOT))
    from tests.stripe_double.server import StripeDouble

    double = StripeDouble().start()
    sink = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SMTPSink)
    sink.daemon_threads = True
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    ENV.update(
        {
            "STRIPE_SECRET_KEY": "sk_test_smoke_" + secrets.token_hex(12),
            "STRIPE_PUBLISHABLE_KEY": "pk_test_smoke",
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": double.url,
            "EMAIL_URL": f"smtp://127.0.0.1:{sink.server_address[1]}",
            "DEFAULT_FROM_EMAIL": "SOS Kyrgyzstan <receipts@example.org>",
        }
    )
    print(f"Stripe double on {double.url}, SMTP sink on 127.0.0.1:{sink.server_address[1]}")
    return double, sink


def stripe_event(type_, obj):
    """A v1 event as Stripe sends it, in the pinned API version."""
    base = (ROOT / "sos_site" / "settings" / "base.py").read_text()
    api_version = re.search(r'STRIPE_API_VERSION = "([^"]+)"', base).group(1)
    return {
        "id": f"evt_test_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": api_version,
        "created": int(time.time()),
        "data": {"object": obj},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": type_,
    }


def post_webhook(session, event, secret=WEBHOOK_SECRET, base_url=BASE_URL):
    from tests.stripe_double.events import encode, signature_header

    payload = encode(event)
    return session.post(
        f"{base_url}/stripe/webhook/",
        data=payload.encode(),
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": signature_header(payload, secret),
        },
        timeout=15,
        allow_redirects=False,
    )


def donation_state(session_id):
    """status receipt_number emailed? of the donation with this Checkout Session, via the shell."""
    code = (
        "from donations.models import Donation; "
        f"d = Donation.objects.get(stripe_checkout_session_id={session_id!r}); "
        "print('SMOKE-STATE', d.status, d.receipt_number, bool(d.receipt_emailed_at))"
    )
    output = run("shell", "-c", code)
    match = re.search(r"SMOKE-STATE (\S+) (\S+) (\S+)", output)
    return match.groups() if match else ("?", "?", "?")


def post_form(session, url, page, data, headers=None):
    """POST like a browser: CSRF cookie and token from the page, Origin and Referer of the site."""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    cookie = page.cookies.get("csrftoken") or session.cookies.get("csrftoken", "")
    origin = "https://" + url.split("://", 1)[1].split("/", 1)[0]
    return session.post(
        url,
        data={**data, "csrfmiddlewaretoken": token.group(1) if token else ""},
        headers={
            "Cookie": f"csrftoken={cookie}",
            "Origin": origin,
            "Referer": origin + "/",
            **(headers or {}),
        },
        timeout=30,
        allow_redirects=False,
    )


def donation_steps(session, double):
    """A card gift through the Stripe double, its signed webhook, the receipt by the worker."""
    step("Donations")
    pages = {}
    for language in LANGUAGES:
        response = session.get(f"{BASE_URL}/{language}/donate/", timeout=15, allow_redirects=False)
        pages[language] = response
        check(
            response.status_code == 200
            and "data-donate-form" in response.text
            and "csrfmiddlewaretoken" not in response.text
            and not response.cookies,
            f"/{language}/donate/ shows the form, cacheable (got {response.status_code})",
        )
    page = pages["en"]
    fund = re.search(r'name="fund" value="([^"]+)"', page.text)
    action = re.search(r'<form class="donate-form" method="post" action="([^"]+)"', page.text)
    if not check(fund and action, "the form has a fund and posts to the review step"):
        return
    url = f"{BASE_URL}/en/donate/"
    gift = {
        "frequency": "one_time",
        "currency": "KGS",
        "custom_amount": "1500",
        "fund": fund.group(1),
        "donor_name": "Smoke Test Donor",
        "donor_email": DONOR_EMAIL,
        "dedication": "",
        "payment_method": "card",
    }
    review = post_form(session, BASE_URL + action.group(1), page, gift)
    check(
        review.status_code == 200
        and "csrfmiddlewaretoken" in review.text
        and review.cookies.get("csrftoken"),
        f"the gift is shown for review with a CSRF token (got {review.status_code})",
    )
    without_token = session.post(url, data={**gift, "confirm": "1"}, timeout=15)
    check(without_token.status_code == 403, "a POST without the CSRF token is refused")

    response = post_form(session, url, review, {**gift, "confirm": "1"})
    location = response.headers.get("Location", "")
    check(
        response.status_code == 303 and location.startswith("https://checkout.stripe.com/"),
        f"the confirmed gift redirects to Checkout (got {response.status_code} {location[:60]})",
    )
    if len(double.sessions) != 1:
        check(False, f"one Checkout Session at the Stripe double (got {len(double.sessions)})")
        return
    stripe_session = next(iter(double.sessions.values()))
    check(stripe_session["url"] == location, "the redirect is the Checkout Session's URL")
    request = double.requests_to("POST", "/v1/checkout/sessions")[-1]
    check(
        (request["idempotency_key"] or "").startswith("checkout-"),
        "the session was created with an idempotency key",
    )

    completed = double.complete_session(stripe_session["id"])
    event = stripe_event("checkout.session.completed", completed)
    forged = post_webhook(session, event, secret="whsec_wrong")  # noqa: S106
    check(
        forged.status_code == 400,
        f"a webhook with a bad signature is refused ({forged.status_code})",
    )
    delivered = post_webhook(session, event)
    check(delivered.status_code == 200, f"the signed webhook is accepted ({delivered.status_code})")
    again = post_webhook(session, event)
    outcome = again.json().get("outcome") if again.ok else again.status_code
    check(outcome == "duplicate", f"a repeated delivery is a no-op ({outcome})")

    # The db_worker started in main() runs send_receipt; wait for the mail in the sink.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not MAILBOX:
        time.sleep(0.5)
    receipts = [raw for to, raw in MAILBOX if DONOR_EMAIL in to]
    check(len(receipts) == 1, f"db_worker sent one receipt email over SMTP (got {len(receipts)})")
    status, number, emailed = donation_state(stripe_session["id"])
    check(status == "paid", f"the donation is paid (status {status})")
    check(re.fullmatch(r"\d{4}-\d{6}", number or ""), f"it has a receipt number ({number})")
    check(emailed == "True", "its receipt is marked as emailed")
    if receipts:
        message = email.message_from_bytes(receipts[0], policy=email.policy.default)
        attachments = [part.get_content_type() for part in message.iter_attachments()]
        check("application/pdf" in attachments, f"the receipt has a PDF attached ({attachments})")
        check(number in str(message), "the email carries the receipt number")
    time.sleep(2)  # a second, duplicate mail would arrive by now
    check(len(MAILBOX) == 1, f"no duplicate email ({len(MAILBOX)} received)")

    step("Donation rate limit (Redis, shared by the gunicorn workers)")
    statuses = [
        post_form(session, url, review, {**gift, "donor_email": "bad", "confirm": "1"}).status_code
        for _ in range(10)
    ]
    check(statuses[-1] == 429, f"repeated submissions end in 429 (got {statuses})")
    check(500 not in statuses, "no 500 among them")

    step("Donor privacy")
    output = run("forget_donor", DONOR_EMAIL)
    check("1 donation(s)" in output, "forget_donor anonymised the smoke donation")
    check(DONOR_EMAIL not in output, "forget_donor does not print the full email")
    status, number_after, _ = donation_state(stripe_session["id"])
    check(number_after == number, "the receipt number is kept")


# --- two app servers -------------------------------------------------------------


def shell(code, env=None):
    """Run Python in `manage.py shell` and return what it printed after SMOKE-JSON, parsed."""
    output = run("shell", "-c", code, env=env)
    return json.loads(output.split("SMOKE-JSON", 1)[1])


def donate(base_url, amount, address):
    """One donor through the review and confirm steps; returns the Checkout URL (or None)."""
    donor = requests.Session()
    donor.headers.update({**HEADERS, "X-Forwarded-For": address})
    page = donor.get(f"{base_url}/en/donate/", timeout=30, allow_redirects=False)
    fund = re.search(r'name="fund" value="([^"]+)"', page.text)
    action = re.search(r'<form class="donate-form" method="post" action="([^"]+)"', page.text)
    if not (fund and action):
        return None
    gift = {
        "frequency": "one_time",
        "currency": "KGS",
        "custom_amount": str(amount),
        "fund": fund.group(1),
        "donor_name": f"Donor {address}",
        "donor_email": f"donor-{address.replace('.', '-')}@example.org",
        "dedication": "",
        "payment_method": "card",
    }
    review = post_form(donor, base_url + action.group(1), page, gift)
    confirmed = post_form(donor, f"{base_url}/en/donate/", review, {**gift, "confirm": "1"})
    location = confirmed.headers.get("Location", "")
    return location if confirmed.status_code == 303 else None


def pay(double, checkout_url, base_url):
    """Complete the Checkout Session at the double and deliver its signed webhook."""
    stripe_session = next(s for s in double.sessions.values() if s["url"] == checkout_url)
    completed = double.complete_session(stripe_session["id"])
    event = stripe_event("checkout.session.completed", completed)
    sender = requests.Session()
    sender.headers.update(HEADERS)
    return post_webhook(sender, event, base_url=base_url).status_code


def transparency_csv(base_url):
    """The English transparency CSV as one server serves it (its page cache included)."""
    response = get_from(base_url, "/en/transparency/csv/")
    return response.content.decode("utf-8-sig") if response.status_code == 200 else None


# The same CSV computed from the database now, past every cache.
TRUTH_CODE = (
    "import json; from django.utils import translation; "
    "from local_giving.figures import forget_totals, transparency_csv_response; "
    "forget_totals(); translation.activate('en'); "
    "body = transparency_csv_response('x').content.decode('utf-8-sig'); "
    "print('SMOKE-JSON' + json.dumps(body))"
)


RECEIPTS_CODE = (
    "import json; from donations.models import Donation; "
    "numbers = sorted(Donation.objects.exclude(receipt_number=None)"
    ".values_list('receipt_number', flat=True)); "
    "print('SMOKE-JSON' + json.dumps(numbers))"
)


def gapless(numbers):
    """Receipt numbers YYYY-NNNNNN: per year, 1..n with none missing or repeated."""
    by_year = {}
    for number in numbers:
        year, serial = number.split("-")
        by_year.setdefault(year, []).append(int(serial))
    return all(sorted(s) == list(range(1, len(s) + 1)) for s in by_year.values())


def two_app_servers(double):
    step("Two app servers sharing PostgreSQL and Redis")
    servers = (BASE_URL, BASE_URL_2)
    before = transparency_csv(BASE_URL_2)

    # Twelve donors at once, half through each server, each from an address of its own;
    # each gift's webhook arrives through the other server.
    donors = [(servers[i % 2], 700 + 10 * i, f"198.51.100.{10 + i}") for i in range(12)]
    with ThreadPoolExecutor(len(donors)) as pool:
        urls = list(pool.map(lambda d: donate(*d), donors))
    check(all(urls), f"12 concurrent gifts reached Checkout ({sum(map(bool, urls))}/12)")
    with ThreadPoolExecutor(len(donors)) as pool:
        statuses = list(
            pool.map(lambda i: pay(double, urls[i], servers[(i + 1) % 2]), range(len(urls)))
        )
    check(statuses == [200] * len(urls), f"their webhooks, through both servers: {statuses}")
    numbers = shell(RECEIPTS_CODE)
    check(
        gapless(numbers) and len(numbers) == len(set(numbers)),
        f"{len(numbers)} receipt numbers, gapless and unique ({numbers[0]} .. {numbers[-1]})",
    )
    served = transparency_csv(BASE_URL_2)
    check(
        served != before and served == shell(TRUTH_CODE),
        "the second server's transparency totals count every gift",
    )

    # One more gift paid through the first server: the second shows it at once.
    url = donate(BASE_URL_2, 1234, "198.51.100.99")
    before = transparency_csv(BASE_URL_2)  # cached on the second server now
    check(url and pay(double, url, BASE_URL) == 200, "a gift paid through the first server")
    served = transparency_csv(BASE_URL_2)
    check(
        served != before and served == shell(TRUTH_CODE),
        "the second server's totals show it at once",
    )


def admin_session(base_url, username, password):
    """Log into the Wagtail admin; the session cookie is Secure, so it is sent by hand."""
    admin = requests.Session()
    admin.headers.update(HEADERS)
    login = admin.get(f"{base_url}/admin/login/", timeout=30)
    response = post_form(
        admin, f"{base_url}/admin/login/", login, {"username": username, "password": password}
    )
    cookies = {**login.cookies.get_dict(), **response.cookies.get_dict()}
    admin.headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return admin, response.status_code


def publish_on_one_seen_on_the_other():
    password = secrets.token_urlsafe(16)
    code = (
        "import json; from django.contrib.auth import get_user_model; "
        "from wagtail.models import Page; "
        f"get_user_model().objects.create_superuser('smoke-editor', 'editor@example.org', "
        f"{password!r}); "
        "page = Page.objects.get(slug='about', locale__language_code='en').specific; "
        "page.title = 'About us, edited by the smoke test'; "
        "revision = page.save_revision(); "
        "print('SMOKE-JSON' + json.dumps([page.pk, page.url]))"
    )
    page_id, url = shell(code)
    step("Publishing through one server, served at once by the other")
    for _ in range(2):
        before = get_from(BASE_URL_2, url)
    check(
        before.headers.get("X-Page-Cache") == "hit"
        and "edited by the smoke test" not in before.text,
        f"{url} is cached on the second server, the draft not shown",
    )
    admin, status = admin_session(BASE_URL, "smoke-editor", password)
    check(status == 302, f"the editor logs into the first server's admin ({status})")
    action = f"{BASE_URL}/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    confirm = admin.get(action, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm.text)
    published = admin.post(
        action,
        data={"csrfmiddlewaretoken": token.group(1) if token else ""},
        headers={"Origin": f"https://127.0.0.1:{PORT}", "Referer": f"https://127.0.0.1:{PORT}/"},
        timeout=30,
        allow_redirects=False,
    )
    check(
        published.status_code == 302, f"the draft is published through it ({published.status_code})"
    )
    after = get_from(BASE_URL_2, url)
    check(
        "edited by the smoke test" in after.text,
        f"the second server serves the new page at once ({after.headers.get('X-Page-Cache')})",
    )


def get_from(base_url, path):
    return requests.get(base_url + path, headers=HEADERS, timeout=30, allow_redirects=False)


# --- backup and restore drill --------------------------------------------------------

LEDGER_CODE = (
    "import json; from donations.models import Donation, ReceiptSequence, StripeEvent; "
    "from wagtail.images.models import Image; "
    "print('SMOKE-JSON' + json.dumps({"
    "'donations': [[str(d.public_id), d.status, d.channel, str(d.amount), d.currency, "
    "d.receipt_number, d.paid_at and d.paid_at.isoformat(), d.reference_code] "
    "for d in Donation.objects.order_by('pk')], "
    "'events': sorted(StripeEvent.objects.values_list('stripe_id', flat=True)), "
    "'sequences': list(ReceiptSequence.objects.order_by('year').values_list('year', "
    "'last_number')), "
    "'images': sorted(Image.objects.values_list('file', flat=True))}))"
)

TRANSFERS_CODE = (
    "import json; from datetime import date; from decimal import Decimal; "
    "from donations.models import Donation, Fund; "
    "from local_giving.services import confirm_transfer, create_pledge; "
    "fund = Fund.objects.filter(is_active=True).first() or Fund.objects.first(); "
    "pledges = [create_pledge(amount=Decimal(a), currency='KGS', fund=fund, "
    "frequency='one_time', donor_name='Transfer donor', donor_email='transfer@example.org', "
    "is_anonymous=False, dedication='', language='ky') for a in ('2500', '4000')]; "
    "paid = [confirm_transfer(p.reference_code, p.amount, date.today()) for p in pledges]; "
    "print('SMOKE-JSON' + json.dumps([d.receipt_number for d in paid]))"
)


def file_digests(folder):
    folder = Path(folder)
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def start_s3():
    """moto's S3 server in a thread, with a bucket for backups; the variables to reach it."""
    import boto3
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False).start()
    env = {
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "smoke",
        "AWS_SECRET_ACCESS_KEY": "smoke-secret",
    }
    boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="smoke",
        aws_secret_access_key="smoke-secret",  # noqa: S106 (moto accepts any)
    ).create_bucket(Bucket="sos-smoke-backups")
    return env


def restore_drill():
    step("Backup and restore drill")
    receipts = shell(TRANSFERS_CODE)
    check(len(receipts) == 2 and all(receipts), f"two bank transfers confirmed ({receipts})")
    ledger = shell(LEDGER_CODE)
    media = file_digests(ENV["MEDIA_ROOT"])
    check(ledger["events"] and ledger["images"] and media, "the ledger has events, images, media")

    backups = WORKDIR / "backups"
    output = run("backup", str(backups), script="scripts/backup.py")
    name = re.search(r"backup (sos-\S+):", output).group(1)
    manifest = json.loads((backups / name / "manifest.json").read_text())
    check(
        manifest["media_files"] == len(media),
        f"backup {name} to a folder: database dump and {manifest['media_files']} media files",
    )
    # The same to a bucket (moto's S3 server), restored from there.
    s3 = start_s3()
    output = run("backup", "s3://sos-smoke-backups/nightly", script="scripts/backup.py", env=s3)
    s3_name = re.search(r"backup (sos-\S+):", output).group(1)

    restored_db = f"{DATABASE}_restored"
    recreate_database(restored_db)
    redis_command("FLUSHDB", db=REDIS_DB - 1)
    restored_env = {
        "DATABASE_URL": f"{POSTGRES}/{restored_db}",
        "MEDIA_ROOT": str(WORKDIR / "media-restored"),
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB - 1}",
        "GUNICORN_BIND": f"127.0.0.1:{PORT_RESTORED}",
    }
    source = f"s3://sos-smoke-backups/nightly/{s3_name}"
    run("restore", source, script="scripts/backup.py", env={**restored_env, **s3})
    copy = shell(LEDGER_CODE, env=restored_env)
    check(copy["donations"] == ledger["donations"], f"{len(copy['donations'])} donations intact")
    numbers = [row[5] for row in copy["donations"] if row[5]]
    check(gapless(numbers), f"{len(numbers)} receipt numbers, no gap")
    check(copy["sequences"] == ledger["sequences"], f"receipt sequences {copy['sequences']}")
    check(copy["events"] == ledger["events"], f"{len(copy['events'])} Stripe events intact")
    check(copy["images"] == ledger["images"], f"{len(copy['images'])} image records intact")
    check(
        file_digests(restored_env["MEDIA_ROOT"]) == media,
        f"{len(media)} media files restored byte for byte from {source}",
    )

    run("release", env=restored_env)
    start(
        "gunicorn-restored",
        GUNICORN,
        "--config",
        "gunicorn.conf.py",
        "sos_site.wsgi",
        env=restored_env,
    )
    restored_url = f"http://127.0.0.1:{PORT_RESTORED}"
    wait_until_up("gunicorn-restored", restored_url)
    for language in LANGUAGES:
        response = get_from(restored_url, f"/{language}/")
        check(response.status_code == 200, f"the restored site serves /{language}/")
    check(
        transparency_csv(restored_url) == transparency_csv(BASE_URL),
        "the restored site's transparency totals equal the live site's",
    )
    stop(["gunicorn-restored"])


# --- a deploy -------------------------------------------------------------------

PAGES = ("/{}/", "/{}/about/", "/{}/donate/", "/{}/transparency/", "/{}/news/")
STATIC_LINK = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def deploy_drill():
    """Cached pages, a changed stylesheet, `manage.py release`, a restart: nothing 404s."""
    step("A deploy retires what the old code rendered")
    paths = [page.format(language) for language in LANGUAGES for page in PAGES]
    old_links = set()
    for base_url in (BASE_URL, BASE_URL_2):
        for path in paths:
            get_from(base_url, path)
            response = get_from(base_url, path)
            if response.headers.get("X-Page-Cache") == "hit":
                old_links.update(STATIC_LINK.findall(response.text))
    check(old_links, f"{len(paths)} pages cached on both servers, linking {len(old_links)} files")

    # The new release: a copy of the code with one stylesheet changed, its own static root.
    release = WORKDIR / "release-2"
    shutil.copytree(
        ROOT,
        release,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "var",
            "media",
            "staticfiles",
            "node_modules",
            "__pycache__",
            "test-results",
            "*.sqlite3",
            ".tools",
        ),
    )
    stylesheet = next(
        path
        for path in sorted((release / "static").rglob("*.css"))
        if any(f"/{path.stem}." in link for link in old_links)
    )
    stylesheet.write_text(stylesheet.read_text() + "\n/* release 2 */\n")
    new_env = {"STATIC_ROOT": str(WORKDIR / "static-2")}
    stop(["gunicorn", "gunicorn-2"])
    run("release", cwd=release, env=new_env)
    start(
        "gunicorn",
        GUNICORN,
        "--config",
        "gunicorn.conf.py",
        "sos_site.wsgi",
        cwd=release,
        env=new_env,
    )
    start(
        "gunicorn-2",
        GUNICORN,
        "--config",
        "gunicorn.conf.py",
        "sos_site.wsgi",
        cwd=release,
        env={**new_env, "GUNICORN_BIND": f"127.0.0.1:{PORT_2}"},
    )
    wait_until_up("gunicorn", BASE_URL)
    wait_until_up("gunicorn-2", BASE_URL_2)

    links, broken = set(), set()
    for base_url in (BASE_URL, BASE_URL_2):
        for path in paths:
            response = get_from(base_url, path)
            found = set(STATIC_LINK.findall(response.text))
            links |= found
            broken |= {link for link in found if get_from(base_url, link).status_code != 200}
    check(
        not broken,
        f"after the deploy every page's {len(links)} static links answer 200 {sorted(broken)[:3]}",
    )
    check(
        any(f"/{stylesheet.stem}." in link for link in links - old_links),
        f"the pages link the new {stylesheet.name}",
    )


# --- main ---------------------------------------------------------------------


def main():
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    try:
        step("Services")
        redis_command("FLUSHDB")
        recreate_database()
        print(f"database {DATABASE} recreated, Redis database {REDIS_DB} emptied")
        double, _sink = start_donation_services()

        step("Release steps")
        run("check", "--deploy", "--fail-level", "WARNING")
        run("release")
        run("load_demo")

        step("Processes")
        start("gunicorn", GUNICORN, "--config", "gunicorn.conf.py", "sos_site.wsgi")
        second = {"GUNICORN_BIND": f"127.0.0.1:{PORT_2}"}
        start("gunicorn-2", GUNICORN, "--config", "gunicorn.conf.py", "sos_site.wsgi", env=second)
        start("db_worker", PYTHON, "manage.py", "db_worker")
        wait_until_up("gunicorn", BASE_URL)
        wait_until_up("gunicorn-2", BASE_URL_2)

        check_health()
        home_html = check_pages()
        check_security_headers()
        check_static(home_html)
        check_cache_in_redis()
        session = requests.Session()
        session.headers.update(HEADERS)
        donation_steps(session, double)
        two_app_servers(double)
        publish_on_one_seen_on_the_other()
        restore_drill()
        deploy_drill()
    finally:
        failed = not RESULTS or not all(ok for ok, _ in RESULTS)
        if failed:
            for name, _, log_path in STARTED:
                print(f"\n-- last lines of {name} ({log_path})")
                print("\n".join(log_path.read_text(errors="replace").splitlines()[-30:]))
        stop_everything()

    passed = sum(ok for ok, _ in RESULTS)
    print(f"\n{passed}/{len(RESULTS)} checks passed")
    if passed == len(RESULTS):
        shutil.rmtree(WORKDIR, ignore_errors=True)
    else:
        print(f"logs, media and static files kept in {WORKDIR}")
    return 0 if passed == len(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
