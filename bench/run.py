"""`make bench`: serve the site under gunicorn with production settings and load it with wrk.

Steps, all from a fresh clone:
1. a new SQLite database, media and page-cache folder under var/bench/, static
   files collected into a temporary STATIC_ROOT, migrations, the demo content;
2. bench/probe.py finds the URLs (home, news index, news article, programme,
   donate; ky, ru, en) and counts database queries and HTML bytes per page,
   uncached and as a cache hit, with one instrumented request each;
3. gunicorn with the page cache on: wrk on a static file served by WhiteNoise
   (the baseline), then on every page ("cached");
4. gunicorn again with PAGE_CACHE_ENABLED=false, so that every request renders
   the page from the database ("uncached"), then wrk on every page;
5. "campaign": gunicorn with the page cache on and the demo payment gateway
   (bench/settings_campaign.py), wrk on every page again while a gift is paid
   every second through the donate form, review, confirm and Pay, and the
   fund's programme page is watched for how stale its total gets
   (bench/campaign.py);
6. a table with each page's throughput as a ratio of the baseline, and
   docs/bench/latest.json with docs/bench/latest.md (the README's table).

Environment: BENCH_DURATION (seconds per wrk run, default 30), BENCH_CONNECTIONS
(default 100), BENCH_THREADS (wrk threads, default 2), BENCH_WORKERS (default:
the number of cores), BENCH_PORT (default 8115), BENCH_REUSE=1 (keep the
database of the previous run: for working on the benchmark, not for results),
BENCH_PAGES (page keys to measure, e.g. ``home/ky,programme/en``; default all),
BENCH_MODES (``cached,uncached,campaign``; default all; ``uncached-noroute`` adds,
after each uncached page, the same page on a server with PAGE_ROUTE_CACHE=false:
Wagtail routes every render itself, for measuring the route cache of
core.caching.routing). A partial or short run (BENCH_PAGES, BENCH_MODES, or
BENCH_DURATION under 30 s) writes its results to var/bench/ and leaves
docs/bench/ to full runs.
"""

import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from campaign import Campaign  # noqa: E402

VAR = ROOT / "var" / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
OUTPUT = ROOT / "docs" / "bench" / "latest.json"

DURATION = int(os.environ.get("BENCH_DURATION", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "100"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 1)))
PORT = int(os.environ.get("BENCH_PORT", "8115"))
# For working on the benchmark itself: keep the database of the previous run.
REUSE = os.environ.get("BENCH_REUSE", "") not in ("", "0", "false")
HOST = f"127.0.0.1:{PORT}"
MODES = ("cached", "uncached", "campaign")
# Measured only when asked for: uncached renders without the route cache.
NOROUTE = "uncached-noroute"
SELECTED_MODES = [m for m in os.environ.get("BENCH_MODES", ",".join(MODES)).split(",") if m]
SELECTED_PAGES = [p for p in os.environ.get("BENCH_PAGES", "").split(",") if p]
FULL_RUN = not SELECTED_PAGES and set(SELECTED_MODES) == set(MODES) and DURATION >= 30
if not FULL_RUN:
    OUTPUT = VAR / "latest.json"

