import { Combobox, createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/** Palettes whose stock shades already give WCAG AA contrast for text on tints and white on fills. */
const CONTRAST_SAFE = new Set(['indigo', 'blue', 'grape', 'violet', 'gray', 'dark']);
const shade = (color: string, n: number) => `var(--mantine-color-${color}-${n})`;
const darker = (color: string, n: number, percent: number) => `color-mix(in srgb, ${shade(color, n)} ${100 - percent}%, black)`;

/**
 * Mantine's light (tinted) and filled variants of teal, orange, green, red… fall below the AA contrast ratio
 * for small text (a teal "Complete" badge measures 4.3:1). Tints get the palette's lightest background and
 * a darkened text; fills a darkened background. Contrast-safe palettes keep the stock look.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return defaults;
  const color = parsed.color;
  const safe = CONTRAST_SAFE.has(color);
  switch (input.variant) {
    case 'light':
      return { ...defaults, background: shade(color, 0), hover: shade(color, 1), color: safe ? shade(color, 9) : darker(color, 9, 30) };
    case 'filled':
      return safe ? defaults : { ...defaults, background: darker(color, 8, 25), hover: darker(color, 9, 25), color: 'var(--mantine-color-white)' };
    case 'outline':
    case 'subtle':
    case 'transparent':
      return safe ? defaults : { ...defaults, color: darker(color, 8, 30) };
    default:
      return defaults;
  }
};

/**
 * Mantine's default "dimmed" grey is 3.3:1 on white; this one is 5.5:1 on the grey page and 5.8:1 on white.
 * Its error red (field errors) is 3.5:1 on white; red-9 passes AA for small text. Its placeholder grey is 2.1:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Placeholders too: a file picker's "Choose a file…" is real text on the page (4.9:1 on white).
  light: { '--mantine-color-dimmed': '#5f666d', '--mantine-color-error': 'var(--mantine-color-red-9)', '--mantine-color-placeholder': '#6b7178' },
  dark: {},
});

/** A calm, businesslike look: the app is often shown on a projector to leadership teams. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above the WCAG AA contrast ratio (shade 6 is below it).
  primaryShade: { light: 7, dark: 5 },
  variantColorResolver,
  fontFamily: "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontFamily: "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", fontWeight: '650' },
  defaultRadius: 'md',
  // Keyboard users always see where focus is; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  cursorType: 'pointer',
  // People who asked their system for less motion get no sliding notifications or modal transitions.
  respectReducedMotion: true,
  components: {
    // Mantine keeps every closed Select's list of options in the page (hidden), and positions each hidden list
    // when it mounts: a forced layout and a synchronous re-render per Select. A list now exists only while
    // it is open, which is also when the field's aria-controls points to it.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});
