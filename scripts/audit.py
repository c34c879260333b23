"""`make audit`: Lighthouse on the main pages of every language, with production settings.

1. A throw-away folder (var/audit/) gets a SQLite database with the demo content
   (migrate + load_demo), the media, and the collected static files (collectstatic).
2. gunicorn serves the site with sos_site.settings.production on 127.0.0.1:8119 (AUDIT_PORT).
   Plain HTTP on loopback, so the environment turns off SECURE_SSL_REDIRECT and HSTS,
   and allows only 127.0.0.1 as host. Everything else is production as deployed; media
   come from scripts/audit_wsgi.py, standing in for the bucket or web server. Each page
   is requested once before Lighthouse sees it (renditions drawn, page cache filled).
3. Lighthouse 12.8.2 (npm, installed once into .tools/lighthouse; 13.x needs Node 22) drives
   Debian's headless Chromium (/usr/bin/chromium, apt-installed when missing and root) with
   the mobile preset (Moto G Power emulation, simulated slow 4G) on the home, news article,
   programme and donate pages in ky, ru and en. No network beyond 127.0.0.1.
4. Prints the four category scores per page, and every audit that keeps a category from 100.
   Writes docs/audit/summary.json (scores and failing audit ids of every page), one full report
   (docs/audit/lighthouse-home-en.json) and docs/audit/README.md (the table).

Exit status 1 when a page misses a target: 100 accessibility, best practices and SEO,
at least 95 performance (AUDIT_MIN_PERFORMANCE). Performance varies with the load on the
machine: run it alone; AUDIT_RUNS=3 takes the median of three runs per page.
"""

import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
TOOLS = Path(os.environ.get("TOOLS_DIR", ROOT / ".tools"))
LIGHTHOUSE_VERSION = os.environ.get("LIGHTHOUSE_VERSION", "12.8.2")
LIGHTHOUSE_DIR = TOOLS / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
HOST = "127.0.0.1"
PORT = int(os.environ.get("AUDIT_PORT", "8119"))
RUNS = int(os.environ.get("AUDIT_RUNS", "1"))
OUT = ROOT / "docs" / "audit"
VAR = ROOT / "var" / "audit"

LANGUAGES = ["ky", "ru", "en"]
PAGES = {
    "home": "",
    "news": "news/clubs-a-safe-space/",
    "programme": "programmes/family-strengthening/",
    "donate": "donate/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {
    "performance": int(os.environ.get("AUDIT_MIN_PERFORMANCE", "95")),
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--no-first-run --disable-quic --disable-extensions"
)
FULL_REPORT = ("home", "en")


def log(message):
    print(f"audit: {message}", file=sys.stderr, flush=True)


def run(*args, **kwargs):
    return subprocess.run([str(arg) for arg in args], check=True, **kwargs)  # noqa: S603


def ensure_chromium():
    if os.access(CHROME, os.X_OK):
        return
    if CHROME != "/usr/bin/chromium" or os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit(f"audit: no browser at {CHROME} (as root: apt-get install chromium)")
    log("installing Chromium (apt-get, one-off)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver", env=env)


