// The layout (base.njk) writes out what govuk-frontend's page template and its macros wrote (issue 12):
// here it is rendered beside the layout as it was before, extending govuk/template.njk, in the states
// the pages reach (signed in as each role or not, each section current, with or without a count of
// alerts, a back link, errors, a flash message, a kept form, the session's timeout warning, a print
// page's body class, a page adding to the head), and the two must be the same bytes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nunjucks from 'nunjucks';
import type { SignedInUser } from '../../../application/auth/signed-in-user.ts';
import { navigationFor, viewEnvironment } from '../../plugins/views.ts';

const env = viewEnvironment();

/** base.njk as it was before it was written out. */
const GOVUK_TEMPLATE_LAYOUT = new nunjucks.Template(
  `{% extends "govuk/template.njk" %}
{% from "govuk/components/service-navigation/macro.njk" import govukServiceNavigation %}
{% from "govuk/components/back-link/macro.njk" import govukBackLink %}
{% from "govuk/components/error-summary/macro.njk" import govukErrorSummary %}
{% from "govuk/components/notification-banner/macro.njk" import govukNotificationBanner %}

{% block pageTitle %}{% if errorList and errorList.length %}Error: {% endif %}{{ title }} - {{ serviceName }}{% endblock %}

{% block head %}
  <link rel="stylesheet" href="/assets/govuk-frontend.min.css">
  <link rel="stylesheet" href="/assets/app/app.css">
  {% if sessionTimeout %}<link rel="stylesheet" href="/assets/app/timeout-warning.css">{% endif %}
{% endblock %}

{% block header %}
  {% set userSlot %}
    {% if user %}
      <li class="govuk-service-navigation__item">
        <a class="govuk-service-navigation__link app-header-user" href="/account" data-qa="signed-in-user">{{ user.name }}, {{ user.organisationName }}</a>
      </li>
      <li class="govuk-service-navigation__item">
        <form method="post" action="/sign-out" class="app-sign-out-form">
          <input type="hidden" name="_csrf" value="{{ csrfToken }}">
          <button type="submit" class="govuk-service-navigation__link app-sign-out-button" data-qa="sign-out">Sign out</button>
        </form>
      </li>
    {% else %}
      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/sign-in">Sign in</a></li>
    {% endif %}
  {% endset %}
  <header class="govuk-template__header">
    {{ govukServiceNavigation({
      serviceName: serviceName,
      serviceUrl: "/",
      navigation: navigation,
      navigationLabel: "Menu",
      slots: { navigationEnd: userSlot }
    }) }}
  </header>
{% endblock %}

{% block beforeContent %}
  {% if backLink %}{{ govukBackLink({ text: "Back", href: backLink }) }}{% endif %}
{% endblock %}

{% block content %}
  {% if errorList and errorList.length %}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      {{ govukErrorSummary({ titleText: "There is a problem", errorList: errorList }) }}
    </div></div>
  {% endif %}
  {#- The one-off message from the save before (flashSuccess), taken as it is shown; and a kept form given back. -#}
  {% set flash = takeFlash() if takeFlash else null %}
  {% if flash or keptFormNotice %}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      {% if flash %}{{ govukNotificationBanner({ type: "success", text: flash.text, attributes: { "data-qa": flash.qa } }) }}{% endif %}
      {% if keptFormNotice %}{{ govukNotificationBanner({ text: keptFormNotice, attributes: { "data-qa": "kept-form-banner" } }) }}{% endif %}
    </div></div>
  {% endif %}
  {% block pageContent %}{% endblock %}
{% endblock %}

{% block headIcons %}
  <link rel="icon" href="/assets/app/favicon.svg" type="image/svg+xml">
{% endblock %}

{# Our own footer markup inside the template's <footer> landmark: the govukFooter macro always
   draws the crown, the OGL logo and Crown copyright, which are for GOV.UK services only (ADR 0002). #}
{% block govukFooter %}
  <div class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="govuk-footer__inline-list">
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/cookies">Cookies</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/privacy">Privacy notice</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/guidance">Guidance</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/glossary">Glossary</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/api/docs">API</a></li>
          </ul>
          <p class="govuk-footer__licence-description">Infant Care Profile is open-source software. Records shown here are confidential: use them only for the child's safety and welfare.</p>
        </div>
      </div>
    </div>
  </div>
{% endblock %}

{% block bodyEnd %}
  {% if sessionTimeout %}
    {#- The GOV.UK timeout warning, opened by timeout-warning.mjs before the session ends; without
        JavaScript it never shows and the server signs out as before. -#}
    <dialog class="app-timeout-warning" id="timeout-warning" tabindex="-1" aria-labelledby="timeout-warning-heading" aria-describedby="timeout-warning-text"
      data-seconds-left="{{ sessionTimeout.seconds }}" data-ends-by="{{ sessionTimeout.endsBy }}" data-warn-seconds="{{ sessionTimeout.warnSeconds }}"
      data-idle-minutes="{{ sessionTimeout.idleMinutes }}" data-keeps-form="{{ 'true' if sessionTimeout.keepsForm else 'false' }}" data-csrf-token="{{ csrfToken }}"
      data-sign-in-url="/sign-in?returnTo={{ currentPath | urlencode }}" data-qa="timeout-warning">
      <h2 class="govuk-heading-m" id="timeout-warning-heading">You’re about to be signed out</h2>
      <p class="govuk-body" id="timeout-warning-text">For your security, we will sign you out in <span class="app-timeout-warning__time" data-qa="timeout-time">2 minutes</span>.</p>
      <p class="govuk-body" id="timeout-warning-kept" hidden>What you have typed on this page is still here. Save it: you will be asked to sign in, then brought back to it with what you typed.</p>
      <div class="govuk-visually-hidden" aria-live="assertive" id="timeout-warning-announce"></div>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button" data-module="govuk-button" id="timeout-warning-stay" data-qa="stay-signed-in">Stay signed in</button>
        <a class="govuk-link" href="/sign-in" id="timeout-warning-sign-in" hidden>Sign in again</a>
        <form method="post" action="/sign-out" class="app-timeout-warning__sign-out" id="timeout-warning-sign-out">
          <input type="hidden" name="_csrf" value="{{ csrfToken }}">
          <button type="submit" class="app-timeout-warning__link-button govuk-link">Sign out</button>
        </form>
      </div>
    </dialog>
    <script type="module" src="/assets/app/timeout-warning.mjs"></script>
  {% endif %}
  <script type="module" src="/assets/app/init.mjs"></script>
{% endblock %}
`,
  env,
  'govuk-template-layout.njk',
);

