"""The input's value types: plain decimals and counts, names, and the optional fields whose
empty text means "the default". Each is an ``Annotated`` type carrying its validator and, where
the text form differs from the number, its JSON schema."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, ValidationInfo, WithJsonSchema

from pricing.catalog.labour import COEFFICIENT_KEYS, HOURS_A_MONTH, LIMITS, Limit, field_name
from pricing.ranges import RANGE_PATTERN, WHOLE_RANGE_PATTERN, Range, checked, parse_range, point

_DECIMAL_TEXT = re.compile(r"[0-9]{1,12}(\.[0-9]{1,6})?")
_COUNT_TEXT = re.compile(r"[0-9]{1,9}")
_DIGITS = re.compile(r"[0-9]+")
# Larger than every count's maximum: an all-digit text too long to be a count becomes this, so
# the field's own bound says what is wrong ("less than or equal to 1000"), not the digits rule.
# The text is never turned into an int (a 10,000-digit one would be slow, and past 4,300
# digits Python refuses).
_TOO_MANY_DIGITS = 10**18
_NAME_TEXT = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_NAME = re.compile(_NAME_TEXT)
_CURRENCY_TEXT = r"^[A-Z]{3}$"
# An example key for each field whose value is a catalog key, for the message when the text
# cannot be a key at all (a key that is well formed but unknown is reported, with the choices,
# when the scenario is resolved against the catalog).
_KEY_EXAMPLES = {
    "provider": "aws",
    "region": "us-east-1",
    "load_balancer": "alb",
    "disk": "gp3",
    "docker_instance_type": "m6i.large",
    "k8s_instance_type": "m6i.large",
    "k8s_control_instance_type": "m6i.large",
    "control_plane": "eks-standard",
    "docker_plan": "team",
    "k8s_plan": "team",
}


def _plain_decimal(value: Any) -> Any:
    """Accept only plain decimals: ASCII digits, an optional point, no sign, exponent,
    underscore, padding or other scripts' digits; JSON numbers must be finite."""
    if isinstance(value, str):
        if not _DECIMAL_TEXT.fullmatch(value):
            raise ValueError(
                "must be a plain decimal number such as 12.5 "
                "(digits and one point, at most 6 decimal places, no sign or spaces)"
            )
        return Decimal(value)
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        text = repr(value)
        if "e" in text or "E" in text:
            raise ValueError("must be a plain decimal number with at most 6 decimal places")
        return _plain_decimal(text)
    if isinstance(value, int):
        return Decimal(value)
    return value


def _plain_count(value: Any) -> Any:
    """Accept only whole numbers written plainly (no sign, underscore, padding or fraction).

    Digits past nine are not parsed: they are more than any count's maximum, which says so."""
    if isinstance(value, str):
        if _COUNT_TEXT.fullmatch(value):
            return int(value)
        if _DIGITS.fullmatch(value):
            if len(value.lstrip("0")) > 9:
                return _TOO_MANY_DIGITS
            raise ValueError("must be a whole number of at most 9 digits, such as 3")
        raise ValueError("must be a whole number such as 3 (digits only, no sign or spaces)")
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true/false")
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError("must be a whole number")
        return int(value)
    return value


