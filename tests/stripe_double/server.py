"""The Stripe double: the endpoints donations/ calls, with Stripe's semantics where they matter.

- POST /v1/checkout/sessions honours Idempotency-Key (same key and parameters: the
  same session; same key, other parameters: Stripe's idempotency_error).
- GET /v1/checkout/sessions[/{id}], /v1/invoices, /v1/refunds, /v1/invoice_payments:
  lists newest first with created[gte], limit, starting_after and has_more; the
  sessions list expands data.payment_intent(.latest_charge) and data.invoice.
- POST /v1/billing_portal/sessions.
- ``fail(mode)`` makes every request fail until ``recover()``: "500", "timeout"
  (answers after the client's read timeout) or "drop" (closes the connection).
Test helpers complete sessions, add instalments and refunds as Stripe would.
"""

import itertools
import json
import re
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

KEY_PART = re.compile(r"([^\[\]]+)|\[([^\]]*)\]")


def decode_form(pairs):
    """Stripe's form encoding (a[b][0][c]=v) back into nested dicts and lists."""
    root = {}
    for key, value in pairs:
        parts = [m.group(1) or m.group(2) for m in KEY_PART.finditer(key)]
        node = root
        for part, following in itertools.zip_longest(parts, parts[1:]):
            if following is None:
                node[part] = value
            else:
                node = node.setdefault(part, {})
    return _listify(root)


def _listify(node):
    if not isinstance(node, dict):
        return node
    node = {k: _listify(v) for k, v in node.items()}
    if node and all(k.isdigit() for k in node):
        return [node[k] for k in sorted(node, key=int)]
    return node


def new_id(prefix):
    return f"{prefix}_test_{secrets.token_hex(12)}"


class State:
    def __init__(self):
        self.lock = threading.RLock()
        self.reset()

    def reset(self):
        with getattr(self, "lock", threading.RLock()):
            self.sessions = {}
            self.invoices = {}
            self.refunds = {}
            self.invoice_payments = {}
            self.payment_intents = {}
            self.portal_sessions = {}
            self.idempotent = {}
            self.requests = []
            self.failure = None
            self.clock = int(time.time())

    def tick(self):
        """Strictly increasing 'created' times keep list order deterministic."""
        self.clock += 1
        return self.clock


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "StripeDouble/1"

    def log_message(self, format, *args):  # quiet
        pass

    @property
    def state(self):
        return self.server.state

    def _reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Request-Id", "req_" + secrets.token_hex(6))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status, type_, message, **extra):
        self._reply(status, {"error": {"type": type_, "message": message, **extra}})

    def _handle(self, method):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        params = decode_form(parse_qsl(body if method == "POST" else url.query, True))
        with self.state.lock:
            self.state.requests.append(
                {
                    "method": method,
                    "path": url.path,
                    "params": params,
                    "idempotency_key": self.headers.get("Idempotency-Key"),
                    "stripe_version": self.headers.get("Stripe-Version"),
                }
            )
            failure = self.state.failure
        if failure == "drop":
            self.close_connection = True
            self.connection.close()
            return
        if failure == "timeout":
            time.sleep(self.server.timeout_sleep)
            self.close_connection = True
            return
        if failure == "500":
            self._error(500, "api_error", "Something went wrong on Stripe's end (double).")
            return
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer sk_test_"):
            self._error(401, "invalid_request_error", "Invalid API Key provided")
            return
        route = ROUTES.get(
            (method, re.sub(r"/(cs|in|re|inpay)_test_[0-9a-f]+$", "/{id}", url.path))
        )
        if route is None:
            self._error(404, "invalid_request_error", f"Unrecognized request URL ({url.path})")
            return
        object_id = url.path.rsplit("/", 1)[-1]
        status, response = route(self.state, params, object_id, self.headers.get("Idempotency-Key"))
        self._reply(status, response)

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")


# Endpoints ----------------------------------------------------------------------------------


def _list(items, params, url, **filters):
    items = sorted(items, key=lambda o: (o["created"], o["id"]), reverse=True)
    created = params.get("created") or {}
    if isinstance(created, dict) and created.get("gte"):
        items = [o for o in items if o["created"] >= int(created["gte"])]
    for name, value in filters.items():
        if value is not None:
            items = [o for o in items if o.get(name) == value]
    if params.get("starting_after"):
        ids = [o["id"] for o in items]
        if params["starting_after"] in ids:
            items = items[ids.index(params["starting_after"]) + 1 :]
    limit = int(params.get("limit") or 10)
    return 200, {
        "object": "list",
        "url": url,
        "has_more": len(items) > limit,
        "data": items[:limit],
    }


