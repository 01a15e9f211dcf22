import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsWithDates, heldOnOrDueDate, refusedDate, typedDay } from './refused-date.ts';

const typed = (day: string, month: string, year: string) => ({ 'heldOn-day': day, 'heldOn-month': month, 'heldOn-year': year });
const refused = (day: string, month: string, year: string) => refusedDate(typed(day, month, year), 'heldOn', 'The date of the meeting', 'Enter the date of the meeting.');

describe('a date typed into a form whose rules are the domain’s', () => {
  it('goes to the domain as blank, as the ISO day, or as never a real date when it cannot be read', () => {
    assert.equal(typedDay(typed('', '', ''), 'heldOn'), '');
    assert.equal(typedDay(typed('3', '2', '2027'), 'heldOn'), '2027-02-03');
    for (const [day, month, year] of [['', '2', '2027'], ['3', 'Feb', '2027'], ['31', '2', '2027'], ['3', '2', '27']] as const) assert.equal(typedDay(typed(day, month, year), 'heldOn'), 'not-a-date', `${day} ${month} ${year}`);
  });

  it('words a refused date it could not read in the shared words, on the first part in error, marking only those', () => {
    assert.deepEqual(refused('3', '', ''), { field: 'heldOn-month', text: 'The date of the meeting must include a month and year.', parts: ['month', 'year'] });
    assert.deepEqual(refused('3', 'Feb', '2027'), { field: 'heldOn-day', text: 'The date of the meeting must be a real date.', parts: ['day', 'month', 'year'] });
    assert.deepEqual(refused('31', '2', '2027'), { field: 'heldOn-day', text: 'The date of the meeting must be a real date.', parts: ['day', 'month', 'year'] });
    assert.deepEqual(refused('3', '2', '27'), { field: 'heldOn-year', text: 'Year must include 4 numbers.', parts: ['year'] });
  });

  it('keeps the domain’s message for a date left blank, or read and refused by its rules, on the day with every part marked', () => {
    assert.deepEqual(refused('', '', ''), { field: 'heldOn-day', text: 'Enter the date of the meeting.', parts: ['day', 'month', 'year'] });
    assert.deepEqual(refusedDate(typed('3', '2', '2099'), 'heldOn', 'The date of the meeting', 'The meeting cannot be in the future.'), { field: 'heldOn-day', text: 'The meeting cannot be in the future.', parts: ['day', 'month', 'year'] });
  });
});

describe('the domain’s problems as the errors of a form with dates', () => {
  const heldOn = (day: string, month: string, year: string) => ({ prefix: 'heldOn', typed: typed(day, month, year), label: 'The date of the meeting' });

  it('gives each field its first message and a date one error, worded for what was typed, in the order found', () => {
    const errors = errorsWithDates([
      { field: 'notes', message: 'Enter the notes.', date: undefined },
      { field: 'heldOn-day', message: 'Enter the date of the meeting.', date: heldOn('3', '', '') },
      { field: 'notes', message: 'The notes are too long.', date: undefined },
      { field: 'heldOn-day', message: 'The meeting cannot be in the future.', date: heldOn('3', '', '') },
    ]);
    assert.deepEqual(errors.errorList, [
      { text: 'Enter the notes.', href: '#notes' },
      { text: 'The date of the meeting must include a month and year.', href: '#heldOn-month' },
    ]);
    assert.deepEqual(errors.dateParts, { heldOn: ['month', 'year'] });
  });

  it('keeps the domain’s message, on the day with every part marked, for a date it could read', () => {
    const errors = errorsWithDates([{ field: 'heldOn-day', message: 'The meeting cannot be in the future.', date: heldOn('3', '2', '2099') }]);
    assert.deepEqual(errors.errorList, [{ text: 'The meeting cannot be in the future.', href: '#heldOn-day' }]);
    assert.deepEqual(errors.dateParts, { heldOn: ['day', 'month', 'year'] });
  });

  it('gives no errors for no problems', () => {
    assert.deepEqual(errorsWithDates([]), { errorList: [], fieldErrors: {}, dateParts: {} });
  });
});

describe('the date a problem is about on a form of the day held and actions due', () => {
  const values = { ...typed('3', '2', '2027'), actions: [{ 'dueOn-day': '1', 'dueOn-month': '', 'dueOn-year': '2027' }, { 'dueOn-day': '9', 'dueOn-month': '3', 'dueOn-year': '2027' }] };

  it('names the day held with the form’s words, and an action row’s due date with its own prefix and what was typed in it', () => {
    assert.deepEqual(heldOnOrDueDate('heldOn-day', values, 'The date of the supervision'), { prefix: 'heldOn', typed: typed('3', '2', '2027'), label: 'The date of the supervision' });
    assert.deepEqual(heldOnOrDueDate('action-1-dueOn-day', values, 'The date of the supervision'), {
      prefix: 'action-1-dueOn',
      typed: { 'action-1-dueOn-day': '9', 'action-1-dueOn-month': '3', 'action-1-dueOn-year': '2027' },
      label: 'The due date',
    });
  });

  it('finds no date for another field, an action’s other parts, or a row the form does not hold', () => {
    for (const field of ['chair', 'heldOn-month', 'action-0-text', 'action-0-dueOn-month', 'action-2-dueOn-day']) assert.equal(heldOnOrDueDate(field, values, 'The date of the supervision'), undefined, field);
  });
});
