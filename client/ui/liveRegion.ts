// A polite aria-live region that announces phase changes and results to screen readers.
import { h } from "./dom.ts";

export interface LiveRegion {
  element: HTMLElement;
  announce(text: string): void;
}

export function createLiveRegion(): LiveRegion {
  const element = h("div", { class: "visually-hidden", attrs: { "aria-live": "polite", "aria-atomic": "true" } });
  let last = "";
  return {
    element,
    announce(text) {
      if (text === last) return;
      last = text;
      element.textContent = text;
    },
  };
}
