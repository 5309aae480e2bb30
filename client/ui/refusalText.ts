// Words a refusal from the server in the current language (by its stable code), with the nickname suggestion.
import type { Refusal } from "../../shared/protocol/index.ts";
import { t } from "../i18n/i18n.ts";

/** The UI-strings key of a refusal code (every code has one; a unit test checks it). */
export function getRefusalKey(code: string): string {
  return `refusal.${code}`;
}

export function getRefusalText(refusal: Refusal): string {
  const text = t(getRefusalKey(refusal.code));
  const base = text === getRefusalKey(refusal.code) ? refusal.message : text;
  return refusal.suggestion ? `${base} ${t("join.suggestion", { nickname: refusal.suggestion })}` : base;
}
