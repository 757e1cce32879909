/**
 * The language of lib/correct's user-facing sentences (issue 10). Every function here that
 * returns a sentence for the UI takes a translator last: lib/present/i18n/translate.ts `Translate`
 * (keys are the Chinese sentences, `{{name}}` variables), passed by app/ from `useT()`. lib/correct
 * may not import lib/present (eslint.config.mjs LIB_IMPORTS), so the type is restated here
 * structurally, with the Chinese default {@link zhMessage}.
 */

/** Translates a Chinese sentence (the key) with `{{name}}` variables; the same shape as lib/present/i18n `Translate`. */
export type MessageTranslate = (zh: string, vars?: Record<string, string | number | null | undefined>) => string;

/**
 * The Chinese default: the key itself with its `{{name}}` variables filled in — what
 * lib/present/i18n `zhT` returns for these keys (a variable not given is left as written). Never throws.
 */
export const zhMessage: MessageTranslate = (zh, vars) =>
  vars ? zh.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (vars[name] === undefined || vars[name] === null ? whole : String(vars[name]))) : zh;
