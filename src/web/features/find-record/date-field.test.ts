// macros.njk's dateField writes the date out instead of calling govukDateInput (issue 12): here it is
// rendered beside govukDateInput called as the field called it before, in each state the forms that
// ask a date reach. The two must be the same HTML once each run of white space is one space
// (the macro's nested calls leave blank lines, even inside the <input> tag; a browser reads a run of
// white space there as one, and a date has no <pre> or <textarea>).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { viewEnvironment } from '../../plugins/views.ts';

const env = viewEnvironment();

const WRITTEN_OUT = `{% from "find-record/macros.njk" import dateField -%}
{% if legendClasses is defined %}{{ dateField(prefix, legend, hint, values, fieldErrors, dateParts, legendClasses, valuesPrefix) }}
{%- else %}{{ dateField(prefix, legend, hint, values, fieldErrors, dateParts, valuesPrefix = valuesPrefix) }}{% endif %}`;

/** dateField as it was before it was written out (the hint left out when there is none), its values read under valuesPrefix when given. */
const GOVUK_MACRO = `{% from "govuk/components/date-input/macro.njk" import govukDateInput %}
{%- set error = fieldErrors[prefix + "-day"] or fieldErrors[prefix + "-month"] or fieldErrors[prefix + "-year"] -%}
{%- set parts = dateParts[prefix] if (dateParts and dateParts[prefix]) else [] -%}
{%- set key = valuesPrefix or prefix -%}
{{ govukDateInput({
  id: prefix,
  namePrefix: prefix,
  fieldset: { legend: { text: legend, classes: legendClasses if legendClasses is defined else "govuk-fieldset__legend--s" } },
  hint: { text: hint } if hint else undefined,
  errorMessage: error,
  items: [
    { name: "day", label: "Day", value: values[key + "-day"], classes: "govuk-input--width-2" + (" govuk-input--error" if (error and "day" in parts) else "") },
    { name: "month", label: "Month", value: values[key + "-month"], classes: "govuk-input--width-2" + (" govuk-input--error" if (error and "month" in parts) else "") },
    { name: "year", label: "Year", value: values[key + "-year"], classes: "govuk-input--width-4" + (" govuk-input--error" if (error and "year" in parts) else "") }
  ]
}) }}`;

/**
 * How the consent, discharge plan, growth, meeting, person and supervision forms called govukDateInput
 * before they took dateField: the error given is the one on the day (growth's, on any part), and on it
 * all three parts carry the error class after their width, where dateField (as govukDateInput does when
 * it marks them itself) writes it before: the same classes in another order.
 */
const FORMS_OWN_CALL = `{% from "govuk/components/date-input/macro.njk" import govukDateInput %}
{%- set error = fieldErrors[prefix + "-day"] -%}
{%- set key = valuesPrefix or prefix -%}
{{ govukDateInput({ id: prefix, namePrefix: prefix, fieldset: { legend: { text: legend, classes: legendClasses if legendClasses is defined else "govuk-fieldset__legend--s" } }, hint: { text: hint }, errorMessage: error,
  items: [
    { name: "day", label: "Day", value: values[key + "-day"], classes: "govuk-input--width-2" + (" govuk-input--error" if error else "") },
    { name: "month", label: "Month", value: values[key + "-month"], classes: "govuk-input--width-2" + (" govuk-input--error" if error else "") },
    { name: "year", label: "Year", value: values[key + "-year"], classes: "govuk-input--width-4" + (" govuk-input--error" if error else "") }
  ] }) }}`;

interface State {
  prefix: string;
  legend: string;
  hint: string;
  values?: Record<string, string>;
  fieldErrors?: Record<string, { text: string }>;
  dateParts?: Record<string, string[]>;
  legendClasses?: string;
  valuesPrefix?: string;
}

const oneSpace = (html: string) => html.replace(/\s+/g, ' ').trim();
const classesSorted = (html: string) => html.replace(/class="([^"]*)"/g, (_, classes: string) => `class="${classes.split(' ').sort().join(' ')}"`);
const render = (template: string, state: State) => oneSpace(env.renderString(template, { values: {}, fieldErrors: {}, dateParts: {}, ...state }));

const asked = { prefix: 'occurred', legend: 'When did it happen?', hint: 'For example, 27 3 2026' };
const filled = { 'occurred-day': '27', 'occurred-month': '3', 'occurred-year': '2026' };
const mustBePast = { 'occurred-day': { text: 'The date it happened must be today or in the past' } };
const inRow = { 'on-day': '15', 'on-month': '12', 'on-year': '2026' };

