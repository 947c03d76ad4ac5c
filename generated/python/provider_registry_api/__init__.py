"""Pydantic models generated from api/openapi.yaml by `make generate`. Do not edit."""
