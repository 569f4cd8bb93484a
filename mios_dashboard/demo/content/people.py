"""The people of the demo organization, named the same way in processes, objectives, indicators and actions.

Owners read "Lic. Ana Torres (Directora Comercial)" so the board's owner filter groups them cleanly.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    title: str
    name: str
    position: str
    username: str

    @property
    def owner(self) -> str:
        """How the person appears as the responsible of a process, objective, indicator or action."""
        return f"{self.title} {self.name} ({self.position})"

    @property
    def full(self) -> str:
        return f"{self.title} {self.name}"


DIRECTOR = Person("Ing.", "Roberto Garza", "Director General", "roberto.garza")
COMMERCIAL = Person("Lic.", "Ana Torres", "Directora Comercial", "ana.torres")
OPERATIONS = Person("Ing.", "Luis Méndez", "Director de Operaciones", "luis.mendez")
FINANCE = Person("C.P.", "Patricia Ochoa", "Directora de Administración y Finanzas", "patricia.ochoa")
QUALITY = Person("Ing.", "Mariana Fuentes", "Gerente de Calidad", "mariana.fuentes")  # management representative
PURCHASING = Person("Lic.", "Jorge Castañeda", "Gerente de Compras", "jorge.castaneda")
PEOPLE = Person("Lic.", "Sofía Herrera", "Gerente de Capital Humano", "sofia.herrera")
LOGISTICS = Person("Ing.", "Héctor Ramírez", "Gerente de Logística", "hector.ramirez")
PLANT = Person("Ing.", "Daniel Sepúlveda", "Gerente de Planta", "daniel.sepulveda")
MAINTENANCE = Person("Ing.", "Carlos Ibarra", "Jefe de Mantenimiento", "carlos.ibarra")
IT = Person("Ing.", "Raúl Cantú", "Coordinador de TI", "raul.cantu")
ANALYST = Person("Lic.", "Karla Reyes", "Analista de Información", "karla.reyes")

LEADERSHIP = (DIRECTOR, COMMERCIAL, OPERATIONS, FINANCE, QUALITY, PURCHASING, PEOPLE, LOGISTICS, PLANT)
