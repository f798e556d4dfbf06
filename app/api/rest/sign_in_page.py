"""The development sign-in page: plain server-rendered HTML, no script, no external resource.

Every value that reaches the page (names, e-mails, the client's redirect URI and scopes) is
escaped: the roster is written by integrators and the query string by whoever sent the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse

from app.domain.roster.employees import Employee
from app.domain.roster.sign_in import DEFAULT_SIGN_IN_ROLE, SIGN_IN_ROLES
from app.ports.roster import SignInRequest
from app.services.roster.list_people_to_sign_in import PeopleToSignIn

# Nothing may load or run, the page may not be framed (clickjacking), and it is never cached.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
}

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 56rem; padding: 0 1rem; color: #1d232a; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.note { color: #55606b; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 1.5rem; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #e3e7eb; vertical-align: middle; }
button { font: inherit; padding: .35rem .9rem; cursor: pointer; }
select { font: inherit; }
code { background: #f1f3f5; padding: 0 .25rem; border-radius: 3px; }
"""


def sign_in_page(sign_in: SignInRequest, roster: PeopleToSignIn, query: Sequence[tuple[str, str]]) -> HTMLResponse:
    """The tenant's people, one row each, signing in on a click with the role chosen in the row."""
    action = "/oauth/authorize?" + urlencode(list(query))
    rows = "\n".join(_row(index, person, action) for index, person in enumerate(roster.people))
    more = '<p class="note">Only the first people of the roster are listed.</p>' if roster.more else ""
    body = f"""
<h1>Sign in to {escape(roster.tenant.name)}</h1>
<p class="note">Development sign-in: anyone may be anyone here. The application <code>{escape(sign_in.client_id)}</code>
asks for <code>{escape(sign_in.scope or "no scope")}</code> and gets you back at
<code>{escape(sign_in.redirect_uri)}</code>.</p>
<table>
<thead><tr><th>Name</th><th>E-mail</th><th>Department</th><th>Role</th><th></th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
{more}"""
    if not roster.people:
        body += f"<p>{escape(roster.tenant.name)} has no active employee to sign in as yet.</p>"
    return HTMLResponse(_document("Sign in", body), headers=HEADERS)


def message_page(status: int, title: str, message: str) -> HTMLResponse:
    """A refusal shown to the person in the browser (what may not be sent back to the application)."""
    body = f"<h1>{escape(title)}</h1>\n<p>{escape(message)}</p>"
    return HTMLResponse(_document(title, body), status_code=status, headers=HEADERS)


def _row(index: int, person: Employee, action: str) -> str:
    profile = person.profile
    name = f"{profile.given_name} {profile.family_name}"
    form = f"person-{index}"
    options = "".join(
        f'<option value="{escape(role.value)}"{" selected" if role is DEFAULT_SIGN_IN_ROLE else ""}>'
        f"{escape(role.value)}</option>"
        for role in SIGN_IN_ROLES
    )
    return (
        f"<tr><td>{escape(name)}</td><td>{escape(profile.email)}</td><td>{escape(profile.department or '')}</td>"
        f'<td><select name="role" form="{form}" aria-label="Role of {escape(name)}">{options}</select></td>'
        f'<td><form id="{form}" method="post" action="{escape(action)}">'
        f'<input type="hidden" name="person" value="{escape(str(person.id))}">'
        f"<button>Sign in as {escape(name)}</button></form></td></tr>"
    )


def _document(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · Relais (development)</title>
<style>{STYLE}</style>
</head>
<body>
<main>{body}
</main>
</body>
</html>
"""
