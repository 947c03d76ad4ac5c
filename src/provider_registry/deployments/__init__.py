"""Deployments: tenants' workloads on approved providers, and what providers report back."""
