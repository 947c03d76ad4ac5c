"""Deployments' HTTP handlers, by who calls them: tenants (tenant), their provider (provider), and
both for logs, metrics and shell sessions (telemetry)."""