const STATES: Record<string, State> = {
  'empty, as a form first shows it': asked,
  'empty, the page given no errors at all': { ...asked, fieldErrors: undefined, dateParts: undefined },
  filled: { ...asked, values: filled },
  'a part sent empty (value="" kept, as the macro keeps it)': { ...asked, values: { ...filled, 'occurred-day': '' }, fieldErrors: { 'occurred-day': { text: 'The date it happened must include a day' } }, dateParts: { occurred: ['day'] } },
  'the error on the month, naming the month and year': { ...asked, values: { ...filled, 'occurred-month': '13', 'occurred-year': '26' }, fieldErrors: { 'occurred-month': { text: 'The date it happened must be a real date' } }, dateParts: { occurred: ['month', 'year'] } },
  'the error on the year, naming all three parts': { ...asked, values: filled, fieldErrors: { 'occurred-year': mustBePast['occurred-day'] }, dateParts: { occurred: ['day', 'month', 'year'] } },
  'an error naming no part (the macro then marks all three)': { ...asked, values: filled, fieldErrors: mustBePast },
  'an error, the parts named only for another date': { ...asked, values: filled, fieldErrors: mustBePast, dateParts: { expectedDeliveryDate: ['day'] } },
  'parts named but no error': { ...asked, values: filled, dateParts: { occurred: ['day'] } },
  'text to escape in the values, legend, hint and error': {
    prefix: 'occurred',
    legend: 'When <b>"it"</b> & after',
    hint: "Like 27 3 2026 <i>or</i> 'today'",
    values: { 'occurred-day': '<script>"x"</script>', 'occurred-month': "3' onfocus='y", 'occurred-year': '&amp;' },
    fieldErrors: { 'occurred-day': { text: 'Enter <a> "real" date & try again' } },
    dateParts: { occurred: ['day'] },
  },
  'a medium legend (record the birth)': { prefix: 'dateOfBirth', legend: 'Date of birth', hint: 'For example, 27 3 2026', legendClasses: 'govuk-fieldset__legend--m', values: { 'dateOfBirth-day': '20' } },
  'without a hint': { ...asked, hint: '', values: filled },
  'without a hint, with an error': { ...asked, hint: '', values: filled, fieldErrors: mustBePast, dateParts: { occurred: ['day'] } },
  'an error, no dateParts given at all': { ...asked, values: filled, fieldErrors: mustBePast, dateParts: undefined },
  "a legend of the body's size (legendClasses empty, as on the meeting form)": { ...asked, legendClasses: '', values: filled },
  "in a row of a form: the values under the row's own prefix": { prefix: 'followUp-1-on', legend: 'Date', hint: 'For example, 15 12 2026', values: inRow, valuesPrefix: 'on' },
  'in a row, an error and no dateParts': { prefix: 'followUp-1-on', legend: 'Date', hint: 'For example, 15 12 2026', values: { ...inRow, 'on-month': '' }, fieldErrors: { 'followUp-1-on-day': { text: 'Appointment 2: the date must include a month' } }, valuesPrefix: 'on', legendClasses: '' },
};

/** The states the forms that called govukDateInput themselves reach: no dateParts, an error only on the day. */
const FORMS_OWN_STATES = ['empty, the page given no errors at all', 'filled', 'an error, no dateParts given at all', "a legend of the body's size (legendClasses empty, as on the meeting form)", "in a row of a form: the values under the row's own prefix", 'in a row, an error and no dateParts'];

describe('the date field written out', () => {
  for (const [name, state] of Object.entries(STATES)) {
    it(`is the HTML govukDateInput writes: ${name}`, () => {
      assert.equal(render(WRITTEN_OUT, state), render(GOVUK_MACRO, state));
    });
  }

  for (const name of FORMS_OWN_STATES) {
    it(`has the classes the forms' own govukDateInput call wrote: ${name}`, () => {
      const state = STATES[name]!;
      assert.equal(classesSorted(render(WRITTEN_OUT, state)), classesSorted(render(FORMS_OWN_CALL, state)));
    });
  }

  it('describes the fieldset by its hint and error, and marks only the parts in error, as numeric inputs', () => {
    const html = render(WRITTEN_OUT, STATES['the error on the month, naming the month and year']!);
    assert.match(html, /^<div class="govuk-form-group govuk-form-group--error"> <fieldset class="govuk-fieldset" role="group" aria-describedby="occurred-hint occurred-error"> <legend class="govuk-fieldset__legend govuk-fieldset__legend--s"> When did it happen\? <\/legend>/);
    assert.match(html, /<p id="occurred-error" class="govuk-error-message"> <span class="govuk-visually-hidden">Error:<\/span> The date it happened must be a real date <\/p>/);
    assert.match(html, /class="govuk-input govuk-date-input__input govuk-input--width-2" id="occurred-day" name="occurred-day" type="text" value="27" inputmode="numeric">/);
    assert.match(html, /class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error" id="occurred-month" name="occurred-month" type="text" value="13" inputmode="numeric">/);
    assert.match(html, /class="govuk-input govuk-date-input__input govuk-input--width-4 govuk-input--error" id="occurred-year" name="occurred-year" type="text" value="26" inputmode="numeric">/);
  });
});
