// Concord's one script of its own. Markup asks for behaviour with data- attributes and this
// file supplies it, because the Content-Security-Policy runs no inline script or handler.
// Every page works without it; it only adds.
(function () {
  "use strict";

  // A button that prints the page (shown only where there is a script to press it).
  function showPrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });

  // A form that asks before it does something that cannot be undone.
  document.addEventListener("submit", function (event) {
    const question = event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // An htmx request that fails (a server error, or no answer at all) swaps nothing: say so,
  // rather than leave the reader waiting. A 422 is swapped like a success (see the
  // htmx-config meta in base.html): it carries the form with its errors.
  function showRequestError(shown) {
    const notice = document.getElementById("request-error");
    if (notice) {
      notice.hidden = !shown;
      if (shown) {
        // Brought into view and focused: the reader is at the form, often far below it.
        notice.setAttribute("tabindex", "-1");
        notice.focus();
      }
    }
  }

  document.addEventListener("htmx:responseError", function () { showRequestError(true); });
  document.addEventListener("htmx:sendError", function () { showRequestError(true); });
  document.addEventListener("htmx:beforeRequest", function () { showRequestError(false); });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showPrintButtons);
  } else {
    showPrintButtons();
  }
})();