def create_session(state, params, _id, idempotency_key):
    if idempotency_key and idempotency_key in state.idempotent:
        previous_params, response = state.idempotent[idempotency_key]
        if previous_params != params:
            return 400, {
                "error": {
                    "type": "idempotency_error",
                    "message": "Keys for idempotent requests can only be used with the same "
                    "parameters they were first used with.",
                }
            }
        return 200, response
    for required in ("mode", "line_items", "success_url"):
        if required not in params:
            return 400, {
                "error": {
                    "type": "invalid_request_error",
                    "message": f"Missing required param: {required}.",
                    "param": required,
                }
            }
    item = params["line_items"][0]
    session_id = new_id("cs")
    session = {
        "id": session_id,
        "object": "checkout.session",
        "url": f"https://checkout.stripe.com/c/pay/{session_id}",
        "mode": params["mode"],
        "status": "open",
        "payment_status": "unpaid",
        "client_reference_id": params.get("client_reference_id"),
        "metadata": params.get("metadata") or {},
        "customer": None,
        "customer_email": params.get("customer_email"),
        "amount_total": int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1)),
        "currency": item["price_data"]["currency"],
        "locale": params.get("locale"),
        "success_url": params["success_url"],
        "cancel_url": params.get("cancel_url"),
        "payment_intent": None,
        "subscription": None,
        "invoice": None,
        "livemode": False,
        "created": state.tick(),
        "expires_at": state.clock + 86400,
        # What was asked for, kept for assertions (not a Stripe field).
        "_params": params,
    }
    state.sessions[session_id] = session
    response = {k: v for k, v in session.items() if k != "_params"}
    if idempotency_key:
        state.idempotent[idempotency_key] = (params, response)
    return 200, response


def _public(obj):
    return {k: v for k, v in obj.items() if not k.startswith("_")}


def retrieve_session(state, _params, session_id, _key):
    session = state.sessions.get(session_id)
    if session is None:
        return 404, {"error": {"type": "invalid_request_error", "message": "No such session"}}
    return 200, _public(session)


def _expanded_session(state, session, expand):
    session = _public(session)
    intent = state.payment_intents.get(session.get("payment_intent"))
    if intent is not None and "data.payment_intent" in expand:
        session["payment_intent"] = {**intent, "latest_charge": intent["latest_charge"]["id"]}
    if intent is not None and "data.payment_intent.latest_charge" in expand:
        session["payment_intent"] = dict(intent)
    invoice = state.invoices.get(session.get("invoice"))
    if invoice is not None and "data.invoice" in expand:
        session["invoice"] = _public(invoice)
    return session


def list_sessions(state, params, _id, _key):
    expand = params.get("expand") or []
    sessions = [_expanded_session(state, s, expand) for s in state.sessions.values()]
    return _list(sessions, params, "/v1/checkout/sessions")


def list_invoices(state, params, _id, _key):
    return _list(list(state.invoices.values()), params, "/v1/invoices", status=params.get("status"))


def list_refunds(state, params, _id, _key):
    return _list(list(state.refunds.values()), params, "/v1/refunds")


def list_invoice_payments(state, params, _id, _key):
    payment = params.get("payment") or {}
    items = list(state.invoice_payments.values())
    if payment.get("payment_intent"):
        items = [p for p in items if p["payment"]["payment_intent"] == payment["payment_intent"]]
    if params.get("invoice"):
        items = [p for p in items if p["invoice"] == params["invoice"]]
    return _list(items, params, "/v1/invoice_payments")


def create_portal_session(state, params, _id, _key):
    if not params.get("customer"):
        return 400, {"error": {"type": "invalid_request_error", "message": "Missing customer"}}
    portal_id = "bps_test_" + secrets.token_hex(8)
    portal = {
        "id": portal_id,
        "object": "billing_portal.session",
        "customer": params["customer"],
        "return_url": params.get("return_url"),
        "locale": params.get("locale"),
        "url": f"https://billing.stripe.com/p/session/{portal_id}",
        "created": state.tick(),
        "livemode": False,
    }
    state.portal_sessions[portal_id] = portal
    return 200, portal


ROUTES = {
    ("POST", "/v1/checkout/sessions"): create_session,
    ("GET", "/v1/checkout/sessions"): list_sessions,
    ("GET", "/v1/checkout/sessions/{id}"): retrieve_session,
    ("GET", "/v1/invoices"): list_invoices,
    ("GET", "/v1/refunds"): list_refunds,
    ("GET", "/v1/invoice_payments"): list_invoice_payments,
    ("POST", "/v1/billing_portal/sessions"): create_portal_session,
}


