// Starts the govuk-frontend components on pages that have them. Pages work without it.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
