// Where an error is shown: the field registered for its path, else the nearest registered ancestor (a group, an item, a section).
import type { EditorError } from "./validateDraft.ts";
import { getParentPathText } from "./scenarioPath.ts";

/** The registered path an error at `errorPath` belongs to, or null when nothing on the page holds it. */
export function findFieldPath(errorPath: string, isRegistered: (path: string) => boolean): string | null {
  let path: string | null = errorPath;
  while (path !== null) {
    if (isRegistered(path)) return path;
    path = getParentPathText(path);
  }
  return null;
}

/** Groups errors by the field that shows them; errors with no field go under null (the summary and the raw JSON view show them). */
export function placeErrors(errors: readonly EditorError[], isRegistered: (path: string) => boolean): Map<string | null, EditorError[]> {
  const placed = new Map<string | null, EditorError[]>();
  for (const error of errors) {
    const at = findFieldPath(error.path, isRegistered);
    placed.set(at, [...(placed.get(at) ?? []), error]);
  }
  return placed;
}
