"""What the contract says of free text, written as the domain checks it: no control characters (texts
of several lines keep line breaks and tabs), something besides spaces where a blank text is refused,
and the shape of tokens such as topics, languages or query parameter names.

Only documented here (``pattern``, ``format``): the domain still decides, and explains what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.domain.values import INVISIBLE_RANGES

_SINGLE_LINE = r"[^\x00-\x1f\x7f-\x9f]"
_MULTI_LINE = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"


@dataclass(frozen=True, slots=True)
class Documented:
    """Adds JSON Schema keywords to the string schema it annotates."""

    keywords: tuple[tuple[str, Any], ...]

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema.update(self.keywords)
        return schema


def pattern(regex: str, **keywords: Any) -> Documented:
    return Documented((("pattern", regex), *keywords.items()))


SINGLE_LINE = pattern(rf"^{_SINGLE_LINE}*$")
MULTI_LINE = pattern(rf"^{_MULTI_LINE}*$")
# Something besides spaces and invisible characters (as ``is_blank`` has them; the pattern names those
# of the Basic Multilingual Plane), written without a lookahead, which test-data generators handle poorly.
_INVISIBLE = "".join(
    rf"\u{low:04x}-\u{high:04x}" if low < high else rf"\u{low:04x}" for low, high in INVISIBLE_RANGES if high <= 0xFFFF
)
_VISIBLE = rf"[^\s\x00-\x1f\x7f-\x9f{_INVISIBLE}]"
SINGLE_LINE_NOT_BLANK = pattern(rf"^{_SINGLE_LINE}*{_VISIBLE}{_SINGLE_LINE}*$")
MULTI_LINE_NOT_BLANK = pattern(rf"^{_MULTI_LINE}*{_VISIBLE}{_MULTI_LINE}*$")
TOPIC = pattern(r"^\w[\w .&+-]{0,63}$")
# Well-formed per RFC 5646; the domain also wants the subtags registered, which the custom format names.
LANGUAGE_TAG = pattern(
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$",
    format="bcp47",
)
UTM_TOKEN = pattern(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
CLICK_PARAM = pattern(r"^(?![Uu][Tt][Mm]_)[A-Za-z][A-Za-z0-9_.-]{0,63}$")
SLUG = pattern(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
CONVERSION_TYPE = pattern(r"^[a-z][a-z0-9_]{0,39}$")
CURRENCY = pattern(r"^[A-Z]{3}$")
# Query filters: search texts never hold control characters (the use cases refuse them).
SearchText = Annotated[str, SINGLE_LINE]
# E-mail addresses in a domain reserved for special use (RFC 6761) are refused.
EMAIL = pattern(
    r"^(?![^@]*@(?:[^@]*\.)?(?:[Aa][Rr][Pp][Aa]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd]|[Ll][Oo][Cc][Aa][Ll](?:[Hh][Oo][Ss][Tt])?"
    r"|[Oo][Nn][Ii][Oo][Nn]|[Tt][Ee][Ss][Tt])\.?$)"
)
REFERENCE = pattern(r"^[!-~]+$")
DOMAIN_NAME = pattern(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
)
