// Text length as a person sees it: user-perceived characters (grapheme clusters), so an emoji or an
// accented letter typed as two code points counts as one. Used for the argument limit on phones and bots.

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Number of user-perceived characters in `text`. */
export function countGraphemes(text: string): number {
  return Array.from(segmenter.segment(text)).length;
}

/** Whether `text` has more than `max` user-perceived characters; counts them only when it could. */
export function hasMoreGraphemesThan(text: string, max: number): boolean {
  // A character is at least one UTF-16 code unit: a text of at most `max` units cannot have more.
  return text.length > max && countGraphemes(text) > max;
}

/** The first `max` user-perceived characters of `text` (never splits an emoji or a combined letter). */
export function sliceGraphemes(text: string, max: number): string {
  if (max <= 0) return "";
  let out = "";
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (count === max) break;
    out += segment;
    count += 1;
  }
  return out;
}
