"""The demo's indicators: definitions (docs/import-formats.md#definitions-sheet) and the story each one's measurements tell.

The stories give the current board greens, yellows and reds for a reason a director would recognise: scrap
fell after a process change nine months ago (CAL-01), and a cheaper liner supplier taken on four months ago
hurt supplier deliveries, liner humidity and OTIF (PRV-01, CAL-05, OPE-06) while it saved money (PRV-04).
The training plan (PER-02) has not been updated for five months, and December's EBITDA (FIN-02) is not
closed yet. Groups are slide 13's strategic evaluation labels.
"""
from __future__ import annotations

from dataclasses import dataclass

from mios_dashboard.demo.content import people as p
from mios_dashboard.demo.content.dates import DemoCalendar
from mios_dashboard.demo.content.measurements import SALES_PROFILE, Budget, Series

SUPPLIER_CHANGE = 4  # months ago a cheaper liner supplier was taken on
PROCESS_CHANGE = 9  # months ago the corrugator got tension and humidity control
STALE_CODE = "PER-02"
NO_DATA_CODE = "FIN-02"


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit: str
    direction: str
    frequency: str
    aggregation: str
    perspective: str
    objective: str | None
    process: str
    group: str
    owner: p.Person
    data_source: str
    series: Series
    target: float | None = None
    target_range: tuple[float, float] | None = None
    baseline: float | None = None
    decimals: int = 1
    green: float = 1.0
    yellow: float = 0.9
    weight: float = 1.0
    description: str = ""
    xmr_window: tuple[int, int] | None = None  # months back (start, end) of the XmR baseline after a change

    def row(self, cal: DemoCalendar) -> dict:
        lo, hi = self.target_range or (None, None)
        return {
            "code": self.code, "name": self.name, "description": self.description, "unit": self.unit,
            "direction": self.direction, "frequency": self.frequency, "aggregation": self.aggregation,
            "target": self.target, "target_min": lo, "target_max": hi, "green_threshold": self.green,
            "yellow_threshold": self.yellow, "baseline": self.baseline, "owner": self.owner.owner,
            "data_source": self.data_source, "group": self.group, "weight": self.weight, "decimals": self.decimals,
            "xmr_baseline_start": cal.month(self.xmr_window[0]) if self.xmr_window else None,
            "xmr_baseline_end": cal.month(self.xmr_window[1]) if self.xmr_window else None,
            "objective": self.objective, "perspective": self.perspective, "process": self.process, "active": True,
        }

    def extra_row(self, cal: DemoCalendar) -> dict:
        """What the definitions sheet has no column for (set through the ORM after the import): decimals shown,
        the XmR baseline window, and the indicator being active."""
        row = self.row(cal)
        return {key: row[key] for key in ("code", "decimals", "xmr_baseline_start", "xmr_baseline_end", "active")}


I = IndicatorSpec
S = Series
ERP = "ERP SAP Business One"
SUPPLIER_NOTE = {SUPPLIER_CHANGE - 1: "Primer mes completo con el nuevo proveedor de papel liner."}