# (minimum ratio to the static baseline, aim). During a campaign cached pages must
# keep 0.8 of the static file, and a fund's total show a paid gift within a few seconds.
TARGETS = {
    "cached": (0.5, 0.8),
    "uncached": (0.1, None),
    NOROUTE: (0.1, None),
    "campaign": (0.8, None),
}
STALENESS_TARGET_S = 5.0


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("wrk is missing: installing Debian's package")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [*sudo, "apt-get", "install", "-y", "-qq", "wrk"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def base_env(static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sos_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{VAR / 'db.sqlite3'}",
        "MEDIA_ROOT": str(VAR / "media"),
        "STATIC_ROOT": str(static_root),
        "PAGE_CACHE_DIR": str(VAR / "page-cache"),
        "PAGE_CACHE_ENABLED": "true",
        "LOG_LEVEL": "WARNING",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for name in ("DEBUG", "REDIS_URL", "SENTRY_DSN", "STATIC_HOST", "DONATIONS_DEMO_GATEWAY"):
        env.pop(name, None)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare(env):
    if REUSE and (VAR / "db.sqlite3").exists():
        log("BENCH_REUSE: keeping var/bench/db.sqlite3; clearing the page cache")
        shutil.rmtree(VAR / "page-cache", ignore_errors=True)
    else:
        shutil.rmtree(VAR, ignore_errors=True)
        VAR.mkdir(parents=True)
        log("fresh database: migrate, demo content")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "compile_catalogues")
        manage(env, "load_demo", "-v", "0")
    log("static files")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def probe(env):
    log(f"instrumented requests: URLs, queries and bytes per page{route_note(env)}")
    out = subprocess.run(  # noqa: S603
        [PYTHON, "bench/probe.py", HOST], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def route_note(env):
    return " (no route cache)" if env.get("PAGE_ROUTE_CACHE") == "false" else ""


class Server:
    def __init__(self, env, name):
        self.env = {**env, "BENCH_BIND": HOST, "BENCH_WORKERS": str(WORKERS)}
        self.name = name
        self.log_path = VAR / f"gunicorn-{name}.log"

    def __enter__(self):
        log(f"gunicorn ({self.name}): {WORKERS} workers on {HOST}{route_note(self.env)}")
        self.log_file = self.log_path.open("wb")
        self.process = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "bench/gunicorn_bench.py", "sos_site.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://{HOST}/ky/", timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer in 60 s; see {self.log_path}")

    def workers(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def peak_rss_kib(self):
        """VmHWM (peak resident set size) of each worker, in KiB."""
        peaks = []
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
            if match:
                peaks.append(int(match.group(1)))
        return peaks

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()


def fetch(path):
    # Generous: after an uncached run the backlog wrk left behind drains first.
    with urllib.request.urlopen(f"http://{HOST}{path}", timeout=180) as response:
        return response.status, dict(response.headers), response.read()


def wrk(path):
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{DURATION}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "report.lua"),
        f"http://{HOST}{path}",
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    line = next(line for line in out.splitlines() if line.startswith("BENCH_JSON "))
    result = json.loads(line.removeprefix("BENCH_JSON "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["error_count"] = sum(result["errors"].values())
    result["wire_bytes_per_response"] = result["bytes"] // max(result["requests"], 1)
    return result


def run_phase(server, pages, mode, rows, campaign=None):
    for key, page in pages.items():
        expected = None if mode in ("uncached", NOROUTE) else "hit"
        fetch(page["url"])  # warm: store the page, load its templates in a worker
        fetch(page["url"])
        _status, headers, _body = fetch(page["url"])
        if headers.get("X-Page-Cache") != expected:
            log(f"warning: {page['url']} X-Page-Cache={headers.get('X-Page-Cache')} in {mode}")
        log(f"{mode:8} {key:18} {page['url']}")
        extra = {}
        if campaign is None:
            result = wrk(page["url"])
        else:
            with campaign() as gifts:
                result = wrk(page["url"])
            extra = {"campaign": gifts.staleness()}
            log(f"         {extra['campaign']}")
        rows.append(
            {
                "page": key,
                "mode": mode,
                **page,
                "x_page_cache": headers.get("X-Page-Cache"),
                **result,
                **extra,
            }
        )
    return server.peak_rss_kib()


def verdict(row, baseline_rps):
    row["ratio"] = row["rps"] / baseline_rps
    minimum, aim = TARGETS[row["mode"]]
    row["target_met"] = row["ratio"] >= minimum and row["error_count"] == 0
    row["aim_met"] = aim is None or row["ratio"] >= aim
    campaign = row.get("campaign")
    if campaign is not None:
        row["target_met"] = (
            row["target_met"]
            and campaign["gifts_paid"] > 0
            and campaign["gift_errors"] == 0
            and campaign["never_seen"] == 0
            and campaign["staleness_s_max"] <= STALENESS_TARGET_S
        )


def print_table(baseline, rows, memory):
    print()
    print(
        f"Static baseline (WhiteNoise) {baseline['url']}: {baseline['rps']:.0f} req/s, "
        f"p50 {baseline['latency_us']['p50'] / 1000:.1f} ms, "
        f"p99 {baseline['latency_us']['p99'] / 1000:.1f} ms, errors {baseline['error_count']}"
    )
    header = (
        f"{'page':18} {'mode':8} {'req/s':>8} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>8} "
        f"{'errors':>6} {'queries':>7} {'KB':>6} {'cold q':>6} {'cold ms':>7}  target"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        queries = row["queries_cached"] if row["mode"] == "cached" else row["queries_uncached"]
        mark = "ok" if row["target_met"] else "MISSED"
        if row["target_met"] and not row["aim_met"]:
            mark = "ok (below aim)"
        campaign = row.get("campaign")
        if campaign:
            mark += (
                f"; {campaign['gifts_paid']} gifts, {campaign['gift_errors']} failed, total "
                f"stale ≤ {campaign['staleness_s_max']} s (median {campaign['staleness_s_median']})"
            )
        print(
            f"{row['page']:18} {row['mode']:8} {row['rps']:8.0f} {row['ratio']:6.2f} "
            f"{row['latency_us']['p50'] / 1000:7.1f} {row['latency_us']['p99'] / 1000:8.1f} "
            f"{row['error_count']:6d} {queries:7d} {row['html_bytes'] / 1024:6.1f} "
            f"{row['queries_cold']:6d} {row['cpu_ms_cold']:7.1f}  {mark}"
        )
    for line in route_cache_lines(rows):
        print(line)
    for mode, peaks in memory.items():
        print(
            f"Peak RSS per worker ({mode}): " + ", ".join(f"{kib / 1024:.0f} MiB" for kib in peaks)
        )


def route_cache_lines(rows):
    """Uncached req/s and cold CPU with and without the route cache, per page."""
    by_key = {(row["page"], row["mode"]): row for row in rows}
    lines = []
    for page in dict.fromkeys(row["page"] for row in rows):
        with_cache, without = by_key.get((page, "uncached")), by_key.get((page, NOROUTE))
        if with_cache is None or without is None:
            continue
        if not lines:
            lines.append("Route cache (uncached req/s and cold CPU ms per render, with / without):")
        gain = with_cache["rps"] / without["rps"] - 1
        lines.append(
            f"  {page:18} {with_cache['rps']:6.0f} / {without['rps']:6.0f} req/s ({gain:+.0%}), "
            f"cold {with_cache['cpu_ms_cold']:.1f} / {without['cpu_ms_cold']:.1f} ms, "
            f"warm {with_cache['cpu_ms_uncached']:.1f} / {without['cpu_ms_uncached']:.1f} ms, "
            f"queries {with_cache['queries_uncached']} / {without['queries_uncached']}"
        )
    return lines


def markdown_table(result):
    """The run as Markdown: docs/bench/latest.md, and the README's copy of it."""
    base = result["baseline"]
    rows = {(row["page"], row["mode"]): row for row in result["pages"]}
    lines = [
        f"Static baseline (WhiteNoise, `{base['url'].rsplit('/', 1)[-1]}`): "
        f"**{base['rps']:.0f} req/s**, p50 {base['latency_us']['p50'] / 1000:.0f} ms, "
        f"p99 {base['latency_us']['p99'] / 1000:.0f} ms, {base['error_count']} errors.",
        "",
        "| page | cached req/s | ratio | p50 / p99 ms | errors | uncached req/s | ratio "
        "| p50 / p99 ms | errors | queries (uncached / cold) | cold CPU ms | HTML KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in dict.fromkeys(row["page"] for row in result["pages"]):
        cached, uncached = rows.get((page, "cached")), rows.get((page, "uncached"))
        if cached is None or uncached is None:
            continue
        cells = [page]
        for row in (cached, uncached):
            latency = row["latency_us"]
            cells += [
                f"{row['rps']:.0f}",
                f"{row['ratio']:.2f}",
                f"{latency['p50'] / 1000:.0f} / {latency['p99'] / 1000:.0f}",
                str(row["error_count"]),
            ]
        cells += [
            f"{uncached['queries_uncached']} / {uncached['queries_cold']}",
            f"{uncached['cpu_ms_cold']:.0f}",
            f"{uncached['html_bytes'] / 1024:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    campaign_rows = [row for row in result["pages"] if row["mode"] == "campaign"]
    if campaign_rows:
        lines += [
            "",
            "During a campaign (a card gift paid every second through the donate form, review,"
            " confirm and Pay; cached pages):",
            "",
            "| page | req/s | ratio | p50 / p99 ms | errors | gifts paid "
            "| total stale: median / max s |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in campaign_rows:
            gifts = row["campaign"]
            latency = row["latency_us"]
            lines.append(
                f"| {row['page']} | {row['rps']:.0f} | {row['ratio']:.2f} | "
                f"{latency['p50'] / 1000:.0f} / {latency['p99'] / 1000:.0f} | "
                f"{row['error_count']} | {gifts['gifts_paid']} | "
                f"{gifts['staleness_s_median']} / {gifts['staleness_s_max']} |"
            )
    route_lines = route_cache_lines(result["pages"])
    if route_lines:
        lines += ["", *route_lines]
    memory = result["peak_rss_kib_per_worker"]
    settings = result["settings"]
    lines += [
        "",
        "Peak memory per worker: "
        + "; ".join(
            f"{mode} " + ", ".join(f"{kib / 1024:.0f} MiB" for kib in peaks)
            for mode, peaks in memory.items()
        )
        + ". Cache hits make 0 database queries.",
        f"Run of {result['date']} (commit {result['commit']}), {result['machine']['cpus']} cores, "
        f"{settings['gunicorn_workers']} workers, {settings['connections']} connections × "
        f"{settings['duration_s']} s each, {result['runtime_s'] / 60:.0f} min in all; "
        f"all targets met: {'yes' if result['all_targets_met'] else 'no'}"
        + ("." if result["full_run"] else " (a short or partial run)."),
    ]
    return "\n".join(lines) + "\n"


def measure_baseline(static_url):
    status, _headers, body = fetch(static_url)
    log(f"baseline {static_url} ({len(body)} bytes, status {status})")
    return {"url": static_url, "bytes": len(body), **wrk(static_url)}


def campaign_env(env):
    """The cached server, with the demo gateway so that gifts can be paid over HTTP."""
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.settings_campaign",
        "DONATION_RATE_LIMIT_PER_IP": "0",
        "DONATION_RATE_LIMIT_GLOBAL": "0",
    }


def campaign_for(found_pages):
    """A factory of Campaigns on the English programme and donate pages, or None."""
    programme, donate = found_pages.get("programme/en"), found_pages.get("donate/en")
    if not programme or not donate:
        return None
    probe_campaign = Campaign(HOST, donate["url"], programme["url"])
    if probe_campaign.prepare() is None:
        return None

    def make():
        campaign = Campaign(HOST, donate["url"], programme["url"])
        campaign.prepare()
        return campaign

    return make


def git_commit():
    command = ["git", "rev-parse", "--short", "HEAD"]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # noqa: S603, S607
    return out.stdout.strip() or None


def main():
    started = time.monotonic()
    ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="sos-bench-static-") as static_root:
        env = base_env(static_root)
        prepare(env)
        found = probe(env)
        broken = {key: page for key, page in found["pages"].items() if "error" in page}
        for key, page in broken.items():
            log(f"left out {key} {page['url']}: {page['error']}")
        pages = {key: page for key, page in found["pages"].items() if key not in broken}
        if SELECTED_PAGES:
            pages = {key: page for key, page in pages.items() if key in SELECTED_PAGES}
        if not pages:
            raise SystemExit("No pages found: did load_demo create the demo content?")
        rows, memory, baseline = [], {}, None
        if "cached" in SELECTED_MODES:
            with Server(env, "cached") as server:
                baseline = measure_baseline(found["static_url"])
                memory["cached"] = sorted(run_phase(server, pages, "cached", rows))
        uncached_env = {**env, "PAGE_CACHE_ENABLED": "false"}
        uncached_modes = {"uncached": (uncached_env, pages)}
        if NOROUTE in SELECTED_MODES:
            noroute_env = {**uncached_env, "PAGE_ROUTE_CACHE": "false"}
            noroute_pages = probe(noroute_env)["pages"]
            uncached_modes[NOROUTE] = (
                noroute_env,
                {key: noroute_pages[key] for key in pages if "error" not in noroute_pages[key]},
            )
        uncached_modes = {m: v for m, v in uncached_modes.items() if m in SELECTED_MODES}
        # One server per uncached page: a render-bound run leaves a backlog of queued
        # requests that would take longer to drain than a restart takes. With and
        # without the route cache, each page is measured twice in a row.
        peaks = {mode: [] for mode in uncached_modes}
        for key in pages:
            for mode, (mode_env, mode_pages) in uncached_modes.items():
                if key not in mode_pages:
                    continue
                with Server(mode_env, mode) as server:
                    if baseline is None:
                        baseline = measure_baseline(found["static_url"])
                    peaks[mode] += run_phase(server, {key: mode_pages[key]}, mode, rows)
        for mode, seen in peaks.items():
            memory[mode] = sorted(seen)[-WORKERS:]  # the highest peaks seen
        if "campaign" in SELECTED_MODES:
            with Server(campaign_env(env), "campaign") as server:
                if baseline is None:
                    baseline = measure_baseline(found["static_url"])
                gifts = campaign_for(found["pages"])
                if gifts is None:
                    log("campaign left out: no programme page shows a fund's totals")
                else:
                    memory["campaign"] = sorted(
                        run_phase(server, pages, "campaign", rows, campaign=gifts)
                    )

    for row in rows:
        verdict(row, baseline["rps"])
    print_table(baseline, rows, memory)
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "full_run": FULL_RUN,
        "commit": git_commit(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "settings": {
            "duration_s": DURATION,
            "connections": CONNECTIONS,
            "wrk_threads": THREADS,
            "gunicorn_workers": WORKERS,
            "database": "SQLite (fresh, demo content)",
            "page_cache": "FileBasedCache under var/bench/page-cache",
            "uncached_method": "second gunicorn with PAGE_CACHE_ENABLED=false (route, settings,"
            " layout data and fragments cached per generation, as in production)",
            "noroute_method": "uncached-noroute (when asked for): the uncached server and"
            " bench/probe.py with PAGE_ROUTE_CACHE=false, each page right after its uncached run",
            "cold_method": "bench/probe.py: generation bumped before each of 7 renders in"
            " one process (median CPU time), as right after a publish",
            "campaign_method": "cached server with the demo gateway (bench/settings_campaign.py);"
            " during each wrk run one KGS card gift per second through donate form, review,"
            " confirm and Pay, and the fund's English programme page read every 0.2 s"
            " (bench/campaign.py); staleness = Pay response to first read showing the gift",
        },
        "targets": {
            "cached_ratio_min": 0.5,
            "cached_ratio_aim": 0.8,
            "uncached_ratio_min": 0.1,
            "campaign_ratio_min": 0.8,
            "campaign_staleness_max_s": STALENESS_TARGET_S,
        },
        "baseline": baseline,
        "pages": rows,
        "left_out": broken,
        "peak_rss_kib_per_worker": memory,
        "all_targets_met": not broken
        and all(row["target_met"] for row in rows)
        and baseline["error_count"] == 0,
        "runtime_s": round(time.monotonic() - started),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    OUTPUT.with_suffix(".md").write_text(markdown_table(result))
    log(
        f"wrote {OUTPUT.relative_to(ROOT)} in {result['runtime_s']} s; "
        f"all targets met: {result['all_targets_met']}"
    )


if __name__ == "__main__":
    sys.exit(main())
