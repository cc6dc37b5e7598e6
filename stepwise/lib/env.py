"""Reading configuration from environment variables, failing loudly on bad values.

Every reader takes the environment as a mapping, so the rules are testable without touching
``os.environ``. A bad value raises :class:`EnvError` whose message names the variable.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


class EnvError(ValueError):
    """A configuration variable holds a value Stepwise cannot use."""


def read_str(env: Mapping[str, str], name: str, default: str = "") -> str:
    return env.get(name, default).strip()


def read_bool(env: Mapping[str, str], name: str, *, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise EnvError(f"{name} must be true or false (got {env[name]!r})")


def read_int(
    env: Mapping[str, str], name: str, *, default: int, minimum: int = 0, maximum: int = 2**31
) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise EnvError(f"{name} must be a whole number (got {raw!r})") from None
    if not minimum <= value <= maximum:
        raise EnvError(f"{name} must be between {minimum} and {maximum} (got {value})")
    return value


def read_list(env: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    raw = env.get(name, "").strip()
    if not raw:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def read_choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    raw = env.get(name, "").strip().lower() or default
    if raw not in choices:
        raise EnvError(f"{name} must be one of {', '.join(choices)} (got {raw!r})")
    return raw


def secret_source(env: Mapping[str, str], name: str) -> str:
    """The variable a secret was read from, for messages about its value: ``NAME_FILE`` when
    that is set, else ``NAME``."""
    return f"{name}_FILE" if env.get(f"{name}_FILE", "").strip() else name


def read_secret(env: Mapping[str, str], name: str) -> str:
    """Read ``NAME`` or the file named by ``NAME_FILE``; empty when neither is set."""
    value = env.get(name, "").strip()
    file_name = env.get(f"{name}_FILE", "").strip()
    if value and file_name:
        raise EnvError(f"set {name} or {name}_FILE, not both")
    if not file_name:
        return value
    try:
        return Path(file_name).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise EnvError(f"{name}_FILE cannot be read: {error.strerror} ({file_name})") from None
