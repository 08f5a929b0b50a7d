/** Absolute path of the bundled OpenAPI document (one file, only local refs); `bundle` writes it. */
export declare const specPath: string;
/** Absolute path of the hand-written root document, whose refs point into paths/ and components/. */
export declare const specSourcePath: string;
