"""Find, in the source, every text a problem detail or a field message can be made of.

A text is written for people when it is a sentence (a capital first, a full stop last) outside
docstrings, descriptions and the exceptions that only programmers see (``ValueError``,
``RuntimeError``... unless they carry a ``Message``), or the template of a ``Message``, or a
word a domain error names a resource or an action with. An f-string there is a mistake: its
parts could not be translated apart from its values.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
# Where the texts of REST problems come from (GraphQL keeps English; the CLI is not an API).
SOURCES = (
    "domain",
    "services",
    "adapters/auth/claims.py",
    "adapters/auth/keys.py",
    "adapters/auth/verifier.py",
    "adapters/postgres/errors.py",
    "api/graphql/transport.py",
    "api/pagination.py",
    "api/rate_limits.py",
    "api/rest/bodies.py",
    "api/rest/deps.py",
    "api/rest/guards.py",
    "api/rest/instants.py",
    "api/rest/json_bodies.py",
    "api/rest/numbers.py",
    "api/rest/problems.py",
    "api/rest/programme/schemas.py",
    "api/rest/programme/charter_schemas.py",
    "api/rest/system.py",
)
SENTENCE = re.compile(r"^[A-Z'“{].*[.?!]$", re.DOTALL)
# Exceptions whose text no client reads, unless it is a ``Message``; and logging calls.
FOR_PROGRAMMERS = frozenset(
    {"ValueError", "TypeError", "RuntimeError", "KeyError", "LookupError", "AssertionError", "SchemaBehind"}
    | {"debug", "info", "warning", "error", "exception"}
)
# Keyword arguments that carry a text for people; any other keyword (a description) does not.
TEXT_KEYWORDS = frozenset({"detail", "message"})
# What documents the contract for developers (examples, response descriptions), not what a problem says.
DOCUMENTING_KEYWORDS = frozenset({"json_schema_extra", "examples", "responses", "openapi_extra"})
DOCUMENTING_KEYS = frozenset({"description", "summary"})


@dataclass(frozen=True, slots=True)
class Found:
    where: str
    text: str


def source_files() -> Iterator[Path]:
    for name in SOURCES:
        path = APP / name
        yield from [path] if path.is_file() else sorted(path.rglob("*.py"))


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


class _Scan:
    def __init__(self, path: Path) -> None:
        self.where = str(path.relative_to(APP.parent))
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents = {child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)}

    def _enclosing_call(self, node: ast.AST) -> ast.Call | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.Call):
                return node
        return None

    def _documents(self, node: ast.AST) -> bool:
        """Inside an OpenAPI example or response description, or the value of a ``description`` key."""
        parent = self.parents.get(node)
        if isinstance(parent, ast.Dict) and node in parent.values:
            key = parent.keys[parent.values.index(node)]
            if isinstance(key, ast.Constant) and key.value in DOCUMENTING_KEYS:
                return True
        if isinstance(parent, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id.endswith("_HELP") for target in parent.targets
        ):
            return True  # a parameter's description, kept in a constant several routes share
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.keyword) and node.arg in DOCUMENTING_KEYWORDS:
                return True
        return False

    def _for_people(self, node: ast.expr) -> bool:
        parent = self.parents.get(node)
        if isinstance(parent, ast.Expr):  # a docstring
            return False
        if isinstance(parent, ast.keyword) and parent.arg not in TEXT_KEYWORDS:
            return False
        if self._documents(node):
            return False
        call = self._enclosing_call(node)
        return call is None or _called(call) == "Message" or _called(call) not in FOR_PROGRAMMERS

    def texts(self) -> Iterator[Found]:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                yield from self._named_words(node)
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            text = node.value
            call = self.parents.get(node)
            is_template = isinstance(call, ast.Call) and _called(call) == "Message" and call.args[:1] == [node]
            if is_template or (SENTENCE.match(text.strip()) and " " in text and self._for_people(node)):
                yield Found(f"{self.where}:{node.lineno}", text)

    def _named_words(self, call: ast.Call) -> Iterator[Found]:
        """The words ``NotFound`` and ``InvalidTransition`` build their details from."""
        literal = [
            arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None for arg in call.args
        ]
        where = f"{self.where}:{call.lineno}"
        if _called(call) == "NotFound" and literal and literal[0] is not None:
            yield Found(where, "No " + literal[0] + " with id {resource_id} exists.")
        if _called(call) == "InvalidTransition":
            yield from (Found(where, word) for word in [*literal, None, None, None][0:3:2] if word is not None)

    def formatted(self) -> Iterator[Found]:
        """f-strings that read as text for people."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.JoinedStr) and self._for_people(node):
                words = "".join(str(part.value) for part in node.values if isinstance(part, ast.Constant))
                if " " in words.strip():
                    yield Found(f"{self.where}:{node.lineno}", ast.unparse(node))


def texts_for_people() -> list[Found]:
    return [found for path in source_files() for found in _Scan(path).texts()]


def formatted_texts() -> list[Found]:
    return [found for path in source_files() for found in _Scan(path).formatted()]
