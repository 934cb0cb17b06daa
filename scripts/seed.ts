import { createDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { isEmpty, programPlan, seedDemo } from '@/db/seed/demo';
import { localSecrets } from './secrets';

/** npm run db:seed [-- --program-scale] — demo data into the database at DATABASE_URL. Never in production. */
async function main() {
  if (process.env.NODE_ENV === 'production') {
    console.error('Refusing to load demo data: NODE_ENV is production.');
    process.exit(1);
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set. (npm start seeds the embedded database by itself on first start.)');
    process.exit(1);
  }
  // The same keys the app will read, so it can decrypt what is seeded here.
  Object.assign(process.env, localSecrets(process.env.DATA_DIR ?? '.data'));
  const { db, close } = createDb(url, 1);
  await migrateDb(db);
  if (!(await isEmpty(db))) {
    console.log('The database already has data; demo data not loaded.');
  } else {
    // --program-scale: exactly the programme's published figures (750 valid needs, ¥1.3 M, 5,000 person-times).
    const programScale = process.argv.includes('--program-scale');
    await seedDemo(db, new Date(), programScale ? programPlan : undefined);
    console.log(programScale ? 'Programme-scale data loaded.' : 'Demo data loaded.');
  }
  await close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
