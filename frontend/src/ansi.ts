/**
 * ANSI escapes in log text: SGR colour codes become styled segments, every other escape
 * sequence (cursor moves, OSC titles and links, stray ESC) is dropped. Nothing here ever
 * produces markup: callers put segment text into text nodes.
 */
export interface AnsiStyle {
  fg?: string; // a class suffix ('1'..'15') or a CSS colour for 256/true colours
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

// CSI ... final byte, OSC ... BEL/ST, two-byte escapes, and a lone ESC
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x1b|\x9b[0-?]*[ -/]*[@-~]/g;

function hasEscapes(text: string): boolean {
  return text.includes('\x1b') || text.includes('\x9b');
}

/** The text without any escape sequence. */
export function stripAnsi(text: string): string {
  return hasEscapes(text) ? text.replace(ESCAPE, '') : text;
}

const CUBE = [0, 95, 135, 175, 215, 255];

function color256(n: number): string | undefined {
  if (!(n >= 0 && n <= 255)) return undefined;
  if (n < 16) return String(n);
  if (n >= 232) {
    const gray = 8 + (n - 232) * 10;
    return `rgb(${gray}, ${gray}, ${gray})`;
  }
  const i = n - 16;
  return `rgb(${CUBE[Math.floor(i / 36)]}, ${CUBE[Math.floor(i / 6) % 6]}, ${CUBE[i % 6]})`;
}

function applySgr(params: string, style: AnsiStyle): AnsiStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  let next: AnsiStyle = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) {
      next.bold = false;
      next.dim = false;
    } else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code >= 30 && code <= 37) next.fg = String(code - 30);
    else if (code >= 90 && code <= 97) next.fg = String(code - 90 + 8);
    else if (code === 39) delete next.fg;
    else if (code >= 40 && code <= 47) next.bg = String(code - 40);
    else if (code >= 100 && code <= 107) next.bg = String(code - 100 + 8);
    else if (code === 49) delete next.bg;
    else if (code === 38 || code === 48) {
      let colour: string | undefined;
      if (codes[i + 1] === 5) {
        colour = color256(codes[i + 2]);
        i += 2;
      } else if (codes[i + 1] === 2) {
        const [r, g, b] = codes.slice(i + 2, i + 5).map((v) => Math.max(0, Math.min(255, v | 0)));
        colour = `rgb(${r}, ${g}, ${b})`;
        i += 4;
      }
      if (colour) {
        if (code === 38) next.fg = colour;
        else next.bg = colour;
      }
    }
  }
  for (const key of Object.keys(next) as (keyof AnsiStyle)[]) {
    if (next[key] === false || next[key] === undefined) delete next[key];
  }
  return next;
}

/** Splits text into styled segments; text between escapes is kept exactly. */
export function parseAnsi(text: string): AnsiSegment[] {
  if (!hasEscapes(text)) return text ? [{ text, style: {} }] : [];
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  ESCAPE.lastIndex = 0;
  for (let match = ESCAPE.exec(text); match; match = ESCAPE.exec(text)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), style });
    if (match[2] === 'm' && match[0].startsWith('\x1b[')) style = applySgr(match[1], style);
    last = ESCAPE.lastIndex;
  }
  if (last < text.length) segments.push({ text: text.slice(last), style });
  return segments;
}
