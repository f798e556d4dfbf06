"""Random bytes drawn a page at a time: never handed out twice, in a forked child neither."""

from __future__ import annotations

import os

from app.domain.random_bytes import PAGE_BYTES, RandomBytes, random_bytes


def test_each_take_has_the_length_asked_and_no_two_share_their_bytes_across_pages() -> None:
    source = RandomBytes()
    taken = [source.take(8) for _ in range(3 * PAGE_BYTES // 8)] + [source.take(PAGE_BYTES + 5)]
    assert [len(each) for each in taken[:3]] == [8, 8, 8]
    assert len(taken[-1]) == PAGE_BYTES + 5
    assert len(set(taken)) == len(taken)


def test_a_forked_child_draws_bytes_its_parent_never_hands_out() -> None:
    random_bytes.take(8)  # a page is held
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's
        os.write(writer, random_bytes.take(16))
        os._exit(0)
    os.close(writer)
    from_child = os.read(reader, 16)
    os.close(reader)
    os.waitpid(child, 0)
    assert len(from_child) == 16
    assert from_child not in {random_bytes.take(16) for _ in range(PAGE_BYTES // 16)}
