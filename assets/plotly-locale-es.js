/* Plotly's Spanish locale ("es"), served from assets/ because the app runs offline (no CDN).
 *
 * plotly.py ships no locale files, so this one is written for the product: Mexican Spanish as Babel's
 * es_MX writes it (decimal point, thousands comma; month names in lower case: "dic 2025"), matching the
 * numbers and dates printed around the charts. Charts opt in with dcc.Graph(config={"locale": "es"})
 * (figures/style.py graph_config). Dash loads plotly.js asynchronously: when it is not there yet the
 * locale waits in window.PlotlyLocales, which plotly.js registers itself as it loads.
 */
(function () {
  "use strict";
  var locale = {
    moduleType: "locale",
    name: "es",
    dictionary: {
      "Autoscale": "Escala automática",
      "Box Select": "Seleccionar con caja",
      "Click to enter Plot title": "Clic para escribir el título",
      "Click to enter X axis title": "Clic para escribir el título del eje X",
      "Click to enter Y axis title": "Clic para escribir el título del eje Y",
      "Compare data on hover": "Comparar datos al pasar el cursor",
      "Double-click on legend to isolate one trace": "Doble clic en la leyenda para aislar una serie",
      "Double-click to zoom back out": "Doble clic para volver a la vista completa",
      "Download plot as a png": "Descargar la gráfica como PNG",
      "Download plot": "Descargar la gráfica",
      "Lasso Select": "Seleccionar con lazo",
      "Orbital rotation": "Rotación orbital",
      "Pan": "Desplazar",
      "Produced with Plotly.js": "Hecho con Plotly.js",
      "Reset": "Restablecer",
      "Reset axes": "Restablecer ejes",
      "Reset view": "Restablecer vista",
      "Show closest data on hover": "Mostrar el dato más cercano al pasar el cursor",
      "Snapshot succeeded": "Imagen guardada",
      "Sorry, there was a problem downloading your snapshot!": "No se pudo descargar la imagen.",
      "Taking snapshot - this may take a few seconds": "Guardando la imagen; puede tardar unos segundos",
      "Toggle Spike Lines": "Mostrar u ocultar las líneas guía",
      "Zoom": "Acercar",
      "Zoom in": "Acercar",
      "Zoom out": "Alejar",
      "close:": "cierre:",
      "high:": "máximo:",
      "low:": "mínimo:",
      "max:": "máx.:",
      "mean:": "media:",
      "median:": "mediana:",
      "min:": "mín.:",
      "open:": "apertura:",
      "trace": "serie"
    },
    format: {
      days: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
      shortDays: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
      months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
               "octubre", "noviembre", "diciembre"],
      shortMonths: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
      date: "%d/%m/%Y",
      decimal: ".",
      thousands: ","
    }
  };
  if (typeof window.Plotly !== "undefined" && typeof window.Plotly.register === "function") {
    window.Plotly.register(locale);
  } else {
    window.PlotlyLocales = window.PlotlyLocales || [];
    window.PlotlyLocales.push(locale);
  }
})();
