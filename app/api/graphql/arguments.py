"""Arguments every capability's fields take alike: paging, the version read, an instant."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

First = Annotated[int, strawberry.argument(description="Items per page, 1 to 100.")]
After = Annotated[
    str | None,
    strawberry.argument(description="Start after this cursor: the `endCursor` of the previous page (or any edge's)."),
]
ExpectedVersion = Annotated[
    int | None, strawberry.argument(description="The `version` you last read; stale changes are refused.")
]
Instant = Annotated[datetime | None, strawberry.argument(description="An instant with its UTC offset.")]
