"""A campaign during the cached measurement: a gift paid every second, and how stale the totals get.

Used by bench/run.py (mode "campaign"). While wrk loads a cached page:

- a *giver* pays one card gift per second through the real confirm path, as a donor's
  browser would: the donate page, the review step (its POST), the confirm button
  (with the CSRF token the review handed out), then the demo gateway's Pay button;
- a *watcher* reads the fund's programme page every ``WATCH_INTERVAL`` seconds and
  records when the total it shows first includes each paid gift.

Staleness of a gift = the time from its payment (the Pay response) to the first
read of the programme page that shows it. Everything speaks plain HTTP to the
benchmark's gunicorn; cookies are kept by hand (production marks the CSRF cookie
Secure, which a client on plain HTTP would not send back).
"""

import http.client
import re
import statistics
import threading
import time
import urllib.parse
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

GIFT_KGS = Decimal("100")
GIFT_INTERVAL = 1.0
WATCH_INTERVAL = 0.2
WATCH_SETTLE = 3.0
# The fund progress list of a programme page (local_giving/includes/fund_progress.html).
RAISED_KGS = re.compile(r"<strong>([^<]*?)\s*KGS</strong>")
FUND_NAME = re.compile(r"fund-progress.*?“([^”]+)”", re.DOTALL)


