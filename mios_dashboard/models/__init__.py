"""SQLAlchemy 2 typed models of docs/architecture.md#domain-model; importing this package registers every table on `Base.metadata`."""
from mios_dashboard.models.base import Base
from mios_dashboard.models.context import ContextIssue, InterestedParty, PartyRequirement, Risk
from mios_dashboard.models.governance import Action, ManagementReview, Meeting
from mios_dashboard.models.kpi import ImportBatch, Indicator, Measurement, Target
from mios_dashboard.models.organization import (
    CommunicationItem,
    Organization,
    OrganizationValue,
    QualityPolicy,
    Role,
    ScopeExclusion,
)
from mios_dashboard.models.strategy import Objective, ObjectiveLink, Perspective, Process, SipocItem
from mios_dashboard.models.system import AppState, AuditEvent, User

__all__ = [
    "Action", "AppState", "AuditEvent", "Base", "CommunicationItem", "ContextIssue", "ImportBatch", "Indicator",
    "InterestedParty", "ManagementReview", "Measurement", "Meeting", "Objective", "ObjectiveLink", "Organization",
    "OrganizationValue", "PartyRequirement", "Perspective", "Process", "QualityPolicy", "Risk", "Role",
    "ScopeExclusion", "SipocItem", "Target", "User",
]
