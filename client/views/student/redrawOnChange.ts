// Draws a phone panel and redraws it only when what it shows changes (a roster change must not scroll or collapse anything).
import type { SessionSnapshot } from "../../state/snapshot.ts";

/** Renders `first` now; the returned update re-renders only when `signature` differs from the last one drawn. */
export function redrawOnChange(first: SessionSnapshot, signature: (s: SessionSnapshot) => string, render: (s: SessionSnapshot) => void): (s: SessionSnapshot) => void {
  render(first);
  let shown = signature(first);
  return (s) => {
    const next = signature(s);
    if (next === shown) return;
    shown = next;
    render(s);
  };
}
