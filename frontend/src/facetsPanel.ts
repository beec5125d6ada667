import type { FieldValue } from './api';
import { fieldOrder } from './facets';
import { type FilterState, LEVELS, levelRank } from './filters';

/**
 * Level chips with counts and the top values of each field, for the current filter. A click
 * on a value filters by it (shift-click hides it); a click on a level shows that level and
 * above, a second click every level.
 */
export class FacetsPanel {
  constructor(
    private readonly levelsElement: HTMLElement,
    private readonly fieldsElement: HTMLElement,
    pickLevel: (level: string) => void,
    pickValue: (field: string, value: string, exclude: boolean) => void,
  ) {
    levelsElement.addEventListener('click', (event) => {
      const chip = (event.target as HTMLElement).closest<HTMLElement>('[data-level]');
      if (chip) pickLevel(chip.dataset.level!);
    });
    fieldsElement.addEventListener('click', (event) => {
      const chip = (event.target as HTMLElement).closest<HTMLElement>('[data-value]');
      const group = chip?.closest<HTMLElement>('[data-field]');
      if (chip && group) pickValue(group.dataset.field!, chip.dataset.value!, event.shiftKey);
    });
  }

  renderLevels(counts: Record<string, number>, filter: FilterState): void {
    const doc = this.levelsElement.ownerDocument;
    const lowest = filter.level ? levelRank(filter.level) : -1;
    const chips = LEVELS.map((level) => {
      const chip = doc.createElement('button');
      chip.type = 'button';
      chip.className = `chip level-chip level-${level}`;
      chip.dataset.level = level;
      chip.dataset.testid = `level-chip-${level}`;
      if (lowest >= 0 && levelRank(level) >= lowest) chip.classList.add('on');
      chip.title = filter.level === level ? 'Show every level' : `Show ${level} and above`;
      const count = doc.createElement('span');
      count.className = 'count';
      count.textContent = (counts[level] ?? 0).toLocaleString('en');
      chip.append(doc.createTextNode(`${level} `), count);
      return chip;
    });
    this.levelsElement.replaceChildren(...chips);
  }

  renderFields(fields: Record<string, FieldValue[]>, filter: FilterState, note: string): void {
    const doc = this.fieldsElement.ownerDocument;
    const groups = fieldOrder(fields)
      .filter((field) => fields[field].length > 0)
      .map((field) => {
        const group = doc.createElement('div');
        group.className = 'facet';
        group.dataset.field = field;
        const name = doc.createElement('div');
        name.className = 'facet-name';
        name.textContent = field.startsWith('mdc.') ? field.slice(4) : field;
        group.append(name);
        for (const { value, count } of fields[field]) {
          const row = doc.createElement('button');
          row.type = 'button';
          row.className = 'facet-value';
          row.dataset.value = value;
          if (isOn(filter, field, value)) row.classList.add('on');
          row.title = `${field}=${value}: click to show only these, shift-click to hide them`;
          const label = doc.createElement('span');
          label.className = 'name';
          label.textContent = value;
          const number = doc.createElement('span');
          number.className = 'count';
          number.textContent = count.toLocaleString('en');
          row.append(label, number);
          group.append(row);
        }
        return group;
      });
    const footnote = doc.createElement('div');
    footnote.className = 'facet-note';
    footnote.textContent = note;
    this.fieldsElement.replaceChildren(...groups, footnote);
  }
}

function isOn(filter: FilterState, field: string, value: string): boolean {
  if (field === 'source') return filter.sources.includes(value);
  if (field === 'logger') return filter.logger === value;
  if (field === 'thread') return filter.thread === value;
  return filter.mdc.some(([key, v]) => `mdc.${key}` === field && v === value);
}
