import type { TopicCount } from './types';

export interface TopicNode {
  /** The segment's name. */
  name: string;
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
 * Topics as a tree of dot-separated segments, per root (the app's root topic), without the
 * level floor: "orders.DEBUG.db" and "orders.WARN.db" are one node orders → db, standing for
 * both prefixes. A prefix ends at a segment boundary ("greeter.INFO", never "greeter.INF").
 */
export function buildTopicTree(topics: readonly TopicCount[]): TopicNode[] {
  const root: TopicNode = { name: '', path: '', prefixes: [], own: 0, total: 0, children: [] };
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
        child = { name: segment, path, prefixes: [], own: 0, total: 0, children: [] };
        index.set(path, child);
        node.children.push(child);
      }
      if (!child.prefixes.includes(prefix)) child.prefixes.push(prefix);
      child.total += count;
      node = child;
    });
    node.own += count;
  }
  const sort = (nodes: TopicNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    nodes.forEach((n) => {
      n.prefixes.sort();
      sort(n.children);
    });
  };
  sort(root.children);
  return root.children;
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
