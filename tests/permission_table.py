"""Who gets what from every page and every API operation: the one table of expected answers.

One row per endpoint: its method and a path whose {parameters} name data of the world
(tests/permission_world.py: procedure, superseded, draft, amendment, meeting, measure, state, message,
token, user, uidb64, reset_token), then one answer per role. An answer is the HTTP status, or
`login` for a redirect to the sign-in page. Pages are visited as a browser (signed in, except
`anon`). An API row is called as a script with the role's Bearer token (the anonymous with no
credentials) and as a browser with the role's session, CSRF checked as in production; `a|b` is
the answer with the token | with the session where they differ. A write may have its body in
BODIES, under the row's method and path as written, so that what is observed is the answer to
who asks, not a complaint about the input. A new endpoint is one line here (and its body)."""

from conftest import PASSWORD

from .permission_world import DRAFT_RU, NEW_TEXT, Form, Json

NEW_PASSWORD = "Another-Consensus-2027!"

TABLE = """
method path                                                anon  obs   delA  crdA  crdB  ended chair xchair secr
# Site, language, public reference data
GET    /                                                   200   200   200   200   200   200   200   200   200
GET    /catalogue/                                         200   200   200   200   200   200   200   200   200
GET    /healthz                                            200   200   200   200   200   200   200   200   200
GET    /catalogue/measures/{measure}/                      200   200   200   200   200   200   200   200   200
GET    /i18n/setlang/                                      302   302   302   302   302   302   302   302   302
POST   /i18n/setlang/                                      302   302   302   302   302   302   302   302   302
GET    /meetings/                                          200   200   200   200   200   200   200   200   200
GET    /meetings/{meeting}/                                200   200   200   200   200   200   200   200   200
GET    /members/                                           200   200   200   200   200   200   200   200   200
GET    /members/structure/                                 200   200   200   200   200   200   200   200   200
GET    /members/changes/?from=2010-01-01&to=2011-12-31     200   200   200   200   200   200   200   200   200
GET    /members/{state}/                                   200   200   200   200   200   200   200   200   200
GET    /search?q=CICA                                      200   200   200   200   200   200   200   200   200
# Accounts
GET    /accounts/login/                                    200   200   200   200   200   200   200   200   200
POST   /accounts/login/                                    302   302   302   302   302   302   302   302   302
POST   /accounts/logout/                                   302   302   302   302   302   302   302   302   302
GET    /accounts/me/                                       login 200   200   200   200   200   200   200   200
POST   /accounts/me/preferences/                           login 302   302   302   302   302   302   302   302
GET    /accounts/me/password/                              login 200   200   200   200   200   200   200   200
POST   /accounts/me/password/                              login 302   302   302   302   302   302   302   302
POST   /accounts/me/tokens/                                login 200   200   200   200   200   200   200   200
POST   /accounts/me/tokens/{token}/revoke/                 login 404   302   404   404   404   404   404   302
GET    /accounts/password-reset/                           200   200   200   200   200   200   200   200   200
POST   /accounts/password-reset/                           302   302   302   302   302   302   302   302   302
GET    /accounts/password-reset/done/                      200   200   200   200   200   200   200   200   200
GET    /accounts/password-reset/sent/                      200   200   200   200   200   200   200   200   200
GET    /accounts/password-reset/{uidb64}/{reset_token}/    302   302   302   302   302   302   302   302   302
POST   /accounts/password-reset/{uidb64}/{reset_token}/    302   302   302   302   302   302   302   302   302
GET    /accounts/users/                                    login 403   403   403   403   403   403   403   200
POST   /accounts/users/                                    login 403   403   403   403   403   403   403   302
POST   /accounts/users/{user}/active/                      login 403   403   403   403   403   403   403   302
POST   /accounts/users/{invitee}/invitation/               login 403   403   403   403   403   403   403   302
POST   /accounts/users/{user}/unlock/                      login 403   403   403   403   403   403   403   409  # not locked out: nothing to lift
POST   /accounts/users/{enrolled}/two-factor/reset/        login 403   403   403   403   403   403   403   302
GET    /accounts/invitation/{secret}/                      200   200   200   200   200   200   200   200   200
POST   /accounts/invitation/{secret}/                      login login login login login login login login login  # the password is set: sign in
# Two-factor sign-in (required for coordinators, the Chair and the Secretariat, whose sessions gave it)
GET    /accounts/two-factor/                               login 302   302   302   302   302   302   302   302  # nothing owed: on to the page asked for
POST   /accounts/two-factor/                               login 302   302   302   302   302   302   302   302
GET    /accounts/two-factor/setup/                         login 200   200   302   302   302   302   302   302  # set up already: to the account page
POST   /accounts/two-factor/setup/                         login 422   422   302   302   302   302   302   302  # 422: the code does not match
POST   /accounts/two-factor/recovery-codes/                login 409   409   200   200   200   200   200   200  # 409: no second factor
# Audit trail
GET    /audit/                                             login 403   403   403   403   403   200   403   200
GET    /audit/head/                                        200   200   200   200   200   200   200   200   200
# Documents
GET    /documents/                                         200   200   200   200   200   200   200   200   200
GET    /documents/import/                                  login 403   403   403   403   403   403   403   200
POST   /documents/import/                                  login 403   403   403   403   403   403   403   200
GET    /documents/{draft}/                                 404   404   200   200   200   404   200   404   200
GET    /documents/{draft}/languages/                       login 404   403   403   403   404   200   404   200
POST   /documents/{draft}/languages/                       login 404   403   403   403   404   302   404   302
# Drafts and amendments
GET    /drafts/                                            login 200   200   200   200   200   200   200   200
GET    /drafts/{draft}/                                    login 404   200   200   200   404   200   404   200
POST   /drafts/{draft}/amendments/                         login 404   302   302   302   404   422   404   422  # a refusal shown as a form error
GET    /drafts/{draft}/amendments/wording/?unit=op-3           login 404   200   200   200   404   200   404   200
POST   /drafts/{draft}/amendments/{amendment}/accept/      login 404   403   403   403   404   302   404   302
POST   /drafts/{draft}/amendments/{amendment}/reject/      login 404   403   403   403   404   302   404   302
POST   /drafts/{draft}/amendments/{amendment}/withdraw/    login 404   302   302   403   404   403   404   302
GET    /drafts/{draft}/compare/?from=1&to=2                login 404   200   200   200   404   200   404   200
POST   /drafts/{draft}/versions/                           login 404   403   403   403   404   302   404   302
# Consensus procedures
GET    /decisions/                                         login 200   200   200   200   200   200   200   200
GET    /decisions/open/                                    login 403   403   403   403   403   200   403   200
POST   /decisions/open/                                    login 403   403   403   403   403   302   403   302
GET    /decisions/{procedure}/                             login 404   200   200   200   404   200   404   200
POST   /decisions/{procedure}/close/                       login 404   403   403   403   404   302   404   302
POST   /decisions/{procedure}/positions/                   login 404   302   302   302   404   422   404   422  # accepted: back to the page with what was recorded; a refusal shown as a form error
POST   /decisions/{procedure}/withdraw/                    login 404   403   403   403   404   403   404   302
GET    /decisions/{superseded}/reopen/                     login 404   403   403   403   404   200   404   200
POST   /decisions/{superseded}/reopen/                     login 404   403   403   403   404   302   404   302
POST   /decisions/{superseded}/keep/                       login 404   403   403   403   404   302   404   302
# Inbox
GET    /inbox/                                             login 200   200   200   200   200   200   200   200
POST   /inbox/{message}/read/                              login 404   404   302   404   404   404   404   404
GET    /inbox/deliveries/                                  login 403   403   403   403   403   403   403   200
GET    /inbox/deliveries/{delivery}/send-again/            login 403   403   403   403   403   403   403   200
POST   /inbox/deliveries/{delivery}/send-again/            login 403   403   403   403   403   403   403   302
# API documentation
GET    /api/                                               404   404   404   404   404   404   404   404   404  # ninja's root: nothing there
GET    /api/docs                                           200   200   200   200   200   200   200   200   200
GET    /api/openapi.json                                   200   200   200   200   200   200   200   200   200
# API. A write without credentials is 401; a signed-in session without the CSRF token 403.
# API: members, meetings, catalogue
GET    /api/members                                        200   200   200   200   200   200   200   200   200
GET    /api/members/changes?from=2010-01-01&to=2011-12-31  200   200   200   200   200   200   200   200   200
GET    /api/states/{state}                                 200   200   200   200   200   200   200   200   200
GET    /api/chairmanships                                  200   200   200   200   200   200   200   200   200
GET    /api/bodies                                         200   200   200   200   200   200   200   200   200
GET    /api/meetings                                       200   200   200   200   200   200   200   200   200
GET    /api/meetings/{meeting}                             200   200   200   200   200   200   200   200   200
GET    /api/catalogue                                      200   200   200   200   200   200   200   200   200
GET    /api/measures/{measure}                             200   200   200   200   200   200   200   200   200
# API: accounts and tokens
GET    /api/me                                             401   200   200   200   200   200   200   200   200
PATCH  /api/me                                             401   200   200   200   200   200   200   200   200
GET    /api/me/work                                        401   200   200   200   200   200   200   200   200
GET    /api/tokens                                         401   200   200   200   200   200   200   200   200
POST   /api/tokens                                         401   201   201   201   201   201   201   201   201
POST   /api/tokens/{token}/revoke                          401   404   200   404   404   404   404   404   200
GET    /api/users                                          401   403   403   403   403   403   403   403   200
POST   /api/users                                          401   403   403   403   403   403   403   403   201
GET    /api/users/{user}                                   401   403   403   403   403   403   403   403   200
PATCH  /api/users/{user}                                   401   403   403   403   403   403   403   403   200
POST   /api/users/{invitee}/invitation                     401   403   403   403   403   403   403   403   201
GET    /api/users/{user}/sign-in                           401   403   403   403   403   403   403   403   200
POST   /api/users/{user}/unlock                            401   403   403   403   403   403   403   403   409  # not locked out: nothing to lift
POST   /api/users/{enrolled}/two-factor/reset              401   403   403   403   403   403   403   403   200
# API: audit trail
GET    /api/audit                                          401   403   403   403   403   403   200   403   200
GET    /api/audit/verify                                   401   403   403   403   403   403   200   403   200
GET    /api/audit/head                                     200   200   200   200   200   200   200   200   200
# API: documents and search
GET    /api/documents                                      200   200   200   200   200   200   200   200   200
GET    /api/search?q=CICA                                  200   200   200   200   200   200   200   200   200
POST   /api/documents/import                               401   403   403   403   403   403   403   403   201
GET    /api/documents/{draft}                              404   404   200   200   200   404   200   404   200
GET    /api/documents/{draft}/export/akn                   404   404   200   200   200   404   200   404   200
POST   /api/documents/{draft}/languages                    401   404   403   403   403   404   201   404   201
# API: drafts and amendments
GET    /api/drafts                                         401   200   200   200   200   200   200   200   200
GET    /api/drafts/{draft}                                 401   404   200   200   200   404   200   404   200
GET    /api/drafts/{draft}/versions/2                      401   404   200   200   200   404   200   404   200
POST   /api/drafts/{draft}/versions                        401   404   403   403   403   404   201   404   201
GET    /api/drafts/{draft}/amendments                      401   404   200   200   200   404   200   404   200
POST   /api/drafts/{draft}/amendments                      401   404   201   201   201   404   403   404   403
GET    /api/drafts/{draft}/amendments/{amendment}          401   404   200   200   200   404   200   404   200
POST   /api/drafts/{draft}/amendments/{amendment}/accept   401   404   403   403   403   404   200   404   200
POST   /api/drafts/{draft}/amendments/{amendment}/reject   401   404   403   403   403   404   200   404   200
POST   /api/drafts/{draft}/amendments/{amendment}/withdraw 401   404   200   200   403   404   403   404   200
GET    /api/drafts/{draft}/compare?from=1&to=2             401   404   200   200   200   404   200   404   200
# API: consensus procedures
GET    /api/procedures                                     401   200   200   200   200   200   200   200   200
POST   /api/procedures                                     401   403   403   403   403   403   201   403   201
GET    /api/procedures/{procedure}                         401   404   200   200   200   404   200   404   200
POST   /api/procedures/{procedure}/positions               401   404   201   201   201   404   403   404   403
POST   /api/procedures/{procedure}/close                   401   404   403   403   403   404   200   404   200
POST   /api/procedures/{procedure}/withdraw                401   404   403   403   403   404   403   404   200
POST   /api/procedures/{superseded}/reopen                 401   404   403   403   403   404   201   404   201
POST   /api/procedures/{superseded}/keep                   401   404   403   403   403   404   200   404   200
# API: inbox
GET    /api/inbox                                          401   200   200   200   200   200   200   200   200
POST   /api/inbox/{message}/read                           401   404   404   200   404   404   404   404   404
GET    /api/deliveries                                     401   403   403   403   403   403   403   403   200
POST   /api/deliveries/{delivery}/send-again               401   403   403   403   403   403   403   403   200
"""