INDICATORS: list[IndicatorSpec] = [
    # Ventas
    I("VEN-01", "Ventas netas facturadas", "MXN", "higher", "monthly", "sum", "FIN", "OBJ-01", "COM", "Ventas",
      p.COMMERCIAL, f"{ERP} — reporte de facturación", S(1.03, 0.955, 0.02, budget=Budget(50_000_000)),
      target=50_000_000, baseline=46_300_000, decimals=0, weight=2.0,
      description="Facturación neta de devoluciones y descuentos, contra el presupuesto mensual con estacionalidad."),
    I("VEN-02", "Cajas vendidas", "piezas", "higher", "monthly", "sum", "FIN", "OBJ-01", "COM", "Ventas",
      p.COMMERCIAL, f"{ERP} — remisiones", S(1.0, 1.01, 0.02, budget=Budget(8_200_000)),
      target=8_200_000, baseline=7_600_000, decimals=0,
      description="Volumen de cajas y plegadizos vendidos, contra el presupuesto de volumen."),
    I("VEN-03", "Clientes nuevos con primera compra", "clientes", "higher", "monthly", "sum", "CLI", "OBJ-06",
      "COM", "Ventas", p.COMMERCIAL, "CRM comercial", S(1.6, 3.4, 0.9), target=3, baseline=2, decimals=0,
      description="Generación de nuevas cuentas: clientes que facturan por primera vez en el mes."),
    I("VEN-04", "Tasa de conversión de cotizaciones", "%", "higher", "weekly", "mean", "CLI", "OBJ-06", "COM",
      "Ventas", p.COMMERCIAL, "CRM comercial — cotizaciones ganadas/emitidas", S(30, 36.5, 3.5, high=100),
      target=35, baseline=30, description="Eficacia de la fuerza de ventas: cotizaciones ganadas entre emitidas."),
    # Mercado y comercial
    I("MER-01", "Participación de mercado en el noreste", "%", "higher", "yearly", "last", "CLI", None, "COM",
      "Mercado", p.COMMERCIAL, "Estimación anual con datos de la CNICP y del área comercial", S(11.2, 11.9, 0.15),
      target=12.5, baseline=11.0, description="Toneladas vendidas entre el consumo regional de cartón corrugado."),
    I("COM-01", "Índice de satisfacción del cliente", "puntos", "higher", "quarterly", "mean", "CLI", "OBJ-04",
      "COM", "Comercial", p.COMMERCIAL, "Encuesta trimestral a clientes (escala 0–100)",
      S(80, 86.5, 0.8, shift=(SUPPLIER_CHANGE, -3.5), high=100), target=85, baseline=79,
      description="Promedio ponderado por ventas de la encuesta de satisfacción."),
    I("COM-02", "Quejas de clientes procedentes", "quejas", "lower", "monthly", "sum", "CLI", "OBJ-05", "SGC",
      "Comercial", p.QUALITY, "Registro de quejas y reclamaciones (SGC-R-08)",
      S(7, 3.5, 0.8, shift=(SUPPLIER_CHANGE, 2.5)), target=4, baseline=7, decimals=0, yellow=0.75,
      description="Quejas que, tras el análisis, resultan imputables a la empresa."),
    I("COM-03", "Retención de clientes", "%", "higher", "quarterly", "last", "CLI", None, "COM", "Comercial",
      p.COMMERCIAL, "CRM comercial — clientes activos", S(90, 93.2, 0.5, high=100), target=92, baseline=89,
      description="Clientes con compra en el trimestre entre los activos del trimestre anterior."),
    # Operación
    I("OPE-01", "Eficiencia global de equipo (OEE) de la corrugadora", "%", "higher", "daily", "mean", "PRO",
      "OBJ-09", "PRD", "Operación", p.PLANT, "Captura de producción en tableta (MES)",
      S(66, 73.8, 4.0, skip_sundays=True, high=100), target=75, baseline=65, yellow=0.93,
      description="Disponibilidad × desempeño × calidad de la corrugadora, por día de operación (lunes a sábado)."),
    I("OPE-02", "Producción de cajas", "piezas", "higher", "weekly", "sum", "PRO", "OBJ-09", "PRD", "Operación",
      p.PLANT, "Captura de producción en tableta (MES)", S(1_820_000, 1_985_000, 45_000), target=1_950_000,
      baseline=1_800_000, decimals=0, description="Productividad de planta: piezas producidas y liberadas por semana."),
    I("OPE-03", "Cumplimiento del programa de producción", "%", "higher", "monthly", "mean", "PRO", "OBJ-09", "PRD",
      "Operación", p.PLANT, "Programa de producción contra lo producido", S(90, 96, 1.0, high=100), target=95,
      baseline=89, description="Órdenes terminadas en la fecha programada entre órdenes programadas."),
    I("OPE-04", "Horas de paro no programado", "horas", "lower", "monthly", "sum", "PRO", "OBJ-10", "PRD",
      "Operación", p.MAINTENANCE, "Bitácora de mantenimiento", S(64, 36, 4.0), target=40, baseline=65,
      description="Horas de paro por fallas de equipo en las líneas de corrugado y conversión."),
    I("OPE-05", "Cumplimiento del mantenimiento preventivo", "%", "higher", "monthly", "mean", "PRO", "OBJ-10",
      "PRD", "Operación", p.MAINTENANCE, "Programa anual de mantenimiento", S(84, 96.5, 1.2, high=100), target=95,
      baseline=82, description="Órdenes de mantenimiento preventivo ejecutadas entre programadas."),
    I("OPE-06", "Entregas completas y a tiempo (OTIF)", "%", "higher", "weekly", "mean", "CLI", "OBJ-05", "LOG",
      "Operación", p.LOGISTICS, "Sistema de embarques (WMS) y confirmaciones de entrega",
      S(92.5, 96, 1.2, shift=(SUPPLIER_CHANGE, -12), high=100), target=95, baseline=91,
      description="Pedidos entregados completos, en la fecha compromiso y sin daño, entre pedidos entregados."),
    I("OPE-07", "Inventario de producto terminado", "días", "range", "monthly", "last", "PRO", None, "LOG",
      "Operación", p.LOGISTICS, f"{ERP} — inventarios", S(21, 15.5, 1.0), target_range=(12, 18), baseline=21,
      description="Días de cobertura de la demanda: ni desabasto (menos de 12) ni sobreinventario (más de 18)."),
    I("OPE-08", "Productividad de mano de obra", "piezas/h-h", "higher", "monthly", "mean", "PRO", None, "PRD",
      "Operación", p.PLANT, "Producción (MES) y horas pagadas (nómina)", S(286, 326, 5), target=320, baseline=285,
      decimals=0, description="Piezas producidas por hora-hombre pagada en planta."),
    # Calidad
    I("CAL-01", "Desperdicio en planta (scrap)", "%", "lower", "monthly", "mean", "PRO", "OBJ-08", "PRD",
      "Calidad", p.PLANT, "Reporte de mermas (báscula de desperdicio)",
      S(5.2, 4.7, 0.18, shift=(PROCESS_CHANGE, -1.95), comments={
          PROCESS_CHANGE - 1: "Arranque del control automático de tensión y humedad en la corrugadora (AC-01)."}),
      target=3.0, baseline=5.0, decimals=2, xmr_window=(PROCESS_CHANGE - 1, PROCESS_CHANGE - 6),
      description="Kilos de desperdicio entre kilos de papel consumidos."),
    I("CAL-02", "Lotes rechazados en inspección final", "%", "lower", "monthly", "mean", "PRO", "OBJ-08", "SGC",
      "Calidad", p.QUALITY, "Registros de liberación de producto (SGC-R-05)", S(2.5, 1.58, 0.08), target=1.5,
      baseline=2.6, decimals=2, description="Calidad del producto: lotes retenidos entre lotes inspeccionados."),
    I("CAL-03", "Costo de la no calidad", "MXN", "lower", "monthly", "sum", "FIN", "OBJ-02", "SGC", "Calidad",
      p.QUALITY, f"{ERP} — mermas, reprocesos, devoluciones y fletes extra",
      S(640_000, 540_000, 25_000, shift=(PROCESS_CHANGE, -140_000), gaps=(13, 14)), target=380_000,
      baseline=650_000, decimals=0, description="Desperdicio, reprocesos, devoluciones y fletes urgentes valorizados."),
    I("CAL-04", "Devoluciones de clientes", "% de ventas", "lower", "monthly", "mean", "CLI", "OBJ-05", "COM",
      "Calidad", p.QUALITY, f"{ERP} — notas de crédito por devolución", S(0.85, 0.42, 0.04), target=0.5,
      baseline=0.9, decimals=2, description="Calidad en el servicio: devoluciones valorizadas entre ventas netas."),
    I("CAL-05", "Humedad del papel liner en recepción", "%", "range", "monthly", "mean", "PRO", "OBJ-07", "CMP",
      "Calidad", p.QUALITY, "Inspección de recepción (medidor de humedad)",
      S(7.6, 7.4, 0.2, shift=(SUPPLIER_CHANGE, 1.8), comments=SUPPLIER_NOTE), target_range=(6.5, 8.5),
      baseline=7.6,
      description="Humedad promedio de las bobinas recibidas; fuera de rango provoca pandeo y desperdicio."),
    I("CAL-06", "Acciones correctivas cerradas a tiempo", "%", "higher", "monthly", "last", "PRO", None, "SGC",
      "Calidad", p.QUALITY, "Registro de acciones del SGC", S(68, 92, 3.0, high=100), target=90, baseline=65,
      decimals=0, description="Acciones correctivas cerradas en su fecha compromiso, acumulado de 12 meses."),
    # Proveedores
    I("PRV-01", "Entregas a tiempo de proveedores", "%", "higher", "monthly", "mean", "PRO", "OBJ-07", "CMP",
      "Proveedores", p.PURCHASING, "Recepciones de almacén de materias primas",
      S(93.5, 96.5, 0.8, shift=(SUPPLIER_CHANGE, -14), high=100, comments=SUPPLIER_NOTE), target=95, baseline=93,
      description="Recepciones de materia prima en la fecha de la orden de compra entre recepciones."),
    I("PRV-02", "Evaluación de proveedores estratégicos", "puntos", "higher", "quarterly", "mean", "PRO", "OBJ-07",
      "CMP", "Proveedores", p.PURCHASING, "Evaluación trimestral de proveedores (calidad, entrega, servicio)",
      S(81, 87.5, 0.8, shift=(SUPPLIER_CHANGE, -6.5), high=100), target=85, baseline=80,
      description="Calificación promedio de los proveedores estratégicos de papel, almidón y tintas."),
    I("PRV-03", "Lotes de materia prima rechazados", "%", "lower", "monthly", "mean", "PRO", "OBJ-07", "CMP",
      "Proveedores", p.PURCHASING, "Inspección de recepción", S(2.3, 1.55, 0.12, shift=(SUPPLIER_CHANGE, 0.3)),
      target=2.0, baseline=2.4, decimals=2, description="Lotes rechazados en recepción entre lotes recibidos."),
    I("PRV-04", "Ahorro en compras", "MXN", "higher", "monthly", "sum", "FIN", "OBJ-02", "CMP", "Proveedores",
      p.PURCHASING, f"{ERP} — órdenes de compra contra precio de referencia",
      S(140_000, 230_000, 30_000, shift=(SUPPLIER_CHANGE, 130_000)), target=250_000, baseline=120_000, decimals=0,
      description="Eficiencia de compras: ahorro contra el precio de referencia del presupuesto."),
    # Finanzas
    I("FIN-01", "Margen bruto", "%", "higher", "monthly", "mean", "FIN", "OBJ-02", "FIN", "Finanzas", p.FINANCE,
      "Estados financieros mensuales", S(21.4, 23.5, 0.3), target=24, baseline=21, yellow=0.95,
      description="Utilidad bruta entre ventas netas."),
    I("FIN-02", "Margen EBITDA", "%", "higher", "monthly", "mean", "FIN", "OBJ-02", "FIN", "Finanzas", p.FINANCE,
      "Estados financieros mensuales", S(11.8, 14.4, 0.35, gaps=(0,)), target=14, baseline=11.5,
      description="EBITDA entre ventas netas; se publica al cierre contable (día 20 del mes siguiente)."),
    I("FIN-03", "Días de cartera (DSO)", "días", "lower", "monthly", "last", "FIN", "OBJ-03", "FIN", "Finanzas",
      p.FINANCE, "Antigüedad de saldos de clientes", S(51, 50, 1.2, shift=(3, 4)), target=45, baseline=52,
      decimals=0, description="Cuentas por cobrar entre ventas diarias promedio del trimestre."),
    I("FIN-04", "Razón circulante", "veces", "range", "monthly", "last", "FIN", "OBJ-03", "FIN", "Finanzas",
      p.FINANCE, "Balance general mensual", S(1.62, 1.92, 0.05), target_range=(1.5, 2.5), baseline=1.6, decimals=2,
      description="Activo circulante entre pasivo circulante: liquidez sin recursos ociosos."),
    I("FIN-05", "Flujo de efectivo de la operación", "MXN", "higher", "monthly", "sum", "FIN", None, "FIN",
      "Finanzas", p.FINANCE, "Estado de flujo de efectivo", S(3_700_000, 4_800_000, 450_000), target=4_500_000,
      baseline=3_600_000, decimals=0, description="Efectivo generado por la operación antes de inversiones."),
    I("FIN-06", "Utilidad neta", "MXN", "higher", "monthly", "sum", "FIN", None, "FIN", "Finanzas", p.FINANCE,
      "Estados financieros mensuales", S(2_500_000, 3_350_000, 250_000, season=SALES_PROFILE), target=3_200_000,
      baseline=2_400_000, decimals=0, description="Tendencia de la utilidad después de impuestos."),
    # Personal y organización
    I("PER-01", "Rotación de personal", "%", "lower", "monthly", "mean", "APR", "OBJ-12", "RH", "Personal",
      p.PEOPLE, "Nómina — altas y bajas", S(5.4, 3.15, 0.2), target=3.0, baseline=5.5, decimals=2,
      description="Bajas del mes entre plantilla promedio."),
    I("PER-02", "Cumplimiento del plan de capacitación", "%", "higher", "monthly", "mean", "APR", "OBJ-11", "RH",
      "Personal", p.PEOPLE, "Listas de asistencia y constancias DC-3", S(72, 86, 4.0, stop=5, high=100),
      target=90, baseline=70, decimals=0, description="Horas de capacitación impartidas entre horas programadas."),
    I("PER-03", "Ausentismo", "%", "lower", "monthly", "mean", "APR", "OBJ-12", "RH", "Personal", p.PEOPLE,
      "Reloj checador", S(3.2, 2.25, 0.15), target=2.5, baseline=3.3, decimals=2,
      description="Jornadas perdidas por faltas e incapacidades entre jornadas programadas."),
    I("PER-04", "Plantilla activa", "personas", "higher", "monthly", "last", "APR", None, "RH", "Personal",
      p.PEOPLE, "Nómina", S(388, 414, 2.5), target=420, baseline=385, decimals=0, green=0.97, yellow=0.93,
      description="Personas en nómina al cierre del mes contra la plantilla autorizada."),
    I("PER-05", "Índice de frecuencia de accidentes", "índice", "lower", "monthly", "mean", "APR", "OBJ-13", "RH",
      "Personal", p.OPERATIONS, "Registro de accidentes (ST-7) y horas trabajadas", S(2.1, 0.7, 0.35), target=1.0,
      baseline=2.2, decimals=2, description="Accidentes con incapacidad por cada 200 mil horas-hombre trabajadas."),
    I("ORG-01", "Descripciones de puesto actualizadas", "%", "higher", "monthly", "last", "APR", "OBJ-11", "RH",
      "Organización", p.PEOPLE, "Expedientes de puestos", S(58, 93, 1.5, high=100), target=100, baseline=55,
      decimals=0, description="Estructura organizacional: puestos con descripción vigente y firmada."),
    I("EST-01", "Acuerdos de la junta de operación cumplidos en fecha", "%", "higher", "monthly", "mean", "PRO",
      None, "DIR", "Estrategia", p.DIRECTOR, "Minutas de la junta de operación", S(72, 86.5, 2.5, high=100),
      target=90, baseline=70, decimals=0,
      description="Acuerdos cerrados en su fecha compromiso entre acuerdos que vencían."),
]

BY_CODE = {spec.code: spec for spec in INDICATORS}