def _key_text(value: Any, info: ValidationInfo) -> Any:
    """Text that cannot be a catalog key is wrong in words, not by the key pattern."""
    if isinstance(value, str) and not _NAME.fullmatch(value):
        example = _KEY_EXAMPLES.get(info.field_name or "", "aws")
        if value == "":
            raise ValueError(f"must not be empty: give a key such as {example}")
        if len(value) > 64:
            raise ValueError(f"must be a key such as {example}, at most 64 characters")
        raise ValueError(
            f"must be a key such as {example}: letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return value


def _currency_text(value: Any) -> Any:
    """A currency code in words, not by its pattern."""
    if isinstance(value, str) and not re.fullmatch(_CURRENCY_TEXT, value):
        raise ValueError("must be a three-letter currency code in capitals, such as EUR")
    return value


_MONTH_TEXT = r"^20[0-9]{2}-(0[1-9]|1[0-2])$"


def _month_text(value: Any) -> Any:
    """A calendar month as YYYY-MM, in words rather than by its pattern."""
    if not isinstance(value, str) or not re.fullmatch(_MONTH_TEXT, value):
        raise ValueError("must be a month written YYYY-MM, such as 2027-01 (years 2000 to 2099)")
    return value


def _blank_is_none(value: Any) -> Any:
    """An empty form field or CSV cell means "use the default"."""
    return None if value == "" else value


PlainDecimal = Annotated[Decimal, BeforeValidator(_plain_decimal)]
Count = Annotated[int, BeforeValidator(_plain_count)]
# The schemas keep the patterns; the validators say what is wrong in words.
Name = Annotated[
    str, BeforeValidator(_key_text), WithJsonSchema({"type": "string", "pattern": _NAME_TEXT})
]
# Empty text means "the default", so the schema admits it too.
OptionalName = Annotated[
    Annotated[
        str,
        BeforeValidator(_key_text),
        WithJsonSchema({"type": "string", "pattern": f"^$|{_NAME_TEXT}"}),
    ]
    | None,
    BeforeValidator(_blank_is_none),
]
CurrencyCode = Annotated[
    str,
    BeforeValidator(_currency_text),
    WithJsonSchema({"type": "string", "pattern": _CURRENCY_TEXT}),
]


def _optional_schema(number: dict[str, Any], text: str) -> WithJsonSchema:
    """An optional input's schema: a number, its plain text (or empty text), or null."""
    return WithJsonSchema(
        {"anyOf": [number, {"type": "string", "pattern": f"^$|{text}"}, {"type": "null"}]}
    )


DECIMAL_PATTERN = f"^{_DECIMAL_TEXT.pattern}$"
_COUNT_PATTERN = f"^{_COUNT_TEXT.pattern}$"
OptionalPrice = Annotated[
    Annotated[PlainDecimal, Field(ge=0, le=100_000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema({"type": "number", "minimum": 0, "maximum": 100_000}, DECIMAL_PATTERN),
]
OptionalPercent = Annotated[
    Annotated[PlainDecimal, Field(ge=0, lt=100)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema({"type": "number", "minimum": 0, "exclusiveMaximum": 100}, DECIMAL_PATTERN),
]
OptionalHours = Annotated[
    Annotated[PlainDecimal, Field(ge=1, le=744)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema({"type": "number", "minimum": 1, "maximum": 744}, DECIMAL_PATTERN),
]
OptionalAmount = Annotated[
    Annotated[PlainDecimal, Field(gt=0, le=1_000_000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema(
        {"type": "number", "exclusiveMinimum": 0, "maximum": 1_000_000}, DECIMAL_PATTERN
    ),
]
OptionalNodes = Annotated[
    Annotated[Count, Field(ge=1, le=1000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema({"type": "integer", "minimum": 1, "maximum": 1000}, _COUNT_PATTERN),
]
OptionalMonth = Annotated[
    Annotated[
        str,
        BeforeValidator(_month_text),
        WithJsonSchema({"type": "string", "pattern": _MONTH_TEXT}),
    ]
    | None,
    BeforeValidator(_blank_is_none),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "pattern": f"^$|{_MONTH_TEXT[1:]}"}, {"type": "null"}]}
    ),
]
OptionalPods = Annotated[
    Annotated[Count, Field(ge=1, le=1_000_000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema({"type": "integer", "minimum": 1, "maximum": 1_000_000}, _COUNT_PATTERN),
]
OptionalRequests = Annotated[
    Annotated[Count, Field(ge=0, le=1_000_000_000_000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema(
        {"type": "integer", "minimum": 0, "maximum": 1_000_000_000_000}, _COUNT_PATTERN
    ),
]
OptionalMilliseconds = Annotated[
    Annotated[PlainDecimal, Field(gt=0, le=3_600_000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema(
        {"type": "number", "exclusiveMinimum": 0, "maximum": 3_600_000}, DECIMAL_PATTERN
    ),
]


# The limit of each people-time field: the labour table's coefficients (docker_host_hours,
# k8s_upgrade_hours, ...) and the hours a month entered outright.
RANGE_LIMITS: dict[str, Limit] = {
    **{
        field_name(setup, key): LIMITS[key]
        for setup, keys in COEFFICIENT_KEYS.items()
        for key in keys
    },
    "docker_devops_hours": Limit(HOURS_A_MONTH, "hours a month"),
    "k8s_rampup_hours": Limit(HOURS_A_MONTH, "hours a month"),
    "k8s_steady_hours": Limit(HOURS_A_MONTH, "hours a month"),
}


def _range_input(value: Any, info: ValidationInfo) -> Any:
    """A people-time figure: empty (the default), one number, or text low/likely/high, each
    within the field's limit (RANGE_LIMITS) and in order."""
    limit = RANGE_LIMITS[info.field_name or ""]
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return parse_range(value, limit=limit.most, unit=limit.unit, whole=limit.whole)
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")
    if isinstance(value, int | float):
        value = point(_plain_decimal(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("must be a finite number")
        value = point(value)
    if isinstance(value, Range):
        if limit.whole and any(part != part.to_integral_value() for part in value):
            raise ValueError(f"must be whole {limit.unit}")
        return checked(value, limit.most, limit.unit)
    return value


def _range_value(value: Range | None) -> Decimal | str | None:
    """A range as the user writes it: a number for one figure, low/likely/high text else."""
    if value is None:
        return None
    return value.likely if value.is_point else value.text()


def _range_schema(pattern: str, number: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "anyOf": [
                {"type": number, "minimum": 0},
                {"type": "string", "pattern": f"^$|{pattern}"},
                {"type": "null"},
            ]
        }
    )


# Hours (or whole months) known to within a range: empty, 16, or 4/16/80.
OptionalRange = Annotated[
    Range | None,
    BeforeValidator(_range_input),
    PlainSerializer(_range_value),
    _range_schema(RANGE_PATTERN, "number"),
]
OptionalMonthsRange = Annotated[
    Range | None,
    BeforeValidator(_range_input),
    PlainSerializer(_range_value),
    _range_schema(WHOLE_RANGE_PATTERN, "integer"),
]
OptionalCount = Annotated[
    Annotated[Count, Field(ge=0, le=100_000)] | None,
    BeforeValidator(_blank_is_none),
    _optional_schema({"type": "integer", "minimum": 0, "maximum": 100_000}, _COUNT_PATTERN),
]