def installed_lighthouse():
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    try:
        return json.loads(package.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


def ensure_lighthouse():
    if not shutil.which("node") or not shutil.which("npm"):
        raise SystemExit("audit: node and npm are needed (Lighthouse 12 runs on Node 18.16+/20)")
    if LIGHTHOUSE.exists() and installed_lighthouse() == LIGHTHOUSE_VERSION:
        return
    log(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR} (one-off)")
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    package = LIGHTHOUSE_DIR / "package.json"
    if not package.exists():
        package.write_text('{"name": "lighthouse-cache", "private": true}\n')
    run(
        "npm", "install", "--prefix", LIGHTHOUSE_DIR, "--no-audit", "--no-fund",
        "--loglevel=error", "--prefer-offline", "--fetch-retries=1", "--fetch-timeout=30000",
        f"lighthouse@{LIGHTHOUSE_VERSION}", stdout=sys.stderr, timeout=600,
    )  # fmt: skip


def production_env(work):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sos_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": HOST,
        # Plain HTTP on loopback: no redirect to https://, no HSTS header.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "PAGE_CACHE_DIR": str(work / "page-cache"),
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{PORT}",
        "DONATIONS_DEMO_GATEWAY": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def prepare_site(env):
    log("migrate, load_demo, collectstatic (production settings, temporary SQLite)")
    for args in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        run(PYTHON, "manage.py", *args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def start_gunicorn(env, work):
    log_file = (work / "gunicorn.log").open("w")
    server_env = {**env, "GUNICORN_BIND": f"{HOST}:{PORT}", "WEB_CONCURRENCY": "2"}
    process = subprocess.Popen(  # noqa: S603
        [str(GUNICORN), "-c", "gunicorn.conf.py", "--pythonpath", "scripts", "audit_wsgi"],
        cwd=ROOT,
        env=server_env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://{HOST}:{PORT}/healthz"
    for _ in range(120):
        if process.poll() is not None:
            raise SystemExit(f"audit: gunicorn exited; see {work / 'gunicorn.log'}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                return process
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    stop(process)
    raise SystemExit(f"audit: gunicorn did not answer in 60 s; see {work / 'gunicorn.log'}")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


# Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP) and asks to be run
# again: so it is, up to this many times, before the audit gives up.
LIGHTHOUSE_ATTEMPTS = 3


def lighthouse(url, report_path):
    """One Lighthouse run (mobile preset); returns the parsed JSON report."""
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        report_path.unlink(missing_ok=True)
        report = lighthouse_once(url, report_path)
        error = report.get("runtimeError")
        if not (error and error.get("code")):
            return report
        message = f"audit: Lighthouse error on {url}: {error['code']} {error.get('message')}"
        if attempt == LIGHTHOUSE_ATTEMPTS:
            raise SystemExit(message)
        print(f"{message} (attempt {attempt} of {LIGHTHOUSE_ATTEMPTS}; running it again)")
    raise AssertionError("unreachable")


def lighthouse_once(url, report_path):
    result = subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report_path}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if not report_path.exists():
        raise SystemExit(
            f"audit: Lighthouse produced no report for {url}:\n{result.stderr[-2000:]}"
        )
    return json.loads(report_path.read_text())


def scores(report):
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def failing_audits(report):
    """{category: [audit id, ...]} for every scored audit below 100 that weighs on a category."""
    failing = {}
    for category in CATEGORIES:
        ids = []
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
                ids.append(f"{ref['id']} ({round(audit['score'] * 100)})")
        if ids:
            failing[category] = ids
    return failing


def warm_up(url):
    """One request first, as visitors before Lighthouse would make: image renditions
    get drawn and the page cache filled, as on a live site."""
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
        response.read()


def audit_page(name, language, work):
    url = f"http://{HOST}:{PORT}/{language}/{PAGES[name]}"
    warm_up(url)
    reports = []
    for attempt in range(RUNS):
        reports.append(lighthouse(url, work / f"{name}-{language}-{attempt}.json"))
    # The run with the median performance score stands for the page.
    reports.sort(key=lambda report: scores(report)["performance"])
    report = reports[(len(reports) - 1) // 2]
    result = {
        "page": name,
        "language": language,
        "url": url,
        "scores": scores(report),
        "failing_audits": failing_audits(report),
        "metrics": {
            key: round(report["audits"][key]["numericValue"])
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "speed-index",
            )
        }
        | {"cumulative-layout-shift": report["audits"]["cumulative-layout-shift"]["numericValue"]},
    }
    if RUNS > 1:
        result["performance_runs"] = sorted(
            scores(r)["performance"] for r in reports
        )  # fmt: skip
        result["performance_median"] = statistics.median(result["performance_runs"])
    return result, report


def table(results):
    header = ["page", "lang", *CATEGORIES]
    rows = [[r["page"], r["language"], *(str(r["scores"][c]) for c in CATEGORIES)] for r in results]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        lines.append("| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |")
    return "\n".join(lines)


def misses(results):
    return [
        f"{r['page']}/{r['language']} {c} {r['scores'][c]}<{TARGETS[c]}"
        for r in results
        for c in CATEGORIES
        if r["scores"][c] < TARGETS[c]
    ]


def write_outputs(results, full_report, lighthouse_version):
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("lighthouse-*.json"):
        old.unlink()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    summary = {
        "generated": stamp,
        "lighthouse": lighthouse_version,
        "preset": "mobile",
        "settings": "sos_site.settings.production over http://127.0.0.1 (no TLS: "
        "SECURE_SSL_REDIRECT=false, SECURE_HSTS_SECONDS=0), demo content, collected static",
        "targets": TARGETS,
        "runs_per_page": RUNS,
        "pages": results,
    }
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    name, language = FULL_REPORT
    # Without the base64 screenshots, which are most of a report's weight.
    for key in ("full-page-screenshot", "screenshot-thumbnails", "final-screenshot"):
        full_report["audits"].get(key, {}).pop("details", None)
    full_report.pop("fullPageScreenshot", None)
    (OUT / f"lighthouse-{name}-{language}.json").write_text(json.dumps(full_report))
    failing = sorted(
        {
            audit.split(" ")[0]
            for r in results
            for ids in r["failing_audits"].values()
            for audit in ids
        }
    )
    lines = [
        "# Lighthouse audit",
        "",
        f"Last run: {stamp}, Lighthouse {lighthouse_version}, mobile preset, "
        f"{RUNS} run(s) per page (median performance). Produced by `make audit` "
        "(scripts/audit.py): production settings under gunicorn over plain HTTP on 127.0.0.1, "
        "demo content, collected static files.",
        "",
        "Targets: 100 accessibility, best practices and SEO; at least "
        f"{TARGETS['performance']} performance.",
        "",
        table(results),
        "",
        "Audits below 100 on some page (per page in summary.json): "
        + (", ".join(f"`{audit}`" for audit in failing) if failing else "none")
        + ".",
        "",
        "Files: `summary.json` (scores, failing audit ids and timings of every page), "
        f"`lighthouse-{name}-{language}.json` (one full report; open it in "
        "https://googlechrome.github.io/lighthouse/viewer/).",
        "",
    ]
    (OUT / "README.md").write_text("\n".join(lines))


def main():
    ensure_chromium()
    ensure_lighthouse()
    if VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=VAR))
    env = production_env(work)
    prepare_site(env)
    server = start_gunicorn(env, work)
    results, full_report = [], None
    try:
        for language in LANGUAGES:
            for name in PAGES:
                log(f"lighthouse {name} ({language})")
                result, report = audit_page(name, language, work)
                results.append(result)
                if (name, language) == FULL_REPORT:
                    full_report = report
    finally:
        stop(server)
    results.sort(key=lambda r: (list(PAGES).index(r["page"]), LANGUAGES.index(r["language"])))
    write_outputs(results, full_report, full_report["lighthouseVersion"])
    shutil.rmtree(VAR, ignore_errors=True)

    print(table(results))
    for r in results:
        for category, ids in r["failing_audits"].items():
            print(f"  {r['page']}/{r['language']} {category}: {', '.join(ids)}")
    missed = misses(results)
    if missed:
        print("FAIL: " + "; ".join(missed))
        return 1
    print("PASS: every page meets the targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
