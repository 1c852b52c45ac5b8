// Render flags from the page URL (`?theme=dark&plain`): how a newsroom wants the map to look.
// Unknown or malformed values are ignored.
export interface RenderFlags {
  theme: 'auto' | 'light' | 'dark';
  plain: boolean;
  static: boolean;
  transparent: boolean;
}

export const DEFAULT_FLAGS: RenderFlags = {
  theme: 'auto',
  plain: false,
  static: false,
  transparent: false,
};

const on = (v: string | null) => v !== null && (v === '' || v === '1' || v === 'true');

export function parseFlags(search: string): RenderFlags {
  if (search.length > 500) return DEFAULT_FLAGS;
  const params = new URLSearchParams(search);
  const theme = params.get('theme');
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    plain: on(params.get('plain')),
    static: on(params.get('static')),
    transparent: on(params.get('transparent')),
  };
}
