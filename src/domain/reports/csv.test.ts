import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvText, neutralisedCell } from './csv.ts';

describe('CSV files leaving the service', () => {
  it('start with a byte order mark and end each row with CRLF', () => {
    assert.equal(csvText([['a', 'b'], ['1', '2']]), '\uFEFFa,b\r\n1,2\r\n');
  });

  it('quote a cell with a comma, a quote or a line break, doubling its quotes', () => {
    assert.equal(csvText([['1B,4C', 'say "no"', 'two\nlines', 'plain']]), '\uFEFF"1B,4C","say ""no""","two\nlines",plain\r\n');
  });

  it('never hand a spreadsheet a formula: = + - @ tab and carriage return get an apostrophe', () => {
    for (const cell of ['=SUM(A1)', '+44', '-1', '@cmd', '\tx', '\rx']) assert.equal(neutralisedCell(cell), `'${cell}`);
    for (const cell of ['1B', 'a=b', '', "'quoted"]) assert.equal(neutralisedCell(cell), cell);
    assert.equal(csvText([['=HYPERLINK("http://x")']]), '\uFEFF"\'=HYPERLINK(""http://x"")"\r\n');
  });
});