BODIES = {
    "POST /api/tokens": Json({"name": "script"}),
    "POST /api/users": Json({"email": "new@in.example", "role": "delegate", "state": "IN"}),
    "PATCH /api/users/{user}": Json({"active": False}),
    "PATCH /api/me": Json({"language": "ru", "time_zone": "Asia/Almaty"}),
    "POST /api/documents/import": Form({}, files={"file": ("eighth.txt", NEW_TEXT)}),
    "POST /api/documents/{draft}/languages": Json({"language": "ru", "text": DRAFT_RU}),
    "POST /api/drafts/{draft}/amendments": Json(
        {
            "kind": "edit",
            "unit": "op-3",
            "text": "We celebrate CICA Day.",
            "rationale": "Shorter.",
            "language": "en",
            "version": 2,
        }
    ),
    "POST /api/drafts/{draft}/amendments/{amendment}/accept": Json({"note": "Agreed."}),
    "POST /api/drafts/{draft}/amendments/{amendment}/reject": Json({"reason": "Not now."}),
    "POST /api/procedures": Json(
        {
            "title": "Declaration on water",
            "subject": {"type": "text", "text": "We agree."},
            "mode": "in_session",
        }
    ),
    "POST /api/procedures/{procedure}/positions": Json({"position": "join"}),
    "POST /api/procedures/{superseded}/reopen": Json({"reason": "Version 2 supersedes it."}),
    "POST /accounts/login/": Form({"username": "delegate@in.example", "password": PASSWORD}),
    "POST /accounts/me/password/": Form(
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    ),
    "POST /accounts/me/preferences/": Form({"language": "ru", "time_zone": "Asia/Almaty"}),
    "POST /accounts/me/tokens/": Form({"name": "script", "scope": "read", "expires_in_days": "30"}),
    "POST /accounts/password-reset/": Form({"email": "delegate@in.example"}),
    "POST /accounts/password-reset/{uidb64}/{reset_token}/": Form(
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    ),
    "POST /accounts/users/": Form({"email": "new@in.example", "role": "delegate", "state": "IN"}),
    "POST /accounts/users/{user}/active/": Form({"active": "0"}),
    "POST /accounts/invitation/{secret}/": Form(
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    ),
    "POST /accounts/two-factor/": Form({"code": "000000"}),
    "POST /accounts/two-factor/setup/": Form({"code": "000000"}),
    "POST /decisions/open/": Form(
        {
            "title": "Declaration on water",
            "subject.type": "text",
            "subject.text": "We agree.",
            "mode": "in_session",
        }
    ),
    "POST /decisions/{procedure}/positions/": Form({"position": "join"}),
    "POST /decisions/{superseded}/reopen/": Form({"reason": "Version 2 supersedes it."}),
    "POST /documents/import/": Form({}, files={"files": ("eighth.txt", NEW_TEXT)}),
    "POST /documents/{draft}/languages/": Form(
        {"language": "ru", "text": DRAFT_RU, "confirm": "True"}
    ),
    "POST /drafts/{draft}/amendments/": Form(
        {
            "unit": "op-3",
            "kind": "edit",
            "text": "We celebrate CICA Day.",
            "rationale": "Shorter.",
            "language": "en",
            "version": "2",
        }
    ),
    "POST /drafts/{draft}/amendments/{amendment}/accept/": Form({"note": "Agreed."}),
    "POST /drafts/{draft}/amendments/{amendment}/reject/": Form({"reason": "Not now."}),
    "POST /i18n/setlang/": Form({"language": "ru", "next": "/"}),
}
