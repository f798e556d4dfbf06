"""Training's repositories on the fakes and on PostgreSQL: a module stored and read back whole, the
required modules an ambassador still lacks, one progress per ambassador and module, a module's figures,
and every read scoped to its tenant."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.domain.community.training import Lesson, ModuleFields, Question, Quiz, TrainingModule
from app.domain.community.training_progress import TrainingProgress
from app.domain.roster.ambassadors import Ambassador
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, enrol, hire
from tests.fake_storage import IntegrityViolationError

FIELDS = ModuleFields(
    title="Posts",
    lessons=(Lesson(title="One", body="Body", links=("https://acme.example/a",), video_url=None),),
    quiz=Quiz(pass_mark=60, questions=(Question(prompt="Q", choices=("a", "b", "c"), correct=frozenset({0, 2})),)),
)


async def add_module(backend: Backend, ambassador: Ambassador, title: str, *, publish: bool = True) -> TrainingModule:
    module = TrainingModule.create(
        id=backend.ids.new_id(), tenant_id=ambassador.tenant_id, fields=FIELDS, author="manager", now=NOW
    )
    module.edit({"title": title}, NOW)
    if publish:
        module.publish(LATER)
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.training_modules.add(module)
        await uow.commit()
    return module


async def complete(backend: Backend, ambassador: Ambassador, module: TrainingModule) -> TrainingProgress:
    progress = TrainingProgress.start(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        module_id=module.id,
        ambassador_id=ambassador.id,
        now=NOW,
    )
    progress.attempt(module, [frozenset({0, 2})], LATER)
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.training_progress.add(progress)
        await uow.commit()
    return progress


async def test_a_module_reads_back_whole_and_a_completion_is_one_per_ambassador(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    module = await add_module(backend, ada, "Posts that engage")
    done = await complete(backend, ada, module)

    async with backend.uow(tenant.id) as uow:
        found = await uow.training_modules.get(module.id)
        progress = await uow.training_progress.get(module.id, ada.id)
    assert found is not None
    assert progress is not None
    assert (found.fields, found.status, found.version, found.published_at) == (
        module.fields,
        module.status,
        module.version,
        LATER,
    )
    assert (progress.completed_at, progress.best_score, progress.attempts) == (LATER, 100, 1)
    training = [e.type for e in await backend.outbox() if e.type.startswith("training")]
    assert training == ["training_module.published", "training.completed"]

    again = TrainingProgress.start(
        id=backend.ids.new_id(), tenant_id=tenant.id, module_id=module.id, ambassador_id=ada.id, now=NOW
    )
    async with backend.uow(tenant.id) as uow:
        with pytest.raises((IntegrityViolationError, IntegrityError)):
            await uow.training_progress.add(again)
    assert done.completed


async def test_missing_names_the_published_required_modules_not_completed(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    bob = await enrol(backend, tenant, await hire(backend, tenant, "Bob"))
    first = await add_module(backend, ada, "First")
    second = await add_module(backend, ada, "Second")
    draft = await add_module(backend, ada, "Draft", publish=False)
    await complete(backend, ada, first)

    async with backend.uow(tenant.id) as uow:
        ada_lacks = await uow.training_modules.missing(ada.id, [first.id, second.id, draft.id])
        bob_lacks = await uow.training_modules.missing(bob.id, [second.id, first.id])
        summary = await uow.training_progress.summary(first.id)
        completions = await uow.training_progress.completions(first.id, PageRequest())

    assert list(ada_lacks) == [(second.id, "Second")]
    assert list(bob_lacks) == [(first.id, "First"), (second.id, "Second")]
    assert (summary.completions, summary.in_progress, summary.active_ambassadors) == (1, 0, 2)
    assert [p.ambassador_id for p in completions.items] == [ada.id]


async def test_another_tenants_modules_and_progress_are_out_of_reach(backend: Backend) -> None:
    acme = await add_tenant(backend, "acme")
    globex = await add_tenant(backend, "globex")
    ada = await enrol(backend, acme, await hire(backend, acme, "Ada"))
    module = await add_module(backend, ada, "Posts")
    await complete(backend, ada, module)

    async with backend.uow(globex.id) as uow:
        assert await uow.training_modules.get(module.id) is None
        assert (await uow.training_modules.list(None, PageRequest())).items == []
        assert await uow.training_modules.missing(ada.id, [module.id]) == []
        assert (await uow.training_progress.completions(module.id, PageRequest())).items == []
        assert (await uow.training_progress.summary(module.id)).completions == 0
