"""Database down or hung: a fast, localized 503 page; service resumes on its own."""

import logging
import time

from django.db import connection
from django.utils import translation

import pytest

from core.caching.store import bump_generation


@pytest.fixture
def database_unreachable(home_page, tmp_path, closed_port):
    """Make new connections fail; undo it afterwards.

    PostgreSQL: the connection is closed and pointed at a closed port, so the
    next query really reconnects. SQLite's test database lives in memory and
    would vanish if closed, so its connection is set aside and the settings
    point at a file in a missing directory.
    """
    original = dict(connection.settings_dict)
    saved = None

    def break_it(**changes):
        nonlocal saved
        if connection.vendor == "postgresql":
            connection.close()
            breakage = {"HOST": "127.0.0.1", "PORT": str(closed_port)}
        else:
            saved, connection.connection = connection.connection, None
            breakage = {"NAME": str(tmp_path / "missing-directory" / "db.sqlite3")}
        connection.settings_dict.update(changes or breakage)

    def restore():
        if connection.vendor == "postgresql":
            connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
        if saved is not None:
            connection.connection = saved

    break_it.restore = restore
    yield break_it
    restore()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("path", "language"),
    [("/ky/", "ky"), ("/ru/", "ru"), ("/en/", "en")],
    ids=["ky", "ru", "en"],
)
def test_database_down_gives_a_fast_localized_503(
    client, database_unreachable, caplog, path, language
):
    source = "The site is temporarily unavailable"
    with translation.override(language):
        text = translation.gettext(source)
    assert (text == source) == (language == "en"), "the 503 message must be translated"
    assert client.get(path).status_code == 200  # warm up: imports, templates, URL resolver
    database_unreachable()
    bump_generation()  # nothing rendered before may be reused: the page needs the database
    caplog.set_level(logging.ERROR, logger="core.security")

    started = time.monotonic()
    response = client.get(path)
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert elapsed < 3
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in response
    body = response.content.decode()
    assert f'lang="{language}"' in body
    assert text in body
    assert any("Database unavailable" in r.getMessage() for r in caplog.records)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_rendered_before_stay_up_while_the_database_is_down(client, database_unreachable):
    """Route, settings, layout and fragments of the current generation need no query."""
    warm = client.get("/ky/")
    assert warm.status_code == 200
    database_unreachable()

    response = client.get("/ky/")

    assert response.status_code == 200
    assert response.content == warm.content
    assert client.get("/ru/").status_code == 503  # never rendered: it needs the database


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_service_resumes_when_the_database_is_back(client, database_unreachable):
    database_unreachable()
    assert client.get("/en/").status_code == 503
    database_unreachable.restore()
    assert client.get("/ky/").status_code == 200
    assert client.get("/healthz").json()["database"] == "ok"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_check_answers_503_without_a_database(client, database_unreachable):
    database_unreachable()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hung_database_times_out_into_a_503(client, database_unreachable, blackhole_port, settings):
    """A server that accepts the connection and never answers: connect_timeout ends the wait."""
    if connection.vendor != "postgresql":
        pytest.skip("connect_timeout is a PostgreSQL option; run with DATABASE_URL=postgres://...")
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 5
    database_unreachable(
        HOST="127.0.0.1",
        PORT=str(blackhole_port),
        OPTIONS={**connection.settings_dict["OPTIONS"], "connect_timeout": 2},
    )
    started = time.monotonic()
    response = client.get("/ru/")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert 1.5 < elapsed < 6


def test_slow_queries_are_cut_by_the_statement_timeout(db):
    if connection.vendor != "postgresql":
        pytest.skip(
            "statement_timeout is a PostgreSQL setting; run with DATABASE_URL=postgres://..."
        )
    from django.db import OperationalError, transaction

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"
    with pytest.raises(OperationalError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 200")
        cursor.execute("SELECT pg_sleep(2)")
