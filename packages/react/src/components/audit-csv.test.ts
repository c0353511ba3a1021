import { describe, expect, test } from 'vitest';
import { toCsv } from './audit-csv.js';

/** The one data line of a table with one row. */
const line = (...cells: (string | number | null | undefined)[]) => toCsv(['h'], [cells]).slice('h\r\n'.length);

describe('toCsv', () => {
  test('a header row, then one CRLF-ended line per row', () => {
    const csv = toCsv(['Time', 'Event'], [
      ['2026-12-05T10:00:00.000Z', 'Olivia Owner assigned Imaging Cloud to Mia Member'],
      ['2026-12-05T09:00:00.000Z', 'Adam Admin invited dr.rivera@example.test as Member'],
    ]);
    expect(csv).toBe(
      'Time,Event\r\n' +
        '2026-12-05T10:00:00.000Z,Olivia Owner assigned Imaging Cloud to Mia Member\r\n' +
        '2026-12-05T09:00:00.000Z,Adam Admin invited dr.rivera@example.test as Member\r\n',
    );
  });

  test('no rows: the header alone', () => {
    expect(toCsv(['A', 'B'], [])).toBe('A,B\r\n');
  });

  test('plain text, numbers and empty cells pass as they are', () => {
    expect(line('Olivia Owner', 5, null, undefined, '')).toBe('Olivia Owner,5,,,\r\n');
  });

  test('quotes are doubled and the cell quoted; commas and line breaks are quoted', () => {
    expect(line('She said "hi"')).toBe('"She said ""hi"""\r\n');
    expect(line('Owner, Northwind')).toBe('"Owner, Northwind"\r\n');
    expect(line('two\nlines')).toBe('"two\nlines"\r\n');
    expect(line('{"role":{"from":"member","to":"admin"}}')).toBe('"{""role"":{""from"":""member"",""to"":""admin""}}"\r\n');
  });

  test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
    expect(line('=1+1')).toBe("'=1+1\r\n");
    expect(line('+33 1 23 45 67 89')).toBe("'+33 1 23 45 67 89\r\n");
    expect(line('-2')).toBe("'-2\r\n");
    expect(line('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)\r\n");
    expect(line('\tcmd')).toBe("'\tcmd\r\n");
    expect(line('\rcmd')).toBe('"\'\rcmd"\r\n');
    // Neutralised and quoted: the apostrophe inside the quotes.
    expect(line('=HYPERLINK("http://evil.test","click")')).toBe('"\'=HYPERLINK(""http://evil.test"",""click"")"\r\n');
    // Only at the start.
    expect(line('a=b', 'mia+test@example.test')).toBe('a=b,mia+test@example.test\r\n');
  });
});
