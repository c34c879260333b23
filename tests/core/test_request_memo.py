"""core.request_memo: a value computed once per request, every time without one."""

from django.test import RequestFactory

from core.request_memo import memo


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_computed_once_per_request_and_key():
    compute, calls = counter()
    request = RequestFactory().get("/")
    assert memo(request, ("thing", 1), compute) == 1
    assert memo(request, ("thing", 1), compute) == 1
    assert memo(request, ("thing", 2), compute) == 2
    assert len(calls) == 2


def test_each_request_computes_its_own():
    compute, calls = counter()
    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    assert memo(first, "thing", compute) == 1
    assert memo(second, "thing", compute) == 2


def test_none_is_kept_too():
    calls = []
    request = RequestFactory().get("/")
    for _ in range(3):
        assert memo(request, "nothing", lambda: calls.append(1)) is None
    assert len(calls) == 1


def test_without_a_request_every_call_computes():
    compute, calls = counter()
    assert [memo(None, "thing", compute) for _ in range(3)] == [1, 2, 3]
