/** Folder of the built site (index.html and its local assets). */
export declare const docsDir: string;
