import { describe, expect, it } from 'vitest';
import { extensionOf, isInlineSafe, sanitiseFileName } from './file-checks.js';
import { parseRange } from './file-download.js';

describe('sanitiseFileName', () => {
  it('keeps the name people gave, minus directories and dangerous characters', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\amal\\دليل التدريب.pdf')).toBe('دليل التدريب.pdf');
    expect(sanitiseFileName('report\u202egpj.exe')).toBe('reportgpj.exe');
    expect(sanitiseFileName('...hidden')).toBe('hidden');
    expect(sanitiseFileName('\u0000')).toBe('file');
  });

  it('shortens long names but keeps the extension', () => {
    const name = sanitiseFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('file types', () => {
  it('reads extensions the way people write them', () => {
    expect(extensionOf('Photo.JPEG')).toBe('jpg');
    expect(extensionOf('noextension')).toBe('');
  });

  it('never lets HTML, SVG or XML open inline', () => {
    expect(isInlineSafe('application/pdf')).toBe(true);
    expect(isInlineSafe('video/mp4')).toBe(true);
    expect(isInlineSafe('image/svg+xml')).toBe(false);
    expect(isInlineSafe('text/html')).toBe(false);
    expect(isInlineSafe('application/xhtml+xml')).toBe(false);
  });
});

describe('parseRange', () => {
  it('understands the three forms of a byte range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=0-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('answers whole for no or unsupported ranges and unsatisfiable past the end', () => {
    expect(parseRange(undefined, 1000)).toBe('whole');
    expect(parseRange('bytes=0-1,5-6', 1000)).toBe('whole');
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 1000)).toBe('unsatisfiable');
  });
});
