from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provider import Provider


T = TypeVar("T", bound="ProviderPage")


@_attrs_define
class ProviderPage:
    """
    Attributes:
        items (list[Provider]):
        next_cursor (None | str): With cursor paging, the cursor of the next page (null on the last).
        total (int | Unset): With page/page_size or limit/offset paging, how many providers match.
        page (int | Unset):
        page_size (int | Unset):
        offset (int | Unset):
        limit (int | Unset):
    """

    items: list[Provider]
    next_cursor: None | str
    total: int | Unset = UNSET
    page: int | Unset = UNSET
    page_size: int | Unset = UNSET
    offset: int | Unset = UNSET
    limit: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        total = self.total

        page = self.page

        page_size = self.page_size

        offset = self.offset

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if page is not UNSET:
            field_dict["page"] = page
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider import Provider

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Provider.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        total = d.pop("total", UNSET)

        page = d.pop("page", UNSET)

        page_size = d.pop("page_size", UNSET)

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        provider_page = cls(
            items=items,
            next_cursor=next_cursor,
            total=total,
            page=page,
            page_size=page_size,
            offset=offset,
            limit=limit,
        )

        return provider_page
