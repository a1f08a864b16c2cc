import pytest
from django.test import Client

from concord.accounts.services import issue_api_token
from concord.core.actors import SYSTEM
from concord.documents.services import import_text

DRAFT = """CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA

DRAFT DECLARATION OF THE SEVENTH SUMMIT

We, the Heads of State and Government of the Member States of CICA,

Recalling the Almaty Act of 2002;

Reaffirming our commitment to the purposes and principles of the CICA;

Declare the following:

1. We decide to hold the 8th CICA Summit in 2030.

2. We welcome the progress in implementing confidence building measures:

(a) in the military-political dimension;

(b) in the economic dimension;

(c) in the human dimension.

3. We celebrate CICA Day on 5 October each year.
"""


@pytest.fixture
def draft(registry):
    """A draft declaration (version 1, English), as the Secretariat imports it."""
    outcome = import_text(actor=SYSTEM, raw=DRAFT, slug="seventh-summit-declaration")
    return outcome.document


@pytest.fixture
def structure():
    from concord.documents import parsing

    return parsing.parse(DRAFT).to_dict()


@pytest.fixture
def api(actor_of):
    def client_for(user) -> Client:
        _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return client_for


@pytest.fixture
def india(api, delegate_user, draft):
    return api(delegate_user)


@pytest.fixture
def officer(api, secretariat_user, draft):
    return api(secretariat_user)