class StripeDouble:
    """Serve the double on 127.0.0.1 (random port) in a daemon thread."""

    def __init__(self, timeout_sleep=2.0):
        self.state = State()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.state = self.state
        self.server.timeout_sleep = timeout_sleep
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def reset(self):
        self.state.reset()

    # Failure modes -------------------------------------------------------------------------

    def fail(self, mode):
        assert mode in ("500", "timeout", "drop")
        self.state.failure = mode

    def recover(self):
        self.state.failure = None

    # What the code asked -------------------------------------------------------------------

    def requests_to(self, method, path):
        return [r for r in self.state.requests if r["method"] == method and r["path"] == path]

    @property
    def sessions(self):
        return self.state.sessions

    def only_session(self):
        assert len(self.state.sessions) == 1, self.state.sessions
        return next(iter(self.state.sessions.values()))

    # Stripe's side of a payment ---------------------------------------------------------------

    def complete_session(
        self, session_id, *, payment_status="paid", paid_at=None, amount_total=None, currency=None
    ):
        """The donor paid in Checkout: the session is complete (and, monthly, invoiced).

        ``paid_at`` (Unix time) dates the charge (or the first invoice); ``amount_total``
        and ``currency`` make Stripe report another charge than the one asked for.
        """
        with self.state.lock:
            session = self.state.sessions[session_id]
            session["status"] = "complete"
            session["payment_status"] = payment_status
            session["customer"] = session["customer"] or new_id("cus")
            if amount_total is not None:
                session["amount_total"] = amount_total
            if currency is not None:
                session["currency"] = currency
            if session["mode"] == "subscription":
                session["subscription"] = new_id("sub")
                invoice = self.pay_invoice(
                    session, billing_reason="subscription_create", paid_at=paid_at
                )
                session["invoice"] = invoice["id"]
            else:
                session["payment_intent"] = self._payment_intent(session, paid_at)["id"]
            return _public(session)

    def _payment_intent(self, session, paid_at):
        """A succeeded PaymentIntent and its charge, created when the donor paid."""
        created = paid_at or self.state.tick()
        intent_id = new_id("pi")
        charge = {
            "id": new_id("ch"),
            "object": "charge",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "customer": session["customer"],
            "payment_intent": intent_id,
            "paid": True,
            "status": "succeeded",
            "created": created,
            "livemode": False,
        }
        intent = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": session["amount_total"],
            "amount_received": session["amount_total"],
            "currency": session["currency"],
            "customer": session["customer"],
            "status": "succeeded",
            "latest_charge": charge,
            "metadata": session["metadata"],
            "created": created,
            "livemode": False,
        }
        self.state.payment_intents[intent_id] = intent
        return intent

    def pay_invoice(
        self, session, *, billing_reason="subscription_cycle", amount=None, paid_at=None
    ):
        """A paid invoice of the session's subscription, with its invoice payment.

        ``paid_at`` (Unix time) is when it was paid (status_transitions.paid_at).
        """
        with self.state.lock:
            created = paid_at or self.state.tick()
            invoice_id = new_id("in")
            intent = new_id("pi")
            invoice = {
                "id": invoice_id,
                "object": "invoice",
                "status": "paid",
                "billing_reason": billing_reason,
                "customer": session["customer"],
                "customer_email": session["customer_email"],
                "amount_due": amount or session["amount_total"],
                "amount_paid": amount or session["amount_total"],
                "currency": session["currency"],
                "parent": {
                    "type": "subscription_details",
                    "quote_details": None,
                    "subscription_details": {
                        "subscription": session["subscription"],
                        "metadata": session["_params"]
                        .get("subscription_data", {})
                        .get("metadata", {}),
                    },
                },
                "status_transitions": {"paid_at": created, "finalized_at": created},
                "livemode": False,
                "created": created,
            }
            self.state.invoices[invoice_id] = invoice
            payment_id = "inpay_test_" + secrets.token_hex(12)
            self.state.invoice_payments[payment_id] = {
                "id": payment_id,
                "object": "invoice_payment",
                "invoice": invoice_id,
                "is_default": True,
                "amount_paid": invoice["amount_paid"],
                "currency": invoice["currency"],
                "status": "paid",
                "payment": {"type": "payment_intent", "payment_intent": intent},
                "created": created,
                "livemode": False,
            }
            invoice["_payment_intent"] = intent
            return invoice

    def payment_intent_of_invoice(self, invoice_id):
        for payment in self.state.invoice_payments.values():
            if payment["invoice"] == invoice_id:
                return payment["payment"]["payment_intent"]
        return None

    def customer_of(self, payment_intent):
        """The customer a payment belongs to (a charge names it, as Stripe's do)."""
        intent = self.state.payment_intents.get(payment_intent)
        if intent is not None:
            return intent["customer"]
        for invoice in self.state.invoices.values():
            if invoice.get("_payment_intent") == payment_intent:
                return invoice["customer"]
        return None

    def refund(self, payment_intent, *, amount, currency, metadata=None):
        """A full refund of a payment: returns the refunded Charge (for charge.refunded)."""
        with self.state.lock:
            created = self.state.tick()
            charge_id = new_id("ch")
            refund_id = new_id("re")
            refund = {
                "id": refund_id,
                "object": "refund",
                "amount": amount,
                "currency": currency,
                "charge": charge_id,
                "payment_intent": payment_intent,
                "status": "succeeded",
                "metadata": {},
                "created": created,
            }
            self.state.refunds[refund_id] = refund
            return {
                "id": charge_id,
                "object": "charge",
                "amount": amount,
                "amount_captured": amount,
                "amount_refunded": amount,
                "currency": currency,
                "captured": True,
                "paid": True,
                "refunded": True,
                "customer": self.customer_of(payment_intent),
                "payment_intent": payment_intent,
                "metadata": metadata or {},
                "refunds": {"object": "list", "data": [refund], "has_more": False},
                "created": created,
                "livemode": False,
            }

    def public_invoice(self, invoice):
        return _public(invoice)
