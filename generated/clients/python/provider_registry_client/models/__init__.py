"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_create import AccountCreate
from .account_create_role import AccountCreateRole
from .account_sign_in import AccountSignIn
from .account_sign_in_form import AccountSignInForm
from .account_sign_in_form_grant_type import AccountSignInFormGrantType
from .account_status import AccountStatus
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_page import ApiKeyPage
from .audit_event import AuditEvent
from .audit_event_actor_kind import AuditEventActorKind
from .audit_event_details import AuditEventDetails
from .audit_event_page import AuditEventPage
from .billed_to import BilledTo
from .billed_to_kind import BilledToKind
from .capability import Capability
from .capability_parameters import CapabilityParameters
from .capacity import Capacity
from .category import Category
from .compliance import Compliance
from .compliance_level import ComplianceLevel
from .deployment import Deployment
from .deployment_accept import DeploymentAccept
from .deployment_action import DeploymentAction
from .deployment_action_ack import DeploymentActionAck
from .deployment_action_ack_result import DeploymentActionAckResult
from .deployment_action_create import DeploymentActionCreate
from .deployment_action_name import DeploymentActionName
from .deployment_action_page import DeploymentActionPage
from .deployment_action_status import DeploymentActionStatus
from .deployment_create import DeploymentCreate
from .deployment_logs_accepted import DeploymentLogsAccepted
from .deployment_logs_create import DeploymentLogsCreate
from .deployment_metrics import DeploymentMetrics
from .deployment_metrics_create import DeploymentMetricsCreate
from .deployment_page import DeploymentPage
from .deployment_service_status import DeploymentServiceStatus
from .deployment_state import DeploymentState
from .deployment_status import DeploymentStatus
from .deployment_status_report import DeploymentStatusReport
from .deployment_status_report_state import DeploymentStatusReportState
from .endpoint import Endpoint
from .endpoint_protocol import EndpointProtocol
from .field_error import FieldError
from .health import Health
from .health_database import HealthDatabase
from .health_status import HealthStatus
from .hmac_key import HmacKey
from .hmac_key_create import HmacKeyCreate
from .hmac_key_created import HmacKeyCreated
from .hmac_key_page import HmacKeyPage
from .invoice import Invoice
from .invoice_line import InvoiceLine
from .invoice_page import InvoicePage
from .invoice_status import InvoiceStatus
from .invoice_summary import InvoiceSummary
from .jwks import JWKS
from .jwks_keys_item import JWKSKeysItem
from .jwks_keys_item_alg import JWKSKeysItemAlg
from .jwks_keys_item_crv import JWKSKeysItemCrv
from .jwks_keys_item_kty import JWKSKeysItemKty
from .jwks_keys_item_use import JWKSKeysItemUse
from .list_invoices_status import ListInvoicesStatus
from .list_services_compliance_level import ListServicesComplianceLevel
from .list_services_pricing_model import ListServicesPricingModel
from .list_services_sort_by import ListServicesSortBy
from .list_services_sort_order import ListServicesSortOrder
from .liveness import Liveness
from .liveness_status import LivenessStatus
from .log_entry import LogEntry
from .log_lines import LogLines
from .organization import Organization
from .organization_create import OrganizationCreate
from .organization_invitation import OrganizationInvitation
from .organization_invitation_create import OrganizationInvitationCreate
from .organization_invitation_page import OrganizationInvitationPage
from .organization_invitation_status import OrganizationInvitationStatus
from .organization_member import OrganizationMember
from .organization_member_page import OrganizationMemberPage
from .organization_page import OrganizationPage
from .organization_role import OrganizationRole
from .pricing import Pricing
from .principal import Principal
from .principal_auth_method import PrincipalAuthMethod
from .principal_kind import PrincipalKind
from .problem import Problem
from .provider import Provider
from .provider_api_key_create import ProviderApiKeyCreate
from .provider_create import ProviderCreate
from .provider_created import ProviderCreated
from .provider_metadata import ProviderMetadata
from .provider_page import ProviderPage
from .provider_reject import ProviderReject
from .provider_sign_in import ProviderSignIn
from .provider_status import ProviderStatus
from .provider_suspend import ProviderSuspend
from .provider_update import ProviderUpdate
from .public_provider import PublicProvider
from .public_provider_page import PublicProviderPage
from .rate import Rate
from .readiness import Readiness
from .readiness_database import ReadinessDatabase
from .readiness_migrations import ReadinessMigrations
from .readiness_rate_limits import ReadinessRateLimits
from .readiness_status import ReadinessStatus
from .replicas import Replicas
from .resource_price import ResourcePrice
from .resource_price_interval import ResourcePriceInterval
from .resource_price_resource import ResourcePriceResource
from .resources import Resources
from .resources_create import ResourcesCreate
from .role import Role
from .scope import Scope
from .service import Service
from .service_create import ServiceCreate
from .service_endpoint import ServiceEndpoint
from .service_endpoint_authentication import ServiceEndpointAuthentication
from .service_endpoint_protocol import ServiceEndpointProtocol
from .service_page import ServicePage
from .service_pricing import ServicePricing
from .service_pricing_model import ServicePricingModel
from .service_provider import ServiceProvider
from .service_status import ServiceStatus
from .service_suspend import ServiceSuspend
from .service_update import ServiceUpdate
from .service_version_page import ServiceVersionPage
from .session_refresh import SessionRefresh
from .shell_session import ShellSession
from .shell_session_create import ShellSessionCreate
from .shell_session_token_type import ShellSessionTokenType
from .shell_session_verdict import ShellSessionVerdict
from .shell_session_verdict_reason import ShellSessionVerdictReason
from .shell_session_verify import ShellSessionVerify
from .sla import Sla
from .sla_support_level import SlaSupportLevel
from .ticket import Ticket
from .ticket_category import TicketCategory
from .ticket_comment import TicketComment
from .ticket_comment_author_kind import TicketCommentAuthorKind
from .ticket_comment_create import TicketCommentCreate
from .ticket_comment_page import TicketCommentPage
from .ticket_create import TicketCreate
from .ticket_detail import TicketDetail
from .ticket_page import TicketPage
from .ticket_priority import TicketPriority
from .ticket_status import TicketStatus
from .ticket_update import TicketUpdate
from .token_pair import TokenPair
from .token_pair_token_type import TokenPairTokenType
from .usage import Usage
from .usage_against_limit import UsageAgainstLimit
from .usage_item import UsageItem
from .usage_item_state import UsageItemState
from .usage_period import UsagePeriod
from .usage_total import UsageTotal

