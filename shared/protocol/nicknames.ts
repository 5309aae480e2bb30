// Nickname rules beyond the schema: a name must show something, must not pose as staff, and two
// names that look alike are one name. "Looking alike" is decided on a skeleton (after the idea of
// Unicode TR39): compatibility-folded, accents and invisible characters removed, lower-cased, and
// Cyrillic and Greek letters that render like Latin ones replaced by those Latin letters.

/**
 * Characters that render as nothing or as blank space yet are not caught by \p{White_Space} or
 * \p{Cf}: Hangul fillers, the Braille blank, Khmer inherent vowels, Mongolian and other fillers.
 */
const BLANK_LOOKING = /[\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u180b-\u180f\u034f\u061c\u3000\u2000-\u200f\u2028-\u202f\u205f-\u206f\ufe00-\ufe0f\ufeff]/gu;
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Cc}\p{Mn}\p{Me}]/gu;

/**
 * Cyrillic and Greek letters that look like Latin letters in common fonts (a compact subset of
 * the Unicode confusables table for these three scripts, lower case, after NFKD).
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", г: "r", д: "d", е: "e", ё: "e", з: "3", и: "u", й: "u", к: "k", л: "n", м: "m", н: "h", о: "o", п: "n", р: "p",
  с: "c", т: "t", у: "y", ф: "f", х: "x", ц: "u", ч: "4", ш: "w", щ: "w", ъ: "b", ы: "bl", ь: "b", э: "e", ю: "io", я: "r",
  ѕ: "s", і: "i", ї: "i", ј: "j", ԁ: "d", ԛ: "q", ԝ: "w", ү: "y", һ: "h", ӏ: "l", ɡ: "g",
  // Greek
  α: "a", β: "b", γ: "y", δ: "d", ε: "e", ζ: "z", η: "n", θ: "o", ι: "i", κ: "k", λ: "l", μ: "u", ν: "v", ξ: "e", ο: "o", π: "n",
  ρ: "p", σ: "o", ς: "c", τ: "t", υ: "u", φ: "f", χ: "x", ψ: "w", ω: "w", ϲ: "c", ϳ: "j",
  // Latin look-alikes of other Latin letters and digits
  "0": "o", "1": "l", "|": "l", ı: "i", ł: "l", ø: "o", đ: "d", ħ: "h", ŧ: "t", ß: "ss", æ: "ae", œ: "oe",
};

/** The comparison key of a nickname: two names with the same skeleton count as the same name. */
export function getNicknameSkeleton(nickname: string): string {
  const folded = nickname.normalize("NFKD").replace(BLANK_LOOKING, "").replace(INVISIBLE, "").toLowerCase();
  let out = "";
  for (const ch of folded) out += CONFUSABLES[ch] ?? ch;
  // "i" vs "l" vs "1" are the classic look-alikes in sans-serif fonts: fold them together.
  return out.replace(/[il]/g, "l").replace(/rn/g, "m").replace(/vv/g, "w");
}

/** True when nothing in the name would be visible (only spaces, fillers, format or combining marks). */
export function isInvisibleNickname(nickname: string): boolean {
  return nickname.normalize("NFKC").replace(BLANK_LOOKING, "").replace(INVISIBLE, "").replace(/\p{Z}/gu, "").length === 0;
}

/** Names that pose as the people running the session, in English and Spanish (compared by skeleton, letters only). */
export const RESERVED_NICKNAMES = [
  "teacher", "host", "admin", "administrator", "moderator", "mod", "staff", "system", "server", "owner", "instructor",
  "profesor", "profesora", "profe", "maestro", "maestra", "docente", "anfitrion", "anfitriona", "moderador", "moderadora",
  "administrador", "administradora", "sistema", "servidor", "director", "directora", "coordinador", "coordinadora",
] as const;

const RESERVED_SKELETONS = new Set(RESERVED_NICKNAMES.map((n) => getNicknameSkeleton(n)));

/** True for a staff-like name, whatever its case, accents, spacing, punctuation or trailing digits ("T-e-a-c-h-e-r 2"). */
export function isReservedNickname(nickname: string): boolean {
  const letters = getNicknameSkeleton(nickname.replace(/[\p{N}\p{P}\p{S}]+$/gu, "")).replace(/[^\p{L}]/gu, "");
  return RESERVED_SKELETONS.has(letters);
}
