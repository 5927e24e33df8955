import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './electron/engine/store/schema/pg.ts',
  out: './electron/engine/store/migrations/pg',
});
