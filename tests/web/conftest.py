"""The web pages are served by the API app: the same fixtures (a real store, keys per role)."""

from tests.api.conftest import api, api_db_template  # noqa: F401 - fixtures
