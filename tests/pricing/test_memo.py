"""The bounded memo: values by key, the oldest forgotten past its size."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from pricing.memo import Memo


def test_the_memo_forgets_its_oldest_entries_past_its_size() -> None:
    memo: Memo[int] = Memo(3)
    for key in range(5):
        assert memo.keep(key, key * 10) == key * 10
    assert len(memo) == 3
    assert memo.find(0) is None  # forgotten
    assert memo.find(1) is None
    assert memo.find(4) == 40  # remembered
    assert [memo.find(k) for k in (2, 3)] == [20, 30]


def test_a_missing_key_finds_nothing() -> None:
    memo: Memo[str] = Memo(2)
    assert memo.find(("aws", "1")) is None
    assert len(memo) == 0


def test_a_memo_of_size_zero_keeps_nothing() -> None:
    memo: Memo[int] = Memo(0)
    assert memo.keep("a", 1) == 1
    assert len(memo) == 0
    assert memo.find("a") is None


def test_keeping_a_key_again_replaces_its_value() -> None:
    memo: Memo[int] = Memo(2)
    memo.keep("a", 1)
    memo.keep("a", 2)
    assert (memo.find("a"), len(memo)) == (2, 1)


def test_many_threads_never_overfill_it() -> None:
    memo: Memo[int] = Memo(50)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda k: memo.keep(k, k), range(2000)))
    assert len(memo) == 50
