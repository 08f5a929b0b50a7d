/** Absolute path of the OpenAPI document. */
export declare const specPath: string;
