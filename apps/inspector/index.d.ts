/** Folder of the built inspector page (index.html and its bundled script and styles). */
export declare const inspectorDir: string;
