import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/engine/store/schema/sqlite.ts',
  out: './electron/engine/store/migrations/sqlite',
});
