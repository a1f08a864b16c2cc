// Starts the GOV.UK Design System's components (the service navigation's "Menu" button on a
// phone, error summaries, notification banners). A file, not an inline script, because the
// Content-Security-Policy runs none; without it the navigation list simply shows in full.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
