// Every form field registers its scenario path here, so validation errors (local or from the server) land at the right input.
import type { EditorError } from "./validateDraft.ts";
import { placeErrors } from "./errorPlacement.ts";

export interface RegisteredField {
  /** What a click on the error summary focuses. */
  focusTarget: HTMLElement;
  /** Inputs marked aria-invalid while the field has errors. */
  inputs: HTMLElement[];
  /** Where the field's messages are written (referenced by the inputs' aria-describedby). */
  errorElement: HTMLElement;
}

export interface PlacedError extends EditorError {
  /** Registered path the error is shown at, or null when only the summary shows it. */
  fieldPath: string | null;
}

export class FieldRegistry {
  private readonly fields = new Map<string, RegisteredField>();
  private marked = new Set<string>();

  register(path: string, field: RegisteredField): void {
    this.fields.set(path, field);
  }

  clear(): void {
    this.fields.clear();
    this.marked.clear();
  }

  has(path: string): boolean {
    return this.fields.has(path);
  }

  get(path: string): RegisteredField | undefined {
    return this.fields.get(path);
  }

  /** Writes each error next to its field and marks its inputs invalid; clears the fields that are fine now. */
  show(errors: readonly EditorError[]): PlacedError[] {
    const placed = placeErrors(errors, (p) => this.fields.has(p));
    for (const path of this.marked) {
      const field = this.fields.get(path);
      if (!field || placed.has(path)) continue;
      field.errorElement.textContent = "";
      for (const input of field.inputs) input.removeAttribute("aria-invalid");
    }
    this.marked = new Set();
    const result: PlacedError[] = [];
    for (const [path, list] of placed) {
      for (const e of list) result.push({ ...e, fieldPath: path });
      if (path === null) continue;
      const field = this.fields.get(path);
      if (!field) continue;
      field.errorElement.textContent = list.map((e) => (e.path === path ? e.message : `${e.path}: ${e.message}`)).join(" · ");
      for (const input of field.inputs) input.setAttribute("aria-invalid", "true");
      this.marked.add(path);
    }
    return result;
  }
}
