"""Typed reads shared by the repositories: a row, or rows, as their pydantic models."""

from __future__ import annotations

from typing import Any, TypeVar

from storage.database import Database
from storage.models import (
    Row,
)

RowT = TypeVar("RowT", bound=Row)


async def fetch_one(
    db: Database, model: type[RowT], sql: str, params: tuple[Any, ...]
) -> RowT | None:
    rows = await db.read(sql, params)
    return model.model_validate(dict(rows[0])) if rows else None


async def fetch_all(
    db: Database, model: type[RowT], sql: str, params: tuple[Any, ...]
) -> list[RowT]:
    return [model.model_validate(dict(row)) for row in await db.read(sql, params)]
