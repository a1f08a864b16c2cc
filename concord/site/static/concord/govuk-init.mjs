// Starts the GOV.UK Design System's components (the service navigation's "Menu" button on a
// phone, error summaries, notification banners, radios). A file, not an inline script, because
// the Content-Security-Policy runs none; without it the navigation list simply shows in full.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();

// Content that htmx swaps in (a form with its errors, a recorded position) is started too. A
// component already started around it refuses a second start, which is as it should be.
document.addEventListener("htmx:load", (event) => {
  const element = event.detail.elt;
  if (element !== document.body) {
    initAll({ scope: element.parentElement ?? element, onError() {} });
  }
});
