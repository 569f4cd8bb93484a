"""SQLAlchemy 2 typed models of DESIGN.md §2; importing this package registers every table on `Base.metadata`."""
from .base import Base
from .context import ContextIssue, InterestedParty, PartyRequirement, Risk
from .governance import Action, ManagementReview, Meeting
from .kpi import ImportBatch, Indicator, Measurement, Target
from .organization import CommunicationItem, Organization, OrganizationValue, QualityPolicy, Role, ScopeExclusion
from .strategy import Objective, ObjectiveLink, Perspective, Process, SipocItem
from .system import AppState, AuditEvent, User

__all__ = [
    "Action", "AppState", "AuditEvent", "Base", "CommunicationItem", "ContextIssue", "ImportBatch", "Indicator",
    "InterestedParty", "ManagementReview", "Measurement", "Meeting", "Objective", "ObjectiveLink", "Organization",
    "OrganizationValue", "PartyRequirement", "Perspective", "Process", "QualityPolicy", "Risk", "Role",
    "ScopeExclusion", "SipocItem", "Target", "User",
]
