import path from 'path';
import { cmsEnv } from '../src/env';

// SQLite is the embedded default; PostgreSQL is production and scale-out (DATABASE_CLIENT=postgres).
export default () => {
  const env = cmsEnv();
  if (env.DATABASE_CLIENT === 'postgres') {
    const ssl = env.DATABASE_SSL && { rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED };
    return {
      connection: {
        client: 'postgres',
        connection: env.DATABASE_URL
          ? { connectionString: env.DATABASE_URL, ssl }
          : {
              host: env.DATABASE_HOST,
              port: env.DATABASE_PORT,
              database: env.DATABASE_NAME,
              user: env.DATABASE_USERNAME,
              password: env.DATABASE_PASSWORD,
              schema: env.DATABASE_SCHEMA,
              ssl,
            },
        pool: { min: env.DATABASE_POOL_MIN, max: env.DATABASE_POOL_MAX },
        acquireConnectionTimeout: env.DATABASE_CONNECTION_TIMEOUT,
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(__dirname, '..', '..', env.DATABASE_FILENAME ?? '.tmp/data.db') },
      useNullAsDefault: true,
    },
  };
};
