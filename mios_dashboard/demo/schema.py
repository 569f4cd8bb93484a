"""Reading the demo's data files: YAML into checked Python values, or one line saying where a file is wrong.

A consultant edits these files by hand, so a mistake must point at itself: `DemoDataError` names the file, the
line, the entry (section, position and code or name) and the field — never a traceback from deep in the loader.
Each section is read against a table of fields (`Field`): a converter per field, and a default for the
optional ones; unknown fields (a typo) and repeated keys are errors too.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from mios_dashboard.demo.dates import DateExpression, NotationError, parse_date, parse_names, parse_text
from mios_dashboard.errors import Invalid

REQUIRED = object()
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:  # libyaml's parser when present: same result, faster
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DemoDataError(Invalid):
    """A data file of the demo is malformed; the message is one line naming the file, the entry and the field
    (the problem itself is in English: it is read by whoever edits the files, next to the YAML)."""

    def __init__(self, path: Path | str, line: int | None, where: str, problem: str):
        self.path, self.line, self.where, self.problem = Path(path), line, where, problem
        place = f"{path}:{line}" if line else str(path)
        self.text = f"{place}: {where}: {problem}" if where else f"{place}: {problem}"
        super().__init__("demo.data_error", detail=self.text)

    def __str__(self) -> str:
        return self.text


class Problem(Exception):
    """Raised by a converter: what is wrong with one value; the readers above it add the field's path."""

    def __init__(self, message: str, line: int | None = None, path: tuple[str | int, ...] = ()):
        super().__init__(message)
        self.message, self.line, self.path = message, line, path

    def within(self, step: str | int, line: int | None) -> Problem:
        return Problem(self.message, self.line or line, (step, *self.path))

    def __str__(self) -> str:
        if not self.path:
            return self.message
        shown = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in self.path).lstrip(".")
        return f"{shown}: {self.message}"


class Located(dict):
    """A YAML mapping that remembers the line it starts on, and the line of each of its keys."""

    def __init__(self) -> None:
        super().__init__()
        self.line: int | None = None
        self.key_lines: dict = {}


