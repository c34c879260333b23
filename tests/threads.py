"""Real concurrency for the PostgreSQL tests: threads released at once by a barrier."""

import threading

from django.db import connections


def run_together(count, work):
    """Run work(i) in ``count`` threads released at once; return results, raise errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def target(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return results
