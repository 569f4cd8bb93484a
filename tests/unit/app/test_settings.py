"""Settings come from MIOS_* variables with embedded defaults; bad values say which variable is wrong."""
from __future__ import annotations

import pytest

from mios_dashboard.config import DEFAULT_DATA_DIR, Settings, SettingsError
from mios_dashboard.db import DatabaseUrlError, make_engine
from mios_dashboard.errors import Invalid


def test_defaults_are_the_embedded_sqlite_and_local_server():
    settings = Settings.from_env({})
    assert settings.database_url == f"sqlite:///{DEFAULT_DATA_DIR / 'mios.db'}"
    assert (settings.host, settings.port, settings.language, settings.actor) == ("127.0.0.1", 8050, "es", "sistema")
    assert settings.load_demo_when_empty is True


def test_environment_overrides():
    settings = Settings.from_env(
        {"MIOS_DATABASE_URL": "postgresql://u@h/db", "MIOS_PORT": "9000", "MIOS_HOST": "0.0.0.0", "MIOS_LANG": "EN",
         "MIOS_USER": "ana", "MIOS_LOAD_DEMO": "0"}
    )
    assert (settings.database_url, settings.port, settings.host, settings.language, settings.actor) == (
        "postgresql://u@h/db", 9000, "0.0.0.0", "en", "ana")
    assert settings.load_demo_when_empty is False


@pytest.mark.parametrize(("env", "message"), [
    ({"MIOS_PORT": "ochenta"}, "MIOS_PORT"),
    ({"MIOS_PORT": "70000"}, "MIOS_PORT"),
    ({"MIOS_LANG": "fr"}, "MIOS_LANG"),
])
def test_bad_values_name_the_variable(env, message):
    with pytest.raises(SettingsError, match=message) as refused:
        Settings.from_env(env)
    assert isinstance(refused.value, Invalid)  # the command line prints it as any other refusal
    assert refused.value.message("es").startswith(f"configuración no válida: {message}=")
    assert refused.value.message("en").startswith(f"invalid configuration: {message}=")


@pytest.mark.parametrize("url", ["not a url", "mysql://root@localhost/x", "oracle://u@h/x"])
def test_unusable_database_urls_are_refused_in_one_line(url):
    with pytest.raises(DatabaseUrlError) as info:
        make_engine(url)
    assert "\n" not in str(info.value)
