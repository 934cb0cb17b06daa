import { createDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { isEmpty, programPlan, seedDemo } from '@/db/seed/demo';
import { seedScale } from '@/db/seed/scale';
import { localSecrets } from './secrets';

/** npm run db:seed [-- --program-scale | --scale N] — demo data into the database at DATABASE_URL. Never in production. */
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
    // --scale N: N times the programme's published size on top (e.g. 100: 75,000 valid needs, ¥130 M).
    const scaleAt = process.argv.indexOf('--scale');
    if (scaleAt > 0) {
      const scale = Number(process.argv[scaleAt + 1]);
      if (!(scale > 0 && scale <= 1000)) throw new Error('--scale takes a number between 0 and 1000');
      const started = Date.now();
      await seedScale(url, scale);
      console.log(`Scale ×${scale} loaded in ${Math.round((Date.now() - started) / 1000)} s.`);
    }
  }
  await close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
