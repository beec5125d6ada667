import type { TopicCount } from './types';

export interface TopicNode {
  /** The segment's name. */
  name: string;
  /** The prefix this node stands for, as the topic filter takes it. */
  prefix: string;
  /** Entries of this topic exactly. */
  own: number;
  /** Entries of this topic and every topic under it. */
  total: number;
  children: TopicNode[];
}

/**
 * Topics as a tree of dot-separated segments. A node's prefix ends at a segment boundary
 * ("greeter.INFO" and not "greeter.INF"), though the server matches plain prefixes.
 */
export function buildTopicTree(topics: readonly TopicCount[]): TopicNode[] {
  const root: TopicNode = { name: '', prefix: '', own: 0, total: 0, children: [] };
  const index = new Map<string, TopicNode>();
  for (const { topic, count } of topics) {
    const segments = topic === '' ? [''] : topic.split('.');
    let node = root;
    let prefix = '';
    for (const segment of segments) {
      prefix = prefix === '' && node === root ? segment : `${prefix}.${segment}`;
      let child = index.get(prefix);
      if (!child) {
        child = { name: segment, prefix, own: 0, total: 0, children: [] };
        index.set(prefix, child);
        node.children.push(child);
      }
      child.total += count;
      node = child;
    }
    node.own += count;
  }
  const sort = (nodes: TopicNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    nodes.forEach((n) => sort(n.children));
  };
  sort(root.children);
  return root.children;
}

/** Toggles a prefix in the topic filter: checking one drops the prefixes it covers or is covered by. */
export function toggleTopic(selected: readonly string[], prefix: string): string[] {
  if (selected.includes(prefix)) return selected.filter((t) => t !== prefix);
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`);
  return [...selected.filter((t) => !within(t, prefix) && !within(prefix, t)), prefix];
}
