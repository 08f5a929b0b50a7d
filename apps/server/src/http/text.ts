declare global {
  interface String {
    /** ES2024; the project's TypeScript lib is ES2023. */
    isWellFormed(): boolean;
  }
}

/**
 * Why a string from a request cannot be stored as it is, or undefined when it can. Lone UTF-16
 * surrogates would be turned into U+FFFD by the database (two different IDs landing on one
 * row), and PostgreSQL text cannot hold U+0000. U+FFFD itself is an ordinary character.
 */
export function textProblem(value: string): string | undefined {
  if (!value.isWellFormed()) return 'is not well-formed Unicode (it has a lone UTF-16 surrogate)';
  if (value.includes('\u0000')) return 'contains the NUL character U+0000';
  return undefined;
}
