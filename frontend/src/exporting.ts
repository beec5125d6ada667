import { entriesAsJsonLines, entriesAsText } from './format';
import type { Entry } from './types';

/** Copies text: the clipboard API, or where it is refused (plain http), a selected text area. */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    doc.body.append(area);
    area.select();
    doc.execCommand('copy');
    area.remove();
  }
}

/** The file name of a download: zmqlog-YYYY-MM-DD-HH-mm-ss.log (or .jsonl), in UTC. */
export function downloadName(kind: 'text' | 'json', now: Date): string {
  const stamp = now.toISOString().replace(/[:T]/g, '-').slice(0, 19);
  return `zmqlog-${stamp}.${kind === 'text' ? 'log' : 'jsonl'}`;
}

/** Saves entries as a log file or JSON lines (markers of loss left out). */
export function downloadEntries(entries: Iterable<Entry>, kind: 'text' | 'json', doc: Document = document): void {
  const body = kind === 'text' ? entriesAsText(entries) : entriesAsJsonLines(entries);
  const blob = new Blob([body], { type: kind === 'text' ? 'text/plain' : 'application/x-ndjson' });
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = downloadName(kind, new Date());
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
