"""The one generic repository base: it holds the session; subclasses hold all SQL."""

from __future__ import annotations

import uuid
from typing import Any, Generic, TypeVar

from sqlmodel import Session, SQLModel, select

ModelT = TypeVar("ModelT", bound=SQLModel)


class Repository(Generic[ModelT]):
    model: type[ModelT]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, id_: uuid.UUID) -> ModelT | None:
        return self.session.get(self.model, id_)

    def get_one_or_none(self, *where: Any) -> ModelT | None:
        return self.session.exec(select(self.model).where(*where)).first()

    def add(self, obj: ModelT, *, flush: bool = True) -> ModelT:
        self.session.add(obj)
        if flush:
            self.session.flush()
        return obj
