import { createDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set. (npm start applies migrations to the embedded database by itself.)');
    process.exit(1);
  }
  const { db, close } = createDb(url, 1);
  await migrateDb(db);
  await close();
  console.log('Migrations applied.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
