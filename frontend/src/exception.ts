/** A stack trace as blocks: the lines to read (message, causes, the application's frames) and runs of framework frames to fold. */
export type TraceBlock = { kind: 'lines'; lines: string[] } | { kind: 'cause'; line: string } | { kind: 'framework'; lines: string[] };

/** Frames of the JDK, the frameworks and the servers: rarely where the fault is, so folded. */
const FRAMEWORK =
  /^\s*(?:at\s+(?:java\.|javax\.|jdk\.|sun\.|com\.sun\.|jakarta\.|org\.springframework\.|org\.apache\.|io\.netty\.|reactor\.|kotlin\.|kotlinx\.|scala\.|org\.junit\.|org\.eclipse\.jetty\.|org\.hibernate\.|com\.zaxxer\.|io\.micrometer\.|io\.undertow\.|org\.glassfish\.|ch\.qos\.logback\.|org\.slf4j\.|com\.fasterxml\.|io\.grpc\.|worker\.org\.gradle\.)|\.\.\. \d+ (?:more|common frames omitted))|^\s*File "[^"]*(?:\/lib\/python[\d.]*\/|site-packages|dist-packages|<frozen )/;

/** The line that starts a cause: Java's "Caused by:" and "Suppressed:", Python's chained tracebacks. */
const CAUSE = /^\s*(?:Caused by:|Suppressed:|The above exception was the direct cause|During handling of the above exception)/;

/** Runs of at least this many framework frames are folded; shorter ones stay in line. */
const FOLD_AT = 3;

export function traceBlocks(text: string): TraceBlock[] {
  const lines = text.replace(/\n+$/, '').split('\n');
  const blocks: TraceBlock[] = [];
  let plain: string[] = [];
  let framework: string[] = [];
  const flushFramework = () => {
    if (framework.length >= FOLD_AT) {
      if (plain.length) blocks.push({ kind: 'lines', lines: plain });
      plain = [];
      blocks.push({ kind: 'framework', lines: framework });
    } else plain.push(...framework);
    framework = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FRAMEWORK.test(line)) {
      framework.push(line);
      // a Python frame's source line belongs to it
      if (/^\s*File "/.test(line) && i + 1 < lines.length && /^\s{4,}\S/.test(lines[i + 1]) && !/^\s*File "/.test(lines[i + 1])) framework.push(lines[++i]);
      continue;
    }
    flushFramework();
    if (CAUSE.test(line)) {
      if (plain.length) blocks.push({ kind: 'lines', lines: plain });
      plain = [];
      blocks.push({ kind: 'cause', line });
    } else plain.push(line);
  }
  flushFramework();
  if (plain.length) blocks.push({ kind: 'lines', lines: plain });
  return blocks;
}
