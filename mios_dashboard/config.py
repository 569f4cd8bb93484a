"""Settings read from the environment, so the same code runs on a laptop and under gunicorn."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mios_dashboard.errors import Invalid

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "data"
SUPPORTED_LANGUAGES = ("es", "en")


class SettingsError(Invalid):
    """A configuration value is unusable; `detail` names the variable (in English, as the variable is)."""

    def __init__(self, detail: str) -> None:
        super().__init__("cli.settings_error", detail=detail)


def _env_int(env: dict, name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from exc
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is outside {low}..{high}")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything the app and the command line take from the environment."""

    database_url: str = ""
    data_dir: Path = DEFAULT_DATA_DIR
    language: str = "es"
    host: str = "127.0.0.1"
    port: int = 8050
    actor: str = "sistema"
    load_demo_when_empty: bool = True
    debug: bool = False

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{Path(self.data_dir) / 'mios.db'}")
        if self.language not in SUPPORTED_LANGUAGES:
            raise SettingsError(f"MIOS_LANG={self.language!r}: use one of {', '.join(SUPPORTED_LANGUAGES)}")

    @classmethod
    def from_env(cls, env: dict | None = None) -> Settings:
        """Read MIOS_* variables; unset ones take the embedded defaults (SQLite under data/)."""
        env = dict(os.environ if env is None else env)
        data_dir = Path(env.get("MIOS_DATA_DIR") or DEFAULT_DATA_DIR)
        return cls(
            database_url=env.get("MIOS_DATABASE_URL", "").strip(),
            data_dir=data_dir,
            language=(env.get("MIOS_LANG") or "es").strip().lower(),
            host=env.get("MIOS_HOST") or "127.0.0.1",
            port=_env_int(env, "MIOS_PORT", 8050, 1, 65535),
            actor=env.get("MIOS_USER") or "sistema",
            load_demo_when_empty=(env.get("MIOS_LOAD_DEMO", "1").strip().lower() not in ("0", "false", "no")),
            debug=(env.get("MIOS_DEBUG", "").strip().lower() in ("1", "true", "yes")),
        )