class Forms(HTMLParser):
    """The forms of a page: action and the values a browser would submit by default."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.labels = {}
        self._label_for = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": {}, "radios": {}})
        elif tag == "input" and self.forms:
            form = self.forms[-1]
            kind = attrs.get("type", "text")
            name = attrs.get("name")
            if not name:
                return
            if kind == "radio":
                form["radios"].setdefault(name, []).append((attrs.get("value"), attrs.get("id")))
                if "checked" in attrs:
                    form["fields"][name] = attrs.get("value", "")
            elif kind == "checkbox":
                if "checked" in attrs:
                    form["fields"][name] = attrs.get("value", "on")
            elif kind not in ("submit", "button"):
                form["fields"][name] = attrs.get("value", "")
        elif tag == "label":
            self._label_for = attrs.get("for")

    def handle_data(self, data):
        if self._label_for and data.strip():
            self.labels[self._label_for] = self.labels.get(self._label_for, "") + data.strip()

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_for = None


def parse_forms(html):
    parser = Forms()
    parser.feed(html)
    return parser


class Visitor:
    """One browser: its own cookies, one connection per request."""

    def __init__(self, host):
        self.host = host
        self.cookies = {}

    def request(self, method, path, data=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _sep, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location"), content
        finally:
            connection.close()


def parse_kgs(text):
    """``12,345`` or ``12,345.50`` (English number format) as a Decimal."""
    try:
        return Decimal(text.replace(",", "").replace("\u00a0", "").strip())
    except InvalidOperation:
        return None


def raised_kgs(html):
    match = RAISED_KGS.search(html)
    return parse_kgs(match.group(1)) if match else Decimal(0)


def fund_choice(donate_html, fund_name):
    """The donate form's value for the fund with this name (its radio's label)."""
    parsed = parse_forms(donate_html)
    for form in parsed.forms:
        for value, element_id in form["radios"].get("fund", []):
            if fund_name in parsed.labels.get(element_id, ""):
                return value
    return None


def give(host, donate_url, fund_value):
    """One card gift of GIFT_KGS through the form, the review, the confirm and Pay."""
    visitor = Visitor(host)
    status, _location, html = visitor.request("GET", donate_url)
    donate_form = next(f for f in parse_forms(html).forms if f["radios"].get("fund"))
    fields = {
        **donate_form["fields"],
        "currency": "KGS",
        "preset": "",
        "custom_amount": str(GIFT_KGS),
        "fund": fund_value,
        "donor_name": "Bench donor",
        "donor_email": "bench-donor@example.org",
        "payment_method": "card",
    }
    status, _location, html = visitor.request("POST", donate_form["action"], fields)
    if status != 200:
        raise RuntimeError(f"review step answered {status}")
    confirm = next(f for f in parse_forms(html).forms if "csrfmiddlewaretoken" in f["fields"])
    status, checkout, _html = visitor.request(
        "POST", confirm["action"] or donate_url, {**confirm["fields"], "confirm": "1"}
    )
    if status not in (302, 303) or not checkout:
        raise RuntimeError(f"confirm step answered {status}")
    checkout = urllib.parse.urlsplit(checkout).path
    status, _location, html = visitor.request("GET", checkout)
    pay_form = next(f for f in parse_forms(html).forms if "csrfmiddlewaretoken" in f["fields"])
    status, _location, _html = visitor.request("POST", checkout, {**pay_form["fields"], "pay": "1"})
    if status not in (302, 303):
        raise RuntimeError(f"demo Pay answered {status}")


class Campaign:
    """Gifts every second and a watcher on the fund's page, in two threads."""

    def __init__(self, host, donate_url, programme_url):
        self.host = host
        self.donate_url = donate_url
        self.programme_url = programme_url
        self.stop = threading.Event()
        self.stop_watching = threading.Event()
        self.paid = []  # (time paid, total expected once it shows)
        self.seen = []  # (time read, total shown)
        self.errors = []
        self.lock = threading.Lock()

    def prepare(self):
        """The fund of the programme page and its current total; None if it shows none."""
        visitor = Visitor(self.host)
        _status, _location, programme = visitor.request("GET", self.programme_url)
        match = FUND_NAME.search(programme)
        if not match:
            return None
        _status, _location, donate = visitor.request("GET", self.donate_url)
        self.fund_value = fund_choice(donate, match.group(1))
        self.expected = raised_kgs(programme)
        return self.fund_value

    def one_gift(self):
        try:
            give(self.host, self.donate_url, self.fund_value)
        except Exception as error:  # noqa: BLE001 - counted and reported
            self.errors.append(f"{error.__class__.__name__}: {error}")
        else:
            # The k-th payment to complete raises the total to at least base + k gifts.
            with self.lock:
                self.expected += GIFT_KGS
                self.paid.append((time.monotonic(), self.expected))

    def giver(self):
        """A new donor every second, whether or not the previous one has finished."""
        donors = []
        next_gift = time.monotonic()
        while not self.stop.is_set():
            donor = threading.Thread(target=self.one_gift)
            donor.start()
            donors.append(donor)
            next_gift += GIFT_INTERVAL
            self.stop.wait(max(0.0, next_gift - time.monotonic()))
        for donor in donors:
            donor.join(timeout=120)

    def watcher(self):
        visitor = Visitor(self.host)
        while not self.stop_watching.is_set():
            try:
                _status, _location, html = visitor.request("GET", self.programme_url)
                self.seen.append((time.monotonic(), raised_kgs(html)))
            except Exception as error:  # noqa: BLE001
                self.errors.append(f"watcher {error.__class__.__name__}: {error}")
            self.stop_watching.wait(WATCH_INTERVAL)

    def __enter__(self):
        self.threads = [threading.Thread(target=self.giver), threading.Thread(target=self.watcher)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.threads[0].join(timeout=120)
        # The last gift gets the same chance to show as the others.
        time.sleep(WATCH_SETTLE)
        self.stop_watching.set()
        self.threads[1].join(timeout=120)

    def staleness(self):
        """Seconds from each payment to the first read showing it (None: never seen)."""
        delays = []
        for paid_at, total in self.paid:
            shown = next((t for t, value in self.seen if t >= paid_at and value >= total), None)
            delays.append(None if shown is None else shown - paid_at)
        measured = [delay for delay in delays if delay is not None]
        return {
            "gifts_paid": len(self.paid),
            "gift_errors": len(self.errors),
            "first_errors": self.errors[:3],
            "page_reads": len(self.seen),
            "never_seen": len(delays) - len(measured),
            "staleness_s_median": round(statistics.median(measured), 2) if measured else None,
            "staleness_s_max": round(max(measured), 2) if measured else None,
        }
