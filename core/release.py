"""Which release of the site is running, as a short id that changes with every deploy.

The page cache's generation key carries it (core.caching.store), so pages,
fragments and routes rendered by the previous code are never served by the
new one, even when they sit in a Redis that outlived the old containers.

The id is RELEASE_ID when the build sets it (the commit hash, say), else a
digest of what the release serves: the static files' manifest (the hashed
CSS/JS names pages link to), the project's Python modules, templates and
translation catalogues, and the versions of the installed packages. It is
computed once per process, at start.
"""

import hashlib
import sys
from functools import cache
from importlib import import_module, metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage

SOURCE_SUFFIXES = (".py", ".html", ".txt", ".po")


def project_roots():
    """Folders of the project's own code: its apps, the settings package, templates, locale."""
    base = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()
    # The package of the URLconf (sos_site), imported alone: cheap, and set under tests too.
    project_package = import_module(settings.ROOT_URLCONF.partition(".")[0])
    roots = {Path(project_package.__file__).resolve().parent}
    roots.update(Path(config.path).resolve() for config in apps.get_app_configs())
    for engine in settings.TEMPLATES:
        roots.update(Path(folder).resolve() for folder in engine.get("DIRS", ()))
    roots.update(Path(folder).resolve() for folder in settings.LOCALE_PATHS)
    roots = {root for root in roots if root.is_relative_to(base)}
    roots = {root for root in roots if not root.is_relative_to(environment)}
    # A folder inside another one (an app inside the project package) is read with it.
    return sorted(root for root in roots if not any(root.parent.is_relative_to(r) for r in roots))


def static_manifest():
    """The manifest of hashed static file names, or "" (no manifest storage, not collected)."""
    read_manifest = getattr(staticfiles_storage, "read_manifest", None)
    return (read_manifest() or "") if read_manifest else ""


def installed_packages():
    """``name==version`` of every installed distribution, sorted."""
    return sorted(f"{dist.name}=={dist.version}" for dist in metadata.distributions())


def source_digest():
    digest = hashlib.sha256(static_manifest().encode())
    digest.update("\n".join(installed_packages()).encode())
    for root in project_roots():
        for path in sorted(root.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def release_id():
    """RELEASE_ID, or the digest of the static manifest, the project's source and packages."""
    return settings.RELEASE_ID or source_digest()
