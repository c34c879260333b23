# Production image: gunicorn serving sos_site with sos_site.settings.production.
# Not built by CI here (no Docker engine on the CI machine); see docs/production.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=sos_site.settings.production

# make for the Makefile's targets; PostgreSQL's client from the PostgreSQL project's
# repository, as new as the server in compose.yaml, for `make backup` and `make restore`.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends make postgresql-common \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install --yes --no-install-recommends postgresql-client-16 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 sos

WORKDIR /app
RUN chown sos:sos /app
USER sos

# Dependencies first, so code changes do not reinstall them: the runtime lock only (no test
# tools), every file checked against its hash; the same target as `make runtime`.
COPY --chown=sos:sos Makefile requirements.lock ./
RUN make runtime RUNTIME_VENV=.venv PYTHON=python3.11

COPY --chown=sos:sos . .
# Catalogues and static files are built into the image; the values below exist only
# for this step (production.py refuses to start without real ones). `manage.py release`
# (compose.yaml's release service) repeats both at deploy time, which costs nothing then.
RUN mkdir -p media \
    && SECRET_KEY=build-only ALLOWED_HOSTS=build.invalid \
       .venv/bin/python manage.py compile_catalogues \
    && SECRET_KEY=build-only ALLOWED_HOSTS=build.invalid \
       .venv/bin/python manage.py collectstatic --noinput

# The release's name in the page cache's generation key (core/release.py), e.g.
#   docker build --build-arg RELEASE_ID=$(git rev-parse --short HEAD) .
# Left empty, the site names the release by a digest of its static files, code and packages.
ARG RELEASE_ID=""
ENV RELEASE_ID=${RELEASE_ID}

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD .venv/bin/python -c "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': os.environ['ALLOWED_HOSTS'].split(',')[0]}), timeout=4)"
CMD [".venv/bin/gunicorn", "--config", "gunicorn.conf.py", "sos_site.wsgi"]
