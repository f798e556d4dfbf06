"""The community space's rules: screening against the programme's terms, answers only on questions,
moderation with a reason, texts of bounded length."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from app.domain.community.space import Comment, Post, PostKind
from app.domain.community.space_refusals import AlreadyModerated, NotAQuestion, PostNotCompliant
from app.domain.community.space_screening import screen
from app.domain.errors import ValidationFailed
from app.domain.events import EventType
from app.domain.programme.settings import ProgrammeSettings

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
TENANT, AUTHOR = UUID(int=1), UUID(int=2)
SETTINGS = ProgrammeSettings(banned_terms=("confidential",), sensitive_terms=("layoffs", "salary"))


def post(kind: PostKind = PostKind.QUESTION, body: str = "How do you pick what to share?") -> Post:
    return Post.publish(
        id=UUID(int=10), tenant_id=TENANT, author_id=AUTHOR, kind=kind, title=None, body=body, flagged_terms=(), now=NOW
    )


def comment() -> Comment:
    return Comment.write(
        id=UUID(int=20),
        tenant_id=TENANT,
        post_id=UUID(int=10),
        author_id=AUTHOR,
        body="Start small.",
        flagged_terms=(),
        now=NOW,
    )


def test_a_banned_term_refuses_the_text_and_names_each_field_it_is_in() -> None:
    with pytest.raises(PostNotCompliant) as refused:
        screen(SETTINGS, title="Confidential roadmap", body="Please keep it CONFIDENTIAL.")
    assert [error.loc for error in refused.value.errors] == [("title",), ("body",)]
    assert "confidential" in refused.value.errors[0].message


def test_sensitive_terms_pass_flagged_each_once_and_clean_text_is_not_flagged() -> None:
    assert screen(SETTINGS, title="Salary talk", body="salary and layoffs, salary again") == ("salary", "layoffs")
    assert screen(SETTINGS, title=None, body="A great week at the fair") == ()


def test_publishing_announces_the_post_and_whether_it_was_flagged() -> None:
    published = Post.publish(
        id=UUID(int=10), tenant_id=TENANT, author_id=AUTHOR, kind=PostKind.SUCCESS, title=" Won! ",
        body="We won a deal", flagged_terms=("salary",), now=NOW,
    )  # fmt: skip
    assert published.title == "Won!"
    [event] = published.drain_events()
    assert (event.type, event.data["flagged"], event.data["kind"]) == (EventType.SPACE_POST_PUBLISHED, True, "success")


def test_an_empty_or_overlong_body_is_refused() -> None:
    with pytest.raises(ValidationFailed):
        post(body="   ")
    with pytest.raises(ValidationFailed):
        post(body="x" * 10_001)


def test_only_a_question_accepts_an_answer() -> None:
    with pytest.raises(NotAQuestion):
        post(PostKind.SUCCESS).accept(comment(), NOW)
    question = post()
    question.accept(comment(), NOW)
    assert (question.accepted_comment_id, question.version) == (UUID(int=20), 1)


def test_a_deleted_answer_is_no_answer_and_another_comment_changes_nothing() -> None:
    question = post()
    question.accept(comment(), NOW)
    question.forget_answer(UUID(int=99), NOW)
    assert question.accepted_comment_id == UUID(int=20)
    question.forget_answer(UUID(int=20), NOW)
    assert question.accepted_comment_id is None


def test_hiding_needs_a_reason_and_twice_is_refused_as_is_restoring_what_is_shown() -> None:
    item = comment()
    with pytest.raises(ValidationFailed):
        item.hide("  ", "moderator", NOW)
    with pytest.raises(AlreadyModerated):
        item.restore("Fine after all", "moderator", NOW)
    item.hide("Off topic", "moderator", NOW)
    assert item.hidden is not None
    assert item.hidden.reason == "Off topic"
    with pytest.raises(AlreadyModerated):
        item.hide("Again", "moderator", NOW)
    item.restore("Fine after all", "moderator", NOW)
    assert item.hidden is None
    events = [(e.type, e.data.get("hidden")) for e in item.drain_events()]
    assert events[1:] == [(EventType.SPACE_ITEM_MODERATED, True), (EventType.SPACE_ITEM_MODERATED, False)]
