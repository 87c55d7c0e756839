import { LitElement } from 'lit';

/**
 * What every widget shares: the theme a web team sets with `--anva-*` properties on the
 * widget or any ancestor. Declared once here, so each element's reference lists the same
 * properties with the same words.
 *
 * @cssprop --anva-color-primary - Button background (default `#0b5cad`).
 * @cssprop --anva-color-on-primary - Button text on the primary colour (default `#fff`).
 * @cssprop --anva-color-text - Text colour (default: the page's).
 * @cssprop --anva-color-surface - Background (default: transparent).
 * @cssprop --anva-color-border - Borders and row lines (default: the text colour at 25%).
 * @cssprop --anva-color-danger - Error accents and the dot of an ended policy (default `#c62828`).
 * @cssprop --anva-color-focus - Focus ring (default: the text colour).
 * @cssprop --anva-radius - Corner radius (default `0.5rem`).
 * @cssprop --anva-space - Padding unit (default `1rem`).
 * @cssprop --anva-font-family - Font (default: the page's).
 */
export class AnvaElement extends LitElement {}
