"""Each distinct GraphQL document is parsed and validated once per process, not once per request.

Clients send the same few documents again and again; parsing and validating one took a fifth of
a page of contents. Both caches are Strawberry's bounded LRU caches (128 documents), so documents
sent once each cannot grow memory; validation is cached under the rules it ran with
(``limits.py`` makes its rules once for that reason).
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache


class ParsedDocuments(ParserCache):
    """Strawberry's parser cache, except that a document that does not parse is left to Strawberry's
    own parsing step, which reports it as it would without the cache (the cache's hook runs outside
    the step that turns a syntax error into the operation's error)."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        try:
            context.graphql_document = self.cached_parse_document(context.query, **context.parse_options)
        except GraphQLError:
            context.graphql_document = None
        yield


DOCUMENT_CACHES = (ParsedDocuments, ValidationCache)
