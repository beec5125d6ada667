import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';

describe('ANSI escapes', () => {
  it('strips colour codes and every other escape', () => {
    expect(stripAnsi('\x1b[31mred\x1b[0m plain \x1b[2K\x1b]0;title\x07done\x1b')).toBe('red plain done');
  });

  it('turns SGR colours into styles', () => {
    expect(parseAnsi('a\x1b[1;91mB\x1b[39mC\x1b[0md')).toEqual([
      { text: 'a', style: {} },
      { text: 'B', style: { bold: true, fg: '9' } },
      { text: 'C', style: { bold: true } },
      { text: 'd', style: {} },
    ]);
  });

  it('understands 256 and true colours', () => {
    expect(parseAnsi('\x1b[38;5;196mx')[0].style.fg).toBe('rgb(255, 0, 0)');
    expect(parseAnsi('\x1b[48;2;1;2;3mx')[0].style.bg).toBe('rgb(1, 2, 3)');
  });

  it('leaves text without escapes alone', () => {
    expect(parseAnsi('<b>not bold</b>')).toEqual([{ text: '<b>not bold</b>', style: {} }]);
  });
});
