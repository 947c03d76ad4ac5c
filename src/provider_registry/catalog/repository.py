"""All SQL for the catalog: filters, full-text search, sorted keyset pages, state changes."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, cast, delete, exists, func, literal_column, text, tuple_, update
from sqlalchemy.dialects.postgresql import DOUBLE_PRECISION
from sqlmodel import col, select

from provider_registry.catalog.models import PUBLIC_STATUSES, Service, ServiceTag
from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.pagination import (
    InvalidCursor,
    Page,
    cursor_time,
    cursor_uuid,
    pack,
    unpack,
)
from provider_registry.kit.repository import Repository
from provider_registry.kit.timeutil import rfc3339
from provider_registry.providers.models import Provider

SEARCH_CONFIG = "english"


@dataclass(frozen=True)
class Sort:
    by: str  # relevance | created_at | published_at | name
    order: str  # asc | desc


@dataclass(frozen=True)
class Filters:
    query: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    provider_id: uuid.UUID | None = None
    compliance_level: str | None = None
    min_availability: float | None = None
    max_latency: int | None = None
    pricing_model: str | None = None


SERVICE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")  # ServiceCreate.name


def offered_publicly() -> Any:
    """A public service: active or deprecated, not deleted, of a provider that is approved (a
    suspended provider's services leave public listings until it is reinstated)."""
    approved = select(Provider.id).where(col(Provider.status) == "approved")
    return and_(
        col(Service.status).in_(PUBLIC_STATUSES),
        col(Service.deleted_at).is_(None),
        col(Service.provider_id).in_(approved),
    )


def _encode(sort: Sort, value: Any, id_: uuid.UUID) -> str:
    if isinstance(value, datetime):
        value = rfc3339(value)
    return pack([sort.by, sort.order, value, str(id_)])


def _decode(cursor: str, sort: Sort) -> tuple[Any, uuid.UUID]:
    """The position in a cursor :func:`_encode` wrote for this sort, or InvalidCursor."""
    by, order, value, id_ = unpack(cursor, 4)
    if (by, order) != (sort.by, sort.order):
        raise InvalidCursor("The cursor is not one this API issued for this sort.")
    if by in ("created_at", "published_at"):
        value = cursor_time(value)
    elif by == "relevance":
        # A rank is a finite double; pack() refuses anything json wrote as Infinity.
        if type(value) is not float:
            raise InvalidCursor()
    elif not isinstance(value, str) or not SERVICE_NAME.match(value):
        raise InvalidCursor()
    return value, cursor_uuid(id_)


class ServiceRepository(Repository[Service]):
    model = Service

    def is_postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def live(self, service_id: uuid.UUID) -> Service | None:
        """A service that is not deleted."""
        return self.get_one_or_none(
            col(Service.id) == service_id, col(Service.deleted_at).is_(None)
        )

    def public(self, service_id: uuid.UUID) -> Service | None:
        """The service, if it is offered publicly (see ``offered_publicly``)."""
        return self.get_one_or_none(col(Service.id) == service_id, offered_publicly())

    def exists_version(self, provider_id: uuid.UUID, name: str, version: str) -> bool:
        return (
            self.get_one_or_none(
                col(Service.provider_id) == provider_id,
                col(Service.name) == name,
                col(Service.version) == version,
            )
            is not None
        )

    def set_tags(self, service_id: uuid.UUID, tags: list[str]) -> None:
        self.session.execute(delete(ServiceTag).where(col(ServiceTag.service_id) == service_id))
        for tag in sorted(set(tags)):
            self.session.add(ServiceTag(service_id=service_id, tag=tag))
        self.session.flush()

    def update_if(
        self,
        service_id: uuid.UUID,
        *,
        revision: int,
        values: dict[str, Any],
        statuses: tuple[str, ...] | None = None,
    ) -> bool:
        """Conditional UPDATE: still at ``revision`` (and in one of ``statuses``)."""
        conditions = [
            col(Service.id) == service_id,
            col(Service.revision) == revision,
            col(Service.deleted_at).is_(None),
        ]
        if statuses is not None:
            conditions.append(col(Service.status).in_(statuses))
        result: Any = self.session.execute(
            update(Service)
            .where(*conditions)
            .values(**values, revision=revision + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)

    def refresh(self, service: Service) -> Service:
        self.session.refresh(service)
        return service

    def provider_names(self, provider_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not provider_ids:
            return {}
        rows = self.session.exec(
            select(Provider.id, Provider.name).where(col(Provider.id).in_(provider_ids))
        ).all()
        return {row[0]: row[1] for row in rows}

    def public_version_keys(self, name: str) -> list[tuple[uuid.UUID, str, datetime]]:
        """(id, version, created_at) of the public services of this name: the small columns,
        sorted by semantic version in Python, then a page of rows read by id."""
        rows = self.session.exec(
            select(Service.id, Service.version, Service.created_at).where(
                col(Service.name) == name, offered_publicly()
            )
        ).all()
        return [(id_, version, created_at) for id_, version, created_at in rows]

    def by_ids(self, ids: list[uuid.UUID]) -> list[Service]:
        return list(self.session.exec(select(Service).where(col(Service.id).in_(ids))).all())

    def page_of_provider(
        self, provider_id: uuid.UUID, status: str | None, limit: int, cursor: str | None
    ) -> Page[Service]:
        statement = select(Service).where(
            col(Service.provider_id) == provider_id, col(Service.deleted_at).is_(None)
        )
        if status:
            statement = statement.where(col(Service.status) == status)
        return self._keyset(
            statement, Sort("created_at", "desc"), col(Service.created_at), limit, cursor
        )

    def search(self, filters: Filters, sort: Sort, limit: int, cursor: str | None) -> Page[Service]:
        statement = select(Service).where(offered_publicly())
        key: Any
        rank: Any = None
        if filters.query:
            if self.is_postgres():
                tsquery = func.websearch_to_tsquery(SEARCH_CONFIG, filters.query)
                vector: Any = literal_column("services.search_vector")
                statement = statement.where(vector.op("@@")(tsquery))
                # As double precision: the cursor carries the value, and a 4-byte real printed
                # and read back would never equal itself in the keyset comparison.
                rank = cast(func.ts_rank(vector, tsquery), DOUBLE_PRECISION)
            else:  # embedded SQLite: a plain substring match, ranked by recency
                pattern = "%" + filters.query.lower().replace("%", "").replace("_", "") + "%"
                statement = statement.where(func.lower(col(Service.search_text)).like(pattern))
                rank = func.julianday(col(Service.created_at))
        if filters.category:
            statement = statement.where(col(Service.category) == filters.category)
        for tag in filters.tags:
            statement = statement.where(
                exists().where(
                    col(ServiceTag.service_id) == col(Service.id),
                    col(ServiceTag.tag) == tag.lower(),
                )
            )
        if filters.provider_id:
            statement = statement.where(col(Service.provider_id) == filters.provider_id)
        if filters.compliance_level:
            statement = statement.where(col(Service.compliance_level) == filters.compliance_level)
        if filters.min_availability is not None:
            statement = statement.where(col(Service.sla_availability) >= filters.min_availability)
        if filters.max_latency is not None:
            statement = statement.where(col(Service.sla_max_latency) <= filters.max_latency)
        if filters.pricing_model:
            statement = statement.where(col(Service.pricing_model) == filters.pricing_model)
        if sort.by == "relevance":
            if not filters.query:
                raise ValidationFailed(
                    "Sorting by relevance needs a query.",
                    errors=[FieldIssue("sort_by", "relevance needs query", "INVALID_VALUE")],
                )
            key = rank
        else:
            key = {
                "created_at": col(Service.created_at),
                "published_at": col(Service.published_at),
                "name": col(Service.name),
            }[sort.by]
        return self._keyset(statement, sort, key, limit, cursor)

    def _keyset(
        self, statement: Any, sort: Sort, key: Any, limit: int, cursor: str | None
    ) -> Page[Service]:
        ident = col(Service.id)
        descending = sort.order == "desc"
        if cursor:
            value, after_id = _decode(cursor, sort)
            # Row-value comparison, so the index scan starts at the cursor (see kit.pagination).
            if descending:
                statement = statement.where(tuple_(key, ident) < tuple_(value, after_id))
            else:
                statement = statement.where(tuple_(key, ident) > tuple_(value, after_id))
        order = (key.desc(), ident.desc()) if descending else (key.asc(), ident.asc())
        # execute(), not exec(): SQLModel's exec() would return only the entity, not the key.
        rows = list(
            self.session.execute(
                statement.add_columns(key.label("sort_key")).order_by(*order).limit(limit + 1)
            ).all()
        )
        has_more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = _encode(sort, rows[-1][1], rows[-1][0].id) if has_more and rows else None
        return Page(items=[row[0] for row in rows], next_cursor=next_cursor)


__all__ = ["Filters", "ServiceRepository", "Sort", "text"]
