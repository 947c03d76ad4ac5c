"""Tenant portal tests."""
