// "Add another" on a form of rows (the plan's outcomes, checks, actions and visits; a discharge
// plan's appointments and people), with JavaScript and without: the button posts to the form's own
// address with a fragment naming the kind of row (`…#new-actions`), and the page that comes back
// marks the row added with that id and tabindex="-1". The browser, following the fragment, scrolls to
// the row and focuses it (a screen reader reads its legend, "Action 4"); Tab goes on to its first
// field. Nothing else on the page moves, and no script is needed.

/** The id of the row "add another" added, for the fragment of its button's formaction. */
export function newRowId(kind: string): string {
  return `new-${kind}`;
}

/** The row "add another" added: its kind, its number as shown (from 0) and the id the page gives it. */
export interface NewRow {
  kind: string;
  row: number;
  id: string;
}

/** The row added of `kind` at `row` (as shown, from 0). */
export function newRowAt(kind: string, row: number): NewRow {
  return { kind, row, id: newRowId(kind) };
}

/** The row added of `kind`, the first blank one of `rows` as re-rendered; none when there is none. */
export function newRow(kind: string, rows: readonly unknown[], isBlank: (row: never) => boolean): NewRow | null {
  const row = rows.findIndex((value) => isBlank(value as never));
  return row === -1 ? null : newRowAt(kind, row);
}