class _Loader(_BaseLoader):  # a safe loader: only YAML's plain types are built
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode):
    data = Located()
    data.line = node.start_mark.line + 1
    yield data
    seen: dict[Any, int] = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (dict, list)):
            raise yaml.MarkedYAMLError("while reading a mapping", node.start_mark, "a key cannot be a list or mapping",
                                       key_node.start_mark)
        if key in seen:
            raise yaml.MarkedYAMLError(None, None, f"{key!r} appears twice (also on line {seen[key]})",
                                       key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    data.key_lines = seen
    data.update(loader.construct_mapping(node, deep=True))


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def read_yaml(path: Path) -> Located:
    """The top-level mapping of a data file (sections by name)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DemoDataError(path, None, "", f"cannot read the file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise DemoDataError(path, None, "", "the file is not UTF-8 text (save it as UTF-8)") from exc
    try:
        document = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(part for part in (exc.context, exc.problem) if part)
        raise DemoDataError(path, mark.line + 1 if mark else None, "", f"not valid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise DemoDataError(path, None, "", f"not valid YAML: {exc}") from exc
    if not isinstance(document, Located):
        raise DemoDataError(path, 1, "", "expected sections (name: …) at the top of the file")
    return document


@dataclass
class Context:
    """What a file's converters may refer to: the people, and the named dates of the file."""

    path: Path
    people: Mapping[str, Any] = field(default_factory=dict)
    names: dict[str, DateExpression] = field(default_factory=dict)


@dataclass(frozen=True)
class Field:
    convert: Callable[[Any, Context], Any]
    default: Any = REQUIRED


@dataclass(frozen=True)
class Loc:
    """Where an entry is, for a message about it later (a reference to a code that does not exist)."""

    path: Path
    line: int | None
    where: str
    raw: Any = None  # the entry as read, to find the line of one of its fields

    def line_of(self, field_path: str) -> int | None:
        """The line of a field ("story.budget.season"), else of the nearest mapping above it."""
        node, line = self.raw, self.line
        for name in field_path.split("."):
            if not isinstance(node, Located) or name not in node:
                break
            line = node.key_lines.get(name, line)
            node = node[name]
        return line

    def error(self, problem: str, field_path: str | None = None) -> DemoDataError:
        """`problem` (which starts with the field's name when there is one) at the field's line."""
        return DemoDataError(self.path, self.line_of(field_path) if field_path else self.line, self.where, problem)


# --- converters --------------------------------------------------------------------------------------------
def _shown(value: Any) -> str:
    kind = {dict: "a list of fields", Located: "a list of fields", list: "a list", bool: "yes/no"}.get(type(value))
    return kind or repr(value)


def text(value: Any, ctx: Context) -> Any:
    """A non-empty text, possibly with {date} placeholders."""
    if isinstance(value, Located) and len(value) == 1 and next(iter(value.values())) is None:
        raise Problem("text that starts with '{' must be put in quotes")
    if not isinstance(value, str):
        hint = " (put it in quotes)" if isinstance(value, (int, float, bool, dt.date)) else ""
        raise Problem(f"expected a text, got {_shown(value)}{hint}")
    if not value.strip():
        raise Problem("expected a text, got an empty one")
    try:
        return parse_text(value, ctx.names)
    except NotationError as exc:
        raise Problem(str(exc)) from None


def optional_text(value: Any, ctx: Context) -> Any:
    return None if value is None else text(value, ctx)


def number(value: Any, _ctx: Context) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Problem(f"expected a number (with a decimal point, not a comma), got {_shown(value)}")
    return value


def optional_number(value: Any, ctx: Context) -> int | float | None:
    return None if value is None else number(value, ctx)


def integer(value: Any, _ctx: Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(f"expected a whole number, got {_shown(value)}")
    return value


def whole_at_least(low: int) -> Callable[[Any, Context], int]:
    def convert(value: Any, ctx: Context) -> int:
        if integer(value, ctx) < low:
            raise Problem(f"expected a whole number of at least {low}, got {value}")
        return value
    return convert


def boolean(value: Any, _ctx: Context) -> bool:
    if not isinstance(value, bool):
        raise Problem(f"expected true or false, got {_shown(value)}")
    return value


def choice(*options: str) -> Callable[[Any, Context], str]:
    def convert(value: Any, _ctx: Context) -> str:
        if value not in options:
            raise Problem(f"expected one of {', '.join(options)}; got {_shown(value)}")
        return value
    return convert


def code(value: Any, _ctx: Context) -> str:
    """A code or key another entry may refer to (e.g. OBJ-01): a short text on one line."""
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise Problem(f"expected a code such as OBJ-01, got {_shown(value)}")
    return value


def optional_code(value: Any, ctx: Context) -> str | None:
    return None if value is None else code(value, ctx)


def date(value: Any, ctx: Context) -> DateExpression:
    try:
        return parse_date(value, ctx.names)
    except NotationError as exc:
        raise Problem(str(exc)) from None


def optional_date(value: Any, ctx: Context) -> DateExpression | None:
    return None if value is None else date(value, ctx)


def person(attribute: str | None = None) -> Callable[[Any, Context], Any]:
    """A key of people.yaml → how that person is written (`owner`, `full`), or the person (None)."""
    def convert(value: Any, ctx: Context) -> Any:
        found = ctx.people.get(value) if isinstance(value, str) else None
        if found is None:
            raise Problem(f"{_shown(value)} is not a person of people.yaml ({', '.join(ctx.people)})")
        return getattr(found, attribute) if attribute else found
    return convert


def optional_person(attribute: str | None = None) -> Callable[[Any, Context], Any]:
    convert = person(attribute)
    return lambda value, ctx: None if value is None else convert(value, ctx)


def list_of(item: Callable[[Any, Context], Any], *, empty: bool = False) -> Callable[[Any, Context], list]:
    def convert(value: Any, ctx: Context) -> list:
        if not isinstance(value, list) or (not value and not empty):
            raise Problem(f"expected a list (one '- item' per line), got {_shown(value) if value != [] else 'none'}")
        out = []
        for n, element in enumerate(value, 1):
            try:
                out.append(item(element, ctx))
            except Problem as exc:
                raise exc.within(n, getattr(element, "line", None)) from None
        return out
    return convert


def fields_of(fields: Mapping[str, Field]) -> Callable[[Any, Context], dict]:
    """A nested mapping read against its own fields."""
    return lambda value, ctx: read_fields(value, fields, ctx)


def read_fields(raw: Any, fields: Mapping[str, Field], ctx: Context) -> dict:
    """`raw` (a YAML mapping) converted field by field; a `Problem` names the field (dotted when nested)."""
    line = getattr(raw, "line", None)
    if not isinstance(raw, dict):
        raise Problem(f"expected fields (name: value), got {_shown(raw)}", line)
    unknown = [name for name in raw if name not in fields]
    if unknown:
        raise Problem(f"unknown field {unknown[0]!r} (the fields are: {', '.join(fields)})",
                      getattr(raw, "key_lines", {}).get(unknown[0], line))
    out = {}
    for name, spec in fields.items():
        if name not in raw:
            if spec.default is REQUIRED:
                raise Problem(f"missing field {name!r}", line)
            out[name] = spec.default
            continue
        try:
            out[name] = spec.convert(raw[name], ctx)
        except Problem as exc:
            own = getattr(raw[name], "line", None) or getattr(raw, "key_lines", {}).get(name)
            raise exc.within(name, own or line) from None
    return out


def read_section(document: Mapping, section: str, fields: Mapping[str, Field], ctx: Context, *,
                 key: str | None = None, single: bool = False) -> list[tuple[dict, Loc]]:
    """The entries of a list section (or the one entry of a `single` one), each with where it is.

    `key` names the field that identifies an entry in messages (and must be unique in the section)."""
    if section not in document:
        raise DemoDataError(ctx.path, None, "", f"missing section {section!r}")
    raw = document[section]
    entries = [raw] if single else raw
    if not single and (not isinstance(raw, list) or not raw):
        line = getattr(raw, "line", None) or getattr(document, "line", None)
        raise DemoDataError(ctx.path, line, section, "expected a list of entries, each starting with '- '")
    out: list = []
    seen: dict[object, int] = {}
    for n, entry in enumerate(entries, 1):
        label = section if single else f"{section}, entry {n}"
        if key and isinstance(entry, dict) and isinstance(entry.get(key), (str, int)):
            shown = str(entry[key])
            label += f" ({shown if len(shown) <= 40 else shown[:39] + '…'})"
        line = getattr(entry, "line", None)
        try:
            data = read_fields(entry, fields, ctx)
        except Problem as exc:
            raise DemoDataError(ctx.path, exc.line or line, label, str(exc)) from None
        loc = Loc(ctx.path, line, label, entry)
        if key:
            if data[key] in seen:
                raise loc.error(f"{key} {data[key]!r} is already used by entry {seen[data[key]]}", key)
            seen[data[key]] = n
        out.append((data, loc))
    return out


def read_names(document: Mapping, ctx: Context) -> None:
    """The file's `dates:` section into `ctx.names` (the entries below may use them)."""
    try:
        ctx.names = parse_names(document.get("dates"))
    except NotationError as exc:
        raise DemoDataError(ctx.path, getattr(document.get("dates"), "line", None), "dates", str(exc)) from None
