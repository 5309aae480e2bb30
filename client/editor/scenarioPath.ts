// Paths into the scenario draft (["policies", 2, "name", "en"]): formatting like the content errors, and immutable get/set/remove.
import { formatJsonPath } from "../../shared/content/contentErrors.ts";

export type PathSegment = string | number;
export type ScenarioPath = readonly PathSegment[];

/** The same text the validator uses for error paths, e.g. `policies[2].name.en`; the root is `(root)`. */
export function formatPath(path: ScenarioPath): string {
  return formatJsonPath(path);
}

/** The formatted path one step up (`policies[2].name.en` → `policies[2].name`), or null at the root. */
export function getParentPathText(pathText: string): string | null {
  if (pathText === "(root)" || pathText === "") return null;
  const trimmed = pathText.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");
  if (trimmed === pathText) return "(root)";
  return trimmed === "" ? "(root)" : trimmed;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

export function getAt(data: unknown, path: ScenarioPath): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

/** A copy of `data` with `value` at `path` (containers along the way are copied, missing ones created); `undefined` removes the key. */
export function setAt(data: unknown, path: ScenarioPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const container: Record<string, unknown> | unknown[] = Array.isArray(data)
    ? [...data]
    : isContainer(data)
      ? { ...(data as Record<string, unknown>) }
      : typeof head === "number"
        ? []
        : {};
  const child = setAt((container as Record<string, unknown>)[String(head)], rest, value);
  if (Array.isArray(container) && typeof head === "number") {
    if (child === undefined && rest.length === 0) container.splice(head, 1);
    else container[head] = child;
  } else if (child === undefined && rest.length === 0) {
    delete (container as Record<string, unknown>)[String(head)];
  } else {
    (container as Record<string, unknown>)[String(head)] = child;
  }
  return container;
}

/** A copy of `data` without the item or key at `path` (array items are spliced out). */
export function removeAt(data: unknown, path: ScenarioPath): unknown {
  return setAt(data, path, undefined);
}

/** A copy of `data` with `item` appended to the array at `path` (created if missing). */
export function appendAt(data: unknown, path: ScenarioPath, item: unknown): unknown {
  const list = getAt(data, path);
  return setAt(data, path, [...(Array.isArray(list) ? list : []), item]);
}
