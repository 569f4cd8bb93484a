"""The closed vocabularies of the domain, as stored codes (English); the UI translates them.

Plain tuples so that importers, analytics and pages can use them without importing SQLAlchemy models.
"""
from __future__ import annotations

PERSPECTIVES = ("FIN", "CLI", "PRO", "APR")  # Financiera, Clientes, Procesos internos, Aprendizaje y crecimiento
DIRECTIONS = ("higher", "lower", "range")
FREQUENCIES = ("daily", "weekly", "monthly", "quarterly", "yearly")
AGGREGATIONS = ("sum", "mean", "last", "min", "max")
PROCESS_TYPES = ("strategic", "operational", "support")
SIPOC_KINDS = ("supplier", "input", "activity", "output", "customer", "control")
MEASUREMENT_SOURCES = ("import", "manual", "demo")
IMPORT_STATUSES = ("accepted", "refused")
CONTEXT_SCOPES = ("internal", "external")
SWOT_QUADRANTS = ("strength", "opportunity", "weakness", "threat")
PARTY_TYPES = (
    "customers", "shareholders", "strategic_allies", "staff", "suppliers", "community",
    "financial_institutions", "government", "regulators",
)
REQUIREMENT_KINDS = ("customer", "legal", "regulatory", "contractual", "other")
RISK_KINDS = ("risk", "opportunity")
# Slide 16, "Riesgos en los negocios": family.category[.subcategory]
RISK_CATEGORIES = (
    "country.economic", "country.geopolitical", "country.social", "country.political",
    "industrial",
    "nature.natural_disasters", "nature.environmental_impact",
    "environment.it", "environment.espionage", "environment.corruption", "environment.competition",
    "environment.illegality", "environment.personal_injury", "environment.material_damage",
    "environment.social_impact", "environment.public_health",
    "organization.strategic", "organization.speculative", "organization.operational", "organization.reputation",
    "organization.financial.market", "organization.financial.liquidity", "organization.financial.credit",
    "organization.legal", "organization.technological", "organization.labour", "organization.physical",
)
EFFECTIVENESS = ("pending", "effective", "not_effective")
ACTION_KINDS = ("corrective", "preventive", "improvement", "risk_treatment", "meeting_decision")
ACTION_ORIGINS = ("meeting", "management_review", "kpi_signal", "complaint", "audit", "risk", "other")
ACTION_STATUSES = ("open", "in_progress", "closed", "effective", "not_effective")
PDCA_STAGES = ("plan", "do", "check", "act")
MEETING_KINDS = ("operation", "sales", "management_review")
REVIEW_STATUSES = ("draft", "closed")
COMMUNICATION_SCOPES = ("internal", "external")
USER_ROLES = ("admin", "director", "representative", "owner", "viewer")
AUDIT_OPERATIONS = ("insert", "update", "delete")
