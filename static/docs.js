// Starts Swagger UI on /docs; a file rather than an inline script, for the CSP.
(function () {
  "use strict";
  var url = document.currentScript.getAttribute("data-openapi");
  window.addEventListener("DOMContentLoaded", function () {
    window.SwaggerUIBundle({ url: url, dom_id: "#swagger-ui", deepLinking: true, tryItOutEnabled: true });
  });
})();
