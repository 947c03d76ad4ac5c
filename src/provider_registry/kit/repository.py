"""The one generic repository base: it holds the session; subclasses hold all SQL."""

from __future__ import annotations

import functools
import uuid
from typing import Any, Generic, TypeVar

from sqlalchemy import Row, Select, bindparam
from sqlalchemy import select as core_select
from sqlmodel import Session, SQLModel, select

ModelT = TypeVar("ModelT", bound=SQLModel)


class Repository(Generic[ModelT]):
    model: type[ModelT]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, id_: uuid.UUID) -> ModelT | None:
        return self.session.get(self.model, id_)

    def row(self, id_: uuid.UUID) -> Row[Any] | None:
        """The row with this primary key as a plain (Core) row: no ORM instance, identity map or
        change tracking, about half the CPU of ``get``. For the subject authentication loads on
        every request; ``kit.db.reuse`` makes an instance of it only when a handler needs one."""
        return self.session.connection().execute(_by_id(self.model), {"id": id_}).first()

    def get_one_or_none(self, *where: Any) -> ModelT | None:
        return self.session.exec(select(self.model).where(*where)).first()

    def add(self, obj: ModelT, *, flush: bool = True) -> ModelT:
        self.session.add(obj)
        if flush:
            self.session.flush()
        return obj

    def refresh(self, obj: ModelT) -> ModelT:
        """``obj`` as the database has it now (after a conditional UPDATE that did not match)."""
        self.session.refresh(obj)
        return obj


@functools.cache
def _by_id(model: type[SQLModel]) -> Select[Any]:
    table: Any = model.__table__  # type: ignore[attr-defined]
    (key,) = table.primary_key.columns
    return core_select(table).where(key == bindparam("id"))


def skip_locked(session: Session, statement: Any) -> Any:
    """``statement`` taking only rows no other transaction has locked (PostgreSQL), for batch
    deletes several maintenance runs may do at once; SQLite has one writer at a time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        return statement.with_for_update(skip_locked=True)
    return statement
