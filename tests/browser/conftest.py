"""Browser tests: Playwright driving Debian's Chromium against a live server in this process.

Chromium: /usr/bin/chromium (apt packages chromium and chromium-driver; .ci/run installs them).
Playwright's own browser download cannot work here, so pytest-playwright's launch arguments
are extended with ``executable_path`` (recipe: ../shared/tools/conftest_playwright.py).
Without Chromium, and when it cannot be installed (not root, no apt-get), every browser
test is skipped with the reason.

Database: the demo content (``load_demo``) takes tens of seconds, so it is loaded ONCE
for the whole tests/browser package and committed, not once per test:

- These tests do not request ``db``, ``transactional_db`` or ``live_server``. pytest-django
  orders tests by those fixtures (``db`` first, then transactional, then the rest), so the
  browser tests run after every database test and their committed data cannot leak into
  another test's rollback.
- ``demo_server`` (package scope) flushes the test database (earlier transactional tests
  leave it flushed or half-full), recreates the tree root, runs ``load_demo --force-accounts``,
  and starts pytest-django's ``LiveServer`` thread (which shares an in-memory SQLite
  connection, and uses its own connection on PostgreSQL). On teardown it stops the server
  and flushes the database again.
- ``_unblock_database`` (autouse) lets the server thread and the test reach the database
  during each browser test, as pytest-django's own ``live_server`` does.
- Settings overridden for the package (the live server runs in this process, so they apply
  to it): the demo payment gateway on, media in a temporary folder.

Tests that change data (a gift, a pledge, an edited page) change only what they create or
what no other browser test asserts on.
"""

import io
import os
import shutil
import subprocess
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.utils import setup_databases, teardown_databases

from wagtail.models import Collection, Locale, Page

import pytest

# Playwright's sync API runs an asyncio loop in the test thread; Django then refuses ORM
# calls from that thread unless told that this is safe (it is: one thread per request).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

LANGUAGES = ["ky", "ru", "en"]
# Accept-Language headers a visitor's browser sends for each site language.
ACCEPT_LANGUAGE = {"ky": "ky-KG,ky;q=0.9", "ru": "ru-RU,ru;q=0.9,en;q=0.5", "en": "en-US,en;q=0.9"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Demo pages every language has (slugs are shared across locales).
PROGRAMME = "programmes/family-strengthening/"
NEWS = "news/clubs-a-safe-space/"
DONATE = "donate/"

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MODERATOR = ("browser-moderator", "browser-moderator-password")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _install_chromium():
    """apt-get install chromium when root and apt-get exist; True if it worked."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=300)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"],
            check=True,
            env=env,
            timeout=900,
        )
    except (subprocess.SubprocessError, OSError):
        return False
    return True


def find_chromium():
    """PLAYWRIGHT_CHROMIUM_EXECUTABLE, else /usr/bin/chromium, else chromium on PATH."""
    configured = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE")
    if configured is not None:
        return configured  # "" means Playwright's own downloaded browser
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_executable():
    path = find_chromium()
    if path is None and _install_chromium():
        path = find_chromium()
    if path is None:
        pytest.skip(
            "Chromium is not installed and could not be installed (needs root and apt-get: "
            "apt-get install -y chromium chromium-driver); browser tests skipped"
        )
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_executable, pytestconfig):
    """pytest-playwright's launch arguments plus Debian's Chromium and offline flags."""
    if pytestconfig.getoption("--browser-channel"):
        return browser_type_launch_args
    launch_args = dict(browser_type_launch_args)
    if chromium_executable:
        launch_args["executable_path"] = chromium_executable
    launch_args["args"] = [*launch_args.get("args", []), *CHROMIUM_ARGS]
    return launch_args


# The configured database's name, read before pytest-django swaps in the test database's.
CONFIGURED_DATABASE = connections["default"].settings_dict["NAME"]


def _is_test_database():
    return connections["default"].settings_dict["NAME"] != CONFIGURED_DATABASE


@contextmanager
def test_database(django_db_blocker):
    """The test database. pytest-django creates it only for tests that request ``db`` or
    ``transactional_db``; when only browser tests run, create (and destroy) it here."""
    if _is_test_database():
        yield
        return
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=0)


def _reset_database():
    """An empty database with the page and collection roots (Wagtail's migrations make
    them), whatever earlier tests left behind."""
    if not _is_test_database():
        raise RuntimeError("refusing to flush a database that is not the test database")
    call_command("flush", interactive=False, verbosity=0)
    locale, _ = Locale.objects.get_or_create(language_code="ky")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def _create_moderator():
    from django.contrib.auth import get_user_model

    from core.accounts import MODERATORS

    username, password = MODERATOR
    user = get_user_model().objects.create_user(
        username, email="moderator@example.org", password=password, first_name="Browser"
    )
    user.groups.add(Group.objects.get(name=MODERATORS))


@pytest.fixture(scope="package")
def demo_server(django_db_setup, django_db_blocker, tmp_path_factory, chromium_executable):
    """The demo site behind a live server, loaded once for all browser tests."""
    from pytest_django.live_server_helper import LiveServer

    media = tmp_path_factory.mktemp("browser-media")
    # WhiteNoise warns about a missing STATIC_ROOT; the live server serves from the finders.
    static_root = tmp_path_factory.mktemp("browser-static")
    with ExitStack() as stack:
        stack.enter_context(
            override_settings(
                MEDIA_ROOT=str(media),
                STATIC_ROOT=str(static_root),
                DONATIONS_DEMO_GATEWAY=True,
                WAGTAILADMIN_BASE_URL="http://127.0.0.1",
            )
        )
        stack.enter_context(test_database(django_db_blocker))
        with django_db_blocker.unblock():
            _reset_database()
            call_command("load_demo", force_accounts=True, stdout=io.StringIO())
            _create_moderator()
        server = LiveServer("127.0.0.1:0")
        try:
            yield server
        finally:
            server.stop()
            with django_db_blocker.unblock():
                _reset_database()


@pytest.fixture(autouse=True)
def _unblock_database(django_db_blocker):
    """Database access for the live server thread and the test, as live_server allows."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def site_url(demo_server):
    """The live server's address, e.g. http://127.0.0.1:40123 (no trailing slash)."""
    return demo_server.url


@pytest.fixture
def new_context(browser, site_url):
    """new_context(language=None, **options): a fresh browser context, closed after the test.

    ``language`` sets the context's locale and its Accept-Language header.
    """
    contexts = []

    def make(language=None, **options):
        options.setdefault("base_url", site_url)
        options.setdefault("viewport", DESKTOP)
        if language:
            options.setdefault("locale", language)
            options.setdefault("extra_http_headers", {"Accept-Language": ACCEPT_LANGUAGE[language]})
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source():
    """axe-core bundled in axe-playwright-python, or AXE_CORE_JS=/path/to/axe.min.js."""
    path = os.environ.get("AXE_CORE_JS")
    if not path:
        from axe_playwright_python.base import AXE_FILE_PATH

        path = AXE_FILE_PATH
    return Path(path).read_text(encoding="utf-8")


@pytest.fixture
def axe_violations(axe_source):
    """axe_violations(page) -> axe's violations at WCAG 2.1 A and AA (empty list: clean).

    The script is injected with page.evaluate(), which the page's CSP does not govern.
    """

    def run(page, tags=WCAG_TAGS):
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(axe_source)
        options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
        return page.evaluate("(opts) => axe.run(document, opts).then(r => r.violations)", options)

    return run


def format_violations(violations):
    """One line per violated rule and node, for assertion messages."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']!r}")
    return "\n".join(lines)
