// A kept form never holds a restricted address (application/auth/kept-forms.ts): when the record's or
// a person's form is given back, the saved address stands in for the one typed, and the page says so.
import { fieldsNotKept, type KeptFields } from '../../../application/auth/kept-forms.ts';
import { keptText } from '../../plugins/kept-forms.ts';

/** The kept form's fields as the page shows them, the saved value standing in for each field left out. */
export function keptValues(kept: KeptFields, saved: Record<string, string>): Record<string, string> {
  const standIns = fieldsNotKept(kept).flatMap((name) => (saved[name] === undefined ? [] : [[name, saved[name]] as const]));
  return { ...keptText(kept), ...Object.fromEntries(standIns) };
}

/** What the page says when the kept form's address was left out, or null when nothing was. */
export function addressNotKept(kept: KeptFields | null, saved: Record<string, string>): string | null {
  if (!kept || fieldsNotKept(kept).length === 0) return null;
  const savedShown = fieldsNotKept(kept).some((name) => (saved[name] ?? '') !== '');
  return `The address you typed was not kept, because it is restricted: type it again.${savedShown ? ' The address shown is the one saved on the record.' : ''}`;
}
