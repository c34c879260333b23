"""Bad inputs against the public pages and endpoints: a 4xx or a harmless answer, never a 500.

Set BAD_INPUT_TABLE=path/to/file.md to write the results as the Markdown table
that docs/production.md shows.
"""

import html
import os
from urllib.parse import urlencode

import pytest

SCRIPT = "<script>alert(1)</script>"
SQL = "' OR 1=1; DROP TABLE wagtailcore_page; --"
BIG = "x" * (3 * 1024 * 1024)

# (what, method, path, request options, acceptable statuses)
PROBES = [
    ("Invalid UTF-8 in the path", "get", "/ky/%FF%FE%FD/", {}, {404}),
    ("Invalid UTF-8 in the query string", "get", "/ky/?q=%FF%FE", {}, {200}),
    ("Invalid UTF-8 in a search", "get", "/ky/search/?q=%C3%28", {}, {200}),
    ("Overlong UTF-8 in the path", "get", "/ky/%C0%AE%C0%AE/", {}, {404}),
    ("NUL byte in the path", "get", "/ky/%00/", {}, {400}),
    ("NUL byte in a search", "get", "/ky/search/?q=a%00b", {}, {400}),
    ("Script in a query parameter", "get", "/ky/?q=" + SCRIPT, {}, {200}),
    ("Script in the search box", "get", "/ky/search/", {"data": {"q": SCRIPT}}, {200}),
    ("SQL in the search box", "get", "/ky/search/", {"data": {"q": SQL}}, {200}),
    ("SQL in a page slug", "get", "/ky/' OR 1=1--/", {}, {404}),
    ("Huge page number", "get", "/ky/search/", {"data": {"q": "a", "page": "9" * 40}}, {200, 404}),
    ("Negative page number", "get", "/ky/search/", {"data": {"q": "a", "page": "-1"}}, {200, 404}),
    ("Non-numeric page", "get", "/ky/search/", {"data": {"q": "a", "page": "abc"}}, {200, 404}),
    ("Very long search query", "get", "/ky/search/", {"data": {"q": "Ж" * 5000}}, {200, 400}),
    ("Unknown locale prefix", "get", "/xx/", {"follow": True}, {404}),
    ("Unknown locale with region", "get", "/zz-zz/", {"follow": True}, {404}),
    ("Unknown language in the switcher", "get", "/language/xx/", {"follow": True}, {400, 404}),
    ("Garbage Accept-Language", "get", "/", {"HTTP_ACCEPT_LANGUAGE": "\x00;q=ä,**"}, {302}),
    (
        "Open redirect through the language switcher",
        "get",
        "/language/ru/",
        {"data": {"next": "https://evil.example/"}},
        {302, 400},
    ),
    (
        "Open redirect through admin login next=",
        "get",
        "/admin/login/",
        {"data": {"next": "//evil.example/"}},
        {200},
    ),
    (
        "Oversized form body (3 MB)",
        "post",
        "/admin/login/",
        {"data": {"username": BIG}, "csrf": True},
        {400},
    ),
    (
        "Too many form fields",
        "post",
        "/admin/login/",
        {"data": {f"f{i}": "1" for i in range(1500)}, "csrf": True},
        {400},
    ),
    (
        "Script and SQL as login name",
        "post",
        "/admin/login/",
        {"data": {"username": SCRIPT, "password": SQL}, "csrf": True},
        {200},
    ),
    ("POST to a page without CSRF token", "post", "/ky/", {"data": {"q": SCRIPT}}, {403}),
    ("Unknown document id", "get", "/documents/999999999/x.pdf", {}, {404}),
    ("Document id overflow", "get", "/documents/" + "9" * 30 + "/x.pdf", {}, {404}),
    ("Path traversal in a document name", "get", "/documents/1/..%2F..%2Fsettings.py", {}, {404}),
    ("Path traversal in static", "get", "/static/..%2F..%2Fmanage.py", {}, {404}),
    ("Method not allowed on /healthz", "post", "/healthz", {}, {403, 405}),
    ("Very long URL", "get", "/ky/" + "a" * 4000 + "/", {}, {404}),
]

RESULTS = []


@pytest.fixture(scope="module", autouse=True)
def write_table():
    yield
    target = os.environ.get("BAD_INPUT_TABLE")
    if target and RESULTS:
        lines = ["| Input | Request | Status | Answer |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {what} | `{request}` | {status} | {html.escape(answer).replace('|', '&#124;')} |"
            for what, request, status, answer in RESULTS
        ]
        with open(target, "w") as table:
            table.write("\n".join(lines) + "\n")


def _request_text(method, path, options):
    data = options.get("data") or {}
    text = f"{method.upper()} {path}"
    if data and method == "get":
        text += "?" + urlencode(data)
    elif data:
        text += f" ({len(data)} fields, {len(urlencode(data)):,} bytes)"
    return (text[:77] + "...") if len(text) > 80 else text


def _summary(response):
    content_type = response.get("Content-Type", "")
    if response.status_code in (301, 302):
        return f"redirect to {response['Location'][:50]}"
    if "html" in content_type:
        body = response.content.decode(errors="replace")
        if "<title>" in body:
            return html.unescape(body.split("<title>")[1].split("</title>")[0].strip())[:60]
        return body.strip()[:60].replace("\n", " ")
    return content_type


@pytest.mark.parametrize(
    ("what", "method", "path", "options", "expected"), PROBES, ids=[p[0] for p in PROBES]
)
def test_bad_input_never_gives_a_500(home_page, what, method, path, options, expected):
    from django.test import Client

    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    options = dict(options)
    if options.pop("csrf", False):
        client.get("/admin/login/")
        token = client.cookies["csrftoken"].value
        options["data"] = {**options["data"], "csrfmiddlewaretoken": token}
    response = getattr(client, method)(path, **options)
    status = response.status_code
    for url, hop in getattr(response, "redirect_chain", []):
        assert url.startswith("/") and not url.startswith("//"), f"{what}: redirected to {url}"
        status = f"{hop} to {url[:30]}, then {response.status_code}"
    RESULTS.append((what, _request_text(method, path, options), status, _summary(response)))

    assert response.status_code < 500, f"{what}: {response.status_code}"
    assert response.status_code in expected, f"{what}: got {response.status_code}"
    body = response.content.decode(errors="replace") if not response.streaming else ""
    assert SCRIPT not in body, f"{what}: the script came back unescaped"
    if response.status_code in (301, 302):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
