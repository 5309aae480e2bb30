// Content problems as values: which file, where inside it, and what is wrong.
export interface ContentError {
  file: string;
  /** JSON path inside the file, e.g. policies[2].figures[0]. */
  path: string;
  message: string;
}

export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(root)";
}

export function formatContentError(e: ContentError): string {
  return `${e.file}: ${e.path}: ${e.message}`;
}
