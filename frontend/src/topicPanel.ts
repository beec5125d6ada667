import { isSelected, type TopicNode } from './topicTree';

/** The topic tree with counts and a checkbox per prefix. */
export function renderTopicTree(container: HTMLElement, nodes: TopicNode[], selected: readonly string[], toggle: (node: TopicNode) => void): void {
  const doc = container.ownerDocument;
  const list = (items: TopicNode[]): HTMLUListElement => {
    const ul = doc.createElement('ul');
    for (const node of items) {
      const li = doc.createElement('li');
      const label = doc.createElement('label');
      label.title = `${node.isApp ? `every topic of ${node.name}:\n` : ''}${node.prefixes.join('\n') || '(empty topic)'}`;
      const box = doc.createElement('input');
      box.type = 'checkbox';
      box.checked = isSelected(selected, node);
      if (node.isApp) {
        box.dataset.app = node.app ?? '';
        li.className = 'app';
      } else box.dataset.topic = node.path;
      box.addEventListener('change', () => toggle(node));
      const name = doc.createElement('span');
      name.className = 'name';
      name.textContent = node.name || '(empty)';
      const count = doc.createElement('span');
      count.className = 'count';
      count.textContent = node.total.toLocaleString('en');
      label.append(box, name, count);
      li.append(label);
      if (node.children.length > 0) li.append(list(node.children));
      ul.append(li);
    }
    return ul;
  };
  const tree = list(nodes);
  tree.className = 'tree';
  container.replaceChildren(tree);
}
