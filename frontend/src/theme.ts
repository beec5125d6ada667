const THEMES = ['auto', 'dark', 'light'] as const;
type Theme = (typeof THEMES)[number];
const KEY = 'zmqlog.theme';

/** The theme button: follow the system, dark or light, remembered in localStorage. */
export function bindThemeToggle(button: HTMLButtonElement, root: HTMLElement = document.documentElement): void {
  const set = (theme: Theme) => {
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    button.textContent = { auto: '◐ auto', dark: '● dark', light: '○ light' }[theme];
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // storage may be off; the theme then lasts for this page only
    }
  };
  button.addEventListener('click', () => {
    const current = (root.dataset.theme as Theme | undefined) ?? 'auto';
    set(THEMES[(THEMES.indexOf(current) + 1) % THEMES.length]);
  });
  set(stored());
}

function stored(): Theme {
  try {
    const theme = localStorage.getItem(KEY);
    return THEMES.includes(theme as Theme) ? (theme as Theme) : 'auto';
  } catch {
    return 'auto';
  }
}