const PAGE = new nunjucks.Template(
  `{% extends layout %}
{% block pageContent %}<h1 class="govuk-heading-l">{{ title }}</h1>{% endblock %}`,
  env,
);

/** A page adding a stylesheet to the layout's head, as the print pages do. */
const PAGE_ADDING_TO_HEAD = new nunjucks.Template(
  `{% extends layout %}
{% block head %}
  {{ super() }}
  <link rel="stylesheet" href="/assets/app/print.css">
{% endblock %}
{% block pageContent %}<p class="govuk-body">Printed</p>{% endblock %}`,
  env,
);

const timeout = (keepsForm: boolean) => ({ seconds: 1500, endsBy: '2026-11-22T10:30:00.000Z', warnSeconds: 120, idleMinutes: 30, keepsForm });

const EXTRAS: Record<string, unknown>[] = [
  {},
  { backLink: '/cases/1/chronology?agency=A&b=<c>' },
  { errorList: [{ text: 'Enter a start date', href: '#from-day' }], bodyClasses: 'app-print-page' },
  { errorList: [] },
  { takeFlash: () => ({ text: 'The entry is recorded.', qa: 'entry-recorded' }), keptFormNotice: 'What you typed is back.' },
  { takeFlash: () => null, sessionTimeout: timeout(true) },
  { sessionTimeout: timeout(false), backLink: '/' },
  // Menus no role has now: the template's menu button is there for two items or more.
  { navigation: [{ text: 'My cases', href: '/', current: true }] },
  { navigation: [{ text: 'My cases', href: '/', current: false }, { text: 'Alerts & more', href: '/alerts?x=<y>', current: true }] },
];

function user(role: SignedInUser['role']): SignedInUser {
  return {
    id: 'user-1',
    email: 'a@test.example',
    name: 'Ann <O\'Neil> & "Co"',
    role,
    organisationId: 'org-1',
    organisationName: 'St Mary’s & Northfield',
    organisationKind: 'health',
    dataProtectionOfficer: role === 'manager',
    partnershipView: role === 'practitioner',
  };
}

describe('the layout written out', () => {
  it('is byte for byte what govuk-frontend’s template and macros wrote, in every state a page reaches', () => {
    let states = 0;
    for (const signedIn of [null, ...(['practitioner', 'safeguarding-lead', 'manager', 'admin'] as const).map(user)]) {
      for (const currentPath of ['/', '/alerts', '/supervision', '/admin/users', '/cases/1']) {
        for (const openAlerts of [null, 0, 12]) {
          for (const extra of EXTRAS) {
            for (const page of [PAGE, PAGE_ADDING_TO_HEAD]) {
              const locals = { user: signedIn, navigation: navigationFor(signedIn, currentPath, openAlerts), csrfToken: 'token-1', currentPath, title: 'My <cases>', ...extra };
              const written = page.render({ ...locals, layout: 'layouts/base.njk' });
              const before = page.render({ ...locals, layout: GOVUK_TEMPLATE_LAYOUT });
              assert.equal(written, before, `${signedIn?.role ?? 'signed out'} at ${currentPath}, ${String(openAlerts)} alerts, ${JSON.stringify(extra)}`);
              states++;
            }
          }
        }
      }
    }
    assert.equal(states, 5 * 5 * 3 * EXTRAS.length * 2);
  });
});
