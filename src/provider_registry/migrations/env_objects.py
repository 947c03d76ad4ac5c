"""What autogenerate and the models-vs-migrations test must not compare."""

from __future__ import annotations

# Database-only objects the models do not declare (see the service catalog migration): the
# PostgreSQL full-text column and its index.
DATABASE_ONLY = frozenset(
    {("services", "search_vector"), ("services", "ix_services_search_vector")}
)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    table = getattr(getattr(obj, "table", None), "name", None)
    return not (reflected and (table, name) in DATABASE_ONLY)