__all__ = (
    "JWKS",
    "Account",
    "AccountCreate",
    "AccountCreateRole",
    "AccountSignIn",
    "AccountSignInForm",
    "AccountSignInFormGrantType",
    "AccountStatus",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPage",
    "AuditEvent",
    "AuditEventActorKind",
    "AuditEventDetails",
    "AuditEventPage",
    "BilledTo",
    "BilledToKind",
    "Capability",
    "CapabilityParameters",
    "Capacity",
    "Category",
    "Compliance",
    "ComplianceLevel",
    "Deployment",
    "DeploymentAccept",
    "DeploymentAction",
    "DeploymentActionAck",
    "DeploymentActionAckResult",
    "DeploymentActionCreate",
    "DeploymentActionName",
    "DeploymentActionPage",
    "DeploymentActionStatus",
    "DeploymentCreate",
    "DeploymentLogsAccepted",
    "DeploymentLogsCreate",
    "DeploymentMetrics",
    "DeploymentMetricsCreate",
    "DeploymentPage",
    "DeploymentServiceStatus",
    "DeploymentState",
    "DeploymentStatus",
    "DeploymentStatusReport",
    "DeploymentStatusReportState",
    "Endpoint",
    "EndpointProtocol",
    "FieldError",
    "Health",
    "HealthDatabase",
    "HealthStatus",
    "HmacKey",
    "HmacKeyCreate",
    "HmacKeyCreated",
    "HmacKeyPage",
    "Invoice",
    "InvoiceLine",
    "InvoicePage",
    "InvoiceStatus",
    "InvoiceSummary",
    "JWKSKeysItem",
    "JWKSKeysItemAlg",
    "JWKSKeysItemCrv",
    "JWKSKeysItemKty",
    "JWKSKeysItemUse",
    "ListInvoicesStatus",
    "ListServicesComplianceLevel",
    "ListServicesPricingModel",
    "ListServicesSortBy",
    "ListServicesSortOrder",
    "Liveness",
    "LivenessStatus",
    "LogEntry",
    "LogLines",
    "Organization",
    "OrganizationCreate",
    "OrganizationInvitation",
    "OrganizationInvitationCreate",
    "OrganizationInvitationPage",
    "OrganizationInvitationStatus",
    "OrganizationMember",
    "OrganizationMemberPage",
    "OrganizationPage",
    "OrganizationRole",
    "Pricing",
    "Principal",
    "PrincipalAuthMethod",
    "PrincipalKind",
    "Problem",
    "Provider",
    "ProviderApiKeyCreate",
    "ProviderCreate",
    "ProviderCreated",
    "ProviderMetadata",
    "ProviderPage",
    "ProviderReject",
    "ProviderSignIn",
    "ProviderStatus",
    "ProviderSuspend",
    "ProviderUpdate",
    "PublicProvider",
    "PublicProviderPage",
    "Rate",
    "Readiness",
    "ReadinessDatabase",
    "ReadinessMigrations",
    "ReadinessRateLimits",
    "ReadinessStatus",
    "Replicas",
    "ResourcePrice",
    "ResourcePriceInterval",
    "ResourcePriceResource",
    "Resources",
    "ResourcesCreate",
    "Role",
    "Scope",
    "Service",
    "ServiceCreate",
    "ServiceEndpoint",
    "ServiceEndpointAuthentication",
    "ServiceEndpointProtocol",
    "ServicePage",
    "ServicePricing",
    "ServicePricingModel",
    "ServiceProvider",
    "ServiceStatus",
    "ServiceSuspend",
    "ServiceUpdate",
    "ServiceVersionPage",
    "SessionRefresh",
    "ShellSession",
    "ShellSessionCreate",
    "ShellSessionTokenType",
    "ShellSessionVerdict",
    "ShellSessionVerdictReason",
    "ShellSessionVerify",
    "Sla",
    "SlaSupportLevel",
    "Ticket",
    "TicketCategory",
    "TicketComment",
    "TicketCommentAuthorKind",
    "TicketCommentCreate",
    "TicketCommentPage",
    "TicketCreate",
    "TicketDetail",
    "TicketPage",
    "TicketPriority",
    "TicketStatus",
    "TicketUpdate",
    "TokenPair",
    "TokenPairTokenType",
    "Usage",
    "UsageAgainstLimit",
    "UsageItem",
    "UsageItemState",
    "UsagePeriod",
    "UsageTotal",
)
