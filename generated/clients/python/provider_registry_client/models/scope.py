from enum import StrEnum


class Scope(StrEnum):
    ACCOUNT_READ = "account:read"
    AUDIT_READ = "audit:read"
    BILLING_READ = "billing:read"
    BILLING_WRITE = "billing:write"
    DEPLOYMENTS_READ = "deployments:read"
    DEPLOYMENTS_WRITE = "deployments:write"
    KEYS_READ = "keys:read"
    KEYS_WRITE = "keys:write"
    ORGANIZATIONS_READ = "organizations:read"
    ORGANIZATIONS_WRITE = "organizations:write"
    PROFILE_READ = "profile:read"
    PROFILE_WRITE = "profile:write"
    PROVIDERS_REVIEW = "providers:review"
    SERVICES_PUBLISH = "services:publish"
    SERVICES_READ = "services:read"
    SERVICES_WRITE = "services:write"
    TICKETS_READ = "tickets:read"
    TICKETS_WRITE = "tickets:write"

    def __str__(self) -> str:
        return str(self.value)
