// The calculator's few behaviours beyond htmx. No inline scripts: the CSP forbids them.
(function () {
  "use strict";

  function markInvalidFields(root) {
    root.querySelectorAll(".field-error").forEach(function (error) {
      var name = error.id.replace(/^error-/, "");
      var hasError = error.textContent.trim() !== "";
      var control = document.getElementById("field-" + name);
      var box = error.closest(".field");
      if (control) {
        if (hasError) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
      if (box) box.classList.toggle("has-error", hasError);
      // a field that is wrong is shown: its folded group opens (as the full page does)
      var fold = hasError ? error.closest("details") : null;
      if (fold) fold.open = true;
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-autosubmit]") && target.value) {
      target.form.submit();
    }
  });

  document.addEventListener("click", function (event) {
    // a link to a folded panel (the embed snippets) unfolds it
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    var panel = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
    if (panel && panel.tagName === "DETAILS") panel.open = true;
    // a link to a field in a folded group (the error summary) unfolds the group
    var fold = panel && panel.closest ? panel.closest("details") : null;
    if (fold && panel.tagName !== "DETAILS") fold.open = true;
    var button = event.target.closest ? event.target.closest("[data-copy], [data-print]") : null;
    if (!button) return;
    if (button.hasAttribute("data-print")) {
      window.print();
      return;
    }
    var text = button.getAttribute("data-copy");
    var label = button.textContent;
    var done = function () {
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("Copy this link", text); });
    } else {
      window.prompt("Copy this link", text);
    }
  });

  // Tell the server which cloud choice changed, so it can offer that cloud's options.
  document.addEventListener("input", function (event) {
    var name = event.target.name;
    var changed = document.getElementById("changed");
    if (changed && (name === "provider" || name === "region")) changed.value = name;
  }, true);

  // The sizing form: its errors stay in its panel; a result moves focus to the report.
  function sizingAnswered(event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var errors = document.getElementById("sizing-errors");
    var textarea = document.getElementById("sizing-yaml");
    if (status === 413 && errors) {
      errors.innerHTML = "";
      var line = document.createElement("p");
      line.textContent = "The files are too large to size here.";
      errors.appendChild(line);
    }
    if (textarea) {
      if (status >= 400) textarea.setAttribute("aria-invalid", "true");
      else textarea.removeAttribute("aria-invalid");
    }
    if (status >= 400 && textarea) textarea.focus();
  }

  // Size for the scenario on screen: the address bar holds its permalink.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "sizing-form") {
      event.detail.path = event.detail.path.split("?")[0] + window.location.search;
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "sizing-out") return;
    var title = document.getElementById("sizing-title");
    if (title) title.focus();
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "sizing-form") {
      sizingAnswered(event);
      return;
    }
    var changed = document.getElementById("changed");
    if (changed) changed.value = "";
    var results = document.getElementById("results");
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (results) results.classList.toggle("stale", status >= 400);
    if (status >= 200 && status < 300) {
      // a good answer carries no error lines: clear the ones an earlier answer showed
      document.querySelectorAll(".field-error, #general-errors").forEach(function (el) {
        el.textContent = "";
      });
    }
    markInvalidFields(document);
  });

  // A printed page shows what is folded for the screen: the months and their events.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details[data-print-open]").forEach(function (fold) {
      fold.open = true;
    });
  });

  document.addEventListener("htmx:beforeRequest", function () {
    var results = document.getElementById("results");
    if (results) results.setAttribute("aria-busy", "true");
  });

  document.addEventListener("htmx:afterSettle", function () {
    var results = document.getElementById("results");
    if (results) results.setAttribute("aria-busy", "false");
  });
})();
