import type { TopicCount } from './types';

export interface TopicNode {
  /** The segment's name, or the app's. */
  name: string;
  /** The app whose topics the node is in (null: entries without a source), and whether the node is that app itself. */
  app: string | null;
  isApp: boolean;
  /** The node's path without level segments ("orders.db"): what the tree shows. */
  path: string;
  /** The topic prefixes it stands for, as the topic filter takes them ("orders.INFO.db", "orders.WARN.db"). */
  prefixes: string[];
  /** Entries of these topics exactly. */
  own: number;
  /** Entries of these topics and every topic under them. */
  total: number;
  children: TopicNode[];
}

/** Level names that publishers put in topics (pyzmq's PUBHandler: "root.LEVEL.sub"); the level filter covers them. */
const LEVEL_SEGMENTS = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'WARNING', 'ERROR', 'FATAL', 'CRITICAL']);

/**
 * Topics as a tree of dot-separated segments, grouped under the app that sent them (/api/topics
 * rows carry `app`), without the level floor: "orders.DEBUG.db" and "orders.WARN.db" are one
 * node db, standing for both prefixes. Under an app, a root topic named as the app is the
 * app's node itself (app orders → db, not orders → orders → db). Topics of entries without an
 * app, or from a viewer that does not say, nest per root topic at the top. A prefix ends at a
 * segment boundary ("greeter.INFO", never "greeter.INF").
 */
export function buildTopicTree(topics: readonly TopicCount[]): TopicNode[] {
  const byApp = new Map<string | null, TopicCount[]>();
  for (const row of topics) {
    const app = row.app ?? null;
    const rows = byApp.get(app) ?? [];
    rows.push(row);
    byApp.set(app, rows);
  }
  const top: TopicNode[] = [];
  for (const [app, rows] of byApp) {
    const roots = topicNodes(rows, app);
    if (app === null) {
      top.push(...roots);
      continue;
    }
    const own = roots.find((node) => node.name === app);
    const node: TopicNode = { name: app, app, isApp: true, path: '', prefixes: [], own: 0, total: 0, children: [] };
    for (const root of roots) {
      node.total += root.total;
      if (root === own) {
        node.own += root.own;
        node.prefixes.push(...root.prefixes);
        node.children.push(...root.children);
      } else {
        node.prefixes.push(...root.prefixes);
        node.children.push(root);
      }
    }
    top.push(node);
  }
  sortNodes(top);
  return top;
}

/** The topics of one app (or of no app) as trees per root topic. */
function topicNodes(topics: readonly TopicCount[], app: string | null): TopicNode[] {
  const root: TopicNode = { name: '', app, isApp: false, path: '', prefixes: [], own: 0, total: 0, children: [] };
  const index = new Map<string, TopicNode>();
  for (const { topic, count } of topics) {
    const segments = topic === '' ? [''] : topic.split('.');
    let node = root;
    let prefix = '';
    let path = '';
    segments.forEach((segment, i) => {
      prefix = i === 0 ? segment : `${prefix}.${segment}`;
      // a level below the root is the level filter's business, not a branch
      if (i > 0 && LEVEL_SEGMENTS.has(segment)) return;
      path = i === 0 ? segment : `${path}.${segment}`;
      let child = index.get(path);
      if (!child) {
        child = { name: segment, app, isApp: false, path, prefixes: [], own: 0, total: 0, children: [] };
        index.set(path, child);
        node.children.push(child);
      }
      if (!child.prefixes.includes(prefix)) child.prefixes.push(prefix);
      child.total += count;
      node = child;
    });
    node.own += count;
  }
  return root.children;
}

function sortNodes(nodes: TopicNode[]): void {
  nodes.sort((a, b) => a.name.localeCompare(b.name) || Number(b.isApp) - Number(a.isApp));
  for (const node of nodes) {
    node.prefixes = [...new Set(node.prefixes)].sort();
    sortNodes(node.children);
  }
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`);

/** Whether the filter covers every prefix of a node. */
export function isSelected(selected: readonly string[], node: TopicNode): boolean {
  return node.prefixes.every((prefix) => selected.some((s) => within(prefix, s)));
}

/** Toggles a node in the topic filter: checking it drops the prefixes it covers or is covered by. */
export function toggleTopic(selected: readonly string[], node: TopicNode): string[] {
  if (isSelected(selected, node)) return selected.filter((s) => !node.prefixes.some((p) => within(p, s) || within(s, p)));
  const kept = selected.filter((s) => !node.prefixes.some((p) => within(s, p) || within(p, s)));
  return [...kept, ...node.prefixes];
}
