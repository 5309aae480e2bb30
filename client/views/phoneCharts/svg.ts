// Tiny SVG builder for the phone's map and charts (attributes and children; strings become text nodes, never markup).
const SVG_NS = "http://www.w3.org/2000/svg";

export type SvgChild = SVGElement | string | null | undefined | false;

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: SvgChild[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  for (const child of children) if (child) el.append(child);
  return el;
}

/** "#rrggbb" of a 0xRRGGBB number (the view models keep Phaser's colour numbers). */
export function toCssColor(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}
