/** Text in the account's languages: language code -> text. */
export type LocalText = Readonly<Record<string, string>>;

/** Reads a config text: a plain string (in the default language) or an object of language -> text. */
export function parseLocalText(value: unknown, where: string, defaultLanguage: string, fallback = ''): LocalText {
  if (value === undefined || value === null) return { [defaultLanguage]: fallback };
  if (typeof value === 'string') return { [defaultLanguage]: value };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([, text]) => typeof text === 'string')) return Object.fromEntries(entries) as LocalText;
  }
  throw new Error(`${where} must be a string or an object of language -> string.`);
}

/** The text in `lang`, else in the default language, else any. */
export function textIn(text: LocalText, lang: string | undefined, defaultLanguage: string): string {
  return (lang !== undefined ? text[lang] : undefined) ?? text[defaultLanguage] ?? Object.values(text)[0] ?? '';
}
