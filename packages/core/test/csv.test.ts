import { expect, it } from 'vitest';
import { csvLine } from '@seatkit/core';

it('writes RFC 4180 lines: CRLF, quotes doubled, cells with commas, quotes or line breaks quoted, nothing as empty', () => {
  expect(csvLine(['Ada', 'ada@example.com', 3])).toBe('Ada,ada@example.com,3\r\n');
  expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere'])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere"\r\n');
  expect(csvLine([null, undefined, ''])).toBe(',,\r\n');
});

it('defuses cells a spreadsheet would run as a formula, and only those', () => {
  expect(csvLine(['=1+1', '+33 1 23', '-x', '@SUM(A1)', '\tTab'])).toBe("'=1+1,'+33 1 23,'-x,'@SUM(A1),'\tTab\r\n");
  // Quoted after the prefix when it also needs quoting.
  expect(csvLine(['=HYPERLINK("http://x","y")'])).toBe(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
  expect(csvLine(['a=b', 'x-y', 'o@example.com', -1])).toBe("a=b,x-y,o@example.com,'-1\r\n");
});
