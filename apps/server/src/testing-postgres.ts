/** A PostgreSQL database made for one test server and dropped after it. */
export interface Database {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates the database `name` on the server of `serverUrl` (its user needs CREATEDB) and answers
 * its URL; drop() removes it, closing what still uses it. pg is loaded only when PostgreSQL is asked for.
 */
export async function throwawayDatabase(serverUrl: string, name: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
