"""Support tickets about deployments, between tenants, providers and admins."""
